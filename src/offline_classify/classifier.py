"""The FAST path: a document and its rules in, a ``ClassifyResult`` out.

::

    document --parse--> pages --window--> premise windows --+
    rules --template--> hypotheses --------------------------+--> pair scores
        --aggregate--> rule scores --decide--> ClassifyResult
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path

from offline_classify.aggregate import RuleScore, aggregate_windows
from offline_classify.decide import decide
from offline_classify.errors import NoTextError
from offline_classify.hypotheses import build_hypotheses
from offline_classify.models import ModelCatalog, load_scorer, resolve_model_location
from offline_classify.parsing import (
    DocumentLimits,
    DocumentSource,
    ParsedDocument,
    parse_document,
)
from offline_classify.schema import ClassifyConfiguration, ClassifyResult
from offline_classify.scoring import Aggregation, Scorer
from offline_classify.settings import Settings
from offline_classify.windowing import Window, split_into_windows

__all__ = ["Classifier", "Classification"]


@dataclass(frozen=True)
class Classification:
    """A result with everything that led to it."""

    result: ClassifyResult
    document: ParsedDocument
    rule_scores: list[RuleScore]
    windows: list[Window]
    scorer: str


class Classifier:
    """Zero-shot document classifier.

    Args:
        model: A checkpoint directory, a models folder with a ``manifest.json``, or a
            ready :class:`~offline_classify.scoring.Scorer`. ``None``: the
            ``OFFLINE_CLASSIFY_MODEL`` environment variable, else the default ``models/``.
        device: Torch device for model scorers (``"cpu"``, ``"cuda"``).
        batch_size: Pairs (cross-encoder) or texts (bi-encoder) per forward pass.
        template: Overrides the checkpoint's hypothesis template.
        threshold: Overrides the checkpoint's decision threshold.
        aggregation: Overrides how window scores combine (``max``, ``mean``, ``top2``).
        ocr: OCR pages without a text layer when Tesseract is installed.
        limits: Pages and characters read per document; default from ``settings``.
        settings: Environment settings; read from the environment when None.

    Example:
        >>> classifier = Classifier()
        >>> config = ClassifyConfiguration(rules=[ClassifyRule(
        ...     type="invoice", description="contains an invoice number and a total amount")])
        >>> classifier.classify("invoice.pdf", config).type
        'invoice'
    """

    def __init__(
        self,
        model: str | Path | Scorer | None = None,
        *,
        device: str = "cpu",
        batch_size: int = 16,
        template: str | None = None,
        threshold: float | None = None,
        aggregation: Aggregation | None = None,
        ocr: bool = True,
        limits: DocumentLimits | None = None,
        settings: Settings | None = None,
    ) -> None:
        settings = settings or Settings.from_env()
        self.limits = limits or settings.document_limits
        self.device = device
        self.batch_size = batch_size
        self.ocr = ocr
        self._overrides = {
            key: value
            for key, value in (
                ("template", template),
                ("threshold", threshold),
                ("aggregation", aggregation),
            )
            if value is not None
        }
        self._scorers: dict[Path, Scorer] = {}
        self._loading = threading.Lock()
        if isinstance(model, Scorer):
            self._fixed_scorer: Scorer | None = model
            self._catalog: ModelCatalog | None = None
        else:
            self._fixed_scorer = None
            self._catalog = ModelCatalog.open(resolve_model_location(model, settings))

    def classify(
        self,
        document: DocumentSource,
        configuration: ClassifyConfiguration,
        *,
        filename: str | None = None,
    ) -> ClassifyResult:
        """Classify one document against the configuration's rules.

        Args:
            document: A path, bytes or a binary file-like object.
            configuration: The rules and the parsing configuration.
            filename: The document's name, to tell its format when ``document`` is bytes.

        Raises:
            ClassifyError: The document cannot be read, the pages cannot be selected, or
                the model fails; the message says which and why.
        """
        return self.explain(document, configuration, filename=filename).result

    def explain(
        self,
        document: DocumentSource,
        configuration: ClassifyConfiguration,
        *,
        filename: str | None = None,
    ) -> Classification:
        """Like :meth:`classify`, with the pages, windows and every rule's score."""
        parsed = parse_document(
            document,
            configuration.parsing_configuration,
            filename=filename,
            ocr=self.ocr,
            limits=self.limits,
        )
        return self.classify_parsed(parsed, configuration)

    def classify_parsed(
        self, parsed: ParsedDocument, configuration: ClassifyConfiguration
    ) -> Classification:
        """Classify pages that were already parsed (a parse job's, say)."""
        scorer, notes = self._scorer_for(parsed)
        defaults = replace(scorer.defaults, **self._overrides)
        rules = configuration.rules
        hypotheses = build_hypotheses(rules, defaults.template)
        windows = split_into_windows(
            parsed.pages,
            scorer.token_spans,
            scorer.max_premise_tokens(hypotheses),
            defaults.window_overlap,
        )
        if not windows:
            # Text of only zero-width or control characters: the model reads no token of it.
            raise NoTextError(
                f"the selected pages (of {parsed.page_count}) hold no text the model can read; "
                "there is nothing to classify"
            )
        probabilities = scorer.score([window.text for window in windows], hypotheses)
        rule_scores = aggregate_windows(
            probabilities, windows, rules, hypotheses, defaults.aggregation
        )
        result = decide(rule_scores, defaults.threshold, notes)
        return Classification(result, parsed, rule_scores, windows, scorer.name)

    def _scorer_for(self, parsed: ParsedDocument) -> tuple[Scorer, list[str]]:
        notes = _language_notes(parsed)
        if self._fixed_scorer is not None:
            return self._fixed_scorer, notes
        assert self._catalog is not None
        checkpoint, fallback = self._catalog.checkpoint_for(parsed.language)
        if fallback:
            notes.append(
                f"No model for language '{parsed.language}' is installed; "
                f"the default model '{checkpoint.name}' was used."
            )
        with self._loading:
            if checkpoint not in self._scorers:
                self._scorers[checkpoint] = load_scorer(
                    checkpoint, device=self.device, batch_size=self.batch_size
                )
            return self._scorers[checkpoint], notes


def _language_notes(parsed: ParsedDocument) -> list[str]:
    requested, detected = parsed.requested_lang, parsed.detected_lang
    if requested and detected and requested.split("-")[0].lower() != detected:
        return [f"The text reads as '{detected}', though lang was given as '{requested}'."]
    return []
