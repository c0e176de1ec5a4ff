"""SIGTERM and SIGINT stop a run cleanly: the grader stops its workers and sandbox servers
and exits with one message, within a second or two.

Python's default is harsher: SIGTERM kills the grader at once, leaving its workers to notice
by themselves, and SIGINT (Ctrl-C) raises KeyboardInterrupt in every process of the
terminal's group, each with its own traceback. Here the grader's main thread gets
:class:`Stopped`, a ``BaseException`` that no ``except Exception`` of a grading stage
catches; the pool workers ignore SIGINT and are killed by the grader
(:func:`grader.parallel.open_executor`); every sandbox server dies with the process that
started it (``PR_SET_PDEATHSIG``, :mod:`grader.sandbox.client`). A second signal while
stopping acts as it would by default. Results already committed to the gradebook are kept.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Stopped(BaseException):  # noqa: N818 - it is not an error: the user asked for it
    """The run was asked to stop by a signal."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_status(self) -> int:
        """The shell's status for a process ended by this signal (143 for SIGTERM)."""
        return 128 + self.signum


def _stop(signum: int, _frame: FrameType | None) -> None:
    for each in SIGNALS:  # a second signal ends the process as it would by default
        signal.signal(each, signal.SIG_DFL)
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While the block runs (in the main thread), SIGTERM and SIGINT raise :class:`Stopped`."""
    previous = {each: signal.signal(each, _stop) for each in SIGNALS}
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)
