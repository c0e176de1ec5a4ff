"""``grader gradescope build|run``: run this grader inside Gradescope's autograder."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from grader.checks.base import GradeOptions
from grader.exports.autograder import build_autograder
from grader.exports.gradescope import VISIBILITIES, write_results_json
from grader.grade import grade_path
from grader.paths import RUBRICS_DIR
from grader.rubric import Rubric, RubricError, load_rubric


def _rubric(assignment: str) -> Rubric:
    try:
        return load_rubric(assignment)
    except RubricError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


@click.group("gradescope")
def gradescope() -> None:
    """Build a Gradescope autograder, or grade one submission the way it does."""


@gradescope.command("build")
@click.option(
    "--assignment", "-a", required=True, help="Rubric id of a bundled rubric (e.g. hw2-2024)."
)
@click.option(
    "--out",
    "-o",
    "target",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("autograder.zip"),
    show_default=True,
    help="Where to write the zip to upload to Gradescope.",
)
def build(assignment: str, target: Path) -> None:
    """Write the autograder zip (setup.sh, run_autograder and this project)."""
    rubric = _rubric(assignment)
    if rubric.path.resolve().parent != RUBRICS_DIR.resolve():
        click.echo(
            f"error: {rubric.path}: only rubrics in {RUBRICS_DIR} travel in the zip", err=True
        )
        sys.exit(2)
    build_autograder(rubric, target)
    click.echo(f"Wrote {target}: upload it as the assignment's autograder ({rubric.title}).")


@gradescope.command("run")
@click.option("--assignment", "-a", required=True, help="Rubric id (e.g. hw2-2024).")
@click.option(
    "--submission",
    type=click.Path(path_type=Path, exists=True),
    default=Path("/autograder/submission"),
    show_default=True,
)
@click.option(
    "--results",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("/autograder/results/results.json"),
    show_default=True,
)
@click.option(
    "--visibility",
    type=click.Choice(VISIBILITIES),
    default="after_published",
    show_default=True,
    help="When students see each part's output.",
)
def run(assignment: str, submission: Path, results: Path, visibility: str) -> None:
    """Grade SUBMISSION (one student's files) into Gradescope's results.json."""
    rubric = _rubric(assignment)
    started = time.monotonic()
    result = grade_path(submission, rubric, GradeOptions())
    write_results_json(result, results, visibility, round(time.monotonic() - started))
    click.echo(f"{result.student}: {result.total:g} / {result.max:g} -> {results}")
