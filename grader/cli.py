"""The ``grader`` command line: a thin layer over the engine's functions."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from grader.batch import BatchConfig, BatchError, grade_batch
from grader.budget import DEFAULT_STUDENT_TIMEOUT_S
from grader.checks.base import GradeOptions
from grader.classinputs import ClassInputError
from grader.commands import register
from grader.commands.options import class_input_options, class_inputs
from grader.commands.outputs import output_options, output_settings
from grader.progress import Progress
from grader.rubric import RubricError, available_assignments, load_rubric
from grader.runsummary import summary_lines
from grader.stopping import Stopped, stop_on_signals


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
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, help="Grade N students at a time."
)
@click.option(
    "--executor",
    metavar="dask://HOST:PORT",
    help="Grade on a dask.distributed cluster (its scheduler's address) instead of locally.",
)
@click.option("--force", is_flag=True, help="Regrade everyone, even unchanged submissions.")
@click.option(
    "--student-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_STUDENT_TIMEOUT_S,
    show_default=True,
    help="Seconds one student may take; over it, an error row (0: no limit).",
)
@click.option(
    "--no-reports", is_flag=True, help="Write grades.json and grades.csv only, no HTML reports."
)
@click.option(
    "--gradebook",
    type=click.Path(path_type=Path, dir_okay=False),
    help="SQLite gradebook to use (default: OUT/gradebook.sqlite).",
)
@class_input_options
@output_options
def grade(
    paths: tuple[Path, ...],
    assignment: str,
    out_dir: Path,
    templates: Path | None,
    no_run: bool,
    allow_unsandboxed: bool,
    execute: bool,
    jobs: int,
    executor: str | None,
    force: bool,
    student_timeout: float,
    no_reports: bool,
    gradebook: Path | None,
    roster: Path | None,
    name_pattern: str | None,
    no_pdf: bool,
    overrides: Path | None,
    gradescope: bool,
    lms: str | None,
    lms_items: str,
    lms_assignment_id: str | None,
    groups: bool,
) -> None:
    """Grade PATHS (files = one student each; folders = a class; .zip = an LMS download)."""
    try:
        rubric = load_rubric(assignment)
        inputs = class_inputs(roster, name_pattern)
        outputs = output_settings(
            no_pdf, overrides, gradescope, lms, lms_items, templates, lms_assignment_id, groups
        )
    except (RubricError, ClassInputError) as exc:
        _fail(str(exc))
    click.echo(f"Grading against {rubric.title} ({rubric.id}, version {rubric.version})", err=True)
    try:
        options = GradeOptions(
            run_code=not no_run, allow_unsandboxed=allow_unsandboxed, execute=execute
        )
        config = BatchConfig(
            jobs=jobs,
            executor=executor,
            force=force,
            reports=not no_reports,
            student_timeout=student_timeout or None,
            gradebook=gradebook,
            inputs=inputs,
            outputs=outputs,
        )
        with stop_on_signals():
            batch = grade_batch(
                list(paths), rubric, out_dir, options, templates, Progress(), config
            )
    except BatchError as exc:
        _fail(str(exc))
    except Stopped as exc:
        click.echo(
            f"error: stopped by {exc}. The results committed to the gradebook are kept: rerun "
            "the same command to grade the rest.",
            err=True,
        )
        sys.exit(exc.exit_status)
    for line in summary_lines(batch, out_dir, rubric.id):
        click.echo(line)


@cli.command("rubrics")
@click.argument("assignment", required=False)
def list_rubrics(assignment: str | None) -> None:
    """List the available assignments and validate their rubrics; with ASSIGNMENT, list its
    problems and parts: the part ids that `grader override` and overrides.yaml take."""
    if assignment is not None:
        try:
            rubric = load_rubric(assignment)
        except RubricError as exc:
            _fail(str(exc))
        click.echo(f"{rubric.id}: {rubric.title} — {rubric.max_points:g} points")
        for problem in rubric.problems:
            click.echo(f"  {problem.id}  {problem.points:g} pts  {problem.title} [{problem.kind}]")
            for part in problem.parts:
                click.echo(f"    {part.id:<16} {part.points:g} pts  {part.title}  ({part.check})")
        return
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
