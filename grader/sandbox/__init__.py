"""Running student code safely: function tests against the reference, and optional
re-execution of notebooks, in a sandbox with no network, its own process tree, a
private /tmp, hidden grader files, resource limits and an unprivileged uid.

Public entry points:

* :func:`run_function_tests` (used by the ``function_tests`` check kind);
* :func:`reexecute` (``grader grade --execute``);
* :func:`isolation_status` (whether isolation works on this machine).

Importing this package does not import torch; the sandbox server does, once.
"""

from __future__ import annotations

from .client import SandboxError, server
from .functions import FunctionReport, FunctionRequest, RunRefused, run_function_tests
from .limits import Limits, LimitsError
from .notebook import reexecute


def isolation_status() -> dict:
    """``{"available": bool, "reason": str}``, probing once (starts the sandbox server)."""
    return server().ensure_started()


__all__ = [
    "FunctionReport",
    "FunctionRequest",
    "Limits",
    "LimitsError",
    "RunRefused",
    "SandboxError",
    "isolation_status",
    "reexecute",
    "run_function_tests",
]
