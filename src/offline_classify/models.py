"""Where models live and how a checkpoint becomes a scorer.

A *checkpoint* is a local directory in Hugging Face layout. Its kind is detected:

- with an ``offline_classify.json`` that says ``"scorer": "bi-encoder"``: the
  bi-encoder default (:mod:`offline_classify.biencoder`);
- otherwise, a ``config.json`` whose architecture is a ``...ForSequenceClassification``
  NLI head: the cross-encoder (:mod:`offline_classify.nli`).

``offline_classify.json`` may also set ``template``, ``threshold``, ``aggregation`` and
``window_overlap`` (see :class:`~offline_classify.scoring.ScoringDefaults`).

A *models folder* holds checkpoints and a ``manifest.json``::

    {"default": "minilm-entailment", "languages": {"en": "minilm-entailment"}}

mapping ISO 639-1 codes to checkpoint folders; a document uses its language's
checkpoint and falls back to ``default``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from offline_classify.errors import ModelConfigError, ModelNotFoundError
from offline_classify.scoring import Scorer, ScoringDefaults
from offline_classify.settings import DEFAULT_MODELS_DIR, Settings

__all__ = ["ModelCatalog", "resolve_model_location", "load_scorer", "read_scorer_config"]

SCORER_CONFIG = "offline_classify.json"
MANIFEST = "manifest.json"


def resolve_model_location(model: str | Path | None, settings: Settings | None = None) -> Path:
    """The checkpoint or models folder to use: ``model``, else the environment, else ``models/``.

    Raises:
        ModelNotFoundError: Nothing usable at any of those places; the message lists them.
    """
    settings = settings or Settings.from_env()
    if model is not None:
        candidates = [("--model", Path(model).expanduser())]
    elif settings.model is not None:
        candidates = [("OFFLINE_CLASSIFY_MODEL", settings.model)]
    else:
        candidates = [("the default models folder", DEFAULT_MODELS_DIR)]
    for _, path in candidates:
        if (path / MANIFEST).is_file() or (path / "config.json").is_file():
            return path
    looked = "; ".join(f"{origin}: {path}" for origin, path in candidates)
    raise ModelNotFoundError(
        f"no model found (looked in {looked}). Point --model or OFFLINE_CLASSIFY_MODEL at a "
        "local checkpoint directory (with config.json) or a models folder (with manifest.json)"
    )


@dataclass(frozen=True)
class ModelCatalog:
    """Checkpoints by language: one checkpoint for all, or a manifest's mapping."""

    root: Path
    default: str
    languages: dict[str, str]

    @classmethod
    def open(cls, location: Path) -> ModelCatalog:
        manifest_path = location / MANIFEST
        if not manifest_path.is_file():
            return cls(root=location.parent, default=location.name, languages={})
        manifest = _read_json(manifest_path)
        default = manifest.get("default")
        languages = manifest.get("languages", {})
        if not isinstance(default, str) or not isinstance(languages, dict):
            raise ModelConfigError(
                f"{manifest_path} must hold {{'default': NAME, 'languages': {{CODE: NAME}}}}"
            )
        for name in {default, *languages.values()}:
            if not (location / name).is_dir():
                raise ModelConfigError(
                    f"{manifest_path} names {name!r}, which is not in {location}"
                )
        return cls(root=location, default=default, languages=dict(languages))

    def checkpoint_for(self, language: str | None) -> tuple[Path, bool]:
        """The checkpoint for a language, and whether it is a fallback to the default."""
        code = (language or "").split("-")[0].lower()
        if code in self.languages:
            return self.root / self.languages[code], False
        fallback = bool(self.languages) and bool(code)
        return self.root / self.default, fallback


def read_scorer_config(checkpoint: Path) -> dict[str, Any]:
    """The checkpoint's ``offline_classify.json``, or ``{}`` when it has none."""
    path = checkpoint / SCORER_CONFIG
    return _read_json(path) if path.is_file() else {}


def load_scorer(checkpoint: str | Path, *, device: str = "cpu", batch_size: int = 16) -> Scorer:
    """Load the scorer a checkpoint directory holds, detecting its kind.

    Raises:
        ModelNotFoundError: The directory does not exist or has no ``config.json``.
        ModelConfigError: Its configuration names an unknown scorer or is unreadable.
    """
    checkpoint = Path(checkpoint)
    if not (checkpoint / "config.json").is_file():
        raise ModelNotFoundError(f"{checkpoint} is not a checkpoint directory (no config.json)")
    config = read_scorer_config(checkpoint)
    defaults = _defaults_from(config, checkpoint)
    kind = config.get("scorer", "cross-encoder")
    if kind == "bi-encoder":
        from offline_classify.biencoder import BiEncoderScorer

        return BiEncoderScorer(
            checkpoint, device=device, batch_size=batch_size, config=config, defaults=defaults
        )
    if kind == "cross-encoder":
        from offline_classify.nli import CrossEncoderScorer

        return CrossEncoderScorer(
            checkpoint,
            device=device,
            batch_size=batch_size,
            max_length=config.get("max_length"),
            defaults=defaults,
        )
    raise ModelConfigError(
        f"{checkpoint / SCORER_CONFIG} names scorer {kind!r}; use 'cross-encoder' or 'bi-encoder'"
    )


def _defaults_from(config: dict[str, Any], checkpoint: Path) -> ScoringDefaults:
    known = {f.name for f in fields(ScoringDefaults)}
    values = {key: config[key] for key in known if key in config}
    try:
        return ScoringDefaults(**values)
    except TypeError as error:
        raise ModelConfigError(f"{checkpoint / SCORER_CONFIG}: {error}") from None


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelConfigError(f"cannot read {path}: {error}") from None
    if not isinstance(data, dict):
        raise ModelConfigError(f"{path} must hold a JSON object")
    return data
