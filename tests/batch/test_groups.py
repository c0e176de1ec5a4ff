"""Answer groups (issue 5/5): a class's answers per theory part grouped by meaning, and one
TA decision for a whole group, kept across reruns only for members whose answers stay."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from conftest import run_cli

from grader.groups import answer_digest, part_groups
from grader.results import PartResult

COPY_RIGHT = (
    "As beta grows the scores blow up, so the softmax turns into an argmax: each token puts "
    "all its weight on the key it matches best, which is itself. The output is then that "
    "token's value, so attention copies the input."
)
COPY_PARAPHRASE = (
    "With a large beta the dot products become huge and the softmax is essentially one-hot. "
    "Every query attends only to its own key, so y_i is just x_i: the input is copied."
)
AVERAGE_WRONG = (
    "Attention always averages all the tokens with equal weights, so the outputs are blurred "
    "mixtures of the inputs and nothing is ever copied, however large beta is."
)


def _part(answer: str, score: float = 1.0, said: tuple = ("one_hot", "copies")) -> PartResult:
    """A concepts part as the check leaves it: what it found is in its evidence's data."""
    data = {"concepts": sorted(said), "misconceptions": []}
    evidence = [{"found": "", "expected": "", "reason": "", "data": data}]
    return PartResult(score, 1.0, "pass", [], evidence, answer=answer, check="concepts")


COPY_TERSE = (
    "Large beta makes the attention scores far apart, the softmax saturates on the matching "
    "key (the token itself) and the output equals that token: a copy."
)
AVERAGE_AGAIN = (
    "Self-attention just takes the plain average of all inputs with the same weight for "
    "each, so nothing gets copied even for a huge beta."
)
AVERAGE_BLEND = (
    "The outputs are always an even blend of every token, since attention weights are "
    "uniform; no token is ever copied, whatever beta is."
)
UNSURE = "I am not sure how to explain this part of the question."
POSITIONS = (
    "Attention copies because the positional encodings make every token unique, and the "
    "feed-forward layer then reproduces it."
)
CLAIMS = {  # four claims a class makes, each in several wordings
    "copies": [
        COPY_RIGHT,
        COPY_PARAPHRASE,
        COPY_TERSE,
        "For a big beta every score is huge and the gaps between them too, so the softmax is "
        "practically an argmax and picks the key that matches the query best: the token "
        "itself. Its value comes out unchanged, a copy of the input.",
        "Scores grow like beta squared; the softmax saturates and one weight goes to 1, the one "
        "on the token itself since x_i . x_i is the largest score in its row. So y_i is about "
        "x_i and the token is copied.",
    ],
    "averages": [
        AVERAGE_WRONG,
        AVERAGE_AGAIN,
        AVERAGE_BLEND,
        "However big beta gets, attention gives each token the same weight and outputs their "
        "mean, so the result is a blur of the inputs and never a copy.",
        "Attention weights are equal for all tokens, so every output is the uniform average of "
        "the inputs; nothing is copied even when beta is large.",
    ],
    "unsure": [
        UNSURE,
        "I don't know why attention would copy anything here, sorry.",
        "Not sure about this one, I ran out of time before I could work it out.",
        "No idea how to answer this part; I could not figure it out.",
    ],
    "positions": [
        POSITIONS,
        "The copy comes from the positional encodings: they make each token distinct, and the "
        "feed-forward block reproduces it at the output.",
        "Because of positional encoding each token is unique, so the MLP after attention can "
        "rebuild the token, which looks like copying.",
    ],
}


