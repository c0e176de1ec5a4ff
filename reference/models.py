"""The homework's two models: its ViT classes and ``BERTGRUSentiment``.

Parameters and module structure are the homework's own (seeds 000 and 003), so parameter
counts and state-dict keys match a student's. Two forward passes are written for speed with
the same mathematics: the ViT's attention calls ``F.scaled_dot_product_attention`` (the
homework's einsum-softmax-einsum with the same ``dim_head ** -0.5`` scale and no attention
dropout), and the sentiment model runs its frozen BERT under ``torch.inference_mode`` and its
GRU in float32 outside any autocast.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from einops import rearrange, repeat
from einops.layers.torch import Rearrange
from torch import nn


def pair(t: int | tuple[int, int]) -> tuple[int, int]:
    """``t`` as (height, width)."""
    return t if isinstance(t, tuple) else (t, t)


class PreNorm(nn.Module):
    """LayerNorm, then ``fn``."""

    def __init__(self, dim: int, fn: nn.Module) -> None:
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fn = fn

    def forward(self, x: torch.Tensor, **kwargs: object) -> torch.Tensor:
        return self.fn(self.norm(x), **kwargs)


class FeedForward(nn.Module):
    """The homework's one-hidden-layer MLP with ReLU."""

    def __init__(self, dim: int, hidden_dim: int, dropout: float = 0.0) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(dim, hidden_dim),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_dim, dim),
            nn.Dropout(dropout),
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class Attention(nn.Module):
    """Multi-head self-attention with a bias-free QKV projection."""

    def __init__(self, dim: int, heads: int = 8, dim_head: int = 64, dropout: float = 0.0) -> None:
        super().__init__()
        inner_dim = dim_head * heads
        project_out = not (heads == 1 and dim_head == dim)

        self.heads = heads
        self.scale = dim_head**-0.5
        self.to_qkv = nn.Linear(dim, inner_dim * 3, bias=False)
        self.to_out = (
            nn.Sequential(nn.Linear(inner_dim, dim), nn.Dropout(dropout))
            if project_out
            else nn.Identity()
        )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        qkv = self.to_qkv(x).chunk(3, dim=-1)
        q, k, v = (rearrange(t, "b n (h d) -> b h n d", h=self.heads) for t in qkv)
        out = F.scaled_dot_product_attention(q, k, v, scale=self.scale)
        out = rearrange(out, "b h n d -> b n (h d)")
        return self.to_out(out)


class Transformer(nn.Module):
    """``depth`` pre-norm blocks of attention and feed-forward, each with a residual."""

    def __init__(
        self, dim: int, depth: int, heads: int, dim_head: int, mlp_dim: int, dropout: float = 0.0
    ) -> None:
        super().__init__()
        self.layers = nn.ModuleList([])
        for _ in range(depth):
            self.layers.append(
                nn.ModuleList(
                    [
                        PreNorm(
                            dim, Attention(dim, heads=heads, dim_head=dim_head, dropout=dropout)
                        ),
                        PreNorm(dim, FeedForward(dim, mlp_dim, dropout=dropout)),
                    ]
                )
            )

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for attn, ff in self.layers:
            x = attn(x) + x
            x = ff(x) + x
        return x


