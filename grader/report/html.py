"""Render per-student reports and the class summary to HTML with Jinja (autoescaped)."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from grader.output import write_atomic
from grader.paths import TEMPLATES_DIR
from grader.results import StudentResult
from grader.rubric import Rubric


def environment(templates_dir: Path | None = None) -> Environment:
    """Jinja environment: an instructor's templates first, then the bundled ones."""
    loaders = [FileSystemLoader(str(templates_dir))] if templates_dir else []
    loaders.append(FileSystemLoader(str(TEMPLATES_DIR)))
    env = Environment(loader=ChoiceLoader(loaders), autoescape=select_autoescape(default=True))
    env.filters["points"] = lambda x: f"{x:.2f}".rstrip("0").rstrip(".") if x is not None else "—"
    return env


def student_dir(out_dir: Path, student: str) -> Path:
    """The folder of one student's report (the id made safe as a folder name)."""
    safe = re.sub(r"[^\w.@+-]", "_", student).lstrip(".") or "student"
    return out_dir / safe


def render_student(
    result: StudentResult, rubric: Rubric, out_dir: Path, templates_dir: Path | None = None
) -> Path:
    """Write ``OUT/<student>/report.html``; return its path."""
    template = environment(templates_dir).get_template("report.html.j2")
    html = template.render(student=result, rubric=rubric)
    path = student_dir(out_dir, result.student) / "report.html"
    write_atomic(path, html)
    return path


def class_statistics(results: list[StudentResult], rubric: Rubric) -> dict:
    """Per-problem mean and median, totals, and the parts missed most often."""
    graded = [r for r in results if r.status == "graded"]
    problems = {}
    for problem in rubric.problems:
        scores = [r.problems[problem.id].score for r in graded if problem.id in r.problems]
        problems[problem.id] = {
            "title": problem.title,
            "max": problem.points,
            "mean": statistics.fmean(scores) if scores else None,
            "median": statistics.median(scores) if scores else None,
        }
    missed: dict[str, int] = {}
    for r in graded:
        for problem in r.problems.values():
            for part_id, part in problem.parts.items():
                if part.score < part.max:
                    missed[part_id] = missed.get(part_id, 0) + 1
    totals = [r.total for r in graded]
    return {
        "problems": problems,
        "missed": sorted(missed.items(), key=lambda kv: (-kv[1], kv[0])),
        "totals": totals,
        "mean": statistics.fmean(totals) if totals else None,
        "median": statistics.median(totals) if totals else None,
    }


def render_index(
    results: list[StudentResult], rubric: Rubric, out_dir: Path, templates_dir: Path | None = None
) -> Path:
    """Write the class summary ``OUT/index.html``; return its path."""
    template = environment(templates_dir).get_template("index.html.j2")
    links = {
        r.student: student_dir(Path("."), r.student).as_posix() + "/report.html" for r in results
    }
    html = template.render(
        results=results, rubric=rubric, stats=class_statistics(results, rubric), links=links
    )
    path = out_dir / "index.html"
    write_atomic(path, html)
    return path
