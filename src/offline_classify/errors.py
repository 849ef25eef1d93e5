"""The library's exceptions: one root, a shallow hierarchy.

Errors raised by PyMuPDF, tokenizers and torch are translated into these at the
boundary, so callers only ever need to catch :class:`ClassifyError`.
"""

from __future__ import annotations

__all__ = [
    "ClassifyError",
    "DocumentError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "CorruptDocumentError",
    "UnsupportedDocumentError",
    "DocumentTooLargeError",
    "NoTextError",
    "PageSelectionError",
    "ConfigurationError",
    "ModelError",
    "ModelNotFoundError",
    "ModelConfigError",
    "NotFoundError",
    "ConflictError",
    "PayloadTooLargeError",
    "InvalidRequestError",
    "WaitTimeoutError",
]


class ClassifyError(Exception):
    """Root of every error the library raises on purpose."""


class DocumentError(ClassifyError):
    """The document could not be read or holds nothing to classify."""


class EmptyDocumentError(DocumentError):
    """The document has no bytes, or no pages."""


class EncryptedDocumentError(DocumentError):
    """The document is password-protected."""


class CorruptDocumentError(DocumentError):
    """The document is damaged, truncated or not what its name says."""


class UnsupportedDocumentError(DocumentError):
    """The document's format is not one the library reads."""


class DocumentTooLargeError(DocumentError):
    """The selected pages exceed the pages or characters one document may have."""


class NoTextError(DocumentError):
    """None of the selected pages holds any text (and OCR could not help)."""


class PageSelectionError(ClassifyError):
    """``target_pages`` / ``max_pages`` do not select any page, or cannot be read."""


class ConfigurationError(ClassifyError):
    """A setting (an environment variable, an option) has a value that cannot be used."""


class ModelError(ClassifyError):
    """The model could not be found, loaded or run."""


class ModelNotFoundError(ModelError):
    """No model directory was found where the library looked."""


class ModelConfigError(ModelError):
    """A model directory exists but its configuration is unusable."""


class NotFoundError(ClassifyError):
    """No object with this id exists in the project; the message names the id."""


class ConflictError(ClassifyError):
    """The object's state forbids the operation (deleting a job that is still running)."""


class PayloadTooLargeError(ClassifyError):
    """An upload is larger than the service accepts; nothing was stored."""


class InvalidRequestError(ClassifyError):
    """A request is malformed in a way its schema cannot express."""


class WaitTimeoutError(ClassifyError, TimeoutError):
    """A job did not reach a terminal state within the time allowed."""
