"""Ellipses and sums expanded at concrete lengths, by the pattern the written terms imply."""

from __future__ import annotations

import pytest
import sympy as sp

from grader.theory.errors import ReadError, SeriesOverlap
from grader.theory.realize import realize, sequence_term
from grader.theory.statements import parse_side


def alternating(length: int) -> sp.Expr:
    """Σ_k (-1)^k x_k, written out independently of the reader."""
    return sp.Add(*((-1) ** k * sequence_term("x", k) for k in range(1, length + 1)))


def expand(text: str, latex: bool, **env: int) -> sp.Expr:
    return realize(parse_side(text, latex), {k: sp.Integer(v) for k, v in env.items()})


@pytest.mark.parametrize(
    ("text", "latex", "env"),
    [
        (r"x_{2n} - x_{2n-1} + \cdots + x_2 - x_1", True, {"n": 5}),
        (r"x_{2n} - x_{2n-1} + x_{2n-2} - \dots + x_4 - x_3 + x_2 - x_1 + h_0", True, {"n": 5}),
        (r"-x_1 + x_2 - \dots + x_T", True, {"T": 10}),
        (r"-(x_1 - x_2 + \dots - x_T)", True, {"T": 10}),
        (r"(x_t + x_{t-2} + \dots + x_2) - (x_{t-1} + x_{t-3} + \dots + x_1)", True, {"t": 10}),
        (r"\sum_{k=1}^{T}(-1)^k x_k", True, {"T": 10}),
        (r"\sum_{i=1}^{n}(x_{2i}-x_{2i-1})", True, {"n": 5}),
        (r"\sum_{k \text{ even}} x_k - \sum_{k \text{ odd}} x_k", True, {"length": 10}),
        ("x_2 + x_4 + ... + x_T - x_1 - x_3 - ... - x_(T-1)", False, {"T": 10}),
        ("x_T - x_(T-1) + ... + x_2 - x_1", False, {"T": 10}),
    ],
)
def test_written_forms_expand_to_the_alternating_sum(text: str, latex: bool, env: dict) -> None:
    value = expand(text, latex, **env).xreplace({sequence_term("h", 0): 0})
    assert sp.expand(value - alternating(10)) == 0


def test_the_same_form_holds_at_every_even_length() -> None:
    for n in range(4, 9):
        value = expand(r"x_{2n} - x_{2n-1} + \cdots + x_2 - x_1", True, n=n)
        assert sp.expand(value - alternating(2 * n)) == 0


def test_short_lengths_where_written_terms_overlap_are_reported() -> None:
    with pytest.raises(SeriesOverlap):
        expand(r"x_{2n} - x_{2n-1} + x_{2n-2} - \dots + x_4 - x_3 + x_2 - x_1", True, n=2)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (r"x_1 + \dots - x_T", "signs"),
        (r"x_1 - x_2 + \dots + x_T", "do not continue"),
        (r"x_1 + \dots + y_T", "cannot tell"),
        (r"x_T - \dots", "cannot tell"),
    ],
)
def test_ambiguous_ellipses_are_not_guessed(text: str, reason: str) -> None:
    with pytest.raises(ReadError, match=reason):
        expand(text, True, T=10)


def test_an_ellipsis_needs_a_length() -> None:
    with pytest.raises(ReadError, match="known length"):
        expand(r"x_1 - x_2 + \dots - x_T", True)
