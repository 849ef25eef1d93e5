from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import THREE_CLASS, build_nli_checkpoint, make_pdf
from offline_classify.cli import main

RULES = {
    "rules": [
        {"type": "invoice", "description": "contains an invoice number and total amount"},
        {"type": "story", "description": "a story that happened once upon a time"},
    ],
    "parsing_configuration": {"max_pages": 2},
}


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    return build_nli_checkpoint(tmp_path_factory.mktemp("cli-model"), THREE_CLASS)


@pytest.fixture
def documents(tmp_path):
    good = tmp_path / "invoice.pdf"
    good.write_bytes(make_pdf(["Invoice number 7, total amount 12 EUR"]))
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps(RULES))
    return good, empty, rules


def test_json_output_has_one_result_line_per_good_file(checkpoint, documents, capsys) -> None:
    good, empty, rules = documents
    code = main(["classify", str(good), str(empty), str(good), "--rules", str(rules),
                 "--model", str(checkpoint), "--json"])  # fmt: skip
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [line["file"] for line in lines] == [str(good), str(good)]
    assert set(lines[0]["result"]) == {"type", "confidence", "reasoning"}
    assert lines[0]["result"]["type"] in {"invoice", "story", None}
    assert f"{empty}: 'empty.pdf' is empty" in err
    assert "Traceback" not in err


def test_table_output_and_inline_rules(checkpoint, documents, capsys) -> None:
    good, _, _ = documents
    code = main(["classify", str(good), "--model", str(checkpoint),
                 "--rule", 'invoice="contains an invoice number"',
                 "--rule", "memo=an internal memo to staff"])  # fmt: skip
    out, _ = capsys.readouterr()
    assert code == 0
    header, row = out.splitlines()
    assert header.split()[:3] == ["FILE", "TYPE", "CONFIDENCE"]
    assert row.startswith(str(good))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--rule", "x=short"], "rules.0.description"),
        (["--rule", "no-equals-sign"], 'must look like TYPE="description"'),
    ],
)
def test_bad_rules_are_usage_errors(checkpoint, documents, capsys, extra, message) -> None:
    good, _, _ = documents
    assert main(["classify", str(good), "--model", str(checkpoint), *extra]) == 2
    assert message in capsys.readouterr().err


def test_unreadable_rules_file_is_a_usage_error(checkpoint, documents, tmp_path, capsys) -> None:
    good, _, _ = documents
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert main(["classify", str(good), "--rules", str(broken)]) == 2
    assert "is not valid JSON" in capsys.readouterr().err


def test_missing_model_says_where_it_looked(documents, tmp_path, capsys) -> None:
    good, _, rules = documents
    code = main(["classify", str(good), "--rules", str(rules), "--model", str(tmp_path / "none")])
    assert code == 2
    assert "no model found (looked in --model" in capsys.readouterr().err


def test_command_is_installed_and_reports_bad_usage_with_exit_2() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "offline_classify.cli", "classify"],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2
    assert "usage:" in completed.stderr


def test_settings_read_job_timeout_and_upload_size_from_the_environment() -> None:
    from offline_classify.errors import ConfigurationError
    from offline_classify.settings import Settings

    settings = Settings.from_env(
        {"OFFLINE_CLASSIFY_JOB_TIMEOUT": "0", "OFFLINE_CLASSIFY_MAX_UPLOAD_MB": "2.5"}
    )
    assert settings.job_timeout == 0
    assert settings.max_file_bytes == int(2.5 * 1024 * 1024)
    bad = [
        ("OFFLINE_CLASSIFY_MAX_UPLOAD_MB", "0"),
        ("OFFLINE_CLASSIFY_JOB_TIMEOUT", "-1"),
        ("OFFLINE_CLASSIFY_JOB_TIMEOUT", "soon"),
    ]
    for name, value in bad:
        with pytest.raises(ConfigurationError, match=name):
            Settings.from_env({name: value})


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--job-timeout", "-1"], "--job-timeout"), (["--max-upload-mb", "0"], "--max-upload-mb")],
)
def test_serve_rejects_bad_limits_before_starting(checkpoint, capsys, option, message) -> None:
    assert main(["serve", "--model", str(checkpoint), *option]) == 2
    assert message in capsys.readouterr().err


def test_bad_environment_setting_is_a_usage_error_not_a_traceback(
    checkpoint, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("OFFLINE_CLASSIFY_JOB_TIMEOUT", "soon")
    assert main(["serve", "--model", str(checkpoint), "--port", "0"]) == 2
    assert "OFFLINE_CLASSIFY_JOB_TIMEOUT must be a number" in capsys.readouterr().err


def test_zero_batch_size_is_refused_by_the_argument_parser(checkpoint, documents, capsys):
    good, _, rules = documents
    with pytest.raises(SystemExit) as exited:
        main(["classify", str(good), "--rules", str(rules), "--batch-size", "0"])
    assert exited.value.code == 2
    assert "--batch-size: must be a whole number of at least 1" in capsys.readouterr().err


def test_unknown_device_is_a_usage_error(checkpoint, documents, capsys) -> None:
    good, _, rules = documents
    argv = ["classify", str(good), "--rules", str(rules), "--model", str(checkpoint)]
    assert main([*argv, "--device", "bogus"]) == 2
    assert "is not a torch device" in capsys.readouterr().err
