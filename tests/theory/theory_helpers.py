"""Build check contexts for theory answers, and read the seeds' answers, for the tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from grader.checks.base import CheckContext
from grader.checks.registry import get_check
from grader.document import Block, Document
from grader.results import CheckOutcome
from grader.rubric import PartSpec, ProblemSpec, load_rubric


@cache
def part(assignment: str, part_id: str) -> tuple[ProblemSpec, PartSpec]:
    """A part of a real rubric, with the params its YAML gives."""
    rubric = load_rubric(assignment)
    for problem in rubric.problems:
        for spec in problem.parts:
            if spec.id == part_id:
                return problem, spec
    raise KeyError(part_id)


def context(assignment: str, part_id: str, *texts: str, origin: str = "md") -> CheckContext:
    """The context a check gets when the part's answer is ``texts`` (prose blocks)."""
    problem, spec = part(assignment, part_id)
    document = Document("student", ["answer"])
    document.add([Block("prose", text, "answer", origin) for text in texts])
    return CheckContext(spec, problem, document, document.blocks, document.blocks)


def grade(assignment: str, part_id: str, *texts: str, origin: str = "md") -> CheckOutcome:
    """Run the part's check on an answer."""
    ctx = context(assignment, part_id, *texts, origin=origin)
    return get_check(ctx.part.check)(ctx)


def seed_slice(seeds_dir: Path, seed: str, start: str, stop: str) -> str:
    """Seed ``seed``'s text (e.g. "003") from ``start`` up to ``stop``: a problem's answer."""
    (path,) = seeds_dir.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    begin = text.index(start)
    return text[begin : text.index(stop, begin + len(start))]
