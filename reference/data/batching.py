"""Length-bucketed batches as torchtext's ``BucketIterator`` made them, and their padding.

Training batches follow ``torchtext.data.pool``: shuffle the examples, cut them into chunks
of ``chunk_batches`` batches, sort each chunk by length, cut it into batches and shuffle the
batches within the chunk. Evaluation batches come from the whole set sorted by length. Both
keep padding low, which is most of the speed of a BERT forward pass.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import torch
from torch.nn.utils.rnn import pad_sequence


def pool_batches(
    lengths: Sequence[int], batch_size: int, rng: random.Random, chunk_batches: int = 100
) -> list[list[int]]:
    """One training epoch's batches of example indices (``BucketIterator``, train=True)."""
    order = rng.sample(range(len(lengths)), len(lengths))
    chunk_size = batch_size * chunk_batches
    batches: list[list[int]] = []
    for start in range(0, len(order), chunk_size):
        chunk = sorted(order[start : start + chunk_size], key=lengths.__getitem__)
        cut = [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
        batches.extend(rng.sample(cut, len(cut)))
    return batches


def sorted_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Evaluation batches: all examples sorted by length, then cut (``train=False``)."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def padding_ratio(batches: Sequence[Sequence[int]], lengths: Sequence[int]) -> float:
    """Fraction of the padded token slots that are padding."""
    slots = sum(len(batch) * max(lengths[i] for i in batch) for batch in batches)
    tokens = sum(lengths[i] for batch in batches for i in batch)
    return (slots - tokens) / slots if slots else 0.0


def pad_batch(sequences: Sequence[torch.Tensor], pad_id: int, pin: bool) -> torch.Tensor:
    """Token ids [batch, longest] padded with ``pad_id``; in pinned memory when ``pin``."""
    batch = pad_sequence(list(sequences), batch_first=True, padding_value=pad_id)
    return batch.pin_memory() if pin else batch
