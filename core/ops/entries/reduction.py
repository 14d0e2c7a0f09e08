"""Ops that reduce a tensor along a dim."""

import torch

from core.ops.entries.guide_data import GUIDE_LOGITS
from core.ops.shape_words import reduced_dims, same_dims, shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text

_ONES_2x3 = torch.ones((2, 3)).tolist()  # the guide's a = torch.ones((2, 3)), made by torch


def _sum_rule(call, out, lang: str) -> str:
    shape, dim, keepdim = call.shape("input"), call.args["dim"], call.args["keepdim"]
    if dim is None:
        if lang == "zh":
            kept = "每一维都保留为 1" if keepdim else "得到一个 0 维张量（标量）"
            return f"{shp(shape)} -> {shp(out)}：dim=None 把所有元素加在一起，{kept}"
        kept = "every dim kept with size 1" if keepdim else "a 0-d tensor (a scalar)"
        return f"{shp(shape)} -> {shp(out)}: dim=None adds every element together: {kept}"
    size = shape[dim] if shape else 1
    if lang == "zh":
        what = "被压缩为大小 1（keepdim=True）" if keepdim else "被求和消去"
        return f"{shp(shape)} -> {shp(out)}：第 {dim} 维（大小 {size}）{what}，其余维度不变"
    what = "is summed down to size 1 (keepdim=True)" if keepdim else "is summed away"
    return f"{shp(shape)} -> {shp(out)}: dim {dim} (size {size}) {what}; the other dims stay"


SUM = OpSpec(
    name="sum",
    function="torch.sum",
    signature=("input", "dim", "keepdim"),
    positional=1,
    tensors=(TensorParam("input", dtypes=("float32", "float64", "int64", "bool")),),
    args=(
        ArgParam("dim", "dim", None, torch_default=None, none_allowed=True),
        ArgParam("keepdim", "bool", False, torch_default=False, help="keepdim_help"),
    ),
    presets=(
        Preset("all", Text("The guide: torch.sum(a) of ones((2, 3))", "指南示例：torch.sum(a)，a 为 ones((2, 3))"),
               {"input": _ONES_2x3}),
        Preset("dim0", Text("The guide: dim=0 (down the columns)", "指南示例：dim=0（按列求和）"),
               {"input": _ONES_2x3}, {"dim": 0}),
        Preset("dim1", Text("The guide: dim=1 (along the rows)", "指南示例：dim=1（按行求和）"),
               {"input": _ONES_2x3}, {"dim": 1}),
        Preset("dim0_keep", Text("The guide: dim=0, keepdim=True", "指南示例：dim=0, keepdim=True"),
               {"input": _ONES_2x3}, {"dim": 0, "keepdim": True}),
        Preset("dim1_keep", Text("The guide: dim=1, keepdim=True", "指南示例：dim=1, keepdim=True"),
               {"input": _ONES_2x3}, {"dim": 1, "keepdim": True}),
        Preset("counting", Text("Numbers 1..6, dim=-1", "数字 1..6，dim=-1"),
               {"input": [[1, 2, 3], [4, 5, 6]]}, {"dim": -1}),
        Preset("cube", Text("A 3-d tensor, dim=0 adds the slices", "三维张量，dim=0 把各片相加"),
               {"input": [[[1, 2], [3, 4]], [[10, 20], [30, 40]]]}, {"dim": 0}),
    ),
    summary=Text(
        "Adds up elements: all of them (dim=None), or along one dim, which disappears unless keepdim=True keeps it "
        "with size 1.",
        "对元素求和：dim=None 时对全部元素求和；指定 dim 时沿该维求和，该维随之消失，"
        "除非 keepdim=True 把它保留为大小 1。",
    ),
    shape_rule=_sum_rule, dim_map=reduced_dims,
    marks=lambda call: {} if call.args["dim"] is None else {"input": call.args["dim"]},
    same_scale=False,
)


def _dim_rule(verb_en: str, verb_zh: str):
    def words(call, out, lang):
        dim, keepdim = call.args.get("dim"), call.args.get("keepdim", False)
        shape = shp(call.shape("input"))
        if dim is None:
            return f"{shape} -> {shp(out)}: " + (f"{verb_en} over every element" if lang != "zh" else f"对全部元素{verb_zh}")
        if lang == "zh":
            kept = "保留为大小 1（keepdim=True）" if keepdim else "被消去"
            return f"{shape} -> {shp(out)}：沿第 {dim} 维{verb_zh}，该维{kept}"
        kept = "kept with size 1 (keepdim=True)" if keepdim else "removed"
        return f"{shape} -> {shp(out)}: {verb_en} along dim {dim}; that dim is {kept}"
    return words


