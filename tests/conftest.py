"""Shared fixtures: paths to the seeds and small builders for notebooks and documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from grader.paths import PROJECT_ROOT

SEEDS_DIR = Path(os.environ.get("GRADER_SEEDS", PROJECT_ROOT.parent / "shared" / "seeds"))
SEED_HW3_2023 = "000_7ec7da42a8f2363f.txt"
SEED_HW2_2024 = "003_8583640d83e9e41a.txt"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of real student submissions (text of their PDFs), beside the checkout."""
    if not (SEEDS_DIR / SEED_HW2_2024).is_file():
        pytest.fail(f"seed submissions not found in {SEEDS_DIR}; set GRADER_SEEDS to their folder")
    return SEEDS_DIR
