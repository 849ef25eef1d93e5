"""The model-building scripts run end to end on tiny data and a tiny encoder."""

from __future__ import annotations

import importlib
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
from offline_classify.models import load_scorer
from offline_classify.scoring import ScoringDefaults
from offline_classify.tiny_checkpoints import build_tiny_encoder_checkpoint

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
BBC_RULES = Path(__file__).resolve().parents[1] / "benchmarks" / "bbc_rules.json"
ENCODER_CONFIG = {
    "scorer": "bi-encoder",
    "pooling": "mean",
    "max_seq_length": 32,
    "link": {"similarity": 1.0, "background_margin": 0.0, "bias": 0.0},
    "background": {"drop_similarity": 1.0, "types": ["a recipe"]},
}


def _script(monkeypatch, name: str) -> Iterator[Any]:
    monkeypatch.syspath_prepend(str(SCRIPTS))
    module = importlib.import_module(name)
    # The scripts set torch's threads and seed the random generators, for the whole
    # process; the tests after these must not inherit that.
    threads, torch_rng, python_rng, numpy_rng = (
        torch.get_num_threads(),
        torch.get_rng_state(),
        random.getstate(),
        np.random.get_state(),
    )
    yield module
    torch.set_num_threads(threads)
    torch.set_rng_state(torch_rng)
    random.setstate(python_rng)
    np.random.set_state(numpy_rng)


@pytest.fixture
def finetune(monkeypatch) -> Iterator[Any]:
    yield from _script(monkeypatch, "finetune_encoder")


@pytest.fixture
def build(monkeypatch) -> Iterator[Any]:
    yield from _script(monkeypatch, "build_default_model")


def _write_bbc(root: Path, numbers: tuple[int, ...]) -> None:
    for rule in json.loads(BBC_RULES.read_text())["rules"]:
        folder = root / "news" / "bbc" / rule["type"]
        folder.mkdir(parents=True)
        for number in numbers:
            (folder / f"{number:03d}.txt").write_text(f"{rule['type']} invoice total amount")


def _tiny_data(root: Path) -> Path:
    # Remainders 3 and 4 are trained on; 005 is held out: 10 articles, not 15.
    _write_bbc(root, (3, 4, 5))
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


def _tiny_bbc(root: Path) -> Path:
    """Two articles of each topic in the link's fit (remainder 2) and tuning (1)."""
    _write_bbc(root, (1, 2, 6, 7, 10))
    return root


def test_build_fits_the_link_on_articles_and_generated_documents(build, tmp_path, capsys) -> None:
    source = build_tiny_encoder_checkpoint(
        tmp_path / "source", words=["invoice", "story", "news"], max_position_embeddings=512
    )
    out = tmp_path / "models"
    argv = ["--data", str(_tiny_bbc(tmp_path / "data")), "--backbone", str(source)]
    argv += ["--out", str(out), "--cache", str(tmp_path / "cache"), "--threads", "1"]
    assert build.main([*argv, "--synthetic", "1", "--roughen"]) == 0

    types = len(build.DOCUMENT_TYPES)
    assert f"20 BBC train articles, {types} generated documents" in capsys.readouterr().err
    checkpoint = out / build.MODEL_NAME
    config = json.loads((checkpoint / "offline_classify.json").read_text())
    assert f"1 generated documents of each of {types} types" in config["fit"]["data"]
    assert "seed 0, roughened)" in config["fit"]["data"]
    assert config["template"] in build.TEMPLATES
    assert all(np.isfinite(list(config["link"].values())))
    assert json.loads((out / "manifest.json").read_text())["default"] == build.MODEL_NAME
    scorer = load_scorer(checkpoint)
    probabilities = scorer.score(["an invoice"], ["This text is a story."])
    assert probabilities.shape == (1, 1) and 0 < probabilities[0, 0] < 1


def test_build_embeds_each_generated_type_by_the_encoder_that_never_saw_it(
    build, tmp_path, capsys
) -> None:
    source = build_tiny_encoder_checkpoint(
        tmp_path / "source", words=["invoice", "story", "news"], max_position_embeddings=512
    )
    names = [kind.name for kind in build.DOCUMENT_TYPES]
    folds = []
    for k, held_out in enumerate((names[::2], names[1::2])):
        fold = build_tiny_encoder_checkpoint(
            tmp_path / f"fold{k}", words=["invoice"], max_position_embeddings=512, seed=k + 5
        )
        (fold / "held_out_types.json").write_text(json.dumps(held_out))
        folds.append(str(fold))
    out = tmp_path / "models"
    argv = ["--data", str(_tiny_bbc(tmp_path / "data")), "--backbone", str(source)]
    argv += ["--out", str(out), "--cache", str(tmp_path / "cache"), "--threads", "1"]
    assert build.main([*argv, "--synthetic", "1", "--fold-encoders", *folds]) == 0

    config = json.loads((out / build.MODEL_NAME / "offline_classify.json").read_text())
    assert (
        "each embedded by an encoder fine-tuned without its type (2 folds)"
        in (config["fit"]["data"])
    )
    # Every fold's embeddings are cached under its own weights, beside the shipped ones.
    assert len(list((tmp_path / "cache").glob("*.npz"))) == 3

    capsys.readouterr()
    refused = ["--data", str(tmp_path / "data"), "--out", str(tmp_path / "refused")]
    with pytest.raises(SystemExit):
        build.main([*refused, "--synthetic", "1", "--fold-encoders", folds[0]])
    assert "must hold out every generated type exactly once" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build.main([*refused, "--synthetic", "0", "--fold-encoders", *folds])
    assert "--fold-encoders needs generated documents" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build.main([*refused, "--synthetic", "0", "--roughen"])
    assert "--roughen needs generated documents" in capsys.readouterr().err
    assert not (tmp_path / "refused").exists(), "refused before anything is written"


