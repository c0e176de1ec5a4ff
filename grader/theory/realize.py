"""Turn a parsed tree into a SymPy expression, built from a fixed table of objects.

No text is ever evaluated: every name maps to a SymPy object created here (a symbol, an
undefined function such as ``x`` for ``x_k``, or a whitelisted function). Names such as
``beta``, ``Q``, ``N`` or ``lambda`` are therefore plain symbols, never SymPy built-ins.

Ellipses and sums need a concrete length: ``env`` binds the index symbols (``n=4`` for a
sequence written up to ``x_{2n}``) and :func:`realize` expands the pattern the written
terms imply (see :func:`_expand_series`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import sympy as sp

from .errors import ReadError, SeriesOverlap
from .lexer import LETTERS
from .nodes import Add, Call, Div, Dots, Mul, Name, Node, Norm, Num, Pow, Sub, Sum

INDEX_LETTERS = frozenset("ijklmntTN")
MAX_EXPONENT = 1000
MAX_BITS = 20000
MAX_TERMS = 400

SIGMOID = sp.Function("sigmoid")
NORM = sp.Function("norm")
_FUNCTIONS = {
    "sqrt": sp.sqrt,
    "exp": sp.exp,
    "log": sp.log,
    "ln": sp.log,
    "sin": sp.sin,
    "cos": sp.cos,
    "tanh": sp.tanh,
    "sigmoid": SIGMOID,
    "softmax": sp.Function("softmax"),
    "norm": NORM,
}
_CONSTANTS = {"oo": sp.oo, "pi": sp.pi, "e": sp.E}


@cache
def symbol(name: str) -> sp.Symbol:
    """The symbol for a name: index letters are positive integers, others positive reals."""
    if name in INDEX_LETTERS:
        return sp.Symbol(name, integer=True, positive=True)
    return sp.Symbol(name, positive=True)


@cache
def sequence(base: str) -> sp.Function:
    """The undefined function standing for a subscripted family: ``x_k`` is ``x(k)``."""
    return sp.Function(base)


def sequence_term(base: str, index: int | sp.Expr) -> sp.Expr:
    """``x_k`` as SymPy (``x(k)``)."""
    return sequence(base)(index)


@dataclass(frozen=True)
class _Item:
    """A term around '…': ``coef · base_index``."""

    base: str
    index: int
    coef: sp.Expr


def _item(sign: int, node: Node, env: Mapping[str, sp.Expr]) -> _Item | None:
    factors = node.factors if isinstance(node, Mul) else (node,)
    subs = [f for f in factors if isinstance(f, Sub)]
    if len(subs) != 1:
        return None
    coef = sp.Integer(sign)
    for factor in factors:
        if factor is not subs[0]:
            value = realize(factor, env)
            if value.free_symbols or value.atoms(sp.core.function.AppliedUndef):
                return None
            coef *= value
    index = realize(subs[0].index, env)
    if not index.is_Integer:
        raise ReadError("the terms around '…' need a known length")
    return _Item(subs[0].base, int(index), coef)


def _continues(run: list[_Item], item: _Item) -> bool:
    """Does ``item`` extend ``run`` with the same family, step and sign pattern?"""
    if not run:
        return True
    last = run[-1]
    if item.base != last.base or item.index == last.index:
        return False
    if len(run) == 1:
        return item.coef in (last.coef, -last.coef)
    step = run[1].index - run[0].index
    alternating = run[1].coef == -run[0].coef
    return item.index - last.index == step and item.coef == (
        -last.coef if alternating else last.coef
    )


def _run(terms: list[tuple[int, Node]], env: Mapping[str, sp.Expr]) -> list[_Item]:
    """The longest run at the start of ``terms`` that one pattern describes: one family,
    one step, and constant or alternating coefficients (reverse ``terms`` for a head)."""
    run: list[_Item] = []
    for sign, node in terms:
        try:
            item = _item(sign, node, env)
        except ReadError:
            if not run:
                raise
            break
        if item is None or not _continues(run, item):
            break
        run.append(item)
    return run


def _pattern(run: list[_Item]) -> tuple[int, list[sp.Expr]] | None:
    """(step, coefficients of one period) of a run of two or more terms."""
    if len(run) < 2:
        return None
    step = run[1].index - run[0].index
    return step, [run[0].coef] if run[1].coef == run[0].coef else [run[0].coef, run[1].coef]


def _expand_series(head: list[_Item], tail: list[_Item]) -> list[_Item]:
    """The terms hidden by '…' between the written head and tail runs."""
    if not head or not tail or head[-1].base != tail[0].base:
        raise ReadError("cannot tell what '…' stands for")
    head_pattern = _pattern(head)  # the head's pattern wins; the tail's serves when it has one term
    tail_pattern = None if head_pattern else _pattern(tail)
    if head_pattern is None and tail_pattern is None:
        if head[-1].coef != tail[0].coef:
            raise ReadError("cannot tell the signs '…' stands for")
        step = 1 if tail[0].index > head[-1].index else -1
        head_pattern = (step, [head[-1].coef])
    step, period = head_pattern or tail_pattern
    gap = tail[0].index - head[-1].index
    if gap % step or gap // step < 1:
        raise SeriesOverlap("the terms around '…' overlap at this length")
    missing = gap // step - 1
    if missing > MAX_TERMS:
        raise ReadError("the series is too long to expand")
    if head_pattern is not None:  # count positions on from the head's first term
        coef = [period[(len(head) + j) % len(period)] for j in range(missing + 1)]
        if coef.pop() != tail[0].coef:
            raise ReadError("the signs after '…' do not continue the pattern before it")
    else:  # only the tail shows the pattern: count positions back from its first term
        coef = [period[(j - missing) % len(period)] for j in range(-1, missing)]
        if coef.pop(0) != head[-1].coef:
            raise ReadError("the signs before '…' do not continue the pattern after it")
    base = head[-1].base
    return [_Item(base, head[-1].index + step * (j + 1), coef[j]) for j in range(missing)]


def _realize_add(node: Add, env: Mapping[str, sp.Expr]) -> sp.Expr:
    terms = list(node.terms)
    dots = [i for i, (_, term) in enumerate(terms) if isinstance(term, Dots)]
    hidden: list[_Item] = []
    for k, at in enumerate(dots):
        start = dots[k - 1] + 1 if k else 0
        stop = dots[k + 1] if k + 1 < len(dots) else len(terms)
        head = list(reversed(_run(list(reversed(terms[start:at])), env)))
        hidden += _expand_series(head, _run(terms[at + 1 : stop], env))
    written = [sign * realize(term, env) for sign, term in terms if not isinstance(term, Dots)]
    return sp.Add(*written, *(item.coef * sequence_term(item.base, item.index) for item in hidden))


def _bound(node: Node | None, default: sp.Expr | None, env: Mapping[str, sp.Expr]) -> int:
    value = default if node is None else realize(node, env)
    if value is None or not value.is_Integer:
        raise ReadError("the range of a sum is not known")
    return int(value)


def _realize_sum(node: Sum, env: Mapping[str, sp.Expr]) -> sp.Expr:
    low = _bound(node.lower, sp.Integer(1), env)
    high = _bound(node.upper, env.get("length"), env)
    if high - low > MAX_TERMS:
        raise ReadError("the sum is too long to expand")
    parity = {"even": 0, "odd": 1}.get(node.parity or "")
    values = [k for k in range(low, high + 1) if parity is None or k % 2 == parity]
    return sp.Add(*(realize(node.body, {**env, node.var: sp.Integer(k)}) for k in values))


def _bits(number: sp.Number) -> int:
    if number.is_Rational:
        return max(abs(number.p).bit_length(), number.q.bit_length())
    return 64


def _realize_pow(node: Pow, env: Mapping[str, sp.Expr]) -> sp.Expr:
    base, exponent = realize(node.base, env), realize(node.exp, env)
    if exponent.is_Number and abs(exponent) > MAX_EXPONENT:
        raise ReadError("a power is too large")
    if base.is_Number and exponent.is_Number and _bits(base) * abs(exponent) > MAX_BITS:
        raise ReadError("a number is too large")  # big-integer powers cannot be interrupted
    return sp.Pow(base, exponent)


def realize(node: Node, env: Mapping[str, sp.Expr] | None = None) -> sp.Expr:
    """The SymPy expression of a tree; ``env`` binds index symbols and ``length``.

    Raises :class:`ReadError` when '…' or a sum cannot be expanded, and
    :class:`SeriesOverlap` when the written terms overlap at the length in ``env``.
    """
    env = env or {}
    match node:
        case Num(value):
            return sp.Rational(value)
        case Name(name):
            if name in env:
                return env[name]
            return _CONSTANTS.get(name) or symbol(name)
        case Sub(base, index):
            return sequence_term(base, realize(index, env))
        case Call(func, args):
            return _FUNCTIONS[func](*(realize(a, env) for a in args))
        case Add():
            return _realize_add(node, env)
        case Mul(factors):
            return sp.Mul(*(realize(f, env) for f in factors))
        case Div(num, den):
            return realize(num, env) / realize(den, env)
        case Pow():
            return _realize_pow(node, env)
        case Norm(arg):
            return NORM(realize(arg, env))
        case Sum():
            return _realize_sum(node, env)
        case Dots():
            raise ReadError("'…' can only stand between terms of a sum")
    raise TypeError(node)


_SEQUENCE_TERM = re.compile(r"\b([A-Za-z])\((-?\d+)\)")
_SIMPLE_ROOT = re.compile(r"sqrt\((\w+)\)")
_GREEK_NAME = re.compile(r"\b(" + "|".join(LETTERS) + r")\b")


def show(expr: sp.Expr) -> str:
    """An expression as readable text: ``x(3)`` as ``x_3``, ``sqrt(2)*beta`` as ``√2·β``."""
    text = _SEQUENCE_TERM.sub(r"\1_\2", sp.sstr(expr))
    text = _SIMPLE_ROOT.sub(r"√\1", text).replace("sqrt(", "√(")
    text = _GREEK_NAME.sub(lambda m: LETTERS[m.group(1)], text)
    return text.replace("**", "^").replace("*", "·")
