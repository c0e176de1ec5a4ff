"""A run killed with SIGKILL mid-batch loses nothing: the rerun finishes the rest, once each."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import alive, committed, descendants, run_cli
from synthetic import write_class

STUDENTS = 20
KILL_AFTER = 3  # results committed before the kill


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
    while committed(db) < KILL_AFTER:
        assert proc.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "no result was committed in time"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL
    kept = committed(db)
    assert KILL_AFTER <= kept < STUDENTS

    rerun = run_cli(*args)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{STUDENTS - kept} graded now, {kept} unchanged" in rerun.stdout
    students = [s["student"] for s in json.loads((out / "grades.json").read_text())["students"]]
    assert sorted(students) == sorted(p.stem if p.is_file() else p.name for p in folder.iterdir())
    assert len(students) == len(set(students)) == STUDENTS
    assert committed(db) == STUDENTS


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
    while committed(out / "gradebook.sqlite") < 1:  # workers and sandbox servers are up
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    below = descendants(proc.pid)
    assert len(below) >= 3, below  # the forkserver, two workers (and their sandbox servers)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    limit = time.monotonic() + 10
    while any(alive(p) for p in below) and time.monotonic() < limit:
        time.sleep(0.1)
    survivors = [p for p in below if alive(p)]
    for pid in survivors:  # never leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert survivors == []
