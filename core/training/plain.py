"""The plain path: one racer, its own nn.Module and optimizer, one ordinary training step at a time.

It is the reference the fast path is checked against, and the path for LBFGS (whose step calls a closure several
times), for optimizers whose rule looks at a whole parameter (Adafactor, Muon) and for the sparse task's
nn.Embedding model. PlainRun is the training script's own loop, run here to show what the script prints.
"""

import math
import time

import torch
from torch import nn

from core.training.batches import batch_order
from core.training.datasets import make_data
from core.training.losses import LOSSES, accuracy
from core.training.model import build_model
from core.training.optimizers import OPTIMIZERS


class PlainRacer:
    """A model and its optimizer, stepped alone; counts function evaluations (forward and backward passes)."""

    def __init__(self, model: nn.Module, optimizer: torch.optim.Optimizer, loss: nn.Module, uses_closure: bool):
        self.model = model
        self.optimizer = optimizer
        self.loss = loss
        self.uses_closure = uses_closure
        self.function_evals = 0

    def _evaluate(self, x, y):
        self.optimizer.zero_grad()
        loss = self.loss(self.model(x), y)
        loss.backward()
        self.function_evals += 1
        return loss

    def step(self, x: torch.Tensor, y: torch.Tensor, guard: bool = True) -> float:
        """One optimizer step on the batch (x, y); returns the batch loss before the step. With `guard`, a
        non-finite loss is returned without stepping, so the caller can report divergence (a script has no guard)."""
        if self.uses_closure:
            # LBFGS returns the closure's first value: the loss before its line search moves the weights
            return self.optimizer.step(lambda: self._evaluate(x, y)).item()
        loss = self._evaluate(x, y).item()
        if math.isfinite(loss) or not guard:
            self.optimizer.step()
        return loss

    @torch.no_grad()
    def outputs(self, x: torch.Tensor) -> torch.Tensor:
        """The model's outputs for x, without tracking gradients: (N, out)."""
        return self.model(x)


class PlainRun:
    """One racer trained alone (config: a RaceConfig, racer: a Racer) by the textbook loop: the same data, initial
    weights, batches and optimizer as a race, none of its batching; the loop the training script writes out, a
    few steps at a time (advance), so a page can spread a long run over several short reruns. With `guard` it stops
    at the first non-finite loss, as a race stops a diverged racer; without, it steps on, as the script does."""

    def __init__(self, config, racer, guard: bool = False):
        self.config, self.racer, self.guard = config, racer, guard
        self.data = make_data(config.dataset, config.n_points, config.noise_value, config.test_fraction,
                              config.data_seed)
        self.loss_spec, spec = LOSSES[config.loss], OPTIMIZERS[racer.optimizer]
        model = build_model(self.data.spec, config, self.loss_spec.sigmoid_output, spec.sparse != "no",
                            torch.Generator().manual_seed(config.init_seed))
        self.runner = PlainRacer(model, spec.build(model.parameters(), racer.hyper), self.loss_spec.module(),
                                 spec.closure)
        self.batches = batch_order(len(self.data.x_train), config.batch_size, config.steps, config.batch_seed)
        self.losses: list[float] = []  # the batch loss of each step

    @property
    def done(self) -> bool:
        stopped = self.guard and self.losses and not math.isfinite(self.losses[-1])
        return len(self.losses) >= self.config.steps or bool(stopped)

    def advance(self, deadline: float = math.inf) -> "PlainRun":
        """Step until done or time.perf_counter() passes `deadline` (checked between steps)."""
        while not self.done and time.perf_counter() < deadline:
            rows = self.batches[len(self.losses)]
            self.losses.append(self.runner.step(self.data.x_train[rows], self.data.y_train[rows], self.guard))
        return self

    @torch.no_grad()
    def scores(self) -> list[tuple[str, float, float | None]]:
        """(name, loss, accuracy) on the whole train and test sets, as the script computes them at its end."""
        model, loss = self.runner.model, self.runner.loss
        return [(name, loss(model(x), y).item(), accuracy(model(x), y, self.loss_spec, self.data.spec.task))
                for name, x, y in (("train", self.data.x_train, self.data.y_train),
                                   ("test", self.data.x_test, self.data.y_test))]


def train_alone(config, racer) -> list[float]:
    """The textbook loop for one racer on its own (see PlainRun). Returns the batch loss of each step, stopping
    after a non-finite one. The race's fast path is checked against it."""
    return PlainRun(config, racer, guard=True).advance().losses
