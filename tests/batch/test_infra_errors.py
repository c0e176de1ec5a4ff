"""An infrastructure failure is not a grade (issue 3/5): a function test the sandbox could
not run is status ``error`` for its part, flagged, not kept in the gradebook, counted apart
in the run's summary, and graded again by the next run."""

from __future__ import annotations

from pathlib import Path

from conftest import NO_REPORTS, write_class

from grader.batch import grade_batch
from grader.checks import function_tests
from grader.checks.base import GradeOptions
from grader.results import ERROR, FLAG_REVIEW
from grader.runsummary import summary_lines
from grader.sandbox.client import SandboxError
from grader.sandbox.compare import Verdict
from grader.sandbox.functions import PASSED, FunctionReport


def _server_died(*args, **kwargs):
    raise SandboxError("the sandbox server stopped (killed by the machine)")


def _all_pass(blocks, requests, options, section=None):
    verdict = Verdict("t", True, "input", "1", "1", "matches the reference")
    return {r.function: FunctionReport(r.function, PASSED, [verdict]) for r in requests}


def test_a_sandbox_failure_is_an_error_part_that_the_next_run_grades(
    tmp_path: Path, rubric, monkeypatch
) -> None:
    folder = tmp_path / "class"
    write_class(folder, 4, seed=3)
    out = tmp_path / "out"
    options = GradeOptions()

    monkeypatch.setattr(function_tests, "run_function_tests", _server_died)
    first = grade_batch([folder], rubric, out, options, config=NO_REPORTS)
    failed = [r for r in first.results if r.failed_parts]
    assert failed, "no student had a part tested in the sandbox"
    for result in failed:
        for problem in result.problems.values():
            for part in problem.parts.values():
                if part.status == ERROR:
                    assert FLAG_REVIEW in part.flags
                    assert "the grader failed" in part.evidence[0]["reason"]
    lines = "\n".join(summary_lines(first, out))
    count = sum(len(r.failed_parts) for r in failed)
    assert f"Not graded because the grader failed (not the students' work), {count} part" in lines

    monkeypatch.setattr(function_tests, "run_function_tests", _all_pass)
    function_tests._cache.clear()
    second = grade_batch([folder], rubric, out, options, config=NO_REPORTS)
    assert second.graded == len(failed)  # the others' results were kept and reused
    assert not any(r.failed_parts for r in second.results)
    assert "grader failed" not in "\n".join(summary_lines(second, out))