def test_paraphrases_share_a_group_and_a_different_answer_does_not() -> None:
    """A class of 17 answers making four claims: no group mixes two claims, the same answer
    shares a group, and paraphrases of one claim come together (all of one claim here)."""
    entries = [
        (f"{claim}{n}", _part(answer, 1.0 if claim == "copies" else 0.0, said=("one_hot",)))
        for claim, answers in CLAIMS.items()
        for n, answer in enumerate(answers)
    ]
    entries += [("again", _part(COPY_RIGHT)), ("eve", _part(""))]  # the same answer; none
    groups = part_groups("p2c", "concepts", entries)
    members = [set(g.students) for g in groups]
    assert sorted(s for m in members for s in m) == sorted(s for s, _ in entries[:-1])
    claim_of = {s: s.rstrip("0123456789") for s, _ in entries} | {"again": "copies"}
    assert all(len({claim_of[s] for s in m}) == 1 for m in members)  # no group mixes claims
    assert {"averages0", "averages1", "averages2", "averages3", "averages4"} in members
    assert {"unsure0", "unsure1", "unsure2", "unsure3"} in members
    copy = next(g for g in groups if "again" in g.students)
    assert "copies0" in copy.students
    assert copy.scores == {s: 1.0 for s in copy.students}
    assert copy.answers["again"] == answer_digest(COPY_RIGHT)
    assert copy.representative in {p.answer for s, p in entries if s in copy.students}
    assert copy.group == f"p2c-{answer_digest(COPY_RIGHT)}"  # stable while that answer stays


def test_math_answers_are_grouped_by_what_was_parsed() -> None:
    def parsed(value: str) -> PartResult:
        part = _part(f"The answer is {value}.")
        part.evidence = [{"found": value}]
        return part

    entries = [("a", parsed("||x1|| = √2 β")), ("b", parsed("||x1|| = √2 β")), ("c", parsed("2β"))]
    groups = part_groups("p2a", "norms", entries)
    assert [g.students for g in groups] == [["a", "b"], ["c"]]


THEORY = "# Assignment 2\n\n## Problem 2\n\n(a) ||x1|| = sqrt(2) beta.\n\n(c) {answer}\n"


