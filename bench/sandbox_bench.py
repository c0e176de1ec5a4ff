"""Mean seconds per submission for the function tests, cold and warm.

Cold: a new sandbox server (Python start, torch import, reference values) plus the first
submission. Warm: each further submission (one sandbox, one process per function).
Uses the two seed submissions in ../shared/seeds (or $GRADER_SEEDS) and every suite.

    .venv/bin/python bench/sandbox_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from grader.checks.base import GradeOptions
from grader.ingest import read_submission
from grader.paths import PROJECT_ROOT
from grader.sandbox import FunctionRequest, run_function_tests
from grader.sandbox.cases import suites
from grader.sandbox.client import server

SEEDS = Path(os.environ.get("GRADER_SEEDS", PROJECT_ROOT.parent / "shared" / "seeds"))


def main() -> None:
    """Print the cold and warm means."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="warm passes over the seeds")
    rounds = parser.parse_args().rounds
    documents = [read_submission(p) for p in sorted(SEEDS.glob("*.txt"))]
    requests = [FunctionRequest(s, s) for s in suites()]
    options = GradeOptions()
    start = time.perf_counter()
    run_function_tests(documents[0].blocks, requests, options)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(rounds):
        for document in documents:
            start = time.perf_counter()
            run_function_tests(document.blocks, requests, options)
            warm.append(time.perf_counter() - start)
    server().close()
    print(f"cores: {os.cpu_count()}; functions tested per submission: {len(requests)}")
    print(f"cold (new server + first submission): {cold:.2f} s")
    print(f"warm: mean {statistics.mean(warm):.3f} s per submission over {len(warm)} submissions")


if __name__ == "__main__":
    main()
