"""Click options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from grader.classinputs import ClassInputs, load_roster, name_pattern


def class_input_options(command: Callable) -> Callable:
    """Add ``--roster`` and ``--name-pattern`` (how an LMS download maps to students)."""
    command = click.option(
        "--name-pattern",
        metavar="REGEX",
        help="How LMS file names give the student: a regex with a (?P<student>...) group.",
    )(command)
    return click.option(
        "--roster",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        help="Class list CSV (student, lms_id, name, submitted_at) for an LMS bulk download.",
    )(command)


def class_inputs(roster: Path | None, pattern: str | None) -> ClassInputs:
    """The LMS mapping from ``--roster`` and ``--name-pattern``; ClassInputError if bad."""
    return ClassInputs(
        load_roster(roster) if roster else None, name_pattern(pattern) if pattern else None
    )
