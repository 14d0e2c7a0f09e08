"""The surface page's state in the URL, and the racers it builds from one step size and one momentum.

Like Distill's "Why Momentum Really Works", two sliders drive everything: every chosen optimizer gets the same
step size, and those that take a momentum get the same momentum."""

from core.messages.surface import MSG
from core.page_params import Param
from core.surface.functions import FUNCTIONS
from core.surface.trajectories import MAX_STEPS, Racer, refusal
from core.text import shown
from core.training.optimizers import OPTIMIZERS

# the point p is one dense 1-d tensor: SparseAdam (sparse gradients only) and Muon (2-d parameters only) cannot move it
SURFACE_OPTIMIZERS = tuple(name for name in OPTIMIZERS if refusal(OPTIMIZERS[name]) is None)
LR_STEPS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)  # the lr slider's stops

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


def lr_steps(lr: float) -> list[float]:
    """The lr slider's stops with `lr` among them: a link's lr=0.07 is used as given, not moved to a stop."""
    return sorted({*LR_STEPS, lr})


def settle(values: dict, lang: str) -> tuple[dict, list[str]]:
    """A link's values as the page uses them: each optimizer it cannot run is left out with a message saying why
    (SGD runs when none is left), and a repeated one runs once."""
    names, changes = [], []
    for name in [n.strip() for n in values["optimizers"].split(",") if n.strip()]:
        if name in names:
            changes.append(MSG["surface_left_out"](lang, name=shown(name), why=MSG["surface_repeated"](lang)))
        elif name in SURFACE_OPTIMIZERS:
            names.append(name)
        elif name in OPTIMIZERS:
            key = refusal(OPTIMIZERS[name])
            changes.append(MSG["surface_left_out"](lang, name=shown(name), why=MSG[key](lang, name=name)))
        else:
            why = MSG["surface_unknown_optimizer"](lang, name=shown(name), names=", ".join(SURFACE_OPTIMIZERS))
            changes.append(MSG["surface_left_out"](lang, name=shown(name), why=why))
    if not names:
        names = ["SGD"]
        changes.append(MSG["surface_none_left"](lang))
    return {**values, "optimizers": ",".join(names)}, changes


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
