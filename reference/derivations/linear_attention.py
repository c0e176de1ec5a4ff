"""Linear attention: dropping the exponential lets the products be reassociated.

``Y = D⁻¹ (Q Kᵀ) V`` with ``D = diag(Q Kᵀ 1)`` equals ``diag(Q (Kᵀ 1))⁻¹ Q (Kᵀ V)``: verified
here entry by entry on matrices of symbols. Counting multiplications of each order gives
``O(T² d)`` against ``O(T d²)``: linear in the number of tokens T.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import sympy as sp

from .base import Derivation, Step, equation, tex

LENGTH, DIM = sp.symbols("T d", integer=True, positive=True)


def product_cost(rows: sp.Expr, inner: sp.Expr, cols: sp.Expr) -> sp.Expr:
    """Multiplications in a (rows × inner)(inner × cols) matrix product."""
    return rows * inner * cols


def dominant_terms(cost: sp.Expr, *symbols: sp.Symbol) -> sp.Expr:
    """The monomials of ``cost`` no other monomial dominates: the argument of its O(·)."""
    monomials = sp.Poly(sp.expand(cost), *symbols).monoms()
    top = [
        m
        for m in monomials
        if not any(o != m and all(a >= b for a, b in zip(o, m, strict=True)) for o in monomials)
    ]
    return sp.Add(*(sp.Mul(*(s**e for s, e in zip(symbols, m, strict=True))) for m in top))


def big_o(cost: sp.Expr, *symbols: sp.Symbol) -> str:
    """``O(...)`` of a cost, in LaTeX."""
    return rf"O\left({tex(dominant_terms(cost, *symbols))}\right)"


@dataclass(frozen=True)
class LinearAttentionDerivation(Derivation):
    """Worked solution plus the costs the ``linear_attention`` check compares claims with."""

    length: sp.Symbol
    dim: sp.Symbol
    quadratic_cost: sp.Expr
    linear_cost: sp.Expr
    verified_sizes: tuple[int, int]  # (tokens, dimension) of the symbolic check


def _symbol_matrix(name: str, rows: int, cols: int) -> sp.Matrix:
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}_{i + 1}{j + 1}", positive=True))


def verify_reassociation(tokens: int, dim: int) -> bool:
    """Both orders give the same normalised output on ``tokens × dim`` matrices of symbols."""
    q, k, v = (_symbol_matrix(n, tokens, dim) for n in ("q", "k", "v"))
    ones = sp.ones(tokens, 1)
    scores = q * k.T
    numerators = (scores * v - q * (k.T * v)).expand()
    normalisers = (scores * ones - q * (k.T * ones)).expand()
    return numerators.is_zero_matrix and normalisers.is_zero_matrix


def costs(length: sp.Symbol, dim: sp.Symbol) -> tuple[sp.Expr, sp.Expr]:
    """Multiplications (and row sums) of the quadratic and the reassociated order."""
    quadratic = (
        product_cost(length, dim, length)  # Q Kᵀ
        + product_cost(length, length, dim)  # (Q Kᵀ) V
        + length * length  # row sums of Q Kᵀ
        + length * dim  # divide each row
    )
    linear = (
        product_cost(dim, length, dim)  # Kᵀ V, once
        + product_cost(length, dim, dim)  # Q (Kᵀ V)
        + product_cost(dim, length, 1)  # Kᵀ 1, once
        + product_cost(length, dim, 1)  # Q (Kᵀ 1)
        + length * dim  # divide each row
    )
    return sp.expand(quadratic), sp.expand(linear)


@cache
def derive(tokens: int, dim: int) -> LinearAttentionDerivation:
    """The worked solution; the identity is verified on ``tokens × dim`` symbol matrices."""
    if not verify_reassociation(tokens, dim):
        raise ArithmeticError("reassociating linear attention changed its output")
    quadratic, linear = costs(LENGTH, DIM)
    degree = sp.degree(linear, LENGTH)
    steps = (
        Step(
            "Without the exponential, each output is a normalised sum of dot products.",
            r"y_i = \frac{\sum_{j=1}^{T} (q_i^\top k_j)\, v_j}{\sum_{j=1}^{T} q_i^\top k_j}"
            r", \qquad Y = D^{-1} (Q K^\top) V, \quad D = \operatorname{diag}(Q K^\top \mathbf{1})",
        ),
        Step(
            "Matrix products are associative, so the same output is computed in another order "
            f"(checked entry by entry on {tokens} × {dim} matrices of symbols).",
            r"(Q K^\top) V = Q (K^\top V), \qquad (Q K^\top) \mathbf{1} = Q (K^\top \mathbf{1})",
        ),
        Step(
            "Per query, the sums over j no longer depend on i: compute them once, reuse them for every query.",
            r"y_i = \frac{q_i^\top \left(\sum_{j} k_j v_j^\top\right)}{q_i^\top \sum_{j} k_j}",
        ),
        Step(
            "Multiplications, left to right (scores first):",
            equation("C_{(QK^\\top)V}", quadratic) + " = " + big_o(quadratic, LENGTH, DIM),
        ),
        Step(
            "Multiplications, right to left:",
            equation("C_{Q(K^\\top V)}", linear) + " = " + big_o(linear, LENGTH, DIM),
        ),
        Step(
            f"For a fixed dimension d the cost grows like T^{degree}: linear in the number of tokens. "
            "With the exponential this fails: exp(q·k) is not a product of a function of q and "
            "a function of k, so the sum over j cannot be pulled apart.",
            rf"\deg_T C_{{Q(K^\top V)}} = {degree}",
        ),
    )
    return LinearAttentionDerivation(
        "Attention! My code takes too long",
        steps,
        big_o(linear, LENGTH, DIM),
        LENGTH,
        DIM,
        quadratic,
        linear,
        (tokens, dim),
    )


def from_setup(setup: dict) -> LinearAttentionDerivation:
    """The derivation for a problem YAML's ``setup`` mapping."""
    return derive(int(setup["check_tokens"]), int(setup["check_dim"]))