_MATRIX = [[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]
_DIM_MARK = lambda call: {} if call.args.get("dim") is None else {"input": call.args["dim"]}  # noqa: E731

MEAN = OpSpec(
    name="mean", function="torch.mean", signature=("input", "dim", "keepdim"), positional=1,
    tensors=(TensorParam("input", dtypes=("float32", "float64")),),
    args=(ArgParam("dim", "dim", None, torch_default=None, none_allowed=True),
          ArgParam("keepdim", "bool", False, torch_default=False, help="keepdim_help")),
    presets=(
        Preset("all", Text("The mean of every element", "全部元素的平均值"), {"input": _MATRIX}),
        Preset("dim0", Text("dim=0: the mean of each column", "dim=0：每列的平均值"), {"input": _MATRIX}, {"dim": 0}),
        Preset("dim1_keep", Text("dim=1, keepdim=True", "dim=1, keepdim=True"), {"input": _MATRIX}, {"dim": 1, "keepdim": True}),
    ),
    summary=Text("The average, over everything or along dim (floating-point inputs only).", "求平均值：对全部元素或沿 dim（仅限浮点输入）。"),
    shape_rule=_dim_rule("averaged", "求平均"), dim_map=reduced_dims, marks=_DIM_MARK, same_scale=False, group="reduce",
)

MAX = OpSpec(
    name="max", function="torch.max", signature=("input", "dim", "keepdim"), positional=1,
    tensors=(TensorParam("input", dtypes=("float32", "float64", "int64")),),
    args=(ArgParam("dim", "dim", 1), ArgParam("keepdim", "bool", False, torch_default=False, help="keepdim_help")),
    presets=(
        Preset("rows", Text("dim=1: each row's largest value and where it is", "dim=1：每行的最大值及其位置"), {"input": _MATRIX}, {"dim": 1}),
        Preset("cols", Text("dim=0: each column's", "dim=0：每列的最大值"), {"input": _MATRIX}, {"dim": 0}),
    ),
    summary=Text("With dim: a pair (values, indices), the largest value along dim and its position.",
                 "指定 dim 时返回一对 (values, indices)：沿 dim 的最大值及其位置。"),
    shape_rule=_dim_rule("the max is taken", "取最大值"), dim_map=reduced_dims, marks=_DIM_MARK, group="reduce",
)

ARGMAX = OpSpec(
    name="argmax", function="torch.argmax", signature=("input", "dim", "keepdim"), positional=1,
    tensors=(TensorParam("input", dtypes=("float32", "float64", "int64")),),
    args=(ArgParam("dim", "dim", 1, torch_default=None, none_allowed=True),
          ArgParam("keepdim", "bool", False, torch_default=False, help="keepdim_help")),
    presets=(
        Preset("rows", Text("dim=1: the predicted class of each row", "dim=1：每行的预测类别"), {"input": GUIDE_LOGITS}, {"dim": 1}),
        Preset("flat", Text("No dim: the position in the flattened tensor", "不指定 dim：在展平后张量中的位置"), {"input": _MATRIX}, {"dim": None}),
    ),
    summary=Text("The position of the largest value (int64), along dim or in the flattened tensor.",
                 "最大值所在的位置（int64），沿 dim 或在展平后的张量中。"),
    shape_rule=_dim_rule("the max's position is found", "找出最大值的位置"), dim_map=reduced_dims, marks=_DIM_MARK, same_scale=False, group="reduce",
)

CUMSUM = OpSpec(
    name="cumsum", function="torch.cumsum", signature=("input", "dim"), positional=1,
    tensors=(TensorParam("input", dtypes=("float32", "float64", "int64")),), args=(ArgParam("dim", "dim", 1),),
    presets=(
        Preset("rows", Text("Running totals along each row", "沿每行的累计和"), {"input": [[1, 2, 3], [4, 5, 6]]}, {"dim": 1}),
        Preset("cols", Text("Down each column", "沿每列向下累计"), {"input": [[1, 2, 3], [4, 5, 6]]}, {"dim": 0}),
    ),
    summary=Text("Running totals along dim: result[..., i] = input[..., 0] + ... + input[..., i].",
                 "沿 dim 的累计和：result[..., i] = input[..., 0] + ... + input[..., i]。"),
    shape_rule=lambda call, out, lang: (f"{shp(call.shape('input'))} -> {shp(out)}: " + ("形状不变，沿第 %s 维累加" % call.args["dim"] if lang == "zh" else "the shape stays, totals run along dim %s" % call.args["dim"])),
    marks=lambda call: {"input": call.args["dim"], "result": call.args["dim"]}, same_scale=False, group="reduce",
    dim_map=same_dims,
)

TOPK = OpSpec(
    name="topk", function="torch.topk", signature=("input", "k", "dim"), positional=2,
    tensors=(TensorParam("input", dtypes=("float32", "float64", "int64")),),
    args=(ArgParam("k", "int", 2, minimum=1, maximum=16, help="k_help"), ArgParam("dim", "dim", -1, torch_default=-1)),
    presets=(
        Preset("top2", Text("The 2 largest of each row", "每行最大的 2 个"), {"input": [[1.0, 5.0, 3.0, 4.0], [4.0, 2.0, 6.0, 0.0]]}, {"k": 2}),
        Preset("too_many", Text("An error: k larger than the dim", "错误：k 大于该维的大小"), {"input": [[1.0, 5.0, 3.0]]}, {"k": 4}, error=True),
    ),
    summary=Text("The k largest values along dim, sorted, with their positions: (values, indices).",
                 "沿 dim 取最大的 k 个值（已排序）及其位置：(values, indices)。"),
    shape_rule=lambda call, out, lang: (f"{shp(call.shape('input'))} -> {shp(out)}: " + ("第 %s 维的大小变为 k = %s" % (call.args["dim"], call.args["k"]) if lang == "zh" else "dim %s shrinks to k = %s" % (call.args["dim"], call.args["k"]))),
    marks=lambda call: {"input": call.args["dim"], "result": call.args["dim"]},
    hint=Text("choose k no larger than the size of dim", "k 不能超过该维的大小"), group="reduce",
    dim_map=same_dims,
)
