"""The shape of one loss catalog entry: everything the Losses page needs to render, run and explain a loss."""

from dataclasses import dataclass, field
from typing import Callable, Mapping

import torch
from torch import nn

from core.text import Text

REDUCTIONS = ("mean", "sum", "none")  # torch's values of `reduction`, its default first
TENSOR_DTYPES = ("float32", "float64", "int64")  # what the page lets `input` and `target` be


@dataclass(frozen=True)
class LossArg:
    """A number the loss's constructor takes besides `reduction` (`delta`, `beta`, `ignore_index`), by torch's name."""

    name: str
    default: float  # torch's default
    help: Text
    minimum: float = 0.0  # the widget's floor; torch itself decides what it accepts above it
    maximum: float = 10.0
    integer: bool = False  # torch wants an int (ignore_index)

    def value(self, raw: float) -> int | float:
        """`raw` as the type torch's argument takes."""
        return int(raw) if self.integer else float(raw)


@dataclass(frozen=True)
class LossPreset:
    """A ready-made state: the guide's examples come first."""

    key: str
    title: Text
    input: list  # nested lists of numbers, 1-d or 2-d
    target: list
    input_dtype: str = "float32"
    target_dtype: str = "float32"
    reduction: str = "mean"
    args: Mapping[str, float] = field(default_factory=dict)
    error: bool = False  # a preset that shows torch's refusal on purpose


@dataclass(frozen=True)
class Companion:
    """Another torch computation on the same `input` and `target`, shown per element beside the loss."""

    label: Text
    code: str  # the same computation as a Python expression of `input` and `target`, for the snippet
    compute: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


@dataclass(frozen=True)
class LossSpec:
    """One loss: its torch class, arguments, input rules, presets, curve and companions."""

    name: str  # the class name under torch.nn, also the URL's `loss`
    kind: str  # "regression", "binary" or "classes": regression losses join the outlier view
    summary: Text
    input_rule: Text  # what `input` and `target` must be
    presets: tuple[LossPreset, ...]
    # (x (G,), target, args) -> (input, target)
    curve: Callable[[torch.Tensor, float, Mapping[str, float]], tuple[torch.Tensor, torch.Tensor]]
    curve_axis: Text | None = None  # what x means when it is not simply the prediction
    curve_domain: tuple[float, float] | None = None  # the open interval of x the loss accepts (BCELoss: (0, 1))
    args: tuple[LossArg, ...] = ()
    companions: tuple[Companion, ...] = ()
    # how many per-element losses 'mean' divides by, when not all of them (CrossEntropyLoss skips ignore_index)
    mean_count: Callable[[torch.Tensor, torch.Tensor, Mapping[str, float]], int] | None = None  # (per_element, target, args)

    def preset(self, key: str) -> LossPreset:
        return next(p for p in self.presets if p.key == key)

    def module(self, reduction: str, args: Mapping[str, float]) -> nn.Module:
        """The torch module: `nn.HuberLoss(reduction="sum", delta=2.0)`."""
        return getattr(nn, self.name)(reduction=reduction, **{a.name: a.value(args[a.name]) for a in self.args})

    def constructor(self, reduction: str, args: Mapping[str, float]) -> str:
        """The module as code, torch's defaults left out: `nn.HuberLoss(delta=2.0)`."""
        parts = [] if reduction == REDUCTIONS[0] else [f"reduction={reduction!r}"]
        parts += [f"{a.name}={a.value(args[a.name])!r}" for a in self.args if a.value(args[a.name]) != a.default]
        return f"nn.{self.name}({', '.join(parts)})"

    def count_for_mean(self, per_element: torch.Tensor, target: torch.Tensor, args: Mapping[str, float]) -> int:
        """How many of the per-element losses reduction='mean' averages over."""
        return per_element.numel() if self.mean_count is None else self.mean_count(per_element, target, args)

    def default_args(self) -> dict[str, float]:
        return {a.name: a.default for a in self.args}
