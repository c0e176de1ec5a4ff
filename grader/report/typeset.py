"""Report PDFs with Typst: what a report says, as data, laid out by ``templates/report.typ``
(a student's report) or ``templates/summary.typ`` (the class summary).

The HTML report (``report.html.j2``) and the PDF show the same content, built from the same
result: this module turns it into JSON (scores formatted as the HTML formats them, evidence
cut into text, math and code pieces, math and plots as SVG), and Typst lays it out in a few
milliseconds, where HTML-to-PDF took over a second a report. Student text reaches Typst only
as JSON string values, shown as text: it is never read as Typst markup.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from html import unescape
from pathlib import Path

import typst

from grader.ingest import READERS
from grader.output import class_digest, result_digest, write_atomic
from grader.results import StudentResult
from grader.rubric import Rubric

from .env import CODE_STRENGTH, OUTPUT_STRENGTHS, points, template_file
from .mathsvg import render_math
from .prose import prose_pieces

REPORT_TYP, SUMMARY_TYP = "report.typ", "summary.typ"
_SIZE = re.compile(r"width:(?P<w>[\d.]+)em;height:(?P<h>[\d.]+)em;vertical-align:(?P<v>-?[\d.]+)em")


class TypesetError(Exception):
    """Typst could not lay a report out; the message names the template and the cause."""


def math_piece(latex: str, display: bool = False) -> dict:
    """A formula as a piece: its SVG with its size in em, or its source when it cannot be
    drawn (as the HTML shows it)."""
    svg = str(render_math(latex))
    size = _SIZE.search(svg[: svg.find(">")])
    if not svg.startswith("<svg") or size is None:
        return {"t": unescape(re.sub(r"<[^>]*>", "", svg))}
    return {
        "m": svg,
        "w": float(size["w"]),
        "v": float(size["v"]),
        "display": display,
    }


def prose(text: str) -> list[dict]:
    """Prose with its delimited math as pieces."""
    pieces = []
    for kind, value in prose_pieces(text):
        pieces.append({"t": value} if kind == "text" else math_piece(value, kind == "display"))
    return pieces


def evidence_pieces(evidence: dict, side: str) -> list[dict]:
    """One side of an evidence row as the HTML shows it: recorded LaTeX as display math,
    code and outputs verbatim, anything else as prose."""
    latex = ((evidence.get("data") or {}).get("latex") or {}).get(side)
    if latex:
        return [math_piece(latex, display=True)]
    text = evidence.get(side, "")
    strength = evidence.get("strength", "") if side == "found" else ""
    if strength == CODE_STRENGTH:
        return [{"pre": text, "kind": "code"}]
    if strength in OUTPUT_STRENGTHS:
        return [{"pre": text, "kind": "output"}]
    return prose(text)


def _ratio(score: float, most: float) -> float:
    return max(0.0, min(1.0, score / most)) if most else 0.0


def _svg(markup: object) -> str:
    """SVG markup as a standalone image (Typst needs the namespace the HTML can leave out)."""
    svg = str(markup)
    if "xmlns=" not in svg[: svg.find(">")]:
        svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return svg


def _part(part_id: str, part, plots: dict) -> dict:
    override = part.override
    shown_status = override["automatic_status"] if override else part.status
    model = {
        "id": part_id,
        "title": part.title,
        "flags": part.flags,
        "status": part.status,
        "score": points(part.score),
        "max": points(part.max),
        "automatic": points(override["automatic_score"]) if override else None,
        "ta": None,
        "evidence": [
            {
                "found": evidence_pieces(ev, "found"),
                "expected": evidence_pieces(ev, "expected"),
                "where": ev.get("where", ""),
                "strength": ev.get("strength", "")
                if ev.get("strength") and ev.get("strength") not in ev.get("where", "")
                else "",
                "status": shown_status,
                "reason": ev.get("reason", ""),
            }
            for ev in part.evidence
        ],
        "feedback": part.feedback,
        "feedback_label": "Automatic feedback (before the TA's decision)"
        if override
        else "Feedback",
        "plot": None,
    }
    if override:
        model["ta"] = {
            "score": points(override["score"]),
            "accepted": bool(override.get("accepted")),
            "automatic_status": override["automatic_status"].replace("_", " "),
            "automatic_score": points(override["automatic_score"]),
            "comment": override.get("comment", ""),
        }
    if part_id in plots:
        model["plot"] = {
            "svg": _svg(plots[part_id]["svg"]),
            "sources": [list(s) for s in plots[part_id]["sources"]],
        }
    return model


def report_model(result: StudentResult, rubric: Rubric, plots: dict) -> dict:
    """Everything a student's PDF report shows, as JSON-ready data."""
    return {
        "rubric": {"id": rubric.id, "title": rubric.title, "version": rubric.version},
        "student": result.student,
        "sources": result.sources,
        "digest": result_digest(result),
        "status": result.status,
        "error": result.error,
        "total": points(result.total),
        "max": points(result.max),
        "ratio": _ratio(result.total, result.max),
        "late": {k.replace("_", " "): str(v) for k, v in (result.late or {}).items()},
        "not_read": result.not_read,
        "renamed_from": result.renamed_from or "",
        "readable_types": ", ".join(sorted(READERS)),
        "flags": result.flags,
        "problems": [
            {
                "id": pid,
                "title": problem.title,
                "score": points(problem.score),
                "max": points(problem.max),
                "ratio": _ratio(problem.score, problem.max),
                "located": problem.located,
                "located_by": problem.located_by,
                "parts": [_part(part_id, part, plots) for part_id, part in problem.parts.items()],
            }
            for pid, problem in result.problems.items()
        ],
    }


