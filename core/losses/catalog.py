"""The loss catalog: one declarative entry per torch.nn loss, the guide's first (MSELoss, BCELoss, CrossEntropyLoss)."""

import torch
from torch import nn

from core.losses.spec import Companion, LossArg, LossPreset, LossSpec
from core.text import Text


def _regression_curve(x: torch.Tensor, target: float, args) -> tuple[torch.Tensor, torch.Tensor]:
    return x, torch.full_like(x, target)  # (G,), (G,): one prediction per point, all against the same target


def _true_class_curve(x: torch.Tensor, target: float, args) -> tuple[torch.Tensor, torch.Tensor]:
    """x is the true class's logit, 0 the other's; the true class is 0, or 1 when ignore_index would skip class 0."""
    true = 1 if int(args.get("ignore_index", -100)) == 0 else 0
    columns = [torch.zeros_like(x), torch.zeros_like(x)]
    columns[true] = x
    logits = torch.stack(columns, dim=1)  # (G, 2)
    return logits, torch.full((len(x),), true, dtype=torch.int64)  # (G,)


_GUIDE_PRED, _GUIDE_TRUE = [1.5, 2.5, 3.5], [1.0, 2.0, 3.0]
_OUTLIER_PRED, _OUTLIER_TRUE = [1.0, 2.0, 3.0, 4.0], [1.2, 1.8, 3.1, 10.0]
_MIXED_ERRORS = ([0.2, 0.5, 2.0, -4.0], [0.0, 0.0, 0.0, 0.0])  # small errors and large ones either side of 1
_SAME_SHAPE_RULE = Text(
    "`input` and `target`: float tensors of the same shape (any shape); each element of `input` is compared with the "
    "element of `target` at the same place. Different shapes are broadcast with a warning, which is almost always a bug.",
    "`input` 和 `target`：形状相同的浮点张量（任意形状）；`input` 的每个元素与 `target` 同一位置的元素比较。"
    "形状不同时会被广播并给出警告，这几乎总是一个 bug。",
)
_BROADCAST = LossPreset(
    "broadcast", Text("Shapes (3, 1) and (3,): broadcast, with torch's warning", "形状 (3, 1) 与 (3,)：被广播，torch 给出警告"),
    [[1.5], [2.5], [3.5]], _GUIDE_TRUE,
)

MSE = LossSpec(
    name="MSELoss", kind="regression",
    summary=Text(
        "Mean squared error: (input - target)² for each element, then reduced. Squaring makes large errors count far "
        "more than small ones, so one outlier can dominate the loss and its gradient. Used for regression.",
        "均方误差：对每个元素计算 (input - target)²，再做归约。平方使大误差的分量远超小误差，"
        "因此一个离群点就可能主导损失和梯度。常用于回归问题。",
    ),
    input_rule=_SAME_SHAPE_RULE,
    presets=(
        LossPreset("guide", Text("The guide: y_pred [1.5, 2.5, 3.5] vs y_true [1, 2, 3] gives 0.25",
                                 "指南示例：y_pred [1.5, 2.5, 3.5] 对 y_true [1, 2, 3]，结果 0.25"), _GUIDE_PRED, _GUIDE_TRUE),
        LossPreset("guide_sum", Text("The guide's data with reduction='sum'", "指南数据，reduction='sum'"),
                   _GUIDE_PRED, _GUIDE_TRUE, reduction="sum"),
        LossPreset("guide_none", Text("The guide's data with reduction='none'", "指南数据，reduction='none'"),
                   _GUIDE_PRED, _GUIDE_TRUE, reduction="none"),
        LossPreset("outlier", Text("One outlier among good predictions", "好的预测中混入一个离群点"), _OUTLIER_PRED, _OUTLIER_TRUE),
        LossPreset("batch", Text("A 2-d batch (2, 3)", "二维批量 (2, 3)"), [[0.5, 1.0, 2.0], [2.0, -1.0, 0.0]],
                   [[0.0, 1.0, 2.5], [2.0, 0.0, 0.0]]),
        _BROADCAST,
        LossPreset("mismatch", Text("Shapes (3,) and (2,): torch refuses", "形状 (3,) 与 (2,)：torch 拒绝"),
                   _GUIDE_PRED, [1.0, 2.0], error=True),
        LossPreset("int_input", Text("int64 input and target: torch refuses", "int64 的 input 与 target：torch 拒绝"),
                   [1, 2, 3], [1, 2, 4], input_dtype="int64", target_dtype="int64", error=True),
    ),
    curve=_regression_curve,
    companions=(Companion(Text("(input - target) ** 2", "(input - target) ** 2"), "(input - target) ** 2",
                          lambda input, target: (input - target) ** 2),),
)

