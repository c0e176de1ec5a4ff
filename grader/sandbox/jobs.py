"""One sandboxed job: the confined process in new namespaces, and one more process per
task, so a crash or a monkeypatch in one task cannot touch the next.

    server ──fork──▶ confined (pid 1 of a new PID namespace; unshare: net, mount, ipc,
                     uts; mounts, rlimits, uid)
                       └──fork──▶ one task (student code runs only here)

The server forks the confined process with its children's PID namespace set to a new one
(:func:`grader.sandbox.isolation.pid_namespace_for_next_child`), so no leader process is
needed between them: a fork of the server costs about 30 ms (torch is loaded), and a job
used to take two before its first task. The confined process never runs student code; it
supervises each task (time, output) and writes one JSON line per task on the job's result
pipe. The server reads that pipe and parses it with ``json`` only.

A task's own result channel is sealed (:func:`grader.sandbox.procs.seal`): its work
function must call ``seal(result_fd)`` once no student code is left to run, and write its
records after that. A task that cannot even be started (no process left to fork) is an
``infra`` record: the grader's failure, not the student's.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial

from . import isolation
from .limits import Limits
from .procs import Finished, fork_supervised, reap_orphans

SETUP_S = 15.0  # time for namespaces and mounts, on top of the tasks' own limits
LINE_CAP = 4 << 20  # bytes of results one job may send back
JOB_OUTPUT_CAP = 1 << 16


@dataclass(frozen=True)
class Task:
    """A piece of work to run with student code: ``work(result_fd)`` writes JSON lines."""

    name: str
    work: Callable[[int], None]
    wall_s: float | None = None  # default: limits.wall_s
    # student code runs in the task's own process: it must end with no other thread (a
    # notebook's code runs in a kernel process instead, killed at the seal)
    one_thread: bool = True


@dataclass
class JobResult:
    """What a job sent back: one entry per task, or why nothing came."""

    tasks: dict[str, dict] = field(default_factory=dict)
    problem: str | None = None  # set when the job as a whole failed
    isolated: bool = False
    infra: bool = False  # the job failed on the grader's side (set-up, a crash), not the student's
    errno: int | None = None  # of a set-up that failed (EPERM: no privilege for namespaces)


def write_line(fd: int, record: dict) -> None:
    """Write one JSON record and a newline to ``fd``, all of it."""
    data = (json.dumps(record, default=repr) + "\n").encode()
    while data:
        data = data[os.write(fd, data) :]


def parse_lines(data: bytes) -> list[dict]:
    """The JSON objects among ``data``'s lines; anything else is dropped."""
    records = []
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def _task_record(task: Task, finished: Finished, limits: Limits, wall_s: float) -> dict:
    return {
        "task": task.name,
        "lines": parse_lines(finished.result),
        "problem": finished.problem(wall_s, limits.cpu_s, limits.output_kb),
        "output_bytes": finished.output_bytes,
        "output_head": finished.output.decode("utf-8", "replace"),
        "seconds": round(finished.seconds, 3),
        "tampered": finished.tampered is not None,
    }


def _confined(plan: isolation.Plan, limits: Limits, tasks: list[Task], result_fd: int) -> None:
    """The confined process (PID 1 of its namespace): the namespaces the PID one does not
    cover, the private view and limits, then one supervised process per task."""
    try:
        if plan.namespaced:
            isolation.unshare(isolation.NAMESPACES & ~isolation.CLONE_NEWPID)
        isolation.enter(plan, limits)
    except OSError as exc:
        write_line(result_fd, {"setup_error": str(exc), "errno": exc.errno})
        return
    for task in tasks:
        wall_s = task.wall_s or limits.wall_s
        try:
            finished = fork_supervised(
                task.work,
                wall_s,
                limits.output_kb * 1024,
                LINE_CAP,
                sweep=plan.namespaced,
                sealed=True,
                one_thread=task.one_thread,
                memory_mb=limits.memory_mb,
            )
        except OSError as exc:  # no process or pipe left for the task: not the student's doing
            write_line(result_fd, {"task": task.name, "infra": f"could not start it: {exc}"})
            continue
        finally:
            reap_orphans()
        write_line(result_fd, _task_record(task, finished, limits, wall_s))


def run_job(
    tasks: list[Task], limits: Limits, isolate: bool, hide: tuple[str, ...] = ()
) -> JobResult:
    """Run the tasks one after another in one sandbox; never raises for what they do."""
    wall_s = sum(t.wall_s or limits.wall_s for t in tasks) + SETUP_S
    scratch = None if isolate else tempfile.mkdtemp(prefix="grader-sandbox-")
    python = isolation.python_paths()
    uid = isolation.sandbox_uid() if os.geteuid() == 0 else isolation.NOBODY
    plan = isolation.Plan(
        namespaced=isolate,
        workdir=isolation.PRIVATE_TMP if isolate else scratch,
        hide=hide,
        expose=python,
        drop=isolate or isolation.reachable_by_others(python),
        uid=uid,
        gid=uid,
    )
    if scratch and plan.drop and os.geteuid() == 0:
        os.chown(scratch, uid, uid)
    result = JobResult(isolated=isolate)
    try:
        with isolation.pid_namespace_for_next_child() if isolate else nullcontext():
            finished = fork_supervised(
                partial(_confined, plan, limits, tasks), wall_s, JOB_OUTPUT_CAP, LINE_CAP
            )
    except OSError as exc:
        result.problem, result.infra = f"the sandbox could not be set up: {exc}", True
        result.errno = exc.errno
        return result
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    for record in parse_lines(finished.result):
        if "setup_error" in record:
            result.problem = f"the sandbox could not be set up: {record['setup_error']}"
            result.infra = True
            result.errno = record.get("errno") if isinstance(record.get("errno"), int) else None
        elif isinstance(record.get("task"), str):
            result.tasks[record["task"]] = record
    problem = finished.problem(wall_s, limits.cpu_s, limits.output_kb)
    if problem and result.problem is None:
        result.problem = f"the sandbox {problem}"
        # student code never runs in the confined process: its crash is the grader's
        result.infra = not finished.timed_out
    if not result.tasks and result.problem is None:
        result.problem, result.infra = "the sandbox ended without sending results", True
    return result
