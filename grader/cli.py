"""The ``grader`` command line: a thin layer over the engine's functions."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from grader.batch import BatchError, grade_batch
from grader.checks.base import GradeOptions
from grader.commands import register
from grader.results import StudentResult
from grader.rubric import RubricError, available_assignments, load_rubric


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log details to stderr.")
def cli(verbose: bool) -> None:
    """Grade deep-learning homework: theory answers, notebooks and PDFs."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--assignment", "-a", required=True, help="Rubric id (e.g. hw2-2024) or a YAML path.")
@click.option(
    "--out",
    "-o",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Output folder for grades.json, grades.csv and reports.",
)
@click.option(
    "--templates",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder of Jinja templates overriding the bundled ones.",
)
@click.option("--no-run", is_flag=True, help="Never execute student code (no function tests).")
@click.option(
    "--allow-unsandboxed",
    is_flag=True,
    help="Run student code even where isolation is unavailable (trusted input only).",
)
@click.option(
    "--execute", is_flag=True, help="Re-execute submitted notebooks (slow; off by default)."
)
def grade(
    paths: tuple[Path, ...],
    assignment: str,
    out_dir: Path,
    templates: Path | None,
    no_run: bool,
    allow_unsandboxed: bool,
    execute: bool,
) -> None:
    """Grade PATHS (files = one student each; folders = a class) against a rubric."""
    try:
        rubric = load_rubric(assignment)
    except RubricError as exc:
        _fail(str(exc))

    def progress(result: StudentResult) -> None:
        if result.status == "error":
            click.echo(f"  {result.student}: ERROR — {result.error}", err=True)
        else:
            flags = f"  [{', '.join(result.flags)}]" if result.flags else ""
            click.echo(f"  {result.student}: {result.total:g} / {result.max:g}{flags}", err=True)

    click.echo(f"Grading against {rubric.title} ({rubric.id}, version {rubric.version})", err=True)
    try:
        options = GradeOptions(
            run_code=not no_run, allow_unsandboxed=allow_unsandboxed, execute=execute
        )
        batch = grade_batch(list(paths), rubric, out_dir, options, templates, progress)
    except BatchError as exc:
        _fail(str(exc))
    errors = sum(r.status == "error" for r in batch.results)
    click.echo(
        f"{len(batch.results)} students graded ({errors} with errors). "
        f"Class summary: {out_dir / 'index.html'}; gradebook: {out_dir / 'grades.csv'}"
    )


@cli.command("rubrics")
def list_rubrics() -> None:
    """List the available assignments and validate their rubrics."""
    status = 0
    for assignment in available_assignments():
        try:
            rubric = load_rubric(assignment)
        except RubricError as exc:
            click.echo(f"{assignment}: INVALID — {exc}")
            status = 2
            continue
        click.echo(
            f"{rubric.id}: {rubric.title} — {len(rubric.problems)} problems, "
            f"{rubric.max_points:g} points (version {rubric.version})"
        )
    sys.exit(status)


register(cli)


def main() -> None:
    """Console-script entry point."""
    cli()
