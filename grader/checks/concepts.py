"""Check kind ``concepts``: prose scored with a concept rubric kept in the problem YAML.

params: ``concepts`` (each with id, label, points, patterns), optional ``full`` (points for
full credit) and ``misconceptions`` (each with id, label, penalty, patterns); see
:mod:`grader.theory.prose`. A score below full, a negated mention or a misconception makes
the score a suggestion: the part is flagged ``needs_review``.
"""

from __future__ import annotations

from grader.results import MISSING, CheckOutcome, Evidence
from grader.theory.context import answer_text, place
from grader.theory.prose import ConceptRubric, ProseScore, load_concepts, score_prose
from grader.theory.scoring import outcome

from .base import CheckContext

REQUIRED_PARAMS = ("concepts",)
OPTIONAL_PARAMS = (
    "explained_words",
    "full",
    "misconceptions",
    "time_budget_s",
    "time_limit_s",
)  # any other key is a rubric error


def expectation(params: dict) -> str:
    """The concepts and the points for full credit, in words."""
    return load_concepts(params, "params").describe()


def prose_outcome(
    score: ProseScore, rubric: ConceptRubric, extra: tuple[Evidence, ...] = ()
) -> CheckOutcome:
    """The outcome of a prose score: certain only at full marks with nothing doubtful."""
    reason = f"{len(score.found)} of {len(rubric.concepts)} concepts found"
    if score.misconceptions:
        reason += f", {len(score.misconceptions)} misconception(s)"
    notes = [h.concept.label + "." for h in score.misconceptions]
    if score.fraction < 1 and score.missing:
        notes.append("Not found in your answer: " + ", ".join(c.label for c in score.missing) + ".")
    said = {
        "concepts": sorted(h.concept.id for h in score.found),
        "misconceptions": sorted(h.concept.id for h in score.misconceptions),
    }  # what the answer says, by the rubric's ids: answer groups (grader.groups) use it
    evidence = [
        Evidence(score.summary(), rubric.describe(), reason, strength="prose", data=said),
        *extra,
    ]
    feedback = " ".join(notes) or "All the expected points are made."
    return outcome(score.fraction, evidence, feedback, review=not score.certain)


def validate(params: dict, place: str) -> ConceptRubric:
    """The part's concept rubric; :class:`TheoryParamsError` names what is wrong."""
    return load_concepts(params, place)


def check(ctx: CheckContext) -> CheckOutcome:
    """Score the part's prose against its concept rubric."""
    rubric = validate(ctx.params, place(ctx))
    text = answer_text(ctx)
    if not text.strip():
        missing = Evidence("(no answer)", rubric.describe(), "no text was found for this part")
        return CheckOutcome(0.0, MISSING, [missing], [], "No answer was found for this part.")
    return prose_outcome(score_prose(text, rubric), rubric)
