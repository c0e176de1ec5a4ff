"""The Gradescope autograder zip: ``setup.sh``, ``run_autograder`` and this project's source.

Gradescope unpacks the zip into ``/autograder/source``, runs ``setup.sh`` once to build the
image, then ``run_autograder`` per submission. The scripts live in
``templates/gradescope/``; ``ASSIGNMENT`` names the rubric they grade against.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from grader.paths import PROJECT_ROOT
from grader.report.env import template_file
from grader.rubric import Rubric

SCRIPTS = ("setup.sh", "run_autograder")
SOURCE_DIR = "grader-src"  # where the project sits inside the zip
SOURCE_ITEMS = ("pyproject.toml", "README.md", "grader", "reference", "rubrics", "templates")
SKIP = ("__pycache__", ".pyc", ".egg-info")
EXECUTABLE = 0o100755 << 16  # zip external attributes of an executable regular file


def _source_files(root: Path) -> list[Path]:
    files = []
    for item in SOURCE_ITEMS:
        path = root / item
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files += [p for p in candidates if not any(s in p.as_posix() for s in SKIP)]
    return files


def _add(archive: zipfile.ZipFile, name: str, data: bytes, executable: bool = False) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = EXECUTABLE if executable else 0o100644 << 16
    archive.writestr(info, data)


def build_autograder(
    rubric: Rubric, target: Path, templates_dir: Path | None = None, root: Path = PROJECT_ROOT
) -> Path:
    """Write the autograder zip for ``rubric`` to ``target``; return its path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w") as archive:
        for script in SCRIPTS:
            path = template_file(f"gradescope/{script}", templates_dir)
            _add(archive, script, path.read_bytes(), executable=True)
        _add(archive, "ASSIGNMENT", f"{rubric.id}\n".encode())
        for path in _source_files(root):
            name = f"{SOURCE_DIR}/{path.relative_to(root).as_posix()}"
            _add(archive, name, path.read_bytes())
    return target
