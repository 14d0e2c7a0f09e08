"""The code panel's snippet: a complete script that rebuilds the inputs, calls the op and prints the result."""

from core.grid import dtype_name, literal
from core.ops.run import call_args
from core.ops.spec import REQUIRED, OpCall


def tensor_source(t) -> str:
    """`torch.tensor([[1,2],[3,4]], dtype=torch.int64)` with the spacing Python programmers use."""
    values = literal(t).replace(",", ", ")
    return f"torch.tensor({values}, dtype=torch.{dtype_name(t.dtype)})"


def call_source(call: OpCall) -> str:
    """`torch.sum(input, dim=0)`: tensors by their names, arguments by value, trailing defaults left out."""
    positional, _ = call_args(call)
    names = call.spec.signature
    parts = []
    for name, value in zip(names[: call.spec.positional], positional):
        parts.append(name if name in call.tensors else repr(value))
    keywords = []
    for name in names[call.spec.positional :]:
        if name in call.tensors:
            keywords.append(f"{name}={name}")
            continue
        arg = call.spec.arg(name)
        value = call.args[name]
        keywords.append((f"{name}={value!r}", arg.torch_default is not REQUIRED and value == arg.torch_default))
    # a default argument is left out only when every argument after it is left out too
    rendered = []
    for item in reversed(keywords):
        if isinstance(item, tuple):
            text, omittable = item
            if omittable and not rendered:
                continue
            item = text
        rendered.insert(0, item)
    return f"{call.spec.function}({', '.join(parts + rendered)})"


def snippet(call: OpCall) -> str:
    """A script that, run on its own, prints exactly what the page shows as the result."""
    lines = ["import torch", ""]
    for param in call.spec.tensors:
        value = call.tensors[param.name]
        if param.is_list:
            items = ",\n".join(f"    {tensor_source(t)}" for t in value)
            lines.append(f"{param.name} = [\n{items},\n]")
        else:
            lines.append(f"{param.name} = {tensor_source(value)}")
    if call.spec.tensors:
        lines.append("")
    lines += [f"result = {call_source(call)}", "print(result)"]
    return "\n".join(lines) + "\n"


def printed(result) -> str:
    """What `print(result)` writes, as the page shows it."""
    return str(result) + "\n"  # not an f-string: format() of a 0-d tensor gives the bare number
