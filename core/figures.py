"""Plotly heatmaps of tensors of any number of dims: each cell's value written in it (or in its hover when cells are
small), dims on the axes, the working dim marked, one 2-d panel per index of the leading dims."""

import math
from typing import Mapping

import numpy as np
import plotly.graph_objects as go
from plotly.colors import make_colorscale, sequential
import torch

from core.grid import dtype_name
from core.panel_layout import MARGIN_LEFT, MARGIN_RIGHT, Panel, PanelLayout, panel_layout

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
# no plotly template: these figures set every colour they use, and the default one (Streamlit's) is 6 KB of JSON
# that would be copied, serialised and sent with every figure on every rerun
NO_TEMPLATE = {}


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
    max_width: int = MAX_WIDTH_PX,
    hover_notes: Mapping[tuple[int, ...], str] | None = None,
) -> go.Figure:
    """A heatmap of a tensor of any number of dims: its last two dims are a panel's rows and columns, and a tensor of
    3 or more dims gets one panel per index of the leading dims, each labelled with that index (`[0, 1, :, :]`).

    `dim_colours` colours each dim's axis title (dim -> colour) and `dim_notes` adds to it (where a reshaped dim came
    from, as HTML the core builds, never user text); a leading dim's colour and note go to the panel labels and the
    key above them. `highlights` outlines cells (sources of a selected result cell), `selected` outlines one cell in
    another colour, and `selectable` overlays invisible markers so a click on a cell can be read back as a point
    selection (its customdata is (panel, row, column), turned back into an index by `index_at`); `hover_notes` adds
    a line to a selectable figure's hover for the cells it names (index -> plain text the core wrote: the sources).
    A tensor with no elements is drawn as its title and a note. The figure stays `max_width` pixels wide (unless its
    title needs more), its height follows its rows of panels, and it is assembled as plain data and wrapped without
    plotly's validation, which took ~50 ms a figure.
    """
    values = tensor.detach()
    if values.numel() == 0:
        return _empty_figure(values, name)
    ndim = values.ndim
    marked = None if marked_dim is None else marked_dim % max(ndim, 1)
    colours, notes = dim_colours or {}, dim_notes or {}
    texts = _cell_texts(values)  # same shape as values, one string per element
    text_px = _text_px(texts)
    layout_of = panel_layout(tuple(values.shape), max_width, text_px)
    cell = layout_of.cell
    labelled = ndim >= 3 or layout_of.chunked
    top = 114 if labelled else 85  # the title, then (over the panels) the key or the first row's labels
    bottom = 45 if layout_of.hidden else 16  # room for the "⋯ +N" note only when panels were left out
    plot_width, plot_height = layout_of.plot_size()
    width = max(260, plot_width + MARGIN_LEFT + MARGIN_RIGHT, _title_px(name, values))
    room = width - MARGIN_LEFT - MARGIN_RIGHT
    grid = values.reshape(1, 1) if ndim == 0 else values.reshape(1, -1) if ndim == 1 else values  # (..., rows, cols)
    text_grid = texts.reshape(grid.shape)
    zmin, zmax = zrange or value_range(values)
    traces, layout, annotations = [], {}, []
    for p, panel in enumerate(layout_of.panels):
        axis = "" if p == 0 else str(p + 1)
        where = (*panel.lead, slice(panel.rows.start, panel.rows.stop), slice(panel.cols.start, panel.cols.stop))
        heat = dict(
            type="heatmap", z=grid[where].to(torch.float64).numpy(), x=list(panel.cols), y=list(panel.rows),
            text=text_grid[where], texttemplate="%{text}" if cell >= text_px else "", zmin=zmin, zmax=zmax,
            colorscale=COLOURSCALE, textfont=dict(size=12 if cell >= 40 else 10), showscale=False,
            xgap=2 if cell >= 16 else 1, ygap=2 if cell >= 16 else 1, xaxis=f"x{axis}", yaxis=f"y{axis}",
        )
        notes_here = _panel_notes(hover_notes, ndim, panel) if hover_notes else None
        traces += _with_hover(heat, _hover(name, ndim, panel.lead), panel, p, cell, selectable, notes_here)
        left, upper, w, h = layout_of.box(p)
        x_axis, y_axis = _axes(ndim, panel, cell, marked, colours, notes)
        layout[f"xaxis{axis}"] = {**x_axis, "domain": [left / room, (left + w) / room], "anchor": f"y{axis}"}
        layout[f"yaxis{axis}"] = {
            **y_axis, "domain": [1 - (upper + h) / plot_height, 1 - upper / plot_height], "anchor": f"x{axis}",
            "scaleanchor": f"x{axis}",
        }
        if labelled:
            annotations.append(dict(
                text=_panel_label(ndim, panel, layout_of.shape, marked, colours), name="panel",
                x=(left + w / 2) / room, y=1 - upper / plot_height, xref="paper", yref="paper",
                yanchor="bottom", yshift=44, showarrow=False, font=dict(color=PLAIN_COLOUR, size=12),
            ))
    if ndim >= 3:
        annotations.append(dict(
            text=_key(name, ndim, marked, colours, notes), name="key", x=0, y=1, xref="paper", yref="paper",
            xanchor="left", yanchor="bottom", yshift=62, showarrow=False, font=dict(color=PLAIN_COLOUR, size=12),
        ))
    if layout_of.hidden:  # the component says it in words; the figure marks where the rest would be
        annotations.append(dict(
            text=f"⋯ +{layout_of.hidden}", name="hidden", x=0, y=0, xref="paper", yref="paper", xanchor="left",
            yanchor="top", yshift=-22, showarrow=False, font=dict(color=PLAIN_COLOUR, size=12),
        ))
    shapes = [_outline(layout_of, index, HIGHLIGHT_COLOUR) for index in highlights]
    if selected is not None:
        shapes.append(_outline(layout_of, selected, SELECTED_COLOUR))
    layout.update(
        title=_title(name, values),
        width=width,
        height=plot_height + top + bottom,
        margin=dict(l=MARGIN_LEFT, r=MARGIN_RIGHT, t=top, b=bottom),
        showlegend=False,
        dragmode=False,
        clickmode="event+select",
        hovermode="closest",
        plot_bgcolor="white",
        template=NO_TEMPLATE,
        shapes=[shape for shape in shapes if shape is not None],
        annotations=annotations,
    )
    return go.Figure(dict(data=traces, layout=layout), _validate=False)


