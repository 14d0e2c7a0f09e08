"""Ops that pick elements by index."""

from core.ops.shape_words import index_expr, shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text

_X = [[10, 20, 30], [40, 50, 60], [70, 80, 90]]


def _gather_rule(call, out, lang: str) -> str:
    dim = call.args["dim"]
    ndim = call.ndim("input")
    d = dim % ndim
    formula = f"result{index_expr(ndim)} = input{index_expr(ndim, d, 'index' + index_expr(ndim))}"
    if lang == "zh":
        return (
            f"结果的形状与 index 相同：{shp(call.shape('index'))} -> {shp(out)}。"
            f"第 {dim} 维的位置由 index 给出，其余位置不变：{formula}"
        )
    return (
        f"The result has index's shape: {shp(call.shape('index'))} -> {shp(out)}. "
        f"Along dim {dim} the position comes from index; every other position stays: {formula}"
    )


GATHER = OpSpec(
    name="gather",
    function="torch.gather",
    signature=("input", "dim", "index"),
    positional=1,
    tensors=(
        TensorParam("input", dtypes=("int64", "float32", "float64", "bool")),
        TensorParam("index", dtypes=("int64",), aligned_with_output=True),
    ),
    args=(ArgParam("dim", "dim", 1),),
    presets=(
        Preset("guide_dim0", Text("The guide, example 1: dim=0 (pick the row)", "指南例 1：dim=0（按列号取行）"),
               {"input": _X, "index": [[0, 2, 1], [1, 0, 2], [2, 1, 0]]}, {"dim": 0}),
        Preset("guide_dim1", Text("The guide, example 2: dim=1 (pick the column)", "指南例 2：dim=1（按行号取列）"),
               {"input": _X, "index": [[2, 1, 0], [0, 2, 1], [1, 0, 2]]}, {"dim": 1}),
        Preset(
            "guide_labels",
            Text("The guide, example 3: softmax probabilities, gather each label's",
                 "指南例 3：softmax 概率中取出真实标签对应的概率"),
            {"input": [[0.659, 0.2424, 0.0986], [0.1863, 0.5141, 0.2996]], "index": [[0], [1]]},
            {"dim": 1},
        ),
        Preset("repeat", Text("An index may repeat and reorder", "index 可以重复、可以乱序"),
               {"input": [[1, 2, 3, 4]], "index": [[3, 3, 0, 1, 1]]}, {"dim": 1}),
    ),
    summary=Text(
        "Picks values from input along dim at the positions index gives; the result has index's shape.",
        "沿 dim 维按 index 给出的位置从 input 中取值；结果的形状与 index 相同。",
    ),
    shape_rule=_gather_rule,
    marks=lambda call: {"input": call.args["dim"], "index": call.args["dim"], "result": call.args["dim"]},
)
