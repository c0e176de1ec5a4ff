"""The two real submissions in ../shared/seeds are graded as an expert would grade them.

Seed 000 is a "Homework #3" (hw3-2023), seed 003 an "Assignment 2" (hw2-2024). Both completed
the BERT notebook correctly, and seed 003 ran the ViT to spec (88.43% after 15 epochs).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import text_to_pdf
from seedfiles import SEED_HW2_2024, SEED_HW3_2023

from grader.checks.base import GradeOptions
from grader.grade import grade_path
from grader.ingest import read_submission
from grader.rubric import load_rubric
from grader.segment import segment

CASES = [(SEED_HW3_2023, "hw3-2023", ["p4"]), (SEED_HW2_2024, "hw2-2024", ["p4", "p5"])]


@pytest.mark.parametrize(("seed", "assignment", "notebooks"), CASES)
def test_every_problem_of_the_seed_is_located(
    seeds_dir: Path, seed: str, assignment: str, notebooks
) -> None:
    rubric = load_rubric(assignment)
    sections = segment(read_submission(seeds_dir / seed), rubric)
    for problem in rubric.problems:
        assert sections[problem.id].located, problem.id
    starts = [sections[p.id].blocks[0].index for p in rubric.problems]
    assert starts == sorted(starts)


def test_seed_003_sections_hold_their_own_answers(seeds_dir: Path) -> None:
    sections = segment(read_submission(seeds_dir / SEED_HW2_2024), load_rubric("hw2-2024"))
    text = {pid: "\n".join(b.text for b in s.blocks) for pid, s in sections.items()}
    assert "sigmoid" in text["p1"] and "softmax" not in text["p1"]
    assert "y_3 = x_3" in text["p2"]
    assert "O(T)" in text["p3"] and "FashionMNIST" not in text["p3"]
    assert "Accuracy: 8843/10000" in text["p4"] and "tokenizer" not in text["p4"]
    assert "Test Acc: 91.56%" in text["p5"]
    parts = sections["p2"].parts
    assert "Given" in parts["p2b"][0].text and parts["p2c"][0].text.startswith("c.")


@pytest.mark.parametrize(("seed", "assignment", "notebooks"), CASES)
def test_seed_notebook_parts_get_full_marks(
    seeds_dir: Path, seed: str, assignment: str, notebooks
) -> None:
    result = grade_path(seeds_dir / seed, load_rubric(assignment), GradeOptions(run_code=False))
    assert result.status == "graded"
    for pid in notebooks:
        problem = result.problems[pid]
        for part_id, part in problem.parts.items():
            assert part.score == pytest.approx(part.max), (part_id, part.evidence)
            assert part.flags == [], part_id
            assert all(e["strength"] in ("printed", "code", "") for e in part.evidence)
        assert problem.score == pytest.approx(problem.max)


def test_seed_003_training_log_is_parsed(seeds_dir: Path) -> None:
    result = grade_path(
        seeds_dir / SEED_HW2_2024, load_rubric("hw2-2024"), GradeOptions(run_code=False)
    )
    epochs = result.problems["p4"].parts["p4.trained"].evidence[0]["data"]["epochs"]
    assert [e["epoch"] for e in epochs] == list(range(1, 16))
    assert epochs[0]["test_acc"] == 82.24 and epochs[-1]["test_acc"] == 88.43
    bert = result.problems["p5"].parts["p5.q3d"].evidence[0]["data"]["epochs"]
    assert [(e["train_acc"], e["val_acc"]) for e in bert] == [(88.77, 91.24), (91.01, 91.14)]


@pytest.mark.parametrize(("seed", "assignment", "notebooks"), CASES)
def test_seed_printed_to_pdf_grades_the_same(
    seeds_dir: Path, tmp_path: Path, seed: str, assignment: str, notebooks
) -> None:
    """PDF is the main input: the seed's text printed to a real PDF is located and graded alike."""
    pdf = text_to_pdf((seeds_dir / seed).read_text(), tmp_path / "submission.pdf")
    rubric = load_rubric(assignment)
    result = grade_path(pdf, rubric, GradeOptions(run_code=False))
    assert all(problem.located for problem in result.problems.values())
    for pid in notebooks:
        for part_id, part in result.problems[pid].parts.items():
            assert part.score == pytest.approx(part.max), (part_id, part.evidence)
            assert all(e["strength"] in ("printed", "code", "") for e in part.evidence)


def test_seed_theory_scores_match_an_expert(seeds_dir: Path) -> None:
    """Seed 003: full marks on p1-p3. Seed 000: full on the recurrence and the norms, and 0 on
    p3b, where (QK^T)V was multiplied with no softmax (y1 = 2β²x1 + β²x3)."""
    hw2 = grade_path(
        seeds_dir / SEED_HW2_2024, load_rubric("hw2-2024"), GradeOptions(run_code=False)
    )
    for pid in ("p1", "p2", "p3"):
        assert hw2.problems[pid].score == pytest.approx(hw2.problems[pid].max), pid
    hw3 = grade_path(
        seeds_dir / SEED_HW3_2023, load_rubric("hw3-2023"), GradeOptions(run_code=False)
    )
    assert hw3.problems["p2"].score == pytest.approx(4)
    parts = hw3.problems["p3"].parts
    assert parts["p3a"].score == pytest.approx(0.5)
    assert parts["p3b"].score == 0 and "no softmax" in parts["p3b"].evidence[0]["reason"]
