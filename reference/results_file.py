"""Results files: one JSON object per run, written atomically (never half a file)."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from .errors import ReferenceSetupError
from .training.epochs import TrainOutcome
from .training.runtime import Runtime, device_name, versions

REQUIRED_KEYS = (
    "task",
    "config",
    "seed",
    "device",
    "versions",
    "data",
    "params",
    "epochs",
    "test",
)


def build_results(
    task: str, config: dict, seed: int, runtime: Runtime, data: dict, outcome: TrainOutcome
) -> dict:
    """The results object: the contract's keys first, then timings and run details."""
    return {
        "task": task,
        "config": config,
        "seed": seed,
        "device": device_name(runtime.device),
        "versions": versions(),
        "data": data,
        "params": outcome.params,
        "epochs": outcome.epochs,
        "test": outcome.test,
        "runtime": runtime.describe(),
        "details": outcome.extra,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def check_writable(path: Path) -> None:
    """Fail before training, not after it, when ``path`` cannot be written."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReferenceSetupError(f"--out {path}: cannot create {folder} ({exc})") from exc
    if path.is_dir() or not os.access(folder, os.W_OK):
        raise ReferenceSetupError(f"--out {path}: not a writable file path; choose another")


def write_results(path: Path, results: dict) -> None:
    """Write ``results`` as JSON to ``path`` through a temporary file and a rename."""
    check_writable(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(results, stream, indent=2)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
