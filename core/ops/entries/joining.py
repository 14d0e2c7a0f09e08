"""Ops that join several tensors into one."""

from core.limits import MAX_TENSORS
from core.ops.shape_words import inserted_dim, same_dims, shp
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
    dim_map=same_dims,
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
    dim_map=inserted_dim,
)


def _hstack_dim(call) -> int:
    """The dim hstack joins along: 1, or 0 when the tensors are 1-d (as torch documents it)."""
    return 0 if call.ndim("tensors") <= 1 else 1


def _hstack_rule(call, out, lang: str) -> str:
    dim = _hstack_dim(call)
    if lang == "zh":
        return (f"[{_shapes(call)}] -> {shp(out)}：沿第 {dim} 维拼接（一维张量沿第 0 维），"
                f"即 torch.cat(tensors, dim={dim})；不会产生新维度")
    return (f"[{_shapes(call)}] -> {shp(out)}: joined along dim {dim} (dim 0 for 1-d tensors), "
            f"as torch.cat(tensors, dim={dim}); no new dim")


HSTACK = OpSpec(
    name="hstack", function="torch.hstack", signature=("tensors",), positional=1, tensors=(_TENSORS,), args=(),
    presets=(
        Preset("matrices", Text("Two (2, 2) matrices side by side: (2, 4)", "两个 (2, 2) 矩阵左右并排：(2, 4)"),
               {"tensors": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}),
        Preset("vectors", Text("1-d tensors are joined end to end", "一维张量首尾相接"), {"tensors": [[1, 2, 3], [4, 5]]}),
    ),
    summary=Text("Joins tensors column-wise: cat along dim 1, or along dim 0 for 1-d tensors.",
                 "按列方向拼接：沿第 1 维 cat，一维张量则沿第 0 维。"),
    shape_rule=_hstack_rule, marks=lambda call: {"tensors": _hstack_dim(call), "result": _hstack_dim(call)},
    dim_map=same_dims, group="join",
)

SPLIT = OpSpec(
    name="split", function="torch.split", signature=("tensor", "split_size_or_sections", "dim"), positional=2,
    tensors=(TensorParam("tensor"),),
    args=(ArgParam("split_size_or_sections", "int", 2, minimum=1, maximum=16, help="split_help"),
          ArgParam("dim", "dim", 0, torch_default=0, of="tensor")),
    presets=(
        Preset("pairs", Text("[1..5] in pieces of 2: the last is shorter", "[1..5] 每 2 个一段：最后一段较短"), {"tensor": [1, 2, 3, 4, 5]}),
        Preset("cols", Text("A (2, 4) into column pairs", "把 (2, 4) 按每 2 列切开"), {"tensor": [[1, 2, 3, 4], [5, 6, 7, 8]]}, {"dim": 1}),
    ),
    summary=Text("Cuts a tensor along dim into pieces of split_size (the last may be shorter); each piece is a view.",
                 "沿 dim 把张量切成每段 split_size 大小的若干段（最后一段可能较短）；每段都是视图。"),
    shape_rule=lambda call, out, lang: (
        f"{shp(call.shape('tensor'))} -> " + ("每段沿第 %s 维最多 %s 个" % (call.args["dim"], call.args["split_size_or_sections"]) if lang == "zh"
        else "pieces of at most %s along dim %s" % (call.args["split_size_or_sections"], call.args["dim"]))
    ),
    marks=lambda call: {"tensor": call.args["dim"]}, group="join",
    dim_map=same_dims,
)

CHUNK = OpSpec(
    name="chunk", function="torch.chunk", signature=("input", "chunks", "dim"), positional=2,
    tensors=(TensorParam("input"),),
    args=(ArgParam("chunks", "int", 3, minimum=1, maximum=16, help="chunks_help"), ArgParam("dim", "dim", 0, torch_default=0)),
    presets=(
        Preset("three", Text("[1..6] into 3 chunks", "[1..6] 分成 3 块"), {"input": [1, 2, 3, 4, 5, 6]}),
        Preset("uneven", Text("[1..5] into 3 chunks: sizes 2, 2, 1", "[1..5] 分成 3 块：大小 2、2、1"), {"input": [1, 2, 3, 4, 5]}),
        Preset("fewer", Text("[1..4] into 3 chunks gives only 2", "[1..4] 分成 3 块实际只得到 2 块"), {"input": [1, 2, 3, 4]}),
    ),
    summary=Text("Cuts into (at most) chunks pieces of size ceil(n / chunks) along dim; may return fewer.",
                 "沿 dim 切成（至多）chunks 块，每块大小 ceil(n / chunks)；可能少于 chunks 块。"),
    shape_rule=lambda call, out, lang: (
        f"{shp(call.shape('input'))} -> " + ("至多 %s 块" % call.args["chunks"] if lang == "zh" else "at most %s chunks" % call.args["chunks"])
    ),
    marks=lambda call: {"input": call.args["dim"]}, group="join",
    dim_map=same_dims,
)
