"""Locate each problem's answer (and each part's, where marked) in a submission.

Anchors come from the rubric: the problem's number in the usual numbering styles
("Problem 2", "## 2", "2. (3 points)", "**2. (3 points)**", "Q2"), its title and extra
anchor phrases. Strong numbered headings are tried first, in rubric order; problems still
missing are then looked for between their located neighbours by title, then by weak
numbering ("2." at the start of a paragraph). A section ends where the next located
problem starts, or at the end of the file it started in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from grader.document import Block, Document
from grader.rubric import ProblemSpec, Rubric

POINTS = r"\(\s*\d+(?:\.\d+)?\s*(?:points?|pts?|marks?)\s*\)"


def _strong_patterns(n: int) -> list[re.Pattern]:
    return [
        re.compile(rf"^\W*(?:problem|question|exercise|task)\s*#?\s*{n}(?![\d.]\d)\b", re.I),
        re.compile(rf"^#{{1,6}}\s*(?:[A-Za-z]+\s*)?{n}(?![\d.]\d)\b"),
        re.compile(rf"^\W*{n}\s*[.)]?\s*\**\s*{POINTS}", re.I),
        re.compile(rf"^\W*Q\s*{n}(?![\d.]\d)\b(?![a-z])"),
    ]


def _weak_pattern(n: int) -> re.Pattern:
    return re.compile(rf"^\W{{0,3}}{n}\s*[.)]\s+\S")


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9!]+", " ", text.lower()).strip()


def _part_pattern(marker: str) -> re.Pattern:
    m = re.escape(marker)
    return re.compile(rf"^\W{{0,4}}(?:part\s*)?(?:\({m}\)|{m}[.):])(?:\W|$)", re.I)


@dataclass
class Section:
    """Where one problem's answer is, and how it was found."""

    problem_id: str
    blocks: list[Block] = field(default_factory=list)
    located_by: str = ""  # human-readable reason, empty when not located
    parts: dict[str, list[Block]] = field(default_factory=dict)  # part id -> blocks

    @property
    def located(self) -> bool:
        """Was the problem found at all?"""
        return bool(self.blocks)


def _first_line(block: Block) -> str:
    return block.text.strip().splitlines()[0] if block.text.strip() else ""


def _find(blocks: list[Block], start: int, stop: int, test) -> tuple[int, str] | None:
    for block in blocks[start:stop]:
        if block.kind != "prose":
            continue
        reason = test(_first_line(block))
        if reason:
            return block.index, reason
    return None


def _strong_test(problem: ProblemSpec):
    patterns = _strong_patterns(problem.number)

    def test(line: str) -> str:
        return f"heading '{line[:60]}'" if any(p.search(line) for p in patterns) else ""

    return test


def _title_test(problem: ProblemSpec):
    anchors = [_normalise(a) for a in problem.anchors if len(_normalise(a)) >= 6]

    def test(line: str) -> str:
        norm = _normalise(line)
        for anchor in anchors:
            if anchor in norm and len(norm) <= len(anchor) + 160:
                return f"title '{line[:60]}'"
        return ""

    return test


def _weak_test(problem: ProblemSpec):
    pattern = _weak_pattern(problem.number)

    def test(line: str) -> str:
        return f"numbering '{line[:60]}'" if pattern.search(line) else ""

    return test


def locate_starts(document: Document, rubric: Rubric) -> dict[str, tuple[int, str]]:
    """Block index where each problem starts, with the reason; missing problems are absent."""
    blocks = document.blocks
    starts: dict[str, tuple[int, str]] = {}
    previous = 0
    for problem in rubric.problems:
        found = _find(blocks, previous, len(blocks), _strong_test(problem))
        if found:
            starts[problem.id] = found
            previous = found[0] + 1
    for tester in (_title_test, _weak_test):
        for i, problem in enumerate(rubric.problems):
            if problem.id in starts:
                continue
            before = [starts[p.id][0] for p in rubric.problems[:i] if p.id in starts]
            after = [starts[p.id][0] for p in rubric.problems[i + 1 :] if p.id in starts]
            low = max(before) + 1 if before else 0
            high = min(after) if after else len(blocks)
            found = _find(blocks, low, high, tester(problem)) or _find_in_other_files(
                blocks, starts, tester(problem)
            )
            if found:
                starts[problem.id] = found
    return starts


def _find_in_other_files(blocks: list[Block], starts: dict, test) -> tuple[int, str] | None:
    """Search files where no problem starts yet: a student's folder may hold the notebooks
    in any name order ("bert.ipynb" before "theory.md")."""
    taken = {blocks[index].source for index, _ in starts.values()}
    free = [b for b in blocks if b.source not in taken]
    return _find(free, 0, len(free), test)


def _split_parts(problem: ProblemSpec, blocks: list[Block]) -> dict[str, list[Block]]:
    """Blocks of each part whose marker is found; unmarked parts are left out."""
    marks: list[tuple[int, str]] = []
    position = 1
    for part in problem.parts:
        patterns = [_part_pattern(m) for m in part.markers]
        if not patterns:
            continue
        for offset, block in enumerate(blocks[position:], start=position):
            if block.kind == "prose" and any(p.search(_first_line(block)) for p in patterns):
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
    """One :class:`Section` per rubric problem (empty when the problem was not found)."""
    starts = locate_starts(document, rubric)
    ordered = sorted(starts.values())
    sections: dict[str, Section] = {}
    for problem in rubric.problems:
        if problem.id not in starts:
            sections[problem.id] = Section(problem.id)
            continue
        begin, reason = starts[problem.id]
        later = [index for index, _ in ordered if index > begin]
        end = min(later) if later else len(document.blocks)
        source = document.blocks[begin].source
        blocks = [b for b in document.blocks[begin:end] if b.source == source]
        sections[problem.id] = Section(problem.id, blocks, reason, _split_parts(problem, blocks))
    return sections
