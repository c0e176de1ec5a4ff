"""A printed notebook's cells, told apart by layout: code is monospace in a grey box (its
``In [n]:`` prompt, which may stand alone on its line, dropped); an output is the monospace
text right after boxed code, outside any box and without a prompt (browsers' prints show
no ``Out[n]:`` for printed text), or after an ``Out[n]:`` prompt. Lines of one box or of
one output run on across a page break.

The text is written for :func:`grader.ingest.text.parse_text`: prose lines as they are,
each cell in a fence whose info string says what layout found (``PRINTED_CODE``,
``PRINTED_OUTPUT``), and monospace text whose role layout cannot tell (no box: a ``<pre>``
print, where a prompt does not tell code from output either, as some exports prompt both)
in a plain fence, prompt and all, left to the text reader.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from .coderuns import paren_depth
from .patterns import OUT_PROMPT, PRINTED_CODE, PRINTED_OUTPUT, WRAP_MARK
from .pdflayout import Line

FIRST_GAP = 1.6  # ems: the most between two lines of a block with no blank line between
BLANK_LINES = 4  # most blank lines inside one block
ON_GRID = 0.12  # share of a line spacing a gap may be off a whole number of lines
WRAP_MARGIN = 2  # characters from a box's right edge: a line that reaches it was wrapped


@dataclass
class _Run:
    lines: list[Line] = field(default_factory=list)
    prompt: str = ""  # the In [n]: prompt the run starts after

    @property
    def boxed(self) -> bool:
        return any(line.box is not None for line in self.lines)


def _spacing(lines: list[Line]) -> float | None:
    """The document's monospace line spacing: the commonest gap (to a quarter point)
    between consecutive monospace lines of a page, among gaps of no blank line (at most
    ``FIRST_GAP`` ems); None when no two such lines follow each other."""
    gaps = [
        round(4 * (above.base - below.base)) / 4
        for above, below in zip(lines, lines[1:], strict=False)
        if above.mono
        and below.mono
        and above.page == below.page
        and above.base - below.base <= FIRST_GAP * max(above.size, below.size)
    ]
    return min(statistics.multimode(gaps)) if gaps else None


def _continues(run: _Run, line: Line, spacing: float | None) -> bool:
    """Does a monospace line go on with the run above it? On one page, in the same box (or
    none), a whole number of line spacings below (blank lines keep the grid, a margin
    between two blocks does not)."""
    last = run.lines[-1]
    if line.prompt or OUT_PROMPT.match(line.text):
        return False
    if line.page != last.page:  # across a page break: the same kind of block goes on
        return (line.box is None) == (last.box is None)
    if line.box != last.box:
        return False
    gap = last.base - line.base
    if spacing is None:
        return gap <= FIRST_GAP * max(line.size, last.size)
    lines = gap / spacing
    if lines <= 1 + ON_GRID:
        return True
    return round(lines) <= BLANK_LINES + 1 and abs(lines - round(lines)) <= ON_GRID


def _blocks(lines: list[Line]) -> list[Line | _Run]:
    """Prose lines, and runs of monospace lines."""
    spacing = _spacing(lines)
    out: list[Line | _Run] = []
    waiting_prompt = ""  # an In [n]: alone on its line, before its code
    for line in lines:
        if not line.mono:
            out.append(line)
            waiting_prompt = ""
            continue
        if line.prompt and not line.text.strip():
            waiting_prompt = line.prompt
            continue
        run = out[-1] if out and isinstance(out[-1], _Run) else None
        if run and not waiting_prompt and _continues(run, line, spacing):
            run.lines.append(line)
        else:
            out.append(_Run([line], line.prompt or waiting_prompt))
        waiting_prompt = ""
    return out


def _left(run: _Run) -> float:
    """Where the run's unindented lines start. A prompt printed in the code's column (a
    pasted cell, some exports) counts as text: a line under it is indented; a prompt in a
    gutter of its own (Jupyter's, left of the box) does not."""
    x0s = [line.x0 for line in run.lines if not line.prompt]
    prompted = next((line for line in run.lines if line.prompt), None)
    if prompted is None or not x0s:
        return min(line.x0 for line in run.lines)
    in_column = prompted.x0 > min(x0s) + 0.5 * (prompted.char_width or 1.0)
    return min(prompted.start if in_column else prompted.x0, *x0s)


def _code_lines(run: _Run) -> list[str]:
    """The run's lines, indented by their distance from its left edge (:func:`_left`),
    with lines that a box wrapped (an open bracket or string, reaching the box's edge)
    joined again."""
    left = _left(run)
    right = max(line.x1 for line in run.lines)
    texts: list[str] = []
    wrapped = False
    for line in run.lines:
        width = line.char_width or 1.0
        if wrapped and not WRAP_MARK.match(line.text):  # a marked wrap is unwrap_lines' job
            texts[-1] += line.text.strip()
        else:
            indent = 0 if line.prompt else max(round((line.x0 - left) / width), 0)
            texts.append(" " * indent + line.text.rstrip())
        full = line.x1 >= right - WRAP_MARGIN * width
        wrapped = full and (paren_depth(texts[-1]) > 0 or texts[-1].count("'") % 2 == 1)
    return texts


def notebook_text(lines: list[Line]) -> str:
    """The document's text, with each printed cell fenced as layout found it."""
    out: list[str] = []
    boxed_before = False  # the block before was boxed code, or an output after it
    for block in _blocks(lines):
        if isinstance(block, Line):
            out.append(block.text)
            boxed_before = False
            continue
        body = _code_lines(block)
        if block.boxed:
            info = PRINTED_CODE
        elif boxed_before or OUT_PROMPT.match(body[0].strip()):
            info = PRINTED_OUTPUT  # outside the boxes that code is printed in
        else:  # no box to tell code from output (some exports prompt outputs too):
            info = ""  # the text reader decides, prompt and all
            body[0] = f"{block.prompt} {body[0]}" if block.prompt else body[0]
        boxed_before = block.boxed or info == PRINTED_OUTPUT
        out.extend(["```" + info, *body, "```"])
    return "\n".join(out)
