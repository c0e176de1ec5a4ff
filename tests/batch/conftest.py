"""Fixtures for batch tests: small synthetic classes (from bench/synthetic.py) and the CLI."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from grader.batch import BatchConfig
from grader.checks.base import GradeOptions
from grader.paths import PROJECT_ROOT
from grader.report.outputs import OutputOptions
from grader.rubric import Rubric, load_rubric

sys.path.insert(0, str(PROJECT_ROOT / "bench"))

from synthetic import write_class  # noqa: E402

CLASS_SIZE = 10
NO_RUN = GradeOptions(run_code=False)
NO_REPORTS = BatchConfig(reports=False)
HTML_ONLY = BatchConfig(outputs=OutputOptions(pdf=False))


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m grader ARGS`` and capture its output (stderr is not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=timeout
    )


def committed(db: Path) -> int:
    """How many final results the gradebook at ``db`` holds (0 before it exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM results WHERE final=1").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture
def small_class(tmp_path: Path) -> Path:
    """A class of ten varied students in five formats (one of them a folder)."""
    folder = tmp_path / "class"
    write_class(folder, CLASS_SIZE, seed=1)
    return folder


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    """The hw2-2024 rubric."""
    return load_rubric("hw2-2024")
