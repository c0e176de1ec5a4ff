"""Grade one student: read, segment, run every part's check, add up the points."""

from __future__ import annotations

import logging
from dataclasses import asdict
from pathlib import Path

from grader.checks.base import CheckContext, GradeOptions
from grader.checks.cells import review_weak_outputs
from grader.checks.registry import get_check
from grader.document import Block, Document
from grader.ingest import IngestError, read_submission, student_id, submission_files
from grader.reexecution import attach_reexecution
from grader.results import (
    ANSWER_CHARS,
    FLAG_REVIEW,
    MISSING,
    NOT_GRADED,
    CheckOutcome,
    Evidence,
    PartResult,
    ProblemResult,
    StudentResult,
    part_score,
    sum_points,
)
from grader.rubric import PartSpec, ProblemSpec, Rubric
from grader.segment import Section, segment

log = logging.getLogger(__name__)

MIN_ANSWER_WORDS = 5  # shorter unclaimed prose (a heading, a name) is no theory answer


def _not_located(problem: ProblemSpec) -> CheckOutcome:
    """Nothing in the submission looks like this problem: a plain missing, with no flag."""
    return CheckOutcome(
        0.0,
        MISSING,
        [
            Evidence(
                "(not located)",
                f"an answer to problem {problem.number}: {problem.title}",
                "no heading, number, title or fingerprint of this problem was found, and no "
                "part of the submission is left unassigned",
            )
        ],
        [],
        "This problem was not found in your submission.",
    )


def _for_review(outcome: CheckOutcome, why: str) -> CheckOutcome:
    """The outcome kept as a suggested score, flagged with where the answer was looked for."""
    return outcome.for_review(Evidence("(where the answer is)", "—", why))


