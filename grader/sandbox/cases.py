"""The function tests' inputs (``cases.yaml``), readable without importing torch."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

CASES_PATH = Path(__file__).with_name("cases.yaml")


@cache
def load_cases() -> dict:
    """The suites' inputs, the modules to preload and the default globals."""
    return yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


def suites() -> list[str]:
    """The names of the reference test suites."""
    return list(load_cases()["suites"])


def suite_config(suite: str, overrides: dict | None = None) -> dict:
    """A suite's settings, with a rubric part's overrides applied at the top level."""
    return {**load_cases()["suites"][suite], **(overrides or {})}
