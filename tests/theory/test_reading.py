"""Reading math from answers: LaTeX gaps closed in preprocessing, plain text, and safety."""

from __future__ import annotations

import pytest
import sympy as sp

from grader.document import Block
from grader.theory.answers import read_math
from grader.theory.errors import ReadError
from grader.theory.nodes import render
from grader.theory.realize import SIGMOID, sequence_term, symbol
from grader.theory.statements import find_statements, parse_side

beta = symbol("beta")
x = [None, *(sequence_term("x", k) for k in range(1, 6))]


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\text{sigmoid}(1000 h_t)", SIGMOID(1000 * sequence_term("h", symbol("t")))),
        (r"\operatorname{sigmoid}\left(x_1\right)", SIGMOID(x[1])),
        (r"\mathrm{sigmoid}(x_1)", SIGMOID(x[1])),
        (r"\sigma(x_2 - x_1)", SIGMOID(x[2] - x[1])),
        (r"\|x_1\|_2", sp.Function("norm")(x[1])),
        (r"\lVert x_1 \rVert", sp.Function("norm")(x[1])),
        (r"\left\| x_1 \right\|", sp.Function("norm")(x[1])),
        (r"2\beta^2 \cdot x_1 + \beta^2 \times x_3", 2 * beta**2 * x[1] + beta**2 * x[3]),
        (r"\frac{e^{2\beta^2}}{e^{\beta^2} + 1}", sp.exp(2 * beta**2) / (sp.exp(beta**2) + 1)),
        (r"\sqrt[3]{8}", sp.Integer(2)),
        (r"\beta\sqrt{2}", sp.sqrt(2) * beta),
        (r"\dfrac{1}{2}\,x_{1}", x[1] / 2),
    ],
)
def test_latex_gaps_are_closed_by_preprocessing(latex: str, expected: sp.Expr) -> None:
    assert read_math(latex) == expected


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("x_(t-1)", sequence_term("x", symbol("t") - 1)),
        ("sqrt(2)*beta", sp.sqrt(2) * beta),
        ("||x1||", sp.Function("norm")(x[1])),
        ("2β²x1 + β²x3", 2 * beta**2 * x[1] + beta**2 * x[3]),
        ("√2 β", sp.sqrt(2) * beta),
        ("σ(1000(x₂ − x₁))", SIGMOID(1000 * (x[2] - x[1]))),
        ("beta**2", beta**2),
    ],
)
def test_plain_text_math_is_read(plain: str, expected: sp.Expr) -> None:
    assert read_math(plain, latex=False) == expected


def test_names_that_collide_with_sympy_are_plain_symbols() -> None:
    value = read_math("Q N + lambda + beta + E + I + S", latex=False)
    names = {s.name for s in value.free_symbols}
    assert names == {"Q", "N", "lambda", "beta", "E", "I", "S"}


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('true')",
        "x.__class__",
        "exec(x)",
        "lambda: 1",
        "open('f')",
        r"\input{/etc/passwd}",
    ],
)
def test_code_is_never_evaluated(text: str) -> None:
    with pytest.raises(ReadError, match="could not read this expression"):
        read_math(text, latex=not text.isascii() or text.startswith("\\"))


def _sides(text: str) -> list[tuple[str, ...]]:
    block = Block("prose", text, "answer", "md")
    return [
        tuple(render(parse_side(side, st.latex)) for side in st.sides)
        for st in find_statements([block])
    ]


def test_chains_of_equals_and_implies_keep_every_side() -> None:
    text = r"$$\|x_1\| = \sqrt{\beta^2 + \beta^2} \Rightarrow \|x_1\| = \beta\sqrt{2}$$"
    assert _sides(text) == [("‖x_1‖", "√(β^2 + β^2)", "‖x_1‖", "β·√2")]


def test_approx_is_a_relation() -> None:
    assert _sides(r"$y_1 \approx x_1$ and y2 ≈ x2") == [("y_1", "x_1"), ("y_2", "x_2")]


def test_aligned_rows_continue_and_broken_rows_join() -> None:
    text = (
        r"$$\begin{aligned} h_2 &= x_2 - h_1 \\ &= x_2 - x_1, \\"
        r" y &= \text{sigmoid}\left(1000\left(x_2 \right. \right. \\"
        r" &\quad \left. \left. - x_1\right)\right) \end{aligned}$$"
    )
    assert _sides(text) == [
        ("h_2", "x_2 - h_1", "x_2 - x_1"),
        ("y", "sigmoid(1000·(x_2 - x_1))"),
    ]


