"""Variable-length sequences: batched by the guide's padding collate_fn, and by the default collate, which fails."""

from dataclasses import dataclass, field
import inspect

import torch
from torch.utils.data import DataLoader


def collate_fn(batch):
    # a batch is a list of (x, y) samples: split it into the xs and the ys
    inputs, targets = zip(*batch)
    max_len = max([len(x) for x in inputs])
    # pad every sequence with zeros to the longest one's length
    padded_inputs = [torch.cat([x, torch.zeros(max_len - len(x))]) for x in inputs]
    return torch.stack(padded_inputs), torch.tensor(targets)


COLLATE_SOURCE = inspect.getsource(collate_fn)


def make_sequences(sequences: int, max_len: int, seed: int) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """`sequences` samples (x, y): x of a random length 1..max_len holding values 1..9, y a label 0 or 1."""
    g = torch.Generator().manual_seed(seed)
    lengths = torch.randint(1, max_len + 1, (sequences,), generator=g)  # (sequences,)
    return [
        (torch.randint(1, 10, (int(n),), generator=g).float(), torch.randint(0, 2, (), generator=g))
        for n in lengths
    ]


@dataclass(frozen=True)
class PaddedBatch:
    """One batch from the padding collate_fn, with its samples' true lengths."""

    inputs: torch.Tensor  # (B, max_len of the batch)
    targets: torch.Tensor  # (B,)
    lengths: list[int]


@dataclass
class SequenceResult:
    """The dataset, its padded batches, and how the default collate fared: shapes of the batches it managed,
    then torch's error (with the failing batch's lengths) if one came."""

    samples: list[tuple[torch.Tensor, torch.Tensor]]
    padded: list[PaddedBatch] = field(default_factory=list)
    default_shapes: list[torch.Size] = field(default_factory=list)
    default_error: str | None = None
    error_lengths: list[int] = field(default_factory=list)


def run_sequences(sequences: int, max_len: int, seed: int, batch_size: int) -> SequenceResult:
    """Load the sequences in order (as the guide does) with the padding collate_fn, then with the default one."""
    samples = make_sequences(sequences, max_len, seed)
    result = SequenceResult(samples)
    lengths = [len(x) for x, _ in samples]
    # Even unshuffled, a DataLoader's iterator draws a base seed from its generator, or from the global RNG when it
    # has none: a private one keeps other sessions' numbers untouched (the order does not depend on it).
    private = torch.Generator()
    loader = DataLoader(samples, batch_size=batch_size, collate_fn=collate_fn, generator=private)
    for k, (inputs, targets) in enumerate(loader):
        # no shuffle: batch k holds samples k*batch_size onwards
        result.padded.append(PaddedBatch(inputs, targets, lengths[k * batch_size:(k + 1) * batch_size]))
    try:
        for inputs, _ in DataLoader(samples, batch_size=batch_size, generator=private):
            result.default_shapes.append(inputs.shape)
    except RuntimeError as exc:  # torch.stack of sequences of different lengths
        k = len(result.default_shapes)
        result.default_error = str(exc)
        result.error_lengths = lengths[k * batch_size:(k + 1) * batch_size]
    return result


def padding_cells(lengths: list[int]) -> list[tuple[int, int]]:
    """(row, column) of every padding cell in a batch padded to its longest length."""
    longest = max(lengths)
    return [(row, col) for row, n in enumerate(lengths) for col in range(n, longest)]
