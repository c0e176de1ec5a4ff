"""Gradescope results and autograder zip, and the LMS gradebook CSVs."""

from __future__ import annotations

import copy
import csv
import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from builders import code, markdown, stream, write_notebook
from click.testing import Result
from reportkit import grade_all, hw2, run_cli, write_class

from grader.exports.gradescope import VISIBILITIES, results_json
from grader.exports.lms import lms_csv
from grader.output import grades_csv
from grader.report.env import TemplateDataError


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list:
    folder = write_class(tmp_path_factory.mktemp("class"))
    return grade_all(sorted(folder.iterdir()), hw2())


def cli(*args: str | Path) -> Result:
    return run_cli(*args)


def test_gradescope_results_follow_the_autograder_spec(results) -> None:
    for result in results:
        data = results_json(result)
        assert data["visibility"] == "after_published" and isinstance(data["output"], str)
        if result.status == "error":
            assert data["tests"] == [] and data["score"] == 0 and result.error in data["output"]
            continue
        parts = [p for problem in result.problems.values() for p in problem.parts.values()]
        assert len(data["tests"]) == len(parts)
        for test in data["tests"]:
            assert {"name", "score", "max_score", "output", "visibility"} <= set(test)
            assert test["visibility"] in VISIBILITIES and 0 <= test["score"] <= test["max_score"]
            assert test["output"].startswith("Verdict: ")
        assert sum(t["score"] for t in data["tests"]) == pytest.approx(result.total)
        assert data["score"] == result.total
    with pytest.raises(ValueError, match="visibility"):
        results_json(results[0], "public")


def test_lms_csvs_have_an_id_column_and_a_points_column_per_item(results) -> None:
    graded = {r.student: r for r in results}
    rows = list(csv.DictReader(io.StringIO(lms_csv(results, hw2(), "brightspace"))))
    assert list(rows[0]) == ["Username", "Assignment 2 Points Grade", "End-of-Line Indicator"]
    for row in rows:
        result = graded[row["Username"]]
        expected = "" if result.status == "error" else f"{result.total:g}"
        assert row["Assignment 2 Points Grade"] == expected and row["End-of-Line Indicator"] == "#"
    lines = list(csv.reader(io.StringIO(lms_csv(results, hw2(), "canvas", items="problems"))))
    items = [f"Assignment 2 {p.id}" for p in hw2().problems]
    assert lines[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *items]
    assert lines[1][0].strip() == "Points Possible"
    assert lines[1][5:] == [f"{p.points:g}" for p in hw2().problems]
    tess = next(line for line in lines[2:] if line[3] == "tess")
    assert tess[5:] == [f"{graded['tess'].problems[p.id].score:g}" for p in hw2().problems]
    with pytest.raises(TemplateDataError, match="no style 'moodle'"):
        lms_csv(results, hw2(), "moodle")


def _late(result, share: float = 0.2):
    """A copy of ``result`` submitted late: ``share`` of its total taken off."""
    late = copy.deepcopy(result)
    deducted = round(late.total * share, 4)
    late.late = {
        "submitted_at": "2024-03-10T12:00:00+00:00",
        "deadline": "2024-03-08T23:59:00+00:00",
        "days_late": 2,
        "penalty": share,
        "points_deducted": deducted,
        "total_before_penalty": late.total,
    }
    late.total = round(late.total - deducted, 4)
    return late


