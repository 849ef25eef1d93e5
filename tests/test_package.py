from __future__ import annotations

import subprocess
import sys

import offline_classify


def test_every_public_name_resolves() -> None:
    for name in offline_classify.__all__:
        assert getattr(offline_classify, name) is not None, name


def test_errors_share_one_root() -> None:
    error_names = [name for name in offline_classify.__all__ if name.endswith("Error")]
    assert error_names
    for name in error_names:
        assert issubclass(getattr(offline_classify, name), offline_classify.ClassifyError), name


def test_importing_the_package_or_its_pytest_plugin_loads_no_heavy_library() -> None:
    code = (
        "import sys, offline_classify, offline_classify.testing; "
        "print(sorted(m for m in ('pymupdf', 'torch', 'transformers') if m in sys.modules))"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
