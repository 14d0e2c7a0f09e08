"""core.grid and core.grid_frames: grid text <-> tensors, cell errors, resizing, shape caps, exact formatting."""

import json
import math
import re

import numpy as np
import pytest
import torch

from core.grid import (
    CellError,
    format_value,
    infer_dtype,
    literal,
    parse_grid,
    resize,
    shape_of,
    shape_problem,
    tensor_to_text,
)
from core.grid_frames import from_frames, to_frames
from core.limits import MAX_DIM_SIZE, MAX_ELEMENTS, MAX_NDIM
from core.messages import MSG
from core.text import shown

CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_same(actual: torch.Tensor, expected: torch.Tensor) -> None:
    """Same dtype, same shape, same values."""
    assert actual.dtype == expected.dtype, (actual.dtype, expected.dtype)
    assert torch.equal(actual, expected), (actual, expected)


# --- parse_grid: valid values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, dtype, expected",
    [
        (["0.1", "-2.5", "3", " 7 ", "1e-3"], "float32", torch.tensor([0.1, -2.5, 3.0, 7.0, 1e-3], dtype=torch.float32)),
        ([["0.1", "1e300"], ["-0", "2"]], "float64", torch.tensor([[0.1, 1e300], [-0.0, 2.0]], dtype=torch.float64)),
        (
            ["-3", "0", "9223372036854775807", "-9223372036854775808", "2.0"],
            "int64",
            torch.tensor([-3, 0, 2**63 - 1, -(2**63), 2], dtype=torch.int64),
        ),
        (["True", "false", "1", "0", "yes", "NO"], "bool", torch.tensor([True, False, True, False, True, False])),
        ("5", "int64", torch.tensor(5)),
        ("2.5", "float32", torch.tensor(2.5)),
        ([[["1", "2"], ["3", "4"]], [["5", "6"], ["7", "8"]]], "int64", torch.arange(1, 9).reshape(2, 2, 2)),
    ],
)
def test_parse_grid_gives_what_torch_tensor_gives(text, dtype, expected):
    """Valid text parses to exactly the tensor torch.tensor builds from the same numbers."""
    parsed = parse_grid(text, dtype)
    assert parsed.errors == ()
    assert_same(parsed.tensor, expected)


def test_float32_cell_is_rounded_like_torch_tensor():
    """A float32 cell holds the same float32 rounding of the decimal as torch.tensor([0.1]) does."""
    parsed = parse_grid(["0.1", "16777217"], "float32").tensor
    assert_same(parsed, torch.tensor([0.1, 16777217.0], dtype=torch.float32))
    assert parsed[1].item() == 16777216.0  # float32 cannot hold 2**24 + 1


# --- parse_grid: bad cells ---------------------------------------------------------------------------------------


BAD_CELLS = [
    ("float32", "", "cell_empty"),
    ("int64", "   ", "cell_empty"),
    ("bool", "", "cell_empty"),
    ("float32", "abc", "cell_not_number"),
    ("int64", "abc", "cell_not_number"),
    ("float64", "1,5", "cell_not_number"),
    ("bool", "abc", "cell_not_bool"),
    ("bool", "2", "cell_not_bool"),
    ("float32", "nan", "cell_nan"),
    ("int64", "NaN", "cell_nan"),
    ("float32", "inf", "cell_inf"),
    ("float64", "-inf", "cell_inf"),
    ("float64", "1e400", "cell_inf"),
    ("int64", "1.5", "cell_not_integer"),
    ("int64", str(2**63), "cell_int_overflow"),
    ("int64", str(-(2**63) - 1), "cell_int_overflow"),
    ("int64", "1e20", "cell_int_overflow"),
    ("float32", "1e39", "cell_float32_overflow"),
    ("float32", "-1e39", "cell_float32_overflow"),
]


def _grid_with(bad: str) -> list[list[str]]:
    """A 2 x 3 grid of valid cells with `bad` at [1][2]."""
    return [["1", "0", "1"], ["0", "1", bad]]


@pytest.mark.parametrize("dtype, bad, reason", BAD_CELLS)
def test_bad_cell_is_reported_by_index_and_reason(dtype, bad, reason):
    """The bad cell's index, its text and the reason key are reported, and there is no tensor."""
    parsed = parse_grid(_grid_with(bad), dtype)
    assert parsed.tensor is None
    assert parsed.errors == (CellError((1, 2), bad, reason),)


