"""Prose answers scored with the concept rubrics kept in the problem YAML."""

from __future__ import annotations

import pytest
from theory_helpers import grade

from grader.results import FLAG_REVIEW


def test_two_cnn_benefits_get_full_marks() -> None:
    answer = (
        "a) CNNs share weights across the whole image, so they need far fewer parameters. "
        "They also exploit the local spatial structure of images."
    )
    result = grade("hw3-2023", "p1a", answer)
    assert (result.fraction, result.flags) == (1.0, [])


def test_benefits_named_without_explanation_get_half_credit_and_a_review() -> None:
    result = grade("hw3-2023", "p1a", "a) CNN: shared weights; translation invariance.")
    assert result.fraction == 0.5 and FLAG_REVIEW in result.flags
    assert "named, not explained" in result.evidence[0].found


WAY_ONE = (
    "Way 1: linear attention. Replace exp(q.k) by phi(q)^T phi(k), so the sum over keys of "
    "phi(k) v^T is computed once and shared by every query, which is O(T). "
    "Pros: linear time and memory. Cons: it only approximates softmax attention."
)


def test_a_second_way_only_named_earns_half_its_points_and_a_review() -> None:
    result = grade("hw3-2022", "p3", WAY_ONE + "\n\nWay 2: another way is sparse attention.")
    assert result.fraction == pytest.approx(2.5 / 3, abs=1e-3) and FLAG_REVIEW in result.flags
    assert "named, not explained: low-rank" in result.evidence[0].found


def test_a_second_way_explained_in_the_next_sentence_earns_its_points() -> None:
    second = "Way 2: sparse attention. Each token attends only to a window of w neighbours, so T*w scores."
    result = grade("hw3-2022", "p3", WAY_ONE + "\n\n" + second)
    assert (result.fraction, result.flags) == (1.0, [])


def test_order_mattering_in_images_is_a_misconception_in_other_words() -> None:
    answer = (
        "b) RNNs are the better fit whenever the order of the input matters: the pixels of an "
        "image come in an order and an RNN exploits that order. RNNs also take inputs of any size."
    )
    result = grade("hw3-2023", "p1b", answer)
    assert result.fraction < 1 and FLAG_REVIEW in result.flags
    assert "misconception" in result.evidence[0].found


def test_one_cnn_benefit_gets_a_suggested_half_and_a_review() -> None:
    result = grade("hw3-2023", "p1a", "a) CNNs can be trained in parallel on GPUs.")
    assert result.fraction == 0.5 and FLAG_REVIEW in result.flags
    assert "Not found in your answer" in result.feedback


def test_a_negated_concept_does_not_count_and_is_flagged() -> None:
    result = grade(
        "hw3-2023", "p1a", "a) Unlike RNNs, CNNs do not share parameters; they are local."
    )
    assert result.fraction == 0.5 and FLAG_REVIEW in result.flags
    assert "negated: weight sharing" in result.evidence[0].found


def test_two_rnn_benefits_get_full_marks() -> None:
    answer = "b) RNNs handle variable-length inputs and keep a memory of long-range context."
    assert grade("hw3-2023", "p1b", answer).fraction == 1.0


def test_copying_explained_gets_full_marks() -> None:
    answer = (
        "c) Because β is very large, the softmax weights become one-hot: each query's dot "
        "product with its own key dominates, so the output copies that token's value."
    )
    result = grade("hw2-2024", "p2c", answer)
    assert (result.fraction, result.flags) == (1.0, [])


LINEAR_RIGHT = {
    "words": (
        "Without the exponential we can use associativity: compute K^T V once, since it is "
        "independent of i, and reuse it for every query. The cost is O(T d^2), linear in T."
    ),
    "latex": (
        r"By associativity $(QK^\top)V = Q(K^\top V)$. The matrix $K^\top V$ is computed once "
        r"and for all, and the normaliser $Q(K^\top \mathbf{1})$ likewise, so the cost is "
        r"$O(Td^2)$."
    ),
    "formula": (
        r"$$y_i = \frac{q_i^\top \sum_j k_j v_j^\top}{q_i^\top \sum_j k_j}$$ where the sums "
        r"are precomputed, so the total is $\mathcal{O}(T d^2)$."
    ),
}


@pytest.mark.parametrize("name", LINEAR_RIGHT)
def test_linear_attention_arguments_get_full_marks(name: str) -> None:
    result = grade("hw2-2024", "p3", LINEAR_RIGHT[name])
    assert (result.fraction, result.flags) == (1.0, []), result.evidence


