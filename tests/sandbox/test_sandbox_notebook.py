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
