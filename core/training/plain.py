"""The plain path: one racer, its own nn.Module and optimizer, one ordinary training step at a time.

It is the reference the fast path is checked against, and the path for LBFGS (whose step calls a closure several
times) and for the sparse task's nn.Embedding model.
"""

import math

import torch
from torch import nn

from core.training.batches import batch_order
from core.training.datasets import make_data
from core.training.losses import LOSSES
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

    def step(self, x: torch.Tensor, y: torch.Tensor) -> float:
        """One optimizer step on the batch (x, y); returns the batch loss before the step. A non-finite loss is
        returned without stepping, so the caller can report divergence."""
        if self.uses_closure:
            # LBFGS returns the closure's first value: the loss before its line search moves the weights
            return self.optimizer.step(lambda: self._evaluate(x, y)).item()
        loss = self._evaluate(x, y).item()
        if math.isfinite(loss):
            self.optimizer.step()
        return loss

    @torch.no_grad()
    def outputs(self, x: torch.Tensor) -> torch.Tensor:
        """The model's outputs for x, without tracking gradients: (N, out)."""
        return self.model(x)


def train_alone(config, racer) -> list[float]:
    """The textbook loop for one racer on its own (config: a RaceConfig, racer: a Racer): the same data, initial
    weights and batches as a race, none of its batching. Returns the batch loss of each step, stopping after a
    non-finite one. The race's fast path is checked against it."""
    data = make_data(config.dataset, config.n_points, config.noise_value, config.test_fraction, config.data_seed)
    loss_spec, spec = LOSSES[config.loss], OPTIMIZERS[racer.optimizer]
    model = build_model(data.spec, config, loss_spec.sigmoid_output, spec.sparse != "no",
                        torch.Generator().manual_seed(config.init_seed))
    runner = PlainRacer(model, spec.build(model.parameters(), racer.hyper), loss_spec.module(), spec.closure)
    losses = []
    for rows in batch_order(len(data.x_train), config.batch_size, config.steps, config.batch_seed):
        losses.append(runner.step(data.x_train[rows], data.y_train[rows]))
        if not math.isfinite(losses[-1]):
            break
    return losses
