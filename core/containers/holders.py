"""One small model held three ways. The classes below are also the snippet's source (inspect.getsource), so the
code on screen is the code that ran."""

from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from core.private_init import linear


class WithModuleList(nn.Module):
    """Layers in an nn.ModuleList."""

    def __init__(self, layers):
        super().__init__()
        self.layers = nn.ModuleList(layers)  # registered: every layer's weight and bias belong to the model

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def layer_weights(self):
        return [layer.weight for layer in self.layers]


class WithParameterList(nn.Module):
    """Weight matrices in an nn.ParameterList, applied with matmul (the guide's second example)."""

    def __init__(self, weights):
        super().__init__()
        self.weights = nn.ParameterList(weights)  # registered: every weight belongs to the model

    def forward(self, x):
        for weight in self.weights:
            x = torch.matmul(x, weight)
        return x

    def layer_weights(self):
        return list(self.weights)


class WithPlainList(nn.Module):
    """Layers in a plain Python list: the mistake this page is about."""

    def __init__(self, layers):
        super().__init__()
        self.layers = layers  # a plain list: nn.Module does not look inside it, so nothing is registered

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def layer_weights(self):
        return [layer.weight for layer in self.layers]


@dataclass(frozen=True)
class Holder:
    """One way to hold the layers: the model class and how its list is built, as code and as a call."""

    label: str  # the container as the page and the printout name it
    model_class: type
    build: Callable[[int, int, bool, torch.Generator], nn.Module]  # (layers, features, bias, generator) -> model
    source: Callable[[int, int, bool], str]  # the same construction as the snippet writes it


def _linears(layers: int, features: int, bias: bool, generator: torch.Generator) -> list[nn.Linear]:
    """The source's list of nn.Linear, its weights drawn from `generator` rather than the global RNG."""
    return [linear(features, features, bias, generator) for _ in range(layers)]


def _linears_source(layers: int, features: int, bias: bool) -> str:
    return f"[nn.Linear({features}, {features}, bias={bias}) for _ in range({layers})]"


HOLDERS = (
    Holder(
        "nn.ModuleList", WithModuleList,
        build=lambda layers, features, bias, generator: WithModuleList(_linears(layers, features, bias, generator)),
        source=lambda layers, features, bias: f"WithModuleList({_linears_source(layers, features, bias)})",
    ),
    Holder(
        "nn.ParameterList", WithParameterList,
        build=lambda layers, features, bias, generator: WithParameterList(
            [nn.Parameter(torch.randn(features, features, generator=generator)) for _ in range(layers)]
        ),
        source=lambda layers, features, bias: (
            f"WithParameterList([nn.Parameter(torch.randn({features}, {features})) for _ in range({layers})])"
        ),
    ),
    Holder(
        "plain list", WithPlainList,
        build=lambda layers, features, bias, generator: WithPlainList(_linears(layers, features, bias, generator)),
        source=lambda layers, features, bias: f"WithPlainList({_linears_source(layers, features, bias)})",
    ),
)
