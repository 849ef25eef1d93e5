"""offline-classify: LlamaCloud Classify v2, locally and offline."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Names are loaded on first use (PEP 562): importing the package, or its pytest plugin,
# costs nothing until a name is used, and PyMuPDF and torch load only when needed.
_EXPORTS = {
    "Classification": "offline_classify.classifier",
    "Classifier": "offline_classify.classifier",
    "ClassifyConfiguration": "offline_classify.schema",
    "ClassifyError": "offline_classify.errors",
    "ClassifyResult": "offline_classify.schema",
    "ClassifyRule": "offline_classify.schema",
    "ConfigurationError": "offline_classify.errors",
    "ConflictError": "offline_classify.errors",
    "CorruptDocumentError": "offline_classify.errors",
    "DocumentError": "offline_classify.errors",
    "DocumentLimits": "offline_classify.parsing",
    "DocumentTooLargeError": "offline_classify.errors",
    "EmptyDocumentError": "offline_classify.errors",
    "EncryptedDocumentError": "offline_classify.errors",
    "InvalidRequestError": "offline_classify.errors",
    "KeywordScorer": "offline_classify.scoring",
    "LocalCloud": "offline_classify.service",
    "ModelConfigError": "offline_classify.errors",
    "ModelError": "offline_classify.errors",
    "ModelNotFoundError": "offline_classify.errors",
    "NoTextError": "offline_classify.errors",
    "NotFoundError": "offline_classify.errors",
    "Page": "offline_classify.parsing",
    "PageSelectionError": "offline_classify.errors",
    "parse_document": "offline_classify.parsing",
    "ParsedDocument": "offline_classify.parsing",
    "ParsingConfiguration": "offline_classify.schema",
    "PayloadTooLargeError": "offline_classify.errors",
    "Scorer": "offline_classify.scoring",
    "ScoringDefaults": "offline_classify.scoring",
    "UnsupportedDocumentError": "offline_classify.errors",
    "WaitTimeoutError": "offline_classify.errors",
}

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


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'offline_classify' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
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
