"""The two models the race trains: a small MLP for points, and logistic regression on ids for the sparse task.

Both draw their initial weights from a private generator. The training-script generator copies these classes into
the script it writes, so what the learner reads is the code that ran.
"""

import torch
from torch import nn

from core.private_init import reset_parameters_

ACTIVATIONS = ("ReLU", "Tanh", "Sigmoid")  # torch.nn class names


class MLP(nn.Module):
    """hidden_layers times (Linear, activation), then a Linear to out_features; a sigmoid at the end when the loss
    wants probabilities (BCELoss) rather than logits."""

    def __init__(self, in_features, out_features, hidden_layers, width, activation, sigmoid_output, generator):
        super().__init__()
        sizes = [in_features] + [width] * hidden_layers + [out_features]
        # skip_init builds each Linear without drawing from the global RNG; reset_parameters_ then fills it from `generator`
        self.layers = nn.ModuleList(nn.utils.skip_init(nn.Linear, a, b) for a, b in zip(sizes, sizes[1:]))
        for layer in self.layers:
            reset_parameters_(layer, generator)
        self.activation = getattr(nn, activation)()
        self.sigmoid_output = sigmoid_output

    def forward(self, x):  # (N, in_features) -> (N, out_features)
        for layer in self.layers[:-1]:
            x = self.activation(layer(x))  # (N, width)
        x = self.layers[-1](x)  # (N, out_features)
        return torch.sigmoid(x) if self.sigmoid_output else x


class IdLogistic(nn.Module):
    """Logistic regression on categorical ids: one weight per id (a row of nn.Embedding), summed over a row's ids.
    With sparse=True the gradient is a sparse tensor that names only the ids in the batch."""

    def __init__(self, num_ids, sparse, sigmoid_output):
        super().__init__()
        self.embedding = nn.utils.skip_init(nn.Embedding, num_ids, 1, sparse=sparse)
        nn.init.zeros_(self.embedding.weight)  # logistic regression (and FTRL's paper) starts from w = 0
        self.sigmoid_output = sigmoid_output

    def forward(self, ids):  # (N, fields) int64 -> (N, 1)
        x = self.embedding(ids).sum(dim=1)  # (N, fields, 1) -> (N, 1)
        return torch.sigmoid(x) if self.sigmoid_output else x


def build_model(dataset, config, sigmoid_output: bool, sparse: bool, generator: torch.Generator) -> nn.Module:
    """The model a race config asks for: an MLP for points, IdLogistic for the sparse task (dataset: a DatasetSpec,
    config: a RaceConfig)."""
    if dataset.task == "sparse":
        return IdLogistic(dataset.num_ids, sparse, sigmoid_output)
    return MLP(dataset.in_features, dataset.out_features, config.hidden_layers, config.width, config.activation,
               sigmoid_output, generator)
