"""The grader's own implementation of each tested function, and the expected observations.

Runs only in a process that runs no student code (the sandbox server forks it for the
purpose) and is hidden from sandboxed processes. Expected values are what the
harness's observers see when given these implementations, so a student's function is
held to exactly the same measurement as the reference.
"""

from __future__ import annotations

import torch
from torch import nn

from reference.models import ViT

from .harness import OBSERVERS

# Globals a notebook defines and the homework's functions read; the harness sets them
# while a function runs, exactly as for a student's function.
binary_accuracy = None
max_input_length = init_token_idx = eos_token_idx = device = None


def reference_binary_accuracy(preds: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Share of rounded sigmoid predictions equal to the labels."""
    rounded = torch.round(torch.sigmoid(preds))
    return (rounded == y).float().sum() / len(y)


def reference_count_parameters(model: nn.Module) -> int:
    """Trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def reference_epoch_time(start_time: float, end_time: float) -> tuple[int, int]:
    """Whole minutes and remaining whole seconds."""
    elapsed = end_time - start_time
    minutes = int(elapsed / 60)
    return minutes, int(elapsed - minutes * 60)


def reference_train(model, iterator, optimizer, criterion) -> tuple[float, float]:
    """One epoch of training; mean loss and accuracy per batch."""
    epoch_loss = epoch_acc = 0.0
    model.train()
    for batch in iterator:
        optimizer.zero_grad()
        predictions = model(batch.text).squeeze(1)
        loss = criterion(predictions, batch.label)
        acc = binary_accuracy(predictions, batch.label)
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
        epoch_acc += acc.item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)


def reference_evaluate(model, iterator, criterion) -> tuple[float, float]:
    """Mean loss and accuracy per batch, in eval mode and without gradients."""
    epoch_loss = epoch_acc = 0.0
    model.eval()
    with torch.no_grad():
        for batch in iterator:
            predictions = model(batch.text).squeeze(1)
            epoch_loss += criterion(predictions, batch.label).item()
            epoch_acc += binary_accuracy(predictions, batch.label).item()
    return epoch_loss / len(iterator), epoch_acc / len(iterator)


def reference_predict_sentiment(model, tokenizer, sentence: str) -> float:
    """Probability that the review is positive."""
    model.eval()
    tokens = tokenizer.tokenize(sentence)[: max_input_length - 2]
    indexed = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]
    tensor = torch.LongTensor(indexed).to(device).unsqueeze(0)
    return torch.sigmoid(model(tensor)).item()


IMPLEMENTATIONS = {
    "binary_accuracy": reference_binary_accuracy,
    "count_parameters": reference_count_parameters,
    "epoch_time": reference_epoch_time,
    "train": reference_train,
    "evaluate": reference_evaluate,
    "predict_sentiment": reference_predict_sentiment,
    "ViT": ViT,  # the reference model itself (reference/models.py)
}


def expected(configs: dict[str, dict]) -> dict[str, list[dict]]:
    """The reference's observations for each suite's settings."""
    torch.set_num_threads(1)
    return {suite: OBSERVERS[suite](IMPLEMENTATIONS[suite], cfg) for suite, cfg in configs.items()}
