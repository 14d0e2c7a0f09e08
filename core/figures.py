"""Plotly heatmaps of tensors: each cell's value written in it, dims on the axes, the working dim marked."""

import numpy as np
import plotly.graph_objects as go
from plotly.colors import make_colorscale, sequential
import torch

from core.grid import dtype_name

CELL_PX = 46  # one cell's side when there is room
MAX_WIDTH_PX = 440  # one of the ops page's two columns (before / after) in the wide layout on a 1400 px window
MIN_TEXT_CELL_PX = 30  # narrower cells leave their values to the hover: written in, they would not fit
MARK_COLOUR = "#e8590c"  # the working dim's axis and arrow, when dims carry no colour of their own
PLAIN_COLOUR = "#495057"
# one colour per input dim, kept by that dim in the result, so a learner sees where each dim went
DIM_COLOURS = ("#1971c2", "#2f9e44", "#9c36b5", "#e67700")
HIGHLIGHT_COLOUR = "#e8590c"
SELECTED_COLOUR = "#1c7ed6"
# ColorBrewer Blues, light to dark, spelled out: plotly.js's own "Blues" runs the other way
COLOURSCALE = make_colorscale(sequential.Blues)


def value_range(*tensors: torch.Tensor) -> tuple[float, float]:
    """One (min, max) over several tensors, so before and after share a colour scale."""
    values = [t.detach().to(torch.float64).flatten() for t in tensors if t is not None and t.numel()]
    if not values:
        return 0.0, 1.0
    joined = torch.cat(values)  # (total,)
    low, high = float(joined.min()), float(joined.max())
    return (low, high) if low < high else (low - 1.0, high + 1.0)


def cell_text(value, dtype: torch.dtype) -> str:
    """A value as written inside its cell: ints whole, floats to 4 significant digits, bools as True / False."""
    if dtype == torch.bool:
        return "True" if value else "False"
    if not dtype.is_floating_point:
        return str(int(value))
    return f"{value:.4g}"


def tensor_figure(
    tensor: torch.Tensor,
    name: str,
    *,
    zrange: tuple[float, float] | None = None,
    marked_dim: int | None = None,
    dim_colours: dict[int, str] | None = None,
    dim_notes: dict[int, str] | None = None,
    highlights: list[tuple[int, ...]] = (),
    selected: tuple[int, ...] | None = None,
    selectable: bool = False,
) -> go.Figure:
    """A heatmap of a 0-d to 3-d tensor; 3-d is drawn as one panel per slice along dim 0.

    `dim_colours` colours each dim's axis title (dim -> colour) and `dim_notes` adds to it (where a reshaped dim came
    from, as HTML the core builds, never user text); `highlights` outlines cells (sources of a selected result cell), `selected` outlines one cell in another colour,
    and `selectable` overlays invisible markers so a click on a cell can be read back as a point selection.
    The figure is assembled as plain data and wrapped without plotly's validation, which took ~50 ms a figure.
    """
    ndim = tensor.ndim
    marked = None if marked_dim is None else marked_dim % max(ndim, 1)
    grids = _as_panels(tensor)  # list of (z, text), each (rows, cols): one per dim-0 slice for 3-d
    zmin, zmax = zrange or value_range(tensor)
    rows, cols = grids[0][0].shape
    panels = len(grids)
    cell = cell_size(cols * panels, panels)
    written = cell >= MIN_TEXT_CELL_PX
    gap = 0.3 / panels if panels > 1 else 0.0
    traces, layout = [], {}
    for p, (z, text) in enumerate(grids):
        axis = "" if p == 0 else str(p + 1)
        hover = _hover(name, ndim, p) + " = %{text}<extra></extra>"
        heat = dict(
            type="heatmap", z=z, text=text, texttemplate="%{text}" if written else "", zmin=zmin, zmax=zmax,
            colorscale=COLOURSCALE, textfont=dict(size=12 if cell >= 40 else 10),
            showscale=False, xgap=2, ygap=2, xaxis=f"x{axis}", yaxis=f"y{axis}",
        )
        if selectable:
            heat["hoverinfo"] = "skip"  # the click targets below take the hover and the click
        else:
            heat["hovertemplate"] = hover
        traces.append(heat)
        if selectable:
            traces.append(_click_targets(rows, cols, p, text, hover, axis, cell))
        left = p / panels + (gap / 2 if panels > 1 else 0)
        right = (p + 1) / panels - (gap / 2 if panels > 1 else 0)
        x_axis, y_axis = _axes(ndim, rows, cols, marked, dim_colours or {}, dim_notes or {})
        layout[f"xaxis{axis}"] = {**x_axis, "domain": [left, right], "anchor": f"y{axis}"}
        layout[f"yaxis{axis}"] = {**y_axis, "anchor": f"x{axis}", "scaleanchor": f"x{axis}"}
    shapes = [_outline(ndim, index, HIGHLIGHT_COLOUR) for index in highlights]
    if selected is not None:
        shapes.append(_outline(ndim, selected, SELECTED_COLOUR))
    annotations = []
    if ndim == 3:  # each slice labelled below, in the working-dim colour when dim 0 is the one worked along
        colour = (dim_colours or {}).get(0) or (MARK_COLOUR if marked == 0 else PLAIN_COLOUR)
        note = f" ({dim_notes[0]})" if dim_notes and 0 in dim_notes else ""
        for p in range(panels):
            centre = (p + 0.5) / panels
            annotations.append(dict(
                text=(f"<b>dim 0 = {p}</b>" if marked == 0 else f"dim 0 = {p}") + note, x=centre, y=0, xref="paper", yref="paper",
                yanchor="top", yshift=-4, showarrow=False, font=dict(color=colour, size=13),
            ))
    size = "torch.Size([" + ", ".join(map(str, tensor.shape)) + "])"
    panel_width = cols * cell + 50
    layout.update(
        title=dict(
            text=f"<b>{name}</b>  {size}  {dtype_name(tensor.dtype)}", font=dict(size=13), x=0, xanchor="left",
            y=1, yanchor="top", yref="container", pad=dict(t=8),
        ),
        width=max(260, panels * panel_width + 90, _title_px(name, size, tensor.dtype)),
        height=rows * cell + (145 if ndim == 3 else 125),
        margin=dict(l=60, r=20, t=85, b=40 if ndim == 3 else 20),
        showlegend=False,
        dragmode=False,
        clickmode="event+select",
        plot_bgcolor="white",
        shapes=shapes,
        annotations=annotations,
    )
    return go.Figure(dict(data=traces, layout=layout), _validate=False)


