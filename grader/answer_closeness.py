"""How close two answers to one question are, among a class's answers: what answer groups
(:mod:`grader.groups`) cluster on.

Every answer to a question shares its topic, so what tells two answers apart is what they
say that the rest of the class does not. Three signals, each measured against the class:

* words: tf-idf of the answer's word stems and pairs of stems (stop words left out);
* characters: tf-idf of its 5-character runs (catches ``K^T V``, ``one-hot``, ``O(T)``);
* claims: each sentence's embedding (the sentence model of :mod:`grader.theory.meaning`),
  centred on the class's sentences; two answers are as close as the worst-matched sentence
  of either, on average over the two directions, so an answer that adds or drops a claim
  is far from one that does not.

A feature that only one answer has tells nothing about closeness and is left out; each
signal's vectors are centred on the class's mean. The closeness of two answers is the mean
of the three cosines, so a value near 1 is the same answer and one near 0 or below shares
nothing more than the topic.
"""

from __future__ import annotations

import math
import re
from collections import Counter

STOP_WORDS = frozenset(
    "a all an and are as at be by can each for from in into is it its of on one or so than "
    "that the then this to two we which while with".split()
)
WORD = re.compile(r"[a-z]+")
SUFFIXES = ("ations", "ation", "ing", "ies", "ied", "es", "ed", "ly", "s")
CHARACTER_RUN = 5


def _stem(word: str) -> str:
    """A word without its common English ending (enough to tell "copies" is "copy")."""
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _word_features(answer: str) -> Counter:
    """The answer's stems and pairs of neighbouring stems."""
    stems = [_stem(w) for w in WORD.findall(answer.lower()) if w not in STOP_WORDS and len(w) > 1]
    return Counter(stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)])


def _character_features(answer: str) -> Counter:
    """The answer's runs of ``CHARACTER_RUN`` characters, white space made one space."""
    text = " ".join(answer.lower().split())
    return Counter(text[i : i + CHARACTER_RUN] for i in range(len(text) - CHARACTER_RUN + 1))


def _tf_idf(documents: list[Counter]):
    """Unit tf-idf rows (sublinear counts), over the features of two answers or more,
    centred on their mean."""
    import torch

    seen_in = Counter(feature for document in documents for feature in document)
    shared = sorted(f for f, n in seen_in.items() if n > 1)
    column = {feature: i for i, feature in enumerate(shared)}
    rows = torch.zeros(len(documents), max(len(shared), 1))
    for i, document in enumerate(documents):
        for feature, count in document.items():
            if feature in column:
                idf = math.log(len(documents) / seen_in[feature])
                rows[i, column[feature]] = (1 + math.log(count)) * idf
    return _centred(rows)


def _centred(rows):
    """Rows centred on their mean and made unit length (a row at the centre stays zero)."""
    import torch

    centred = rows - rows.mean(0)
    return torch.nn.functional.normalize(centred, dim=1)


def _claims_closeness(answers: list[str]):
    """Per pair of answers, the mean over the two directions of the least closeness of a
    sentence of one to its best match in the other (sentence embeddings centred on the
    class's sentences)."""
    import torch

    from grader.theory import meaning

    listed = [meaning.sentences(a) or [a[:400] or "(empty)"] for a in answers]
    flat = sorted({s for sentences in listed for s in sentences})
    row_of = {s: i for i, s in enumerate(flat)}
    vectors = _centred(torch.nn.functional.normalize(meaning.embed(flat), dim=1))
    owner = torch.tensor([n for n, sentences in enumerate(listed) for _ in sentences])
    rows = torch.tensor([row_of[s] for sentences in listed for s in sentences])
    between = vectors[rows] @ vectors[rows].T  # sentence x sentence, in answer order
    size = len(answers)
    index = owner.expand(len(rows), -1)
    best = torch.full((len(rows), size), -2.0).scatter_reduce(1, index, between, "amax")
    worst = torch.full((size, size), 2.0).scatter_reduce(
        0, owner[:, None].expand(-1, size), best, "amin"
    )
    return (worst + worst.T) / 2


def closeness(answers: list[str]):
    """The (answers x answers) closeness of a class's distinct answers to one question."""
    words = _tf_idf([_word_features(a) for a in answers])
    characters = _tf_idf([_character_features(a) for a in answers])
    return (words @ words.T + characters @ characters.T + _claims_closeness(answers)) / 3
