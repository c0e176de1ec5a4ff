"""Where grading runs: in this process, a local process pool, or a dask.distributed cluster.

Every executor is a :class:`concurrent.futures.Executor`; :func:`bounded` keeps only a
few tasks in flight, so a class of any size is streamed through in constant memory.
A dask cluster is named ``dask://HOST:PORT`` (its scheduler's address); see the README
for how a TA starts one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from grader.sandbox.isolation import PR_SET_PDEATHSIG, prctl

DASK_SCHEME = "dask://"
DASK_CONNECT_TIMEOUT_S = 20
TASKS_PER_WORKER = 2  # in flight per worker: one running, one ready to start
WATCH_S = 0.5  # how often a pool worker checks that the main process is still there

T = TypeVar("T")
_END = object()


class ExecutorError(Exception):
    """The requested executor cannot be used; the message says what to fix."""


class InlineExecutor(Executor):
    """Runs each task at once in this process (``--jobs 1``): no pickling, plain tracebacks."""

    def submit(self, fn: Callable, /, *args: object, **kwargs: object) -> Future:
        """Run ``fn`` now; its result or exception is in the returned future."""
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future


@contextmanager
def _dask(address: str) -> Iterator[tuple[Executor, int]]:
    try:
        from distributed import Client
    except ImportError:
        raise ExecutorError(
            "--executor dask://… needs dask.distributed: pip install 'dask[distributed]'"
        ) from None
    target = "tcp://" + address.removeprefix(DASK_SCHEME)
    try:
        client = Client(target, timeout=DASK_CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise ExecutorError(
            f"cannot reach the dask scheduler at {target} ({exc}); start it with "
            "`dask scheduler` and workers with `dask worker HOST:PORT`"
        ) from None
    try:
        threads = sum(client.nthreads().values()) or 1
        yield client.get_executor(pure=False), TASKS_PER_WORKER * threads
    finally:
        client.close()


@contextmanager
def open_executor(
    jobs: int = 1,
    address: str | None = None,
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
) -> Iterator[tuple[Executor, int]]:
    """An executor and how many tasks to keep in flight on it.

    ``address`` (``dask://HOST:PORT``) picks a dask cluster; otherwise ``jobs`` > 1 starts
    a local process pool (whose workers run ``initializer(*initargs)`` first), and 1 runs
    tasks in this process.
    """
    if jobs < 1:
        raise ExecutorError(f"--jobs should be 1 or more, got {jobs}")
    if address is not None:
        if not address.startswith(DASK_SCHEME) or ":" not in address.removeprefix(DASK_SCHEME):
            raise ExecutorError(f"--executor should look like dask://HOST:PORT, got {address!r}")
        with _dask(address) as found:
            yield found
        return
    if jobs == 1:
        yield InlineExecutor(), 1
        return
    context = multiprocessing.get_context("forkserver")
    main = os.getpid()
    threads = max(1, (os.cpu_count() or 1) // jobs)
    with ProcessPoolExecutor(
        jobs, context, _start_worker, (main, _started(main), threads, initializer, *initargs)
    ) as pool:
        try:
            yield pool, TASKS_PER_WORKER * jobs
        except BaseException:  # stopped (SIGTERM, Ctrl-C) or failed: no task is waited for
            _kill_workers(pool)
            raise


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's workers (their sandbox servers die with them) and cancel what is
    queued, so that leaving the pool does not wait for the students being graded."""
    for process in list((pool._processes or {}).values()):  # no public way before 3.14
        with contextlib.suppress(OSError):
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _started(pid: int) -> str | None:
    """When process ``pid`` started (field 22 of /proc/PID/stat), or None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else fields[19]


def _watch_main(main: int, started: str | None) -> None:
    """End this worker, and the forkserver it came from, once the main process is gone."""
    while _started(main) == started:
        time.sleep(WATCH_S)
    with contextlib.suppress(OSError):
        os.kill(os.getppid(), signal.SIGKILL)  # the forkserver: the other workers follow it
    os._exit(1)


# Math libraries (torch, behind the sentence embeddings of prose concepts) start one thread
# per core in every process; N workers on N cores would then run N² threads and spend most
# of their time switching (measured: 40 students, --jobs 2, 33 s, and 16 s with one each).
THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def _start_worker(
    main: int,
    started: str | None,
    threads: int,
    initializer: Callable[..., None] | None,
    *initargs: object,
) -> None:
    """In a new pool worker: end when the main process ends, however it ends (``kill -9``
    included): a watch thread polls it, and the worker dies with its parent, the
    forkserver. The worker's sandbox server dies with the worker (grader.sandbox.client).
    SIGINT is ignored: a Ctrl-C reaches every process of the terminal, and the main
    process stops the workers itself (grader.stopping).
    Math libraries get ``threads`` threads (the cores shared among the workers), unless the
    environment says otherwise; they are imported later, so they read it. Then
    ``initializer``."""
    for variable in THREAD_VARIABLES:
        os.environ.setdefault(variable, str(threads))
    prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the main process stops us
    threading.Thread(target=_watch_main, args=(main, started), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def bounded(
    executor: Executor, window: int, fn: Callable[..., object], items: Iterable[T], *common: object
) -> Iterator[tuple[T, Future]]:
    """Run ``fn(item, *common)`` for each item, at most ``window`` at a time.

    Yields ``(item, future)`` as each finishes (in completion order). Items are drawn
    from ``items`` only when there is room, so a generator is never read ahead.
    """
    source = iter(items)
    pending: dict[Future, T] = {}

    def fill() -> None:
        while len(pending) < window:
            item = next(source, _END)
            if item is _END:
                return
            pending[executor.submit(fn, item, *common)] = item

    fill()
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield pending.pop(future), future
        fill()
