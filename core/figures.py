"""Plotly heatmaps of tensors: each cell's value written in it, dims on the axes, the working dim marked."""

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots
import torch

from core.grid import dtype_name

CELL_PX = 46  # one cell's side, so a 16 x 16 tensor still fits a column
MARK_COLOUR = "#e8590c"  # the working dim's axis and arrow
HIGHLIGHT_COLOUR = "#e8590c"
SELECTED_COLOUR = "#1c7ed6"
COLOURSCALE = "Blues"


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
    highlights: list[tuple[int, ...]] = (),
    selected: tuple[int, ...] | None = None,
    selectable: bool = False,
    dim_word: str = "dim",
) -> go.Figure:
    """A heatmap of a 0-d to 3-d tensor; 3-d is drawn as one panel per slice along dim 0.

    `highlights` outlines cells (sources of a selected result cell), `selected` outlines one cell in another colour,
    and `selectable` overlays invisible markers so a click on a cell can be read back as a point selection.
    """
    ndim = tensor.ndim
    marked = None if marked_dim is None else marked_dim % max(ndim, 1)
    grids = _as_panels(tensor)  # list of (rows, cols) arrays, one per dim-0 slice for 3-d
    zmin, zmax = zrange or value_range(tensor)
    rows, cols = grids[0][0].shape
    panels = len(grids)
    titles = [f"[{i}]" for i in range(panels)] if ndim == 3 else None
    figure = make_subplots(rows=1, cols=panels, subplot_titles=titles, horizontal_spacing=0.3 / max(panels, 1))
    for p, (z, text) in enumerate(grids):
        figure.add_trace(
            go.Heatmap(
                z=z,
                text=text,
                texttemplate="%{text}",
                zmin=zmin,
                zmax=zmax,
                colorscale=COLOURSCALE,
                showscale=False,
                xgap=2,
                ygap=2,
                hovertemplate=None if selectable else _hover(name, ndim, p) + " = %{text}<extra></extra>",
                hoverinfo="skip" if selectable else None,
            ),
            row=1,
            col=p + 1,
        )
        if selectable:
            # the heatmap gives no click events in Streamlit, so invisible markers take the hover and the click
            hover = _hover(name, ndim, p) + " = %{text}<extra></extra>"
            figure.add_trace(_click_targets(rows, cols, p, text, hover), row=1, col=p + 1)
        _label_axes(figure, ndim, p + 1, rows, cols, marked, dim_word)
    for index in highlights:
        _outline(figure, ndim, index, HIGHLIGHT_COLOUR, dash="solid")
    if selected is not None:
        _outline(figure, ndim, selected, SELECTED_COLOUR, dash="solid")
    if ndim == 3 and marked == 0:
        for annotation in figure.layout.annotations:
            annotation.font = dict(color=MARK_COLOUR, size=13)
    size = "torch.Size([" + ", ".join(map(str, tensor.shape)) + "])"
    panel_width = cols * CELL_PX + 50
    figure.update_layout(
        title=dict(
            text=f"<b>{name}</b>  {size}  {dtype_name(tensor.dtype)}", font=dict(size=13), x=0, xanchor="left",
            y=1, yanchor="top", yref="container", pad=dict(t=8),
        ),
        width=max(260, panels * panel_width + 90),
        height=rows * CELL_PX + (150 if ndim == 3 else 125),
        margin=dict(l=60, r=20, t=100 if ndim == 3 else 85, b=20),
        showlegend=False,
        dragmode=False,
        clickmode="event+select",
        plot_bgcolor="white",
    )
    return figure


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


def _click_targets(rows: int, cols: int, panel: int, text, hover: str) -> go.Scatter:
    ys, xs = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    return go.Scatter(
        x=xs.ravel(),
        y=ys.ravel(),
        text=np.asarray(text).ravel(),
        hovertemplate=hover,
        customdata=[[panel, int(y), int(x)] for y, x in zip(ys.ravel(), xs.ravel())],
        mode="markers",
        marker=dict(size=CELL_PX - 6, symbol="square", opacity=0),
        selected=dict(marker=dict(opacity=0)),
        unselected=dict(marker=dict(opacity=0)),
        showlegend=False,
    )


def _label_axes(figure, ndim: int, col: int, rows: int, cols: int, marked: int | None, dim_word: str) -> None:
    # which tensor dim each screen axis shows
    x_dim = {0: None, 1: 0, 2: 1, 3: 2}[ndim]
    y_dim = {0: None, 1: None, 2: 0, 3: 1}[ndim]

    def title(dim):
        if dim is None:
            return ""
        text = f"{dim_word} {dim}"
        if dim == marked:
            return f"<b>→ {text} ←</b>"
        return text

    def colour(dim):
        return MARK_COLOUR if dim is not None and dim == marked else "#495057"

    figure.update_xaxes(
        title=dict(text=title(x_dim), font=dict(color=colour(x_dim))),
        tickmode="array",
        tickvals=list(range(cols)),
        ticktext=[str(i) for i in range(cols)] if x_dim is not None else [""] * cols,
        side="top",
        showgrid=False,
        zeroline=False,
        fixedrange=True,
        row=1,
        col=col,
    )
    figure.update_yaxes(
        title=dict(text=title(y_dim), font=dict(color=colour(y_dim))),
        tickmode="array",
        tickvals=list(range(rows)),
        ticktext=[str(i) for i in range(rows)] if y_dim is not None else [""] * rows,
        autorange="reversed",
        showgrid=False,
        zeroline=False,
        fixedrange=True,
        scaleanchor=f"x{'' if col == 1 else col}",
        row=1,
        col=col,
    )


def _outline(figure, ndim: int, index: tuple[int, ...], colour: str, dash: str) -> None:
    panel, y, x = _screen_position(ndim, index)
    figure.add_shape(
        type="rect",
        x0=x - 0.5,
        x1=x + 0.5,
        y0=y - 0.5,
        y1=y + 0.5,
        line=dict(color=colour, width=4, dash=dash),
        row=1,
        col=panel + 1,
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
