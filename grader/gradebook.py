"""The gradebook: every result the grader has produced, in one SQLite file (WAL mode).

A result is stored under its :class:`ResultKey`: the student, the hash of the files they
submitted, the rubric version and the grading settings, which include a digest of the
grader's code and reference data (:func:`code_digest`): after an upgrade, everyone is
regraded, and the run's log says why. A rerun looks each student's key
up and grades only what is not there: a new submission, a changed rubric or new settings.
Every result is committed the moment it arrives, so a run killed at any point (even with
SIGKILL) loses nothing that was already graded, and the next run finishes the rest.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from grader.checks.base import HIDE_KEY, GradeOptions
from grader.paths import PROJECT_ROOT
from grader.results import PartResult, ProblemResult, StudentResult
from grader.safefiles import open_inside

GRADEBOOK_NAME = "gradebook.sqlite"
RUBRIC_CHANGED = "the rubric changed"
GRADER_CHANGED = "the grader's code, reference data or settings changed"
NOTHING_SUBMITTED = "none"  # the content hash of a roster student with no files
_CHUNK = 1 << 20

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    student        TEXT NOT NULL,
    content_hash   TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    settings       TEXT NOT NULL,
    assignment     TEXT NOT NULL,
    status         TEXT NOT NULL,
    total          REAL NOT NULL,
    result         TEXT NOT NULL,
    final          INTEGER NOT NULL,
    seconds        REAL,
    graded_at      TEXT NOT NULL,
    PRIMARY KEY (student, content_hash, rubric_version, settings)
)
"""


_REPORTS_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    folder TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    files  TEXT NOT NULL
)
"""


class GradebookError(Exception):
    """The gradebook file cannot be used; the message names it and says what to do."""


@dataclass(frozen=True)
class ResultKey:
    """What a stored result depends on; a result is reused only if all four match."""

    student: str
    content_hash: str
    rubric_version: str
    settings: str


def content_hash(files: list[tuple[str, Path]], root: Path | None = None) -> str:
    """Hash of a submission: each file's name (inside the submission) and bytes, in order.
    Files are opened as :func:`grader.safefiles.open_inside` does (no link, inside ``root``)."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(name.encode("utf-8") + b"\0")
        with open_inside(path, root) as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()[:20]


# What a grade depends on besides the rubric (keyed by its own version) and the submission:
# the grader's code, the reference implementations and recorded reference results, and the
# sandbox's test suites. Any change there makes every stored result stale.
GRADING_SOURCES = ("grader", "reference")
GRADING_SUFFIXES = (".py", ".yaml", ".yml", ".json")


@lru_cache(maxsize=1)
def code_digest(root: Path = PROJECT_ROOT) -> str:
    """A digest of every file the grade depends on under ``GRADING_SOURCES`` (code, test
    suites, reference results), by path and content."""
    digest = hashlib.sha256()
    for folder in GRADING_SOURCES:
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in GRADING_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def settings_key(options: GradeOptions) -> str:
    """A short fingerprint of the grading switches, the grader's version and the digest of
    its code and reference data (:func:`code_digest`)."""
    try:
        grader_version = version("grader")
    except PackageNotFoundError:
        grader_version = "unknown"
    switches = asdict(options)
    # where the class and the output folder are (hidden from student code) changes no grade
    switches["extra"] = {k: v for k, v in options.extra.items() if k != HIDE_KEY}
    text = json.dumps([grader_version, code_digest(), switches], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def result_from_dict(data: dict) -> StudentResult:
    """Rebuild a :class:`StudentResult` from its ``to_dict()`` form (or a grades.json
    entry: keys that are not the result's own, such as ``report_dir``, are left out)."""
    problems = {
        pid: ProblemResult(
            **{**p, "parts": {k: PartResult(**part) for k, part in p["parts"].items()}}
        )
        for pid, p in data["problems"].items()
    }
    own = {f.name for f in fields(StudentResult)} - {"problems"}
    return StudentResult(**{k: v for k, v in data.items() if k in own}, problems=problems)


class Gradebook:
    """The SQLite gradebook of one output folder. Use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            self._db.execute(_REPORTS_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise GradebookError(
                f"{path}: not a usable gradebook ({exc}); move it away or pass another "
                "--gradebook file"
            ) from None

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def lookup(self, key: ResultKey, final_only: bool = True) -> StudentResult | None:
        """The stored result for ``key``, or None if it must be graded.

        Results marked not final (the grader failed) count as missing unless
        ``final_only`` is False; so does a row this version cannot read back.
        """
        row = self._db.execute(
            "SELECT result FROM results WHERE student=? AND content_hash=? AND "
            "rubric_version=? AND settings=? AND final>=?",
            (key.student, key.content_hash, key.rubric_version, key.settings, int(final_only)),
        ).fetchone()
        if row is None:
            return None
        try:
            return result_from_dict(json.loads(row[0]))
        except (TypeError, KeyError, ValueError):
            return None

    def stale_reason(self, key: ResultKey) -> str | None:
        """Why a submission with no result under ``key`` was graded before under another key:
        "the rubric changed" or "the grader or its settings changed"; None if it never was."""
        rows = self._db.execute(
            "SELECT rubric_version, settings FROM results WHERE student=? AND content_hash=?",
            (key.student, key.content_hash),
        ).fetchall()
        if not rows:
            return None
        if all(rubric != key.rubric_version for rubric, _ in rows):
            return RUBRIC_CHANGED
        return GRADER_CHANGED

    def store(
        self,
        key: ResultKey,
        assignment: str,
        result: StudentResult,
        *,
        final: bool = True,
        seconds: float | None = None,
    ) -> None:
        """Save (and commit) one result; ``final=False`` marks one a rerun must retry."""
        self._db.execute(
            "INSERT OR REPLACE INTO results VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                key.student,
                key.content_hash,
                key.rubric_version,
                key.settings,
                assignment,
                result.status,
                result.total,
                json.dumps(result.to_dict()),
                int(final),
                seconds,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )

    def report_files(self, folder: Path, digest: str) -> list[Path] | None:
        """The files of a report rendered from the same inputs, if all of them still exist."""
        row = self._db.execute(
            "SELECT files FROM reports WHERE folder=? AND digest=?", (str(folder), digest)
        ).fetchone()
        if row is None:
            return None
        files = [Path(f) for f in json.loads(row[0])]
        return files if all(f.is_file() for f in files) else None

    def store_report(self, folder: Path, digest: str, files: list[Path]) -> None:
        """Remember (and commit) which inputs a student's report files were rendered from."""
        self._db.execute(
            "INSERT OR REPLACE INTO reports VALUES (?,?,?)",
            (str(folder), digest, json.dumps([str(f) for f in files])),
        )