L1 = LossSpec(
    name="L1Loss", kind="regression",
    summary=Text(
        "Mean absolute error: |input - target| for each element, then reduced. Every error pulls with the same force "
        "(gradient ±1), so an outlier weighs no more than any other error: less sensitive to outliers than MSELoss.",
        "平均绝对误差：对每个元素计算 |input - target|，再做归约。每个误差的拉力相同（梯度为 ±1），"
        "离群点并不比其他误差更重：比 MSELoss 对离群点更不敏感。",
    ),
    input_rule=_SAME_SHAPE_RULE,
    presets=(
        LossPreset("guide", Text("The guide's data: y_pred [1.5, 2.5, 3.5] vs y_true [1, 2, 3]",
                                 "指南数据：y_pred [1.5, 2.5, 3.5] 对 y_true [1, 2, 3]"), _GUIDE_PRED, _GUIDE_TRUE),
        LossPreset("outlier", Text("One outlier among good predictions", "好的预测中混入一个离群点"), _OUTLIER_PRED, _OUTLIER_TRUE),
        LossPreset("int_input", Text("int64 input and target: torch refuses", "int64 的 input 与 target：torch 拒绝"),
                   [1, 2, 3], [1, 2, 4], input_dtype="int64", target_dtype="int64", error=True),
    ),
    curve=_regression_curve,
    companions=(Companion(Text("(input - target).abs()", "(input - target).abs()"), "(input - target).abs()",
                          lambda input, target: (input - target).abs()),),
)

SMOOTH_L1 = LossSpec(
    name="SmoothL1Loss", kind="regression",
    summary=Text(
        "Squared for small errors, absolute for large ones: 0.5·x²/beta when |x| < beta, else |x| - 0.5·beta "
        "(x = input - target). beta=0 makes it L1Loss.",
        "小误差取平方、大误差取绝对值：|x| < beta 时为 0.5·x²/beta，否则为 |x| - 0.5·beta（x = input - target）。"
        "beta=0 时就是 L1Loss。",
    ),
    input_rule=_SAME_SHAPE_RULE,
    args=(LossArg("beta", 1.0, Text("Where the square turns into the absolute value; must be >= 0.",
                                     "平方段与绝对值段的分界点；必须 >= 0。")),),
    presets=(
        LossPreset("mixed", Text("Small and large errors, beta=1", "有小误差也有大误差，beta=1"), *_MIXED_ERRORS),
        LossPreset("beta_half", Text("The same errors, beta=0.5", "同样的误差，beta=0.5"), *_MIXED_ERRORS, args={"beta": 0.5}),
        LossPreset("beta_zero", Text("beta=0: the same as L1Loss", "beta=0：与 L1Loss 相同"), *_MIXED_ERRORS,
                   args={"beta": 0.0}),
        LossPreset("outlier", Text("One outlier among good predictions", "好的预测中混入一个离群点"), _OUTLIER_PRED, _OUTLIER_TRUE),
    ),
    curve=_regression_curve,
)

