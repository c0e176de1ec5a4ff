"""The homework's ViT training: Adam, cross-entropy, the test set evaluated after each epoch.

Fast path: the whole (small) dataset is normalised once and kept on the device, batches are
drawn by index there, metrics stay on the device until the epoch ends, the forward pass runs
under bf16 autocast on a GPU, and the model may be compiled.
"""

from __future__ import annotations

import time

import torch
import torch.nn.functional as F
from tqdm.auto import tqdm

from ..data.fashion_mnist import ImageSplits
from ..models import ViT, count_parameters
from .epochs import Meter, TrainOutcome, epoch_record, progress_bar, summary_line
from .runtime import Runtime, seed_everything

UNIT = "images/s"


def _normalised(images: torch.Tensor, train: dict, runtime: Runtime) -> torch.Tensor:
    """uint8 [N, H, W] -> float [N, 1, H, W] on the device: ToTensor, then Normalize."""
    pixels = runtime.to_device(images).unsqueeze(1).float().div_(255)
    return pixels.sub_(train["normalize_mean"]).div_(train["normalize_std"])


def _evaluate(model, images, labels, batch_size: int, runtime: Runtime, bar) -> dict:
    meter = Meter(runtime.device)
    model.eval()
    with torch.inference_mode(), runtime.autocast():
        for start in range(0, len(images), batch_size):
            x, y = images[start : start + batch_size], labels[start : start + batch_size]
            logits = model(x).float()
            meter.add(F.cross_entropy(logits, y), (logits.argmax(dim=1) == y).sum(), len(y))
            bar.update()
    return meter.finish()


def _train_epoch(model, optimizer, images, labels, batch_size: int, runtime: Runtime, bar) -> dict:
    meter = Meter(runtime.device)
    model.train()
    permutation = torch.randperm(len(images), device=runtime.device)
    for start in range(0, len(images), batch_size):
        index = permutation[start : start + batch_size]
        x, y = images[index], labels[index]
        optimizer.zero_grad(set_to_none=True)
        with runtime.autocast():
            logits = model(x).float()
        # log_softmax + nll_loss in the homework: the same as cross_entropy
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        meter.add(loss, (logits.argmax(dim=1) == y).sum(), len(y))
        bar.update()
    return meter.finish()


def train_vit(
    splits: ImageSplits, config: dict, runtime: Runtime, epochs: int, seed: int, progress: bool
) -> TrainOutcome:
    """Train the homework's ViT for ``epochs`` epochs; ``val_*`` is the test set, as in the
    homework, and ``test`` is the last epoch's evaluation."""
    train = config["train"]
    seed_everything(seed)
    model = ViT(**config["model"])
    outcome = TrainOutcome(params=count_parameters(model))
    model = model.to(runtime.device)
    optimizer = torch.optim.Adam(
        model.parameters(), lr=train["lr"], weight_decay=train["weight_decay"], fused=runtime.cuda
    )
    step_model = torch.compile(model) if runtime.compile else model

    started = time.perf_counter()
    train_x = _normalised(splits.train_images, train, runtime)
    train_y = runtime.to_device(splits.train_labels)
    test_x = _normalised(splits.test_images, train, runtime)
    test_y = runtime.to_device(splits.test_labels)
    outcome.extra["prepare_seconds"] = time.perf_counter() - started

    batch_size, eval_batch_size = train["batch_size"], train["eval_batch_size"]
    batches = -(-len(train_x) // batch_size) + -(-len(test_x) // eval_batch_size)
    for epoch in range(1, epochs + 1):
        epoch_started = time.perf_counter()
        with progress_bar(f"epoch {epoch}/{epochs}", batches, progress) as bar:
            trained = _train_epoch(
                step_model, optimizer, train_x, train_y, batch_size, runtime, bar
            )
            evaluated = _evaluate(step_model, test_x, test_y, eval_batch_size, runtime, bar)
        seconds = time.perf_counter() - epoch_started
        outcome.epochs.append(epoch_record(epoch, trained, evaluated, seconds, UNIT))
        if progress:
            tqdm.write(summary_line(outcome.epochs[-1]))
    last = outcome.epochs[-1] if outcome.epochs else None
    outcome.test = {
        "loss": last["val_loss"] if last else None,
        "acc": last["val_acc"] if last else None,
        "split": f"test set ({len(test_y)} images), evaluated after the last epoch",
    }
    return outcome
