"""``grader override`` and ``grader accept``: record a TA's decision on one part (a score,
or the automatic score kept); the next ``grade`` applies it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from grader.overrides import OVERRIDES_NAME, Override, OverrideError, save_override


def _check_against_grades(grades_path: Path, override: Override) -> str | None:
    """Why the override does not fit the last grading run, or None (also when none exists)."""
    if not grades_path.is_file():
        return None
    try:
        students = json.loads(grades_path.read_text(encoding="utf-8"))["students"]
    except (OSError, ValueError, KeyError):
        return f"{grades_path}: not a readable grades.json"
    student = next((s for s in students if s["student"] == override.student), None)
    if student is None:
        return f"no student '{override.student}' in {grades_path}"
    parts = {pid: p for prob in student["problems"].values() for pid, p in prob["parts"].items()}
    if override.part not in parts:
        return f"no part '{override.part}' (parts: {', '.join(parts)})"
    if override.score is not None and override.score > parts[override.part]["max"]:
        return f"score {override.score:g} exceeds the part's {parts[override.part]['max']:g} points"
    return None


def decision_options(command: Callable) -> Callable:
    """The options ``override`` and ``accept`` share: the comment and where it is saved."""
    command = click.option(
        "--file",
        "overrides_file",
        type=click.Path(path_type=Path, dir_okay=False),
        help="The overrides file to write instead (pass it to grade with --overrides).",
    )(command)
    command = click.option(
        "--out",
        "-o",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        help="The graded output folder: the decision goes to OUT/overrides.yaml.",
    )(command)
    return click.option(
        "--comment", "-m", default="", help="Why: shown to the student beside the verdict."
    )(command)


@click.command("override")
@click.argument("student")
@click.argument("part")
@click.argument("score", type=click.FloatRange(min=0))
@decision_options
def override(
    student: str,
    part: str,
    score: float,
    comment: str,
    out_dir: Path | None,
    overrides_file: Path | None,
) -> None:
    """Set STUDENT's PART to SCORE points (e.g. ``grader override s17 p2b 1.5 -m "…" -o out``)."""
    _save(Override(student, part, score, comment), out_dir, overrides_file)
    click.echo(f"{student} {part} = {score:g}. Run `grader grade` again to apply it.")


@click.command("accept")
@click.argument("student")
@click.argument("part")
@decision_options
def accept(
    student: str, part: str, comment: str, out_dir: Path | None, overrides_file: Path | None
) -> None:
    """Keep the automatic score of STUDENT's PART as the TA's decision, clearing its review
    flag (e.g. ``grader accept s17 p5.q3d -o out``)."""
    _save(Override(student, part, None, comment, accept=True), out_dir, overrides_file)
    click.echo(f"{student} {part}: automatic score accepted. Run `grader grade` again to apply it.")


def _save(decision: Override, out_dir: Path | None, overrides_file: Path | None) -> None:
    """Check a decision against the last run and add it to the overrides file, or exit 2."""
    if (out_dir is None) == (overrides_file is None):
        click.echo("error: give either --out OUT (the graded folder) or --file FILE", err=True)
        sys.exit(2)
    path = overrides_file or out_dir / OVERRIDES_NAME
    problem = _check_against_grades(path.parent / "grades.json", decision)
    if problem:
        click.echo(f"error: {problem}; nothing saved", err=True)
        sys.exit(2)
    try:
        save_override(path, decision)
    except OverrideError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Saved to {path}: ", nl=False)
