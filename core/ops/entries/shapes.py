"""Ops that change a tensor's shape, not its values; many return views of their input."""

from core.ops.shape_words import (
    aligned_right, inserted_dim, permuted_dims, reshaped_dims, rule, same_dims, squeezed_dims, swapped_dims,
)
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text

_ROW = [1, 2, 3, 4]
_M23 = [[1, 2, 3], [4, 5, 6]]
_SIX = [1, 2, 3, 4, 5, 6]
_INPUT = (TensorParam("input"),)
_SHAPE_HELP = "shape_help"


def _squeeze_rule(call, out, lang):
    shape, dim = call.shape("input"), call.args["dim"]
    if dim is None:
        return rule(
            "{input} -> {out}: every dim of size 1 is removed", "{input} -> {out}：删除所有大小为 1 的维度"
        )(call, out, lang)
    size = shape[dim] if shape else 1
    if size != 1:
        return rule(
            "{input} -> {out}: dim {dim} has size %d, not 1, so squeeze leaves the shape alone (no error, no change)"
            % size,
            "{input} -> {out}：第 {dim} 维大小为 %d 而不是 1，所以 squeeze 不做任何改变（也不报错）" % size,
        )(call, out, lang)
    return rule("{input} -> {out}: dim {dim} (size 1) is removed", "{input} -> {out}：删除第 {dim} 维（大小为 1）")(
        call, out, lang
    )


UNSQUEEZE = OpSpec(
    name="unsqueeze", function="torch.unsqueeze", signature=("input", "dim"), positional=1, tensors=_INPUT,
    args=(ArgParam("dim", "dim", 0, new_axis=True, help="new_dim_help"),),
    presets=(
        Preset("guide_0", Text("The guide: x = [1, 2, 3, 4], dim=0 -> (1, 4)", "指南示例：x = [1, 2, 3, 4]，dim=0 -> (1, 4)"),
               {"input": _ROW}, {"dim": 0}),
        Preset("guide_1", Text("The guide: dim=1 -> (4, 1)", "指南示例：dim=1 -> (4, 1)"), {"input": _ROW}, {"dim": 1}),
        Preset("guide_neg", Text("The guide: dim=-1, the same as dim=1 here", "指南示例：dim=-1，此处等同于 dim=1"),
               {"input": _ROW}, {"dim": -1}),
        Preset("matrix", Text("A (2, 3) matrix, dim=1 -> (2, 1, 3)", "(2, 3) 矩阵，dim=1 -> (2, 1, 3)"),
               {"input": _M23}, {"dim": 1}),
    ),
    summary=Text(
        "Inserts a dim of size 1 at position dim; for n dims, dim ranges over -(n+1)..n. Returns a view.",
        "在 dim 位置插入一个大小为 1 的新维度；对 n 维输入，dim 的范围是 -(n+1)..n。返回视图。",
    ),
    shape_rule=rule("{input} -> {out}: a new dim of size 1 at position {dim}", "{input} -> {out}：在位置 {dim} 插入大小为 1 的新维度"),
    marks=lambda call: {"result": call.args["dim"]}, group="shape", dim_map=inserted_dim,
)

SQUEEZE = OpSpec(
    name="squeeze", function="torch.squeeze", signature=("input", "dim"), positional=1, tensors=_INPUT,
    args=(ArgParam("dim", "dim", None, torch_default=None, none_allowed=True),),
    presets=(
        Preset("all", Text("No dim: every size-1 dim goes, (1, 3, 1) -> (3,)", "不指定 dim：删除所有大小为 1 的维度，(1, 3, 1) -> (3,)"),
               {"input": [[[1], [2], [3]]]}),
        Preset("dim1_keep", Text("The guide: dim 0 of (2, 1, 3) has size 2: nothing happens",
                                 "指南示例：(2, 1, 3) 的第 0 维大小为 2：不会被压缩"),
               {"input": [[[1, 2, 3]], [[4, 5, 6]]]}, {"dim": 0}),
        Preset("dim1", Text("The guide: squeeze dim 1 of (2, 1, 3) -> (2, 3)", "指南示例：压缩 (2, 1, 3) 的第 1 维 -> (2, 3)"),
               {"input": [[[1, 2, 3]], [[4, 5, 6]]]}, {"dim": 1}),
    ),
    summary=Text(
        "Removes dims of size 1: all of them, or only dim (a no-op when that dim's size is not 1). Returns a view.",
        "删除大小为 1 的维度：全部删除，或只删除 dim 维（若该维大小不是 1，则什么也不做）。返回视图。",
    ),
    shape_rule=_squeeze_rule, dim_map=squeezed_dims, marks=lambda call: {} if call.args["dim"] is None else {"input": call.args["dim"]},
    group="shape",
)

