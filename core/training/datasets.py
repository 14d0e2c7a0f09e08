"""Toy datasets made in torch from a seed: one declarative entry each, no downloads.

Every maker takes (n, noise, generator) and draws only from that private generator, so a session never touches the
global RNG and the same seed always gives the same points. The makers are plain torch functions on purpose: the
training-script generator copies their source into the script it writes.
"""

from dataclasses import dataclass
import math
from typing import Callable

import torch

from core.text import Text

def moons(n, noise, generator):
    """Two interleaving half circles (label 0 above, 1 below), jittered by Gaussian noise."""
    upper = n // 2
    angle = torch.rand(n, generator=generator) * math.pi  # (n,)
    first = torch.arange(n) < upper  # (n,) the upper moon
    x = torch.where(
        first.unsqueeze(1),
        torch.stack([torch.cos(angle), torch.sin(angle)], dim=1),
        torch.stack([1 - torch.cos(angle), 0.5 - torch.sin(angle)], dim=1),
    )  # (n, 2)
    x = x + noise * torch.randn(n, 2, generator=generator)
    y = (~first).float().unsqueeze(1)  # (n, 1)
    return x, y


def circles(n, noise, generator):
    """A ring of radius 1 (label 0) around a ring of radius 0.5 (label 1)."""
    inner = torch.arange(n) >= n // 2  # (n,)
    angle = torch.rand(n, generator=generator) * 2 * math.pi  # (n,)
    radius = torch.where(inner, 0.5, 1.0)  # (n,)
    x = radius.unsqueeze(1) * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)  # (n, 2)
    x = x + noise * torch.randn(n, 2, generator=generator)
    y = inner.float().unsqueeze(1)  # (n, 1)
    return x, y


def xor(n, noise, generator):
    """Points in the square [-1, 1]^2; label 1 where the two coordinates have the same sign."""
    x = torch.rand(n, 2, generator=generator) * 2 - 1  # (n, 2)
    y = (x[:, 0] * x[:, 1] > 0).float().unsqueeze(1)  # (n, 1)
    x = x + noise * torch.randn(n, 2, generator=generator)
    return x, y


def spiral(n, noise, generator):
    """Two arms of a spiral winding around each other (label = arm)."""
    arm = (torch.arange(n) >= n // 2).long()  # (n,)
    t = torch.rand(n, generator=generator) * 3 * math.pi + 0.5  # (n,) how far along the arm
    angle = t + arm * math.pi  # (n,) the second arm is the first turned half a circle
    x = (t / (3 * math.pi)).unsqueeze(1) * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)  # (n, 2)
    x = x + noise * torch.randn(n, 2, generator=generator)
    y = arm.float().unsqueeze(1)  # (n, 1)
    return x, y


