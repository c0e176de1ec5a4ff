"""One reference run from options to results file: settings, data, model, training, JSON."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from .config import load_task_config
from .data.bert import load_bert, tokenize
from .data.fashion_mnist import load_fashion_mnist
from .data.imdb import Review, read_aclimdb, torchtext_split
from .errors import ReferenceSetupError
from .results_file import build_results, check_writable, write_results
from .training.epochs import TrainOutcome
from .training.runtime import Runtime, resolve_runtime
from .training.sentiment import TokenSplits, train_sentiment
from .training.vit import train_vit


@dataclass(frozen=True)
class RunOptions:
    """What ``grader reference train`` was asked to do (None: the homework's setting)."""

    task: str
    data_dir: Path
    out: Path
    device: str = "auto"
    epochs: int | None = None
    limit: int | None = None
    seed: int | None = None
    mode: str = "faithful"
    compile: bool = False
    amp: bool = True
    bert: str | None = None
    batch_size: int | None = None
    progress: bool = True


def _check_options(options: RunOptions) -> None:
    if options.task == "vit" and options.mode != "faithful":
        raise ReferenceSetupError("--mode fast applies to the sentiment task only")
    if options.task == "vit" and options.bert:
        raise ReferenceSetupError("--bert applies to the sentiment task only")


def _subsets(reviews: dict[str, list[Review]], train: dict, limit: int | None) -> dict:
    """The homework's train/validation split of IMDB's training reviews and the test set,
    each cut to ``limit`` (the test set through a seeded sample: its files list all the
    positive reviews first)."""
    train_index, val_index = torchtext_split(
        len(reviews["train"]), train["split_ratio"], train["split_seed"]
    )
    test = reviews["test"]
    if limit is not None:
        order = random.Random(train["split_seed"]).sample(range(len(test)), len(test))
        test = [test[i] for i in order]
    return {
        "train": [reviews["train"][i] for i in train_index[:limit]],
        "val": [reviews["train"][i] for i in val_index[:limit]],
        "test": test[:limit],
    }


def _run_sentiment(
    options: RunOptions, config: dict, runtime: Runtime, epochs: int, seed: int
) -> tuple[dict, TrainOutcome]:
    """Read, split and tokenise IMDB, load BERT, train; the ``data`` record and outcome."""
    train = config["train"]
    reviews, data = read_aclimdb(options.data_dir)
    tokenizer, bert = load_bert(config["bert"])
    sets = _subsets(reviews, train, options.limit)
    started = time.perf_counter()
    texts = [review.text for name in sets for review in sets[name]]
    ids = iter(tokenize(tokenizer, texts, train["max_length"], options.progress))
    tokenize_seconds = time.perf_counter() - started
    tokens = {name: [next(ids) for _ in sets[name]] for name in sets}
    labels = {
        f"{name}_labels": torch.tensor([r.label for r in sets[name]], dtype=torch.float32)
        for name in sets
    }
    splits = TokenSplits(**tokens, **labels, pad_id=tokenizer.pad_token_id)
    data["split"] = {
        **{name: len(sets[name]) for name in sets},
        "ratio": train["split_ratio"],
        "seed": train["split_seed"],
    }
    outcome = train_sentiment(
        splits, bert, config, runtime, epochs, seed, options.mode, options.progress
    )
    outcome.extra["tokenize_seconds"] = tokenize_seconds
    outcome.extra["tokens"] = {name: sum(map(len, tokens[name])) for name in sets}
    return data, outcome


def _run_vit(
    options: RunOptions, config: dict, runtime: Runtime, epochs: int, seed: int
) -> tuple[dict, TrainOutcome]:
    """Load FashionMNIST and train the ViT; the ``data`` record and outcome."""
    splits, data = load_fashion_mnist(options.data_dir, options.limit)
    data["split"] = {
        "train": len(splits.train_labels),
        "test": len(splits.test_labels),
        "val": "the test set, evaluated after every epoch as in the homework",
    }
    return data, train_vit(splits, config, runtime, epochs, seed, options.progress)


def run_reference(options: RunOptions) -> dict:
    """Train the task as the options say, write the results file and return its content."""
    config = load_task_config(options.task)
    _check_options(options)
    check_writable(options.out)
    train = config["train"]
    if options.batch_size is not None:
        train["batch_size"] = options.batch_size
    train["epochs"] = epochs = options.epochs or train["epochs"]
    seed = train["seed"] if options.seed is None else options.seed
    runtime = resolve_runtime(options.device, options.amp, options.compile)
    config.update(mode=options.mode, limit=options.limit)
    if options.task == "sentiment":
        config["bert"] = options.bert or config["bert"]
    run = _run_vit if options.task == "vit" else _run_sentiment
    data, outcome = run(options, config, runtime, epochs, seed)
    results = build_results(options.task, config, seed, runtime, data, outcome)
    write_results(options.out, results)
    return results
