"""Real torch.optim optimizers walking over a 2-d test function: every point and value, one racer at a time.

Each racer gets its own fresh parameter p = torch.tensor(start, requires_grad=True) and its own optimizer built from
the Training lab's catalog, so what the page draws is exactly what torch did.
"""

from dataclasses import dataclass, field
import math

import torch

from core.messages.surface import MSG
from core.surface.functions import SurfaceFunction
from core.text import Text
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


def run_racer(function: SurfaceFunction, start, racer: Racer, steps: int, options: dict | None = None) -> Trajectory:
    """Run one racer for `steps` steps (capped at MAX_STEPS) from `start` on `function`; never raises for bad
    settings or divergence: the returned Trajectory says what happened."""
    trajectory = Trajectory(racer)
    spec = OPTIMIZERS.get(racer.name)
    if spec is None:
        return _refuse(trajectory, "surface_unknown_optimizer", names=", ".join(OPTIMIZERS))
    if spec.sparse == "only":
        return _refuse(trajectory, "surface_sparse_only")
    problem = start_problem(start)
    if problem:
        return _refuse(trajectory, "surface_bad_start", error=problem)
    p = torch.tensor([float(v) for v in start], requires_grad=True)  # (2,)
    try:
        optimizer = spec.build([p], racer.hyper, foreach_off=True)
    except (ValueError, TypeError) as error:
        return _refuse(trajectory, "surface_bad_hyper", error=str(error))

    def closure():
        optimizer.zero_grad()
        loss = function.value(p, options)  # ()
        loss.backward()
        return loss

    trajectory.points.append(_point(p))
    trajectory.values.append(function.value(p.detach(), options).item())
    for step in range(1, min(max(int(steps), 0), MAX_STEPS) + 1):
        try:
            if spec.closure:
                optimizer.step(closure)
            else:
                closure()
                optimizer.step()
        except RuntimeError as error:  # e.g. LBFGS's line search meeting nan
            return _stop(trajectory, step, "surface_step_error", error=str(error))
        point = _point(p)
        with torch.no_grad():
            value = function.value(p, options).item()
        if _escaped(point, value):
            return _stop(trajectory, step, "surface_diverged", limit=f"{DIVERGENCE_LIMIT:g}")
        trajectory.points.append(point)
        trajectory.values.append(value)
    return trajectory


def run_race(function: SurfaceFunction, start, racers: list[Racer], steps: int,
             options: dict | None = None) -> list[Trajectory]:
    """Every racer's trajectory, in the racers' order; each starts from `start` with its own parameter."""
    return [run_racer(function, start, racer, steps, options) for racer in racers]


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
