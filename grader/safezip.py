"""Read an LMS bulk-download zip without trusting it.

Every member is checked before a byte is written: no absolute paths or ``..`` (path
traversal), no links, no encryption, sizes within limits, and a bounded compression ratio
(zip bombs). Sizes are enforced again while decompressing, since a zip's header may lie.
A broken archive, a path out of it or a total over the limit refuses the whole archive; a
member that is a link, encrypted, too large or a bomb is refused alone (:attr:`Member.problem`),
so that it costs one student, not the class.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 256 * 1024**2
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 200  # uncompressed / compressed, beyond which a member is a zip bomb
_CHUNK = 1 << 20
_SKIPPED_DIRS = {"__MACOSX"}


class UnsafeZipError(Exception):
    """The archive is broken or could harm the machine; the message names it and the member."""


@dataclass(frozen=True)
class Member:
    """One regular file of the archive, with its checked relative path."""

    info: zipfile.ZipInfo
    parts: tuple[str, ...]  # path components, none of them "..", "." or empty
    modified: datetime  # as recorded in the zip (naive, like `unzip` reads it)
    problem: str | None = None  # why this member is not extracted (a link, a zip bomb)


def _checked_parts(archive: Path, info: zipfile.ZipInfo) -> tuple[str, ...]:
    name = info.filename.replace("\\", "/")
    path = PurePosixPath(name)
    if path.is_absolute() or (path.parts and ":" in path.parts[0]):
        raise UnsafeZipError(f"{archive}: member '{name}' has an absolute path; refusing it")
    if any(part in ("..", ".") for part in path.parts):
        raise UnsafeZipError(f"{archive}: member '{name}' points outside the archive; refusing it")
    return path.parts


def _member_problem(archive: Path, info: zipfile.ZipInfo) -> str | None:
    """Why one member is refused (it alone), or None."""
    name = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"{archive}: member '{name}' is a symbolic link; refusing it"
    if info.flag_bits & 0x1:
        return f"{archive}: member '{name}' is encrypted; download it unencrypted"
    if info.file_size > MAX_MEMBER_BYTES:
        return f"{archive}: member '{name}' is {info.file_size} bytes, more than {MAX_MEMBER_BYTES}"
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > MAX_RATIO:
        return (
            f"{archive}: member '{name}' expands {ratio:.0f} times its compressed size "
            f"({info.compress_size} to {info.file_size} bytes, more than {MAX_RATIO} times); "
            "refusing a possible zip bomb"
        )
    return None


def members(archive: Path) -> list[Member]:
    """The archive's files after every check; raise :class:`UnsafeZipError` if the archive
    as a whole fails one (a member that fails alone has a ``problem``)."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsafeZipError(f"{archive}: not a readable zip archive ({exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise UnsafeZipError(f"{archive}: {len(infos)} members, more than {MAX_MEMBERS}")
    found, total = [], 0
    for info in infos:
        parts = _checked_parts(archive, info)
        if info.is_dir() or not parts or parts[0] in _SKIPPED_DIRS:
            continue
        if any(p.startswith(".") for p in parts):
            continue
        problem = _member_problem(archive, info)
        total += 0 if problem else info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeZipError(f"{archive}: expands to more than {MAX_TOTAL_BYTES} bytes")
        found.append(Member(info, parts, datetime(*info.date_time), problem))
    return found


def extract(archive: Path, member: Member, target: Path) -> None:
    """Write one checked member to ``target``, stopping if it exceeds its declared size."""
    written = 0
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            zipfile.ZipFile(archive) as zf,
            zf.open(member.info) as source,
            target.open("wb") as out,
        ):
            for chunk in _chunks(source):
                written += len(chunk)
                if written > member.info.file_size:
                    raise UnsafeZipError(
                        f"{archive}: member '{member.info.filename}' is larger than its header says"
                    )
                out.write(chunk)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsafeZipError(
            f"{archive}: member '{member.info.filename}' is corrupt ({exc})"
        ) from None


def _chunks(source: zipfile.ZipExtFile) -> Iterator[bytes]:
    while chunk := source.read(_CHUNK):
        yield chunk
