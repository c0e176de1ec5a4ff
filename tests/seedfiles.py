"""Where the real student submissions (the seeds) are: beside the checkout, or $GRADER_SEEDS."""

import os
from pathlib import Path

from grader.paths import PROJECT_ROOT

SEEDS_DIR = Path(os.environ.get("GRADER_SEEDS", PROJECT_ROOT.parent / "shared" / "seeds"))
SEED_HW3_2023 = "000_7ec7da42a8f2363f.txt"
SEED_HW2_2024 = "003_8583640d83e9e41a.txt"
