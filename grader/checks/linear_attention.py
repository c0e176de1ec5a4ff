"""Check kind ``linear_attention``: why attention without the exponential runs in O(T).

params:
  setup: sizes of the symbolic check of the reference (``check_tokens``, ``check_dim``);
  concepts / full / misconceptions: the concept rubric (see grader.theory.prose): e.g.
      reassociation, computing Kᵀ V once independent of i, the normaliser, the cost;
  complexity: ``concept`` (the concept a complexity claim linear in T satisfies) and
      ``lengths`` (the names students give the number of tokens: T, N, n…).

Each ``O(…)`` in the answer is read as math and its order in the number of tokens is
compared with the reference's cost (derived in reference.derivations.linear_attention).
"""

from __future__ import annotations

import re

import sympy as sp

from grader.results import CheckOutcome, Evidence
from grader.theory.answers import evaluate
from grader.theory.context import answer_text, budget, place
from grader.theory.errors import ReadError
from grader.theory.limits import Budget, TimeLimit
from grader.theory.nodes import Node
from grader.theory.prose import Concept, ConceptRubric, Hit, load_concepts, rescore, score_prose
from grader.theory.realize import show, symbol
from grader.theory.scoring import TheoryParamsError, load_setup
from grader.theory.statements import parse_side
from grader.theory.typeset import expr_latex, latex_data, tree_latex
from reference.derivations import linear_attention
from reference.derivations.linear_attention import LinearAttentionDerivation

from .base import CheckContext
from .concepts import expectation as concepts_expectation
from .concepts import prose_outcome

REQUIRED_PARAMS = ("setup", "concepts", "complexity")
OPTIONAL_PARAMS = (
    "full",
    "misconceptions",
    "time_budget_s",
    "time_limit_s",
)  # any other key is a rubric error
# one way only to split the spaces before "(" (\s*(?:\\left)?\s*\( split a run of them in
# quadratically many ways: 8,000 spaces after an O took 0.1 s)
_BIG_O = re.compile(r"(?:\\mathcal\s*\{\s*O\s*\}|\\mathcal\s+O|\bO)\s*(?:\\left\s*)?\(")
MAX_CLAIM_CHARS = 300  # an O(...) whose ")" is further than this is no complexity claim


def expectation(params: dict) -> str:
    """The concepts, and the cost linear in the number of tokens, in words."""
    return concepts_expectation(params) + "; a cost O(T) in the number of tokens T"


def _closing_brackets(text: str) -> dict[int, int]:
    """For each "(" of the text, where its matching ")" is (one pass, a stack)."""
    opened: list[int] = []
    closing = {}
    for i, char in enumerate(text):
        if char == "(":
            opened.append(i)
        elif char == ")" and opened:
            closing[opened.pop()] = i
    return closing


def big_o_claims(text: str) -> list[str]:
    """The inside of every ``O(…)`` in the text, in order (at most ``MAX_CLAIM_CHARS``)."""
    matches = list(_BIG_O.finditer(text))
    closing = _closing_brackets(text) if matches else {}
    found = []
    for match in matches:
        close = closing.get(match.end() - 1)
        if close is not None and close - match.end() <= MAX_CLAIM_CHARS:
            found.append(re.sub(r"\\right\s*$", "", text[match.end() : close]).strip())
    return found


def read_claim(claim: str) -> Node | None:
    """The inside of an ``O(…)`` as a parsed tree, or None when it cannot be read."""
    try:
        return parse_side(claim, True)
    except ReadError:
        return None


def order_in(claim: Node, lengths: list[str], limit: Budget) -> sp.Expr | None:
    """The growth order of a complexity in the number of tokens (1 for T d², 2 for T²)."""
    try:
        value = evaluate(claim, limit)
    except ReadError:
        return None
    names = [n for n in lengths if symbol(n) in value.free_symbols]
    if len(names) != 1:
        return None
    size = symbol(names[0])
    try:
        return limit.run(sp.limit, sp.log(value) / sp.log(size), size, sp.oo)
    except TimeLimit:
        return None


def validate(params: dict, place: str) -> tuple[ConceptRubric, Concept, LinearAttentionDerivation]:
    """The rubric, the concept a linear O(·) claim shows, and the reference."""
    rubric = load_concepts(params, place)
    complexity = params.get("complexity")
    named = complexity.get("concept") if isinstance(complexity, dict) else None
    concept = next((c for c in rubric.concepts if c.id == named), None)
    if concept is None:
        raise TheoryParamsError(f"{place}: 'complexity.concept' should name one of the concepts")
    return rubric, concept, load_setup(params, linear_attention.from_setup, place)


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the argument with the concept rubric; a linear O(…) claim shows the cost."""
    params = ctx.params
    rubric, concept, derivation = validate(params, place(ctx))
    target = sp.degree(derivation.linear_cost, derivation.length)
    text = answer_text(ctx)
    score = score_prose(text, rubric)
    limit = budget(ctx)
    lengths = [str(n) for n in params["complexity"].get("lengths", ["T"])]
    claims = big_o_claims(text)
    nodes = [read_claim(c) for c in claims]
    orders = [order_in(n, lengths, limit) if n is not None else None for n in nodes]
    linear = [c for c, o in zip(claims, orders, strict=True) if o == target]
    if linear and concept not in (h.concept for h in score.found):
        score.found.append(Hit(concept, f"O({linear[-1]})"))
        score.missing.remove(concept)
        rescore(score, rubric)
    cost = linear_attention.dominant_terms(
        derivation.linear_cost, derivation.length, derivation.dim
    )
    shown = ", ".join(f"O({c})" for c in claims) or "(no O(·) claim)"
    readable = bool(nodes) and None not in nodes
    data = latex_data(
        r",\ ".join(rf"O\left({tree_latex(n)}\right)" for n in nodes) if readable else "",
        rf"O\left({expr_latex(cost)}\right)",
    )
    reason = "a claim linear in T, as derived" if linear else "no claim linear in T"
    evidence = Evidence(shown, f"O({show(cost)})", reason, strength="prose", data=data)
    return prose_outcome(score, rubric, (evidence,))
