"""Named outcomes of the theory checks: the credit and feedback of each, read from YAML.

A check names what it found (``correct``, ``sign_flipped``, ``softmax_omitted``…); the
problem YAML says what that is worth and what the student is told::

    outcomes:
      correct:      {credit: 1, feedback: "Correct."}
      sign_flipped: {credit: 0.4, feedback: "Sign flipped: …"}

Only the outcomes a check declares right may carry full credit: a wrong final answer never
earns full marks, whatever the YAML says.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from grader.results import FAIL, FLAG_REVIEW, NOT_GRADED, PARTIAL, PASS, CheckOutcome, Evidence

T = TypeVar("T")


class TheoryParamsError(ValueError):
    """A theory part's params are incomplete or inconsistent; the message names the file."""


@dataclass(frozen=True)
class Outcome:
    """What one named outcome is worth, and what the student reads."""

    id: str
    credit: float
    feedback: str


def where(problem_use: str, part_id: str) -> str:
    """How a rubric error names its place."""
    return f"rubrics/problems/{problem_use}.yaml (part {part_id})"


def load_outcomes(
    params: dict, names: Iterable[str], right: Iterable[str], place: str
) -> dict[str, Outcome]:
    """The outcomes a check can produce, validated: each defined, credits in [0, 1],
    full credit only for the outcomes in ``right``."""
    raw = params.get("outcomes")
    if not isinstance(raw, dict):
        raise TheoryParamsError(f"{place}: params need an 'outcomes' mapping")
    found: dict[str, Outcome] = {}
    right = set(right)
    names = list(names)
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise TheoryParamsError(
            f"{place}: unknown outcome '{unknown[0]}' (known: {', '.join(names)})"
        )
    for name in names:
        entry = raw.get(name)
        if not isinstance(entry, dict) or "credit" not in entry or "feedback" not in entry:
            raise TheoryParamsError(f"{place}: outcome '{name}' needs 'credit' and 'feedback'")
        extra = sorted(set(entry) - {"credit", "feedback"})
        if extra:
            raise TheoryParamsError(f"{place}: outcome '{name}' has unknown key '{extra[0]}'")
        credit = entry["credit"]
        if not isinstance(credit, int | float) or not 0 <= credit <= 1:
            raise TheoryParamsError(f"{place}: outcome '{name}' credit should be in [0, 1]")
        if credit >= 1 and name not in right:
            raise TheoryParamsError(
                f"{place}: outcome '{name}' is a wrong answer and must earn less than full credit"
            )
        found[name] = Outcome(name, float(credit), str(entry["feedback"]))
    return found


def load_setup(params: dict, derive: Callable[[dict], T], place: str) -> T:
    """The reference derivation for a part's ``setup``; a bad setup is named, not raised raw."""
    setup = params.get("setup")
    if not isinstance(setup, dict):
        raise TheoryParamsError(f"{place}: params need a 'setup' mapping")
    try:
        return derive(setup)
    except (KeyError, TypeError, ValueError) as exc:
        raise TheoryParamsError(f"{place}: 'setup' is incomplete or malformed ({exc!r})") from None


def status_for(fraction: float) -> str:
    """pass, partial or fail by the share of points."""
    if fraction >= 1:
        return PASS
    return PARTIAL if fraction > 0 else FAIL


def outcome(
    fraction: float,
    evidence: list[Evidence],
    feedback: str,
    review: bool = False,
    status: str | None = None,
) -> CheckOutcome:
    """A check outcome; ``review`` adds the needs_review flag (the score is a suggestion)."""
    flags = [FLAG_REVIEW] if review else []
    if status is None:
        status = NOT_GRADED if review and fraction == 0 else status_for(fraction)
    return CheckOutcome(fraction, status, evidence, flags, feedback)


def _join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def grouped_feedback(
    results: list[tuple[str, str, str]], outcomes: dict[str, Outcome], right: Iterable[str]
) -> str:
    """One sentence per kind of mistake, naming every item that made it.

    ``results`` holds (outcome name, label, expected) per item (e.g. per output y_i); the
    outcome's feedback may use ``{label}`` and ``{expected}``.
    """
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for name, label, expected in results:
        if name not in right:
            labels, values = groups.setdefault(name, ([], []))
            labels.append(label)
            values.append(expected)
    sentences = [
        outcomes[name]
        .feedback.replace("{label}", _join(labels))
        .replace("{expected}", _join(values))
        for name, (labels, values) in groups.items()
    ]
    return " ".join(sentences)
