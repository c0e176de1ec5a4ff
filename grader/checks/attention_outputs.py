"""Check kind ``attention_outputs``: the self-attention outputs y_i and what they approach.

params:
  setup: the problem's tokens (see reference.derivations.attention);
  outcomes: credit and feedback of ``correct`` (the limit, e.g. y_1 ≈ x_1), ``exact_no_limit``
            (exact softmax outputs, no limit taken), ``softmax_omitted`` (y = S X),
            ``linear_normalisation`` (scores normalised without exp), ``wrong``, ``missing``,
            ``unreadable``, and ``prose_identity`` (only words say each output copies its
            token: flagged). Feedback may use ``{label}`` and ``{expected}``;
  identity: a concept rubric (see grader.theory.prose) for that prose statement.

Each output is read as a combination of the base vectors (``x_j``, ``q_j``, ``k_j``, ``v_j`` are
the tokens), and compared with the derived exact outputs, their limit as β → ∞, and the
outputs the named mistakes give. The score is the mean over the outputs.
"""

from __future__ import annotations

from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from grader.results import CheckOutcome, Evidence
from grader.theory.answers import UNREADABLE, Claim, answer_claims
from grader.theory.context import answer_blocks, answer_text, budget, place
from grader.theory.equivalence import compare
from grader.theory.errors import ReadError
from grader.theory.itemwise import (
    UNDECIDED,
    Graded,
    Reading,
    conclusion,
    grade_item,
    itemwise_outcome,
)
from grader.theory.limits import Budget, TimeLimit
from grader.theory.nodes import Name, Node, Num, Sub
from grader.theory.prose import load_concepts, score_prose
from grader.theory.realize import sequence_term, show, symbol
from grader.theory.scoring import Outcome, load_outcomes, load_setup, outcome
from grader.theory.typeset import expr_latex
from reference.derivations import attention

from .base import CheckContext

REQUIRED_PARAMS = ("setup", "outcomes", "identity")
OPTIONAL_PARAMS = ("time_budget_s", "time_limit_s")  # any other key is a rubric error
OUTCOMES = (
    "correct",
    "exact_no_limit",
    "softmax_omitted",
    "linear_normalisation",
    "wrong",
    "missing",
    "unreadable",
    "prose_identity",
)
RIGHT = ("correct",)
TOKEN_NAMES = ("x", "q", "k", "v")  # queries, keys and values are the tokens themselves
REASONS = {
    "correct": "equals the limit of the softmax-weighted outputs as β → ∞",
    "exact_no_limit": "equals the exact softmax-weighted output, but the limit is not taken",
    "softmax_omitted": "equals the scores times the values: no softmax was applied",
    "linear_normalisation": "equals scores normalised by their row sum without exp",
    "wrong": "matches neither the reference nor a known mistake",
    "other": "not a combination of the tokens",
    UNDECIDED: "could not decide in time whether this equals the reference",
}


def output_label(node: Node) -> int | str | None:
    """The output number of ``y_1`` (or the index letter of a general ``y_i``)."""
    if isinstance(node, Sub) and node.base == "y":
        if isinstance(node.index, Num) and node.index.value.isdigit():
            return int(node.index.value)
        if isinstance(node.index, Name) and len(node.index.name) == 1:
            return node.index.name
    return None


class _Space:
    """Base-vector coordinates of expressions over the problem's tokens."""

    def __init__(self, derivation: attention.AttentionDerivation) -> None:
        setup = derivation.setup
        self.beta = derivation.beta
        self.basis = [symbol(name) for name in setup.basis]
        self.tokens = [sum(symbol(name) for name in token) for token in setup.tokens]

    def substitute(self, expr: sp.Expr) -> sp.Expr:
        mapping = {
            sequence_term(name, j + 1): vector
            for name in TOKEN_NAMES
            for j, vector in enumerate(self.tokens)
        }
        return sp.expand(expr.xreplace(mapping))

    def coordinates(self, expr: sp.Expr) -> list[sp.Expr] | None:
        """Coefficients on the base vectors, or None when the expression is not linear in them."""
        expr = self.substitute(expr)
        if expr.atoms(AppliedUndef) or not expr.free_symbols <= {self.beta, *self.basis}:
            return None
        try:
            poly = sp.Poly(expr, *self.basis)
        except sp.PolynomialError:
            return None
        if poly.total_degree() > 1 or poly.coeff_monomial(1) != 0:
            return None
        return [poly.coeff_monomial(b) for b in self.basis]

    def row(self, coefficients: sp.Matrix, i: int) -> list[sp.Expr]:
        """Coordinates of ``Σ_j C[i, j] x_j``."""
        combo = sum(
            coefficients[i, j] * sequence_term("x", j + 1) for j in range(coefficients.cols)
        )
        return self.coordinates(combo)


def _same(a: list[sp.Expr], b: list[sp.Expr], limit: Budget) -> bool | None:
    verdicts = [compare(p, q, limit).same for p, q in zip(a, b, strict=True)]
    if all(verdicts):
        return True
    return None if None in verdicts and False not in verdicts else False


