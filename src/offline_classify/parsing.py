"""Parsing stage: a document (path, bytes or file-like) becomes numbered pages of text.

PDFs and everything else PyMuPDF opens (XPS, EPUB, MOBI, FB2, CBZ, SVG, images) are
read page by page through PyMuPDF; plain text and Markdown are split into pages of
about :data:`TEXT_PAGE_CHARS` characters on line boundaries (or on form feeds where
the text has them); HTML is reduced to its visible text first.

Pages without a text layer are OCRed through PyMuPDF's Tesseract support when
Tesseract is installed; otherwise they are recorded as having no text.
"""

from __future__ import annotations

import functools
import html.parser
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pymupdf

from offline_classify.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextError,
    UnsupportedDocumentError,
)
from offline_classify.pages import select_pages
from offline_classify.schema import ParsingConfiguration

__all__ = [
    "DocumentLimits",
    "DocumentSource",
    "Page",
    "ParsedDocument",
    "parse_document",
    "parsed_from_texts",
    "detect_language",
]

DocumentSource = str | os.PathLike | bytes | bytearray | memoryview | BinaryIO

TEXT_PAGE_CHARS = 3000
"""Plain text has no pages; it is cut into pages of about this many characters."""

_TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst", ".csv", ".tsv", ".log"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_LANGDETECT_CHARS = 5000

# ISO 639-1 codes to Tesseract's language packs, for the languages people ask for most.
_TESSERACT_LANGUAGES = {
    "en": "eng", "fr": "fra", "de": "deu", "nl": "nld", "es": "spa", "it": "ita",
    "pt": "por", "zh": "chi_sim", "ja": "jpn", "ko": "kor", "ru": "rus", "ar": "ara",
    "pl": "pol", "sv": "swe", "da": "dan", "no": "nor", "fi": "fin", "tr": "tur",
    "cs": "ces", "el": "ell", "he": "heb", "hi": "hin", "uk": "ukr", "vi": "vie",
}  # fmt: skip


@dataclass(frozen=True)
class DocumentLimits:
    """What one document may cost, to protect the machine from huge inputs.

    Attributes:
        max_pages: Pages read per document after ``target_pages``/``max_pages`` apply;
            a larger selection is refused (narrow it with ``target_pages`` or
            ``max_pages``) rather than silently cut.
        max_characters: Characters of text over the selected pages.
    """

    max_pages: int = 1000
    max_characters: int = 5_000_000


@dataclass(frozen=True)
class Page:
    """One selected page: its 1-based number in the document and its text."""

    number: int
    text: str
    ocr: bool = False

    @property
    def has_text(self) -> bool:
        return bool(self.text.strip())


@dataclass(frozen=True)
class ParsedDocument:
    """The pages selected from a document, with what was learnt while reading it."""

    pages: list[Page]
    page_count: int
    format: str
    requested_lang: str | None
    detected_lang: str | None = None

    @property
    def text(self) -> str:
        return _joined_text(self.pages)

    @property
    def language(self) -> str | None:
        """The caller's language if given, else the detected one."""
        return self.requested_lang or self.detected_lang


def parse_document(
    source: DocumentSource,
    parsing_configuration: ParsingConfiguration | None = None,
    *,
    filename: str | None = None,
    ocr: bool = True,
    limits: DocumentLimits | None = None,
) -> ParsedDocument:
    """Read the selected pages of a document.

    Args:
        source: A path, the document's bytes, or a binary file-like object.
        parsing_configuration: ``target_pages``, ``max_pages`` and ``lang``.
        filename: The document's name, used to tell its format when ``source`` is bytes.
        ocr: OCR pages without a text layer when Tesseract is installed.
        limits: Pages and characters allowed; :class:`DocumentLimits` defaults when None.

    Returns:
        The selected pages in document order.

    Raises:
        DocumentError: The document is empty, encrypted, corrupt, of an unsupported
            format, over the limits, or none of its selected pages has text.
        PageSelectionError: ``target_pages`` cannot be read or selects no page.
    """
    config = parsing_configuration or ParsingConfiguration()
    limits = limits or DocumentLimits()
    data, name = _read_source(source, filename)
    if not data:
        raise EmptyDocumentError(f"{_label(name)} is empty (0 bytes)")
    kind = _document_kind(data, name)
    if kind == "text":
        page_texts = _paginate_text(_decode_text(data, name))
        pages, page_count = _select_text_pages(page_texts, config, limits, name)
    elif kind == "html":
        page_texts = _paginate_text(_html_to_text(_decode_text(data, name)))
        pages, page_count = _select_text_pages(page_texts, config, limits, name)
    else:
        pages, page_count, kind = _read_with_pymupdf(data, name, config, limits, ocr=ocr)
    if not any(page.has_text for page in pages):
        numbers = ", ".join(str(page.number) for page in pages)
        hint = "" if tesseract_available() else " and Tesseract is not installed for OCR"
        raise NoTextError(
            f"{_label(name)} has no text on the selected pages ({numbers}){hint}; "
            "there is nothing to classify"
        )
    return ParsedDocument(
        pages=pages,
        page_count=page_count,
        format=kind,
        # The schema defaults lang to "en"; only a language the caller named counts as asked.
        requested_lang=config.lang if "lang" in config.model_fields_set else None,
        detected_lang=detect_language(_joined_text(pages)),
    )


