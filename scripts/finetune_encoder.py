"""Fine-tune the default model's sentence encoder on classification-as-entailment pairs.

An experiment for issue 3, seeded and deterministic on the CPU. Two kinds of batches
take turns:

- BBC News *train* articles whose file numbers leave remainder 3 or 4 when divided
  by 5 (the link is fitted on remainders 1 and 2 by ``build_default_model.py``, the
  held-out split is remainder 0): one window of each article against the five topic
  hypotheses (``benchmarks/bbc_rules.json`` in the ``auto`` template), cross-entropy
  over the scaled cosines, so the article's own topic must come first;
- SICK TRAIN and RTE train pairs labelled entailment: premise against every
  hypothesis of the batch (in-batch negatives), the usual sentence-embedding
  objective, so that the encoder keeps reading sentences in general and not only news.

The result is a checkpoint in the same layout as the wheel's, for
``build_default_model.py --backbone DIR``. Never reads ``pdfs/`` or held-out files.
The shipped default does not use it: the figures and why are in
``benchmarks/RESULTS.md`` (a model trained on SICK inherits its CC BY-NC-SA licence).

Usage::

    python scripts/finetune_encoder.py --out .work/finetuned [--data ../shared/data]
    python scripts/finetune_encoder.py --no-bbc --nli rte --out .work/finetuned-rte
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import torch
from build_default_model import (
    REPO,
    bbc_rules,
    copy_backbone_files,
    read_rte_pairs,
    read_sick_pairs,
    wheel_backbone,
)

from offline_classify.biencoder import mean_pooled
from offline_classify.hypotheses import build_hypotheses
from offline_classify.parsing import parse_document
from offline_classify.schema import ClassifyRule

SEED = 0
SCALE = 20.0
"""Cosines times this are the logits, as in sentence-transformers' ranking loss."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--backbone", type=Path, default=None, help="default: the MiniLM wheel")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--max-tokens", type=int, default=256)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--nli",
        choices=["sick+rte", "rte", "none"],
        default="sick+rte",
        help="which entailment pairs to train on (SICK is CC BY-NC-SA 3.0)",
    )
    parser.add_argument(
        "--no-bbc",
        dest="bbc",
        action="store_false",
        help="train on the entailment pairs only, leaving BBC to the link's fit",
    )
    args = parser.parse_args(argv)

    from transformers import AutoModel, AutoTokenizer

    started = time.monotonic()
    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    source = args.backbone or wheel_backbone()
    tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
    model = AutoModel.from_pretrained(source, local_files_only=True, dtype=torch.float32)
    model.train()

    rules = [ClassifyRule(**rule) for rule in bbc_rules()]
    hypotheses = build_hypotheses(rules, "auto")
    articles = []
    for label, rule in enumerate(rules):
        for path in sorted((args.data / "news" / "bbc" / rule.type).glob("*.txt")):
            if args.bbc and int(path.stem) % 5 in (3, 4):
                text = "\n".join(page.text for page in parse_document(path, ocr=False).pages)
                articles.append((text, label))
    nli_dir = args.data / "nli"
    nli_pairs = read_rte_pairs(nli_dir) if args.nli != "none" else []
    if args.nli == "sick+rte":
        nli_pairs = read_sick_pairs(nli_dir) + nli_pairs
    entailed = [(p, h) for p, h, label in nli_pairs if label]
    print(f"{len(articles)} articles, {len(entailed)} entailed NLI pairs", file=sys.stderr)

    def embed(texts: list[str]) -> torch.Tensor:
        encoded = tokenizer(
            texts, truncation=True, max_length=args.max_tokens, padding=True, return_tensors="pt"
        )
        return mean_pooled(model(**encoded).last_hidden_state, encoded["attention_mask"])

    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)
    size = args.batch_size
    for epoch in range(args.epochs):
        random.shuffle(articles)
        random.shuffle(entailed)
        news = [articles[i : i + size] for i in range(0, len(articles), size)]
        nli = [entailed[i : i + size] for i in range(0, len(entailed), size)]
        batches = [("news", b) for b in news] + [("nli", b) for b in nli]
        random.shuffle(batches)
        for step, (kind, batch) in enumerate(batches):
            if kind == "news":
                texts, labels = zip(*batch, strict=True)
                logits = SCALE * embed(list(texts)) @ embed(hypotheses).T
                target = torch.tensor(labels)
            else:
                premises, entailed_hypotheses = zip(*batch, strict=True)
                logits = SCALE * embed(list(premises)) @ embed(list(entailed_hypotheses)).T
                target = torch.arange(len(batch))
            loss = torch.nn.functional.cross_entropy(logits, target)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step % 20 == 0:
                print(
                    f"epoch {epoch} step {step}/{len(batches)} {kind} loss {loss.item():.3f} "
                    f"({time.monotonic() - started:.0f}s)",
                    file=sys.stderr,
                )

    args.out.mkdir(parents=True, exist_ok=True)
    copy_backbone_files(source, args.out, missing_ok=True)
    model.eval()
    model.save_pretrained(args.out, safe_serialization=True)
    print(f"wrote {args.out} in {time.monotonic() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
