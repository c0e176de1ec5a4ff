"""`grader reference` end to end on CPU: parameter counts, short training runs, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner

from grader.commands.reference import reference
from reference.data.bert import load_bert
from reference.params import bert_gru_param_counts
from reference.results_file import REQUIRED_KEYS, write_results

pytest_plugins = ("reference_fixtures",)
pytestmark = pytest.mark.usefixtures("one_torch_thread")

EPOCH_KEYS = {"epoch", "train_loss", "train_acc", "val_loss", "val_acc", "seconds", "throughput"}


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(reference, list(args))
    return result.exit_code, result.output


def train(task: str, data_dir: Path, out: Path, *extra: str) -> dict:
    code, output = invoke(
        "train",
        task,
        "--data-dir",
        str(data_dir),
        "--device",
        "cpu",
        "--epochs",
        "3",
        "--out",
        str(out),
        "--no-progress",
        *extra,
    )
    assert code == 0, output
    return json.loads(out.read_text(encoding="utf-8"))


def assert_complete(results: dict, task: str, epochs: int) -> None:
    assert set(REQUIRED_KEYS) <= set(results)
    assert results["task"] == task
    assert {"torch", "transformers", "cuda"} <= set(results["versions"])
    assert {"path", "checksum"} <= set(results["data"])
    assert set(results["params"]) == {"total", "trainable"}
    assert [e["epoch"] for e in results["epochs"]] == list(range(1, epochs + 1))
    for record in results["epochs"]:
        assert EPOCH_KEYS <= set(record)
        assert record["throughput"]["epoch"] > 0
    assert 0.0 <= results["test"]["acc"] <= 1.0 and results["test"]["loss"] >= 0.0


def assert_learns(results: dict) -> None:
    losses = [e["train_loss"] for e in results["epochs"]]
    assert losses[-1] < losses[0], losses


def test_params_prints_the_homework_counts() -> None:
    code, output = invoke("params")
    assert code == 0
    assert "499,722" in output and "112,241,409" in output and "2,759,169" in output


def test_params_follows_the_chosen_hyperparameters() -> None:
    code, output = invoke(
        "params", "--hidden-dim", "128", "--n-layers", "1", "--bidirectional", "false"
    )
    total, trainable = bert_gru_param_counts(128, 1, False, 1)
    assert code == 0 and f"{total:,} total" in output and f"{trainable:,} trainable" in output


def test_vit_run_learns_and_writes_a_complete_results_file(
    fashion_dir: Path, tmp_path: Path
) -> None:
    results = train("vit", fashion_dir, tmp_path / "vit.json", "--batch-size", "64")
    assert_complete(results, "vit", 3)
    assert_learns(results)
    assert results["params"] == {"total": 499_722, "trainable": 499_722}
    assert results["data"]["synthetic"] is True and "SYNTHETIC" in results["data"]["note"]
    assert results["test"]["acc"] == results["epochs"][-1]["val_acc"]
    assert results["config"]["train"]["batch_size"] == 64 and results["seed"] == 42


@pytest.mark.parametrize("mode", ["faithful", "fast"])
def test_sentiment_run_learns_with_minilm(
    mode: str, imdb_dir: Path, minilm_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / f"sentiment-{mode}.json"
    results = train(
        "sentiment",
        imdb_dir,
        out,
        "--bert",
        str(minilm_dir),
        "--batch-size",
        "16",
        "--mode",
        mode,
    )
    assert_complete(results, "sentiment", 3)
    assert_learns(results)
    assert results["data"]["split"] == {
        "train": 56,
        "val": 24,
        "test": 40,
        "ratio": 0.7,
        "seed": 1234,
    }
    _, bert = load_bert(str(minilm_dir))
    total, trainable = bert_gru_param_counts(
        bert_params=sum(p.numel() for p in bert.parameters()),
        embedding_dim=bert.config.hidden_size,
    )
    assert results["params"] == {"total": total, "trainable": trainable}
    assert results["config"]["mode"] == mode
    assert results["test"]["best_epoch"] in {1, 2, 3}
    assert all(0.0 <= e["padding_ratio"] < 1.0 for e in results["epochs"])
    assert ("feature_cache" in results["details"]) == (mode == "fast")
    assert not list(tmp_path.glob(".*.tmp"))


def test_missing_data_is_one_message_and_exit_2(tmp_path: Path) -> None:
    code, output = invoke(
        "train", "vit", "--data-dir", str(tmp_path), "--out", str(tmp_path / "r.json")
    )
    assert code == 2
    assert "FashionMNIST not found" in output and "Traceback" not in output
    assert not (tmp_path / "r.json").exists()


def test_cuda_without_a_gpu_is_a_clear_error(
    fashion_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    code, output = invoke(
        "train",
        "vit",
        "--data-dir",
        str(fashion_dir),
        "--device",
        "cuda",
        "--out",
        str(tmp_path / "r.json"),
    )
    assert code == 2 and "no CUDA GPU" in output


def test_fast_mode_is_for_sentiment_only(fashion_dir: Path, tmp_path: Path) -> None:
    code, output = invoke(
        "train",
        "vit",
        "--data-dir",
        str(fashion_dir),
        "--mode",
        "fast",
        "--out",
        str(tmp_path / "r.json"),
    )
    assert code == 2 and "sentiment task only" in output


def test_results_are_written_whole_or_not_at_all(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    write_results(path, {"task": "vit"})
    with pytest.raises(TypeError):
        write_results(path, {"task": object()})
    assert json.loads(path.read_text(encoding="utf-8")) == {"task": "vit"}
    assert [p.name for p in tmp_path.iterdir()] == ["results.json"]
