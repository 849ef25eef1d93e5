"""The README's examples run as written."""

from __future__ import annotations

import re
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
