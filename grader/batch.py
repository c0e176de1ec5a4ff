"""Grade a class: collect the submissions, grade what changed, write outputs from the gradebook.

A path is a file (one student), a class folder (every file and subfolder is one student)
or an LMS bulk download (see :mod:`grader.classinputs`). Each submission is hashed and
looked up in the gradebook (:mod:`grader.gradebook`); only new or changed ones are sent to
the executor (:mod:`grader.parallel`), a few at a time, and each result is committed as
it arrives. grades.json, grades.csv and the reports are then written from the gradebook.
One student's failure never stops the batch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from grader.budget import DEFAULT_STUDENT_TIMEOUT_S, TIMED_OUT
from grader.checks.base import HIDE_KEY, GradeOptions
from grader.classinputs import ClassInputError, ClassInputs, Payload, Submission, open_class
from grader.faults import fault_message, is_fault
from grader.gradebook import (
    GRADEBOOK_NAME,
    NOTHING_SUBMITTED,
    Gradebook,
    GradebookError,
    ResultKey,
    content_hash,
    settings_key,
)
from grader.late import apply_late, late_policy
from grader.outdir import OutDirError, check_assignment, remove_unwritten_reports, run_lock
from grader.output import write_gradebook
from grader.overrides import OverrideError
from grader.parallel import ExecutorError, bounded, open_executor
from grader.paths import REFERENCE_DIR, TEMPLATES_DIR
from grader.progress import LOG_NAME, Progress, run_log, shown, worker_logging
from grader.report import ReportWriter, student_dir
from grader.report.env import TemplateDataError
from grader.report.outputs import OutputOptions, apply_overrides_file, write_exports
from grader.results import StudentResult
from grader.rubric import Rubric, RubricError
from grader.worker import grade_payload, render_report

log = logging.getLogger(__name__)

Pool = tuple[Executor, int]  # an executor and how many tasks to keep in flight on it
NO_SUBMISSION = "no submission was found for this student in the class download"


class BatchError(Exception):
    """The batch cannot start (e.g. a path does not exist); the message says what to fix."""


@dataclass(frozen=True)
class BatchConfig:
    """How a batch runs: the CLI's --jobs, --executor, --force, --gradebook and class inputs."""

    jobs: int = 1
    executor: str | None = None  # dask://HOST:PORT
    force: bool = False  # regrade (and re-render) even what the gradebook already holds
    reports: bool = True  # write the HTML reports (grades.json and grades.csv always)
    outputs: OutputOptions = field(default_factory=OutputOptions)  # PDF, overrides, exports
    gradebook: Path | None = None  # default: OUT/gradebook.sqlite
    inputs: ClassInputs = field(default_factory=ClassInputs)
    student_timeout: float | None = DEFAULT_STUDENT_TIMEOUT_S  # seconds; None: no bound


@dataclass
class BatchResult:
    """What a batch run produced."""

    results: list[StudentResult]
    written: list[Path] = field(default_factory=list)
    graded: int = 0  # graded by this run
    reused: int = 0  # unchanged since an earlier run: taken from the gradebook
    stale: dict[str, int] = field(default_factory=dict)  # regraded, by why: how many
    gradebook: Path | None = None  # the SQLite gradebook the run used
    removed: list[Path] = field(default_factory=list)  # earlier reports this run did not write


def _error(submission: Submission, rubric: Rubric, reason: str) -> StudentResult:
    return StudentResult(
        submission.student, submission.sources, "error", reason, 0.0, rubric.max_points, {}
    )


