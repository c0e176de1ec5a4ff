"""Answers and references as LaTeX for the report: what the reader parsed, typeset."""

from __future__ import annotations

import sympy as sp

from grader.report.mathsvg import render_math
from grader.theory.realize import NORM, SIGMOID, sequence_term, symbol
from grader.theory.statements import parse_side
from grader.theory.typeset import expr_latex, latex_data, tree_latex


def test_an_ellipsis_answer_is_typeset_as_written() -> None:
    tex = tree_latex(parse_side("sigmoid(1000*(x_T - x_{T-1} + ... - x_1))", False))
    assert tex.startswith(r"\sigma\left(1000 \left(x_T - x_{T - 1} + \dots")
    assert tex.endswith(r"- x_1\right)\right)")


def test_a_sum_and_a_fraction_keep_their_structure() -> None:
    tex = tree_latex(parse_side(r"\frac{1}{2}\sum_{k=1}^{T} (-1)^{T-k} x_k", True))
    assert r"\frac{1}{2}" in tex and r"\sum_{k=1}^T" in tex
    assert r"\left(-1\right)^{T - k} x_k" in tex


def test_reader_objects_print_as_math_not_as_function_calls() -> None:
    beta = symbol("beta")
    expr = NORM(sequence_term("x", 3)) + SIGMOID(beta * sequence_term("h", 2)) ** 2
    tex = expr_latex(expr)
    assert r"\left\|x_{3}\right\|" in tex
    assert r"\sigma\left(\beta h_{2}\right)^{2}" in tex
    assert "operatorname" not in tex and r"x{\left(" not in tex


def test_latex_data_keeps_only_the_sides_given() -> None:
    assert latex_data("a", "b") == {"latex": {"found": "a", "expected": "b"}}
    assert latex_data(expected=expr_latex(sp.sqrt(2))) == {"latex": {"expected": r"\sqrt{2}"}}


def test_typeset_answers_render_as_svg() -> None:
    for text in ("‖x_1‖^2 = 2β^2", "y_1 = (e^β x_1 + x_2)/(e^β + 1)", "h_T = Σ_{k=1}^T x_k"):
        left, right = text.split(" = ")
        tex = f"{tree_latex(parse_side(left, False))} = {tree_latex(parse_side(right, False))}"
        assert str(render_math(tex)).startswith("<svg"), tex
