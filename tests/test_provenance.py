"""Outputs a cell's code cannot have produced are told apart from honest ones (issue 1/5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import code, markdown, result, stream, write_notebook
from test_notebook_checks import bert_cells, grade_cells

from grader.checks.code_reading import loop_runs
from grader.ingest.provenance import notebook_functions, unexplained
from grader.results import FLAG_INTEGRITY, FLAG_REVIEW

EVALUATE = (
    "def evaluate(model, iterator):\n    model.eval()\n    total = 0\n"
    "    for batch in iterator:\n        total += model(batch).item()\n    return total / len(iterator)"
)


@pytest.mark.parametrize(
    ("cell", "output_type", "why"),
    [
        ("x = 1", "execute_result", "not an expression"),
        ("loss, acc = evaluate(model, test)", "stream", "prints nothing"),
        ("model.load_state_dict(torch.load('m.pt'))\nacc = 0.9", "stream", "prints nothing"),
    ],
)
def test_outputs_a_cell_cannot_produce(cell: str, output_type: str, why: str) -> None:
    defined = notebook_functions([EVALUATE])
    assert why in unexplained(cell, output_type, "stdout", defined)


@pytest.mark.parametrize(
    ("cell", "output_type", "stream_name"),
    [
        ("print(acc)", "stream", "stdout"),
        ("acc", "execute_result", ""),
        ("train(model)", "stream", "stdout"),  # not defined here: it may print
        ("trainer.fit(model)", "stream", "stdout"),
        ("x = 1", "stream", "stderr"),  # warnings go to stderr from anywhere
        ("%time x = 1", "stream", "stdout"),  # magics are not read
        ("def broken(:", "stream", "stdout"),  # unparsable: not judged
        ("loss = evaluate(model, test)", "stream", "stdout"),  # this evaluate prints
    ],
)
def test_outputs_a_cell_may_produce_are_not_questioned(
    cell: str, output_type: str, stream_name: str
) -> None:
    defined = notebook_functions([EVALUATE.replace("    return", "    print(total)\n    return")])
    assert unexplained(cell, output_type, stream_name, defined) == ""


def test_a_result_its_cell_cannot_print_is_a_suggestion_for_review(tmp_path: Path) -> None:
    cells = bert_cells(
        test=code(
            "test_loss, test_acc = evaluate(model, test_iterator, criterion)",
            stream("Test Loss: 0.221 | Test Acc: 91.02%\n"),
        )
    )
    part = grade_cells(tmp_path, cells)["p5.test-acc"]
    assert part.score == part.max and FLAG_REVIEW in part.flags
    assert FLAG_INTEGRITY not in part.flags
    assert any("cannot have produced" in e["found"] for e in part.evidence)


def test_an_honest_notebook_raises_no_such_flag(tmp_path: Path) -> None:
    parts = grade_cells(tmp_path, bert_cells())
    assert all(part.flags == [] for part in parts.values())


@pytest.mark.parametrize(
    ("cell", "runs"),
    [
        ("EPOCHS = 5\nfor epoch in range(1, EPOCHS + 1):\n    print(epoch)", 5),
        ("for e in range(N):\n    pass", 3),
        ("for e in range(0, 10, 2):\n    pass", 5),
        ("for e in range(epochs):\n    pass", None),  # not a constant
        ("for batch in loader:\n    pass", None),
    ],
)
def test_loop_runs(cell: str, runs: int | None) -> None:
    assert loop_runs(cell, {"N": 3}) == runs


def test_a_log_longer_than_its_loop_is_flagged(tmp_path: Path) -> None:
    from grader.checks.base import GradeOptions
    from grader.grade import grade_path
    from grader.rubric import load_rubric

    log = "".join(f"Epoch: {e} test_loss: 0.4 test_acc: 86.0\n" for e in range(1, 6))
    path = write_notebook(
        tmp_path / "vit.ipynb",
        markdown("## 4. Vision Transformers"),
        code("EPOCHS = 2\nfor epoch in range(EPOCHS):\n    print(log_line(epoch))", stream(log)),
        code("acc", result("86.0")),
    )
    parts = grade_path(path, load_rubric("hw2-2024"), GradeOptions(run_code=False)).problems["p4"]
    trained = parts.parts["p4.trained"]
    assert FLAG_REVIEW in trained.flags
    assert "shows 5 epochs but the cell's loop runs 2" in trained.evidence[0]["reason"]