def test_a_late_penalty_shows_in_every_export_and_rows_add_up(results) -> None:
    tess = _late(next(r for r in results if r.student == "tess"))
    others = [r for r in results if r.student != "tess"]
    deducted = tess.late["points_deducted"]
    assert deducted > 0
    data = results_json(tess)
    assert data["tests"][-1]["name"] == "Late penalty" and data["tests"][-1]["score"] == -deducted
    assert "2 day(s) after the deadline" in data["tests"][-1]["output"]
    assert sum(t["score"] for t in data["tests"]) == pytest.approx(data["score"])
    rows = list(csv.DictReader(io.StringIO(grades_csv([tess, *others], hw2()))))
    row = next(r for r in rows if r["student"] == "tess")
    assert float(row["raw_total"]) == tess.late["total_before_penalty"]
    assert float(row["late_penalty"]) == deducted and float(row["total"]) == tess.total
    on_time = next(r for r in rows if r["status"] == "graded" and r["student"] != "tess")
    assert float(on_time["late_penalty"]) == 0 and on_time["raw_total"] == on_time["total"]
    broken = next(r for r in rows if r["status"] == "error")
    assert broken["raw_total"] == broken["late_penalty"] == ""
    lines = list(csv.reader(io.StringIO(lms_csv([tess, *others], hw2(), "canvas", "problems"))))
    assert lines[0][-1] == "Assignment 2 late penalty" and lines[1][-1] == "0"
    tess_row = next(line for line in lines[2:] if line[3] == "tess")
    assert sum(float(x) for x in tess_row[5:]) == pytest.approx(tess.total, abs=1e-6)
    assert tess_row[-1] == f"{-deducted:g}"


def test_canvas_rows_carry_the_lms_id_and_the_assignment_column_its_id(results) -> None:
    ids = [copy.deepcopy(r) for r in results]
    for number, result in enumerate(ids):
        result.lms_id = str(340934 + number)
    lines = list(csv.reader(io.StringIO(lms_csv(ids, hw2(), "canvas", assignment_id="9911"))))
    assert lines[0][5] == "Assignment 2 (9911)"
    for result, line in zip(ids, lines[2:], strict=True):
        assert (line[1], line[3]) == (result.lms_id, result.student)
        assert line[5] == ("" if result.status == "error" else f"{result.total:g}")


def test_grade_refuses_an_unknown_lms_style(tmp_path: Path) -> None:
    proc = cli("grade", str(tmp_path), "-a", "hw2-2024", "-o", str(tmp_path / "o"), "--lms", "x")
    assert proc.exit_code == 2 and "unknown style 'x'" in proc.stderr  # click's usage error


def test_gradescope_build_zip_holds_scripts_and_the_project(tmp_path: Path) -> None:
    target = tmp_path / "autograder.zip"
    proc = cli("gradescope", "build", "--assignment", "hw2-2024", "--out", str(target))
    assert proc.exit_code == 0, proc.stderr
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        for script in ("setup.sh", "run_autograder"):
            mode = archive.getinfo(script).external_attr >> 16
            assert mode & stat.S_IXUSR, f"{script} is not executable"
        assert archive.read("ASSIGNMENT").decode().strip() == "hw2-2024"
        run = archive.read("run_autograder").decode()
        assert "/autograder/submission" in run and "/autograder/results/results.json" in run
        assert "pip install -e /autograder/source/grader-src" in archive.read("setup.sh").decode()
    for needed in (
        "pyproject.toml",
        "grader/cli.py",
        "rubrics/hw2-2024.yaml",
        "templates/report.html.j2",
    ):
        assert f"grader-src/{needed}" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_gradescope_run_grades_a_submission_folder(tmp_path: Path) -> None:
    submission = tmp_path / "submission"
    submission.mkdir()
    write_notebook(
        submission / "hw.ipynb",
        markdown("## 5. Sentiment analysis using Transformer models"),
        code("# Q1a\nprint(len(tokenizer))", stream("30522\n")),
    )
    results = tmp_path / "results" / "results.json"
    proc = cli(
        "gradescope", "run", "-a", "hw2-2024", "--submission", str(submission),
        "--results", str(results), "--visibility", "visible",
    )  # fmt: skip
    assert proc.exit_code == 0, proc.stderr
    data = json.loads(results.read_text())
    assert isinstance(data["execution_time"], int)
    q1a = next(t for t in data["tests"] if t["number"] == "p5.q1a")
    assert q1a["score"] == q1a["max_score"] and q1a["visibility"] == "visible"


def test_outputs_are_readable_by_colleagues_under_the_umask(tmp_path: Path) -> None:
    """Written atomically through a temporary file, an output still gets the umask's mode
    (0644 under 022), not the temporary file's 0600 (issue 4/5)."""
    import os

    from grader.output import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "grades.csv", "a,b\n")
    finally:
        os.umask(old)
    assert (tmp_path / "grades.csv").stat().st_mode & 0o777 == 0o644
