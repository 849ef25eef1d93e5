"""The shipped default model, through the public ``Classifier``, on PDFs built here."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from offline_classify import Classifier, ClassifyConfiguration, ClassifyRule

MODELS = Path(__file__).resolve().parents[1] / "models"

pytestmark = pytest.mark.skipif(
    not (MODELS / "manifest.json").is_file(),
    reason="no default model in models/ (run scripts/build_default_model.py)",
)

RULES = ClassifyConfiguration(
    rules=[
        ClassifyRule(
            type="invoice",
            description="an invoice, bill or payment receipt with items, prices and a total amount",
        ),
        ClassifyRule(
            type="contract",
            description="a contract or agreement between parties, with terms and signatures",
        ),
        ClassifyRule(
            type="resume",
            description="a resume or CV describing a person's work experience and education",
        ),
    ]
)

INVOICE = """ACME Office Supplies Ltd.
12 Harbour Road, Bristol BS1 4DJ
INVOICE
Invoice number: INV-2024-0117
Invoice date: 14 March 2024      Due date: 13 April 2024
Bill to: Northwind Traders, 88 King Street, Leeds
Description                 Qty   Unit price   Amount
A4 copier paper, 5 reams      4      £21.50     £86.00
Black toner cartridge         2      £64.00    £128.00
Desk organiser                1      £18.75     £18.75
Subtotal                                       £232.75
VAT 20%                                         £46.55
Total due                                      £279.30
Payment by bank transfer within 30 days. Sort code 20-00-00, account 12345678.
"""

STORY = """The Lighthouse Keeper's Cat
Every evening, when the fog rolled in from the sea, old Martha climbed the hundred
steps of the lighthouse with her grey cat, Pepper, padding behind her. Pepper liked to
sit on the warm sill beside the great lamp and watch the gulls wheel over the rocks.
One winter night the lamp went dark. Martha fumbled for matches while the wind howled,
but it was Pepper who found the loose wire, tugging at it with her paw until the light
flickered back to life. Far out on the water, a small fishing boat turned away from the
reef just in time. In the morning the fishermen came to thank Martha, and Pepper,
pretending not to care, accepted a whole sardine.
"""


def make_pdf(path: Path, text: str) -> Path:
    document = pymupdf.open()
    page = document.new_page()
    page.insert_textbox(pymupdf.Rect(50, 50, 560, 800), text, fontsize=10, fontname="helv")
    document.save(path)
    document.close()
    return path


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier()


def test_invoice_pdf_is_classified_as_invoice(classifier: Classifier, tmp_path: Path) -> None:
    result = classifier.classify(make_pdf(tmp_path / "invoice.pdf", INVOICE), RULES)

    assert result.type == "invoice", result.reasoning
    assert 0.5 <= result.confidence <= 1.0
    assert "page 1" in result.reasoning


def test_short_story_pdf_matches_none_of_the_rules(classifier: Classifier, tmp_path: Path) -> None:
    result = classifier.classify(make_pdf(tmp_path / "story.pdf", STORY), RULES)

    assert result.type is None, result.reasoning
    assert 0.0 <= result.confidence <= 1.0
    assert "page 1" in result.reasoning