def index_at(shape: tuple[int, ...], panel: int, row: int, col: int,
             max_width: int = MAX_WIDTH_PX) -> tuple[int, ...] | None:
    """The tensor index of a clicked cell of a figure of a tensor of `shape` (None if the figure has no such cell)."""
    if math.prod(shape) == 0:
        return None
    return panel_layout(tuple(shape), max_width).index_at(panel, row, col)


def _title(name: str, values: torch.Tensor) -> dict:
    return dict(
        text=f"<b>{name}</b>  {_size(values)}  {dtype_name(values.dtype)}", font=dict(size=13), x=0, xanchor="left",
        y=1, yanchor="top", yref="container", pad=dict(t=8),
    )


def _size(values: torch.Tensor) -> str:
    return "torch.Size([" + ", ".join(map(str, values.shape)) + "])"


def _title_px(name: str, values: torch.Tensor) -> int:
    """Room for the title line (name, torch.Size, dtype at 13 px, about 7 px a character), so it is never clipped."""
    return 7 * (len(name) + len(_size(values)) + len(dtype_name(values.dtype)) + 4) + 20


def _empty_figure(values: torch.Tensor, name: str) -> go.Figure:
    """A tensor with no elements: its title (name, size with its 0, dtype) and an empty-set sign for its cells."""
    hidden = dict(visible=False, fixedrange=True)
    layout = dict(
        title=_title(name, values), width=max(260, _title_px(name, values)), height=150,
        margin=dict(l=MARGIN_LEFT, r=MARGIN_RIGHT, t=60, b=20), xaxis=hidden, yaxis=hidden, showlegend=False,
        dragmode=False, plot_bgcolor="white", template=NO_TEMPLATE,
        annotations=[dict(text="∅  numel() = 0", name="empty", x=0, y=0.5, xref="paper", yref="paper",
                          xanchor="left", showarrow=False, font=dict(color=PLAIN_COLOUR, size=14))],
    )
    return go.Figure(dict(data=[], layout=layout), _validate=False)


