"""Tiny random-weight checkpoints for tests and benchmarks, built locally in a second.

They load through exactly the code paths real checkpoints take (a ``config.json``,
weights, a WordPiece tokenizer), so tests of loading, windowing and the job service
need no download. Their scores are random: never classify with them.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["THREE_CLASS_LABELS", "build_tiny_nli_checkpoint", "build_tiny_encoder_checkpoint"]

THREE_CLASS_LABELS = {0: "contradiction", 1: "entailment", 2: "neutral"}


def build_tiny_nli_checkpoint(
    directory: str | Path,
    *,
    id2label: dict[int, str] | None = None,
    words: Iterable[str] = (),
    max_position_embeddings: int = 128,
    seed: int = 0,
    scorer_config: dict[str, Any] | None = None,
) -> Path:
    """A 2-layer BERT NLI cross-encoder (``BertForSequenceClassification``) in ``directory``.

    Args:
        directory: Where to save it; created if missing.
        id2label: The head's labels; an entailment / neutral / contradiction head by default.
        words: Whole words for the vocabulary besides letters and digits.
        max_position_embeddings: The longest sequence the model takes.
        seed: Seeds the random weights.
        scorer_config: Written as ``offline_classify.json`` beside the weights when given.
    """
    from transformers import BertForSequenceClassification

    labels = dict(id2label or THREE_CLASS_LABELS)
    config = _bert_config(
        directory,
        words,
        max_position_embeddings,
        id2label=labels,
        label2id={label: index for index, label in labels.items()},
    )
    return _save(BertForSequenceClassification, config, directory, seed, scorer_config)


def build_tiny_encoder_checkpoint(
    directory: str | Path,
    *,
    words: Iterable[str] = (),
    max_position_embeddings: int = 128,
    seed: int = 0,
    scorer_config: dict[str, Any] | None = None,
) -> Path:
    """A 2-layer BERT sentence encoder (``BertModel``), the bi-encoder's kind of backbone."""
    from transformers import BertModel

    config = _bert_config(directory, words, max_position_embeddings)
    return _save(BertModel, config, directory, seed, scorer_config)


def _bert_config(directory: str | Path, words: Iterable[str], max_positions: int, **extra: Any):
    from transformers import BertConfig, BertTokenizerFast

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    pieces = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    pieces += list(string.ascii_lowercase + string.digits + string.punctuation)
    pieces += [f"##{c}" for c in string.ascii_lowercase + string.digits]
    pieces += sorted({word.lower() for word in words if word.isalpha()})
    (directory / "vocab.txt").write_text("\n".join(dict.fromkeys(pieces)) + "\n")
    tokenizer = BertTokenizerFast(
        vocab_file=str(directory / "vocab.txt"), model_max_length=max_positions
    )
    tokenizer.save_pretrained(directory)
    return BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=max_positions,
        **extra,
    )


def _save(
    model_class: Any,
    config: Any,
    directory: str | Path,
    seed: int,
    scorer_config: dict[str, Any] | None,
) -> Path:
    import torch

    directory = Path(directory)
    torch.manual_seed(seed)
    model_class(config).eval().save_pretrained(directory)
    if scorer_config is not None:
        (directory / "offline_classify.json").write_text(json.dumps(scorer_config))
    return directory
