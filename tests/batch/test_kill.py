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


def _descendants(pid: int) -> set[int]:
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


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_no_grader_process_outlives_a_kill_9_of_the_main_process(tmp_path: Path) -> None:
    """Only the main process is killed: its pool workers and their sandbox servers end
    within 10 s by themselves (issue 2/5)."""
    folder = tmp_path / "class"
    write_class(folder, STUDENTS, seed=3)
    out = tmp_path / "out"
    args = ["grade", str(folder), "-a", "hw2-2024", "-o", str(out), "--jobs", "2"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "grader", *args, "--no-reports"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while _committed(out / "gradebook.sqlite") < 1:  # workers and sandbox servers are up
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    below = _descendants(proc.pid)
    assert len(below) >= 3, below  # the forkserver, two workers (and their sandbox servers)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    limit = time.monotonic() + 10
    while any(_alive(p) for p in below) and time.monotonic() < limit:
        time.sleep(0.1)
    survivors = [p for p in below if _alive(p)]
    for pid in survivors:  # never leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
