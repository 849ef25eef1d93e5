"""Page selection: ``target_pages`` and ``max_pages`` turned into 1-based page numbers."""

from __future__ import annotations

from offline_classify.errors import PageSelectionError

__all__ = ["parse_target_pages", "select_pages"]


def parse_target_pages(spec: str) -> list[tuple[int, int]]:
    """Read a ``target_pages`` string into inclusive 1-based ranges.

    Args:
        spec: Comma-separated pages and ranges, e.g. ``"1,3,5-7"``. Spaces are ignored.

    Returns:
        The ranges in the order given, each as ``(first, last)``.

    Raises:
        PageSelectionError: An item is empty, not a number, ``0`` or a reversed range;
            the message quotes the item.
    """
    ranges: list[tuple[int, int]] = []
    for raw_item in spec.split(","):
        item = raw_item.strip()
        if not item:
            raise PageSelectionError(
                f"target_pages {spec!r} has an empty item; write pages like '1,3,5-7'"
            )
        first_text, dash, last_text = item.partition("-")
        first = _page_number(first_text, item)
        last = _page_number(last_text, item) if dash else first
        if last < first:
            raise PageSelectionError(
                f"target_pages item {item!r} is a reversed range; write it as '{last}-{first}'"
            )
        ranges.append((first, last))
    return ranges


def _page_number(text: str, item: str) -> int:
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        raise PageSelectionError(
            f"target_pages item {item!r} is not a page number or a range like '5-7'"
        )
    number = int(text)
    if number < 1:
        raise PageSelectionError(f"target_pages item {item!r}: pages are numbered from 1")
    return number


def select_pages(page_count: int, target_pages: str | None, max_pages: int | None) -> list[int]:
    """The 1-based page numbers to read, in document order.

    Pages named in ``target_pages`` that lie past the end of the document are dropped;
    ``max_pages`` then keeps the first pages of what is left.

    Raises:
        PageSelectionError: ``target_pages`` cannot be read, or selects no page of the document.
    """
    if max_pages is not None and max_pages < 1:
        raise PageSelectionError(f"max_pages must be at least 1, got {max_pages}")
    if target_pages is None or not target_pages.strip():
        selected = range(1, page_count + 1)
    else:
        wanted: set[int] = set()
        for first, last in parse_target_pages(target_pages):
            # Clip before expanding, so "1-1000000000" costs no more than the document's pages.
            wanted.update(range(first, min(last, page_count) + 1))
        selected = sorted(wanted)
        if not selected:
            noun = "page" if page_count == 1 else "pages"
            raise PageSelectionError(
                f"target_pages {target_pages!r} selects no page: the document has "
                f"{page_count} {noun}"
            )
    pages = list(selected)
    return pages[:max_pages] if max_pages is not None else pages
