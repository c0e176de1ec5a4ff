"""What an answer claims: each labelled quantity (``y_1``, ``‖x_1‖``, ``h_{2n}``) and the
sides it is said to equal, read from the answer's equations.

In ``‖x_1‖ = ‖b+d‖ = √(β²+β²) ⇒ ‖x_1‖ = β√2`` both ``‖x_1‖`` are labels and the values
that follow each are its claims; in ``‖x_1‖ = ‖x_3‖ = √2β`` the two labels share one value.
The last value of the last claim is the student's conclusion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from grader.document import Block

from .errors import ReadError, SeriesOverlap
from .limits import Budget, TimeLimit
from .nodes import Node
from .realize import realize
from .statements import Statement, find_statements, parse_side

UNREADABLE = "could not read this expression"


@dataclass(frozen=True)
class Side:
    """One side of an equation, parsed or with the reason it could not be."""

    text: str
    node: Node | None
    error: str | None


@dataclass(frozen=True)
class Claim:
    """A label and the values the answer says it equals, in order."""

    label: Node
    values: tuple[Side, ...]
    statement: Statement


def _side(text: str, latex: bool) -> Side:
    try:
        return Side(text, parse_side(text, latex), None)
    except ReadError as exc:
        return Side(text, None, f"{UNREADABLE}: {exc}")


def claims(statements: list[Statement], is_label: Callable[[Node], bool]) -> list[Claim]:
    """Every labelled claim, in reading order."""
    found: list[Claim] = []
    for statement in statements:
        groups: list[tuple[list[Node], list[Side]]] = []
        for text in statement.sides:
            side = _side(text, statement.latex)
            if side.node is not None and is_label(side.node):
                if not groups or groups[-1][1]:
                    groups.append(([], []))
                groups[-1][0].append(side.node)
            elif groups:
                groups[-1][1].append(side)
        for labels, values in groups:
            found.extend(Claim(label, tuple(values), statement) for label in labels if values)
    return found


def answer_claims(blocks: list[Block], is_label: Callable[[Node], bool]) -> list[Claim]:
    """Labelled claims in the prose blocks of an answer."""
    return claims(find_statements(blocks), is_label)


def evaluate(node: Node, budget: Budget, env: dict | None = None) -> sp.Expr:
    """A tree as SymPy under the budget; :class:`ReadError` (with the reason) otherwise."""
    try:
        return budget.run(realize, node, env or {})
    except TimeLimit:
        raise ReadError(f"{UNREADABLE} in time") from None
    except SeriesOverlap:
        raise
    except ReadError as exc:
        message = str(exc)
        raise ReadError(
            message if message.startswith(UNREADABLE) else f"{UNREADABLE}: {message}"
        ) from None


def read_math(text: str, latex: bool = True, budget: Budget | None = None) -> sp.Expr:
    """One expression from student text as SymPy, or ``ReadError("could not read …")``."""
    try:
        node = parse_side(text, latex)
    except ReadError as exc:
        raise ReadError(f"{UNREADABLE}: {exc}") from None
    return evaluate(node, budget or Budget(2.0, 1.0))