def test_exponentials_being_expensive_is_a_misconception() -> None:
    answer = (
        "Linear attention is O(T) because exponentials are expensive, and by associativity "
        "we compute K^T V once."
    )
    result = grade("hw2-2024", "p3", answer)
    assert result.fraction == 0.5 and FLAG_REVIEW in result.flags
    assert "exponentials being expensive" in result.feedback


def test_a_quadratic_claim_does_not_show_the_cost() -> None:
    answer = "By associativity we compute K^T V once and reuse it, which is still O(T^2 d)."
    result = grade("hw2-2024", "p3", answer)
    assert result.fraction == pytest.approx(2 / 3, abs=1e-4)
    assert result.evidence[1].reason == "no claim linear in T"
    assert result.evidence[1].data["latex"] == {
        "found": r"O\left(T^2 d\right)",
        "expected": r"O\left(T d^{2}\right)",
    }


def test_two_ways_to_linear_time_with_pros_and_cons() -> None:
    answer = (
        "1) Kernel attention: replace the exponential by a feature map φ and reassociate; "
        "pro: linear time, con: it only approximates softmax. "
        "2) Linformer projects the keys and values to k rows (low rank); pro: faster and "
        "less memory; con: a fixed sequence length."
    )
    result = grade("hw3-2022", "p3", answer)
    assert (result.fraction, result.flags) == (1.0, [])


def test_one_way_only_is_partial() -> None:
    answer = "Use sliding-window attention so each token attends to its neighbours: faster."
    result = grade("hw3-2022", "p3", answer)
    assert result.fraction == 0.5 and FLAG_REVIEW in result.flags


def test_an_empty_answer_is_missing() -> None:
    result = grade("hw3-2022", "p3", "   ")
    assert (result.fraction, result.status) == (0.0, "missing")


