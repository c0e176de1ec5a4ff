"""The reference derivations: targets derived with SymPy and checked, steps as LaTeX pairs."""

from __future__ import annotations

import pytest
import sympy as sp
import yaml

from grader.paths import RUBRICS_DIR
from reference.derivations import DERIVATIONS, Step, attention, derive, linear_attention, recurrence

X = sp.Function("x")


def setup_of(problem: str) -> dict:
    data = yaml.safe_load((RUBRICS_DIR / "problems" / f"{problem}.yaml").read_text())
    return data.get("setup", {})


@pytest.mark.parametrize("problem", sorted(DERIVATIONS))
def test_every_derivation_gives_latex_steps_and_an_answer(problem: str) -> None:
    worked = derive(problem, setup_of(problem))
    assert len(worked.steps) >= 4 and worked.answer
    for step in worked.steps:
        assert isinstance(step, Step) and isinstance(step, tuple) and len(step) == 2
        explanation, latex = step
        assert explanation.strip() and latex.strip()
        assert latex.count("{") == latex.count("}"), latex


def test_unknown_problems_are_named() -> None:
    with pytest.raises(KeyError, match="no reference derivation for problem 'nope'"):
        derive("nope", {})


def test_recurrence_closed_form_matches_unrolling() -> None:
    worked = recurrence.from_setup(setup_of("recurrence"))
    assert worked.verified_lengths == tuple(range(1, 11))
    for length in (2, 4, 6, 8):
        evens = sum(X(k) for k in range(2, length + 1, 2))
        odds = sum(X(k) for k in range(1, length, 2))
        assert sp.expand(worked.hidden(length) - (evens - odds)) == 0
    assert "(-1\\right)^{k}" in worked.answer and "1000" in worked.answer


def test_recurrence_mistakes_are_derived_not_listed() -> None:
    worked = recurrence.from_setup(setup_of("recurrence"))
    wrong = worked.mistakes(4)
    assert sp.expand(wrong["sign_flipped"] + worked.hidden(4)) == 0
    assert wrong["no_alternation"] == X(1) + X(2) + X(3) + X(4)
    assert wrong["one_step"] == X(4) - X(3)
    assert wrong["minus_all_earlier"] == X(4) - X(3) - X(2) - X(1)


def test_another_network_gives_another_closed_form() -> None:
    worked = recurrence.derive(1, 2, 10, 0)  # h_t = x_t + 2 h_{t-1}
    assert sp.expand(worked.hidden(3) - (X(3) + 2 * X(2) + 4 * X(1))) == 0


def test_self_attention_targets() -> None:
    worked = attention.from_setup(setup_of("self-attention"))
    b = worked.beta
    assert worked.norms == (sp.sqrt(2) * b, b, sp.sqrt(2) * b)
    assert worked.scores == sp.Matrix([[2 * b**2, 0, b**2], [0, b**2, 0], [b**2, 0, 2 * b**2]])
    assert worked.limit == sp.eye(3)
    assert worked.output_mistakes["softmax_omitted"] == worked.scores
    row_sums = [sp.simplify(sum(worked.weights.row(i))) for i in range(3)]
    assert row_sums == [1, 1, 1]
    assert (
        worked.answer == r"y_{1} \approx x_{1},\quad y_{2} \approx x_{2},\quad y_{3} \approx x_{3}"
    )


def test_linear_attention_identity_and_costs() -> None:
    assert linear_attention.verify_reassociation(3, 2)
    worked = linear_attention.from_setup(setup_of("linear-attention"))
    T, d = worked.length, worked.dim
    assert sp.degree(worked.quadratic_cost, T) == 2 and sp.degree(worked.linear_cost, T) == 1
    assert linear_attention.dominant_terms(worked.quadratic_cost, T, d) == T**2 * d
    assert linear_attention.dominant_terms(worked.linear_cost, T, d) == T * d**2


def test_the_2022_variant_names_two_ways_with_linear_costs() -> None:
    worked = derive("linear-attention-2022", {})
    assert set(worked.method_costs) == {"standard", "kernel", "linformer", "local"}
    text = " ".join(s.explanation for s in worked.steps)
    for word in ("Linformer", "sliding windows", "clustering", "Pro:", "Con:"):
        assert word in text
