"""One crafted submission and what an expert accepts for it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Case:
    """A crafted student submission with expert score ranges.

    ``files`` maps a file name (``hw.ipynb``, ``theory.md``, ``hw.pdf``...) to its content
    (text, or bytes for a PDF); all files make up one student's submission. ``ranges`` maps
    every problem id of the assignment's rubric (``p1``...) to the ``(low, high)`` scores a
    strict TA would accept; ``why`` says in one line per problem what the answer does.
    ``forbid_flags`` lists flags that must not be raised on a problem (an honest Colab
    notebook must not be flagged ``integrity``); ``expect_flags`` lists flags that must be.
    """

    name: str
    failure_class: str
    assignment: str
    files: dict[str, str | bytes]
    ranges: dict[str, tuple[float, float]]
    why: dict[str, str] = field(default_factory=dict)
    forbid_flags: dict[str, list[str]] = field(default_factory=dict)
    expect_flags: dict[str, list[str]] = field(default_factory=dict)
