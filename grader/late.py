"""Late submissions: the rubric's deadline and penalty, applied to a student's total.

The policy is data, in the assignment's rubric YAML::

    policy:
      deadline: "2024-03-08T23:59:00-05:00"  # ISO 8601; without an offset, `timezone` applies
      timezone: America/New_York             # optional IANA zone (default: this machine's)
      late:
        grace_minutes: 15                    # optional, default 0
        per_day: 0.1                         # share of the earned score removed per started day
        max_days: 5                          # optional: later than this earns 0

Problem scores stay as graded; ``total`` is reduced and ``late`` in grades.json says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from grader.results import StudentResult, sum_points
from grader.rubric import Rubric, RubricError

LATE_KEYS = {"grace_minutes", "per_day", "max_days"}
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class LatePolicy:
    """A validated deadline and penalty."""

    deadline: datetime  # timezone-aware
    zone: tzinfo | None  # for times without one; None: this machine's local time
    grace: timedelta = timedelta(0)
    per_day: float = 0.0
    max_days: int | None = None

    def aware(self, moment: datetime) -> datetime:
        """A timestamp with a time zone (a naive one is taken in the policy's zone)."""
        return _aware(moment, self.zone)

    def days_late(self, submitted_at: datetime) -> int:
        """Started days after the deadline (and grace period); 0 when on time."""
        delay = self.aware(submitted_at) - self.deadline - self.grace
        return max(0, math.ceil(delay / timedelta(days=1)))

    def penalty(self, days: int) -> float:
        """The share of the earned score removed for ``days`` days late."""
        if self.max_days is not None and days > self.max_days:
            return 1.0
        return min(1.0, days * self.per_day)


def _number(where: str, key: str, value: object, integer: bool = False) -> float:
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value < 0:
        expected = "a whole number >= 0" if integer else "a number >= 0"
        raise RubricError(f"{where}: key '{key}' should be {expected}, got {value!r}")
    return value


def _aware(moment: datetime, zone: tzinfo | None) -> datetime:
    if moment.tzinfo:
        return moment
    return moment.replace(tzinfo=zone) if zone else moment.astimezone()


def _zone(where: str, name: object) -> tzinfo | None:
    if name is None:
        return None
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        raise RubricError(
            f"{where}: key 'policy.timezone' should be an IANA zone such as "
            f"America/New_York, got {name!r}"
        ) from None


def _deadline(where: str, value: object, zone: tzinfo | None) -> datetime:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            value = None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, END_OF_DAY)  # a date alone: due by the end of it
    if not isinstance(value, datetime):
        raise RubricError(
            f"{where}: key 'policy.deadline' should be an ISO 8601 date and time "
            f'such as "2024-03-08T23:59:00-05:00"'
        )
    return _aware(value, zone)


def late_policy(rubric: Rubric) -> LatePolicy | None:
    """The rubric's late policy, validated; None when it sets no deadline."""
    policy = rubric.policy
    where = str(rubric.path)
    if not isinstance(policy, dict):
        raise RubricError(f"{where}: key 'policy' should be a mapping")
    late = policy.get("late", {}) or {}
    if not isinstance(late, dict):
        raise RubricError(f"{where}: key 'policy.late' should be a mapping")
    unknown = sorted(set(late) - LATE_KEYS)
    if unknown:
        raise RubricError(
            f"{where}: unknown key 'policy.late.{unknown[0]}' (known: {', '.join(sorted(LATE_KEYS))})"
        )
    if "deadline" not in policy:
        if late:
            raise RubricError(f"{where}: key 'policy.late' needs 'policy.deadline'")
        return None
    zone = _zone(where, policy.get("timezone"))
    per_day = _number(where, "policy.late.per_day", late.get("per_day", 0))
    grace = _number(where, "policy.late.grace_minutes", late.get("grace_minutes", 0))
    max_days = late.get("max_days")
    if max_days is not None:
        max_days = int(_number(where, "policy.late.max_days", max_days, integer=True))
    return LatePolicy(
        deadline=_deadline(where, policy["deadline"], zone),
        zone=zone,
        grace=timedelta(minutes=grace),
        per_day=float(per_day),
        max_days=max_days,
    )


def apply_late(
    result: StudentResult, submitted_at: datetime | None, policy: LatePolicy | None
) -> None:
    """Take the late penalty off the result's total, in place (after any TA overrides)."""
    if policy is None or submitted_at is None or result.status != "graded":
        return
    days = policy.days_late(submitted_at)
    if days == 0:
        return
    share = policy.penalty(days)
    deducted = sum_points([result.total * share])
    late = {
        "submitted_at": policy.aware(submitted_at).isoformat(timespec="seconds"),
        "deadline": policy.deadline.isoformat(timespec="seconds"),
        "days_late": days,
        "penalty": share,
        "points_deducted": deducted,
        "total_before_penalty": result.total,
    }
    result.total = sum_points([result.total, -deducted])
    result.late = late
