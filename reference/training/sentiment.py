"""The homework's BERT-GRU training: Adam, BCE-with-logits, the best validation loss kept.

Modes:

* ``faithful`` (default): every batch goes through BERT, and ``model.train()`` leaves BERT's
  dropout on during training, as in the homework.
* ``fast``: BERT's features for the training and validation batches are computed once (BERT
  in eval mode, so without dropout) and cached, then every epoch trains only the GRU head on
  them. Training batches keep the composition they had when cached (their order is still
  shuffled each epoch), and the cached features are bf16 on a GPU. The test set runs through
  the whole model as in faithful mode.

Both modes bucket batches by length as the homework's ``BucketIterator`` did, copy them
from pinned memory without blocking, run BERT under ``inference_mode`` and bf16 autocast on
a GPU (SDPA attention), and may compile BERT.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import dataclass

import torch
from torch import nn
from tqdm.auto import tqdm

from ..data.batching import pad_batch, padding_ratio, pool_batches, sorted_batches
from ..models import BERTGRUSentiment, count_parameters, freeze_bert
from .epochs import Meter, TrainOutcome, epoch_record, progress_bar, summary_line
from .runtime import Runtime, seed_everything

MODES = ("faithful", "fast")
UNIT = "sequences/s"
CACHE_MEMORY_SHARE = 0.8  # of free GPU memory the fast mode may fill with cached features


@dataclass(frozen=True)
class TokenSplits:
    """Token ids per review and float labels (1.0 = positive) of the three sets."""

    train: list[torch.Tensor]
    train_labels: torch.Tensor
    val: list[torch.Tensor]
    val_labels: torch.Tensor
    test: list[torch.Tensor]
    test_labels: torch.Tensor
    pad_id: int


class Batches:
    """Batches of one set, assembled from index lists and copied to the device."""

    def __init__(self, sequences: list[torch.Tensor], labels: torch.Tensor, pad_id: int) -> None:
        self.sequences, self.labels, self.pad_id = sequences, labels, pad_id
        self.lengths = [len(s) for s in sequences]

    def on_device(self, batches: list[list[int]], runtime: Runtime) -> Iterator:
        """(token ids, labels) per batch; the host work overlaps the GPU's."""
        for index in batches:
            text = pad_batch([self.sequences[i] for i in index], self.pad_id, runtime.cuda)
            yield runtime.to_device(text), runtime.to_device(self.labels[index])


@dataclass
class EpochPlan:
    """One epoch's training batches, how many there are and their padding ratio."""

    batches: Iterator
    count: int
    padding: float


