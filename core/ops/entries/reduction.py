"""Ops that reduce a tensor along a dim."""

from core.ops.shape_words import shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text

_ONES_2x3 = [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]


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
    shape_rule=_sum_rule,
    marks=lambda call: {} if call.args["dim"] is None else {"input": call.args["dim"]},
    same_scale=False,
)
