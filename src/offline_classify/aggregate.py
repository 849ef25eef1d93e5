"""Window probabilities become one probability per rule, with the window behind it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from offline_classify.schema import ClassifyRule
from offline_classify.scoring import Aggregation
from offline_classify.windowing import Window

__all__ = ["RuleScore", "aggregate_windows"]


@dataclass(frozen=True)
class RuleScore:
    """How strongly the document satisfies one rule, and where it does most."""

    rule: ClassifyRule
    hypothesis: str
    probability: float
    best_window: Window


def aggregate_windows(
    probabilities: np.ndarray,
    windows: Sequence[Window],
    rules: Sequence[ClassifyRule],
    hypotheses: Sequence[str],
    method: Aggregation = "max",
) -> list[RuleScore]:
    """Combine a ``(windows, rules)`` probability matrix into one score per rule.

    Methods:
        ``max``: the document satisfies a rule as much as its best window does; right
        when one page decides (an invoice's first page).
        ``mean``: the average over windows; right when the whole text carries the topic.
        ``top2``: the mean of the two best windows; a middle way that one stray window
        cannot swing.

    The supporting window is always the one with the highest probability.
    """
    if probabilities.shape != (len(windows), len(rules)):
        raise ValueError(
            f"expected scores of shape {(len(windows), len(rules))}, got {probabilities.shape}"
        )
    if method == "max":
        combined = probabilities.max(axis=0)
    elif method == "mean":
        combined = probabilities.mean(axis=0)
    elif method == "top2":
        best_two = np.sort(probabilities, axis=0)[-2:]
        combined = best_two.mean(axis=0)
    else:
        raise ValueError(f"unknown aggregation {method!r}; use 'max', 'mean' or 'top2'")
    best = probabilities.argmax(axis=0)
    return [
        RuleScore(
            rule=rule,
            hypothesis=hypothesis,
            probability=float(np.clip(combined[j], 0.0, 1.0)),
            best_window=windows[int(best[j])],
        )
        for j, (rule, hypothesis) in enumerate(zip(rules, hypotheses, strict=True))
    ]
