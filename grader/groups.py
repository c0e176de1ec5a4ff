"""Answer groups: a class's answers to each theory part, clustered by meaning, so that a TA
grades one group at a time (as Gradescope's answer groups do).

Prose parts (``concepts``, ``linear_attention``) are grouped by meaning in two steps: by
what the answer says in the rubric's terms (the concepts and misconceptions its check found),
then, among answers that say the same, by their wording's meaning: an answer is the mean of
its sentences' embeddings (the sentence model of :mod:`grader.theory.meaning`) and joins the
first group whose centroid is at least ``GROUP_SIMILARITY`` close, in student order (so the
grouping is the same on every run). Sentence embeddings alone tell topics apart better than
claims: "the softmax becomes one-hot, so it copies" and "attention averages, nothing is
copied" are closer than two paraphrases of the first. Math parts (the recurrence, norms,
attention outputs) are grouped by what the check parsed: the same values, the same group.

A group's id is a digest of its first member's answer, so it stays the same across reruns
while that answer does. A TA's decision on a group (``grader override --group``, or
``group:`` in overrides.yaml) records each member's answer digest; a rerun applies it to the
members whose answers did not change and flags the others (:mod:`grader.overrides`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from grader.output import write_atomic
from grader.results import StudentResult
from grader.rubric import Rubric

GROUPS_NAME = "groups.json"
MEANING_CHECKS = frozenset({"concepts", "linear_attention"})  # grouped by meaning
GROUP_SIMILARITY = 0.5  # cosine to a group's centroid from which an answer joins it
DIGEST_CHARS = 10


def answer_digest(answer: str) -> str:
    """The digest a group decision ties a member's answer to."""
    return hashlib.sha256(" ".join(answer.split()).encode()).hexdigest()[:DIGEST_CHARS]


@dataclass
class Group:
    """Students whose answers to one part say the same thing."""

    group: str
    students: list[str]
    representative: str  # the answer of the member closest to the group's centre
    scores: dict[str, float]  # each member's automatic score
    answers: dict[str, str] = field(default_factory=dict)  # member -> answer digest


def _automatic(part) -> float:
    """The part's automatic score (before any TA decision)."""
    return part.override["automatic_score"] if part.override else part.score


def _math_key(part) -> str:
    """What a math check parsed, as the evidence records it."""
    return json.dumps([e.get("found", "") for e in part.evidence], sort_keys=True)


def _said_key(part) -> str:
    """What a prose answer says in the rubric's terms: the concepts and misconceptions its
    check found (recorded in its first evidence's data)."""
    data = (part.evidence[0].get("data") or {}) if part.evidence else {}
    return json.dumps([data.get("concepts"), data.get("misconceptions")])


EMBED_BATCH = 64  # sentences embedded at a time, sorted by length (little padding)


def _vectors(answers: list[str]):
    """One unit vector per answer: the normalised mean of its sentences' embeddings."""
    import torch

    from grader.theory import meaning

    sentences = [meaning.sentences(a) or [a[:400] or "(empty)"] for a in answers]
    flat = sorted({s for listed in sentences for s in listed}, key=len)
    embedded = {}
    for start in range(0, len(flat), EMBED_BATCH):
        batch = flat[start : start + EMBED_BATCH]
        embedded.update(zip(batch, meaning.embed(batch), strict=True))
    rows = [torch.stack([embedded[s] for s in listed]).mean(0) for listed in sentences]
    return torch.nn.functional.normalize(torch.stack(rows), dim=1)


def _by_meaning(vectors) -> list[list[int]]:
    """Leader clustering: each answer joins the first group whose centroid is close enough."""
    members: list[list[int]] = []
    sums = []
    for i in range(len(vectors)):
        best, best_similarity = None, GROUP_SIMILARITY
        for g, total in enumerate(sums):
            similarity = float(vectors[i] @ (total / total.norm()))
            if similarity >= best_similarity:
                best, best_similarity = g, similarity
        if best is None:
            members.append([i])
            sums.append(vectors[i].clone())
        else:
            members[best].append(i)
            sums[best] += vectors[i]
    return members


def _representative(indices: list[int], vectors) -> int:
    """The member closest to the group's centre."""
    if len(indices) < 3:
        return indices[0]
    members = vectors[indices]
    return indices[int((members @ members.mean(0)).argmax())]


def part_groups(part_id: str, check: str, entries: list[tuple[str, object]]) -> list[Group]:
    """The groups of one part's answers: ``entries`` are (student, PartResult)."""
    answered = [(s, p) for s, p in entries if p.answer.strip()]
    if not answered:
        return []
    students = [s for s, _ in answered]
    answers = [p.answer for _, p in answered]
    key = _said_key if check in MEANING_CHECKS else _math_key
    keyed: dict[str, list[int]] = {}
    for i, (_, part) in enumerate(answered):
        keyed.setdefault(key(part), []).append(i)
    clusters = list(keyed.values())
    vectors = _vectors(answers) if check in MEANING_CHECKS else None
    if vectors is not None:
        clusters = [
            [same[j] for j in cluster]
            for same in clusters
            for cluster in _by_meaning(vectors[same])
        ]
    groups = []
    for indices in clusters:
        first = answers[indices[0]]
        shown = answers[_representative(indices, vectors)] if vectors is not None else first
        groups.append(
            Group(
                f"{part_id}-{answer_digest(first)}",
                [students[i] for i in indices],
                shown,
                {students[i]: _automatic(answered[i][1]) for i in indices},
                {students[i]: answer_digest(answers[i]) for i in indices},
            )
        )
    return sorted(groups, key=lambda g: (-len(g.students), g.group))


def answer_groups(results: list[StudentResult], rubric: Rubric) -> dict:
    """The content of groups.json: per theory part, its groups, largest first."""
    graded = [r for r in results if r.status == "graded"]
    parts = {}
    for problem in rubric.problems:
        if problem.kind != "theory":
            continue
        for part in problem.parts:
            entries = [
                (r.student, r.problems[problem.id].parts[part.id])
                for r in graded
                if problem.id in r.problems and part.id in r.problems[problem.id].parts
            ]
            parts[part.id] = [asdict(g) for g in part_groups(part.id, part.check, entries)]
    return {"assignment": rubric.id, "parts": parts}


def write_groups(results: list[StudentResult], rubric: Rubric, out_dir: Path) -> dict:
    """Write OUT/groups.json; return its content."""
    groups = answer_groups(results, rubric)
    write_atomic(out_dir / GROUPS_NAME, json.dumps(groups, indent=2, ensure_ascii=False) + "\n")
    return groups


def load_groups(out_dir: Path) -> dict:
    """OUT/groups.json as the last run wrote it ({} when there is none)."""
    try:
        return json.loads((out_dir / GROUPS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def find_group(groups: dict, group_id: str) -> tuple[str, dict] | None:
    """(part id, group) of a group id in a groups.json content."""
    for part_id, listed in groups.get("parts", {}).items():
        for group in listed:
            if group["group"] == group_id:
                return part_id, group
    return None
