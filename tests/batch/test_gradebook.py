"""The SQLite gradebook: reruns grade only what changed, and outputs come from it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import CLASS_SIZE, HTML_ONLY, NO_REPORTS, NO_RUN, run_cli
from synthetic import write_class

from grader import gradebook
from grader.batch import BatchConfig, BatchError, grade_batch
from grader.checks.base import GradeOptions
from grader.gradebook import Gradebook, ResultKey, result_from_dict
from grader.paths import RUBRICS_DIR
from grader.rubric import Rubric, load_rubric

OTHER_SETTINGS = GradeOptions(run_code=False, allow_unsandboxed=True)  # cheap, but not NO_RUN


def _students(out: Path) -> list[dict]:
    return json.loads((out / "grades.json").read_text())["students"]


def test_rerun_grades_only_what_changed(small_class: Path, rubric: Rubric, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = grade_batch([small_class], rubric, out, NO_RUN, config=NO_REPORTS)
    assert (first.graded, first.reused) == (CLASS_SIZE, 0)
    before = _students(out)
    assert len(before) == CLASS_SIZE and (out / "gradebook.sqlite").is_file()

    again = grade_batch([small_class], rubric, out, NO_RUN, config=NO_REPORTS)
    assert (again.graded, again.reused) == (0, CLASS_SIZE)
    assert _students(out) == before  # written from the gradebook, identical

    changed = small_class / "s0001.md"
    changed.write_text(changed.read_text().replace("30522", "30000"))
    third = grade_batch([small_class], rubric, out, NO_RUN, config=NO_REPORTS)
    assert (third.graded, third.reused) == (1, CLASS_SIZE - 1)
    after = {s["student"]: s for s in _students(out)}
    assert after["s0001"]["total"] < before[1]["total"]

    forced = grade_batch(
        [small_class], rubric, out, NO_RUN, config=BatchConfig(force=True, reports=False)
    )
    assert forced.graded == CLASS_SIZE


def test_a_change_to_the_graders_code_regrades_everyone_and_says_why(
    small_class: Path, rubric: Rubric, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    grade_batch([small_class], rubric, out, NO_RUN, config=NO_REPORTS)
    monkeypatch.setattr(gradebook, "code_digest", lambda: "another-code")
    again = grade_batch([small_class], rubric, out, NO_RUN, config=NO_REPORTS)
    assert (again.graded, again.reused) == (CLASS_SIZE, 0)
    assert again.stale == {gradebook.GRADER_CHANGED: CLASS_SIZE}
    assert "regrading" in (out / "grader.log").read_text()


def test_the_code_digest_follows_every_source_file(tmp_path: Path) -> None:
    for folder in gradebook.GRADING_SOURCES:
        (tmp_path / folder / "checks").mkdir(parents=True)
        (tmp_path / folder / "checks" / "kind.py").write_text("x = 1\n")
    before = gradebook.code_digest.__wrapped__(tmp_path)
    (tmp_path / "grader" / "checks" / "kind.py").write_text("x = 2\n")
    assert gradebook.code_digest.__wrapped__(tmp_path) != before
    (tmp_path / "grader" / "checks" / "kind.py").write_text("x = 1\n")
    assert gradebook.code_digest.__wrapped__(tmp_path) == before


def test_only_changed_reports_are_rendered_again(rubric: Rubric, tmp_path: Path) -> None:
    folder = tmp_path / "class"
    write_class(folder, 2, seed=4)
    out = tmp_path / "out"
    grade_batch([folder], rubric, out, NO_RUN, config=HTML_ONLY)
    reports = {p.parent.name: p for p in out.glob("*/report.html")}
    assert sorted(reports) == ["s0000", "s0001"]
    rendered = {name: p.stat().st_mtime_ns for name, p in reports.items()}
    changed = folder / "s0001.md"
    changed.write_text(changed.read_text().replace("30522", "30000"))
    grade_batch([folder], rubric, out, NO_RUN, config=HTML_ONLY)
    again = {name: p.stat().st_mtime_ns for name, p in reports.items()}
    assert again["s0000"] == rendered["s0000"]
    assert again["s0001"] != rendered["s0001"] and "30000" in reports["s0001"].read_text()


def test_new_rubric_version_or_settings_regrade(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    out = tmp_path / "out"

    def graded(with_rubric: Rubric, options: GradeOptions = NO_RUN) -> int:
        return grade_batch([small_class], with_rubric, out, options, config=NO_REPORTS).graded

    assert graded(rubric) == CLASS_SIZE
    rubrics = tmp_path / "rubrics"
    shutil.copytree(RUBRICS_DIR, rubrics)
    path = rubrics / "hw2-2024.yaml"
    path.write_text(path.read_text().replace("points: 4}", "points: 5}"))
    changed = load_rubric(str(path))
    assert changed.version != rubric.version
    assert graded(changed) == CLASS_SIZE
    assert graded(rubric) == 0  # the old version's results are still in the gradebook
    assert graded(rubric, OTHER_SETTINGS) == CLASS_SIZE


def test_results_round_trip_through_the_gradebook(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    batch = grade_batch([small_class], rubric, tmp_path / "out", NO_RUN, config=NO_REPORTS)
    original = batch.results[0]
    assert result_from_dict(original.to_dict()) == original
    with Gradebook(tmp_path / "book.sqlite") as book:
        key = ResultKey(original.student, "abc", rubric.version, "settings")
        book.store(key, rubric.id, original)
        assert book.lookup(key) == original
        book.store(key, rubric.id, original, final=False)
        assert book.lookup(key) is None  # a failed grading is retried
        assert book.lookup(key, final_only=False) == original
    mode = sqlite3.connect(tmp_path / "book.sqlite").execute("PRAGMA journal_mode").fetchone()
    assert mode == ("wal",)


def test_a_file_that_is_not_a_gradebook_is_one_clear_message(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("these are my notes, not a database " * 100)
    with pytest.raises(BatchError, match="notes.sqlite: not a usable gradebook"):
        grade_batch(
            [small_class], rubric, tmp_path / "out", NO_RUN, config=BatchConfig(gradebook=bogus)
        )
    proc = run_cli(
        "grade",
        str(small_class),
        "-a",
        "hw2-2024",
        "-o",
        str(tmp_path / "o"),
        "--gradebook",
        str(bogus),
        "--no-run",
    )
    assert proc.returncode == 2 and "not a usable gradebook" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unreadable_file_is_an_error_row_and_the_batch_goes_on(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    (small_class / "zed.ipynb").write_text('{"cells": [')
    batch = grade_batch([small_class], rubric, tmp_path / "out", NO_RUN, config=NO_REPORTS)
    by_id = {r.student: r for r in batch.results}
    assert by_id["zed"].status == "error" and "broken JSON" in by_id["zed"].error
    assert sum(r.status == "graded" for r in batch.results) == CLASS_SIZE
