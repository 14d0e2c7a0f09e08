"""The strings of the losses page.

Loss-specific texts (a loss's summary, its input rule, its presets' titles) live in its catalog entry, also as `Text`.
"""

from core.text import Text

MSG: dict[str, Text] = {
    # page
    "loss_nav": Text("Losses", "损失函数"),
    "loss_title": Text("Loss functions", "损失函数"),
    "loss_home_card": Text(
        "MSELoss, L1Loss, SmoothL1Loss, HuberLoss, BCELoss, BCEWithLogitsLoss, CrossEntropyLoss: edit predictions and "
        "targets, choose `reduction`, see every element's loss, the curves side by side, why an outlier moves MSELoss "
        "and not L1Loss, and what each loss refuses and why.",
        "MSELoss、L1Loss、SmoothL1Loss、HuberLoss、BCELoss、BCEWithLogitsLoss、CrossEntropyLoss：编辑预测值和目标值，"
        "选择 `reduction`，查看每个元素的损失、并排的损失曲线、为什么离群点会拉动 MSELoss 而不影响 L1Loss，"
        "以及每个损失会拒绝什么输入、为什么。",
    ),
    "loss_loss": Text("Loss", "损失函数"),
    "loss_reduction_help": Text(
        "How the per-element losses become the result: 'mean' averages them, 'sum' adds them, 'none' keeps them all.",
        "逐元素损失如何变成结果：'mean' 取平均，'sum' 求和，'none' 全部保留。",
    ),
    "loss_input_rule": Text("Input rule", "输入规则"),
    "loss_shape": Text("shape", "形状"),
    "loss_shape_help": Text(
        "One or two sizes separated by a comma, e.g. 3 or 2, 3; cells that still fit are kept.",
        "用逗号分隔的一个或两个大小，例如 3 或 2, 3；仍在范围内的格子会被保留。",
    ),
    "loss_bad_shape": Text(
        "`{name}`: {text} is not a shape this page draws: type one or two sizes (1 to {max}) separated by a comma, "
        "e.g. 3 or 2, 3.",
        "`{name}`：{text} 不是本页可以显示的形状：请输入用逗号分隔的一到两个大小（1 到 {max}），例如 3 或 2, 3。",
    ),
    "loss_per_element": Text("Per-element losses", "逐元素损失"),
    "loss_heatmap_name": Text("loss, reduction='none'", "损失，reduction='none'"),
    "loss_reduced": Text("loss, reduction='{reduction}'", "损失，reduction='{reduction}'"),
    "loss_reduced_sum": Text(
        "The {elements} per-element losses add up to {total}; 'mean' divides that by {count}.",
        "{elements} 个逐元素损失之和为 {total}；'mean' 再除以 {count}。",
    ),
    "loss_side_by_side": Text("The same elements, side by side", "同一批元素，并排对比"),
    "loss_column_loss": Text("{name}, reduction='none'", "{name}，reduction='none'"),
    "loss_fixed": Text("With that fix, torch gives: `{value}`", "按此修改后，torch 给出：`{value}`"),
    "loss_explanation": Text("Why: {text}", "原因：{text}"),
    "loss_warning": Text("torch warns: {text}", "torch 警告：{text}"),
    # tabs
    "loss_tab_values": Text("Values", "数值"),
    "loss_tab_curves": Text("Curves", "曲线"),
    "loss_tab_outlier": Text("Outliers and gradients", "离群点与梯度"),
    # curves
    "loss_compare": Text("Compare with (the loss chosen above is always drawn)", "对比的损失函数（上方选中的损失函数总会画出）"),
    "loss_curve_target": Text("target (fixed)", "target（固定）"),
    "loss_curve_target_help": Text(
        "The target every point of the curve is compared with; the prediction `input` runs along the x axis.",
        "曲线上每个点都与这个 target 比较；预测值 `input` 沿 x 轴变化。",
    ),
    "loss_curve_title": Text(
        "Loss of one prediction against target = {target} (torch on a grid of {points} points)",
        "单个预测值对 target = {target} 的损失（torch 在 {points} 个点上计算）",
    ),
    "loss_curve_x": Text("prediction (input)", "预测值（input）"),
    "loss_curve_y": Text("loss", "损失"),
    "loss_curve_skipped": Text("{name} is not drawn: torch says {message}", "{name} 没有画出：torch 报错 {message}"),
    # outliers
    "loss_outlier": Text("outlier: how far the last target moves", "离群程度：最后一个 target 移动的距离"),
    "loss_outlier_help": Text(
        "Adds this much to the last target, so its prediction is this much further off.",
        "给最后一个 target 加上这个值，使它的预测偏离得更远。",
    ),
    "loss_outlier_intro": Text(
        "A batch of {count} predictions `input` = {input} against `target` = {target} (reduction='mean'). The slider "
        "moves the last target away. MSELoss's gradient on that prediction grows with the distance, so one outlier "
        "drags the whole fit; L1Loss's stays at ±1/{count}; HuberLoss and SmoothL1Loss cap it.",
        "一批 {count} 个预测 `input` = {input}，对应 `target` = {target}（reduction='mean'）。滑块把最后一个 target "
        "移远。MSELoss 在该预测上的梯度随距离增长，一个离群点就能拖动整个拟合；L1Loss 的梯度始终为 ±1/{count}；"
        "HuberLoss 和 SmoothL1Loss 则给梯度设了上限。",
    ),
    "loss_outlier_value": Text("loss value", "损失值"),
    "loss_outlier_grad": Text("gradient d loss / d input[i] (autograd)", "梯度 d loss / d input[i]（autograd）"),
    "loss_outlier_none": Text(
        "Pick a regression loss above (MSELoss, L1Loss, SmoothL1Loss, HuberLoss) to see it here.",
        "请在上方选择一个回归损失（MSELoss、L1Loss、SmoothL1Loss、HuberLoss），才能在这里看到它。",
    ),
    "loss_outlier_code": Text("Code for this view", "此视图的代码"),
    # torch's errors and warnings, explained
    "loss_fix_probabilities": Text(
        "BCELoss takes probabilities: every value of `input` must be in [0, 1], but `input` goes from {low} to {high}, "
        "which look like logits. Apply `torch.sigmoid(input)` first, or better, give the logits to "
        "`nn.BCEWithLogitsLoss`, which applies the sigmoid itself and is numerically safer.",
        "BCELoss 接收概率：`input` 的每个值都必须在 [0, 1] 内，但 `input` 的取值从 {low} 到 {high}，看起来是 logits。"
        "请先做 `torch.sigmoid(input)`，或者更好的做法：把 logits 交给 `nn.BCEWithLogitsLoss`，它自己会做 sigmoid，数值上也更安全。",
    ),
    "loss_fix_target_range": Text(
        "`target` must be labels 0 / 1 or probabilities in [0, 1], but it goes from {low} to {high}: "
        "e.g. `target.clamp(0, 1)`, or fix the labels.",
        "`target` 必须是 0 / 1 标签或 [0, 1] 内的概率，但它的取值从 {low} 到 {high}：例如 `target.clamp(0, 1)`，或修正标签。",
    ),
    "loss_fix_target_dtype": Text(
        "`target` is {found} but `input` is {dtype}, and this loss needs both in the same floating dtype: "
        "use `target.to(input.dtype)` (here `target.to(torch.{dtype})`).",
        "`target` 是 {found}，而 `input` 是 {dtype}，这个损失要求两者是同一种浮点类型："
        "请用 `target.to(input.dtype)`（这里即 `target.to(torch.{dtype})`）。",
    ),
    "loss_fix_class_indices": Text(
        "`target` {tshape} has one value per sample, so torch reads it as class indices: "
        "target must be int64 class indices of shape ({n},): use `target.long()`. (A float `target` means class "
        "probabilities and needs the shape of `input`, {ishape}.)",
        "`target` {tshape} 每个样本一个值，torch 会把它当作类别索引："
        "target 必须是形状为 ({n},) 的 int64 类别索引：请用 `target.long()`。（浮点型的 `target` 表示类别概率，"
        "需要与 `input` 形状相同，即 {ishape}。）",
    ),
    "loss_fix_class_probabilities": Text(
        "`target` {tshape} has the shape of `input` {ishape}, so torch reads it as class probabilities, which must be "
        "float: use `target.float()`. For class indices give int64 of shape (N,) instead.",
        "`target` {tshape} 与 `input` {ishape} 形状相同，torch 会把它当作类别概率，而概率必须是浮点型："
        "请用 `target.float()`。若要给类别索引，请改用形状为 (N,) 的 int64。",
    ),
    "loss_fix_target_1d": Text(
        "Class indices are one int64 per sample: `target` should have shape ({n},), but it has {tshape}. "
        "For one probability per class give a float `target` of shape {ishape}.",
        "类别索引是每个样本一个 int64：`target` 的形状应为 ({n},)，但它是 {tshape}。"
        "若要给每个类别一个概率，请给出形状为 {ishape} 的浮点型 `target`。",
    ),
    "loss_fix_class_range": Text(
        "`input` {ishape} has {classes} classes, so every class index in `target` must be in 0..{high}; "
        "`target` holds {value}. Class indices count from 0.",
        "`input` {ishape} 有 {classes} 个类别，因此 `target` 中的每个类别索引都必须在 0..{high} 之间；"
        "`target` 中有 {value}。类别索引从 0 开始计数。",
    ),
    "loss_fix_batch": Text(
        "`input` {ishape} has {n} samples (its dim 0) but `target` {tshape} has {m}: give one class index per sample, "
        "a `target` of shape ({n},).",
        "`input` {ishape} 有 {n} 个样本（第 0 维），而 `target` {tshape} 有 {m} 个：请每个样本给一个类别索引，"
        "即形状为 ({n},) 的 `target`。",
    ),
    "loss_fix_single_sample": Text(
        "`input` {ishape} is one sample's {classes} logits, so `target` must be one class index, shape (1,), but it "
        "is {tshape}. For a batch of N samples give `input` the shape (N, {classes}) and `target` the shape (N,).",
        "`input` {ishape} 是单个样本的 {classes} 个 logits，因此 `target` 必须是一个类别索引，形状为 (1,)，但它是 "
        "{tshape}。若有 N 个样本，请让 `input` 的形状为 (N, {classes})，`target` 的形状为 (N,)。",
    ),
    "loss_fix_same_shape_view": Text(
        "This loss compares `input` and `target` element by element, so they need the same shape: `input` is "
        "{ishape}, `target` is {tshape}. They hold as many values, so `target.view(input.shape)` lines them up.",
        "这个损失逐元素比较 `input` 与 `target`，因此两者形状必须相同：`input` 是 {ishape}，`target` 是 {tshape}。"
        "两者元素个数相同，`target.view(input.shape)` 就能对齐它们。",
    ),
    "loss_fix_same_shape": Text(
        "This loss compares `input` and `target` element by element, so they need the same shape: `input` is "
        "{ishape}, `target` is {tshape}. Give `target` {n} values in the shape {ishape}.",
        "这个损失逐元素比较 `input` 与 `target`，因此两者形状必须相同：`input` 是 {ishape}，`target` 是 {tshape}。"
        "请给 `target` {n} 个值，形状为 {ishape}。",
    ),
    "loss_fix_float_input": Text(
        "`input` is int64, but a loss needs floating-point predictions (it takes logs, squares and gradients): "
        "use `input.float()` (choose float32 for `input`).",
        "`input` 是 int64，但损失函数需要浮点型的预测值（要取对数、平方并求梯度）：请用 `input.float()`（把 `input` 设为 float32）。",
    ),
    "loss_fix_float_both": Text(
        "`input` and `target` are int64, but a loss needs floating-point numbers: use `input.float()` and "
        "`target.float()` (choose float32 for both).",
        "`input` 和 `target` 都是 int64，但损失函数需要浮点数：请用 `input.float()` 和 `target.float()`（两者都设为 float32）。",
    ),
    "loss_fix_float_target": Text(
        "`target` is int64, but this loss needs float labels (0.0 / 1.0) of the dtype of `input`: use `target.float()`.",
        "`target` 是 int64，但这个损失需要与 `input` 同类型的浮点标签（0.0 / 1.0）：请用 `target.float()`。",
    ),
    "loss_fix_delta": Text(
        "`delta` must be greater than 0 (it is {value}): it is where the square turns into a line. "
        "torch's default is {default}.",
        "`delta` 必须大于 0（现在是 {value}）：它是平方段变为直线段的位置。torch 的默认值是 {default}。",
    ),
    "loss_fix_ignore_index": Text(
        "`ignore_index` marks class indices to skip (padding, say), so it only makes sense with int64 class-index "
        "targets; with class probabilities there is no index to skip. Fix: leave ignore_index at torch's default "
        "{default}, or give class indices.",
        "`ignore_index` 标记要跳过的类别索引（例如填充位置），所以只适用于 int64 类别索引形式的 target；"
        "类别概率形式的 target 没有可以跳过的索引。修改：把 ignore_index 保持为 torch 的默认值 {default}，或改用类别索引。",
    ),
    "loss_fix_beta": Text(
        "`beta` must be 0 or more (it is {value}): it is where the square turns into the absolute value. "
        "torch's default is {default}.",
        "`beta` 必须大于或等于 0（现在是 {value}）：它是平方段变为绝对值段的位置。torch 的默认值是 {default}。",
    ),
    "loss_fix_rule": Text("Check the input rule: {rule}", "请检查输入规则：{rule}"),
    "loss_broadcast": Text(
        "`input` {ishape} and `target` {tshape} have different shapes, so torch broadcast them to {bshape}: "
        "{count} losses instead of {expected}, every prediction compared with every target. Make the shapes equal, "
        "e.g. `target.view(input.shape)`.",
        "`input` {ishape} 与 `target` {tshape} 形状不同，torch 把它们广播成了 {bshape}：得到 {count} 个损失而不是 "
        "{expected} 个，每个预测都与每个 target 比较了一遍。请让形状一致，例如 `target.view(input.shape)`。",
    ),
    "loss_broadcast_reshape": Text(
        "`input` {ishape} and `target` {tshape} hold as many numbers but differ in shape, so torch broadcast them to "
        "{bshape}. Each prediction still meets its own target here, but torch warns because a different shape is "
        "usually a mistake: `target.view(input.shape)` makes them equal.",
        "`input` {ishape} 与 `target` {tshape} 的元素个数相同但形状不同，torch 把它们广播成了 {bshape}。这里每个预测"
        "仍与自己的 target 比较，但形状不同通常是个错误，所以 torch 发出警告：`target.view(input.shape)` 可以让形状一致。",
    ),
    "loss_broadcast_target": Text(
        "`target` {tshape} is smaller than `input` {ishape}, so torch broadcast it to {ishape}: several predictions "
        "are compared with the same target. torch warns because this is usually a mistake: give `target` the "
        "shape {ishape}, one target per prediction.",
        "`target` {tshape} 比 `input` {ishape} 小，torch 把它广播成了 {ishape}：多个预测与同一个 target 比较。"
        "torch 发出警告是因为这通常是个错误：请让 `target` 的形状为 {ishape}，每个预测对应一个 target。",
    ),
}

MSG.update({
    # comments in the generated code
    "loss_code_per_element": Text("reduction='none': one loss per element", "reduction='none'：每个元素一个损失"),
    "loss_code_companion": Text("the same elements: {label}", "同一批元素：{label}"),
    "loss_code_outlier_target": Text("the last target moved {outlier} further away", "最后一个 target 又移远了 {outlier}"),
    "loss_code_backward": Text("fills input.grad with d loss / d input", "把 d loss / d input 写入 input.grad"),
})
