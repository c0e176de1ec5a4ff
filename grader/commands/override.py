"""``grader override`` and ``grader accept``: record a TA's decision on one part (a score,
or the automatic score kept), for one student or for an answer group; the next ``grade``
applies it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from grader.groups import find_group, load_groups
from grader.overrides import OVERRIDES_NAME, Override, OverrideError, save_override


def _fail(message: str) -> None:
    click.echo(f"error: {message}; nothing saved", err=True)
    sys.exit(2)


def _check_against_grades(grades_path: Path, override: Override) -> str | None:
    """Why the override does not fit the last grading run, or None (also when none exists)."""
    if not grades_path.is_file():
        return None
    try:
        students = json.loads(grades_path.read_text(encoding="utf-8"))["students"]
    except (OSError, ValueError, KeyError):
        return f"{grades_path}: not a readable grades.json"
    name = override.student or (override.members[0][0] if override.members else "")
    student = next((s for s in students if s["student"] == name), None)
    if student is None:
        return f"no student '{name}' in {grades_path}"
    parts = {pid: p for prob in student["problems"].values() for pid, p in prob["parts"].items()}
    if override.part not in parts:
        return f"no part '{override.part}' (parts: {', '.join(parts)})"
    if override.score is not None and override.score > parts[override.part]["max"]:
        return f"score {override.score:g} exceeds the part's {parts[override.part]['max']:g} points"
    return None


def _group_decision(
    folder: Path, group_id: str, part: str, score: float | None, comment: str
) -> Override:
    """A decision on every member of an answer group of ``folder``'s groups.json."""
    found = find_group(load_groups(folder), group_id)
    if found is None:
        _fail(f"no answer group '{group_id}' in {folder / 'groups.json'} (grade with --groups)")
    part_id, group = found
    if part_id != part:
        _fail(f"group '{group_id}' holds answers to {part_id}, not {part}")
    members = tuple(sorted(group["answers"].items()))
    return Override("", part, score, comment, score is None, group_id, members)


def decision_options(command: Callable) -> Callable:
    """The options ``override`` and ``accept`` share: the comment, the group and where the
    decision is saved."""
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
    command = click.option(
        "--group",
        "-g",
        "group_id",
        metavar="GROUP",
        help="An answer group of OUT/groups.json (grade with --groups): the decision covers "
        "its members; then give no STUDENT.",
    )(command)
    return click.option(
        "--comment", "-m", default="", help="Why: shown to the student beside the verdict."
    )(command)


def _arguments(values: tuple[str, ...], group_id: str | None, names: list[str]) -> list[str]:
    """The positional arguments, STUDENT first unless a group is given."""
    wanted = names[1:] if group_id else names
    if len(values) != len(wanted):
        usage = " ".join(wanted)
        _fail(f"expected {usage}{' (with --group, no STUDENT)' if group_id else ''}")
    return list(values)


def _score(text: str) -> float:
    try:
        score = float(text)
    except ValueError:
        score = -1.0
    if score < 0:
        _fail(f"SCORE should be a number ≥ 0, got {text!r}")
    return score


def _record(
    values: tuple[str, ...],
    accept: bool,
    comment: str,
    group_id: str | None,
    out_dir: Path | None,
    overrides_file: Path | None,
) -> tuple[Override, str]:
    """Read ``[STUDENT] PART [SCORE]``, check the decision against the last run and save it;
    return it and whom it covers."""
    path = _overrides_path(out_dir, overrides_file)
    args = _arguments(values, group_id, ["STUDENT", "PART"] + ([] if accept else ["SCORE"]))
    student = "" if group_id else args.pop(0)
    part, score = args[0], None if accept else _score(args[1])
    if group_id:
        decision = _group_decision(path.parent, group_id, part, score, comment)
        who = f"group {group_id} ({len(decision.members)} students)"
    else:
        decision, who = Override(student, part, score, comment, accept), student
    _save(decision, path)
    return decision, who


@click.command("override")
@click.argument("values", nargs=-1, required=True, metavar="[STUDENT] PART SCORE")
@decision_options
def override(values: tuple[str, ...], **options: object) -> None:
    """Set STUDENT's PART to SCORE points (``grader override s17 p2b 1.5 -m "…" -o out``),
    or every member's of an answer group (``grader override --group p2c-3f9a1c0d2e p2c 1.5
    -o out``)."""
    decision, who = _record(values, accept=False, **options)
    click.echo(f"{who} {decision.part} = {decision.score:g}. Run `grader grade` again to apply it.")


@click.command("accept")
@click.argument("values", nargs=-1, required=True, metavar="[STUDENT] PART")
@decision_options
def accept(values: tuple[str, ...], **options: object) -> None:
    """Keep the automatic score of STUDENT's PART (or of every member of an answer group)
    as the TA's decision, clearing its review flag (``grader accept s17 p5.q3d -o out``)."""
    decision, who = _record(values, accept=True, **options)
    click.echo(
        f"{who} {decision.part}: automatic score accepted. Run `grader grade` again to apply it."
    )


def _overrides_path(out_dir: Path | None, overrides_file: Path | None) -> Path:
    if (out_dir is None) == (overrides_file is None):
        click.echo("error: give either --out OUT (the graded folder) or --file FILE", err=True)
        sys.exit(2)
    return overrides_file or out_dir / OVERRIDES_NAME


def _save(decision: Override, path: Path) -> None:
    """Check a decision against the last run and add it to the overrides file, or exit 2."""
    problem = _check_against_grades(path.parent / "grades.json", decision)
    if problem:
        _fail(problem)
    try:
        save_override(path, decision)
    except OverrideError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Saved to {path}: ", nl=False)
