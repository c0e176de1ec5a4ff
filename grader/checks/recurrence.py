"""Check kind ``recurrence``: the output of the RNN ``h_t = x_t - h_{t-1}, y_t = σ(1000 h_t)``.

params:
  setup: the network (``input_weight``, ``recurrent_weight``, ``output_scale``, ``h0``);
  lengths: even lengths T at which general answers are expanded and compared;
  meaning: a concept rubric (grader.theory.prose) for the answer in words, with the
           reversed reading as a misconception;
  outcomes: credit and feedback of ``correct``, ``hidden_only`` (h_T right, y_T never given),
            ``scale_dropped``, ``sigmoid_dropped``, ``sign_flipped``, ``no_alternation``,
            ``one_step``, ``wrong``, ``unrolled_only``, ``prose_meaning``, ``prose_reversed``,
            ``unreadable``, ``missing``.

The answer is the last ``y_T`` (else ``h_T``) the student writes for a general final step
(``y_T``, ``y_{2n}``, ``h_t``…) whose value is a closed form in the inputs; a ``y`` given in
terms of ``h_T`` uses the student's own ``h_T``. Ellipses and sums are expanded at each
length and compared with the unrolled reference; ``h_0`` is the value the student states,
else the problem's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from grader.results import CheckOutcome, Evidence
from grader.theory.answers import UNREADABLE, Claim, answer_claims, evaluate
from grader.theory.context import answer_blocks, answer_text, budget, place
from grader.theory.equivalence import compare
from grader.theory.errors import ReadError, SeriesOverlap
from grader.theory.itemwise import UNDECIDED
from grader.theory.limits import Budget, TimeLimit
from grader.theory.nodes import Mul, Name, Node, Num, Sub, render, walk
from grader.theory.prose import load_concepts, score_prose
from grader.theory.realize import SIGMOID, realize, sequence_term, show, symbol
from grader.theory.scoring import TheoryParamsError, load_outcomes, load_setup, outcome
from grader.theory.typeset import expr_latex, latex_data, tree_latex
from reference.derivations import recurrence

from .base import CheckContext

REQUIRED_PARAMS = ("setup", "lengths", "meaning", "outcomes")
OPTIONAL_PARAMS = ("time_budget_s", "time_limit_s")  # any other key is a rubric error
OUTCOMES = (
    "correct",
    "hidden_only",
    "scale_dropped",
    "sigmoid_dropped",
    "sign_flipped",
    "no_alternation",
    "one_step",
    "minus_all_earlier",
    "wrong",
    "unrolled_only",
    "prose_meaning",
    "prose_reversed",
    "unreadable",
    "missing",
)
RIGHT = ("correct", "prose_meaning")
WRONG_FINAL = ("sign_flipped", "no_alternation", "one_step", "minus_all_earlier", "wrong")
MIN_LENGTHS = 2
REASONS = {
    "correct": "equal to the reference",
    "hidden_only": "h_T equals the reference, but y_T is not given in terms of it",
    "scale_dropped": "the sigmoid's argument lacks the factor {scale}",
    "sigmoid_dropped": "the output is not passed through the sigmoid",
    "sign_flipped": "equal to minus the reference: odd-step minus even-step inputs",
    "no_alternation": "the plain sum of the inputs: the alternating signs are missing",
    "one_step": "only the last two inputs: the recurrence is not unrolled to h_0",
    "minus_all_earlier": "the newest input minus all the earlier ones: h_(t-1)'s own signs are lost",
    "wrong": "differs from the reference",
    UNDECIDED: "could not decide in time whether this equals the reference",
}


@dataclass(frozen=True)
class Final:
    """A label for the last step: ``y_T``, ``h_{2n}``… with its index ``factor·symbol``."""

    base: str  # "h" or "y"
    symbol: str
    factor: int


@dataclass
class _Answer:
    """A closed form found in the answer, expanded at each usable length."""

    claim: Claim
    node: Node
    values: dict[int, sp.Expr] = field(default_factory=dict)


@dataclass
class _Setting:
    """What grading one answer needs: the reference, the lengths, the time budget."""

    derivation: recurrence.RecurrenceDerivation
    lengths: list[int]
    limit: Budget
    h0: sp.Expr
    h0_source: str
    errors: list[tuple[Claim, str]] = field(default_factory=list)


def final_label(node: Node) -> Final | None:
    """``y_T``, ``h_t``, ``y_{2n}``: a label of the last step, else None."""
    if not (isinstance(node, Sub) and node.base in ("h", "y")):
        return None
    index = node.index
    if isinstance(index, Name) and len(index.name) == 1:
        return Final(node.base, index.name, 1)
    if isinstance(index, Mul) and len(index.factors) == 2:
        factor, name = index.factors
        if isinstance(factor, Num) and factor.value in ("1", "2") and isinstance(name, Name):
            return Final(node.base, name.name, int(factor.value))
    return None


def step_label(node: Node) -> tuple[str, int] | None:
    """``h_3``, ``y_2``: (base, step) of a label of one concrete step."""
    if isinstance(node, Sub) and node.base in ("h", "y") and isinstance(node.index, Num):
        if node.index.value.isdigit():
            return node.base, int(node.index.value)
    return None


def _is_label(node: Node) -> bool:
    return final_label(node) is not None or step_label(node) is not None


def _env(label: Final, node: Node, length: int) -> dict:
    """Index values at a length: from the label (``y_{2n}``: n = T/2), and for other index
    letters from the largest input written (``y_T = σ(x_{2m} - …)``: 2m = T)."""
    env = {}
    for sub in walk(node):
        if not (isinstance(sub, Sub) and sub.base == "x"):
            continue
        index = realize(sub.index)
        letters = index.free_symbols
        if len(letters) == 1 and index.is_polynomial() and sp.degree(index) == 1:
            letter = letters.pop()
            slope, offset = sp.Poly(index, letter).all_coeffs()
            value = (length - offset) / slope
            if value.is_Integer and (letter.name not in env or value > env[letter.name]):
                env[letter.name] = value
    env[label.symbol] = sp.Integer(length // label.factor)
    env["length"] = sp.Integer(length)
    return env


def _complete(value: sp.Expr) -> bool:
    """Only inputs x_k (and the sigmoid) remain: a closed form."""
    others = {a for a in value.atoms(AppliedUndef) if a.func.__name__ not in ("x", "sigmoid")}
    return not value.free_symbols and not others


def _expand(
    node: Node, label: Final, lengths: list[int], limit: Budget, h0: sp.Expr, hidden: dict
) -> dict[int, sp.Expr]:
    """The value at each length where it is a closed form, with ``h_0`` and (for a ``y``)
    the student's ``h_T`` put in; lengths where the written terms overlap are skipped.
    Raises ReadError when the value cannot be read."""
    values = {}
    for length in lengths:
        try:
            env = limit.run(_env, label, node, length)
        except TimeLimit:
            raise ReadError(f"{UNREADABLE} in time") from None
        try:
            value = evaluate(node, limit, env)
        except SeriesOverlap:
            continue
        known = {sequence_term("h", 0): h0}
        if length in hidden:
            known[sequence_term("h", length)] = hidden[length]
        value = value.xreplace(known)
        if not _complete(value):
            if hidden and length not in hidden:
                continue  # the student's h_T is not known at this length
            return {}
        values[length] = value
    return values


def _answers(claims: list[Claim], base: str, setting: _Setting, hidden: dict) -> list[_Answer]:
    """Closed forms given for the final ``base`` (h or y), in reading order; the reasons
    values could not be read go to ``setting.errors``."""
    found = []
    for claim in claims:
        label = final_label(claim.label)
        if label is None or label.base != base:
            continue
        for side in reversed(claim.values):
            if side.node is None:
                setting.errors.append((claim, side.error))
                continue
            try:
                values = _expand(
                    side.node, label, setting.lengths, setting.limit, setting.h0, hidden
                )
            except ReadError as exc:
                setting.errors.append((claim, str(exc)))
                continue
            if len(values) >= MIN_LENGTHS:
                found.append(_Answer(claim, side.node, values))
                break
    return found


def _depends_on_inputs(answer: _Answer) -> bool:
    return any(value.atoms(AppliedUndef) for value in answer.values.values())


def _in_the_inputs(answers: list[_Answer]) -> list[_Answer]:
    """The answers that are a form in the inputs, when there are any: "y_T ≈ 1 if …" or
    "y_T = 1/2 on a tie", written after the closed form, is a case, not the conclusion."""
    general = [a for a in answers if _depends_on_inputs(a)]
    return general or answers


def _only_cases(answers: list[_Answer], setting: _Setting) -> bool:
    """Every readable answer is a constant ("y_T ≈ 1 if the even inputs outweigh…") while
    some form could not be read: the conclusion is most likely the unread one."""
    return bool(setting.errors) and not any(_depends_on_inputs(a) for a in answers)


def _sigmoid_argument(value: sp.Expr) -> sp.Expr | None:
    """z when the value is σ(z) or 1/(1 + e^(-z)); else None."""
    if isinstance(value, AppliedUndef) and value.func == SIGMOID:
        return value.args[0]
    if value.is_Pow and value.exp == -1 and value.base.is_Add:
        rest = value.base - 1
        if isinstance(rest, sp.exp):
            return -rest.args[0]
    return None


def _targets(base: str, wrapped: bool, length: int, setting: _Setting) -> list[tuple]:
    """(expected value, outcome name) pairs, the right answer first."""
    derivation = setting.derivation
    right, mistakes = derivation.hidden(length), derivation.mistakes(length)
    if base == "h":
        return [(right, "hidden_only"), *((wrong, name) for name, wrong in mistakes.items())]
    scale = derivation.setup.output_scale
    pairs = [
        (scale * right, "correct" if wrapped else "sigmoid_dropped"),
        (right, "scale_dropped" if wrapped else "sigmoid_dropped"),
    ]
    for name, wrong in mistakes.items():
        pairs += [(scale * wrong, name), (wrong, name)]
    return pairs


def _classify_at(value: sp.Expr, base: str, length: int, setting: _Setting) -> str:
    """The named outcome of one expanded value against the reference at one length."""
    inner = _sigmoid_argument(value) if base == "y" else None
    undecided = False
    for target, name in _targets(base, inner is not None, length, setting):
        same = compare(value if inner is None else inner, target, setting.limit).same
        if same:
            return name
        undecided = undecided or same is None
    return UNDECIDED if undecided else "wrong"


def _expected_latex(derivation: recurrence.RecurrenceDerivation, first: int) -> str:
    """The reference as LaTeX: y_T through h_T, h_T's closed form, and h_T at one length."""
    scale = derivation.setup.output_scale
    output = expr_latex(SIGMOID(scale * sequence_term("h", symbol("T"))))
    general = expr_latex(recurrence.closed_form(derivation.setup))
    at_first = expr_latex(derivation.hidden(first))
    return rf"y_T = {output},\quad h_T = {general},\quad h_{{{first}}} = {at_first}"