HUBER = LossSpec(
    name="HuberLoss", kind="regression",
    summary=Text(
        "Squared for small errors, linear for large ones: 0.5·x² when |x| <= delta, else delta·(|x| - 0.5·delta) "
        "(x = input - target). With delta=1 it equals SmoothL1Loss with beta=1.",
        "小误差取平方、大误差取线性：|x| <= delta 时为 0.5·x²，否则为 delta·(|x| - 0.5·delta)（x = input - target）。"
        "delta=1 时等于 beta=1 的 SmoothL1Loss。",
    ),
    input_rule=_SAME_SHAPE_RULE,
    args=(LossArg("delta", 1.0, Text("Where the square turns into a straight line; must be > 0.",
                                      "平方段与直线段的分界点；必须 > 0。")),),
    presets=(
        LossPreset("mixed", Text("Small and large errors, delta=1", "有小误差也有大误差，delta=1"), *_MIXED_ERRORS),
        LossPreset("delta_two", Text("The same errors, delta=2", "同样的误差，delta=2"), *_MIXED_ERRORS, args={"delta": 2.0}),
        LossPreset("outlier", Text("One outlier among good predictions", "好的预测中混入一个离群点"), _OUTLIER_PRED, _OUTLIER_TRUE),
        LossPreset("delta_zero", Text("delta=0: torch refuses", "delta=0：torch 拒绝"), *_MIXED_ERRORS,
                   args={"delta": 0.0}, error=True),
    ),
    curve=_regression_curve,
)

_BCE_FORMULA = "-(target * torch.log({p}) + (1 - target) * torch.log(1 - {p}))"
BCE = LossSpec(
    name="BCELoss", kind="binary",
    summary=Text(
        "Binary cross entropy: -(t·log(p) + (1 - t)·log(1 - p)) for each element, with p = input a probability. "
        "Used for binary (or multi-label) classification after a sigmoid; torch clamps each log at -100.",
        "二元交叉熵：对每个元素计算 -(t·log(p) + (1 - t)·log(1 - p))，其中 p = input 是概率。"
        "用于二分类（或多标签分类），放在 sigmoid 之后；torch 会把每个 log 截断在 -100。",
    ),
    input_rule=Text(
        "`input`: probabilities, every value in [0, 1] (apply torch.sigmoid to a model's raw outputs first). "
        "`target`: float labels 0 / 1 (or probabilities), the same shape as `input`.",
        "`input`：概率，每个值都在 [0, 1] 内（模型的原始输出需先经过 torch.sigmoid）。"
        "`target`：浮点型标签 0 / 1（或概率），与 `input` 形状相同。",
    ),
    presets=(
        LossPreset("probabilities", Text("Probabilities against labels 0 / 1", "概率对标签 0 / 1"),
                   [0.9, 0.2, 0.6, 0.4], [1.0, 0.0, 1.0, 0.0]),
        LossPreset("logits", Text("Logits fed to BCELoss: torch refuses", "把 logits 直接交给 BCELoss：torch 拒绝"),
                   [2.0, -1.0, 0.5, -3.0], [1.0, 0.0, 1.0, 0.0], error=True),
        LossPreset("int_target", Text("int64 target: torch refuses", "int64 的 target：torch 拒绝"),
                   [0.9, 0.2, 0.6, 0.4], [1, 0, 1, 0], target_dtype="int64", error=True),
        LossPreset("multi_label", Text("A (2, 3) multi-label batch", "(2, 3) 的多标签批量"),
                   [[0.9, 0.1, 0.7], [0.3, 0.8, 0.5]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]),
    ),
    curve=_regression_curve, curve_domain=(0.0, 1.0),
    curve_axis=Text("BCELoss: x is the probability `input`, so only 0 < x < 1 is drawn.",
                    "BCELoss：x 是概率 `input`，因此只画 0 < x < 1 的部分。"),
    companions=(Companion(Text("the formula with torch.log", "用 torch.log 写出的公式"), _BCE_FORMULA.format(p="input"),
                          lambda input, target: -(target * torch.log(input) + (1 - target) * torch.log(1 - input))),),
)

