"""Heatmaps of tensors: one panel per dim-0 slice of a 3-d tensor, values in the cells, dims on the axes."""

import math
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io
import plotly.tools
import pytest
import torch

from core.figures import MARK_COLOUR, cell_text, index_at, tensor_figure, value_range
from core.frozen_figure import FrozenFigure


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


def labels(figure, name: str = "panel") -> list[str]:
    """The panel labels (or the key, or the empty note) of a figure, as HTML."""
    return [a.text for a in figure.layout.annotations if a.name == name]


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_marked_dim_0_of_3d_colours_the_slice_titles():
    """Dim 0 of a 3-d tensor is the slices: their labels ([0, :, :], [1, :, :]) and the key above them
    (x[dim 0, :, :]) take the mark's colour instead of an axis."""
    figure = tensor_figure(CUBE, "x", marked_dim=0)
    unmarked = tensor_figure(CUBE, "x")
    for fig in (figure, unmarked):
        assert [plain(label) for label in labels(fig)] == ["[0, :, :]", "[1, :, :]"]
    assert [plain(key) for key in labels(figure, "key")] == ["x[→ dim 0 ←, :, :]"]
    assert [plain(key) for key in labels(unmarked, "key")] == ["x[dim 0, :, :]"]
    assert all(MARK_COLOUR in label for label in labels(figure) + labels(figure, "key"))
    assert not any(MARK_COLOUR in label for label in labels(unmarked) + labels(unmarked, "key"))
    assert all("→" not in axis(figure, letter, p).title.text for letter in "xy" for p in range(2))


def _shape_cells(figure) -> list[tuple[int, int, int]]:
    """(panel, row, column) of every outlined cell (rows and columns are the tensor's own, as the axes count)."""
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
    assert [index_at(tuple(tensor.shape), *cell) for cell in cells] == highlights


def test_selected_cell_has_its_own_colour():
    """The selected cell adds one more rect, in another colour than the highlights."""
    figure = tensor_figure(INT_2x3, "x", highlights=[(0, 0)], selected=(1, 1))
    assert len(figure.layout.shapes) == 2
    highlight, selected = figure.layout.shapes
    assert highlight.line.color != selected.line.color
    assert index_at((2, 3), *_shape_cells(figure)[1]) == (1, 1)
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
            index = index_at(tuple(tensor.shape), panel, row, col)
            assert texts(maps[panel])[row][col] == cell_text(tensor[index].item(), tensor.dtype)
            indices.append(index)
    assert sorted(indices) == sorted(np.ndindex(*tensor.shape))
    assert scatters(tensor_figure(tensor, "x")) == []


def test_index_at_inverts_the_drawing_position():
    """index_at reads a clicked (panel, row, column) as the tensor index drawn there; None where nothing is."""
    assert index_at((), 0, 0, 0) == ()
    assert index_at((5,), 0, 0, 4) == (4,)
    assert index_at((4, 2), 0, 3, 1) == (3, 1)
    assert index_at((3, 1, 2), 2, 0, 1) == (2, 0, 1)
    assert index_at((2, 3, 1, 2), 4, 0, 1) == (1, 1, 0, 1)
    assert index_at((2, 2), 1, 0, 0) is None and index_at((2, 2), 0, 2, 0) is None
    assert index_at((2, 0, 2), 0, 0, 0) is None


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
    from core.figures import MAX_WIDTH_PX, MIN_TEXT_CELL_PX
    from core.panel_layout import CELL_PX, panel_layout

    big = tensor_figure(torch.randn(16, 16, generator=torch.Generator().manual_seed(0)), "result")
    cell = panel_layout((16, 16), MAX_WIDTH_PX).cell
    assert cell < MIN_TEXT_CELL_PX and big.layout.width <= MAX_WIDTH_PX
    assert big.layout.height == 16 * cell + 85 + 16  # the title and column labels, a little air
    assert heatmaps(big)[0].texttemplate == "" and "result[%{y}, %{x}]" in big.data[0].hovertemplate
    assert panel_layout((2, 3), MAX_WIDTH_PX).cell == CELL_PX
    assert heatmaps(tensor_figure(torch.ones(2, 3), "x"))[0].texttemplate == "%{text}"
    assert tensor_figure(torch.ones(4, 4, 4), "x").layout.width <= MAX_WIDTH_PX  # 3-d: four panels side by side


def test_a_long_title_widens_a_small_figure():
    """The losses page's "loss, reduction='none'  torch.Size([2])  float32" over two cells was cut off."""
    small = tensor_figure(torch.ones(2), "x")
    long = tensor_figure(torch.ones(2), "loss, reduction='none'")
    assert long.layout.width > small.layout.width
    assert long.layout.width >= 7 * len("loss, reduction='none'  torch.Size([2])  float32")


# ---- 4 dims and more: one 2-d panel per index of the leading dims, in rows that fit the column ----

def _label_index(label: str) -> tuple[int, ...]:
    """The leading index a panel label names: '[0, 1, :, :]' -> (0, 1)."""
    return tuple(int(part) for part in plain(label).strip("[]").split(", ") if part != ":")


