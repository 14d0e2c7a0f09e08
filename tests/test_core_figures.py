"""Heatmaps of tensors: one panel per dim-0 slice of a 3-d tensor, values in the cells, dims on the axes."""

import re

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from core.figures import MARK_COLOUR, cell_text, index_at, tensor_figure, value_range


def heatmaps(figure) -> list[go.Heatmap]:
    return [t for t in figure.data if isinstance(t, go.Heatmap)]


def scatters(figure) -> list[go.Scatter]:
    return [t for t in figure.data if isinstance(t, go.Scatter)]


def axis(figure, letter: str, panel: int):
    """The x or y axis of panel `panel` (0-based)."""
    return figure.layout[f"{letter}axis{'' if panel == 0 else panel + 1}"]


def texts(trace) -> list[list[str]]:
    return np.asarray(trace.text).tolist()


INT_2x3 = torch.tensor([[1, 2, 3], [4, 5, 6]])
CUBE = torch.arange(12).reshape(2, 2, 3)


@pytest.mark.parametrize(
    "tensor, panels, cells",
    [
        (torch.tensor(5), 1, [[["5"]]]),
        (torch.tensor([7, -1, 0]), 1, [[["7", "-1", "0"]]]),
        (INT_2x3, 1, [[["1", "2", "3"], ["4", "5", "6"]]]),
        (CUBE, 2, [[["0", "1", "2"], ["3", "4", "5"]], [["6", "7", "8"], ["9", "10", "11"]]]),
        (torch.tensor([[0.5, 1.25], [2.0, 1 / 3]]), 1, [[["0.5", "1.25"], ["2", "0.3333"]]]),
        (torch.tensor([[1e-7, 123456.0]], dtype=torch.float64), 1, [[["1e-07", "1.235e+05"]]]),
        (torch.tensor([True, False]), 1, [[["True", "False"]]]),
        (torch.tensor([[[True]], [[False]], [[True]]]), 3, [[["True"]], [["False"]], [["True"]]]),
    ],
)
def test_one_heatmap_per_panel_with_the_values_written_in(tensor, panels, cells):
    """0-d is one cell, 1-d one row, 2-d a table, 3-d one table per slice; each cell shows its value."""
    figure = tensor_figure(tensor, "input")
    maps = heatmaps(figure)
    assert len(maps) == panels
    assert [texts(m) for m in maps] == cells
    assert all(m.texttemplate == "%{text}" for m in maps)
    expected_z = tensor.to(torch.float64).reshape(panels, len(cells[0]), len(cells[0][0])).numpy()
    for m, z in zip(maps, expected_z):
        assert np.array_equal(np.asarray(m.z), z)


def test_cell_text_matches_the_tensor_values():
    """Every heatmap cell's text is that element written as cell_text writes it."""
    tensor = torch.tensor([[[0.1, -2.5, 3.0], [1e6, 7.25, -0.0]], [[1 / 7, 2.0, 9.99999], [0.0, 1.0, 2.0]]])
    for p, m in enumerate(heatmaps(tensor_figure(tensor, "x"))):
        for r, row in enumerate(texts(m)):
            for c, text in enumerate(row):
                assert text == cell_text(tensor[p, r, c].item(), tensor.dtype)
                assert float(text) == pytest.approx(tensor[p, r, c].item(), rel=1e-3)


@pytest.mark.parametrize(
    "tensor, size, dtype",
    [
        (INT_2x3, "torch.Size([2, 3])", "int64"),
        (torch.ones(2, 3, dtype=torch.float64), "torch.Size([2, 3])", "float64"),
        (torch.tensor(1.5), "torch.Size([])", "float32"),
        (torch.tensor([True]), "torch.Size([1])", "bool"),
        (CUBE, "torch.Size([2, 2, 3])", "int64"),
    ],
)
def test_title_shows_name_shape_and_dtype(tensor, size, dtype):
    """The title carries the tensor's name, torch's Size and the dtype."""
    title = tensor_figure(tensor, "mat2").layout.title.text
    assert "mat2" in title and size in title and dtype in title


def test_zrange_sets_the_colour_scale():
    """zmin / zmax come from zrange when given (shared scales), else from the tensor's own range."""
    maps = heatmaps(tensor_figure(CUBE, "x", zrange=(-5.0, 50.0)))
    assert all((m.zmin, m.zmax) == (-5.0, 50.0) for m in maps)
    (own,) = heatmaps(tensor_figure(INT_2x3, "x"))
    assert (own.zmin, own.zmax) == (1.0, 6.0)


