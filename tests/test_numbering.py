"""Numbering found as a sequence, not by a list of styles (issue 1/5), and location by
content: run-in headings, a notebook's own numbered sections, code before a notebook's title."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import code, markdown, result, write_notebook
from crafted.gen_theory import LA_SHARED, REC_UNICODE

from grader.checks.base import GradeOptions
from grader.grade import grade_path
from grader.numbering import label_of, problem_starts
from grader.rubric import load_rubric
from grader.selfcheck import MISSING_PART, self_check

BLIND_B = Path(__file__).parents[1] / "bench" / "blind" / "2026-12-08-b" / "submissions"


@pytest.mark.parametrize(
    ("line", "number", "sub"),
    [
        ("1)", 1, ""),
        ("1a. The CNN shares weights", 1, "a"),
        ("Q.2 (a)", 2, "a"),
        ("### 2a", 2, "a"),
        ("**Q2 (a)**", 2, "a"),
        ("Exercise 3", 3, ""),
        ("Problem #2", 2, ""),
        ("(3)", 3, ""),
    ],
)
def test_a_label_in_any_decoration_is_read(line: str, number: int, sub: str) -> None:
    label = label_of(line)
    assert label is not None and (label.number, label.sub) == (number, sub)


@pytest.mark.parametrize(
    "line",
    ["2 tokens are orthogonal", "10 epochs", "0.5 is", "1,000 rows", "(3 points) ViT", "1 + 2 = 3"],
)
def test_numbers_in_prose_are_no_labels(line: str) -> None:
    assert label_of(line) is None


def _starts(lines: list[str]) -> dict[int, list[int]]:
    labels = [((i, 0), label) for i, line in enumerate(lines) if (label := label_of(line))]
    return {n: [pos for (pos, _), _ in found] for n, found in problem_starts(labels).items()}


def test_labels_that_run_once_each_are_a_numbering_in_any_order() -> None:
    lines = ["### 2a", "text", "### 2b", "### 2c", "### 3", "### 1", "text"]
    assert _starts(lines) == {2: [0], 3: [4], 1: [5]}


def test_a_list_that_starts_over_is_no_numbering() -> None:
    lines = ["1. shared weights", "2. pooling", "1. any length", "2. global context"]
    assert _starts(lines) == {}


def _theory_then_vit(path: Path, run_in: bool) -> Path:
    """A hw2-2024 notebook: the theory in markdown cells with bold run-in headings, then
    the ViT's code."""
    sep = " " if run_in else "\n\n"
    return write_notebook(
        path,
        markdown(f"**Problem 1 (Recurrences using RNNs).**{sep}{REC_UNICODE}"),
        markdown(f"**Problem 3 (Linear attention).**{sep}{LA_SHARED}"),
        code("import torch\nfrom torchvision.datasets import FashionMNIST"),
        code("class ViT(torch.nn.Module):\n    pass"),
    )


@pytest.mark.parametrize("run_in", [True, False])
def test_a_bold_run_in_heading_holding_its_answer_is_located(tmp_path: Path, run_in: bool) -> None:
    notebook = _theory_then_vit(tmp_path / "hw.ipynb", run_in)
    graded = grade_path(notebook, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    assert graded.problems["p3"].located_by.startswith("heading '**Problem 3")
    assert graded.problems["p3"].score == 2


def test_a_notebook_with_the_handouts_numbered_sections_is_located_by_its_code() -> None:
    """A Colab notebook opening with code (BertTokenizer) and the handout's "## 1. Data
    preparation" … "## 4. Inference": "## 3. Train the Model" is no theory problem 3, and
    the BERT problem starts at the notebook's code, so none of Q1a–Q3d is missing; the
    self-check tells the student so too."""
    folder = BLIND_B / "hw3-2023" / "s04_dara"
    rubric = load_rubric("hw3-2023")
    graded = grade_path(folder, rubric, GradeOptions(run_code=False))
    bert = graded.problems["p4"]
    assert bert.located_by.startswith("fingerprint: code 'BertTokenizer'")
    assert "Train the Model" not in graded.problems["p3"].located_by
    early = [p for p in bert.parts if p.split(".")[1][:2] in ("q1", "q2", "q3")]
    assert early and all(bert.parts[p].status != "missing" for p in early)
    rows = self_check(next(folder.glob("*.ipynb")), rubric, "p4")
    assert not [
        r.part for r in rows if r.verdict == MISSING_PART and r.part.split(".")[1][:2] != "q4"
    ]


def test_a_code_cell_and_output_are_not_told_to_rerun(tmp_path: Path) -> None:
    """The self-check never says to run a cell that has its output: a missing part's hint
    says where the grader searched."""
    notebook = write_notebook(
        tmp_path / "nb.ipynb",
        code(
            "from transformers import BertTokenizer\ntok = BertTokenizer.from_pretrained('bert-base-uncased')"
        ),
        code("# Q1a\nprint(len(tok))", result("30522")),
    )
    rows = self_check(notebook, load_rubric("hw2-2024"), "p5")
    for row in rows:
        if row.verdict == MISSING_PART:
            assert "Searched:" in row.hint
            assert not row.hint.startswith("The cell that computes this has no output")
