"""The late policy: deadlines, time zones, grace, per-day penalty and the cut-off."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from grader.late import apply_late, late_policy
from grader.results import StudentResult
from grader.rubric import Rubric, load_rubric


@pytest.fixture(scope="module")
def base() -> Rubric:
    return load_rubric("hw2-2024")


def _policy(base: Rubric, **policy: object):
    return late_policy(replace(base, policy=policy))


def test_no_deadline_means_no_policy(base: Rubric) -> None:
    assert _policy(base) is None


def test_a_date_alone_is_due_at_the_end_of_that_day_in_the_given_zone(base: Rubric) -> None:
    policy = _policy(base, deadline="2024-03-08", timezone="America/New_York")
    assert policy.days_late(datetime(2024, 3, 8, 23, 0)) == 0  # naive: New York time
    assert policy.days_late(datetime(2024, 3, 9, 4, 30, tzinfo=UTC)) == 0  # 23:30 in New York
    assert policy.days_late(datetime(2024, 3, 9, 5, 30, tzinfo=UTC)) == 1


def test_grace_per_day_and_cut_off(base: Rubric) -> None:
    late = {"grace_minutes": 30, "per_day": 0.25, "max_days": 2}
    policy = _policy(base, deadline="2024-03-08T12:00:00+00:00", late=late)
    on_time = datetime(2024, 3, 8, 12, 20, tzinfo=UTC)
    assert policy.days_late(on_time) == 0
    assert policy.days_late(datetime(2024, 3, 8, 12, 31, tzinfo=UTC)) == 1
    assert policy.penalty(2) == 0.5 and policy.penalty(3) == 1.0  # past max_days: nothing

    result = StudentResult("ann", ["a.md"], "graded", None, 10.0, 15.0, {})
    apply_late(result, on_time, policy)
    assert result.late is None and result.total == 10.0
    apply_late(result, datetime(2024, 3, 10, 11, 0, tzinfo=UTC), policy)
    assert result.total == 5.0
    assert result.late["days_late"] == 2 and result.late["points_deducted"] == 5.0
    assert result.late["total_before_penalty"] == 10.0


def test_error_results_are_left_alone(base: Rubric) -> None:
    policy = _policy(base, deadline="2024-03-08", late={"per_day": 0.5})
    result = StudentResult("bob", [], "error", "broken", 0.0, 15.0, {})
    apply_late(result, datetime(2024, 4, 1, tzinfo=UTC), policy)
    assert result.late is None
