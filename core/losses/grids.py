"""The page's two grids, `input` and `target`, as plain data: values <-> grid text, shapes typed as text, and
reading a grid into a tensor with every bad cell reported."""

from dataclasses import dataclass
import json
import math

import torch

from core.grid import format_value, literal, parse_grid, shape_of
from core.limits import MAX_DIM_SIZE, MAX_ELEMENTS
from core.messages import MSG

MAX_LOSS_NDIM = 2  # a URL literal is at most 2-d, and (N, C) is as far as these losses need


@dataclass(frozen=True)
class GridRead:
    """A grid's tensor and its values as a URL literal holds them, or the problems that stop it."""

    tensor: torch.Tensor | None
    values: list | None
    problems: tuple[str, ...] = ()


def grid_text(values, dtype: str):
    """Nested values as grid text in `dtype`; a fractional value in an int64 grid stays as typed, to be reported."""
    if isinstance(values, list):
        return [grid_text(v, dtype) for v in values]
    if dtype == "int64" and isinstance(values, float) and not values.is_integer():
        return repr(values)
    return format_value(values, dtype)


def fresh_grid(values, dtype: str, old: dict | None) -> dict:
    """A grid's editor state showing `values`: `base` is what the editor is given, `current` what it holds after
    edits, `values` what they parse to; a new `version` gives a new editor, so the old one's edits are dropped."""
    text = grid_text(values, dtype)
    return {"values": values, "base": text, "current": text, "version": old["version"] + 1 if old else 0}


def parse_shape(text: str) -> tuple[int, ...] | None:
    """'2, 3' -> (2, 3); None unless it is one or two sizes within the caps."""
    parts = [p.strip() for p in str(text).strip().strip("()[]").split(",") if p.strip()]
    if not 1 <= len(parts) <= MAX_LOSS_NDIM or not all(p.isdigit() for p in parts):
        return None
    shape = tuple(int(p) for p in parts)
    if not all(1 <= size <= MAX_DIM_SIZE for size in shape) or math.prod(shape) > MAX_ELEMENTS:
        return None
    return shape


def shape_text(text) -> str:
    """The shape of grid text as the shape box writes it: '3' or '2, 3'."""
    return ", ".join(map(str, shape_of(text)))


def read_grid(text, dtype: str, name: str, lang: str) -> GridRead:
    """Parse grid text; each bad cell is named by its index."""
    parsed = parse_grid(text, dtype)
    if parsed.errors:
        lines = "\n".join(f"- {error.describe(name, lang)}" for error in parsed.errors)
        return GridRead(None, None, (MSG["grid_has_errors"](lang, name=name, dtype=dtype) + "\n" + lines,))
    return GridRead(parsed.tensor, json.loads(literal(parsed.tensor)))
