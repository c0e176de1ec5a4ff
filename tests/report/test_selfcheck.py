"""Students' self-check: verdicts and hints per part, never a reference value or threshold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from builders import code, markdown, stream, write_notebook
from click.testing import Result
from reportkit import BERT_HEADING, failed_cleanly, grade_all, hw2, run_cli
from seedfiles import SEED_HW2_2024

from grader import check
from grader.checks.registry import CHECK_KINDS
from grader.report.env import template_data
from grader.selfcheck import BY_TA, DONE, HINTS_FILE, MISSING_PART, WRONG, SelfCheckError


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    """Q1a prints a wrong vocabulary size, Q1b is absent, the test accuracy is typed in."""
    return write_notebook(
        tmp_path / "hw2.ipynb",
        markdown(BERT_HEADING),
        code("# Q1a\nprint(len(tokenizer))", stream("30000\n")),
        markdown("My model reached Test Loss: 0.250 | Test Acc: 90.00% on the test set."),
    )


def cli(*args: str | Path) -> Result:
    return run_cli("check", *args)


def _leaves(value: object) -> list[str]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list | tuple):
        return [leaf for v in value for leaf in _leaves(v)]
    return [str(value)]


def hidden_values(path: Path) -> set[str]:
    """Every number of 3+ characters in the rubric's params, and every reference the grader shows."""
    secrets = set()
    for problem in hw2().problems:
        for part in problem.parts:
            leaves = _leaves(part.params)
            secrets |= {n for leaf in leaves for n in re.findall(r"\d[\d.,]+\d", leaf)}
    (result,) = grade_all([path], hw2())
    for problem in result.problems.values():
        for part in problem.parts.values():
            secrets |= {ev["expected"] for ev in part.evidence if len(ev["expected"]) > 3}
    return secrets


def test_verdicts_and_hints_without_hidden_values(notebook: Path) -> None:
    proc = cli(str(notebook), "--assignment", "hw2-2024", "--problem", "p5")
    assert proc.exit_code == 1, proc.stderr
    lines = {line.split()[0]: line for line in proc.stdout.splitlines() if line.startswith("p5")}
    assert MISSING_PART in lines["p5.q1b"] and WRONG in lines["p5.q1a"]
    assert WRONG in lines["p5.test-acc"]  # typed in, not computed
    assert "never ran" in proc.stdout and "save" in proc.stdout
    table = proc.stdout.split("\n", 1)[1]  # the first line names the assignment
    assert [s for s in hidden_values(notebook) if s in table] == []


def test_notebook_check_finds_the_saved_notebook(notebook: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("JPY_SESSION_NAME", str(notebook))
    rows = check("p5")  # no assignment given: the only rubric with a p5 is used
    out = capsys.readouterr().out
    assert "Assignment 2 (hw2-2024)" in out and "p5.q1b" in out
    assert {r.part for r in rows} == {p.id for p in hw2().problems[4].parts}
    verdicts = {r.part: r.verdict for r in rows}
    assert verdicts["p5.q1a"] == WRONG and verdicts["p5.q1b"] == MISSING_PART
    assert all(r.hint for r in rows if r.verdict != DONE)


def test_a_complete_problem_passes(seeds_dir: Path) -> None:
    proc = cli(str(seeds_dir / SEED_HW2_2024), "-a", "hw2-2024", "-p", "p5")
    assert proc.exit_code == 0, proc.stdout + proc.stderr
    assert f"{len(hw2().problems[4].parts)} done" in proc.stdout


def test_parts_graded_by_hand_do_not_fail_the_check(tmp_path: Path, capsys) -> None:
    answers = tmp_path / "answers.md"
    answers.write_text("## Problem 2\n\nSelf-attention copies the token whose key matches.\n")
    rows = check("p2", assignment="hw2-2024", path=answers)
    assert rows and all(r.verdict in (DONE, BY_TA, MISSING_PART, WRONG) for r in rows)
    assert "p2a" in capsys.readouterr().out


def test_mistakes_get_one_clear_message(notebook: Path, tmp_path: Path) -> None:
    unknown = cli(str(notebook), "-a", "hw2-2024", "-p", "p9")
    assert failed_cleanly(unknown) and "has no problem 'p9'" in unknown.stderr
    broken = tmp_path / "broken.ipynb"
    broken.write_text('{"cells": [')
    unreadable = cli(str(broken), "-a", "hw2-2024")
    assert failed_cleanly(unreadable) and "broken JSON" in unreadable.stderr
    with pytest.raises(SelfCheckError, match="no such file"):
        check("p5", path=tmp_path / "missing.ipynb")


def test_every_check_kind_has_its_own_hints() -> None:
    hints = template_data(HINTS_FILE)
    graded_automatically = set(CHECK_KINDS) - {"pending"}  # pending parts go to a TA
    assert graded_automatically <= set(hints["missing"]) & set(hints["wrong"])


def test_a_notebook_of_one_problem_is_checked_on_that_problem_only(notebook: Path) -> None:
    """The notebook holds problem 5 alone: problems 1 to 4 are not listed as missing."""
    proc = cli(str(notebook), "--assignment", "hw2-2024")
    parts = {line.split()[0] for line in proc.stdout.splitlines() if line[:1] == "p"}
    assert parts and all(p.startswith("p5") for p in parts), proc.stdout


def test_an_unknown_assignment_names_the_cli_flag(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("nothing to see\n")
    proc = cli(str(path))
    assert proc.exit_code == 2 and "--assignment ID" in proc.output