def _title_px(name: str, size: str, dtype: torch.dtype) -> int:
    """Room for the title line (name, torch.Size, dtype at 13 px, about 7 px a character), so it is never clipped."""
    return 7 * (len(name) + len(size) + len(dtype_name(dtype)) + 4) + 20


def cell_size(columns: int, panels: int = 1) -> int:
    """A cell's side in pixels: CELL_PX, or less so that `columns` cells (over `panels` panels, each with its own
    margin) fit MAX_WIDTH_PX. The figure's height follows, so nothing is left blank around a shrunken grid."""
    room = MAX_WIDTH_PX - 90 - 50 * panels
    return max(8, min(CELL_PX, room // max(columns, 1)))


def _as_panels(tensor: torch.Tensor):
    values = tensor.detach()
    if values.ndim == 0:
        slices = [values.reshape(1, 1)]  # (1, 1)
    elif values.ndim == 1:
        slices = [values.reshape(1, -1)]  # (1, n)
    elif values.ndim == 2:
        slices = [values]
    else:
        slices = list(values)  # each (rows, cols)
    panels = []
    for s in slices:
        z = s.to(torch.float64).numpy()
        text = np.vectorize(lambda v: cell_text(v, tensor.dtype), otypes=[object])(s.numpy())
        panels.append((z, text))
    return panels


def _hover(name: str, ndim: int, panel: int) -> str:
    if ndim == 0:
        return name
    if ndim == 1:
        return f"{name}[%{{x}}]"
    if ndim == 2:
        return f"{name}[%{{y}}, %{{x}}]"
    return f"{name}[{panel}, %{{y}}, %{{x}}]"


def _click_targets(rows: int, cols: int, panel: int, text, hover: str, axis: str, cell: int) -> dict:
    ys, xs = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")  # (rows, cols) each
    return dict(
        type="scatter", x=xs.ravel(), y=ys.ravel(), text=np.asarray(text).ravel(), hovertemplate=hover,
        customdata=[[panel, int(y), int(x)] for y, x in zip(ys.ravel(), xs.ravel())],
        mode="markers", marker=dict(size=cell - 6, symbol="square", opacity=0),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        showlegend=False, xaxis=f"x{axis}", yaxis=f"y{axis}",
    )


def _axes(ndim: int, rows: int, cols: int, marked: int | None, colours: dict[int, str],
          notes: dict[int, str]) -> tuple[dict, dict]:
    """The x and y axes of one panel, titled with the tensor dim each one shows (and its note, if any)."""
    x_dim = {0: None, 1: 0, 2: 1, 3: 2}[ndim]
    y_dim = {0: None, 1: None, 2: 0, 3: 1}[ndim]

    def axis(dim, count):
        is_marked = dim is not None and dim == marked
        title = "" if dim is None else (f"<b>→ dim {dim} ←</b>" if is_marked else f"dim {dim}")
        if dim in notes:
            title += f" {notes[dim]}"
        return dict(
            title=dict(text=title, font=dict(color=colours.get(dim) or (MARK_COLOUR if is_marked else PLAIN_COLOUR))),
            tickmode="array", tickvals=list(range(count)),
            ticktext=[str(i) if dim is not None else "" for i in range(count)],
            showgrid=False, zeroline=False, fixedrange=True,
            **({"ticks": ""} if dim is None else {}),  # no dim on this axis (the row of a 1-d tensor): no tick mark
        )

    x_axis = {**axis(x_dim, cols), "side": "top"}
    y_axis = {**axis(y_dim, rows), "autorange": "reversed"}
    return x_axis, y_axis


def _outline(ndim: int, index: tuple[int, ...], colour: str) -> dict:
    panel, y, x = _screen_position(ndim, index)
    axis = "" if panel == 0 else str(panel + 1)
    return dict(
        type="rect", x0=x - 0.5, x1=x + 0.5, y0=y - 0.5, y1=y + 0.5, xref=f"x{axis}", yref=f"y{axis}",
        line=dict(color=colour, width=4),
    )


def _screen_position(ndim: int, index: tuple[int, ...]) -> tuple[int, int, int]:
    """(panel, row, column) where a tensor index is drawn."""
    if ndim == 0:
        return 0, 0, 0
    if ndim == 1:
        return 0, 0, index[0]
    if ndim == 2:
        return 0, index[0], index[1]
    return index[0], index[1], index[2]


def index_at(ndim: int, panel: int, row: int, col: int) -> tuple[int, ...]:
    """The tensor index of a clicked cell (the inverse of where a cell is drawn)."""
    return {0: (), 1: (col,), 2: (row, col), 3: (panel, row, col)}[ndim]