@pytest.mark.parametrize("shape", [(2, 3, 2, 2), (2, 1, 2, 3), (2, 2, 2, 2, 2), (3, 2, 1, 2, 2), (2, 2, 2, 2, 2, 2)])
def test_a_tensor_of_4_to_6_dims_is_one_panel_per_leading_index(shape):
    """Each panel is the 2-d slice tensor[i, j, ..., :, :] of its label, value for value, with that index in its hover;
    the panels come in the leading dims' order and the key above them names those dims."""
    tensor = torch.arange(math.prod(shape)).reshape(shape) * 3 - 7  # (*shape,)
    figure = tensor_figure(tensor, "result")
    maps, names = heatmaps(figure), labels(figure)
    leads = list(np.ndindex(*shape[:-2]))
    assert len(maps) == len(names) == math.prod(shape[:-2])
    for m, label, lead in zip(maps, names, leads):
        assert _label_index(label) == lead and plain(label).endswith(":, :]")
        assert np.array_equal(np.asarray(m.z), tensor[lead].to(torch.float64).numpy())
        assert texts(m) == [[cell_text(v, tensor.dtype) for v in row] for row in tensor[lead].tolist()]
        assert m.hovertemplate.startswith("result[" + "".join(f"{i}, " for i in lead) + "%{y}, %{x}]")
    dims = ", ".join(f"dim {d}" for d in range(len(shape) - 2))
    assert [plain(key) for key in labels(figure, "key")] == [f"result[{dims}, :, :]"]
    assert f"torch.Size([{', '.join(map(str, shape))}])" in figure.layout.title.text


@pytest.mark.parametrize("shape", [(2, 3, 2, 2), (2, 2, 2, 2, 2, 2), (4, 4, 4, 4), (2, 2, 2, 2, 2, 2, 2)])
def test_many_panels_stay_in_the_column_and_the_height_follows_their_rows(shape):
    """Panels never overlap, the figure is no wider than a column, and its height grows with its rows of panels;
    each panel's axes still name the last two dims."""
    from core.figures import MAX_WIDTH_PX

    figure = tensor_figure(torch.ones(shape), "x")
    assert figure.layout.width <= MAX_WIDTH_PX
    boxes = []
    for p in range(len(heatmaps(figure))):
        x, y = axis(figure, "x", p), axis(figure, "y", p)
        assert f"dim {len(shape) - 1}" in x.title.text and f"dim {len(shape) - 2}" in y.title.text
        assert 0 <= x.domain[0] < x.domain[1] <= 1 and 0 <= y.domain[0] < y.domain[1] <= 1
        boxes.append((*x.domain, *y.domain))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2], (a, b)
    rows_of_panels = len({round(b[3], 6) for b in boxes})
    one_row = tensor_figure(torch.ones(shape[-3:]), "x")
    assert rows_of_panels == 1 or figure.layout.height > one_row.layout.height


def test_a_4d_tensor_is_a_grid_with_dim_0_down_and_dim_1_across():
    """(2, 3, 2, 2): two rows of three panels, each row one index of dim 0."""
    figure = tensor_figure(torch.zeros(2, 3, 2, 2), "x")
    tops = [round(axis(figure, "y", p).domain[1], 6) for p in range(6)]
    assert tops[:3] == [tops[0]] * 3 and tops[3:] == [tops[3]] * 3 and tops[0] > tops[3]
    assert [_label_index(label)[0] for label in labels(figure)] == [0, 0, 0, 1, 1, 1]


def test_dim_colours_notes_and_the_mark_reach_every_panel_of_a_4d_tensor():
    """The last two dims' colours and notes are on every panel's axes; a leading dim's colour and the mark are on
    every panel label and on the key, with its note."""
    from core.figures import DIM_COLOURS

    colours = {0: DIM_COLOURS[2], 2: DIM_COLOURS[0], 3: DIM_COLOURS[1]}
    notes = {1: "⊂ input 0", 3: "= input 1×2"}
    figure = tensor_figure(torch.ones(2, 2, 2, 3), "result", dim_colours=colours, dim_notes=notes, marked_dim=1)
    for p in range(4):
        assert axis(figure, "y", p).title.font.color == DIM_COLOURS[0]
        x_title = axis(figure, "x", p).title
        assert x_title.font.color == DIM_COLOURS[1] and "= input 1×2" in x_title.text
    for label in labels(figure):
        assert DIM_COLOURS[2] in label and MARK_COLOUR in label and "<b>" in label
    (key,) = labels(figure, "key")
    assert plain(key) == "result[dim 0, → dim 1 ← ⊂ input 0, :, :]" and DIM_COLOURS[2] in key


