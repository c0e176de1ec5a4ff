"""What every reference derivation produces: its steps, in LaTeX, and its final answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter


class Step(NamedTuple):
    """One step of a worked solution: what is done, and the LaTeX that shows it."""

    explanation: str
    latex: str


@dataclass(frozen=True)
class Derivation:
    """A worked solution; subclasses add the targets their check compares answers with."""

    title: str
    steps: tuple[Step, ...]
    answer: str  # the final answer, in LaTeX


class _Printer(LatexPrinter):
    """LaTeX with ``x(k)`` shown as ``x_{k}``: one-letter undefined functions are sequences."""

    def _print_Function(self, expr: sp.Expr, exp: str | None = None) -> str:
        name = expr.func.__name__
        if isinstance(expr, AppliedUndef) and len(expr.args) == 1 and len(name) == 1:
            text = f"{name}_{{{self._print(expr.args[0])}}}"
            return f"{text}^{{{exp}}}" if exp else text
        return super()._print_Function(expr, exp)

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        # sums of sequence terms keep the order they were built in; other sums are sorted
        keep = all(isinstance(a.as_coeff_Mul()[1], AppliedUndef | sp.Sum) for a in expr.args)
        return super()._print_Add(expr, order="none" if keep else None)


def tex(expr: sp.Basic) -> str:
    """LaTeX of a SymPy object, sequences as subscripts."""
    return _Printer().doprint(expr)


def in_order(*terms: sp.Expr) -> sp.Expr:
    """A sum kept in the order given, for display."""
    return sp.Add(*terms, evaluate=False)


def equation(left: sp.Basic | str, right: sp.Basic | str) -> str:
    """``left = right`` in LaTeX; strings are taken as LaTeX already."""
    show = [side if isinstance(side, str) else tex(side) for side in (left, right)]
    return f"{show[0]} = {show[1]}"
