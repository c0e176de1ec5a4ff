"""Check kind ``function``: run the student's function when possible, else read it.

With code execution on (the default), the function's reference tests in the sandbox
(``function_tests``) decide: a failing test costs the part. When they cannot decide —
execution is off (``--no-run``), the sandbox is unavailable, or the code was recovered
from a PDF and may have lost its indentation — the static reading (``static``) gives a
suggested score, flagged for a TA whenever execution was expected; where the sandbox
failed (status ``error``), the part keeps that status, so the next run tests it again. When the tests fail but
the static reading finds every required piece, the tests' score stands and the part is
flagged for a TA.

params:
  function: the function or class under test (as for ``function_tests``);
  static: {kind: a static check kind (``code_structure``, ``model_spec``), params: {...}}.
"""

from __future__ import annotations

from dataclasses import replace

from grader.results import (
    ERROR,
    FAIL,
    FLAG_REVIEW,
    MISSING,
    NOT_GRADED,
    PARTIAL,
    PASS,
    CheckOutcome,
)

from . import function_tests
from .base import CheckContext
from .registry import get_check

REQUIRED_PARAMS = ("function", "static")
DECISIVE = (PASS, PARTIAL, FAIL, MISSING)


def static_outcome(ctx: CheckContext) -> CheckOutcome:
    """The verdict of the static reading configured under ``static``."""
    static = ctx.params["static"]
    part = replace(ctx.part, check=static["kind"], params=static.get("params", {}))
    return get_check(static["kind"])(replace(ctx, part=part))


def check(ctx: CheckContext) -> CheckOutcome:
    """Function tests when they can decide; the static reading otherwise."""
    if not ctx.options.run_code:
        return static_outcome(ctx)
    ran = function_tests.check(ctx)
    if ran.status in (FAIL, PARTIAL) and static_outcome(ctx).status == PASS:
        # the tests' score stands, but a reading that finds every required piece disagrees
        # (e.g. a valid architecture other than the handout's): a TA should look
        ran.flags = list(dict.fromkeys([*ran.flags, FLAG_REVIEW]))
        ran.feedback = " ".join(
            filter(None, [ran.feedback, "The code has every required piece; a TA will look."])
        )
        return ran
    if ran.status in DECISIVE:
        return ran
    fallback = static_outcome(ctx)
    fallback.evidence = ran.evidence + fallback.evidence
    fallback.flags = list(dict.fromkeys([*fallback.flags, FLAG_REVIEW]))
    # the grader's own failure stays one (status error: not kept, retried by the next run)
    fallback.status = ERROR if ran.status == ERROR else NOT_GRADED
    fallback.feedback = " ".join(
        filter(None, [ran.feedback, "Suggested score from reading the code."])
    )
    return fallback