BCE_WITH_LOGITS = LossSpec(
    name="BCEWithLogitsLoss", kind="binary",
    summary=Text(
        "Sigmoid and binary cross entropy in one: takes raw logits and computes the loss with the log-sum-exp trick, "
        "so a large logit stays exact where sigmoid followed by BCELoss rounds to 0 or 1 and loses everything.",
        "把 sigmoid 与二元交叉熵合在一起：直接接收原始 logits，用 log-sum-exp 技巧计算损失。"
        "logit 很大时结果依然精确，而先 sigmoid 再 BCELoss 会被舍入成 0 或 1，信息全部丢失。",
    ),
    input_rule=Text(
        "`input`: logits, any real numbers (no sigmoid first). `target`: float labels 0 / 1 (or probabilities), "
        "the same shape as `input`.",
        "`input`：logits，任意实数（不要先做 sigmoid）。`target`：浮点型标签 0 / 1（或概率），与 `input` 形状相同。",
    ),
    presets=(
        LossPreset("logits", Text("Logits against labels 0 / 1", "logits 对标签 0 / 1"), [2.0, -1.5, 0.4, -0.3],
                   [1.0, 0.0, 1.0, 0.0]),
        LossPreset("large_logits",
                   Text("Large logits (±100, 120, 20) in float32: BCELoss of sigmoid breaks, this stays exact",
                        "float32 中的大 logit（±100、120、20）：sigmoid 后的 BCELoss 失效，它依然精确"),
                   [100.0, -100.0, 120.0, 20.0], [0.0, 1.0, 0.0, 1.0], reduction="none"),
        LossPreset("int_target", Text("int64 target: torch refuses", "int64 的 target：torch 拒绝"),
                   [2.0, -1.5, 0.4, -0.3], [1, 0, 1, 0], target_dtype="int64", error=True),
        LossPreset("mismatch", Text("Shapes (4,) and (2,): torch refuses", "形状 (4,) 与 (2,)：torch 拒绝"),
                   [2.0, -1.5, 0.4, -0.3], [1.0, 0.0], error=True),
    ),
    curve=_regression_curve,
    curve_axis=Text("BCEWithLogitsLoss: x is a logit.", "BCEWithLogitsLoss：x 是一个 logit。"),
    companions=(
        Companion(Text("BCELoss of sigmoid(input)", "sigmoid(input) 的 BCELoss"),
                  'nn.BCELoss(reduction="none")(torch.sigmoid(input), target)',
                  lambda input, target: nn.BCELoss(reduction="none")(torch.sigmoid(input), target)),
        Companion(Text("the formula with torch.log", "用 torch.log 写出的公式"), _BCE_FORMULA.format(p="torch.sigmoid(input)"),
                  lambda input, target: -(target * torch.log(torch.sigmoid(input))
                                          + (1 - target) * torch.log(1 - torch.sigmoid(input)))),
    ),
)

