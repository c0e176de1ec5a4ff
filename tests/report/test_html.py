"""HTML reports and the class summary: what they show, escaped, with math and plots."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from reportkit import SCRIPT, grade_all, hw2, write_class

from grader.overrides import Override, apply_overrides
from grader.report import ReportWriter
from grader.report.curves import reference_curves
from grader.report.env import points
from grader.results import StudentResult


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, StudentResult]:
    folder = write_class(tmp_path_factory.mktemp("class"))
    results = grade_all(sorted(folder.iterdir()), hw2())
    return {r.student: r for r in results}


@pytest.fixture(scope="module")
def written(graded: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    results = list(graded.values())
    apply_overrides(results, [Override("tess", "p5.q1a", 0.25, "Vocab size verified by hand.")])
    writer = ReportWriter(hw2(), out, pdf=False)
    for result in results:
        writer.student(result)
    writer.index(results)
    return out


def test_student_text_is_escaped_everywhere(written: Path) -> None:
    html = (written / "mallory" / "report.html").read_text()
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "<script" not in (written / "index.html").read_text()


def test_report_shows_id_total_problems_and_rendered_math(written: Path, graded: dict) -> None:
    mallory = graded["mallory"]
    html = (written / "mallory" / "report.html").read_text()
    assert "<h1" in html and ">mallory</h1>" in html
    assert re.search(rf'class="big">{mallory.total:g}</span> <span class="of">/ 15<', html)
    for problem_id, problem in mallory.problems.items():
        assert f'<a href="#{problem_id}">{problem_id} — {problem.title}</a>' in html
    assert "Your answer" in html and "Reference" in html and "Verdict" in html
    assert "needs review" in html  # flags are shown


def test_ta_override_is_shown_beside_the_automatic_verdict(written: Path, graded: dict) -> None:
    part = graded["tess"].problems["p5"].parts["p5.q1a"]
    assert part.score == 0.25 and part.override["automatic_score"] == 0
    html = (written / "tess" / "report.html").read_text()
    assert "TA decision: 0.25 / 0.25" in html
    automatic = part.override["automatic_status"].replace("_", " ")
    assert part.status == "ta_graded" and automatic != "ta graded"
    assert f"automatic verdict: {automatic}, 0 / 0.25" in html
    assert "Vocab size verified by hand." in html
    section = re.search(r'id="part-p5.q1a".*?</section>', html, re.S).group(0)
    assert '<span class="status status-ta_graded">' in section  # not a FAIL badge any more
    assert f'<span class="status status-{part.override["automatic_status"]}">' in section
    assert "Automatic feedback (before the TA's decision)" in section or not part.feedback


def test_the_class_summary_counts_what_is_left_to_review(written: Path, graded: dict) -> None:
    flagged = sum(
        "needs_review" in part.flags
        for r in graded.values()
        for problem in r.problems.values()
        for part in problem.parts.values()
    )
    index = (written / "index.html").read_text()
    assert f"{flagged} parts left to review" in index and flagged > 1
    assert "1 TA decision applied" in index


def test_training_log_is_plotted_against_the_reference_curves(written: Path) -> None:
    html = (written / "tess" / "report.html").read_text()
    plot = re.search(r'<svg class="plot"[^>]*aria-label="training curves".*?</svg>', html, re.S)
    assert plot, "no training-curve plot"
    for reference in reference_curves("bert-sentiment"):
        assert f"{reference.label}: val_acc" in html or reference.label in html
        assert reference.source in unescape(html)
    ids = re.findall(r'\bid="([^"]+)"', plot.group(0))
    assert ids and all(i.startswith("f") and "-" in i for i in ids)  # prefixed, unique per plot


def test_error_report_and_class_summary(written: Path, graded: dict) -> None:
    broken = (written / "broken" / "report.html").read_text()
    assert "could not be graded" in broken and "broken JSON" in broken
    index = (written / "index.html").read_text()
    assert 'aria-label="histogram of total scores"' in index
    for student in graded:
        assert f'href="{student}/report.html"' in index
    assert "Flagged for review" in index and "Errors" in index and "broken JSON" in index
    assert "Parts missed most often" in index
    missed = re.search(r"Parts missed most often.*?</table>", index, re.S).group(0)
    assert "p5.q1b" in missed  # nobody printed the split sizes


def test_reports_record_no_pdf_links_without_pdf(written: Path) -> None:
    assert not list(written.rglob("*.pdf"))
    assert 'href="report.pdf"' not in (written / "tess" / "report.html").read_text()
    data = json.dumps([str(p) for p in written.rglob("*")])
    assert "summary.pdf" not in data


def test_an_instructors_templates_come_first(graded: dict, tmp_path: Path) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    (mine / "report.html.j2").write_text(
        "<p>{{ student.student }}: {{ student.total | points }}</p>"
    )
    writer = ReportWriter(hw2(), tmp_path / "out", templates_dir=mine, pdf=False)
    (path,) = writer.student(graded["tess"])
    assert path.read_text() == f"<p>tess: {points(graded['tess'].total)}</p>"
    assert "Class summary" in writer.index_html(list(graded.values()))  # bundled index
