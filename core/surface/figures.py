"""Figures of the surface tab: the function's contours with every racer's path, and f per step."""

import math

import numpy as np
import plotly.graph_objects as go
import torch

from core.surface.functions import SurfaceFunction
from core.surface.trajectories import Trajectory
from core.training.palette import racer_colour

GRID = 120  # contour samples per axis
CLICK_GRID = 41  # click targets per axis: a start point is picked to 1/40 of the drawn range


def surface_grid(function: SurfaceFunction, options: dict | None = None, size: int = GRID):
    """xs (G,), ys (G,) and f on the grid (G, G), row i at ys[i], as torch computes it."""
    xs = torch.linspace(*function.x_range, size)  # (G,)
    ys = torch.linspace(*function.y_range, size)  # (G,)
    grid_x, grid_y = torch.meshgrid(xs, ys, indexing="xy")  # (G, G) each, rows follow y
    z = function.value(torch.stack([grid_x, grid_y]), options)  # (G, G)
    return xs, ys, z


def surface_figure(function: SurfaceFunction, trajectories: list[Trajectory], title: str,
                   marker_names: tuple[str, str, str] = ("minimum", "saddle point", "start"),
                   options: dict | None = None, click_hint: str | None = None, height: int = 520) -> go.Figure:
    """Contours of f over its range (log10(1 + f) for the functions that span decades), the minima (stars), saddle
    points (x), the start (open circle) and one line with markers per racer, coloured as in the Training lab.

    Traces, in order: the contour, the click targets when `click_hint` is given (the hover words over them), one
    per racer (empty for a refused one, so colours follow the racers' order), then the markers. marker_names are the
    legend's words for minimum, saddle point and start, in the page's language."""
    xs, ys, z = surface_grid(function, options)
    shown = torch.log10(1 + z.clamp(min=0)) if function.log_levels else z  # (G, G)
    # numpy arrays, not lists: plotly copies a figure's data and Streamlit encodes it on every redraw of a playing
    # walk, and an array is copied and encoded at once where a list of 14,400 floats takes a tenth of a second
    data = [dict(type="contour", x=xs.numpy(), y=ys.numpy(), z=shown.numpy(), colorscale="Viridis",
                 ncontours=30, contours=dict(coloring="heatmap", showlines=True), line=dict(width=0.5),
                 colorbar=dict(title=dict(text="log10(1 + f)" if function.log_levels else "f"), thickness=10),
                 hovertemplate="x=%{x:.3g}<br>y=%{y:.3g}<extra></extra>", name="f", showlegend=False)]
    if click_hint is not None:
        data.append(_click_targets(function, click_hint))
    for index, trajectory in enumerate(trajectories):
        colour = racer_colour(index)
        points = np.asarray(trajectory.points, dtype=float).reshape(-1, 2)  # (steps + 1, 2)
        data.append(dict(type="scatter", x=points[:, 0], y=points[:, 1],
                         mode="lines+markers", name=trajectory.racer.label, line=dict(color=colour, width=2),
                         marker=dict(size=4, color=colour), customdata=np.asarray(trajectory.values, dtype=float),
                         hovertemplate="step %{pointNumber}<br>x=%{x:.4g}, y=%{y:.4g}<br>f=%{customdata:.4g}"))
    minimum, saddle, start = marker_names
    for points, name, symbol in ((function.minima, minimum, "star"), (function.saddles, saddle, "x")):
        if points:
            data.append(dict(type="scatter", x=[x for x, _ in points], y=[y for _, y in points], mode="markers",
                             name=name, marker=dict(symbol=symbol, size=14, color="white",
                                                    line=dict(color="black", width=1.5))))
    starts = [t.points[0] for t in trajectories if t.points]
    if starts:
        data.append(dict(type="scatter", x=[starts[0][0]], y=[starts[0][1]], mode="markers", name=start,
                         marker=dict(symbol="circle-open", size=14, color="black", line=dict(width=2.5))))
    layout = dict(
        title=dict(text=title, font=dict(size=13), x=0, xanchor="left", yref="container", y=0.99, yanchor="top"),
        height=height, margin=dict(l=45, r=10, t=30, b=40), plot_bgcolor="white",
        # above the plot: on the first screen, and leaving the plot the chart's whole width
        legend=dict(font=dict(size=10), orientation="h", x=0, y=1.01, xanchor="left", yanchor="bottom"),
        xaxis=dict(title=dict(text="x"), range=list(function.x_range), constrain="domain"),
        # same scale on both axes, so a narrow valley looks narrow and a zig-zag looks like one
        yaxis=dict(title=dict(text="y"), range=list(function.y_range), scaleanchor="x", scaleratio=1,
                   constrain="domain"),  # both axes shrink to keep the aspect, so the x axis stays under the plot
        uirevision=function.name,
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)


def _click_targets(function: SurfaceFunction, hint: str) -> dict:
    """Invisible markers on a grid over the whole drawn range: plotly selects points, not places, so a click
    anywhere on the contour lands on one of these and comes back as a selection event with its x and y."""
    xs = torch.linspace(*function.x_range, CLICK_GRID)  # (C,)
    ys = torch.linspace(*function.y_range, CLICK_GRID)  # (C,)
    grid_x, grid_y = torch.meshgrid(xs, ys, indexing="xy")  # (C, C) each
    size = max(4, 480 // CLICK_GRID)  # about one grid cell wide at the chart's size, so the targets tile it
    return dict(type="scatter", x=grid_x.flatten().numpy(), y=grid_y.flatten().numpy(), mode="markers",
                marker=dict(size=size, symbol="square", opacity=0), selected=dict(marker=dict(opacity=0)),
                unselected=dict(marker=dict(opacity=0)), hovertemplate=f"x=%{{x:.3g}}, y=%{{y:.3g}}<br>{hint}<extra></extra>",
                name="", showlegend=False)


def values_figure(trajectories: list[Trajectory], title: str, step_title: str = "step", height: int = 300) -> go.Figure:
    """f at each step, one line per racer (in the paths figure's colours, whose legend names them); the y axis is
    logarithmic unless some value is 0 or below (the saddle)."""
    data = []
    for index, trajectory in enumerate(trajectories):
        colour = racer_colour(index)
        data.append(dict(type="scatter", x=np.arange(len(trajectory.values)), y=np.asarray(trajectory.values, dtype=float), mode="lines",
                         name=trajectory.racer.label, line=dict(color=colour, width=1.5), showlegend=False))
    values = [v for t in trajectories for v in t.values]
    positive = bool(values) and all(v > 0 and math.isfinite(v) for v in values)
    layout = dict(
        title=dict(text=title, font=dict(size=13), x=0, xanchor="left"), height=height,
        margin=dict(l=50, r=10, t=40, b=40), plot_bgcolor="white",
        xaxis=dict(title=dict(text=step_title)), yaxis=dict(title=dict(text="f"), type="log" if positive else "linear"),
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)
