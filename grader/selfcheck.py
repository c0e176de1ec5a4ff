"""Self-check for students: which parts are done, missing or look wrong, with a hint each.

The verdicts come from the real grader; what is shown is only the part, its verdict and a
generic hint from ``templates/selfcheck_hints.yaml``. Evidence (which carries reference
values) and rubric params (thresholds) are never printed.

From a shell: ``grader check FILE --assignment ID``. Inside a notebook::

    from grader import check
    check("p5")   # reads the saved notebook: save first
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from grader.checks.base import GradeOptions
from grader.grade import grade_document
from grader.ingest import IngestError, read_submission
from grader.report.env import template_data
from grader.results import FLAG_INTEGRITY, MISSING, NOT_GRADED, PASS, PartResult, ProblemResult
from grader.rubric import ProblemSpec, Rubric, RubricError, available_assignments, load_rubric
from grader.segment import segment

HINTS_FILE = "selfcheck_hints.yaml"
DONE, MISSING_PART, WRONG, BY_TA = "done", "missing", "looks wrong", "TA grades"
NOTEBOOK_ENV = ("GRADER_NOTEBOOK", "JPY_SESSION_NAME")  # set by the course, or by Jupyter


class SelfCheckError(Exception):
    """The self-check cannot run (no file, unknown problem…); the message says what to do."""


@dataclass(frozen=True)
class Row:
    """One part's self-check verdict."""

    part: str
    title: str
    verdict: str
    hint: str

    @property
    def problem(self) -> bool:
        """Whether this part needs the student's attention."""
        return self.verdict in (MISSING_PART, WRONG)


def _row(part_id: str, part: PartResult, hints: dict, searched: str) -> Row:
    """The verdict and hint of one part; a missing part's says where the grader looked."""
    if FLAG_INTEGRITY in part.flags:
        return Row(part_id, part.title, WRONG, hints["integrity"])
    if part.status == PASS:
        return Row(part_id, part.title, DONE, "")
    if part.status == MISSING:
        table = hints["missing"]
        hint = table.get(part.check, table["default"])
        return Row(part_id, part.title, MISSING_PART, f"{hint} Searched: {searched}.")
    if part.status == NOT_GRADED:
        return Row(part_id, part.title, BY_TA, hints["by_ta"])
    table = hints["wrong"]
    return Row(part_id, part.title, WRONG, table.get(part.check, table["default"]))


def self_check(path: Path, rubric: Rubric, problem: str | None = None) -> list[Row]:
    """Grade a submission and return one row per part (of one problem, if given)."""
    if problem is not None and problem not in {p.id for p in rubric.problems}:
        known = ", ".join(p.id for p in rubric.problems)
        raise SelfCheckError(f"{rubric.id} has no problem '{problem}' (its problems: {known})")
    try:
        document = read_submission(path)
    except IngestError as exc:
        raise SelfCheckError(str(exc)) from None
    result = grade_document(document, rubric, GradeOptions())
    hints = template_data(HINTS_FILE)
    # Without --problem, the problems this file holds: a notebook of problem 5 alone is not
    # told that problems 1 to 4 are missing (when none is found, all are listed).
    located = {pid for pid, graded in result.problems.items() if graded.located}
    wanted = {problem} if problem is not None else (located or set(result.problems))
    specs = {p.id: p for p in rubric.problems}
    return [
        _row(part_id, part, hints, _searched(specs[problem_id], graded))
        for problem_id, graded in result.problems.items()
        if problem_id in wanted
        for part_id, part in graded.parts.items()
    ]


def _searched(problem: ProblemSpec, graded: ProblemResult) -> str:
    """Where the grader looked for a problem's parts (grader.grade), in words a student can
    act on and with no reference value: a located problem's section, then for a notebook
    question the rest of the submission; for a problem not located, the whole submission."""
    if not graded.located:
        return "your whole submission, for this problem's heading, number, title and answer"
    if problem.kind == "notebook":
        return "this problem's section, then the rest of your submission"
    return "this problem's section"


def format_table(rows: list[Row], width: int = 100) -> str:
    """The rows as a plain-text table; hints wrapped under their part."""
    part_w = max([len("Part"), *(len(r.part) for r in rows)])
    verdict_w = max(len(v) for v in (DONE, MISSING_PART, WRONG, BY_TA))
    header = f"{'Part':<{part_w}}  {'Verdict':<{verdict_w}}  Title"
    lines = [header, "-" * len(header)]
    indent = " " * (part_w + verdict_w + 4)
    for r in rows:
        lines.append(f"{r.part:<{part_w}}  {r.verdict:<{verdict_w}}  {r.title}")
        if r.hint:
            lines += textwrap.wrap(r.hint, width, initial_indent=indent, subsequent_indent=indent)
    counts = {v: sum(r.verdict == v for r in rows) for v in (DONE, MISSING_PART, WRONG, BY_TA)}
    lines += ["", ", ".join(f"{n} {v}" for v, n in counts.items() if n)]
    return "\n".join(lines)


def guess_assignment(path: Path, problem: str | None) -> Rubric:
    """The rubric whose problems are best located in the submission (and have ``problem``)."""
    try:
        document = read_submission(path)
    except IngestError as exc:
        raise SelfCheckError(str(exc)) from None
    scored = []
    for assignment in available_assignments():
        try:
            rubric = load_rubric(assignment)
        except RubricError:
            continue
        if problem is None or problem in {p.id for p in rubric.problems}:
            located = sum(s.located for s in segment(document, rubric).values())
            scored.append((located, rubric))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        names = ", ".join(r.id for _, r in scored) or ", ".join(available_assignments())
        raise SelfCheckError(
            f"cannot tell the assignment; name it with --assignment ID (in a notebook: "
            f"check(assignment='ID')), one of: {names}"
        )
    return scored[0][1]


def _notebook_path() -> Path:
    for name in NOTEBOOK_ENV:
        if os.environ.get(name):
            return Path(os.environ[name])
    try:  # VS Code's Jupyter extension names the notebook in the user namespace
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None and shell.user_ns.get("__vsc_ipynb_file__"):
            return Path(shell.user_ns["__vsc_ipynb_file__"])
    except ImportError:
        pass
    raise SelfCheckError("cannot find this notebook's file; call check(..., path='name.ipynb')")


def check(
    problem: str | None = None, assignment: str | None = None, path: str | Path | None = None
) -> list[Row]:
    """Self-check the saved notebook (or ``path``): print the table and return its rows."""
    target = Path(path) if path is not None else _notebook_path()
    if not target.exists():
        raise SelfCheckError(f"{target}: no such file; save the notebook or pass path=")
    try:
        rubric = load_rubric(assignment) if assignment else guess_assignment(target, problem)
    except RubricError as exc:
        raise SelfCheckError(str(exc)) from None
    rows = self_check(target, rubric, problem)
    print(
        f"Self-check of {target.name} against {rubric.title} ({rubric.id}); save before checking."
    )
    print(format_table(rows))
    return rows