def parsed_from_texts(
    page_texts: list[str], requested_lang: str | None = None, format: str = "text"
) -> ParsedDocument:
    """A :class:`ParsedDocument` from page texts that were read elsewhere (a parse job)."""
    pages = [Page(number=i, text=text) for i, text in enumerate(page_texts, start=1)]
    return ParsedDocument(
        pages=pages,
        page_count=len(pages),
        format=format,
        requested_lang=requested_lang,
        detected_lang=detect_language(_joined_text(pages)),
    )


def _joined_text(pages: list[Page]) -> str:
    return "\n\n".join(page.text for page in pages if page.has_text)


@functools.lru_cache(maxsize=1)
def _langdetect_factory():  # pragma: no cover - trivial
    from langdetect import DetectorFactory

    # langdetect samples at random; a fixed seed makes the same text give the same answer.
    DetectorFactory.seed = 0
    return DetectorFactory


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or ``None`` when it cannot be told."""
    from langdetect import detect
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:_LANGDETECT_CHARS]
    if not sample.strip():
        return None
    _langdetect_factory()
    try:
        code = detect(sample)
    except LangDetectException:
        return None
    # langdetect names Chinese "zh-cn"/"zh-tw"; the API speaks ISO 639-1.
    return code.split("-")[0]


@functools.lru_cache(maxsize=1)
def tesseract_available() -> bool:
    """Whether PyMuPDF can find Tesseract's language data for OCR."""
    try:
        return bool(pymupdf.get_tessdata())
    except Exception:  # PyMuPDF raises a bare RuntimeError when Tesseract is missing.
        return False


def _label(name: str | None) -> str:
    return repr(name) if name else "the document"


def _read_source(source: DocumentSource, filename: str | None) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), filename
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            return path.read_bytes(), filename or path.name
        except FileNotFoundError:
            raise DocumentError(f"no such file: {str(path)!r}") from None
        except IsADirectoryError:
            raise DocumentError(f"{str(path)!r} is a directory, not a document") from None
        except OSError as error:
            raise DocumentError(f"cannot read {str(path)!r}: {error.strerror}") from None
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        name = filename or getattr(source, "name", None)
        return bytes(data), Path(name).name if isinstance(name, str) else None
    raise TypeError(f"cannot read a document from {type(source).__name__}")


