"""Reference curves: recorded runs first; the seeds' figures are exactly what the seeds logged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seedfiles import SEED_HW2_2024, SEED_HW3_2023

from grader.checks.training_log import parse_log
from grader.ingest import read_submission
from grader.report.curves import curve_config, reference_curves
from grader.rubric import load_rubric
from grader.segment import segment

# where each recorded seed curve was logged: (seed, its assignment, the training-log part)
LOGGED_IN = {
    ("vit-fashionmnist", "seed 003"): (SEED_HW2_2024, "hw2-2024", "p4.trained"),
    ("bert-sentiment", "seed 003"): (SEED_HW2_2024, "hw2-2024", "p5.q3d"),
    ("bert-sentiment", "seed 000"): (SEED_HW3_2023, "hw3-2023", "p4.q3d"),
}


@pytest.mark.parametrize("use", ["vit-fashionmnist", "bert-sentiment"])
def test_recorded_seed_figures_match_the_seed_logs(seeds_dir: Path, use: str) -> None:
    curves = reference_curves(use, results_dir=Path("/nonexistent"))
    assert curves
    for curve in curves:
        seed, assignment, part_id = LOGGED_IN[(use, curve.label)]
        rubric = load_rubric(assignment)
        params = rubric.part(part_id).params
        section = segment(read_submission(seeds_dir / seed), rubric)[part_id.split(".")[0]]
        log = "\n".join(b.text for b in section.blocks if b.kind == "output")
        assert list(curve.epochs) == parse_log(log, params["epoch"], params["metrics"])
        assert curve.label in curve.source


def test_recorded_runs_take_precedence(tmp_path: Path) -> None:
    run = {
        "task": "sentiment",
        "seed": 7,
        "device": "test device",
        "data": {"path": "aclImdb", "checksum": "abc"},
        "epochs": [
            {"epoch": 1, "train_loss": 0.5, "train_acc": 0.75, "val_loss": 0.4, "val_acc": 0.8},
            {"epoch": 2, "train_loss": 0.3, "train_acc": 0.875, "val_loss": 0.35, "val_acc": 0.85},
        ],
    }
    (tmp_path / "sentiment-a.json").write_text(json.dumps(run))
    (tmp_path / "vit-a.json").write_text(json.dumps({**run, "task": "vit"}))
    (tmp_path / "broken.json").write_text("{")
    (curve,) = reference_curves("bert-sentiment", results_dir=tmp_path)
    assert curve.label == "reference run (seed 7)"
    assert "reference/results/sentiment-a.json" in curve.source and "test device" in curve.source
    assert curve.series("val_acc") == ([1, 2], [80.0, 85.0])  # fractions shown in percent
    assert curve.series("train_loss") == ([1, 2], [0.5, 0.3])
    assert reference_curves("recurrence", results_dir=tmp_path) == []
    assert curve_config("recurrence") is None
