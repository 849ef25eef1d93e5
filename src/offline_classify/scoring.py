"""The scorer contract: premise windows x hypotheses -> entailment probabilities.

Every model family implements :class:`Scorer`: the NLI cross-encoder
(:mod:`offline_classify.nli`), the bi-encoder default
(:mod:`offline_classify.biencoder`) and the deterministic :class:`KeywordScorer`
used by tests and the pytest plugin. The pipeline, the job service and the server
only ever talk to this contract.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

import numpy as np

__all__ = ["Aggregation", "ScoringDefaults", "Scorer", "KeywordScorer"]

Aggregation = Literal["max", "mean", "top2"]


@dataclass(frozen=True)
class ScoringDefaults:
    """How a scorer wants to be used, read from its checkpoint's config.

    Attributes:
        template: Builds a hypothesis from a rule; ``{description}`` and ``{type}`` are
            filled in. ``"auto"`` picks a sentence form from the description's first word
            (see :func:`offline_classify.hypotheses.build_hypothesis`).
        threshold: The best rule wins only when its probability reaches this.
        aggregation: How window probabilities become a document probability.
        window_overlap: Tokens shared by consecutive windows of a page.
    """

    template: str = "auto"
    threshold: float = 0.5
    aggregation: Aggregation = "max"
    window_overlap: int = 32


@runtime_checkable
class Scorer(Protocol):
    """Scores every (premise, hypothesis) pair with the probability of entailment."""

    name: str
    defaults: ScoringDefaults

    def max_premise_tokens(self, hypotheses: Sequence[str]) -> int:
        """How many tokens of premise fit in one window beside each of ``hypotheses``."""
        ...

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of the tokens the model would read in ``text``."""
        ...

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        """Entailment probabilities, shape ``(len(premises), len(hypotheses))``, in [0, 1]."""
        ...


_WORD = re.compile(r"\w+", re.UNICODE)
_STOPWORDS = frozenset(
    "a an and are as at be by contains for from has have in includes is it its of on or "
    "such that the this to with document text about".split()
)


class KeywordScorer:
    """A fast, deterministic scorer that needs no model: word overlap.

    The probability that a premise entails a hypothesis is
    ``floor + (ceiling - floor) * share``, where ``share`` is the fraction of the
    hypothesis's content words (lower-cased words of three or more letters, minus a
    short stop list) that occur in the premise. A rule whose words do not occur in a
    document therefore scores ``floor`` and the result is ``null``; the rule sharing
    the most words wins. Used by the tests and by the pytest plugin's fake cloud.
    """

    name = "keyword"

    def __init__(
        self,
        *,
        floor: float = 0.05,
        ceiling: float = 0.95,
        max_premise_tokens: int = 256,
        defaults: ScoringDefaults | None = None,
    ) -> None:
        self.floor = floor
        self.ceiling = ceiling
        self._max_premise_tokens = max_premise_tokens
        self.defaults = defaults or ScoringDefaults(template="{description}", window_overlap=16)

    def max_premise_tokens(self, hypotheses: Sequence[str] = ()) -> int:
        return self._max_premise_tokens

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        return [match.span() for match in re.finditer(r"\S+", text)]

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        hypothesis_words = [self._content_words(h) for h in hypotheses]
        scores = np.full((len(premises), len(hypotheses)), self.floor, dtype=np.float64)
        for i, premise in enumerate(premises):
            premise_words = set(_WORD.findall(premise.lower()))
            for j, words in enumerate(hypothesis_words):
                if words:
                    share = len(words & premise_words) / len(words)
                    scores[i, j] = self.floor + (self.ceiling - self.floor) * share
        return scores

    @staticmethod
    def _content_words(text: str) -> set[str]:
        return {
            word
            for word in _WORD.findall(text.lower())
            if len(word) >= 3 and word not in _STOPWORDS
        }