def _training_data(build, *, documents: int) -> Any:
    rng = np.random.default_rng(0)

    def unit(*shape: int) -> np.ndarray:
        vectors = rng.normal(size=(*shape, 8))
        return vectors / np.linalg.norm(vectors, axis=-1, keepdims=True)

    synthetic = None
    if documents:
        synthetic = build.SyntheticData(
            windows=[unit(2) for _ in range(documents)],
            labels=np.arange(documents) % 7,
            fit=np.arange(documents) % 2 == 0,
            hypotheses=unit(7, 3),
            background=unit(4),
        )
    return build.TrainingData(
        windows=[unit(3) for _ in range(10)],
        labels=np.arange(10) % 5,
        numbers=np.array([1, 2] * 5),
        hypotheses=unit(5),
        foreign=unit(6),
        background=unit(4),
        nli_premises=unit(0),
        nli_hypotheses=unit(0),
        nli_labels=np.zeros(0),
        documents=[synthetic] if synthetic else [],
    )


def test_generated_documents_are_judged_with_and_without_their_type(build) -> None:
    data = _training_data(build, documents=14)
    found = [j for j in build.judgements(data, "all") if j[4] in (3, 4)]
    assert len(found) == 14 * 2 * build.SYNTHETIC_SETS
    for windows, hypotheses, _, truth, kind in found:
        documents = data.documents[0]
        document = next(i for i, w in enumerate(documents.windows) if w is windows)
        own = documents.hypotheses[documents.labels[document]]
        is_own = [any(np.array_equal(h, phrasing) for phrasing in own) for h in hypotheses]
        low, high = build.SYNTHETIC_RULES
        assert low <= len(hypotheses) <= high
        if kind == 3:
            assert is_own.count(True) == 1 and is_own.index(True) == truth
        else:
            assert truth == -1 and not any(is_own)
    fit = [j for j in build.judgements(data, "fit") if j[4] in (3, 4)]
    tune = [j for j in build.judgements(data, "tune") if j[4] in (3, 4)]
    assert len(fit) == len(tune) == len(found) / 2
    assert {id(j[0]) for j in fit}.isdisjoint({id(j[0]) for j in tune})


def test_each_source_and_each_side_weighs_the_same(build) -> None:
    articles_only = build.feature_block(_training_data(build, documents=0), 0.7, "all")
    weights = articles_only.weights()
    share = {k: weights[articles_only.kind == k].sum() / len(weights) for k in (0, 1, 2)}
    assert share == pytest.approx({0: 0.5, 1: 0.25, 2: 0.25})
    assert np.allclose(articles_only.weights(by_kind=False), 1.0)

    both = build.feature_block(_training_data(build, documents=14), 0.7, "all")
    weights = both.weights()
    share = {k: weights[both.kind == k].sum() / len(weights) for k in range(5)}
    assert share == pytest.approx({0: 0.25, 1: 0.125, 2: 0.125, 3: 0.25, 4: 0.25})
    by_source = both.weights(by_kind=False)
    assert by_source[both.kind <= 2].sum() == pytest.approx(by_source[both.kind >= 3].sum())
    assert len(both.groups()) == 4


def test_finetune_can_leave_a_fold_of_generated_types_out(finetune, tmp_path, capsys) -> None:
    source = build_encoder_checkpoint(tmp_path / "source", ENCODER_CONFIG)
    data = _tiny_data(tmp_path / "data")
    out = tmp_path / "fold"
    argv = ["--data", str(data), "--backbone", str(source), "--out", str(out), "--threads", "1"]
    argv += ["--no-bbc", "--nli", "none", "--synthetic", "1", "--max-tokens", "16"]
    assert finetune.main([*argv, "--hold-out", "1/3"]) == 0

    held_out = json.loads((out / "held_out_types.json").read_text())
    names = {kind.name for kind in finetune.DOCUMENT_TYPES}
    assert set(held_out) < names and len(held_out) == len(names) // 3
    trained = len(names) - len(held_out)
    assert f"0 articles, 0 entailed NLI pairs, {trained} generated documents" in (
        capsys.readouterr().err
    )
    folds = [set(finetune.held_out_types(f"{k}/3")) for k in range(3)]
    assert set().union(*folds) == names and sum(map(len, folds)) == len(names)
    for wrong in ("3/3", "one/two", "1"):
        with pytest.raises(SystemExit):
            finetune.held_out_types(wrong)
