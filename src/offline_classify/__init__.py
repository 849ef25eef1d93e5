"""offline-classify: LlamaCloud Classify v2, locally and offline."""

from __future__ import annotations

from offline_classify.classifier import Classification, Classifier
from offline_classify.errors import (
    ClassifyError,
    ConfigurationError,
    ConflictError,
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    InvalidRequestError,
    ModelConfigError,
    ModelError,
    ModelNotFoundError,
    NoTextError,
    NotFoundError,
    PageSelectionError,
    PayloadTooLargeError,
    UnsupportedDocumentError,
    WaitTimeoutError,
)
from offline_classify.parsing import DocumentLimits, Page, ParsedDocument, parse_document
from offline_classify.schema import (
    ClassifyConfiguration,
    ClassifyResult,
    ClassifyRule,
    ParsingConfiguration,
)
from offline_classify.scoring import KeywordScorer, Scorer, ScoringDefaults
from offline_classify.service import LocalCloud

__version__ = "0.1.0"

__all__ = [
    "Classification",
    "Classifier",
    "ClassifyConfiguration",
    "ClassifyError",
    "ClassifyResult",
    "ClassifyRule",
    "ConflictError",
    "ConfigurationError",
    "CorruptDocumentError",
    "DocumentError",
    "DocumentLimits",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "InvalidRequestError",
    "KeywordScorer",
    "LocalCloud",
    "ModelConfigError",
    "ModelError",
    "ModelNotFoundError",
    "NoTextError",
    "NotFoundError",
    "Page",
    "PageSelectionError",
    "ParsedDocument",
    "ParsingConfiguration",
    "PayloadTooLargeError",
    "Scorer",
    "ScoringDefaults",
    "UnsupportedDocumentError",
    "WaitTimeoutError",
    "__version__",
    "parse_document",
]
