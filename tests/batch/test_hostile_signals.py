"""An attacker's view of the grader's processes: stop it the ways a TA or the machine does
(SIGTERM from systemd or `kill`, Ctrl-C, SIGKILL from the OOM killer) and look for what is
left behind. Nothing may be: the pool workers, their sandbox servers and the sandboxes end
within 2 s (issue 4/5); the results committed are kept and the rerun grades the rest, once
each; a SIGTERM or SIGINT ends in one message."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import alive, committed, descendants, run_cli
from synthetic import write_class

STUDENTS = 8
GONE_WITHIN_S = 2.0


def _start(folder: Path, out: Path) -> subprocess.Popen:
    """A run that executes student code (so each worker has its sandbox server), --jobs 2."""
    args = ["grade", str(folder), "-a", "hw2-2024", "-o", str(out), "--jobs", "2", "--no-reports"]
    return subprocess.Popen(
        [sys.executable, "-m", "grader", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a signal to the grader alone, not to the test's group
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_signal_to_the_grader_leaves_no_process_and_loses_no_result(
    signum: int, tmp_path: Path
) -> None:
    folder, out = tmp_path / "class", tmp_path / "out"
    write_class(folder, STUDENTS, seed=5)
    proc = _start(folder, out)
    deadline = time.monotonic() + 240
    while committed(out / "gradebook.sqlite") < 1:  # workers and sandbox servers are up
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no result was committed in time"
        time.sleep(0.05)
    below = descendants(proc.pid)
    assert len(below) >= 5, below  # forkserver, two workers, their two sandbox servers
    os.kill(proc.pid, signum)
    sent = time.monotonic()
    while (proc.poll() is None or any(alive(p) for p in below)) and time.monotonic() < sent + 10:
        time.sleep(0.02)
    took = time.monotonic() - sent
    survivors = [p for p in below if alive(p)]
    for pid in survivors:  # never leave them to the next test
        os.kill(pid, signal.SIGKILL)
    _, stderr = proc.communicate(timeout=30)
    assert survivors == [] and took < GONE_WITHIN_S, (survivors, took)
    if signum != signal.SIGKILL:
        name = signal.Signals(signum).name
        assert proc.returncode == 128 + signum, stderr
        assert f"error: stopped by {name}" in stderr and "Traceback" not in stderr, stderr
    kept = committed(out / "gradebook.sqlite")
    rerun = run_cli(*proc.args[3:], timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{STUDENTS - kept} graded now, {kept} unchanged" in rerun.stdout
    students = [s["student"] for s in json.loads((out / "grades.json").read_text())["students"]]
    assert len(students) == len(set(students)) == STUDENTS
