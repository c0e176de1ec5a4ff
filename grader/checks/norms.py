"""Check kind ``norms``: the norms of tokens built from orthogonal base vectors.

params:
  setup: the problem's tokens (``basis``, ``norm``, ``tokens``; see reference.derivations.attention);
  outcomes: credit and feedback of ``correct``, ``squared`` (the squared norm given as the
            norm), ``added_norms`` (‖d + b‖ taken as ‖d‖ + ‖b‖), ``lost_sqrt`` (a PDF's
            plain text where a √ may have been lost: flagged), ``wrong``, ``missing``,
            ``unreadable``. Feedback may use ``{label}`` and ``{expected}``.

Each token's conclusion is the last value the answer gives for ``‖x_i‖`` (or ``‖x_i‖²``)
that is a formula in β alone; the score is the mean over the tokens.
"""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from grader.results import CheckOutcome
from grader.theory.answers import Claim, answer_claims
from grader.theory.context import answer_blocks, answer_text, budget, place
from grader.theory.equivalence import compare
from grader.theory.itemwise import UNDECIDED, Reading, conclusion, grade_item, itemwise_outcome
from grader.theory.limits import Budget
from grader.theory.nodes import Call, Node, Norm, Num, Pow, Sub
from grader.theory.realize import NORM, sequence_term, show
from grader.theory.scoring import load_outcomes, load_setup
from grader.theory.typeset import expr_latex
from reference.derivations import attention

from .base import CheckContext

REQUIRED_PARAMS = ("setup", "outcomes")
OPTIONAL_PARAMS = ("time_budget_s", "time_limit_s")  # any other key is a rubric error
OUTCOMES = ("correct", "squared", "added_norms", "lost_sqrt", "wrong", "missing", "unreadable")
RIGHT = ("correct",)


def token_norm(node: Node) -> tuple[int, bool] | None:
    """(token number, squared?) when a side is ``‖x_i‖`` or ``‖x_i‖²``."""
    squared = isinstance(node, Pow) and node.exp == Num("2")
    inner = node.base if squared else node
    if isinstance(inner, Call) and inner.func == "norm" and len(inner.args) == 1:
        inner = Norm(inner.args[0])
    if isinstance(inner, Norm) and isinstance(inner.arg, Sub) and inner.arg.base == "x":
        index = inner.arg.index
        if isinstance(index, Num) and index.value.isdigit():
            return int(index.value), squared
    return None


def _without_roots(expr: sp.Expr) -> sp.Expr:
    """What a PDF shows when the √ glyph is lost: each square root replaced by its radicand."""
    return expr.replace(lambda e: e.is_Pow and e.exp == sp.S.Half, lambda e: e.base)


REASONS = {
    "correct": "equal to the reference",
    "squared": "this is the squared norm",
    "added_norms": "this adds the parts' norms; for orthogonal parts the squares add",
    "lost_sqrt": "equal to the reference without its √; the PDF text may have lost the glyph",
    "wrong": "differs from the reference",
    "other": "not a formula in β alone",
    UNDECIDED: "could not decide in time whether this equals the reference",
}


def _classifier(i: int, derivation: attention.AttentionDerivation, limit: Budget):
    def classify(value: sp.Expr, claim: Claim) -> str:
        power = 2 if token_norm(claim.label)[1] else 1
        expected = derivation.norms[i - 1] ** power
        same = compare(value, expected, limit).same
        if same is None:
            return UNDECIDED
        if same:
            return "correct"
        if claim.statement.pdf_text and compare(value, _without_roots(expected), limit).same:
            return "lost_sqrt"
        for name, wrong in derivation.norm_mistakes.items():
            if compare(value, wrong[i - 1] ** power, limit).same:
                return name
        return "wrong"

    return classify


def validate(params: dict, place: str) -> tuple[attention.AttentionDerivation, dict]:
    """The part's reference and outcomes; :class:`TheoryParamsError` names what is wrong."""
    return load_setup(params, attention.from_setup, place), load_outcomes(
        params, OUTCOMES, RIGHT, place
    )


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the norms of the problem's tokens (the mean over the tokens)."""
    derivation, outcomes = validate(ctx.params, place(ctx))
    limit = budget(ctx)
    beta = derivation.beta
    found = answer_claims(answer_blocks(ctx), lambda n: token_norm(n) is not None)

    def read(claim: Claim) -> Reading[sp.Expr]:
        return conclusion(claim, limit, lambda v: v if _in_beta(v, beta) else None)

    graded, labels = [], []
    for i, norm in enumerate(derivation.norms, start=1):
        mine = [c for c in found if token_norm(c.label)[0] == i]
        label = expr_latex(NORM(sequence_term("x", i)))
        expected = f"‖x_{i}‖ = {show(norm)}", f"{label} = {expr_latex(norm)}"
        classify = _classifier(i, derivation, limit)
        graded.append(grade_item(mine, f"‖x_{i}‖", expected, read, classify, REASONS))
        labels.append((f"‖x_{i}‖", show(norm)))
    answered = bool(answer_text(ctx).strip())
    return itemwise_outcome(graded, labels, outcomes, RIGHT, answered)


def _in_beta(value: sp.Expr, beta: sp.Symbol) -> bool:
    """A formula in β alone (not ‖b + d‖ or √(dd + bb))."""
    return value.free_symbols <= {beta} and not value.atoms(AppliedUndef)
