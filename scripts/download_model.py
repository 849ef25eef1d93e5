"""Save a checkpoint from the Hugging Face hub into ``models/``, for later offline use.

Run it on a machine WITH network access, then copy the folder to the offline one.
This script is the only place the project ever touches a hub; the library and the
tests never do.

Two kinds of checkpoint:

- ``--kind cross-encoder`` (default): an NLI sequence-classification model with an
  "entailment" label, e.g. ``MoritzLaurer/deberta-v3-base-zeroshot-v2.0``. It is
  usable at once: ``--model models/NAME``, or ``--language``/``--default`` to put it in
  ``models/manifest.json``.
- ``--kind backbone``: a sentence-embedding encoder (BERT-like, mean pooling). It
  needs a fitted link before it can classify:
  ``python scripts/build_default_model.py --backbone models/NAME``.

Usage::

    python scripts/download_model.py MoritzLaurer/deberta-v3-base-zeroshot-v2.0 \\
        --name deberta-v3-zeroshot --language en
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model_id", help="hub id, e.g. MoritzLaurer/deberta-v3-base-zeroshot-v2.0")
    parser.add_argument("--name", help="folder name under models/ (default: the id's last part)")
    parser.add_argument("--kind", choices=["cross-encoder", "backbone"], default="cross-encoder")
    parser.add_argument("--revision", default=None, help="a branch, tag or commit on the hub")
    parser.add_argument("--models", type=Path, default=REPO / "models")
    parser.add_argument("--language", action="append", default=[], help="ISO 639-1 code to map")
    parser.add_argument("--default", action="store_true", help="make it the manifest's default")
    args = parser.parse_args(argv)

    name = args.name or args.model_id.rstrip("/").split("/")[-1]
    target = args.models / name
    try:
        save_checkpoint(args.model_id, args.revision, args.kind, target)
    except OSError as error:
        print(
            f"error: cannot fetch {args.model_id!r} from the hub ({error}). Run this script on "
            "a machine with network access, then copy the folder it writes to this one.",
            file=sys.stderr,
        )
        return 1
    except ValueError as error:
        print(f"error: {args.model_id!r} is not a usable {args.kind}: {error}", file=sys.stderr)
        return 1
    if args.kind == "cross-encoder" and (args.language or args.default):
        update_manifest(args.models, name, args.language, args.default)
    print(f"saved {args.model_id} to {target}")
    return 0


def save_checkpoint(model_id: str, revision: str | None, kind: str, target: Path) -> None:
    """Download weights and tokenizer and save them in Hugging Face layout at ``target``."""
    from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer

    from offline_classify.errors import ModelConfigError
    from offline_classify.nli import entailment_index

    tokenizer = AutoTokenizer.from_pretrained(model_id, revision=revision)
    if kind == "cross-encoder":
        model = AutoModelForSequenceClassification.from_pretrained(model_id, revision=revision)
        try:
            entailment_index(model.config.id2label)
        except ModelConfigError as error:
            raise ValueError(str(error)) from None
    else:
        model = AutoModel.from_pretrained(model_id, revision=revision)
    target.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(target)
    model.save_pretrained(target)
    if kind == "cross-encoder":
        (target / "offline_classify.json").write_text(
            json.dumps({"scorer": "cross-encoder", "source": model_id}, indent=2) + "\n",
            encoding="utf-8",
        )


def update_manifest(models: Path, name: str, languages: list[str], default: bool) -> None:
    path = models / "manifest.json"
    manifest = (
        json.loads(path.read_text(encoding="utf-8"))
        if path.is_file()
        else {"default": name, "languages": {}}
    )
    for code in languages:
        manifest["languages"][code.lower()] = name
    if default:
        manifest["default"] = name
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
