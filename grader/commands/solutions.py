"""``grader solutions``: the reference solution document of an assignment (HTML or PDF)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from grader.report.env import TemplateDataError
from grader.report.solutions import SolutionsError, write_solutions
from grader.rubric import RubricError, load_rubric


@click.command("solutions")
@click.argument("assignment")
@click.option(
    "--out",
    "-o",
    "target",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="FILE.pdf or FILE.html.",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder of templates overriding the bundled ones.",
)
def solutions(assignment: str, target: Path, templates: Path | None) -> None:
    """Write ASSIGNMENT's solutions: derivations, reference code, results, expectations."""
    try:
        path = write_solutions(load_rubric(assignment), target, templates)
    except (RubricError, SolutionsError, TemplateDataError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Wrote {path}")