def test_value_range():
    """One range over several tensors; a flat range is widened so colours still work."""
    assert value_range(torch.tensor([1, 5]), torch.tensor([[-2.0]])) == (-2.0, 5.0)
    assert value_range(torch.tensor([3, 3])) == (2.0, 4.0)
    assert value_range(torch.tensor([True, False])) == (0.0, 1.0)
    assert value_range() == (0.0, 1.0)


@pytest.mark.parametrize(
    "tensor, marked, letter, dim",
    [
        (torch.tensor([1, 2, 3]), 0, "x", 0),
        (INT_2x3, 0, "y", 0),
        (INT_2x3, 1, "x", 1),
        (INT_2x3, -1, "x", 1),
        (INT_2x3, -2, "y", 0),
        (CUBE, 1, "y", 1),
        (CUBE, 2, "x", 2),
        (CUBE, -1, "x", 2),
    ],
)
def test_marked_dim_is_named_on_its_axis(tensor, marked, letter, dim):
    """The axis that shows the marked dim carries it in its title (negative dims counted from the end)."""
    figure = tensor_figure(tensor, "x", marked_dim=marked)
    for p in range(len(heatmaps(figure))):
        title = axis(figure, letter, p).title.text
        assert f"dim {dim}" in title and "→" in title
        other = axis(figure, "y" if letter == "x" else "x", p).title.text
        assert "→" not in other


def test_unmarked_axes_still_name_their_dims():
    """Without a mark, a 2-d heatmap's rows are dim 0 and its columns dim 1; a 0-d one has no dims to name."""
    figure = tensor_figure(INT_2x3, "x")
    assert figure.layout.yaxis.title.text == "dim 0"
    assert figure.layout.xaxis.title.text == "dim 1"
    scalar = tensor_figure(torch.tensor(3), "x")
    assert not scalar.layout.xaxis.title.text and not scalar.layout.yaxis.title.text


def test_marked_dim_0_of_3d_colours_the_slice_titles():
    """Dim 0 of a 3-d tensor is the slices: their labels (slice 0, slice 1) take the mark's colour instead of an axis."""
    figure = tensor_figure(CUBE, "x", marked_dim=0)
    plain = tensor_figure(CUBE, "x")
    for fig in (figure, plain):
        labels = [re.sub(r"<[^>]+>", "", a.text) for a in fig.layout.annotations]
        assert len(labels) == 2 and all(label.endswith(str(p)) for p, label in enumerate(labels))
    assert all(a.font.color == MARK_COLOUR for a in figure.layout.annotations)
    assert all(a.font.color != MARK_COLOUR for a in plain.layout.annotations)
    assert all("→" not in axis(figure, letter, p).title.text for letter in "xy" for p in range(2))


def _shape_cells(figure) -> list[tuple[int, int, int]]:
    """(panel, row, column) of every outlined cell."""
    cells = []
    for shape in figure.layout.shapes:
        assert shape.type == "rect"
        panel = 0 if shape.xref == "x" else int(shape.xref[1:]) - 1
        cells.append((panel, round((shape.y0 + shape.y1) / 2), round((shape.x0 + shape.x1) / 2)))
    return cells


@pytest.mark.parametrize(
    "tensor, highlights",
    [
        (torch.tensor(1), [()]),
        (torch.tensor([1, 2, 3]), [(0,), (2,)]),
        (INT_2x3, [(0, 1), (1, 2), (1, 0)]),
        (CUBE, [(1, 0, 2), (0, 1, 1)]),
    ],
)
def test_highlights_outline_the_right_cells(tensor, highlights):
    """Each highlight adds one rect around the cell, which index_at maps back to the same index."""
    figure = tensor_figure(tensor, "x", highlights=highlights)
    cells = _shape_cells(figure)
    assert len(cells) == len(highlights)
    assert [index_at(tensor.ndim, *cell) for cell in cells] == highlights


def test_selected_cell_has_its_own_colour():
    """The selected cell adds one more rect, in another colour than the highlights."""
    figure = tensor_figure(INT_2x3, "x", highlights=[(0, 0)], selected=(1, 1))
    assert len(figure.layout.shapes) == 2
    highlight, selected = figure.layout.shapes
    assert highlight.line.color != selected.line.color
    assert index_at(2, *_shape_cells(figure)[1]) == (1, 1)
    assert len(tensor_figure(INT_2x3, "x").layout.shapes) == 0


