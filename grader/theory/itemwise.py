"""Grading answers item by item (each norm ‖x_i‖, each output y_i): the last readable
conclusion the answer gives for an item is compared with its reference, and the part's
score is the mean of the items' credits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

import sympy as sp

from grader.results import CheckOutcome, Evidence

from .answers import Claim, evaluate
from .errors import ReadError
from .limits import Budget
from .nodes import Node, render
from .scoring import Outcome, grouped_feedback, outcome
from .typeset import latex_data, tree_latex

V = TypeVar("V")
UNDECIDED = "undecided"  # a classifier's answer when time ran out; graded as unreadable
REVIEW = ("unreadable", "lost_sqrt")  # items whose score is a suggestion for a TA


@dataclass(frozen=True)
class Graded:
    """One item's outcome name, its evidence, and whether it was read from a PDF's text."""

    result: str
    evidence: Evidence
    pdf_text: bool = False


@dataclass(frozen=True)
class Reading(Generic[V]):
    """A claim's conclusion: the value taken and the side it was read from, or (value None)
    the reason no value could be read (empty when values read but none was of the kind)."""

    value: V | None
    node: Node | None = None
    reason: str = ""


def conclusion(claim: Claim, limit: Budget, accept: Callable[[sp.Expr], V | None]) -> Reading[V]:
    """The claim's last value ``accept`` takes, with the side it was read from."""
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
            return Reading(accepted, side.node)
    return Reading(None, reason=reason)


def _found(claim: Claim, reading: Reading) -> tuple[str, str]:
    """The claim as plain text and as LaTeX (empty when its value was not parsed)."""
    node = reading.node if reading.value is not None else claim.values[-1].node
    if node is None:
        return f"{render(claim.label)} = {claim.values[-1].text}", ""
    return (
        f"{render(claim.label)} = {render(node)}",
        f"{tree_latex(claim.label)} = {tree_latex(node)}",
    )


def grade_item(
    claims: list[Claim],
    label: str,
    expected: tuple[str, str],
    read: Callable[[Claim], Reading[V]],
    classify: Callable[[V, Claim], str],
    reasons: dict[str, str],
) -> Graded:
    """The outcome of one item: its last claim with a readable value decides.

    ``expected`` is the reference as plain text and as LaTeX. A claim whose values all
    read but none is of the kind expected (``reasons["other"]`` says what that kind is)
    counts as wrong when nothing better is found.
    """
    text, tex = expected
    reason = f"no value for {label} was found"
    graded = Graded("missing", Evidence("(not found)", text, reason, data=latex_data(expected=tex)))
    for claim in claims:
        reading = read(claim)
        where, pdf = claim.statement.where, claim.statement.pdf_text
        found, found_tex = _found(claim, reading)
        data = latex_data(found_tex, tex)
        if reading.value is None:
            note = reading.reason
            if graded.result == "missing" and not note:
                evidence = Evidence(found, text, reasons["other"], where, data=data)
                graded = Graded("wrong", evidence, pdf)
            elif graded.result in ("missing", "unreadable") and note:
                evidence = Evidence(found, text, note, where, "prose", data)
                graded = Graded("unreadable", evidence, pdf)
            continue
        result = classify(reading.value, claim)
        evidence = Evidence(found, text, reasons[result], where, "prose", data)
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
    lost), when nothing was recognised in a non-empty answer, or when some items were read
    and others not (an answer that gives y_2 and y_3 most likely gives y_1 too, in a form
    the grader did not read).

    ``labels`` holds (label, expected) per item, for the feedback.
    """
    fraction = round(sum(outcomes[g.result].credit for g in graded) / len(graded), 4)
    results = [(g.result, *label) for g, label in zip(graded, labels, strict=True)]
    found_any = any(g.result != "missing" for g in graded)
    doubtful = [g for g in graded if g.result in REVIEW or g.pdf_text and g.result not in right]
    gaps = found_any and any(g.result == "missing" for g in graded)
    review = bool(doubtful) or gaps or (answered and not found_any)
    feedback = grouped_feedback(results, outcomes, right) or outcomes[right[0]].feedback
    return outcome(fraction, [g.evidence for g in graded], feedback, review)
