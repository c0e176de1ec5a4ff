"""Fork a child, watch it, and always clean up after it.

:func:`fork_supervised` runs a function in a forked child that is the leader of its own
process group, collects what it writes on a result pipe and on stdout/stderr (both
capped), enforces a wall-clock limit and, whatever happened, kills every process left in
the child's group before returning. The sandbox server nests it two deep:
server → the confined process (new namespaces) → one function's tests.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from .isolation import PR_SET_PDEATHSIG, prctl

EXIT_CRASHED = 70  # the child's Python code raised (a bug in the grader's side of the child)
DRAIN_S = 0.5  # how long to keep reading pipes after the child has gone
POLL_S = 0.05
REAP_S = 0.002  # pipes closed: the child is exiting, look again soon


@dataclass
class Finished:
    """How a supervised child ended, and what it wrote."""

    result: bytes
    output: bytes  # the first ``keep`` bytes of its stdout and stderr
    output_bytes: int
    exit_code: int | None
    signal: int | None
    timed_out: bool = False
    output_exceeded: bool = False
    result_exceeded: bool = False
    seconds: float = 0.0

    @property
    def signal_name(self) -> str:
        """The name of the signal that killed it (empty if none)."""
        if self.signal is None:
            return ""
        try:
            return signal.Signals(self.signal).name
        except ValueError:
            return f"signal {self.signal}"

    def problem(self, wall_s: float, cpu_s: float, output_kb: int) -> str | None:
        """Why the child ended abnormally, in words; None if it exited normally."""
        if self.timed_out:
            return f"still running after {wall_s:g} s (the wall-clock limit), so it was stopped"
        if self.output_exceeded:
            return (
                f"printed more than {output_kb} KiB of output "
                f"({self.output_bytes:,} bytes read), so it was stopped"
            )
        if self.result_exceeded:
            return "sent back more data than the grader accepts, so it was stopped"
        if self.signal == signal.SIGXCPU:
            return f"used more than {cpu_s:g} s of CPU time, so it was stopped"
        if self.signal == signal.SIGSEGV:
            return "crashed with a segmentation fault (SIGSEGV)"
        if self.signal == signal.SIGKILL:
            return f"was killed (SIGKILL): over the CPU limit ({cpu_s:g} s) or out of memory"
        if self.signal is not None:
            return f"was killed by {self.signal_name}"
        if self.exit_code:
            return f"ended the process itself with exit status {self.exit_code}"
        return None


def _close_other_fds(keep: set[int]) -> None:
    last = 2
    for fd in sorted(keep):
        if fd > last:
            os.closerange(last + 1, fd)
            last = fd
    os.closerange(last + 1, resource.getrlimit(resource.RLIMIT_NOFILE)[0])


def _child(work: Callable[[int], None], out_w: int, res_w: int) -> None:
    try:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # never outlive the supervisor
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_w, 1)
        os.dup2(out_w, 2)
        _close_other_fds({0, 1, 2, res_w})
        work(res_w)
    except BaseException:  # noqa: BLE001 - a child must never return into the parent's code
        with contextlib.suppress(BaseException):
            traceback.print_exc()
        os._exit(EXIT_CRASHED)
    os._exit(0)


def _kill_group(pid: int, sweep: bool) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    if sweep:  # only as the first process of a PID namespace: everything else in it
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(-1, signal.SIGKILL)


class _Reader:
    """Accumulates a pipe's bytes up to a cap."""

    def __init__(self, fd: int, keep: int, cap: int) -> None:
        self.fd, self.keep, self.cap = fd, keep, cap
        self.data = bytearray()
        self.total = 0
        self.open = True
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)

    def read(self) -> None:
        try:
            chunk = os.read(self.fd, 1 << 16)
        except BlockingIOError:
            return
        if not chunk:
            self.open = False
            return
        self.total += len(chunk)
        room = self.keep - len(self.data)
        if room > 0:
            self.data.extend(chunk[:room])

    @property
    def exceeded(self) -> bool:
        return self.total > self.cap


def fork_supervised(
    work: Callable[[int], None],
    wall_s: float,
    output_cap: int,
    result_cap: int = 4 << 20,
    keep_output: int = 2048,
    sweep: bool = False,
) -> Finished:
    """Run ``work(result_fd)`` in a forked child and wait for it, at most ``wall_s`` seconds.

    The child's stdout and stderr go to a pipe: the first ``keep_output`` bytes are kept,
    and more than ``output_cap`` bytes stop it. More than ``result_cap`` bytes on the
    result pipe stop it too. ``sweep`` also kills every other process the caller can
    signal (use only as the first process of a PID namespace).
    """
    out_r, out_w = os.pipe()
    res_r, res_w = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(res_r)
        _child(work, out_w, res_w)
    os.close(out_w)
    os.close(res_w)
    output = _Reader(out_r, keep_output, output_cap)
    result = _Reader(res_r, result_cap, result_cap)
    status = None
    timed_out = False
    deadline = start + wall_s
    try:
        while status is None:
            if output.exceeded or result.exceeded:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            fds = [r.fd for r in (output, result) if r.open]
            ready = select.select(fds, [], [], min(remaining, POLL_S))[0] if fds else []
            if not fds:
                time.sleep(min(remaining, REAP_S))
            for reader in (output, result):
                if reader.fd in ready:
                    reader.read()
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = code
        _kill_group(pid, sweep)
        if status is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            status = os.waitpid(pid, 0)[1]
        drain_until = time.monotonic() + DRAIN_S
        while (output.open or result.open) and time.monotonic() < drain_until:
            fds = [r.fd for r in (output, result) if r.open]
            for fd in select.select(fds, [], [], POLL_S)[0]:
                (output if fd == output.fd else result).read()
            if output.exceeded or result.exceeded:
                break
    finally:
        os.close(out_r)
        os.close(res_r)
    return Finished(
        result=bytes(result.data),
        output=bytes(output.data),
        output_bytes=output.total,
        exit_code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        timed_out=timed_out,
        output_exceeded=output.exceeded,
        result_exceeded=result.exceeded,
        seconds=time.monotonic() - start,
    )