@pytest.mark.parametrize("dtype, bad, reason", BAD_CELLS)
def test_bad_cell_message_names_the_cell_in_both_languages(dtype, bad, reason):
    """describe() names the cell as input[1, 2], in English and in Chinese."""
    (error,) = parse_grid(_grid_with(bad), dtype).errors
    en, zh = error.describe("input", "en"), error.describe("input", "zh")
    assert "input[1, 2]" in en and "input[1, 2]" in zh
    assert en != zh and CJK.search(zh) and not CJK.search(en)
    if "{text}" in MSG[reason].en:
        assert shown(bad) in en and shown(bad) in zh


def test_describe_exact_english_message():
    """The message reads naturally, with the cell and the text quoted (as code, so it is never markdown)."""
    error = CellError((1, 2), "abc", "cell_not_number")
    assert error.describe("input", "en") == "input[1, 2] = ` abc ` is not a number."
    assert error.describe("input", "zh") == "input[1, 2] = ` abc ` 不是数字。"


def test_none_cell_counts_as_empty():
    """A cell cleared to None (as the grid editor does) is an empty cell, with empty text."""
    parsed = parse_grid([["1", None]], "float32")
    assert parsed.errors == (CellError((0, 1), "", "cell_empty"),)


def test_every_bad_cell_is_reported_in_order():
    """Several bad cells are all reported, in reading order, each with its own reason."""
    parsed = parse_grid([["x", "1", "2"], ["", "nan", "1.5"]], "int64")
    assert parsed.tensor is None
    assert [(e.index, e.reason) for e in parsed.errors] == [
        ((0, 0), "cell_not_number"),
        ((1, 0), "cell_empty"),
        ((1, 1), "cell_nan"),
        ((1, 2), "cell_not_integer"),
    ]


def test_bad_cell_in_3d_grid_has_three_indices():
    """A 3-d grid's bad cell is named by three indices."""
    parsed = parse_grid([[["1", "2"]], [["3", "oops"]]], "float64")
    (error,) = parsed.errors
    assert error.index == (1, 0, 1)
    assert "t[1, 0, 1]" in error.describe("t", "en")


def test_describe_0d_cell_names_the_tensor_without_empty_brackets():
    """A 0-d tensor has one cell: the message names the tensor itself, not `other[]`."""
    (error,) = parse_grid("abc", "int64").errors
    assert error.index == ()
    message = error.describe("other", "en")
    assert "other" in message
    assert "other[]" not in message


def test_int64_cell_with_decimal_point_is_exact_or_refused():
    """A whole number typed as `N.0` in an int64 grid either keeps its exact value or is refused; never changed."""
    parsed = parse_grid(["9007199254740993.0"], "int64")
    assert parsed.tensor is None or parsed.tensor.tolist() == [9007199254740993]


# --- resize ------------------------------------------------------------------------------------------------------


def test_resize_same_ndim_keeps_cells_and_fills_new_ones():
    """Growing keeps every old cell and fills the new ones; shrinking keeps the cells that still fit."""
    grid = [["1", "2"], ["3", "4"]]
    assert resize(grid, (3, 3), fill="0") == [["1", "2", "0"], ["3", "4", "0"], ["0", "0", "0"]]
    assert resize(grid, (1, 2)) == [["1", "2"]]
    assert resize(grid, (2, 1)) == [["1"], ["3"]]
    assert resize(grid, (2, 2)) == grid


def test_resize_more_dims_puts_the_old_grid_in_the_first_slice():
    """With more dims, the old grid becomes the first slice and the rest is filled."""
    grid = [["1", "2"], ["3", "4"]]
    assert resize(grid, (2, 2, 2), fill="x") == [grid, [["x", "x"], ["x", "x"]]]
    assert resize(["1", "2", "3"], (2, 3)) == [["1", "2", "3"], ["0", "0", "0"]]
    assert resize("7", (3,)) == ["7", "0", "0"]
    assert resize("7", (2, 2)) == [["7", "0"], ["0", "0"]]


