"""Each result cell's sources, written for the result heatmap's hover: one `sources` call (a backward pass through
torch) per cell, for the first MAX_HOVER_CELLS cells only, so a big result stays cheap to redraw."""

import itertools
import math

from core.ops.provenance import Cell, sources
from core.ops.spec import OpCall

MAX_HOVER_CELLS = 64  # cells whose sources the hover lists; past this a click still finds any cell's
MAX_LISTED = 8  # sources written out per cell (a full reduction draws on every input cell)


def cell_name(name: str, index: tuple[int, ...]) -> str:
    """`input[0, 2]`, as Python would index it (`input[]` never: a 0-d cell is the name alone)."""
    return f"{name}[{', '.join(map(str, index))}]" if index else name


def sources_text(found: list[Cell] | None) -> str | None:
    """The sources of one cell as the hover lists them (`← input[0, 2], index[0, 0]`); None when autograd cannot
    trace the op, so the hover claims nothing."""
    if found is None:
        return None
    if not found:
        return "← ∅"
    listed = [cell_name(name, index) for name, index in found[:MAX_LISTED]]
    more = f", … (+{len(found) - MAX_LISTED})" if len(found) > MAX_LISTED else ""
    return "← " + ", ".join(listed) + more


def hover_sources(call: OpCall, shape: tuple[int, ...]) -> tuple[dict[tuple[int, ...], str], bool]:
    """(result index -> its sources' text) for the first MAX_HOVER_CELLS cells of a result of `shape` in row-major
    order, and whether that covers every cell. Empty when the op has no input cells (creation ops) or when autograd
    cannot follow it."""
    if not call.spec.tensors or call.spec.random:
        return {}, True
    texts = {}
    for index in itertools.islice(itertools.product(*map(range, shape)), MAX_HOVER_CELLS):
        text = sources_text(sources(call, index))
        if text is None:
            return {}, True  # the op carries no gradient: every cell would say the same nothing
        texts[index] = text
    return texts, math.prod(shape) <= MAX_HOVER_CELLS


def call_key(call: OpCall) -> str:
    """A plain text that names a call exactly (op, every tensor's dtype and values, the arguments): a cache key."""
    return call.key(lambda tensor: (str(tensor.dtype), tuple(tensor.shape), tensor.tolist()))