def gaussians(n, noise, generator):
    """Two Gaussian clouds centred at (-1, -1) (label 0) and (1, 1) (label 1); noise is their spread."""
    label = (torch.arange(n) >= n // 2).float()  # (n,)
    centre = (2 * label - 1).unsqueeze(1).expand(n, 2)  # (n, 2)
    x = centre + noise * torch.randn(n, 2, generator=generator)  # (n, 2)
    return x, label.unsqueeze(1)


def blobs(n, noise, generator):
    """Three Gaussian clouds on a circle of radius 1.5, one per class (labels 0, 1, 2)."""
    label = torch.arange(n) % 3  # (n,)
    angle = math.pi / 2 + label * (2 * math.pi / 3)  # (n,)
    centre = 1.5 * torch.stack([torch.cos(angle), torch.sin(angle)], dim=1)  # (n, 2)
    x = centre + noise * torch.randn(n, 2, generator=generator)  # (n, 2)
    return x, label


def spiral3(n, noise, generator):
    """Three spiral arms, one per class (CS231n's spiral); noise jitters the angle."""
    label = torch.arange(n) % 3  # (n,)
    r = torch.rand(n, generator=generator)  # (n,) distance from the centre
    angle = 4 * label + 4 * r + noise * torch.randn(n, generator=generator)  # (n,)
    x = r.unsqueeze(1) * torch.stack([torch.sin(angle), torch.cos(angle)], dim=1)  # (n, 2)
    return x, label


def sine(n, noise, generator):
    """y = sin(x) plus Gaussian noise, for x in [-3, 3]."""
    x = torch.rand(n, 1, generator=generator) * 6 - 3  # (n, 1)
    y = torch.sin(x) + noise * torch.randn(n, 1, generator=generator)  # (n, 1)
    return x, y


def line_outliers(n, noise, generator):
    """y = 0.5 x + 1 plus noise, with every tenth point lifted by 6: MSE bends towards them, L1 hardly does."""
    x = torch.rand(n, 1, generator=generator) * 6 - 3  # (n, 1)
    y = 0.5 * x + 1 + noise * torch.randn(n, 1, generator=generator)  # (n, 1)
    outlier = (torch.arange(n) % 10 == 0).unsqueeze(1)  # (n, 1)
    return x, torch.where(outlier, y + 6, y)


def clicks(n, noise, generator):
    """Sparse task: each row is 3 categorical ids (one per column, 10 values each); the label comes from a hidden
    weight per id, as in click prediction. Ids go through nn.Embedding, whose sparse gradients touch only their rows."""
    fields, values = 3, 10
    weight = 1.5 * torch.randn(fields * values, generator=generator)  # (30,) the hidden truth
    ids = torch.randint(0, values, (n, fields), generator=generator) + values * torch.arange(fields)  # (n, 3)
    logit = weight[ids].sum(dim=1) + noise * torch.randn(n, generator=generator)  # (n,)
    y = (logit > 0).float().unsqueeze(1)  # (n, 1)
    return ids, y


def split(x, y, test_fraction, generator):
    """A random train / test split: the first test_fraction of a permutation is the test set."""
    order = torch.randperm(len(x), generator=generator)  # (n,)
    n_test = round(len(x) * test_fraction)
    test, train = order[:n_test], order[n_test:]
    return x[train], y[train], x[test], y[test]


@dataclass(frozen=True)
class DatasetSpec:
    """One toy dataset: how it is made and what kind of task it is."""

    name: str  # also the URL's `dataset`
    make: Callable  # (n, noise, generator) -> (x, y)
    task: str  # "binary", "multiclass", "regression" or "sparse"
    title: Text
    noise: float  # the noise the page starts from
    max_noise: float
    in_features: int  # columns of x (ids per row for the sparse task)
    out_features: int  # what the model outputs: 1 logit, 3 class scores, or 1 value
    num_ids: int = 0  # the sparse task's embedding rows


DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec("moons", moons, "binary", Text("Two moons", "双月形"), 0.1, 0.5, 2, 1),
        DatasetSpec("circles", circles, "binary", Text("Circle in a ring", "圆环套圆"), 0.1, 0.5, 2, 1),
        DatasetSpec("xor", xor, "binary", Text("XOR (four quadrants)", "异或（四个象限）"), 0.05, 0.5, 2, 1),
        DatasetSpec("spiral", spiral, "binary", Text("Two-arm spiral", "双臂螺旋"), 0.05, 0.3, 2, 1),
        DatasetSpec("gaussians", gaussians, "binary", Text("Two Gaussian clouds", "两团高斯点云"), 0.7, 2.0, 2, 1),
        DatasetSpec("blobs", blobs, "multiclass", Text("Three blobs", "三团点"), 0.5, 1.5, 2, 3),
        DatasetSpec("spiral3", spiral3, "multiclass", Text("Three-arm spiral", "三臂螺旋"), 0.2, 1.0, 2, 3),
        DatasetSpec("sine", sine, "regression", Text("Sine wave", "正弦曲线"), 0.1, 1.0, 1, 1),
        DatasetSpec(
            "line_outliers", line_outliers, "regression", Text("A line with outliers", "带离群点的直线"), 0.2, 1.0, 1, 1
        ),
        DatasetSpec(
            "clicks", clicks, "sparse", Text("Clicks from categorical ids", "由类别 id 预测点击"), 0.5, 2.0,
            in_features=3, out_features=1, num_ids=30,  # 3 columns of 10 ids each, as clicks() draws them
        ),
    )
}


@dataclass(frozen=True)
class Data:
    """A made dataset, split into train and test."""

    spec: DatasetSpec
    x_train: torch.Tensor  # (N, in_features); int64 ids for the sparse task
    y_train: torch.Tensor  # (N, 1) float, or (N,) int64 class indices
    x_test: torch.Tensor
    y_test: torch.Tensor

    @property
    def x_all(self) -> torch.Tensor:
        return torch.cat([self.x_train, self.x_test])


def make_data(name: str, n_points: int, noise: float, test_fraction: float, seed: int) -> Data:
    """The dataset `name` with n_points points, split into train and test, all drawn from one seeded generator."""
    spec = DATASETS[name]
    generator = torch.Generator().manual_seed(seed)
    x, y = spec.make(n_points, noise, generator)
    return Data(spec, *split(x, y, test_fraction, generator))
