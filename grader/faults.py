"""Faults of the machine a user can cause (a full disk, a read-only or vanished folder): one
message that names the path and what to do, never a traceback per student.

Every result is committed to the gradebook as it comes, so a run stopped by such a fault
loses nothing that was committed; the rerun grades only the rest.
"""

from __future__ import annotations

import errno
import sqlite3

# errno: (what happened, what to do)
FAULTS = {
    errno.ENOSPC: ("the disk is full", "free some space"),
    errno.EDQUOT: ("the disk quota is used up", "free some space"),
    errno.EROFS: ("the folder is read-only", "make it writable, or pick another --out"),
    errno.EACCES: ("permission denied", "make it writable, or pick another --out"),
    errno.EPERM: ("permission denied", "make it writable, or pick another --out"),
    errno.ENOENT: ("it no longer exists", "check that the folders are still there"),
    errno.EIO: ("the disk reported an input/output error", "check the disk"),
    errno.EISDIR: ("a folder is where the grader writes a file", "move that folder away"),
    errno.ENOTDIR: ("a file is where the grader needs a folder", "move that file away"),
}
# What SQLite says for the same faults (it raises its own errors, without errno).
SQLITE_FAULTS = {
    "database or disk is full": errno.ENOSPC,
    "readonly database": errno.EROFS,
    "unable to open database file": errno.EACCES,
    "disk i/o error": errno.EIO,
}


def fault_errno(exc: BaseException) -> int | None:
    """The errno of a machine fault ``exc`` is, or None for any other error (a bug)."""
    if isinstance(exc, OSError) and exc.errno in FAULTS:
        return exc.errno
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        return next((code for part, code in SQLITE_FAULTS.items() if part in text), None)
    return None


def is_fault(exc: BaseException) -> bool:
    """Whether ``exc`` is a fault of the machine rather than of one student's files."""
    return fault_errno(exc) is not None


def fault_message(exc: BaseException, where: object) -> str:
    """One message for a fault: the path, what happened, what to do, and that the results
    committed so far are kept."""
    code = fault_errno(exc)
    what, fix = FAULTS.get(code, ("it failed", "fix the cause")) if code else (str(exc), "")
    path = getattr(exc, "filename", None) or where
    return (
        f"{path}: cannot write or read ({what}: {exc}). The results committed to the "
        f"gradebook so far are kept: {fix + ', then ' if fix else ''}rerun the same command "
        "to grade the rest."
    )
