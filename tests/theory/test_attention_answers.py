"""Answers to the self-attention problem (hw2-2024 p2): norms (a) and outputs (b)."""

from __future__ import annotations

import pytest
from theory_helpers import grade

from grader.results import FLAG_REVIEW

NORMS_RIGHT = {
    "latex": r"$$\|x_1\|_2 = \sqrt{2}\beta,\quad \|x_2\|_2 = \beta,\quad \|x_3\|_2 = \sqrt{2}\beta$$",
    "plain": "||x1|| = sqrt(2)*beta, ||x2|| = beta, ||x3|| = sqrt(2)*beta",
    "chain": r"$\|x_1\| = \|x_3\| = \sqrt{2}\beta$ and $\|x_2\| = \beta$",
    "lVert": r"$\lVert x_1 \rVert = \beta\sqrt{2}$, $\lVert x_2 \rVert = \beta$, $\lVert x_3 \rVert = \beta\sqrt 2$",
    "squared labels": r"$\|x_1\|^2 = 2\beta^2$, $\|x_2\|^2 = \beta^2$, $\|x_3\|^2 = 2\beta^2$",
    "unicode": "‖x₁‖ = √2·β, ‖x₂‖ = β, ‖x₃‖ = √2β",
    "left right": (
        r"$$\left\| x_1 \right\| = \sqrt{\beta^2+\beta^2},\ \left\| x_2 \right\| = \beta,"
        r"\ \left\| x_3 \right\| = \sqrt{\beta^2+\beta^2}$$"
    ),
}


@pytest.mark.parametrize("name", NORMS_RIGHT)
def test_right_norms_get_full_marks(name: str) -> None:
    result = grade("hw2-2024", "p2a", NORMS_RIGHT[name])
    assert (result.fraction, result.flags) == (1.0, []), result.evidence


def test_added_norms_is_named_norm_should_be_root_two_beta() -> None:
    """Adding the parts' norms is a wrong norm: no credit for it (a strict TA's reading of
    the crafted corpus, issue 1/5), only the name of the mistake."""
    answer = r"$\|x_1\| = 2\beta$, $\|x_2\| = \beta$, $\|x_3\| = 2\beta$"
    result = grade("hw2-2024", "p2a", answer)
    assert result.fraction == pytest.approx(1 / 3, abs=1e-4)
    assert result.feedback.startswith("Norm should be √2·β for ‖x_1‖ and ‖x_3‖")
    assert result.flags == []


def test_squared_norm_given_as_the_norm_is_named() -> None:
    answer = r"$\|x_1\| = 2\beta^2$, $\|x_2\| = \beta^2$, $\|x_3\| = 2\beta^2$"
    result = grade("hw2-2024", "p2a", answer)
    assert result.fraction == 0.5
    assert all(e.reason == "this is the squared norm" for e in result.evidence)


def test_a_root_lost_in_pdf_text_is_flagged_not_failed() -> None:
    answer = "||x1|| = 2 β\n||x2|| = β\n||x3|| = 2 β"
    result = grade("hw2-2024", "p2a", answer, origin="pdf")
    assert FLAG_REVIEW in result.flags and result.fraction < 1
    assert "lost the glyph" in result.evidence[0].reason


def test_a_wrong_norm_and_a_missing_one() -> None:
    result = grade("hw2-2024", "p2a", r"$\|x_1\| = \beta$ and $\|x_2\| = \beta$")
    assert result.fraction == pytest.approx(1 / 3, abs=1e-4)
    assert [e.reason for e in result.evidence] == [
        "differs from the reference",
        "equal to the reference",
        "no value for ‖x_3‖ was found",
    ]


