"""The sandbox server: a long-lived process that imports torch once and forks a sandbox
per job, so a submission costs a fork rather than a Python start and a torch import.

Started by :mod:`grader.sandbox.client` as ``python -m grader.sandbox.server``; talks
JSON lines on stdin/stdout. Requests (``op``):

* ``hello``: whether isolation works here (probed once at start);
* ``expect``: compute the reference's observations in a forked process that runs no
  student code, and write them as JSON to the file named by the grader;
* ``run``: run function tests on a student's definitions in one sandbox;
* ``notebook``: re-execute a notebook in one sandbox (see :mod:`.notebook`).

The server never executes student code itself, and exits when the grader closes its
stdin or dies.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import sys
from functools import partial

from . import fixtures, harness, hugepages, isolation, notebook
from .jobs import Task, run_job, write_line
from .limits import Limits
from .procs import fork_supervised, seal

EXPECT_WALL_S = 300.0
PASSING_ERRNOS = {errno.EAGAIN, errno.ENOMEM, errno.EMFILE, errno.ENFILE, errno.ENOSPC, errno.EINTR}
PROBE_LIMITS = Limits(wall_s=20.0, cpu_s=10)


def _probe_work(result_fd: int) -> None:
    interfaces = [line.split(":")[0].strip() for line in open("/proc/net/dev").readlines()[2:]]
    seal(result_fd)
    write_line(result_fd, {"uid": os.getuid(), "interfaces": interfaces})


def probe() -> dict:
    """Run an empty job with full isolation; report whether every layer took hold."""
    result = run_job([Task("probe", _probe_work)], PROBE_LIMITS, isolate=True)
    if result.problem:
        # as root, a failure for want of processes, memory or descriptors, or a crash, is the
        # machine's at that moment, which the next request probes again; no privilege for
        # namespaces (a container) means isolation is unavailable here
        passing = result.errno is None or result.errno in PASSING_ERRNOS
        infra = os.geteuid() == 0 and result.infra and passing
        return {"available": False, "reason": result.problem, "infra": infra}
    lines = result.tasks.get("probe", {}).get("lines", [])
    seen = lines[0] if lines else {}
    if os.geteuid() == 0 and seen.get("uid") != isolation.sandbox_uid():
        return {"available": False, "reason": "the sandbox could not drop root privileges"}
    if seen.get("interfaces") != ["lo"]:
        return {"available": False, "reason": "the sandbox still saw network interfaces"}
    return {"available": True, "reason": ""}


def _expect_work(configs: dict, path: str, result_fd: int) -> None:
    from . import reference  # only here: never loaded where student code runs

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(reference.expected(configs), out)
    write_line(result_fd, {"ok": True})


def expect(request: dict) -> dict:
    """Compute the reference's observations for the requested suites."""
    work = partial(_expect_work, request["configs"], request["path"])
    finished = fork_supervised(work, EXPECT_WALL_S, 1 << 20)
    if finished.exit_code == 0 and b'"ok"' in finished.result:
        return {"ok": True}
    tail = finished.output.decode("utf-8", "replace").strip().splitlines()[-3:]
    return {"error": "computing the reference values failed: " + " | ".join(tail)}


def run(request: dict, isolated: bool) -> dict:
    """Run function tests: one task per tested function, all in one sandbox."""
    limits = Limits(**request["limits"])
    tasks = []
    for item in request["tasks"]:
        work = partial(
            harness.run_function,
            request["definitions"],
            item["function"],
            item["suite"],
            item["config"],
        )
        tasks.append(Task(item["function"], work))
    fixtures.warm([item["suite"] for item in request["tasks"]])
    fixtures.warm_imports([item["code"] for item in request["definitions"]])
    hugepages.collapse_if_grown()  # what was just imported: cheap forks from here on
    harness.prepare()
    result = run_job(tasks, limits, isolate=isolated, hide=tuple(request["hide"]))
    return {
        "tasks": result.tasks,
        "problem": result.problem,
        "isolated": result.isolated,
        "infra": result.infra,
    }


def main() -> None:
    """Serve requests until stdin closes."""
    isolation.prctl(isolation.PR_SET_PDEATHSIG, signal.SIGKILL)
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # stray prints must not reach the grader's channel
    import torch

    torch.set_num_threads(1)
    fixtures.preload()
    hugepages.collapse()
    found = probe()
    for line in sys.stdin:
        request = json.loads(line)
        op = request.get("op")
        if found.get("infra"):
            found = probe()
        if op == "hello":
            reply = {"isolation": found, "pid": os.getpid(), "uid": isolation.sandbox_uid()}
        elif op == "expect":
            reply = expect(request)
        elif op == "run":
            reply = run(request, found["available"] and request["isolate"])
        elif op == "notebook":
            reply = notebook.serve(request, found["available"] and request["isolate"])
        else:
            reply = {"error": f"unknown request {op!r}"}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


if __name__ == "__main__":
    main()