# (part, answer, the misconception's label in the feedback): wrong mechanisms that
# blind-written paraphrases got full credit for, with no flag; a part of another assignment
# is written "assignment/part"
MISCONCEIVED = {
    "largest norm wins": (
        "p2c",
        "For large beta the softmax is an argmax, so every output copies the token with the "
        "largest norm (x1 or x3), because it has the biggest dot product with every query.",
        "largest-norm token does not win every row",
    ),
    "longest vector wins": (
        "p2c",
        "A large beta makes the attention weights one-hot; the longest vector wins every row, "
        "so all outputs are a copy of it and x2 disappears.",
        "largest-norm token does not win every row",
    ),
    "larger norm larger share": (
        "p2c",
        "Attention is a weighted average of the values in which tokens with a larger norm get a "
        "larger share, so x1 and x3 take over the outputs.",
        "largest-norm token does not win every row",
    ),
    "softmax reordered too": (
        "p3",
        "Because K^T V does not depend on the query we form it once, so the cost is O(T). "
        "Ordinary attention gets the same speed-up if we exponentiate K^T V entrywise first.",
        "softmax attention cannot be reordered so",
    ),
    "small beta copies": (
        "p2c",
        "Attention only copies if beta is small: then the other tokens' scores are near zero and "
        "y_i stays x_i, while a large beta blows the softmax up and mixes the tokens.",
        "copying needs a large β",
    ),
    "shared b averages": (
        "p2c",
        "Large beta makes the softmax one-hot. x2 is copied, but x1 and x3 both contain b, so "
        "each attends equally to the two and y1 = y3 = (x1 + x3)/2.",
        "their scores do not tie",
    ),
    "normaliser stays quadratic": (
        "p3",
        "Write the numerator as q_i^T (sum_j k_j v_j^T) and compute the sum once, O(T d^2). The "
        "normaliser sum_j q_i^T k_j still needs all T^2 products, but they are scalars.",
        "the normaliser factors too",
    ),
    "x1 and x3 swap": (
        "p2c",
        "x1 and x3 share b, so with a huge beta each one's softmax locks onto the other: y1 is "
        "approximately x3 and y3 approximately x1. Attention copies a matching token's value.",
        "x_1 and x_3 do not swap",
    ),
    "softmax via exp(Q), exp(K)": (
        "p3",
        "Regroup as Q(K^T V), with K^T V and sum_j k_j built once: O(T d^2). Softmax attention "
        "can be made linear the same way by using exp(Q) (exp(K)^T V) instead.",
        "softmax attention cannot be reordered so",
    ),
    "exp dropped for stability only": (
        "p3",
        "Pull q_i out: q_i^T (K^T V) over q_i^T sum_j k_j, both built once, O(T d^2). The same "
        "regrouping works for standard softmax attention; the exp is dropped only to avoid "
        "overflow.",
        "softmax attention cannot be reordered so",
    ),
    "value sum splits": (
        "p3",
        "No exp, so sum_j (q_i . k_j) v_j = (q_i . sum_j k_j)(sum_j v_j): add up all keys and "
        "all values once, O(T d), then each output is one dot product, O(T d) in total.",
        "the numerator does not split",
    ),
    "value sum as a factor": (
        "p3",
        "Linear weights let us distribute: the numerator is the number q_i^T (sum_j k_j) "
        "multiplied by the vector sum_j v_j, and the denominator reuses sum_j k_j: O(T d).",
        "the numerator does not split",
    ),
    "equal weights for a large beta": (
        "p2c",
        "With beta that large every score is huge, the softmax gives equal weights to the three "
        "tokens, and each y_i becomes the average of the tokens, which is what gets copied.",
        "not uniform",
    ),
    "x1 and x3 orthogonal": (
        "p2c",
        "The tokens are mutually orthogonal, so x1 . x3 = 0 and only the diagonal scores are "
        "non-zero; a large beta then makes the softmax one-hot and y_i = x_i.",
        "x_1 · x_3 = β², not 0",
    ),
    "scores linear in beta": (
        "p2c",
        "Each score is a dot product, so it is proportional to beta; the self score is the largest "
        "of its row and as beta grows the softmax becomes one-hot, giving y_i = x_i.",
        "they grow like β²",
    ),
    "beta does not matter": (
        "p2c",
        "The scores are cosine similarities, so a token scores 1 with itself and less with the "
        "others; the softmax peaks on itself and y_i = x_i for any beta.",
        "β matters",
    ),
    "commuting the product": (
        "p3",
        "Matrix multiplication commutes, so (Q K^T) V = Q (K^T V): K^T V is d x d, built once in "
        "O(T d^2), with sum_j k_j for the denominator, so the total is linear in T.",
        "matrix products do not commute",
    ),
    "denominator ignored": (
        "p3",
        "Regroup the numerator as q_i^T (K^T V) with K^T V built once in O(T d^2); the "
        "denominator can be ignored, it only rescales. O(T) overall.",
        "the denominator q_iᵀ Σ_j k_j depends on i",
    ),
    "causal mask quadratic": (
        "p3",
        "q_i^T (K^T V) over q_i^T sum_j k_j, both sums computed once: O(T d^2). With a causal "
        "mask, though, every i needs its own sums and the cost is back to O(T^2).",
        "a causal mask keeps linear attention O(T)",
    ),
    "rotation invariance": (
        "hw3-2023/p1a",
        "Weight sharing: one kernel is slid over every position, so there are few parameters. "
        "Invariance: a CNN is invariant to rotation and scale, so a turned or zoomed digit is "
        "recognised without augmentation.",
        "equivariant to translation only",
    ),
    "pixels shuffled": (
        "hw3-2023/p1a",
        "Parallelism: all positions are convolved at once on a GPU instead of one by one. "
        "Robustness: shuffling the pixels leaves the prediction unchanged, since convolution "
        "treats all positions alike.",
        "shuffling pixels changes the output",
    ),
    "RNN steps in parallel": (
        "hw3-2023/p1b",
        "RNNs take sequences of any length, because one cell is applied per step. They are also "
        "fast: the time steps share weights, so they can all be computed in parallel.",
        "RNNs are sequential, not parallel",
    ),
    "RNN parameters grow": (
        "hw3-2023/p1b",
        "The hidden state carries long-range context across the whole image. And every time step "
        "adds its own weights, so longer inputs get a bigger, more expressive model.",
        "does not grow with the input length",
    ),
    "the residual copies": (
        "p2c",
        "Attention only blends the tokens into an average; the skip connection adds x_i back "
        "and for a huge beta that term dominates, so the copying comes from the residual.",
        "there is no residual connection here",
    ),
}


def _assignment_and_part(part: str) -> tuple[str, str]:
    """("hw2-2024", part) for a bare part id, else the two halves of "assignment/part"."""
    assignment, _, part_id = part.rpartition("/")
    return assignment or "hw2-2024", part_id


@pytest.mark.parametrize("name", MISCONCEIVED)
def test_a_wrong_mechanism_loses_credit_and_is_flagged(name: str) -> None:
    """Each token matches itself best (x_i . x_i tops its row), and exp(q.k) does not factor:
    an answer built on the opposite does not get full credit, and is flagged."""
    part, answer, label = MISCONCEIVED[name]
    result = grade(*_assignment_and_part(part), answer)
    assert result.fraction < 1.0 and FLAG_REVIEW in result.flags
    assert label in result.feedback