@pytest.mark.parametrize("tensor", [torch.tensor(4), torch.tensor([4, 5, 6]), INT_2x3, CUBE])
def test_selectable_adds_click_targets_for_every_cell(tensor):
    """One invisible scatter per panel; its customdata (panel, row, column) maps back to every index once."""
    figure = tensor_figure(tensor, "x", selectable=True)
    maps, targets = heatmaps(figure), scatters(figure)
    assert len(targets) == len(maps)
    indices = []
    for p, target in enumerate(targets):
        assert target.mode == "markers" and target.marker.opacity == 0
        for (panel, row, col), x, y in zip(target.customdata, target.x, target.y):
            assert (panel, row, col) == (p, y, x)
            index = index_at(tensor.ndim, panel, row, col)
            assert texts(maps[panel])[row][col] == cell_text(tensor[index].item(), tensor.dtype)
            indices.append(index)
    assert sorted(indices) == sorted(np.ndindex(*tensor.shape))
    assert scatters(tensor_figure(tensor, "x")) == []


def test_index_at_inverts_the_drawing_position():
    """index_at reads a clicked (panel, row, column) as the tensor index drawn there."""
    assert index_at(0, 0, 0, 0) == ()
    assert index_at(1, 0, 0, 4) == (4,)
    assert index_at(2, 0, 3, 1) == (3, 1)
    assert index_at(3, 2, 0, 1) == (2, 0, 1)


def test_figure_fits_its_cells():
    """Taller and wider tensors give taller and wider figures; a 3-d tensor's panels sit side by side."""
    small, tall = tensor_figure(torch.ones(1, 2), "x"), tensor_figure(torch.ones(5, 2), "x")
    assert tall.layout.height > small.layout.height
    wide, three = tensor_figure(torch.ones(1, 8), "x"), tensor_figure(torch.ones(3, 1, 2), "x")
    assert wide.layout.width > small.layout.width
    assert three.layout.width > small.layout.width


def test_hover_names_the_cell():
    """Hovering shows the cell as name[i, j] (and the slice for 3-d)."""
    assert heatmaps(tensor_figure(INT_2x3, "input"))[0].hovertemplate.startswith("input[%{y}, %{x}]")
    assert heatmaps(tensor_figure(CUBE, "input"))[1].hovertemplate.startswith("input[1, %{y}, %{x}]")
    assert heatmaps(tensor_figure(torch.tensor([1, 2]), "v"))[0].hovertemplate.startswith("v[%{x}]")


def test_figure_of_a_tensor_that_requires_grad():
    """A tensor carrying autograd history is drawn from its values."""
    values = (torch.ones(2, 2, requires_grad=True) * 2)
    assert texts(heatmaps(tensor_figure(values, "x"))[0]) == [["2", "2"], ["2", "2"]]


def test_a_wide_tensor_shrinks_its_cells_to_fit_a_column_and_its_height_follows():
    """A (16, 16) tensor at full cell size would be twice a column's width; the browser then squeezed the grid into
    the column and left the rest of the figure's height blank. Cells shrink instead, the figure stays square to its
    grid, and values too wide for the cells are left to the hover."""
    from core.figures import CELL_PX, MAX_WIDTH_PX, MIN_TEXT_CELL_PX, cell_size

    big = tensor_figure(torch.randn(16, 16, generator=torch.Generator().manual_seed(0)), "result")
    cell = cell_size(16)
    assert cell < MIN_TEXT_CELL_PX and big.layout.width <= MAX_WIDTH_PX
    assert big.layout.height == 16 * cell + 125
    assert heatmaps(big)[0].texttemplate == "" and "result[%{y}, %{x}]" in big.data[0].hovertemplate
    assert cell_size(3) == CELL_PX and heatmaps(tensor_figure(torch.ones(2, 3), "x"))[0].texttemplate == "%{text}"
    assert tensor_figure(torch.ones(4, 4, 4), "x").layout.width <= MAX_WIDTH_PX  # 3-d: four panels side by side


def test_a_long_title_widens_a_small_figure():
    """The losses page's "loss, reduction='none'  torch.Size([2])  float32" over two cells was cut off."""
    small = tensor_figure(torch.ones(2), "x")
    long = tensor_figure(torch.ones(2), "loss, reduction='none'")
    assert long.layout.width > small.layout.width
    assert long.layout.width >= 7 * len("loss, reduction='none'  torch.Size([2])  float32")
