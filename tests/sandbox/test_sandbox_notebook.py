"""Re-execution (--execute): the notebook runs again in the sandbox, with fixture data."""

from __future__ import annotations

from pathlib import Path

import nbformat
from conftest import options
from nbformat.v4 import new_code_cell, new_notebook, new_output

from grader.sandbox import reexecute
from grader.sandbox.notebook import dataset_roots, relocated


def _cell(source: str, text: str) -> nbformat.NotebookNode:
    output = new_output("stream", name="stdout", text=text)
    return new_code_cell(source, execution_count=1, outputs=[output])


def test_dataset_roots_follow_literals_and_variables() -> None:
    sources = [
        "ROOT = '/data/fmnist'\n",
        "datasets.FashionMNIST(ROOT, train=True)\nMNIST(root='mn')",
    ]
    assert dataset_roots(sources) == {"FashionMNIST": {"/data/fmnist"}, "MNIST": {"mn"}}
    assert relocated("/data/fmnist") == "./data/fmnist"


def test_reexecution_reports_which_outputs_reproduce(tmp_path: Path) -> None:
    cells = [
        _cell("print(6 * 7)", "42\n"),
        _cell("import random\nprint(random.random())", "0.123456\n"),
        _cell(
            "from torchvision import datasets\n"
            "ds = datasets.FashionMNIST('/data/fmnist', train=True, download=True)\n"
            "print(len(ds), tuple(ds[0][0].size))",
            "60000 (28, 28)\n",
        ),
        _cell("import socket\nsocket.create_connection(('127.0.0.1', 9), timeout=1)", "ok\n"),
    ]
    path = tmp_path / "sub.ipynb"
    nbformat.write(new_notebook(cells=cells), str(path))
    summary, *per_cell = reexecute(path, options(sandbox_cell_s=60, sandbox_notebook_s=120))
    assert summary.found.startswith("1 of 4 code cells with output reproduced"), summary.found
    same, random_cell, data_cell, network_cell = per_cell
    assert same.reason.startswith("reproduced")
    assert random_cell.reason.startswith("differs: another output")
    assert data_cell.found.strip() == "256 (28, 28)"  # the injected fixture, not the real data
    assert network_cell.reason.startswith("differs: the cell now fails")
    assert "Network is unreachable" in network_cell.found


def test_an_unreadable_notebook_is_one_clear_evidence(tmp_path: Path) -> None:
    path = tmp_path / "bad.ipynb"
    path.write_bytes(b"\xff\xfe not json")
    (only,) = reexecute(path, options())
    assert "bad.ipynb: cannot be read as a notebook" in only.reason


def test_grade_execute_ties_each_rerun_cell_to_the_parts_it_supports(tmp_path: Path) -> None:
    """``--execute``: a part resting on an output that reproduces shows it; one resting on
    an output whose cell now fails (and loads no data) is flagged for a TA."""
    from dataclasses import replace

    from grader.grade import grade_path
    from grader.rubric import load_rubric

    cells = [
        nbformat.v4.new_markdown_cell("## 5. Sentiment analysis using Transformer models"),
        _cell("# Q1a: vocabulary size\nprint(30522)", "30522\n"),
        _cell(
            "# Q1b\nprint('train', 17500)\nprint('valid', 7500)\nprint('test', 25000)\n"
            "raise SystemExit('edited after it ran')",
            "train 17500\nvalid 7500\ntest 25000\n",
        ),
    ]
    path = tmp_path / "hw.ipynb"
    nbformat.write(new_notebook(cells=cells), str(path))
    run = replace(options(sandbox_cell_s=60, sandbox_notebook_s=120), execute=True)
    parts = grade_path(path, load_rubric("hw2-2024"), run).problems["p5"].parts
    q1a, q1b = parts["p5.q1a"], parts["p5.q1b"]
    assert q1a.score == q1a.max and q1a.flags == []
    assert any(e["reason"].startswith("reproduced") for e in q1a.evidence)
    assert q1b.score == q1b.max and "needs_review" in q1b.flags
    assert any(e["reason"].startswith("differs: the cell now fails") for e in q1b.evidence)
