"""Parallel and distributed runs give the same grades; progress shows on terminals only."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import CLASS_SIZE, NO_RUN, run_cli

from grader.batch import BatchConfig, BatchError, grade_batch
from grader.parallel import bounded
from grader.progress import LOG_NAME, Progress
from grader.rubric import Rubric


def _grades(batch) -> list[dict]:
    return [r.to_dict() for r in batch.results]


def test_process_pool_and_dask_cluster_grade_like_one_process(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    from distributed import LocalCluster

    serial = grade_batch(
        [small_class], rubric, tmp_path / "one", NO_RUN, config=BatchConfig(reports=False)
    )
    pooled = grade_batch(
        [small_class], rubric, tmp_path / "two", NO_RUN, config=BatchConfig(jobs=2, reports=False)
    )
    assert pooled.graded == CLASS_SIZE and _grades(pooled) == _grades(serial)
    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,  # grading takes a lock: the engine is not thread-safe
        processes=False,
        protocol="tcp://",
        dashboard_address=None,
    ) as cluster:
        address = "dask://" + cluster.scheduler_address.removeprefix("tcp://")
        config = BatchConfig(executor=address, reports=False)
        distributed = grade_batch([small_class], rubric, tmp_path / "dask", NO_RUN, config=config)
    assert distributed.graded == CLASS_SIZE and _grades(distributed) == _grades(serial)


def test_bad_executor_address_is_one_clear_message(small_class: Path, tmp_path: Path) -> None:
    proc = run_cli(
        "grade",
        str(small_class),
        "-a",
        "hw2-2024",
        "-o",
        str(tmp_path / "o"),
        "--executor",
        "spark://host",
    )
    assert proc.returncode == 2 and "dask://HOST:PORT" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_bounded_never_reads_more_than_the_window_ahead() -> None:
    drawn: list[int] = []

    def items():
        for i in range(50):
            drawn.append(i)
            yield i

    done = 0
    with ThreadPoolExecutor(2) as executor:
        for item, future in bounded(executor, 3, lambda x: x * x, items()):
            assert future.result() == item * item
            done += 1
            assert len(drawn) - done < 3  # the others in flight: fewer than the window
    assert done == 50


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_gets_a_bar_with_failures_and_eta(
    small_class: Path, rubric: Rubric, tmp_path: Path
) -> None:
    (small_class / "zed.ipynb").write_text("not json")
    screen = _Terminal()
    grade_batch(
        [small_class],
        rubric,
        tmp_path / "out",
        NO_RUN,
        progress=Progress(screen),
        config=BatchConfig(reports=False),
    )
    shown = screen.getvalue()
    assert f"{CLASS_SIZE + 1}/{CLASS_SIZE + 1}" in shown and "failures=1" in shown
    assert "<" in shown  # tqdm's elapsed<remaining (the ETA)
    assert "zed: ERROR" in shown


def test_no_terminal_no_bar_and_a_log_file(small_class: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = run_cli(
        "grade", str(small_class), "-a", "hw2-2024", "-o", str(out), "--no-run", "--no-reports"
    )
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr and "student/s" not in proc.stderr
    log = (out / LOG_NAME).read_text()
    for student in ("s0000", "s0004", f"s{CLASS_SIZE - 1:04d}"):
        assert f"{student}: " in log
    assert f"{CLASS_SIZE} submissions: {CLASS_SIZE} to grade" in log


def test_jobs_must_be_positive(small_class: Path, rubric: Rubric, tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="--jobs"):
        grade_batch([small_class], rubric, tmp_path / "o", NO_RUN, config=BatchConfig(jobs=0))
