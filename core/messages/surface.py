"""The strings of the "Optimizers on a surface" tab of the Training lab; each function's title and note live in its
catalog entry (core/surface/functions.py)."""

from core.text import Text

MSG: dict[str, Text] = {
    "surface_title": Text("Optimizers on a surface", "曲面上的优化器"),
    "surface_intro": Text(
        "Each racer is a real torch.optim optimizer moving one point p = (x, y) downhill on a 2-d function: "
        "f(p).backward(), then optimizer.step(). Same start, same number of steps: only the optimizer differs.",
        "每个参赛者都是真正的 torch.optim 优化器，在一个二维函数上把点 p = (x, y) 往低处移动："
        "先 f(p).backward()，再 optimizer.step()。起点相同，步数相同：唯一不同的是优化器。",
    ),
    "surface_home_card": Text(
        "Rosenbrock, Beale, Himmelblau, Rastrigin, a saddle and a bowl you can stretch: watch real torch.optim "
        "optimizers walk the contours step by step, with a step size and a momentum slider.",
        "Rosenbrock、Beale、Himmelblau、Rastrigin、鞍面，以及可以拉伸的碗形函数：用步长和动量滑块，"
        "一步步观看真实的 torch.optim 优化器沿等高线行走。",
    ),
    "surface_function": Text("Function", "函数"),
    "surface_start": Text("Start point (x, y)", "起点 (x, y)"),
    "surface_steps": Text("Steps", "步数"),
    "surface_contour_title": Text("{function}: the racers' paths", "{function}：参赛者的路径"),
    "surface_values_title": Text("f at each step", "每一步的 f 值"),
    "surface_minimum": Text("minimum", "最小值"),
    "surface_saddle_point": Text("saddle point", "鞍点"),
    "surface_start_marker": Text("start", "起点"),
    "surface_diverged": Text(
        "{name} diverged at step {step}: x or y became nan, inf or larger than {limit}. Try a smaller step size.",
        "{name} 在第 {step} 步发散：x 或 y 变成了 nan、inf 或超过 {limit}。请尝试更小的步长。",
    ),
    "surface_step_error": Text(
        "{name} stopped at step {step}: torch raised an error ({error}). Try a smaller step size.",
        "{name} 在第 {step} 步停止：torch 报错（{error}）。请尝试更小的步长。",
    ),
    "surface_sparse_only": Text(
        "{name} takes only sparse gradients (from nn.Embedding(sparse=True)); the gradient of f(x, y) is dense, so "
        "torch would raise. Use Adam instead to see the same rule on dense gradients.",
        "{name} 只接受稀疏梯度（来自 nn.Embedding(sparse=True)）；f(x, y) 的梯度是稠密的，torch 会报错。"
        "想在稠密梯度上看同样的规则，请改用 Adam。",
    ),
    "surface_matrices_only": Text(
        "{name} takes only 2-d parameters (weight matrices: it orthogonalizes each one's update); the point p = (x, y) "
        "is a 1-d tensor, so torch would refuse it. The Training lab runs it on the clicks task's embedding matrix.",
        "{name} 只接受二维参数（权重矩阵：它把每个矩阵的更新正交化）；点 p = (x, y) 是一维张量，torch 会拒绝。"
        "训练实验室在 clicks 任务的嵌入矩阵上运行它。",
    ),
    "surface_left_out": Text(
        "The link's `racers`: {name} was left out. {why}",
        "链接中的 `racers`：已略去 {name}。{why}",
    ),
    "surface_setting_left_out": Text(
        "The link's `racers`: {name} takes {settings} here, so {setting} was left out.",
        "链接中的 `racers`：{name} 在这里只接受 {settings}，因此已略去 {setting}。",
    ),
    "surface_bad_setting": Text(
        "The link's `racers`: {name}'s {setting} must be a number from {low} to {high}, not {value}; it runs at "
        "{start}.",
        "链接中的 `racers`：{name} 的 {setting} 必须是 {low} 到 {high} 之间的数，而不是 {value}；它按 {start} 运行。",
    ),
    "surface_repeated": Text("It is listed twice; it runs once.", "它出现了两次；只运行一次。"),
    "surface_none_left": Text(
        "The link's `racers`: none of them can run here, so the page runs SGD.",
        "链接中的 `racers`：没有一个能在这里运行，因此本页运行 SGD。",
    ),
    "surface_walking": Text(
        "The racers are still walking; what the script prints appears when every one of them is done.",
        "参赛者仍在行走；所有参赛者走完后会显示脚本的输出。",
    ),
    "surface_optimizers": Text("Racers", "参赛者"),
    "surface_optimizers_help": Text(
        "One racer per optimizer; each has its own step size and, where torch's optimizer takes one (SGD, RMSprop), "
        "its own momentum: click a racer's button below the picker to set them.",
        "每个优化器一个参赛者；每个参赛者有自己的步长，若 torch 的优化器接受动量（SGD、RMSprop），还有自己的动量："
        "点击选择框下方该参赛者的按钮来设置。",
    ),
    "surface_pick_one": Text("Pick at least one optimizer to race.", "请至少选择一个优化器参赛。"),
    "surface_play": Text("▶ Play", "▶ 播放"),
    "surface_pause": Text("⏸ Pause", "⏸ 暂停"),
    "surface_step": Text("Step +1", "单步 +1"),
    "surface_scrubber": Text("Paths drawn up to step", "路径画到第几步"),
    "surface_scrubber_help": Text(
        "Pause, then drag to see every racer where it stood after that many steps (at most the steps walked so "
        "far).",
        "先暂停，再拖动以查看每个参赛者在走了这么多步之后的位置（最多到目前已走的步数）。",
    ),
    "surface_click_hint": Text("click: start here", "点击：从这里出发"),
    "surface_unknown_optimizer": Text(
        "There is no optimizer called {name}. Choose one of: {names}.",
        "没有名为 {name} 的优化器。可选：{names}。",
    ),
    "surface_bad_hyper": Text(
        "torch rejected the settings of {name}: {error}",
        "torch 拒绝了 {name} 的设置：{error}",
    ),
    "surface_bad_start": Text(
        "The start point is not usable: {error}. Enter two finite numbers, e.g. -1.5, 2.",
        "起点不可用：{error}。请输入两个有限的数，例如 -1.5, 2。",
    ),
}
