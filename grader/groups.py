"""Answer groups: a class's answers to each theory part, clustered by meaning, so that a TA
grades one group at a time (as Gradescope's answer groups do).

Prose parts (``concepts``, ``linear_attention``) are grouped by what they say. Two distinct
answers are as close as :mod:`grader.answer_closeness` measures them against the class
(words, character runs, and each sentence's best-matched counterpart by meaning). Groups are
merged, closest pair first (average linkage), and of the groupings on the way the one with
the best silhouette is kept: no threshold to set, the class's own spread decides how many
groups there are. Two answers in which the part's check found different misconceptions are
never in one group. With fewer than ``MIN_CENTRED`` distinct answers there is no class to
measure against: each is its own group. The distinct answers are taken in sorted order and
ties go to the first pair, so the grouping is the same on every run. Math parts (the
recurrence, norms, attention outputs) are grouped by what the check parsed: the same values,
the same group.

The method was chosen on ``bench/group_variants.py`` (8 variants of two questions, 6
paraphrases each) and measured again on ``bench/group_variants_heldout.py`` (8 other
variants, written blind to this code and never tuned on): see the README for both figures.
Answers that differ by one claim among several still share a group at times, so a group's
``scores`` show where its members' automatic scores differ, and a TA should read those
before deciding for the whole group.

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
MIN_CENTRED = 16  # distinct answers from which the class is a topic worth measuring against
DIGEST_CHARS = 10


def _same_text(answer: str) -> str:
    """An answer with its runs of white space made one space: what "the same answer" means."""
    return " ".join(answer.split())


def answer_digest(answer: str) -> str:
    """The digest a group decision ties a member's answer to."""
    return hashlib.sha256(_same_text(answer).encode()).hexdigest()[:DIGEST_CHARS]


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


def _cuts(closeness) -> list[list[list[int]]]:
    """Average linkage: merge the closest two groups (the mean closeness between their
    members) while it is above 0, the closeness of an answer to the class's mean; every
    grouping on the way, from each answer alone on."""
    import torch

    size = closeness.shape[0]
    between = closeness.double().clone()
    between.fill_diagonal_(float("-inf"))
    counts = [1] * size
    members = [[i] for i in range(size)]
    cuts = [[[i] for i in range(size)]]
    for _ in range(size - 1):
        flat = int(torch.argmax(between))
        i, j = sorted(divmod(flat, size))
        if between[i, j] <= 0:  # no two groups share more than the topic
            break
        merged = (between[i] * counts[i] + between[j] * counts[j]) / (counts[i] + counts[j])
        between[i], between[:, i] = merged, merged
        between[i, i] = float("-inf")
        between[j], between[:, j] = float("-inf"), float("-inf")
        counts[i] += counts[j]
        members[i] += members[j]
        members[j] = []
        cuts.append([sorted(m) for m in members if m])
    return cuts


def _silhouette(closeness, groups: list[list[int]]) -> float:
    """The mean silhouette of a grouping, with 1 - closeness as the distance: how much closer
    each answer is to its own group than to the nearest other (an answer alone scores 0)."""
    import torch

    size = closeness.shape[0]
    if len(groups) < 2:
        return -1.0
    distance = 1 - closeness.double()
    member_of = torch.zeros(size, len(groups), dtype=torch.double)
    for g, indices in enumerate(groups):
        member_of[indices, g] = 1
    counts = member_of.sum(0)
    totals = distance @ member_of  # answer x group: summed distance to the group's members
    own = member_of.bool()
    own_count = counts.expand(size, -1)[own]
    inside = (totals[own] - distance.diag()) / (own_count - 1).clamp(min=1)
    nearest = (totals / counts).masked_fill(own, float("inf")).min(1).values
    width = torch.maximum(inside, nearest).clamp(min=1e-12)
    values = torch.where(own_count > 1, (nearest - inside) / width, torch.zeros_like(inside))
    return float(values.mean())


def _by_meaning(answers: list[str], findings: list[str]) -> tuple[list[list[int]], object]:
    """Groups of the distinct (answer, findings) pairs' indices, and their closeness. Two
    answers in which the part's check found different misconceptions are never together;
    of the groupings average linkage goes through, the one with the best silhouette is kept.
    Under ``MIN_CENTRED`` distinct answers there is no class to measure against: each
    distinct answer is its own group, and a TA reads the few there are."""
    import torch

    from grader.answer_closeness import closeness

    if len(answers) < MIN_CENTRED:
        return [[i] for i in range(len(answers))], None
    close = closeness(answers)
    mistakes = [json.dumps(json.loads(f)[1]) for f in findings]
    apart = torch.tensor([[a != b for b in mistakes] for a in mistakes])
    cuts = _cuts(close.masked_fill(apart, float("-inf")))
    quality = [_silhouette(close, cut) for cut in cuts]
    return cuts[max(range(len(cuts)), key=lambda n: (quality[n], -n))], close


def _representative(indices: list[int], close) -> int:
    """The member closest, on average, to the group's other members (the first, without
    closeness)."""
    if close is None or len(indices) < 3:
        return indices[0]
    within = close[indices][:, indices].sum(1)
    return indices[int(within.argmax())]


def part_groups(part_id: str, check: str, entries: list[tuple[str, object]]) -> list[Group]:
    """The groups of one part's answers: ``entries`` are (student, PartResult)."""
    answered = [(s, p) for s, p in entries if p.answer.strip()]
    if not answered:
        return []
    students = [s for s, _ in answered]
    answers = [p.answer for _, p in answered]
    if check in MEANING_CHECKS:
        keys = [(_same_text(p.answer), _said_key(p)) for _, p in answered]
        distinct = sorted(set(keys))
        clusters, close = _by_meaning([a for a, _ in distinct], [k for _, k in distinct])
        where = {key: n for n, key in enumerate(distinct)}
        of_distinct: dict[int, list[int]] = {}
        for i, key in enumerate(keys):
            of_distinct.setdefault(where[key], []).append(i)
        groups_of = [[i for d in cluster for i in of_distinct[d]] for cluster in clusters]
        shown_of = [
            answers[of_distinct[_representative(cluster, close)][0]] for cluster in clusters
        ]
    else:
        keyed: dict[str, list[int]] = {}
        for i, (_, part) in enumerate(answered):
            keyed.setdefault(_math_key(part), []).append(i)
        groups_of = list(keyed.values())
        shown_of = [answers[indices[0]] for indices in groups_of]
    groups = []
    taken: set[str] = set()
    for indices, shown in zip(groups_of, shown_of, strict=True):
        indices = sorted(indices)
        base = f"{part_id}-{answer_digest(answers[indices[0]])}"
        group_id, n = base, 1
        while group_id in taken:  # the same answer in two groups (told apart by its findings)
            n += 1
            group_id = f"{base}-{n}"
        taken.add(group_id)
        groups.append(
            Group(
                group_id,
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
