"""The surface page's racers as its URL writes them, `racers=SGD:lr=0.05,momentum=0.9;Adam:lr=0.05`: each picked
optimizer once, with its own step size and, where torch's optimizer takes one, its own momentum.

So the picker, the racers' settings and the chart's legend are one list: no racer is added or changed behind the
user's back."""

import math

from core.messages.surface import MSG
from core.page_params import parse_number
from core.surface.trajectories import Racer, refusal
from core.text import shown
from core.training.config import dump_value
from core.training.optimizers import OPTIMIZERS

# the point p is one dense 1-d tensor: SparseAdam (sparse gradients only) and Muon (2-d parameters only) cannot move it
SURFACE_OPTIMIZERS = tuple(name for name in OPTIMIZERS if refusal(OPTIMIZERS[name]) is None)
LR_STEPS = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0)  # the step-size slider's stops
LR_RANGE = (LR_STEPS[0], LR_STEPS[-1])
MOMENTUM_RANGE = (0.0, 0.99)


def settings_of(name: str) -> dict[str, tuple[float, float]]:
    """The settings the page gives optimizer `name`, by torch's argument names, with their bounds: its step size
    (`lr`, FTRL's `alpha`), and `momentum` when torch's optimizer takes one (SGD, RMSprop)."""
    spec = OPTIMIZERS[name]
    bounds = {spec.lr_name: LR_RANGE}
    if any(h.name == "momentum" for h in spec.hypers):
        bounds["momentum"] = MOMENTUM_RANGE
    return bounds


def new_racer(name: str) -> Racer:
    """Optimizer `name` where the playground starts it (the Training lab's catalog: its step size, torch's default
    momentum of 0), inside the page's bounds."""
    start = OPTIMIZERS[name].start_values()
    return Racer(name, {k: min(max(float(start[k]), low), high) for k, (low, high) in settings_of(name).items()})


def with_setting(racers: list[Racer], name: str, setting: str, value: float) -> list[Racer]:
    """The racers with racer `name`'s `setting` at `value`; every other racer as it was."""
    return [Racer(r.name, {**r.hyper, setting: value}) if r.name == name else r for r in racers]


def picked(racers: list[Racer], names: list[str]) -> list[Racer]:
    """The racers for the picker's `names`, in its order: a racer already there keeps its settings, a new one starts
    where the playground starts it."""
    kept = {r.name: r for r in racers}
    return [kept.get(name) or new_racer(name) for name in names if name in SURFACE_OPTIMIZERS]


def parse_racers(text: str, lang: str) -> tuple[list[Racer], list[str]]:
    """`SGD:lr=0.05,momentum=0.9;Adam` -> the racers, and a message for each part or setting left out (a code span,
    cut short): an optimizer the page cannot run or has already, a setting it does not take, a value out of range.
    A setting left out keeps the optimizer's start value."""
    racers, messages = [], []
    for part in [p.strip() for p in text.split(";") if p.strip()]:
        name, _, settings = part.partition(":")
        why = _unusable(name, [r.name for r in racers], lang)
        if why:
            messages.append(MSG["surface_left_out"](lang, name=shown(name), why=why))
            continue
        hyper, given, bounds = dict(new_racer(name).hyper), set(), settings_of(name)
        for item in [s for s in settings.split(",") if s.strip()]:
            setting, _, raw = item.partition("=")
            if setting not in bounds or setting in given:
                messages.append(MSG["surface_setting_left_out"](lang, name=name, setting=shown(setting),
                                                                settings=", ".join(bounds)))
                continue
            low, high = bounds[setting]
            value = _number(raw)
            if not low <= value <= high:
                messages.append(MSG["surface_bad_setting"](lang, name=name, setting=setting, value=shown(raw),
                                                           low=dump_value(low), high=dump_value(high),
                                                           start=dump_value(hyper[setting])))
                continue
            hyper[setting] = value
            given.add(setting)
        racers.append(Racer(name, hyper))
    return racers, messages


def dump_racers(racers: list[Racer]) -> str:
    """The inverse of parse_racers: `SGD:lr=0.05,momentum=0.9;Adam:lr=0.05`."""
    return ";".join(f"{r.name}:" + ",".join(f"{k}={dump_value(v)}" for k, v in r.hyper.items()) for r in racers)


def _number(raw: str) -> float:
    try:
        return float(parse_number(raw, "float"))
    except ValueError:
        return math.nan  # outside every range: said as a value out of range


def _unusable(name: str, taken: list[str], lang: str) -> str | None:
    """Why optimizer `name` cannot race here (in `lang`), or None."""
    if name in taken:
        return MSG["surface_repeated"](lang)
    if name in SURFACE_OPTIMIZERS:
        return None
    if name in OPTIMIZERS:
        return MSG[refusal(OPTIMIZERS[name])](lang, name=name)
    return MSG["surface_unknown_optimizer"](lang, name=shown(name), names=", ".join(SURFACE_OPTIMIZERS))
