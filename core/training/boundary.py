"""Model outputs over the input space, for a later heatmap (2-d data) or curve (1-d data)."""

from dataclasses import dataclass

import torch

from core.training.config import MAX_GRID
from core.messages.training_engine import MSG

MARGIN = 0.1  # share of the data's range added on each side


@dataclass(frozen=True)
class Mesh:
    """Outputs on a mesh: outputs[i, j] belongs to the point (xs[j], ys[i]), so rows run along y like a heatmap."""

    xs: torch.Tensor  # (G,)
    ys: torch.Tensor  # (G,)
    outputs: torch.Tensor  # (G, G) probability of class 1, or (G, G, C) class probabilities


@dataclass(frozen=True)
class Curve:
    """Predictions along the input axis of a 1-d regression."""

    xs: torch.Tensor  # (G,)
    outputs: torch.Tensor  # (G,)


def _axis(values: torch.Tensor, size: int) -> torch.Tensor:
    low, high = values.min().item(), values.max().item()
    pad = MARGIN * (high - low or 1.0)
    return torch.linspace(low - pad, high + pad, size)  # (G,)


def decision_grid(race, index: int, size: int = 60, lang: str = "en") -> Mesh | str:
    """Racer `index`'s predicted probabilities on a (size, size) mesh over the data's range; a message when the
    inputs are not 2-d points."""
    data = race.data
    if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= MAX_GRID:
        return MSG["trainer_out_of_range"](lang, name="size", value=size, low=2, high=MAX_GRID)
    if data.spec.task == "sparse" or data.spec.in_features != 2:
        return MSG["trainer_no_grid"](lang, dataset=data.spec.name, features=data.spec.in_features)
    points = data.x_all  # (N, 2)
    xs, ys = _axis(points[:, 0], size), _axis(points[:, 1], size)
    grid_y, grid_x = torch.meshgrid(ys, xs, indexing="ij")  # (G, G) each
    output = race.outputs(index, torch.stack([grid_x, grid_y], dim=-1).reshape(-1, 2))  # (G*G, out)
    if race.loss_spec.class_targets:
        probabilities = torch.softmax(output, dim=-1).view(size, size, -1)  # (G, G, C)
    elif race.loss_spec.sigmoid_output:
        probabilities = output.view(size, size)  # (G, G) the model already ends in a sigmoid
    else:
        probabilities = torch.sigmoid(output).view(size, size)  # (G, G)
    return Mesh(xs, ys, probabilities)


def prediction_curve(race, index: int, size: int = 100, lang: str = "en") -> Curve | str:
    """Racer `index`'s predictions along the input range of a 1-d regression; a message for other data."""
    data = race.data
    if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= MAX_GRID**2:
        return MSG["trainer_out_of_range"](lang, name="size", value=size, low=2, high=MAX_GRID**2)
    if data.spec.task != "regression":
        return MSG["trainer_no_curve"](lang, dataset=data.spec.name, features=data.spec.in_features)
    xs = _axis(data.x_all[:, 0], size)  # (G,)
    return Curve(xs, race.outputs(index, xs.unsqueeze(1)).squeeze(1))
