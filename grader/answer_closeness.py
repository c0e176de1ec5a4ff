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
import warnings
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


def _tf_idf_gram(documents: list[Counter]):
    """The cosines of the documents' tf-idf rows (sublinear counts, over the features of two
    documents or more), centred on their mean. The rows are sparse (a document has few of
    the class's features), so only their Gram matrix is ever dense: documents x documents."""
    import torch

    seen_in = Counter(feature for document in documents for feature in document)
    column = {f: i for i, f in enumerate(sorted(f for f, n in seen_in.items() if n > 1))}
    rows, columns, values = [], [], []
    for i, document in enumerate(documents):
        for feature, count in document.items():
            if feature in column:
                rows.append(i)
                columns.append(column[feature])
                values.append((1 + math.log(count)) * math.log(len(documents) / seen_in[feature]))
    matrix = torch.sparse_coo_tensor(
        torch.tensor([rows, columns], dtype=torch.long).reshape(2, -1),
        torch.tensor(values, dtype=torch.double),
        (len(documents), max(len(column), 1)),
        check_invariants=False,  # built here from distinct (row, column) pairs
    )
    with warnings.catch_warnings():  # torch calls its sparse product "beta"; it is exact
        warnings.simplefilter("ignore", UserWarning)
        gram = torch.sparse.mm(matrix, matrix.t()).to_dense()
    return _centred_cosines(gram)


def _centred_cosines(gram):
    """The cosines of rows centred on their mean, from their Gram matrix alone:
    (x - m)·(y - m) = x·y - x·m - y·m + m·m, with x·m the mean of x's row of the Gram
    matrix. A row at the centre has cosine 0 with every row."""
    import torch

    along = gram.mean(1, keepdim=True)
    centred = gram - along - along.T + gram.mean()
    length = centred.diag().clamp(min=0).sqrt()
    return (centred / torch.outer(length, length).clamp(min=1e-12)).float()


SENTENCE_BLOCK = 4096  # sentences compared with all the others at once (memory: block x all)


def _claims_closeness(answers: list[str]):
    """Per pair of answers, the mean over the two directions of the least closeness of a
    sentence of one to its best match in the other (sentence embeddings centred on the
    class's sentences). Sentences are compared a block at a time, so memory grows with the
    class's sentences times the block, and with answers x answers."""
    import torch

    from grader.theory import meaning

    listed = [meaning.sentences(a) or [a[:400] or "(empty)"] for a in answers]
    flat = sorted({s for sentences in listed for s in sentences})
    row_of = {s: i for i, s in enumerate(flat)}
    unit = meaning.embed(flat)  # unit length already
    centred = torch.nn.functional.normalize(unit - unit.mean(0), dim=1)
    vectors = centred[torch.tensor([row_of[s] for sentences in listed for s in sentences])]
    owner = torch.tensor([n for n, sentences in enumerate(listed) for _ in sentences])
    size = len(answers)
    worst = torch.full((size, size), 2.0)
    for start in range(0, len(vectors), SENTENCE_BLOCK):
        between = vectors[start : start + SENTENCE_BLOCK] @ vectors.T  # block x all sentences
        best = torch.full((len(between), size), -2.0).scatter_reduce(
            1, owner.expand(len(between), -1), between, "amax"
        )  # each sentence of the block: its best match in every answer
        mine = owner[start : start + SENTENCE_BLOCK]
        worst.scatter_reduce_(0, mine[:, None].expand(-1, size), best, "amin")
    return (worst + worst.T) / 2


def closeness(answers: list[str]):
    """The (answers x answers) closeness of a class's distinct answers to one question."""
    words = _tf_idf_gram([_word_features(a) for a in answers])
    characters = _tf_idf_gram([_character_features(a) for a in answers])
    return (words + characters + _claims_closeness(answers)) / 3
