"""Calibrate the thresholds of prose matched by meaning on a labelled set of sentences.

    python bench/calibrate_prose.py [--labels bench/calibration/prose.yaml]

The labelled set (written from the concept labels alone, blind to the grader and to its test
cases) says, for each sentence of a part, which of that part's concepts and misconceptions
it expresses. For every (sentence, concept) pair this computes the similarity the grader
uses (the best cosine between the sentence and the concept's statements in the problem
YAML) and prints, per threshold, the precision and recall of "similarity ≥ threshold"
against the labels. Chosen: the lowest ``match`` whose precision is at least 0.9 (a wrong
concept found costs a student nothing they earned but gives points not earned, so
precision comes first), ``near`` where recall reaches 0.9 (below it, sentences are seldom
the concept), and for misconceptions the lowest threshold with precision 0.95 (a
misconception costs points). The figures go in ``rubrics/meaning.yaml`` by hand, with the
date; the rest of the score comes from phrases, which this does not measure.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from grader.theory import meaning
from grader.theory.prose import load_concepts

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "calibration" / "prose.yaml"
PROBLEMS = ROOT / "rubrics" / "problems"


def part_rubrics() -> dict[tuple[str, str], object]:
    """(problem, part) -> the concept rubric of that part (concepts and misconceptions)."""
    found = {}
    for path in PROBLEMS.glob("*.yaml"):
        for part in yaml.safe_load(path.read_text())["parts"]:
            params = part.get("params", {})
            for holder in (params, params.get("meaning", {}), params.get("identity", {})):
                if isinstance(holder, dict) and holder.get("concepts"):
                    found[(path.stem, str(part["id"]))] = load_concepts(holder, path.name)
    return found


def pairs(labels: list[dict], rubrics: dict) -> tuple[list, list]:
    """(similarity, expressed) for concepts, and for misconceptions."""
    concepts, mistakes = [], []
    for row in labels:
        rubric = rubrics.get((row["problem"], str(row["part"])))
        if rubric is None:
            continue
        sentence = meaning.sentences(row["text"]) or [row["text"]]
        vectors = meaning.embed(sentence)
        for concept, bucket in [(c, concepts) for c in rubric.concepts] + [
            (m, mistakes) for m in rubric.misconceptions
        ]:
            best = meaning.closest(sentence, vectors, concept.statements)
            bucket.append((best.similarity, concept.id in row["expresses"]))
    return concepts, mistakes


def table(scored: list, thresholds: list[float]) -> list[tuple[float, float, float]]:
    """(threshold, precision, recall) per threshold."""
    rows = []
    positives = sum(label for _, label in scored) or 1
    for t in thresholds:
        chosen = [label for sim, label in scored if sim >= t]
        precision = sum(chosen) / len(chosen) if chosen else 1.0
        rows.append((t, precision, sum(chosen) / positives))
    return rows


def main() -> None:
    """Print the precision/recall tables and the chosen thresholds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    args = parser.parse_args()
    labels = yaml.safe_load(args.labels.read_text())["sentences"]
    concepts, mistakes = pairs(labels, part_rubrics())
    grid = [round(0.30 + 0.02 * i, 2) for i in range(30)]
    for name, scored, want in (("concepts", concepts, 0.9), ("misconceptions", mistakes, 0.95)):
        print(f"{name}: {len(scored)} pairs, {sum(lab for _, lab in scored)} expressed")
        rows = table(scored, grid)
        for t, p, r in rows:
            print(f"  ≥ {t:.2f}: precision {p:.2f}, recall {r:.2f}")
        best = next((t for t, p, _ in rows if p >= want), None)
        print(f"  lowest threshold with precision ≥ {want}: {best}")
        if name == "concepts":
            near = max((t for t, _, r in rows if r >= 0.9), default=None)
            print(f"  highest threshold with recall ≥ 0.9 (near): {near}")


if __name__ == "__main__":
    main()