def _correct(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Predictions round(sigmoid(logit)) equal to the label."""
    return ((logits > 0).float() == labels).sum()


def _train_epoch(model, optimizer, criterion, feed, plan: EpochPlan, runtime: Runtime, bar) -> dict:
    meter = Meter(runtime.device)
    model.train()  # BERT's dropout too, in faithful mode
    for inputs, labels in plan.batches:
        with runtime.autocast():
            embedded = feed.embed(inputs)
        optimizer.zero_grad(set_to_none=True)
        logits = model.classify(embedded).squeeze(1)
        loss = criterion(logits, labels)
        loss.backward()
        optimizer.step()
        meter.add(loss, _correct(logits, labels), len(labels))
        bar.update()
    return meter.finish()


def _evaluate(model, forward, criterion, batches: Iterator, runtime: Runtime, bar) -> dict:
    """Loss and accuracy of ``forward`` (the model, or its head on cached features)."""
    meter = Meter(runtime.device)
    model.eval()
    with torch.inference_mode(), runtime.autocast():
        for inputs, labels in batches:
            logits = forward(inputs).squeeze(1).float()
            meter.add(criterion(logits, labels), _correct(logits, labels), len(labels))
            bar.update()
    return meter.finish()


class TokenFeed:
    """Faithful mode: fresh bucketed batches of token ids each epoch, through BERT."""

    def __init__(self, model, sets: dict[str, Batches], train: dict, shuffler, runtime) -> None:
        self.model, self.sets, self.runtime, self.shuffler = model, sets, runtime, shuffler
        self.batch_size, self.chunk = train["batch_size"], train["bucket_chunk_batches"]
        self.val_batches = sorted_batches(sets["val"].lengths, self.batch_size)
        self.embed = model.features
        self.forward = model
        self.extra: dict = {}

    def train_epoch(self) -> EpochPlan:
        """This epoch's shuffled, bucketed training batches."""
        lengths = self.sets["train"].lengths
        batches = pool_batches(lengths, self.batch_size, self.shuffler, self.chunk)
        return EpochPlan(
            self.sets["train"].on_device(batches, self.runtime),
            len(batches),
            padding_ratio(batches, lengths),
        )

    def val(self) -> Iterator:
        """The validation batches (sorted by length)."""
        return self.sets["val"].on_device(self.val_batches, self.runtime)


class CachedFeed(TokenFeed):
    """Fast mode: BERT features of fixed batches, computed once; only the head trains."""

    def __init__(self, model, sets: dict[str, Batches], train: dict, shuffler, runtime) -> None:
        super().__init__(model, sets, train, shuffler, runtime)
        started = time.perf_counter()
        lengths = sets["train"].lengths
        fixed = pool_batches(lengths, self.batch_size, shuffler, self.chunk)
        self.train_padding = padding_ratio(fixed, lengths)
        self.train_cache = FeatureCache(model, sets["train"], fixed, runtime)
        self.val_cache = FeatureCache(model, sets["val"], self.val_batches, runtime)
        self.embed = _identity
        self.forward = model.classify
        self.extra = {
            "feature_cache": {
                "seconds": time.perf_counter() - started,
                "stored_on": str(self.train_cache.store),
                "dtype": str(self.train_cache.dtype),
            }
        }

    def train_epoch(self) -> EpochPlan:
        """The cached training batches in a new order."""
        count = len(self.train_cache.items)
        order = self.shuffler.sample(range(count), count)
        return EpochPlan(self.train_cache.batches(order), count, self.train_padding)

    def val(self) -> Iterator:
        """The cached validation batches."""
        return self.val_cache.batches(range(len(self.val_cache.items)))


def _identity(features: torch.Tensor) -> torch.Tensor:
    return features


class FeatureCache:
    """BERT's features of fixed batches, computed once with BERT in eval mode."""

    def __init__(self, model: BERTGRUSentiment, data: Batches, batches, runtime: Runtime) -> None:
        self.runtime = runtime
        self.dtype = torch.bfloat16 if runtime.amp else torch.float32
        self.store = self._store_device(model, data, batches)
        self.items: list[tuple[torch.Tensor, torch.Tensor]] = []
        model.eval()
        with runtime.autocast():
            for text, labels in data.on_device(batches, runtime):
                features = model.features(text).to(self.dtype)
                if self.store != runtime.device:
                    features = features.to(self.store).pin_memory()
                self.items.append((features, labels))

    def _store_device(self, model, data: Batches, batches) -> torch.device:
        """The GPU when the features fit in its free memory, else the host."""
        if not self.runtime.cuda:
            return self.runtime.device
        slots = sum(len(b) * max(data.lengths[i] for i in b) for b in batches)
        needed = slots * model.bert.config.hidden_size * self.dtype.itemsize
        free, _ = torch.cuda.mem_get_info(self.runtime.device)
        return self.runtime.device if needed < CACHE_MEMORY_SHARE * free else torch.device("cpu")

    def batches(self, order) -> Iterator:
        """(features, labels) on the device, in the given order of cached batches."""
        for i in order:
            features, labels = self.items[i]
            yield self.runtime.to_device(features), labels


def train_sentiment(
    splits: TokenSplits,
    bert: nn.Module,
    config: dict,
    runtime: Runtime,
    epochs: int,
    seed: int,
    mode: str,
    progress: bool,
) -> TrainOutcome:
    """Train BERTGRUSentiment for ``epochs`` epochs, then test the best-validation weights."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
    train = config["train"]
    seed_everything(seed)
    shuffler = random.Random(seed)  # the train iterator's RandomShuffler, seeded by SEED
    model = BERTGRUSentiment(bert, **config["model"])
    freeze_bert(model)
    outcome = TrainOutcome(params=count_parameters(model))
    model = model.to(runtime.device)
    if runtime.compile:
        model.bert = torch.compile(model.bert, dynamic=True)
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.Adam(trainable, lr=train["lr"], fused=runtime.cuda)
    criterion = nn.BCEWithLogitsLoss()

    sets = {
        name: Batches(getattr(splits, name), getattr(splits, f"{name}_labels"), splits.pad_id)
        for name in ("train", "val", "test")
    }
    feed = (CachedFeed if mode == "fast" else TokenFeed)(model, sets, train, shuffler, runtime)
    best: dict = {"loss": float("inf"), "epoch": None}
    for epoch in range(1, epochs + 1):
        started = time.perf_counter()
        plan = feed.train_epoch()
        batches = plan.count + len(feed.val_batches)
        with progress_bar(f"epoch {epoch}/{epochs}", batches, progress) as bar:
            trained = _train_epoch(model, optimizer, criterion, feed, plan, runtime, bar)
            evaluated = _evaluate(model, feed.forward, criterion, feed.val(), runtime, bar)
        record = epoch_record(epoch, trained, evaluated, time.perf_counter() - started, UNIT)
        record["padding_ratio"] = plan.padding
        outcome.epochs.append(record)
        if progress:
            tqdm.write(summary_line(record))
        if evaluated["loss"] < best["loss"]:
            best = {"loss": evaluated["loss"], "epoch": epoch, "state": _head_state(model)}

    if best["epoch"] is not None:
        model.rnn.load_state_dict(best["state"]["rnn"])
        model.out.load_state_dict(best["state"]["out"])
    test_batches = sorted_batches(sets["test"].lengths, train["batch_size"])
    with progress_bar("test", len(test_batches), progress) as bar:
        tested = _evaluate(
            model, model, criterion, sets["test"].on_device(test_batches, runtime), runtime, bar
        )
    outcome.test = {
        "loss": tested["loss"],
        "acc": tested["acc"],
        "best_epoch": best["epoch"],
        "seconds": tested["seconds"],
        "throughput": tested["items"] / tested["seconds"] if tested["seconds"] else None,
    }
    outcome.extra.update(feed.extra)
    outcome.extra["padding_ratio"] = {
        "train_mean": sum(e["padding_ratio"] for e in outcome.epochs) / max(len(outcome.epochs), 1),
        "val": padding_ratio(feed.val_batches, sets["val"].lengths),
        "test": padding_ratio(test_batches, sets["test"].lengths),
    }
    return outcome


def _head_state(model: BERTGRUSentiment) -> dict:
    """Copies of the trainable head's weights (what the homework's model.pt restores)."""
    return {
        part: {k: v.detach().clone() for k, v in getattr(model, part).state_dict().items()}
        for part in ("rnn", "out")
    }
