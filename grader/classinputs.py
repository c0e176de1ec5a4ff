"""A class's submissions: plain class folders, or an LMS bulk download mapped to students.

Plain input (the output contract): each PATH is a file (one student) or a folder whose
every file and subfolder is one student. An LMS bulk download is a ``.zip`` (always read
this way) or a folder given with ``--roster`` or ``--name-pattern``: its files are named
like ``ss17936_12345_Assignment2.pdf``, a student may have several, and the student is
read from the name by a regular expression (group ``student``, optionally ``lms_id``) and
checked against the roster. Times come from the download (a zip's entry times, which
carry no zone and are read in the rubric policy's ``timezone``, or files' modification
times) unless the roster has a ``submitted_at`` column.
"""

from __future__ import annotations

import csv
import logging
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from grader import safezip
from grader.ingest import READERS, student_id, submission_files, unread_files

log = logging.getLogger(__name__)

DEFAULT_NAME_PATTERN = r"(?P<student>[^_]+)_(?:LATE_)?(?P<lms_id>\d+)_"
ROSTER_COLUMNS = ("student", "lms_id", "name", "submitted_at")


class ClassInputError(Exception):
    """The class input cannot be read; the message names the file and what to fix."""


@dataclass(frozen=True)
class Submission:
    """One student's files, wherever they are now, and when they were handed in."""

    student: str
    files: tuple[tuple[str, Path], ...]  # (name inside the submission, path on disk)
    folder: bool  # several files merged (a folder), rather than one file
    submitted_at: datetime | None = None
    missing: bool = False  # on the roster, but nothing was submitted
    not_read: tuple[str, ...] = ()  # files handed in that no reader takes (a .docx)
    lms_id: str | None = None  # the LMS's user id (Canvas: the number in the file name)

    @property
    def sources(self) -> list[str]:
        """The names of the submitted files."""
        return [name for name, _ in self.files]

    def read(self) -> Payload:
        """The files' bytes, ready to send to a worker (which may be another machine)."""
        return Payload(self.student, tuple((n, p.read_bytes()) for n, p in self.files), self.folder)


@dataclass(frozen=True)
class Payload:
    """A submission as bytes: what a grading worker receives."""

    student: str
    files: tuple[tuple[str, bytes], ...]
    folder: bool

    def write(self, into: Path) -> Path:
        """Recreate the submission under ``into``; return the file or folder to read."""
        if not self.folder:
            ((name, data),) = self.files
            target = into / name
            target.write_bytes(data)
            return target
        safe = Path(self.student).name == self.student and not self.student.startswith(".")
        root = into / (self.student if safe else "submission")
        root.mkdir()
        for name, data in self.files:
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return root


@dataclass
class Roster:
    """The class list: student ids, their LMS ids and, optionally, submission times."""

    path: Path
    students: dict[str, dict[str, str]] = field(default_factory=dict)

    def resolve(self, key: str, lms_id: str | None) -> str | None:
        """The roster id for a name read from a file, by student id or LMS id."""
        if key in self.students:
            return key
        for student, row in self.students.items():
            if lms_id and row.get("lms_id") == lms_id:
                return student
        return None

    def submitted_at(self, student: str) -> datetime | None:
        """The submission time the roster gives, if any."""
        value = self.students.get(student, {}).get("submitted_at")
        return datetime.fromisoformat(value) if value else None


def load_roster(path: Path) -> Roster:
    """Read a roster CSV with a ``student`` column (and optional lms_id, name, submitted_at)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ClassInputError(f"{path}: cannot read the roster ({exc})") from None
    if not rows or "student" not in rows[0]:
        raise ClassInputError(
            f"{path}: a roster needs a header row with a 'student' column "
            f"(optional: {', '.join(ROSTER_COLUMNS[1:])})"
        )
    roster = Roster(path)
    for line, row in enumerate(rows, start=2):
        student = (row.get("student") or "").strip()
        if not student:
            raise ClassInputError(f"{path}: line {line}: empty 'student'")
        clean = {k: (v or "").strip() for k, v in row.items() if k}
        if clean.get("submitted_at"):
            try:
                datetime.fromisoformat(clean["submitted_at"])
            except ValueError:
                raise ClassInputError(
                    f"{path}: line {line}: 'submitted_at' should be ISO 8601 "
                    f"(2024-03-08T23:59:00-05:00), got {clean['submitted_at']!r}"
                ) from None
        roster.students[student] = clean
    return roster


def name_pattern(text: str) -> re.Pattern:
    """Compile an LMS file-name pattern; it must have a ``student`` group."""
    try:
        pattern = re.compile(text)
    except re.error as exc:
        raise ClassInputError(f"--name-pattern: not a valid regular expression ({exc})") from None
    if "student" not in pattern.groupindex:
        raise ClassInputError("--name-pattern: needs a named group (?P<student>...)")
    return pattern


@dataclass(frozen=True)
class ClassInputs:
    """How to map LMS file names to students (both optional)."""

    roster: Roster | None = None
    pattern: re.Pattern | None = None

    @property
    def lms(self) -> bool:
        """Whether folders are read as LMS bulk downloads."""
        return self.roster is not None or self.pattern is not None

    def matches(self, name: str) -> re.Match | None:
        """The LMS pattern (the given one or the default) matched against a name."""
        return (self.pattern or re.compile(DEFAULT_NAME_PATTERN)).match(name)

    def lms_id_for(self, name: str) -> str | None:
        """The LMS user id in a download's file or folder name (``doejane_340934_…``)."""
        match = self.matches(name)
        return match.groupdict().get("lms_id") if match else None

    def student_for(self, name: str, is_file: bool) -> str:
        """The student a top-level file or folder name of a download belongs to."""
        match = self.matches(name)
        key = match["student"] if match else (Path(name).stem if is_file else name)
        lms_id = match.groupdict().get("lms_id") if match else None
        if match is None:
            log.warning("%s: name does not match the LMS pattern; student id %s", name, key)
        if self.roster is None:
            return key
        found = self.roster.resolve(key, lms_id)
        if found is None:
            log.warning("%s: student %s is not on the roster %s", name, key, self.roster.path)
        return found or key


