"""A per-student grading budget: no one submission holds up the class (issue 2/5).

:func:`student_budget` watches the grading thread from a timer thread; past the deadline it
notes which stage the thread is in (reading the files, or the rubric part being checked,
read from the thread's stack) and raises :class:`GradingTimeout` in it. The exception is
a ``BaseException``, so no check's error handling swallows it, and it works wherever the
grading runs: the main thread (``--jobs 1``), a pool worker, or a dask worker's thread.

An import in progress is let finish first (an interrupted import leaves a half-initialised
module behind for every later student). It interrupts Python code; a stage stuck in one C call is bounded where it runs
instead (PDFs are parsed in a child with limits; student code runs in the sandbox with
its own limits).
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

DEFAULT_STUDENT_TIMEOUT_S = 120.0
TIMED_OUT = "grading timed out after"  # how a timed-out student's error starts
IMPORT_GRACE_S = 0.1  # an import in progress is let finish; looked at again after this


class GradingTimeout(BaseException):
    """Raised in the grading thread when a student's budget is spent."""


@dataclass
class Budget:
    """One student's budget, and the stage grading was in when it ran out."""

    seconds: float | None
    stage: str = ""
    expired: bool = False

    @property
    def reason(self) -> str:
        """The error a timed-out student gets."""
        where = f" ({self.stage})" if self.stage else ""
        return f"{TIMED_OUT} {self.seconds:g} s{where}; the next run tries again"


def stage_of(frame: FrameType | None) -> str:
    """The grading stage a stack is in: the rubric part being graded, or reading files."""
    while frame is not None:
        name = frame.f_code.co_name
        if name == "grade_part" and "part" in frame.f_locals:
            return f"grading part {frame.f_locals['part'].id}"
        if name == "read_submission":
            return "reading the submission"
        if name == "grade_document":
            return "locating the problems"
        frame = frame.f_back
    return ""


def _importing(frame: FrameType | None) -> bool:
    """Is the thread inside an import (a module's code run by importlib)?"""
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib._bootstrap"):
            return True
        frame = frame.f_back
    return False


def _interrupt(thread_id: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in the thread at its next bytecode (None: cancel a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception else None
    )


@contextmanager
def student_budget(seconds: float | None) -> Iterator[Budget]:
    """Bound the grading done in the ``with`` body to ``seconds`` (None: no bound)."""
    budget = Budget(seconds)
    if not seconds:
        yield budget
        return
    target = threading.get_ident()
    done = threading.Lock()

    timers: list[threading.Timer] = []

    def expire() -> None:
        with done:
            if not timers:  # the body has ended
                return
            frame = sys._current_frames().get(target)
            if _importing(frame):  # never leave a half-imported module behind: soon
                _start(IMPORT_GRACE_S)
                return
            budget.stage = stage_of(frame)
            budget.expired = True
            _interrupt(target, GradingTimeout)

    def _start(delay: float) -> None:
        timer = threading.Timer(delay, expire)
        timer.daemon = True
        timers[:] = [timer]
        timer.start()

    _start(seconds)
    try:
        yield budget
    finally:
        with done:
            for timer in timers:
                timer.cancel()
            timers.clear()
            if budget.expired:  # an expiry that raced the end of the body: cancel it
                _interrupt(target, None)
