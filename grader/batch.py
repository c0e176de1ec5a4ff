"""Grade a class: collect the students from the given paths, grade each, write outputs.

A path is either a file (one student) or a class folder, whose every file and every
subfolder is one student. One student's failure never stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from grader.checks.base import GradeOptions
from grader.grade import grade_path
from grader.ingest import student_id
from grader.output import write_gradebook
from grader.report import render_index, render_student
from grader.results import StudentResult
from grader.rubric import Rubric

log = logging.getLogger(__name__)


class BatchError(Exception):
    """The batch cannot start (e.g. a path does not exist); the message says what to fix."""


@dataclass
class BatchResult:
    """What a batch run produced."""

    results: list[StudentResult]
    written: list[Path] = field(default_factory=list)


def collect_students(paths: list[Path]) -> list[Path]:
    """The students in the given paths, in a stable order, hidden files skipped."""
    students: list[Path] = []
    for path in paths:
        if not path.exists():
            raise BatchError(f"{path}: no such file or folder")
        if path.is_file():
            students.append(path)
            continue
        students.extend(sorted(p for p in path.iterdir() if not p.name.startswith((".", "_"))))
    return students


def _unique_ids(results: list[StudentResult]) -> None:
    seen: dict[str, int] = {}
    for result in results:
        count = seen.get(result.student, 0)
        seen[result.student] = count + 1
        if count:
            log.warning(
                "two submissions are named %s; the second is %s-%d",
                result.student,
                result.student,
                count + 1,
            )
            result.student = f"{result.student}-{count + 1}"


def grade_batch(
    paths: list[Path],
    rubric: Rubric,
    out_dir: Path,
    options: GradeOptions | None = None,
    templates_dir: Path | None = None,
    on_result: Callable[[StudentResult], None] | None = None,
) -> BatchResult:
    """Grade every student under ``paths`` and write gradebook files and reports."""
    options = options or GradeOptions()
    students = collect_students(paths)
    results = []
    for path in students:
        result = grade_path(path, rubric, options)
        if result.student != student_id(path):
            log.debug("student id %s from %s", result.student, path)
        results.append(result)
        if on_result:
            on_result(result)
    _unique_ids(results)
    written = write_gradebook(results, rubric, out_dir)
    written += [render_student(r, rubric, out_dir, templates_dir) for r in results]
    written.append(render_index(results, rubric, out_dir, templates_dir))
    return BatchResult(results, written)
