"""The Training lab's state in the URL: the shared race settings and the racers, `racers=SGD:lr=0.1;Adam:lr=0.01`."""

from core.page_params import BadParam, Param, parse_number
from core.text import shown
from core.training.config import MAX_HIDDEN_LAYERS, MAX_RACERS, MAX_STEPS, MAX_WIDTH, Racer, dump_value
from core.training.datasets import DATASETS
from core.training.losses import LOSSES
from core.messages.training import MSG as PAGE_MSG
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
    # every optimizer in the catalog with a few settings each fits in 1,000 characters
    Param("racers", "text", "SGD:lr=0.1;SGD:lr=0.1,momentum=0.9;Adam:lr=0.01;RMSprop:lr=0.01", maximum=1000),
    Param("speed", "choice", 8, choices=SPEEDS),  # playback only: changing it never restarts the race
]


def settle(values: dict, lang: str) -> tuple[dict, list[str]]:
    """A link's values as the page uses them: a noise above its dataset's maximum becomes that maximum, said."""
    high = DATASETS[values["dataset"]].max_noise
    if values["noise"] <= high:
        return values, []
    message = PAGE_MSG["lab_noise_clamped"](lang, value=shown(values["noise"]), dataset=values["dataset"], high=high)
    return {**values, "noise": high}, [message]


def parse_racers(text: str, lang: str) -> list[Racer]:
    """`SGD:lr=0.1,momentum=0.9;Adam:lr=0.01` -> racers; BadParam (in the user's words) for anything else."""
    racers = []
    for part in [p.strip() for p in text.split(";") if p.strip()][: MAX_RACERS + 1]:
        name, _, settings = part.partition(":")
        if name not in OPTIMIZERS:
            raise BadParam(TRAINING_MSG["trainer_unknown"](lang, what="optimizer", value=shown(name), choices=", ".join(OPTIMIZERS)))
        spec, hyper = OPTIMIZERS[name], {}
        for item in [s for s in settings.split(",") if s.strip()]:
            key, _, raw = item.partition("=")
            if key not in [h.name for h in spec.hypers]:
                raise BadParam(TRAINING_MSG["trainer_unknown"](lang, what=name, value=shown(key),
                                                               choices=", ".join(h.name for h in spec.hypers)))
            if key in hyper:  # the first or the last? neither is used silently
                raise BadParam(TRAINING_MSG["trainer_repeated_hyper"](lang, optimizer=name, name=key))
            hyper[key] = _value(spec.hyper(key), raw, lang, spec.torch_default(key))
        label = name + (" " + " ".join(f"{k}={dump_value(v)}" for k, v in hyper.items()) if hyper else "")
        racers.append(Racer(name, hyper, label))
    if not racers or len(racers) > MAX_RACERS:
        raise BadParam(TRAINING_MSG["trainer_out_of_range"](lang, name="racers", value=len(racers), low=1, high=MAX_RACERS))
    return racers


def dump_racers(racers: list[Racer]) -> str:
    """The inverse of parse_racers (only the hyper-parameters a racer sets)."""
    return ";".join(r.optimizer + (":" + ",".join(f"{k}={dump_value(v)}" for k, v in r.hyper.items()) if r.hyper else "")
                    for r in racers)


def _value(hyper, raw: str, lang: str, default):
    """A hyper-parameter's value from its text; `default` (torch's) gives a tuple's length, and the places where
    None may stand (Adafactor's eps)."""
    try:
        if hyper.kind == "bool":
            if raw not in ("True", "False", "true", "false"):
                raise ValueError(raw)
            return raw.lower() == "true"
        if hyper.kind == "tuple":
            parts = raw.split("/")
            if len(parts) != len(default):
                raise ValueError(raw)
            value = tuple(None if part == "None" and d is None else parse_number(part, "float") for part, d in zip(parts, default))
            if not all(v is None or hyper.minimum <= v <= hyper.maximum for v in value):
                raise ValueError(raw)
            return value
        if hyper.kind == "choice":
            choice = None if raw == "None" else raw
            if choice not in hyper.choices:
                raise ValueError(raw)
            return choice
        value = parse_number(raw, hyper.kind)
    except ValueError:
        raise BadParam(TRAINING_MSG["trainer_out_of_range"](lang, name=hyper.name, value=shown(raw), low=hyper.minimum,
                                                           high=hyper.maximum)) from None
    if not hyper.minimum <= value <= hyper.maximum:
        raise BadParam(TRAINING_MSG["trainer_out_of_range"](lang, name=hyper.name, value=shown(raw), low=hyper.minimum,
                                                           high=hyper.maximum))
    return value

