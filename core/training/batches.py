"""One seeded batch order for every racer: the batches a DataLoader with shuffle=True would give."""

import torch
from torch.utils.data import DataLoader


class BatchOrder:
    """The row indices of the first `steps` batches, epoch after epoch, as DataLoader(..., shuffle=True,
    generator=torch.Generator().manual_seed(seed)) draws them; a script that loads the same rows that way sees the
    same batches in the same order. Epochs are drawn as the steps reach them and only the current one is kept, so
    2,000 steps of single-row batches cost nothing up front."""

    def __init__(self, n_train: int, batch_size: int, steps: int, seed: int):
        self.n_train, self.batch_size, self.steps, self.seed = n_train, batch_size, steps, seed
        self._restart()

    def _restart(self) -> None:
        self.loader = DataLoader(range(self.n_train), batch_size=self.batch_size, shuffle=True,
                                 generator=torch.Generator().manual_seed(self.seed))
        self.start, self.epoch = 0, []  # the current epoch's batches, and the step its first one is

    def __len__(self) -> int:
        return self.steps

    def __getitem__(self, index: int) -> torch.Tensor:
        """Step `index`'s rows: (batch,) int64."""
        if not 0 <= index < self.steps:
            raise IndexError(index)
        if index < self.start:  # an epoch already gone: draw the order again from the seed
            self._restart()
        while index >= self.start + len(self.epoch):
            self.start += len(self.epoch)
            self.epoch = list(self.loader)  # each pass over the loader is a new epoch's shuffle
        return self.epoch[index - self.start]

    def __iter__(self):
        return (self[index] for index in range(self.steps))


def batch_order(n_train: int, batch_size: int, steps: int, seed: int) -> BatchOrder:
    """The batches of a race: see BatchOrder."""
    return BatchOrder(n_train, batch_size, steps, seed)
