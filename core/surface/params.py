"""The surface page's state in the URL, and the racers it builds from one step size and one momentum.

Like Distill's "Why Momentum Really Works", two sliders drive everything: every chosen optimizer gets the same
step size, and those that take a momentum get the same momentum."""

from core.page_params import Param
from core.surface.functions import FUNCTIONS
from core.surface.trajectories import MAX_STEPS, Racer
from core.training.optimizers import OPTIMIZERS

SURFACE_OPTIMIZERS = tuple(name for name in OPTIMIZERS if name != "SparseAdam")  # dense gradients only here

PARAMS = [
    Param("function", "choice", "bowl", choices=tuple(FUNCTIONS)),
    Param("condition", "float", 10.0, minimum=1.0, maximum=100.0),
    Param("x", "float", -1.5, minimum=-10.0, maximum=10.0),
    Param("y", "float", 1.5, minimum=-10.0, maximum=10.0),
    Param("lr", "float", 0.05, minimum=0.0001, maximum=2.0),
    Param("momentum", "float", 0.9, minimum=0.0, maximum=0.99),
    Param("steps", "int", 100, minimum=1, maximum=MAX_STEPS),
    Param("optimizers", "text", "SGD,Adam,RMSprop"),
]


def surface_racers(names: list[str], lr: float, momentum: float) -> list[Racer]:
    """One racer per optimizer, all at step size `lr`; SGD gets a plain twin so momentum's effect is seen."""
    racers = []
    for name in names:
        spec = OPTIMIZERS[name]
        hyper = {spec.lr_name: lr}
        if name == "SGD":
            racers.append(Racer(name, dict(hyper)))
        if "momentum" in [h.name for h in spec.hypers]:
            hyper["momentum"] = momentum
        racers.append(Racer(name, hyper))
    return racers


def parse_names(text: str) -> list[str]:
    """'SGD,Adam' -> the known optimizer names in it, in order, without repeats."""
    names = []
    for name in (n.strip() for n in text.split(",")):
        if name in SURFACE_OPTIMIZERS and name not in names:
            names.append(name)
    return names
