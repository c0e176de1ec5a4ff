"""Self-attention on tokens built from orthogonal base vectors of norm β (q = k = v = x).

The base vectors are realised as ``β e_1, β e_2, …``: every quantity here depends only on
their norms and orthogonality, so this loses nothing. Derived: the token norms, the score
matrix ``S = X Xᵀ``, the row-wise softmax weights, their limits as β → ∞ and the outputs
``y_i = Σ_j W_ij x_j``; also what two common mistakes produce (no softmax at all, and
scores normalised without the exponential), so that a check can name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import sympy as sp

from .base import Derivation, Step, equation, tex


@dataclass(frozen=True)
class AttentionSetup:
    """Base vector names, the symbol of their common norm, and each token's base vectors."""

    basis: tuple[str, ...]
    norm: str
    tokens: tuple[tuple[str, ...], ...]  # token i+1 is the sum of tokens[i]


@dataclass(frozen=True)
class AttentionDerivation(Derivation):
    """Worked solution plus the targets of the ``norms`` and ``attention_outputs`` checks.

    Output targets are coefficient matrices ``C``: ``y_i = Σ_j C[i, j] x_j``.
    """

    setup: AttentionSetup
    beta: sp.Symbol
    norms: tuple[sp.Expr, ...]
    norm_mistakes: dict[str, tuple[sp.Expr, ...]]
    scores: sp.Matrix
    weights: sp.Matrix
    limit: sp.Matrix
    output_mistakes: dict[str, sp.Matrix]


def _vectors(setup: AttentionSetup, beta: sp.Symbol) -> list[sp.Matrix]:
    unit = sp.eye(len(setup.basis))
    base = {name: beta * unit[:, i] for i, name in enumerate(setup.basis)}
    return [
        sum((base[name] for name in token), sp.zeros(len(setup.basis), 1)) for token in setup.tokens
    ]


def _softmax_rows(scores: sp.Matrix) -> sp.Matrix:
    exps = scores.applyfunc(sp.exp)
    return sp.Matrix(scores.rows, scores.cols, lambda i, j: exps[i, j] / sum(exps.row(i)))


def _normalised_rows(scores: sp.Matrix) -> sp.Matrix:
    return sp.Matrix(
        scores.rows, scores.cols, lambda i, j: sp.simplify(scores[i, j] / sum(scores.row(i)))
    )


def _outputs_tex(coefficients: sp.Matrix, relation: str = "=") -> str:
    xs = [sp.Function("x")(j + 1) for j in range(coefficients.cols)]
    rows = []
    for i in range(coefficients.rows):
        value = sum(coefficients[i, j] * xs[j] for j in range(coefficients.cols))
        rows.append(f"y_{{{i + 1}}} &{relation} {tex(value)}")
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def _token_tex(setup: AttentionSetup) -> str:
    return r",\quad ".join(
        f"x_{{{i + 1}}} = {' + '.join(token)}" for i, token in enumerate(setup.tokens)
    )


@cache
def derive(setup: AttentionSetup) -> AttentionDerivation:
    """The worked solution for one set of tokens."""
    beta = sp.Symbol(setup.norm, positive=True)
    vectors = _vectors(setup, beta)
    size = len(vectors)
    norms = tuple(sp.sqrt(v.dot(v)) for v in vectors)
    added = tuple(len(token) * beta for token in setup.tokens)
    scores = sp.Matrix(size, size, lambda i, j: vectors[i].dot(vectors[j]))
    weights = _softmax_rows(scores)
    limit = weights.applyfunc(lambda w: sp.limit(w, beta, sp.oo))
    gap = sp.Min(
        *(
            scores[i, i] - sp.Max(*(scores[i, j] for j in range(size) if j != i))
            for i in range(size)
        )
    )
    beta_tex = tex(beta)
    steps = (
        Step(
            f"The base vectors are orthogonal with norm ${beta_tex}$; the tokens are sums of them.",
            _token_tex(setup),
        ),
        Step(
            "Cross terms vanish, so the squared norm of a token is the sum of its parts' squared norms.",
            r",\quad ".join(equation(rf"\|x_{{{i + 1}}}\|", n) for i, n in enumerate(norms)),
        ),
        Step(
            "Scores are the dot products of queries and keys (all equal to the tokens).",
            equation("S", scores),
        ),
        Step("Each row of scores goes through a softmax.", equation("W", weights)),
        Step("The outputs are the weighted sums of the values.", _outputs_tex(weights)),
        Step(
            f"As ${beta_tex}$ grows, each token's score with itself exceeds the others by at least "
            f"${tex(gap)}$, so each row of weights tends to a one-hot vector.",
            equation(rf"\lim_{{{beta_tex} \to \infty}} W", limit),
        ),
        Step(
            "So each output approximately copies its own token.",
            _outputs_tex(limit, relation=r"\approx"),
        ),
        Step(
            "Leaving out the softmax gives unnormalised sums that grow with "
            f"${tex(beta**2)}$ instead (a common mistake).",
            _outputs_tex(scores),
        ),
    )
    answer = ",\\quad ".join(f"y_{{{i + 1}}} \\approx x_{{{i + 1}}}" for i in range(size))
    return AttentionDerivation(
        "Understanding self-attention",
        steps,
        answer if limit == sp.eye(size) else _outputs_tex(limit, r"\approx"),
        setup,
        beta,
        norms,
        {"squared": tuple(n**2 for n in norms), "added_norms": added},
        scores,
        weights,
        limit,
        {"softmax_omitted": scores, "linear_normalisation": _normalised_rows(scores)},
    )


def from_setup(setup: dict) -> AttentionDerivation:
    """The derivation for a problem YAML's ``setup`` mapping."""
    return derive(
        AttentionSetup(
            tuple(str(b) for b in setup["basis"]),
            str(setup["norm"]),
            tuple(tuple(str(v) for v in token) for token in setup["tokens"]),
        )
    )
