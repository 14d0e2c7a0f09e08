"""Ops that pick elements by index."""

import torch

from core.ops.entries.guide_data import GUIDE_X, guide_probabilities
from core.ops.shape_words import index_expr, rule, same_dims, shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text

_X = [[10, 20, 30], [40, 50, 60], [70, 80, 90]]


def _gather_rule(call, out, lang: str) -> str:
    dim = call.args["dim"]
    ndim = call.ndim("input")
    d = dim % max(ndim, 1)  # a 0-d input takes dim 0 or -1
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
            Text("The guide, example 3: gather each label's probability from softmax(logits, dim=1), "
                 "as torch computes it (4 places)",
                 "指南例 3：从 softmax(logits, dim=1) 的概率（torch 的计算结果，保留 4 位小数）中取出真实标签对应的概率"),
            {"input": guide_probabilities(), "index": [[0], [1]]},
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
    dim_map=same_dims,
)


def _numpy_eye_rows(input, num_classes):
    import numpy as np  # the guide's own idiom goes through numpy; torch.tensor turns it back into a tensor

    # indexed with the tensor itself, as the snippet writes it: numpy reads a one-element tensor as one integer
    return torch.tensor(np.eye(num_classes)[input])


_EYE_ROWS = rule("{input} -> {out}: row y[i] of the {num_classes} x {num_classes} identity, for each label",
                 "{input} -> {out}：对每个标签取 {num_classes} x {num_classes} 单位矩阵的第 y[i] 行")


def _eye_rows_rule(call, out, lang: str) -> str:
    if call.tensors["input"].numel() != 1:
        return _EYE_ROWS(call, out, lang)
    batch = shp(call.shape("input") + (call.args["num_classes"],))  # what F.one_hot gives: y's shape plus one dim
    if lang == "zh":
        return (f"{shp(call.shape('input'))} -> {shp(out)}：numpy 把只有一个元素的张量当作一个整数（通过 Tensor.__index__），"
                f"所以只取出单位矩阵的一行，而不是一批（F.one_hot 会得到 {batch}）")
    return (f"{shp(call.shape('input'))} -> {shp(out)}: numpy reads a one-element tensor as a single integer (through "
            f"Tensor.__index__), so this is one row of the identity, not a batch of one (F.one_hot gives {batch})")


SCATTER = OpSpec(
    name="scatter", function="torch.scatter", signature=("input", "dim", "index", "src"), positional=1,
    tensors=(
        TensorParam("input", dtypes=("int64", "float32", "float64")),
        TensorParam("index", dtypes=("int64",)),
        TensorParam("src", dtypes=("int64", "float32", "float64")),
    ),
    args=(ArgParam("dim", "dim", 1),),
    presets=(
        Preset("inverse", Text("The inverse of gather: write src into the positions index gives", "gather 的逆操作：按 index 把 src 写入对应位置"),
               {"input": [[0, 0, 0], [0, 0, 0]], "index": [[2, 0], [1, 2]], "src": [[1, 2], [3, 4]]}, {"dim": 1}),
        Preset("rows", Text("dim=0: each column chooses its row", "dim=0：每列选择写入的行"),
               {"input": [[0, 0, 0], [0, 0, 0], [0, 0, 0]], "index": [[0, 1, 2]], "src": [[7, 8, 9]]}, {"dim": 0}),
    ),
    summary=Text("Writes src into a copy of input: along dim, src[i][j] goes to the position index[i][j].",
                 "把 src 写入 input 的副本：沿 dim，src[i][j] 被写到 index[i][j] 指定的位置。"),
    shape_rule=lambda call, out, lang: (
        f"{shp(call.shape('input'))} -> {shp(out)}: " + (
            f"形状同 input；第 {call.args['dim']} 维的位置由 index 给出" if lang == "zh"
            else f"input's shape; along dim {call.args['dim']} the position comes from index")
    ),
    marks=lambda call: {"input": call.args["dim"], "index": call.args["dim"], "result": call.args["dim"]}, group="index",
    dim_map=same_dims,
)

INDEX_SELECT = OpSpec(
    name="index_select", function="torch.index_select", signature=("input", "dim", "index"), positional=1,
    tensors=(TensorParam("input", dtypes=("int64", "float32", "float64", "bool")), TensorParam("index", dtypes=("int64",))),
    args=(ArgParam("dim", "dim", 0),),
    presets=(
        Preset("rows", Text("Pick rows 2 and 0", "选取第 2 行和第 0 行"), {"input": _X, "index": [2, 0]}, {"dim": 0}),
        Preset("cols", Text("Pick columns 1, 1, 0 (repeats allowed)", "选取第 1、1、0 列（可重复）"), {"input": _X, "index": [1, 1, 0]}, {"dim": 1}),
    ),
    summary=Text("Whole slices along dim, in the order a 1-d index lists them.", "按一维 index 给出的顺序，沿 dim 取出整片数据。"),
    shape_rule=lambda call, out, lang: (
        f"{shp(call.shape('input'))} -> {shp(out)}: " + (
            f"第 {call.args['dim']} 维的大小变为 len(index) = {call.shape('index')[0] if call.shape('index') else 1}" if lang == "zh"
            else f"dim {call.args['dim']} becomes len(index) = {call.shape('index')[0] if call.shape('index') else 1}")
    ),
    marks=lambda call: {"input": call.args["dim"], "result": call.args["dim"]}, group="index",
    dim_map=same_dims,
)

