from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from offline_classify.errors import PageSelectionError
from offline_classify.pages import parse_target_pages, select_pages


def test_pages_and_ranges_are_read_in_order_with_spaces_tolerated() -> None:
    assert parse_target_pages(" 1, 3 ,5-7") == [(1, 1), (3, 3), (5, 7)]
    assert select_pages(10, "1,3,5-7", None) == [1, 3, 5, 6, 7]


@pytest.mark.parametrize(
    ("spec", "quoted"),
    [
        ("0", "'0'"),
        ("5-3", "'5-3'"),
        ("1,x", "'x'"),
        ("2-", "'2-'"),
        ("1.5", "'1.5'"),
        ("-1", "'-1'"),
    ],
)
def test_bad_items_are_rejected_with_the_bad_item_quoted(spec: str, quoted: str) -> None:
    with pytest.raises(PageSelectionError, match=quoted.replace(".", r"\.")):
        select_pages(10, spec, None)


@pytest.mark.parametrize("spec", ["1,,2", ",1", "1,"])
def test_empty_items_are_rejected(spec: str) -> None:
    with pytest.raises(PageSelectionError, match="empty item"):
        select_pages(10, spec, None)


def test_reversed_range_error_suggests_the_right_order() -> None:
    with pytest.raises(PageSelectionError, match="'3-5'"):
        parse_target_pages("5-3")


def test_pages_past_the_end_are_dropped() -> None:
    assert select_pages(4, "2,3-9,12", None) == [2, 3, 4]


def test_selection_past_the_end_says_how_many_pages_there_are() -> None:
    with pytest.raises(PageSelectionError, match="has 3 pages"):
        select_pages(3, "5-9", None)


def test_huge_range_costs_no_more_than_the_document() -> None:
    assert select_pages(2, "1-1000000000000", None) == [1, 2]


def test_max_pages_keeps_the_first_pages_in_document_order_after_target_pages() -> None:
    assert select_pages(10, "9,2,5-6", 2) == [2, 5]
    assert select_pages(10, None, 3) == [1, 2, 3]


page_ranges = st.lists(
    st.tuples(st.integers(1, 60), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1])),
    min_size=1,
    max_size=8,
)


@given(
    ranges=page_ranges,
    page_count=st.integers(1, 50),
    max_pages=st.one_of(st.none(), st.integers(1, 20)),
)
def test_selection_matches_the_set_of_named_pages(
    ranges: list[tuple[int, int]], page_count: int, max_pages: int | None
) -> None:
    spec = ",".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges)
    named = sorted({p for a, b in ranges for p in range(a, b + 1) if p <= page_count})
    if not named:
        with pytest.raises(PageSelectionError):
            select_pages(page_count, spec, max_pages)
        return
    selected = select_pages(page_count, spec, max_pages)
    assert selected == (named[:max_pages] if max_pages else named)
    assert selected == sorted(set(selected))
    assert all(1 <= p <= page_count for p in selected)


@given(st.text(alphabet="0123456789-, x", max_size=20))
def test_any_spec_either_selects_valid_pages_or_fails_with_our_error(spec: str) -> None:
    try:
        selected = select_pages(30, spec, None)
    except PageSelectionError as error:
        assert str(error)
    else:
        assert all(1 <= p <= 30 for p in selected)
        assert selected == sorted(set(selected))
