"""The Training lab's state in the URL: the shared race settings and the racers, `racers=SGD:lr=0.1;Adam:lr=0.01`."""

from core.page_params import BadParam, Param
from core.training.config import MAX_HIDDEN_LAYERS, MAX_RACERS, MAX_STEPS, MAX_WIDTH, Racer
from core.training.datasets import DATASETS
from core.training.losses import LOSSES
from core.messages.training_engine import MSG as TRAINING_MSG
from core.training.model import ACTIVATIONS
from core.training.optimizers import OPTIMIZERS

SPEEDS = (1, 2, 4, 8, 16, 32)  # training steps per redraw while playing

PARAMS = [
    Param("dataset", "choice", "moons", choices=tuple(DATASETS)),
    Param("noise", "float", 0.1, minimum=0.0, maximum=2.0),
    Param("n_points", "int", 200, minimum=10, maximum=2000),
    Param("hidden_layers", "int", 2, minimum=0, maximum=MAX_HIDDEN_LAYERS),
    Param("width", "int", 8, minimum=1, maximum=MAX_WIDTH),
    Param("activation", "choice", "ReLU", choices=tuple(ACTIVATIONS)),
    Param("loss", "choice", "BCEWithLogitsLoss", choices=tuple(LOSSES)),
    Param("batch_size", "int", 32, minimum=1, maximum=2000),
    Param("steps", "int", 300, minimum=1, maximum=MAX_STEPS),
    Param("seed", "int", 0, minimum=0, maximum=2**31 - 1),
    Param("racers", "text", "SGD:lr=0.1;SGD:lr=0.1,momentum=0.9;Adam:lr=0.01;RMSprop:lr=0.01"),
    Param("speed", "choice", 8, choices=SPEEDS),  # playback only: changing it never restarts the race
]


def parse_racers(text: str, lang: str) -> list[Racer]:
    """`SGD:lr=0.1,momentum=0.9;Adam:lr=0.01` -> racers; BadParam (in the user's words) for anything else."""
    racers = []
    for part in [p.strip() for p in text.split(";") if p.strip()][: MAX_RACERS + 1]:
        name, _, settings = part.partition(":")
        if name not in OPTIMIZERS:
            raise BadParam(TRAINING_MSG["trainer_unknown"](lang, what="optimizer", value=name, choices=", ".join(OPTIMIZERS)))
        spec, hyper = OPTIMIZERS[name], {}
        for item in [s for s in settings.split(",") if s.strip()]:
            key, _, raw = item.partition("=")
            if key not in [h.name for h in spec.hypers]:
                raise BadParam(TRAINING_MSG["trainer_unknown"](lang, what=name, value=key,
                                                               choices=", ".join(h.name for h in spec.hypers)))
            hyper[key] = _value(spec.hyper(key), raw, lang)
        label = name + (" " + " ".join(f"{k}={_dump(v)}" for k, v in hyper.items()) if hyper else "")
        racers.append(Racer(name, hyper, label))
    if not racers or len(racers) > MAX_RACERS:
        raise BadParam(TRAINING_MSG["trainer_out_of_range"](lang, name="racers", value=len(racers), low=1, high=MAX_RACERS))
    return racers


def dump_racers(racers: list[Racer]) -> str:
    """The inverse of parse_racers (only the hyper-parameters a racer sets)."""
    return ";".join(r.optimizer + (":" + ",".join(f"{k}={_dump(v)}" for k, v in r.hyper.items()) if r.hyper else "")
                    for r in racers)


def _value(hyper, raw: str, lang: str):
    try:
        if hyper.kind == "bool":
            if raw not in ("True", "False", "true", "false"):
                raise ValueError(raw)
            return raw.lower() == "true"
        if hyper.kind == "pair":
            first, second = raw.split("/")
            value = (float(first), float(second))
            low, high = hyper.minimum, hyper.maximum
            if not all(low <= v <= high for v in value):
                raise ValueError(raw)
            return value
        if hyper.kind == "choice":
            choice = None if raw == "None" else raw
            if choice not in hyper.choices:
                raise ValueError(raw)
            return choice
        value = int(raw) if hyper.kind == "int" else float(raw)
    except ValueError:
        raise BadParam(TRAINING_MSG["trainer_out_of_range"](lang, name=hyper.name, value=raw, low=hyper.minimum,
                                                           high=hyper.maximum)) from None
    if not hyper.minimum <= value <= hyper.maximum:
        raise BadParam(TRAINING_MSG["trainer_out_of_range"](lang, name=hyper.name, value=raw, low=hyper.minimum,
                                                           high=hyper.maximum))
    return value


def _dump(value) -> str:
    if isinstance(value, tuple):
        return "/".join(f"{v:g}" for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
