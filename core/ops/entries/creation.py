"""Ops that make a tensor from a size."""

from core.ops.shape_words import shp
from core.ops.spec import ArgParam, OpSpec, Preset
from core.text import Text

ONES = OpSpec(
    name="ones",
    function="torch.ones",
    signature=("size",),
    positional=1,
    tensors=(),
    args=(ArgParam("size", "size", (2, 3), help="size_help"),),
    presets=(
        Preset("guide", Text("The guide: torch.ones((2, 3))", "指南示例：torch.ones((2, 3))"), args={"size": (2, 3)}),
        Preset("vector", Text("A vector of 4 ones", "4 个 1 组成的向量"), args={"size": (4,)}),
        Preset("cube", Text("A 2 x 2 x 3 block", "2 x 2 x 3 的立方块"), args={"size": (2, 2, 3)}),
    ),
    summary=Text(
        "A new float32 tensor of the given size, every element 1.",
        "按给定形状新建一个 float32 张量，每个元素都是 1。",
    ),
    shape_rule=lambda call, out, lang: (
        f"size {shp(call.args['size'])} -> {shp(out)}: 形状就是 size，全部填 1"
        if lang == "zh"
        else f"size {shp(call.args['size'])} -> {shp(out)}: the shape is exactly `size`, every element 1"
    ),
)
