"""The activations page's state, declared once: each entry is a widget key `act.<name>` and a URL parameter."""

from core.activations.catalog import ACTIVATIONS
from core.activations.softmax_grid import DIMS, PRESETS, TEMPERATURES
from core.activations.stability import OFFSET_LIMIT, STABILITY_DTYPES
from core.page_params import Param

PAGE = "act"
TABS = ("curves", "softmax", "stability")
MAX_X_RANGE = 20

PARAMS = [
    # the curves
    Param("activation", "choice", "Sigmoid", choices=tuple(ACTIVATIONS)),
    Param("x_range", "int", 8, minimum=1, maximum=MAX_X_RANGE),  # x runs over [-x_range, x_range]
    Param("compare", "bool", True),  # draw the other activations too
    # softmax on a grid
    Param("input", "matrix", PRESETS[0].input),
    Param("dim", "choice", 1, choices=DIMS),
    Param("temperature", "choice", 1.0, choices=TEMPERATURES),
    # numerical stability
    Param("offset", "int", 1000, minimum=-OFFSET_LIMIT, maximum=OFFSET_LIMIT),
    Param("dtype", "choice", "float32", choices=STABILITY_DTYPES),
    Param("tab", "choice", TABS[0], choices=TABS),  # the open tab
]
