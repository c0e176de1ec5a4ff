"""The per-student grading budget: a submission over it is an error row naming the stage,
and every other student is graded (issue 2/5)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from conftest import NO_REPORTS, NO_RUN
from synthetic import write_class

from grader import worker
from grader.batch import BatchConfig, grade_batch
from grader.budget import TIMED_OUT, GradingTimeout, stage_of, student_budget
from grader.rubric import Rubric


def _busy(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_budget_interrupts_python_code_and_names_its_stage() -> None:
    started = time.monotonic()
    with pytest.raises(GradingTimeout), student_budget(0.2) as budget:
        _busy(10)
    assert time.monotonic() - started < 2 and budget.expired


def test_a_budget_works_in_a_worker_thread_as_dask_runs_tasks() -> None:
    outcome: list[str] = []

    def task() -> None:
        try:
            with student_budget(0.2):
                _busy(10)
            outcome.append("finished")
        except GradingTimeout:
            outcome.append("timed out")

    thread = threading.Thread(target=task)
    thread.start()
    thread.join(5)
    assert outcome == ["timed out"]


def test_work_within_the_budget_is_untouched() -> None:
    with student_budget(5) as budget:
        _busy(0.05)
    time.sleep(0.1)  # no late interruption after the body ended
    assert not budget.expired


def test_an_import_in_progress_is_let_finish() -> None:
    """An interrupted import would leave a half-initialised module for every later student."""
    import sys

    sys.modules.pop("slow_module_for_budget", None)
    source = "import time\nend = time.monotonic() + 0.6\nwhile time.monotonic() < end:\n    pass\n"
    folder = Path(__file__).parent
    with pytest.raises(GradingTimeout), student_budget(0.1):
        path = folder / "slow_module_for_budget.py"
        path.write_text(source)
        try:
            import slow_module_for_budget  # noqa: F401
        finally:
            path.unlink()
        _busy(10)
    assert "slow_module_for_budget" in sys.modules  # imported whole, then interrupted


def test_the_stage_is_read_from_the_stack() -> None:
    def grade_part(part: object) -> str:
        import sys

        return stage_of(sys._getframe())

    part = type("Part", (), {"id": "p5.q3b"})()
    assert stage_of(None) == ""
    assert grade_part(part) == "grading part p5.q3b"


def _slow_class(tmp_path: Path, rubric: Rubric, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three students; grading s0001 takes 30 s (imports and models warmed up first)."""
    folder = tmp_path / "class"
    write_class(folder, 3, seed=7)
    real = worker.grade_path

    def slow_for_one(path: Path, *args: object):
        if path.name.startswith("s0001"):
            _busy(30)
        return real(path, *args)

    real(next(folder.iterdir()), rubric, NO_RUN)  # imports and models loaded: not timed here
    monkeypatch.setattr(worker, "grade_path", slow_for_one)
    return folder


def _one_timed_out(batch) -> None:
    by_student = {r.student: r for r in batch.results}
    assert by_student["s0001"].status == "error"
    assert by_student["s0001"].error.startswith(f"{TIMED_OUT} 3 s")
    assert {by_student[s].status for s in ("s0000", "s0002")} == {"graded"}


def test_a_student_over_budget_is_an_error_row_and_the_class_is_graded(
    rubric: Rubric, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _slow_class(tmp_path, rubric, monkeypatch)
    config = BatchConfig(reports=False, student_timeout=3.0, jobs=1)
    started = time.monotonic()
    batch = grade_batch([folder], rubric, tmp_path / "out", NO_RUN, config=config)
    assert time.monotonic() - started < 25
    _one_timed_out(batch)
    again = grade_batch([folder], rubric, tmp_path / "out", NO_RUN, config=NO_REPORTS)
    assert again.graded == 1  # the timed-out student is retried, the others reused


def test_the_budget_holds_on_a_dask_worker(
    rubric: Rubric, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dask runs tasks in worker threads: the budget interrupts them there too."""
    from distributed import LocalCluster

    folder = _slow_class(tmp_path, rubric, monkeypatch)
    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp://",
        dashboard_address=None,
    ) as cluster:
        address = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        config = BatchConfig(executor=address, reports=False, student_timeout=3.0)
        batch = grade_batch([folder], rubric, tmp_path / "out", NO_RUN, config=config)
    _one_timed_out(batch)
