"""Lay the real dev corpus out as ``DIR/<assignment>/<id>/<file>`` from fetched repositories.

    python bench/corpus/materialize.py DIR [--mirrors /work/.mirror]

The corpus (``bench/corpus/real.yaml``) records only where each third-party submission is:
repository, commit and paths. Fetch each repository first (the search tool's ``fetch``
brings it to ``/work/.mirror/<owner>+<name>/``); this script reads the files out of those
git directories at the recorded commit. Nothing it writes belongs in the repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

CORPUS = Path(__file__).parent / "real.yaml"


def git_dir(mirrors: Path, repo: str) -> Path | None:
    """The git directory of a fetched repository, if it is here."""
    base = mirrors / repo.replace("/", "+")
    for candidate in [base, *sorted(base.glob("*"))] if base.is_dir() else []:
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    """Write every recorded submission's files; name the repositories that are not fetched."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    missing = set()
    for record in yaml.safe_load(args.corpus.read_text())["submissions"]:
        gdir = git_dir(args.mirrors, record["repo"])
        if gdir is None:
            missing.add(record["repo"])
            continue
        target = args.dir / record["assignment"] / record["id"]
        target.mkdir(parents=True, exist_ok=True)
        for path in record["paths"]:
            blob = subprocess.run(
                ["git", f"--git-dir={gdir}", "show", f"{record['commit']}:{path}"],
                capture_output=True,
                check=True,
            ).stdout
            (target / Path(path).name).write_bytes(blob)
    for repo in sorted(missing):
        print(f"not fetched: {repo} (fetch github:{repo} first)", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
