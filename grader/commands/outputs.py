"""Click options of ``grader grade`` that choose what is written besides the gradebook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from grader.exports.lms import ITEMS, lms_styles
from grader.report.outputs import OutputOptions


def output_options(command: Callable) -> Callable:
    """Add ``--no-pdf``, ``--overrides``, ``--gradescope``, ``--lms``, ``--lms-items`` and
    ``--lms-assignment-id``."""
    options = [
        click.option("--no-pdf", is_flag=True, help="Write HTML reports only, no PDF."),
        click.option(
            "--overrides",
            type=click.Path(path_type=Path, dir_okay=False, exists=True),
            help="TA overrides to apply (default: OUT/overrides.yaml when it exists).",
        ),
        click.option(
            "--gradescope", is_flag=True, help="Also write OUT/<student>/results.json (Gradescope)."
        ),
        click.option(
            "--lms",
            metavar="STYLE",
            help="Also write OUT/lms-STYLE.csv for LMS import (brightspace or canvas).",
        ),
        click.option(
            "--lms-items",
            type=click.Choice(ITEMS),
            default="total",
            show_default=True,
            help="Grade items of the LMS CSV: the assignment's total, or one per problem.",
        ),
        click.option(
            "--groups",
            is_flag=True,
            help="Also write OUT/groups.json and groups.html: each theory part's answers "
            "grouped by meaning, for grading one group at a time.",
        ),
        click.option(
            "--lms-assignment-id",
            metavar="ID",
            help="The LMS's id of the assignment: the total's column is 'Title (ID)', which "
            "Canvas matches to that assignment.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def output_settings(
    no_pdf: bool,
    overrides: Path | None,
    gradescope: bool,
    lms: str | None,
    lms_items: str,
    templates_dir: Path | None = None,
    lms_assignment_id: str | None = None,
    groups: bool = False,
) -> OutputOptions:
    """The :class:`OutputOptions` the ``output_options`` flags ask for (``--lms`` checked)."""
    styles = lms_styles(templates_dir)
    if lms is not None and lms not in styles:
        raise click.BadParameter(
            f"unknown style '{lms}' (known: {', '.join(styles)})", param_hint="--lms"
        )
    return OutputOptions(
        not no_pdf, overrides, gradescope, lms, lms_items, lms_assignment_id, groups
    )
