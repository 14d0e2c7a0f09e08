"""The guide's two container models, run layer by layer on an input the user shapes. The classes are also the
snippet's source (inspect.getsource)."""

from dataclasses import dataclass
from typing import Callable

import torch
from torch import nn

from core.private_init import reset_parameters_
from core.text import Text


class ConvModuleList(nn.Module):
    """The guide's nn.ModuleList example: two 3x3 convolutions."""

    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Conv2d(1, 32, 3), nn.Conv2d(32, 64, 3)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class MatmulParameterList(nn.Module):
    """The guide's nn.ParameterList example: five 3x3 weights applied with matmul."""

    def __init__(self):
        super().__init__()
        self.weights = nn.ParameterList([nn.Parameter(torch.randn(3, 3)) for _ in range(5)])

    def forward(self, x):
        for weight in self.weights:
            x = torch.matmul(x, weight)
        return x


@dataclass(frozen=True)
class ShapePreset:
    """A ready-made input shape: (batch, height, width)."""

    key: str
    title: Text
    shape: tuple[int, int, int]


@dataclass(frozen=True)
class GuideModel:
    """One guide model: its class, the input it takes, and how to walk and explain it layer by layer."""

    key: str  # the URL's `model`
    title: Text
    model_class: type
    container: str  # the attribute holding the list, e.g. "layers"
    input_shape: Callable[[int, int, int], tuple[int, ...]]  # (batch, height, width) -> x's shape
    input_comment: str  # x's dims in words, for the snippet's shape comment
    item: str  # the loop variable's name for one element of the list
    step_source: str  # one step of the loop as the snippet writes it
    step: Callable[[torch.Tensor, object], torch.Tensor]  # the same step, run by the page: (x, item) -> x
    draw_: Callable[[nn.Module, torch.Generator], None]  # the constructor's weight draws, in its order, from a generator
    explain: Callable[[nn.Module, int, tuple[int, ...], str], str]  # (model, failing step, x's shape, lang) -> words
    presets: tuple[ShapePreset, ...]


def _draw_conv_(model: ConvModuleList, generator: torch.Generator) -> None:
    """What each nn.Conv2d(...) in the constructor draws."""
    for layer in model.layers:
        reset_parameters_(layer, generator)


def _draw_randn_(model: MatmulParameterList, generator: torch.Generator) -> None:
    """What each torch.randn(3, 3) in the constructor draws."""
    for weight in model.weights:
        nn.init.normal_(weight, generator=generator)


def _explain_conv(model: nn.Module, i: int, shape: tuple[int, ...], lang: str) -> str:
    layer = model.layers[i]
    k_h, k_w = layer.kernel_size
    need_h = 1 + sum(l.kernel_size[0] - 1 for l in model.layers)  # each unpadded k x k conv takes k - 1 off
    need_w = 1 + sum(l.kernel_size[1] - 1 for l in model.layers)
    if lang == "zh":
        return (
            f"`layers[{i}]` = `{layer}` 收到的 x 形状为 {shape}：它的 {k_h} x {k_w} 卷积核放不进 {shape[-2]} x {shape[-1]} "
            f"的图像。没有 padding 时每个 3 x 3 卷积会让高和宽各减少 2，所以这 {len(model.layers)} 层至少需要 "
            f"{need_h} x {need_w} 的输入。修改：把输入调到至少 {need_h} x {need_w}（height x width）"
            f"（或给每个 Conv2d 加上 padding=1，使尺寸保持不变）。"
        )
    return (
        f"`layers[{i}]` = `{layer}` got x of shape {shape}: its {k_h} x {k_w} kernel does not fit in the "
        f"{shape[-2]} x {shape[-1]} image. Without padding each 3 x 3 conv takes 2 off the height and the width, so "
        f"these {len(model.layers)} layers need an input of at least {need_h} x {need_w}. Fix: make the input at least "
        f"{need_h} x {need_w} (height x width), or give each Conv2d padding=1, which keeps the size."
    )


def _explain_matmul(model: nn.Module, i: int, shape: tuple[int, ...], lang: str) -> str:
    weight = tuple(model.weights[i].shape)
    if lang == "zh":
        return (
            f"`torch.matmul(x, weights[{i}])` 要求 x 的最后一维（width = {shape[-1]}）等于 weights[{i}] 的第一维"
            f"（{weight[0]}）：x 的形状为 {shape}，weights[{i}] 的形状为 {weight}。修改：把 width 设为 {weight[0]}。"
        )
    return (
        f"`torch.matmul(x, weights[{i}])` needs x's last dim (width = {shape[-1]}) to equal weights[{i}]'s first "
        f"dim ({weight[0]}): x is {shape}, weights[{i}] is {weight}. Fix: set width to {weight[0]}."
    )


GUIDE_MODELS: dict[str, GuideModel] = {
    "conv": GuideModel(
        "conv", Text("nn.ModuleList: Conv2d(1, 32, 3), Conv2d(32, 64, 3)", "nn.ModuleList：Conv2d(1, 32, 3)、Conv2d(32, 64, 3)"),
        ConvModuleList, "layers",
        input_shape=lambda batch, height, width: (batch, 1, height, width), input_comment="(batch, channels, height, width)",
        item="layer", step_source="x = layer(x)", step=lambda x, layer: layer(x), draw_=_draw_conv_, explain=_explain_conv,
        presets=(
            ShapePreset("mnist", Text("28 x 28, like MNIST", "28 x 28，与 MNIST 相同"), (1, 28, 28)),
            ShapePreset("smallest", Text("5 x 5, the smallest that fits", "5 x 5，能通过的最小尺寸"), (2, 5, 5)),
            ShapePreset("too_small", Text("2 x 2: too small", "2 x 2：太小"), (1, 2, 2)),
        ),
    ),
    "matmul": GuideModel(
        "matmul", Text("nn.ParameterList: five 3x3 weights with matmul", "nn.ParameterList：五个 3x3 权重与 matmul"),
        MatmulParameterList, "weights",
        input_shape=lambda batch, height, width: (batch, height, width), input_comment="(batch, height, width)",
        item="weight", step_source="x = torch.matmul(x, weight)", step=lambda x, weight: torch.matmul(x, weight),
        draw_=_draw_randn_, explain=_explain_matmul,
        presets=(
            ShapePreset("fits", Text("width 3: fits the 3x3 weights", "width 为 3：与 3x3 权重匹配"), (2, 4, 3)),
            ShapePreset("too_wide", Text("width 4: does not fit", "width 为 4：不匹配"), (1, 2, 4)),
        ),
    ),
}
