"""The class summary's numbers: per-problem statistics, parts missed most, flags and errors."""

from __future__ import annotations

import statistics

from grader.results import FLAG_REVIEW, StudentResult
from grader.rubric import Rubric


def _mean_median(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    return statistics.fmean(values), statistics.median(values)


def review_counts(results: list[StudentResult]) -> dict[str, int]:
    """What is left for a TA: parts flagged ``needs_review`` (and their students), and the
    TA decisions (overrides and accepts) applied."""
    parts = [
        part
        for r in results
        if r.status == "graded"
        for problem in r.problems.values()
        for part in problem.parts.values()
    ]
    return {
        "parts_to_review": sum(FLAG_REVIEW in p.flags for p in parts),
        "students_to_review": sum(FLAG_REVIEW in r.flags for r in results),
        "decisions": sum(p.override is not None for p in parts),
    }


def class_statistics(results: list[StudentResult], rubric: Rubric) -> dict:
    """Per-problem mean and median, totals, the parts missed most often, flags and errors."""
    graded = [r for r in results if r.status == "graded"]
    problems = {}
    for problem in rubric.problems:
        scores = [r.problems[problem.id].score for r in graded if problem.id in r.problems]
        mean, median = _mean_median(scores)
        problems[problem.id] = {
            "title": problem.title,
            "max": problem.points,
            "mean": mean,
            "median": median,
        }
    missed: dict[str, int] = {}
    flagged: list[dict] = []
    for r in graded:
        parts_flagged: dict[str, list[str]] = {}
        for problem in r.problems.values():
            for part_id, part in problem.parts.items():
                if part.score < part.max:
                    missed[part_id] = missed.get(part_id, 0) + 1
                if part.flags:
                    parts_flagged[part_id] = part.flags
        if parts_flagged:
            flagged.append({"student": r.student, "flags": r.flags, "parts": parts_flagged})
    titles = {part.id: part.title for problem in rubric.problems for part in problem.parts}
    totals = [r.total for r in graded]
    mean, median = _mean_median(totals)
    return {
        "problems": problems,
        "missed": [
            {"part": part_id, "title": titles.get(part_id, ""), "count": count}
            for part_id, count in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "graded": len(graded),
        "totals": totals,
        "mean": mean,
        "median": median,
        "flagged": flagged,
        "review": review_counts(results),
        "errors": [
            {"student": r.student, "error": r.error} for r in results if r.status == "error"
        ],
    }