_GUIDE_LOGITS = [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]
CROSS_ENTROPY = LossSpec(
    name="CrossEntropyLoss", kind="classes",
    summary=Text(
        "Softmax and negative log likelihood in one: for each sample, -log(softmax(input)[target class]). Takes raw "
        "logits: do not apply softmax first. Used for multi-class classification.",
        "把 softmax 与负对数似然合在一起：对每个样本计算 -log(softmax(input)[目标类别])。直接接收原始 logits："
        "不要先做 softmax。用于多分类问题。",
    ),
    input_rule=Text(
        "`input`: logits of shape (N, C), N samples and C classes (or (C,) for one sample). `target`: either class "
        "indices, int64 of shape (N,) with values in 0..C-1, or class probabilities, float of the same shape as `input`.",
        "`input`：形状为 (N, C) 的 logits，N 个样本、C 个类别（单个样本时为 (C,)）。`target`：要么是类别索引，"
        "形状 (N,) 的 int64，取值在 0..C-1；要么是类别概率，与 `input` 形状相同的浮点张量。",
    ),
    presets=(
        LossPreset("guide", Text("The guide: logits [[1, 2, 3], [1, 2, 3]], targets [2, 1]",
                                 "指南示例：logits [[1, 2, 3], [1, 2, 3]]，targets [2, 1]"),
                   _GUIDE_LOGITS, [2, 1], target_dtype="int64"),
        LossPreset("probabilities", Text("Class probabilities as target (float, same shape)", "以类别概率为 target（浮点，形状相同）"),
                   _GUIDE_LOGITS, [[0.0, 0.0, 1.0], [0.1, 0.8, 0.1]]),
        LossPreset("float_indices", Text("Class indices as float32: torch refuses", "float32 的类别索引：torch 拒绝"),
                   _GUIDE_LOGITS, [2.0, 1.0], error=True),
        LossPreset("out_of_range", Text("Class 3 with only 3 classes: torch refuses", "只有 3 个类别却给出类别 3：torch 拒绝"),
                   _GUIDE_LOGITS, [3, 1], target_dtype="int64", error=True),
        LossPreset("batch_mismatch", Text("2 samples, 3 targets: torch refuses", "2 个样本、3 个 target：torch 拒绝"),
                   _GUIDE_LOGITS, [2, 1, 0], target_dtype="int64", error=True),
        LossPreset("one_hot_int", Text("One-hot int64 target: torch refuses", "int64 的 one-hot target：torch 拒绝"),
                   _GUIDE_LOGITS, [[0, 0, 1], [0, 1, 0]], target_dtype="int64", error=True),
        LossPreset("padding", Text("A padded position, target -100: skipped (ignore_index)",
                                   "填充位置的 target 为 -100：被跳过（ignore_index）"),
                   _GUIDE_LOGITS + [[0.0, 0.0, 0.0]], [2, 1, -100], target_dtype="int64"),
        LossPreset("label_smoothing", Text("label_smoothing=0.1: even a sure right answer costs something",
                                           "label_smoothing=0.1：即使非常确定的正确答案也有损失"),
                   [[1.0, 2.0, 9.0], [1.0, 2.0, 3.0]], [2, 1], target_dtype="int64", args={"label_smoothing": 0.1}),
        LossPreset("ignore_probabilities", Text("ignore_index with class probabilities: torch refuses",
                                                "类别概率配合 ignore_index：torch 拒绝"),
                   _GUIDE_LOGITS, [[0.0, 0.0, 1.0], [0.1, 0.8, 0.1]], args={"ignore_index": 0}, error=True),
    ),
    args=(
        LossArg("ignore_index", -100, Text(
            "Targets equal to this class index are skipped: their loss is 0 and 'mean' does not count them "
            "(padding in sequence batches). It applies to int64 class indices; with class probabilities torch "
            "refuses any value of 0 or more.",
            "等于这个类别索引的 target 会被跳过：其损失为 0，且 'mean' 不计入它们（常用于序列批次中的填充）。"
            "它作用于 int64 类别索引；若 target 是类别概率，torch 会拒绝任何大于或等于 0 的取值。"), minimum=-100, maximum=99,
            integer=True),
        LossArg("label_smoothing", 0.0, Text(
            "Mixes the target with a uniform distribution over the classes: with 0.1, the true class is worth "
            "1 - 0.1 + 0.1/C and every other class 0.1/C, so no logit is pushed to infinity. Between 0 and 1.",
            "把 target 与各类别上的均匀分布混合：取 0.1 时，真实类别的权重为 1 - 0.1 + 0.1/C，其余每个类别各得 0.1/C，"
            "因此不会把任何 logit 推向无穷大。取值在 0 到 1 之间。"), maximum=1.0),
    ),
    mean_count=lambda per_element, target, args: (
        per_element.numel() if target.is_floating_point()  # class probabilities: every sample
        else int((target != int(args["ignore_index"])).sum())  # class indices: all but the ignored ones
    ),
    curve=_true_class_curve,
    curve_axis=Text("CrossEntropyLoss: x is the logit of the true class, against one other class whose logit is 0.",
                    "CrossEntropyLoss：x 是真实类别的 logit，另一个类别的 logit 固定为 0。"),
)

LOSSES: dict[str, LossSpec] = {
    spec.name: spec for spec in (MSE, L1, SMOOTH_L1, HUBER, BCE, BCE_WITH_LOGITS, CROSS_ENTROPY)
}
DEFAULT_LOSS = "MSELoss"
REGRESSION_LOSSES = tuple(name for name, spec in LOSSES.items() if spec.kind == "regression")
