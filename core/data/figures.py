"""The batch grid: for each epoch, rows = batches, cells = the indices of the samples in them, as yielded."""

import plotly.graph_objects as go

from core.data.loading import Epoch, LoadResult
from core.figures import COLOURSCALE, HIGHLIGHT_COLOUR, PLAIN_COLOUR
from core.messages import MSG

MAX_WIDTH = 555  # px: the page's right-hand column at 1440x900, beside the controls; wider grids stack their epochs
MAX_HEIGHT = 480  # px of grid per epoch before cells shrink, so the grid stays on the first screen with the controls
CELL_MAX, CELL_MIN = 40, 20  # px per cell
DROPPED_COLOUR = "#dee2e6"
DROPPED_LINE = "#868e96"
PANEL_GAP = 70  # px between stacked epochs, for the axis title on top
PANEL_PAD = 40  # px beside each of the epochs set side by side
MARGINS = 100  # px: the row labels on the left, 20 on the right
MIN_PANEL = 60  # px: with PANEL_PAD, room for a panel's title ("epoch 0") above a narrow grid


def batch_grid_figure(result: LoadResult, batch_size: int, lang: str) -> go.Figure:
    """One panel per epoch; a short last batch is outlined, samples dropped by drop_last form a grey last row."""
    epochs, n = result.epochs, result.dataset_len
    cols = max(1, min(batch_size, n))  # no row holds more than this
    rows = max(1, len(epochs[0].batches) + (1 if epochs[0].dropped else 0))
    panels = len(epochs)
    room = (MAX_WIDTH - MARGINS - panels * PANEL_PAD) // (panels * cols)  # px a cell may take across
    cell = max(CELL_MIN, min(CELL_MAX, room, MAX_HEIGHT // rows))
    panel_w, panel_h = max(MIN_PANEL, cols * cell), rows * cell
    side_by_side = panels * (panel_w + PANEL_PAD) + MARGINS <= MAX_WIDTH
    if side_by_side:
        width, height = panels * (panel_w + PANEL_PAD) + MARGINS, panel_h + 110
    else:
        width, height = min(MAX_WIDTH, panel_w + 120), panels * (panel_h + PANEL_GAP) + 40
    plot_h = height - 60 - 20  # minus the top and bottom margins below
    traces, shapes, annotations, layout = [], [], [], {}
    for p, epoch in enumerate(epochs):
        axis = "" if p == 0 else str(p + 1)
        traces += _panel_traces(epoch, p, cols, n, axis, lang)
        if side_by_side:
            x_domain, y_domain = [p / panels + 0.01, (p + 1) / panels - 0.03], [0, 1]
        else:
            top = 1 - p * (panel_h + PANEL_GAP) / plot_h
            x_domain, y_domain = [0, 1], [max(0.0, top - panel_h / plot_h), top]
        layout[f"xaxis{axis}"] = dict(
            domain=x_domain, anchor=f"y{axis}", side="top", range=[-0.5, cols - 0.5], tickmode="array",
            tickvals=list(range(cols)), showgrid=False, zeroline=False, fixedrange=True,
            title=dict(text=MSG["data_grid_panel"](lang, epoch=p), font=dict(color=PLAIN_COLOUR, size=12)),
        )
        labels = [MSG["data_grid_batch"](lang, batch=k) for k in range(len(epoch.batches))]
        if epoch.dropped:
            labels.append(MSG["data_grid_dropped"](lang))
        layout[f"yaxis{axis}"] = dict(
            domain=y_domain, anchor=f"x{axis}", autorange="reversed", tickmode="array",
            tickvals=list(range(len(labels))), ticktext=labels, showgrid=False, zeroline=False, fixedrange=True, ticks="",
            showticklabels=p == 0 or not side_by_side,  # side by side, the epochs share the first one's row labels
        )
        marks = _marks(epoch, batch_size, cols, axis, lang)
        shapes += marks[0]
        annotations += marks[1]
    layout.update(
        width=width, height=height, margin=dict(l=80, r=20, t=60, b=20), showlegend=False, dragmode=False,
        plot_bgcolor="white", shapes=shapes, annotations=annotations,
    )
    return go.Figure(dict(data=traces, layout=layout), _validate=False)


def _row(values: list[int], cols: int) -> list:
    return values + [None] * (cols - len(values))


def _panel_traces(epoch: Epoch, p: int, cols: int, n: int, axis: str, lang: str) -> list[dict]:
    sample = MSG["data_grid_sample"](lang)
    where = MSG["data_grid_epoch"](lang, epoch=p) + " %{x}"
    batch_hover = f"{MSG['data_grid_batch'](lang, batch='%{y}')}, {where}: {sample} %{{text}}<extra></extra>"
    dropped_hover = f"{MSG['data_grid_dropped'](lang)}, epoch {p}: {sample} %{{text}}<extra></extra>"
    common = dict(
        type="heatmap", x=list(range(cols)), texttemplate="%{text}", showscale=False, xgap=2, ygap=2,
        hoverongaps=False, xaxis=f"x{axis}", yaxis=f"y{axis}",
    )
    traces = []
    if epoch.batches:
        z = [_row(b.indices, cols) for b in epoch.batches]  # (batches, cols), None where a short batch ends
        traces.append(dict(
            **common, z=z, y=list(range(len(z))), text=[[("" if v is None else str(v)) for v in r] for r in z],
            zmin=0, zmax=max(n - 1, 1), colorscale=COLOURSCALE, hovertemplate=batch_hover,
        ))
    if epoch.dropped:
        z = [_row(epoch.dropped, cols)]
        traces.append(dict(
            **common, z=z, y=[len(epoch.batches)], text=[[("" if v is None else str(v)) for v in z[0]]],
            zmin=0, zmax=1, colorscale=[[0, DROPPED_COLOUR], [1, DROPPED_COLOUR]], hovertemplate=dropped_hover,
        ))
    return traces


def _marks(epoch: Epoch, batch_size: int, cols: int, axis: str, lang: str) -> tuple[list[dict], list[dict]]:
    """An outline and a word for the short last batch, a dashed outline for the dropped samples."""
    shapes, annotations = [], []
    refs = dict(xref=f"x{axis}", yref=f"y{axis}")
    last = epoch.batches[-1] if epoch.batches else None
    if last is not None and len(last.indices) < batch_size:
        row, size = len(epoch.batches) - 1, len(last.indices)
        shapes.append(dict(type="rect", x0=-0.5, x1=size - 0.5, y0=row - 0.5, y1=row + 0.5,
                           line=dict(color=HIGHLIGHT_COLOUR, width=3), **refs))
        if size < cols:
            annotations.append(dict(text=MSG["data_grid_short"](lang), x=(size + cols - 1) / 2, y=row, showarrow=False,
                                    font=dict(color=HIGHLIGHT_COLOUR, size=12), **refs))
    if epoch.dropped:
        row, size = len(epoch.batches), len(epoch.dropped)
        shapes.append(dict(type="rect", x0=-0.5, x1=size - 0.5, y0=row - 0.5, y1=row + 0.5,
                           line=dict(color=DROPPED_LINE, width=2, dash="dash"), **refs))
    return shapes, annotations
