"""Grading answers item by item (each norm ‖x_i‖, each output y_i): the last readable
conclusion the answer gives for an item is compared with its reference, and the part's
score is the mean of the items' credits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import sympy as sp

from grader.results import CheckOutcome, Evidence

from .answers import Claim, evaluate
from .errors import ReadError
from .limits import Budget
from .nodes import render
from .scoring import Outcome, grouped_feedback, outcome

V = TypeVar("V")
UNDECIDED = "undecided"  # a classifier's answer when time ran out; graded as unreadable
REVIEW = ("unreadable", "lost_sqrt")  # items whose score is a suggestion for a TA


@dataclass(frozen=True)
class Graded:
    """One item's outcome name, its evidence, and whether it was read from a PDF's text."""

    result: str
    evidence: Evidence
    pdf_text: bool = False


def conclusion(
    claim: Claim, limit: Budget, accept: Callable[[sp.Expr], V | None]
) -> tuple[V | None, str]:
    """The claim's last value ``accept`` takes, with that value's text as parsed; or None
    and the reason no value could be read."""
    reason = ""
    for side in reversed(claim.values):
        if side.node is None:
            reason = reason or side.error
            continue
        try:
            accepted = accept(evaluate(side.node, limit))
        except ReadError as exc:
            reason = reason or str(exc)
            continue
        if accepted is not None:
            return accepted, render(side.node)
    return None, reason


def grade_item(
    claims: list[Claim],
    label: str,
    expected: str,
    read: Callable[[Claim], tuple[V | None, str]],
    classify: Callable[[V, Claim], str],
    reasons: dict[str, str],
) -> Graded:
    """The outcome of one item: its last claim with a readable value decides.

    A claim whose values all read but none is of the kind expected (``reasons["other"]``
    says what that kind is) counts as wrong when nothing better is found.
    """
    graded = Graded("missing", Evidence("(not found)", expected, f"no value for {label} was found"))
    for claim in claims:
        value, note = read(claim)
        where, pdf = claim.statement.where, claim.statement.pdf_text
        found = f"{render(claim.label)} = {note if value is not None else claim.values[-1].text}"
        if value is None:
            if graded.result == "missing" and not note:
                graded = Graded("wrong", Evidence(found, expected, reasons["other"], where), pdf)
            elif graded.result in ("missing", "unreadable") and note:
                graded = Graded("unreadable", Evidence(found, expected, note, where, "prose"), pdf)
            continue
        result = classify(value, claim)
        evidence = Evidence(found, expected, reasons[result], where, "prose")
        graded = Graded("unreadable" if result == UNDECIDED else result, evidence, pdf)
    return graded


def itemwise_outcome(
    graded: list[Graded],
    labels: list[tuple[str, str]],
    outcomes: dict[str, Outcome],
    right: tuple[str, ...],
    answered: bool,
) -> CheckOutcome:
    """The part's outcome: the mean credit, feedback grouped by mistake, flagged when an
    item is doubtful, when a wrong item was read from a PDF's text (its layout may be
    lost), or when nothing was recognised in a non-empty answer.

    ``labels`` holds (label, expected) per item, for the feedback.
    """
    fraction = round(sum(outcomes[g.result].credit for g in graded) / len(graded), 4)
    results = [(g.result, *label) for g, label in zip(graded, labels, strict=True)]
    found_any = any(g.result != "missing" for g in graded)
    doubtful = [g for g in graded if g.result in REVIEW or g.pdf_text and g.result not in right]
    review = bool(doubtful) or (answered and not found_any)
    feedback = grouped_feedback(results, outcomes, right) or outcomes[right[0]].feedback
    return outcome(fraction, [g.evidence for g in graded], feedback, review)
