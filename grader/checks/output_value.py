"""Check kind ``output_value``: a cell's output shows the expected value(s).

params:
  cell_marker: question marker in the cell's code comment (e.g. ``Q1a``), and/or
  code_pattern: regex on the cell's code, used when no cell carries the marker;
  expected: a number; a list of numbers that must appear in order; or a mapping
            ``{label: number}`` where each number must share a line with its label;
  tolerance: allowed absolute difference for numbers (default 0);
  source: where the expected value comes from (shown in the report).
"""

from __future__ import annotations

import re
from dataclasses import replace

from grader.document import Block
from grader.results import FAIL, PARTIAL, PASS, CheckOutcome

from .base import CheckContext
from .cells import (
    error_outcome,
    evidence,
    find_cells,
    integrity_outcome,
    missing_outcome,
    numbers,
    outputs_after,
    prose_claim,
    trusted,
)

REQUIRED_PARAMS = ("expected",)
OPTIONAL_PARAMS = (
    "cell_marker",
    "code_pattern",
    "source",
    "tolerance",
)  # any other key is a rubric error


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance


def _contains_sequence(found: list[float], wanted: list[float], tolerance: float) -> bool:
    n = len(wanted)
    return any(
        all(_close(found[i + j], wanted[j], tolerance) for j in range(n))
        for i in range(len(found) - n + 1)
    )


def _labels_in_code_order(expected: dict, code: str) -> list[float] | None:
    """The expected numbers ordered as their labels first appear in the code, if all do."""
    lowered = code.lower()
    found = {label: lowered.find(str(label).lower()) for label in expected}
    if any(position < 0 for position in found.values()):
        return None
    return [float(expected[label]) for label in sorted(found, key=found.get)]


def score_text(expected: object, text: str, tolerance: float = 0.0, code: str = "") -> float:
    """Share of the expected value(s) present in ``text`` (0..1).

    A mapping's numbers must each share a line with their label, or — for an unlabelled
    printout such as ``print(len(train), len(valid), len(test))`` — appear in the order the
    labels appear in the printing ``code``.
    """
    if isinstance(expected, dict):
        in_order = _labels_in_code_order(expected, code)
        if in_order and _contains_sequence(numbers(text), in_order, tolerance):
            return 1.0
        lines = text.lower().splitlines()
        hits = 0
        for label, value in expected.items():
            if any(
                str(label).lower() in line
                and any(_close(n, value, tolerance) for n in numbers(line))
                for line in lines
            ):
                hits += 1
        return hits / len(expected)
    if isinstance(expected, list):
        return float(_contains_sequence(numbers(text), [float(v) for v in expected], tolerance))
    return float(any(_close(n, float(expected), tolerance) for n in numbers(text)))


def describe(expected: object) -> str:
    """The expected value as a report shows it."""
    if isinstance(expected, dict):
        return ", ".join(f"{k}: {v}" for k, v in expected.items())
    return str(expected)


def check(ctx: CheckContext) -> CheckOutcome:
    """Compare the located cell's output with the expected value."""
    params = ctx.params
    expected = params["expected"]
    tolerance = float(params.get("tolerance", 0))
    want = describe(expected)
    source = params.get("source", "")
    what = ctx.part.title
    cells = find_cells(ctx, params.get("cell_marker"), params.get("code_pattern"))
    unmarked = not cells
    if unmarked:  # no marker: any cell of the problem whose output shows the whole value
        cells = [
            c
            for c in ctx.blocks("code")
            if score_text(expected, _joined(_usable_of(ctx, c)), tolerance, c.text) == 1.0
        ]
    outputs = [o for cell in cells for o in outputs_after(ctx, cell)]
    usable, errors = trusted(outputs)
    best, best_block = 0.0, None
    for cell in cells:
        # one cell's outputs together: a PDF may split one printout into several blocks
        shown = _usable_of(ctx, cell)
        share = score_text(expected, _joined(shown), tolerance, cell.text) if shown else 0.0
        if share > best:
            best, best_block = share, _merged(shown)
    if best_block is not None and best == 1.0:
        reason = "the executed output shows the expected value" + (f" ({source})" if source else "")
        if unmarked:
            reason += "; found in the output of a cell with no question marker"
        return CheckOutcome(1.0, PASS, [evidence(best_block, want, reason)])
    if best_block is not None:
        reason = "the output shows only part of the expected values"
        return CheckOutcome(
            best, PARTIAL, [evidence(best_block, want, reason)], feedback=f"Expected {want}."
        )
    if errors:
        return error_outcome(errors[0], want, what)
    if usable:
        block = usable[0]
        return CheckOutcome(
            0.0,
            FAIL,
            [evidence(block, want, "the output differs from the expected value")],
            feedback=f"Expected {want}.",
        )
    claim = _typed_claim(ctx, expected, tolerance)
    if claim is not None:
        return integrity_outcome(claim, want, what)
    if cells:
        return CheckOutcome(
            0.0,
            FAIL,
            [evidence(cells[0], want, "the cell has no output: it was not run")],
            feedback="Run the cell so that its output is part of the submission.",
        )
    return missing_outcome(want, what.lower())


def _usable_of(ctx: CheckContext, cell: Block) -> list[Block]:
    """A cell's usable outputs (not its errors)."""
    return trusted(outputs_after(ctx, cell))[0]


def _joined(blocks: list[Block]) -> str:
    return "\n".join(b.text for b in blocks)


def _merged(blocks: list[Block]) -> Block:
    """One block standing for several outputs of a cell (for the evidence excerpt)."""
    return replace(blocks[0], text=_joined(blocks))


def _typed_claim(ctx: CheckContext, expected: object, tolerance: float):
    values = list(expected.values()) if isinstance(expected, dict) else expected
    values = values if isinstance(values, list) else [values]
    first = re.escape(f"{values[0]:g}" if isinstance(values[0], float) else str(values[0]))
    claim = prose_claim(ctx, re.compile(first))
    if claim is not None and score_text(expected, claim.text, tolerance) == 1.0:
        return claim
    return None
