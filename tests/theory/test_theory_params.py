"""The theory parts' params in the problem YAML are complete, and bad params are named."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest
from theory_helpers import context, part

import grader.theory
from grader.checks import norms, recurrence
from grader.checks.registry import check_module
from grader.rubric import load_rubric
from grader.theory.prose import load_concepts
from grader.theory.scoring import TheoryParamsError, load_outcomes

THEORY_KINDS = ("recurrence", "norms", "attention_outputs", "concepts", "linear_attention")


@pytest.mark.parametrize("assignment", ["hw2-2024", "hw3-2023", "hw3-2022"])
def test_every_theory_part_has_valid_params(assignment: str) -> None:
    for problem in load_rubric(assignment).problems:
        if problem.kind != "theory":
            continue
        for spec in problem.parts:
            assert spec.check in THEORY_KINDS, spec.id
            check_module(spec.check).validate(spec.params, spec.id)


@pytest.mark.parametrize("kind", ["recurrence", "norms", "attention_outputs"])
def test_no_wrong_outcome_earns_full_credit_in_the_yaml(kind: str) -> None:
    module = check_module(kind)
    problem = {"recurrence": ("hw2-2024", "p1"), "norms": ("hw2-2024", "p2a")}
    _, spec = part(*problem.get(kind, ("hw2-2024", "p2b")))
    outcomes = load_outcomes(spec.params, module.OUTCOMES, module.RIGHT, spec.id)
    assert set(outcomes) == set(module.OUTCOMES)
    assert all(o.credit < 1 for o in outcomes.values() if o.id not in module.RIGHT)


def test_full_credit_for_a_wrong_answer_is_refused_naming_the_file() -> None:
    _, spec = part("hw2-2024", "p1")
    outcomes = {**spec.params["outcomes"], "sign_flipped": {"credit": 1, "feedback": "ok"}}
    place = "rubrics/problems/recurrence.yaml (part p1)"
    with pytest.raises(TheoryParamsError, match=r"recurrence\.yaml.*'sign_flipped'.*less than"):
        recurrence.validate({**spec.params, "outcomes": outcomes}, place)


def test_a_bad_pattern_is_refused_naming_the_concept() -> None:
    params = {"concepts": [{"id": "c", "points": 1, "patterns": ["(unclosed"]}]}
    with pytest.raises(TheoryParamsError, match="'c' has a bad pattern"):
        load_concepts(params, "rubrics/problems/x.yaml (part p1)")


def test_a_check_with_a_broken_setup_names_the_yaml() -> None:
    ctx = context("hw2-2024", "p2a", "$\\|x_1\\| = \\beta$")
    broken = replace(ctx.part, params={**ctx.part.params, "setup": {"basis": ["a"]}})
    with pytest.raises(TheoryParamsError, match=r"self-attention\.yaml \(part p2a\): 'setup'"):
        norms.check(replace(ctx, part=broken))


def test_student_text_is_never_evaluated() -> None:
    """No module of the reader calls eval, exec, sympify or parse_expr."""
    forbidden = {"eval", "exec", "sympify", "parse_expr", "parse_latex", "S"}
    for path in Path(grader.theory.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        called = {
            node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
        }
        assert not called & forbidden, (path.name, called & forbidden)
