"""Placeholder kind for parts whose checker does not exist yet: scored 0, flagged for a TA."""

from grader.results import FLAG_REVIEW, NOT_GRADED, CheckOutcome, Evidence

from .base import CheckContext

OPTIONAL_PARAMS: tuple[str, ...] = ()  # any other key is a rubric error


def check(ctx: CheckContext) -> CheckOutcome:
    """Report the part as not graded yet, with the located answer as evidence."""
    found = ctx.text[:400] if ctx.section else "(answer not located)"
    return CheckOutcome(
        0.0,
        NOT_GRADED,
        [Evidence(found, "—", "not graded yet: this part is graded by hand for now")],
        [FLAG_REVIEW],
        "Not graded automatically yet; a TA will grade this part.",
    )