def summary_model(
    results: list[StudentResult],
    rubric: Rubric,
    stats: dict,
    histogram: object,
    links: dict[str, str],
    pdf_links: dict[str, str],
    groups: bool,
    pdf_name: str = "",
) -> dict:
    """Everything the class summary's PDF shows (as ``index.html.j2`` shows it), as data.

    ``stats`` is :func:`grader.report.summary.class_statistics`; ``histogram`` the totals'
    SVG; ``links`` and ``pdf_links`` each student's report, by student; ``groups`` whether
    the answer groups page was written; ``pdf_name`` the summary's own PDF, if it links to it.
    """
    problems = rubric.problems
    return {
        "rubric": {"id": rubric.id, "title": rubric.title, "version": rubric.version},
        "digest": class_digest(results),
        "links": {"groups": groups, "pdf": pdf_name},
        "count": len(results),
        "graded": stats["graded"],
        "mean": points(stats["mean"]),
        "median": points(stats["median"]),
        "max": points(rubric.max_points),
        "flagged_count": len(stats["flagged"]),
        "histogram": _svg(histogram) if stats["totals"] else None,
        "problems": [
            {
                "label": f"{pid} — {p['title']}",
                "max": points(p["max"]),
                "mean": points(p["mean"]),
                "median": points(p["median"]),
                "ratio": None if p["mean"] is None else _ratio(p["mean"], p["max"]),
            }
            for pid, p in stats["problems"].items()
        ],
        "missed": [
            {"part": row["part"], "title": row["title"], "count": row["count"]}
            for row in stats["missed"][:15]
        ],
        "review": stats["review"],
        "flagged": [
            {
                "student": row["student"],
                "flags": row["flags"],
                "parts": ", ".join(
                    part_id + (" (integrity)" if "integrity" in flags else "")
                    for part_id, flags in row["parts"].items()
                ),
            }
            for row in stats["flagged"]
        ],
        "not_read": [
            {"student": r.student, "files": ", ".join(r.not_read)} for r in results if r.not_read
        ],
        "readable_types": ", ".join(sorted(READERS)),
        "errors": stats["errors"],
        "problem_ids": [p.id for p in problems],
        "rows": [
            {
                "student": r.student,
                "report": links.get(r.student, ""),
                "pdf": pdf_links.get(r.student, ""),
                "error": r.status == "error",
                "total": points(r.total),
                "scores": [
                    points(r.problems[p.id].score) if p.id in r.problems else "" for p in problems
                ],
                "flags": r.flags,
            }
            for r in results
        ],
    }


@lru_cache(maxsize=8)
def _compiler(template: Path) -> typst.Compiler:
    """One compiler per template for the process: fonts are found once."""
    return typst.Compiler(str(template), root=str(template.parent))


def report_pdf(model: dict, templates_dir: Path | None = None, name: str = REPORT_TYP) -> bytes:
    """The PDF of a model, laid out by the Typst template ``name`` (a student's report by
    default; ``SUMMARY_TYP`` for the class summary)."""
    template = template_file(name, templates_dir)
    data = json.dumps(model, ensure_ascii=False)
    try:
        return _compiler(template).compile(sys_inputs={"data": data})
    except typst.TypstError as exc:
        where = getattr(exc, "diagnostic", "") or str(exc)
        raise TypesetError(f"{template}: Typst could not lay the report out: {where}") from None


def write_report_pdf(
    model: dict, path: Path, templates_dir: Path | None = None, name: str = REPORT_TYP
) -> Path:
    """Write a model's PDF (laid out by the template ``name``) atomically; return its path."""
    write_atomic(path, report_pdf(model, templates_dir, name))
    return path
