"""Answers to the recurrence problem, right and wrong, in LaTeX, plain text and prose.

The reference is y_T = σ(1000 Σ_k (-1)^k x_k) for even T (hw2-2024 p1). One test per
named mistake; a wrong final answer never earns full credit.
"""

from __future__ import annotations

import pytest
from theory_helpers import grade

from grader.results import FLAG_REVIEW

RIGHT = {
    "latex sum": r"$$y_T = \sigma\left(1000 \sum_{k=1}^{T} (-1)^k x_k\right)$$",
    "paired sum over n": (
        r"$$h_{2n} = \sum_{i=1}^{n}(x_{2i}-x_{2i-1})$$ and so $y_{2n} = \text{sigmoid}(1000 h_{2n})$"
    ),
    "plain text": "y_T = sigmoid(1000*(x_T - x_(T-1) + x_(T-2) - ... + x_2 - x_1))",
    "ascending ellipsis": r"$h_T = -x_1 + x_2 - x_3 + \dots + x_T$, hence $y_T = \sigma(1000 h_T)$.",
    "operatorname and cdot": (
        r"$$y_{T} = \operatorname{sigmoid}\left(1000\cdot\left(x_T - x_{T-1} + \cdots + x_2 - x_1\right)\right)$$"
    ),
    "chain with implies": (
        r"$$h_T = x_T - h_{T-1} \Rightarrow h_T = x_T - x_{T-1} + x_{T-2} - \dots - x_1$$"
        "\n\nThe output is $y_T \\approx \\sigma(1000 h_T)$."
    ),
    "parity sums": (
        r"$$y_T = \sigma\Big(1000\big(\sum_{k \text{ even}} x_k - \sum_{k \text{ odd}} x_k\big)\Big)$$"
    ),
    "unicode plain text": "y_T = σ(1000·(x₂ + x₄ + … + x_T − x₁ − x₃ − … − x_{T−1}))",
    "leftover h_0": r"$$h_T = x_T - x_{T-1} + \dots + x_2 - x_1 + h_0$$ $$y_T = \sigma(1000h_T)$$",
    "index letter only in the inputs": r"Let $T = 2m$: $$y_T = \sigma(1000(x_{2m} - x_{2m-1} + \dots - x_1))$$",
    "mathrm and aligned": (
        r"$$\begin{aligned} y_T &= \mathrm{sigmoid}(1000 h_T) \\ &= \mathrm{sigmoid}"
        r"\left(1000 \left(x_T - x_{T-1} + \dots - x_1\right)\right) \end{aligned}$$"
    ),
}


@pytest.mark.parametrize("name", RIGHT)
def test_right_answers_get_full_marks(name: str) -> None:
    result = grade("hw2-2024", "p1", RIGHT[name])
    assert (result.fraction, result.status, result.flags) == (1.0, "pass", []), result.evidence


MISTAKES = {
    "sign_flipped": (r"$$y_T = \sigma(1000(x_1 - x_2 + x_3 - \dots - x_T))$$", 0.25),
    "no_alternation": (r"$y_T = \sigma(1000 \sum_{t=1}^{T} x_t)$", 0.2),
    "one_step": (r"$y_T = \sigma(1000(x_T - x_{T-1}))$", 0.2),
    "minus_all_earlier": ("y_T = sigmoid(1000 (x_T - (x_1 + x_2 + ... + x_{T-1})))", 0.25),
    "scale_dropped": (r"$y_T = \sigma(x_T - x_{T-1} + \dots + x_2 - x_1)$", 0.75),
    "sigmoid_dropped": (r"$y_T = 1000(x_T - x_{T-1} + \dots + x_2 - x_1)$", 0.6),
    "hidden_only": (r"$$h_T = \sum_{k=1}^T (-1)^k x_k$$", 0.75),
    "wrong": (r"$y_T = \sigma(1000 x_T)$", 0.0),
}


@pytest.mark.parametrize("mistake", MISTAKES)
def test_named_mistakes_get_their_partial_credit(mistake: str) -> None:
    answer, credit = MISTAKES[mistake]
    result = grade("hw2-2024", "p1", answer)
    assert result.fraction == credit < 1
    # a wrong final answer stays low and a TA confirms it; a slip in a right form does not
    wrong_final = mistake in (
        "sign_flipped",
        "no_alternation",
        "one_step",
        "minus_all_earlier",
        "wrong",
    )
    assert result.flags == (["needs_review"] if wrong_final else [])
    assert result.evidence[0].reason.startswith(
        {"wrong": "differs", "hidden_only": "h_T equals"}.get(mistake, "")
    )