VIEW = OpSpec(
    name="view", function="Tensor.view", signature=("input", "shape"), positional=2, tensors=_INPUT, method=True,
    args=(ArgParam("shape", "ints", (2, 3), star=True, help=_SHAPE_HELP),),
    presets=(
        Preset("guide_23", Text("The guide: [1..6].view(2, 3)", "指南示例：[1..6].view(2, 3)"), {"input": _SIX}, {"shape": (2, 3)}),
        Preset("guide_231", Text("The guide: view(2, 3, 1)", "指南示例：view(2, 3, 1)"), {"input": _SIX}, {"shape": (2, 3, 1)}),
        Preset("infer", Text("-1 is inferred: view(3, -1) -> (3, 2)", "-1 自动推断：view(3, -1) -> (3, 2)"),
               {"input": _SIX}, {"shape": (3, -1)}),
        Preset("guide_flat", Text("The guide: a (2, 3) matrix .view(-1)", "指南示例：(2, 3) 矩阵 .view(-1)"),
               {"input": _M23}, {"shape": (-1,)}),
        Preset("mismatch", Text("An error: 6 elements cannot be viewed as (4, 2)", "错误：6 个元素无法变成 (4, 2)"),
               {"input": _SIX}, {"shape": (4, 2)}, error=True),
    ),
    summary=Text(
        "The same data seen with another shape (one -1 is inferred); the element count must stay the same and the "
        "input must be contiguous. Returns a view: no copy.",
        "用另一种形状看待同一份数据（一个 -1 会被自动推断）；元素个数必须不变，且输入必须是连续的（contiguous）。返回视图，不复制数据。",
    ),
    shape_rule=rule(
        "{input} -> {out}: the elements are read in row-major order and refilled into the new shape; the counts must agree",
        "{input} -> {out}：按行优先顺序读出元素，再依次填入新形状；元素个数必须相同",
    ),
    hint=Text(
        "the shape's sizes must multiply to the element count (a single -1 lets torch work one size out); for a "
        "non-contiguous input use reshape(...) or .contiguous().view(...)",
        "新形状各维大小之积必须等于元素个数（一个 -1 可让 torch 自动推算）；若输入不连续，请改用 reshape(...) 或 .contiguous().view(...)",
    ),
    group="shape", dim_sources=reshaped_dims,
)

T_THEN_VIEW = OpSpec(
    name="t().view", function="Tensor.view", signature=("input", "shape"), positional=2, tensors=_INPUT, method=True,
    args=(ArgParam("shape", "ints", (-1,), star=True, help=_SHAPE_HELP),),
    presets=(
        Preset("trap", Text("The trap: m.t().view(-1) fails", "陷阱：m.t().view(-1) 会报错"), {"input": _M23}, {"shape": (-1,)}, error=True),
        Preset("square", Text("Even a square matrix: t() is not contiguous", "方阵也一样：t() 之后不连续"),
               {"input": [[1, 2], [3, 4]]}, {"shape": (4,)}, error=True),
    ),
    summary=Text(
        "The classic trap: t() returns a non-contiguous view (its strides are swapped), and view() cannot re-read "
        "that memory in row order. reshape() copies when it must; .contiguous().view() does the copy by hand.",
        "经典陷阱：t() 返回一个不连续的视图（步长被交换），view() 无法按行顺序重新解读这块内存。"
        "reshape() 会在必要时复制；.contiguous().view() 则是手动复制。",
    ),
    shape_rule=rule("{input} -> t() -> view{shape}", "{input} -> t() -> view{shape}"),
    implementation=lambda input, *shape: input.t().view(*shape),
    code=lambda call: "input.t().view(" + ", ".join(map(str, call.args["shape"])) + ")", try_fixes=False,
    hint=Text(
        "use input.t().reshape(-1), or input.t().contiguous().view(-1): both copy the data into row order first",
        "改用 input.t().reshape(-1) 或 input.t().contiguous().view(-1)：两者都会先把数据按行顺序复制一份",
    ),
    group="shape",
)

