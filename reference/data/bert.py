"""BERT and its tokenizer from a local folder or the Hugging Face cache, never downloaded."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import torch
from tqdm.auto import tqdm

from ..errors import ReferenceSetupError

TOKENIZE_CHUNK = 1000
WHERE_TO_PUT_BERT = (
    "Pass --bert DIR, a folder with config.json, model.safetensors (or pytorch_model.bin) and "
    "the tokenizer files (vocab.txt or tokenizer.json), saved with save_pretrained() on a "
    "machine with network; or put bert-base-uncased in the Hugging Face cache (HF_HOME) "
    "there first. Runs never download."
)


def load_bert(name_or_path: str):  # -> (PreTrainedTokenizerBase, BertModel)
    """The tokenizer and ``BertModel`` (SDPA attention) of a local model folder or of a model
    already in the Hugging Face cache; nothing is fetched from the network."""
    os.environ["HF_HUB_OFFLINE"] = "1"  # effective when transformers is not imported yet
    from transformers import AutoTokenizer, BertModel

    local = Path(name_or_path).expanduser()
    if (local.is_absolute() or name_or_path.startswith(".")) and not local.is_dir():
        raise ReferenceSetupError(f"BERT folder {local} does not exist. {WHERE_TO_PUT_BERT}")
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(local), local_files_only=True)
        bert = BertModel.from_pretrained(
            str(local), local_files_only=True, attn_implementation="sdpa"
        )
    except (OSError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ReferenceSetupError(
            f"BERT not loadable from {name_or_path!r} ({reason}). {WHERE_TO_PUT_BERT}"
        ) from exc
    return tokenizer, bert


def tokenize(
    tokenizer, texts: Sequence[str], max_length: int, progress: bool = True
) -> list[torch.Tensor]:
    """Token ids per text: [CLS], the first ``max_length - 2`` word pieces, [SEP].

    The same ids as the homework's ``tokenize_and_cut`` + ``convert_tokens_to_ids`` with
    torchtext's init and eos tokens.
    """
    ids: list[torch.Tensor] = []
    starts = range(0, len(texts), TOKENIZE_CHUNK)
    for start in tqdm(starts, desc="tokenizing", unit="chunk", leave=False, disable=not progress):
        chunk = list(texts[start : start + TOKENIZE_CHUNK])
        encoded = tokenizer(
            chunk,
            truncation=True,
            max_length=max_length,
            return_attention_mask=False,
            return_token_type_ids=False,
        )["input_ids"]
        ids.extend(torch.tensor(row, dtype=torch.long) for row in encoded)
    return ids
