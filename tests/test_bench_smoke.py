"""The FAST path benchmark's smoke run, on tiny random-weight checkpoints built here."""

from __future__ import annotations

import json

import pymupdf
import pytest

from conftest import (
    BIENCODER_CONFIG,
    THREE_CLASS,
    benchmark_module,
    build_encoder_checkpoint,
    build_nli_checkpoint,
)


@pytest.fixture(scope="module")
def bench():
    yield from benchmark_module("bench_fast_path")


def test_generated_pages_are_the_same_for_a_seed_and_fit_on_a_pdf_page(bench) -> None:
    pages = bench.business_pages(4, seed=7)
    assert pages == bench.business_pages(4, seed=7)
    assert pages != bench.business_pages(4, seed=8)
    assert all(250 <= len(page.split()) <= 600 for page in pages)
    document = pymupdf.open(stream=bench.make_pdf(pages), filetype="pdf")
    assert document.page_count == 4
    assert document[0].get_text().split()[:3] == pages[0].split()[:3]


def test_quick_run_reports_every_engine_ratio_and_scaling(bench, tmp_path, capsys) -> None:
    cross_encoder = build_nli_checkpoint(tmp_path / "nli", THREE_CLASS)
    default = build_encoder_checkpoint(tmp_path / "default", BIENCODER_CONFIG)
    json_path = tmp_path / "bench.jsonl"
    argv = ["--quick", "--model", str(default), "--cross-encoder", str(cross_encoder)]
    assert bench.main([*argv, "--json", str(json_path)]) == 0

    records = [json.loads(line) for line in json_path.read_text().splitlines()]
    kinds = {record["kind"] for record in records}
    assert kinds == {"setup", "parse", "row", "ratio", "scaling"}
    rows = [record for record in records if record["kind"] == "row"]
    engines = {row["engine"] for row in rows}
    assert {"ours:default", "ours:cross-encoder", "ours:cross-encoder-int8"} <= engines
    assert "pipeline:nli" in engines  # the same checkpoint as ours:cross-encoder
    assert "pipeline:random-cross-encoder" in engines  # the default model's shape
    cells = {(row["pages"], row["rules"]) for row in rows if row["engine"] == "ours:default"}
    assert cells == {(1, 2), (3, 2), (3, 5), (3, 20)}
    for row in rows:
        for key in ("pages_per_s", "documents_per_s", "p50_s", "p95_s", "model_s"):
            assert row[key] > 0, (row["engine"], key)
        assert row["p95_s"] >= row["p50_s"]
        assert row["peak_rss_mib"] > 0
        assert row["model_inputs_per_document"] >= row["pages"]
        # Every input is at least a few tokens; padding only ever adds to them.
        assert row["padded_tokens_per_document"] >= row["tokens_per_document"]
        assert row["tokens_per_document"] >= 4 * row["model_inputs_per_document"]
        assert row["model_tokens_per_s"] > 0
    assert next(r for r in records if r["kind"] == "parse")["pages_per_s"] > 0
    ratios = {r["comparison"]: r for r in records if r["kind"] == "ratio"}
    assert set(ratios) == {
        "(a) same cross-encoder",
        "(a) same cross-encoder, int8",
        "(b) default model vs same-size cross-encoder",
    }
    assert all(r["documents_per_s_ratio"] > 0 for r in ratios.values())
    scaling = {(r["engine"], r["axis"]): r for r in records if r["kind"] == "scaling"}
    assert ("ours:default", "pages") in scaling
    # The cross-encoder reads every window against every rule: 10x the rules, about
    # 10x the pairs (the documents differ from cell to cell, so not exactly).
    rules_axis = scaling["ours:cross-encoder", "rules"]
    assert (rules_axis["from"], rules_axis["to"]) == (2, 20)
    assert 5 < rules_axis["inputs_growth"] < 20
    assert rules_axis["time_growth"] > 0

    printed = capsys.readouterr().out
    assert "ratio (b) default model vs same-size cross-encoder" in printed
    assert "parsing:" in printed


def test_missing_default_model_is_said_and_comparison_b_skipped(
    bench, tmp_path, capsys, monkeypatch
) -> None:
    cross_encoder = build_nli_checkpoint(tmp_path / "nli", THREE_CLASS)
    monkeypatch.setattr(bench, "QUICK_CELLS", [bench.Cell(1, 2, 1), bench.Cell(1, 5, 1)])
    monkeypatch.setattr(bench, "QUICK_HEADLINE", bench.Cell(1, 5, 1))
    argv = ["--quick", "--model", str(tmp_path / "absent"), "--cross-encoder", str(cross_encoder)]
    assert bench.main(argv) == 0
    printed = capsys.readouterr().out
    assert "default model: not measured (no model found" in printed
    assert "ratio (a) same cross-encoder:" in printed
    assert "ratio (b)" not in printed
