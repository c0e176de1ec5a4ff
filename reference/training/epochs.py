"""What every training loop shares: on-device metric sums, progress bars, epoch records."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import torch
from tqdm.auto import tqdm


class Meter:
    """Loss and correct-prediction sums kept on the device: no host sync per batch."""

    def __init__(self, device: torch.device) -> None:
        self.loss = torch.zeros((), dtype=torch.float64, device=device)
        self.correct = torch.zeros((), dtype=torch.float64, device=device)
        self.count = 0
        self.started = time.perf_counter()

    def add(self, mean_loss: torch.Tensor, correct: torch.Tensor, n: int) -> None:
        """Add one batch: its mean loss, its number of correct predictions, its size."""
        self.loss += mean_loss.detach().double() * n
        self.correct += correct.detach().double()
        self.count += n

    def finish(self) -> dict:
        """Per-example mean loss, accuracy (0-1), items and seconds (one host sync)."""
        loss, correct = self.loss.item(), self.correct.item()
        seconds = time.perf_counter() - self.started
        count = max(self.count, 1)
        return {
            "loss": loss / count,
            "acc": correct / count,
            "items": self.count,
            "seconds": seconds,
        }


def progress_bar(desc: str, total_batches: int, enabled: bool) -> tqdm:
    """A progress bar over batches (one per epoch: training and validation together)."""
    return tqdm(
        total=total_batches,
        desc=desc,
        unit="batch",
        leave=False,
        disable=not enabled,
        dynamic_ncols=True,
    )


def epoch_record(epoch: int, train: dict, val: dict, seconds: float, unit: str) -> dict:
    """One entry of a results file's ``epochs`` list."""
    return {
        "epoch": epoch,
        "train_loss": train["loss"],
        "train_acc": train["acc"],
        "val_loss": val["loss"],
        "val_acc": val["acc"],
        "seconds": seconds,
        "throughput": {
            "unit": unit,
            "train": train["items"] / train["seconds"] if train["seconds"] else None,
            "val": val["items"] / val["seconds"] if val["seconds"] else None,
            "epoch": (train["items"] + val["items"]) / seconds if seconds else None,
        },
    }


def summary_line(record: dict) -> str:
    """A one-line report of an epoch for the terminal."""
    rate = record["throughput"]
    text = (
        f"epoch {record['epoch']}: train loss {record['train_loss']:.4f} "
        f"acc {100 * record['train_acc']:.2f}% | val loss {record['val_loss']:.4f} "
        f"acc {100 * record['val_acc']:.2f}% | {record['seconds']:.1f} s, "
        f"{rate['epoch']:,.0f} {rate['unit']}"
    )
    if "padding_ratio" in record:
        text += f", padding {100 * record['padding_ratio']:.1f}%"
    return text


@dataclass
class TrainOutcome:
    """What a training function hands back for the results file."""

    params: dict
    epochs: list[dict] = field(default_factory=list)
    test: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
