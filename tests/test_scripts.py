"""The model-building scripts run end to end on tiny data and a tiny encoder."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from conftest import build_encoder_checkpoint
from offline_classify.biencoder import BiEncoderScorer
from offline_classify.scoring import ScoringDefaults

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
BBC_RULES = Path(__file__).resolve().parents[1] / "benchmarks" / "bbc_rules.json"
ENCODER_CONFIG = {
    "scorer": "bi-encoder",
    "pooling": "mean",
    "max_seq_length": 32,
    "link": {"similarity": 1.0, "background_margin": 0.0, "bias": 0.0},
    "background": {"drop_similarity": 1.0, "types": ["a recipe"]},
}


@pytest.fixture
def finetune(monkeypatch) -> Iterator[Any]:
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import finetune_encoder

    # The script sets torch's threads and seeds its random generators, for the whole
    # process; the tests after these must not inherit that.
    threads, torch_rng, python_rng = (
        torch.get_num_threads(),
        torch.get_rng_state(),
        random.getstate(),
    )
    yield finetune_encoder
    torch.set_num_threads(threads)
    torch.set_rng_state(torch_rng)
    random.setstate(python_rng)


def _tiny_data(root: Path) -> Path:
    for rule in json.loads(BBC_RULES.read_text())["rules"]:
        folder = root / "news" / "bbc" / rule["type"]
        folder.mkdir(parents=True)
        # Remainders 3 and 4 are trained on; 005 is held out: 10 articles, not 15.
        for number in (3, 4, 5):
            (folder / f"{number:03d}.txt").write_text(f"{rule['type']} invoice total amount")
    nli = root / "nli"
    nli.mkdir()
    header = "pair_ID\tsentence_A\tsentence_B\tentailment_label\tSemEval_set"
    sick = [header, "1\ta total amount\tan amount\tENTAILMENT\tTRAIN"]
    sick.append("2\ta story\ta recipe\tNEUTRAL\tTRAIN")
    (nli / "SICK.txt").write_text("\n".join(sick) + "\n")
    rte = ["index\tsentence1\tsentence2\tlabel", "0\tan invoice total\ta total\tentailment"]
    (nli / "RTE-train.tsv").write_text("\n".join(rte) + "\n")
    return root


def test_finetune_writes_an_encoder_the_bi_encoder_loads(finetune, tmp_path, capsys) -> None:
    source = build_encoder_checkpoint(tmp_path / "source", ENCODER_CONFIG)
    data = _tiny_data(tmp_path / "data")
    out = tmp_path / "tuned"
    argv = ["--data", str(data), "--backbone", str(source), "--out", str(out)]
    assert finetune.main([*argv, "--batch-size", "4", "--max-tokens", "16", "--threads", "1"]) == 0

    assert "10 articles, 2 entailed NLI pairs" in capsys.readouterr().err
    (out / "offline_classify.json").write_text(json.dumps(ENCODER_CONFIG))
    tuned = BiEncoderScorer(out, config=ENCODER_CONFIG, defaults=ScoringDefaults())
    original = BiEncoderScorer(source, config=ENCODER_CONFIG, defaults=ScoringDefaults())
    texts = ["an invoice total amount", "a story"]
    moved = np.abs(tuned.embed(texts) - original.embed(texts)).max()
    assert 0 < moved < 1, "one epoch moves the weights, a little"


def test_finetune_on_entailment_pairs_only_reads_no_article(finetune, tmp_path, capsys) -> None:
    source = build_encoder_checkpoint(tmp_path / "source", ENCODER_CONFIG)
    data = _tiny_data(tmp_path / "data")
    argv = ["--data", str(data), "--backbone", str(source), "--out", str(tmp_path / "out")]
    assert finetune.main([*argv, "--no-bbc", "--nli", "rte", "--threads", "1"]) == 0
    assert "0 articles, 1 entailed NLI pairs" in capsys.readouterr().err