def _cell_texts(values: torch.Tensor) -> np.ndarray:
    """Every element written as its cell shows it, in an array of the tensor's shape."""
    return np.vectorize(lambda v: cell_text(v, values.dtype), otypes=[object])(values.numpy())


def _text_px(texts: np.ndarray) -> int:
    """The narrowest cell the longest value fits in (about 6 px a character at 10 px), at most MIN_TEXT_CELL_PX."""
    longest = max((len(t) for t in texts.flat), default=1)
    return min(MIN_TEXT_CELL_PX, 6 * longest + 8)


def _hover(name: str, ndim: int, lead: tuple[int, ...]) -> str:
    if ndim == 0:
        return name
    if ndim == 1:
        return f"{name}[%{{x}}]"
    return f"{name}[" + "".join(f"{i}, " for i in lead) + "%{y}, %{x}]"


def _with_hover(heat: dict, hover: str, panel: Panel, p: int, cell: int, selectable: bool,
                notes: np.ndarray | None = None) -> list[dict]:
    """A panel's heatmap with its hover, or, when selectable, with click targets over it that take the hover (and
    each cell's note on a second line)."""
    hover += " = %{text}"
    if not selectable:
        return [{**heat, "hovertemplate": hover + "<extra></extra>"}]
    axis = heat["xaxis"][1:]
    if notes is not None:
        hover += "<br>%{hovertext}"
    targets = _click_targets(panel, p, heat["text"], hover + "<extra></extra>", axis, cell)
    if notes is not None:
        targets["hovertext"] = notes.ravel()
    return [{**heat, "hoverinfo": "skip"}, targets]


def _panel_notes(notes: Mapping[tuple[int, ...], str], ndim: int, panel: Panel) -> np.ndarray | None:
    """The hover notes of one panel's cells, shaped (rows, cols) like its click targets ("" for a cell without one),
    or None when none of its cells has a note."""
    def index(row: int, col: int) -> tuple[int, ...]:
        return () if ndim == 0 else (col,) if ndim == 1 else (*panel.lead, row, col)

    grid = np.array([[notes.get(index(r, c), "") for c in panel.cols] for r in panel.rows], dtype=object)
    return grid if any(grid.flat) else None


def _click_targets(panel: Panel, p: int, text, hover: str, axis: str, cell: int) -> dict:
    ys, xs = np.meshgrid(np.asarray(panel.rows), np.asarray(panel.cols), indexing="ij")  # (rows, cols) each
    return dict(
        type="scatter", x=xs.ravel(), y=ys.ravel(), text=np.asarray(text).ravel(), hovertemplate=hover,
        customdata=[[p, int(y), int(x)] for y, x in zip(ys.ravel(), xs.ravel())],
        mode="markers", marker=dict(size=max(2, cell - 6), symbol="square", opacity=0),
        selected=dict(marker=dict(opacity=0)), unselected=dict(marker=dict(opacity=0)),
        showlegend=False, xaxis=f"x{axis}", yaxis=f"y{axis}",
    )