def _grade(answer: _Answer, base: str, setting: _Setting) -> tuple[str, Evidence]:
    """One outcome for a closed form, checked at every usable length."""
    verdicts = {n: _classify_at(v, base, n, setting) for n, v in answer.values.items()}
    names = set(verdicts.values())
    result = names.pop() if len(names) == 1 else "wrong"
    lengths = ", ".join(str(n) for n in verdicts)
    if len(set(verdicts.values())) > 1:
        fine = [str(n) for n, v in verdicts.items() if v == "correct"]
        reason = f"right for T = {', '.join(fine)} only" if fine else "differs from the reference"
    else:
        reason = REASONS[result].format(scale=setting.derivation.setup.output_scale)
    first = min(answer.values)
    scale = setting.derivation.setup.output_scale
    expected = (
        f"y_T = sigmoid({scale}·h_T) with h_T = Σ_k (-1)^k x_k "
        f"(for T = {first}: h_T = {show(setting.derivation.hidden(first))})"
    )
    found = f"{render(answer.claim.label)} = {render(answer.node)}"
    found_tex = f"{tree_latex(answer.claim.label)} = {tree_latex(answer.node)}"
    evidence = Evidence(
        found,
        expected,
        f"{reason}; checked for T = {lengths}; {setting.h0_source}",
        answer.claim.statement.where,
        "prose",
        {
            "student": {str(n): show(v) for n, v in answer.values.items()},
            "reference_h": {str(n): show(setting.derivation.hidden(n)) for n in answer.values},
            **latex_data(found_tex, _expected_latex(setting.derivation, first)),
        },
    )
    return ("unreadable" if result == UNDECIDED else result), evidence


