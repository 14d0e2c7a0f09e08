"""The strings of the app chrome, the home page and the Tensor ops page.

Op-specific texts (an op's summary, its presets' titles, its shape rule) live in its catalog entry, also as `Text`.
"""

from core.text import Text

MSG: dict[str, Text] = {
    # app and navigation
    "app_title": Text("Tensor Playground", "张量游乐场"),
    "dims_merged": Text(
        "Input dims {ins} ({sizes_in} = {total}) merge into result dim {outs}.",
        "输入的第 {ins} 维（{sizes_in} = {total}）合并为结果的第 {outs} 维。",
    ),
    "dims_split": Text(
        "Input dim {ins} ({total}) splits into result dims {outs} ({sizes_out}).",
        "输入的第 {ins} 维（{total}）拆分为结果的第 {outs} 维（{sizes_out}）。",
    ),
    "dims_relaid": Text(
        "Input dims {ins} ({sizes_in}) are read out in order and laid out again as result dims {outs} ({sizes_out}): "
        "no result dim among them is one of the input dims.",
        "输入的第 {ins} 维（{sizes_in}）按顺序读出，再重新排成结果的第 {outs} 维（{sizes_out}）：其中没有哪一个结果维度"
        "对应某一个输入维度。",
    ),
    "sample_normal": Text(
        "Draws: {n}. Sample mean {mean}, sample std {std} (the distribution's are 0 and 1). A few draws give a ragged "
        "histogram; the more draws, the closer it hugs the curve (try the (16, 16) example).",
        "样本数：{n}。样本均值 {mean}，样本标准差 {std}（分布本身的均值和标准差为 0 和 1）。样本很少时直方图参差不齐；"
        "样本越多，它越贴近曲线（试试 (16, 16) 的例子）。",
    ),
    "sample_integers": Text(
        "Draws: {n}, over {kinds} values. Each value is expected {expected} times (the dashed line); a few draws "
        "stray far from it.",
        "抽取次数：{n}，取值共 {kinds} 种。每个取值的期望次数为 {expected}（虚线）；样本少时会明显偏离。",
    ),
    "colon": Text(":", "："),  # after a label: Chinese text takes the full-width colon
    "chart_value": Text("value", "取值"),  # histogram axes
    "chart_density": Text("density", "概率密度"),
    "chart_count": Text("count", "次数"),
    "chart_uniform": Text("uniform", "均匀分布"),
    "dim_note_part": Text("⊂ input {dims}", "⊂ input 第 {dims} 维"),  # an axis note: a part of a split input dim
    "dim_note_merged": Text("= input {dims}", "= input 第 {dims} 维"),  # an axis note: input dims merged
    "dims_colours": Text(
        "Axis colours follow the dims: input dim d and the result dims made from it share a colour.",
        "坐标轴的颜色跟随维度：输入的第 d 维与由它得到的结果维度颜色相同。",
    ),
    "nav_home": Text("Home", "首页"),
    "nav_ops": Text("Tensor ops", "张量运算"),
    "language": Text("Language", "语言"),
    "home_intro": Text(
        "Learn PyTorch by touching it. Edit a tensor, pick an operation and its arguments, and watch what changes: "
        "every value on screen is computed by torch itself, and every state comes with the code that reproduces it "
        "and a link that reopens it.",
        "动手学 PyTorch。编辑一个张量，选择运算和参数，看看发生了什么：屏幕上的每个数值都由 torch 亲自算出，"
        "每个状态都附有复现它的代码和一个可以重新打开它的链接。",
    ),
    "home_guide": Text(
        "Built from a Chinese-language guide to common PyTorch functions; its examples are the presets.",
        "本应用基于一份 PyTorch 常用函数总结；其中的示例就是各页面的预设。",
    ),
    "home_ops_card": Text(
        "Sum, gather, cat, stack, mm, matmul, mul and more: edit the inputs in grids, choose `dim` and `keepdim`, "
        "see before and after as heatmaps with their shapes, the shape rule in words, and the exact code.",
        "sum、gather、cat、stack、mm、matmul、mul 等：在表格里编辑输入，选择 `dim` 和 `keepdim`，"
        "用热力图对比运算前后的张量和形状，并查看形状规则说明与完整代码。",
    ),
    "home_data_card": Text(
        "TensorDataset, a custom Dataset and DataLoader: see which samples land in which batch, how shuffle changes "
        "it each epoch, what drop_last removes, and how a padding collate_fn batches sequences of different lengths.",
        "TensorDataset、自定义 Dataset 与 DataLoader：看哪些样本进了哪个批次、shuffle 如何让每个 epoch 不同、"
        "drop_last 去掉了什么，以及用于填充的 collate_fn 如何把不等长序列组成批次。",
    ),
    "open_page": Text("Open", "打开"),
    # ops page
    "ops_title": Text("Tensor ops", "张量运算"),
    "op": Text("Operation", "运算"),
    "preset": Text("Example", "示例"),
    "preset_custom": Text("(your edits)", "（你的修改）"),
    "inputs": Text("Inputs", "输入"),
    "arguments": Text("Arguments", "参数"),
    "before": Text("Before", "运算前"),
    "after": Text("After", "运算后"),
    "shape_rule": Text("Shape rule", "形状规则"),
    "code": Text("Code that reproduces this", "复现此结果的代码"),
    "printed": Text("What it prints", "运行输出"),
    "copy_link": Text("Link to this state", "本状态的链接"),
    "copy_link_help": Text(
        "Copy this link (the icon at the right of the box) to share exactly what is on screen.",
        "复制此链接（框右侧的图标）即可分享屏幕上的完整状态。",
    ),
    "result": Text("result", "结果"),
    "click_cell": Text(
        "Click a cell of the result to light up the input cells it comes from (hover shows them too).",
        "点击结果中的一个格子，会高亮它来自的输入格子（鼠标悬停也会显示）。",
    ),
    "hover_capped": Text(
        "The hover lists the sources of the first {cap} cells only; a click finds any cell's.",
        "鼠标悬停只列出前 {cap} 个格子的来源；点击可查看任意格子的来源。",
    ),
    "sources_of": Text("{cell} comes from: {sources}", "{cell} 来自：{sources}"),
    "no_sources": Text("{cell} depends on no input cell.", "{cell} 不依赖任何输入格子。"),
    "sources_untraced": Text(
        "{cell}: autograd cannot follow this op (its result carries no gradient), so its sources are not shown.",
        "{cell}：autograd 无法追踪这个运算（它的结果不带梯度），因此不显示它来自哪些格子。",
    ),
    "clear_selection": Text("Clear the selection", "清除选择"),
    "dtype": Text("dtype", "数据类型"),
    "ndim": Text("dims", "维数"),
    "size_of_dim": Text("size of dim {dim}", "第 {dim} 维大小"),
    "tensor_count": Text("number of tensors", "张量个数"),
    "shape_controls_help": Text(
        "The shape: click to change the number of dims and each dim's size.", "形状：点击可修改维数和每一维的大小。"
    ),
    "tensor_n": Text("{name}[{i}]", "{name}[{i}]"),
    "slice_label": Text("{name}[{i}] (slice {i} along dim 0)", "{name}[{i}]（沿第 0 维的第 {i} 片）"),
    "none_option": Text("None (all dims)", "None（全部维度）"),
    "dim_help": Text(
        "The dim to work along. For a tensor with n dims it ranges over -n..n-1; negative dims count from the end.",
        "运算所沿的维度。对 n 维张量，取值范围是 -n..n-1；负数从末尾数起。",
    ),
    "new_dim_help": Text(
        "Where the new dim is inserted. For inputs with n dims it ranges over -(n+1)..n.",
        "新维度插入的位置。对 n 维输入，取值范围是 -(n+1)..n。",
    ),
    "keepdim_help": Text(
        "Keep the reduced dim with size 1 instead of removing it.", "保留被归约的维度（大小变为 1），而不是删除它。"
    ),
    "size_help": Text("The shape of the new tensor, one size per dim.", "新张量的形状，每一维一个大小。"),
    "shape_help": Text(
        "The target shape, sizes separated by commas, e.g. 2, -1 (one -1 is worked out from the element count).",
        "目标形状，用逗号分隔各维大小，例如 2, -1（一个 -1 会根据元素个数自动推算）。",
    ),
    "dims_help": Text("The new order of the dims, e.g. 2, 0, 1.", "维度的新顺序，例如 2, 0, 1。"),
    "repeats_help": Text("How many times to repeat along each dim, e.g. 2, 3.", "沿每一维重复的次数，例如 2, 3。"),
    "diagonal_help": Text(
        "Which diagonal: 0 is the main one, positive ones lie above it, negative ones below.",
        "哪一条对角线：0 为主对角线，正数在其上方，负数在其下方。",
    ),
    "clamp_min_help": Text("The lower bound; untick to leave it out (None).", "下界；取消勾选表示不设下界（None）。"),
    "clamp_max_help": Text("The upper bound; untick to leave it out (None).", "上界；取消勾选表示不设上界（None）。"),
    "value_help": Text("A number.", "一个数。"),
    "num_classes_help": Text("How many classes (the length of each one-hot row).", "类别数（每个 one-hot 行的长度）。"),
    "k_help": Text("How many of the largest values to keep.", "保留最大的几个值。"),
    "seed_help": Text(
        "The seed of the random generator: the same seed gives the same numbers.", "随机数生成器的种子：相同的种子得到相同的数。"
    ),
    "n_help": Text("The number of rows.", "行数。"),
    "m_help": Text("The number of columns.", "列数。"),
    "k_offset_help": Text(
        "The diagonal's offset: positive moves it up and right, negative down and left.",
        "对角线的偏移：正数向右上移动，负数向左下移动。",
    ),
    "steps_help": Text("How many points, both ends included.", "点的个数（包含两端）。"),
    "low_help": Text("The smallest value that can come out (included).", "可能出现的最小值（包含）。"),
    "high_help": Text("One past the largest value that can come out (excluded).", "上界（不包含）。"),
    "split_help": Text("The size of each piece (the last may be smaller).", "每段的大小（最后一段可能更小）。"),
    "chunks_help": Text("How many pieces to cut into (at most).", "切成几块（至多）。"),
    "equation_help": Text(
        "Letters name dims, a comma separates operands, '->' introduces the output, '...' stands for leading dims.",
        "字母代表维度，逗号分隔各操作数，'->' 后面是输出，'...' 代表前面的若干维。",
    ),
    "sweep_toggle": Text("Sweep every dim", "遍历每一个 dim"),
    "sweep_help": Text(
        "Runs the op once for every valid dim (and keepdim off / on) and shows the results side by side.",
        "对每一个合法的 dim（以及 keepdim 的开 / 关）各运行一次，并排显示结果。",
    ),
    "start_help": Text("Where the slice begins along dim (negative counts from the end).", "切片沿 dim 的起点（负数从末尾数起）。"),
    "length_help": Text("How many elements the slice keeps.", "切片保留的元素个数。"),
    "working_dim": Text("working dim", "运算维度"),
    # grid validation
    "cell_empty": Text("{cell} is empty: type a number.", "{cell} 为空：请输入一个数。"),
    "cell_not_number": Text("{cell} = {text} is not a number.", "{cell} = {text} 不是数字。"),
    "cell_not_bool": Text(
        "{cell} = {text} is not a bool: type True or False (or 1 / 0).",
        "{cell} = {text} 不是布尔值：请输入 True 或 False（或 1 / 0）。",
    ),
    "cell_nan": Text(
        "{cell} is NaN: the playground needs finite numbers here.", "{cell} 是 NaN：这里需要有限的数值。"
    ),
    "cell_inf": Text(
        "{cell} = {text} is infinite: the playground needs finite numbers here.",
        "{cell} = {text} 是无穷大：这里需要有限的数值。",
    ),
    "cell_not_integer": Text(
        "{cell} = {text} is not a whole number, and this grid is int64.",
        "{cell} = {text} 不是整数，而这个表格的类型是 int64。",
    ),
    "cell_int_overflow": Text(
        "{cell} = {text} does not fit in int64 (-2^63 .. 2^63-1).",
        "{cell} = {text} 超出了 int64 的范围（-2^63 .. 2^63-1）。",
    ),
    "cell_float32_overflow": Text(
        "{cell} = {text} is too large for float32 (max about 3.4e38): choose float64 or a smaller number.",
        "{cell} = {text} 超出了 float32 的范围（最大约 3.4e38）：请改用 float64 或更小的数。",
    ),
    "grid_has_errors": Text(
        "`{name}` has cells that are not valid {dtype} values; fix them to see the result:",
        "`{name}` 中有不是合法 {dtype} 值的格子；修正后才能看到结果：",
    ),
    "too_many_dims": Text(
        "{ndim} dims is more than the playground draws (at most {max}).",
        "{ndim} 维超出了游乐场能显示的范围（最多 {max} 维）。",
    ),
    "empty_dim": Text("Shape {shape} has a dim of size 0; every dim needs at least 1.", "形状 {shape} 中有大小为 0 的维度；每一维至少为 1。"),
    "dim_too_big": Text(
        "Shape {shape} has a dim larger than {max}, the playground's cap per dim.",
        "形状 {shape} 中有维度超过了每维 {max} 的上限。",
    ),
    "too_many_elements": Text(
        "Shape {shape} has more than {max} elements, the playground's cap per tensor.",
        "形状 {shape} 的元素个数超过了每个张量 {max} 个的上限。",
    ),
    "not_ints": Text(
        "{text} is not a list of whole numbers: type them separated by commas, e.g. 2, -1",
        "{text} 不是整数列表：请用逗号分隔输入，例如 2, -1",
    ),
    # size caps: a request too big to answer at once is refused before torch allocates anything
    "ints_too_large": Text(
        "{text} is over the playground's caps: at most {count} numbers, each within -{max}..{max}.",
        "{text} 超出了游乐场的上限：最多 {count} 个数，每个都在 -{max}..{max} 之间。",
    ),
    "result_too_large": Text(
        "The result would be {shape}: {elements} elements, more than the playground's cap of {max} elements per "
        "result, so torch was not asked to make it.",
        "结果将是 {shape}：共 {elements} 个元素，超过了游乐场每个结果 {max} 个元素的上限，因此没有让 torch 生成它。",
    ),
    "fix_result_too_large": Text(
        "make {names} smaller, so that the result has at most {max} elements.",
        "把 {names} 改小，使结果最多有 {max} 个元素。",
    ),
    "sweep_budget": Text(
        "torch gives {shape} here; not drawn: the sweep draws at most {max} elements in all.",
        "torch 在这里得到 {shape}；未绘制：遍历最多共绘制 {max} 个元素。",
    ),
    "literal_too_deep": Text(
        "{value} nests lists more than {max} deep", "{value} 的列表嵌套超过了 {max} 层"
    ),
    "alias_view": Text(
        "`{result}` is a view of `{input}`: it shares `{input}`'s memory, so no data was copied and writing into one "
        "changes the other. `{result}.is_contiguous()` = {contiguous}, `{result}.stride()` = {stride}.",
        "`{result}` 是 `{input}` 的视图（view）：两者共享同一块内存，没有复制数据，修改其中一个会改变另一个。"
        "`{result}.is_contiguous()` = {contiguous}，`{result}.stride()` = {stride}。",
    ),
    "alias_same": Text(
        "`{result}` is `{input}` itself (same memory, same shape): the call wrote into `{input}` in place.",
        "`{result}` 就是 `{input}` 本身（同一块内存、同样的形状）：这次调用原地修改了 `{input}`。",
    ),
    "write_through_toggle": Text(
        "Write 100 into the result's first element, and look at the input", "把 100 写入结果的第一个元素，再看输入"
    ),
    "write_through_done": Text(
        "After `result[{index}] = 100` on a fresh copy, the input reads (changed cells outlined):",
        "在新副本上执行 `result[{index}] = 100` 之后，输入变成了（变化的格子已圈出）：",
    ),
    "input_after": Text("`{name}` after the call", "调用之后的 `{name}`"),
    "number_result": Text("result is a Python {type}", "result 是一个 Python {type}"),
    "empty_tensor": Text(
        "`{name}` is empty: its shape {shape} has a 0 in it, so it holds no elements and there is nothing to draw.",
        "`{name}` 是空张量：形状 {shape} 中有 0，没有任何元素，所以没有格子可画。",
    ),
    "panels_left_out": Text(
        "`{name}` makes {total} 2-d panels; only the first {shown} are drawn. Every value is in \"What it prints\" below.",
        "`{name}` 共有 {total} 个二维面板，这里只画出前 {shown} 个。所有的值都在下面的“运行输出”里。",
    ),
    "not_deterministic": Text(
        "torch.empty does not initialise memory: these values are whatever the memory held, and change from run to run.",
        "torch.empty 不初始化内存：这些值只是内存中原有的内容，每次运行都可能不同。",
    ),
    # URL state
    "url_bad_param": Text(
        "The link's `{param}` could not be used ({why}); showing the example's value instead.",
        "链接中的 `{param}` 无法使用（{why}）；已改用示例中的值。",
    ),
    "url_unknown_op": Text("unknown op {value}", "未知运算 {value}"),
    "url_not_literal": Text(
        "{value} is not a nested list of numbers", "{value} 不是由数字组成的嵌套列表"
    ),
    "url_unused_param": Text(
        "The link's {param} is not used on this page with these settings, so it was ignored.",
        "链接中的 {param} 在本页当前的设置下不起作用，已忽略。",
    ),
    "url_not_int": Text("{value} is not a whole number", "{value} 不是整数"),
    "url_not_float": Text("{value} is not a number", "{value} 不是数字"),
    "url_too_long": Text("{value} is longer than {max} characters", "{value} 超过了 {max} 个字符"),
    "url_out_of_range": Text("{value} is outside {low}..{high}", "{value} 超出了 {low}..{high} 的范围"),
    "url_ragged": Text("the rows have different lengths", "各行长度不一致"),
    "url_bad_choice": Text("{value} is not one of {choices}", "{value} 不是 {choices} 之一"),
    "url_bad_count": Text("needs {min} to {max} tensors", "需要 {min} 到 {max} 个张量"),
    # errors from torch, explained
    "torch_says": Text("torch says", "torch 的报错"),
    "shapes_were": Text("Shapes: {shapes}", "形状：{shapes}"),
    "suggested_fix": Text("Suggested fix: {fix}", "建议的修改：{fix}"),
    "fix_transpose": Text(
        "transpose `{name}`: {before} -> {after} (`{name}.t()`)", "转置 `{name}`：{before} -> {after}（`{name}.t()`）"
    ),
    "fix_unsqueeze": Text(
        "make `{name}` a column: {before} -> {after} (`{name}.unsqueeze(-1)`)",
        "把 `{name}` 变成一列：{before} -> {after}（`{name}.unsqueeze(-1)`）",
    ),
    "fix_dim": Text("use `{arg}={value}`", "改用 `{arg}={value}`"),
    "fix_cast": Text(
        "give `{name}` the dtype {dtype} (`{name}.to(torch.{dtype})`)",
        "把 `{name}` 的类型改为 {dtype}（`{name}.to(torch.{dtype})`）",
    ),
    "fix_index_range": Text(
        "keep every value of `index` in 0..{high} (dim {dim} of `input` has size {size}); {cell} = {value} is not.",
        "让 `index` 的每个值都在 0..{high} 之间（`input` 的第 {dim} 维大小为 {size}）；{cell} = {value} 不在此范围。",
    ),
    "fix_dim_range": Text(
        "choose `dim` in {low}..{high}: `{name}` has {ndim} dims.", "`dim` 应在 {low}..{high} 之间：`{name}` 有 {ndim} 维。"
    ),
    "fix_none": Text(
        "make the shapes agree as the shape rule above says.", "按上面的形状规则让各形状一致。"
    ),
    "fix_negative_power": Text(
        "an integer to a negative power is a fraction, which an integer dtype cannot hold: give `input` a float "
        "dtype (float32 or float64), or keep the exponent at 0 or above.",
        "整数的负数次幂是分数，整数类型无法表示：把 `input` 的类型改为浮点（float32 或 float64），或让指数不小于 0。",
    ),
    "fix_overflow": Text(
        "choose a value that fits the dtype (torch's `{type}`): float32 reaches about ±3.4e38, int64 about ±9.2e18.",
        "请选择该类型（torch 所说的 `{type}`）能表示的值：float32 最大约 ±3.4e38，int64 约 ±9.2e18。",
    ),
    "fix_too_large": Text(
        "ask for a smaller result (fewer or smaller sizes): this one is too large to allocate.",
        "请把结果改小（减少维数或各维大小）：这个结果太大，无法分配内存。",
    ),
    "fix_dtypes": Text(
        "give the inputs dtypes this op takes together (the dtype box of each grid), e.g. one dtype for all.",
        "把各输入改成该运算能一起接受的类型（每个表格的类型框），例如全部使用同一种类型。",
    ),
    "dim_reset": Text(
        "`{arg}={value}` is out of range for the new shape; it was reset to {default}.",
        "`{arg}={value}` 超出了新形状的范围；已重置为 {default}。",
    ),
}
