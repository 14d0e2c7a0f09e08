"""Ops that make a tensor from a size."""

import torch

from core.figures_extra import integer_histogram, normal_histogram, zeros_beside
from core.messages import MSG
from core.ops.shape_words import shp
from core.ops.spec import ArgParam, OpSpec, Preset
from core.text import Text

ONES = OpSpec(
    name="ones",
    function="torch.ones",
    signature=("size",),
    positional=1,
    tensors=(),
    args=(ArgParam("size", "size", (2, 3), help="size_help"),),
    presets=(
        Preset("guide", Text("The guide: torch.ones((2, 3))", "指南示例：torch.ones((2, 3))"), args={"size": (2, 3)}),
        Preset("vector", Text("A vector of 4 ones", "4 个 1 组成的向量"), args={"size": (4,)}),
        Preset("cube", Text("A 2 x 2 x 3 block", "2 x 2 x 3 的立方块"), args={"size": (2, 2, 3)}),
    ),
    summary=Text(
        "A new float32 tensor of the given size, every element 1.",
        "按给定形状新建一个 float32 张量，每个元素都是 1。",
    ),
    shape_rule=lambda call, out, lang: (
        f"size {shp(call.args['size'])} -> {shp(out)}: 形状就是 size，全部填 1"
        if lang == "zh"
        else f"size {shp(call.args['size'])} -> {shp(out)}: the shape is exactly `size`, every element 1"
    ),
)


def _size_rule(what_en: str, what_zh: str):
    return lambda call, out, lang: (
        f"size {shp(call.args['size'])} -> {shp(out)}: {what_zh}" if lang == "zh"
        else f"size {shp(call.args['size'])} -> {shp(out)}: {what_en}"
    )


def _numpy_eye(n, m, k):
    import numpy as np  # the guide's own idiom: np.eye(n, k=...) turned into a tensor

    return torch.tensor(np.eye(n, m, k=k))


def _seeded_twice(size, seed):
    """What torch.manual_seed buys: the same seed, the same numbers. Two private generators, never the global one."""
    first = torch.randn(size, generator=torch.Generator().manual_seed(seed))  # (*size)
    second = torch.randn(size, generator=torch.Generator().manual_seed(seed))  # (*size)
    return first, second


_SEED = ArgParam("seed", "int", 42, minimum=0, maximum=2**31 - 1, help="seed_help")
_SIZE = ArgParam("size", "size", (2, 3), help="size_help")

ZEROS = OpSpec(
    name="zeros", function="torch.zeros", signature=("size",), positional=1, tensors=(), args=(_SIZE,),
    presets=(Preset("matrix", Text("A (2, 3) of zeros", "(2, 3) 的全零张量"), args={"size": (2, 3)}),),
    summary=Text("A new float32 tensor of the given size, every element 0.", "按给定形状新建一个 float32 张量，每个元素都是 0。"),
    shape_rule=_size_rule("every element 0", "每个元素都是 0"), group="create",
)

FULL = OpSpec(
    name="full", function="torch.full", signature=("size", "fill_value"), positional=2, tensors=(),
    args=(_SIZE, ArgParam("fill_value", "float", 7.0, help="value_help")),
    presets=(Preset("sevens", Text("A (2, 3) of 7.0", "(2, 3) 的全 7.0 张量"), args={"size": (2, 3), "fill_value": 7.0}),),
    summary=Text("A new tensor of the given size, every element fill_value (its dtype follows fill_value).",
                 "按给定形状新建张量，每个元素都是 fill_value（类型随 fill_value）。"),
    shape_rule=_size_rule("every element fill_value", "每个元素都是 fill_value"), group="create",
)

EYE = OpSpec(
    name="eye", function="torch.eye", signature=("n", "m"), positional=1, tensors=(),
    args=(ArgParam("n", "int", 3, minimum=1, maximum=16, help="n_help"),
          ArgParam("m", "int", 3, torch_default=None, minimum=1, maximum=16, help="m_help")),
    presets=(
        Preset("guide", Text("The guide: eye(3)", "指南示例：eye(3)"), args={"n": 3, "m": 3}),
        Preset("wide", Text("A 3 x 5 identity", "3 x 5 的单位矩阵"), args={"n": 3, "m": 5}),
    ),
    summary=Text("The identity matrix: 1 on the diagonal, 0 elsewhere (n rows, m columns).", "单位矩阵：对角线为 1，其余为 0（n 行 m 列）。"),
    shape_rule=lambda call, out, lang: f"n={call.args['n']}, m={call.args['m']} -> {shp(out)}", group="create",
)

