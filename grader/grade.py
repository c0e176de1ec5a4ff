"""Grade one student: read, segment, run every part's check, add up the points."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from grader.checks.base import CheckContext, GradeOptions
from grader.checks.cells import review_uncounted
from grader.checks.registry import get_check
from grader.document import Block, Document
from grader.ingest import IngestError, read_submission, student_id, submission_files
from grader.results import (
    FLAG_REVIEW,
    MISSING,
    NEEDS_REVIEW,
    CheckOutcome,
    Evidence,
    PartResult,
    ProblemResult,
    StudentResult,
)
from grader.rubric import PartSpec, ProblemSpec, Rubric
from grader.segment import Section, segment

log = logging.getLogger(__name__)


def _not_located(problem: ProblemSpec) -> CheckOutcome:
    return CheckOutcome(
        0.0,
        MISSING,
        [
            Evidence(
                "(not located)",
                f"an answer to problem {problem.number}: {problem.title}",
                "no heading, number or title of this problem was found in the submission",
            )
        ],
        [FLAG_REVIEW],
        "This problem was not found; if you answered it, a TA will locate it by hand.",
    )


def run_check(ctx: CheckContext) -> CheckOutcome:
    """Run a part's check; a crash in a check becomes a review flag, never a lost batch."""
    try:
        return review_uncounted(get_check(ctx.part.check)(ctx))
    except Exception as exc:  # a bug or an unforeseen input must not cost other results
        log.exception("check %s failed on %s", ctx.part.id, ctx.document.student)
        return CheckOutcome(
            0.0,
            NEEDS_REVIEW,
            [
                Evidence(
                    "(check failed)",
                    "—",
                    f"the automatic check crashed: {type(exc).__name__}: {exc}",
                )
            ],
            [FLAG_REVIEW],
            "The grader could not check this part automatically; a TA will grade it.",
        )


def grade_part(
    part: PartSpec,
    problem: ProblemSpec,
    document: Document,
    section: Section,
    options: GradeOptions,
    unclaimed: list[Block] | None = None,
) -> PartResult:
    """Score one part.

    A notebook problem that was not located is looked for in ``unclaimed``, the blocks that
    belong to no located problem (a notebook with no title, say), never in other problems'
    answers; with nothing unclaimed, or for a theory problem, it is reported as not found.
    """
    if section.located:
        blocks = section.parts.get(part.id, section.blocks)
        outcome = run_check(CheckContext(part, problem, document, blocks, section.blocks, options))
    elif problem.kind == "notebook" and unclaimed:
        outcome = run_check(CheckContext(part, problem, document, unclaimed, unclaimed, options))
    else:
        outcome = _not_located(problem)
    return PartResult(
        score=round(outcome.fraction * part.points, 4),
        max=part.points,
        status=outcome.status,
        flags=list(dict.fromkeys(outcome.flags)),
        evidence=[asdict(e) for e in outcome.evidence],
        title=part.title,
        feedback=outcome.feedback,
        check=part.check,
    )


def grade_document(document: Document, rubric: Rubric, options: GradeOptions) -> StudentResult:
    """Grade a read submission against a rubric."""
    sections = segment(document, rubric)
    claimed = {b.index for s in sections.values() for b in s.blocks}
    unclaimed = [b for b in document.blocks if b.index not in claimed]
    problems: dict[str, ProblemResult] = {}
    for problem in rubric.problems:
        section = sections[problem.id]
        parts = {
            p.id: grade_part(p, problem, document, section, options, unclaimed)
            for p in problem.parts
        }
        problems[problem.id] = ProblemResult(
            score=round(sum(p.score for p in parts.values()), 4),
            max=problem.points,
            title=problem.title,
            parts=parts,
            located=section.located,
            located_by=section.located_by,
        )
    total = round(sum(p.score for p in problems.values()), 4)
    return StudentResult(
        document.student, document.sources, "graded", None, total, rubric.max_points, problems
    )


def error_result(path: Path, rubric: Rubric, reason: str) -> StudentResult:
    """The result of a student whose submission could not be read."""
    sources = [p.name for p in submission_files(path)] if path.exists() else []
    return StudentResult(student_id(path), sources, "error", reason, 0.0, rubric.max_points, {})


def grade_path(path: Path, rubric: Rubric, options: GradeOptions) -> StudentResult:
    """Read and grade one student's file or folder; unreadable input gives an error result."""
    try:
        document = read_submission(path)
    except IngestError as exc:
        return error_result(path, rubric, str(exc))
    except OSError as exc:
        return error_result(path, rubric, f"{path.name}: cannot be read ({exc.strerror})")
    return grade_document(document, rubric, options)
