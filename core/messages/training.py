"""The strings of the Training lab page (the engine's own refusals and notes are in training_engine.py beside it)."""

from core.text import Text

MSG: dict[str, Text] = {
    "lab_nav": Text("Training lab", "训练实验室"),
    "lab_title": Text("Training lab: optimizers racing", "训练实验室：优化器赛跑"),
    "lab_intro": Text(
        "A tiny MLP on toy data. Every racer starts from the same initial weights and sees the same minibatches in "
        "the same order, for the same number of steps: only the optimizer differs. Press Play and watch.",
        "在玩具数据上训练一个小型 MLP。每个参赛者都从相同的初始权重出发，以相同的顺序看到相同的小批量数据，"
        "走相同的步数：唯一不同的是优化器。按下播放，看它们赛跑。",
    ),
    "lab_home_card": Text(
        "Every torch.optim optimizer (and FTRL) racing side by side on moons, spirals, XOR or a sine, live: "
        "loss curves, decision boundaries, optimizer state, results and a runnable script.",
        "所有 torch.optim 优化器（以及 FTRL）在双月形、螺旋、异或或正弦数据上并排实时赛跑："
        "损失曲线、决策边界、优化器状态、结果表和可运行的脚本。",
    ),
    "lab_data": Text("Data", "数据"),
    "lab_model": Text("Model and loss", "模型与损失"),
    "lab_budget": Text("Budget", "预算"),
    "lab_racers": Text("Racers", "参赛者"),
    "lab_racers_help": Text(
        "One racer per ';': an optimizer and the arguments it changes, e.g. SGD:lr=0.1,momentum=0.9;Adam:lr=0.01. "
        "A tuple's parts are split by '/' (Adam:betas=0.8/0.99, Adafactor:eps=None/0.001). "
        "The same optimizer may race twice with different settings.",
        "每个参赛者用 ';' 分隔：优化器名和它修改的参数，例如 SGD:lr=0.1,momentum=0.9;Adam:lr=0.01。"
        "元组的各部分用 '/' 分隔（Adam:betas=0.8/0.99，Adafactor:eps=None/0.001）。"
        "同一个优化器可以用不同设置参赛多次。",
    ),
    "lab_add": Text("Add a racer", "添加参赛者"),
    "lab_add_button": Text("Add", "添加"),
    "lab_mid_race_help": Text(
        "Changed while the race runs, it applies from the next step (a mark on the loss curve shows where); "
        "nothing restarts.",
        "比赛进行中修改它，从下一步开始生效（损失曲线上有标记）；不会重新开始。",
    ),
    "lab_state_bound_help": Text(
        "torch reads it only when it creates the optimizer's state: changed while the race runs, this racer gets a "
        "new optimizer over its current weights from the next step (its state starts over); nothing else restarts.",
        "torch 只在创建优化器状态时读取它：比赛进行中修改它，这个参赛者从下一步起在当前权重上换一个新的优化器"
        "（状态从头开始）；其他都不会重新开始。",
    ),
    "lab_torch_default": Text("torch's default: {value}.", "torch 的默认值：{value}。"),
    "lab_remove": Text("Remove this racer", "移除这个参赛者"),
    "lab_to_torch_defaults": Text("Set every value to torch's default", "全部设为 torch 的默认值"),
    "lab_to_torch_defaults_help": Text(
        "The playground starts some optimizers from a larger step size (and LBFGS from a line search) so that a few "
        "hundred steps show something; this puts back exactly what torch.optim uses when you pass nothing.",
        "为了让几百步内就能看到效果，本页让一些优化器从更大的步长开始（LBFGS 还开启了线搜索）；这个按钮恢复成不传参数时 "
        "torch.optim 实际使用的值。"),
    "lab_play": Text("▶ Play", "▶ 播放"),
    "lab_pause": Text("⏸ Pause", "⏸ 暂停"),
    "lab_step": Text("Step", "单步"),
    "lab_reset": Text("↺ Reset", "↺ 重置"),
    "lab_speed": Text("steps per frame", "每帧步数"),
    "lab_speed_help": Text(
        "While playing, the loss chart is redrawn about ten times a second and the race trains up to this many steps "
        "between two redraws (fewer when slow racers such as LBFGS use up a frame's time): 1 to watch each step, 32 "
        "to see where a long race ends. Step always takes exactly one.",
        "播放时损失曲线大约每秒重绘十次，两次重绘之间最多训练这么多步（LBFGS 等较慢的参赛者用完一帧的时间时会少一些）："
        "设为 1 可以逐步观察，设为 32 可以很快看到长跑的结果。"
        "“单步”按钮始终只走一步。"),
    "lab_progress": Text("step {step} of {steps}", "第 {step} / {steps} 步"),
    "lab_losses_smoothed": Text(
        "Loss per step (bold: the batch loss averaged over about 10 steps; faint: each batch; dashed: the test set; "
        "◆: a setting changed)",
        "每步的损失（粗线：约 10 步的批次损失滑动平均；淡线：每个批次；虚线：测试集；◆：设置有改动）"),
    "lab_settings": Text("Data, model and budget", "数据、模型与预算"),
    "lab_test": Text("test", "测试"),
    "lab_axis_step": Text("step", "步数"),
    "lab_axis_loss": Text("loss", "损失"),
    "lab_boundaries": Text("What each racer has learned", "每个参赛者学到了什么"),
    "lab_results": Text("Results", "结果"),
    "lab_inspector": Text("Optimizer state", "优化器状态"),
    "lab_inspect_racer": Text("racer", "参赛者"),
    "lab_inspect_param": Text("parameter", "参数"),
    "lab_no_state": Text(
        "No state tensors for this parameter: either the race has not stepped yet, or this optimizer keeps none with "
        "these settings (plain SGD without momentum keeps none at all).",
        "这个参数没有状态张量：要么比赛还没开始，要么该优化器在当前设置下不保存状态（不带动量的普通 SGD 完全不保存状态）。"),
    "lab_script": Text("A script that trains this racer alone", "单独训练这个参赛者的脚本"),
    "lab_download": Text("Download the history (CSV)", "下载训练历史（CSV）"),
    "lab_not_started": Text("Press Play or Step to start the race.", "按下播放或单步开始比赛。"),
    "lab_restarted": Text(
        "The race started over at step 0 (it was at step {step}): {settings} changed, and every racer shares the "
        "data, the model, the loss and the batches. A racer's own settings, adding and removing racers, and a "
        "larger budget (`steps`) keep the race going.",
        "比赛从第 0 步重新开始（之前在第 {step} 步）：{settings} 改变了，而所有参赛者共享数据、模型、损失和批次。"
        "修改某个参赛者自己的设置、添加或移除参赛者、增大预算（`steps`）都不会打断比赛。",
    ),
    "lab_events": Text("Events", "事件"),
    "lab_noise_clamped": Text(
        "The link's `noise` {value} is above the {dataset} dataset's maximum, {high}; the page uses {high}.",
        "链接中的 `noise` {value} 超过了数据集 {dataset} 的上限 {high}；本页改用 {high}。",
    ),
}
