"""PDFs made by the tools students use (tests/fixtures/pdf, made by make_fixtures.py):
pdflatex theory, Chromium's print of nbconvert's HTML (lab, classic, no prompts as Colab
prints), and both merged. Each is read as the math reader and the checks need it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sympy as sp
from builders import text_to_pdf

from grader.document import STRENGTH_PRINTED
from grader.grade import GradeOptions, grade_path
from grader.ingest.pagefurniture import without_furniture
from grader.ingest.pdf import extract_pdf_text, read_pdf
from grader.ingest.pdflayout import Line
from grader.ingest.printednotebook import notebook_text
from grader.ingest.text import parse_text
from grader.results import FLAG_INTEGRITY
from grader.rubric import load_rubric
from grader.theory.realize import realize, sequence, symbol
from grader.theory.statements import find_statements, parse_side

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
THEORY = ["theory_pdflatex.pdf", "theory_no_tounicode.pdf", "merged.pdf"]
NOTEBOOKS = ["notebook_lab.pdf", "notebook_classic.pdf", "notebook_colab.pdf", "merged.pdf"]
ENV = {"T": sp.Integer(3), "n": sp.Integer(2)}  # sums read at concrete lengths


def _claims(name: str) -> dict[str, list[sp.Expr]]:
    """Each equation's first side (as written) and the values of the sides after it."""
    found: dict[str, list[sp.Expr]] = {}
    for statement in find_statements(read_pdf(FIXTURES / name)):
        label, *values = statement.sides
        found[label] = [realize(parse_side(v, statement.latex), ENV) for v in values]
    return found


@pytest.mark.parametrize("name", THEORY)
def test_pdflatex_equations_read_as_the_math_reader_reads_them(name: str) -> None:
    claims = _claims(name)
    h, x = sequence("h"), sequence("x")
    t, beta = symbol("t"), symbol("beta")
    assert claims["h_t"] == [x(t) - h(t - 1)]
    assert claims["‖x_1‖"] == [sp.sqrt(2 * beta**2), sp.sqrt(2) * beta]  # √ over β² + β²
    sigmoid = sequence("sigmoid")
    assert claims["y_T"] == [sigmoid(1000 * (-x(1) + x(2) - x(3)))]
    assert claims["y_2"] == [(x(1) + x(3)) / 2]  # \frac from its stacked lines
    assert claims["h_{2n-1}"] == [x(1) - x(2) + x(3)]


