"""The NLI cross-encoder scorer: any local Hugging Face sequence-classification checkpoint.

The entailment label is found by name in ``config.id2label`` (case-insensitive). The
probability that a window entails a rule is the softmax probability of that label
over all of the head's labels: entailment against not-entailment, which for a 3-class
head (entailment / neutral / contradiction, any order) means against neutral and
contradiction together. Every rule is judged on its own, so several may apply, or none.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch

from offline_classify.errors import ModelConfigError, ModelError
from offline_classify.scoring import ScoringDefaults

__all__ = ["CrossEncoderScorer", "entailment_index"]


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
    ) -> None:
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

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
        self.device = torch.device(device)
        self.model.to(self.device).eval()
        self.batch_size = batch_size
        tokenizer_limit = getattr(self.tokenizer, "model_max_length", 512) or 512
        self.max_length = int(max_length or min(tokenizer_limit, 512))
        self.defaults = defaults or ScoringDefaults()
        self.name = f"cross-encoder:{model_dir.name}"
        self._lock = threading.Lock()

    @property
    def max_premise_tokens(self) -> int:
        # Room is kept for the hypothesis (rule descriptions are short; long ones are
        # truncated from the hypothesis side, never the premise's).
        return max(16, self.max_length - 64 - self.tokenizer.num_special_tokens_to_add(pair=True))

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        encoded = self.tokenizer(
            text, add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        return [tuple(span) for span in encoded["offset_mapping"] if span[1] > span[0]]

    def score(self, premises: Sequence[str], hypotheses: Sequence[str]) -> np.ndarray:
        pairs = [(p, h) for p in premises for h in hypotheses]
        probabilities = np.empty(len(pairs), dtype=np.float64)
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        with self._lock, torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = [pairs[i] for i in order[start : start + self.batch_size]]
                encoded = self.tokenizer(
                    [p for p, _ in batch],
                    [h for _, h in batch],
                    truncation="longest_first",
                    max_length=self.max_length,
                    padding=True,
                    return_tensors="pt",
                ).to(self.device)
                logits = self.model(**encoded).logits.float()
                probabilities[order[start : start + self.batch_size]] = (
                    logits.softmax(dim=-1)[:, self.entailment_index].cpu().numpy()
                )
        return probabilities.reshape(len(premises), len(hypotheses))
