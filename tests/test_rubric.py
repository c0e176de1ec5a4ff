"""Rubrics: the three assignments load, add up, share problems, and bad files fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from grader.paths import RUBRICS_DIR
from grader.rubric import RubricError, available_assignments, load_rubric

TOTALS = {"hw2-2024": 15, "hw3-2023": 16, "hw3-2022": 16}


@pytest.mark.parametrize("assignment", sorted(TOTALS))
def test_rubric_totals_and_parts_add_up(assignment: str) -> None:
    rubric = load_rubric(assignment)
    assert rubric.max_points == TOTALS[assignment]
    for problem in rubric.problems:
        assert sum(p.points for p in problem.parts) == pytest.approx(problem.points, abs=1e-3)


def test_available_assignments_lists_all() -> None:
    assert set(TOTALS) <= set(available_assignments())


def test_problem_points_follow_the_course_statements() -> None:
    hw2 = {p.id: p.points for p in load_rubric("hw2-2024").problems}
    assert hw2 == {"p1": 3, "p2": 3, "p3": 2, "p4": 3, "p5": 4}
    hw3 = {p.id: p.points for p in load_rubric("hw3-2023").problems}
    assert hw3 == {"p1": 3, "p2": 4, "p3": 3, "p4": 6}
    parts = {p.id: p.points for p in load_rubric("hw2-2024").problems[1].parts}
    assert parts == {"p2a": 0.5, "p2b": 2, "p2c": 0.5}


def test_shared_problem_is_defined_once_and_reused() -> None:
    hw2, hw3 = load_rubric("hw2-2024"), load_rubric("hw3-2023")
    assert hw2.problems[0].use == hw3.problems[1].use == "recurrence"
    assert hw2.problems[4].use == hw3.problems[3].use == "bert-sentiment"
    # same parts, rescaled to each assignment's points
    assert [p.check for p in hw2.problems[4].parts] == [p.check for p in hw3.problems[3].parts]
    assert hw3.problems[3].parts[0].points == pytest.approx(hw2.problems[4].parts[0].points * 1.5)


def test_rubric_version_changes_with_shared_problem_content(tmp_path: Path) -> None:
    rubrics = _copy_rubrics(tmp_path)
    before = load_rubric("hw2-2024", rubrics).version
    shared = rubrics / "problems" / "recurrence.yaml"
    shared.write_text(shared.read_text() + "\n# a comment does not change the data\n")
    assert load_rubric("hw2-2024", rubrics).version == before
    data = yaml.safe_load(shared.read_text())
    data["title"] = "Recurrences (revised)"
    shared.write_text(yaml.safe_dump(data))
    assert load_rubric("hw2-2024", rubrics).version != before


def _copy_rubrics(tmp_path: Path) -> Path:
    target = tmp_path / "rubrics"
    (target / "problems").mkdir(parents=True)
    for path in RUBRICS_DIR.glob("*.yaml"):
        (target / path.name).write_text(path.read_text())
    for path in (RUBRICS_DIR / "problems").glob("*.yaml"):
        (target / "problems" / path.name).write_text(path.read_text())
    return target


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("version"), "missing key 'version'"),
        (lambda d: d["problems"][0].pop("points"), "problems[0]: missing key 'points'"),
        (lambda d: d["problems"][0].update(points="three"), "key 'points' should be int or float"),
        (lambda d: d["problems"][1].update(use="nope"), "key 'use' names 'nope'"),
        (lambda d: d["problems"].append(dict(d["problems"][0])), "problem ids repeat"),
    ],
)
def test_bad_assignment_rubric_names_file_and_key(tmp_path: Path, mutate, message: str) -> None:
    rubrics = _copy_rubrics(tmp_path)
    path = rubrics / "hw2-2024.yaml"
    data = yaml.safe_load(path.read_text())
    mutate(data)
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(RubricError) as info:
        load_rubric("hw2-2024", rubrics)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_bad_shared_problem_names_file_and_key(tmp_path: Path) -> None:
    rubrics = _copy_rubrics(tmp_path)
    shared = rubrics / "problems" / "vit-fashionmnist.yaml"
    data = yaml.safe_load(shared.read_text())
    data["parts"][0]["check"] = "telepathy"
    shared.write_text(yaml.safe_dump(data))
    with pytest.raises(
        RubricError, match=r"vit-fashionmnist.yaml: parts\[0\]: unknown check 'telepathy'"
    ):
        load_rubric("hw2-2024", rubrics)
    data["parts"][0]["check"] = "output_value"
    data["parts"][0]["params"] = {}
    shared.write_text(yaml.safe_dump(data))
    with pytest.raises(RubricError, match="check 'output_value' needs params expected"):
        load_rubric("hw2-2024", rubrics)


def test_a_problems_other_names_are_regexes(tmp_path: Path) -> None:
    rubrics = _copy_rubrics(tmp_path)
    shared = rubrics / "problems" / "vit-fashionmnist.yaml"
    data = yaml.safe_load(shared.read_text())
    assert "VisionTransformer" in load_rubric("hw2-2024", rubrics).problems[3].names["ViT"][0]
    data["names"] = {"ViT": "VisionTransformer"}
    shared.write_text(yaml.safe_dump(data))
    with pytest.raises(RubricError, match=r"vit-fashionmnist.yaml: key 'names' should map"):
        load_rubric("hw2-2024", rubrics)
    data["names"] = {"ViT": ["Vision(Transformer"]}
    shared.write_text(yaml.safe_dump(data))
    with pytest.raises(RubricError, match=r"names: 'Vision\(Transformer' is not a regex"):
        load_rubric("hw2-2024", rubrics)


def test_invalid_yaml_and_missing_rubric(tmp_path: Path) -> None:
    rubrics = _copy_rubrics(tmp_path)
    (rubrics / "hw2-2024.yaml").write_text("id: [unclosed\n")
    with pytest.raises(RubricError, match="not valid YAML"):
        load_rubric("hw2-2024", rubrics)
    with pytest.raises(RubricError, match="no such rubric.*known assignments"):
        load_rubric("hw9-2099", rubrics)


def test_bad_theory_params_are_caught_when_the_rubric_loads(tmp_path: Path) -> None:
    rubrics = _copy_rubrics(tmp_path)
    shared = rubrics / "problems" / "recurrence.yaml"
    data = yaml.safe_load(shared.read_text())
    del data["parts"][0]["params"]["outcomes"]
    shared.write_text(yaml.safe_dump(data))
    with pytest.raises(RubricError) as info:
        load_rubric("hw2-2024", rubrics)
    assert "recurrence.yaml" in str(info.value)


@pytest.mark.parametrize(
    ("level", "mutate", "message"),
    [
        ("hw2-2024.yaml", lambda d: d.update(titel="x"), "unknown key 'titel' in the assignment"),
        (
            "hw2-2024.yaml",
            lambda d: d["problems"][0].update(point=3),
            "unknown key 'point' in a problem entry (did you mean 'points'?)",
        ),
        (
            "problems/self-attention.yaml",
            lambda d: d.update(fingerprint=["x"]),
            "unknown key 'fingerprint' in a problem (did you mean 'fingerprints'?)",
        ),
        (
            "problems/self-attention.yaml",
            lambda d: d["parts"][0].update(marker=["a"]),
            "parts[0]: unknown key 'marker' in a part (did you mean 'markers'?)",
        ),
        (
            "problems/bert-sentiment.yaml",
            lambda d: d["parts"][0]["params"].update(cell_markr="Q1a"),
            "unknown key 'cell_markr' in the params of check 'output_value'",
        ),
        (
            "problems/bert-sentiment.yaml",
            lambda d: d["parts"][7]["params"]["static"]["params"].update(requires=[]),
            "static: unknown key 'requires' in the params of check 'code_structure'",
        ),
        (
            "problems/cnn-vs-rnn.yaml",
            lambda d: d["parts"][0]["params"]["concepts"][0].update(pattern=["x"]),
            "'sharing' has unknown key 'pattern'",
        ),
        (
            "problems/recurrence.yaml",
            lambda d: d["parts"][0]["params"]["outcomes"].update(sign_flip={"credit": 0}),
            "unknown outcome 'sign_flip'",
        ),
    ],
)
def test_a_misspelt_key_at_any_level_stops_the_load_and_is_named(
    tmp_path: Path, level: str, mutate, message: str
) -> None:
    rubrics = _copy_rubrics(tmp_path)
    path = rubrics / level
    data = yaml.safe_load(path.read_text())
    mutate(data)
    path.write_text(yaml.safe_dump(data))
    assignment = "hw3-2023" if "cnn" in level else "hw2-2024"
    with pytest.raises(RubricError) as info:
        load_rubric(assignment, rubrics)
    assert str(path) in str(info.value) and message in str(info.value), info.value


def test_a_misspelt_key_stops_grade_with_exit_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from grader.cli import cli

    rubrics = _copy_rubrics(tmp_path)
    shared = rubrics / "problems" / "vit-fashionmnist.yaml"
    data = yaml.safe_load(shared.read_text())
    data["parts"][0]["wieght"] = data["parts"][0].pop("weight")
    shared.write_text(yaml.safe_dump(data))
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "ann.md").write_text("## Problem 1\n\nanswer\n")
    args = ["grade", str(tmp_path / "class"), "-a", str(rubrics / "hw2-2024.yaml")]
    result = CliRunner().invoke(cli, [*args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "unknown key 'wieght'" in result.output and "vit-fashionmnist.yaml" in result.output
