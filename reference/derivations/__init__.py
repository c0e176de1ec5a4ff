"""Reference solutions of the theory problems, derived with SymPy rather than typed in.

Each derivation returns a :class:`~reference.derivations.base.Derivation`: the
step-by-step solution as ``(explanation, latex)`` pairs, the final answer, and the targets
its check compares student answers with. Problems are keyed by the name of their shared
rubric file (``rubrics/problems/<name>.yaml``), whose ``setup`` mapping holds the data of
the statement (weights, tokens, sizes).
"""

from __future__ import annotations

from collections.abc import Callable

from . import attention, efficient_attention, linear_attention, recurrence
from .base import Derivation, Step

DERIVATIONS: dict[str, Callable[[dict], Derivation]] = {
    "recurrence": recurrence.from_setup,
    "self-attention": attention.from_setup,
    "linear-attention": linear_attention.from_setup,
    "linear-attention-2022": efficient_attention.from_setup,
}


def derive(problem: str, setup: dict) -> Derivation:
    """The worked solution of a shared problem, given its YAML ``setup``."""
    if problem not in DERIVATIONS:
        known = ", ".join(sorted(DERIVATIONS))
        raise KeyError(f"no reference derivation for problem '{problem}' (known: {known})")
    return DERIVATIONS[problem](setup)


__all__ = ["DERIVATIONS", "Derivation", "Step", "derive"]
