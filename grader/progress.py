"""How a batch is going: a progress bar on a terminal, and a log file in the output folder.

The bar (done/total, rate, ETA, failures so far) is drawn only when the stream is a
terminal; cron jobs and CI get no bar, and every run writes ``OUT/grader.log``: one line
per student graded, plus the engine's warnings (e.g. a check that crashed).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from grader.results import StudentResult

LOG_NAME = "grader.log"
RUN_LOGGER = "grader.run"
ENGINE_LOGGER = "grader"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class Progress:
    """A bar per phase (grading, then reports) over the students that phase has to do."""

    def __init__(self, stream: TextIO = sys.stderr, bar: bool | None = None) -> None:
        self.stream = stream
        self.show = stream.isatty() if bar is None else bar
        self.failures = 0
        self._bar: tqdm | None = None

    def start(self, total: int, what: str = "grading") -> None:
        """Begin a bar for ``total`` students (``what``: the phase, e.g. grading, reports)."""
        self.failures = 0
        self._bar = tqdm(
            total=total,
            file=self.stream,
            disable=not self.show,
            unit="student",
            desc=what,
            dynamic_ncols=True,
        )
        self._bar.set_postfix(failures=0)

    def step(self, failed: bool = False) -> None:
        """Count one student done."""
        self.failures += failed
        if self._bar is not None:
            self._bar.set_postfix(failures=self.failures, refresh=False)
            self._bar.update()

    def advance(self, result: StudentResult) -> None:
        """Count one student graded; an error result counts as a failure and is shown."""
        failed = result.status == "error"
        if failed and self._bar is not None and self.show:
            self._bar.write(
                f"  {shown(result.student)}: ERROR — {shown(result.error or '')}", file=self.stream
            )
        self.step(failed)

    def close(self) -> None:
        """Finish the bar."""
        if self._bar is not None:
            self._bar.close()


def shown(text: str) -> str:
    """Text from a student (an id, a file name) as a log line shows it: escaped, quoted, when
    it holds a line break or another control character, so that it cannot forge a line."""
    return text if text.isprintable() else repr(text)


class _QuietFileHandler(logging.FileHandler):
    """A log file that drops a line it cannot write (a full disk) instead of printing a
    traceback per line: the run's own writes fail too, and end it with one message."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """Drop the line."""


def _handler(path: Path, level: int) -> logging.Handler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _QuietFileHandler(path, encoding="utf-8")
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


@contextmanager
def run_log(path: Path) -> Iterator[logging.Logger]:
    """Log this run to ``path``; yields the logger for per-student lines."""
    handler = _handler(path, logging.DEBUG)
    run = logging.getLogger(RUN_LOGGER)
    engine = logging.getLogger(ENGINE_LOGGER)
    run.setLevel(logging.INFO)
    run.propagate = False
    run.addHandler(handler)
    engine.addHandler(handler)
    try:
        yield run
    finally:
        run.removeHandler(handler)
        engine.removeHandler(handler)
        handler.close()


def worker_logging(path: Path) -> None:
    """In a pool worker: send the engine's warnings to the run's log file."""
    logging.getLogger(ENGINE_LOGGER).addHandler(_handler(path, logging.WARNING))
