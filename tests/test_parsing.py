from __future__ import annotations

import io

import pytest

from conftest import make_pdf, shared_pdfs
from offline_classify.errors import (
    ClassifyError,
    ConfigurationError,
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextError,
    PageSelectionError,
    UnsupportedDocumentError,
)
from offline_classify.parsing import (
    TEXT_PAGE_CHARS,
    DocumentLimits,
    parse_document,
    tesseract_available,
)
from offline_classify.schema import ParsingConfiguration
from offline_classify.settings import Settings

ENGLISH = "The quarterly report describes revenue, costs and the outlook for the next year. "
FRENCH = "Le rapport trimestriel décrit les recettes, les coûts et les perspectives de l'année. "


def test_pdf_pages_are_numbered_and_selected(tmp_path) -> None:
    path = tmp_path / "five.pdf"
    path.write_bytes(make_pdf([f"Page number {i} says hello." for i in range(1, 6)]))
    parsed = parse_document(path, ParsingConfiguration(target_pages="2,4-5", max_pages=2))
    assert [page.number for page in parsed.pages] == [2, 4]
    assert "Page number 2" in parsed.pages[0].text
    assert "Page number 4" in parsed.pages[1].text
    assert parsed.page_count == 5
    assert parsed.format == "pdf"


def test_bytes_and_file_like_sources_read_the_same_as_paths(tmp_path) -> None:
    data = make_pdf(["alpha page", "beta page"])
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    texts = [
        [page.text for page in parse_document(source).pages]
        for source in (path, str(path), data, io.BytesIO(data))
    ]
    assert texts[0] == texts[1] == texts[2] == texts[3]


def test_page_without_text_is_recorded_as_having_none() -> None:
    parsed = parse_document(make_pdf(["first page text", "", "third page text"]), ocr=False)
    assert [page.has_text for page in parsed.pages] == [True, False, True]


def test_document_with_no_text_at_all_is_a_clear_error() -> None:
    with pytest.raises(NoTextError, match="no text on the selected pages"):
        parse_document(make_pdf(["", ""]), ocr=False)


def test_selecting_only_blank_pages_is_a_clear_error() -> None:
    with pytest.raises(NoTextError, match=r"\(2\)"):
        parse_document(make_pdf(["words", ""]), ParsingConfiguration(target_pages="2"), ocr=False)


def test_selection_past_the_end_names_the_page_count() -> None:
    with pytest.raises(PageSelectionError, match="has 2 pages"):
        parse_document(make_pdf(["a page", "b page"]), ParsingConfiguration(target_pages="7"))


def test_encrypted_pdf_is_reported_as_password_protected() -> None:
    data = make_pdf(["secret text"], encrypt_with="hunter2")
    with pytest.raises(EncryptedDocumentError, match="password-protected"):
        parse_document(data, filename="secret.pdf")


def test_truncated_pdf_fails_with_a_document_error_or_reads_what_survives() -> None:
    data = make_pdf([f"page {i} " + ENGLISH * 20 for i in range(6)])
    truncated = data[: len(data) // 3]
    try:
        parsed = parse_document(truncated, filename="cut.pdf")
    except DocumentError as error:
        assert "cut.pdf" in str(error)
    else:
        assert parsed.pages and all(page.number >= 1 for page in parsed.pages)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyDocumentError),
        (b"%PDF-1.7\n garbage garbage", CorruptDocumentError),
        (bytes(range(256)) * 8, UnsupportedDocumentError),
    ],
)
def test_broken_inputs_raise_our_errors_never_a_library_traceback(data, error) -> None:
    with pytest.raises(error) as caught:
        parse_document(data, filename="broken.pdf" if data.startswith(b"%PDF") else None)
    assert isinstance(caught.value, ClassifyError)
    assert "\n" not in str(caught.value)


def test_random_bytes_named_pdf_are_reported_as_damaged() -> None:
    with pytest.raises(DocumentError):
        parse_document(bytes(range(256)) * 8, filename="random.pdf")


