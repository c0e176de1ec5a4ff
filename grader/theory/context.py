"""What the theory checks take from a :class:`~grader.checks.base.CheckContext`."""

from __future__ import annotations

from grader.checks.base import CheckContext
from grader.document import Block

from .limits import Budget
from .scoring import where

TOTAL_SECONDS = 5.0  # one part's whole reading and comparing
CALL_SECONDS = 0.5  # one SymPy step


def place(ctx: CheckContext) -> str:
    """The rubric file and part, for error messages."""
    return where(ctx.problem.use or ctx.problem.id, ctx.part.id)


def answer_blocks(ctx: CheckContext) -> list[Block]:
    """The prose of the part's answer (the whole problem's when the part was not found)."""
    blocks = [b for b in ctx.section if b.kind == "prose"]
    return blocks or [b for b in ctx.problem_section if b.kind == "prose"]


def answer_text(ctx: CheckContext) -> str:
    """The answer's prose as one string."""
    return "\n\n".join(b.text for b in answer_blocks(ctx))


def budget(ctx: CheckContext) -> Budget:
    """The time this part may spend on SymPy (params ``time_budget_s``, ``time_limit_s``)."""
    params = ctx.params
    return Budget(
        float(params.get("time_budget_s", TOTAL_SECONDS)),
        float(params.get("time_limit_s", CALL_SECONDS)),
    )
