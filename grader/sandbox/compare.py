"""Compare a student's observations with the reference's, check by check."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

SHOWN_ITEMS = 6  # items of a long list shown in a report
SHOWN_CHARS = 300


@dataclass(frozen=True)
class Verdict:
    """The outcome of one reference test."""

    name: str
    passed: bool
    given: str  # the input, in words
    expected: str
    found: str
    reason: str


def show(value: Any) -> str:
    """A short rendering of an observed value for a report."""
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list):
        items = ", ".join(show(v) for v in value[:SHOWN_ITEMS])
        more = f", … ({len(value)} values)" if len(value) > SHOWN_ITEMS else ""
        return f"[{items}{more}]"
    text = str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _numbers(value: Any) -> list[float] | None:
    items = value if isinstance(value, list) else [value]
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in items):
        return [float(v) for v in items]
    return None


def _difference(want: Any, got: Any, tolerance: float) -> str | None:
    """Why ``got`` is not ``want`` (within ``tolerance`` for numbers), or None if it is."""
    wanted, found = _numbers(want), _numbers(got)
    if wanted is None or found is None:
        return None if want == got else "a different value"
    if len(wanted) != len(found):
        return f"{len(found)} values instead of {len(wanted)}"
    for position, (w, f) in enumerate(zip(wanted, found, strict=True)):
        if not math.isclose(w, f, rel_tol=tolerance, abs_tol=tolerance):
            where = f" at position {position}" if len(wanted) > 1 else ""
            return f"{show(f)} instead of {show(w)}{where}"
    return None


def judge(expected: dict, observed: dict | None) -> Verdict:
    """One check: the reference's observation against the student's."""
    name, given = expected["name"], expected["input"]
    want = show(expected["value"])
    if observed is None:
        return Verdict(name, False, given, want, "(no result)", "the test did not report")
    if observed.get("error"):
        error = str(observed["error"])
        return Verdict(name, False, given, want, error, f"the call failed: {error}")
    got = observed.get("value")
    if expected["compare"] == "positive":  # the reference's own value is not the bar
        found = _numbers(got)
        problem = None if found and len(found) == 1 and found[0] > 0 else f"{show(got)}, not > 0"
        want = "more than 0"
    elif expected["compare"] == "at_least":
        low = _numbers(expected["value"])
        high = _numbers(got)
        ok = low is not None and high is not None and len(high) == 1 and high[0] >= low[0]
        problem = None if ok else f"{show(got)}, fewer than {want}"
        want = f"at least {want}"
    else:
        tolerance = float(expected.get("tolerance", 0.0)) if expected["compare"] == "close" else 0.0
        problem = _difference(expected["value"], got, tolerance)
    if problem is None:
        return Verdict(name, True, given, want, show(got), "matches the reference")
    return Verdict(name, False, given, want, show(got), f"does not match the reference: {problem}")


def compare(expected: list[dict], observed: list[dict]) -> list[Verdict]:
    """Every expected check judged against the student's observation of the same name."""
    by_name = {o.get("name"): o for o in observed if isinstance(o, dict)}
    fallback = next((o for o in observed if isinstance(o, dict) and o.get("error")), None)
    return [judge(e, by_name.get(e["name"], fallback)) for e in expected]
