"""Check kind ``hyperparameters``: the model is instantiated with the required values.

params:
  expected: {NAME: value}  the constants the student must set;
  constructor: the model class (its call is read when the constants are not assigned);
  positional: names of the constructor's positional arguments, in order;
  credit_by_mistakes: credit with 0, 1, 2… settings wrong or not found (the last entry for
    more); by default the share of settings right;
  source: where the expected values come from.
A setting not found may be one the grader could not read: the part is flagged for a TA.
"""

from __future__ import annotations

from grader.document import Block
from grader.results import FAIL, FLAG_REVIEW, PARTIAL, PASS, CheckOutcome, Evidence

from .base import CheckContext
from .code_reading import calls, constants

REQUIRED_PARAMS = ("expected",)
OPTIONAL_PARAMS = (
    "constructor",
    "credit_by_mistakes",
    "positional",
    "source",
)  # any other key is a rubric error


def read_values(
    code: list[Block], wanted: list[str], constructor: str | None, positional: list[str]
) -> dict[str, object]:
    """The student's values for the wanted names: constants, else constructor arguments."""
    values = {k: v for k, v in constants(code).items() if k in wanted}
    for args, kwargs in calls(code, constructor) if constructor else []:
        for name, value in zip(positional, args, strict=False):
            if name in wanted and not isinstance(value, str):
                values.setdefault(name, value)
        for key, value in kwargs.items():
            name = next((n for n in positional if n.lower() == key.lower()), key)
            if name in wanted and not isinstance(value, str):
                values.setdefault(name, value)
    return values


def check(ctx: CheckContext) -> CheckOutcome:
    """Compare each expected hyperparameter with what the code sets."""
    expected: dict = ctx.params["expected"]
    values = read_values(
        ctx.blocks("code"),
        list(expected),
        ctx.params.get("constructor"),
        ctx.params.get("positional", []),
    )
    want = ", ".join(f"{k}={v}" for k, v in expected.items())
    found = ", ".join(f"{k}={values[k]}" for k in expected if k in values) or "(none found)"
    wrong = [k for k, v in expected.items() if k in values and values[k] != v]
    absent = [k for k in expected if k not in values]
    right = len(expected) - len(wrong) - len(absent)
    if not wrong and not absent:
        return CheckOutcome(
            1.0,
            PASS,
            [Evidence(found, want, "all hyperparameters as specified", "code cells", "code")],
        )
    notes = [f"{k} is {values[k]!r}, should be {expected[k]!r}" for k in wrong]
    notes += [f"{k} not found in the code" for k in absent]
    by_mistakes = ctx.params.get("credit_by_mistakes")
    if by_mistakes:
        fraction = float(by_mistakes[min(len(wrong) + len(absent), len(by_mistakes) - 1)])
    else:
        fraction = right / len(expected)
    return CheckOutcome(
        fraction,
        PARTIAL if fraction else FAIL,
        [Evidence(found, want, "; ".join(notes), "code cells", "code")],
        [FLAG_REVIEW] if absent else [],
        feedback="; ".join(notes),
    )


def validate(params: dict, place: str) -> None:
    """``credit_by_mistakes``, when given, is a list of credits in [0, 1]; ValueError if not."""
    credits = params.get("credit_by_mistakes")
    if credits is None:
        return
    if (
        not isinstance(credits, list)
        or not credits
        or not all(isinstance(c, int | float) and 0 <= c <= 1 for c in credits)
    ):
        raise ValueError(f"{place}: 'credit_by_mistakes' should be a list of credits in [0, 1]")
