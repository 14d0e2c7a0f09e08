"""The strings of the activations page."""

from core.text import Text

MSG: dict[str, Text] = {
    "act_nav": Text("Activations", "激活函数"),
    "act_home_card": Text(
        "Sigmoid, Softmax, Tanh and ReLU with their slopes from autograd: see where the gradient vanishes, softmax a "
        "grid along `dim` with a temperature, and watch the naive exp / sum overflow where torch.softmax does not.",
        "Sigmoid、Softmax、Tanh 和 ReLU 以及自动求导得到的斜率：看梯度在哪里消失，沿 `dim` 对表格做带温度的 softmax，"
        "再看朴素的 exp / sum 在哪里溢出而 torch.softmax 安然无恙。",
    ),
    "act_title": Text("Activations: Sigmoid, Softmax, Tanh, ReLU", "激活函数：Sigmoid、Softmax、Tanh、ReLU"),
    "act_intro": Text(
        "Every curve, slope and probability here is computed by torch: the slopes by autograd (`y.sum().backward()` "
        "on a `torch.linspace`), not by a formula.",
        "这里的每条曲线、每个斜率和概率都由 torch 算出：斜率来自自动求导（在 `torch.linspace` 上执行 "
        "`y.sum().backward()`），而不是手写公式。",
    ),
    # tabs
    "act_tab_curves": Text("Curves and slopes", "曲线与斜率"),
    "act_tab_softmax": Text("Softmax on a grid", "表格上的 Softmax"),
    "act_tab_stability": Text("Numerical stability", "数值稳定性"),
    # curves
    "act_activation": Text("Activation", "激活函数"),
    "act_x_range": Text("x range (±)", "x 范围（±）"),
    "act_x_range_help": Text(
        "x runs from -range to +range. Widen it to see where the slope dies away.",
        "x 从 -range 取到 +range。调大范围，看斜率在哪里消失。",
    ),
    "act_compare": Text("Compare with the others", "与其他激活函数对比"),
    "act_output_range": Text("Output range: {range}", "输出范围：{range}"),
    "act_axis_f": Text("f(x)", "f(x)"),
    "act_axis_slope": Text("f'(x), from autograd", "f'(x)（自动求导）"),
    "act_shade_label": Text("f'(x) < 0.01", "f'(x) < 0.01"),
    "act_vanishing": Text(
        "Shaded: {name}'s slope is below 0.01 on {count} of {steps} points ({spans}). A gradient flowing back "
        "through such an x is multiplied by less than 0.01: stack a few of these layers and almost nothing "
        "reaches the first one.",
        "阴影部分：{name} 的斜率在 {steps} 个点中有 {count} 个小于 0.01（{spans}）。反向传播经过这些 x 时，"
        "梯度要乘上一个小于 0.01 的数：叠几层这样的激活，传到第一层的梯度就所剩无几了。",
    ),
    "act_span": Text("x from {low} to {high}", "x 从 {low} 到 {high}"),
    "act_no_vanishing": Text(
        "{name}'s slope stays at or above 0.01 everywhere in ±{range}: widen the range to find where it vanishes.",
        "在 ±{range} 内 {name} 的斜率处处不小于 0.01：调大范围，找找它在哪里消失。",
    ),
    "act_samples": Text("Sample points", "采样点"),
    # softmax on a grid
    "act_grid_intro": Text(
        "Type scores into the grid (text cells: anything that is not a number is reported). Softmax turns each "
        "slice along `dim` into probabilities; dividing by the temperature first flattens (T > 1) or sharpens "
        "(T < 1) them.",
        "在表格中输入得分（文本格子：不是数字的内容会被指出）。Softmax 把沿 `dim` 的每一片变成概率；"
        "先除以温度 T，T > 1 使概率更平均，T < 1 使概率更集中。",
    ),
    "act_temperature": Text("temperature T: softmax(input / T)", "温度 T：softmax(input / T)"),
    "act_dim_help": Text(
        "dim=0 normalises each column (down the rows), dim=1 each row; dim=-1 is the last dim, here the same as 1.",
        "dim=0 对每一列（沿行方向）归一化，dim=1 对每一行；dim=-1 表示最后一维，这里等同于 1。",
    ),
    "act_sums_are_one": Text(
        "Every slice along dim {dim} sums to 1 ({what}): that is what makes them probabilities.",
        "沿第 {dim} 维的每一片之和都是 1（{what}）：正因如此它们才是概率。",
    ),
    "act_each_column": Text("each column", "每一列"),
    "act_each_row": Text("each row", "每一行"),
    "act_one_row": Text(
        "The link's `input` is 1-d ({count} numbers); this grid is 2-d, so it holds them as one row, shape "
        "(1, {count}). Along dim 0 every column then holds a single score, whose softmax is 1.",
        "链接中的 `input` 是一维的（{count} 个数）；这个表格是二维的，所以把它们放成一行，形状为 (1, {count})。"
        "沿 dim 0 时每一列只有一个得分，其 softmax 为 1。",
    ),
    "act_cell_float32_overflow": Text(
        "{cell} = {text} is too large for float32 (max about 3.4e38), the dtype of this grid: type a smaller number.",
        "{cell} = {text} 超出了 float32 的范围（最大约 3.4e38），而这个表格的类型是 float32：请输入更小的数。",
    ),
    "act_grid_errors": Text(
        "`input` needs a number in every cell; fix these to see the softmax:",
        "`input` 的每个格子都需要一个数；修正以下问题后才能看到 softmax：",
    ),
    # numerical stability
    "act_stability_intro": Text(
        "The logits are [a, a + 1, a + 2]. The naive formula exp(x) / exp(x).sum() is computed with torch.exp and "
        "sum exactly as written; torch.softmax subtracts the largest logit first, which changes nothing in exact "
        "arithmetic but keeps exp from overflowing.",
        "logits 为 [a, a + 1, a + 2]。朴素公式 exp(x) / exp(x).sum() 按字面用 torch.exp 和 sum 计算；"
        "torch.softmax 会先减去最大的 logit，在精确运算中结果不变，却能防止 exp 溢出。",
    ),
    "act_offset": Text("a (the smallest logit)", "a（最小的 logit）"),
    "act_step": Text("step", "步骤"),
    "act_overflow": Text(
        "The naive formula gives nan: exp(x) is inf in {dtype} once x > {limit} (log of the largest {dtype}), and "
        "inf / inf = nan. torch.softmax, and the max trick, give the right probabilities.",
        "朴素公式得到了 nan：在 {dtype} 中，x > {limit}（{dtype} 最大值的对数）时 exp(x) 就是 inf，"
        "而 inf / inf = nan。torch.softmax 和减最大值技巧都给出了正确的概率。",
    ),
    "act_underflow": Text(
        "The naive formula gives nan: exp of every logit underflows to 0 in {dtype}, so the sum is 0 and 0 / 0 = nan. "
        "torch.softmax, and the max trick, give the right probabilities.",
        "朴素公式得到了 nan：在 {dtype} 中每个 logit 的 exp 都下溢为 0，和为 0，而 0 / 0 = nan。"
        "torch.softmax 和减最大值技巧都给出了正确的概率。",
    ),
    "act_no_overflow": Text(
        "No overflow here: exp of these logits fits in {dtype} (it overflows past x = {limit}), so all three agree. "
        "Move a past {limit}, or far below zero, to break the naive formula.",
        "这里没有溢出：这些 logit 的 exp 在 {dtype} 中放得下（x 超过 {limit} 才会溢出），所以三种算法结果一致。"
        "把 a 调到 {limit} 以上，或远低于 0，朴素公式就会失效。",
    ),
}
