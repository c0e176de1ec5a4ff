"""FashionMNIST from a local folder in torchvision's layout, never downloaded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
import torchvision

from ..errors import ReferenceSetupError
from .provenance import Checksum, data_record

RAW_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)


@dataclass(frozen=True)
class ImageSplits:
    """uint8 images [N, H, W] and int64 labels [N] of the training and test sets."""

    train_images: torch.Tensor
    train_labels: torch.Tensor
    test_images: torch.Tensor
    test_labels: torch.Tensor


def raw_folder(data_dir: Path) -> Path:
    """Where torchvision looks for the IDX files under ``data_dir``."""
    return data_dir / "FashionMNIST" / "raw"


def _read(data_dir: Path, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    try:
        dataset = torchvision.datasets.FashionMNIST(str(data_dir), train=train, download=False)
    except (AssertionError, RuntimeError, ValueError, OSError) as exc:
        raise ReferenceSetupError(
            f"{raw_folder(data_dir)}: not readable as FashionMNIST IDX files ({exc}); "
            "replace them with the original, uncompressed files"
        ) from exc
    if len(dataset.data) != len(dataset.targets):
        raise ReferenceSetupError(
            f"{raw_folder(data_dir)}: {len(dataset.data)} images but {len(dataset.targets)} "
            "labels; replace the files with a matching set"
        )
    return dataset.data, dataset.targets


def load_fashion_mnist(data_dir: Path, limit: int | None = None) -> tuple[ImageSplits, dict]:
    """The training and test sets (each cut to ``limit`` images) and their ``data`` record."""
    raw = raw_folder(data_dir)
    missing = [name for name in RAW_FILES if not (raw / name).is_file()]
    if missing:
        raise ReferenceSetupError(
            f"FashionMNIST not found: {raw} lacks {', '.join(missing)}. Put the four "
            f"uncompressed IDX files ({', '.join(RAW_FILES)}) in {raw} — gunzip the *.gz files "
            "of the FashionMNIST release, or copy FashionMNIST/raw from a machine where "
            "torchvision downloaded it — and pass the folder holding FashionMNIST as --data-dir."
        )
    checksum = Checksum()
    for name in RAW_FILES:
        checksum.add(name, (raw / name).read_bytes())
    train_images, train_labels = _read(data_dir, train=True)
    test_images, test_labels = _read(data_dir, train=False)
    splits = ImageSplits(
        train_images[:limit], train_labels[:limit], test_images[:limit], test_labels[:limit]
    )
    return splits, data_record(data_dir, raw, checksum)
