"""The registry of check kinds.

A check kind is one module with a ``check(ctx: CheckContext) -> CheckOutcome`` function
and, optionally, ``REQUIRED_PARAMS`` (the keys its rubric ``params`` must have),
``OPTIONAL_PARAMS`` (the other keys it reads: with it, any other key is a rubric error) and
``validate(params, place)`` (raises ``ValueError`` naming ``place`` when params are wrong;
run when the rubric is loaded) and ``expectation(params)`` (what the part asks for, in
words, as the solutions document shows it).
Adding a kind is that module plus one line here; nothing else in the engine changes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from types import ModuleType

CHECK_KINDS: dict[str, str] = {
    "pending": "grader.checks.pending",
    "output_value": "grader.checks.output_value",
    "param_count": "grader.checks.param_count",
    "hyperparameters": "grader.checks.hyperparameters",
    "code_structure": "grader.checks.code_structure",
    "training_log": "grader.checks.training_log",
    "accuracy": "grader.checks.accuracy",
    "predictions": "grader.checks.predictions",
    "model_spec": "grader.checks.model_spec",
    "function_tests": "grader.checks.function_tests",
    "function": "grader.checks.function",
    "recurrence": "grader.checks.recurrence",
    "norms": "grader.checks.norms",
    "attention_outputs": "grader.checks.attention_outputs",
    "concepts": "grader.checks.concepts",
    "linear_attention": "grader.checks.linear_attention",
}


@cache
def check_module(kind: str) -> ModuleType:
    """Import and return the module implementing check ``kind``."""
    if kind not in CHECK_KINDS:
        raise KeyError(kind)
    return importlib.import_module(CHECK_KINDS[kind])


def get_check(kind: str) -> Callable:
    """The ``check`` function of a registered kind."""
    return check_module(kind).check


def required_params(kind: str) -> tuple[str, ...]:
    """The params keys a rubric part of this kind must define."""
    return tuple(getattr(check_module(kind), "REQUIRED_PARAMS", ()))


def allowed_params(kind: str) -> frozenset[str] | None:
    """Every params key a part of this kind may have (its ``REQUIRED_PARAMS`` and
    ``OPTIONAL_PARAMS``); None when the kind takes open-ended params (``function_tests``
    passes any other key to its test suite)."""
    module = check_module(kind)
    optional = getattr(module, "OPTIONAL_PARAMS", None)
    if optional is None:
        return None
    return frozenset(getattr(module, "REQUIRED_PARAMS", ())) | frozenset(optional)


def expectation(kind: str, params: dict) -> str:
    """What a part of this kind asks for, in words (its ``expectation``), or ""."""
    describe = getattr(check_module(kind), "expectation", None)
    return describe(params) if describe else ""


def params_validator(kind: str) -> Callable | None:
    """The kind's ``validate(params, place)`` function, if it has one."""
    return getattr(check_module(kind), "validate", None)
