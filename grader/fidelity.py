"""Fidelity: how a grade compares with the score ranges an expert TA gave the same work.

A problem score is a *hit* when it lies inside the expert's range, a *miss* when it does not
but the problem carries ``needs_review`` (a TA will look), and a *silent* miss when it is
outside the range with no flag: the worst bug a grader can have. ``bench/fidelity.py`` runs
this on the real dev corpus; ``tests/test_fidelity_crafted.py`` on the crafted one.
"""

from __future__ import annotations

from dataclasses import dataclass

from grader.results import FLAG_REVIEW, StudentResult

HIT, MISS, SILENT = "hit", "miss", "silent"
TOLERANCE = 0.011  # scores are shown to 2 decimals: 2.999 is in [3, 3]


@dataclass(frozen=True)
class ProblemVerdict:
    """One problem of one submission: the grader's score against the expert's range."""

    submission: str
    problem: str
    score: float
    low: float
    high: float
    flagged: bool
    verdict: str  # hit | miss | silent
    why: str = ""

    def line(self) -> str:
        """One line of a fidelity table."""
        flag = " needs_review" if self.flagged else ""
        return (
            f"{self.submission:<40} {self.problem:<4} {self.score:6.2f}  "
            f"[{self.low:g}, {self.high:g}]  {self.verdict}{flag}"
        )


def problem_flagged(result: StudentResult, problem_id: str) -> bool:
    """Is any part of the problem flagged for review (or the whole submission an error)?"""
    if result.status != "graded":
        return True
    problem = result.problems.get(problem_id)
    if problem is None:
        return False
    return any(FLAG_REVIEW in part.flags for part in problem.parts.values())


def judge(
    name: str,
    result: StudentResult,
    ranges: dict[str, tuple[float, float]],
    why: dict[str, str] | None = None,
) -> list[ProblemVerdict]:
    """One verdict per problem the expert ranged."""
    verdicts = []
    for problem_id, (low, high) in ranges.items():
        problem = result.problems.get(problem_id)
        score = problem.score if problem is not None else 0.0
        flagged = problem_flagged(result, problem_id)
        inside = low - TOLERANCE <= score <= high + TOLERANCE
        verdict = HIT if inside else (MISS if flagged else SILENT)
        verdicts.append(
            ProblemVerdict(
                name,
                problem_id,
                score,
                low,
                high,
                flagged,
                verdict,
                (why or {}).get(problem_id, ""),
            )
        )
    return verdicts


def summary(verdicts: list[ProblemVerdict]) -> dict:
    """Counts and the in-range rate."""
    total = len(verdicts)
    hits = sum(v.verdict == HIT for v in verdicts)
    return {
        "submissions": len({v.submission for v in verdicts}),
        "problem_scores": total,
        "in_range": hits,
        "rate": hits / total if total else 0.0,
        "flagged_misses": sum(v.verdict == MISS for v in verdicts),
        "silent": sum(v.verdict == SILENT for v in verdicts),
    }