def test_resize_fewer_dims_keeps_the_first_slice():
    """With fewer dims, the first slice is kept (and cut or filled to the new sizes)."""
    cube = [[["1", "2"], ["3", "4"]], [["5", "6"], ["7", "8"]]]
    assert resize(cube, (2, 2)) == [["1", "2"], ["3", "4"]]
    assert resize(cube, (3,), fill="x") == ["1", "2", "x"]
    assert resize(["1", "2", "3"], ()) == "1"


def test_resize_result_has_the_requested_shape():
    """Whatever it starts from, the result has exactly the requested shape."""
    for start in ("5", ["1", "2"], [["1"], ["2"]], [[["1", "2", "3"]]]):
        for shape in ((), (4,), (1, 3), (2, 3, 1)):
            assert shape_of(resize(start, shape)) == shape


# --- shape_problem -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(), (1,), (MAX_DIM_SIZE,), (MAX_DIM_SIZE, MAX_DIM_SIZE), (16, 16, 4), (1, 1, 1)])
def test_shape_within_the_caps_has_no_problem(shape):
    """Shapes up to the caps are fine."""
    assert math.prod(shape) <= MAX_ELEMENTS
    assert shape_problem(shape, "en") is None
    assert shape_problem(shape, "zh") is None


@pytest.mark.parametrize(
    "shape, key, fields",
    [
        ((2, 2, 2, 2), "too_many_dims", {"ndim": 4, "max": MAX_NDIM}),
        ((0, 2), "empty_dim", {"shape": "(0, 2)"}),
        ((3, 0), "empty_dim", {"shape": "(3, 0)"}),
        ((MAX_DIM_SIZE + 1,), "dim_too_big", {"shape": "(17,)", "max": MAX_DIM_SIZE}),
        ((2, 17), "dim_too_big", {"shape": "(2, 17)", "max": MAX_DIM_SIZE}),
        ((16, 16, 5), "too_many_elements", {"shape": "(16, 16, 5)", "max": MAX_ELEMENTS}),
    ],
)
def test_shape_over_a_cap_names_the_cap(shape, key, fields):
    """Each cap in core.limits has its own message, in both languages."""
    for lang in ("en", "zh"):
        assert shape_problem(shape, lang) == MSG[key](lang, **fields)
    assert shape_problem(shape, "en") != shape_problem(shape, "zh")


def test_limits_are_the_documented_ones():
    """The caps the messages and tests rely on."""
    assert (MAX_NDIM, MAX_DIM_SIZE, MAX_ELEMENTS) == (3, 16, 1024)


# --- grid frames -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, frames, shape",
    [
        ("5", 1, (1, 1)),
        (["1", "2", "3"], 1, (1, 3)),
        ([["1", "2", "3"], ["4", "5", "6"]], 1, (2, 3)),
        ([[["1", "2"], ["3", "4"], ["5", "6"]], [["7", "8"], ["9", "10"], ["11", "12"]]], 2, (3, 2)),
    ],
)
def test_frames_round_trip(text, frames, shape):
    """to_frames draws one table per dim-0 slice of a 3-d grid (one row for 1-d), and from_frames gives the grid back."""
    tables = to_frames(text)
    assert len(tables) == frames
    assert all(t.shape == shape for t in tables)
    assert list(tables[0].columns) == [str(j) for j in range(shape[1])]
    assert from_frames(tables, len(shape_of(text))) == text


@pytest.mark.parametrize("cleared", [None, float("nan"), np.nan])
def test_cleared_cell_comes_back_empty(cleared):
    """A cell the editor cleared (None or NaN) comes back as an empty string, which parse_grid calls empty."""
    tables = to_frames([["1", "2"], ["3", "4"]])
    tables[0].iloc[0, 1] = cleared
    text = from_frames(tables, 2)
    assert text == [["1", ""], ["3", "4"]]
    assert parse_grid(text, "int64").errors == (CellError((0, 1), "", "cell_empty"),)


def test_cleared_cell_in_second_slice_of_3d():
    """A cleared cell in a later slice is found at its 3-d index."""
    tables = to_frames([[["1", "2"]], [["3", "4"]]])
    tables[1].iloc[0, 0] = None
    assert from_frames(tables, 3) == [[["1", "2"]], [["", "4"]]]


def test_frames_keep_text_that_is_not_a_number():
    """The frames keep what the user typed, even when it is not a number."""
    text = [["1", "abc"], ["", "2.50"]]
    assert from_frames(to_frames(text), 2) == text


