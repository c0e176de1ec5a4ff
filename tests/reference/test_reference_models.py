"""The models' forward passes: SDPA attention is the homework's, BERT dropout as in training."""

from __future__ import annotations

import torch
from einops import rearrange
from transformers import BertConfig, BertModel

from reference.models import Attention, BERTGRUSentiment, freeze_bert

pytest_plugins = ("reference_fixtures",)


def homework_attention(module: Attention, x: torch.Tensor) -> torch.Tensor:
    """The homework's einsum formulation, with the module's own weights."""
    q, k, v = (
        rearrange(t, "b n (h d) -> b h n d", h=module.heads)
        for t in module.to_qkv(x).chunk(3, dim=-1)
    )
    dots = torch.einsum("b h i d, b h j d -> b h i j", q, k) * module.scale
    out = torch.einsum("b h i j, b h j d -> b h i d", dots.softmax(dim=-1), v)
    return module.to_out(rearrange(out, "b h n d -> b n (h d)"))


def test_sdpa_attention_equals_the_homework_formula() -> None:
    torch.manual_seed(0)
    module = Attention(dim=64, heads=4, dim_head=64)
    x = torch.randn(3, 50, 64)
    torch.testing.assert_close(module(x), homework_attention(module, x), rtol=1e-5, atol=1e-5)


def small_sentiment_model() -> BERTGRUSentiment:
    config = BertConfig(
        vocab_size=50,
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        hidden_dropout_prob=0.3,
        attn_implementation="sdpa",
    )
    model = BERTGRUSentiment(BertModel(config), 8, 1, 2, True, 0.25)
    freeze_bert(model)
    return model


def test_train_mode_leaves_bert_dropout_on_like_the_homework() -> None:
    torch.manual_seed(0)
    model = small_sentiment_model()
    text = torch.randint(1, 50, (2, 12))
    model.train()
    assert model.bert.training
    assert not torch.equal(model.features(text), model.features(text))
    model.eval()
    torch.testing.assert_close(model.features(text), model.features(text))


def test_gradients_reach_the_head_only() -> None:
    torch.manual_seed(0)
    model = small_sentiment_model()
    model.train()
    model(torch.randint(1, 50, (2, 12))).sum().backward()
    assert all(p.grad is not None for p in model.rnn.parameters())
    assert model.out.weight.grad is not None
    assert all(p.grad is None for p in model.bert.parameters())
