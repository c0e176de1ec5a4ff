"""Where a run's data came from: the folder, a checksum of the bytes read, synthetic or not."""

from __future__ import annotations

import hashlib
from pathlib import Path

# A data folder written by ``reference.data.synthetic`` holds this file; its text is copied
# into the results so that a run on generated data says so plainly.
SYNTHETIC_MARKER = "SYNTHETIC.txt"


class Checksum:
    """SHA-256 over (relative name, content) pairs, added in a fixed order."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.files = 0

    def add(self, name: str, content: bytes) -> None:
        """Fold one file into the checksum."""
        self._hash.update(name.encode("utf-8") + b"\0")
        self._hash.update(len(content).to_bytes(8, "little"))
        self._hash.update(content)
        self.files += 1

    def hexdigest(self) -> str:
        """``sha256:<hex>``."""
        return f"sha256:{self._hash.hexdigest()}"


def data_record(data_dir: Path, path: Path, checksum: Checksum) -> dict:
    """The results file's ``data`` entry for the files read under ``path``."""
    marker = data_dir / SYNTHETIC_MARKER
    synthetic = marker.is_file()
    record = {
        "path": str(path.resolve()),
        "checksum": checksum.hexdigest(),
        "files": checksum.files,
        "synthetic": synthetic,
    }
    if synthetic:
        record["note"] = (
            "SYNTHETIC DATA, not the real dataset: " + marker.read_text(encoding="utf-8").strip()
        )
    return record
