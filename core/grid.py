"""Grid text <-> tensor: what the user typed in the editor, parsed and validated.

A grid's text is a nested list of strings shaped like the tensor (a bare string for 0-d), so it keeps exactly
what the user typed, even when that is not a number. Parsing reports every bad cell by its index.
"""

from dataclasses import dataclass
from decimal import Decimal
import math

import numpy as np
import torch

from core.limits import MAX_DIM_SIZE, MAX_ELEMENTS, MAX_NDIM
from core.messages import MSG
from core.text import shown

DTYPES = {
    "float32": torch.float32,
    "float64": torch.float64,
    "int64": torch.int64,
    "bool": torch.bool,
}
FLOAT_DTYPES = ("float32", "float64")
ALL_DTYPES = tuple(DTYPES)
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}


@dataclass(frozen=True)
class CellError:
    """One cell that cannot become a value of the grid's dtype."""

    index: tuple[int, ...]
    text: str
    reason: str  # key into MSG

    def describe(self, name: str, lang: str) -> str:
        cell = f"{name}[{', '.join(map(str, self.index))}]" if self.index else name
        return MSG[self.reason](lang, cell=cell, text=shown(self.text))


@dataclass(frozen=True)
class ParsedGrid:
    """A grid's tensor, or the reasons it has none."""

    tensor: torch.Tensor | None
    errors: tuple[CellError, ...]


def shape_of(text) -> tuple[int, ...]:
    """The shape of a nested-list grid (a bare value is 0-d)."""
    shape = []
    while isinstance(text, list):
        shape.append(len(text))
        if not text:
            break
        text = text[0]
    return tuple(shape)


def shape_problem(shape: tuple[int, ...], lang: str) -> str | None:
    """Why a shape is over the caps (or empty), or None when it is fine."""
    if len(shape) > MAX_NDIM:
        return MSG["too_many_dims"](lang, ndim=len(shape), max=MAX_NDIM)
    if any(size < 1 for size in shape):
        return MSG["empty_dim"](lang, shape=format_shape(shape))
    if any(size > MAX_DIM_SIZE for size in shape):
        return MSG["dim_too_big"](lang, shape=format_shape(shape), max=MAX_DIM_SIZE)
    if math.prod(shape) > MAX_ELEMENTS:
        return MSG["too_many_elements"](lang, shape=format_shape(shape), max=MAX_ELEMENTS)
    return None


def format_shape(shape) -> str:
    """A shape as Python writes a tuple: (3,), (2, 3), ()."""
    shape = tuple(shape)
    return str(shape)


def format_value(value, dtype: str) -> str:
    """The shortest text that gives back exactly this value in this dtype."""
    if dtype == "bool":
        return "True" if value else "False"
    if dtype == "int64":
        return str(int(value))
    if dtype == "float32":
        with np.errstate(over="ignore"):
            single = np.float32(value)
        if np.isinf(single) and not math.isinf(value):
            return repr(float(value))  # too large for float32: keep the number, parsing will say so
        return str(single)  # shortest float32 round trip: 0.1, not 0.10000000149011612
    return repr(float(value))


def tensor_to_text(tensor: torch.Tensor):
    """A tensor as grid text, one string per element."""
    dtype = dtype_name(tensor.dtype)
    return _map_nested(tensor.tolist(), lambda v: format_value(v, dtype))


def literal(tensor: torch.Tensor) -> str:
    """A tensor's values as a compact nested-list literal, exact for its dtype: [[1,2],[3,4]]."""
    dtype = dtype_name(tensor.dtype)

    def render(values) -> str:
        if isinstance(values, list):
            return "[" + ",".join(render(v) for v in values) + "]"
        return format_value(values, dtype)

    return render(tensor.tolist())


def dtype_name(dtype: torch.dtype) -> str:
    """torch.float32 -> 'float32'."""
    return str(dtype).removeprefix("torch.")


def parse_grid(text, dtype: str) -> ParsedGrid:
    """Parse grid text into a tensor of `dtype`, collecting an error for every bad cell."""
    errors: list[CellError] = []

    def parse(cell, index):
        value, reason = _parse_cell(cell, dtype)
        if reason:
            errors.append(CellError(index, "" if cell is None else str(cell), reason))
        return value

    values = _map_nested(text, parse, with_index=True)
    if errors:
        return ParsedGrid(None, tuple(errors))
    return ParsedGrid(torch.tensor(values, dtype=DTYPES[dtype]), ())


def resize(text, shape: tuple[int, ...], fill: str = "0"):
    """Grid text reshaped to `shape`, keeping every cell that still fits and filling new ones with `fill`.

    With more dims than before, the old grid becomes the first slice; with fewer, the first slice is kept.
    """
    old_ndim, new_ndim = len(shape_of(text)), len(shape)
    extra = new_ndim - old_ndim

    def value_at(index):
        if extra >= 0:
            if any(index[:extra]):
                return fill
            path = index[extra:]
        else:
            path = (0,) * -extra + index
        node = text
        for i in path:
            if i >= len(node):
                return fill
            node = node[i]
        return node

    def build(prefix):
        if len(prefix) == len(shape):
            return value_at(prefix)
        return [build(prefix + (i,)) for i in range(shape[len(prefix)])]

    return build(())


def infer_dtype(values) -> str:
    """The dtype torch.tensor would give these nested Python values."""
    leaves = []
    _map_nested(values, leaves.append)
    if leaves and all(isinstance(v, bool) for v in leaves):
        return "bool"
    if all(isinstance(v, (bool, int)) for v in leaves):
        return "int64"
    return "float32"


def _parse_cell(cell, dtype: str):
    text = "" if cell is None else str(cell).strip()
    if not text:
        return None, "cell_empty"
    if dtype == "bool":
        if text.lower() in _TRUE:
            return True, None
        if text.lower() in _FALSE:
            return False, None
        return None, "cell_not_bool"
    try:
        number = float(text)
    except ValueError:
        return None, "cell_not_number"
    if math.isnan(number):
        return None, "cell_nan"
    if math.isinf(number):
        # a whole number past float64 (400 digits) is finite: in an int64 grid it is an int64 overflow
        return None, "cell_int_overflow" if dtype == "int64" and Decimal(text).is_finite() else "cell_inf"
    if dtype == "int64":
        exact = Decimal(text)  # exact, unlike float: "9007199254740993.0" stays odd
        if exact != exact.to_integral_value():
            return None, "cell_not_integer"
        integer = int(exact)
        if not _INT64_MIN <= integer <= _INT64_MAX:
            return None, "cell_int_overflow"
        return integer, None
    if dtype == "float32":
        with np.errstate(over="ignore"):
            if np.isinf(np.float32(number)):  # past float32's largest value once rounded
                return None, "cell_float32_overflow"
    return number, None


def _map_nested(values, fn, with_index=False, index=()):
    if isinstance(values, list):
        return [_map_nested(v, fn, with_index, index + (i,)) for i, v in enumerate(values)]
    return fn(values, index) if with_index else fn(values)
