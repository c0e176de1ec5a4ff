"""Answer-groups benchmark: a synthetic class whose answers to two prose parts come in 8
distinct variants, each paraphrased (bench/group_variants.py), is graded with ``--groups``;
how many students land in their variant's group, and how long it takes.

A variant's group is the group that holds most of its students; a student lands right when
they are in their variant's group and that group is no other variant's (two variants merged
into one group count as wrong for the smaller one).

    python bench/groups_bench.py [--set dev|heldout|blind|blind2|blind3] [--every-cut]
                                 [--students 300] [--jobs 2] [--work DIR]

``--set heldout`` takes bench/group_variants_heldout.py: 8 other variants of the same two
questions, written by a helper from the homework statements alone, blind to the grader;
measured blind once, it has since been looked at (three misconceptions it showed entered
the rubric). ``--set blind`` takes bench/group_variants_blind.py, written the same way on
2026-12-07 by another helper and first graded after the method was fixed: its first figure
is the honest one. ``--set blind2``: a fourth set, written the same day by a third helper and
first graded after the rubric fixes the ``blind`` set showed. ``--set blind3``: a fifth,
written on 2026-12-07 by a fourth helper and first graded with the method and rubric as they
stood at 24f856b.

``--every-cut`` also scores every grouping average linkage goes through on the way, so the
share the best of them would give (were the cut chosen knowing the variants) shows how much
of the gap is the choice of cut and how much the closeness itself.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import group_variants  # noqa: E402
import group_variants_blind  # noqa: E402
import group_variants_blind2  # noqa: E402
import group_variants_blind3  # noqa: E402
import group_variants_heldout  # noqa: E402

from grader.gradebook import result_from_dict  # noqa: E402
from grader.groups import (  # noqa: E402
    answer_groups,
    distinct_answers,
    grouping,
    meaning_merges,
)
from grader.rubric import load_rubric  # noqa: E402

TEMPLATE = """# Assignment 2

## Problem 1

Unrolling gives h_T = x_T - x_(T-1) + x_(T-2) - ... so the output is
sigmoid(1000 * (sum of even-position inputs - sum of odd-position inputs)).

## Problem 2

(a) ||x1|| = sqrt(2) beta, ||x2|| = beta, ||x3|| = sqrt(2) beta.

(b) As beta grows, y1 -> x1, y2 -> x2 and y3 -> x3.

(c) {p2c}

## Problem 3

{p3}
"""

SETS = {
    "dev": group_variants.VARIANTS,
    "heldout": group_variants_heldout.VARIANTS,
    "blind": group_variants_blind.VARIANTS,
    "blind2": group_variants_blind2.VARIANTS,
    "blind3": group_variants_blind3.VARIANTS,
}


def write_class(
    folder: Path, students: int, variants: dict[str, list[dict]], seed: int = 7
) -> dict[str, dict[str, int]]:
    """One markdown file per student; returns each student's variant per part."""
    rng = random.Random(seed)
    truth: dict[str, dict[str, int]] = {}
    folder.mkdir(parents=True)
    for n in range(students):
        student = f"s{n:04d}"
        chosen = {part: rng.randrange(len(listed)) for part, listed in variants.items()}
        texts = {part: rng.choice(variants[part][v]["paraphrases"]) for part, v in chosen.items()}
        (folder / f"{student}.md").write_text(TEMPLATE.format(**texts), encoding="utf-8")
        truth[student] = chosen
    return truth


def landed(groups: list[dict], truth: dict[str, int]) -> int:
    """How many students are in their variant's group (see the module's docstring)."""
    of = {s: g["group"] for g in groups for s in g["students"]}
    owner: dict[str, tuple[int, int]] = {}  # group -> (variant, count) of its main variant
    mains = {}
    for variant in set(truth.values()):
        counts = Counter(of[s] for s, v in truth.items() if v == variant and s in of)
        if counts:
            group, count = counts.most_common(1)[0]
            mains[variant] = group
            if count > owner.get(group, (None, 0))[1]:
                owner[group] = (variant, count)
    return sum(
        1 for s, v in truth.items() if s in of and of[s] == mains.get(v) and owner[of[s]][0] == v
    )


def every_cut(results: list, part: str, truth: dict[str, int]) -> tuple[int, int, int, int]:
    """(landed, groups) of the grouping the silhouette keeps, and of the best grouping
    average linkage goes through on the way: how much a better choice of cut could give
    with the same closeness."""
    problem = next(
        pr.id for pr in load_rubric("hw2-2024").problems if any(p.id == part for p in pr.parts)
    )
    entries = [(r.student, r.problems[problem].parts[part]) for r in results]
    answered = [(s, p) for s, p in entries if p.answer.strip()]
    distinct, where = distinct_answers([p for _, p in answered])
    merges, chosen, _ = meaning_merges([a for a, _ in distinct], [f for _, f in distinct])
    cuts = []
    for n in range(len(merges) + 1):
        clusters = grouping(len(distinct), merges[:n])
        group_of = {d: g for g, members in enumerate(clusters) for d in members}
        groups: dict[int, list[str]] = {}
        for (student, _), d in zip(answered, where, strict=True):
            groups.setdefault(group_of[d], []).append(student)
        listed = [{"group": g, "students": m} for g, m in groups.items()]
        cuts.append((landed(listed, truth), len(listed)))
    best = max(range(len(cuts)), key=lambda n: cuts[n][0])
    return (*cuts[chosen], *cuts[best])


def main() -> None:
    """Write the class, grade it with --groups, print the share that landed right."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/grader-groups"))
    parser.add_argument(
        "--set",
        choices=sorted(SETS),
        default="dev",
        help="dev: the variants the method was chosen on; the others: written apart",
    )
    parser.add_argument(
        "--every-cut",
        action="store_true",
        help="also score every grouping average linkage goes through (the best cut's share)",
    )
    args = parser.parse_args()
    variants = SETS[args.set]
    shutil.rmtree(args.work, ignore_errors=True)
    truth = write_class(args.work / "class", args.students, variants)
    out = args.work / "out"
    command = [sys.executable, "-m", "grader", "grade", str(args.work / "class")]
    command += ["-a", "hw2-2024", "-o", str(out), "--no-run", "--no-reports", "--groups"]
    command += ["--jobs", str(args.jobs)]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    groups = json.loads((out / "groups.json").read_text())["parts"]
    for part in variants:
        right = landed(groups[part], {s: t[part] for s, t in truth.items()})
        print(
            f"{part}: {right} of {len(truth)} students in their variant's group "
            f"({100 * right / len(truth):.1f}%), {len(groups[part])} groups for "
            f"{len(variants[part])} variants"
        )
    print(f"grade --groups, {args.students} students, --jobs {args.jobs}: {seconds:.1f} s")
    saved = json.loads((out / "grades.json").read_text())["students"]
    results = [
        result_from_dict({k: v for k, v in s.items() if k not in ("flags", "digest")})
        for s in saved
    ]
    start = time.perf_counter()
    answer_groups(results, load_rubric("hw2-2024"))
    print(f"grouping alone (every theory part, one process): {time.perf_counter() - start:.1f} s")
    if args.every_cut:
        for part in variants:
            kept, kept_groups, best, best_groups = every_cut(
                results, part, {s: t[part] for s, t in truth.items()}
            )
            print(
                f"{part}: silhouette's cut {100 * kept / len(truth):.1f}% ({kept_groups} groups), "
                f"best cut on the way {100 * best / len(truth):.1f}% ({best_groups} groups)"
            )


if __name__ == "__main__":
    main()
