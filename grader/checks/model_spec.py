"""Check kind ``model_spec``: the model is built to spec and trained on the right data.

params:
  constructor: the model class whose call is read (``ViT``);
  expected: {argument: value} the call must have;
  aliases: {argument: [names]} other names for the same setting (constants or keyword
           arguments, e.g. Keras-style ``num_heads``) — used when the constructor isn't called;
  dataset: {required: regex on the code, wrong: {regex: name}}: without the required
           dataset the part earns nothing (a model of another task is not the one asked for);
  source: where the spec comes from.
A model written in another framework is read through the aliases and flagged for review.
"""

from __future__ import annotations

import re

from grader.results import FAIL, FLAG_REVIEW, PARTIAL, PASS, CheckOutcome, Evidence

from .base import CheckContext
from .code_reading import calls, constants

REQUIRED_PARAMS = ("constructor", "expected")
OPTIONAL_PARAMS = ("aliases", "dataset", "source")  # any other key is a rubric error
OTHER_FRAMEWORK = re.compile(r"\b(keras|tensorflow|flax|jax)\b")


def _settings(source: dict, expected: dict, aliases: dict) -> dict:
    """Each expected setting found in ``source`` under its own name or an alias."""
    values = {}
    for key in expected:
        name = next((n for n in aliases.get(key, [key]) if n in source), None)
        if name is not None:
            values[key] = source[name]
    return values


def read_spec(ctx: CheckContext) -> tuple[dict, str]:
    """The student's settings for the expected arguments, and how they were read."""
    code = ctx.blocks("code")
    expected: dict = ctx.params["expected"]
    aliases: dict = ctx.params.get("aliases", {})
    constructor = ctx.defined_name(ctx.params["constructor"])
    found_calls = calls(code, constructor)
    if found_calls:
        _, kwargs = found_calls[-1]
        return _settings(kwargs, expected, aliases), f"{constructor}(...) call"
    return _settings(constants(code), expected, aliases), "constants"


def check(ctx: CheckContext) -> CheckOutcome:
    """Compare the model's settings and dataset with the spec."""
    params = ctx.params
    expected: dict = params["expected"]
    values, how = read_spec(ctx)
    code = "\n".join(b.text for b in ctx.blocks("code"))
    notes, flags = [], []
    right = 0
    for key, value in expected.items():
        if key not in values:
            notes.append(f"{key} not found")
        elif values[key] != value:
            notes.append(f"{key} is {values[key]!r}, should be {value!r}")
        else:
            right += 1
    fraction = right / len(expected)
    dataset = params.get("dataset")
    if dataset and not re.search(dataset["required"], code):
        # a model trained on another task is not the model asked for, however it is built
        fraction = 0.0
        wrong = [
            name for pattern, name in dataset.get("wrong", {}).items() if re.search(pattern, code)
        ]
        notes.append(
            f"trained on {wrong[0]}, a different task: the spec is not met"
            if wrong
            else "dataset not found in the code: the spec is not met"
        )
    if how == "constants" and OTHER_FRAMEWORK.search(code):
        flags.append(FLAG_REVIEW)
        notes.append("model written in another framework: settings read from its constants")
    elif how == "constants":
        flags.append(FLAG_REVIEW)
        notes.append(f"no {params['constructor']}(...) call found; settings read from constants")
    found = ", ".join(f"{k}={v!r}" for k, v in values.items()) or "(no settings found)"
    want = ", ".join(f"{k}={v!r}" for k, v in expected.items()) + (
        f" — {params['source']}" if params.get("source") else ""
    )
    status = PASS if fraction == 1 else PARTIAL if fraction else FAIL
    reason = "; ".join(notes) or f"built to spec ({how})"
    return CheckOutcome(
        fraction,
        status,
        [Evidence(found, want, reason, "code cells", "code")],
        flags,
        "; ".join(notes),
    )
