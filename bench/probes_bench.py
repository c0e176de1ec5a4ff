"""Misconception-probe benchmark: wrong answers written blind (bench/misconception_probes.py),
each with the most a strict TA would give, graded by the part's own check alone.

A probe graded above its cap is an over-grade; one that is also not flagged
``needs_review`` is a silent miss, the worst bug this grader can have.

    python bench/probes_bench.py [-v]

``-v`` lists every over-grade, not only the silent ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import misconception_probes  # noqa: E402

from grader.checks.base import CheckContext  # noqa: E402
from grader.checks.registry import get_check  # noqa: E402
from grader.document import Block, Document  # noqa: E402
from grader.results import FLAG_REVIEW, CheckOutcome  # noqa: E402
from grader.rubric import load_rubric  # noqa: E402

PARTS = {  # probe question -> (assignment, part id)
    "p2c": ("hw2-2024", "p2c"),
    "p3": ("hw2-2024", "p3"),
    "cnn": ("hw3-2023", "p1a"),
    "rnn": ("hw3-2023", "p1b"),
}


def graded(assignment: str, part_id: str, answer: str) -> CheckOutcome:
    """The part's check run on ``answer`` as the whole of the part's text."""
    rubric = load_rubric(assignment)
    problem, spec = next((p, s) for p in rubric.problems for s in p.parts if s.id == part_id)
    document = Document("probe", ["answer"])
    document.add([Block("prose", answer, "answer", "md")])
    ctx = CheckContext(spec, problem, document, document.blocks, document.blocks)
    return get_check(spec.check)(ctx)


def main() -> None:
    """Grade every probe; print the over-grades and the count of silent ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", action="store_true", help="list flagged over-grades too")
    args = parser.parse_args()
    total = over = silent = 0
    for question, probes in misconception_probes.PROBES.items():
        assignment, part_id = PARTS[question]
        for probe in probes:
            for n, answer in enumerate(probe["paraphrases"]):
                result = graded(assignment, part_id, answer)
                total += 1
                if result.fraction <= probe["max_fraction"] + 1e-9:
                    continue
                over += 1
                flagged = FLAG_REVIEW in result.flags
                silent += not flagged
                if args.v or not flagged:
                    print(
                        f"{'over' if flagged else 'SILENT'} {question}/{probe['label']}/{n}: "
                        f"{result.fraction:.2f} > {probe['max_fraction']}"
                    )
    print(f"{total} probes: {over} graded above the TA's cap, {silent} of them not flagged")


if __name__ == "__main__":
    main()
