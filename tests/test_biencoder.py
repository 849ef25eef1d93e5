"""The bi-encoder scorer, on a tiny random-weight BERT built here (no hub, no download)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from conftest import BIENCODER_CONFIG
from offline_classify import Classifier, ClassifyConfiguration, ClassifyRule
from offline_classify.biencoder import BiEncoderScorer, link_features
from offline_classify.errors import ModelConfigError
from offline_classify.models import load_scorer
from offline_classify.parsing import parsed_from_texts

WORDS = (
    "this text is a an the invoice contract resume story total amount due signed by "
    "party experience education once upon time there was king news sport match team "
    "recipe cooking report of and with for to"
).split()

SCORER_CONFIG = {**BIENCODER_CONFIG, "max_seq_length": 24, "window_overlap": 4}


@pytest.fixture(scope="session")
def tiny_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, BertTokenizerFast

    directory = tmp_path_factory.mktemp("tiny-biencoder")
    vocab = {token: i for i, token in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])}
    for word in [*WORDS, ".", ",", ":"]:
        vocab.setdefault(word, len(vocab))
    backend = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    backend.normalizer = normalizers.BertNormalizer(lowercase=True)
    backend.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
    )
    BertTokenizerFast(tokenizer_object=backend).save_pretrained(directory)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    BertModel(config).eval().save_pretrained(directory)
    (directory / "offline_classify.json").write_text(json.dumps(SCORER_CONFIG))
    return directory


def scorer_with(checkpoint: Path, **changes: object) -> BiEncoderScorer:
    """A scorer on the tiny checkpoint with some of its configuration changed."""
    config = {**SCORER_CONFIG, **changes}
    (checkpoint / "offline_classify.json").write_text(json.dumps(config))
    try:
        scorer = load_scorer(checkpoint)
    finally:
        (checkpoint / "offline_classify.json").write_text(json.dumps(SCORER_CONFIG))
    assert isinstance(scorer, BiEncoderScorer)
    return scorer


def count_embedded_texts(scorer: BiEncoderScorer) -> list[int]:
    """Texts that go through the encoder, appended per forward pass."""
    seen: list[int] = []
    scorer.model.register_forward_pre_hook(
        lambda _module, _args, kwargs: seen.append(kwargs["input_ids"].shape[0]),
        with_kwargs=True,
    )
    return seen


PREMISES = [
    "invoice total amount due",
    "once upon a time there was a king",
    "the team won the match",
    "signed by the party",
]
HYPOTHESES = ["This text is an invoice.", "This text is a story.", "This text is sport news."]


def test_scores_have_one_probability_per_window_and_hypothesis(tiny_checkpoint: Path) -> None:
    scorer = load_scorer(tiny_checkpoint)

    scores = scorer.score(PREMISES, HYPOTHESES)

    assert isinstance(scorer, BiEncoderScorer)
    assert scores.shape == (4, 3)
    assert np.all((scores >= 0.0) & (scores <= 1.0))
    assert scorer.defaults.template == "This text is {description}."
    assert scorer.defaults.window_overlap == 4


def test_scores_are_deterministic_and_independent_of_batching(tiny_checkpoint: Path) -> None:
    first = load_scorer(tiny_checkpoint).score(PREMISES, HYPOTHESES)
    again = load_scorer(tiny_checkpoint).score(PREMISES, HYPOTHESES)
    one_at_a_time = load_scorer(tiny_checkpoint, batch_size=1).score(PREMISES, HYPOTHESES)

    np.testing.assert_array_equal(first, again)
    np.testing.assert_allclose(first, one_at_a_time, atol=1e-5)


def test_each_window_and_each_rule_is_embedded_once(tiny_checkpoint: Path) -> None:
    scorer = load_scorer(tiny_checkpoint, batch_size=64)
    assert isinstance(scorer, BiEncoderScorer)
    embedded = count_embedded_texts(scorer)

    scorer.score(PREMISES, HYPOTHESES)
    background = len(scorer.background.types)
    assert sum(embedded) == background + len(PREMISES) + len(HYPOTHESES)

    embedded.clear()
    new_premises = ["the king signed the contract", "report of the match"]
    scorer.score(new_premises, ["This text is a recipe of cooking.", "This text is a report."])
    # The background is embedded once per scorer; a call costs windows + rules,
    # never windows x rules.
    assert sum(embedded) == 2 + 2

    embedded.clear()
    scores = scorer.score(PREMISES[:2], HYPOTHESES)
    assert sum(embedded) == 0, "texts seen recently are not embedded again"
    np.testing.assert_allclose(scores, load_scorer(tiny_checkpoint).score(PREMISES[:2], HYPOTHESES))


def test_background_type_that_restates_a_rule_is_dropped(tiny_checkpoint: Path) -> None:
    with_restatement = scorer_with(
        tiny_checkpoint, background={"drop_similarity": 0.99, "types": ["a recipe", "an invoice"]}
    )
    without = scorer_with(
        tiny_checkpoint, background={"drop_similarity": 0.99, "types": ["a recipe"]}
    )

    # "an invoice" in the template is exactly the first rule's hypothesis.
    rule = ["This text is an invoice."]
    similarity, margin = with_restatement.features(PREMISES, rule)
    _, margin_without = without.features(PREMISES, rule)

    np.testing.assert_allclose(margin, margin_without)
    assert not np.allclose(margin, similarity), "the remaining background still counts"


def test_background_margin_is_against_the_most_similar_kept_type() -> None:
    axes = np.eye(3)
    premises = np.array([[0.6, 0.8, 0.0]])
    hypotheses = axes[[0]]
    background = axes[[0, 1, 2]]

    similarity, margin = link_features(premises, hypotheses, background, drop_similarity=0.9)

    # The first background type is the rule itself and is dropped; the second is closest.
    assert similarity[0, 0] == pytest.approx(0.6)
    assert margin[0, 0] == pytest.approx(0.6 - 0.8)


def test_token_spans_point_into_the_text(tiny_checkpoint: Path) -> None:
    scorer = load_scorer(tiny_checkpoint)
    text = "Invoice: total amount due"

    spans = scorer.token_spans(text)

    assert [text[start:end].lower() for start, end in spans] == [
        "invoice",
        ":",
        "total",
        "amount",
        "due",
    ]
    assert (
        scorer.max_premise_tokens(["a long hypothesis " * 50])
        == SCORER_CONFIG["max_seq_length"] - 2
    )


def test_classifier_runs_the_bi_encoder_end_to_end(tiny_checkpoint: Path) -> None:
    classifier = Classifier(tiny_checkpoint)
    rules = [
        ClassifyRule(type="invoice", description="an invoice with a total amount due"),
        ClassifyRule(type="story", description="a story about a king"),
    ]
    text = "invoice total amount due " * 20

    explained = classifier.classify_parsed(
        parsed_from_texts([text]), ClassifyConfiguration(rules=rules)
    )

    assert len(explained.windows) > 1, "the page is longer than one window"
    assert explained.scorer == f"bi-encoder:{tiny_checkpoint.name}"
    assert explained.result.type in ("invoice", "story", None)
    assert 0.0 <= explained.result.confidence <= 1.0


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"link": None}, "no 'link' object"),
        ({"link": {"similarity": "high", "bias": 0}}, "'link' needs numbers"),
        ({"link": {"similarity": 1.0}}, "'link' needs numbers"),
        ({"pooling": "cls"}, "pooling 'cls' is not supported"),
        ({"background": {"types": "a recipe"}}, "'background' needs 'types'"),
        ({"max_seq_length": 2}, "max_seq_length must be at least 8"),
    ],
)
def test_bad_configuration_is_rejected_clearly(
    tiny_checkpoint: Path, changes: dict, message: str
) -> None:
    with pytest.raises(ModelConfigError, match=message):
        scorer_with(tiny_checkpoint, **changes)


def test_variant_shares_the_encoder_and_its_embeddings(tiny_checkpoint: Path) -> None:
    scorer = load_scorer(tiny_checkpoint)
    assert isinstance(scorer, BiEncoderScorer)
    scores = scorer.score(PREMISES, HYPOTHESES)
    embedded = count_embedded_texts(scorer)
    config = {
        "link": {"similarity": 1.0, "background_margin": 0.0, "bias": 0.0},
        "background": {"types": []},
        "max_seq_length": SCORER_CONFIG["max_seq_length"],
    }

    cosine = scorer.variant(config, scorer.defaults).score(PREMISES, HYPOTHESES)

    assert sum(embedded) == 0
    similarity, _ = scorer.features(PREMISES, HYPOTHESES)
    np.testing.assert_allclose(cosine, 1.0 / (1.0 + np.exp(-similarity)), rtol=1e-6)
    assert not np.allclose(cosine, scores)
