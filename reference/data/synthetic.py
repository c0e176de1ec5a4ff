"""Small generated stand-ins for the datasets, for tests, smoke runs and benchmarks.

They are learnable (the label is visible in the input) and never pass for the real data:
every folder written here carries ``SYNTHETIC.txt``, which results files quote.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import torch

from .fashion_mnist import RAW_FILES, raw_folder
from .provenance import SYNTHETIC_MARKER

IMAGE_SIDE = 28
NUM_CLASSES = 10
POSITIVE_WORDS = ("great", "wonderful", "excellent", "moving", "brilliant", "superb")
NEGATIVE_WORDS = ("terrible", "awful", "boring", "dreadful", "dull", "horrible")
NEUTRAL_WORDS = ("the", "movie", "plot", "actor", "scene", "film", "story", "was", "and", "a")


def synthetic_images(n: int, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """uint8 images [n, 28, 28] of noise with a bright 8x4 block placed by the class."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, NUM_CLASSES, size=n)
    images = rng.integers(0, 64, size=(n, IMAGE_SIDE, IMAGE_SIDE), dtype=np.uint8)
    for i, label in enumerate(labels):
        top, left = 4 + 12 * (label // 5), 1 + 5 * (label % 5)
        images[i, top : top + 8, left : left + 4] = 224
    return torch.from_numpy(images), torch.from_numpy(labels.astype(np.int64))


def _write_idx(path: Path, array: np.ndarray) -> None:
    """An IDX file of unsigned bytes (magic 0x08, one 4-byte size per dimension)."""
    header = struct.pack(">I", 0x0800 | array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    path.write_bytes(header + array.astype(np.uint8).tobytes())


def _mark(root: Path, what: str) -> None:
    (root / SYNTHETIC_MARKER).write_text(what + "\n", encoding="utf-8")


def write_fashion_mnist(root: Path, n_train: int, n_test: int, seed: int = 0) -> Path:
    """IDX files in torchvision's layout under ``root``; returns ``root`` (the --data-dir)."""
    raw = raw_folder(root)
    raw.mkdir(parents=True, exist_ok=True)
    train = synthetic_images(n_train, seed)
    test = synthetic_images(n_test, seed + 1)
    arrays = (train[0].numpy(), train[1].numpy(), test[0].numpy(), test[1].numpy())
    for name, array in zip(RAW_FILES, arrays, strict=True):
        _write_idx(raw / name, array)
    _mark(
        root,
        f"reference.data.synthetic.write_fashion_mnist(n_train={n_train}, n_test={n_test}, "
        f"seed={seed}): noise images with a class-placed block",
    )
    return root


def synthetic_review(rng: np.random.Generator, positive: bool) -> str:
    """A short review whose opinion words give its label away."""
    opinion = POSITIVE_WORDS if positive else NEGATIVE_WORDS
    words = list(rng.choice(NEUTRAL_WORDS, size=int(rng.integers(4, 24))))
    for _ in range(int(rng.integers(1, 4))):
        words.insert(int(rng.integers(0, len(words) + 1)), str(rng.choice(opinion)))
    return " ".join(words).capitalize() + ".<br /><br />" + " ".join(rng.choice(NEUTRAL_WORDS, 3))


def write_aclimdb(root: Path, n_train: int, n_test: int, seed: int = 0) -> Path:
    """An ``aclImdb`` tree under ``root`` with ``n_train``/``n_test`` reviews per label."""
    rng = np.random.default_rng(seed)
    for split, count in (("train", n_train), ("test", n_test)):
        for label in ("pos", "neg"):
            folder = root / "aclImdb" / split / label
            folder.mkdir(parents=True, exist_ok=True)
            for i in range(count):
                rating = int(rng.integers(7, 11) if label == "pos" else rng.integers(1, 5))
                text = synthetic_review(rng, positive=label == "pos")
                (folder / f"{i}_{rating}.txt").write_text(text, encoding="utf-8")
    _mark(
        root,
        f"reference.data.synthetic.write_aclimdb(n_train={n_train}, n_test={n_test}, "
        f"seed={seed}): reviews of filler words with opinion words giving the label away",
    )
    return root


def synthetic_token_ids(
    n: int, mean_length: int, max_length: int, vocab_size: int, seed: int = 0
) -> tuple[list[torch.Tensor], torch.Tensor]:
    """Random token-id sequences with log-normal lengths (clipped to 8..max_length) framed
    by [CLS]=101 and [SEP]=102, and random 0/1 labels: for timing, not for learning."""
    rng = np.random.default_rng(seed)
    lengths = np.clip(rng.lognormal(np.log(mean_length), 0.6, size=n), 8, max_length).astype(int)
    sequences = []
    for length in lengths:
        body = rng.integers(1000, vocab_size, size=int(length) - 2)
        sequences.append(torch.tensor([101, *body.tolist(), 102], dtype=torch.long))
    labels = torch.from_numpy(rng.integers(0, 2, size=n).astype(np.float32))
    return sequences, labels
