from __future__ import annotations

import numpy as np
import pytest

from offline_classify.aggregate import aggregate_windows
from offline_classify.decide import decide
from offline_classify.hypotheses import build_hypothesis
from offline_classify.schema import ClassifyRule
from offline_classify.windowing import Window

RULES = [
    ClassifyRule(type="invoice", description="contains an invoice number and a total"),
    ClassifyRule(type="contract", description="a legal contract with signatures"),
]
HYPOTHESES = ["invoice number total", "legal contract signatures"]
WINDOWS = [
    Window(1, "Welcome letter\nsee attached", 0, 27),
    Window(2, "Header\nInvoice number 7 and total 12 EUR\nThanks", 0, 44),
]


def scores(matrix, method="max"):
    return aggregate_windows(np.array(matrix), WINDOWS, RULES, HYPOTHESES, method)


def test_best_rule_wins_above_threshold_with_page_quote_and_runner_up() -> None:
    result = decide(scores([[0.1, 0.2], [0.9, 0.3]]), threshold=0.5)
    assert result.type == "invoice"
    assert result.confidence == pytest.approx(0.9)
    assert "page 2" in result.reasoning
    assert "Invoice number 7 and total 12 EUR" in result.reasoning
    assert "Runner-up: 'contract' at 0.30" in result.reasoning


def test_no_rule_over_threshold_gives_null_with_probability_none_applies() -> None:
    result = decide(scores([[0.1, 0.2], [0.3, 0.25]]), threshold=0.5)
    assert result.type is None
    assert result.confidence == pytest.approx(0.7)
    assert "threshold of 0.50" in result.reasoning and "'invoice'" in result.reasoning


def test_ties_go_to_the_rule_listed_first() -> None:
    assert decide(scores([[0.8, 0.8], [0.1, 0.1]]), threshold=0.5).type == "invoice"


@pytest.mark.parametrize(
    ("method", "expected"),
    [("max", [0.9, 0.3]), ("mean", [0.5, 0.25]), ("top2", [0.5, 0.25])],
)
def test_aggregation_methods(method, expected) -> None:
    combined = [s.probability for s in scores([[0.1, 0.2], [0.9, 0.3]], method)]
    assert combined == pytest.approx(expected)


def test_unknown_aggregation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown aggregation"):
        scores([[0.1, 0.2], [0.9, 0.3]], "median")


def test_notes_are_appended_to_the_reasoning() -> None:
    result = decide(scores([[0.9, 0.1], [0.1, 0.1]]), 0.5, ["The text reads as 'fr'."])
    assert result.reasoning.endswith("The text reads as 'fr'.")


def test_decision_is_deterministic() -> None:
    matrix = [[0.4, 0.6], [0.55, 0.2]]
    assert len({decide(scores(matrix), 0.5).model_dump_json() for _ in range(5)}) == 1


@pytest.mark.parametrize(
    ("description", "template", "expected"),
    [
        ("contains an invoice number.", "auto", "This document contains an invoice number."),
        ("Lists the items bought", "auto", "This document lists the items bought."),
        ("a signed employment contract", "auto", "This document is a signed employment contract."),
        ("about sport and games", "{type}: {description}", "news: about sport and games"),
    ],
)
def test_hypothesis_templates(description, template, expected) -> None:
    rule = ClassifyRule(type="news", description=description)
    assert build_hypothesis(rule, template) == expected


def test_quote_prefers_a_sentence_to_a_stray_code_when_no_word_is_shared() -> None:
    windows = [Window(1, "W\n06AABC\nPayment received from the guest on arrival", 0, 48)]
    rule_scores = aggregate_windows(
        np.array([[0.9, 0.1]]), windows, RULES, ["zzzz qqqq", "legal contract"]
    )
    assert "Payment received from the guest on arrival" in decide(rule_scores, 0.5).reasoning
