"""TA overrides: ``overrides.yaml`` holds decisions that replace a part's automatic score.

File format (a list; one entry per student and part, the last one wins)::

    - student: 003_8583640d83e9e41a
      part: p1
      score: 3
      comment: Closed form correct; the PDF export lost the summation sign.
    - student: 003_8583640d83e9e41a
      part: p5.q3d
      accept: true          # the automatic score stands, as the TA's decision
      comment: Checked the log by hand.
    - group: p2c-3f9a1c0d2e   # an answer group of groups.json (grader override --group)
      part: p2c
      score: 1.5
      members: {alice: 5be0c2d1a9, bruno: 0f4e8a7c21}   # each member's answer digest

A group decision applies to each member whose answer is still the one it was when the TA
decided (its digest); a member whose answer changed is taken out of the group: the part
keeps its automatic score and is flagged ``needs_review``. A student's own entry, later in
the file, wins over a group's.

A regrade applies them: the part's score becomes the TA's (``accept``: the automatic one),
its status becomes ``ta_graded``, the automatic score and status are kept beside it in
``override`` (reports show both), and the part's ``needs_review`` flag is cleared, since a
TA has now looked. ``integrity`` flags stay.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from grader.groups import answer_digest
from grader.output import write_atomic
from grader.results import FLAG_REVIEW, TA_GRADED, Evidence, StudentResult, sum_points

log = logging.getLogger(__name__)

OVERRIDES_NAME = "overrides.yaml"


class OverrideError(Exception):
    """The overrides file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Override:
    """A TA's decision on one part of one student's submission: a score, or (``accept``)
    the automatic score kept as the TA's."""

    student: str  # "" for a group's decision
    part: str
    score: float | None
    comment: str = ""
    accept: bool = False
    group: str = ""  # an answer group's id (grader.groups)
    members: tuple[tuple[str, str], ...] = ()  # (student, answer digest) of a group's members

    @property
    def key(self) -> tuple[str, str]:
        """What a later decision replaces: the same student (or group) and part."""
        return (self.student or f"group {self.group}", self.part)

    def entry(self) -> dict:
        """The decision as overrides.yaml holds it."""
        decision = {"accept": True} if self.accept else {"score": self.score}
        who = {"group": self.group} if self.group else {"student": self.student}
        extra = {"members": dict(self.members)} if self.group else {}
        return {**who, "part": self.part, **decision, "comment": self.comment, **extra}


def _entry(raw: object, index: int, path: Path) -> Override:
    where = f"{path}: entry {index + 1}"
    if not isinstance(raw, dict):
        raise OverrideError(f"{where}: expected a mapping with student, part, score, comment")
    keys = {"student", "part", "score", "accept", "comment", "group", "members"}
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise OverrideError(f"{where}: unknown key '{unknown[0]}'")
    who = "group" if "group" in raw else "student"
    missing = [k for k in (who, "part") if k not in raw]
    if missing:
        raise OverrideError(f"{where}: missing {', '.join(missing)}")
    if who == "group" and "student" in raw:
        raise OverrideError(f"{where}: give either a student or a group, not both")
    comment = str(raw.get("comment") or "")
    accept = raw.get("accept", False)
    if not isinstance(accept, bool):
        raise OverrideError(f"{where}: accept should be true or false, got {accept!r}")
    if accept == ("score" in raw):
        raise OverrideError(f"{where}: give either a score or accept: true")
    score = None if accept else raw["score"]
    if not accept and (isinstance(score, bool) or not isinstance(score, int | float) or score < 0):
        raise OverrideError(f"{where}: score should be a number ≥ 0, got {score!r}")
    score = None if accept else float(score)
    if who == "student":
        return Override(str(raw["student"]), str(raw["part"]), score, comment, accept)
    members = raw.get("members")
    if not isinstance(members, dict) or not members:
        raise OverrideError(f"{where}: a group's decision needs its members (student: digest)")
    pairs = tuple(sorted((str(k), str(v)) for k, v in members.items()))
    return Override("", str(raw["part"]), score, comment, accept, str(raw["group"]), pairs)


def load_overrides(path: Path) -> list[Override]:
    """Read an overrides file; a missing file means no overrides."""
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise OverrideError(f"{path}: not valid YAML ({exc})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise OverrideError(f"{path}: expected a list of entries (student, part, score, comment)")
    return [_entry(raw, i, path) for i, raw in enumerate(data)]


def save_override(path: Path, override: Override) -> None:
    """Add a decision to the file, replacing an earlier one for the same student and part."""
    kept = [o for o in load_overrides(path) if o.key != override.key]
    entries = [o.entry() for o in [*kept, override]]
    write_atomic(path, yaml.safe_dump(entries, sort_keys=False, allow_unicode=True))


def _part_of(result: StudentResult, part_id: str):
    """(problem, part) of a result, or None."""
    problem = next((p for p in result.problems.values() if part_id in p.parts), None)
    return None if problem is None else (problem, problem.parts[part_id])


def _members(o: Override, by_student: dict, warnings: list[str]) -> list[Override]:
    """A group decision as one decision per member whose answer is unchanged; a member
    whose answer changed is taken out of the group and flagged for review."""
    kept = []
    for student, digest in o.members:
        result = by_student.get(student)
        found = _part_of(result, o.part) if result and result.status == "graded" else None
        if found is None or answer_digest(found[1].answer) == digest:  # (a misfit warns later)
            kept.append(Override(student, o.part, o.score, o.comment, o.accept))
            continue
        part = found[1]
        warnings.append(f"group {o.group}: {student}'s answer to {o.part} changed; taken out")
        part.flags = list(dict.fromkeys([*part.flags, FLAG_REVIEW]))
        note = Evidence(
            "an answer changed since a TA's decision on its group",
            f"the answer of group {o.group} when the TA decided",
            f"taken out of group {o.group}: the TA's decision no longer applies to it; the "
            "automatic score stands until a TA decides",
            data={"group": o.group},
        )
        part.evidence.append(asdict(note))
    return kept


def apply_overrides(results: list[StudentResult], overrides: list[Override]) -> list[str]:
    """Apply decisions to graded results in place; return a warning for each that did not fit."""
    by_student = {r.student: r for r in results}
    warnings: list[str] = []
    expanded = [
        m for o in overrides for m in (_members(o, by_student, warnings) if o.group else [o])
    ]
    for o in expanded:
        result = by_student.get(o.student)
        if result is None or result.status != "graded":
            state = "is not in this batch" if result is None else "could not be graded"
            warnings.append(f"override for {o.student} {o.part}: the student {state}; skipped")
            continue
        found = _part_of(result, o.part)
        if found is None:
            warnings.append(f"override for {o.student}: no part {o.part} in the rubric; skipped")
            continue
        problem, part = found
        automatic = part.override or {
            "automatic_score": part.score,
            "automatic_status": part.status,
        }
        score = automatic["automatic_score"] if o.accept else o.score
        if score > part.max:
            warnings.append(
                f"override for {o.student} {o.part}: score {score:g} exceeds the part's "
                f"{part.max:g} points; skipped"
            )
            continue
        part.override = {
            "score": score,
            "comment": o.comment,
            "automatic_score": automatic["automatic_score"],
            "automatic_status": automatic["automatic_status"],
            "accepted": o.accept,
        }
        part.score = score
        part.status = TA_GRADED
        part.flags = [f for f in part.flags if f != FLAG_REVIEW]
        problem.score = sum_points(p.score for p in problem.parts.values())
        result.total = sum_points(p.score for p in result.problems.values())
    for warning in warnings:
        log.warning(warning)
    return warnings
