"""Reference training curves: recorded reference runs, else the seeds' published figures.

Which runs a problem is compared with is data (``templates/reference_curves.yaml``). Runs
come from ``reference/results/*.json`` (issue 4's results files: ``task``, ``seed``,
``device``, ``epochs``…); while none exists for a task, the seeds' logs recorded in that
YAML with their source stand in, labelled as what they are.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from grader.paths import REFERENCE_DIR

from .env import TemplateDataError, template_data
from .plots import Curve

log = logging.getLogger(__name__)

RESULTS_DIR = REFERENCE_DIR / "results"
CURVES_FILE = "reference_curves.yaml"


def _percent(records: list[dict], metrics: list[str]) -> list[dict]:
    """Accuracies stored as fractions (every value ≤ 1) turned into percent, as students log."""
    accuracies = [m for m in metrics if "acc" in m]
    for metric in accuracies:
        values = [r[metric] for r in records if r.get(metric) is not None]
        if values and max(values) <= 1.0:
            for record in records:
                if record.get(metric) is not None:
                    record[metric] = round(record[metric] * 100, 4)
    return records


def run_curve(path: Path, run: dict, metrics: dict[str, str]) -> Curve:
    """One results file as a curve in the student's metric names."""
    records = [
        {"epoch": int(e["epoch"]), **{mine: e.get(theirs) for mine, theirs in metrics.items()}}
        for e in run.get("epochs", [])
    ]
    data = run.get("data") or {}
    source = f"reference/results/{path.name}: device {run.get('device', '?')}, seed {run.get('seed', '?')}"
    if data.get("path"):
        source += f", data {data['path']}"
    label = f"reference run (seed {run.get('seed', '?')})"
    return Curve(label, source, tuple(_percent(records, list(metrics))))


def recorded_runs(task: str, results_dir: Path = RESULTS_DIR) -> list[tuple[Path, dict]]:
    """The readable results files of a task, in name order; unreadable ones are logged."""
    runs = []
    for path in sorted(results_dir.glob("*.json")):
        try:
            run = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            log.warning("%s: not a readable results file (%s); skipped", path, exc)
            continue
        if isinstance(run, dict) and run.get("task") == task:
            runs.append((path, run))
    return runs


def curve_config(problem_use: str, templates_dir: Path | None = None) -> dict | None:
    """A problem's entry in ``reference_curves.yaml`` (``task``, ``metrics``, ``seeds``)."""
    config = template_data(CURVES_FILE, templates_dir).get(problem_use)
    if config is not None and (not isinstance(config, dict) or "task" not in config):
        raise TemplateDataError(f"{CURVES_FILE}: entry '{problem_use}' needs a 'task'")
    return config


def seed_curves(config: dict) -> list[Curve]:
    """The seeds' published figures recorded for a problem, with their sources."""
    return [Curve(s["label"], s["source"], tuple(s["epochs"])) for s in config.get("seeds", [])]


def reference_curves(
    problem_use: str, templates_dir: Path | None = None, results_dir: Path = RESULTS_DIR
) -> list[Curve]:
    """The curves a problem's training log is drawn against (empty when none is known)."""
    config = curve_config(problem_use, templates_dir)
    if config is None:
        return []
    runs = recorded_runs(config["task"], results_dir)
    if runs:
        return [run_curve(path, run, config.get("metrics") or {}) for path, run in runs]
    return seed_curves(config)
