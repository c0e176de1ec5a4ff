"""``grader check``: a student's self-check before submitting (no reference values shown)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from grader.rubric import RubricError, load_rubric
from grader.selfcheck import SelfCheckError, format_table, guess_assignment, self_check


@click.command("check")
@click.argument("file", type=click.Path(path_type=Path, exists=True))
@click.option("--assignment", "-a", help="Rubric id (e.g. hw2-2024); guessed when left out.")
@click.option("--problem", "-p", help="Check one problem only (e.g. p5).")
def check_command(file: Path, assignment: str | None, problem: str | None) -> None:
    """Say which parts of FILE are done, missing or look wrong, with a hint for each.

    Exits with 1 when a part is missing or looks wrong, 0 otherwise.
    """
    try:
        rubric = load_rubric(assignment) if assignment else guess_assignment(file, problem)
        rows = self_check(file, rubric, problem)
    except (RubricError, SelfCheckError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{file.name} against {rubric.title} ({rubric.id})\n")
    click.echo(format_table(rows))
    sys.exit(1 if any(r.problem for r in rows) else 0)