# right answers that use the words of a misconception: (part, answer, labels it must not get)
NEAR_MISCONCEPTIONS = {
    "large norms, own key": (
        "p2c",
        "As beta grows the norms are large, so the softmax becomes one-hot: each query puts all "
        "its weight on its own key, the output is a weighted sum of the values and copies x_i.",
        None,  # full credit, no flag
    ),
    "small beta is a mix": (
        "p2c",
        "For a small beta the weights stay nearly uniform, a mix. Large beta makes the softmax "
        "one-hot: x1 and x3 share b, yet x1.x1 = 2beta^2 is above x1.x3, so the scores do not "
        "tie; each output is a weighted sum that copies its own token.",
        ["copying needs a large β", "their scores do not tie"],
    ),
    "own token, no swap": (
        "p2c",
        "Large beta makes the softmax one-hot on the highest score, which is each token's own "
        "(x1.x1 = 2beta^2 beats x1.x3 = beta^2): y1 = x1, y3 = x3, they do not swap, and the "
        "unnormalised y_1 = 2 beta^2 x_1 + beta^2 x_3 shows the same ranking. y_3 is the "
        "mirror image of y_1 -> x_3.",
        ["do not swap"],
    ),
    "exp dropped, K^T V once": (
        "p3",
        "Softmax attention is quadratic since exp(q.k) cannot be split. Linear attention drops "
        "the exp, and then (QK^T)V = Q(K^T V): K^T V = sum_j k_j v_j^T does not depend on i, "
        "so it is computed once, with sum_j k_j for the normaliser, in O(T d^2): O(T) overall.",
        ["cannot be reordered so", "the normaliser factors too", "the numerator does not split"],
    ),
    "exp is elementwise, so no": (
        "p3",
        "Q(K^T V) costs O(T d^2) with K^T V and sum_j k_j built once. Softmax attention cannot "
        "be computed this way: exp is applied elementwise to the scores, so q_i cannot be "
        "pulled out of the sum; that, not numerical stability, is why the exp is dropped.",
        ["cannot be reordered so"],
    ),
    "shared sum of v_j k_j": (
        "p3",
        "Without exp, sum_j (q_i . k_j) v_j = q_i^T (sum_j v_j k_j^T)^T and the normaliser is "
        "(sum_j k_j): both are computed once. Softmax attention cannot use the same trick, "
        "since exp(q.k) does not factor into exp(q) times exp(k).",
        ["cannot be reordered so", "the numerator does not split"],
    ),
    "small beta is uniform": (
        "p2c",
        "For a small beta the softmax gives nearly equal weights and y_i is a blend; as beta "
        "grows the weighted average of the values picks out x_i itself, its largest score.",
        ["not uniform"],
    ),
    "x1 and x2 orthogonal": (
        "p2c",
        "x1 and x2 are orthogonal, x1 . x2 = 0, but x1 . x3 = beta^2 and x1 . x1 = 2 beta^2 is "
        "the largest of the row, so a large beta makes the softmax one-hot and y_i = x_i.",
        ["x_1 · x_3 = β², not 0"],
    ),
    "not commutative": (
        "p3",
        "Matrix products are not commutative but they are associative: (Q K^T) V = Q (K^T V), "
        "with K^T V and sum_j k_j built once, O(T d^2) in all.",
        ["matrix products do not commute"],
    ),
    "CNN not rotation invariant": (
        "hw3-2023/p1a",
        "Weight sharing gives a CNN few parameters, and convolution is translation equivariant; "
        "it is not rotation invariant, which needs augmentation.",
        ["equivariant to translation only"],
    ),
    "RNN steps cannot be parallel": (
        "hw3-2023/p1b",
        "RNNs take inputs of any length, and their hidden state carries long-range context; "
        "their time steps cannot be computed in parallel, which is the CNN's advantage.",
        ["RNNs are sequential, not parallel"],
    ),
    "no residual needed": (
        "p2c",
        "No residual connection is needed to copy: the scores are dot products, x_i . x_i is the "
        "largest of its row, and a large beta makes the softmax one-hot on it, so the weighted "
        "sum of the values gives y_i = x_i. Copying does not come from a skip path.",
        ["there is no residual connection here"],
    ),
}


@pytest.mark.parametrize("name", NEAR_MISCONCEPTIONS)
def test_right_answers_near_those_words_are_not_those_misconceptions(name: str) -> None:
    part, answer, labels = NEAR_MISCONCEPTIONS[name]
    result = grade(*_assignment_and_part(part), answer)
    if labels is None:
        assert (result.fraction, result.flags) == (1.0, []), result.evidence
    for label in labels or []:
        assert label not in result.feedback, result.evidence
