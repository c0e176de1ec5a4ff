"""Time limits for SymPy work on student input, which can be arbitrarily slow.

:func:`limited` runs a function under a deadline and raises :class:`TimeLimit` when it is
passed. In the main thread (also the main thread of a process-pool worker) it uses
``SIGALRM`` through ``signal.setitimer`` and restores any timer already set (pytest-timeout
uses one); in any other thread it runs the function in a forked child that is killed at the
deadline, so a pathological answer can never hang the batch. A call made while another
limit is active runs under the outer limit alone.

:class:`Budget` bounds the total time one check may spend, whatever the number of
expressions in the answer.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_active = threading.local()


class TimeLimit(BaseException):
    """The deadline passed before the work finished.

    A ``BaseException``, like ``KeyboardInterrupt``, so that library code catching
    ``Exception`` cannot swallow it and run on past the deadline.
    """


class ChildFailed(Exception):
    """The forked child raised an exception that could not be sent back; it is named here."""


def _alarm(signum: int, frame: object) -> None:
    raise TimeLimit()


def _with_alarm(seconds: float, fn: Callable[..., T], args: tuple) -> T:
    previous_handler = signal.signal(signal.SIGALRM, _alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    _active.on = True
    try:
        try:
            return fn(*args)
        finally:  # disarm first: an alarm firing here still reaches the cleanup below
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        _active.on = False
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay > 0:
            left = previous_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), previous_interval)


def _read_all(fd: int, deadline: float) -> bytes | None:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _in_child(seconds: float, fn: Callable[..., T], args: tuple) -> T:
    read_fd, write_fd = os.pipe()
    deadline = time.monotonic() + seconds
    pid = os.fork()
    if pid == 0:  # the child: compute, send the pickled result, leave without cleanup
        os.close(read_fd)
        try:
            payload = pickle.dumps((True, fn(*args)))
        except BaseException as exc:  # what the child raises is raised again in the parent
            try:
                payload = pickle.dumps((False, exc))
            except Exception:
                payload = pickle.dumps((False, ChildFailed(f"{type(exc).__name__}: {exc}")))
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write_fd)
    try:
        data = _read_all(read_fd, deadline)
    finally:
        os.close(read_fd)
        if data is None:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if not data:
        raise TimeLimit()
    ok, value = pickle.loads(data)
    if not ok:
        raise value
    return value


def limited(seconds: float, fn: Callable[..., T], *args: object) -> T:
    """``fn(*args)``, or :class:`TimeLimit` once ``seconds`` have passed."""
    if seconds <= 0:
        raise TimeLimit()
    if getattr(_active, "on", False):
        return fn(*args)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        return _with_alarm(seconds, fn, args)
    return _in_child(seconds, fn, args)


class Budget:
    """Seconds one check may still spend; each limited call takes at most ``per_call``."""

    def __init__(self, total: float, per_call: float) -> None:
        self.deadline = time.monotonic() + total
        self.per_call = per_call

    def left(self) -> float:
        """Seconds left in the whole budget (never negative)."""
        return max(0.0, self.deadline - time.monotonic())

    def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(*args)`` under the smaller of the per-call limit and what is left."""
        return limited(min(self.per_call, self.left()), fn, *args)
