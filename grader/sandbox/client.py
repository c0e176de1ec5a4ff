"""The grader's side of the sandbox server: start it once, send it requests, stop it.

One server per grader process (a worker of a process pool gets its own). It is started
on first use and stopped at exit; it also dies with the grader, and everything it
forked dies with it.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import subprocess
import sys
import tempfile
import threading
import time

START_TIMEOUT_S = 180.0  # importing torch on a busy 2-core machine
CLOSE_WAIT_S = 1.0  # for the server to end once its stdin is closed, before it is killed
# The server's first statements, before it imports anything of its own (seconds of
# imports): die with the process that started it (PR_SET_PDEATHSIG, 1, with SIGKILL), and
# end at once if that process is already gone (then no signal would ever come).
LAUNCH = (
    "import ctypes, os, runpy, signal, sys;"
    "ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0);"
    "os.getppid() == int(sys.argv[1]) or os._exit(1);"
    "runpy.run_module('grader.sandbox.server', run_name='__main__', alter_sys=True)"
)
# A wait for the server is cut into slices this long, so the per-student budget
# (grader.budget, an exception raised between two bytecodes) ends it within one slice.
WAIT_SLICE_S = 0.1


class SandboxError(Exception):
    """The sandbox server failed or did not answer; the message says what happened."""


class SandboxServer:
    """A running ``python -m grader.sandbox.server`` and its JSON-lines channel."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._log = None
        self._buffer = b""
        self._lock = threading.Lock()
        self.isolation: dict = {}
        self.started_in_s = 0.0

    def _start(self) -> None:
        self._log = tempfile.TemporaryFile()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "CUDA"))}
        env.update(
            {
                "OMP_NUM_THREADS": "1",
                "TOKENIZERS_PARALLELISM": "false",
                "HF_HUB_OFFLINE": "1",
                "TRANSFORMERS_OFFLINE": "1",
                "HF_HUB_DISABLE_PROGRESS_BARS": "1",
                "TRANSFORMERS_VERBOSITY": "error",
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        start = time.monotonic()
        self._process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, str(os.getpid())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env=env,
            close_fds=True,
        )
        self._buffer = b""
        self.isolation = self._exchange({"op": "hello"}, START_TIMEOUT_S)["isolation"]
        self.started_in_s = time.monotonic() - start

    def _log_tail(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return " | ".join(lines[-3:])

    def _read_line(self, deadline: float) -> bytes:
        assert self._process is not None and self._process.stdout is not None
        fd = self._process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SandboxError("the sandbox server did not answer in time")
            if select.select([fd], [], [], min(remaining, WAIT_SLICE_S))[0]:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    raise SandboxError(f"the sandbox server stopped ({self._log_tail()})")
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def _exchange(self, request: dict, timeout_s: float) -> dict:
        assert self._process is not None and self._process.stdin is not None
        try:
            self._process.stdin.write((json.dumps(request) + "\n").encode())
            self._process.stdin.flush()
            reply = json.loads(self._read_line(time.monotonic() + timeout_s))
        except (OSError, ValueError, SandboxError) as exc:
            self.close()
            raise SandboxError(str(exc)) from None
        except BaseException:  # the student's budget ran out mid-request: stop its sandbox now
            self.close(kill=True)  # (a reply still to come would answer the next request)
            raise
        if "error" in reply:
            raise SandboxError(reply["error"])
        return reply

    def request(self, request: dict, timeout_s: float) -> dict:
        """Send one request and wait for its reply, starting the server if needed."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            return self._exchange(request, timeout_s)

    def ensure_started(self) -> dict:
        """Start the server if needed; return what it found about isolation."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._start()
            elif self.isolation.get("infra"):  # a passing failure: the server looks again
                self.isolation = self._exchange({"op": "hello"}, START_TIMEOUT_S)["isolation"]
            return self.isolation

    def close(self, kill: bool = False) -> None:
        """Stop the server (and so every sandbox it started); ``kill``: at once."""
        process, self._process = self._process, None
        if process is None:
            return
        if kill:
            process.kill()
        if process.stdin:
            with contextlib.suppress(OSError):
                process.stdin.close()
        try:
            process.wait(timeout=CLOSE_WAIT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


_server: SandboxServer | None = None


def server() -> SandboxServer:
    """This process's sandbox server (not started until first used)."""
    global _server
    if _server is None:
        _server = SandboxServer()
        atexit.register(_server.close)
    return _server
