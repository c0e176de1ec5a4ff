"""The output folder's guards (issue 4/5): one run at a time, one assignment per folder, no
report left behind that does not match grades.json, and reports that say which grades
they show."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import HTML_ONLY, NO_REPORTS, NO_RUN, run_cli

from grader.batch import BatchConfig, BatchError, grade_batch
from grader.outdir import LOCK_NAME, run_lock
from grader.output import result_digest
from grader.report.outputs import OutputOptions
from grader.rubric import Rubric, load_rubric

WITH_PDF = BatchConfig(outputs=OutputOptions(pdf=True))


def _one_student(small_class: Path) -> Path:
    """The first student of the small class, alone."""
    return sorted(small_class.iterdir())[0]


def test_a_second_run_into_the_same_folder_stops_at_once(small_class: Path, tmp_path) -> None:
    out = tmp_path / "out"
    with run_lock(out):  # a run in progress
        proc = run_cli("grade", str(small_class), "-a", "hw2-2024", "-o", str(out), "--no-run")
    assert proc.returncode == 2
    assert "another grader run is writing here" in proc.stderr and "Traceback" not in proc.stderr
    assert not (out / "grades.json").exists()
    assert (out / LOCK_NAME).is_file()  # released: the next run proceeds
    again = run_cli(
        "grade", str(small_class), "-a", "hw2-2024", "-o", str(out), "--no-run", "--no-reports"
    )
    assert again.returncode == 0, again.stderr


def test_another_assignment_is_refused_without_force(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    grade_batch([small_class], rubric, out, NO_RUN, config=NO_REPORTS)
    before = (out / "grades.json").read_text()
    other = load_rubric("hw3-2023")
    with pytest.raises(BatchError, match=r"holds the grades of hw2-2024 \(Assignment 2\)"):
        grade_batch([small_class], other, out, NO_RUN, config=NO_REPORTS)
    assert (out / "grades.json").read_text() == before  # nothing touched
    forced = BatchConfig(force=True, reports=False)
    grade_batch([small_class], other, out, NO_RUN, config=forced)
    assert json.loads((out / "grades.json").read_text())["assignment"] == "hw3-2023"


def test_a_run_without_pdfs_removes_the_stale_ones_and_says_so(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    student = _one_student(small_class)
    out = tmp_path / "out"
    first = grade_batch([student], rubric, out, NO_RUN, config=WITH_PDF)
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == 2 and not first.removed  # the report and the class summary
    second = grade_batch([student], rubric, out, NO_RUN, config=HTML_ONLY)
    assert sorted(second.removed) == pdfs and not list(out.rglob("*.pdf"))
    assert list(out.rglob("report.html"))  # the HTML is rewritten, not removed
    proc = run_cli(
        "grade", str(student), "-a", "hw2-2024", "-o", str(out), "--no-run", "--no-reports"
    )
    assert proc.returncode == 0, proc.stderr
    assert "Removed 2 reports left by an earlier run" in proc.stdout
    assert not list(out.rglob("report.html")) and not (out / "index.html").exists()


def test_each_report_carries_the_digest_of_the_grades_it_shows(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    batch = grade_batch([small_class], rubric, out, NO_RUN, config=HTML_ONLY)
    grades = json.loads((out / "grades.json").read_text())
    for entry, result in zip(grades["students"], batch.results, strict=True):
        assert entry["digest"] == result_digest(result)
        html = out / entry["student"] / "report.html"
        shown = re.search(r"grades ([0-9a-f]{12})", html.read_text()).group(1)
        assert shown == entry["digest"]
    index = (out / "index.html").read_text()
    assert f"grades {grades['digest']}" in index
