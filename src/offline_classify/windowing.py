"""Pages become premise windows that fit the model.

Each page is cut into windows of at most ``max_tokens`` model tokens, consecutive
windows sharing ``overlap`` tokens. Windows never cross a page, so every window
knows the page it came from, and every token of a selected page lies in at least
one window: no text is dropped.
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
            first += stride
    return windows
