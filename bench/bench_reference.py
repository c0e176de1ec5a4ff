"""Time the reference training loops on synthetic data: seconds per epoch, throughput, padding.

Runs the same code as ``grader reference train`` on generated inputs of the real sizes
(or smaller ones), so it needs no dataset and no download:

    python bench/bench_reference.py vit --device cuda                       # 60,000 / 10,000
    python bench/bench_reference.py sentiment --device cuda --mode fast     # 17,500 / 7,500
    python bench/bench_reference.py vit --device cpu --n-train 512 --n-val 256 --epochs 2

For ``sentiment`` the default BERT is ``BertModel(BertConfig())`` with random weights (the
bert-base-uncased architecture: same speed, no weights needed); ``--bert DIR`` uses a real
model instead. Token sequences are random ids with log-normal lengths around
``--mean-length``, so the padding ratio printed is that of these synthetic lengths.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reference.config import load_task_config
from reference.data.fashion_mnist import ImageSplits
from reference.data.synthetic import synthetic_images, synthetic_token_ids
from reference.training.epochs import TrainOutcome
from reference.training.runtime import Runtime, device_name, resolve_runtime
from reference.training.sentiment import MODES, TokenSplits, train_sentiment
from reference.training.vit import train_vit

VOCAB_SIZE = 30522  # bert-base-uncased's vocabulary
PAD_ID = 0


def _vit(args: argparse.Namespace, config: dict, runtime: Runtime) -> TrainOutcome:
    train_images, train_labels = synthetic_images(args.n_train, seed=0)
    test_images, test_labels = synthetic_images(args.n_val, seed=1)
    splits = ImageSplits(train_images, train_labels, test_images, test_labels)
    return train_vit(splits, config, runtime, args.epochs, seed=0, progress=args.progress)


def _bert(args: argparse.Namespace):
    if args.bert:
        from reference.data.bert import load_bert

        return load_bert(args.bert)[1]
    from transformers import BertConfig, BertModel

    return BertModel(BertConfig(attn_implementation="sdpa"))


def _sentiment(args: argparse.Namespace, config: dict, runtime: Runtime) -> TrainOutcome:
    max_length = config["train"]["max_length"]
    train, train_labels = synthetic_token_ids(
        args.n_train, args.mean_length, max_length, VOCAB_SIZE
    )
    val, val_labels = synthetic_token_ids(args.n_val, args.mean_length, max_length, VOCAB_SIZE, 1)
    test, test_labels = synthetic_token_ids(
        args.n_test, args.mean_length, max_length, VOCAB_SIZE, 2
    )
    splits = TokenSplits(train, train_labels, val, val_labels, test, test_labels, PAD_ID)
    return train_sentiment(
        splits, _bert(args), config, runtime, args.epochs, 0, args.mode, args.progress
    )


def _report(args: argparse.Namespace, runtime: Runtime, outcome: TrainOutcome) -> dict:
    """Print one line per epoch and return the figures as a dict."""
    print(f"{args.task} on {device_name(runtime.device)} — {runtime.describe()}")
    print(f"train {args.n_train:,}, val {args.n_val:,}, mode {args.mode}")
    for name, value in outcome.extra.items():
        print(f"  {name}: {value}")
    for record in outcome.epochs:
        rate = record["throughput"]
        line = (
            f"epoch {record['epoch']}: {record['seconds']:.2f} s | train {rate['train']:,.0f} "
            f"{rate['unit']} | val {rate['val']:,.0f} {rate['unit']}"
        )
        if "padding_ratio" in record:
            line += f" | padding {100 * record['padding_ratio']:.1f}%"
        print(line)
    return {
        "task": args.task,
        "device": device_name(runtime.device),
        "runtime": runtime.describe(),
        "sizes": {"train": args.n_train, "val": args.n_val},
        "mode": args.mode,
        "epochs": outcome.epochs,
        "details": outcome.extra,
    }


def main() -> None:
    """Parse the options, run the benchmark and print (and optionally save) its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=["vit", "sentiment"])
    parser.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--n-train", type=int, help="default: 60,000 (vit) / 17,500 (sentiment)")
    parser.add_argument("--n-val", type=int, help="default: 10,000 (vit) / 7,500 (sentiment)")
    parser.add_argument("--n-test", type=int, default=128, help="sentiment test sequences")
    parser.add_argument("--batch-size", type=int, help="default: the homework's")
    parser.add_argument("--mode", default="faithful", choices=MODES)
    parser.add_argument("--compile", action="store_true")
    parser.add_argument("--no-amp", dest="amp", action="store_false")
    parser.add_argument("--bert", help="a BERT folder (default: random-weight bert-base)")
    parser.add_argument("--mean-length", type=int, default=300, help="synthetic tokens/review")
    parser.add_argument("--json-out", type=Path, help="also write the figures here")
    parser.add_argument("--progress", action="store_true", help="show progress bars")
    args = parser.parse_args()
    vit = args.task == "vit"
    args.n_train = args.n_train or (60_000 if vit else 17_500)
    args.n_val = args.n_val or (10_000 if vit else 7_500)

    config = load_task_config(args.task)
    if args.batch_size:
        config["train"]["batch_size"] = args.batch_size
    runtime = resolve_runtime(args.device, args.amp, args.compile)
    outcome = (_vit if vit else _sentiment)(args, config, runtime)
    figures = _report(args, runtime, outcome)
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