class ViT(nn.Module):
    """The homework's Vision Transformer: patch embedding, cls token, learned positions."""

    def __init__(
        self,
        *,
        image_size: int | tuple[int, int],
        patch_size: int | tuple[int, int],
        num_classes: int,
        dim: int,
        depth: int,
        heads: int,
        mlp_dim: int,
        pool: str = "cls",
        channels: int = 3,
        dim_head: int = 64,
        dropout: float = 0.0,
        emb_dropout: float = 0.0,
    ) -> None:
        super().__init__()
        image_height, image_width = pair(image_size)
        patch_height, patch_width = pair(patch_size)
        if image_height % patch_height or image_width % patch_width:
            raise ValueError("Image dimensions must be divisible by the patch size.")
        if pool not in {"cls", "mean"}:
            raise ValueError("pool type must be either cls (cls token) or mean (mean pooling)")

        num_patches = (image_height // patch_height) * (image_width // patch_width)
        patch_dim = channels * patch_height * patch_width
        self.to_patch_embedding = nn.Sequential(
            Rearrange("b c (h p1) (w p2) -> b (h w) (p1 p2 c)", p1=patch_height, p2=patch_width),
            nn.Linear(patch_dim, dim),
        )
        self.pos_embedding = nn.Parameter(torch.randn(1, num_patches + 1, dim))
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim))
        self.dropout = nn.Dropout(emb_dropout)
        self.transformer = Transformer(dim, depth, heads, dim_head, mlp_dim, dropout)
        self.pool = pool
        self.to_latent = nn.Identity()
        self.mlp_head = nn.Sequential(nn.LayerNorm(dim), nn.Linear(dim, num_classes))

    def forward(self, img: torch.Tensor) -> torch.Tensor:
        x = self.to_patch_embedding(img)
        b, n, _ = x.shape
        cls_tokens = repeat(self.cls_token, "1 n d -> b n d", b=b)
        x = torch.cat((cls_tokens, x), dim=1)
        x += self.pos_embedding[:, : (n + 1)]
        x = self.dropout(x)
        x = self.transformer(x)
        x = x.mean(dim=1) if self.pool == "mean" else x[:, 0]
        x = self.to_latent(x)
        return self.mlp_head(x)


class BERTGRUSentiment(nn.Module):
    """Frozen BERT's token features through a (bi)GRU; the last hidden states to a linear layer.

    ``model.train()`` also puts BERT in training mode, so its dropout is on while training,
    exactly as in the homework (its ``torch.no_grad`` stops gradients, not dropout).
    """

    def __init__(
        self,
        bert: nn.Module,
        hidden_dim: int,
        output_dim: int,
        n_layers: int,
        bidirectional: bool,
        dropout: float,
    ) -> None:
        super().__init__()
        self.bert = bert
        embedding_dim = bert.config.to_dict()["hidden_size"]
        self.rnn = nn.GRU(
            embedding_dim,
            hidden_dim,
            num_layers=n_layers,
            bidirectional=bidirectional,
            batch_first=True,
            dropout=0 if n_layers < 2 else dropout,
        )
        self.out = nn.Linear(hidden_dim * 2 if bidirectional else hidden_dim, output_dim)
        self.dropout = nn.Dropout(dropout)

    def features(self, text: torch.Tensor) -> torch.Tensor:
        """BERT's last hidden states [batch, len, emb] for token ids [batch, len].

        Computed without autograd (``inference_mode``); the result is cloned outside it so
        the GRU may save it for its backward pass.
        """
        with torch.inference_mode():
            embedded = self.bert(text)[0]
        return embedded.clone()

    def classify(self, embedded: torch.Tensor) -> torch.Tensor:
        """Logits [batch, output_dim] from BERT features; the GRU runs in float32."""
        with torch.autocast(embedded.device.type, enabled=False):
            _, hidden = self.rnn(embedded.float())
            if self.rnn.bidirectional:
                hidden = self.dropout(torch.cat((hidden[-2, :, :], hidden[-1, :, :]), dim=1))
            else:
                hidden = self.dropout(hidden[-1, :, :])
            return self.out(hidden)

    def forward(self, text: torch.Tensor) -> torch.Tensor:
        return self.classify(self.features(text))


def freeze_bert(model: BERTGRUSentiment) -> None:
    """The homework's freezing loop: no gradient for any parameter named ``bert…``."""
    for name, param in model.named_parameters():
        if name.startswith("bert"):
            param.requires_grad = False


def count_parameters(model: nn.Module) -> dict[str, int]:
    """``{"total": …, "trainable": …}`` as the homework counts them (``numel`` sums)."""
    return {
        "total": sum(p.numel() for p in model.parameters()),
        "trainable": sum(p.numel() for p in model.parameters() if p.requires_grad),
    }