EYE_K = OpSpec(
    name="np.eye(n, k)", function="torch.tensor", signature=("n", "m", "k"), positional=3, tensors=(),
    args=(ArgParam("n", "int", 4, minimum=1, maximum=16, help="n_help"),
          ArgParam("m", "int", 4, minimum=1, maximum=16, help="m_help"),
          ArgParam("k", "int", 1, minimum=-16, maximum=16, help="k_offset_help")),
    presets=(
        Preset("guide_k1", Text("The guide: np.eye(4, k=1): one step up and right", "指南示例：np.eye(4, k=1)：对角线向右上移一格"), args={"n": 4, "m": 4, "k": 1}),
        Preset("guide_km1", Text("The guide: np.eye(4, k=-1): one step down and left", "指南示例：np.eye(4, k=-1)：向左下移一格"), args={"n": 4, "m": 4, "k": -1}),
        Preset("guide_km3", Text("The guide: np.eye(4, k=-3): a single 1 left", "指南示例：np.eye(4, k=-3)：只剩一个 1"), args={"n": 4, "m": 4, "k": -3}),
    ),
    summary=Text(
        "The guide's np.eye with an offset k: the line of ones moves up-right (k > 0) or down-left (k < 0). "
        "torch.eye has no k; torch.tensor(np.eye(...)) gives float64.",
        "指南中带偏移 k 的 np.eye：全 1 的对角线向右上（k > 0）或左下（k < 0）移动。torch.eye 没有 k；torch.tensor(np.eye(...)) 得到 float64。",
    ),
    shape_rule=lambda call, out, lang: f"np.eye({call.args['n']}, {call.args['m']}, k={call.args['k']}) -> {shp(out)}",
    implementation=_numpy_eye, code=lambda call: f"torch.tensor(np.eye({call.args['n']}, {call.args['m']}, k={call.args['k']}))",
    imports=("import numpy as np",), group="create",
    shape_of_result=lambda call: (call.args["n"], call.args["m"]),  # numpy runs it: no dry run on meta tensors
)

ARANGE = OpSpec(
    name="arange", function="torch.arange", signature=("start", "end", "step"), positional=3, tensors=(),
    args=(ArgParam("start", "float", 0.0, help="value_help", whole_as_int=True),
          ArgParam("end", "float", 6.0, help="value_help", whole_as_int=True),
          ArgParam("step", "float", 1.0, help="value_help", whole_as_int=True)),
    presets=(
        Preset("ints", Text("0..5: end is left out", "0..5：不包含 end"), args={"start": 0.0, "end": 6.0, "step": 1.0}),
        Preset("floats", Text("A float step: 0, 0.25, ..., 0.75", "小数步长：0, 0.25, ..., 0.75"), args={"start": 0.0, "end": 1.0, "step": 0.25}),
    ),
    summary=Text("Numbers from start up to (not including) end, step apart; whole numbers give int64.",
                 "从 start 开始、每次加 step、不包含 end 的数列；全是整数时得到 int64。"),
    shape_rule=lambda call, out, lang: f"ceil((end - start) / step) = {shp(out)}",
    validate=lambda call, lang: None if call.args["step"] != 0 and 0 < (call.args["end"] - call.args["start"]) / call.args["step"] <= 1024 else Text(
        "arange would give no elements or more than 1024: end - start and step must have the same sign, at most 1024 steps apart.",
        "arange 将得到 0 个或超过 1024 个元素：end - start 与 step 必须同号，且最多 1024 步。")(lang),
    group="create",
)

LINSPACE = OpSpec(
    name="linspace", function="torch.linspace", signature=("start", "end", "steps"), positional=3, tensors=(),
    args=(ArgParam("start", "float", 0.0, help="value_help"), ArgParam("end", "float", 1.0, help="value_help"),
          ArgParam("steps", "int", 5, minimum=1, maximum=64, help="steps_help")),
    presets=(Preset("five", Text("5 points from 0 to 1, both ends included", "0 到 1 之间 5 个点，包含两端"), args={"start": 0.0, "end": 1.0, "steps": 5}),),
    summary=Text("steps evenly spaced numbers from start to end, both included.", "从 start 到 end（都包含）均匀分布的 steps 个数。"),
    shape_rule=lambda call, out, lang: f"steps = {call.args['steps']} -> {shp(out)}", group="create",
)

EMPTY = OpSpec(
    name="empty", function="torch.empty", signature=("size",), positional=1, tensors=(), args=(_SIZE,),
    presets=(Preset("matrix", Text("The guide: an uninitialised (2, 3)", "指南示例：未初始化的 (2, 3)"), args={"size": (2, 3)}),),
    summary=Text(
        "A tensor of the given size whose memory is not initialised: faster than zeros, but its values are garbage "
        "until you write them. Compare with torch.zeros.",
        "按给定形状分配张量但不初始化内存：比 zeros 快，但在写入之前其中的值是任意的。可与 torch.zeros 对比。",
    ),
    shape_rule=_size_rule("values are whatever the memory held", "值是内存中原有的任意内容"), deterministic=False, group="random",
    extras=lambda call, result, lang: [zeros_beside(tuple(call.args["size"]), lang)],
)