def _axes(ndim: int, panel: Panel, cell: int, marked: int | None, colours: dict[int, str],
          notes: dict[int, str]) -> tuple[dict, dict]:
    """The x and y axes of one panel, titled with the tensor dim each one shows (and its note, if any)."""
    x_dim = ndim - 1 if ndim >= 1 else None
    y_dim = ndim - 2 if ndim >= 2 else None

    def axis(dim, indices: range, label_px: int):
        is_marked = dim is not None and dim == marked
        title = "" if dim is None else (f"<b>→ dim {dim} ←</b>" if is_marked else f"dim {dim}")
        if dim in notes:
            title += f" {notes[dim]}"
        step = max(1, math.ceil(label_px / cell))  # leave labels out rather than let them run into each other
        ticks = [i for i in indices if i % step == 0] or [indices.start]
        return dict(
            title=dict(text=title, font=dict(color=colours.get(dim) or (MARK_COLOUR if is_marked else PLAIN_COLOUR)),
                       standoff=4),  # close to its ticks: a panel label sits just above the column title
            tickmode="array", tickvals=ticks, ticktext=[str(i) if dim is not None else "" for i in ticks],
            range=[indices.start - 0.5, indices.stop - 0.5], showgrid=False, zeroline=False, fixedrange=True,
            **({"ticks": ""} if dim is None else {}),  # no dim on this axis (the row of a 1-d tensor): no tick mark
        )

    x_axis = {**axis(x_dim, panel.cols, 7 * len(str(panel.cols.stop - 1)) + 4), "side": "top"}
    y_axis = axis(y_dim, panel.rows, 14)
    y_axis["range"] = y_axis["range"][::-1]  # row 0 on top
    return x_axis, y_axis


def _dim_part(dim: int, text: str, marked: int | None, colours: dict[int, str]) -> str:
    """One leading dim's part of a panel label or of the key: in its colour, bold when it is the marked dim."""
    colour = colours.get(dim) or (MARK_COLOUR if dim == marked else PLAIN_COLOUR)
    text = f"<b>{text}</b>" if dim == marked else text
    return f'<span style="color:{colour}">{text}</span>'


def _panel_label(ndim: int, panel: Panel, shape: tuple[int, ...], marked: int | None, colours: dict[int, str]) -> str:
    """`[0, 1, :, :]`: the leading index of the panel, then the rows and columns it shows (a piece: `45:90`)."""
    def piece(indices: range, size: int) -> str:
        return ":" if len(indices) == size else f"{indices.start}:{indices.stop}"

    parts = [_dim_part(d, str(i), marked, colours) for d, i in enumerate(panel.lead)]
    if ndim >= 2:
        parts.append(piece(panel.rows, shape[-2]))
    if ndim >= 1:
        parts.append(piece(panel.cols, shape[-1]))
    return "[" + ", ".join(parts) + "]"


def _key(name: str, ndim: int, marked: int | None, colours: dict[int, str], notes: dict[int, str]) -> str:
    """`result[dim 0, dim 1, :, :]` above the panels: which dim each number of a panel label counts along."""
    parts = []
    for d in range(ndim - 2):
        words = f"→ dim {d} ←" if d == marked else f"dim {d}"
        parts.append(_dim_part(d, words, marked, colours) + (f" {notes[d]}" if d in notes else ""))
    return f"{name}[" + ", ".join(parts + [":", ":"]) + "]"


def _outline(layout_of: PanelLayout, index: tuple[int, ...], colour: str) -> dict | None:
    """A rect around the cell of `index`, or None when its panel is not drawn."""
    where = layout_of.position(index)
    if where is None:
        return None
    panel, y, x = where
    axis = "" if panel == 0 else str(panel + 1)
    return dict(
        type="rect", x0=x - 0.5, x1=x + 0.5, y0=y - 0.5, y1=y + 0.5, xref=f"x{axis}", yref=f"y{axis}",
        line=dict(color=colour, width=4 if layout_of.cell >= 16 else 2),
    )


def drawn_panels(shape: tuple[int, ...], max_width: int = MAX_WIDTH_PX) -> tuple[int, int]:
    """(panels drawn, panels in all) of the figure of a non-empty tensor of `shape`: past MAX_PANELS the rest are
    left out."""
    layout_of = panel_layout(tuple(shape), max_width)
    return len(layout_of.panels), len(layout_of.panels) + layout_of.hidden
