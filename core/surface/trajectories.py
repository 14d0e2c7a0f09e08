"""Real torch.optim optimizers walking over a 2-d test function: every point and value, one racer at a time.

Each racer gets its own fresh parameter p = torch.tensor(start, requires_grad=True) and its own optimizer built from
the Training lab's catalog, so what the page draws is exactly what torch did.
"""

from dataclasses import dataclass, field
import math
import time

import torch

from core.messages.surface import MSG
from core.surface.functions import SurfaceFunction
from core.text import Text, said, shown
from core.training.optimizers import OPTIMIZERS

MAX_STEPS = 500
DIVERGENCE_LIMIT = 1e6  # a coordinate beyond this has left every plotted range for good


@dataclass(frozen=True)
class Racer:
    """An optimizer by its catalog name, and the hyper-parameters it changes (torch's argument names)."""

    name: str
    hyper: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        """SGD(lr=0.1, momentum=0.9): the name and what it changes."""
        return f"{self.name}({', '.join(f'{k}={v!r}' for k, v in self.hyper.items())})"


@dataclass
class Trajectory:
    """One racer's walk: points[0] is the start, points[i] the point after step i, values[i] = f(points[i]).

    status is "ok" (ran every step), "diverged" (stopped at `step`: nan, inf or a coordinate beyond 1e6; that point
    is not recorded) or "refused" (did not run: SparseAdam, an unknown name or settings torch rejects).
    """

    racer: Racer
    points: list[tuple[float, float]] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    status: str = "ok"
    step: int | None = None
    message: Text | None = None
    message_fields: dict = field(default_factory=dict)

    def explain(self, lang: str) -> str | None:
        """The message for a diverged or refused racer in `lang`, or None when it ran to the end."""
        return self.message(lang, **self.message_fields) if self.message else None


def start_problem(start) -> str | None:
    """Why `start` cannot be a start point (English, for the message's {error}), or None when it is two finite
    numbers."""
    try:
        x, y = (float(v) for v in start)
    except (TypeError, ValueError):
        return f"expected two numbers (x, y), got {start!r}"
    if not (math.isfinite(x) and math.isfinite(y)):
        return f"expected finite numbers, got ({x}, {y})"
    return None


def _point(p: torch.Tensor) -> tuple[float, float]:
    x, y = p.detach().tolist()
    return x, y


def _escaped(point: tuple[float, float], value: float) -> bool:
    return not all(math.isfinite(v) for v in (*point, value)) or max(abs(point[0]), abs(point[1])) > DIVERGENCE_LIMIT


def refusal(spec) -> str | None:
    """The message key saying why optimizer `spec` cannot move the page's point p, a dense (2,) tensor, or None."""
    if spec.sparse == "only":
        return "surface_sparse_only"
    if spec.matrices_only:
        return "surface_matrices_only"
    return None


