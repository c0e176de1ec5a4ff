"""Where the project's data lives: rubrics, templates and reference results."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RUBRICS_DIR = PROJECT_ROOT / "rubrics"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
REFERENCE_DIR = PROJECT_ROOT / "reference"
SUBMISSIONS_DIR = PROJECT_ROOT / "submissions"
