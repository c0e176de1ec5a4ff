"""Helpers for the sandbox tests: submissions made of code cells, fast limits, cleanup."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

from grader.checks.base import GradeOptions
from grader.document import Block
from grader.sandbox import FunctionRequest, run_function_tests
from grader.sandbox.client import server
from grader.sandbox.functions import FunctionReport
from grader.sandbox.isolation import NOBODY, SANDBOX_UIDS

# Short limits keep the hostile cases quick; memory leaves room for torch (~0.8 GiB).
FAST = {
    "sandbox_wall_s": 4,
    "sandbox_cpu_s": 3,
    "sandbox_memory_mb": 1536,
    "sandbox_output_kb": 1024,
    "sandbox_file_mb": 16,
}


def options(**extra: object) -> GradeOptions:
    """GradeOptions with the fast limits (and any other extra keys)."""
    return GradeOptions(extra={**FAST, **extra})


def cells(*sources: str, origin: str = "ipynb") -> list[Block]:
    """Code blocks, one per source, as a reader would produce them."""
    return [Block("code", s, "sub.ipynb", origin, i, i + 1) for i, s in enumerate(sources)]


def test_functions(
    *sources: str, functions: tuple[str, ...] = ("binary_accuracy",), **extra: object
) -> dict[str, FunctionReport]:
    """Run the named functions' reference tests on a submission of the given cells."""
    requests = [FunctionRequest(f, f) for f in functions]
    return run_function_tests(cells(*sources), requests, options(**extra))


test_functions.__test__ = False  # a helper, not a test


def sandbox_processes() -> list[str]:
    """Processes running as a sandbox uid that descend from this test run.

    Other grader runs on the same machine (a developer's, another test session) have
    sandbox processes of their own; only ours must be gone.
    """
    found = subprocess.run(
        ["ps", "-e", "-o", "pid=,ppid=,uid=,args="], capture_output=True, text=True, check=False
    )
    rows = [line.split(None, 3) for line in found.stdout.splitlines() if line.strip()]
    parent = {int(r[0]): int(r[1]) for r in rows}

    def ours(pid: int) -> bool:
        seen = set()
        while pid > 1 and pid not in seen:
            seen.add(pid)
            if pid == os.getpid():
                return True
            pid = parent.get(pid, 0)
        return False

    return [
        f"{r[0]} {r[3] if len(r) > 3 else ''}"
        for r in rows
        if (int(r[2]) == NOBODY or int(r[2]) in SANDBOX_UIDS) and ours(int(r[0]))
    ]


@pytest.fixture(scope="session", autouse=True)
def sandbox_server() -> Iterator[None]:
    """Stop the sandbox server after the tests; nothing it started may remain."""
    yield
    server().close()


@pytest.fixture(scope="session")
def isolated() -> bool:
    """Isolation must work where the tests run (root, as here and in CI)."""
    found = server().ensure_started()
    if os.geteuid() == 0:
        assert found["available"], found["reason"]
    return bool(found["available"])
