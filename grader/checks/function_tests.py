"""Check kind ``function_tests``: run the student's function against the reference, in
the sandbox (:mod:`grader.sandbox`).

params:
  function: the name the homework gives the function or class (``binary_accuracy``, ``ViT``);
  suite: the reference test suite, if not named like the function (see
    ``grader/sandbox/cases.yaml``);
  partial: true to give the share of tests passed instead of all-or-nothing;
  any other key overrides the suite's setting of that name (e.g. ``kwargs`` of ``ViT``).

All ``function_tests`` parts of a problem are tested in one sandbox run, once per student.
"""

from __future__ import annotations

from grader.document import Document
from grader.results import (
    ERROR,
    FAIL,
    FLAG_REVIEW,
    MISSING,
    NOT_GRADED,
    PARTIAL,
    PASS,
    CheckOutcome,
    Evidence,
)
from grader.sandbox.cases import suites
from grader.sandbox.client import SandboxError
from grader.sandbox.functions import (
    CRASHED,
    PASSED,
    FunctionReport,
    FunctionRequest,
    RunRefused,
    run_function_tests,
)
from grader.sandbox.functions import (
    ERROR as NOT_RUN,
)
from grader.sandbox.functions import (
    MISSING as NOT_FOUND,
)

from .base import CheckContext

REQUIRED_PARAMS = ("function",)
# check kinds whose parts are tested together in one sandbox run per problem
KINDS = ("function_tests", "function")
OWN_KEYS = {"function", "suite", "partial", "static"}
SHOWN_FAILURES = 5
CACHE_SIZE = 4  # students kept; grading goes one student at a time per process

_cache: dict[tuple[int, str], tuple[Document, dict[str, FunctionReport]]] = {}


def _request(params: dict, ctx: CheckContext) -> FunctionRequest:
    """What to test: the student's name for the function (``ctx.defined_name``), the suite
    named like the handout's function unless ``suite`` says otherwise."""
    suite = params.get("suite", params["function"])
    if suite not in suites():
        known = ", ".join(sorted(suites()))
        raise ValueError(f"no reference tests for '{suite}' (known: {known})")
    overrides = {k: v for k, v in params.items() if k not in OWN_KEYS}
    return FunctionRequest(ctx.defined_name(params["function"]), suite, overrides)


def _reports(ctx: CheckContext) -> dict[str, FunctionReport]:
    key = (id(ctx.document), ctx.problem.id)
    cached = _cache.get(key)
    if cached is not None and cached[0] is ctx.document:
        return cached[1]
    requests = [_request(p.params, ctx) for p in ctx.problem.parts if p.check in KINDS]
    reports = run_function_tests(
        ctx.document.blocks, requests, ctx.options, ctx.problem_section or None
    )
    while len(_cache) >= CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[key] = (ctx.document, reports)
    return reports


def _not_run(reason: str, status: str = NOT_GRADED) -> CheckOutcome:
    return CheckOutcome(
        0.0,
        status,
        [Evidence("(not run)", "the function's reference tests", reason)],
        [FLAG_REVIEW],
        f"Your code was not tested automatically ({reason}); a TA will grade this part.",
    )


def _grader_failed(reason: str, where: str = "") -> CheckOutcome:
    """The grader, not the student, failed: no score, flagged, retried by the next run."""
    return CheckOutcome(
        0.0,
        ERROR,
        [
            Evidence(
                "(not run)", "the function's reference tests", f"the grader failed: {reason}", where
            )
        ],
        [FLAG_REVIEW],
        "Your code could not be tested because of a failure on the grader's side "
        "(not your code's); the next grading run tries again.",
    )


def _missing(report: FunctionReport) -> CheckOutcome:
    name = report.function
    notes = "; ".join(report.notes[-3:])
    if report.skipped_definition:
        reason = f"the cell that defines {name} is not valid Python, so it was skipped"
        return CheckOutcome(
            0.0,
            NOT_GRADED,
            [Evidence("(not loaded)", f"a definition of {name}", f"{reason}. {notes}".strip())],
            [FLAG_REVIEW],
            f"{name} could not be read from your code; a TA will look at it.",
        )
    reason = f"no definition of {name} was found in the code cells" + (
        f" ({notes})" if notes else ""
    )
    return CheckOutcome(
        0.0,
        MISSING,
        [Evidence("(not found)", f"a definition of {name}", reason)],
        [],
        f"No {name} found.",
    )


def _outcome(report: FunctionReport, partial: bool) -> CheckOutcome:
    where = f"function tests of {report.function}" + (f" ({report.where})" if report.where else "")
    if report.status == NOT_FOUND:
        return _missing(report)
    if report.status == NOT_RUN:
        return _grader_failed(report.problem or "the sandbox failed", where)
    if report.status == CRASHED:
        problem = report.problem or "it ended abnormally"
        return CheckOutcome(
            0.0,
            FAIL,
            [
                Evidence(
                    "(no result)", "the reference tests to run", f"the test run {problem}", where
                )
            ],
            [FLAG_REVIEW] if report.tampered else [],
            f"Testing {report.function} failed: the run {problem}.",
        )
    total = len(report.verdicts)
    if report.status == PASSED:
        return CheckOutcome(
            1.0,
            PASS,
            [
                Evidence(
                    f"all {total} reference tests passed",
                    f"the reference implementation's results on {total} tests",
                    "the function behaves like the reference",
                    where,
                )
            ],
        )
    failed = report.failed
    evidence = [
        Evidence(
            v.found,
            v.expected,
            f"test '{v.name}' with {v.given}: {v.reason}",
            where,
            data={"test": v.name, "input": v.given, "expected": v.expected, "found": v.found},
        )
        for v in failed[:SHOWN_FAILURES]
    ]
    if report.problem:
        evidence.append(
            Evidence("(stopped)", "a normal end", f"the test run {report.problem}", where)
        )
    passed = total - len(failed)
    fraction = passed / total if partial and total else 0.0
    status = PARTIAL if 0 < fraction < 1 else FAIL
    flags = []
    feedback = f"{report.function} failed {len(failed)} of {total} reference tests."
    if report.recovered:
        status, flags = NOT_GRADED, [FLAG_REVIEW]
        feedback += (
            " The code was recovered from a PDF and may have lost indentation; a TA will check."
        )
    return CheckOutcome(fraction, status, evidence, flags, feedback)


def check(ctx: CheckContext) -> CheckOutcome:
    """Run (or reuse) the problem's function tests and score this part's function."""
    request = _request(ctx.params, ctx)
    try:
        report = _reports(ctx)[request.function]
    except RunRefused as exc:
        return _grader_failed(str(exc)) if exc.infra else _not_run(str(exc))
    except SandboxError as exc:
        return _grader_failed(f"the sandbox failed: {exc}")
    return _outcome(report, bool(ctx.params.get("partial", False)))