class _Run:
    """One batch run: decides what to grade, grades it, and records every result."""

    def __init__(
        self, rubric: Rubric, options: GradeOptions, book: Gradebook, run_log: logging.Logger
    ) -> None:
        self.rubric, self.options, self.book, self.log = rubric, options, book, run_log
        self.policy = late_policy(rubric)
        self.settings = settings_key(options)
        self.keys: dict[str, ResultKey] = {}
        self.stale: dict[str, int] = {}  # why earlier results were not reused: how many

    def store(
        self,
        key: ResultKey,
        result: StudentResult,
        final: bool = True,
        seconds: float | None = None,
    ) -> None:
        """Commit one result to the gradebook and log it."""
        self.book.store(key, self.rubric.id, result, final=final, seconds=seconds)
        student = shown(result.student)
        if result.status == "error":
            self.log.info("%s: error: %s", student, shown(result.error or ""))
        else:
            took = f" in {seconds:.2f}s" if seconds is not None else ""
            self.log.info("%s: %g / %g%s", student, result.total, result.max, took)

    def to_grade(self, submissions: list[Submission], force: bool) -> list[Submission]:
        """The submissions without a stored result (all of them when ``force``).

        Records every submission's key; one that cannot be read is stored as an error.
        """
        todo = []
        for submission in submissions:
            digest, reason = NOTHING_SUBMITTED, None
            if submission.missing:
                reason = NO_SUBMISSION
            elif submission.refused:
                reason = submission.refused
            else:
                try:
                    digest = content_hash(list(submission.files), submission.root)
                except OSError as exc:
                    reason = f"{Path(exc.filename or '').name}: cannot be read ({exc.strerror})"
            key = ResultKey(submission.student, digest, self.rubric.version, self.settings)
            self.keys[submission.student] = key
            if reason is not None:
                self.store(key, _error(submission, self.rubric, reason))
            elif force or self.book.lookup(key) is None:
                todo.append(submission)
                stale = None if force else self.book.stale_reason(key)
                if stale is not None:
                    self.stale[stale] = self.stale.get(stale, 0) + 1
        return todo

    def grade(
        self, todo: list[Submission], pool: Pool, progress: Progress, timeout: float | None
    ) -> None:
        """Grade ``todo`` on ``pool``, each within ``timeout`` seconds, committing each
        result as it comes. A timed-out student is an error row the next run retries."""
        by_student = {s.student: s for s in todo}
        executor, window = pool
        payloads = _payloads(todo)
        for payload, future in bounded(
            executor, window, grade_payload, payloads, self.rubric, self.options, timeout
        ):
            submission = by_student[payload.student]
            try:
                result, seconds = future.result()
                # a timeout, or a part the grader failed on, is retried by the next run
                final = not (result.error or "").startswith(TIMED_OUT) and not result.failed_parts
            except Exception as exc:  # a worker died or the grader has a bug: retry next run
                if is_fault(exc):  # the disk, not this student: stop with one message
                    raise
                log.exception("grading %s failed", shown(payload.student))
                reason = (
                    f"the grader failed on this submission ({type(exc).__name__}: {exc}); "
                    "the next run tries again"
                )
                result, seconds, final = _error(submission, self.rubric, reason), None, False
            self.store(self.keys[payload.student], result, final=final, seconds=seconds)
            progress.advance(result)

    def results(self, submissions: list[Submission]) -> Iterator[StudentResult]:
        """Every submission's stored result, in order."""
        for submission in submissions:
            stored = self.book.lookup(self.keys[submission.student], final_only=False)
            if stored is None:  # only if the gradebook was changed under us
                stored = _error(submission, self.rubric, "no result in the gradebook; rerun")
            stored.not_read = list(submission.not_read)
            stored.lms_id = submission.lms_id
            stored.renamed_from = submission.renamed_from
            if submission.not_read:
                self.log.warning(
                    "%s: not read (no reader for these file types): %s",
                    shown(submission.student),
                    shown(", ".join(submission.not_read)),
                )
            yield stored

    def penalise_late(self, results: list[StudentResult], submissions: list[Submission]) -> None:
        """Apply the rubric's late policy to the results, in place."""
        submitted = {s.student: s.submitted_at for s in submissions}
        for result in results:
            apply_late(result, submitted.get(result.student), self.policy)


def _payloads(todo: list[Submission]) -> Iterator[Payload]:
    """The submissions' bytes, read one at a time as workers become free."""
    for submission in todo:
        yield submission.read()


