"""The training engine's own words: refusals, statuses, notes and result columns, in English and Chinese.

Keys start with "trainer_"; core.messages.MSG merges them with the Training lab page's keys.
Catalog-specific texts (a dataset's title, an optimizer's summary, why a loss does not fit) live in their entries.
"""

from core.text import Text

MSG: dict[str, Text] = {
    # refusals of a configuration
    "trainer_unknown": Text(
        "Unknown {what} '{value}'; choose one of: {choices}.",
        "未知的 {what}“{value}”；请从以下选项中选择：{choices}。",
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
        "{optimizer} has no argument '{name}'; its arguments are: {names}.",
        "{optimizer} 没有参数“{name}”；它的参数有：{names}。",
    ),
    # racers that cannot run
    "trainer_sparse_only": Text(
        "SparseAdam cannot run here: it only takes sparse gradients (it updates just the embedding rows a batch "
        "touched), and this model's nn.Linear layers give dense ones. Pick the sparse 'clicks' dataset, whose "
        "nn.Embedding(sparse=True) gives sparse gradients, or use Adam.",
        "SparseAdam 无法在这里运行：它只接受稀疏梯度（只更新一个批次用到的嵌入行），而这个模型的 nn.Linear 层给出的是"
        "稠密梯度。请选择稀疏数据集“clicks”（它的 nn.Embedding(sparse=True) 给出稀疏梯度），或改用 Adam。",
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
        "The model has no parameter '{name}'; its parameters are: {names}.",
        "模型没有参数“{name}”；它的参数有：{names}。",
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
