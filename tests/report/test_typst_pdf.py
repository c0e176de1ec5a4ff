"""Student PDFs laid out by Typst: the report's content as data, student text as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportkit import hw2, pdf_text

from grader.report.typeset import (
    TypesetError,
    evidence_pieces,
    math_piece,
    prose,
    report_model,
    report_pdf,
)
from grader.results import PartResult, ProblemResult, StudentResult

HOSTILE = '#set page(width: 1cm) *not bold* ] [ #panic("x") ` $ \\ {'


def _result(found: str) -> StudentResult:
    part = PartResult(
        0.5, 1.0, "partial", ["needs_review"],
        [{"found": found, "expected": "$y_1 \\approx x_1$", "reason": "half", "where": "a.md",
          "strength": "prose", "data": {}}],
        title="Outputs", feedback="Look again.", check="concepts",
    )  # fmt: skip
    problem = ProblemResult(0.5, 1.0, "Self-attention", {"p2c": part}, True, "heading", 0.9)
    return StudentResult("mallory", ["a.md"], "graded", None, 0.5, 1.0, {"p2": problem})


def test_student_text_is_shown_as_text_never_read_as_typst(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(report_pdf(report_model(_result(HOSTILE), hw2(), {})))
    text = pdf_text(pdf)
    assert '#set page(width: 1cm) *not bold* ] [ #panic("x")' in text
    assert "Look again." in text and "Page 1 of 1" in text


def test_evidence_is_cut_into_text_math_and_code_pieces() -> None:
    pieces = prose("norm $\\|x_1\\| = \\sqrt{2}\\beta$ as claimed")
    assert [next(iter(p)) for p in pieces] == ["t", "m", "t"]
    assert pieces[1]["m"].startswith("<svg") and pieces[1]["w"] > 0 and not pieces[1]["display"]
    code = evidence_pieces({"found": "def f():\n    pass", "strength": "code"}, "found")
    assert code == [{"pre": "def f():\n    pass", "kind": "code"}]
    latex = {"found": "x", "data": {"latex": {"expected": "y = 1"}}}
    assert evidence_pieces(latex, "expected")[0]["display"]
    assert evidence_pieces(latex, "found") == [{"t": "x"}]


def test_a_formula_mathtext_cannot_draw_is_shown_as_its_source() -> None:
    piece = math_piece("\\cancel{x} + 1")
    assert "t" in piece and "cancel" in piece["t"]


def test_a_broken_template_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "report.typ").write_text("#let d = json(bytes(sys.inputs.data))\n#d.nope(\n")
    with pytest.raises(TypesetError, match=r"report.typ: Typst could not lay the report out"):
        report_pdf(report_model(_result("x"), hw2(), {}), tmp_path)