@pytest.mark.parametrize("shape", [(2, 2, 2, 2), (2, 1, 3, 2, 2), (2, 2, 2, 2, 2, 2)])
def test_clicks_highlights_and_the_selection_work_on_every_panel(shape):
    """Every cell of every panel has a click target whose (panel, row, column) index_at turns back into the index
    drawn there; outlines land on the panel and cell of their index."""
    tensor = torch.arange(math.prod(shape)).reshape(shape)  # (*shape,)
    last = tuple(s - 1 for s in shape)
    figure = tensor_figure(tensor, "x", selectable=True, highlights=[(0,) * len(shape), last], selected=last)
    maps, targets = heatmaps(figure), scatters(figure)
    indices = []
    for p, target in enumerate(targets):
        for (panel, row, col), x, y, text in zip(target.customdata, target.x, target.y, target.text):
            assert (panel, row, col) == (p, y, x)
            index = index_at(shape, panel, row, col)
            assert text == cell_text(tensor[index].item(), tensor.dtype)
            indices.append(index)
    assert sorted(indices) == sorted(np.ndindex(*shape))
    cells = _shape_cells(figure)
    assert [index_at(shape, *cell) for cell in cells] == [(0,) * len(shape), last, last]
    assert figure.layout.shapes[2].line.color != figure.layout.shapes[0].line.color


@pytest.mark.parametrize("shape", [(0,), (3, 0), (2, 0, 2), (0, 0, 0), (2, 2, 0, 2), (1, 2, 3, 0, 2, 2)])
def test_an_empty_tensor_is_its_title_and_a_note(shape):
    """No elements: no heatmap, no click target and no panel; the title names the shape and a note says numel() = 0."""
    figure = tensor_figure(torch.zeros(shape), "result", selectable=True, highlights=[(0,) * len(shape)])
    assert not figure.data
    assert f"torch.Size([{', '.join(map(str, shape))}])" in figure.layout.title.text
    assert labels(figure, "empty") == ["∅  numel() = 0"] and not labels(figure)


def test_a_side_longer_than_a_column_is_cut_into_pieces():
    """A (300,) tensor at 4 px a cell would still overflow the column: it is cut into panels [0:90], [90:180], ...
    whose axes count the tensor's own indices, and every value is still in exactly one panel."""
    from core.figures import MAX_WIDTH_PX

    tensor = torch.arange(300)  # (300,)
    figure = tensor_figure(tensor, "v", selectable=True)
    assert figure.layout.width <= MAX_WIDTH_PX
    maps = heatmaps(figure)
    assert [plain(label) for label in labels(figure)] == [f"[{a}:{min(a + 90, 300)}]" for a in range(0, 300, 90)]
    assert np.concatenate([np.asarray(m.z).ravel() for m in maps]).tolist() == tensor.tolist()
    assert [int(m.x[0]) for m in maps] == [0, 90, 180, 270]
    assert all(t.hovertemplate.startswith("v[%{x}]") for t in scatters(figure))
    assert index_at((300,), 2, 0, 200) == (200,)


def test_past_the_panel_cap_the_rest_is_left_out_and_said():
    """(16, 8, 2, 2): 128 panels would each need their own axes; the first MAX_PANELS are drawn, the figure marks
    that more follow, and drawn_panels tells the page how many, so it can say so in words."""
    from core.figures import drawn_panels
    from core.panel_layout import MAX_PANELS

    figure = tensor_figure(torch.ones(16, 8, 2, 2), "x", highlights=[(15, 7, 1, 1)])
    assert len(heatmaps(figure)) == MAX_PANELS and not figure.layout.shapes  # the outlined cell is left out
    assert labels(figure, "hidden") == [f"⋯ +{128 - MAX_PANELS}"]
    assert drawn_panels((16, 8, 2, 2)) == (MAX_PANELS, 128) and drawn_panels((2, 2, 2, 2)) == (4, 4)


def test_short_values_are_written_in_smaller_cells_than_long_ones():
    """A one-digit int fits a cell a float like 0.3333 does not: each is written in while it fits."""
    ints = tensor_figure(torch.ones(2, 3, 4, 4, dtype=torch.int64), "x")
    floats = tensor_figure(torch.full((2, 3, 4, 4), 1 / 3), "x")
    assert all(m.texttemplate == "%{text}" for m in heatmaps(ints))
    assert all(m.texttemplate == "" for m in heatmaps(floats))
    assert "= %{text}" in heatmaps(floats)[0].hovertemplate


def test_a_narrower_column_gets_a_narrower_figure():
    """The dim sweep's quarter columns pass their own width."""
    figure = tensor_figure(torch.ones(3, 3, 4, 4), "x", max_width=300)
    assert figure.layout.width <= 300


def test_a_frozen_figure_serializes_as_the_figure_does():
    """What Streamlit sends for a cached heatmap (to_dict, then plotly.io.to_json) is the figure's own JSON."""
    figure = tensor_figure(torch.arange(12.0).reshape(2, 2, 3), "x", selectable=True)
    frozen = FrozenFigure(figure)
    sent = plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(frozen, True), validate=False)
    assert sent == figure.to_json()
    assert frozen.to_dict() is frozen.to_dict()  # built once, not on every redraw
