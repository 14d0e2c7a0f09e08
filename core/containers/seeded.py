"""Seeded model building that leaves the process's random state as it found it."""

from contextlib import contextmanager
import threading

import torch

SEED = 0
_LOCK = threading.Lock()  # one seeded build at a time: sessions run in threads of one process


@contextmanager
def seeded(seed: int = SEED):
    """Run the block as a script that starts with torch.manual_seed(seed) would, then restore the global RNG.

    nn layers draw their initial weights from the global generator, so this is how the page builds exactly the
    weights the snippet builds without changing any other session's random numbers afterwards.
    """
    with _LOCK, torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        yield
