"""Ops that join several tensors into one."""

from core.limits import MAX_TENSORS
from core.ops.shape_words import shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text


def _shapes(call) -> str:
    return ", ".join(shp(t.shape) for t in call.tensors["tensors"])


def _cat_rule(call, out, lang: str) -> str:
    dim = call.args["dim"]
    if lang == "zh":
        return (
            f"[{_shapes(call)}] -> {shp(out)}：沿已有的第 {dim} 维拼接，该维大小相加；"
            f"其余各维的大小必须相同"
        )
    return f"[{_shapes(call)}] -> {shp(out)}: joined along the existing dim {dim}, whose sizes add up; every other dim must match"


def _stack_rule(call, out, lang: str) -> str:
    dim, count = call.args["dim"], len(call.tensors["tensors"])
    if lang == "zh":
        return (
            f"[{_shapes(call)}] -> {shp(out)}：在第 {dim} 维插入一个大小为 {count}（张量个数）的新维度；"
            f"所有张量的形状必须完全相同"
        )
    return (
        f"[{_shapes(call)}] -> {shp(out)}: a new dim {dim} of size {count} (one per tensor) is inserted; "
        f"every tensor must have the same shape"
    )


_TENSORS = TensorParam("tensors", count=(2, MAX_TENSORS))

CAT = OpSpec(
    name="cat",
    function="torch.cat",
    signature=("tensors", "dim"),
    positional=1,
    tensors=(_TENSORS,),
    args=(ArgParam("dim", "dim", 0, torch_default=0, of="tensors"),),
    presets=(
        Preset("guide_dim0", Text("The guide, example 1: two (2, 2), dim=0", "指南例 1：两个 (2, 2)，dim=0"),
               {"tensors": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}, {"dim": 0}),
        Preset("guide_dim1", Text("The guide, example 2: two (2, 2), dim=1", "指南例 2：两个 (2, 2)，dim=1"),
               {"tensors": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}, {"dim": 1}),
        Preset("guide_ragged", Text("The guide, example 3: (2, 2) and (1, 2), dim=0", "指南例 3：(2, 2) 与 (1, 2)，dim=0"),
               {"tensors": [[[1, 2], [3, 4]], [[5, 6]]]}, {"dim": 0}),
        Preset("guide_scalar", Text("The guide, example 4: [1, 2, 3] and [4]", "指南例 4：[1, 2, 3] 与 [4]"),
               {"tensors": [[1, 2, 3], [4]]}, {"dim": 0}),
        Preset("three", Text("Three tensors along dim=-1", "三个张量沿 dim=-1 拼接"),
               {"tensors": [[[1], [2]], [[3, 4], [5, 6]], [[7], [8]]]}, {"dim": -1}),
    ),
    summary=Text(
        "Joins tensors end to end along an existing dim; no new dim appears.",
        "沿一个已有维度把多个张量首尾相接；不会产生新维度。",
    ),
    shape_rule=_cat_rule,
    marks=lambda call: {"tensors": call.args["dim"], "result": call.args["dim"]},
)

STACK = OpSpec(
    name="stack",
    function="torch.stack",
    signature=("tensors", "dim"),
    positional=1,
    tensors=(_TENSORS,),
    args=(ArgParam("dim", "dim", 0, torch_default=0, of="tensors", new_axis=True, help="new_dim_help"),),
    presets=(
        Preset("guide_dim0", Text("The guide, example 1: three (2,), dim=0", "指南例 1：三个 (2,)，dim=0"),
               {"tensors": [[1, 2], [3, 4], [5, 6]]}, {"dim": 0}),
        Preset("guide_dim1", Text("The guide, example 2: three (2,), dim=1", "指南例 2：三个 (2,)，dim=1"),
               {"tensors": [[1, 2], [3, 4], [5, 6]]}, {"dim": 1}),
        Preset("matrices", Text("Two (2, 2) matrices, dim=0 makes a (2, 2, 2) block", "两个 (2, 2) 矩阵，dim=0 得到 (2, 2, 2)"),
               {"tensors": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}, {"dim": 0}),
        Preset("matrices_last", Text("Two (2, 2) matrices, dim=-1", "两个 (2, 2) 矩阵，dim=-1"),
               {"tensors": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}, {"dim": -1}),
    ),
    summary=Text(
        "Puts same-shaped tensors side by side along a new dim; the result has one more dim.",
        "把形状相同的张量沿一个新维度叠在一起；结果多出一维。",
    ),
    shape_rule=_stack_rule,
    marks=lambda call: {"result": call.args["dim"]},
)
