"""Fixtures shared by the test suite: tiny checkpoints and PDFs built on the spot."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pymupdf
import pytest

from offline_classify.tiny_checkpoints import (
    build_tiny_encoder_checkpoint,
    build_tiny_nli_checkpoint,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SHARED_PDFS = SHARED / "data" / "pdfs"

_WORDS = (
    "the a an of and to in is for on with this that document text page invoice number total "
    "amount due contract terms signed resume experience education story once upon time "
    "report meeting minutes agenda contains lists describes about news sport business"
).split()

# A tiny bi-encoder's offline_classify.json, for tests that run the scripts on one.
BIENCODER_CONFIG = {
    "scorer": "bi-encoder",
    "pooling": "mean",
    "max_seq_length": 64,
    "template": "This text is {description}.",
    "threshold": 0.5,
    "aggregation": "max",
    "window_overlap": 8,
    "link": {"similarity": 6.0, "background_margin": 4.0, "bias": -2.0},
    "background": {"drop_similarity": 0.99, "types": ["a recipe", "a news report"]},
}


def build_nli_checkpoint(
    directory: Path,
    id2label: dict[int, str],
    *,
    max_position_embeddings: int = 128,
    scorer_config: dict | None = None,
    seed: int = 0,
) -> Path:
    """A random-weight BERT NLI cross-encoder with a real (tiny) tokenizer, saved locally."""
    return build_tiny_nli_checkpoint(
        directory,
        id2label=id2label,
        words=_WORDS,
        max_position_embeddings=max_position_embeddings,
        seed=seed,
        scorer_config=scorer_config,
    )


def build_encoder_checkpoint(directory: Path, scorer_config: dict, *, seed: int = 1) -> Path:
    """A random-weight BERT sentence encoder for the bi-encoder scorer, saved locally."""
    return build_tiny_encoder_checkpoint(
        directory, words=_WORDS, seed=seed, scorer_config=scorer_config
    )


THREE_CLASS = {0: "contradiction", 1: "entailment", 2: "neutral"}
TWO_CLASS = {0: "not_entailment", 1: "ENTAILMENT"}


@pytest.fixture(scope="session")
def three_class_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_nli_checkpoint(tmp_path_factory.mktemp("nli3"), THREE_CLASS)


@pytest.fixture(scope="session")
def two_class_checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_nli_checkpoint(tmp_path_factory.mktemp("nli2"), TWO_CLASS)


def make_pdf(pages: list[str], *, encrypt_with: str | None = None) -> bytes:
    """A PDF with one page per string; an empty string makes a page without text."""
    document = pymupdf.open()
    for text in pages:
        page = document.new_page()
        if text:
            page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), text, fontsize=10)
    options = {}
    if encrypt_with is not None:
        options = {
            "encryption": pymupdf.PDF_ENCRYPT_AES_256,
            "user_pw": encrypt_with,
            "owner_pw": encrypt_with + "-owner",
        }
    data = document.tobytes(**options)
    document.close()
    return data


@pytest.fixture
def pdf_factory() -> Callable[..., bytes]:
    return make_pdf


def shared_pdfs() -> Path:
    if not SHARED_PDFS.is_dir():
        pytest.skip(f"shared PDFs not found at {SHARED_PDFS} (they are beside the checkout in CI)")
    return SHARED_PDFS


def benchmark_module(name: str) -> Iterator[ModuleType]:
    """A script of ``benchmarks/`` imported as a module, for a module-scoped fixture."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    # Dataclasses look their module up in sys.modules while the class is built.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]
