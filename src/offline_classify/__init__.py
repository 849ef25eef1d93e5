"""offline-classify: LlamaCloud Classify v2, locally and offline."""

from __future__ import annotations

from offline_classify.classifier import Classification, Classifier
from offline_classify.errors import (
    ClassifyError,
    CorruptDocumentError,
    DocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ModelConfigError,
    ModelError,
    ModelNotFoundError,
    NoTextError,
    PageSelectionError,
    UnsupportedDocumentError,
)
from offline_classify.parsing import Page, ParsedDocument, parse_document
from offline_classify.schema import (
    ClassifyConfiguration,
    ClassifyResult,
    ClassifyRule,
    ParsingConfiguration,
)
from offline_classify.scoring import KeywordScorer, Scorer, ScoringDefaults

__version__ = "0.1.0"

__all__ = [
    "Classification",
    "Classifier",
    "ClassifyConfiguration",
    "ClassifyError",
    "ClassifyResult",
    "ClassifyRule",
    "CorruptDocumentError",
    "DocumentError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "KeywordScorer",
    "ModelConfigError",
    "ModelError",
    "ModelNotFoundError",
    "NoTextError",
    "Page",
    "PageSelectionError",
    "ParsedDocument",
    "ParsingConfiguration",
    "Scorer",
    "ScoringDefaults",
    "UnsupportedDocumentError",
    "parse_document",
    "__version__",
]
