"""What the surface page's two charts draw (components/surface_chart.js), as plain JSON: the function's values on a
grid with every racer's path over it, and f at each step. Every number is one torch computed; the browser only
colours and joins them.

A chart is sent whole on every redraw while a walk plays (a few times a second), so its numbers are kept short:
a 64 x 64 grid to four significant digits (the browser interpolates between samples), path points to six.
"""

from functools import lru_cache
import math

import torch

from core.surface.functions import SurfaceFunction
from core.surface.trajectories import Trajectory
from core.training.palette import racer_colour

GRID = 64  # samples per axis of the contour's grid
LEVELS = 30  # colour bands between the lowest and the highest value on the grid


def surface_grid(function: SurfaceFunction, options: dict | None = None, size: int = GRID):
    """xs (G,), ys (G,) and f on the grid (G, G), row i at ys[i], as torch computes it."""
    xs = torch.linspace(*function.x_range, size)  # (G,)
    ys = torch.linspace(*function.y_range, size)  # (G,)
    grid_x, grid_y = torch.meshgrid(xs, ys, indexing="xy")  # (G, G) each, rows follow y
    z = function.value(torch.stack([grid_x, grid_y]), options)  # (G, G)
    return xs, ys, z


def _short(value: float, digits: int) -> float | None:
    """`value` to `digits` significant digits; None for nan and inf, which JSON cannot carry."""
    return float(f"{value:.{digits}g}") if math.isfinite(value) else None


@lru_cache(maxsize=64)
def _grid(function: SurfaceFunction, options: tuple) -> dict:
    """The grid part of a paths chart: the same for every session that looks at this function (it holds no racer)."""
    _, _, z = surface_grid(function, dict(options))
    shown = torch.log10(1 + z.clamp(min=0)) if function.log_levels else z  # (G, G)
    values = [_short(v, 4) for v in shown.flatten().tolist()]
    finite = [v for v in values if v is not None]
    return dict(n=GRID, z=values, lo=min(finite, default=0.0), hi=max(finite, default=1.0), levels=LEVELS,
                key=f"{function.name}{options}", log=function.log_levels)


def paths_chart(function: SurfaceFunction, trajectories: list[Trajectory], options: dict | None, text: dict) -> dict:
    """The contour chart: f over the function's range (log10(1 + f) where it spans decades), its minima and
    saddle points, the start, and each racer's path so far in the racers' colours.

    `text` holds the chart's words in the page's language: title, minimum, saddle, start, hint (over the plot: a
    click starts there), step and colorbar."""
    racers = [dict(name=t.racer.label, colour=racer_colour(i),
                   points=[_short(c, 6) for point in t.points for c in point],  # x0, y0, x1, y1, ...
                   values=[_short(v, 6) for v in t.values]) for i, t in enumerate(trajectories)]
    starts = [t.points[0] for t in trajectories if t.points]
    return dict(mode="paths", x_range=list(function.x_range), y_range=list(function.y_range),
                grid=_grid(function, tuple(sorted((options or {}).items()))), racers=racers,
                minima=[list(p) for p in function.minima], saddles=[list(p) for p in function.saddles],
                start=list(starts[0]) if starts else None, text=text)


def values_chart(trajectories: list[Trajectory], steps: int, text: dict) -> dict:
    """f at each step, one line per racer in the paths chart's colours, over steps 0 to `steps`. The y axis is
    logarithmic unless some value is 0 or below (the saddle). `text`: title and step."""
    values = [v for t in trajectories for v in t.values]
    log = bool(values) and all(v > 0 and math.isfinite(v) for v in values)
    return dict(mode="values", steps=steps, log=log, text=text,
                racers=[dict(name=t.racer.label, colour=racer_colour(i), values=[_short(v, 6) for v in t.values])
                        for i, t in enumerate(trajectories)])
