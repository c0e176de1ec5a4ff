"""Are two expressions equal? Decided in layers, strictest first, as STACK does.

1. structural: the same SymPy tree;
2. symbolic: ``expand(a - b) == 0``, else ``simplify(a - b) == 0`` (a nonzero polynomial
   difference settles "different" here);
3. numeric: both evaluated at a few random points (fixed seed), sigmoid written out.

Every SymPy call runs under the check's :class:`~grader.theory.limits.Budget`; when time
runs out the verdict is "undecided" (``same is None``), never a guess.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from .limits import Budget, TimeLimit
from .realize import SIGMOID

POINTS = 3
TOLERANCE = 1e-9
MAX_EXPANDED_TERMS = 5000


@dataclass(frozen=True)
class Verdict:
    """The outcome of a comparison and the layer that decided it."""

    same: bool | None  # None: undecided (time limit, or not evaluable)
    layer: str  # structural | symbolic | numeric | undecided


def expanded_terms(expr: sp.Expr) -> int:
    """An upper bound on the terms ``expand`` would produce (powers of sums blow up)."""
    if expr.is_Pow and expr.base.is_Add and expr.exp.is_Integer and expr.exp > 0:
        n, k = len(expr.base.args), int(expr.exp)
        return math.comb(n + k - 1, k) * expanded_terms(expr.base)
    if expr.is_Mul:
        return math.prod(expanded_terms(f) for f in expr.args)
    if expr.is_Add:
        return sum(expanded_terms(t) for t in expr.args)
    return 1


def _symbolic(a: sp.Expr, b: sp.Expr) -> bool | None:
    if max(expanded_terms(a), expanded_terms(b)) > MAX_EXPANDED_TERMS:
        return None  # expanding would take too long: let the numeric layer decide
    difference = sp.expand(a - b)
    if difference == 0:
        return True
    if difference.is_polynomial(*difference.free_symbols, *difference.atoms(AppliedUndef)):
        return False
    return True if sp.simplify(difference) == 0 else None


def _written_out(expr: sp.Expr) -> sp.Expr:
    return expr.replace(SIGMOID, lambda z: 1 / (1 + sp.exp(-z)))


def _numeric(a: sp.Expr, b: sp.Expr) -> bool | None:
    a, b = _written_out(a), _written_out(b)
    rng = random.Random(0)
    unknowns = sorted((a.atoms(AppliedUndef) | b.atoms(AppliedUndef)), key=sp.default_sort_key)
    symbols = sorted(a.free_symbols | b.free_symbols, key=sp.default_sort_key)
    for _ in range(POINTS):
        point = {u: sp.Float(rng.uniform(-2, 2)) for u in unknowns}
        values = {s: sp.Float(rng.uniform(0.3, 1.7)) for s in symbols}
        left = sp.N(a.xreplace(point).xreplace(values), 20)
        right = sp.N(b.xreplace(point).xreplace(values), 20)
        if not (left.is_number and right.is_number) or left.has(sp.zoo, sp.nan, sp.oo):
            return None
        if abs(complex(left - right)) > TOLERANCE * max(1.0, abs(complex(left))):
            return False
    return True


def compare(a: sp.Expr, b: sp.Expr, budget: Budget) -> Verdict:
    """Whether ``a`` equals ``b``, trying each layer in turn within the budget."""
    if a == b:
        return Verdict(True, "structural")
    for layer, test in (("symbolic", _symbolic), ("numeric", _numeric)):
        try:
            same = budget.run(test, a, b)
        except TimeLimit:
            continue
        if same is not None:
            return Verdict(same, layer)
    return Verdict(None, "undecided")
