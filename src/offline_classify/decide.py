"""Rule scores become the cloud's ``ClassifyResult``.

The rule with the highest probability wins when that probability reaches the
threshold; ties go to the rule listed first. ``confidence`` is the winner's
probability, or, when no rule reaches the threshold and ``type`` is ``null``,
``1 - p_best``: the probability that the best rule does not apply, which is the
probability that no rule applies when the rules exclude each other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from offline_classify.aggregate import RuleScore
from offline_classify.schema import ClassifyResult

__all__ = ["decide", "supporting_quote"]

_QUOTE_CHARS = 120
_WORD = re.compile(r"\w+", re.UNICODE)


def decide(
    scores: Sequence[RuleScore], threshold: float, notes: Sequence[str] = ()
) -> ClassifyResult:
    """Pick the winning rule, or none, and explain the choice in plain words.

    Args:
        scores: One score per rule, in rule order.
        threshold: The least probability with which a rule may win.
        notes: Extra sentences for ``reasoning`` (language fallbacks and the like).
    """
    if not scores:
        raise ValueError("decide() needs at least one rule score")
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i].probability, i))
    best = scores[ranked[0]]
    runner_up = scores[ranked[1]] if len(ranked) > 1 else None
    quote = supporting_quote(best)
    where = f'page {best.best_window.page_number} ("{quote}")'
    if best.probability >= threshold:
        sentences = [
            f"Matched '{best.rule.type}' with probability {best.probability:.2f}, "
            f"best supported by {where}."
        ]
        if runner_up is not None:
            sentences.append(f"Runner-up: '{runner_up.rule.type}' at {runner_up.probability:.2f}.")
        result_type, confidence = best.rule.type, best.probability
    else:
        sentences = [
            f"No rule reached the threshold of {threshold:.2f}; the closest was "
            f"'{best.rule.type}' at {best.probability:.2f}, on {where}."
        ]
        result_type, confidence = None, 1.0 - best.probability
    sentences.extend(notes)
    return ClassifyResult(
        type=result_type,
        confidence=round(min(max(confidence, 0.0), 1.0), 4),
        reasoning=" ".join(sentences),
    )


def supporting_quote(score: RuleScore, limit: int = _QUOTE_CHARS) -> str:
    """The line of the best window that shares the most words with the hypothesis.

    Among lines sharing as many words, one with more words wins (up to a dozen), so a
    lone page number or code is not quoted when a sentence is there; then the first.
    """
    wanted = {w for w in _WORD.findall(score.hypothesis.lower()) if len(w) > 3}
    lines = [" ".join(line.split()) for line in score.best_window.text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return ""

    def strength(line: str) -> tuple[int, int]:
        words = _WORD.findall(line.lower())
        return len(wanted & set(words)), min(len(words), 12)

    best_line = max(lines, key=strength)
    return best_line if len(best_line) <= limit else best_line[: limit - 1].rstrip() + "…"
