"""The strings of the Tensor ops page's op switch on the same data and of its compare view."""

from core.text import Text

MSG: dict[str, Text] = {
    # switching op: why the user's tensors were not kept, then what is shown instead
    "carry_refused": Text("`{op}` cannot take these tensors ({why}).", "`{op}` 无法使用这些张量（{why}）。"),
    "carry_dtype": Text(
        "`{op}` takes `{name}` as {dtypes}, not {dtype}.", "`{op}` 的 `{name}` 只接受 {dtypes}，不接受 {dtype}。"
    ),
    "carry_count": Text(
        "`{op}` takes {low} to {high} tensors in `{name}`, not {count}.",
        "`{op}` 的 `{name}` 需要 {low} 到 {high} 个张量，而不是 {count} 个。",
    ),
    "carry_wants_list": Text(
        "`{op}` takes a list of tensors (`{name}`), not single tensors.", "`{op}` 需要一组张量（`{name}`），而不是单个张量。"
    ),
    "carry_wants_single": Text(
        "`{op}` takes a single tensor (`{name}`), not a list of them.", "`{op}` 需要单个张量（`{name}`），而不是一组张量。"
    ),
    "carry_example": Text("Its example is shown instead.", "已改为显示它的示例。"),
    "carry_last": Text("What it held last is shown again.", "已恢复它上次的内容。"),
    "carry_rest": Text("That one comes from its example; the others are kept.", "这一个取自它的示例，其余的保留。"),
    # the compare view
    "compare_toggle": Text("Compare with another op or other arguments", "与另一个运算或另一组参数对比"),
    "compare_help": Text(
        "Runs a second op, or this op with other arguments, on the same tensors, and shows both results side by side.",
        "在同样的张量上运行第二个运算（或用另一组参数运行本运算），并把两个结果并排显示。",
    ),
    "compare_op": Text("Second op (those that take these tensors)", "第二个运算（可使用这些张量的运算）"),
    "compare_this": Text("This op", "本页的运算"),
    "compare_url_op": Text(
        "The link's `compare` could not be used ({value} is not an op that takes these tensors); the comparison "
        "stays closed.",
        "链接中的 `compare` 无法使用（{value} 不是可以使用这些张量的运算）；对比视图保持关闭。",
    ),
}
