"""Initial weights drawn from a private torch.Generator, never the global one.

nn layers draw their initial weights from the global generator, which every session of this process shares. The pages
never let them: they build layers without drawing (nn.utils.skip_init, or the meta device), then make the draws
their constructors would have made, in the same order, from a fresh torch.Generator seeded like the snippet. A fresh
generator and the global one after torch.manual_seed(SEED) give the same stream, so a page's weights are its
snippet's weights; a test compares them with torch's own constructors.
"""

import math

import torch
from torch import nn

SEED = 0  # the snippets' torch.manual_seed


def snippet_generator() -> torch.Generator:
    """A private generator in the state the global one has right after the snippet's torch.manual_seed(SEED)."""
    return torch.Generator().manual_seed(SEED)


def reset_parameters_(layer: nn.Linear | nn.Conv2d, generator: torch.Generator):
    """nn.Linear's and nn.Conv2d's own reset_parameters (the same draws, in the same order) from `generator`."""
    nn.init.kaiming_uniform_(layer.weight, a=math.sqrt(5), generator=generator)
    if layer.bias is not None:
        fan_in = math.prod(layer.weight.shape[1:])  # in_features, or in_channels x kernel height x kernel width
        bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
        nn.init.uniform_(layer.bias, -bound, bound, generator=generator)
    return layer


def linear(in_features: int, out_features: int, bias: bool, generator: torch.Generator) -> nn.Linear:
    """nn.Linear(in_features, out_features, bias=bias) with its weights drawn from `generator`."""
    return reset_parameters_(nn.utils.skip_init(nn.Linear, in_features, out_features, bias=bias), generator)


def built_without_drawing(model_class: type) -> nn.Module:
    """model_class() with every parameter allocated on the CPU but not yet drawn: built on the meta device, where
    initialisers draw nothing, then moved out empty. Buffers are left empty too (the guide's models have none; a
    model with BatchNorm would also need reset_running_stats())."""
    with torch.device("meta"):
        model = model_class()
    return model.to_empty(device="cpu")
