"""Readers that turn a student's files into a :class:`grader.document.Document`.

One module per format; :func:`read_submission` picks the reader by file extension.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from grader.document import Block, Document

from .errors import IngestError
from .latex import read_latex
from .notebook import read_notebook
from .pdf import read_pdf
from .text import read_text

READERS: dict[str, Callable[[Path], list[Block]]] = {
    ".ipynb": read_notebook,
    ".pdf": read_pdf,
    ".md": read_text,
    ".markdown": read_text,
    ".txt": read_text,
    ".tex": read_latex,
}

__all__ = [
    "IngestError",
    "READERS",
    "read_submission",
    "submission_files",
    "student_id",
    "unread_files",
]


def student_id(path: Path) -> str:
    """The student id: the file or folder name without extension."""
    return path.stem if path.is_file() else path.name


def submission_files(path: Path) -> list[Path]:
    """The readable files of one student: the file itself, or a folder's files in name order."""
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.is_file() and p.suffix.lower() in READERS and not p.name.startswith(".")
    )


def unread_files(folder: Path) -> list[Path]:
    """A student folder's files that no reader takes (a .docx, an image), in name order;
    hidden files and folders (.DS_Store, .ipynb_checkpoints) are not counted."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() not in READERS
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def read_submission(path: Path) -> Document:
    """Read one student (a file, or a folder whose files are merged in name order)."""
    document = Document(student=student_id(path))
    files = submission_files(path)
    if path.is_file() and path.suffix.lower() not in READERS:
        known = ", ".join(sorted(READERS))
        raise IngestError(f"{path.name}: unsupported file type (accepted: {known})")
    if not files:
        raise IngestError(f"{path.name}: folder has no .ipynb, .pdf, .md, .txt or .tex file")
    for file in files:
        blocks = READERS[file.suffix.lower()](file)
        name = str(file.relative_to(path)) if path.is_dir() else file.name
        for block in blocks:
            block.source = name
        document.sources.append(name)
        document.add(blocks)
    return document