def test_missing_file_is_named(tmp_path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        parse_document(tmp_path / "nope.pdf")


def test_plain_text_is_split_into_pages_on_line_boundaries() -> None:
    line = "A line of plain text about the meeting agenda.\n"
    text = line * (2 * TEXT_PAGE_CHARS // len(line) + 5)
    parsed = parse_document(text.encode(), filename="notes.txt")
    assert parsed.format == "text"
    assert len(parsed.pages) == 3
    assert "".join(page.text for page in parsed.pages) == text
    assert all(page.text.endswith("\n") for page in parsed.pages)


def test_form_feeds_make_pages_in_text() -> None:
    parsed = parse_document(b"one\fsecond page\fthird", ParsingConfiguration(target_pages="2"))
    assert [(page.number, page.text) for page in parsed.pages] == [(2, "second page")]


def test_markdown_is_read_as_text() -> None:
    parsed = parse_document(b"# Title\n\nSome *markdown* body.", filename="readme.md")
    assert parsed.format == "text"
    assert "Some *markdown* body." in parsed.text


def test_html_is_reduced_to_visible_text() -> None:
    markup = (
        b"<html><head><title>t</title><style>p{color:red}</style></head><body>"
        b"<h1>Invoice</h1><p>Total amount: 10 EUR</p><script>var x = 1;</script></body></html>"
    )
    parsed = parse_document(markup, filename="page.html")
    assert parsed.format == "html"
    assert "Invoice" in parsed.text and "Total amount: 10 EUR" in parsed.text
    assert "color" not in parsed.text and "var x" not in parsed.text


def test_detected_language_is_recorded_beside_the_requested_one() -> None:
    parsed = parse_document(
        make_pdf([FRENCH * 5]), ParsingConfiguration(lang="en"), filename="fr.pdf"
    )
    assert parsed.requested_lang == "en"
    assert parsed.detected_lang == "fr"


def test_language_detection_is_deterministic() -> None:
    text = (ENGLISH + FRENCH).encode()
    assert len({parse_document(text).detected_lang for _ in range(5)}) == 1


def test_unstated_language_is_not_taken_as_requested() -> None:
    parsed = parse_document(make_pdf([ENGLISH * 3]))
    assert parsed.requested_lang is None
    assert parsed.language == parsed.detected_lang == "en"


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract is not installed")
def test_scanned_page_is_ocred_when_tesseract_is_installed() -> None:
    import pymupdf

    source = pymupdf.open(stream=make_pdf(["SCANNED INVOICE TOTAL 42"]), filetype="pdf")
    pixmap = source[0].get_pixmap(dpi=150)
    scanned = pymupdf.open()
    page = scanned.new_page()
    page.insert_image(page.rect, pixmap=pixmap)
    parsed = parse_document(scanned.tobytes())
    assert parsed.pages[0].ocr
    assert "INVOICE" in parsed.text.upper()


# The real PDFs beside the checkout: every one either parses or fails with our error.
_EXPECTED_FAILURES = {
    "empty.pdf": EmptyDocumentError,
    "password-example.pdf": EncryptedDocumentError,
}


def test_every_shared_pdf_parses_or_fails_with_a_named_error() -> None:
    folder = shared_pdfs()
    outcomes: dict[str, str] = {}
    for path in sorted(folder.rglob("*.pdf")):
        expected = _EXPECTED_FAILURES.get(path.name)
        try:
            parsed = parse_document(path, ParsingConfiguration(max_pages=3), ocr=False)
        except ClassifyError as error:
            outcomes[path.name] = type(error).__name__
            assert str(error), path.name
            if expected is not None:
                assert isinstance(error, expected), (path.name, error)
        else:
            assert expected is None, f"{path.name} should have failed"
            assert parsed.pages and parsed.page_count >= len(parsed.pages)
            outcomes[path.name] = "ok"
    assert sum(outcome == "ok" for outcome in outcomes.values()) >= 40, outcomes


def test_shared_invoice_text_is_read() -> None:
    parsed = parse_document(shared_pdfs() / "invoices" / "oyo.pdf")
    assert "PAYMENT RECEIPT" in parsed.text


def test_selection_over_the_page_limit_is_refused_not_cut() -> None:
    data = make_pdf([f"page {i}" for i in range(12)])
    with pytest.raises(DocumentTooLargeError, match="12 pages are selected but at most 10"):
        parse_document(data, limits=DocumentLimits(max_pages=10))
    narrowed = parse_document(
        data, ParsingConfiguration(max_pages=10), limits=DocumentLimits(max_pages=10)
    )
    assert len(narrowed.pages) == 10


def test_huge_page_count_pdf_is_refused_with_the_page_count() -> None:
    import pymupdf

    document = pymupdf.open()
    document.new_page(width=50, height=50)
    for _ in range(12):  # doubling: 2**12 = 4,096 pages in a few small copies
        document.insert_pdf(pymupdf.open(stream=document.tobytes(), filetype="pdf"))
    with pytest.raises(DocumentTooLargeError, match="4096 pages are selected"):
        parse_document(document.tobytes())


def test_text_over_the_character_limit_is_refused() -> None:
    with pytest.raises(DocumentTooLargeError, match="more than the 1,000 read"):
        parse_document(b"word " * 1000, limits=DocumentLimits(max_characters=1000))


def test_limits_are_read_from_the_environment() -> None:
    settings = Settings.from_env(
        {"OFFLINE_CLASSIFY_MAX_PAGES": "7", "OFFLINE_CLASSIFY_MAX_CHARACTERS": "900"}
    )
    assert settings.document_limits == DocumentLimits(max_pages=7, max_characters=900)
    with pytest.raises(ConfigurationError, match="OFFLINE_CLASSIFY_MAX_PAGES"):
        Settings.from_env({"OFFLINE_CLASSIFY_MAX_PAGES": "many"})


@pytest.mark.parametrize("padding", ["", "!"])
def test_western_text_that_is_not_utf8_is_read_whatever_its_length(padding) -> None:
    text = f"Facture numéro 42, total à payer: 100 €uros.{padding}\n"
    parsed = parse_document(text.encode("cp1252"), filename="facture.txt")
    assert parsed.text == text


def test_utf16_text_with_its_byte_order_mark_is_read() -> None:
    text = "Invoice number 42, total due 10 EUR."
    assert parse_document(text.encode("utf-16"), filename="a.txt").text == text


def test_html_without_a_closing_head_tag_keeps_its_body() -> None:
    markup = (
        b"<!DOCTYPE html><html><head><meta charset=utf-8><title>Bill</title>"
        b"<body><p>Invoice number 42. Total amount due: 100 EUR.</p></body></html>"
    )
    parsed = parse_document(markup, filename="bill.html")
    assert "Invoice number 42" in parsed.text and "Bill" not in parsed.text
