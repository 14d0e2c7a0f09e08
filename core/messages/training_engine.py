"""The training engine's own words: refusals, statuses, notes and result columns, in English and Chinese.

Keys start with "trainer_"; core.messages.MSG merges them with the Training lab page's keys.
Catalog-specific texts (a dataset's title, an optimizer's summary, why a loss does not fit) live in their entries.
"""

from core.text import Text

MSG: dict[str, Text] = {
    # refusals of a configuration
    "trainer_unknown": Text(
        "Unknown {what} {value}; choose one of: {choices}.",
        "未知的 {what} {value}；请从以下选项中选择：{choices}。",
    ),
    "trainer_out_of_range": Text(
        "{name} = {value} is outside {low}..{high}; pick a value in that range (the cap keeps each run quick).",
        "{name} = {value} 超出了范围 {low}..{high}；请在此范围内取值（上限是为了让每次运行都很快）。",
    ),
    "trainer_no_racers": Text(
        "No racer: add at least one optimizer to the race.", "没有参赛者：请至少添加一个优化器。"
    ),
    "trainer_loss_unfit": Text(
        "{loss} does not fit this dataset ({task}): {why} Try {suggest}.",
        "{loss} 不适合这个数据集（{task}）：{why} 可以试试 {suggest}。",
    ),
    "trainer_unknown_hyper": Text(
        "{optimizer} has no argument {name}; its arguments are: {names}.",
        "{optimizer} 没有参数 {name}；它的参数有：{names}。",
    ),
    "trainer_too_many_iterations": Text(
        "The LBFGS racers ask for {iterations} iterations per step together (their max_iter added up; each "
        "iteration evaluates the model at least once); the cap is {high}, so that every step stays quick. Lower "
        "max_iter or race fewer LBFGS.",
        "这些 LBFGS 参赛者每一步合计要求 {iterations} 次迭代（它们的 max_iter 之和；每次迭代至少计算一次模型）；"
        "上限是 {high}，以保证每一步都很快。请调小 max_iter 或减少 LBFGS 参赛者。",
    ),
    "trainer_script_same": Text(
        "Computed, not retold: this racer ran on the plain path, the script's own loop, with the same settings "
        "throughout, so these are the numbers the script prints.",
        "这是计算出来的，不是转述：这个参赛者走的是普通路径，也就是脚本自己的循环，且设置从未改变，"
        "所以这正是脚本打印的数字。",
    ),
    "trainer_script_drift": Text(
        "Computed, not retold: the script's own loop was run here to print this. The race ran this racer on the "
        "fast path (one batched forward and backward for all fast racers, whose sums add in another order), so its "
        "batch losses drift from the script's: at most {drift} apart over {steps} steps; {lines} of these {total} "
        "lines differ from what the race's numbers would print.",
        "这是计算出来的，不是转述：为了打印这些内容，这里实际运行了脚本自己的循环。比赛让这个参赛者走快速路径"
        "（所有快速参赛者共用一次批量的前向和反向传播，求和顺序不同），所以它的批次损失与脚本的略有偏差："
        "{steps} 步中最多相差 {drift}；这 {total} 行中有 {lines} 行与用比赛数字打印出的不同。",
    ),
    "trainer_script_changed": Text(
        "Computed, not retold: the script's own loop was run here to print this. Settings changed during the race "
        "({changes}), and the script uses the last ones from step 1, so it trains another run: its batch losses "
        "are at most {drift} apart from the race's over {steps} steps; {lines} of these {total} lines differ from "
        "what the race's numbers would print.",
        "这是计算出来的，不是转述：为了打印这些内容，这里实际运行了脚本自己的循环。比赛中设置改变过（{changes}），"
        "而脚本从第 1 步起就使用最后的设置，所以它训练的是另一次运行：{steps} 步中它的批次损失与比赛"
        "最多相差 {drift}；这 {total} 行中有 {lines} 行与用比赛数字打印出的不同。",
    ),
    "trainer_script_change_at": Text("from step {step}: {what}", "第 {step} 步起：{what}"),
    "trainer_script_changed_comment": Text(
        "In the race, settings changed mid-run ({changes}); this script uses the last ones from step 1.",
        "比赛中途改过设置（{changes}）；本脚本从第 1 步起就使用最后的设置。",
    ),
    "trainer_script_running": Text(
        "Running the script's own loop to show what it prints: step {step} of {steps}.",
        "正在运行脚本自己的循环，以显示它打印的内容：第 {step} / {steps} 步。",
    ),
    "trainer_repeated_hyper": Text(
        "{optimizer} is given {name} twice; give each argument once.",
        "{optimizer} 的参数 {name} 出现了两次；每个参数只能给一次。",
    ),
    # racers that cannot run
    "trainer_sparse_only": Text(
        "SparseAdam cannot run here: it only takes sparse gradients (it updates just the embedding rows a batch "
        "touched), and this model's nn.Linear layers give dense ones. Pick the sparse 'clicks' dataset, whose "
        "nn.Embedding(sparse=True) gives sparse gradients, or use Adam.",
        "SparseAdam 无法在这里运行：它只接受稀疏梯度（只更新一个批次用到的嵌入行），而这个模型的 nn.Linear 层给出的是"
        "稠密梯度。请选择稀疏数据集“clicks”（它的 nn.Embedding(sparse=True) 给出稀疏梯度），或改用 Adam。",
    ),
    "trainer_matrices_only": Text(
        "{optimizer} cannot run here: torch.optim.{optimizer} takes only 2-d parameters (weight matrices), and this "
        "model also has {params}. Pick the 'clicks' dataset, whose only parameter is the nn.Embedding weight matrix.",
        "{optimizer} 无法在这里运行：torch.optim.{optimizer} 只接受二维参数（权重矩阵），而这个模型还有 {params}。"
        "请选择数据集“clicks”，它唯一的参数是 nn.Embedding 的权重矩阵。",
    ),
    "trainer_torch_refused": Text(
        "torch.optim.{optimizer} refused these settings: {error}. Change the value it names.",
        "torch.optim.{optimizer} 拒绝了这些设置：{error}。请修改其中提到的值。",
    ),
    "trainer_own_refused": Text(
        "{optimizer} refused these settings: {error}. Change the value it names.",
        "{optimizer} 拒绝了这些设置：{error}。请修改其中提到的值。",
    ),
    # statuses
    "trainer_status_running": Text("running", "运行中"),
    "trainer_status_finished": Text("finished", "已完成"),
    "trainer_status_diverged": Text("diverged", "发散"),
    "trainer_status_cannot_run": Text("cannot run", "无法运行"),
    "trainer_diverged": Text(
        "{racer} diverged at step {step}: the training loss became {value}, so it stopped. Try a smaller {lr}.",
        "{racer} 在第 {step} 步发散：训练损失变成了 {value}，因此停止。请试试更小的 {lr}。",
    ),
    # editing the race under way
    "trainer_change_new_optimizer": Text("{what}, new optimizer", "{what}，新建优化器"),
    "trainer_changed_mid_race": Text(
        "{racer}: {what} from step {step} on; the race goes on.",
        "{racer}：从第 {step} 步起 {what}；比赛继续进行。",
    ),
    "trainer_new_optimizer_why": Text(
        "torch reads {names} only when it creates an optimizer's state, so this racer got a new optimizer over its "
        "current weights (its state, such as running averages, starts over).",
        "torch 只在创建优化器状态时读取 {names}，所以这个参赛者在当前权重上换了一个新的优化器"
        "（它的状态，例如滑动平均，从头开始）。",
    ),
    "trainer_joined": Text(
        "{racer} joined at step {step}: it ran those {step} steps from the race's initial weights on the same "
        "batches, so it stands where it would had it raced from the start.",
        "{racer} 在第 {step} 步加入：它从比赛的初始权重出发、在相同的批次上补跑了这 {step} 步，"
        "所以它现在的位置和从头参赛时一样。",
    ),
    "trainer_cannot_catch_up": Text(
        "{racer} cannot join at step {step}: catching up would take up to {passes} forward and backward passes, "
        "over the cap of {high} that keeps the page quick. Press Reset to race it from the start.",
        "{racer} 无法在第 {step} 步加入：补跑最多需要 {passes} 次前向和反向传播，超过了保证页面流畅的上限 {high}。"
        "按“重置”让它从头参赛。",
    ),
    # which path a racer takes
    "trainer_path_fast": Text(
        "fast path: one forward and backward pass for all fast racers together",
        "快速路径：所有快速参赛者共用一次前向和反向传播",
    ),
    "trainer_path_plain_closure": Text(
        "plain path: LBFGS calls its closure several times per step, so it trains its own model on its own",
        "普通路径：LBFGS 每一步会多次调用 closure，因此单独训练自己的模型",
    ),
    "trainer_path_plain_sparse": Text(
        "plain path: the sparse task's nn.Embedding model trains on its own",
        "普通路径：稀疏任务的 nn.Embedding 模型单独训练",
    ),
    "trainer_path_plain": Text("plain path: trains its own model on its own", "普通路径：单独训练自己的模型"),
    "trainer_dense_embedding": Text(
        "{optimizer} does not take sparse gradients, so its copy of the model uses nn.Embedding(sparse=False): the "
        "same numbers, as a dense gradient.",
        "{optimizer} 不接受稀疏梯度，因此它的模型副本使用 nn.Embedding(sparse=False)：数值相同，只是梯度是稠密的。",
    ),
    # pictures
    "trainer_no_grid": Text(
        "The decision boundary needs 2-d inputs; the {dataset} dataset has {features} input feature(s).",
        "决策边界需要二维输入；数据集 {dataset} 有 {features} 个输入特征。",
    ),
    "trainer_no_curve": Text(
        "The prediction curve needs 1-d inputs; the {dataset} dataset has {features} input feature(s).",
        "预测曲线需要一维输入；数据集 {dataset} 有 {features} 个输入特征。",
    ),
    "trainer_no_param": Text(
        "The model has no parameter {name}; its parameters are: {names}.",
        "模型没有参数 {name}；它的参数有：{names}。",
    ),
    # the results table
    "trainer_col_racer": Text("racer", "参赛者"),
    "trainer_col_optimizer": Text("optimizer", "优化器"),
    "trainer_col_status": Text("status", "状态"),
    "trainer_col_steps": Text("steps", "步数"),
    "trainer_col_train_loss": Text("train loss", "训练损失"),
    "trainer_col_train_accuracy": Text("train accuracy", "训练准确率"),
    "trainer_col_test_loss": Text("test loss", "测试损失"),
    "trainer_col_test_accuracy": Text("test accuracy", "测试准确率"),
    "trainer_col_function_evals": Text("function evaluations", "函数求值次数"),
    "trainer_col_time": Text("time (s)", "时间（秒）"),
    "trainer_col_path": Text("path", "路径"),
    "trainer_path_fast_short": Text("fast", "快速"),
    "trainer_path_plain_short": Text("plain", "普通"),
    # tasks
    "trainer_task_binary": Text("binary classification", "二分类"),
    "trainer_task_multiclass": Text("3-class classification", "三分类"),
    "trainer_task_regression": Text("1-d regression", "一维回归"),
    "trainer_task_sparse": Text("binary classification from categorical ids", "基于类别 id 的二分类"),
}
