"""Fixtures for batch tests: small synthetic classes (from bench/synthetic.py) and the CLI."""

from __future__ import annotations

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
