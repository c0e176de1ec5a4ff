"""Equivalence in layers: structural, then symbolic, then numeric, within a time budget."""

from __future__ import annotations

import sympy as sp

from grader.theory.equivalence import compare, expanded_terms
from grader.theory.limits import Budget
from grader.theory.realize import SIGMOID, sequence_term, symbol

beta = symbol("beta")
x1, x2 = sequence_term("x", 1), sequence_term("x", 2)


def budget() -> Budget:
    return Budget(5.0, 1.0)


def test_identical_trees_are_equal_structurally() -> None:
    assert compare(sp.sqrt(2) * beta, sp.sqrt(2) * beta, budget()).layer == "structural"


def test_rearranged_polynomials_are_equal_symbolically() -> None:
    verdict = compare(1000 * (x2 - x1), 1000 * x2 - 1000 * x1 + 0 * beta, budget())
    assert verdict.same and verdict.layer in ("structural", "symbolic")
    verdict = compare((x1 + x2) ** 2, x1**2 + 2 * x1 * x2 + x2**2, budget())
    assert (verdict.same, verdict.layer) == (True, "symbolic")


def test_softmax_weights_in_two_forms_are_equal() -> None:
    weight = sp.exp(2 * beta**2) / (sp.exp(beta**2) + sp.exp(2 * beta**2))
    assert compare(weight, 1 / (1 + sp.exp(-(beta**2))), budget()).same


def test_a_nonzero_polynomial_difference_settles_inequality() -> None:
    verdict = compare(x2 - x1, x1 - x2, budget())
    assert (verdict.same, verdict.layer) == (False, "symbolic")


def test_sigmoid_is_written_out_for_the_numeric_layer() -> None:
    written = 1 / (1 + sp.exp(-(x2 - x1)))
    assert compare(SIGMOID(x2 - x1), written, budget()).same


def test_huge_expansions_go_straight_to_the_numeric_layer() -> None:
    big = sum(sequence_term("x", k) for k in range(1, 6)) ** 60
    assert expanded_terms(big) > 10**6
    verdict = compare(big, big + 1, budget())
    assert (verdict.same, verdict.layer) == (False, "numeric")


def test_an_exhausted_budget_leaves_the_verdict_undecided() -> None:
    spent = Budget(0.0, 1.0)
    verdict = compare(
        x1 + x2, x2 + x1 + beta - beta + sp.sin(beta) ** 2 + sp.cos(beta) ** 2 - 1, spent
    )
    assert (verdict.same, verdict.layer) == (None, "undecided")
