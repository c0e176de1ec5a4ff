"""Grade one student: read, segment, run every part's check, add up the points."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from grader.checks.base import CheckContext, GradeOptions
from grader.checks.cells import review_weak_outputs
from grader.checks.registry import get_check
from grader.document import Block, Document
from grader.ingest import IngestError, read_submission, student_id, submission_files
from grader.numbering import split_at_problem_labels
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


def _not_found(problem: ProblemSpec, looked: str) -> CheckOutcome:
    """Nothing in the submission is recognised by this part's check: a plain missing, with
    no flag, and where the grader looked."""
    return CheckOutcome(
        0.0,
        MISSING,
        [
            Evidence(
                "(not found)",
                f"an answer to problem {problem.number}: {problem.title}",
                f"no heading, number, title or fingerprint of this problem was found, and its "
                f"check recognised nothing in {looked}",
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
    elsewhere: list[Region] | None = None,
) -> PartResult:
    """Score one part.

    ``missing`` is a claim the grader has checked: a part whose problem was not located, or
    a notebook part not found in its located section, is looked for by its own check in
    ``elsewhere`` (the blocks no problem claimed, then each other problem's section). What
    is found there is a suggested score, flagged for review, with where it was found. With
    nothing found anywhere it is a plain ``missing`` that says where the grader looked. A
    section the locator is unsure of is graded, and flagged.
    """
    blocks: list[Block] = []
    if section.located:
        blocks = section.parts.get(part.id, section.blocks)
        outcome = run_check(CheckContext(part, problem, document, blocks, section.blocks, options))
        if section.unsure:
            outcome = _for_review(outcome, f"the locator is unsure: {section.located_by}")
        elif outcome.status == MISSING and problem.kind == "notebook" and elsewhere:
            found = search_elsewhere(part, problem, document, options, elsewhere)
            if found is not None:
                outcome, blocks = found
    else:
        found = search_elsewhere(part, problem, document, options, elsewhere or [])
        if found is not None:
            outcome, blocks = found
        else:
            looked = "; ".join(r.describe() for r in elsewhere or []) or "the submission"
            outcome = _not_found(problem, looked)
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


@dataclass(frozen=True)
class Region:
    """Blocks a part not found in its own section is looked for in, and what they are."""

    name: str  # "the blocks no problem claimed", "problem 2's section"
    blocks: tuple[Block, ...]
    unclaimed: bool = False

    def describe(self) -> str:
        """The region in words, with its size."""
        return f"{self.name} ({len(self.blocks)} block(s))"


def search_elsewhere(
    part: PartSpec,
    problem: ProblemSpec,
    document: Document,
    options: GradeOptions,
    regions: list[Region],
) -> tuple[CheckOutcome, list[Block]] | None:
    """The part's own check run on each region in turn; the first region where it finds
    something (a share of the points, or a verdict that is not ``missing``, in the blocks
    no problem claimed; a share of the points in another problem's section) gives the
    suggested score, flagged for review with where it was found. None when no region has
    anything this check recognises."""
    wanted = "prose" if problem.kind == "theory" else None
    for region in regions:
        pool = [b for b in region.blocks if wanted is None or b.kind == wanted]
        if not pool:
            continue
        outcome = run_check(CheckContext(part, problem, document, pool, pool, options))
        recognised = outcome.fraction > 0 or (region.unclaimed and outcome.status != MISSING)
        if recognised:
            where = ", ".join(dict.fromkeys(b.source for b in pool))
            note = (
                f"problem {problem.number}'s answer to this part was not found where its "
                f"section is; its check found this in {region.describe()} of {where}"
            )
            return _for_review(outcome, note), pool
    return None


def regions_outside(
    unclaimed: dict[str, list[Block]],
    sections: dict[str, Section],
    problem: ProblemSpec,
    rubric: Rubric,
) -> list[Region]:
    """Where a part not found in ``problem``'s section is looked for: the blocks no problem
    claimed (``unclaimed``, from :func:`unclaimed_blocks`; for a theory problem, its prose
    of some length); then, for a theory problem, the files' openings (before their first
    located problem: a title page, or an answer with no heading), the prose a notebook
    problem's section holds before its first code, and every other located theory
    problem's section, in document order (an answer a previous section swallowed). The rest
    of a notebook's prose is the handout's and the student's notes on code, never searched
    for a theory answer's words; a notebook's code that fingerprints as another notebook
    problem is that problem's (grader.locate)."""
    regions = []
    if unclaimed[problem.kind]:
        name = "the blocks no problem claimed"
        regions.append(Region(name, tuple(unclaimed[problem.kind]), unclaimed=True))
    if problem.kind != "theory":
        return regions
    if unclaimed["opening"]:
        name = "the files' openings, before their first located problem"
        regions.append(Region(name, tuple(unclaimed["opening"])))
    for other in rubric.problems:
        before_code = (
            _prose_before_code(sections[other.id].blocks) if other.kind == "notebook" else []
        )
        if before_code:  # a single PDF's theory, taken into the notebook found below it
            name = f"problem {other.number}'s section, before its first code"
            regions.append(Region(name, tuple(before_code)))
    others = sorted(
        (
            p
            for p in rubric.problems
            if p.kind == "theory" and p is not problem and sections[p.id].located
        ),
        key=lambda p: sections[p.id].blocks[0].index,
    )
    for other in others:
        regions.append(
            Region(f"problem {other.number}'s section", tuple(sections[other.id].blocks))
        )
    return regions


def _answer(blocks: list[Block]) -> str:
    """A theory part's prose, as answer groups compare it."""
    return "\n\n".join(b.text for b in blocks if b.kind == "prose")[:ANSWER_CHARS]


def unclaimed_blocks(document: Document, sections: dict[str, Section]) -> dict[str, list[Block]]:
    """Blocks no located problem holds: any kind (what an unlocated notebook problem may be
    graded on), and prose of some length (an unlocated theory problem's).

    A file's opening (the blocks before its first located problem: course, name, date, or
    an answer with no heading) is apart, under "opening": only a check that recognises its
    answer there takes it (see :func:`search_elsewhere`)."""
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
    opening = [
        b
        for b in document.blocks
        if b.index < first_start.get(b.source, -1) and b.kind == "prose" and _answer_sized(b)
    ]
    prose = [b for b in free if b.kind == "prose" and _answer_sized(b)]
    return {"notebook": free, "theory": prose, "opening": opening}


def _prose_before_code(blocks: list[Block]) -> list[Block]:
    """A section's prose of some length before its first code block, in the file it starts
    in: where a notebook problem found by its code at the top of a file (a single PDF)
    holds the theory written above the notebook."""
    head = []
    for block in blocks:
        if block.kind != "prose" or block.source != blocks[0].source:
            break
        head.append(block)
    return [b for b in head if _answer_sized(b)]


def _answer_sized(block: Block) -> bool:
    return len(block.text.split()) >= MIN_ANSWER_WORDS


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
    document = split_at_problem_labels(document)
    sections = segment(document, rubric)
    unclaimed = unclaimed_blocks(document, sections)
    problems: dict[str, ProblemResult] = {}
    for problem in rubric.problems:
        section = sections[problem.id]
        elsewhere = regions_outside(unclaimed, sections, problem, rubric)
        parts = {
            p.id: grade_part(p, problem, document, section, options, elsewhere)
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
