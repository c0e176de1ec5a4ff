"""Check kind ``accuracy``: the final accuracy printed by executed code meets a threshold.

params:
  patterns: regexes whose first non-empty group is the accuracy in percent; the last
            match in the problem's outputs is the final accuracy;
  full: at or above this, full credit;
  partial: at or above this (and below ``full``), half credit and a review flag;
  source: where the thresholds come from (shown in the report);
  dataset: {required: regex, name} — the code must load this dataset for the accuracy to
           count (an accuracy on another data set is not comparable).
"""

from __future__ import annotations

import re

from grader.results import FAIL, FLAG_REVIEW, PARTIAL, PASS, CheckOutcome

from .base import CheckContext
from .cells import as_percent, evidence, integrity_outcome, missing_outcome, trusted, unquoted_keys

REQUIRED_PARAMS = ("patterns", "full", "partial")
OPTIONAL_PARAMS = ("dataset", "source")  # any other key is a rubric error


def expectation(params: dict) -> str:
    """The thresholds in words."""
    return (
        f"full credit at ≥ {float(params['full']):g}%, "
        f"half credit (flagged) at ≥ {float(params['partial']):g}%"
    )


def last_accuracy(text: str, patterns: list[str]) -> float | None:
    """The last accuracy (percent) any pattern finds in the text (a printed dict's keys
    read as a log line's)."""
    text = unquoted_keys(text)
    best: tuple[int, float] | None = None
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.I):
            value = next((as_percent(float(g)) for g in match.groups() if g), None)
            if value is not None and (best is None or match.start() >= best[0]):
                best = (match.start(), value)
    return best[1] if best else None


def check(ctx: CheckContext) -> CheckOutcome:
    """Compare the final accuracy with the thresholds."""
    params = ctx.params
    full, partial = float(params["full"]), float(params["partial"])
    source = params.get("source", "")
    want = f"≥ {full:g}% for full credit, ≥ {partial:g}% for half" + (
        f" — {source}" if source else ""
    )
    usable, _ = trusted(ctx.blocks("output"))
    final_block, value = None, None
    for block in usable:
        found = last_accuracy(block.text, params["patterns"])
        if found is not None:
            final_block, value = block, found
    if final_block is None:
        for block in ctx.blocks("prose"):
            if last_accuracy(block.text, params["patterns"]) is not None:
                return integrity_outcome(block, want, "the accuracy")
        return missing_outcome(want, "accuracy in the outputs of executed cells")
    shown = f"{value:g}%"
    dataset = params.get("dataset")
    code = "\n".join(b.text for b in ctx.blocks("code"))
    if dataset and not re.search(dataset["required"], code):
        reason = f"{shown} was not measured on {dataset['name']}, so it is not comparable"
        return CheckOutcome(0.0, FAIL, [evidence(final_block, want, reason)], [FLAG_REVIEW], reason)
    if value >= full:
        return CheckOutcome(
            1.0, PASS, [evidence(final_block, want, f"final accuracy {shown} meets the bar")]
        )
    if value >= partial:
        reason = f"final accuracy {shown} is below the {full:g}% a correct run reaches"
        return CheckOutcome(
            0.5, PARTIAL, [evidence(final_block, want, reason)], [FLAG_REVIEW], reason
        )
    reason = f"final accuracy {shown} is far below what a correct run reaches"
    return CheckOutcome(0.0, FAIL, [evidence(final_block, want, reason)], feedback=reason)
