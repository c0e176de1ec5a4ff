"""IMDB reviews from a local ``aclImdb`` folder, split as the homework's torchtext code did."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReferenceSetupError
from .provenance import Checksum, data_record

# torchtext's IMDB read ``pos`` before ``neg``; its LabelField mapped neg -> 0, pos -> 1.
LABELS = {"pos": 1.0, "neg": 0.0}
SPLITS = ("train", "test")


@dataclass(frozen=True)
class Review:
    """One review: the text torchtext kept (the file's first line) and its label."""

    text: str
    label: float


def find_aclimdb(data_dir: Path) -> Path:
    """``data_dir/aclImdb``, or ``data_dir`` itself when it is the ``aclImdb`` folder."""
    for candidate in (data_dir / "aclImdb", data_dir):
        if all((candidate / split / label).is_dir() for split in SPLITS for label in LABELS):
            return candidate
    raise ReferenceSetupError(
        f"IMDB not found under {data_dir}: expected aclImdb/train/pos, aclImdb/train/neg, "
        "aclImdb/test/pos and aclImdb/test/neg holding the reviews as *.txt files. Extract "
        "aclImdb_v1.tar.gz (the Large Movie Review Dataset) into that folder, or pass the "
        "folder holding aclImdb as --data-dir."
    )


def _first_line(path: Path, content: bytes) -> str:
    """What torchtext's ``io.open(fname, encoding='utf-8').readline()`` returned."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReferenceSetupError(
            f"{path}: not UTF-8 text ({exc}); replace it with the file from aclImdb_v1.tar.gz"
        ) from exc
    return io.StringIO(text, newline=None).readline()


def read_aclimdb(data_dir: Path) -> tuple[dict[str, list[Review]], dict]:
    """The ``train`` and ``test`` reviews (pos first, then neg, files in name order) and the
    ``data`` record.

    torchtext listed files in directory order, which differs between file systems; name
    order makes the split reproducible here, with the homework's sizes and algorithm.
    """
    root = find_aclimdb(data_dir)
    checksum = Checksum()
    reviews: dict[str, list[Review]] = {}
    for split in SPLITS:
        reviews[split] = []
        for label, value in LABELS.items():
            folder = root / split / label
            files = sorted(folder.glob("*.txt"))
            if not files:
                raise ReferenceSetupError(
                    f"{folder} holds no *.txt reviews; extract aclImdb_v1.tar.gz there again"
                )
            for path in files:
                content = path.read_bytes()
                checksum.add(path.relative_to(root).as_posix(), content)
                reviews[split].append(Review(_first_line(path, content), value))
    return reviews, data_record(data_dir, root, checksum)


def torchtext_split(n: int, split_ratio: float, seed: int) -> tuple[list[int], list[int]]:
    """Indices (train, validation) that torchtext 0.6's ``Dataset.split`` picks from ``n``
    examples when called as ``split(split_ratio, random_state=random.seed(seed))``.

    ``random.seed(seed)`` returns None, so torchtext's ``RandomShuffler`` captured the global
    state just seeded; with ``stratified=False`` it drew ``random.sample(range(n), n)``, kept
    the first ``int(round(split_ratio * n))`` for training and the rest (its "test" part,
    which the homework calls ``valid_data``) for validation.
    """
    if not 0.0 < split_ratio < 1.0:
        raise ValueError(f"split_ratio must lie strictly between 0 and 1, got {split_ratio}")
    permutation = random.Random(seed).sample(range(n), n)
    train_len = int(round(split_ratio * n))
    return permutation[:train_len], permutation[train_len:]
