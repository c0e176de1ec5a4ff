"""The homework's model and training settings for each reference task (``configs/*.yaml``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import ReferenceSetupError

CONFIG_DIR = Path(__file__).resolve().parent / "configs"
TASKS = ("vit", "sentiment")
REQUIRED_SECTIONS = ("source", "model", "train")


def load_task_config(task: str) -> dict:
    """The settings of ``task`` (``vit`` or ``sentiment``) with their source, as a fresh dict."""
    if task not in TASKS:
        raise ReferenceSetupError(f"unknown task {task!r}: choose one of {', '.join(TASKS)}")
    path = CONFIG_DIR / f"{task}.yaml"
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReferenceSetupError(f"{path}: cannot read the task settings ({exc})") from exc
    missing = [key for key in REQUIRED_SECTIONS if key not in (config or {})]
    if missing:
        raise ReferenceSetupError(f"{path}: missing section(s) {', '.join(missing)}")
    return config