@dataclass
class _Gathered:
    files: list[tuple[str, Path]] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)
    lms_id: str | None = None


def _plain(path: Path) -> Iterator[Submission]:
    if path.is_file():
        yield Submission(student_id(path), ((path.name, path),), folder=False)
        return
    for child in sorted(p for p in path.iterdir() if not p.name.startswith((".", "_"))):
        if child.is_file():
            yield Submission(student_id(child), ((child.name, child),), folder=False)
        else:
            files = tuple((str(f.relative_to(child)), f) for f in submission_files(child))
            unread = tuple(str(f.relative_to(child)) for f in unread_files(child))
            yield Submission(student_id(child), files, folder=True, not_read=unread)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _gather_folder(folder: Path, inputs: ClassInputs, into: dict[str, _Gathered]) -> None:
    for child in sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_"))):
        gathered = into.setdefault(inputs.student_for(child.name, child.is_file()), _Gathered())
        gathered.lms_id = gathered.lms_id or inputs.lms_id_for(child.name)
        if child.is_file():
            gathered.files.append((child.name, child))
            gathered.times.append(_mtime(child))
            continue
        for file in sorted(f for f in child.rglob("*") if f.is_file()):
            if not any(p.startswith(".") for p in file.relative_to(child).parts):
                gathered.files.append((str(file.relative_to(child)), file))
                gathered.times.append(_mtime(file))


def _gather_zip(
    archive: Path, scratch: Path, inputs: ClassInputs, into: dict[str, _Gathered]
) -> None:
    try:
        members = safezip.members(archive)
    except safezip.UnsafeZipError as exc:
        raise ClassInputError(str(exc)) from None
    tops = {m.parts[0] for m in members}
    wrapped = (
        len(tops) == 1
        and all(len(m.parts) > 1 for m in members)
        and not inputs.matches(next(iter(tops)))
    )
    target_root = scratch / f"zip{len(list(scratch.iterdir()))}"
    for member in members:
        parts = member.parts[1:] if wrapped else member.parts
        student = inputs.student_for(parts[0], is_file=len(parts) == 1)
        name = "/".join(parts if len(parts) == 1 else parts[1:])
        target = target_root.joinpath(*parts)
        try:
            safezip.extract(archive, member, target)
        except safezip.UnsafeZipError as exc:
            raise ClassInputError(str(exc)) from None
        gathered = into.setdefault(student, _Gathered())
        gathered.lms_id = gathered.lms_id or inputs.lms_id_for(parts[0])
        gathered.files.append((name, target))
        gathered.times.append(member.modified)


def _unique(submissions: list[Submission]) -> list[Submission]:
    seen: dict[str, int] = {}
    unique = []
    for sub in submissions:
        count = seen.get(sub.student, 0) + 1
        seen[sub.student] = count
        if count > 1:
            renamed = f"{sub.student}-{count}"
            log.warning("two submissions are named %s; the second is %s", sub.student, renamed)
            sub = Submission(renamed, sub.files, sub.folder, sub.submitted_at, sub.missing)
        unique.append(sub)
    return unique


def _lms_submissions(gathered: dict[str, _Gathered], inputs: ClassInputs) -> list[Submission]:
    roster = inputs.roster
    students = sorted(set(gathered) | set(roster.students if roster else ()))
    found = []
    for student in students:
        entry = gathered.get(student)
        submitted = roster.submitted_at(student) if roster else None
        listed = (roster.students.get(student, {}).get("lms_id") or None) if roster else None
        if entry is None:
            found.append(
                Submission(
                    student, (), folder=True, submitted_at=submitted, missing=True, lms_id=listed
                )
            )
            continue
        readable = [(n, p) for n, p in entry.files if p.suffix.lower() in READERS]
        files = tuple(sorted(readable or entry.files))
        unread = tuple(sorted(n for n, p in entry.files if readable and (n, p) not in readable))
        latest = max(entry.times, key=lambda t: t if t.tzinfo else t.astimezone())
        found.append(
            Submission(
                student,
                files,
                True,
                submitted or latest,
                not_read=unread,
                lms_id=listed or entry.lms_id,
            )
        )
    return found


@contextmanager
def open_class(paths: list[Path], inputs: ClassInputs | None = None) -> Iterator[list[Submission]]:
    """The submissions under ``paths``; zips are extracted to a scratch folder while open."""
    inputs = inputs or ClassInputs()
    with tempfile.TemporaryDirectory(prefix="grader-class-") as scratch:
        plain: list[Submission] = []
        gathered: dict[str, _Gathered] = {}
        for path in paths:
            if not path.exists():
                raise ClassInputError(f"{path}: no such file or folder")
            if path.is_file() and path.suffix.lower() == ".zip":
                _gather_zip(path, Path(scratch), inputs, gathered)
            elif path.is_dir() and inputs.lms:
                _gather_folder(path, inputs, gathered)
            else:
                plain.extend(_plain(path))
        lms = _lms_submissions(gathered, inputs) if gathered or inputs.roster else []
        yield _unique(plain + lms)