def _stamp(folders: list[Path]) -> str:
    """A fingerprint of the files under ``folders``: names, sizes and modification times."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if "__pycache__" in path.parts:
                continue
            stat = path.stat()
            digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _write_reports(
    results: list[StudentResult],
    rubric: Rubric,
    out_dir: Path,
    templates_dir: Path | None,
    book: Gradebook,
    pool: Pool,
    force: bool,
    pdf: bool,
    progress: Progress,
) -> list[Path]:
    """Render the students' reports on local workers, skipping those whose inputs are unchanged.

    A report is unchanged when its result, the rubric, the templates and the reference data
    are: the gradebook remembers what each report was rendered from.
    """
    inputs = _stamp([TEMPLATES_DIR, REFERENCE_DIR, *([templates_dir] if templates_dir else [])])
    digests, written, todo = {}, [], []
    for result in results:
        text = json.dumps(
            [result.to_dict(), rubric.version, inputs, pdf], sort_keys=True, default=str
        )
        digests[result.student] = hashlib.sha256(text.encode()).hexdigest()
        folder = student_dir(out_dir, result.student)
        kept = None if force else book.report_files(folder, digests[result.student])
        if kept is None:
            todo.append(result)
        else:
            written += kept
    progress.start(len(todo), "reports")
    for result, future in bounded(*pool, render_report, todo, rubric, out_dir, templates_dir, pdf):
        try:
            files = future.result()
        except Exception as exc:  # a broken template must not lose the other reports
            if is_fault(exc):  # a full disk: every report would fail the same way
                raise
            log.exception("the report of %s could not be rendered", shown(result.student))
            progress.step(failed=True)
            continue
        book.store_report(student_dir(out_dir, result.student), digests[result.student], files)
        written += files
        progress.step()
    progress.close()
    return written


def _write_outputs(
    run: _Run,
    submissions: list[Submission],
    out_dir: Path,
    templates_dir: Path | None,
    local: Pool,
    config: BatchConfig,
    progress: Progress,
) -> tuple[list[StudentResult], list[Path], list[Path]]:
    """Write grades.json, grades.csv, the reports and exports from the gradebook's results;
    remove the reports an earlier run left that this one did not write (``--no-pdf``,
    ``--no-reports``). Return (results, files written, files removed).

    TA overrides are applied first, so that every output shows them; then the late
    penalty, which is taken off the total the overrides leave.
    """
    rubric, book = run.rubric, run.book
    results = list(run.results(submissions))
    outputs = config.outputs
    apply_overrides_file(results, out_dir, outputs)
    run.penalise_late(results, submissions)
    written = write_gradebook(results, rubric, out_dir)
    if config.reports:
        written += _write_reports(
            results,
            rubric,
            out_dir,
            templates_dir,
            book,
            local,
            config.force,
            outputs.pdf,
            progress,
        )
        writer = ReportWriter(rubric, out_dir, templates_dir, outputs.pdf)
        written += writer.index(results, groups=outputs.groups)
    written += write_exports(results, rubric, out_dir, outputs, templates_dir)
    removed = remove_unwritten_reports(out_dir, [r.student for r in results], written)
    for path in removed:
        log.info("removed %s: this run did not render it, and it may not match grades.json", path)
    return results, written, removed


@contextmanager
def _pools(config: BatchConfig, log_path: Path) -> Iterator[tuple[Pool, Pool]]:
    """(where to grade, where to render reports): a dask cluster grades, local workers render."""
    with ExitStack() as stack:
        local = stack.enter_context(open_executor(config.jobs, None, worker_logging, (log_path,)))
        grading = (
            stack.enter_context(open_executor(address=config.executor))
            if config.executor
            else local
        )
        yield grading, local


def hiding(
    options: GradeOptions, paths: list[Path], rubric: Rubric, out_dir: Path, config: BatchConfig
) -> GradeOptions:
    """``options`` with the class, the output folder, the gradebook, the rubric and the
    overrides added to what the sandbox hides, wherever they are (also under a system
    folder the sandbox shows read-only, such as ``/usr/local/share``)."""
    private = [*paths, out_dir, *([rubric.path.parent] if getattr(rubric, "path", None) else [])]
    private += [p for p in (config.gradebook, config.outputs.overrides) if p is not None]
    hidden = [str(Path(p).resolve()) for p in private]
    extra = {**options.extra, HIDE_KEY: [*options.extra.get(HIDE_KEY, []), *hidden]}
    return replace(options, extra=extra)


def grade_batch(
    paths: list[Path],
    rubric: Rubric,
    out_dir: Path,
    options: GradeOptions | None = None,
    templates_dir: Path | None = None,
    progress: Progress | None = None,
    config: BatchConfig | None = None,
) -> BatchResult:
    """Grade every student under ``paths`` that the gradebook lacks; write outputs from it."""
    config = config or BatchConfig()
    options = hiding(options or GradeOptions(), paths, rubric, out_dir, config)
    progress = progress or Progress(bar=False)
    log_path = out_dir / LOG_NAME
    if out_dir.exists() and not out_dir.is_dir():
        raise BatchError(f"{out_dir}: exists and is not a folder; pick another --out")
    created = not out_dir.exists()  # a run that stops before grading leaves no debris
    gradebook = config.gradebook or out_dir / GRADEBOOK_NAME
    grading = False
    try:
        with (
            run_lock(out_dir),
            run_log(log_path) as run_logger,
            Gradebook(gradebook) as book,
            open_class(paths, config.inputs) as submissions,
        ):
            check_assignment(out_dir, rubric, config.force)
            run = _Run(rubric, options, book, run_logger)
            todo = run.to_grade(submissions, config.force)
            run_logger.info(
                "%d submissions: %d to grade, %d unchanged (rubric %s, jobs %d, executor %s)",
                len(submissions),
                len(todo),
                len(submissions) - len(todo),
                rubric.version,
                config.jobs,
                config.executor or "local",
            )
            for why, count in run.stale.items():
                run_logger.info("regrading %d graded before: %s since", count, why)
            grading = True  # from here on, results exist: nothing is removed
            with _pools(config, log_path) as (pool, local):
                progress.start(len(todo))
                try:
                    run.grade(todo, pool, progress, config.student_timeout)
                finally:
                    progress.close()
                results, written, removed = _write_outputs(
                    run, submissions, out_dir, templates_dir, local, config, progress
                )
    except (
        RubricError,
        GradebookError,
        ClassInputError,
        ExecutorError,
        OverrideError,
        TemplateDataError,
        OutDirError,
    ) as exc:
        if created and not grading:
            shutil.rmtree(out_dir, ignore_errors=True)
        raise BatchError(str(exc)) from None
    except (OSError, sqlite3.Error) as exc:
        if not is_fault(exc):
            raise
        raise BatchError(fault_message(exc, out_dir)) from None
    reused = len(submissions) - len(todo)
    return BatchResult(
        results,
        written,
        graded=len(todo),
        reused=reused,
        stale=run.stale,
        gradebook=gradebook,
        removed=removed,
    )
