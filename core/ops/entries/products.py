"""Matrix and element-wise products."""

from core.ops import einsum_words
from core.ops.shape_words import aligned_right, broadcast_words, rule, shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text, shown

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
               {"input": [[1, 2, 3], [4, 5, 6]], "mat2": [[1, 0, 1], [0, 1, 1]]}, error=True),
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
               {"input": [[1, 2, 3], [4, 5, 6]], "other": [10, 100]}, error=True),
    ),
    summary=Text(
        "Element-wise product. Shapes must match or broadcast; a 0-d other multiplies every element.",
        "逐元素相乘。形状必须相同或可广播；0 维的 other 会乘到每个元素上。",
    ),
    shape_rule=_mul_rule,
    same_scale=False,
    dim_map=aligned_right,
)

BMM = OpSpec(
    name="bmm", function="torch.bmm", signature=("input", "mat2"), positional=2,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("mat2", dtypes=_NUMERIC)), args=(),
    presets=(
        Preset("pair", Text("A batch of 2: (2, 2, 3) @ (2, 3, 2)", "批量大小 2：(2, 2, 3) @ (2, 3, 2)"),
               {"input": [[[1, 2, 3], [4, 5, 6]], [[1, 0, 0], [0, 1, 0]]],
                "mat2": [[[1, 0], [0, 1], [1, 1]], [[2, 0], [0, 2], [1, 1]]]}),
    ),
    summary=Text("A matrix product per batch element: (b, n, m) @ (b, m, p) -> (b, n, p); no broadcasting.",
                 "对每个批次元素做矩阵乘法：(b, n, m) @ (b, m, p) -> (b, n, p)；不支持广播。"),
    shape_rule=rule("(b, n, m) @ (b, m, p) -> (b, n, p): {input} @ {mat2} -> {out}", "(b, n, m) @ (b, m, p) -> (b, n, p)：{input} @ {mat2} -> {out}"),
    marks=lambda call: {"input": 2, "mat2": 1}, same_scale=False, group="products",
)

OUTER = OpSpec(
    name="outer", function="torch.outer", signature=("input", "vec2"), positional=2,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("vec2", dtypes=_NUMERIC)), args=(),
    presets=(Preset("table", Text("A times table: [1, 2, 3] outer [1, 10]", "乘法表：[1, 2, 3] 与 [1, 10] 的外积"),
                    {"input": [1, 2, 3], "vec2": [1, 10]}),),
    summary=Text("Every element of input times every element of vec2: (m,) and (n,) give (m, n).",
                 "input 的每个元素乘以 vec2 的每个元素：(m,) 与 (n,) 得到 (m, n)。"),
    shape_rule=rule("{input} outer {vec2} -> {out}: result[i][j] = input[i] * vec2[j]", "{input} 外积 {vec2} -> {out}：result[i][j] = input[i] * vec2[j]"),
    same_scale=False, group="products",
)


def _einsum_check(call, lang):
    return einsum_words.check(call.args["equation"], lang)


def _einsum_explain(call, message, lang):
    shapes = [tuple(t.shape) for t in call.tensors["operands"]]
    return einsum_words.explain(message, call.args["equation"], shapes, lang)


def _einsum_preset(key, en, zh, equation, operands, error=False):
    return Preset(key, Text(en, zh), {"operands": operands}, {"equation": equation}, error=error)


_E_A = [[1, 2, 3, 4], [1, 1, 1, 1], [4, 3, 2, 1]]

EINSUM = OpSpec(
    name="einsum", function="torch.einsum", signature=("equation", "operands"), positional=2,
    tensors=(TensorParam("operands", dtypes=_NUMERIC, count=(1, 3), star=True),),
    args=(ArgParam("equation", "text", "ij,jk->ik", help="equation_help"),),
    presets=(
        _einsum_preset("guide_mm", "The guide: matrix product 'ij,jk->ik'", "指南示例：矩阵乘法 'ij,jk->ik'", "ij,jk->ik", [_A, _B]),
        _einsum_preset("guide_dot", "The guide: dot product 'i,i->'", "指南示例：向量点积 'i,i->'", "i,i->", [[1, 2, 3], [4, 5, 6]]),
        _einsum_preset("guide_outer", "The guide: outer product 'i,j->ij'", "指南示例：向量外积 'i,j->ij'", "i,j->ij", [[1, 2, 3], [1, 10]]),
        _einsum_preset("guide_t", "The guide: transpose 'ij->ji'", "指南示例：矩阵转置 'ij->ji'", "ij->ji", [[[1, 2, 3], [4, 5, 6]]]),
        _einsum_preset("guide_broadcast", "The guide: broadcast multiply 'ij,j->ij'", "指南示例：广播乘法 'ij,j->ij'", "ij,j->ij", [_E_A, [2, 2, 2, 2]]),
        _einsum_preset("guide_trace", "The guide: trace 'ii->'", "指南示例：矩阵的迹 'ii->'", "ii->", [[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]),
        _einsum_preset("batched", "Batched matmul 'bij,bjk->bik'", "批量矩阵乘法 'bij,bjk->bik'", "bij,bjk->bik",
                       [[_A, _B], [[[1, 0], [0, 1]], [[0, 1], [1, 0]]]]),
        _einsum_preset("ellipsis", "'...' stands for the leading dims: '...ij->...ji'", "'...' 代表前面的各维：'...ij->...ji'", "...ij->...ji",
                       [[_A, _B]]),
        _einsum_preset("wrong", "An error: sizes disagree for 'j'", "错误：'j' 的大小不一致", "ij,jk->ik", [[[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]], error=True),
    ),
    summary=Text(
        "Einstein summation: letters name dims; letters in the output are kept, the others are multiplied and summed away.",
        "爱因斯坦求和约定：字母代表维度；出现在输出中的字母被保留，其余的相乘后求和消去。",
    ),
    # the equation in a code span, whole (its box takes 60 characters): typed text is never markdown
    shape_rule=lambda call, out, lang: f"{shown(call.args['equation'], 60)}: " + ", ".join(shp(t.shape) for t in call.tensors["operands"]) + f" -> {shp(out)}",
    validate=_einsum_check, explain=_einsum_explain,
    notes=lambda call, result, lang: einsum_words.loops(call.args["equation"], lang),
    hint=Text("one term per operand, one letter per dim, the same letter for the same size (or 1, which broadcasts)",
              "每个操作数一组下标，每一维一个字母，同一字母对应相同大小（或 1，可广播）"),
    same_scale=False, group="products",
)
