"""Gradescope ``results.json`` for one student, following the autograder specification.

One test per rubric part: ``name``, ``score``, ``max_score``, ``status``, ``output`` (the
evidence and feedback, as the report shows them) and ``visibility``; for late work, a
"Late penalty" test with the points taken off, so that the tests add up to ``score``. The default
visibility, ``after_published``, keeps references hidden until grades are released.
"""

from __future__ import annotations

import json
from pathlib import Path

from grader.output import write_atomic
from grader.results import PartResult, StudentResult

VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")
RESULTS_NAME = "results.json"


def _part_output(part: PartResult) -> str:
    lines = [f"Verdict: {part.status.replace('_', ' ')}"]
    if part.flags:
        lines.append(f"Flags: {', '.join(part.flags)}")
    if part.override:
        lines.append(
            f"TA decision: {part.override['score']:g} / {part.max:g} (automatic: "
            f"{part.override['automatic_score']:g}) {part.override['comment']}".rstrip()
        )
    for ev in part.evidence:
        lines += [f"Found: {ev['found']}", f"Reference: {ev['expected']}", f"Why: {ev['reason']}"]
    if part.feedback:
        lines.append(f"Feedback: {part.feedback}")
    return "\n".join(lines)


def results_json(result: StudentResult, visibility: str = "after_published") -> dict:
    """The Gradescope results of one student."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility should be one of {', '.join(VISIBILITIES)}")
    if result.status == "error":
        return {
            "score": 0.0,
            "output": f"This submission could not be graded: {result.error}",
            "visibility": visibility,
            "tests": [],
        }
    tests = []
    for problem_id, problem in result.problems.items():
        for part_id, part in problem.parts.items():
            tests.append(
                {
                    "name": f"{part_id}: {part.title}" if part.title else part_id,
                    "number": part_id,
                    "score": part.score,
                    "max_score": part.max,
                    "status": "passed" if part.score >= part.max else "failed",
                    "output": _part_output(part),
                    "tags": [problem_id, *part.flags],
                    "visibility": visibility,
                }
            )
    if result.late:
        late = result.late
        tests.append(
            {
                "name": "Late penalty",
                "number": "late",
                "score": -late["points_deducted"],
                "max_score": 0.0,
                "output": f"Submitted {late['submitted_at']}, {late['days_late']} day(s) after "
                f"the deadline ({late['deadline']}): {late['penalty']:.0%} off "
                f"{late['total_before_penalty']:g} points.",
                "visibility": visibility,
            }
        )
    flags = f" Flags: {', '.join(result.flags)}." if result.flags else ""
    return {
        "score": result.total,
        "output": f"Total {result.total:g} / {result.max:g}.{flags}",
        "visibility": visibility,
        "tests": tests,
    }


def write_results_json(
    result: StudentResult,
    path: Path,
    visibility: str = "after_published",
    execution_time: int | None = None,
) -> Path:
    """Write one student's ``results.json`` (with ``execution_time`` in s if given)."""
    data = results_json(result, visibility)
    if execution_time is not None:
        data["execution_time"] = execution_time
    write_atomic(path, json.dumps(data, indent=2) + "\n")
    return path
