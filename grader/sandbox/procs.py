"""Fork a child, watch it, and always clean up after it.

:func:`fork_supervised` runs a function in a forked child that is the leader of its own
process group, collects what it writes on a result pipe and on stdout/stderr (both
capped), enforces a wall-clock limit and, whatever happened, kills every process left in
the child's group before returning. The sandbox server nests it two deep:
server → the confined process (new namespaces) → one function's tests.

A child that runs student code gets a *sealed* channel instead of a result pipe (see
:func:`seal`): nothing it writes counts until it asks for the seal, and the supervisor
seals only once, after stopping every other process of the sandbox and seeing that the
child has one thread left. A line in the shape of a result, written by student code to
any inherited descriptor, is therefore never read as one: it arrives before the seal and
ends the run as tampering.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import select
import signal
import socket
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from .isolation import PR_SET_PDEATHSIG, prctl

EXIT_CRASHED = 70  # the child's Python code raised (a bug in the grader's side of the child)
EXIT_UNSEALED = 72  # a sealed child whose request for the seal was refused
SEAL_ASK = b"seal\n"  # a sealed child's first and only message before its results
SEAL_GIVEN = b"go\n"
TAMPERED = (
    "wrote on the grader's result channel before its tests ended, so its results were not used"
)
THREADS_LEFT = "left other threads running after its tests, so its results were not used"
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
    tampered: str | None = None  # why a sealed child's results were not used
    memory_exceeded_mb: int | None = None  # the whole sandbox's memory cap it went over

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
        if self.tampered:
            return self.tampered
        if self.memory_exceeded_mb:
            return (
                f"used more than {self.memory_exceeded_mb} MiB of memory across its processes "
                "(the limit of the whole submission), so it was stopped"
            )
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


def seal(channel: int) -> None:
    """In a sealed child, once no student code is left to run: ask the supervisor for the
    seal and wait for it; afterwards what this process writes on ``channel`` counts.

    Exits the process (status :data:`EXIT_UNSEALED`) if the seal is refused."""
    os.write(channel, SEAL_ASK)
    answer = b""
    while not answer.endswith(b"\n"):
        chunk = os.read(channel, 16)
        if not chunk:
            break
        answer += chunk
    if answer != SEAL_GIVEN:
        os._exit(EXIT_UNSEALED)


def _status(pid: int | str, key: bytes) -> int:
    """A number from ``/proc/PID/status`` (``b"Threads:"``, ``b"RssAnon:"`` in KiB); 0 if
    the process is gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0


def _others(keep: set[int]) -> list[int]:
    return [int(n) for n in os.listdir("/proc") if n.isdigit() and int(n) not in keep]


def _leave_only(pid: int) -> None:
    """As the first process of a PID namespace: stop every process but ``pid`` and this
    one, kill them, and let ``pid`` go on. Stopped processes cannot fork, so nothing the
    student started can write after the seal."""
    keep = {os.getpid(), pid}
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(-1, signal.SIGSTOP)  # every process of the namespace but this one
    for _ in range(3):  # a fork that raced the first signal is caught by the next pass
        for other in _others(keep):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(other, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGCONT)


def added_memory_kib() -> int:
    """As the first process of a PID namespace: the memory its other processes added to
    what they share with it (each is a fork of it), summed, KiB. A lower bound: a page a
    fork still shares counts as its own only once it is written."""
    base = _status("self", b"RssAnon:")
    return sum(max(0, _status(pid, b"RssAnon:") - base) for pid in _others({os.getpid()}))


def reap_orphans() -> None:
    """Collect the exit status of any child left over (orphans a sandbox adopted): zombies
    count against the process limit of the sandbox's uid."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


class _Seal:
    """The supervisor's side of a sealed channel."""

    def __init__(self, fd: int, pid: int, sweep: bool, one_thread: bool) -> None:
        self.fd, self.pid, self.sweep, self.one_thread = fd, pid, sweep, one_thread
        self.given = False
        self.tampered: str | None = None

    def check(self, reader: _Reader) -> None:
        """Look at what arrived before the seal: the request, or tampering."""
        if self.given or self.tampered:
            return
        data = bytes(reader.data)
        if not SEAL_ASK.startswith(data[: len(SEAL_ASK)]) or len(data) > len(SEAL_ASK):
            self.tampered = TAMPERED
            return
        if data != SEAL_ASK:
            return  # the request is still arriving
        if self.sweep:
            _leave_only(self.pid)
        if self.one_thread and _status(self.pid, b"Threads:") > 1:
            self.tampered = THREADS_LEFT
            return
        reader.data.clear()
        reader.total = 0
        self.given = True
        with contextlib.suppress(OSError):
            os.write(self.fd, SEAL_GIVEN)


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
    sealed: bool = False,
    one_thread: bool = True,
    memory_mb: int | None = None,
) -> Finished:
    """Run ``work(result_fd)`` in a forked child and wait for it, at most ``wall_s`` seconds.

    The child's stdout and stderr go to a pipe: the first ``keep_output`` bytes are kept,
    and more than ``output_cap`` bytes stop it. More than ``result_cap`` bytes on the
    result pipe stop it too. ``sweep`` also kills every other process the caller can
    signal (use only as the first process of a PID namespace). ``sealed``: the result
    channel is a socket on which only what follows the seal counts (:func:`seal`), given
    only to a child left with ``one_thread`` (where student code ran in it). ``memory_mb``
    (with ``sweep``): the memory all processes of the namespace may add together.
    """
    out_r, out_w = os.pipe()
    if sealed:
        ends = socket.socketpair()
        res_r, res_w = (end.detach() for end in ends)
    else:
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
    sealer = _Seal(res_r, pid, sweep, one_thread) if sealed else None
    status = None
    timed_out = False
    over_memory = None
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
            if sealer is not None and result.fd in ready:
                sealer.check(result)
                if sealer.tampered:
                    break
            if memory_mb and sweep and added_memory_kib() > memory_mb * 1024:
                over_memory = memory_mb
                break
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
    if sealer is not None and not sealer.given:  # nothing after a seal: nothing counts
        if result.data and bytes(result.data) != SEAL_ASK and not sealer.tampered:
            sealer.tampered = TAMPERED
        result.data.clear()
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
        tampered=sealer.tampered if sealer is not None else None,
        memory_exceeded_mb=over_memory,
    )
