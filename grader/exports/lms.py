"""LMS gradebook CSV (Brightspace or Canvas style): an id column, a points column per item.

The grade items are either the assignment (its total) or its problems, one column each
(then a late penalty column, negative, when anyone was late: a row adds up to the total).
Layouts are data (``templates/lms_styles.yaml``); a layout's ``lms_id_column`` gets the
LMS's own user id (Canvas's importer matches on it first). A submission that could not be
graded gets an empty cell, so the LMS keeps "no grade" rather than a zero nobody decided.
Ids that a spreadsheet would read as a formula are escaped (:func:`grader.output.csv_cell`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from grader.output import csv_cell, write_atomic
from grader.report.env import TemplateDataError, template_data
from grader.results import StudentResult
from grader.rubric import Rubric

STYLES_FILE = "lms_styles.yaml"
ITEMS = ("total", "problems")


def lms_styles(templates_dir: Path | None = None) -> dict:
    """The known layouts by name."""
    return template_data(STYLES_FILE, templates_dir)


LATE_ITEM = "late penalty"


def _items(
    rubric: Rubric, items: str, assignment_id: str | None, late: bool
) -> list[tuple[str, str | None, float]]:
    """(name, what, points possible) per grade item: ``what`` is None for the total, a
    problem id, or ``LATE_ITEM`` (per-problem columns of a class with late work end with
    the penalty, so that a row adds up to its total)."""
    if items == "total":
        title = f"{rubric.title} ({assignment_id})" if assignment_id else rubric.title
        return [(title, None, rubric.max_points)]
    found = [(f"{rubric.title} {p.id}", p.id, p.points) for p in rubric.problems]
    return found + ([(f"{rubric.title} {LATE_ITEM}", LATE_ITEM, 0.0)] if late else [])


def _score(result: StudentResult, what: str | None) -> str:
    """One grade cell: blank for a submission that could not be graded (no grade, not 0)."""
    if result.status != "graded":
        return ""
    if what is None:
        return f"{result.total:g}"
    if what == LATE_ITEM:
        return f"{-(result.late or {}).get('points_deducted', 0.0):g}"
    problem = result.problems.get(what)
    return f"{problem.score:g}" if problem else ""


def lms_csv(
    results: list[StudentResult],
    rubric: Rubric,
    style: str,
    items: str = "total",
    templates_dir: Path | None = None,
    assignment_id: str | None = None,
) -> str:
    """The gradebook CSV in a named style. ``assignment_id`` names the LMS's assignment
    (Canvas matches a column "Title (id)" to it)."""
    styles = lms_styles(templates_dir)
    if style not in styles:
        raise TemplateDataError(f"{STYLES_FILE}: no style '{style}' (known: {', '.join(styles)})")
    if items not in ITEMS:
        raise ValueError(f"items should be one of {', '.join(ITEMS)}")
    layout = styles[style]
    columns, trailer = list(layout["columns"]), dict(layout.get("trailer") or {})
    late = any(r.late for r in results if r.status == "graded")
    grade_items = _items(rubric, items, assignment_id, late)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    headers = [layout["item_header"].format(item=name) for name, _, _ in grade_items]
    writer.writerow([*columns, *headers, *trailer])
    if layout.get("points_row"):
        label = [layout["points_row"], *[""] * (len(columns) - 1)]
        writer.writerow(
            [*label, *[f"{points:g}" for _, _, points in grade_items], *trailer.values()]
        )
    for r in results:
        ids = ["" for _ in columns]
        ids[columns.index(layout["id_column"])] = csv_cell(r.student)
        if layout.get("lms_id_column"):
            ids[columns.index(layout["lms_id_column"])] = csv_cell(r.lms_id or "")
        scores = [_score(r, what) for _, what, _ in grade_items]
        writer.writerow([*ids, *scores, *trailer.values()])
    return buffer.getvalue()


def write_lms_csv(
    results: list[StudentResult],
    rubric: Rubric,
    path: Path,
    style: str,
    items: str = "total",
    templates_dir: Path | None = None,
    assignment_id: str | None = None,
) -> Path:
    """Write the LMS gradebook CSV; return its path."""
    write_atomic(path, lms_csv(results, rubric, style, items, templates_dir, assignment_id))
    return path
