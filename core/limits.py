"""Caps that keep every request small enough to answer at once."""

MAX_NDIM = 3  # the grid editor draws 0-d to 3-d tensors
MAX_DIM_SIZE = 16  # per dim
MAX_ELEMENTS = 1024  # per tensor
MAX_TENSORS = 3  # in a `tensors` list (cat / stack)