def _stated_h0(claims: list[Claim], default: int) -> tuple[sp.Expr, str]:
    """``h_0`` as the student states it, else the problem's value."""
    for claim in claims:
        if step_label(claim.label) == ("h", 0):
            for side in claim.values:
                if side.node is not None and isinstance(side.node, Num):
                    return sp.Rational(side.node.value), f"h_0 = {side.node.value} as stated"
    return sp.Integer(default), f"h_0 = {default} as the problem gives"


def _unrolled(claims: list[Claim], setting: _Setting) -> list[Evidence]:
    """Evidence for correctly unrolled first steps (h_1 = x_1, h_2 = x_2 - x_1, …)."""
    shown = []
    for claim in claims:
        step = step_label(claim.label)
        if step is None or step[0] != "h" or step[1] < 1:
            continue
        side = claim.values[-1]
        try:
            value = evaluate(side.node, setting.limit) if side.node is not None else None
        except ReadError:
            value = None
        right = setting.derivation.hidden(step[1])
        if value is not None and compare(value, right, setting.limit).same:
            found = f"h_{step[1]} = {show(value)}"
            data = latex_data(f"h_{{{step[1]}}} = {expr_latex(value)}", expr_latex(right))
            shown.append(Evidence(found, show(right), "correct step", data=data))
    return shown