def test_a_group_decision_covers_its_members_until_their_answers_change(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    folder.mkdir()
    rewrapped = COPY_RIGHT.replace(" so the ", "\nso the  ")  # the same answer, other spacing
    answers = {"ana": COPY_RIGHT, "ben": rewrapped, "cy": COPY_RIGHT, "dee": AVERAGE_WRONG}
    for student, answer in answers.items():
        (folder / f"{student}.md").write_text(THEORY.format(answer=answer))
    out = tmp_path / "out"
    grade = ["grade", str(folder), "-a", "hw2-2024", "-o", str(out), "--no-run", "--no-pdf"]
    first = run_cli(*grade, "--groups")
    assert first.returncode == 0, first.stderr
    groups = json.loads((out / "groups.json").read_text())["parts"]["p2c"]
    copying = next(g for g in groups if "ana" in g["students"])
    assert sorted(copying["students"]) == ["ana", "ben", "cy"]
    assert 'href="groups.html"' in (out / "index.html").read_text()
    assert copying["group"] in (out / "groups.html").read_text()

    decided = run_cli("override", "--group", copying["group"], "p2c", "0.25", "-o", str(out))
    assert decided.returncode == 0, decided.stderr
    assert "3 students" in decided.stdout
    wrong_part = run_cli("accept", "--group", copying["group"], "p3", "-o", str(out))
    assert wrong_part.returncode == 2 and "holds answers to p2c" in wrong_part.stderr

    (folder / "ben.md").write_text(THEORY.format(answer=AVERAGE_WRONG))  # ben rewrites it
    again = run_cli(*grade, "--groups")
    assert again.returncode == 0, again.stderr
    saved = {s["student"]: s for s in json.loads((out / "grades.json").read_text())["students"]}
    for student in ("ana", "cy"):
        part = saved[student]["problems"]["p2"]["parts"]["p2c"]
        assert part["status"] == "ta_graded" and part["score"] == 0.25
    ben = saved["ben"]["problems"]["p2"]["parts"]["p2c"]
    assert ben["status"] != "ta_graded" and "needs_review" in ben["flags"]
    assert f"taken out of group {copying['group']}" in ben["evidence"][-1]["reason"]
    assert saved["dee"]["problems"]["p2"]["parts"]["p2c"]["override"] is None


def test_the_groups_page_warns_where_a_groups_automatic_scores_differ() -> None:
    from grader.report.env import environment
    from grader.report.outputs import GROUPS_TEMPLATE
    from grader.rubric import load_rubric

    entries = [("ana", _part(COPY_RIGHT)), ("cy", _part(COPY_RIGHT, 0.5))]
    same = [("ana", _part(COPY_RIGHT)), ("cy", _part(COPY_RIGHT))]
    page = environment(None).get_template(GROUPS_TEMPLATE)

    def render(listed: list) -> str:
        parts = {"p2c": [asdict(g) for g in part_groups("p2c", "concepts", listed)]}
        return page.render(groups={"parts": parts}, rubric=load_rubric("hw2-2024"))

    assert "automatic scores of this group differ" in render(entries)
    assert "automatic scores of this group differ" not in render(same)


def test_a_few_distinct_answers_are_each_their_own_group_and_ids_stay_unique() -> None:
    """Under MIN_CENTRED distinct answers there is no class to measure against: the same answer
    (white space aside) shares a group, anything else is apart; ids never repeat."""
    entries = [
        ("ana", _part(COPY_RIGHT)),
        ("ben", _part(COPY_RIGHT.replace(" ", "  "))),
        ("cy", _part(COPY_PARAPHRASE)),
        ("dee", _part(COPY_RIGHT, said=("one_hot",))),  # the same text, read otherwise
    ]
    groups = part_groups("p2c", "concepts", entries)
    assert sorted(sorted(g.students) for g in groups) == [["ana", "ben"], ["cy"], ["dee"]]
    ids = [g.group for g in groups]
    assert len(set(ids)) == len(ids)
    assert {f"p2c-{answer_digest(COPY_RIGHT)}", f"p2c-{answer_digest(COPY_RIGHT)}-2"} <= set(ids)


def _naive_linkage(closeness) -> list[list[list[int]]]:
    """Average linkage by the book: every step searches all pairs of groups (n³). Each
    grouping on the way, from each answer alone on; ties go to the first pair."""
    groups = [[i] for i in range(len(closeness))]
    cuts = [[list(g) for g in groups]]
    while len(groups) > 1:
        pairs = [(a, b) for a in range(len(groups)) for b in range(a + 1, len(groups))]
        mean = {
            (a, b): sum(closeness[x][y] for x in groups[a] for y in groups[b])
            / (len(groups[a]) * len(groups[b]))
            for a, b in pairs
        }
        a, b = max(pairs, key=lambda p: (mean[p], -p[0], -p[1]))
        if not mean[(a, b)] > 0:
            break
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
        cuts.append(sorted(list(g) for g in groups))
    return cuts


def _naive_silhouette(closeness, groups: list[list[int]]) -> float:
    """The mean silhouette from its definition (distance 1 - closeness; alone: 0)."""
    if len(groups) < 2:
        return -1.0
    values = []
    for group in groups:
        for x in group:
            if len(group) == 1:
                values.append(0.0)
                continue
            inside = sum(1 - closeness[x][y] for y in group if y != x) / (len(group) - 1)
            nearest = min(
                sum(1 - closeness[x][y] for y in other) / len(other)
                for other in groups
                if other is not group
            )
            values.append((nearest - inside) / max(inside, nearest))
    return sum(values) / len(values)


def test_fast_linkage_and_silhouette_agree_with_their_definitions():
    """The kept-nearest linkage merges what the all-pairs one does, step by step, and the
    merge-by-merge silhouette picks the grouping the definition scores best: on random
    closeness (and one all-tied class, where the first pair goes first), with two answers
    that may never be together."""
    import random

    import torch

    from grader.groups import _best_merges, _merges, grouping

    rng = random.Random(5)
    for size, tied in [(2, False), (3, False), (4, True), (9, False), (24, False), (40, False)]:
        for _ in range(4):
            values = [[0.0] * size for _ in range(size)]
            for i in range(size):
                for j in range(i + 1, size):
                    values[i][j] = values[j][i] = 0.5 if tied else rng.uniform(-0.4, 0.9)
                values[i][i] = 1.0
            close = torch.tensor(values, dtype=torch.double)
            apart = torch.zeros(size, size, dtype=torch.bool)
            if size > 3:
                apart[0, 1] = apart[1, 0] = True
            linked = [
                [float("-inf") if apart[i, j] else values[i][j] for j in range(size)]
                for i in range(size)
            ]
            expected = _naive_linkage(linked)
            merges = _merges(close.masked_fill(apart, float("-inf")))
            got = [grouping(size, merges[:n]) for n in range(len(merges) + 1)]
            assert got == expected
            quality = [_naive_silhouette(values, cut) for cut in expected]
            best = max(range(len(quality)), key=lambda n: (round(quality[n], 9), -n))
            assert _best_merges(close, merges) == best
