"""Inputs shared by the report tests: a small class of notebooks, graded, and PDF text."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from builders import code, markdown, stream, write_notebook
from click.testing import CliRunner, Result
from pypdf import PdfReader

from grader.checks.base import GradeOptions
from grader.cli import cli
from grader.grade import grade_path
from grader.results import StudentResult
from grader.rubric import Rubric, load_rubric

SCRIPT = "<script>alert('pwned')</script>"
BERT_HEADING = "## 5. Sentiment analysis using Transformer models"
TRAINING_LOG = (
    "Epoch: 01 | Epoch Time: 1m 0s\n\tTrain Loss: 0.400 | Train Acc: 80.00%\n"
    "\t Val. Loss: 0.300 | Val. Acc: 88.00%\n"
    "Epoch: 02 | Epoch Time: 1m 0s\n\tTrain Loss: 0.250 | Train Acc: 90.00%\n"
    "\t Val. Loss: 0.240 | Val. Acc: 90.50%\n"
)


@cache
def hw2() -> Rubric:
    """The Assignment 2 rubric."""
    return load_rubric("hw2-2024")


def write_class(folder: Path) -> Path:
    """Three students: an injection attempt with LaTeX, a training log, an unreadable file."""
    folder.mkdir(parents=True, exist_ok=True)
    write_notebook(
        folder / "mallory.ipynb",
        markdown(f"## Problem 1\n\n{SCRIPT} so $$h_T = \\sum_{{k=1}}^T (-1)^k x_k$$"),
        markdown(BERT_HEADING),
        code(f"# Q1a\nprint(len(tokenizer))  # {SCRIPT}", stream(f"30522 {SCRIPT}\n")),
        # no execution count among counted cells: a suggested score, flagged for review
        code("# Q2b\nprint(count_parameters(model))", stream("112241409\n"), count=None),
    )
    write_notebook(
        folder / "tess.ipynb",
        # an answer in words the grader cannot decide: scored 0, flagged for a TA
        markdown(
            "## Problem 1\n\nThe output flips its sign at every step, it depends on the inputs."
        ),
        markdown(BERT_HEADING),
        code("# Q1a\nprint(len(tokenizer))", stream("30000\n")),
        code("for epoch in range(N_EPOCHS):\n    train(model)", stream(TRAINING_LOG)),
    )
    (folder / "broken.ipynb").write_text('{"cells": [')
    return folder


def grade_all(paths: list[Path], rubric: Rubric) -> list[StudentResult]:
    """Grade each path without running student code."""
    return [grade_path(p, rubric, GradeOptions(run_code=False)) for p in paths]


def pdf_text(path: Path) -> str:
    """All the text of a PDF, whitespace collapsed (pypdf breaks lines where the layout does)."""
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"\s+", " ", text)


def squash(text: str) -> str:
    """Whitespace collapsed, to compare with :func:`pdf_text`."""
    return re.sub(r"\s+", " ", text).strip()


def run_cli(*args: str | Path) -> Result:
    """Run ``grader ARGS`` in this process (``grade`` runs end to end as a subprocess)."""
    return CliRunner().invoke(cli, [str(a) for a in args])


def failed_cleanly(result: Result) -> bool:
    """Exit code 2 by ``sys.exit``, not an escaped exception (which would print a traceback)."""
    return result.exit_code == 2 and isinstance(result.exception, SystemExit)
