"""Softmax on an editable 2-d grid: nn.Softmax(dim) of input / temperature, and the sums along dim (all 1)."""

from dataclasses import dataclass, replace
import json

import torch
from torch import nn

from core.codegen import tensor_source
from core.grid import format_value, literal, parse_grid, shape_of, shape_problem
from core.messages import MSG
from core.text import Text

DIMS = (0, 1, -1)
_OWN_REASONS = {"cell_float32_overflow": "act_cell_float32_overflow"}
TEMPERATURES = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass(frozen=True)
class GridPreset:
    """A ready-made grid; the guide's example comes first."""

    key: str
    title: Text
    input: list[list[float]]


PRESETS = (
    GridPreset("guide", Text("The guide: [[1, 2, 3], [4, 5, 6]]", "指南示例：[[1, 2, 3], [4, 5, 6]]"),
               [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
    GridPreset("logits", Text("The guide's logits (gather example)", "指南中 gather 示例的 logits"),
               [[2.0, 1.0, 0.1], [0.5, 2.1, 1.3]]),
    GridPreset("ties", Text("Equal scores, and one far ahead", "得分相等，以及一个遥遥领先"),
               [[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 8.0]]),
)


@dataclass(frozen=True)
class SoftmaxResult:
    """The probabilities (shaped like the input) and their sums along dim."""

    result: torch.Tensor
    sums: torch.Tensor


def softmax_grid(input: torch.Tensor, dim: int, temperature: float) -> SoftmaxResult:
    """nn.Softmax(dim=dim)(input / temperature) and result.sum(dim=dim), as the snippet computes them."""
    result = nn.Softmax(dim=dim)(input / temperature)  # same shape as input
    return SoftmaxResult(result, result.sum(dim=dim))


def softmax_printed(outcome: SoftmaxResult) -> str:
    """What the softmax snippet prints."""
    return f"{outcome.result}\n{outcome.sums}\n"


def softmax_snippet(input: torch.Tensor, dim: int, temperature: float) -> str:
    """A script that applies the same softmax and prints the result and its sums along dim."""
    rows, cols = input.shape
    return (
        "import torch\n"
        "import torch.nn as nn\n"
        "\n"
        f"input = {tensor_source(input)}  # ({rows}, {cols})\n"
        f"temperature = {float(temperature)!r}  # above 1 flattens the probabilities, below 1 sharpens them\n"
        "\n"
        f"softmax = nn.Softmax(dim={dim})\n"
        f"result = softmax(input / temperature)  # ({rows}, {cols})\n"
        "print(result)\n"
        f"print(result.sum(dim={dim}))  # every sum along dim {dim} is 1\n"
    )


def grid_text(matrix: list[list[float]]):
    """The editor's text for a matrix of numbers (float32, shortest exact spelling). A number too large for float32
    keeps its own spelling, so the grid refuses it by name instead of showing the inf torch.tensor would make."""
    return [[format_value(value, "float32") for value in row] for row in matrix]


def read_grid(text, lang: str) -> tuple[torch.Tensor | None, list[str]]:
    """The float32 (rows, cols) tensor the editor's text spells, or the messages that say why there is none."""
    problem = shape_problem(shape_of(text), lang) if text and text[0] else MSG["empty_dim"](lang, shape="(0,)")
    if problem:
        return None, [problem]
    parsed = parse_grid(text, "float32")
    # the grid has no dtype to switch to, so its overflow message offers only a smaller number
    errors = [replace(e, reason=_OWN_REASONS.get(e.reason, e.reason)) for e in parsed.errors]
    return parsed.tensor, [error.describe("input", lang) for error in errors]


def matrix_of(tensor: torch.Tensor) -> list[list[float]]:
    """A tensor's values as nested Python floats that spell it exactly (what the URL keeps)."""
    return json.loads(literal(tensor))


def as_rows(matrix: list) -> list[list[float]]:
    """A URL's matrix as rows: a flat list [1, 2, 3] is one row."""
    return matrix if isinstance(matrix[0], list) else [matrix]


def one_row_words(matrix: list, lang: str) -> str | None:
    """What a flat list from a link became (one row of the 2-d grid), or None for a matrix."""
    return None if isinstance(matrix[0], list) else MSG["act_one_row"](lang, count=len(matrix))


def sums_words(dim: int, lang: str) -> str:
    """What summing to 1 along `dim` means on a 2-d grid: each column (dim 0) or each row (dim 1, -1)."""
    what = MSG["act_each_column"](lang) if dim % 2 == 0 else MSG["act_each_row"](lang)
    return MSG["act_sums_are_one"](lang, dim=dim, what=what)
