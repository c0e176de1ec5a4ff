"""grader: automated grading and reports for a graduate deep-learning course.

``from grader import check`` gives students the self-check (see :mod:`grader.selfcheck`);
it is imported on first use, so importing the package stays light.
"""

from __future__ import annotations

from typing import Any

__all__ = ["check"]


def __getattr__(name: str) -> Any:
    if name == "check":
        from grader.selfcheck import check

        return check
    raise AttributeError(f"module 'grader' has no attribute {name!r}")
