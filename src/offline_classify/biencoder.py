"""The bi-encoder scorer: embeddings compared, and a fitted link that makes them probabilities.

Each premise window and each hypothesis is embedded once (mean-pooled token states,
unit length), so a document costs ``windows + rules`` passes through the encoder
instead of the cross-encoder's ``windows x rules``. For every (window, hypothesis)
pair the link turns two features into the probability of entailment::

    similarity = cos(window, hypothesis)
    background_margin = similarity - max over kept background types of cos(window, type)
    p = sigmoid(w_similarity * similarity + w_margin * background_margin + bias)

The *background types* are descriptions of generic document types ("a news article",
"a recipe"...) stored with the checkpoint and put in the checkpoint's hypothesis
template, like rules. A window that resembles one of them more than any rule
is probably about none of the rules, which is how ``null`` is told apart from a weak
match. A background type that restates a user rule (cosine with the rule's
hypothesis at least ``drop_similarity``) is dropped for that call, so a rule is
never beaten by its own paraphrase.

Everything lives in the checkpoint's ``offline_classify.json``::

    {"scorer": "bi-encoder", "template": "...", "threshold": 0.5, "aggregation": "mean",
     "window_overlap": 32, "max_seq_length": 256, "pooling": "mean",
     "link": {"similarity": 9.0, "background_margin": 20.0, "bias": -3.0},
     "background": {"drop_similarity": 0.7, "types": ["a recipe", ...]}}
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch

from offline_classify.errors import ModelConfigError, ModelError
from offline_classify.hypotheses import build_hypothesis
from offline_classify.schema import ClassifyRule
from offline_classify.scoring import ScoringDefaults

__all__ = ["BiEncoderScorer", "Link", "Background", "link_features", "mean_pooled"]

_CACHE_SIZE = 4096
"""Embeddings kept, by text: about 6 MB for a 384-dimension encoder."""


@dataclass(frozen=True)
class Link:
    """Weights of the logistic link from features to the probability of entailment."""

    similarity: float
    background_margin: float
    bias: float

    def probability(self, similarity: np.ndarray, background_margin: np.ndarray) -> np.ndarray:
        logits = (
            self.similarity * similarity + self.background_margin * background_margin + self.bias
        )
        return 1.0 / (1.0 + np.exp(-logits))


@dataclass(frozen=True)
class Background:
    """Generic document types a window is compared with, to recognise "none of the rules"."""

    types: tuple[str, ...]
    drop_similarity: float


def link_features(
    premises: np.ndarray,
    hypotheses: np.ndarray,
    background: np.ndarray,
    drop_similarity: float,
) -> tuple[np.ndarray, np.ndarray]:
    """The link's inputs for every (premise, hypothesis) pair, from unit-length embeddings.

    Args:
        premises: ``(P, D)`` window embeddings.
        hypotheses: ``(H, D)`` hypothesis embeddings.
        background: ``(B, D)`` background type embeddings (``B`` may be 0).
        drop_similarity: Background types at least this similar to any hypothesis are
            left out, since they restate a rule.

    Returns:
        ``similarity`` and ``background_margin``, both ``(P, H)``. With no background
        type left, the margin is the similarity itself (the background scores 0).
    """
    similarity = premises @ hypotheses.T
    if len(background):
        restates_a_rule = (hypotheses @ background.T).max(axis=0) >= drop_similarity
        kept = background[~restates_a_rule]
    else:
        kept = background
    best_background = (premises @ kept.T).max(axis=1) if len(kept) else np.zeros(len(premises))
    return similarity, similarity - best_background[:, None]


class BiEncoderScorer:
    """Embeds windows and hypotheses separately with a sentence encoder.

    Args:
        checkpoint: A local directory with ``config.json``, weights, a fast tokenizer and
            ``offline_classify.json``.
        device: ``"cpu"``, ``"cuda"``...
        batch_size: Texts per forward pass.
        config: The parsed ``offline_classify.json``.
        defaults: Template, threshold, aggregation and overlap from that file.

    Raises:
        ModelConfigError: ``config`` lacks the link or background, or holds bad values.
        ModelError: The weights or tokenizer cannot be loaded.
    """

    name = "bi-encoder"

    def __init__(
        self,
        checkpoint: str | Path,
        *,
        device: str = "cpu",
        batch_size: int = 16,
        config: dict[str, Any],
        defaults: ScoringDefaults,
    ) -> None:
        from transformers import AutoModel, AutoTokenizer

        checkpoint = Path(checkpoint)
        self.link, self.background, self.max_seq_length = _read_config(config, checkpoint)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(checkpoint, local_files_only=True)
            # Weights may be stored in fp16 to keep the checkpoint small; CPUs compute in fp32.
            self.model = AutoModel.from_pretrained(
                checkpoint, local_files_only=True, dtype=torch.float32
            )
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(
                f"cannot load a bi-encoder checkpoint from {str(checkpoint)!r}: {error}"
            ) from None
        if not self.tokenizer.is_fast:
            raise ModelConfigError(
                f"{checkpoint}: the bi-encoder needs a fast tokenizer (tokenizer.json)"
            )
        self.device = torch.device(device)
        self.model.to(self.device).eval()
        self.batch_size = batch_size
        self.defaults = defaults
        self.name = f"bi-encoder:{checkpoint.name}"
        self._lock = threading.Lock()
        self._background_embeddings: np.ndarray | None = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def max_premise_tokens(self, hypotheses: Sequence[str] = ()) -> int:
        # Windows and hypotheses are embedded apart, so a window has the encoder to itself.
        return self.max_seq_length - self.tokenizer.num_special_tokens_to_add(pair=False)

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        encoded = self.tokenizer(
            text, add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        return [tuple(span) for span in encoded["offset_mapping"] if span[1] > span[0]]

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        similarity, margin = self.features(premises, hypotheses)
        return self.link.probability(similarity, margin).astype(np.float64)

    def features(
        self, premises: Sequence[str], hypotheses: Sequence[str]
    ) -> tuple[np.ndarray, np.ndarray]:
        """The link's inputs, ``similarity`` and ``background_margin``, each ``(P, H)``."""
        if not premises or not hypotheses:
            empty = np.zeros((len(premises), len(hypotheses)))
            return empty, empty.copy()
        with self._lock:
            if self._background_embeddings is None:
                self._background_embeddings = self._embed(self.background_hypotheses())
            hypothesis_embeddings = self._embed_cached(hypotheses)
            premise_embeddings = self._embed_cached(premises)
            background = self._background_embeddings
        return link_features(
            premise_embeddings, hypothesis_embeddings, background, self.background.drop_similarity
        )

    def variant(self, config: dict[str, Any], defaults: ScoringDefaults) -> BiEncoderScorer:
        """A scorer with another link, background and defaults on the same encoder.

        The encoder, its lock and the embeddings kept so far are shared, so comparing
        configurations on the same documents embeds each text once.

        Raises:
            ModelConfigError: ``config`` lacks the link or background, or holds bad values.
        """
        link, background, max_seq_length = _read_config(config, Path(self.name))
        if max_seq_length != self.max_seq_length:
            raise ModelConfigError("a variant must keep the encoder's max_seq_length")
        other = copy.copy(self)
        other.link, other.background, other.defaults = link, background, defaults
        other._background_embeddings = None
        return other

    def background_hypotheses(self) -> list[str]:
        """The background types as hypotheses, in the checkpoint's template."""
        # Background descriptions are the checkpoint's own, so the schema's length
        # limits for user rules do not apply to them.
        return [
            build_hypothesis(
                ClassifyRule.model_construct(type="background", description=description),
                self.defaults.template,
            )
            for description in self.background.types
        ]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings of ``texts``, ``(len(texts), D)``."""
        with self._lock:
            return self._embed(list(texts))

    def _embed_cached(self, texts: Sequence[str]) -> np.ndarray:
        # Callers classify many documents against the same rules, and the same
        # document against several rule sets; kept embeddings make each call cost
        # only the texts it has not seen recently.
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for text, vector in zip(missing, self._embed(missing), strict=True):
            self._cache[text] = vector
        for text in texts:
            self._cache.move_to_end(text)
        vectors = np.stack([self._cache[text] for text in texts])
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return vectors

    def _embed(self, texts: list[str]) -> np.ndarray:
        hidden = self.model.config.hidden_size
        embeddings = np.empty((len(texts), hidden), dtype=np.float32)
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                encoded = self.tokenizer(
                    [texts[i] for i in batch],
                    truncation=True,
                    max_length=self.max_seq_length,
                    padding=True,
                    return_tensors="pt",
                ).to(self.device)
                try:
                    states = self.model(**encoded).last_hidden_state.float()
                except RuntimeError as error:
                    raise ModelError(f"the bi-encoder failed on a batch: {error}") from None
                embeddings[batch] = mean_pooled(states, encoded["attention_mask"]).cpu().numpy()
        return embeddings


def mean_pooled(states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """Sentence embeddings: token states averaged over the real tokens, unit length."""
    mask = attention_mask.unsqueeze(-1).to(states.dtype)
    pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
    return torch.nn.functional.normalize(pooled, dim=-1)


def _read_config(config: dict[str, Any], checkpoint: Path) -> tuple[Link, Background, int]:
    where = checkpoint / "offline_classify.json"
    if config.get("pooling", "mean") != "mean":
        raise ModelConfigError(
            f"{where}: pooling {config['pooling']!r} is not supported; use 'mean'"
        )
    link = config.get("link")
    if not isinstance(link, dict):
        raise ModelConfigError(
            f"{where} has no 'link' object; a bi-encoder needs "
            "{'similarity': W, 'background_margin': W, 'bias': B}"
        )
    try:
        weights = Link(
            similarity=float(link["similarity"]),
            background_margin=float(link.get("background_margin", 0.0)),
            bias=float(link["bias"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ModelConfigError(f"{where}: 'link' needs numbers for {error}") from None
    background = config.get("background", {"types": [], "drop_similarity": 1.0})
    types = background.get("types") if isinstance(background, dict) else None
    if not isinstance(types, list) or not all(isinstance(t, str) and t for t in types):
        raise ModelConfigError(f"{where}: 'background' needs 'types', a list of sentences")
    try:
        drop_similarity = float(background.get("drop_similarity", 1.0))
        max_seq_length = int(config.get("max_seq_length", 256))
    except (TypeError, ValueError) as error:
        raise ModelConfigError(f"{where}: {error}") from None
    if max_seq_length < 8:
        raise ModelConfigError(f"{where}: max_seq_length must be at least 8, got {max_seq_length}")
    return weights, Background(tuple(types), drop_similarity), max_seq_length
