"""Ops that work element by element (and softmax, which works along a dim)."""

from core.ops.entries.guide_data import GUIDE_LOGITS
from core.ops.shape_words import aligned_right, broadcast_words, rule, same_dims, shp
from core.ops.spec import ArgParam, OpSpec, Preset, TensorParam
from core.text import Text

_FLOATS = ("float32", "float64")
_NUMERIC = ("float32", "float64", "int64")
_SIGN_INPUT = [0.7, -1.2, 0.0, 2.3]
_CLAMP_INPUT = [[-1, 2], [3, 10], [15, -5]]
_SAME_SHAPE = rule("{input} -> {out}: element by element, the shape stays", "{input} -> {out}：逐元素计算，形状不变")

SIGN = OpSpec(
    name="sign", function="torch.sign", signature=("input",), positional=1,
    tensors=(TensorParam("input", dtypes=_NUMERIC),), args=(),
    presets=(
        Preset("guide", Text("The guide: [0.7, -1.2, 0., 2.3]", "指南示例：[0.7, -1.2, 0., 2.3]"), {"input": _SIGN_INPUT}),
        Preset("matrix", Text("Integers keep their dtype", "整数保持其类型"), {"input": [[-3, 0, 4], [2, -1, 0]]}),
    ),
    summary=Text("1 for positive, -1 for negative, 0 for zero.", "正数得 1，负数得 -1，零得 0。"),
    shape_rule=_SAME_SHAPE, group="elementwise",
    dim_map=same_dims,
)

UNIT_STEP = OpSpec(
    name="(sign+1)/2", function="torch.sign", signature=("input",), positional=1,
    tensors=(TensorParam("input", dtypes=_FLOATS),), args=(),
    presets=(
        Preset("guide", Text("The guide's unit step: theta(t) = (torch.sign(t) + 1.) / 2.", "指南中的单位阶跃函数：theta(t) = (torch.sign(t) + 1.) / 2."),
               {"input": _SIGN_INPUT}),
    ),
    summary=Text(
        "The guide's variant built on sign: a unit step that gives 1 above zero, 0 below, and 0.5 at zero.",
        "指南中基于 sign 的变体：单位阶跃函数，大于 0 得 1，小于 0 得 0，等于 0 得 0.5。",
    ),
    shape_rule=_SAME_SHAPE, implementation=lambda input: (input.sign() + 1.0) / 2.0,
    code=lambda call: "(torch.sign(input) + 1.) / 2.", group="elementwise",
    dim_map=same_dims,
)

POW = OpSpec(
    name="pow", function="torch.pow", signature=("input", "exponent"), positional=2,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("exponent", dtypes=_NUMERIC, number_when_0d=True)),
    args=(),
    presets=(
        Preset("guide_scalar", Text("The guide: torch.pow(tensor(3), 2) = 9", "指南示例：torch.pow(tensor(3), 2) = 9"),
               {"input": 3, "exponent": 2}),
        Preset("guide_vector", Text("The guide: square every element", "指南示例：每个元素平方"),
               {"input": [0.0923, 0.7006, -0.2963, 0.6543], "exponent": 2}),
        Preset("tensor_exp", Text("A tensor exponent, broadcast: (2, 3) ** (3,)", "张量指数（广播）：(2, 3) ** (3,)"),
               {"input": [[1, 2, 3], [4, 5, 6]], "exponent": [0, 1, 2]}),
    ),
    summary=Text(
        "Raises each element to a power: a number, or a tensor of exponents that broadcasts against input.",
        "对每个元素求幂：指数可以是一个数，也可以是与 input 广播的指数张量。",
    ),
    shape_rule=lambda call, out, lang: (
        _SAME_SHAPE(call, out, lang) if not call.shape("exponent") else f"{shp(out)}. " + broadcast_words(call.shape("input"), call.shape("exponent"), lang)
    ),
    same_scale=False, group="elementwise",
    dim_map=aligned_right,
)


def _clamp_spec(name: str, summary: Text, presets: tuple) -> OpSpec:
    return OpSpec(
        name=name, function=f"torch.{name}", signature=("input", "min", "max"), positional=1,
        tensors=(TensorParam("input", dtypes=_NUMERIC),),
        args=(
            ArgParam("min", "float", 0.0, torch_default=None, none_allowed=True, help="clamp_min_help", whole_as_int=True),
            ArgParam("max", "float", 5.0, torch_default=None, none_allowed=True, help="clamp_max_help", whole_as_int=True),
        ),
        presets=presets, summary=summary,
        shape_rule=rule(
            "{input} -> {out}: each element is pulled into [{min}, {max}] (None: no bound on that side)",
            "{input} -> {out}：每个元素被限制到 [{min}, {max}] 之内（None 表示该侧不设限）",
        ),
        validate=_clamp_needs_a_bound, show_inputs_after=True, group="elementwise", dim_map=same_dims,
        hint=Text("set min, max, or both", "请设置 min、max 或两者"),
    )


def _clamp_needs_a_bound(call, lang):
    if call.args["min"] is None and call.args["max"] is None:
        return Text("clamp needs at least one of min and max.", "clamp 至少需要 min 或 max 之一。")(lang)
    return None


