"""A run killed with SIGKILL mid-batch loses nothing: the rerun finishes the rest, once each."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import run_cli
from synthetic import write_class

STUDENTS = 20
KILL_AFTER = 3  # results committed before the kill


def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM results WHERE final=1").fetchone()[0]
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def test_sigkill_mid_batch_then_rerun_gives_everyone_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    write_class(folder, STUDENTS, seed=2)
    out = tmp_path / "out"
    args = [
        "grade",
        str(folder),
        "-a",
        "hw2-2024",
        "-o",
        str(out),
        "--no-run",
        "--jobs",
        "2",
        "--no-reports",
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )
    db = out / "gradebook.sqlite"
    deadline = time.monotonic() + 120
    while _committed(db) < KILL_AFTER:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no result was committed in time"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    kept = _committed(db)
    assert KILL_AFTER <= kept < STUDENTS

    rerun = run_cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{STUDENTS - kept} graded now, {kept} unchanged" in rerun.stdout
    students = [s["student"] for s in json.loads((out / "grades.json").read_text())["students"]]
    assert sorted(students) == sorted(p.stem if p.is_file() else p.name for p in folder.iterdir())
    assert len(students) == len(set(students)) == STUDENTS
    assert _committed(db) == STUDENTS
