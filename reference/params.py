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
