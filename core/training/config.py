"""What a race is made of: the shared settings, the racers, the caps, and the check that explains a bad choice."""

from dataclasses import dataclass, field

from core.training.datasets import DATASETS
from core.training.losses import LOSSES, loss_problem
from core.messages.training_engine import MSG
from core.text import shown
from core.training.model import ACTIVATIONS
from core.training.optimizers import OPTIMIZERS

MAX_STEPS = 2000  # per run: a few seconds on two cores
MAX_POINTS = 2000  # per dataset, train and test together
MIN_POINTS = 10
MAX_WIDTH = 32
MAX_HIDDEN_LAYERS = 4
MAX_RACERS = len(OPTIMIZERS)  # every optimizer in the catalog at once
MAX_GRID = 120  # decision-boundary mesh: at most 120 x 120 points (a prediction curve: 120 ** 2)
# LBFGS iterations per race step, every closure racer's max_iter added up: with history_size 100, a 4 x 32 MLP and
# 1,500-row batches an iteration took up to 7 ms here, so one step of the whole race stays near a tenth of a second;
# 20 is torch's own max_iter, so one LBFGS at torch's defaults (or four at the playground's 5) can race
MAX_CLOSURE_ITERATIONS = 20
# forward-and-backward passes a racer joining mid-race may spend catching up (steps done x passes per step): one
# pass per step can join at any step of the longest race; LBFGS (up to max_iter passes a step) only earlier
MAX_CATCH_UP_PASSES = MAX_STEPS


@dataclass(frozen=True)
class RaceConfig:
    """Everything the racers share: data, model, loss, batches and budget."""

    dataset: str = "moons"  # a DATASETS name
    n_points: int = 200  # train and test together
    noise: float | None = None  # None: the dataset's own starting noise
    test_fraction: float = 0.25
    data_seed: int = 0  # draws the points and the split
    hidden_layers: int = 2  # 0 is a linear model
    width: int = 8  # units per hidden layer
    activation: str = "ReLU"  # an ACTIVATIONS name
    loss: str = "BCEWithLogitsLoss"  # a LOSSES name
    batch_size: int = 32  # DataLoader batch_size; the last batch of an epoch may be smaller
    steps: int = 200  # optimizer steps per racer
    init_seed: int = 0  # draws the one initial model every racer copies
    batch_seed: int = 0  # draws the one batch order every racer follows
    eval_every: int = 10  # test loss and accuracy every this many steps (0: only at the end)

    @property
    def noise_value(self) -> float:
        return DATASETS[self.dataset].noise if self.noise is None else self.noise


@dataclass(frozen=True)
class Racer:
    """One contestant: an optimizer by name and the hyper-parameters that differ from where the playground starts."""

    optimizer: str  # an OPTIMIZERS name
    hyper: dict = field(default_factory=dict)  # torch argument name -> value
    label: str = ""  # how the page names it; made from the optimizer and its step size when empty

    def values(self) -> dict:
        """Every hyper-parameter: the playground's start values overridden by this racer's."""
        return {**OPTIMIZERS[self.optimizer].start_values(), **self.hyper}

    def name(self) -> str:
        spec = OPTIMIZERS[self.optimizer]
        return self.label or f"{self.optimizer} {spec.lr_name}={self.values()[spec.lr_name]:g}"


def dump_value(value) -> str:
    """A hyper-parameter's value as the racers text writes it: short (0.1, 1e-05, 0.9/0.999), and read back as the
    same number."""
    if isinstance(value, tuple):
        return "/".join(map(dump_value, value))
    if isinstance(value, float):
        return f"{value:g}" if float(f"{value:g}") == value else repr(value)
    return str(value)


def _unknown(what: str, value, choices, lang: str) -> str:
    return MSG["trainer_unknown"](lang, what=what, value=shown(value), choices=", ".join(map(str, choices)))


def _range(name: str, value, low, high, lang: str, integer: bool = True) -> str | None:
    kinds = int if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or not low <= value <= high:
        return MSG["trainer_out_of_range"](lang, name=name, value=value, low=low, high=high)
    return None


def config_problems(config: RaceConfig, racers: list[Racer], lang: str) -> list[str]:
    """Every reason this race cannot start, in the user's language (empty when it can). A racer whose optimizer
    cannot run on this task is not a problem here: the race marks it and runs the others."""
    if config.dataset not in DATASETS:
        return [_unknown("dataset", config.dataset, DATASETS, lang)]
    spec = DATASETS[config.dataset]
    problems = [
        _range("n_points", config.n_points, MIN_POINTS, MAX_POINTS, lang),
        _range("noise", config.noise_value, 0, spec.max_noise, lang, integer=False),
        _range("test_fraction", config.test_fraction, 0.05, 0.5, lang, integer=False),
        _range("hidden_layers", config.hidden_layers, 0, MAX_HIDDEN_LAYERS, lang),
        _range("width", config.width, 1, MAX_WIDTH, lang),
        _range("batch_size", config.batch_size, 1, MAX_POINTS, lang),
        _range("steps", config.steps, 1, MAX_STEPS, lang),
        _range("eval_every", config.eval_every, 0, MAX_STEPS, lang),
        _range("racers", len(racers), 1, MAX_RACERS, lang) if racers else MSG["trainer_no_racers"](lang),
    ]
    if config.activation not in ACTIVATIONS:
        problems.append(_unknown("activation", config.activation, ACTIVATIONS, lang))
    if config.loss not in LOSSES:
        problems.append(_unknown("loss", config.loss, LOSSES, lang))
    else:
        problems.append(loss_problem(config.loss, spec.task, lang))
    for racer in racers:
        if racer.optimizer not in OPTIMIZERS:
            problems.append(_unknown("optimizer", racer.optimizer, OPTIMIZERS, lang))
            continue
        optimizer = OPTIMIZERS[racer.optimizer]
        names = [h.name for h in optimizer.hypers]
        problems += [
            MSG["trainer_unknown_hyper"](lang, optimizer=racer.optimizer, name=shown(name), names=", ".join(names))
            for name in racer.hyper
            if name not in names
        ]
    iterations = sum(r.values()["max_iter"] for r in racers if r.optimizer in OPTIMIZERS and OPTIMIZERS[r.optimizer].closure)
    if iterations > MAX_CLOSURE_ITERATIONS:
        problems.append(MSG["trainer_too_many_iterations"](lang, iterations=iterations, high=MAX_CLOSURE_ITERATIONS))
    return [p for p in problems if p]
