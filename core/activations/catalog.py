"""The activation catalog: one declarative entry per activation module, rendered generically by the page."""

from dataclasses import dataclass, field
from typing import Any, Callable

import torch
from torch import nn

from core.text import Text


def _elementwise(module: nn.Module, x: torch.Tensor) -> torch.Tensor:
    return module(x)  # (N,)


def _first_of_pair(module: nn.Module, x: torch.Tensor) -> torch.Tensor:
    pairs = torch.stack([x, torch.zeros_like(x)], dim=1)  # (N, 2): logits [x, 0]
    return module(pairs)[:, 0]  # (N,)


@dataclass(frozen=True)
class Activation:
    """One activation: its torch.nn class, constructor arguments, and how a 1-d sweep of x goes through it."""

    name: str  # the class under torch.nn, also the URL's `activation`
    function: str  # the functional twin, e.g. torch.sigmoid
    output_range: str
    summary: Text
    args: dict[str, Any] = field(default_factory=dict)  # constructor arguments by torch's names
    # the curve: (module, x of shape (N,)) -> y of shape (N,), and the same line as the snippet writes it
    curve: Callable[[nn.Module, torch.Tensor], torch.Tensor] = _elementwise
    curve_source: str = "y = activation(x)  # (N,)"
    curve_note: Text | None = None

    def build(self) -> nn.Module:
        """A fresh module, built the way the snippet builds it."""
        return getattr(nn, self.name)(**self.args)

    def module_source(self) -> str:
        """`nn.Softmax(dim=1)`: the constructor as the snippet writes it."""
        args = ", ".join(f"{name}={value!r}" for name, value in self.args.items())
        return f"nn.{self.name}({args})"


SIGMOID = Activation(
    name="Sigmoid", function="torch.sigmoid", output_range="(0, 1)",
    summary=Text(
        "Squashes every element into (0, 1): an output layer's probability for two classes. Its slope is at most "
        "0.25 and dies away at large |x|, which is why it vanishes gradients in hidden layers.",
        "把每个元素压缩到 (0, 1) 之间：常用于二分类输出层给出概率。它的斜率最大只有 0.25，"
        "在 |x| 较大时趋近于 0，所以放在隐藏层容易造成梯度消失。",
    ),
)
SOFTMAX = Activation(
    name="Softmax", function="torch.softmax", output_range="(0, 1)", args={"dim": 1},
    summary=Text(
        "Turns a set of scores into probabilities that sum to 1 along `dim`: the usual output layer for many classes.",
        "把一组得分变成沿 `dim` 之和为 1 的概率：多分类输出层的常用选择。",
    ),
    curve=_first_of_pair,
    curve_source="y = activation(torch.stack([x, torch.zeros_like(x)], dim=1))[:, 0]  # (N,): softmax([x, 0])[0]",
    curve_note=Text(
        "Softmax is not element-wise: the curve is softmax([x, 0])[0], the probability of the first of two "
        "logits, which is exactly sigmoid(x).",
        "Softmax 不是逐元素运算：这里画的是 softmax([x, 0])[0]，即两个 logit 中第一个的概率，它恰好等于 sigmoid(x)。",
    ),
)
TANH = Activation(
    name="Tanh", function="torch.tanh", output_range="(-1, 1)",
    summary=Text(
        "Like a sigmoid stretched to (-1, 1) and centred on 0, with slope 1 at 0; it still flattens at large |x|.",
        "类似拉伸到 (-1, 1)、以 0 为中心的 sigmoid，在 0 处斜率为 1；但在 |x| 较大时同样变平。",
    ),
)
RELU = Activation(
    name="ReLU", function="torch.relu", output_range="[0, +inf)",
    summary=Text(
        "Keeps positive values and zeroes the rest: slope 1 for every x > 0, so positive inputs never vanish the "
        "gradient; for x < 0 the slope is 0 (a unit stuck there learns nothing).",
        "保留正数、把其余置零：x > 0 时斜率恒为 1，正输入不会让梯度消失；x < 0 时斜率为 0（停在那里的神经元学不到东西）。",
    ),
)

ACTIVATIONS: dict[str, Activation] = {entry.name: entry for entry in (SIGMOID, SOFTMAX, TANH, RELU)}
