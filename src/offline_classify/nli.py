"""The NLI cross-encoder scorer: any local Hugging Face sequence-classification checkpoint.

The entailment label is found by name in ``config.id2label`` (case-insensitive). The
probability that a window entails a rule is the softmax probability of that label
over all of the head's labels: entailment against not-entailment, which for a 3-class
head (entailment / neutral / contradiction, any order) means against neutral and
contradiction together. Every rule is judged on its own, so several may apply, or none.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch

from offline_classify.errors import ModelConfigError, ModelError
from offline_classify.scoring import ScoringDefaults

__all__ = ["CrossEncoderScorer", "entailment_index", "pack_batches"]

# Measured with a MiniLM-L6-sized cross-encoder on 2 AVX2 cores: past a couple of
# thousand tokens a bigger batch no longer lowers the cost per token on a CPU, it only
# adds padding and cache misses. GPUs keep gaining, so there only ``batch_size`` limits.
CPU_BATCH_TOKENS = 2048
_PADDING_ALLOWANCE = 1.1
_HYPOTHESIS_ROOM = 64
"""Tokens kept for the hypothesis when the hypotheses are not known."""


def entailment_index(id2label: dict[int, str]) -> int:
    """The index of the checkpoint's entailment label, found by name.

    Raises:
        ModelConfigError: No label is named "entailment".
    """
    for index, label in sorted(id2label.items()):
        if str(label).strip().lower() in ("entailment", "entails", "entail"):
            return int(index)
    labels = ", ".join(repr(label) for _, label in sorted(id2label.items()))
    raise ModelConfigError(
        f"the checkpoint has no 'entailment' label (its labels are {labels}); "
        "an NLI checkpoint is needed"
    )


class CrossEncoderScorer:
    """Reads each (premise, hypothesis) pair together through an NLI model.

    Args:
        model_dir: A local directory with ``config.json``, weights and a tokenizer.
        device: ``"cpu"``, ``"cuda"``, ``"cuda:1"``...
        batch_size: Pairs per forward pass.
        max_length: Tokens per pair (premise + hypothesis + special tokens); defaults to
            the tokenizer's limit, capped at 512.
        defaults: Template, threshold and aggregation; read from the checkpoint's
            ``offline_classify.json`` by :func:`offline_classify.models.load_scorer`.
        quantize: ``"int8"``: dynamic int8 quantization of the linear layers (CPU only).
            About 1.3x faster on AVX2 CPUs, but it moves probabilities (by several
            hundredths on a real MiniLM encoder), so it is off unless asked for.
        max_batch_tokens: The most padded tokens per forward pass; defaults to
            :data:`CPU_BATCH_TOKENS` on a CPU and to no limit beyond ``batch_size`` elsewhere.

    Raises:
        ModelError: The checkpoint cannot be loaded.
        ModelConfigError: It has no entailment label, or ``quantize`` cannot be applied.
    """

    name = "cross-encoder"

    def __init__(
        self,
        model_dir: str | Path,
        *,
        device: str = "cpu",
        batch_size: int = 16,
        max_length: int | None = None,
        defaults: ScoringDefaults | None = None,
        quantize: Literal["int8"] | None = None,
        max_batch_tokens: int | None = None,
    ) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self.device = torch.device(device)
        if quantize is not None:
            _check_quantization(quantize, self.device)
        model_dir = Path(model_dir)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(
                model_dir, local_files_only=True
            )
        except (OSError, ValueError, KeyError) as error:
            raise ModelError(
                f"cannot load an NLI checkpoint from {str(model_dir)!r}: {error}"
            ) from None
        self.entailment_index = entailment_index(self.model.config.id2label)
        self.model.to(self.device).eval()
        if quantize is not None:
            # The eager API is deprecated in favour of torchao, which is not a dependency;
            # it still works and is the only int8 path that torch itself ships.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.model = torch.ao.quantization.quantize_dynamic(
                    self.model, {torch.nn.Linear}, dtype=torch.qint8
                )
        self.batch_size = batch_size
        tokenizer_limit = getattr(self.tokenizer, "model_max_length", 512) or 512
        self.max_length = int(max_length or min(tokenizer_limit, 512))
        if max_batch_tokens is None:
            on_cpu = self.device.type == "cpu"
            max_batch_tokens = CPU_BATCH_TOKENS if on_cpu else batch_size * self.max_length
        self.max_batch_tokens = max_batch_tokens
        self.defaults = defaults or ScoringDefaults()
        self.name = f"cross-encoder:{model_dir.name}"
        self._lock = threading.Lock()

    def max_premise_tokens(self, hypotheses: Sequence[str] = ()) -> int:
        """The room left beside the longest hypothesis, which may take up to a quarter.

        Rule descriptions are short, so windows get nearly all of the model's length
        and a document needs fewer of them; a hypothesis longer than a quarter of it is
        cut (see :meth:`score`), never the premise.
        """
        longest = max(
            (len(ids) for ids in self._hypothesis_ids(hypotheses)),
            default=_HYPOTHESIS_ROOM,
        )
        specials = self.tokenizer.num_special_tokens_to_add(pair=True)
        return max(16, self.max_length - specials - min(longest, self.max_length // 4))

    def _hypothesis_ids(self, hypotheses: Sequence[str]) -> list[list[int]]:
        if not hypotheses:
            return []
        return self.tokenizer(list(hypotheses), add_special_tokens=False, verbose=False)[
            "input_ids"
        ]

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        encoded = self.tokenizer(
            text, add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        return [tuple(span) for span in encoded["offset_mapping"] if span[1] > span[0]]

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        pairs = [(p, h) for p in premises for h in hypotheses]
        probabilities = np.empty(len(pairs), dtype=np.float64)
        if pairs:
            encoded = self._encode_pairs(pairs)
            inputs = {
                name: encoded[name]
                for name in self.tokenizer.model_input_names
                if name in encoded and name != "attention_mask"
            }
            lengths = [len(ids) for ids in encoded["input_ids"]]
            with self._lock, torch.inference_mode():
                for batch in pack_batches(lengths, self.batch_size, self.max_batch_tokens):
                    tensors = self._padded(inputs, lengths, batch)
                    try:
                        logits = self.model(**tensors).logits.float()
                    except RuntimeError as error:
                        raise ModelError(f"the NLI model failed on a batch: {error}") from None
                    probabilities[batch] = (
                        logits.softmax(dim=-1)[:, self.entailment_index].cpu().numpy()
                    )
        return probabilities.reshape(len(premises), len(hypotheses))

    def _encode_pairs(self, pairs: list[tuple[str, str]]) -> Any:
        premises, hypotheses = [p for p, _ in pairs], [h for _, h in pairs]
        try:
            # Windows fit beside their hypotheses (max_premise_tokens), so only a
            # hypothesis longer than its room is ever cut.
            return self.tokenizer(
                premises,
                hypotheses,
                truncation="only_second",
                max_length=self.max_length,
                verbose=False,
            )
        except Exception:  # noqa: BLE001 - the tokenizers library raises a bare Exception
            # A premise too long for the model, from a caller that did not window it.
            return self.tokenizer(
                premises,
                hypotheses,
                truncation="longest_first",
                max_length=self.max_length,
                verbose=False,
            )

    def _padded(
        self, inputs: dict[str, list[list[int]]], lengths: list[int], batch: list[int]
    ) -> dict[str, torch.Tensor]:
        width = max(lengths[i] for i in batch)
        left = self.tokenizer.padding_side == "left"
        pad_id = self.tokenizer.pad_token_id or 0
        arrays = {
            name: np.full((len(batch), width), pad_id if name == "input_ids" else 0, np.int64)
            for name in (*inputs, "attention_mask")
        }
        for row, i in enumerate(batch):
            columns = slice(width - lengths[i], width) if left else slice(0, lengths[i])
            for name, values in inputs.items():
                arrays[name][row, columns] = values[i]
            arrays["attention_mask"][row, columns] = 1
        return {name: torch.from_numpy(array).to(self.device) for name, array in arrays.items()}


def pack_batches(lengths: Sequence[int], max_pairs: int, max_tokens: int) -> list[list[int]]:
    """Group pairs of similar token length into batches, shortest first.

    A batch holds at most ``max_pairs`` pairs and, once padded, at most ``max_tokens``
    tokens (a single longer pair still gets a batch of its own), and its padding stays
    within a tenth of its real tokens: a forward pass costs the padded size, so mixing
    a 100-token window with 450-token ones would more than double its cost.

    Args:
        lengths: Token length of each pair.
        max_pairs: The most pairs per batch, at least 1.
        max_tokens: The most padded tokens per batch.

    Returns:
        Lists of pair indices; every index appears in exactly one batch.
    """
    batches: list[list[int]] = []
    batch: list[int] = []
    real_tokens = 0
    for index in sorted(range(len(lengths)), key=lengths.__getitem__):
        length = lengths[index]
        padded = (len(batch) + 1) * length
        if batch and (
            len(batch) >= max_pairs
            or padded > max_tokens
            or padded > _PADDING_ALLOWANCE * (real_tokens + length)
        ):
            batches.append(batch)
            batch, real_tokens = [], 0
        batch.append(index)
        real_tokens += length
    if batch:
        batches.append(batch)
    return batches


def _check_quantization(method: str, device: torch.device) -> None:
    if method != "int8":
        raise ModelConfigError(f"unknown quantization {method!r}; the one offered is 'int8'")
    if device.type != "cpu":
        raise ModelConfigError(
            f"int8 dynamic quantization runs on the CPU only, not on {device}; "
            "drop quantize or use device='cpu'"
        )
