"""The datasets the page wraps its tensors in, one catalog entry each: torch's TensorDataset and the guide's MyDataset.

Every sample carries its own index (TensorDataset gets an `index = torch.arange(N)` tensor, MyDataset returns `idx`),
so each batch the DataLoader yields says which samples it holds.
"""

from dataclasses import dataclass
import inspect
from typing import Callable

import torch
from torch.utils.data import Dataset, TensorDataset


class MyDataset(Dataset):
    def __init__(self, features, labels):
        self.features = features
        self.labels = labels

    def __len__(self):
        return len(self.features)  # the dataset's size

    def __getitem__(self, idx):
        # one sample: its features and its label (and idx, so each batch says which samples it holds)
        x = self.features[idx]
        y = self.labels[idx]
        return x, y, idx


@dataclass(frozen=True)
class DatasetEntry:
    """One kind of dataset: how it is built from the page's tensors and how the snippet writes it."""

    name: str
    tensors: tuple[str, ...]  # the page's tensors it is built from, in call order
    build: Callable[..., Dataset]
    import_name: str  # what the snippet imports from torch.utils.data besides DataLoader
    definition: str  # the class's source when the snippet must define it, else ""
    checks_sizes: bool  # TensorDataset asserts that first dims agree; MyDataset checks nothing


DATASETS = {
    "TensorDataset": DatasetEntry(
        "TensorDataset", ("features", "labels", "index"), TensorDataset, "TensorDataset", "", True
    ),
    "MyDataset": DatasetEntry(
        "MyDataset", ("features", "labels"), MyDataset, "Dataset", inspect.getsource(MyDataset), False
    ),
}


def label_count(n: int, mismatch: bool) -> int:
    """How many labels there are: N, or for a mismatch one fewer (one more when N is 1)."""
    if not mismatch:
        return n
    return n - 1 if n > 1 else n + 1


def make_tensors(n: int, f: int, seed: int, mismatch: bool) -> dict[str, torch.Tensor]:
    """The guide's features and labels drawn from a private generator, and each sample's index."""
    g = torch.Generator().manual_seed(seed)
    features = torch.randn(n, f, generator=g)  # (N, F)
    labels = torch.randint(0, 2, (label_count(n, mismatch),), generator=g)  # (N,) 0 or 1
    index = torch.arange(n)  # (N,)
    return {"features": features, "labels": labels, "index": index}


def build_dataset(kind: str, tensors: dict[str, torch.Tensor]) -> Dataset:
    """The dataset of that kind over the tensors; raises whatever torch raises (TensorDataset: AssertionError)."""
    entry = DATASETS[kind]
    return entry.build(*[tensors[name] for name in entry.tensors])
