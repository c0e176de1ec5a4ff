"""What workers run: grade one submission sent as bytes; render one student's report.

Grading runs anywhere (a local pool or a dask cluster), so it receives bytes and returns
the result. Reports are rendered by local workers only, straight into the output folder.
"""

from __future__ import annotations

import tempfile
import threading
import time
from functools import cache
from pathlib import Path

from grader.budget import DEFAULT_STUDENT_TIMEOUT_S, GradingTimeout, student_budget
from grader.checks.base import GradeOptions
from grader.classinputs import Payload
from grader.grade import error_result, grade_path
from grader.report import ReportWriter
from grader.results import StudentResult
from grader.rubric import Rubric

# Grading is not thread-safe (CPython 3.11's ast module keeps shared state), so a worker
# process with several threads (a dask worker started without --nthreads 1) grades one
# submission at a time.
_ONE_AT_A_TIME = threading.Lock()


def grade_payload(
    payload: Payload,
    rubric: Rubric,
    options: GradeOptions,
    timeout_s: float | None = DEFAULT_STUDENT_TIMEOUT_S,
) -> tuple[StudentResult, float]:
    """Grade one submission within ``timeout_s``; return the result and the seconds it took.
    Over the budget, the result is an error naming the stage (:mod:`grader.budget`)."""
    start = time.perf_counter()
    with _ONE_AT_A_TIME, tempfile.TemporaryDirectory(prefix="grader-") as tmp:
        folder = payload.write(Path(tmp))
        try:
            with student_budget(timeout_s) as budget:
                result = grade_path(folder, rubric, options)
        except GradingTimeout:
            result = error_result(folder, rubric, budget.reason)
    result.student = payload.student
    return result, time.perf_counter() - start


@cache
def _report_writer(
    rubric: Rubric, out_dir: Path, templates_dir: Path | None, pdf: bool
) -> ReportWriter:
    return ReportWriter(rubric, out_dir, templates_dir, pdf=pdf)


def render_report(
    result: StudentResult, rubric: Rubric, out_dir: Path, templates_dir: Path | None, pdf: bool
) -> list[Path]:
    """Write one student's report into ``out_dir`` (a local folder); return the files."""
    return _report_writer(rubric, out_dir, templates_dir, pdf).student(result)
