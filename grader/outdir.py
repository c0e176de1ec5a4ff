"""Guards on the output folder: one run at a time, one assignment per folder, and no report
left behind that no longer matches grades.json."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from grader.report import student_dir
from grader.report.writer import INDEX_HTML, INDEX_PDF, REPORT_HTML, REPORT_PDF
from grader.rubric import Rubric

LOCK_NAME = ".grader.lock"


class OutDirError(Exception):
    """The output folder cannot be used as asked; the message says why and what to do."""


@contextmanager
def run_lock(out_dir: Path) -> Iterator[None]:
    """Hold the folder's lock for the run: a second run into the same folder stops at once,
    naming the process that holds it, instead of grading everyone a second time."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise OutDirError(
                f"{out_dir}: another grader run is writing here (process {holder}); "
                "wait for it to finish, or pick another --out"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def check_assignment(out_dir: Path, rubric: Rubric, force: bool) -> None:
    """Refuse to grade one assignment into a folder that holds another's grades, unless
    ``force``: the class summary, PDFs and gradebook files would mix the two."""
    grades = out_dir / "grades.json"
    try:
        earlier = json.loads(grades.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # nothing graded here yet, or not readable: grading rewrites it
    other = earlier.get("assignment") if isinstance(earlier, dict) else None
    if force or other in (None, rubric.id):
        return
    title = earlier.get("title", "")
    raise OutDirError(
        f"{out_dir} holds the grades of {other}{f' ({title})' if title else ''}; grading "
        f"{rubric.id} into it would mix two assignments: pick another --out, or pass "
        "--force to replace them"
    )


def remove_unwritten_reports(
    out_dir: Path, students: Iterable[str], written: Iterable[Path]
) -> list[Path]:
    """Remove the reports (HTML, PDF, the class summary) that this run did not write: left
    by an earlier run, they may show other scores than grades.json. Return them."""
    kept = {Path(p) for p in written}
    candidates = [out_dir / INDEX_HTML, out_dir / INDEX_PDF]
    for student in students:
        folder = student_dir(out_dir, student)
        candidates += [folder / REPORT_HTML, folder / REPORT_PDF]
    removed = []
    for path in candidates:
        if path not in kept and path.is_file():
            path.unlink()
            removed.append(path)
    return removed
