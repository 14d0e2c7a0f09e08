"""Caps that keep every request small enough to answer at once."""

MAX_NDIM = 3  # the grid editor draws 0-d to 3-d tensors
MAX_DIM_SIZE = 16  # per dim
MAX_ELEMENTS = 1024  # per tensor
MAX_TENSORS = 3  # in a `tensors` list (cat / stack)
# per op result, all its tensors together, sized before torch allocates it (core/ops/result_size.py): 4 x a full
# input, so stack / cat of three full inputs and a (16, 16, 16) broadcast fit. The page's whole build from a result
# this big (heatmaps, hover text, printed value, dim sweep) takes well under 1 s and 100 MB.
MAX_RESULT_ELEMENTS = 4 * MAX_ELEMENTS