# --- exact formatting --------------------------------------------------------------------------------------------


def _float32_samples() -> torch.Tensor:
    generator = torch.Generator().manual_seed(1234)
    mantissas = torch.rand(200, generator=generator, dtype=torch.float64) * 2 - 1
    exponents = torch.randint(-40, 38, (200,), generator=generator).to(torch.float64)
    randoms = (mantissas * 10.0**exponents).to(torch.float32)
    chosen = torch.tensor([0.1, 0.2, 0.3, 1 / 3, 2 / 3, -0.0, 1e-8, 1e20, 123456.789, 3.0e38, 1e-45], dtype=torch.float32)
    return torch.cat([chosen, randoms])


def test_format_value_is_shortest_for_float32():
    """float32 values print as people write them: 0.1, not 0.10000000149011612."""
    assert format_value(torch.tensor(0.1).item(), "float32") == "0.1"
    assert format_value(torch.tensor(0.659).item(), "float32") == "0.659"
    assert format_value(1.0, "float32") == "1.0"
    assert format_value(3, "int64") == "3"
    assert format_value(True, "bool") == "True" and format_value(False, "bool") == "False"
    assert format_value(0.1, "float64") == "0.1"


def test_format_value_round_trips_float32_exactly():
    """Every float32 value's text gives back the same float32 through torch.tensor and through parse_grid."""
    for value in _float32_samples():
        text = format_value(value.item(), "float32")
        assert_same(torch.tensor(float(text), dtype=torch.float32), value)
        assert_same(parse_grid(text, "float32").tensor, value)


def test_literal_round_trips_through_torch_tensor():
    """literal() gives a nested list that torch.tensor turns back into the same values."""
    samples = _float32_samples()
    for tensor in (samples.reshape(-1, 1), torch.tensor([[0.1, 0.2], [0.3, 0.7]]), torch.tensor(0.1)):
        text = literal(tensor)
        assert_same(torch.tensor(json.loads(text), dtype=torch.float32), tensor)
    assert literal(torch.tensor([[0.1, 0.2], [0.3, 0.7]])) == "[[0.1,0.2],[0.3,0.7]]"
    assert literal(torch.tensor([[1, 2], [3, 4]])) == "[[1,2],[3,4]]"
    assert literal(torch.tensor([True, False])) == "[True,False]"
    assert literal(torch.tensor(0.1, dtype=torch.float64)) == "0.1"


@pytest.mark.parametrize(
    "tensor",
    [
        torch.tensor([[0.1, -2.5], [1e-8, 3e38]], dtype=torch.float32),
        torch.tensor([0.1, 1 / 3, 1e300, -1e-300], dtype=torch.float64),
        torch.tensor([[2**63 - 1, -(2**63)], [0, -1]]),
        torch.tensor([[[True], [False]]]),
        torch.tensor(0.1),
    ],
)
def test_tensor_to_text_round_trips_through_parse_grid(tensor):
    """tensor_to_text gives grid text that parse_grid turns back into the same tensor."""
    dtype = str(tensor.dtype).removeprefix("torch.")
    assert_same(parse_grid(tensor_to_text(tensor), dtype).tensor, tensor)


def test_largest_float32_round_trips_through_parse_grid():
    """format_value promises text that gives back exactly this value, so the largest float32 must parse too."""
    largest = torch.tensor(torch.finfo(torch.float32).max, dtype=torch.float32)
    text = format_value(largest.item(), "float32")
    assert_same(torch.tensor(float(text), dtype=torch.float32), largest)  # torch itself accepts the text
    parsed = parse_grid(text, "float32")
    assert parsed.errors == ()
    assert_same(parsed.tensor, largest)


@pytest.mark.parametrize(
    "values, dtype",
    [
        ([[True, False]], "bool"),
        ([[1, 2], [3, 4]], "int64"),
        ([1, 2.5], "float32"),
        (0.5, "float32"),
        (7, "int64"),
    ],
)
def test_infer_dtype_agrees_with_torch_tensor(values, dtype):
    """infer_dtype names the dtype torch.tensor would pick for the same values."""
    assert infer_dtype(values) == dtype
    assert str(torch.tensor(values).dtype) == f"torch.{dtype}"
