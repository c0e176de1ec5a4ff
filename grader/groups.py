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
MAX_BY_MEANING = 4000  # distinct answers beyond which grouping would take minutes (~n³)
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


def _merges(closeness) -> list[tuple[int, int]]:
    """Average linkage: the merges, in order, of the closest two groups (the mean closeness
    between their members) while it is above 0, the closeness of an answer to the class's
    mean. A merge (i, j) puts group j into group i (i < j); groups are named by their
    lowest answer, and ties go to the first pair. Each group's closest other group is
    kept, and only the rows a merge made stale are searched again, so a class's n distinct
    answers take about n² steps rather than n³."""
    import torch

    size = closeness.shape[0]
    between = closeness.double().clone()
    between.fill_diagonal_(float("-inf"))
    counts = torch.ones(size, dtype=torch.double)
    nearest = torch.argmax(between, 1)  # each row's first closest column
    value = between.gather(1, nearest[:, None]).squeeze(1)
    merges = []
    for _ in range(size - 1):
        i = int(torch.argmax(value))
        j = int(nearest[i])
        if not value[i] > 0:  # no two groups share more than the topic
            break
        i, j = min(i, j), max(i, j)
        merged = (between[i] * counts[i] + between[j] * counts[j]) / (counts[i] + counts[j])
        between[i], between[:, i] = merged, merged
        between[i, i] = float("-inf")
        between[j], between[:, j] = float("-inf"), float("-inf")
        counts[i] += counts[j]
        value[j] = float("-inf")
        merges.append((i, j))
        stale = (nearest == i) | (nearest == j)
        stale[i] = True
        stale[j] = False
        rows = torch.nonzero(stale).squeeze(1)
        nearest[rows] = torch.argmax(between[rows], 1)
        value[rows] = between[rows, nearest[rows]]
        closer = ~stale & ((between[:, i] > value) | ((between[:, i] == value) & (i < nearest)))
        closer[j] = False
        nearest[closer] = i
        value[closer] = between[closer, i]
    return merges


def grouping(size: int, merges: list[tuple[int, int]]) -> list[list[int]]:
    """The groups of answer indices after ``merges``, each sorted, by their lowest answer."""
    members = [[i] for i in range(size)]
    for i, j in merges:
        members[i] += members[j]
        members[j] = []
    return [sorted(m) for m in members if m]


def _best_merges(closeness, merges: list[tuple[int, int]]) -> int:
    """How many of ``merges`` give the grouping with the best mean silhouette, with 1 -
    closeness as the distance: how much closer each answer is to its own group than to the
    nearest other (an answer alone scores 0; one group alone, -1). Ties go to the fewer
    merges. Each answer's summed distance to every group is kept up to date merge by merge,
    so each grouping costs answers x groups."""
    import torch

    size = closeness.shape[0]
    distance = 1 - closeness.double()
    totals = distance.clone()  # answer x group (named by its lowest answer)
    counts = torch.ones(size, dtype=torch.double)
    group_of = torch.arange(size)
    alive = torch.ones(size, dtype=torch.bool)
    self_distance = distance.diag()
    best, best_quality = 0, -1.0 if size < 2 else 0.0  # no merge: every answer alone
    for done, (i, j) in enumerate(merges, start=1):
        totals[:, i] += totals[:, j]
        counts[i] += counts[j]
        group_of[group_of == j] = i
        alive[j] = False
        columns = torch.nonzero(alive).squeeze(1)
        if len(columns) < 2:
            quality = -1.0
        else:
            own_count = counts[group_of]
            inside = (totals[torch.arange(size), group_of] - self_distance) / (own_count - 1).clamp(
                min=1
            )
            means = totals[:, columns] / counts[columns]
            means[columns[None, :] == group_of[:, None]] = float("inf")
            nearest = means.min(1).values
            width = torch.maximum(inside, nearest).clamp(min=1e-12)
            values = torch.where(
                own_count > 1, (nearest - inside) / width, torch.zeros_like(inside)
            )
            quality = float(values.mean())
        if quality > best_quality:
            best, best_quality = done, quality
    return best


def _by_meaning(answers: list[str], findings: list[str]) -> tuple[list[list[int]], object]:
    """Groups of the distinct (answer, findings) pairs' indices, and their closeness. Two
    answers in which the part's check found different misconceptions are never together;
    of the groupings average linkage goes through, the one with the best silhouette is kept.
    Under ``MIN_CENTRED`` distinct answers there is no class to measure against: each
    distinct answer is its own group, and a TA reads the few there are. Over
    ``MAX_BY_MEANING`` (3,000 take about 110 s on two cores) each is its own group too,
    so that one part cannot hold up a batch for hours."""
    if not MIN_CENTRED <= len(answers) <= MAX_BY_MEANING:
        return [[i] for i in range(len(answers))], None
    merges, chosen, close = meaning_merges(answers, findings)
    return grouping(len(answers), merges[:chosen]), close


def meaning_merges(
    answers: list[str], findings: list[str]
) -> tuple[list[tuple[int, int]], int, object]:
    """The merges average linkage goes through on distinct answers (never joining two whose
    check found different misconceptions), how many of them the silhouette keeps, and the
    answers' closeness. ``bench/groups_bench.py --every-cut`` reads every grouping on the way."""
    import torch

    from grader.answer_closeness import closeness

    close = closeness(answers)
    mistakes = [json.dumps(json.loads(f)[1]) for f in findings]
    apart = torch.tensor([[a != b for b in mistakes] for a in mistakes])
    merges = _merges(close.masked_fill(apart, float("-inf")))
    return merges, _best_merges(close, merges), close


def _representative(indices: list[int], close) -> int:
    """The member closest, on average, to the group's other members (the first, without
    closeness)."""
    if close is None or len(indices) < 3:
        return indices[0]
    within = close[indices][:, indices].sum(1)
    return indices[int(within.argmax())]


def distinct_answers(parts: list) -> tuple[list[tuple[str, str]], list[int]]:
    """The distinct (answer, findings) pairs of prose parts, sorted, and each part's index
    among them: what grouping by meaning clusters."""
    keys = [(_same_text(p.answer), _said_key(p)) for p in parts]
    distinct = sorted(set(keys))
    index = {key: n for n, key in enumerate(distinct)}
    return distinct, [index[key] for key in keys]


def part_groups(part_id: str, check: str, entries: list[tuple[str, object]]) -> list[Group]:
    """The groups of one part's answers: ``entries`` are (student, PartResult)."""
    answered = [(s, p) for s, p in entries if p.answer.strip()]
    if not answered:
        return []
    students = [s for s, _ in answered]
    answers = [p.answer for _, p in answered]
    if check in MEANING_CHECKS:
        distinct, where = distinct_answers([p for _, p in answered])
        clusters, close = _by_meaning([a for a, _ in distinct], [k for _, k in distinct])
        of_distinct: dict[int, list[int]] = {}
        for i, d in enumerate(where):
            of_distinct.setdefault(d, []).append(i)
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