class Walk:
    """One racer's walk, taken a few steps at a time: advance() goes on where the last call stopped, so a page can
    spread a long walk over several short runs. The Trajectory grows as it goes."""

    def __init__(self, function: SurfaceFunction, start, racer: Racer, steps: int, options: dict | None = None):
        self.function, self.options = function, options
        self.steps = min(max(int(steps), 0), MAX_STEPS)
        self.trajectory = Trajectory(racer)
        self.spec = OPTIMIZERS.get(racer.name)
        if self.spec is None:
            _refuse(self.trajectory, "surface_unknown_optimizer", name=shown(racer.name), names=", ".join(OPTIMIZERS))
            return
        key, problem = refusal(self.spec), start_problem(start)
        if key:
            _refuse(self.trajectory, key)
            return
        if problem:
            _refuse(self.trajectory, "surface_bad_start", error=said(problem))
            return
        self.p = torch.tensor([float(v) for v in start], requires_grad=True)  # (2,)
        try:
            self.optimizer = self.spec.build([self.p], racer.hyper, foreach_off=True)
        except (ValueError, TypeError) as error:
            _refuse(self.trajectory, "surface_bad_hyper", error=said(error))
            return
        self.trajectory.points.append(_point(self.p))
        self.trajectory.values.append(function.value(self.p.detach(), options).item())

    @property
    def walked(self) -> int:
        """Steps taken so far."""
        return max(len(self.trajectory.points) - 1, 0)

    @property
    def done(self) -> bool:
        return self.trajectory.status != "ok" or self.walked >= self.steps

    def _closure(self):
        self.optimizer.zero_grad()
        loss = self.function.value(self.p, self.options)  # ()
        loss.backward()
        return loss

    def advance(self, steps: int | None = None) -> Trajectory:
        """Take up to `steps` more steps (all that are left when None); never raises for divergence or an error
        torch raises mid-walk: the trajectory says what happened."""
        trajectory = self.trajectory
        last = self.steps if steps is None else min(self.steps, self.walked + steps)
        while not self.done and self.walked < last:
            step = self.walked + 1
            try:
                if self.spec.closure:
                    self.optimizer.step(self._closure)
                else:
                    self._closure()
                    self.optimizer.step()
            except RuntimeError as error:  # e.g. LBFGS's line search meeting nan
                return _stop(trajectory, step, "surface_step_error", error=said(error))
            point = _point(self.p)
            with torch.no_grad():
                value = self.function.value(self.p, self.options).item()
            if _escaped(point, value):
                return _stop(trajectory, step, "surface_diverged", limit=f"{DIVERGENCE_LIMIT:g}")
            trajectory.points.append(point)
            trajectory.values.append(value)
        return trajectory


def run_racer(function: SurfaceFunction, start, racer: Racer, steps: int, options: dict | None = None) -> Trajectory:
    """Run one racer for `steps` steps (capped at MAX_STEPS) from `start` on `function`; never raises for bad
    settings or divergence: the returned Trajectory says what happened."""
    return Walk(function, start, racer, steps, options).advance()


def run_race(function: SurfaceFunction, start, racers: list[Racer], steps: int,
             options: dict | None = None) -> list[Trajectory]:
    """Every racer's trajectory, in the racers' order; each starts from `start` with its own parameter."""
    return [run_racer(function, start, racer, steps, options) for racer in racers]


def walk_until(walks: list[Walk], deadline: float, chunk: int = 8) -> int:
    """Advance the unfinished walks `chunk` steps at a time, taking turns, until all are done or
    time.perf_counter() passes `deadline` (checked before each chunk, so a page's run stays short). Returns how many
    steps every walk has now (a finished walk counts as complete): how far the page may draw."""
    while any(not w.done for w in walks) and time.perf_counter() < deadline:
        # the one furthest behind goes first: on a busy machine a run that fits one chunk still moves the drawing on
        for walk in sorted((w for w in walks if not w.done), key=lambda w: w.walked):
            if time.perf_counter() >= deadline:
                break
            walk.advance(chunk)
    return min((w.walked for w in walks if not w.done), default=max((w.steps for w in walks), default=0))


def _refuse(trajectory: Trajectory, key: str, **fields) -> Trajectory:
    trajectory.status, trajectory.message = "refused", MSG[key]
    trajectory.message_fields = {"name": trajectory.racer.name, **fields}
    return trajectory


def _stop(trajectory: Trajectory, step: int, key: str, **fields) -> Trajectory:
    trajectory.status, trajectory.step, trajectory.message = "diverged", step, MSG[key]
    trajectory.message_fields = {"name": trajectory.racer.label, "step": step, **fields}
    return trajectory


def up_to(trajectory: Trajectory, steps: int) -> Trajectory:
    """The trajectory as it stood after `steps` steps: what a live drawing shows while the walk goes on."""
    return Trajectory(trajectory.racer, trajectory.points[: steps + 1], trajectory.values[: steps + 1],
                      trajectory.status, trajectory.step, trajectory.message, trajectory.message_fields)
