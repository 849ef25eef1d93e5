"""The accuracy evaluation's figures, on a tiny labelled folder and a tiny encoder."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import BIENCODER_CONFIG, benchmark_module, build_encoder_checkpoint

ENGLISH = "The invoice lists the total amount due for this contract and the terms of payment. "
FRENCH = "La facture indique le montant total à payer pour ce contrat et les conditions. "


@pytest.fixture(scope="module")
def evaluation():
    yield from benchmark_module("eval_accuracy")


def test_calibration_error_is_the_bin_weighted_gap(evaluation) -> None:
    confidence = np.array([0.95, 0.95, 0.15, 0.15])
    correct = np.array([1.0, 0.0, 0.0, 0.0])
    # Two bins of two: |0.95 - 0.5| and |0.15 - 0|, each weighing a half.
    assert evaluation.expected_calibration_error(confidence, correct) == pytest.approx(0.3)
    assert evaluation.expected_calibration_error(np.array([]), np.array([])) is None


def test_a_labelled_folder_is_reported_in_total_and_by_language(
    evaluation, tmp_path, capsys
) -> None:
    checkpoint = build_encoder_checkpoint(tmp_path / "model", BIENCODER_CONFIG)
    data = tmp_path / "docs"
    data.mkdir()
    (data / "en.txt").write_text(ENGLISH * 4)
    (data / "fr.txt").write_text(FRENCH * 4)
    (data / "other.txt").write_text(ENGLISH * 3)
    labels = tmp_path / "labels.csv"
    labels.write_text("file,label\nen.txt,invoice\nfr.txt,invoice\nother.txt,other\n")
    rules = tmp_path / "rules.json"
    rule = {"type": "invoice", "description": "an invoice with a total amount"}
    rules.write_text(json.dumps({"rule_sets": [{"name": "one", "rules": [rule]}]}))

    argv = ["--data", str(data), "--labels", str(labels), "--rules", str(rules)]
    assert evaluation.main([*argv, "--model", str(checkpoint)]) == 0

    printed = capsys.readouterr().out
    report = json.loads(printed.strip().splitlines()[-1])
    total = report["total"]
    assert total["documents"] == 3 and total["no_match_documents"] == 1
    by_language = total["by_language"]
    assert set(by_language) == {"en", "fr"}
    assert by_language["en"]["documents"] == 2 and by_language["fr"]["documents"] == 1
    assert by_language["fr"]["no_match_null_rate"] is None
    assert "by detected language (all rule sets): en 2 judgements" in printed
    # The language figures split the total's: matching documents are one of each.
    matched = [by_language[lang]["match_accuracy"] for lang in ("en", "fr")]
    assert total["match_accuracy"] == pytest.approx(np.mean(matched))
