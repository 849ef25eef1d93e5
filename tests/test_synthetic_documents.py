"""The synthetic document generator is seeded, varied and within its promised limits."""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from offline_classify.schema import ClassifyRule

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.fixture(scope="module")
def synthetic() -> Iterator[ModuleType]:
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(SCRIPTS))
        import synthetic_documents

        yield synthetic_documents


def _by_type(documents) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for document in documents:
        grouped.setdefault(document.type, []).append(document.text)
    return grouped


def test_the_same_seed_gives_identical_documents(synthetic) -> None:
    assert synthetic.generate_documents(2, seed=7) == synthetic.generate_documents(2, seed=7)


def test_a_different_seed_gives_different_documents_of_every_type(synthetic) -> None:
    first = _by_type(synthetic.generate_documents(1, seed=0))
    second = _by_type(synthetic.generate_documents(1, seed=1))
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] == second[name]] == []


def test_documents_come_in_type_order_with_per_type_of_each(synthetic) -> None:
    documents = synthetic.generate_documents(3, seed=0)
    names = [kind.name for kind in synthetic.DOCUMENT_TYPES]
    assert [document.type for document in documents] == [name for name in names for _ in range(3)]


def test_a_document_does_not_depend_on_how_many_are_generated(synthetic) -> None:
    one = _by_type(synthetic.generate_documents(1, seed=5))
    three = _by_type(synthetic.generate_documents(3, seed=5))
    assert {name: texts[0] for name, texts in three.items()} == {
        name: texts[0] for name, texts in one.items()
    }


def test_every_type_writes_non_empty_documents_within_the_word_range(synthetic) -> None:
    for seed in (0, 1, 2):
        for document in synthetic.generate_documents(3, seed=seed):
            words = len(document.text.split())
            assert synthetic.MIN_WORDS <= words <= synthetic.MAX_WORDS, (document.type, seed, words)


def test_documents_of_the_same_type_differ_from_each_other(synthetic) -> None:
    for name, texts in _by_type(synthetic.generate_documents(6, seed=3)).items():
        assert len(set(texts)) == len(texts), name
        lengths = {len(text.split()) for text in texts}
        assert len(lengths) > 1, f"{name}: every document has the same length"


def test_generation_leaves_the_global_random_state_alone(synthetic) -> None:
    before = random.getstate()
    synthetic.generate_documents(1, seed=0)
    assert random.getstate() == before


def test_type_names_are_unique_slugs_and_there_are_enough(synthetic) -> None:
    names = [kind.name for kind in synthetic.DOCUMENT_TYPES]
    assert len(names) >= 32
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", name) for name in names)


def test_each_type_has_three_user_style_descriptions_that_are_valid_rules(synthetic) -> None:
    for kind in synthetic.DOCUMENT_TYPES:
        assert len(kind.descriptions) == 3, kind.name
        for description in kind.descriptions:
            assert 3 <= len(description.split()) <= 25, description
            first_word = description.split()[0]
            assert first_word[0].islower() or first_word.isupper(), description  # "CV ..."
            assert not description.endswith("."), description
            ClassifyRule(type=kind.name, description=description)


def test_descriptions_are_distinct_across_all_types(synthetic) -> None:
    descriptions = [text for kind in synthetic.DOCUMENT_TYPES for text in kind.descriptions]
    repeated = [text for text, count in Counter(descriptions).items() if count > 1]
    assert repeated == []


def test_the_cli_writes_one_file_per_document(synthetic, tmp_path, capsys) -> None:
    out = tmp_path / "synthetic"
    assert synthetic.main(["--per-type", "2", "--seed", "4", "--out", str(out)]) == 0

    expected = synthetic.generate_documents(2, seed=4)
    written = sorted(path.relative_to(out).as_posix() for path in out.rglob("*.txt"))
    names = [kind.name for kind in synthetic.DOCUMENT_TYPES]
    assert written == sorted(f"{name}/{index:03d}.txt" for name in names for index in range(2))
    first = expected[0]
    assert (out / first.type / "000.txt").read_text(encoding="utf-8") == first.text
    assert f"{len(expected)} documents of {len(names)} types" in capsys.readouterr().out


def test_the_cli_shows_one_document_and_rejects_an_unknown_type(synthetic, capsys) -> None:
    assert synthetic.main(["--show", "invoice", "--seed", "0"]) == 0
    assert len(capsys.readouterr().out.split()) >= synthetic.MIN_WORDS

    with pytest.raises(SystemExit):
        synthetic.main(["--show", "no_such_type"])
    assert "unknown type" in capsys.readouterr().err


def test_roughen_is_seeded_keeps_each_type_and_changes_the_text(synthetic) -> None:
    documents = synthetic.generate_documents(2, seed=0)
    rough = synthetic.roughen(documents, seed=0)
    assert rough == synthetic.roughen(documents, seed=0)
    assert rough != synthetic.roughen(documents, seed=1)
    assert [d.type for d in rough] == [d.type for d in documents]
    changed = sum(r.text != d.text for r, d in zip(rough, documents, strict=True))
    assert changed >= 0.9 * len(documents)


def test_bind_in_keeps_every_line_in_order_and_adds_a_run_of_the_other(synthetic) -> None:
    lines = [f"own {i}" for i in range(40)]
    other = [f"other {i}" for i in range(100)]
    bound = synthetic._bind_in(lines, other, random.Random(3))
    assert [line for line in bound if line.startswith("own")] == lines
    added = [int(line.split()[1]) for line in bound if line.startswith("other")]
    assert 4 <= len(added) <= 10
    assert added == list(range(added[0], added[0] + len(added)))


def test_hyphenation_and_columns_move_text_without_losing_any(synthetic) -> None:
    documents = synthetic.generate_documents(1, seed=2)
    text = next(d.text for d in documents if d.type == "research_paper")  # long lines
    lines = text.splitlines()

    def letters(chunks: list[str]) -> str:
        return re.sub(r"[\s-]", "", "".join(chunks))

    wrapped = synthetic._hyphenate(lines, random.Random(0))
    assert len(wrapped) > len(lines)
    assert letters(wrapped) == letters(lines)
    across = synthetic._read_across_columns(lines, random.Random(0))
    assert len(across) < len(lines)
    assert sorted(" ".join(across).split()) == sorted(" ".join(lines).split())
