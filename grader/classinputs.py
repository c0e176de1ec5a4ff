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
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from grader import safezip
from grader.ingest import READERS
from grader.safefiles import kind, read_inside, walk

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
    root: Path | None = None  # the resolved folder every file must be inside
    refused: str | None = None  # why nothing of it is read (a link): its error row
    renamed_from: str | None = None  # the id it shared with another submission
    found_as: str | None = None  # its file or folder name in the class folder

    @property
    def sources(self) -> list[str]:
        """The names of the submitted files."""
        return [name for name, _ in self.files]

    def read(self) -> Payload:
        """The files' bytes, ready to send to a worker (which may be another machine)."""
        files = tuple((n, read_inside(p, self.root)) for n, p in self.files)
        return Payload(self.student, files, self.folder)


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
            log.warning("%r: name does not match the LMS pattern; student id %r", name, key)
        if self.roster is None:
            return key
        found = self.roster.resolve(key, lms_id)
        if found is None:
            log.warning("%r: student %r is not on the roster %s", name, key, self.roster.path)
        return found or key


@dataclass
class _Gathered:
    files: list[tuple[str, Path]] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)
    lms_id: str | None = None
    refused: list[str] = field(default_factory=list)  # links, unsafe zip members: not read
    roots: set[Path] = field(default_factory=set)  # the resolved folders its files are in


def _refusal(problems: list[str]) -> str:
    """The error row of a submission with files the grader will not read."""
    return (
        f"{'; '.join(problems)}: nothing of this submission was read; hand in the files themselves"
    )


def _folder_files(folder: Path) -> tuple[list[Path], list[str]]:
    """A student folder's regular files in name order, and the entries refused (links)."""
    files, refused = [], []
    for path, why in walk(folder):
        if why is None:
            files.append(path)
        else:
            refused.append(f"{path.relative_to(folder)} {why}")
    return sorted(files), refused


def _plain_student(child: Path, root: Path) -> Submission:
    """One entry of a plain class folder: a file or a folder of files; a link is refused."""
    why = kind(child)
    if why is not None:
        refusal = _refusal([f"{child.name} {why}"])
        return Submission(child.stem, (), False, root=root, refused=refusal, found_as=child.name)
    if child.is_file():
        files = ((child.name, child),)
        return Submission(child.stem, files, False, root=root, found_as=child.name)
    files, refused = _folder_files(child)
    if refused:
        refusal = _refusal(refused)
        return Submission(child.name, (), True, root=root, refused=refusal, found_as=child.name)
    readable = tuple(
        (str(f.relative_to(child)), f)
        for f in files
        if f.suffix.lower() in READERS and not f.name.startswith(".")
    )
    unread = tuple(
        str(f.relative_to(child))
        for f in files
        if f.suffix.lower() not in READERS
        and not any(part.startswith(".") for part in f.relative_to(child).parts)
    )
    return Submission(child.name, readable, True, not_read=unread, root=root, found_as=child.name)


def _plain(path: Path) -> Iterator[Submission]:
    if path.is_file():  # named by the user: followed once, as given
        real = path.resolve()
        files = ((path.name, real),)
        yield Submission(path.stem, files, False, root=real.parent, found_as=path.name)
        return
    root = path.resolve()
    for child in sorted(p for p in path.iterdir() if not p.name.startswith((".", "_"))):
        yield _plain_student(child, root)


def _mtime(path: Path) -> datetime:
    return datetime.fromtimestamp(path.lstat().st_mtime, UTC)


def _gather_folder(folder: Path, inputs: ClassInputs, into: dict[str, _Gathered]) -> None:
    for child in sorted(p for p in folder.iterdir() if not p.name.startswith((".", "_"))):
        why = kind(child)
        is_file = why is not None or child.is_file()
        gathered = into.setdefault(inputs.student_for(child.name, is_file), _Gathered())
        gathered.lms_id = gathered.lms_id or inputs.lms_id_for(child.name)
        if why is not None:
            gathered.refused.append(f"{child.name} {why}")
            continue
        gathered.roots.add(folder.resolve())
        if is_file:
            gathered.files.append((child.name, child))
            gathered.times.append(_mtime(child))
            continue
        files, refused = _folder_files(child)
        gathered.refused += [f"{child.name}/{r}" for r in refused]
        for file in files:
            if not any(p.startswith(".") for p in file.relative_to(child).parts):
                gathered.files.append((str(file.relative_to(child)), file))
                gathered.times.append(_mtime(file))


def _gather_zip(
    archive: Path, scratch: Path, inputs: ClassInputs, into: dict[str, _Gathered]
) -> None:
    """A zip's members, by student; a member that is unsafe (a link, a bomb) or corrupt is
    that student's refusal, while the other students are read."""
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
        gathered = into.setdefault(student, _Gathered())
        gathered.lms_id = gathered.lms_id or inputs.lms_id_for(parts[0])
        problem = member.problem
        if problem is None:
            try:
                safezip.extract(archive, member, target)
            except safezip.UnsafeZipError as exc:
                problem = str(exc)
        if problem is not None:
            gathered.refused.append(problem)
            continue
        gathered.files.append((name, target))
        gathered.times.append(member.modified)
        gathered.roots.add(scratch.resolve())


def _free(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``…: the first not in ``taken``."""
    count, found = 1, name
    while found in taken:
        count += 1
        found = f"{name}-{count}"
    return found


def _unique(submissions: list[Submission]) -> list[Submission]:
    """Give every submission its own id: those that share one (``alice.md`` and
    ``alice.txt``) are named by their file names instead, never taking an id another
    submission has (a real ``alice-2``); each renamed one keeps the id it had."""
    counts = Counter(s.student for s in submissions)
    taken = {s.student for s in submissions if counts[s.student] == 1}
    unique = []
    for sub in submissions:
        if counts[sub.student] > 1:
            renamed = _free(sub.found_as or sub.student, taken)
            if renamed != sub.student:
                log.warning(
                    "%d submissions have the id %r; the one from %r is now %r",
                    counts[sub.student],
                    sub.student,
                    sub.found_as,
                    renamed,
                )
                sub = replace(sub, student=renamed, renamed_from=sub.student)
        taken.add(sub.student)
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
        if entry.refused:
            refusal = _refusal(entry.refused)
            lms_id = listed or entry.lms_id
            found.append(Submission(student, (), True, submitted, refused=refusal, lms_id=lms_id))
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
                root=Path(os.path.commonpath(entry.roots)),
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
