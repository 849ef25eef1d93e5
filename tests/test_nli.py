from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import THREE_CLASS, TWO_CLASS, build_nli_checkpoint, make_pdf
from offline_classify import Classifier, ClassifyConfiguration
from offline_classify.errors import ModelConfigError, ModelError, ModelNotFoundError
from offline_classify.models import load_scorer
from offline_classify.nli import CrossEncoderScorer, entailment_index

PREMISES = ["this document is an invoice with a total amount due", "once upon a time a story"]
HYPOTHESES = ["this text is an invoice", "this text is a story", "this text is a report"]


@pytest.mark.parametrize(
    ("id2label", "expected"),
    [
        (THREE_CLASS, 1),
        (TWO_CLASS, 1),
        ({0: "ENTAILMENT", 1: "NEUTRAL", 2: "CONTRADICTION"}, 0),
        ({0: "neutral", 1: "contradiction", 2: "Entailment"}, 2),
    ],
)
def test_entailment_label_is_found_by_name_in_any_order_and_case(id2label, expected) -> None:
    assert entailment_index(id2label) == expected


def test_checkpoint_without_entailment_label_is_a_clear_error(tmp_path) -> None:
    build_nli_checkpoint(tmp_path, {0: "positive", 1: "negative"})
    with pytest.raises(ModelConfigError, match="no 'entailment' label.*'positive'"):
        CrossEncoderScorer(tmp_path)


@pytest.mark.parametrize("fixture", ["three_class_checkpoint", "two_class_checkpoint"])
def test_scores_are_entailment_probabilities_per_pair(fixture, request) -> None:
    checkpoint = request.getfixturevalue(fixture)
    scorer = CrossEncoderScorer(checkpoint, batch_size=4)
    scores = scorer.score(PREMISES, HYPOTHESES)
    assert scores.shape == (2, 3)
    assert np.all((scores >= 0) & (scores <= 1))
    # Each pair's probability is the entailment softmax of that pair read on its own.
    import torch

    encoded = scorer.tokenizer(PREMISES[1], HYPOTHESES[2], return_tensors="pt")
    with torch.inference_mode():
        logits = scorer.model(**encoded).logits
    expected = logits.softmax(-1)[0, scorer.entailment_index].item()
    assert scores[1, 2] == pytest.approx(expected, abs=1e-5)


def test_a_long_hypothesis_is_cut_and_the_window_beside_it_is_not(three_class_checkpoint) -> None:
    scorer = CrossEncoderScorer(three_class_checkpoint, max_length=100)
    long_hypothesis = "this text is an invoice with a total amount due " * 10
    room = scorer.max_premise_tokens([long_hypothesis])
    window = " ".join(["invoice"] * room)
    encoded = scorer._encode_pairs([(window, long_hypothesis)])
    assert len(encoded["input_ids"][0]) == 100
    # BERT marks the premise's tokens (and [CLS] and the first [SEP]) with type 0.
    assert encoded["token_type_ids"][0].count(0) == room + 2


def test_a_premise_longer_than_the_model_is_still_scored(three_class_checkpoint) -> None:
    scorer = CrossEncoderScorer(three_class_checkpoint, max_length=64)
    scores = scorer.score([" ".join(["invoice"] * 300)], HYPOTHESES)
    assert scores.shape == (1, 3)
    assert np.all((scores >= 0) & (scores <= 1))


def test_batch_size_does_not_change_the_scores(three_class_checkpoint) -> None:
    one = CrossEncoderScorer(three_class_checkpoint, batch_size=1).score(PREMISES, HYPOTHESES)
    many = CrossEncoderScorer(three_class_checkpoint, batch_size=64).score(PREMISES, HYPOTHESES)
    np.testing.assert_allclose(one, many, atol=1e-5)


def test_premise_windows_leave_room_for_the_longest_hypothesis(three_class_checkpoint) -> None:
    scorer = CrossEncoderScorer(three_class_checkpoint, max_length=100)
    specials = scorer.tokenizer.num_special_tokens_to_add(pair=True)
    longest = max(
        len(scorer.tokenizer(h, add_special_tokens=False)["input_ids"]) for h in HYPOTHESES
    )
    assert scorer.max_premise_tokens(HYPOTHESES) == 100 - specials - longest
    # A hypothesis may take a quarter of the model's length at most, and is cut beyond.
    assert scorer.max_premise_tokens(["this text is an invoice " * 30]) == 100 - specials - 25
    # Unknown hypotheses: 64 tokens are kept for them, here capped at the quarter.
    assert scorer.max_premise_tokens([]) == 100 - specials - 25
    roomy = CrossEncoderScorer(three_class_checkpoint, max_length=512)
    assert roomy.max_premise_tokens([]) == 512 - specials - 64
    spans = scorer.token_spans("invoice number 42, total due")
    assert spans[0] == (0, 7)
    assert all(end > start for start, end in spans)


def test_missing_directory_is_model_not_found(tmp_path) -> None:
    with pytest.raises(ModelNotFoundError, match="no config.json"):
        load_scorer(tmp_path / "absent")


def test_unloadable_checkpoint_is_a_model_error(tmp_path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "bert"}))
    with pytest.raises(ModelError, match="cannot load an NLI checkpoint"):
        load_scorer(tmp_path)


def test_unknown_scorer_kind_is_a_config_error(tmp_path) -> None:
    build_nli_checkpoint(tmp_path, THREE_CLASS, scorer_config={"scorer": "magic"})
    with pytest.raises(ModelConfigError, match="'magic'"):
        load_scorer(tmp_path)


def test_scorer_settings_come_from_the_checkpoint_config(tmp_path) -> None:
    build_nli_checkpoint(
        tmp_path,
        THREE_CLASS,
        scorer_config={"threshold": 0.7, "aggregation": "mean", "template": "It is {type}."},
    )
    scorer = load_scorer(tmp_path)
    assert (scorer.defaults.threshold, scorer.defaults.aggregation) == (0.7, "mean")
    assert scorer.defaults.template == "It is {type}."


def test_long_document_is_scored_window_by_window_without_dropping_text(tmp_path) -> None:
    checkpoint = build_nli_checkpoint(tmp_path, THREE_CLASS, max_position_embeddings=128)
    classifier = Classifier(checkpoint)
    words = " ".join(f"invoice{i % 10} total amount due" for i in range(300))
    config = ClassifyConfiguration(
        rules=[
            {"type": "invoice", "description": "an invoice with a total amount"},
            {"type": "story", "description": "a story about a time long ago"},
        ]
    )
    explained = classifier.explain(make_pdf([words[:3000], words[:1500]]), config)
    assert len(explained.windows) > 2
    page_text = {page.number: page.text for page in explained.document.pages}
    for window in explained.windows:
        assert page_text[window.page_number][window.start : window.end] == window.text
    assert 0.0 <= explained.result.confidence <= 1.0
    assert explained.result.reasoning
