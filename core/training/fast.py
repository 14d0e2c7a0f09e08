"""The fast path: one forward and one backward pass for many MLP racers at once.

Each racer keeps its weights as one flat leaf tensor (torch.nn.utils.parameters_to_vector order) and its own
optimizer over that one tensor. A step stacks the racers' vectors into (R, P) and views each layer as (R, out, in).
The first layer sees the same batch for every racer, so it is one 2-d addmm against all racers' rows; later layers
are batched matmuls (baddbmm) over the leading racer dim. The sum of the racers' mean losses is backpropagated once,
and since racer r's loss depends only on row r, each racer's flat tensor gets exactly its own gradient. Then each
optimizer steps its own tensor.

Where the time goes (measured with 6 racers on a 2x16 MLP, batch 32, on a 2-core CPU): in the plain loop the six
forward-and-backward passes took a little over half of a step and the six optimizer steps (6 parameter tensors each)
the rest; most of both is per-call Python and dispatch overhead, not arithmetic. The shared pass here costs about
what one or two plain passes do, and an optimizer step over one flat tensor a third to a half of one over six
tensors (passing foreach=False, torch's CPU default, saves it re-deciding that each step: about 5% more).
torch.func.vmap over functional_call ran 2-3x slower than these hand-batched matmuls. An expanded (stride 0)
batch fed to bmm was very slow with two intra-op threads on a busy machine, hence the addmm for the first layer.

The optimizers run torch's single-tensor (for-loop) implementation, CPU's default and the plain path's, so the
per-coordinate arithmetic is identical; the losses differ only by the matmul kernels' summation order (about 1e-7 at
first, drifting slowly as training goes on: bench/train_race.py prints both).
"""

import math

import torch

from core.training.losses import LossSpec
from core.training.model import MLP


class FastRacer:
    """A racer's flat weight vector and its optimizer over that vector."""

    def __init__(self, flat: torch.Tensor, optimizer: torch.optim.Optimizer):
        self.flat = flat  # (P,) leaf, requires_grad
        self.optimizer = optimizer
        self.function_evals = 0


class FastGroup:
    """Runs MLPs of one shape, stacked on a leading racer dim."""

    def __init__(self, template: MLP, loss: LossSpec):
        named = list(template.named_parameters())
        self.shapes = [p.shape for _, p in named]  # weight (out, in), bias (out,), layer after layer
        self.sizes = [p.numel() for _, p in named]
        self.activation = template.activation
        self.sigmoid_output = template.sigmoid_output
        self.loss = loss
        self.loss_module = loss.module("none")  # made once: building a module each step costs more than the loss

    def forward(self, flats: list[torch.Tensor], x: torch.Tensor) -> torch.Tensor:
        """Every racer's MLP on the same x: R flat vectors, x (B, in) -> (R, B, out)."""
        racers = len(flats)
        stacked = torch.stack(flats)  # (R, P)
        pieces = [chunk.view(racers, *shape) for chunk, shape in zip(stacked.split(self.sizes, dim=1), self.shapes)]
        weight, bias = pieces[0], pieces[1]  # (R, out, in), (R, out)
        # the first layer sees the same x for every racer: one 2-d addmm against all racers' rows at once
        h = torch.addmm(bias.reshape(-1), x, weight.reshape(-1, x.shape[1]).t())  # (B, R*out)
        h = h.view(len(x), racers, -1).transpose(0, 1)  # (R, B, out)
        for i in range(2, len(pieces), 2):
            h = self.activation(h)
            weight, bias = pieces[i], pieces[i + 1]  # (R, out, in), (R, out)
            h = torch.baddbmm(bias.unsqueeze(1), h, weight.transpose(1, 2))  # (R, B, out)
        return torch.sigmoid(h) if self.sigmoid_output else h

    def backward(self, racers: list[FastRacer], x: torch.Tensor, y: torch.Tensor) -> list[float]:
        """One shared forward and backward pass: fills each racer's flat.grad, returns each racer's batch loss."""
        for racer in racers:
            racer.flat.grad = None
            racer.function_evals += 1
        losses = self.loss.per_racer(self.forward([r.flat for r in racers], x), y, self.loss_module)  # (R,)
        losses.sum().backward()
        return losses.tolist()

    @staticmethod
    def step(racer: FastRacer, loss: float) -> float:
        """The racer's own optimizer step, skipped when its loss is not finite (the race reports divergence);
        returns that loss, as a plain racer's step does."""
        if math.isfinite(loss):
            racer.optimizer.step()
        return loss

    @torch.no_grad()
    def outputs(self, racers: list[FastRacer], x: torch.Tensor) -> torch.Tensor:
        """Every racer's outputs for x, without tracking gradients: (R, N, out)."""
        return self.forward([r.flat for r in racers], x)
