from __future__ import annotations

import re

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
