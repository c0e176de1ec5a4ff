"""Parameter counts of the reference models, by arithmetic (no model is built).

The notebook checks use these to know what count a student *should* have printed for the
hyperparameters they actually chose; ``tests/reference`` cross-checks them against torch.
"""

from __future__ import annotations

# bert-base-uncased: BertModel(BertConfig()) has this many parameters (pooler included).
BERT_BASE_PARAMS = 109_482_240
BERT_HIDDEN_SIZE = 768


def gru_params(input_size: int, hidden_dim: int, n_layers: int, bidirectional: bool) -> int:
    """Parameters of ``nn.GRU(input_size, hidden_dim, n_layers, bidirectional=...)``."""
    directions = 2 if bidirectional else 1
    total = 0
    layer_input = input_size
    for _ in range(n_layers):
        # three gates, each with input and hidden weights and two bias vectors
        per_direction = 3 * (hidden_dim * (layer_input + hidden_dim) + 2 * hidden_dim)
        total += directions * per_direction
        layer_input = hidden_dim * directions
    return total


def bert_gru_param_counts(
    hidden_dim: int = 256,
    n_layers: int = 2,
    bidirectional: bool = True,
    output_dim: int = 1,
    bert_params: int = BERT_BASE_PARAMS,
    embedding_dim: int = BERT_HIDDEN_SIZE,
) -> tuple[int, int]:
    """(total, trainable-after-freezing-BERT) parameters of the homework's BERTGRUSentiment."""
    directions = 2 if bidirectional else 1
    head = gru_params(embedding_dim, hidden_dim, n_layers, bidirectional)
    head += hidden_dim * directions * output_dim + output_dim
    return bert_params + head, head


def _pair(value: int | tuple[int, int]) -> tuple[int, int]:
    return value if isinstance(value, tuple) else (value, value)


def vit_param_count(
    *,
    image_size: int | tuple[int, int],
    patch_size: int | tuple[int, int],
    num_classes: int,
    dim: int,
    depth: int,
    heads: int,
    mlp_dim: int,
    channels: int = 3,
    dim_head: int = 64,
    **_ignored: object,
) -> int:
    """Parameters of the homework's ``ViT(**config)`` (PreNorm, ReLU MLP, cls token).

    Takes the constructor's keyword arguments with its defaults (``channels=3``,
    ``dim_head=64``); the others (``pool``, ``dropout``, ``emb_dropout``) don't change the
    count and are accepted so that a student's call can be passed as it stands.
    """
    image_height, image_width = _pair(image_size)
    patch_height, patch_width = _pair(patch_size)
    if image_height % patch_height or image_width % patch_width:
        raise ValueError("Image dimensions must be divisible by the patch size.")
    num_patches = (image_height // patch_height) * (image_width // patch_width)
    patch_dim = channels * patch_height * patch_width
    inner_dim = dim_head * heads
    project_out = not (heads == 1 and dim_head == dim)

    layer_norm = 2 * dim
    embedding = patch_dim * dim + dim + (num_patches + 1) * dim + dim  # linear, pos, cls
    attention = dim * inner_dim * 3 + (inner_dim * dim + dim if project_out else 0)
    feed_forward = dim * mlp_dim + mlp_dim + mlp_dim * dim + dim
    block = layer_norm + attention + layer_norm + feed_forward
    head = layer_norm + dim * num_classes + num_classes
    return embedding + depth * block + head
