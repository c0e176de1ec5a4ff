"""Read a class folder's files without following links, as the grader often runs as root.

A student who can write to a class folder can leave a symbolic link to a file only root
may read (``/etc/shadow``, another course's grades): followed, its text would reach the
grades and the gradebook. So a class is listed without following any link (a link is
named in that student's row, never read), and each file is then opened with
``O_NOFOLLOW`` and checked again once open: a regular file, inside the class folder
(a folder swapped for a link between listing and reading is caught here).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


class RefusedFile(OSError):
    """A file the grader will not read (a link, a device, a file outside the class)."""


def kind(path: Path) -> str | None:
    """Why ``path`` (not followed) is not a plain file or folder to read; None if it is."""
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return "is a symbolic link (links are never followed)"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "is not a regular file (a pipe, socket or device)"


def walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """Every entry under ``folder``, links not followed, in name order, with :func:`kind`'s
    reason for those not to read. Folders are descended into; links to folders are not."""
    for top, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        here = Path(top)
        for name in sorted(files + [d for d in dirs if (here / d).is_symlink()]):
            path = here / name
            yield path, kind(path)
        dirs[:] = [d for d in dirs if not (here / d).is_symlink()]


def open_inside(path: Path, root: Path | None) -> BinaryIO:
    """Open ``path`` for reading, refusing a link (``O_NOFOLLOW``), anything but a regular
    file, and (given ``root``, resolved) a file whose real path is outside ``root``."""
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        if path.is_symlink():
            message = "a symbolic link: links are never followed"
            raise RefusedFile(exc.errno, message, str(path)) from None
        raise
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise RefusedFile(0, "not a regular file", str(path))
        real = Path(os.readlink(f"/proc/self/fd/{fd}"))
        if root is not None and not real.is_relative_to(root):
            raise RefusedFile(0, "reached through a link out of the class folder", str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_inside(path: Path, root: Path | None) -> bytes:
    """The bytes of ``path``, opened as :func:`open_inside` does."""
    with open_inside(path, root) as handle:
        return handle.read()
