"""Grade a folder of expert-ranged submissions and print how many problem scores are in range.

    python bench/fidelity.py DIR [--corpus bench/corpus/real.yaml] [--no-run] [--verbose]

DIR holds ``<assignment>/<id>/<files>``, as ``bench/corpus/materialize.py`` lays out the real
dev corpus (third-party files: they never enter the repository, only their repository,
commit, path and the expert's ranges do). Per problem it prints the score, the range and
hit / miss (outside the range, flagged ``needs_review``) / silent (outside, unflagged), then
the rate. Exit status 1 when a silent miss remains.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from grader.checks.base import GradeOptions
from grader.fidelity import HIT, judge, summary
from grader.grade import grade_path
from grader.rubric import load_rubric

CORPUS = Path(__file__).parent / "corpus" / "real.yaml"


def load_corpus(path: Path) -> list[dict]:
    """The corpus records: id, assignment, repo, commit, paths, ranges, why."""
    records = yaml.safe_load(path.read_text())["submissions"]
    for record in records:
        record["ranges"] = {p: tuple(map(float, r)) for p, r in record["ranges"].items()}
    return records


def main(argv: list[str] | None = None) -> int:
    """Grade every materialised submission of the corpus and print the fidelity table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-run", action="store_true", help="never execute student code")
    parser.add_argument("--verbose", action="store_true", help="print the expert's reasons")
    args = parser.parse_args(argv)
    options = GradeOptions(run_code=not args.no_run)
    verdicts, absent = [], []
    start = time.monotonic()
    for record in load_corpus(args.corpus):
        folder = args.dir / record["assignment"] / record["id"]
        if not folder.is_dir():
            absent.append(record["id"])
            continue
        result = grade_path(folder, load_rubric(record["assignment"]), options)
        rows = judge(record["id"], result, record["ranges"], record.get("why"))
        for row in rows:
            print(row.line())
            if args.verbose and row.verdict != HIT:
                print(f"    expert: {row.why}")
        verdicts.extend(rows)
    counts = summary(verdicts)
    print(
        f"\n{counts['submissions']} submissions, {counts['problem_scores']} problem scores: "
        f"{counts['in_range']} in range ({counts['rate']:.0%}), "
        f"{counts['flagged_misses']} flagged misses, {counts['silent']} silent misses "
        f"({time.monotonic() - start:.0f} s)"
    )
    if absent:
        print(f"not materialised ({len(absent)}): {', '.join(absent)}", file=sys.stderr)
    return 1 if counts["silent"] else 0


if __name__ == "__main__":
    sys.exit(main())
