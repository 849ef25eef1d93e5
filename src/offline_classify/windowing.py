"""Pages become premise windows that fit the model.

Each page is cut into windows of at most ``max_tokens`` model tokens, consecutive
windows sharing ``overlap`` tokens. Windows never cross a page, so every window
knows the page it came from, and every token of a selected page lies in at least
one window: no text is dropped.

A window starts at the start of a word when one lies near where the stride puts
it (back into the overlap, or forward up to the previous window's end): the model
reads a window's text afresh, and a word piece read as the start of a word can
become several tokens ("##schaften" -> "sc", "##ha", ...), which would make the
window longer than counted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from offline_classify.parsing import Page

__all__ = ["Window", "split_into_windows"]


@dataclass(frozen=True)
class Window:
    """A slice of one page's text, small enough for the model to read at once."""

    page_number: int
    text: str
    start: int
    end: int


def split_into_windows(
    pages: Sequence[Page],
    token_spans: Callable[[str], list[tuple[int, int]]],
    max_tokens: int,
    overlap: int = 32,
) -> list[Window]:
    """Cut pages into overlapping token windows.

    Args:
        pages: The selected pages; pages without text yield no window.
        token_spans: Gives the character span of each model token of a text.
        max_tokens: Tokens per window, at least 1.
        overlap: Tokens shared by consecutive windows; clipped to ``max_tokens // 2``.

    Returns:
        Windows in page order, then text order.
    """
    if max_tokens < 1:
        raise ValueError(f"max_tokens must be at least 1, got {max_tokens}")
    overlap = max(0, min(overlap, max_tokens // 2))
    stride = max_tokens - overlap
    windows: list[Window] = []
    for page in pages:
        if not page.has_text:
            continue
        spans = token_spans(page.text)
        if not spans:
            continue
        first = 0
        while True:
            last = min(first + max_tokens, len(spans)) - 1
            start, end = spans[first][0], spans[last][1]
            windows.append(Window(page.number, page.text[start:end], start, end))
            if last == len(spans) - 1:
                break
            earliest = max(first + 1, first + stride - overlap)
            first = _word_start(spans, first + stride, earliest=earliest, latest=last + 1)
    return windows


def _word_start(spans: Sequence[tuple[int, int]], index: int, earliest: int, latest: int) -> int:
    """The token nearest ``index`` within ``[earliest, latest]`` that starts a word.

    A token continues a word when it begins where the previous one ends. Going back
    adds overlap; going forward (at most to the token after the previous window)
    takes some away, never leaving a token out. With no word start in reach (one very
    long word), the window starts where the stride put it.
    """
    for distance in range(max(index - earliest, latest - index) + 1):
        for candidate in (index - distance, index + distance):
            in_reach = earliest <= candidate <= latest and candidate < len(spans)
            if in_reach and spans[candidate][0] != spans[candidate - 1][1]:
                return candidate
    return index
