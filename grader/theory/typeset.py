"""Answers and references as LaTeX, for the report to typeset (``Evidence.data["latex"]``).

A student's value is shown as it was read (the parsed tree, ellipses and sums included), a
reference as SymPy prints it; both write ``x_k`` as a subscript, ``‖v‖`` as a norm and the
sigmoid as σ, so the two sides of an evidence row look alike.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter

from .lexer import GREEK
from .nodes import NEG, Add, Call, Div, Dots, Mul, Name, Node, Norm, Num, Pow, Sub, Sum
from .realize import NORM, SIGMOID

_FUNCTION_NAMES = {"sigmoid": r"\sigma", "exp": r"\exp", "log": r"\log", "ln": r"\ln"}
_FUNCTION_NAMES |= {"sin": r"\sin", "cos": r"\cos", "tanh": r"\tanh"}


def _name(name: str) -> str:
    if name in GREEK:
        return "\\" + name
    if name == "oo":
        return r"\infty"
    return name if len(name) == 1 else rf"\mathrm{{{name}}}"


def _group(node: Node) -> str:
    text = tree_latex(node)
    return text if len(text) == 1 else "{" + text + "}"


def _wrap(node: Node) -> str:
    text = tree_latex(node)
    needs = isinstance(node, Add) or text.startswith("-")
    return rf"\left({text}\right)" if needs else text


def _base(node: Node) -> str:
    text = tree_latex(node)
    plain = isinstance(node, Num | Name | Sub | Call | Norm) and not text.startswith("-")
    return text if plain else rf"\left({text}\right)"


def _mul(node: Mul) -> str:
    if node.factors and node.factors[0] == NEG:
        rest = Mul(node.factors[1:]) if len(node.factors) > 2 else node.factors[1]
        return "-" + _wrap(rest)
    text = _wrap(node.factors[0])
    for before, factor in zip(node.factors, node.factors[1:], strict=False):
        glue = not (isinstance(before, Num) and isinstance(factor, Num))
        text += (" " if glue else r" \cdot ") + _wrap(factor)
    return text


def _add(node: Add) -> str:
    pieces = []
    for i, (sign, term) in enumerate(node.terms):
        text = r"\dots" if isinstance(term, Dots) else tree_latex(term)
        if isinstance(term, Add):
            text = rf"\left({text}\right)"
        if i == 0:
            pieces.append(("-" if sign < 0 else "") + text)
        else:
            pieces.append(("- " if sign < 0 else "+ ") + text)
    return " ".join(pieces)


def _sum(node: Sum) -> str:
    low = node.var + (f"={tree_latex(node.lower)}" if node.lower is not None else "")
    low += rf"\ \mathrm{{{node.parity}}}" if node.parity else ""
    high = f"^{_group(node.upper)}" if node.upper is not None else ""
    return rf"\sum_{{{low}}}{high} {_wrap(node.body)}"


def tree_latex(node: Node) -> str:
    """A parsed tree as LaTeX: the student's answer as it was read."""
    match node:
        case Num(value):
            return value
        case Name(name):
            return _name(name)
        case Sub(base, index):
            return f"{_name(base)}_{_group(index)}"
        case Call("sqrt", (arg,)):
            return rf"\sqrt{{{tree_latex(arg)}}}"
        case Call(func, args):
            inner = ", ".join(tree_latex(a) for a in args)
            return rf"{_FUNCTION_NAMES.get(func, _name(func))}\left({inner}\right)"
        case Add():
            return _add(node)
        case Mul():
            return _mul(node)
        case Div(num, den):
            return rf"\frac{{{tree_latex(num)}}}{{{tree_latex(den)}}}"
        case Pow(base, exp):
            return f"{_base(base)}^{_group(exp)}"
        case Norm(arg):
            return rf"\left\|{tree_latex(arg)}\right\|"
        case Dots():
            return r"\dots"
        case Sum():
            return _sum(node)
    raise TypeError(node)


class _Printer(LatexPrinter):
    """SymPy's LaTeX with the reader's objects: ``x(3)`` as ``x_{3}``, norm and sigmoid."""

    def _print_Function(self, expr: sp.Expr, exp: str | None = None) -> str:
        if expr.func == NORM:
            text = rf"\left\|{self._print(expr.args[0])}\right\|"
        elif expr.func == SIGMOID:
            text = rf"\sigma\left({self._print(expr.args[0])}\right)"
        elif isinstance(expr, AppliedUndef) and len(expr.args) == 1:
            text = f"{_name(expr.func.__name__)}_{{{self._print(expr.args[0])}}}"
        else:
            return super()._print_Function(expr, exp)
        return f"{text}^{{{exp}}}" if exp else text


def expr_latex(expr: sp.Expr) -> str:
    """A SymPy expression (a reference, or a value the reader built) as LaTeX."""
    return _Printer().doprint(expr)


def latex_data(found: str = "", expected: str = "") -> dict:
    """``Evidence.data`` holding the sides given as LaTeX (the report typesets them)."""
    sides = {"found": found, "expected": expected}
    return {"latex": {side: tex for side, tex in sides.items() if tex}}
