"""Configuration's one home: the environment, read once into a frozen object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from offline_classify.errors import ConfigurationError
from offline_classify.parsing import DocumentLimits

__all__ = ["Settings", "DEFAULT_MODELS_DIR"]

DEFAULT_MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
"""The ``models/`` folder of the source checkout this package was installed from."""


@dataclass(frozen=True)
class Settings:
    """Settings read from the environment.

    Attributes:
        model: ``OFFLINE_CLASSIFY_MODEL``: a checkpoint directory, or a folder of
            checkpoints with a ``manifest.json``; ``None`` means the default ``models/``.
        api_keys: ``OFFLINE_CLASSIFY_API_KEY``: keys the server accepts, comma-separated;
            empty means the server is open.
        data_dir: ``OFFLINE_CLASSIFY_DATA_DIR``: where the job service keeps its store.
        max_document_pages: ``OFFLINE_CLASSIFY_MAX_PAGES``: pages read per document.
        max_document_characters: ``OFFLINE_CLASSIFY_MAX_CHARACTERS``: characters read per
            document.
        job_timeout: ``OFFLINE_CLASSIFY_JOB_TIMEOUT``: seconds a service job may run; 0
            means no limit.
        max_file_bytes: ``OFFLINE_CLASSIFY_MAX_UPLOAD_MB`` (in megabytes): the largest file
            the service accepts.
    """

    model: Path | None = None
    api_keys: tuple[str, ...] = ()
    data_dir: Path | None = None
    max_document_pages: int = DocumentLimits.max_pages
    max_document_characters: int = DocumentLimits.max_characters
    job_timeout: float = 600.0
    max_file_bytes: int = 100 * 1024 * 1024

    @property
    def document_limits(self) -> DocumentLimits:
        return DocumentLimits(self.max_document_pages, self.max_document_characters)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        model = env.get("OFFLINE_CLASSIFY_MODEL", "").strip()
        data_dir = env.get("OFFLINE_CLASSIFY_DATA_DIR", "").strip()
        keys = env.get("OFFLINE_CLASSIFY_API_KEY", "")
        return cls(
            model=Path(model).expanduser() if model else None,
            api_keys=tuple(key.strip() for key in keys.split(",") if key.strip()),
            data_dir=Path(data_dir).expanduser() if data_dir else None,
            max_document_pages=_positive_int(
                env, "OFFLINE_CLASSIFY_MAX_PAGES", DocumentLimits.max_pages
            ),
            max_document_characters=_positive_int(
                env, "OFFLINE_CLASSIFY_MAX_CHARACTERS", DocumentLimits.max_characters
            ),
            job_timeout=_number(env, "OFFLINE_CLASSIFY_JOB_TIMEOUT", cls.job_timeout, zero=True),
            max_file_bytes=int(
                _number(env, "OFFLINE_CLASSIFY_MAX_UPLOAD_MB", cls.max_file_bytes / 2**20) * 2**20
            ),
        )


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigurationError(f"{name} must be a whole number of at least 1, got {raw!r}")
    return int(raw)


def _number(env: Mapping[str, str], name: str, default: float, *, zero: bool = False) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not (value > 0 or (zero and value == 0)) or value == float("inf"):
        least = "at least 0" if zero else "greater than 0"
        raise ConfigurationError(f"{name} must be a number {least}, got {raw!r}")
    return value
