"""End to end: `grader grade` on a class folder writes the output contract, errors and all."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builders import code, markdown, stream, write_notebook

from grader.paths import SUBMISSIONS_DIR


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def class_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    write_notebook(
        folder / "ann.ipynb",
        markdown("## 5. Sentiment analysis using Transformer models"),
        code("# Q1a\nprint(len(tokenizer))", stream("30522\n")),
    )
    (folder / "ben.md").write_text("## Problem 1\n\nh_T = x_T - x_{T-1} + ... - x_1\n")
    (folder / "cat.ipynb").write_text('{"cells": [')  # truncated JSON
    (folder / "dan").mkdir()
    (folder / "dan" / "answers.txt").write_text("Problem 2\n\nSelf-attention answer.\n")
    (folder / ".DS_Store").write_text("ignored")
    return folder


def test_grade_writes_the_output_contract(class_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli(
        "grade", str(class_dir), "--assignment", "hw2-2024", "--out", str(out), "--no-run"
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    grades = json.loads((out / "grades.json").read_text())
    assert grades["assignment"] == "hw2-2024" and grades["rubric_version"].startswith("2024.1+")
    students = {s["student"]: s for s in grades["students"]}
    assert sorted(students) == ["ann", "ben", "cat", "dan"]
    cat = students["cat"]
    assert cat["status"] == "error" and "broken JSON" in cat["error"] and cat["problems"] == {}
    ann = students["ann"]
    assert ann["status"] == "graded" and ann["max"] == 15
    for key in ("student", "sources", "status", "error", "total", "max", "problems"):
        assert key in ann
    part = ann["problems"]["p5"]["parts"]["p5.q1a"]
    assert set(part) >= {"score", "max", "status", "flags", "evidence"}
    assert part["score"] == part["max"] and part["evidence"][0]["where"].startswith("ann.ipynb")
    assert students["dan"]["sources"] == ["answers.txt"]
    # every problem appears for every graded student, theory included
    assert set(ann["problems"]) == {"p1", "p2", "p3", "p4", "p5"}

    rows = list(csv.DictReader((out / "grades.csv").open()))
    assert [r["student"] for r in rows] == ["ann", "ben", "cat", "dan"]
    assert set(rows[0]) >= {"student", "status", "total", "p1", "p2", "p3", "p4", "p5"}
    assert rows[2]["status"] == "error" and "broken JSON" in rows[2]["error"]

    for name in ("ann", "ben", "cat", "dan"):
        assert (out / name / "report.html").is_file()
    cat_report = (out / "cat" / "report.html").read_text()
    assert "could not be graded" in cat_report and "broken JSON" in cat_report
    index = (out / "index.html").read_text()
    assert 'href="ann/report.html"' in index and "broken JSON" in index


def test_bad_rubric_and_missing_path_give_one_clear_message(tmp_path: Path) -> None:
    proc = run_cli("grade", str(tmp_path), "--assignment", "hw9-2099", "--out", str(tmp_path / "o"))
    assert (
        proc.returncode == 2 and "no such rubric" in proc.stderr and "Traceback" not in proc.stderr
    )
    proc = run_cli("grade", str(tmp_path / "nope"), "-a", "hw2-2024", "-o", str(tmp_path / "o"))
    assert proc.returncode == 2 and "no such file or folder" in proc.stderr
    assert not (tmp_path / "o").exists()  # a run that stopped leaves no output folder behind


def test_student_html_is_escaped(tmp_path: Path) -> None:
    student = tmp_path / "mallory.ipynb"
    write_notebook(
        student,
        markdown("## 5. Sentiment analysis"),
        code("# Q1a\nprint('<script>alert(1)</script>')", stream("<script>alert(1)</script>\n")),
    )
    out = tmp_path / "out"
    assert (
        run_cli("grade", str(student), "-a", "hw2-2024", "-o", str(out), "--no-run").returncode == 0
    )
    html = (out / "mallory" / "report.html").read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


@pytest.mark.skipif(
    not any(SUBMISSIONS_DIR.glob("*/*")), reason="no sample submissions bundled yet"
)
def test_bundled_sample_submissions_grade(tmp_path: Path) -> None:
    for folder in sorted(p for p in SUBMISSIONS_DIR.iterdir() if p.is_dir()):
        out = tmp_path / folder.name
        proc = run_cli("grade", str(folder), "-a", folder.name, "-o", str(out), "--no-run")
        assert proc.returncode == 0, proc.stderr
        grades = json.loads((out / "grades.json").read_text())
        assert len(grades["students"]) == len(
            [p for p in folder.iterdir() if not p.name.startswith(".")]
        )
        assert (out / "index.html").is_file()
    shutil.rmtree(tmp_path)


def test_rubrics_lists_an_assignments_part_ids() -> None:
    proc = run_cli("rubrics", "hw2-2024")
    assert proc.returncode == 0, proc.stderr
    assert "p4.class" in proc.stdout and "p5.q3d" in proc.stdout and "p2a" in proc.stdout
    listing = run_cli("rubrics")
    assert "meaning" not in listing.stdout  # a settings file, not an assignment


def test_grading_with_the_wrong_assignment_warns(tmp_path: Path) -> None:
    """Assignment 2 work graded as Homework 3: the problems' headings name other problems,
    and the run says so (issue 4/5); the right assignment gives no such warning."""
    folder = tmp_path / "class"
    folder.mkdir()
    for student in ("ana", "ben"):
        (folder / f"{student}.md").write_text(
            "# Assignment 2\n\n## 1. Recurrences using RNNs\n\nh_T = x_T - x_(T-1) + ...\n\n"
            "## 2. Understanding self-attention\n\nThe norms are sqrt(2) beta.\n\n"
            "## 3. Attention! My code takes too long\n\nK^T V is computed once.\n"
        )
    wrong = run_cli(
        "grade",
        str(folder),
        "-a",
        "hw3-2023",
        "-o",
        str(tmp_path / "w"),
        "--no-run",
        "--no-reports",
    )
    assert wrong.returncode == 0, wrong.stderr
    assert "in 2 of 2 graded submissions, problems are headed as other problems" in wrong.stdout
    assert "Is --assignment hw3-2023 right?" in wrong.stdout
    right = run_cli(
        "grade",
        str(folder),
        "-a",
        "hw2-2024",
        "-o",
        str(tmp_path / "r"),
        "--no-run",
        "--no-reports",
    )
    assert right.returncode == 0 and "warning" not in right.stdout
