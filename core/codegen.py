"""The code panel's snippet: a complete script that rebuilds the inputs, calls the op and prints the result."""

import torch

from core.grid import dtype_name, literal
from core.ops.run import call_args
from core.ops.spec import OpCall


def tensor_source(t) -> str:
    """`torch.tensor([[1,2],[3,4]], dtype=torch.int64)` with the spacing Python programmers use."""
    if not isinstance(t, torch.Tensor):
        return repr(t)  # a 0-d input passed as a plain number
    values = literal(t).replace(",", ", ")
    return f"torch.tensor({values}, dtype=torch.{dtype_name(t.dtype)})"


def _value_source(value) -> str:
    if isinstance(value, torch.dtype):
        return str(value)
    return repr(value)


def call_source(call: OpCall) -> str:
    """`torch.sum(input, dim=0)`: tensors by their names, arguments by value, trailing defaults left out;
    `input.view(2, -1)` for a method."""
    spec = call.spec
    names = spec.signature
    parts = []
    for name in names[: spec.positional]:
        if name in call.tensors:
            parts.append(f"*{name}" if spec.tensor(name).star else name)
        elif spec.arg(name).star:
            parts += [_value_source(v) for v in call.args[name]]
        else:
            parts.append(_value_source(call.args[name]))
    _, passed = call_args(call)
    rendered = [f"{name}={name}" if name in call.tensors else f"{name}={_value_source(value)}" for name, value in passed.items()]
    arguments = parts + rendered
    if spec.method:
        return f"{arguments[0]}.{spec.function.rsplit('.', 1)[1]}({', '.join(arguments[1:])})"
    return f"{spec.function}({', '.join(arguments)})"


def snippet(call: OpCall) -> str:
    """A script that, run on its own, prints exactly what the page shows as the result."""
    spec = call.spec
    lines = ["import torch", *spec.imports, ""]
    if spec.function.startswith("torch.nn.functional."):
        lines.insert(1, "import torch.nn.functional as F")
    for param in spec.tensors:
        value = call.tensors[param.name]
        if param.is_list:
            items = ",\n".join(f"    {tensor_source(t)}" for t in value)
            lines.append(f"{param.name} = [\n{items},\n]")
        else:
            lines.append(f"{param.name} = {tensor_source(value)}")
    if spec.tensors:
        lines.append("")
    if spec.random:
        lines.append(f"torch.manual_seed({call.args['seed']})  # the playground uses a private torch.Generator instead")
    source = spec.code(call) if spec.code else call_source(call).replace("torch.nn.functional.", "F.")
    *setup, expression = source.split("\n")  # an idiom may need lines before its expression
    lines += [*setup, f"result = {expression}", "print(result)"]
    if spec.show_inputs_after:
        lines += [f"print({param.name})" for param in spec.tensors]
    return "\n".join(lines) + "\n"


def printed(result, inputs_after=None, spec=None) -> str:
    """What the snippet prints: `print(result)`, then the inputs when the op shows them after the call."""
    text = str(result) + "\n"  # not an f-string: format() of a 0-d tensor gives the bare number
    if spec is not None and spec.show_inputs_after and inputs_after is not None:
        text += "".join(str(inputs_after[param.name]) + "\n" for param in spec.tensors)
    return text