RESHAPE = OpSpec(
    name="reshape", function="torch.reshape", signature=("input", "shape"), positional=1, tensors=_INPUT,
    args=(ArgParam("shape", "ints", (3, 2), help=_SHAPE_HELP),),
    presets=(
        Preset("m32", Text("(2, 3) -> (3, 2)", "(2, 3) -> (3, 2)"), {"input": _M23}, {"shape": (3, 2)}),
        Preset("flat", Text("(2, 3) -> (-1,): flatten", "(2, 3) -> (-1,)：展平"), {"input": _M23}, {"shape": (-1,)}),
        Preset("cube", Text("[1..8] -> (2, 2, -1)", "[1..8] -> (2, 2, -1)"), {"input": [1, 2, 3, 4, 5, 6, 7, 8]}, {"shape": (2, 2, -1)}),
    ),
    summary=Text(
        "Like view, but works on any input: a view when the memory allows it, otherwise a copy.",
        "与 view 类似，但适用于任何输入：内存布局允许时返回视图，否则复制一份。",
    ),
    shape_rule=rule("{input} -> {out}: same elements in row-major order, new shape", "{input} -> {out}：元素按行优先顺序不变，换一个形状"),
    group="shape", dim_sources=reshaped_dims,
)

T = OpSpec(
    name="t", function="torch.t", signature=("input",), positional=1, tensors=_INPUT,
    args=(),
    presets=(
        Preset("guide", Text("The guide: [[1, 2], [3, 4]].t()", "指南示例：[[1, 2], [3, 4]].t()"), {"input": [[1, 2], [3, 4]]}),
        Preset("rect", Text("(2, 3) -> (3, 2)", "(2, 3) -> (3, 2)"), {"input": _M23}),
        Preset("vector", Text("A 1-d tensor is returned as it is", "一维张量原样返回"), {"input": [1, 2, 3]}),
        Preset("scalar", Text("A 0-d tensor is returned as it is", "零维张量原样返回"), {"input": 5}),
        Preset("cube", Text("An error: t() of a 3-d tensor", "错误：对三维张量调用 t()"), {"input": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}, error=True),
    ),
    summary=Text(
        "Transposes a 2-d tensor (rows become columns); 0-d and 1-d come back as they are; more dims are an error. "
        "Returns a view.",
        "转置二维张量（行变列）；零维和一维原样返回；更多维会报错。返回视图。",
    ),
    shape_rule=rule("{input} -> {out}: result[i][j] = input[j][i]", "{input} -> {out}：result[i][j] = input[j][i]"),
    hint=Text(
        "t() takes at most 2 dims: use input.transpose(0, 1) to swap two chosen dims, or input.permute(...) to reorder all",
        "t() 最多只接受二维：用 input.transpose(0, 1) 交换指定的两维，或用 input.permute(...) 重排所有维度",
    ),
    marks=lambda call: {}, group="shape", dim_map=swapped_dims,
)

TRANSPOSE = OpSpec(
    name="transpose", function="torch.transpose", signature=("input", "dim0", "dim1"), positional=1, tensors=_INPUT,
    args=(ArgParam("dim0", "dim", 0), ArgParam("dim1", "dim", 1)),
    presets=(
        Preset("matrix", Text("(2, 3): swap dims 0 and 1", "(2, 3)：交换第 0 和第 1 维"), {"input": _M23}),
        Preset("cube", Text("(2, 2, 3): swap dims 0 and 2", "(2, 2, 3)：交换第 0 和第 2 维"),
               {"input": [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]}, {"dim0": 0, "dim1": 2}),
    ),
    summary=Text("Swaps two dims. Returns a view (not contiguous).", "交换两个维度。返回视图（不连续）。"),
    shape_rule=rule("{input} -> {out}: dims {dim0} and {dim1} trade places", "{input} -> {out}：第 {dim0} 维与第 {dim1} 维互换"),
    group="shape", dim_map=swapped_dims,
)

PERMUTE = OpSpec(
    name="permute", function="torch.permute", signature=("input", "dims"), positional=1, tensors=_INPUT,
    args=(ArgParam("dims", "ints", (2, 0, 1), help="dims_help"),),
    presets=(
        Preset("cube", Text("(2, 2, 3) -> dims (2, 0, 1) -> (3, 2, 2)", "(2, 2, 3) 按 (2, 0, 1) 重排 -> (3, 2, 2)"),
               {"input": [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]}, {"dims": (2, 0, 1)}),
        Preset("matrix", Text("A matrix: permute(1, 0) is t()", "矩阵：permute(1, 0) 就是 t()"), {"input": _M23}, {"dims": (1, 0)}),
    ),
    summary=Text(
        "Reorders every dim: result dim i is input dim dims[i]. Returns a view.",
        "重排所有维度：结果的第 i 维是输入的第 dims[i] 维。返回视图。",
    ),
    shape_rule=rule("{input} -> {out}: result dim i is input dim dims[i], dims = {dims}", "{input} -> {out}：结果第 i 维 = 输入第 dims[i] 维，dims = {dims}"),
    group="shape", dim_map=permuted_dims,
)

