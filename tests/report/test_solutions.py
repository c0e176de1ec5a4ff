"""Solution documents: derivation steps from the reference code, code excerpts, results."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
import yaml
from click.testing import Result
from reportkit import failed_cleanly, hw2, pdf_text, run_cli, squash

from grader.report.curves import curve_config, seed_curves
from grader.report.solutions import Solution, build_solutions, solutions_html
from reference import models
from reference.derivations import derive


def cli(*args: str | Path) -> Result:
    return run_cli("solutions", *args)


def _setup(use: str) -> dict:
    path = hw2().path.parent / "problems" / f"{use}.yaml"
    return yaml.safe_load(path.read_text()).get("setup") or {}


@pytest.fixture(scope="module")
def solutions_pdf(tmp_path_factory: pytest.TempPathFactory) -> str:
    target = tmp_path_factory.mktemp("solutions") / "hw2.pdf"
    proc = cli("hw2-2024", "--out", str(target))
    assert proc.exit_code == 0, proc.stderr
    return pdf_text(target)


@pytest.fixture(scope="module")
def solutions() -> dict[str, Solution]:
    return {s.problem.id: s for s in build_solutions(hw2())}


def test_every_theory_problem_shows_its_derivation_steps(solutions_pdf: str) -> None:
    theory = [p for p in hw2().problems if p.kind == "theory"]
    assert theory
    for problem in theory:
        derivation = derive(problem.use, _setup(problem.use))
        assert f"{problem.id} — {problem.title}" in solutions_pdf
        for step in derivation.steps:
            # the explanation's words (its inline math is drawn, so it has no text)
            words = squash(step.explanation.split("$")[0])
            assert words[:40] in solutions_pdf, step.explanation


def test_notebook_problems_show_reference_code_and_results(solutions_pdf: str) -> None:
    assert "Reference code: ViT" in solutions_pdf
    first_line = inspect.getsource(models.ViT).splitlines()[0]
    assert squash(first_line) in solutions_pdf
    for use in ("vit-fashionmnist", "bert-sentiment"):
        for curve in seed_curves(curve_config(use)):
            assert curve.label in solutions_pdf
    assert "What the rubric expects" in solutions_pdf and "Page 1 of" in solutions_pdf


def test_solutions_content_and_html(solutions: dict[str, Solution]) -> None:
    assert solutions["p1"].steps and solutions["p1"].answer
    assert [e.name for e in solutions["p4"].code] == ["ViT"]
    assert solutions["p5"].plot is not None and solutions["p5"].runs
    vocab = next(p for p in solutions["p5"].parts if p["id"] == "p5.q1a")
    assert vocab["expected"] == "30522" and "vocab.txt" in vocab["source"]
    html = solutions_html(hw2())
    assert html.count('class="math"') >= sum(len(s.steps) for s in solutions.values())
    assert 'aria-label="training curves"' in html


def test_expectations_are_in_words_without_placeholders(solutions: dict[str, Solution]) -> None:
    parts = {p["id"]: p for s in solutions.values() for p in s.parts}
    accuracy = next(p for p in hw2().problems if p.id == "p4").parts
    params = next(part for part in accuracy if part.check == "accuracy").params
    assert parts["p4.accuracy"]["expected"].startswith(
        f"full credit at ≥ {params['full']:g}%, half credit (flagged) at ≥ {params['partial']:g}%"
    )
    assert parts["p2c"]["expected"].startswith("3 points from: ")  # a concept rubric
    assert all("—" not in p["expected"] for p in parts.values())


def test_wrong_output_kind_is_one_clear_message(tmp_path: Path) -> None:
    proc = cli("hw2-2024", "--out", str(tmp_path / "solutions.docx"))
    assert failed_cleanly(proc) and "must end in .html or .pdf" in proc.stderr
