"""The cross-encoder's batching by token length and its optional int8 quantization."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from hypothesis import given
from hypothesis import strategies as st

from offline_classify.errors import ModelConfigError
from offline_classify.nli import CrossEncoderScorer, pack_batches

# Premises of very different lengths, so that batches would need padding.
PREMISES = [
    "invoice",
    "this document is an invoice with a total amount due " * 3,
    "once upon a time a story",
    "the contract terms were signed by both parties " * 6,
    "report of the meeting with agenda and minutes " * 2,
]
HYPOTHESES = ["this text is an invoice", "this text is a story about a time long ago"]


@given(
    lengths=st.lists(st.integers(min_value=1, max_value=512), max_size=60),
    max_pairs=st.integers(min_value=1, max_value=32),
    max_tokens=st.integers(min_value=1, max_value=4096),
)
def test_every_pair_lands_in_exactly_one_batch_within_the_limits(
    lengths, max_pairs, max_tokens
) -> None:
    batches = pack_batches(lengths, max_pairs, max_tokens)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert 1 <= len(batch) <= max_pairs
        padded = len(batch) * max(lengths[i] for i in batch)
        real = sum(lengths[i] for i in batch)
        if len(batch) > 1:
            assert padded <= max_tokens
            assert padded <= 1.1 * real


def test_a_short_pair_is_not_padded_to_the_length_of_long_ones() -> None:
    batches = pack_batches([450, 100, 445, 98], max_pairs=16, max_tokens=10_000)
    assert sorted(sorted(batch) for batch in batches) == [[0, 2], [1, 3]]


def test_packed_scores_match_each_pair_scored_on_its_own(three_class_checkpoint) -> None:
    scorer = CrossEncoderScorer(three_class_checkpoint, batch_size=8, max_batch_tokens=200)
    scores = scorer.score(PREMISES, HYPOTHESES)
    for i, premise in enumerate(PREMISES):
        for j, hypothesis in enumerate(HYPOTHESES):
            encoded = scorer.tokenizer(
                premise,
                hypothesis,
                truncation="longest_first",
                max_length=scorer.max_length,
                return_tensors="pt",
            )
            with torch.inference_mode():
                logits = scorer.model(**encoded).logits
            expected = logits.softmax(-1)[0, scorer.entailment_index].item()
            assert scores[i, j] == pytest.approx(expected, abs=1e-5)


def test_token_budget_does_not_change_the_scores(three_class_checkpoint) -> None:
    small = CrossEncoderScorer(three_class_checkpoint, max_batch_tokens=1)
    large = CrossEncoderScorer(three_class_checkpoint, max_batch_tokens=100_000, batch_size=64)
    np.testing.assert_allclose(
        small.score(PREMISES, HYPOTHESES), large.score(PREMISES, HYPOTHESES), atol=1e-5
    )


def test_no_premise_gives_an_empty_matrix(three_class_checkpoint) -> None:
    assert CrossEncoderScorer(three_class_checkpoint).score([], HYPOTHESES).shape == (0, 2)


def test_int8_quantization_keeps_scores_close(three_class_checkpoint) -> None:
    exact = CrossEncoderScorer(three_class_checkpoint).score(PREMISES, HYPOTHESES)
    quantized = CrossEncoderScorer(three_class_checkpoint, quantize="int8")
    assert any(
        isinstance(module, torch.ao.nn.quantized.dynamic.Linear)
        for module in quantized.model.modules()
    )
    np.testing.assert_allclose(quantized.score(PREMISES, HYPOTHESES), exact, atol=0.02)


@pytest.mark.parametrize(
    ("quantize", "device", "message"),
    [("int4", "cpu", "unknown quantization 'int4'"), ("int8", "cuda", "CPU only")],
)
def test_unusable_quantization_is_a_clear_error(
    three_class_checkpoint, quantize, device, message
) -> None:
    with pytest.raises(ModelConfigError, match=message):
        CrossEncoderScorer(three_class_checkpoint, device=device, quantize=quantize)