def _prose(ctx: CheckContext) -> tuple[str, Evidence] | None:
    """The answer's meaning in words: even-step minus odd-step inputs, or reversed."""
    rubric = load_concepts(ctx.params["meaning"], place(ctx))
    score = score_prose(answer_text(ctx), rubric)
    if score.misconceptions:
        return "prose_reversed", Evidence(score.summary(), rubric.describe(), "reversed in words")
    if score.found:
        return "prose_meaning", Evidence(score.summary(), rubric.describe(), "stated in words")
    return None


def _uses_hidden(node: Node) -> bool:
    """Does an output's formula mention a hidden state other than h_0?"""
    return any(isinstance(n, Sub) and n.base == "h" and n.index != Num("0") for n in walk(node))


def _verdict(ctx: CheckContext, setting: _Setting, claims: list[Claim]) -> tuple[str, list, bool]:
    """(outcome name, evidence, needs review) for the answer."""
    hidden = _in_the_inputs(_answers(claims, "h", setting, {}))
    latest_h = hidden[-1].values if hidden else {}
    outputs = _in_the_inputs(_answers(claims, "y", setting, latest_h))
    if (outputs or hidden) and not _only_cases(outputs or hidden, setting):
        base, answer = ("y", outputs[-1]) if outputs else ("h", hidden[-1])
        result, evidence = _grade(answer, base, setting)
        if base == "y" and hidden and _uses_hidden(answer.node):
            h = hidden[-1]
            evidence.found += f", with {render(h.claim.label)} = {render(h.node)}"
            evidence.data["latex"]["found"] += (
                rf",\quad {tree_latex(h.claim.label)} = {tree_latex(h.node)}"
            )
        prose = _prose(ctx)
        disagree = result not in RIGHT and prose is not None and prose[0] == "prose_meaning"
        layout = result not in RIGHT and answer.claim.statement.pdf_text  # glyphs may be lost
        # a wrong final answer stays low, and a TA confirms it (issue 1/5)
        review = result == "unreadable" or result in WRONG_FINAL or disagree or layout
        return result, [evidence] + ([prose[1]] if disagree else []), review
    prose = _prose(ctx)
    if prose is not None:
        return prose[0], [prose[1]], True
    if setting.errors:
        claim, error = setting.errors[-1]
        found = f"{render(claim.label)} = {claim.values[-1].text}"
        return (
            "unreadable",
            [Evidence(found, "a closed form of y_T", error, claim.statement.where)],
            True,
        )
    steps = _unrolled(claims, setting)
    if steps:
        return "unrolled_only", steps, True
    missing = Evidence(
        "(not found)", "y_T as a closed form in the inputs", "no final output was found"
    )
    return "missing", [missing], bool(answer_text(ctx).strip())


def validate(params: dict, place: str) -> tuple[recurrence.RecurrenceDerivation, dict]:
    """The part's reference and outcomes; :class:`TheoryParamsError` names what is wrong."""
    lengths = params.get("lengths")
    if (
        not isinstance(lengths, list)
        or not lengths
        or any(not isinstance(n, int) or n < 2 or n % 2 for n in lengths)
    ):
        raise TheoryParamsError(f"{place}: 'lengths' should be a list of even lengths ≥ 2")
    load_concepts(params.get("meaning", {}), f"{place}, meaning")
    return load_setup(params, recurrence.from_setup, place), load_outcomes(
        params, OUTCOMES, RIGHT, place
    )


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the output at the final step of the recurrence."""
    params = ctx.params
    derivation, outcomes = validate(params, place(ctx))
    claims = answer_claims(answer_blocks(ctx), _is_label)
    h0, source = _stated_h0(claims, derivation.setup.h0)
    lengths = [int(n) for n in params["lengths"]]
    setting = _Setting(derivation, lengths, budget(ctx), h0, source)
    result, evidence, review = _verdict(ctx, setting, claims)
    chosen = outcomes[result]
    return outcome(chosen.credit, evidence, chosen.feedback, review)
