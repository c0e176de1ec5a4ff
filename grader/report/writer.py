"""Write a batch's reports: ``<student>/report.html`` (+ ``.pdf``) and ``index.html`` (+ PDF).

One :class:`ReportWriter` serves a whole batch, so the Jinja environment, the reference
curves and rendered formulas are prepared once. A student's PDF is laid out by Typst
(:mod:`grader.report.typeset`, ``templates/report.typ``) from the same result as the HTML;
the class summary's PDF by ``templates/summary.typ``, from the same numbers as its HTML.
"""

from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup

from grader.output import class_digest, result_digest, write_atomic
from grader.results import PartResult, StudentResult
from grader.rubric import Rubric
from grader.studentdirs import folder_name

from .curves import reference_curves
from .env import environment
from .plots import Curve, score_histogram, training_plot
from .summary import class_statistics
from .typeset import SUMMARY_TYP, TypesetError, report_model, summary_model, write_report_pdf

log = logging.getLogger(__name__)

REPORT_HTML, REPORT_PDF = "report.html", "report.pdf"
INDEX_HTML, INDEX_PDF = "index.html", "summary.pdf"


def student_dir(out_dir: Path, student: str) -> Path:
    """The folder of one student's report (see :mod:`grader.studentdirs`)."""
    return out_dir / folder_name(student)


def _logged_epochs(part: PartResult) -> list[dict]:
    """The per-epoch records a check parsed from the part's training log (``data["epochs"]``)."""
    for evidence in part.evidence:
        epochs = (evidence.get("data") or {}).get("epochs")
        if epochs:
            return epochs
    return []


def _link(student: str, name: str) -> str:
    return student_dir(Path("."), student).as_posix() + "/" + name


class ReportWriter:
    """Renders the reports of one rubric into ``out_dir``, optionally as PDF too."""

    def __init__(
        self, rubric: Rubric, out_dir: Path, templates_dir: Path | None = None, pdf: bool = True
    ) -> None:
        self.rubric = rubric
        self.out_dir = out_dir
        self.templates_dir = templates_dir
        self.pdf = pdf
        self.env = environment(templates_dir)
        self._uses = {p.id: p.use for p in rubric.problems}
        self._curves: dict[str, list[Curve]] = {}

    def _references(self, problem_id: str) -> list[Curve]:
        use = self._uses.get(problem_id, "")
        if use not in self._curves:
            self._curves[use] = reference_curves(use, self.templates_dir)
        return self._curves[use]

    def plots(self, result: StudentResult) -> dict[str, dict]:
        """Per part with a parsed training log: its plot and the references' sources."""
        plots = {}
        for problem_id, problem in result.problems.items():
            for part_id, part in problem.parts.items():
                epochs = _logged_epochs(part)
                if not epochs:
                    continue
                references = self._references(problem_id)
                plots[part_id] = {
                    "svg": training_plot(Curve("you", "", tuple(epochs)), references),
                    "sources": [(ref.label, ref.source) for ref in references],
                }
        return plots

    def student_html(self, result: StudentResult, plots: dict | None = None) -> str:
        """A student's report as an HTML document."""
        return self.env.get_template("report.html.j2").render(
            student=result,
            rubric=self.rubric,
            plots=self.plots(result) if plots is None else plots,
            pdf=self.pdf,
            digest=result_digest(result),
        )

    def student(self, result: StudentResult) -> list[Path]:
        """Write one student's report (HTML; the PDF laid out by Typst from the same
        result); return the files written."""
        folder = student_dir(self.out_dir, result.student)
        plots = self.plots(result)
        html = folder / REPORT_HTML
        write_atomic(html, self.student_html(result, plots))
        if not self.pdf:
            return [html]
        model = report_model(result, self.rubric, plots)
        try:
            return [html, write_report_pdf(model, folder / REPORT_PDF, self.templates_dir)]
        except TypesetError as exc:  # the HTML stands; no PDF is better than a stale one
            log.error("the PDF report of %r was not written: %s", result.student, exc)
            return [html]

    def _summary(self, results: list[StudentResult]) -> dict:
        """What both forms of the class summary show: statistics, histogram, links."""
        stats = class_statistics(results, self.rubric)
        return {
            "stats": stats,
            "links": {r.student: _link(r.student, REPORT_HTML) for r in results},
            "pdf_links": {r.student: _link(r.student, REPORT_PDF) for r in results}
            if self.pdf
            else {},
            "histogram": score_histogram(stats["totals"], self.rubric.max_points)
            if stats["totals"]
            else Markup(""),
        }

    def index_html(
        self, results: list[StudentResult], groups: bool = False, summary: dict | None = None
    ) -> str:
        """The class summary as an HTML document (``summary``: :meth:`_summary`'s, if made)."""
        return self.env.get_template("index.html.j2").render(
            results=results,
            rubric=self.rubric,
            **(summary or self._summary(results)),
            summary_pdf=INDEX_PDF if self.pdf else None,
            digest=class_digest(results),
            groups=groups,
        )

    def index(self, results: list[StudentResult], groups: bool = False) -> list[Path]:
        """Write the class summary (linking the answer groups page when ``groups``): the
        HTML, and its PDF laid out by Typst from the same numbers; return the files written."""
        summary = self._summary(results)
        html = self.out_dir / INDEX_HTML
        write_atomic(html, self.index_html(results, groups, summary))
        if not self.pdf:
            return [html]
        model = summary_model(results, self.rubric, groups=groups, pdf_name=INDEX_PDF, **summary)
        try:
            return [
                html,
                write_report_pdf(model, self.out_dir / INDEX_PDF, self.templates_dir, SUMMARY_TYP),
            ]
        except TypesetError as exc:
            log.error("the class summary's PDF was not written: %s", exc)
            return [html]