FLATTEN = OpSpec(
    name="flatten", function="torch.flatten", signature=("input", "start_dim", "end_dim"), positional=1, tensors=_INPUT,
    args=(ArgParam("start_dim", "dim", 0, torch_default=0), ArgParam("end_dim", "dim", -1, torch_default=-1)),
    presets=(
        Preset("all", Text("All dims: (2, 2, 3) -> (12,)", "全部维度：(2, 2, 3) -> (12,)"),
               {"input": [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]}),
        Preset("batch", Text("Keep the batch: start_dim=1 -> (2, 6)", "保留 batch 维：start_dim=1 -> (2, 6)"),
               {"input": [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]}, {"start_dim": 1}),
    ),
    summary=Text("Merges dims start_dim..end_dim into one.", "把 start_dim 到 end_dim 的各维合并成一维。"),
    shape_rule=rule("{input} -> {out}: dims {start_dim}..{end_dim} become one", "{input} -> {out}：第 {start_dim} 到 {end_dim} 维合并为一维"),
    group="shape", dim_sources=reshaped_dims,
)

EXPAND = OpSpec(
    name="expand", function="Tensor.expand", signature=("input", "size"), positional=2, tensors=_INPUT, method=True,
    args=(ArgParam("size", "ints", (3, 4), star=True, help=_SHAPE_HELP),),
    presets=(
        Preset("column", Text("A (3, 1) column -> (3, 4), no copy", "(3, 1) 列向量 -> (3, 4)，不复制"),
               {"input": [[1], [2], [3]]}, {"size": (3, 4)}),
        Preset("keep", Text("-1 keeps a size: (3, 1) -> (-1, 2)", "-1 表示保持原大小：(3, 1) -> (-1, 2)"),
               {"input": [[1], [2], [3]]}, {"size": (-1, 2)}),
    ),
    summary=Text(
        "Repeats size-1 dims without copying: a view whose stride is 0 along the expanded dims.",
        "在不复制数据的情况下扩展大小为 1 的维度：返回视图，被扩展维度的步长为 0。",
    ),
    shape_rule=rule("{input} -> {out}: only size-1 dims may grow; -1 keeps a size", "{input} -> {out}：只有大小为 1 的维度可以扩展；-1 保持原大小"),
    group="shape", dim_map=aligned_right,
)

REPEAT = OpSpec(
    name="repeat", function="Tensor.repeat", signature=("input", "repeats"), positional=2, tensors=_INPUT, method=True,
    args=(ArgParam("repeats", "ints", (2, 3), star=True, help="repeats_help"),),
    presets=(
        Preset("tile", Text("Tile a (2, 2) twice down and three times across", "把 (2, 2) 纵向重复 2 次、横向 3 次"),
               {"input": [[1, 2], [3, 4]]}, {"repeats": (2, 3)}),
        Preset("vector", Text("A vector repeated 3 times", "向量重复 3 次"), {"input": [1, 2]}, {"repeats": (3,)}),
    ),
    summary=Text(
        "Tiles the tensor: each dim's size is multiplied by its repeat count. Copies the data (unlike expand).",
        "平铺张量：每一维的大小乘以对应的重复次数。会复制数据（与 expand 不同）。",
    ),
    shape_rule=rule("{input} × {repeats} -> {out}", "{input} × {repeats} -> {out}"),
    group="shape", dim_map=aligned_right,
)

