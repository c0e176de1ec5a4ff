"""`missing` is a claim the grader has checked (issue 1/5).

Generated cases: each theory problem's correct answer, for every theory problem of the three
assignments, planted among the others (which have ordinary headings) under a heading style
the grader has never seen (made up here) and under no heading at all, so that it sits in
the section of the problem before it; in .md, .txt, .tex, a notebook's markdown cells and a
PDF. No planted answer may end as a silent
``missing`` (status ``missing`` with no ``needs_review`` flag) or as a silent zero.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from builders import markdown, text_to_pdf, write_notebook
from crafted.gen_theory import CR_PROSE, LA_SHARED, REC_UNICODE, SA_UNICODE, TWO_WAYS

from grader.checks.base import GradeOptions
from grader.grade import grade_path
from grader.results import FLAG_REVIEW, MISSING
from grader.rubric import load_rubric

ANSWERS = {
    "recurrence": REC_UNICODE,
    "self-attention": "\n\n".join(f"({m}) {b}" for m, b in zip("abc", SA_UNICODE, strict=True)),
    "linear-attention": LA_SHARED,
    "cnn-vs-rnn": "\n\n".join(f"({m}) {b}" for m, b in zip("ab", CR_PROSE, strict=True)),
    "linear-attention-2022": TWO_WAYS,
}
ASSIGNMENTS = ("hw2-2024", "hw3-2023", "hw3-2022")
FORMATS = ("md", "txt", "tex", "ipynb", "pdf")


def made_up_heading(rng: random.Random, n: int) -> str:
    """A heading in a style no pattern of the grader lists: an invented word, decoration."""
    word = "".join(rng.choice("bdfgklmnrstvz") + rng.choice("aeiou") for _ in range(3))
    left, right = rng.choice([("~~", "~~"), ("<<", ">>"), ("==", "=="), ("--", "--")])
    return f"{left} {word.capitalize()} {'•' * n} {right}"


def planted(assignment: str, style: str, form: str) -> list[tuple[str, str]]:
    """(heading, answer) for every theory problem of the assignment, in the statement's
    order. One of them (a different one for each form) is the planted answer: made up
    heading, or none; the others have ordinary "Problem N" headings, so that the planted
    answer sits inside the section of the problem before it, or in the file's preamble."""
    rng = random.Random(f"{assignment}-{style}")
    theory = [p for p in load_rubric(assignment).problems if p.kind == "theory"]
    chosen = theory[FORMATS.index(form) % len(theory)]
    return [
        (
            (made_up_heading(rng, p.number) if style == "made-up" else "")
            if p is chosen
            else f"Problem {p.number}",
            ANSWERS[p.use],
        )
        for p in theory
    ]


def write_submission(folder: Path, answers: list[tuple[str, str]], form: str) -> Path:
    """The planted answers as one student's file of the given form."""
    folder.mkdir(parents=True)
    chunks = [f"{heading}\n\n{answer}" if heading else answer for heading, answer in answers]
    text = "\n\n".join(["Homework answers", *chunks])
    if form in ("md", "txt"):
        (folder / f"answers.{form}").write_text(text, encoding="utf-8")
    elif form == "tex":
        body = text.replace("&", r"\&").replace("#", r"\#")
        tex = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
        (folder / "answers.tex").write_text(tex, encoding="utf-8")
    elif form == "ipynb":
        write_notebook(folder / "answers.ipynb", *(markdown(c) for c in chunks))
    else:
        text_to_pdf(text, folder / "answers.pdf")
    return folder


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
@pytest.mark.parametrize("style", ["made-up", "none"])
@pytest.mark.parametrize("form", FORMATS)
def test_a_planted_answer_is_never_a_silent_missing(
    tmp_path: Path, assignment: str, style: str, form: str
) -> None:
    rubric = load_rubric(assignment)
    folder = write_submission(tmp_path / "student", planted(assignment, style, form), form)
    result = grade_path(folder, rubric, GradeOptions(run_code=False))
    assert result.status == "graded", result.error
    for problem in rubric.problems:
        if problem.kind != "theory":
            continue
        graded = result.problems[problem.id]
        flagged = any(FLAG_REVIEW in part.flags for part in graded.parts.values())
        for part_id, part in graded.parts.items():
            silent = part.status == MISSING and FLAG_REVIEW not in part.flags
            assert not silent, f"{assignment} {form} {style}: {part_id} is a silent missing"
        assert graded.score > 0 or flagged, f"{problem.id} is a silent zero"


def test_an_absent_problem_says_where_it_was_looked_for(tmp_path: Path) -> None:
    """A problem that is not there is a plain `missing`, no flag, that names the places
    its own check searched."""
    answers = [("Problem 1", ANSWERS["recurrence"])]
    folder = write_submission(tmp_path / "student", answers, "md")
    result = grade_path(folder, load_rubric("hw2-2024"), GradeOptions(run_code=False))
    part = result.problems["p3"].parts["p3"]
    assert part.status == MISSING and FLAG_REVIEW not in part.flags
    assert "problem 1's section" in part.evidence[0]["reason"]
    assert "its check recognised nothing" in part.evidence[0]["reason"]