EXACT = (
    r"$$y_1 = \frac{e^{2\beta^2}x_1 + x_2 + e^{\beta^2}x_3}{e^{2\beta^2}+e^{\beta^2}+1},\quad "
    r"y_2 = \frac{x_1 + e^{\beta^2}x_2 + x_3}{e^{\beta^2}+2},\quad "
    r"y_3 = \frac{e^{\beta^2}x_1 + x_2 + e^{2\beta^2}x_3}{e^{2\beta^2}+e^{\beta^2}+1}$$"
)
OUTPUTS_RIGHT = {
    "equalities": "$$y_1 = x_1$$ $$y_2 = x_2$$ $$y_3 = x_3$$",
    "approx": r"$y_1 \approx x_1$, $y_2 \approx x_2$, $y_3 \approx x_3$",
    "base vectors": r"$y_1 \approx d + b$, $y_2 \approx a$, $y_3 \approx c + b$",
    "general index": r"For every $i$, $y_i \approx x_i$.",
    "plain text": "y1 ≈ x1, y2 ≈ x2 and y3 ≈ x3",
    "exact then limit": EXACT
    + "\n\nAs β grows, $y_1 \\approx x_1, y_2 \\approx x_2, y_3 \\approx x_3$.",
    "values": "Since q = k = v: $y_1 = v_1$, $y_2 = v_2$, $y_3 = v_3$.",
    "first-order terms": (
        r"$y_1 \approx x_1 + e^{-\beta^2}x_3$, $y_2 \approx x_2 + e^{-\beta^2}(x_1 + x_3)$, "
        r"$y_3 \approx x_3 + e^{-\beta^2}x_1$"
    ),
}


@pytest.mark.parametrize("name", OUTPUTS_RIGHT)
def test_right_outputs_get_full_marks(name: str) -> None:
    result = grade("hw2-2024", "p2b", OUTPUTS_RIGHT[name])
    assert (result.fraction, result.flags) == (1.0, []), result.evidence


def test_exact_outputs_without_the_limit_get_partial_credit() -> None:
    result = grade("hw2-2024", "p2b", EXACT)
    assert result.fraction == 0.75
    assert "limit is not taken" in result.evidence[0].reason


def test_softmax_omitted_is_named() -> None:
    answer = r"$y_1 = 2\beta^2 x_1 + \beta^2 x_3$, $y_2 = \beta^2 x_2$, $y_3 = \beta^2 x_1 + 2\beta^2 x_3$"
    result = grade("hw2-2024", "p2b", answer)
    assert result.fraction == 0 and result.feedback.startswith("Softmax omitted")


def test_linear_normalisation_without_exp_is_named() -> None:
    answer = (
        r"$y_1 = \frac{2}{3}x_1 + \frac{1}{3}x_3$, $y_2 = x_2$, $y_3 = \frac13 x_1 + \frac23 x_3$"
    )
    result = grade("hw2-2024", "p2b", answer)
    assert result.fraction == pytest.approx(0.25, abs=1e-4)
    assert result.feedback.startswith("Linear normalisation without exp")
    # y_2 = x_2 is also what normalising without exp gives: by that method it shows nothing
    assert "the same method gives this output right" in result.evidence[1].reason


def test_an_output_every_method_gets_right_counts_when_the_method_is_right() -> None:
    answer = r"$y_1 \approx x_1$, $y_2 = x_2$, $y_3 \approx x_3$"
    result = grade("hw2-2024", "p2b", answer)
    assert (result.fraction, result.flags) == (1.0, []), result.evidence


def test_wrong_outputs_earn_nothing_for_those_outputs() -> None:
    result = grade("hw2-2024", "p2b", "y1 = x1 + x3, y2 = x2, y3 = x1 + x3")
    assert result.fraction == pytest.approx(1 / 3, abs=1e-4)
    assert result.feedback.startswith("y_1 and y_3 should approach x_1 and x_3")


def test_outputs_named_only_in_words_are_flagged() -> None:
    answer = "The outputs y_1, y_2, y_3 are approximately x_1, x_2 and x_3 respectively."
    result = grade("hw2-2024", "p2b", answer)
    assert result.fraction == 0.75 and FLAG_REVIEW in result.flags


def test_a_wrong_output_read_from_pdf_text_is_flagged() -> None:
    result = grade("hw2-2024", "p2b", "y1 = x1 x3\ny2 = x2\ny3 = x3", origin="pdf")
    assert FLAG_REVIEW in result.flags and result.fraction < 1


@pytest.mark.parametrize(
    ("part_id", "answer"),
    [
        ("p2a", r"$\|x_1\| = \sqrt{\beta^2 \star \beta^2}$"),
        ("p2b", r"$y_1 = \langle q_1, k_1 \rangle x_1$"),
    ],
)
def test_unreadable_values_are_flagged_with_the_reason(part_id: str, answer: str) -> None:
    result = grade("hw2-2024", part_id, answer)
    assert FLAG_REVIEW in result.flags and result.fraction == 0
    assert result.evidence[0].reason.startswith("could not read this expression")
