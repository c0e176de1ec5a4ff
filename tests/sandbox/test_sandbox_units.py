"""Extraction, comparison, limits and the check kind, without starting a sandbox."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cells

from grader.checks import function_tests
from grader.checks.base import CheckContext, GradeOptions
from grader.document import Document
from grader.grade import grade_path
from grader.results import FLAG_REVIEW, NOT_GRADED
from grader.rubric import PartSpec, ProblemSpec, load_rubric
from grader.sandbox import fixtures, functions
from grader.sandbox.compare import compare
from grader.sandbox.extract import extract
from grader.sandbox.jobs import Task, run_job, write_line
from grader.sandbox.limits import Limits, LimitsError
from grader.sandbox.procs import seal

# Hostile files that are ingest errors (made here: ruff would read a broken .ipynb).
UNREADABLE = {
    "malformed.ipynb": b'{"cells": [ {"cell_type": "code", "source": "print(1)"',
    "garbage.ipynb": bytes(range(256)) * 16,
    "latin1.txt": "Problem 1\n\nLa r\u00e9ponse: d\u00e9j\u00e0 vu.\n".encode("latin-1"),
}


def test_only_definitions_and_literal_constants_are_kept() -> None:
    source = "import torch\nN = 3\nmodel = build()\ntrain(model)\ndef f():\n    return N\nclass C: pass\n!pip install x"
    found = extract(cells(source))
    assert [d.name for d in found.definitions] == ["torch", "N", "f", "C"]


def test_a_cell_split_by_a_page_break_is_glued_back() -> None:
    head = "def evaluate(model, it):\n    total = 0"
    tail = "for b in it:\n    total += b\nreturn total"  # indentation lost in the PDF
    found = extract(cells(head, tail, origin="pdf"))
    (definition,) = found.definitions
    assert "return total" in definition.code and found.notes == []


def test_a_cell_that_does_not_parse_is_skipped_with_a_note() -> None:
    found = extract(cells("def binary_accuracy(p, y)\n    return 1", "x = 1"))
    assert found.skipped_definition_of("binary_accuracy")
    assert "not valid Python" in found.notes[0]


def test_compare_tolerance_at_least_and_long_lists() -> None:
    expected = [
        {"name": "a", "input": "i", "compare": "close", "value": 0.8, "tolerance": 1e-6},
        {"name": "b", "input": "i", "compare": "at_least", "value": 4},
        {"name": "c", "input": "i", "compare": "equal", "value": list(range(10))},
    ]
    observed = [
        {"name": "a", "value": 0.8000001},
        {"name": "b", "value": 3},
        {"name": "c", "value": [*range(9), 99]},
    ]
    a, b, c = compare(expected, observed)
    assert a.passed and not b.passed and not c.passed
    assert b.expected == "at least 4"
    assert "99 instead of 9 at position 9" in c.reason and "(10 values)" in c.found


def test_limits_come_from_options_extra() -> None:
    assert Limits.from_extra({"sandbox_memory_mb": 1024}).memory_mb == 1024
    assert Limits().memory_mb <= 4096
    with pytest.raises(LimitsError, match="sandbox_wall_s"):
        Limits.from_extra({"sandbox_wall_s": -1})


def test_hidden_paths_cover_the_checkout_but_not_python(tmp_path: Path) -> None:
    hidden = functions.hidden_paths(GradeOptions(extra={"sandbox_hide": [str(tmp_path)]}))
    assert str(tmp_path) in hidden
    assert any(p.endswith("/rubrics") for p in hidden)
    assert not any(Path(p) in Path(functions.isolation.python_paths()[0]).parents for p in hidden)


def _context(options: GradeOptions) -> CheckContext:
    part = PartSpec(
        "p.q", "binary_accuracy", 1.0, "function_tests", {"function": "binary_accuracy"}
    )
    problem = ProblemSpec("p", 1, "t", 1.0, "notebook", (), (part,))
    document = Document("s", ["sub.ipynb"])
    document.add(cells("def binary_accuracy(p, y):\n    return 1.0"))
    return CheckContext(part, problem, document, [], [], options)


def test_no_run_leaves_the_part_to_a_ta() -> None:
    outcome = function_tests.check(_context(GradeOptions(run_code=False)))
    assert outcome.status == NOT_GRADED and FLAG_REVIEW in outcome.flags
    assert "--no-run" in outcome.evidence[0].reason


def test_without_isolation_code_is_refused_and_said_once(monkeypatch, caplog) -> None:
    class NoIsolation:
        def ensure_started(self) -> dict:
            return {"available": False, "reason": "namespaces need root"}

    monkeypatch.setattr(functions, "server", NoIsolation)
    monkeypatch.setattr(functions, "_warned", set())
    with caplog.at_level(logging.WARNING):
        first = function_tests.check(_context(GradeOptions()))
        function_tests.check(_context(GradeOptions()))
    assert first.status == NOT_GRADED
    assert "--allow-unsandboxed" in first.evidence[0].reason
    assert sum("isolation is unavailable" in r.message for r in caplog.records) == 1


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_unreadable_files_are_reported_not_raised(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(UNREADABLE[name])
    result = grade_path(path, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    assert result.status in ("error", "graded")
    if name.endswith(".ipynb"):
        assert result.status == "error" and name in result.error


def test_imports_of_reads_import_statements_without_running_them() -> None:
    assert fixtures.imports_of("from torchvision import datasets, transforms") == [
        ("torchvision", ("datasets", "transforms"))
    ]
    assert fixtures.imports_of("import torch.nn as nn, os") == [("torch.nn", ()), ("os", ())]
    assert fixtures.imports_of("from . import sibling") == []  # relative: nothing to warm
    assert fixtures.imports_of("import (((") == []
    assert fixtures.imports_of("x = 1") == []
    assert fixtures.imports_of("import os\n" + "#" * fixtures.MAX_IMPORT_CHARS) == []


def test_warm_imports_loads_only_the_listed_libraries() -> None:
    script = (
        "import sys\n"
        "from grader.sandbox import fixtures\n"
        "done = fixtures.warm_imports(['from torchvision import transforms', 'import wave',"
        " 'from torchvision import no_such_thing', 'import torchvision.nope'])\n"
        "print(done, 'torchvision.transforms' in sys.modules, 'wave' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert found.stdout.split() == ["['torchvision',", "'torchvision']", "True", "False"]


def _report_pid(result_fd: int) -> None:
    seal(result_fd)  # a task's results count only after the seal
    write_line(result_fd, {"pid": os.getpid()})


def test_a_job_runs_as_pid_1_of_its_own_namespace_and_the_caller_returns_to_its_own(
    isolated: bool,
) -> None:
    """The job's confined process is PID 1 of a fresh PID namespace (its task is PID 2);
    afterwards this process's children are born in its own namespace again."""
    result = run_job([Task("pid", _report_pid)], Limits(wall_s=10.0, cpu_s=5), isolate=isolated)
    assert result.problem is None, result.problem
    if isolated:
        assert result.tasks["pid"]["lines"] == [{"pid": 2}]
    assert os.readlink("/proc/self/ns/pid_for_children") == os.readlink("/proc/self/ns/pid")
