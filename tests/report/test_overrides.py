"""TA overrides: the file format, how a regrade applies them, and ``grader override``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import Result
from reportkit import failed_cleanly, grade_all, hw2, run_cli, write_class

from grader.output import write_gradebook
from grader.overrides import (
    Override,
    OverrideError,
    apply_overrides,
    load_overrides,
    save_override,
)
from grader.results import FLAG_REVIEW, TA_GRADED


@pytest.fixture
def results(tmp_path: Path) -> list:
    folder = write_class(tmp_path / "class")
    return grade_all(sorted(folder.iterdir()), hw2())


def test_applied_override_replaces_the_score_and_keeps_the_automatic_verdict(results) -> None:
    tess = next(r for r in results if r.student == "tess")
    part = tess.problems["p1"].parts["p1"]
    before_total, before_status = tess.total, part.status
    assert FLAG_REVIEW in part.flags
    warnings = apply_overrides(results, [Override("tess", "p1", 2.5, "Right idea, sign slip.")])
    assert warnings == []
    assert part.score == 2.5 and part.status == TA_GRADED
    assert part.override == {
        "score": 2.5,
        "comment": "Right idea, sign slip.",
        "automatic_score": 0.0,
        "automatic_status": before_status,
        "accepted": False,
    }
    assert FLAG_REVIEW not in part.flags
    assert tess.problems["p1"].score == 2.5 and tess.total == pytest.approx(before_total + 2.5)
    apply_overrides(results, [Override("tess", "p1", 1.0)])  # a later decision, same base
    assert part.override["automatic_score"] == 0.0 and tess.total == pytest.approx(before_total + 1)


def test_accepting_keeps_the_automatic_score_as_the_tas_decision(results) -> None:
    tess = next(r for r in results if r.student == "tess")
    problem, part_id = next(
        (p, pid)
        for p in tess.problems.values()
        for pid, part in p.parts.items()
        if FLAG_REVIEW in part.flags
    )
    part, before_total = problem.parts[part_id], tess.total
    automatic = (part.score, part.status)
    assert apply_overrides(results, [Override("tess", part_id, None, "ok", accept=True)]) == []
    assert (part.score, part.status, FLAG_REVIEW in part.flags) == (automatic[0], TA_GRADED, False)
    assert part.override["accepted"] and part.override["automatic_status"] == automatic[1]
    assert tess.total == pytest.approx(before_total)


def test_overrides_that_do_not_fit_are_skipped_with_a_warning(results) -> None:
    warnings = apply_overrides(
        results,
        [
            Override("nobody", "p1", 1),
            Override("broken", "p1", 1),
            Override("tess", "p9", 1),
            Override("tess", "p1", 99),
        ],
    )
    assert len(warnings) == 4
    assert "not in this batch" in warnings[0] and "could not be graded" in warnings[1]
    assert "no part p9" in warnings[2] and "exceeds the part's 3 points" in warnings[3]


def test_file_round_trip_and_clear_errors(tmp_path: Path) -> None:
    path = tmp_path / "overrides.yaml"
    assert load_overrides(path) == []
    save_override(path, Override("s1", "p1", 2, "first"))
    save_override(path, Override("s2", "p2a", 0.5))
    save_override(path, Override("s1", "p1", 3, "second thoughts"))
    assert load_overrides(path) == [
        Override("s2", "p2a", 0.5),
        Override("s1", "p1", 3, "second thoughts"),
    ]
    for text, message in [
        ("- {student: s1, part: p1, score: -1}", r"overrides.yaml: entry 1: score should be a"),
        ("- {student: s1, score: 1}", "entry 1: missing part"),
        ("- {student: s1, part: p1}", "entry 1: give either a score or accept: true"),
        ("- {student: s1, part: p1, score: 1, accept: true}", "give either a score or accept"),
        ("- {student: s1, part: p1, scor: 1}", "unknown key 'scor'"),
        ("- {group: g1, part: p1, score: 1}", "a group's decision needs its members"),
        ("- {group: g1, student: s1, part: p1, score: 1}", "either a student or a group"),
    ]:
        path.write_text(text + "\n")
        with pytest.raises(OverrideError, match=message):
            load_overrides(path)
    save_override(path.with_name("a.yaml"), Override("s1", "p1", None, accept=True))
    assert load_overrides(path.with_name("a.yaml")) == [Override("s1", "p1", None, accept=True)]
    path.write_text("student: [\n")
    with pytest.raises(OverrideError, match="not valid YAML"):
        load_overrides(path)


def test_override_command_checks_against_the_last_grades(results, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_gradebook(results, hw2(), out)

    def override(*args: str) -> Result:
        return run_cli("override", *args, "-o", out)

    done = override("tess", "p5.q1a", "0.25", "--comment", "checked")
    assert done.exit_code == 0, done.stderr
    saved = yaml.safe_load((out / "overrides.yaml").read_text())
    assert saved == [{"student": "tess", "part": "p5.q1a", "score": 0.25, "comment": "checked"}]
    for args, message in [
        (("nobody", "p1", "1"), "no student 'nobody'"),
        (("tess", "p9", "1"), "no part 'p9'"),
        (("tess", "p1", "4"), "exceeds the part's 3 points"),
    ]:
        refused = override(*args)
        assert failed_cleanly(refused) and message in refused.stderr
    assert json.loads((out / "grades.json").read_text())["students"]  # untouched
    assert len(yaml.safe_load((out / "overrides.yaml").read_text())) == 1
    accepted = run_cli("accept", "tess", "p1", "-o", out)
    assert accepted.exit_code == 0, accepted.stderr
    assert yaml.safe_load((out / "overrides.yaml").read_text())[-1] == {
        "student": "tess",
        "part": "p1",
        "accept": True,
        "comment": "",
    }
    assert failed_cleanly(refused := run_cli("accept", "tess", "p9", "-o", out))
    assert "no part 'p9'" in refused.stderr
