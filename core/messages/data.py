"""The strings of the data page."""

from core.text import Text

MSG: dict[str, Text] = {
    "data_nav": Text("Data loading", "数据加载"),
    "data_title": Text("Data loading: Dataset and DataLoader", "数据加载：Dataset 与 DataLoader"),
    "data_intro": Text(
        "Make a small dataset, wrap it in `TensorDataset` or the guide's own `Dataset` class, and watch a real "
        "`DataLoader` cut it into batches: which samples land in which batch, how `shuffle` changes that from epoch "
        "to epoch, and what `drop_last` drops.",
        "生成一个小数据集，用 `TensorDataset` 或指南中自定义的 `Dataset` 类包装它，然后看真实的 `DataLoader` "
        "如何把它切成批次：哪些样本落在哪个批次、`shuffle` 如何让每个 epoch 的顺序不同、`drop_last` 又丢掉了什么。",
    ),
    # presets
    "data_preset_guide_example_1": Text(
        "Guide example 1: 10 samples × 5 features, batch_size=3, shuffle=True",
        "指南例 1：10 个样本 × 5 个特征，batch_size=3，shuffle=True",
    ),
    "data_preset_drop_last": Text("drop_last=True drops the short batch", "drop_last=True 丢弃不满的批次"),
    "data_preset_in_order": Text("shuffle=False: the same order every epoch", "shuffle=False：每个 epoch 顺序相同"),
    "data_preset_my_dataset": Text("A custom Dataset (the guide's MyDataset)", "自定义 Dataset（指南中的 MyDataset）"),
    "data_preset_size_mismatch": Text(
        "TensorDataset with labels of another N (error)", "TensorDataset 的 labels 样本数不同（报错）"
    ),
    "data_preset_my_dataset_mismatch": Text(
        "MyDataset with labels of another N (error mid-epoch)", "MyDataset 的 labels 样本数不同（epoch 中途报错）"
    ),
    "data_preset_nothing_left": Text(
        "batch_size > N with drop_last=True: no batch at all", "batch_size > N 且 drop_last=True：一个批次也没有"
    ),
    # controls
    "data_dataset_section": Text("Dataset", "数据集"),
    "data_loader_section": Text("DataLoader", "DataLoader"),
    "data_dataset_help": Text(
        "TensorDataset(*tensors) pairs up rows of tensors; MyDataset is the guide's subclass of Dataset.",
        "TensorDataset(*tensors) 把多个张量按行配对；MyDataset 是指南中继承 Dataset 的自定义类。",
    ),
    "data_N_help": Text("N: the number of samples (rows of features).", "N：样本数（features 的行数）。"),
    "data_F_help": Text("F: the number of features per sample.", "F：每个样本的特征数。"),
    "data_mismatch": Text("labels with a different N", "labels 的样本数与 N 不同"),
    "data_mismatch_help": Text(
        "Give labels one row fewer than features (one more when N is 1), to see what each dataset does with it.",
        "让 labels 比 features 少一行（N 为 1 时多一行），看看两种数据集分别如何处理。",
    ),
    "data_seed_help": Text(
        "seed of the torch.Generator that draws features (randn) and labels (randint).",
        "生成 features（randn）与 labels（randint）所用 torch.Generator 的种子。",
    ),
    "data_batch_size_help": Text("How many samples each batch holds.", "每个批次包含的样本数。"),
    "data_shuffle_help": Text(
        "Draw a new order of the samples at the start of every epoch.", "在每个 epoch 开始时重新打乱样本顺序。"
    ),
    "data_drop_last_help": Text(
        "Drop the last batch when it is short (N is not a multiple of batch_size).",
        "当最后一个批次不满（N 不是 batch_size 的整数倍）时丢弃它。",
    ),
    "data_generator_help": Text(
        "The DataLoader's generator = torch.Generator().manual_seed(this): it decides the shuffled order.",
        "DataLoader 的 generator = torch.Generator().manual_seed(此值)：它决定打乱后的顺序。",
    ),
    "data_epochs": Text("epochs to show", "显示的 epoch 数"),
    "data_epochs_help": Text(
        "How many times to iterate the same loader (each pass is one epoch).", "对同一个 loader 迭代几遍（每一遍是一个 epoch）。"
    ),
    # the dataset
    "data_tensors": Text(
        "`features` {features}, `labels` {labels}, drawn from `torch.Generator().manual_seed({seed})`.",
        "`features` {features}，`labels` {labels}，由 `torch.Generator().manual_seed({seed})` 生成。",
    ),
    "data_tensordataset_summary": Text(
        "`TensorDataset(features, labels, index)`: sample i is `(features[i], labels[i], index[i])`, so every tensor "
        "needs the same first dim N. `index = torch.arange(N)` rides along so each batch says which samples it holds.",
        "`TensorDataset(features, labels, index)`：第 i 个样本是 `(features[i], labels[i], index[i])`，因此每个张量的"
        "第一维都必须是 N。附带的 `index = torch.arange(N)` 让每个批次都能说明自己包含哪些样本。",
    ),
    "data_mydataset_summary": Text(
        "The guide's `MyDataset`: a subclass of `Dataset` with `__len__` (the size) and `__getitem__` (one sample). "
        "It also returns `idx`, so each batch says which samples it holds.",
        "指南中的 `MyDataset`：继承 `Dataset`，实现 `__len__`（数据集大小）和 `__getitem__`（返回一个样本）。"
        "这里它还返回 `idx`，让每个批次都能说明自己包含哪些样本。",
    ),
    "data_lengths": Text("`len(dataset)` = {dataset}, `len(loader)` = {loader}", "`len(dataset)` = {dataset}，`len(loader)` = {loader}"),
    # batches
    "data_grid_title": Text("Which samples each batch holds", "每个批次包含哪些样本"),
    "data_grid_caption": Text(
        "Rows are batches, columns are positions in the batch, cells are the indices of their samples in the order "
        "the DataLoader yielded them. "
        "A cell's colour is its sample index: a shuffled epoch looks scattered, an ordered one is a smooth gradient.",
        "每行是一个批次，每列是批次内的位置，格子里是该批次样本的索引，按 DataLoader 产出的顺序排列。"
        "格子的颜色对应样本索引："
        "打乱后的 epoch 看起来杂乱，按顺序的则是平滑的渐变。",
    ),
    "data_shuffle_on": Text(
        "`shuffle=True`: each epoch draws a new order from the loader's generator, so the epochs differ.",
        "`shuffle=True`：每个 epoch 都从 loader 的 generator 抽取新的顺序，所以各 epoch 不同。",
    ),
    "data_shuffle_off": Text(
        "`shuffle=False`: every epoch yields the samples in order 0..N-1, the same each time.",
        "`shuffle=False`：每个 epoch 都按 0..N-1 的顺序产出样本，每次都一样。",
    ),
    "data_short_batch": Text(
        "The last batch (outlined) holds only {size} of `batch_size={batch_size}` samples, because N={n} is not a "
        "multiple of {batch_size}. `drop_last=True` would drop it.",
        "最后一个批次（描边）只有 {size} 个样本，不满 `batch_size={batch_size}`，因为 N={n} 不是 {batch_size} 的"
        "整数倍。`drop_last=True` 会丢弃它。",
    ),
    "data_dropped": Text(
        "`drop_last=True` dropped the short last batch: {count} sample(s) per epoch (the grey row) never reach "
        "the model in that epoch. With shuffle on, which ones changes from epoch to epoch.",
        "`drop_last=True` 丢弃了最后一个不满的批次：每个 epoch 有 {count} 个样本（灰色的一行）在该 epoch 中不会"
        "被模型看到。打开 shuffle 时，被丢弃的样本每个 epoch 都不同。",
    ),
    "data_nothing_left": Text(
        "`batch_size={batch_size}` is more than the N={n} samples, so the only batch would be short, and "
        "`drop_last=True` drops it: the loader yields no batch at all (`len(loader)` = 0). "
        "Fix: a `batch_size` of at most {n}, or `drop_last=False`.",
        "`batch_size={batch_size}` 大于样本数 N={n}，唯一的批次不满，`drop_last=True` 把它丢掉了："
        "loader 一个批次也不产出（`len(loader)` = 0）。修改：让 `batch_size` 不超过 {n}，或设 `drop_last=False`。",
    ),
    "data_grid_epoch": Text("epoch {epoch}: position in batch", "epoch {epoch}：批次内位置"),
    "data_grid_panel": Text("epoch {epoch}", "epoch {epoch}"),  # short: three panels share a phone's width
    "data_grid_batch": Text("batch {batch}", "批次 {batch}"),
    "data_grid_dropped": Text("dropped", "被丢弃"),
    "data_grid_short": Text("short", "不满"),
    "data_grid_sample": Text("sample", "样本"),
    "data_shapes_title": Text("The shape of every batch (epoch 0)", "每个批次的形状（epoch 0）"),
    "data_col_batch": Text("batch", "批次"),
    "data_col_indices": Text("sample indices", "样本索引"),
    "data_col_note": Text("note", "说明"),
    "data_note_short": Text("short: drop_last=True drops it", "不满：drop_last=True 会丢弃"),
    "data_note_dropped": Text("dropped by drop_last=True", "被 drop_last=True 丢弃"),
    # errors
    "data_size_mismatch": Text(
        "`TensorDataset` needs every tensor to have the same first dim (one row per sample), but `features` is "
        "{features}, `labels` is {labels} and `index` is {index}. Fix: give `labels` {n} rows (switch off "
        "\"labels with a different N\"), or cut every tensor to one length, e.g. `features[:{m}]`, `index[:{m}]`.",
        "`TensorDataset` 要求每个张量的第一维相同（每行一个样本），但 `features` 是 {features}，`labels` 是 {labels}，"
        "`index` 是 {index}。修改：让 `labels` 有 {n} 行（关闭“labels 的样本数与 N 不同”），或把所有张量截成同样长度，"
        "例如 `features[:{m}]`、`index[:{m}]`。",
    ),
    "data_index_error": Text(
        "Epoch {epoch}, batch {batch}: `MyDataset.__len__` returns `len(features)` = {n}, so the sampler asks for "
        "indices 0..{last}, but `labels` is {labels}: it has only {m} rows. `MyDataset` checks nothing in `__init__`, "
        "so the mismatch showed only when a missing index came up, after {batch} batch(es) had loaded fine "
        "(`features` is {features}). Fix: give `labels` {n} rows, or check `len(features) == len(labels)` in `__init__`.",
        "第 {epoch} 个 epoch 的第 {batch} 个批次：`MyDataset.__len__` 返回 `len(features)` = {n}，所以采样器会请求"
        "索引 0..{last}，但 `labels` 是 {labels}，只有 {m} 行。`MyDataset` 在 `__init__` 中不做任何检查，所以直到"
        "请求到缺失的索引才出错，此前已有 {batch} 个批次正常加载（`features` 是 {features}）。"
        "修改：让 `labels` 有 {n} 行，或在 `__init__` 中检查 `len(features) == len(labels)`。",
    ),
    "data_silent_mismatch": Text(
        "`features` {features} and `labels` {labels} disagree, yet nothing failed: `MyDataset` never checks the "
        "sizes, and no batch asked for a label that is missing. The data is still wrong: give both N rows.",
        "`features` {features} 与 `labels` {labels} 的样本数不一致，却没有报错：`MyDataset` 从不检查大小，"
        "而这次没有批次请求到缺失的标签。数据仍然是错的：让两者都有 N 行。",
    ),
    "data_other_error": Text(
        "Epoch {epoch}, batch {batch}: torch raised {type}. Shapes: {shapes}.",
        "第 {epoch} 个 epoch 的第 {batch} 个批次：torch 抛出了 {type}。形状：{shapes}。",
    ),
    # variable-length sequences
    "data_seq_title": Text("Variable-length sequences and `collate_fn`", "变长序列与 `collate_fn`"),
    "data_seq_intro": Text(
        "The DataLoader hands each batch (a list of samples) to `collate_fn`. The default one joins the samples "
        "with `torch.stack`, which needs equal shapes; the guide's `collate_fn` first pads every sequence with zeros "
        "to the batch's longest. Here {count} sequences of lengths {lengths}, loaded in order with "
        "`batch_size={batch_size}`.",
        "DataLoader 把每个批次（一个样本列表）交给 `collate_fn`。默认的 collate_fn 用 `torch.stack` 拼接样本，"
        "要求形状相同；指南中的 `collate_fn` 先把每个序列用 0 填充到该批次中最长的长度。这里有 {count} 个序列，"
        "长度为 {lengths}，按顺序加载，`batch_size={batch_size}`。",
    ),
    "data_sequences": Text("sequences", "序列个数"),
    "data_sequences_help": Text("How many variable-length sequences.", "变长序列的个数。"),
    "data_max_len_help": Text(
        "max_len: each sequence's length is drawn from 1..max_len.", "max_len：每个序列的长度从 1..max_len 中随机抽取。"
    ),
    "data_seq_padded": Text("`collate_fn=collate_fn`: padded", "`collate_fn=collate_fn`：填充后"),
    "data_seq_batch": Text("inputs, batch {batch}", "inputs，批次 {batch}"),
    "data_seq_padded_caption": Text(
        "Outlined cells are padding: zeros added after the end of a shorter sequence. `targets` = {targets}",
        "描边的格子是填充：在较短序列末尾补上的 0。`targets` = {targets}",
    ),
    "data_seq_default": Text("the default `collate_fn`", "默认的 `collate_fn`"),
    "data_default_collate_error": Text(
        "The default `collate_fn` joins a batch's samples with `torch.stack`, which needs equal shapes, but batch "
        "{batch} holds sequences of shapes {shapes}. Fix: pass `collate_fn=collate_fn` (it pads to the batch's "
        "longest, as on the left), or pad every sequence to one length in the dataset.",
        "默认的 `collate_fn` 用 `torch.stack` 拼接一个批次的样本，要求形状相同，但批次 {batch} 中序列的形状是 "
        "{shapes}。修改：传入 `collate_fn=collate_fn`（把序列填充到批次中最长的长度，如左侧所示），"
        "或在数据集中把所有序列填充到同一长度。",
    ),
    "data_default_collate_ok": Text(
        "The default `collate_fn` works here: every batch's sequences happen to have one length, so `torch.stack` "
        "can join them (batch shapes: {shapes}). Change seed, max_len or batch_size to see it fail.",
        "默认的 `collate_fn` 在这里可以工作：每个批次中的序列恰好等长，`torch.stack` 能拼接它们（批次形状：{shapes}）。"
        "修改 seed、max_len 或 batch_size 可以看到它失败。",
    ),
    "data_seq_code": Text("Code for the sequences", "变长序列部分的代码"),
    # loading in parallel
    "data_workers_title": Text(
        "Loading in parallel: num_workers, pin_memory, timeout, worker_init_fn",
        "并行加载：num_workers、pin_memory、timeout、worker_init_fn",
    ),
    "data_workers_text": Text(
        "This page loads every batch in the main process (`num_workers=0`, the default). In a real training run:\n\n"
        "- `num_workers` (int, default 0): how many subprocesses load batches in parallel, so the next batches are "
        "ready while the model trains on this one. A common start is the number of CPU cores; each worker holds a "
        "copy of the dataset.\n"
        "- `pin_memory` (bool, default False): put each batch in page-locked (pinned) memory, which speeds up the copy "
        "to a GPU (`.to('cuda', non_blocking=True)`). It does nothing useful without a GPU.\n"
        "- `timeout` (number, default 0): how many seconds to wait for a batch from a worker before raising an error; "
        "0 waits forever. It needs `num_workers > 0`: with 0 workers torch insists on `timeout=0`.\n"
        "- `worker_init_fn` (callable, default None): called in every worker process as it starts, with its worker id; "
        "used e.g. to seed each worker's own random numbers (NumPy, `random`) so workers do not repeat each other. "
        "With `num_workers=0` it is never called.\n\n"
        "The order of the samples does not depend on these: it comes from the sampler (`shuffle` and `generator`), "
        "in the main process.",
        "本页面在主进程中加载所有批次（`num_workers=0`，即默认值）。在实际训练中：\n\n"
        "- `num_workers`（int，默认 0）：并行加载批次的子进程数，模型在训练当前批次时，后续批次已经在准备。"
        "常见的起点是 CPU 核心数；每个 worker 都持有一份数据集的副本。\n"
        "- `pin_memory`（bool，默认 False）：把每个批次放入页锁定（pinned）内存，加快向 GPU 的拷贝"
        "（`.to('cuda', non_blocking=True)`）。没有 GPU 时没有实际作用。\n"
        "- `timeout`（数值，默认 0）：等待 worker 产出一个批次的最长秒数，超时则报错；0 表示一直等待。"
        "需要 `num_workers > 0`：没有 worker 时 torch 要求 `timeout=0`。\n"
        "- `worker_init_fn`（可调用对象，默认 None）：每个 worker 进程启动时调用，参数是 worker 的编号；"
        "常用于给每个 worker 自己的随机数（NumPy、`random`）设置种子，避免各 worker 产生重复的随机数。"
        "`num_workers=0` 时它不会被调用。\n\n"
        "样本的顺序与这些参数无关：它由主进程中的采样器（`shuffle` 和 `generator`）决定。",
    ),
}