def _one_hot_shape(call) -> tuple[int, ...]:
    """One row per label; with num_classes=-1 the row is max + 1 long, which only the labels' values tell."""
    labels, classes = call.tensors["tensor"], call.args["num_classes"]
    if classes == -1:
        classes = max(int(labels.max()) + 1, 0) if labels.numel() else 0
    return tuple(labels.shape) + (classes,)


def _eye_rows_shape(call) -> tuple[int, ...]:
    """A row of np.eye(n) per label; numpy reads a one-element tensor as one integer, so one row."""
    labels, n = call.tensors["input"], call.args["num_classes"]
    return (n,) if labels.numel() == 1 else tuple(labels.shape) + (n,)


ONE_HOT = OpSpec(
    name="one_hot", function="torch.nn.functional.one_hot", signature=("tensor", "num_classes"), positional=1,
    tensors=(TensorParam("tensor", dtypes=("int64",)),),
    args=(ArgParam("num_classes", "int", 3, torch_default=-1, minimum=-1, maximum=16, help="num_classes_help"),),
    presets=(
        Preset("guide", Text("The guide's labels y = [0, 2, 2], 3 classes", "指南中的标签 y = [0, 2, 2]，3 类"), {"tensor": [0, 2, 2]}),
        Preset("infer", Text("num_classes=-1: inferred as max + 1", "num_classes=-1：自动取 最大值 + 1"), {"tensor": [1, 0, 3]}, {"num_classes": -1}),
        Preset("out_of_range", Text("An error: label 3 with 3 classes", "错误：3 类却出现标签 3"), {"tensor": [0, 3, 1]}, error=True),
    ),
    summary=Text("Each label becomes a row with a single 1 at the label's position (int64).", "每个标签变成一行，只有标签位置为 1（int64）。"),
    shape_rule=rule("{tensor} -> {out}: one row of length num_classes per label", "{tensor} -> {out}：每个标签一行，长度为 num_classes"),
    hint=Text("every label must be in 0..num_classes-1: raise num_classes or fix the label",
              "每个标签都必须在 0..num_classes-1 之间：增大 num_classes 或修正标签"),
    same_scale=False, group="index", shape_of_result=_one_hot_shape,
)

ONE_HOT_NUMPY = OpSpec(
    name="np.eye(n)[y]", function="torch.tensor", signature=("input", "num_classes"), positional=2,
    tensors=(TensorParam("input", dtypes=("int64",)),),
    args=(ArgParam("num_classes", "int", 3, minimum=1, maximum=16, help="num_classes_help"),),
    presets=(
        Preset("guide", Text("The guide: torch.tensor(np.eye(3)[y]), y = [0, 2, 2]", "指南示例：torch.tensor(np.eye(3)[y])，y = [0, 2, 2]"), {"input": [0, 2, 2]}),
        Preset("one_label", Text("A single label y = [2]: numpy reads it as the integer 2, one row (3,)",
                                 "只有一个标签 y = [2]：numpy 把它当作整数 2，只得到一行 (3,)"), {"input": [2]}),
        Preset("out_of_range", Text("An error: label 3 with np.eye(3)", "错误：np.eye(3) 遇到标签 3"), {"input": [0, 3, 1]}, error=True),
    ),
    summary=Text(
        "The guide's one-hot idiom: y picks rows of the identity matrix. It comes out float64 (numpy's default), "
        "unlike F.one_hot's int64.",
        "指南中的 one-hot 写法：用 y 选取单位矩阵的行。结果是 float64（numpy 的默认类型），而 F.one_hot 得到 int64。",
    ),
    shape_rule=_eye_rows_rule,
    implementation=_numpy_eye_rows, code=lambda call: f"torch.tensor(np.eye({call.args['num_classes']})[input])",
    imports=("import numpy as np",),
    hint=Text("every label must be below n in np.eye(n)", "每个标签都必须小于 np.eye(n) 中的 n"),
    same_scale=False, group="index", shape_of_result=_eye_rows_shape,
)

ITEM = OpSpec(
    name="item", function="Tensor.item", signature=("input",), positional=1, method=True,
    tensors=(TensorParam("input", dtypes=("float32", "float64", "int64", "bool")),), args=(),
    presets=(
        Preset("guide", Text("The guide: x[1, 1].item() of a one-element tensor", "指南示例：对单元素张量 x[1, 1] 调用 .item()"), {"input": GUIDE_X[1][1]}),
        Preset("one_cell", Text("A (1, 1) tensor works too", "(1, 1) 张量同样可以"), {"input": [[7]]}),
        Preset("many", Text("An error: item() of a (2, 2) tensor", "错误：对 (2, 2) 张量调用 item()"), {"input": GUIDE_X}, error=True),
    ),
    summary=Text("The single value of a one-element tensor as a plain Python number (float, int or bool).",
                 "把单元素张量中的值取出为普通 Python 数（float、int 或 bool）。"),
    shape_rule=rule("{input} -> a Python number: exactly one element is required", "{input} -> 一个 Python 数：张量必须恰好只有一个元素"),
    hint=Text("item() needs exactly one element: index one first, e.g. input[1, 1].item(), or reduce, e.g. input.sum().item()",
              "item() 要求张量只有一个元素：先取出一个元素，如 input[1, 1].item()，或先归约，如 input.sum().item()"),
    group="index", shape_of_result=lambda call: (),  # a Python number (or torch's refusal of a bigger tensor)
)
