"""Split each located problem's section into its marked parts ("a)", "(b)", "c.", "Part a").

Where each problem starts is the locator's job (:mod:`grader.locate`); this module cuts a
section at its parts' markers. An unmarked first part runs from the problem's start to the
first marker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from grader.document import Block, Document
from grader.locate import Section, first_line, locate
from grader.rubric import ProblemSpec, Rubric

__all__ = ["Section", "segment"]


def _part_pattern(marker: str) -> re.Pattern:
    m = re.escape(marker)
    return re.compile(
        rf"^\W{{0,4}}(?:part\s*|(?:(?:q|question|problem)\s*(?:\.\s*)?)?\d+\s*(?:\.\s*)?)?"
        rf"(?:\({m}\)|{m}[.):]|{m}(?=\W*$))(?:\W|$)",
        re.I,
    )


def _at_markers(block: Block, patterns: list[re.Pattern]) -> list[Block]:
    """A prose block cut before each later line that starts with a part's marker
    ("a) CNN: shared weights.\nb) RNN: any length."), so that each part gets its own lines."""
    if block.kind != "prose":
        return [block]
    pieces, current = [], []
    for line in block.text.splitlines():
        if current and any(p.search(line) for p in patterns):
            pieces.append("\n".join(current))
            current = []
        current.append(line)
    pieces.append("\n".join(current))
    return [replace(block, text=text) for text in pieces] if len(pieces) > 1 else [block]


def _split_parts(problem: ProblemSpec, blocks: list[Block]) -> dict[str, list[Block]]:
    """Blocks of each part whose marker is found; unmarked parts are left out."""
    every = [_part_pattern(m) for part in problem.parts for m in part.markers]
    blocks = [piece for block in blocks for piece in _at_markers(block, every)]
    marks: list[tuple[int, str]] = []
    position = 1
    for part in problem.parts:
        patterns = [_part_pattern(m) for m in part.markers]
        if not patterns:
            continue
        for offset, block in enumerate(blocks[position:], start=position):
            if block.kind == "prose" and any(p.search(first_line(block)) for p in patterns):
                marks.append((offset, part.id))
                position = offset + 1
                break
    parts: dict[str, list[Block]] = {}
    marked = dict((pid, off) for off, pid in marks)
    offsets = [off for off, _ in marks] + [len(blocks)]
    for part in problem.parts:
        if not part.markers:
            continue
        if part.id in marked:
            begin = marked[part.id]
            parts[part.id] = blocks[begin : min(o for o in offsets if o > begin)]
        elif part is problem.parts[0] and marks:
            # an unmarked first part runs from the problem's start to the first marker
            parts[part.id] = blocks[: marks[0][0]]
    return parts


def segment(document: Document, rubric: Rubric) -> dict[str, Section]:
    """One :class:`Section` per rubric problem, located and split into its marked parts."""
    sections = locate(document, rubric)
    problems = {p.id: p for p in rubric.problems}
    for problem_id, section in sections.items():
        if section.located:
            section.parts = _split_parts(problems[problem_id], section.blocks)
    return sections
