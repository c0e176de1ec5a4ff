"""Fall 2022 variant: two ways to bring self-attention to O(T), with their costs derived.

1. Kernel (linear) attention: replace ``exp(q·k)`` by ``φ(q)·φ(k)`` and reassociate (see
   :mod:`.linear_attention`): ``O(T d²)``.
2. Fewer pairs: Linformer projects keys and values to ``k`` rows (``O(T k d)``); local
   attention lets each query see a window of ``w`` keys (``O(T w d)``).
Every cost is checked to be of degree 1 in T.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import sympy as sp

from .base import Derivation, Step, equation
from .linear_attention import DIM, LENGTH, big_o, costs, product_cost

RANK, WINDOW = sp.symbols("k w", integer=True, positive=True)


@dataclass(frozen=True)
class EfficientAttentionDerivation(Derivation):
    """Worked solution plus each method's cost."""

    length: sp.Symbol
    method_costs: dict[str, sp.Expr]


def method_costs() -> dict[str, sp.Expr]:
    """Multiplications of standard attention and of three O(T) alternatives."""
    quadratic, kernel = costs(LENGTH, DIM)
    linformer = (
        2 * product_cost(RANK, LENGTH, DIM)  # E K and F V
        + product_cost(LENGTH, DIM, RANK)  # Q (E K)ᵀ
        + product_cost(LENGTH, RANK, DIM)  # weights · (F V)
    )
    window = 2 * LENGTH * WINDOW * DIM  # scores and weighted values of w neighbours
    return {"standard": quadratic, "kernel": kernel, "linformer": linformer, "local": window}


@cache
def derive() -> EfficientAttentionDerivation:
    """The worked solution; raises if an alternative's cost is not linear in T."""
    found = method_costs()
    for name in ("kernel", "linformer", "local"):
        if sp.degree(found[name], LENGTH) != 1:
            raise ArithmeticError(f"{name} attention is not linear in T")
    symbols = (LENGTH, DIM, RANK, WINDOW)
    show = {name: big_o(cost, *symbols) for name, cost in found.items()}
    steps = (
        Step(
            "Standard attention scores every pair of tokens.",
            equation("C", found["standard"]) + " = " + show["standard"],
        ),
        Step(
            "Way 1, kernel (linear) attention: write the similarity as φ(q)ᵀφ(k) (or drop the "
            "exponential) and compute Σ_j φ(k_j) v_jᵀ once, reusing it for every query. "
            "Pro: exact reassociation, linear time and memory. Con: only approximates "
            "softmax attention, which can cost accuracy.",
            equation("C", found["kernel"]) + " = " + show["kernel"],
        ),
        Step(
            "Way 2a, low rank (Linformer): project the T keys and values to k ≪ T rows. "
            "Pro: linear in T with a small k. Con: a fixed-length projection and an "
            "approximation of the attention matrix.",
            equation("C", found["linformer"]) + " = " + show["linformer"],
        ),
        Step(
            "Way 2b, sparse or local attention (sliding windows; also clustering or hashing "
            "similar tokens): each query attends to w ≪ T keys. Pro: simple and exact within "
            "the window. Con: long-range dependencies are lost or need extra global tokens.",
            equation("C", found["local"]) + " = " + show["local"],
        ),
    )
    answer = ", ".join(show[n] for n in ("kernel", "linformer", "local"))
    return EfficientAttentionDerivation(
        "Attention! My code takes too long", steps, answer, LENGTH, found
    )


def from_setup(setup: dict) -> EfficientAttentionDerivation:
    """The derivation (this problem has no data to set)."""
    return derive()
