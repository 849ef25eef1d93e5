from __future__ import annotations

import json
import shutil

import pytest

from conftest import THREE_CLASS, build_nli_checkpoint, make_pdf
from offline_classify import (
    Classifier,
    ClassifyConfiguration,
    KeywordScorer,
    ModelConfigError,
    ModelNotFoundError,
)
from offline_classify.settings import Settings

CONFIG = ClassifyConfiguration(
    rules=[
        {"type": "invoice", "description": "contains an invoice number and total amount"},
        {"type": "resume", "description": "a resume listing work experience and education"},
    ]
)
INVOICE = "INVOICE\nInvoice number: 2024-17\nTotal amount: 1,250.00 EUR\nPayment due in 30 days."
FRENCH = "Le rapport trimestriel décrit les recettes et les coûts de l'année passée. " * 4


def test_matching_rule_wins_and_unrelated_document_is_null() -> None:
    classifier = Classifier(KeywordScorer())
    assert classifier.classify(make_pdf(["cover page", INVOICE]), CONFIG).type == "invoice"
    story = classifier.classify(b"Once upon a time a fox met a crow.", CONFIG)
    assert story.type is None
    assert story.confidence == pytest.approx(0.95)


def test_target_pages_limit_what_is_read() -> None:
    config = ClassifyConfiguration.model_validate(
        {**CONFIG.model_dump(), "parsing_configuration": {"target_pages": "1"}}
    )
    result = Classifier(KeywordScorer()).classify(make_pdf(["cover page", INVOICE]), config)
    assert result.type is None


def test_threshold_override_changes_the_decision() -> None:
    strict = Classifier(KeywordScorer(), threshold=0.99)
    assert strict.classify(make_pdf([INVOICE]), CONFIG).type is None


def test_language_disagreement_is_said_in_the_reasoning() -> None:
    config = ClassifyConfiguration.model_validate(
        {**CONFIG.model_dump(), "parsing_configuration": {"lang": "en"}}
    )
    result = Classifier(KeywordScorer()).classify(make_pdf([FRENCH]), config)
    assert "reads as 'fr'" in result.reasoning


@pytest.fixture(scope="module")
def models_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    build_nli_checkpoint(root / "english", THREE_CLASS, scorer_config={"threshold": 0.0})
    build_nli_checkpoint(root / "french", THREE_CLASS, seed=1, scorer_config={"threshold": 0.0})
    (root / "manifest.json").write_text(
        json.dumps({"default": "english", "languages": {"en": "english", "fr": "french"}})
    )
    return root


def test_manifest_picks_the_checkpoint_for_the_documents_language(models_folder) -> None:
    classifier = Classifier(models_folder)
    french = classifier.explain(make_pdf([FRENCH]), CONFIG)
    english = classifier.explain(make_pdf([INVOICE * 3]), CONFIG)
    assert french.scorer.endswith("french") and english.scorer.endswith("english")


def test_unknown_language_falls_back_to_the_default_and_says_so(models_folder) -> None:
    config = ClassifyConfiguration.model_validate(
        {**CONFIG.model_dump(), "parsing_configuration": {"lang": "de"}}
    )
    explained = Classifier(models_folder).explain(make_pdf([INVOICE]), config)
    assert explained.scorer.endswith("english")
    assert "No model for language 'de'" in explained.result.reasoning


def test_manifest_naming_a_missing_checkpoint_is_a_config_error(tmp_path, models_folder) -> None:
    shutil.copytree(models_folder, tmp_path / "m")
    shutil.rmtree(tmp_path / "m" / "french")
    with pytest.raises(ModelConfigError, match="'french'"):
        Classifier(tmp_path / "m")


def test_model_location_error_says_where_it_looked(tmp_path) -> None:
    with pytest.raises(ModelNotFoundError, match="OFFLINE_CLASSIFY_MODEL"):
        Classifier(settings=Settings(model=tmp_path / "nowhere"))
    with pytest.raises(ModelNotFoundError, match="--model"):
        Classifier(tmp_path / "nowhere")


def test_text_the_model_reads_no_token_of_is_a_no_text_error(three_class_checkpoint) -> None:
    from offline_classify import NoTextError

    zero_width = "\u200b\u200b\u200b\n".encode()
    with pytest.raises(NoTextError, match="no text the model can read"):
        Classifier(three_class_checkpoint).classify(zero_width, CONFIG, filename="zw.txt")
