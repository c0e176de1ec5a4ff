"""Acceptance: the theory answers of the two seed submissions get what an expert gives.

Each problem's answer is the seed's text from its heading to the next problem's, given to
every part of the problem (as when segmentation finds no part markers).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from theory_helpers import grade, seed_slice

from grader.report.mathsvg import render_math
from grader.results import FLAG_REVIEW

SEED_003 = [  # hw2-2024: full marks on the recurrence, self-attention and linear attention
    ("p1", "1. **(3 points)", "2. **(3 points)"),
    ("p2a", "2. **(3 points)", "3. **(2 points)"),
    ("p2b", "2. **(3 points)", "3. **(2 points)"),
    ("p2c", "2. **(3 points)", "3. **(2 points)"),
    ("p3", "3. **(2 points)", "4. **(3 points)"),
]


@pytest.mark.parametrize(("part_id", "start", "stop"), SEED_003)
def test_seed_003_theory_parts_get_full_marks(
    seeds_dir: Path, part_id: str, start: str, stop: str
) -> None:
    answer = seed_slice(seeds_dir, "003", start, stop)
    result = grade("hw2-2024", part_id, answer, origin="txt")
    assert result.fraction == 1.0, (part_id, result.evidence)
    assert result.status == "pass"
    assert FLAG_REVIEW not in result.flags


@pytest.mark.parametrize(("part_id", "start", "stop"), SEED_003[:3])
def test_seed_003_formula_evidence_carries_latex_that_renders(
    seeds_dir: Path, part_id: str, start: str, stop: str
) -> None:
    answer = seed_slice(seeds_dir, "003", start, stop)
    for evidence in grade("hw2-2024", part_id, answer, origin="txt").evidence:
        latex = evidence.data["latex"]
        assert set(latex) == {"found", "expected"}, (part_id, evidence)
        for tex in latex.values():
            assert str(render_math(tex)).startswith("<svg"), tex


def test_seed_000_recurrence_gets_full_marks_with_its_leftover_h0(seeds_dir: Path) -> None:
    answer = seed_slice(seeds_dir, "000", "Problem 2", "Problem 3")
    result = grade("hw3-2023", "p2", answer, origin="txt")
    assert result.fraction == 1.0 and result.flags == []
    evidence = result.evidence[0]
    assert evidence.found.startswith("y_{2n} = sigmoid(1000h_{2n}), with h_{2n} = x_{2n} - ")
    assert evidence.found.endswith("+ x_2 - x_1 + h_0")
    assert "h_0 = 0 as the problem gives" in evidence.reason
    assert list(evidence.data["student"]) == ["8", "10", "12"]  # shorter T: written terms overlap
    found = evidence.data["latex"]["found"]
    assert found.startswith(r"y_{2 n} = \sigma\left(1000 h_{2 n}\right),\quad h_{2 n} = x_{2 n}")
    assert r"\sum_{k=1}^{T}" in evidence.data["latex"]["expected"]


def test_seed_000_norms_get_full_marks(seeds_dir: Path) -> None:
    answer = seed_slice(seeds_dir, "000", "Problem 3", "Problem 4")
    result = grade("hw3-2023", "p3a", answer, origin="txt")
    assert result.fraction == 1.0 and result.flags == []
    assert [e.found for e in result.evidence] == ["‖x_1‖ = β·√2", "‖x_2‖ = β", "‖x_3‖ = β·√2"]
    first = result.evidence[0].data["latex"]
    assert first["found"] == r"\left\|x_1\right\| = \beta \sqrt{2}"  # as written
    assert first["expected"] == r"\left\|x_{1}\right\| = \sqrt{2} \beta"


def test_seed_000_outputs_without_softmax_get_nothing(seeds_dir: Path) -> None:
    answer = seed_slice(seeds_dir, "000", "Problem 3", "Problem 4")
    result = grade("hw3-2023", "p3b", answer, origin="txt")
    assert result.fraction == 0.0 and result.status == "fail" and result.flags == []
    assert result.evidence[0].found == "y_1 = 2β^2·x_1 + β^2·x_3"
    assert result.evidence[0].expected == "y_1 ≈ x_1"
    assert result.evidence[0].data["latex"] == {
        "found": r"y_1 = 2 \beta^2 x_1 + \beta^2 x_3",
        "expected": r"y_{1} \approx x_{1}",
    }
    assert "no softmax" in result.evidence[0].reason
    assert result.feedback.startswith("Softmax omitted")
