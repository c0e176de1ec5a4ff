"""LMS gradebook CSV (Brightspace or Canvas style): an id column, a points column per item.

The grade items are either the assignment (its total) or its problems, one column each.
Layouts are data (``templates/lms_styles.yaml``). A submission that could not be graded
gets an empty cell, so the LMS keeps "no grade" rather than a zero nobody decided.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from grader.output import write_atomic
from grader.report.env import TemplateDataError, template_data
from grader.results import StudentResult
from grader.rubric import Rubric

STYLES_FILE = "lms_styles.yaml"
ITEMS = ("total", "problems")


def lms_styles(templates_dir: Path | None = None) -> dict:
    """The known layouts by name."""
    return template_data(STYLES_FILE, templates_dir)


def _items(rubric: Rubric, items: str) -> list[tuple[str, str | None, float]]:
    """(name, problem id or None for the total, points possible) per grade item."""
    if items == "total":
        return [(rubric.title, None, rubric.max_points)]
    return [(f"{rubric.title} {p.id}", p.id, p.points) for p in rubric.problems]


def lms_csv(
    results: list[StudentResult],
    rubric: Rubric,
    style: str,
    items: str = "total",
    templates_dir: Path | None = None,
) -> str:
    """The gradebook CSV in a named style."""
    styles = lms_styles(templates_dir)
    if style not in styles:
        raise TemplateDataError(f"{STYLES_FILE}: no style '{style}' (known: {', '.join(styles)})")
    if items not in ITEMS:
        raise ValueError(f"items should be one of {', '.join(ITEMS)}")
    layout = styles[style]
    columns, trailer = list(layout["columns"]), dict(layout.get("trailer") or {})
    grade_items = _items(rubric, items)
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
        ids[columns.index(layout["id_column"])] = r.student
        scores = []
        for _, problem_id, _ in grade_items:
            if r.status != "graded":
                scores.append("")
            elif problem_id is None:
                scores.append(f"{r.total:g}")
            else:
                problem = r.problems.get(problem_id)
                scores.append(f"{problem.score:g}" if problem else "")
        writer.writerow([*ids, *scores, *trailer.values()])
    return buffer.getvalue()


def write_lms_csv(
    results: list[StudentResult],
    rubric: Rubric,
    path: Path,
    style: str,
    items: str = "total",
    templates_dir: Path | None = None,
) -> Path:
    """Write the LMS gradebook CSV; return its path."""
    write_atomic(path, lms_csv(results, rubric, style, items, templates_dir))
    return path