CLAMP = _clamp_spec(
    "clamp",
    Text("Returns a new tensor with each element limited to [min, max]; input itself is unchanged.",
         "返回一个新张量，每个元素被限制在 [min, max] 内；input 本身不变。"),
    (
        Preset("guide", Text("The guide: clamp(tensor, 0, 5): tensor is unchanged", "指南示例：clamp(tensor, 0, 5)：tensor 不变"),
               {"input": _CLAMP_INPUT}, {"min": 0.0, "max": 5.0}),
        Preset("min_only", Text("Only min: a ReLU-like floor at 0", "只设 min：类似 ReLU 的下限 0"),
               {"input": _CLAMP_INPUT}, {"min": 0.0, "max": None}),
    ),
)

CLAMP_ = _clamp_spec(
    "clamp_",
    Text("The in-place version (trailing underscore): it overwrites input and returns that same tensor.",
         "原地（in-place）版本（末尾带下划线）：直接修改 input，并返回同一个张量。"),
    (
        Preset("guide", Text("The guide: tensor.clamp_(0, 5) changes tensor itself", "指南示例：tensor.clamp_(0, 5) 直接修改 tensor"),
               {"input": _CLAMP_INPUT}, {"min": 0.0, "max": 5.0}),
        Preset("max_only", Text("Only max: cap at 3", "只设 max：上限 3"), {"input": _CLAMP_INPUT}, {"min": None, "max": 3.0}),
    ),
)

WHERE = OpSpec(
    name="where", function="torch.where", signature=("condition", "input", "other"), positional=3,
    tensors=(TensorParam("condition", dtypes=("bool",)), TensorParam("input", dtypes=_NUMERIC), TensorParam("other", dtypes=_NUMERIC, number_when_0d=True)),
    args=(),
    presets=(
        Preset("pick", Text("Pick from input where True, else other", "条件为 True 取 input，否则取 other"),
               {"condition": [[True, False, True], [False, True, False]], "input": [[1, 2, 3], [4, 5, 6]], "other": [[-1, -2, -3], [-4, -5, -6]]}),
        Preset("relu", Text("A number as other: zero out where False", "other 为一个数：条件为 False 的位置置 0"),
               {"condition": [[True, False, True]], "input": [[1.5, -2.0, 3.0]], "other": 0.0}),
    ),
    summary=Text("Element by element: input where condition is True, other where it is False (all three broadcast).",
                 "逐元素选择：condition 为 True 取 input，为 False 取 other（三者可广播）。"),
    shape_rule=rule("{condition}, {input}, {other} -> {out}: the three shapes broadcast", "{condition}、{input}、{other} -> {out}：三者按广播规则对齐"),
    same_scale=False, group="elementwise",
    dim_map=aligned_right,
)

MASKED_FILL = OpSpec(
    name="masked_fill", function="Tensor.masked_fill", signature=("input", "mask", "value"), positional=3, method=True,
    tensors=(TensorParam("input", dtypes=_NUMERIC), TensorParam("mask", dtypes=("bool",))),
    args=(ArgParam("value", "float", -1.0, help="value_help"),),
    presets=(
        Preset("causal", Text("Hide the future: an attention-style mask", "遮住未来：注意力机制式的掩码"),
               {"input": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]],
                "mask": [[False, True, True], [False, False, True], [False, False, False]]}, {"value": -100.0}),
    ),
    summary=Text("Writes value wherever mask is True; the mask broadcasts against input.", "在 mask 为 True 的位置写入 value；mask 可与 input 广播。"),
    shape_rule=_SAME_SHAPE, group="elementwise",
    dim_map=aligned_right,
)

SOFTMAX = OpSpec(
    name="softmax", function="torch.softmax", signature=("input", "dim"), positional=1,
    tensors=(TensorParam("input", dtypes=_FLOATS),), args=(ArgParam("dim", "dim", 1),),
    presets=(
        Preset("guide_dim1", Text("The guide: [[1, 2, 3], [4, 5, 6]], dim=1: each row sums to 1", "指南示例：[[1, 2, 3], [4, 5, 6]]，dim=1：每行和为 1"),
               {"input": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]}, {"dim": 1}),
        Preset("guide_dim0", Text("The guide: dim=0: each column sums to 1", "指南示例：dim=0：每列和为 1"),
               {"input": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]}, {"dim": 0}),
        Preset("guide_logits", Text("The guide's logits before gather", "指南中 gather 之前的 logits"),
               {"input": GUIDE_LOGITS}, {"dim": 1}),
        Preset("large", Text("Large logits: no overflow, torch subtracts the max", "很大的 logits：不会溢出，torch 会先减去最大值"),
               {"input": [[1000.0, 1001.0, 1002.0]]}, {"dim": 1}),
    ),
    summary=Text("exp(x) / sum(exp(x)) along dim: every slice along dim becomes a probability distribution.",
                 "沿 dim 计算 exp(x) / sum(exp(x))：沿 dim 的每一组数都变成一个概率分布（和为 1）。"),
    shape_rule=rule("{input} -> {out}: the shape stays; sums along dim {dim} are 1", "{input} -> {out}：形状不变；沿第 {dim} 维求和为 1"),
    marks=lambda call: {"input": call.args["dim"], "result": call.args["dim"]}, same_scale=False, group="elementwise",
    dim_map=same_dims,
)
