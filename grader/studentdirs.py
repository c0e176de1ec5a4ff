"""Student ids are data, never paths: the name of each student's report folder.

An id a TA would read as a folder name (``ss17936``, ``ana.lopez``) is kept as it is: the
report paths of the output contract. Any other id gets a safe name from its letters and a
hash of the whole id after a ``~``, a character no kept id has: ``jane doe`` and
``jane_doe`` get two folders, an id cannot name a path out of the output folder
(``../x``), nor a file the grader writes there (``index.html``, ``grades.json``),
and no id can take another's folder. grades.json maps each id to its folder.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePath

KEPT = re.compile(r"[\w@+-][\w.@+-]{0,99}")
# What the grader writes beside the report folders: an id ending so is never a folder name.
WRITTEN_SUFFIXES = frozenset(
    {".json", ".csv", ".html", ".pdf", ".sqlite", ".log", ".yaml", ".yml", ".zip", ".lock"}
)
SHOWN_CHARS = 60  # of the id, in a hashed folder name
HASH_CHARS = 12


def folder_name(student: str) -> str:
    """The report folder's name for ``student``: the id itself when safe, else its safe
    letters, ``~`` and a hash of the id."""
    suffix = PurePath(student).suffix.lower()
    written = suffix in WRITTEN_SUFFIXES or suffix.startswith(".sqlite")
    if KEPT.fullmatch(student) and not written:
        return student
    letters = re.sub(r"[^\w.@+-]", "_", student).lstrip(".")[:SHOWN_CHARS] or "student"
    digest = hashlib.sha256(student.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{letters}~{digest[:HASH_CHARS]}"