def _document_kind(data: bytes, name: str | None) -> str:
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in _TEXT_SUFFIXES:
        return "text"
    if suffix in _HTML_SUFFIXES:
        return "html"
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if suffix:
        return suffix.lstrip(".")
    if head[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if _looks_like_text(data):
        return "text"
    return ""


def _looks_like_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        return error.start >= len(sample) - 3
    return True


def _decode_text(data: bytes, name: str | None) -> str:
    # UTF-16 only with its byte-order mark: almost any even-length bytes decode as
    # UTF-16, so without the mark a Latin-1 file would come out as Chinese-looking noise.
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    if b"\x00" in data[:4096]:
        raise UnsupportedDocumentError(f"{_label(name)} is binary data, not text")
    # Neither UTF-8 nor marked UTF-16: the Windows Western code page, the usual culprit.
    return data.decode("cp1252", errors="replace")


def _paginate_text(text: str) -> list[str]:
    if "\f" in text:
        return text.split("\f")
    pages: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.splitlines(keepends=True):
        if current and size + len(line) > TEXT_PAGE_CHARS:
            pages.append("".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line)
    pages.append("".join(current))
    return pages


def _select_text_pages(
    page_texts: list[str], config: ParsingConfiguration, limits: DocumentLimits, name: str | None
) -> tuple[list[Page], int]:
    numbers = _selected_within_limits(len(page_texts), config, limits, name)
    pages = [Page(number=n, text=page_texts[n - 1]) for n in numbers]
    _check_characters(pages, limits, name)
    return pages, len(page_texts)


def _selected_within_limits(
    page_count: int, config: ParsingConfiguration, limits: DocumentLimits, name: str | None
) -> list[int]:
    numbers = select_pages(page_count, config.target_pages, config.max_pages)
    if len(numbers) > limits.max_pages:
        raise DocumentTooLargeError(
            f"{_label(name)}: {len(numbers)} pages are selected but at most "
            f"{limits.max_pages} are read per document; narrow the selection with "
            "target_pages or max_pages"
        )
    return numbers


def _check_characters(pages: list[Page], limits: DocumentLimits, name: str | None) -> None:
    total = sum(len(page.text) for page in pages)
    if total > limits.max_characters:
        raise DocumentTooLargeError(
            f"{_label(name)}: the selected pages hold {total:,} characters, more than the "
            f"{limits.max_characters:,} read per document; select fewer pages"
        )


class _VisibleText(html.parser.HTMLParser):
    _SKIPPED = {"script", "style", "head", "template", "noscript"}
    _BREAKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            # HTML may leave </head> out: the body starts visible text whatever came before.
            self._skipping = 0
        elif tag in self._SKIPPED:
            self._skipping += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED and self._skipping:
            self._skipping -= 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _html_to_text(markup: str) -> str:
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


@contextmanager
def _pymupdf_errors(name: str | None) -> Iterator[None]:
    """Translate PyMuPDF's exceptions into the library's own."""
    try:
        yield
    except DocumentError:
        raise
    except pymupdf.EmptyFileError:
        raise EmptyDocumentError(f"{_label(name)} is empty") from None
    except pymupdf.FileDataError as error:
        raise CorruptDocumentError(
            f"{_label(name)} is damaged or not a document PyMuPDF can read ({_first_line(error)})"
        ) from None
    except (RuntimeError, ValueError) as error:
        raise CorruptDocumentError(
            f"{_label(name)} could not be read ({_first_line(error)})"
        ) from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _read_with_pymupdf(
    data: bytes,
    name: str | None,
    config: ParsingConfiguration,
    limits: DocumentLimits,
    *,
    ocr: bool,
) -> tuple[list[Page], int, str]:
    kind = _document_kind(data, name)
    try:
        document = pymupdf.open(stream=io.BytesIO(data), filetype=kind or None)
    except (RuntimeError, ValueError) as error:
        if kind == "pdf":
            raise CorruptDocumentError(
                f"{_label(name)} is a damaged PDF that cannot be opened ({_first_line(error)})"
            ) from None
        raise UnsupportedDocumentError(
            f"{_label(name)} is not a format offline-classify reads "
            "(PDF and other PyMuPDF formats, plain text, Markdown or HTML)"
        ) from None
    with document, _pymupdf_errors(name):
        if document.needs_pass:
            raise EncryptedDocumentError(
                f"{_label(name)} is password-protected; decrypt it before classifying"
            )
        page_count = document.page_count
        if page_count == 0:
            raise EmptyDocumentError(f"{_label(name)} has no pages")
        numbers = _selected_within_limits(page_count, config, limits, name)
        pages = [
            _read_page(document, number, config.lang, ocr=ocr, name=name) for number in numbers
        ]
        _check_characters(pages, limits, name)
        file_kind = "pdf" if document.is_pdf else (kind or "document")
    return pages, page_count, file_kind


def _read_page(
    document: pymupdf.Document, number: int, lang: str | None, *, ocr: bool, name: str | None
) -> Page:
    try:
        page = document.load_page(number - 1)
        text = page.get_text("text")
    except (RuntimeError, ValueError) as error:
        raise CorruptDocumentError(
            f"{_label(name)}: page {number} could not be read ({_first_line(error)})"
        ) from None
    if text.strip() or not ocr or not tesseract_available():
        return Page(number=number, text=text)
    language = _TESSERACT_LANGUAGES.get((lang or "en").split("-")[0].lower(), "eng")
    try:
        textpage = page.get_textpage_ocr(language=language, dpi=200, full=True)
        return Page(number=number, text=page.get_text("text", textpage=textpage), ocr=True)
    except (RuntimeError, ValueError):
        # A missing language pack or a Tesseract failure leaves the page without text;
        # the document still fails clearly if no page has text at all.
        return Page(number=number, text="")