def _normal_sample_words(call, result, lang) -> str:
    """The sample's own mean and std beside the distribution's, and why a few draws look ragged."""
    values = result.double()  # (*size)
    mean = f"{values.mean().item():.3f}" if values.numel() else "—"
    std = f"{values.std().item():.3f}" if values.numel() > 1 else "—"
    return MSG["sample_normal"](lang, n=values.numel(), mean=mean, std=std)


def _integer_sample_words(call, result, lang) -> str:
    """How many draws, and how often each value is expected."""
    kinds = call.args["high"] - call.args["low"]
    return MSG["sample_integers"](lang, n=result.numel(), kinds=kinds, expected=f"{result.numel() / kinds:.3g}")


RANDN = OpSpec(
    name="randn", function="torch.randn", signature=("size",), positional=1, tensors=(), args=(_SIZE, _SEED), random=True,
    presets=(
        Preset("guide", Text("The guide: randn(2, 2) with seed 42", "指南示例：randn(2, 2)，种子 42"), args={"size": (2, 2), "seed": 42}),
        Preset("many", Text("A (16, 16) sample of the standard normal", "标准正态分布的 (16, 16) 样本"), args={"size": (16, 16), "seed": 0}),
    ),
    summary=Text("Samples from the standard normal distribution (mean 0, std 1); the seed makes them repeatable.",
                 "从标准正态分布（均值 0，标准差 1）采样；固定种子可复现。"),
    shape_rule=_size_rule("each element drawn from N(0, 1)", "每个元素独立地从 N(0, 1) 抽取"), group="random",
    extras=lambda call, result, lang: [normal_histogram(result, lang)], notes=_normal_sample_words,
)

RANDINT = OpSpec(
    name="randint", function="torch.randint", signature=("low", "high", "size"), positional=3, tensors=(),
    args=(ArgParam("low", "int", 0, minimum=-1000, maximum=1000, help="low_help"),
          ArgParam("high", "int", 2, minimum=-1000, maximum=1000, help="high_help"), _SIZE, _SEED), random=True,
    presets=(
        Preset("labels", Text("The guide: random 0 / 1 labels", "指南示例：随机 0 / 1 标签"), args={"low": 0, "high": 2, "size": (10,), "seed": 42}),
        Preset("dice", Text("Dice: [1, 7)", "骰子：[1, 7)"), args={"low": 1, "high": 7, "size": (4, 4), "seed": 0}),
    ),
    summary=Text("Random integers in [low, high): low included, high excluded (int64).", "[low, high) 中的随机整数：包含 low，不包含 high（int64）。"),
    shape_rule=_size_rule("each element drawn uniformly from [low, high)", "每个元素从 [low, high) 中均匀抽取"),
    extras=lambda call, result, lang: [integer_histogram(result, call.args["low"], call.args["high"], lang)]
    if call.args["high"] - call.args["low"] <= 64 else [],
    notes=_integer_sample_words,
    validate=lambda call, lang: None if call.args["high"] > call.args["low"] else Text(
        "high must be larger than low.", "high 必须大于 low。")(lang),
    group="random",
)

MANUAL_SEED = OpSpec(
    name="manual_seed", function="torch.randn", signature=("size", "seed"), positional=2, tensors=(),
    args=(_SIZE, _SEED),
    presets=(Preset("same", Text("Seed 42 twice: the same numbers twice", "两次都用种子 42：得到相同的数"), args={"size": (2, 3), "seed": 42}),),
    summary=Text(
        "torch.manual_seed(seed) resets the random generator: every draw after it repeats exactly. Here two draws "
        "after the same seed come out equal.",
        "torch.manual_seed(seed) 重置随机数生成器：之后的每次抽样都会完全重复。这里同一个种子下的两次抽样结果相同。",
    ),
    shape_rule=lambda call, out, lang: (
        f"manual_seed({call.args['seed']}) + randn{shp(call.args['size'])}, " + ("两次" if lang == "zh" else "twice")
    ),
    implementation=_seeded_twice,
    code=lambda call: (
        f"torch.manual_seed({call.args['seed']})\nfirst = torch.randn({call.args['size']!r})\n"
        f"torch.manual_seed({call.args['seed']})\nsecond = torch.randn({call.args['size']!r})\n(first, second)"
    ),
    group="random",
)
