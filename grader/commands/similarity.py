"""``grader similarity``: pairs of suspiciously similar submissions, side by side, for TAs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from grader.classinputs import ClassInputError, open_class
from grader.commands.options import class_input_options, class_inputs
from grader.ingest import IngestError
from grader.similarity import Settings, compare, write_report


@click.command("similarity")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for similarity.html and similarity.json.",
)
@click.option(
    "--template",
    "template_files",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Provided starter code or handout every student has (repeatable); its lines are ignored.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=Settings.threshold,
    show_default=True,
    help="Share of the smaller submission's code or prose found in the other.",
)
@click.option(
    "--common",
    type=click.IntRange(min=0),
    default=Settings.common,
    show_default=True,
    help="Lines in the submissions of at least N students (or of all, in a smaller class) "
    "count as template, as MOSS's -m; 0: never.",
)
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder of Jinja templates overriding the bundled ones.",
)
@class_input_options
def similarity(
    paths: tuple[Path, ...],
    out_dir: Path,
    template_files: tuple[Path, ...],
    threshold: float,
    common: int,
    templates_dir: Path | None,
    roster: Path | None,
    name_pattern: str | None,
) -> None:
    """List pairs of PATHS' submissions whose code or prose is suspiciously similar."""
    try:
        inputs = class_inputs(roster, name_pattern)
        with open_class(list(paths), inputs) as submissions:
            report = compare(submissions, list(template_files), Settings(threshold, common))
    except (ClassInputError, IngestError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    html, _ = write_report(report, out_dir, templates_dir)
    click.echo(f"{len(report.pairs)} similar pairs among {report.students} submissions: {html}")