def _limit(coords: list[sp.Expr], beta: sp.Symbol, limit: Budget) -> list[sp.Expr] | None:
    try:
        return [limit.run(sp.limit, c, beta, sp.oo) for c in coords]
    except TimeLimit:
        return None


def _classify(coords: list[sp.Expr], i: int, space: _Space, derivation, limit: Budget) -> str:
    targets = {
        "correct": space.row(derivation.limit, i),
        "exact_no_limit": space.row(derivation.weights, i),
        **{name: space.row(m, i) for name, m in derivation.output_mistakes.items()},
    }
    undecided = False
    for name, target in targets.items():
        same = _same(coords, target, limit)
        if same:
            return name
        undecided = undecided or same is None
    if any(c.has(space.beta) for c in coords):  # an approximation that keeps some β terms
        limits = _limit(coords, space.beta, limit)
        if limits is not None and _same(limits, targets["correct"], limit):
            return "correct"
    return UNDECIDED if undecided else "wrong"


def _by_the_same_method(graded: list[Graded], space: _Space, derivation, limit: Budget):
    """The outputs as the answer's own method decides them. When an output is a named
    mistake (no softmax, or no exp), an output that mistake gets right by chance (y_2 = x_2
    is the limit and the linearly normalised value alike) does not show the softmax: it
    counts as that mistake too."""
    shown = sorted({g.result for g in graded} & set(derivation.output_mistakes))
    if not shown:
        return graded
    method = derivation.output_mistakes[shown[0]]
    same_by_chance = REASONS[shown[0]] + " too: the same method gives this output right"
    return [
        replace(g, result=shown[0], evidence=replace(g.evidence, reason=same_by_chance))
        if g.result == "correct"
        and _same(space.row(derivation.limit, i), space.row(method, i), limit)
        else g
        for i, g in enumerate(graded)
    ]


def _reader(i: int, space: _Space, limit: Budget):
    """Reads a claim's value of y_i as base-vector coordinates (``y_j`` claims with a
    letter index hold for every output)."""

    def read(claim: Claim) -> Reading[list[sp.Expr]]:
        general = output_label(claim.label)

        def accept(value: sp.Expr) -> list[sp.Expr] | None:
            if isinstance(general, str):
                value = value.xreplace({symbol(general): sp.Integer(i)})
            try:
                return limit.run(space.coordinates, value)
            except TimeLimit:
                raise ReadError(f"{UNREADABLE} in time") from None

        return conclusion(claim, limit, accept)

    return read


def _prose_only(ctx: CheckContext, outcomes: dict[str, Outcome]) -> CheckOutcome | None:
    """When no output could be read as a formula: do the words say y_i ≈ x_i?"""
    rubric = load_concepts(ctx.params["identity"], place(ctx))
    score = score_prose(answer_text(ctx), rubric)
    if not score.found:
        return None
    chosen = outcomes["prose_identity"]
    evidence = Evidence(score.summary(), rubric.describe(), "only prose states the outputs")
    return outcome(chosen.credit * score.fraction, [evidence], chosen.feedback, review=True)


def validate(params: dict, place: str) -> tuple[attention.AttentionDerivation, dict]:
    """The part's reference and outcomes; :class:`TheoryParamsError` names what is wrong."""
    load_concepts(params.get("identity", {}), f"{place}, identity")
    return load_setup(params, attention.from_setup, place), load_outcomes(
        params, OUTCOMES, RIGHT, place
    )


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the outputs y_1 … y_n (the mean over the outputs)."""
    derivation, outcomes = validate(ctx.params, place(ctx))
    limit = budget(ctx)
    space = _Space(derivation)
    found = answer_claims(answer_blocks(ctx), lambda n: output_label(n) is not None)
    tokens = [sequence_term("x", j + 1) for j in range(derivation.limit.cols)]
    general = [c for c in found if isinstance(output_label(c.label), str)]
    graded, labels = [], []
    for i in range(1, derivation.limit.rows + 1):
        limit_expr = sum(w * x for w, x in zip(derivation.limit.row(i - 1), tokens, strict=True))
        target = show(limit_expr)
        expected = f"y_{i} ≈ {target}", rf"y_{{{i}}} \approx {expr_latex(limit_expr)}"
        mine = [c for c in found if output_label(c.label) == i] or general

        def classify(coords: list[sp.Expr], claim: Claim, row: int = i - 1) -> str:
            return _classify(coords, row, space, derivation, limit)

        read = _reader(i, space, limit)
        graded.append(grade_item(mine, f"y_{i}", expected, read, classify, REASONS))
        labels.append((f"y_{i}", target))
    graded = _by_the_same_method(graded, space, derivation, limit)
    if all(g.result == "missing" for g in graded):
        prose = _prose_only(ctx, outcomes)
        if prose is not None:
            return prose
    answered = bool(answer_text(ctx).strip())
    return itemwise_outcome(graded, labels, outcomes, RIGHT, answered)
