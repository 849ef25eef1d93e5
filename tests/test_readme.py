"""The README's examples run as written."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"

pytest_plugins = ["pytester"]


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_plugin_example_passes_as_a_users_test(pytester: pytest.Pytester) -> None:
    pytest.importorskip("llama_cloud")
    pytest.importorskip("fastapi")
    block = next(b for b in _python_blocks() if "llama_cloud_client" in b)
    pytester.makepyfile(test_user_suite=block)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_main_command_classifies_the_example_invoice() -> None:
    models = Path(__file__).resolve().parents[1] / "models" / "manifest.json"
    if not models.is_file():
        pytest.skip("the default model is not in models/")
    text = README.read_text(encoding="utf-8")
    command = next(line for line in text.splitlines() if line.startswith("offline-classify "))
    # The installed command is this interpreter's offline_classify.cli, PATH or not.
    argv = [sys.executable, "-m", "offline_classify.cli", *shlex.split(command)[1:]]
    completed = subprocess.run(argv, capture_output=True, text=True, cwd=README.parent, timeout=600)
    assert completed.returncode == 0, completed.stderr
    line = json.loads(completed.stdout)
    assert line["file"] == "examples/invoice.pdf"
    assert line["result"]["type"] == "invoice"
