"""Drop what a page repeats around its text: running headers and footers, page numbers,
and a browser's print header ("12/8/26, 1:05 PM  title") and footer ("file:///…/x.html
1/4", "localhost:8888/nbconvert/html/… 1/4")."""

from __future__ import annotations

import math
import re
from collections import Counter

from .pdflayout import Line

MARGIN = 0.2  # share of the page's height, at its top and bottom, where furniture lies
SAME_Y = 3.0  # points: a repeated line lies this close to the same height on each page
PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
BROWSER_HEADER = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b")
BROWSER_FOOTER = re.compile(r"^[^\s:/]*[:/]\S*\s+\d{1,4}\s*/\s*\d{1,4}$")


def _in_margin(line: Line) -> bool:
    return line.base > (1 - MARGIN) * line.height or line.base < MARGIN * line.height


def _key(line: Line) -> tuple[int, str]:
    return round(line.base / SAME_Y), re.sub(r"\d+", "#", line.text.strip())


def _furniture(line: Line, edge: bool, repeated: set[tuple[int, str]]) -> bool:
    """``edge``: the line is among the page's first or last two (a page number's place)."""
    if not _in_margin(line):
        return False
    text = line.text.strip()
    return (
        _key(line) in repeated
        or (edge and not line.mono and bool(PAGE_NUMBER.match(text)))
        or bool(BROWSER_HEADER.match(text))
        or bool(BROWSER_FOOTER.match(text))
    )


def without_furniture(pages: list[list[Line]]) -> list[Line]:
    """Every page's lines in order, less the headers, footers and page numbers: lines in
    the top or bottom margin that look like them, or that repeat (digits aside) at the
    same height on at least half of the pages (two at least)."""
    counts = Counter(key for page in pages for key in {_key(x) for x in page if _in_margin(x)})
    least = max(2, math.ceil(len(pages) / 2))
    repeated = {key for key, count in counts.items() if count >= least}
    return [
        line
        for page in pages
        for i, line in enumerate(page)
        if not _furniture(line, i < 2 or i >= len(page) - 2, repeated)
    ]