def test_sign_flipped_is_named_in_the_feedback() -> None:
    result = grade("hw2-2024", "p1", MISTAKES["sign_flipped"][0])
    assert result.feedback.startswith("Sign flipped")
    assert "odd-step minus even-step" in result.evidence[0].reason


def test_a_form_right_only_for_one_length_is_wrong() -> None:
    result = grade("hw2-2024", "p1", "$h_T = x_4 - x_3 + x_2 - x_1$ and $y_T = \\sigma(1000h_T)$")
    assert result.fraction == 0 and "right for T = 4 only" in result.evidence[0].reason


def test_a_stated_nonzero_h0_is_used() -> None:
    answer = r"$h_0 = 1$. $$y_T = \sigma(1000(x_T - x_{T-1} + \dots - x_1 + h_0))$$"
    result = grade("hw2-2024", "p1", answer)
    assert result.fraction < 1 and "h_0 = 1 as stated" in result.evidence[0].reason


def test_only_the_first_steps_unrolled_is_flagged() -> None:
    answer = "$h_1 = x_1$, $h_2 = x_2 - x_1$, $h_3 = x_3 - x_2 + x_1$, and so on."
    result = grade("hw2-2024", "p1", answer)
    assert result.fraction == 0.25 and FLAG_REVIEW in result.flags
    assert [e.found for e in result.evidence][:2] == ["h_1 = x_1", "h_2 = -x_1 + x_2"]


def test_prose_meaning_counts_and_is_flagged_for_review() -> None:
    answer = (
        "The output is close to 1 when the sum of the inputs at even time steps is greater "
        "than the sum of the inputs at odd time steps, and close to 0 otherwise."
    )
    result = grade("hw2-2024", "p1", answer)
    assert result.fraction == 1.0 and FLAG_REVIEW in result.flags


def test_reversed_prose_is_a_named_mistake() -> None:
    answer = "It is the sigmoid of 1000 times the odd-step inputs minus the even-step inputs."
    result = grade("hw2-2024", "p1", answer)
    assert result.fraction == 0.4 and FLAG_REVIEW in result.flags
    assert result.feedback.startswith("Reversed")


def test_python_slices_of_the_inputs_are_read_as_even_and_odd_steps() -> None:
    """x = [x_1, …, x_T] as a 0-based list: x[1::2] are the even steps, x[0::2] the odd."""
    right = grade("hw2-2024", "p1", "`y_T = sigmoid(1000 * (sum(x[1::2]) - sum(x[0::2])))`")
    assert right.fraction == 1.0 and FLAG_REVIEW in right.flags
    reversed_ = grade("hw2-2024", "p1", "y_T = sigmoid(1000*(sum(x[::2]) - sum(x[1::2])))")
    assert reversed_.fraction == 0.4 and reversed_.feedback.startswith("Reversed")


def test_an_unreadable_final_answer_is_flagged_not_failed() -> None:
    result = grade("hw2-2024", "p1", r"$$y_T = \sigma(1000 (x_T \star x_{T-1}))$$")
    assert result.status == "not_graded" and FLAG_REVIEW in result.flags
    assert "could not read this expression" in result.evidence[0].reason


def test_no_answer_is_missing() -> None:
    result = grade("hw2-2024", "p1", "I ran out of time for this one.")
    assert result.fraction == 0 and result.evidence[0].found == "(not found)"


def test_a_wrong_answer_read_from_pdf_text_is_flagged() -> None:
    result = grade("hw2-2024", "p1", "y_T = sigmoid(1000 x_T x_(T-1))", origin="pdf")
    assert result.fraction == 0 and FLAG_REVIEW in result.flags


def test_cases_of_an_unread_closed_form_are_not_taken_as_the_answer() -> None:
    """The closed form is in a notation the reader does not know (sums over named sets);
    "y_T ≈ 1 if …, ≈ 0 if …" after it are its cases, not the answer: the words ("the even
    inputs outweigh the odd ones") suggest the score, and a TA confirms it."""
    answer = (
        r"Let $\mathcal{E} = \{2,4,\dots,T\}$. "
        r"$$y_T = \sigma\Big(1000\Big(\sum_{t\in\mathcal{E}} x_t - \sum_{t\in\mathcal{O}} x_t"
        r"\Big)\Big)$$ The unit says whether the even inputs outweigh the odd ones: "
        r"$y_T \approx 1$ if yes, $\approx 0$ if the odd ones are larger."
    )
    result = grade("hw2-2024", "p1", answer)
    assert (result.fraction, result.flags) == (1.0, ["needs_review"])
    assert result.evidence[0].reason == "stated in words"
    assert "y_T = 0" not in result.evidence[0].found