def run_check(ctx: CheckContext) -> CheckOutcome:
    """Run a part's check; a crash in a check becomes a review flag, never a lost batch."""
    try:
        return review_weak_outputs(get_check(ctx.part.check)(ctx))
    except Exception as exc:  # a bug or an unforeseen input must not cost other results
        log.exception("check %s failed on %r", ctx.part.id, ctx.document.student)
        return CheckOutcome(
            0.0,
            NOT_GRADED,
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

    A problem that was not located is looked for in ``unclaimed``, the blocks that belong to
    no located problem, never in other problems' answers; what is found there is a suggested
    score flagged for review. With nothing unclaimed it is a plain ``missing``. A section the
    locator is unsure of is graded, and flagged.
    """
    blocks: list[Block] = []
    if section.located:
        blocks = section.parts.get(part.id, section.blocks)
        outcome = run_check(CheckContext(part, problem, document, blocks, section.blocks, options))
        if section.unsure:
            outcome = _for_review(outcome, f"the locator is unsure: {section.located_by}")
    elif unclaimed:
        blocks = unclaimed
        outcome = run_check(CheckContext(part, problem, document, unclaimed, unclaimed, options))
        outcome = _for_review(
            outcome,
            f"problem {problem.number} was not located; this part was looked for in the "
            f"{len(unclaimed)} block(s) no problem claimed",
        )
    else:
        outcome = _not_located(problem)
    return PartResult(
        score=part_score(outcome.fraction, part.points),
        max=part.points,
        status=outcome.status,
        flags=list(dict.fromkeys(outcome.flags)),
        evidence=[asdict(e) for e in outcome.evidence],
        title=part.title,
        feedback=outcome.feedback,
        check=part.check,
        answer=_answer(blocks) if problem.kind == "theory" else "",
    )


def _answer(blocks: list[Block]) -> str:
    """A theory part's prose, as answer groups compare it."""
    return "\n\n".join(b.text for b in blocks if b.kind == "prose")[:ANSWER_CHARS]


def unclaimed_blocks(document: Document, sections: dict[str, Section]) -> dict[str, list[Block]]:
    """Blocks no located problem holds, per problem kind: what an unlocated notebook problem
    may be graded on (any block), and an unlocated theory problem (prose of some length).

    A file's preamble (the blocks before its first located problem: course, name, date) is
    nobody's answer and is left out."""
    claimed = {b.index for s in sections.values() for b in s.blocks}
    first_start: dict[str, int] = {}
    for section in sections.values():
        if section.located:
            head = section.blocks[0]
            first_start[head.source] = min(first_start.get(head.source, head.index), head.index)
    free = [
        b
        for b in document.blocks
        if b.index not in claimed and b.index >= first_start.get(b.source, -1)
    ]
    prose = [b for b in free if b.kind == "prose" and len(b.text.split()) >= MIN_ANSWER_WORDS]
    return {"notebook": free, "theory": prose}


def flag_unread_parts(parts: dict[str, PartResult], section: Section) -> None:
    """Flag the ``missing`` parts of a located problem that the student seems to have answered.

    A part is flagged when a later part of the problem was found, or when the problem's
    section holds answer content (an output, or prose of some length) after the last block
    any part's evidence cites: the answer may be there in a form the grader does not read.
    A notebook that simply stops (every part after some point missing, nothing after the
    last graded block) keeps plain ``missing`` parts."""
    if not section.located or section.unsure:
        return
    order = list(parts)
    index_of = {b.where(): b.index for b in section.blocks}
    cited = [
        index_of[e["where"]]
        for p in parts.values()
        for e in p.evidence
        if isinstance(e.get("where"), str) and e["where"] in index_of
    ]
    last = max(cited, default=-1)
    beyond = [
        b
        for b in section.blocks
        if b.index > last
        and (b.kind == "output" or (b.kind == "prose" and len(b.text.split()) >= MIN_ANSWER_WORDS))
    ]
    found = [i for i, pid in enumerate(order) if parts[pid].status != MISSING]
    for i, pid in enumerate(order):
        part = parts[pid]
        if part.status != MISSING or FLAG_REVIEW in part.flags:
            continue
        if any(j > i for j in found):
            why = "later parts of this problem were answered"
        elif beyond:
            why = f"the problem continues after the last graded block ({beyond[0].where()})"
        else:
            continue
        part.flags.append(FLAG_REVIEW)
        part.evidence.append(
            asdict(
                Evidence(
                    "(where the answer is)",
                    "—",
                    f"not found, but {why}: it may be answered in a form the grader does not "
                    "read; a TA should look before the zero stands",
                )
            )
        )


def grade_document(document: Document, rubric: Rubric, options: GradeOptions) -> StudentResult:
    """Grade a read submission against a rubric."""
    sections = segment(document, rubric)
    unclaimed = unclaimed_blocks(document, sections)
    problems: dict[str, ProblemResult] = {}
    for problem in rubric.problems:
        section = sections[problem.id]
        parts = {
            p.id: grade_part(p, problem, document, section, options, unclaimed[problem.kind])
            for p in problem.parts
        }
        flag_unread_parts(parts, section)
        problems[problem.id] = ProblemResult(
            score=sum_points(p.score for p in parts.values()),
            max=problem.points,
            title=problem.title,
            parts=parts,
            located=section.located,
            located_by=section.located_by,
            confidence=section.confidence,
        )
    total = sum_points(p.score for p in problems.values())
    return StudentResult(
        document.student, document.sources, "graded", None, total, rubric.max_points, problems
    )


def error_result(path: Path, rubric: Rubric, reason: str) -> StudentResult:
    """The result of a student whose submission could not be read."""
    sources = [p.name for p in submission_files(path)] if path.exists() else []
    return StudentResult(student_id(path), sources, "error", reason, 0.0, rubric.max_points, {})


def grade_path(path: Path, rubric: Rubric, options: GradeOptions) -> StudentResult:
    """Read and grade one student's file or folder; unreadable input gives an error result.
    With ``options.execute`` the notebooks are also run again (:mod:`grader.reexecution`)."""
    try:
        document = read_submission(path)
    except IngestError as exc:
        return error_result(path, rubric, str(exc))
    except OSError as exc:
        return error_result(path, rubric, f"{path.name}: cannot be read ({exc.strerror})")
    result = grade_document(document, rubric, options)
    if options.execute and options.run_code:
        notebooks = [f for f in submission_files(path) if f.suffix == ".ipynb"]
        attach_reexecution(result, notebooks, options)
    return result
