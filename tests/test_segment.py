"""Segmentation: each problem (and marked part) is located in every numbering style."""

from __future__ import annotations

import pytest

from grader.document import Document
from grader.ingest.text import parse_text
from grader.locate import names_another
from grader.rubric import load_rubric
from grader.segment import segment


def _doc(text: str) -> Document:
    doc = Document("s", ["a.md"])
    doc.add(parse_text(text, "a.md", "md"))
    return doc


STYLES = {
    "problem word": "Problem {n}\n\nAnswer {n}.",
    "markdown heading": "## {n}\n\nAnswer {n}.",
    "markdown heading with word": "### Question {n}: something\n\nAnswer {n}.",
    "number with points": "{n}. (3 points) Statement.\n\nAnswer {n}.",
    "bold number with points": "**{n}. (3 points)** *Title.* Statement.\n\nAnswer {n}.",
    "Q number": "**Q{n}**\n\nAnswer {n}.",
    "P number": "P{n})\n\nAnswer {n}.",
    "P number with a dot": "P {n}. Answer {n}.",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_every_problem_located_in_each_numbering_style(style: str) -> None:
    rubric = load_rubric("hw3-2023")
    text = "\n\n".join(STYLES[style].format(n=n) for n in (1, 2, 3, 4))
    sections = segment(_doc(text), rubric)
    for n, problem in enumerate(rubric.problems, start=1):
        section = sections[problem.id]
        assert section.located, f"{problem.id} not located in style {style}"
        assert any(f"Answer {n}." in b.text for b in section.blocks)
        assert not any(f"Answer {n + 1}." in b.text for b in section.blocks)


def test_numbered_lists_inside_answers_do_not_start_problems() -> None:
    rubric = load_rubric("hw3-2023")
    text = (
        "Problem 1\n\na) Two benefits:\n\n1. weight sharing\n\n2. locality\n\n"
        "Problem 2\n\nThe recurrence.\n\nProblem 3\n\nAttention.\n\nProblem 4\n\nNotebook."
    )
    sections = segment(_doc(text), rubric)
    assert "locality" in " ".join(b.text for b in sections["p1"].blocks)
    assert sections["p2"].blocks[1].text == "The recurrence."


def test_title_anchor_locates_a_notebook_without_a_number() -> None:
    rubric = load_rubric("hw2-2024")
    text = (
        "1. (3 points) Recurrences\n\nanswer\n\n2. (3 points) Self-attention\n\nanswer\n\n"
        "3. (2 points) Linear attention\n\nanswer\n\n"
        "# Transformers in Computer Vision\n\nViT notebook\n\n"
        "# Analyzing movie reviews using transformers\n\nBERT notebook"
    )
    sections = segment(_doc(text), rubric)
    assert "ViT notebook" in " ".join(b.text for b in sections["p4"].blocks)
    assert "BERT notebook" in " ".join(b.text for b in sections["p5"].blocks)
    assert sections["p4"].located_by.startswith("title")


def test_parts_split_on_their_markers() -> None:
    rubric = load_rubric("hw3-2023")
    text = (
        "Problem 3\n\nSetup.\n\n(a) norms are sqrt2 beta\n\nmore a\n\n"
        "b. outputs y1 = x1\n\nc) copying explained\n\nProblem 4\n\nnotebook"
    )
    parts = segment(_doc(text), rubric)["p3"].parts
    assert [b.text for b in parts["p3a"]] == ["(a) norms are sqrt2 beta", "more a"]
    assert [b.text for b in parts["p3b"]] == ["b. outputs y1 = x1"]
    assert [b.text for b in parts["p3c"]] == ["c) copying explained"]


def test_parts_marked_on_lines_of_one_paragraph_are_split() -> None:
    rubric = load_rubric("hw3-2023")
    text = "Problem 1\n\na) CNN: shared weights.\nb) RNN: any length.\n\nProblem 2\n\nx"
    parts = segment(_doc(text), rubric)["p1"].parts
    assert [b.text for b in parts["p1a"]] == ["a) CNN: shared weights."]
    assert [b.text for b in parts["p1b"]] == ["b) RNN: any length."]


def test_problems_answered_out_of_order_are_all_located() -> None:
    rubric = load_rubric("hw3-2023")
    text = "## Problem 3\n\nNorms.\n\n## Problem 1\n\nCNN.\n\n## Problem 2\n\nRNN."
    sections = segment(_doc(text), rubric)
    assert [b.text for b in sections["p3"].blocks] == ["## Problem 3", "Norms."]
    assert "out of the statement's order" in sections["p3"].located_by
    assert [b.text for b in sections["p1"].blocks] == ["## Problem 1", "CNN."]


def test_missing_problem_is_reported_not_located() -> None:
    rubric = load_rubric("hw3-2023")
    sections = segment(_doc("Problem 1\n\nonly this"), rubric)
    assert sections["p1"].located
    assert not sections["p3"].located and sections["p3"].blocks == []


def test_section_ends_at_the_end_of_its_file() -> None:
    rubric = load_rubric("hw3-2023")
    doc = Document("s", ["a.md", "b.md"])
    doc.add(parse_text("Problem 1\n\nanswer one", "a.md", "md"))
    doc.add(parse_text("unrelated notes\n\nProblem 2\n\nanswer two", "b.md", "md"))
    sections = segment(doc, rubric)
    assert [b.text for b in sections["p1"].blocks] == ["Problem 1", "answer one"]


def test_notebook_in_a_file_sorted_before_the_theory_is_found() -> None:
    rubric = load_rubric("hw2-2024")
    doc = Document("s", ["bert.ipynb", "theory.md", "vit.ipynb"])
    doc.add(
        parse_text("# Analyzing movie reviews using transformers\n\nBERT work", "bert.ipynb", "md")
    )
    doc.add(parse_text("## 1\n\none\n\n## 2\n\ntwo\n\n## 3\n\nthree", "theory.md", "md"))
    doc.add(parse_text("# Transformers in Computer Vision\n\nViT work", "vit.ipynb", "md"))
    sections = segment(doc, rubric)
    assert [b.text for b in sections["p5"].blocks][-1] == "BERT work"
    assert [b.text for b in sections["p4"].blocks][-1] == "ViT work"
    assert [b.text for b in sections["p3"].blocks] == ["## 3", "three"]


HW2_HEADINGS = (
    "## 1. Recurrences using RNNs\n\nanswer\n\n## 2. Understanding self-attention\n\nanswer\n\n"
    "## 3. Attention! My code takes too long\n\nanswer\n\n"
    "## 4. Vision Transformers on FashionMNIST\n\nanswer"
)


def test_a_numbered_heading_titled_as_another_problem_is_unsure() -> None:
    """Assignment 2's headings under Homework 3's rubric: "## 1. Recurrences using RNNs" is
    problem 1 by number, but titled as the recurrence, which is not Homework 3's problem 1."""
    sections = segment(_doc(HW2_HEADINGS), load_rubric("hw3-2023"))
    for pid in ("p1", "p2", "p3", "p4"):
        assert sections[pid].unsure and names_another(sections[pid].located_by), pid
    assert "(Recurrences using RNNs)" in sections["p1"].located_by
    right = segment(_doc(HW2_HEADINGS), load_rubric("hw2-2024"))
    assert all(not s.unsure for pid, s in right.items() if pid != "p5")
    assert not any(names_another(s.located_by) for s in right.values())


def test_a_heading_titled_as_its_own_problem_and_another_stays_sure() -> None:
    text = "## Problem 1: CNNs vs RNNs, and the recurrence of an RNN\n\nanswer"
    section = segment(_doc(text), load_rubric("hw3-2023"))["p1"]
    assert not section.unsure and not names_another(section.located_by)


def test_a_theory_title_inside_another_problems_notebook_starts_nothing() -> None:
    """A PDF line naming self-attention between the ViT's cells is the ViT's notebook
    talking, not problem 2: the ViT keeps its cells, and problem 2 stays unlocated."""
    lines = [
        "Vision Transformers",
        "```\nimport torchvision\ntrain = torchvision.datasets.FashionMNIST('.', train=True)\n```",
        "multi-head self-attention blocks",
        "```\nclass ViT(nn.Module):\n    pass\nmodel = ViT(patch_size=4, depth=6, heads=4)\n```",
    ]
    doc = Document("s", ["vit.pdf"])
    doc.add(parse_text("\n\n".join(lines), "vit.pdf", "pdf"))
    sections = segment(doc, load_rubric("hw2-2024"))
    assert any("model = ViT(" in b.text for b in sections["p4"].blocks)
    assert not sections["p2"].located
