"""One op's page state as plain data: grid text per input, its dtype, and the arguments."""

from dataclasses import dataclass, field, replace
from typing import Any

import torch

from core.grid import CellError, format_value, infer_dtype, parse_grid, shape_of, shape_problem
from core.limits import MAX_ELEMENTS, MAX_NDIM
from core.messages import MSG
from core.ops.spec import OpCall, OpSpec, dim_range
from core.text import shown

_INT64_MIN = -(2**63)


@dataclass(frozen=True)
class InputState:
    """What one tensor input's grid holds: text shaped like the tensor (a list of such for `tensors`)."""

    text: Any
    dtype: str


@dataclass(frozen=True)
class OpState:
    """Everything needed to redraw the ops page for one op."""

    op: str
    inputs: dict[str, InputState] = field(default_factory=dict)
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputProblem:
    """Why an input has no tensor: bad cells, or a shape over the caps."""

    name: str
    dtype: str
    cells: tuple[CellError, ...] = ()
    shape_message: str | None = None


def values_to_text(values, dtype: str):
    """Nested Python values as grid text in `dtype`."""
    if isinstance(values, list):
        return [values_to_text(v, dtype) for v in values]
    return format_value(values, dtype)


def preset_state(spec: OpSpec, key: str | None = None) -> OpState:
    """The state a preset describes (the first preset when `key` is None)."""
    preset = spec.preset(key) if key else spec.presets[0]
    inputs = {}
    for param in spec.tensors:
        values = preset.inputs[param.name]
        if param.is_list:
            dtype = preset.dtypes.get(param.name) or infer_dtype(values)
            inputs[param.name] = InputState([values_to_text(v, dtype) for v in values], dtype)
        else:
            dtype = preset.dtypes.get(param.name) or infer_dtype(values)
            if dtype not in param.dtypes:
                dtype = param.dtypes[0]
            inputs[param.name] = InputState(values_to_text(values, dtype), dtype)
    args = {a.name: preset.args.get(a.name, a.default) for a in spec.args}
    return OpState(spec.name, inputs, args)


def build_call(spec: OpSpec, state: OpState, lang: str) -> tuple[OpCall | None, list[InputProblem]]:
    """Parse every grid of the state; an OpCall when all parse, else the problems found."""
    tensors, problems = {}, []
    for param in spec.tensors:
        item = state.inputs[param.name]
        grids = item.text if param.is_list else [item.text]
        parsed = []
        for i, text in enumerate(grids):
            name = f"{param.name}[{i}]" if param.is_list else param.name
            message = shape_problem(shape_of(text), lang)
            if message:
                problems.append(InputProblem(name, item.dtype, shape_message=message))
                continue
            grid = parse_grid(text, item.dtype)
            if grid.errors:
                problems.append(InputProblem(name, item.dtype, cells=grid.errors))
            parsed.append(grid.tensor)
        if param.number_when_0d:
            parsed = [_as_number(t) for t in parsed]
        tensors[param.name] = parsed if param.is_list else parsed[0] if parsed else None
    for arg in spec.args:
        value = state.args[arg.name]
        if arg.kind == "size":
            message = shape_problem(tuple(value), lang)
            if message:
                problems.append(InputProblem(arg.name, "", shape_message=message))
        if arg.kind == "ints":
            typed = isinstance(value, tuple) and value
            message = ints_problem(value, lang) if typed else MSG["not_ints"](lang, text=shown(value))
            if message:
                problems.append(InputProblem(arg.name, "", shape_message=message))
    if problems:
        return None, problems
    args = dict(state.args)
    for arg in spec.args:
        value = args[arg.name]
        # past int64 torch cannot take the number as an int: it stays the float it was typed as, as in Python
        if arg.whole_as_int and isinstance(value, float) and value.is_integer() and _INT64_MIN <= value < -_INT64_MIN:
            args[arg.name] = int(value)
    return OpCall(spec, tensors, args), []


def _as_number(tensor):
    """A 0-d tensor as the plain Python number torch.pow(A, 2) is written with, when that number stands for the same
    dtype (2 is int64, 2.0 float32, True bool); otherwise the 0-d tensor itself, so the dtype the user chose counts
    (with an int64 input, exponent 2.0 in float64 gives a float64 result; the number 2.0 would give float32)."""
    if tensor is None or tensor.ndim != 0:
        return tensor
    number = tensor.item()
    return number if torch.tensor(number).dtype == tensor.dtype else tensor


def ints_problem(values: tuple[int, ...], lang: str) -> str | None:
    """Why a list of whole numbers (a shape, `repeats`, `dims`) is over the caps, or None: at most MAX_NDIM + 1
    numbers (a view may add a dim), each within +-MAX_ELEMENTS. The result's own size is checked when the op runs."""
    if len(values) > MAX_NDIM + 1 or any(abs(v) > MAX_ELEMENTS for v in values):
        return MSG["ints_too_large"](lang, text=shown(", ".join(map(str, values))), count=MAX_NDIM + 1, max=MAX_ELEMENTS)
    return None


def parse_ints(text: str) -> tuple[int, ...] | None:
    """'2, -1' -> (2, -1); None when the text is not a comma-separated list of whole numbers."""
    parts = [p.strip() for p in str(text).strip().strip("()[]").split(",") if p.strip()]
    try:
        return tuple(int(p) for p in parts)
    except ValueError:
        return None


def arg_choices(spec: OpSpec, state: OpState, name: str) -> list:
    """The values a dim argument may take for the current input shapes (None first when allowed)."""
    arg = spec.arg(name)
    item = state.inputs[arg.of]
    text = item.text[0] if spec.tensor(arg.of).is_list else item.text
    choices = list(dim_range(len(shape_of(text)), arg.new_axis))
    return ([None] if arg.none_allowed else []) + choices


def with_valid_dims(spec: OpSpec, state: OpState) -> tuple[OpState, list[tuple[str, Any, Any]]]:
    """The state with every out-of-range dim reset to its default; also which were reset (name, old, new)."""
    args, resets = dict(state.args), []
    for arg in spec.args:
        if arg.kind != "dim":
            continue
        choices = arg_choices(spec, state, arg.name)
        if args.get(arg.name) not in choices:
            new = arg.default if arg.default in choices else choices[0]
            resets.append((arg.name, args.get(arg.name), new))
            args[arg.name] = new
    return replace(state, args=args), resets
