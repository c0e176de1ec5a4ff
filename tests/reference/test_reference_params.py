"""Parameter counts: the homework's exact figures, and params.py's arithmetic against torch."""

from __future__ import annotations

import pytest
import torch
from transformers import BertConfig, BertModel

from reference.config import load_task_config
from reference.models import BERTGRUSentiment, ViT, count_parameters, freeze_bert
from reference.params import bert_gru_param_counts, vit_param_count

pytest_plugins = ("reference_fixtures",)

# The figures the homework's students print (seeds 000 and 003) and issue 4 states.
VIT_PARAMS = 499_722
BERT_GRU_TOTAL = 112_241_409
BERT_GRU_TRAINABLE = 2_759_169

SMALL_BERT = {
    "vocab_size": 100,
    "hidden_size": 24,
    "num_hidden_layers": 1,
    "num_attention_heads": 2,
    "intermediate_size": 37,
    "max_position_embeddings": 64,
}


def bert_gru(bert: BertModel, hidden_dim: int, n_layers: int, bidirectional: bool, output_dim: int):
    model = BERTGRUSentiment(bert, hidden_dim, output_dim, n_layers, bidirectional, 0.25)
    freeze_bert(model)
    return count_parameters(model)


def test_homework_vit_has_499722_parameters() -> None:
    config = load_task_config("vit")["model"]
    assert count_parameters(ViT(**config))["total"] == VIT_PARAMS
    assert vit_param_count(**config) == VIT_PARAMS


def test_bert_base_gru_counts_match_the_homework() -> None:
    with torch.device("meta"):  # the architecture without allocating 110M weights
        bert = BertModel(BertConfig())
    counts = bert_gru(bert, 256, 2, True, 1)
    assert counts == {"total": BERT_GRU_TOTAL, "trainable": BERT_GRU_TRAINABLE}
    assert bert_gru_param_counts() == (BERT_GRU_TOTAL, BERT_GRU_TRAINABLE)


@pytest.mark.parametrize(
    ("hidden_dim", "n_layers", "bidirectional", "output_dim"),
    [(256, 2, True, 1), (128, 1, False, 1), (64, 3, True, 2), (32, 2, False, 3)],
)
def test_bert_gru_arithmetic_matches_torch(
    hidden_dim: int, n_layers: int, bidirectional: bool, output_dim: int
) -> None:
    bert = BertModel(BertConfig(**SMALL_BERT))
    bert_params = count_parameters(bert)["total"]
    counts = bert_gru(bert, hidden_dim, n_layers, bidirectional, output_dim)
    expected = bert_gru_param_counts(
        hidden_dim, n_layers, bidirectional, output_dim, bert_params, SMALL_BERT["hidden_size"]
    )
    assert (counts["total"], counts["trainable"]) == expected


@pytest.mark.parametrize(
    "config",
    [
        {
            "image_size": 32,
            "patch_size": 8,
            "num_classes": 5,
            "dim": 48,
            "depth": 2,
            "heads": 3,
            "mlp_dim": 96,
        },
        {
            "image_size": (28, 14),
            "patch_size": (7, 2),
            "num_classes": 10,
            "dim": 32,
            "depth": 1,
            "heads": 2,
            "mlp_dim": 64,
            "channels": 1,
            "dim_head": 16,
            "pool": "mean",
        },
        {
            "image_size": 28,
            "patch_size": 4,
            "num_classes": 10,
            "dim": 64,
            "depth": 3,
            "heads": 1,
            "mlp_dim": 128,
            "channels": 1,
        },  # heads 1 and dim_head == dim: no output projection
    ],
)
def test_vit_arithmetic_matches_torch(config: dict) -> None:
    assert vit_param_count(**config) == count_parameters(ViT(**config))["total"]


def test_vit_count_rejects_what_the_constructor_rejects() -> None:
    config = {
        "image_size": 28,
        "patch_size": 5,
        "num_classes": 10,
        "dim": 64,
        "depth": 1,
        "heads": 4,
        "mlp_dim": 128,
    }
    with pytest.raises(ValueError, match="divisible"):
        vit_param_count(**config)
    with pytest.raises(ValueError, match="divisible"):
        ViT(**config)
