"""PDF reports end to end (read back with pypdf), offline rendering, and the pinned PDF stack."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
import tomllib
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from reportkit import hw2, pdf_text
from weasyprint.urls import URLFetchingError

from grader.gradebook import result_from_dict
from grader.paths import PROJECT_ROOT
from grader.report import ReportWriter
from grader.report.env import points
from grader.report.pdf import LocalOnlyFetcher, html_to_pdf
from grader.report.typeset import report_model, report_pdf
from grader.results import StudentResult

SEED = "000_7ec7da42a8f2363f"  # a Homework #3 graded as Assignment 2: its ViT part is missing
COMMENT = "Built with the template's ViT; checked by hand."


def full_marks_override() -> dict:
    """Full marks, by a TA, on the first part of the ViT problem."""
    part = next(p for p in hw2().problems if p.id == "p4").parts[0]
    return {"student": SEED, "part": part.id, "score": part.points, "comment": COMMENT}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def graded_seeds(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    overrides = out.parent / "overrides.yaml"
    overrides.write_text(yaml.safe_dump([full_marks_override()]))
    proc = run_cli(
        "grade", str(seeds_dir), "-a", "hw2-2024", "-o", str(out), "--overrides", str(overrides),
        "--gradescope", "--lms", "canvas", "--no-run",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return out


def test_student_pdf_shows_scores_evidence_override_and_page_numbers(graded_seeds: Path) -> None:
    grades = json.loads((graded_seeds / "grades.json").read_text())
    for student in grades["students"]:
        text = pdf_text(graded_seeds / student["student"] / "report.pdf")
        assert student["student"] in text
        assert re.search(rf"{re.escape(points(student['total']))}\s*/\s*15", text)
        pages = len(re.findall(r"Page \d+ of (\d+)", text))
        assert pages >= 2 and f"Page 1 of {pages}" in text
        for problem_id, problem in student["problems"].items():
            assert f"{problem_id} — {problem['title']}" in text
        assert "Your answer Reference Verdict" in text
    override = full_marks_override()
    seed = next(s for s in grades["students"] if s["student"] == SEED)
    part = seed["problems"]["p4"]["parts"][override["part"]]
    assert part["score"] == override["score"] and part["override"]["automatic_score"] == 0
    text = pdf_text(graded_seeds / SEED / "report.pdf")
    shown = points(override["score"])
    assert f"TA decision: {shown} / {shown}" in text and COMMENT in text


RUNNING = re.compile(r"Page \d+ of \d+|Your answer|Reference|Verdict|Problem|Score|Max|Parts")


def _characters(text: str, student: str) -> Counter:
    """The characters of a report's text, less what repeats per page (running header and
    footer, table headers repeated where a table breaks)."""
    text = RUNNING.sub(" ", text.replace(f"{hw2().title} · graded report", " "))
    return Counter(c for c in text.replace(student, " ") if not c.isspace())


def test_typst_pdf_says_what_the_html_report_says(graded_seeds: Path, tmp_path: Path) -> None:
    """The student PDF (laid out by Typst) has the same text as the HTML report printed by
    WeasyPrint, as every PDF was made before (issue 3/5): nothing lost, nothing added."""
    writer = ReportWriter(hw2(), tmp_path, pdf=False)
    for entry in json.loads((graded_seeds / "grades.json").read_text())["students"]:
        result = result_from_dict({k: v for k, v in entry.items() if k not in ("flags", "digest")})
        printed = tmp_path / f"{result.student}.pdf"
        printed.write_bytes(html_to_pdf(writer.student_html(result), tmp_path))
        typst_text = pdf_text(graded_seeds / result.student / "report.pdf")
        assert "Your answer" in typst_text and "Page 1 of" in typst_text
        before = _characters(pdf_text(printed), result.student)
        after = _characters(typst_text, result.student)
        assert before == after, (result.student, before - after, after - before)


SUMMARY_RUNNING = re.compile(
    r"Page \d+ of \d+|Class summary|Below full marks|Part|Title|Student|Flags|Total|Problem"
    r"|Max|Mean|Median"
)


def test_typst_summary_pdf_says_what_the_html_summary_says(graded_seeds: Path) -> None:
    """summary.pdf (laid out by Typst) has the text of index.html printed by WeasyPrint, as
    it was made before: nothing lost, nothing added, running headers and repeated table
    headers aside."""
    printed = html_to_pdf((graded_seeds / "index.html").read_text(), graded_seeds)
    (graded_seeds.parent / "weasyprint-summary.pdf").write_bytes(printed)

    def characters(path: Path) -> Counter:
        text = pdf_text(path).replace(f"{hw2().title} · class summary", " ")
        return Counter(c for c in SUMMARY_RUNNING.sub(" ", text) if not c.isspace())

    before = characters(graded_seeds.parent / "weasyprint-summary.pdf")
    after = characters(graded_seeds / "summary.pdf")
    assert before == after, (before - after, after - before)
    assert "TA decision applied" in pdf_text(graded_seeds / "summary.pdf")


def test_summary_pdf_and_exports(graded_seeds: Path) -> None:
    grades = json.loads((graded_seeds / "grades.json").read_text())
    text = pdf_text(graded_seeds / "summary.pdf")
    assert "Class summary" in text and "Parts missed most often" in text
    assert "Flagged for review" in text and "Page 1 of" in text
    for student in grades["students"]:
        assert student["student"] in text
        results = json.loads((graded_seeds / student["student"] / "results.json").read_text())
        assert results["score"] == student["total"]
    lms = (graded_seeds / "lms-canvas.csv").read_text().splitlines()
    assert lms[0].startswith("Student,ID,SIS User ID,SIS Login ID,Section,")
    assert len(lms) == 2 + len(grades["students"])


def test_no_pdf_writes_html_only(seeds_dir: Path, tmp_path: Path) -> None:
    proc = run_cli("grade", str(seeds_dir), "-a", "hw2-2024", "-o", str(tmp_path), "--no-pdf")
    assert proc.returncode == 0, proc.stderr
    assert list(tmp_path.rglob("report.html")) and not list(tmp_path.rglob("*.pdf"))


def test_remote_urls_are_refused_and_local_ones_served(tmp_path: Path, caplog) -> None:
    fetcher = LocalOnlyFetcher()
    for url in ("http://example.com/x.png", "https://example.com/x.css", "ftp://host/x"):
        with pytest.raises(URLFetchingError, match="remote URL refused"):
            fetcher.fetch(url)
    local = tmp_path / "style.css"
    local.write_text("p { color: red }")
    assert fetcher.fetch(local.as_uri()).read() == b"p { color: red }"
    with caplog.at_level(logging.WARNING):
        pdf = html_to_pdf('<p>offline</p><img src="https://example.com/x.png">', tmp_path)
    assert pdf.startswith(b"%PDF") and "refused to fetch https://example.com/x.png" in caplog.text


def test_weasyprint_and_pydyf_are_the_pinned_pair() -> None:
    pinned = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    pins = dict(
        re.fullmatch(r"([\w-]+)==(.+)", d).groups() for d in pinned["dependencies"] if "==" in d
    )
    assert version("weasyprint") == pins["weasyprint"]
    assert version("pydyf") == pins["pydyf"]


def test_weasyprint_repeats_a_message_once(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("weasyprint")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        for family in ("Font-A-test", "Font-A-test", "Font-B-test", "Font-A-test"):
            logger.warning('Using fontTools instead of HarfBuzz-Subset for font "%s".', family)
    shown = [r.getMessage() for r in caplog.records if "-test" in r.getMessage()]
    assert shown == [
        'Using fontTools instead of HarfBuzz-Subset for font "Font-A-test".',
        'Using fontTools instead of HarfBuzz-Subset for font "Font-B-test".',
    ]


def test_no_harfbuzz_advice_is_printed() -> None:
    """WeasyPrint's import-time advice about HarfBuzz-Subset never reaches a TA's terminal:
    `make` installs the library where it can, and the grader silences the advice otherwise."""
    done = subprocess.run(
        [sys.executable, "-W", "default", "-c", "import grader.report.pdf"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "HarfBuzz" not in done.stderr + done.stdout


def test_a_renamed_submissions_pdf_says_so(tmp_path: Path) -> None:
    """A submission renamed because its id collided with another's says so in its PDF as
    in its HTML report (issue 4/5: a collision is resolved visibly, in every output)."""
    result = StudentResult("alice.md", ["alice.md"], "graded", None, 0.0, 15.0)
    result.renamed_from = "alice"
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(report_model(result, hw2(), {})))
    assert "Renamed: another submission had the id alice, so this one is alice.md" in pdf_text(path)
