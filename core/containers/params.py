"""The module containers page's state, declared once: each entry is a widget key `modules.<name>` and a URL
parameter."""

from core.containers.guide_models import GUIDE_MODELS
from core.page_params import Param

PAGE = "modules"
TABS = ("holders", "guide")
MAX_LAYERS = 5
MAX_FEATURES = 8
MAX_BATCH = 8
MAX_SIDE = 32  # height and width: two convs on 8 x 32 x 32 still answer at once

_FIRST = next(iter(GUIDE_MODELS.values()))

PARAMS = [
    # one model held three ways
    Param("layers", "int", 2, minimum=1, maximum=MAX_LAYERS),  # how many layers in the list
    Param("features", "int", 3, minimum=1, maximum=MAX_FEATURES),  # in_features = out_features of every layer
    Param("bias", "bool", True),  # nn.Linear's own argument
    # the guide's models
    Param("model", "choice", _FIRST.key, choices=tuple(GUIDE_MODELS)),
    Param("batch", "int", _FIRST.presets[0].shape[0], minimum=1, maximum=MAX_BATCH),
    Param("height", "int", _FIRST.presets[0].shape[1], minimum=1, maximum=MAX_SIDE),
    Param("width", "int", _FIRST.presets[0].shape[2], minimum=1, maximum=MAX_SIDE),
    Param("tab", "choice", TABS[0], choices=TABS),  # the open tab
]
