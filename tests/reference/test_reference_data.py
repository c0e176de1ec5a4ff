"""Offline data: synthetic FashionMNIST and aclImdb read back, the seeded split, bucketing."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from reference.data.batching import padding_ratio, pool_batches, sorted_batches
from reference.data.bert import load_bert, tokenize
from reference.data.fashion_mnist import RAW_FILES, load_fashion_mnist, raw_folder
from reference.data.imdb import read_aclimdb, torchtext_split
from reference.data.synthetic import synthetic_images
from reference.errors import ReferenceSetupError

pytest_plugins = ("reference_fixtures",)


def test_fashion_mnist_reads_the_idx_files(fashion_dir: Path) -> None:
    splits, data = load_fashion_mnist(fashion_dir)
    images, labels = synthetic_images(256, seed=0)  # what the fixture wrote for training
    assert splits.train_images.shape == (256, 28, 28)
    assert splits.train_images.equal(images) and splits.train_labels.equal(labels)
    assert len(splits.test_labels) == 128
    assert data["synthetic"] is True and "SYNTHETIC" in data["note"]
    assert data["checksum"].startswith("sha256:") and data["files"] == 4


def test_fashion_mnist_limit_caps_each_split(fashion_dir: Path) -> None:
    splits, _ = load_fashion_mnist(fashion_dir, limit=50)
    assert len(splits.train_labels) == len(splits.test_labels) == 50


def test_missing_fashion_mnist_says_what_to_put_where(tmp_path: Path) -> None:
    with pytest.raises(ReferenceSetupError) as error:
        load_fashion_mnist(tmp_path)
    message = str(error.value)
    assert str(raw_folder(tmp_path)) in message and all(name in message for name in RAW_FILES)


def test_corrupt_fashion_mnist_is_a_clear_error(fashion_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(fashion_dir, copy)
    (raw_folder(copy) / "train-images-idx3-ubyte").write_bytes(b"not an idx file")
    with pytest.raises(ReferenceSetupError, match="not readable as FashionMNIST"):
        load_fashion_mnist(copy)


def test_checksum_follows_the_bytes(fashion_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(fashion_dir, copy)
    labels = raw_folder(copy) / "t10k-labels-idx1-ubyte"
    content = bytearray(labels.read_bytes())
    content[-1] = (content[-1] + 1) % 10
    labels.write_bytes(bytes(content))
    assert load_fashion_mnist(copy)[1]["checksum"] != load_fashion_mnist(fashion_dir)[1]["checksum"]


def test_aclimdb_reads_pos_then_neg_first_lines(imdb_dir: Path, tmp_path: Path) -> None:
    reviews, data = read_aclimdb(imdb_dir)
    assert [len(reviews[s]) for s in ("train", "test")] == [80, 40]
    assert [r.label for r in reviews["train"]] == [1.0] * 40 + [0.0] * 40
    assert data["files"] == 120 and data["synthetic"] is True

    copy = tmp_path / "copy"
    shutil.copytree(imdb_dir, copy)
    first = sorted((copy / "aclImdb" / "train" / "pos").glob("*.txt"))[0]
    first.write_text("kept line\nnot read by torchtext\n", encoding="utf-8")
    assert read_aclimdb(copy)[0]["train"][0].text == "kept line\n"


def test_aclimdb_problems_name_the_file_or_folder(imdb_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ReferenceSetupError, match="aclImdb/train/pos"):
        read_aclimdb(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(imdb_dir, copy)
    bad = copy / "aclImdb" / "test" / "neg" / "0_1.txt"
    bad.write_bytes(b"\xff\xfe broken")
    with pytest.raises(ReferenceSetupError, match="0_1.txt"):
        read_aclimdb(copy)


def test_homework_split_of_25000_reviews_is_17500_and_7500() -> None:
    state = random.getstate()
    train, valid = torchtext_split(25_000, 0.7, seed=1234)
    assert (len(train), len(valid)) == (17_500, 7_500)
    assert sorted(train + valid) == list(range(25_000))
    assert torchtext_split(25_000, 0.7, seed=1234) == (train, valid)
    assert torchtext_split(25_000, 0.7, seed=1)[0] != train
    assert random.getstate() == state  # like torchtext, the global generator is untouched


def test_minilm_tokenizer_gives_the_homework_ids(minilm_dir: Path) -> None:
    tokenizer, bert = load_bert(str(minilm_dir))
    assert tokenizer("Hello WORLD how ARE yoU?", add_special_tokens=False)["input_ids"] == [
        7592,
        2088,
        2129,
        2024,
        2017,
        1029,
    ]
    long_text = "wonderful " * 600
    ids = tokenize(tokenizer, ["Hello WORLD how ARE yoU?", long_text], 512, progress=False)
    assert ids[0].tolist() == [101, 7592, 2088, 2129, 2024, 2017, 1029, 102]
    assert len(ids[1]) == 512 and ids[1][-1].item() == 102
    assert bert.config._attn_implementation == "sdpa"


def test_missing_bert_folder_says_what_to_put_where(tmp_path: Path) -> None:
    with pytest.raises(ReferenceSetupError, match="config.json"):
        load_bert(str(tmp_path / "no-bert"))
    with pytest.raises(ReferenceSetupError, match="config.json"):
        load_bert(str(tmp_path))  # exists, but holds no model


def test_pool_batches_bucket_like_torchtext() -> None:
    rng = random.Random(0)
    lengths = [rng.randint(5, 500) for _ in range(1000)]
    batches = pool_batches(lengths, batch_size=32, rng=random.Random(1234), chunk_batches=10)
    assert sorted(i for b in batches for i in b) == list(range(1000))
    assert sorted(len(b) for b in batches) == [8] + [32] * 31  # the last chunk: 40 examples
    for batch in batches:
        assert [lengths[i] for i in batch] == sorted(lengths[i] for i in batch)
    fresh = pool_batches(lengths, 32, random.Random(1234), 10)
    assert fresh == batches  # seeded
    unbucketed = [list(range(i, min(i + 32, 1000))) for i in range(0, 1000, 32)]
    assert padding_ratio(batches, lengths) < padding_ratio(unbucketed, lengths) / 2
    assert padding_ratio(sorted_batches(lengths, 32), lengths) <= padding_ratio(batches, lengths)


def test_padding_ratio_counts_pad_slots() -> None:
    assert padding_ratio([[0, 1], [2, 3]], [2, 4, 3, 3]) == pytest.approx(2 / 14)
