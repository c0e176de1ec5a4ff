"""Time limits: pathological answers are refused fast, slow SymPy work is cut off, in the
main thread (SIGALRM) and in other threads (a forked child), and timers already set survive."""

from __future__ import annotations

import signal
import threading
import time

import pytest
from theory_helpers import grade

from grader.theory import meaning
from grader.theory.answers import read_math
from grader.theory.errors import ReadError
from grader.theory.limits import Budget, TimeLimit, limited

PATHOLOGICAL = {
    "300 nested fractions": r"\frac{1}{" * 300 + "x" + "}" * 300,
    "5000 parentheses": "(" * 5000 + "x" + ")" * 5000,
    "5000 open parentheses": "(" * 5000,
    "40 nested fractions": r"\frac{1}{" * 40 + "x" + "}" * 40,
    "300 nested roots": r"\sqrt{" * 300 + "2" + "}" * 300,
    "a tower of powers": "2^{999^{999^{999}}}",
    "a long sum": " + ".join(f"x_{{{k}}}" for k in range(600)),
}


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_expressions_are_refused_within_two_seconds(name: str) -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match="could not read this expression"):
        read_math(PATHOLOGICAL[name])
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("name", ["300 nested fractions", "5000 parentheses"])
def test_a_check_given_a_pathological_answer_flags_it_within_two_seconds(name: str) -> None:
    started = time.monotonic()
    result = grade("hw2-2024", "p1", f"$$y_T = {PATHOLOGICAL[name]}$$")
    assert time.monotonic() - started < 2.0
    assert result.status == "not_graded" and result.fraction == 0
    assert "could not read this expression" in result.evidence[0].reason


def test_a_slow_answer_is_cut_off_and_the_part_still_finishes() -> None:
    slow = r"$$h_T = (x_1 + x_2 + x_3 + x_4 + x_5 + x_6)^{90}$$"
    started = time.monotonic()
    result = grade("hw2-2024", "p1", slow)
    assert time.monotonic() - started < 2.0
    assert result.fraction == 0 and result.evidence[0].reason.startswith("differs")


def test_the_alarm_interrupts_work_in_the_main_thread() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimit):
        limited(0.2, _spin, 5.0)
    assert time.monotonic() - started < 1.0
    assert limited(1.0, _spin, 0.01) == "done"


def test_a_forked_child_enforces_the_limit_outside_the_main_thread() -> None:
    outcome: dict[str, object] = {}

    def work() -> None:
        started = time.monotonic()
        try:
            limited(0.3, _spin, 5.0)
        except TimeLimit:
            outcome["timed_out"] = time.monotonic() - started
        outcome["value"] = limited(2.0, _spin, 0.01)
        try:
            limited(2.0, read_math, r"\star")
        except ReadError as exc:  # the child's exception comes back as itself
            outcome["error"] = str(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    assert outcome["timed_out"] < 1.5
    assert outcome["value"] == "done"
    assert "could not read this expression" in outcome["error"]


def test_a_timer_set_before_is_restored() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 5.0)
        limited(1.0, _spin, 0.01)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 3.0 < left <= 5.0
        assert signal.getsignal(signal.SIGALRM) is not None and not fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_budget_bounds_the_total_time() -> None:
    budget = Budget(0.3, 0.2)
    started = time.monotonic()
    for _ in range(5):
        with pytest.raises(TimeLimit):
            budget.run(_spin, 5.0)
    assert time.monotonic() - started < 1.0


def test_a_long_messy_answer_is_read_quickly() -> None:
    noise = ("(" * 50 + " $$ x_1 = \\frac{1}{" + " y = (" * 20 + "\n") * 300
    meaning.embed(["loaded once per process, before the clock starts"])
    started = time.monotonic()
    result = grade("hw2-2024", "p1", noise + "\n$$y_T = \\sigma(1000 \\sum_{k=1}^{T} (-1)^k x_k)$$")
    assert time.monotonic() - started < 2.0
    assert len(noise) > 30_000 and result.fraction == 1.0
