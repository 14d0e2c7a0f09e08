"""Iterate a real DataLoader for a few epochs and record what each batch held: its shapes and its samples' indices."""

from dataclasses import dataclass, field

import torch
from torch.utils.data import DataLoader

from core.data.datasets import build_dataset, make_tensors
from core.data.params import DataSettings


@dataclass(frozen=True)
class Batch:
    """One batch as the DataLoader yielded it."""

    shapes: tuple[torch.Size, ...]  # of inputs, targets, indices
    indices: list[int]  # the samples it holds, in order


@dataclass
class Epoch:
    """One pass over the loader; `dropped` are the samples no batch held (drop_last), in index order."""

    batches: list[Batch] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class LoadError:
    """An exception torch raised, and where: building the dataset (epoch None) or loading a batch."""

    kind: str  # "size_mismatch" (TensorDataset) or "index_out_of_range" (a missing label), else "other"
    type_name: str
    torch_message: str
    epoch: int | None = None
    batch: int | None = None


@dataclass
class LoadResult:
    """The tensors, the dataset's and loader's lengths, every epoch's batches, and the error if one came."""

    tensors: dict[str, torch.Tensor]
    dataset_len: int | None = None
    loader_len: int | None = None
    epochs: list[Epoch] = field(default_factory=list)
    error: LoadError | None = None


def make_loader(dataset, settings: DataSettings) -> DataLoader:
    """The page's DataLoader: in the main process, shuffled by its own seeded generator.

    The generator is given even unshuffled: every iterator draws a base seed from it, or from the global RNG when
    there is none, which would move other sessions' numbers (the order does not depend on it)."""
    generator = torch.Generator().manual_seed(settings.generator)
    return DataLoader(
        dataset, batch_size=settings.batch_size, shuffle=settings.shuffle, drop_last=settings.drop_last,
        generator=generator, num_workers=0,
    )


def run_loader(settings: DataSettings) -> LoadResult:
    """Build the dataset and iterate its DataLoader `epochs` times; a torch error ends the run and is recorded."""
    tensors = make_tensors(settings.N, settings.F, settings.seed, settings.mismatch)
    result = LoadResult(tensors)
    try:
        dataset = build_dataset(settings.dataset, tensors)
    except AssertionError as exc:  # TensorDataset: "Size mismatch between tensors"
        result.error = LoadError("size_mismatch", type(exc).__name__, str(exc))
        return result
    loader = make_loader(dataset, settings)
    result.dataset_len, result.loader_len = len(dataset), len(loader)
    for e in range(settings.epochs):
        epoch = Epoch()
        result.epochs.append(epoch)
        try:
            for inputs, targets, indices in loader:
                epoch.batches.append(Batch((inputs.shape, targets.shape, indices.shape), indices.tolist()))
        except (IndexError, RuntimeError, ValueError) as exc:
            kind = "index_out_of_range" if isinstance(exc, IndexError) else "other"
            result.error = LoadError(kind, type(exc).__name__, str(exc), e, len(epoch.batches))
            return result
        seen = {i for batch in epoch.batches for i in batch.indices}
        epoch.dropped = [i for i in range(len(dataset)) if i not in seen]
    return result


def short_batch(result: LoadResult, batch_size: int) -> int | None:
    """The size of the last batch when it holds fewer than batch_size samples (drop_last=True would drop it)."""
    batches = result.epochs[0].batches if result.epochs else []
    if not batches or len(batches[-1].indices) == batch_size:
        return None
    return len(batches[-1].indices)