BROADCAST_TO = OpSpec(
    name="broadcast_to", function="torch.broadcast_to", signature=("input", "size"), positional=1, tensors=_INPUT,
    args=(ArgParam("size", "ints", (2, 3), help=_SHAPE_HELP),),
    presets=(
        Preset("row", Text("A (3,) row -> (2, 3)", "(3,) 行向量 -> (2, 3)"), {"input": [1, 2, 3]}, {"size": (2, 3)}),
        Preset("bad", Text("An error: (3,) cannot become (2, 4)", "错误：(3,) 无法广播成 (2, 4)"), {"input": [1, 2, 3]}, {"size": (2, 4)}, error=True),
    ),
    summary=Text(
        "Broadcasts to a shape by the broadcasting rule (align from the right; sizes equal or 1). Returns a view.",
        "按广播规则扩展到给定形状（从右对齐；大小相等或为 1）。返回视图。",
    ),
    shape_rule=rule("{input} -> {out}: aligned from the right, size-1 and missing dims are repeated", "{input} -> {out}：从右对齐，大小为 1 或缺失的维度被重复"),
    group="shape", dim_map=aligned_right,
)

TRIL = OpSpec(
    name="tril", function="torch.tril", signature=("input", "diagonal"), positional=1, tensors=_INPUT,
    args=(ArgParam("diagonal", "int", 0, torch_default=0, minimum=-16, maximum=16, help="diagonal_help"),),
    presets=(
        Preset("lower", Text("The lower triangle of a 3 x 3", "3 x 3 矩阵的下三角"), {"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}),
        Preset("below", Text("diagonal=-1: strictly below", "diagonal=-1：严格下三角"),
               {"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}, {"diagonal": -1}),
    ),
    summary=Text("Keeps the elements on and below a diagonal; zeroes the rest.", "保留某条对角线及其下方的元素，其余置零。"),
    shape_rule=rule("{input} -> {out}: kept where column - row <= {diagonal}", "{input} -> {out}：保留 列号 - 行号 <= {diagonal} 的元素"),
    group="shape", dim_map=same_dims,
)

TRIU = OpSpec(
    name="triu", function="torch.triu", signature=("input", "diagonal"), positional=1, tensors=_INPUT,
    args=(ArgParam("diagonal", "int", 0, torch_default=0, minimum=-16, maximum=16, help="diagonal_help"),),
    presets=(
        Preset("upper", Text("The upper triangle of a 3 x 3", "3 x 3 矩阵的上三角"), {"input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}),
        Preset("above", Text("diagonal=1: strictly above (a causal mask's complement)", "diagonal=1：严格上三角（因果掩码的补集）"),
               {"input": [[1, 1, 1], [1, 1, 1], [1, 1, 1]]}, {"diagonal": 1}),
    ),
    summary=Text("Keeps the elements on and above a diagonal; zeroes the rest.", "保留某条对角线及其上方的元素，其余置零。"),
    shape_rule=rule("{input} -> {out}: kept where column - row >= {diagonal}", "{input} -> {out}：保留 列号 - 行号 >= {diagonal} 的元素"),
    group="shape", dim_map=same_dims,
)

NARROW = OpSpec(
    name="narrow", function="torch.narrow", signature=("input", "dim", "start", "length"), positional=1, tensors=_INPUT,
    args=(ArgParam("dim", "dim", 1), ArgParam("start", "int", 1, minimum=-16, maximum=15, help="start_help"),
          ArgParam("length", "int", 2, minimum=0, maximum=16, help="length_help")),
    presets=(
        Preset("cols", Text("Columns 1..2 of a 3 x 4: input[:, 1:3]", "3 x 4 矩阵的第 1..2 列：input[:, 1:3]"),
               {"input": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]}, {"dim": 1, "start": 1, "length": 2}),
        Preset("rows", Text("Row 2 onwards: input[2:, :]", "从第 2 行开始：input[2:, :]"),
               {"input": [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]}, {"dim": 0, "start": 2, "length": 1}),
        Preset("too_far", Text("An error: the slice runs past the end", "错误：切片超出了末尾"),
               {"input": [[1, 2, 3, 4]]}, {"dim": 1, "start": 2, "length": 3}, error=True),
    ),
    summary=Text(
        "Slicing as a function: length elements along dim from start, the same as input[..., start:start+length]. "
        "Returns a view, like every basic slice.",
        "函数形式的切片：沿 dim 从 start 开始取 length 个元素，等同于 input[..., start:start+length]。与所有基本切片一样，返回视图。",
    ),
    shape_rule=rule("{input} -> {out}: dim {dim} keeps {length} elements from position {start}",
                    "{input} -> {out}：第 {dim} 维从位置 {start} 起保留 {length} 个元素"),
    marks=lambda call: {"input": call.args["dim"], "result": call.args["dim"]}, dim_map=lambda call, n: {d: d for d in range(n)},
    hint=Text("start + length must stay within the size of dim", "start + length 不能超过该维的大小"), group="shape",
)
