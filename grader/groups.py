"""Answer groups: a class's answers to each theory part, clustered by meaning, so that a TA
grades one group at a time (as Gradescope's answer groups do).

Prose parts (``concepts``, ``linear_attention``) are grouped by meaning. An answer is the mean
of its sentences' embeddings (the sentence model of :mod:`grader.theory.meaning`), centred on
the mean of the class's distinct answers (from ``MIN_CENTRED`` of them; fewer are each their
own group): every answer to a question shares its topic, and the centring leaves
what tells one answer from another. Two answers are as close as the cosine of their centred
vectors, plus ``SAME_FINDINGS_BONUS`` when the part's check found the same concepts and
misconceptions in both (what the answer says in the rubric's terms; a bonus rather than a
split, because the matcher reads some paraphrases differently). Groups are then merged,
closest pair first, while the mean closeness between their members (average linkage) is at
least ``GROUP_SIMILARITY``. The distinct answers are taken in sorted order and ties go to the
first pair, so the grouping is the same on every run. Math parts (the recurrence, norms,
attention outputs) are grouped by what the check parsed: the same values, the same group.

The two settings were chosen on ``bench/group_variants.py`` (8 variants of two questions, 6
paraphrases each), the set ``bench/groups_bench.py`` measures: its figure is not an
independent one. Sentence embeddings tell topics apart better than claims, so a group can
still hold two different answers: a group's ``scores`` show where its members' automatic
scores differ, and a TA should read those before deciding for the whole group.

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
MIN_CENTRED = 8  # distinct answers from which their mean is a topic worth centring on
GROUP_SIMILARITY = 0.2  # mean closeness between two groups' members from which they merge
SAME_FINDINGS_BONUS = 0.1  # added to two answers' closeness when their check found the same
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


def _vectors(answers: list[str]):
    """One unit vector per answer: the normalised mean of its sentences' embeddings,
    centred on the answers' mean and normalised again."""
    import torch

    from grader.theory import meaning

    sentences = [meaning.sentences(a) or [a[:400] or "(empty)"] for a in answers]
    flat = sorted({s for listed in sentences for s in listed})
    embedded = dict(zip(flat, meaning.embed(flat), strict=True))  # batched by length there
    rows = torch.stack([torch.stack([embedded[s] for s in listed]).mean(0) for listed in sentences])
    rows = torch.nn.functional.normalize(rows, dim=1)
    centred = rows - rows.mean(0)
    norms = centred.norm(dim=1, keepdim=True)
    # an answer at the centre itself has no direction: it is close to none
    return torch.where(norms > 1e-4, centred / norms.clamp(min=1e-12), torch.zeros_like(centred))


def _average_linkage(closeness) -> list[list[int]]:
    """Merge the closest two groups while their members' mean closeness is at least
    ``GROUP_SIMILARITY``; each group's members in index order."""
    import torch

    size = closeness.shape[0]
    between = closeness.double().clone()
    between.fill_diagonal_(float("-inf"))
    counts = [1] * size
    members = [[i] for i in range(size)]
    while size > 1:
        flat = int(torch.argmax(between))
        i, j = sorted(divmod(flat, between.shape[0]))
        if between[i, j] < GROUP_SIMILARITY:
            break
        merged = (between[i] * counts[i] + between[j] * counts[j]) / (counts[i] + counts[j])
        between[i], between[:, i] = merged, merged
        between[i, i] = float("-inf")
        between[j], between[:, j] = float("-inf"), float("-inf")
        counts[i] += counts[j]
        members[i] += members[j]
        members[j] = []
        size -= 1
    return [sorted(m) for m in members if m]


def _by_meaning(answers: list[str], findings: list[str]) -> tuple[list[list[int]], object]:
    """Groups of the distinct (answer, findings) pairs' indices, and their vectors. Under
    ``MIN_CENTRED`` distinct answers there is no class topic to centre on (two answers
    centred on their mean point opposite ways): each distinct answer is its own group, and
    a TA reads the few there are."""
    import torch

    if len(answers) < MIN_CENTRED:
        return [[i] for i in range(len(answers))], None
    vectors = _vectors(answers)
    same = torch.tensor([[a == b for b in findings] for a in findings], dtype=vectors.dtype)
    mistakes = [json.dumps(json.loads(f)[1]) for f in findings]
    apart = torch.tensor([[a != b for b in mistakes] for a in mistakes])
    closeness = vectors @ vectors.T + SAME_FINDINGS_BONUS * same
    return _average_linkage(closeness.masked_fill(apart, float("-inf"))), vectors


def _representative(indices: list[int], vectors) -> int:
    """The member closest to the group's centre (the first, without vectors)."""
    if vectors is None or len(indices) < 3:
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
    if check in MEANING_CHECKS:
        keys = [(_same_text(p.answer), _said_key(p)) for _, p in answered]
        distinct = sorted(set(keys))
        clusters, vectors = _by_meaning([a for a, _ in distinct], [k for _, k in distinct])
        where = {key: n for n, key in enumerate(distinct)}
        of_distinct: dict[int, list[int]] = {}
        for i, key in enumerate(keys):
            of_distinct.setdefault(where[key], []).append(i)
        groups_of = [[i for d in cluster for i in of_distinct[d]] for cluster in clusters]
        shown_of = [
            answers[of_distinct[_representative(cluster, vectors)][0]] for cluster in clusters
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
