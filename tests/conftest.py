"""Shared fixtures: paths to the seeds and small builders for notebooks and documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from seedfiles import SEED_HW2_2024, SEEDS_DIR


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of real student submissions (text of their PDFs), beside the checkout."""
    if not (SEEDS_DIR / SEED_HW2_2024).is_file():
        pytest.fail(f"seed submissions not found in {SEEDS_DIR}; set GRADER_SEEDS to their folder")
    return SEEDS_DIR