def test_a_display_starting_with_equals_continues_the_one_before() -> None:
    text = "$$h_4 = x_4 - h_3$$\nso, unrolling,\n$$= x_4 - x_3 + x_2 - x_1$$"
    assert _sides(text) == [("h_4", "x_4 - h_3", "x_4 - x_3 + x_2 - x_1")]


def test_plain_text_equations_are_cut_out_of_sentences() -> None:
    text = "So the norm ||x1|| = sqrt(2) beta, and y1 = x1 in the limit."
    assert _sides(text) == [("‖x_1‖", "√2·β"), ("y_1", "x_1")]


def test_part_markers_start_no_equation() -> None:
    """ "a) ‖x1‖ = …" and "(b) y_1 = …": the marker is neither a label nor an open bracket
    that swallows the rest of the line."""
    text = "a) ||x1|| = sqrt(2) beta, ||x2|| = beta\n(b) y_1 ≈ x_1 and f(x) = 2"
    assert _sides(text) == [("‖x_1‖", "√2·β"), ("‖x_2‖", "β"), ("y_1", "x_1"), ("f·x", "2")]


def test_a_pdf_equation_broken_over_lines_and_list_markers_is_read_whole() -> None:
    """A PDF's reader gives each line as a block; a line ending in an operator or an arrow
    goes on in the next, past bullets laid out on lines of their own, and a line that
    starts inside the equation ("x₃) / …") does not hide the equations after it."""
    lines = [
        "weights → (1, 0, 0). y₂ = (x₁ + e^{β²}·x₂ +",
        "•",
        "•",
        "x₃) / (2 + e^{β²}) → x₂. So as β → ∞: y₁ → x₁ = d + b, y₃ →",
        "x₃ = c + b.",
    ]
    blocks = [Block("prose", line, "hw.pdf", "pdf") for line in lines]
    sides = [
        tuple(render(parse_side(s, st.latex)) for s in st.sides) for st in find_statements(blocks)
    ]
    assert ("y_1", "x_1", "d + b") in sides and ("y_3", "x_3", "c + b") in sides
    assert ("y_2", "(x_1 + exp(β^2)·x_2 + x_3)/(2 + exp(β^2))", "x_2") in sides


def test_a_function_named_like_a_word_is_a_call_when_its_bracket_follows() -> None:
    """ "norm(x1) = …" in a code span labels the norm; "the norm ‖x1‖" drops the word."""
    text = "`norm(x1) = sqrt(2)*beta`, and the norm ||x2|| = beta."
    assert _sides(text) == [("norm(x_1)", "√2·β"), ("‖x_2‖", "β")]


def test_dot_products_of_base_vectors_are_read() -> None:
    """ "d.b" and "a.a" are dot products of the base vectors; "i.e." is no product."""
    text = "||x2|| = sqrt(a.a) = beta, and d.b = 0, i.e. orthogonal."
    assert _sides(text) == [("‖x_2‖", "√(a·a)", "β"), ("d·b", "0")]


def test_unicode_letter_subscripts_are_read() -> None:
    assert _sides("yᵢ = xⱼ + hₜ") == [("y_i", "x_j + h_t")]


def test_commas_separate_equations_in_one_display() -> None:
    assert _sides(r"$y_1 = x_1, y_2 = x_2,$") == [("y_1", "x_1"), ("y_2", "x_2")]


def test_inequalities_end_a_statement() -> None:
    assert _sides(r"$0 < y_T = \sigma(h_T) < 1$") == [("0",), ("y_T", "sigmoid(h_T)"), ("1",)]


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (r"\text{Self-attention}(x_1)", "is text, not math"),
        (r"\begin{bmatrix} 1 & 0 \end{bmatrix}", "matrix"),
        (r"\langle q_i, k_j \rangle", "inner product"),
        (r"\star x", r"\\star is not understood"),
        (r"x_1 +", "ends too early"),
        (r"10^{10^{10}}", "too large"),
    ],
)
def test_what_is_not_math_is_refused_with_a_reason(latex: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        read_math(latex)
