"""Check kind ``code_structure``: a function (or class) the student wrote has the required pieces.

A static reading of the function's source (found with its page-split continuations). It
cannot prove the function right, so it never replaces running it (``function_tests``);
it does make sure that a function missing an essential step cannot earn full credit.

params:
  function: the function's (or class's) name;
  require: [{pattern: regex, why: text}] each must appear in the function's source;
  forbid:  [{pattern: regex, why: text}] none may appear.
"""

from __future__ import annotations

import re

from grader.results import FAIL, PARTIAL, PASS, CheckOutcome, Evidence

from .base import CheckContext
from .cells import excerpt, missing_outcome
from .code_reading import function_source

REQUIRED_PARAMS = ("function", "require")
OPTIONAL_PARAMS = ("forbid",)  # any other key is a rubric error


def _strip_comments(source: str) -> str:
    return "\n".join(line.split("#", 1)[0] for line in source.splitlines())


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the share of required pieces present, minus forbidden ones."""
    name = ctx.defined_name(ctx.params["function"])
    found = function_source(ctx.blocks("code"), name)
    if found is None:
        return missing_outcome(f"def {name}(...)", f"definition of {name}")
    source, block = found
    code = _strip_comments(source)
    rules = [(r, True) for r in ctx.params["require"]] + [
        (r, False) for r in ctx.params.get("forbid", [])
    ]
    problems = [
        rule["why"] for rule, wanted in rules if bool(re.search(rule["pattern"], code)) != wanted
    ]
    met = len(rules) - len(problems)
    want = "; ".join(r["why"] for r, _ in rules)
    where = block.where()
    if not problems:
        return CheckOutcome(
            1.0,
            PASS,
            [
                Evidence(
                    excerpt(source, 600), want, f"{name} has every required step", where, "code"
                )
            ],
        )
    reason = "missing or wrong: " + "; ".join(problems)
    return CheckOutcome(
        met / len(rules) * 0.5,
        PARTIAL if met else FAIL,
        [Evidence(excerpt(source, 600), want, reason, where, "code")],
        feedback=reason,
    )
