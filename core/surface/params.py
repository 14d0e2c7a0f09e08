"""The surface page's state in the URL: the function, the start point, the number of steps and the racers, each with
its own settings (`racers=SGD:lr=0.05,momentum=0.9;Adam:lr=0.05`, read in core/surface/racers.py)."""

import math

from core.messages.surface import MSG
from core.page_params import Param
from core.surface.functions import FUNCTIONS, SurfaceFunction
from core.surface.racers import LR_STEPS, dump_racers, new_racer, parse_racers
from core.surface.trajectories import MAX_STEPS

START_DIGITS = 2  # a click on the chart sets the start to this many decimals: a short link, finer than a pixel
PARAMS = [
    Param("function", "choice", "bowl", choices=tuple(FUNCTIONS)),
    Param("condition", "float", 10.0, minimum=1.0, maximum=100.0),
    Param("x", "float", -1.5, minimum=-10.0, maximum=10.0),
    Param("y", "float", 1.5, minimum=-10.0, maximum=10.0),
    Param("steps", "int", 100, minimum=1, maximum=MAX_STEPS),
    # every optimizer the page takes with both its settings fits in 1,000 characters
    Param("racers", "text", "SGD:lr=0.05,momentum=0.9;Adam:lr=0.05;RMSprop:lr=0.05,momentum=0", maximum=1000),
]


def lr_steps(lr: float) -> list[float]:
    """The step-size slider's stops with `lr` among them: a link's lr=0.07 is used as given, not moved to a stop."""
    return sorted({*LR_STEPS, lr})


def settle(values: dict, lang: str) -> tuple[dict, list[str]]:
    """A link's values as the page uses them: the racers text written out in full, each part or setting the page
    cannot use left out with a message saying why (SGD runs when no racer is left)."""
    racers, changes = parse_racers(values["racers"], lang)
    if not racers:
        racers = [new_racer("SGD")]
        changes.append(MSG["surface_none_left"](lang))
    return {**values, "racers": dump_racers(racers)}, changes


def picked_point(click) -> tuple[float, float] | None:
    """The (x, y) a click on the paths chart sent ({"x": ..., "y": ...}), or None when it is not two finite
    numbers (the browser's value is not trusted: an integer too large for a float is no click either)."""
    x, y = (click.get("x"), click.get("y")) if isinstance(click, dict) else (None, None)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (x, y)):
        return None
    try:
        point = float(x), float(y)
    except OverflowError:
        return None
    return point if all(math.isfinite(v) for v in point) else None


def start_at(point: tuple[float, float], function: SurfaceFunction) -> tuple[float, float]:
    """A clicked point as a start: rounded, and inside the function's drawn range (which lies inside x's and y's
    URL bounds)."""
    (x, y), ranges = point, (function.x_range, function.y_range)
    return tuple(round(min(max(v, low), high), START_DIGITS) for v, (low, high) in zip((x, y), ranges))
