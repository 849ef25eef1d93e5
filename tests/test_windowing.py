from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_classify.parsing import Page
from offline_classify.windowing import split_into_windows


def whitespace_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text)]


def test_short_page_is_one_window() -> None:
    windows = split_into_windows([Page(1, "a b c")], whitespace_spans, max_tokens=10)
    assert [(w.page_number, w.text) for w in windows] == [(1, "a b c")]


def test_windows_overlap_by_the_requested_tokens() -> None:
    text = " ".join(str(i) for i in range(10))
    windows = split_into_windows([Page(3, text)], whitespace_spans, max_tokens=4, overlap=1)
    assert [w.text for w in windows] == ["0 1 2 3", "3 4 5 6", "6 7 8 9"]
    assert {w.page_number for w in windows} == {3}


def test_pages_without_text_give_no_window() -> None:
    pages = [Page(1, "   "), Page(2, "word")]
    assert [w.page_number for w in split_into_windows(pages, whitespace_spans, 5)] == [2]


def test_a_window_starts_at_a_word_start_rather_than_inside_a_word() -> None:
    text = "aa bbcc dd ee"
    # "bbcc" is read as two pieces, "bb" and "##cc", as WordPiece would.
    spans = [(0, 2), (3, 5), (5, 7), (8, 10), (11, 13)]
    windows = split_into_windows([Page(1, text)], lambda _: spans, max_tokens=3, overlap=1)
    assert [w.text for w in windows] == ["aa bbcc", "bbcc dd", "dd ee"]


def test_a_window_moves_back_no_further_than_the_overlap() -> None:
    # "a" then one word of 14 pieces: the only word starts are tokens 0 and 1.
    spans = [(0, 1)] + [(2 + i, 3 + i) for i in range(14)]
    text = "a " + "x" * 14
    windows = split_into_windows([Page(1, text)], lambda _: spans, max_tokens=10, overlap=2)
    # The stride puts the second window at token 8; going back to token 1 would repeat
    # most of the first window, so it stays mid-word at 8.
    assert [w.start for w in windows] == [0, spans[8][0]]


def test_a_single_long_word_is_still_cut_and_covered() -> None:
    text = "x" * 12
    spans = [(i, i + 2) for i in range(0, 12, 2)]  # six pieces of one word
    windows = split_into_windows([Page(1, text)], lambda _: spans, max_tokens=4, overlap=1)
    assert [(w.start, w.end) for w in windows] == [(0, 8), (6, 12)]


def test_windows_read_afresh_by_the_shipped_tokenizer_fit_their_room() -> None:
    tokenizer_dir = Path(__file__).resolve().parents[1] / "models" / "minilm-entailment"
    if not (tokenizer_dir / "tokenizer.json").is_file():
        pytest.skip(f"no shipped tokenizer at {tokenizer_dir}")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir, local_files_only=True)

    def spans(text: str) -> list[tuple[int, int]]:
        encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        return [tuple(span) for span in encoded["offset_mapping"] if span[1] > span[0]]

    # Long compound words: cut at a fixed stride, windows would start mid-word.
    text = " ".join(["Versicherungsgesellschaften", "Haftpflichtversicherung", "ok"] * 150)
    for room in (13, 64, 100):
        windows = split_into_windows([Page(1, text)], spans, room, overlap=8)
        lengths = [len(tokenizer(w.text, add_special_tokens=False)["input_ids"]) for w in windows]
        assert max(lengths) <= room, (room, lengths)


def test_zero_tokens_per_window_is_refused() -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        split_into_windows([Page(1, "x")], whitespace_spans, 0)


@given(
    words=st.lists(st.text(alphabet="abcxyz", min_size=1, max_size=6), min_size=1, max_size=80),
    max_tokens=st.integers(1, 20),
    overlap=st.integers(0, 25),
)
def test_every_token_lies_in_some_window_and_windows_fit(words, max_tokens, overlap) -> None:
    text = " ".join(words)
    windows = split_into_windows([Page(1, text)], whitespace_spans, max_tokens, overlap)
    covered = set()
    for window in windows:
        tokens = whitespace_spans(window.text)
        assert len(tokens) <= max_tokens
        assert text[window.start : window.end] == window.text
        covered.update((window.start + s, window.start + e) for s, e in tokens)
    assert set(whitespace_spans(text)) <= covered


@given(
    pieces=st.lists(st.integers(1, 6), min_size=1, max_size=40),
    max_tokens=st.integers(1, 12),
    overlap=st.integers(0, 12),
)
def test_words_of_several_pieces_are_all_covered(pieces, max_tokens, overlap) -> None:
    # Words of 1 to 6 two-letter pieces, separated by spaces, as a WordPiece tokenizer
    # would split them.
    spans, text = [], ""
    for count in pieces:
        for _ in range(count):
            spans.append((len(text), len(text) + 2))
            text += "ab"
        text += " "
    windows = split_into_windows([Page(1, text)], lambda _: spans, max_tokens, overlap)
    covered = set()
    for window in windows:
        inside = [span for span in spans if window.start <= span[0] and span[1] <= window.end]
        assert len(inside) <= max_tokens
        covered.update(inside)
    assert covered == set(spans)
    assert all(a.start < b.start for a, b in zip(windows, windows[1:], strict=False))
