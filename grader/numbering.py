"""Numbering schemes: labels at the start of lines, and the sequences they form.

A student numbers problems in whatever decoration they like: "Problem 2", "Problem #2",
"Q.2 (a)", "**Q2 (a)**", "### 2a", "1)" alone on a line, "3b." as an item label, "Exercise 3".
No list of styles covers them all, so none is kept here. A *label* is a number at the start
of a line, with any decoration around it and perhaps a part letter after it; its *style* is
that decoration with the number and the letter taken out. Labels of one style in which
each number comes in one run and no number comes back (answers may come in any order) form
a *scheme*: the problems' numbering. Lists inside answers ("1. shared weights", "2. pooling",
then "1. any length" again) start over, and so are no scheme.

Which labels are problems and which parts comes from the sequence: a scheme's numbers are
the problems; a letter after the number ("2a", "Q.2 (a)") is a part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from grader.document import Block, Document

# A label: decoration, an optional word, the number, an optional part letter, a delimiter.
# Every repetition is bounded, so the pattern is linear on hostile lines.
LABEL = re.compile(
    r"""^[\s#*_>|]{0,12}
    (?P<word>problems?|questions?|exercises?|tasks?|prob|ex|q|p)?
    (?P<sep>[\s.#:_-]{0,3})
    (?P<open>[(\[]?)
    (?P<number>\d{1,2})(?![\d,])(?!\.\d)
    (?:(?P<subsep>[\s._-]{0,2}\(?)(?P<sub>[a-h])(?![A-Za-z\d])\)?)?
    (?P<close>[.):\]]?)
    (?P<rest>[\s*_]{0,6}.{0,2})""",
    re.I | re.X,
)
Position = tuple[int, int]  # (block position in the document, line in the block)
MAX_PROBLEM_NUMBER = 12
MIN_SCHEME_NUMBERS = 2  # a scheme numbers at least two problems


@dataclass(frozen=True)
class Label:
    """A numbered label at the start of a line."""

    number: int
    sub: str  # the part letter after the number ("a" of "2a"), lower case, or ""
    style: str  # the decoration without the number and the letter: "q.", "#", ")"
    line: str

    @property
    def starts_problem(self) -> bool:
        """Whether this label can open a problem: no part letter, or its first one."""
        return self.sub in ("", "a")


def label_of(line: str) -> Label | None:
    """The label a line starts with, or None.

    Without a word before it, a number is a label only when a delimiter follows it
    ("1)", "2.", "3:"), a part letter follows it ("2a", "1a."), or it stands alone; so
    "2 tokens" and "10 epochs" are no labels, and neither is "0.5" nor "1,000"."""
    match = LABEL.match(line[:200])
    if match is None:
        return None
    number = int(match["number"])
    if not 0 < number <= MAX_PROBLEM_NUMBER:
        return None
    word, close, rest = (match["word"] or "").lower(), match["close"], match["rest"]
    sub = (match["sub"] or "").lower()
    if len(word) == 1 and match["sep"].strip() == "" and match["sep"] and not sub:
        return None  # "p 3", "q 2": letters in prose, not labels
    alone = not rest.strip(" *_")
    if not word and not close and not sub and not alone:
        return None
    if not word and match["open"] and not close:
        return None  # "(3 points)" opens no problem; "(3)" does
    if word and not sub and not close and rest[:1].isalnum():
        return None  # "Q2x", "p3d" run on into a word
    decoration = line[: match.start("word") if word else match.start("open")].strip()
    style = "".join(
        [
            re.sub(r"\s+", "", decoration)[:6],
            word.rstrip("s"),
            match["sep"].strip(),
            match["open"],
            close,
        ]
    )
    return Label(number, sub, style, line.strip()[:80])


def schemes(labels: list[tuple[Position, Label]]) -> dict[str, list[tuple[Position, Label]]]:
    """The styles whose labels form a problem numbering, each with its labels in order.

    ``labels`` are (position, label) pairs in document order. A style is a scheme when its
    labels' numbers take at least ``MIN_SCHEME_NUMBERS`` values, each in one run: "1) … 2)
    … 3)" is one, "1. … 2. … 1. … 2." (lists in answers) is not."""
    by_style: dict[str, list[tuple[Position, Label]]] = {}
    for position, label in labels:
        by_style.setdefault(label.style, []).append((position, label))
    found = {}
    for style, members in by_style.items():
        if _is_scheme(members):
            found[style] = members
        else:  # "1a." / "3b." items beside "1." lists in the answers: the lettered ones
            lettered = [(position, label) for position, label in members if label.sub]
            if _is_scheme(lettered):
                found[style] = lettered
    return found


def _is_scheme(members: list[tuple[Position, Label]]) -> bool:
    """Two numbers or more, each in one run of labels ("2a", "2b", "2c", then "3", then "1":
    answers may come in any order), a number repeated only with part letters: a list in
    the answers starts over ("1.", "2.", then "1." again), a numbering never does."""
    numbers = [label.number for _, label in members]
    runs = [n for i, n in enumerate(numbers) if i == 0 or numbers[i - 1] != n]
    repeated = {n for n in numbers if numbers.count(n) > 1}
    lettered = all(label.sub for _, label in members if label.number in repeated)
    return len(runs) == len(set(runs)) >= MIN_SCHEME_NUMBERS and lettered


def problem_starts(labels: list[tuple[Position, Label]]) -> dict[int, list[tuple[Position, Label]]]:
    """For each problem number, the positions where a scheme's label opens it (the first
    label of that number in each scheme), in document order."""
    starts: dict[int, list[tuple[Position, Label]]] = {}
    for members in schemes(labels).values():
        seen: set[int] = set()
        for position, label in members:
            if label.number not in seen and label.starts_problem:
                seen.add(label.number)
                starts.setdefault(label.number, []).append((position, label))
    for found in starts.values():
        found.sort(key=lambda pair: pair[0])
    return starts


def line_labels(blocks: list[Block], first_only: bool = False) -> list[tuple[Position, Label]]:
    """Every label at the start of a prose block's line (of its first line only, with
    ``first_only``): ((block position, line), label), in document order."""
    found = []
    for position, block in enumerate(blocks):
        if block.kind != "prose":
            continue
        lines = block.text.splitlines()
        lines = lines[:1] if first_only else lines
        for row, line in enumerate(lines):
            label = label_of(line)
            if label is not None:
                found.append(((position, row), label))
    return found


def split_at_problem_labels(document: Document) -> Document:
    """The document with each prose block cut before a line where a scheme's label opens a
    problem ("1a. …" in the middle of a .txt paragraph), so that every problem can start at
    a block. Nothing else changes; a document with no such line is returned as it is."""
    cuts: dict[int, set[int]] = {}
    for found in problem_starts(line_labels(document.blocks)).values():
        for (position, row), _ in found:
            if row > 0:
                cuts.setdefault(position, set()).add(row)
    if not cuts:
        return document
    split = Document(document.student, list(document.sources))
    for position, block in enumerate(document.blocks):
        rows = sorted(cuts.get(position, ()))
        if not rows:
            split.add([replace(block)])
            continue
        lines = block.text.splitlines()
        bounds = [0, *rows, len(lines)]
        split.add(
            [
                replace(block, text="\n".join(lines[a:b]))
                for a, b in zip(bounds, bounds[1:], strict=False)
                if "\n".join(lines[a:b]).strip()
            ]
        )
    return split
