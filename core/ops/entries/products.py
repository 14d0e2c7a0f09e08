"""Matrix and element-wise products."""

from core.ops.shape_words import broadcast_words, shp
from core.ops.spec import OpSpec, Preset, TensorParam
from core.text import Text

_NUMERIC = ("int64", "float32", "float64")
_A = [[1, 2], [3, 4]]
_B = [[5, 6], [7, 8]]


def _mm_rule(call, out, lang: str) -> str:
    a, b = call.shape("input"), call.shape("mat2")
    if lang == "zh":
        return f"(m, n) @ (n, p) -> (m, p)：{shp(a)} @ {shp(b)} -> {shp(out)}；内侧的两个 n 必须相等，它们被相乘求和消去"
    return f"(m, n) @ (n, p) -> (m, p): {shp(a)} @ {shp(b)} -> {shp(out)}; the inner sizes n must match and are summed away"


def _matmul_rule(call, out, lang: str) -> str:
    a, b = call.shape("input"), call.shape("other")
    zh = lang == "zh"
    if len(a) == 1 and len(b) == 1:
        case = "向量·向量 = 点积（0 维）" if zh else "vector · vector = dot product (0-d)"
    elif len(a) == 2 and len(b) == 1:
        case = "矩阵 @ 向量 = 向量 (m,)" if zh else "matrix @ vector = vector (m,)"
    elif len(a) == 1 and len(b) == 2:
        case = "向量 @ 矩阵 = 向量 (p,)" if zh else "vector @ matrix = vector (p,)"
    elif len(a) == 2 and len(b) == 2:
        case = "矩阵 @ 矩阵，同 torch.mm" if zh else "matrix @ matrix, the same as torch.mm"
    else:
        case = (
            "批量矩阵乘法：最后两维做矩阵乘法，前面的维度按广播规则对齐"
            if zh
            else "batched: the last two dims are multiplied as matrices, the leading dims broadcast"
        )
    rule = f"{shp(a)} @ {shp(b)} -> {shp(out)}"
    return f"{rule}: {case}" if not zh else f"{rule}：{case}"


def _mul_rule(call, out, lang: str) -> str:
    a, b = call.shape("input"), call.shape("other")
    if not b:
        if lang == "zh":
            return f"{shp(a)} * 标量 -> {shp(out)}：每个元素都乘以这个数"
        return f"{shp(a)} * scalar -> {shp(out)}: every element is multiplied by the number"
    if a == b:
        if lang == "zh":
            return f"{shp(a)} * {shp(b)} -> {shp(out)}：形状相同，逐元素相乘（哈达玛积）"
        return f"{shp(a)} * {shp(b)} -> {shp(out)}: same shapes, element by element (the Hadamard product)"
    return f"{shp(a)} * {shp(b)} -> {shp(out)}. " + broadcast_words(a, b, lang)


MM = OpSpec(
    name="mm",
    function="torch.mm",
    signature=("input", "mat2"),
    positional=2,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("mat2", dtypes=_NUMERIC)),
    args=(),
    presets=(
        Preset("guide", Text("The guide: A @ B of two (2, 2)", "指南示例：两个 (2, 2) 矩阵相乘"), {"input": _A, "mat2": _B}),
        Preset("rect", Text("(2, 3) @ (3, 2)", "(2, 3) @ (3, 2)"),
               {"input": [[1, 2, 3], [4, 5, 6]], "mat2": [[1, 0], [0, 1], [1, 1]]}),
        Preset("mismatch", Text("A shape error: (2, 3) @ (2, 3)", "形状错误：(2, 3) @ (2, 3)"),
               {"input": [[1, 2, 3], [4, 5, 6]], "mat2": [[1, 0, 1], [0, 1, 1]]}),
    ),
    summary=Text(
        "Matrix product of two 2-d tensors only: (m, n) and (n, p) give (m, p).",
        "只做二维矩阵乘法：(m, n) 与 (n, p) 得到 (m, p)。",
    ),
    shape_rule=_mm_rule,
    marks=lambda call: {"input": 1, "mat2": 0},
    same_scale=False,
)

MATMUL = OpSpec(
    name="matmul",
    function="torch.matmul",
    signature=("input", "other"),
    positional=2,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("other", dtypes=_NUMERIC)),
    args=(),
    presets=(
        Preset("guide_mm", Text("The guide: matrix @ matrix (same as mm)", "指南示例：矩阵乘矩阵（与 mm 相同）"),
               {"input": _A, "other": _B}),
        Preset("guide_mv", Text("The guide: matrix @ vector", "指南示例：矩阵乘向量"),
               {"input": _A, "other": [1, 1]}),
        Preset("guide_dot", Text("The guide: vector @ vector = 11", "指南示例：向量点积 = 11"),
               {"input": [1, 2], "other": [3, 4]}),
        Preset("vm", Text("vector @ matrix", "向量乘矩阵"), {"input": [1, 1], "other": _A}),
        Preset("batched", Text("Batched: (2, 2, 2) @ (2, 2)", "批量：(2, 2, 2) @ (2, 2)"),
               {"input": [_A, _B], "other": [[1, 0], [0, 2]]}),
    ),
    summary=Text(
        "The general product: dot product for vectors, matrix-vector, matrix-matrix, and batched for 3-d.",
        "通用乘法：向量点积、矩阵乘向量、矩阵乘矩阵，三维时做批量矩阵乘法。",
    ),
    shape_rule=_matmul_rule,
    marks=lambda call: {"input": -1, "other": 0 if call.ndim("other") == 1 else -2},
    same_scale=False,
)

MUL = OpSpec(
    name="mul",
    function="torch.mul",
    signature=("input", "other"),
    positional=2,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("other", dtypes=_NUMERIC)),
    args=(),
    presets=(
        Preset("guide", Text("The guide: [1, 2, 3] * [4, 5, 6]", "指南示例：[1, 2, 3] * [4, 5, 6]"),
               {"input": [1, 2, 3], "other": [4, 5, 6]}),
        Preset("guide_scalar", Text("The guide: tensor * scalar 2", "指南示例：张量乘标量 2"),
               {"input": [1, 2, 3], "other": 2}),
        Preset("hadamard", Text("Two (2, 2): element by element", "两个 (2, 2)：逐元素相乘"),
               {"input": _A, "other": _B}),
        Preset("broadcast_row", Text("Broadcasting: (2, 3) * (3,)", "广播：(2, 3) * (3,)"),
               {"input": [[1, 2, 3], [4, 5, 6]], "other": [10, 100, 1000]}),
        Preset("broadcast_col", Text("Broadcasting: (2, 3) * (2, 1)", "广播：(2, 3) * (2, 1)"),
               {"input": [[1, 2, 3], [4, 5, 6]], "other": [[10], [100]]}),
        Preset("mismatch", Text("A shape error: (2, 3) * (2,)", "形状错误：(2, 3) * (2,)"),
               {"input": [[1, 2, 3], [4, 5, 6]], "other": [10, 100]}),
    ),
    summary=Text(
        "Element-wise product. Shapes must match or broadcast; a 0-d other multiplies every element.",
        "逐元素相乘。形状必须相同或可广播；0 维的 other 会乘到每个元素上。",
    ),
    shape_rule=_mul_rule,
    same_scale=False,
)
