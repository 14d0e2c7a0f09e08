"""One seeded batch order for every racer: the batches a DataLoader with shuffle=True would give."""

import torch
from torch.utils.data import DataLoader


def batch_order(n_train: int, batch_size: int, steps: int, seed: int) -> list[torch.Tensor]:
    """The row indices of the first `steps` batches, epoch after epoch, as DataLoader(..., shuffle=True,
    generator=torch.Generator().manual_seed(seed)) draws them; a script that loads the same rows that way sees the
    same batches in the same order."""
    loader = DataLoader(range(n_train), batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    batches = []
    while len(batches) < steps:
        batches += list(loader)[: steps - len(batches)]  # each pass over the loader is a new epoch's shuffle
    return batches