@pytest.mark.parametrize("name", THEORY)
def test_pdflatex_text_has_word_spaces_and_no_private_glyphs(name: str) -> None:
    text = extract_pdf_text(FIXTURES / name)
    assert "From the figure we know, h_t = x_t − h_{t−1}, so the output is" in text
    assert "∑_{k=1}^{T}" in text or "∑_{k=1}^T" in text
    assert "σ(2β^2) ≈ 1" in text and "ℝ^d" in text
    assert not any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in text)
    assert "\n1\n" not in text + "\n"  # the page number


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_printed_notebook_outputs_are_output_blocks(name: str) -> None:
    blocks = read_pdf(FIXTURES / name)
    outputs = [b for b in blocks if b.kind == "output"]
    assert [b.text.strip().splitlines()[0] for b in outputs] == [
        "30522",
        "109483778",
        "Epoch 1/45 | train_loss: 0.9000 | train_acc: 80.20% | val_acc: 79.20%",
        "Test Acc: 91.28%",
    ]
    assert all(b.strength == STRENGTH_PRINTED for b in outputs)
    log = outputs[2].text.strip().splitlines()
    assert len(log) == 45 and log[-1].startswith("Epoch 45/45")  # across the page break
    for i, block in enumerate(blocks):
        if block.kind == "output":
            assert blocks[i - 1].kind in ("code", "output")
    code = [b.text for b in blocks if b.kind == "code"]
    assert "for epoch in range(1, 46):\n    loss, acc = train_one_epoch(model, loader)" in code[3]
    prose = "\n".join(b.text for b in blocks if b.kind == "prose")
    assert "30522" not in prose and "Epoch 1/45" not in prose


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_browser_headers_and_footers_are_dropped(name: str) -> None:
    text = extract_pdf_text(FIXTURES / name)
    assert "file://" not in text and "notebook.html" not in text
    assert "AM notebook" not in text and "PM notebook" not in text
    assert "$h_t = x_t - h_{t-1}$" in text  # a markdown cell's LaTeX, as MathJax left it


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_honest_printed_outputs_raise_no_integrity_flag(name: str) -> None:
    result = grade_path(FIXTURES / name, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    flagged = [
        pid
        for problem in result.problems.values()
        for pid, part in problem.parts.items()
        if FLAG_INTEGRITY in part.flags
    ]
    assert flagged == []
    q1a = result.problems["p5"].parts["p5.q1a"]
    assert q1a.score == pytest.approx(q1a.max) and q1a.evidence[0]["strength"] == "printed"


def test_results_typed_in_prose_with_no_code_are_still_flagged(tmp_path: Path) -> None:
    pdf = text_to_pdf(
        "## 5. Sentiment analysis using Transformer models\n\n"
        "Q1a: the vocabulary has 30522 tokens.\n\nTest Acc: 91.28%\n",
        tmp_path / "typed.pdf",
    )
    result = grade_path(pdf, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    part = result.problems["p5"].parts["p5.q1a"]
    assert part.score == 0 and FLAG_INTEGRITY in part.flags


def _line(page: int, base: float, text: str) -> Line:
    return Line(page, base, 72.0, 300.0, 10.0, text, False, 0.0, height=792.0)


def test_furniture_of_other_browsers_and_repeated_running_heads_is_dropped() -> None:
    """Chrome's header and footer as the issue quotes them, a running head repeated at the
    same height on each page, and a bare page number; body text stays, even a number."""
    pages = [
        [
            _line(page, 770, "2024/3/15 14:21 Answer_Q4"),
            _line(page, 740, "HW2 — Jane Doe"),
            _line(page, 400, "The vocabulary has 30522 tokens."),
            _line(page, 380, "30522"),
            _line(
                page,
                30,
                f"localhost:8888/nbconvert/html/Answer_Q4.ipynb?download=false {page + 1}/4",
            ),
        ]
        for page in range(4)
    ]
    pages[3].append(_line(3, 60, "4"))
    kept = [line.text for line in without_furniture(pages)]
    assert kept == ["The vocabulary has 30522 tokens.", "30522"] * 4


def test_a_page_with_more_characters_than_homework_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The layout work per page is bounded: a page over the cap is one clear error."""
    from grader.ingest import IngestError, pdfglyphs

    monkeypatch.setattr(pdfglyphs, "MAX_PAGE_CHARS", 100)
    with pytest.raises(IngestError, match="theory_pdflatex.pdf: not a readable PDF .*characters"):
        read_pdf(FIXTURES / "theory_pdflatex.pdf")


def _mono(base: float, text: str, x0: float = 100.0, box: int | None = 0, prompt: str = "") -> Line:
    width = 6.0
    return Line(
        0,
        base,
        x0,
        x0 + width * len(text),
        10.0,
        text,
        True,
        width,
        None if box is None else (0, box),
        792.0,
        prompt,
        x0,
    )


def test_a_prompt_alone_on_its_line_starts_the_boxed_code_under_it() -> None:
    """ "In [27]:" on a line of its own, the code in its box below, the log right after
    it outside the box: code then output, the prompt gone and the indentation kept."""
    lines = [
        _mono(700, "", x0=40, box=None, prompt="In [27]:"),
        _mono(688, "for epoch in range(2):"),
        _mono(676, "print(f'Epoch {epoch}')", x0=124),
        _mono(650, "Epoch 0", box=None),
        _mono(638, "Epoch 1", box=None),
    ]
    blocks = parse_text(notebook_text(lines), "a.pdf", "pdf")
    assert [(b.kind, b.text) for b in blocks] == [
        ("code", "for epoch in range(2):\n    print(f'Epoch {epoch}')"),
        ("output", "Epoch 0\nEpoch 1"),
    ]
