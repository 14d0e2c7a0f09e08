"""How big an op's result will be, known before torch allocates it, so that one link cannot exhaust the server.

The call is first made on "meta" copies of its inputs: meta tensors carry shapes and dtypes but no data, so torch
works out the result's shape with its own rules (broadcasting, einsum, repeat, ...) without allocating, in about
0.15 ms (a few ms where torch sizes the op in Python; the first such op imports torch._dynamo once per process,
as an optimizer's first step does). Where that cannot tell (a data-dependent result such as one_hot with
num_classes=-1, or a guide idiom that runs numpy), the catalog entry states the result's shape itself
(`OpSpec.shape_of_result`).
"""

import math
from typing import Callable

import torch

from core.keyed_cache import KeyedCache
from core.limits import MAX_RESULT_ELEMENTS
from core.ops.spec import OpCall


class ResultTooLarge(RuntimeError):
    """The call's result would be over the cap; torch was not asked to make it."""

    def __init__(self, shapes: list[tuple[int, ...]], elements: int):
        super().__init__(f"result of {elements} elements, over the cap of {MAX_RESULT_ELEMENTS}")
        self.shapes = shapes
        self.elements = elements


def check(call: OpCall, invoke: Callable[[OpCall], object]) -> None:
    """Raise ResultTooLarge when the result of `invoke(call)` would have more than MAX_RESULT_ELEMENTS elements
    (all its tensors together: the page draws each of them)."""
    shapes = result_shapes(call, invoke)
    elements = sum(math.prod(shape) for shape in shapes)
    if elements > MAX_RESULT_ELEMENTS:
        raise ResultTooLarge(shapes, elements)


def result_shapes(call: OpCall, invoke: Callable[[OpCall], object]) -> list[tuple[int, ...]]:
    """The shape of every tensor the call would return (() for a Python number), computed without data.

    [] when the dry run raises: torch checks shapes, dims and dtypes before it allocates, so the real call
    raises the same error at no cost, and the page explains it. A refusal is not kept: were it a one-off (not
    torch's rule), keeping it would lift the cap for that layout for good.
    """
    if call.spec.shape_of_result:
        return [tuple(call.spec.shape_of_result(call))]
    # the dry run sees only the op, its arguments and the inputs' layouts, so its answer is kept by those
    key = repr((call.key(_layout), invoke.__qualname__))
    try:
        return list(_SHAPES.get(key, lambda: _dry_run(call, invoke)))
    except _Refused:  # raised inside the builder, so KeyedCache keeps nothing
        return []


_SHAPES: KeyedCache[tuple[tuple[int, ...], ...]] = KeyedCache(max_entries=1024)


class _Refused(Exception):
    """The dry run raised: torch refuses the call (see result_shapes)."""


def _dry_run(call: OpCall, invoke: Callable[[OpCall], object]) -> tuple[tuple[int, ...], ...]:
    meta = call.with_tensors(lambda tensor: tensor.to("meta"))
    try:
        with torch.device("meta"):  # thread-local: other sessions' threads keep allocating on the CPU
            result = invoke(meta)
    except Exception as error:  # torch refuses the call itself; see result_shapes
        raise _Refused from error
    return tuple(_shapes(result))


def _layout(tensor: torch.Tensor) -> tuple:
    """An input tensor as the dry run sees it: dtype, shape and strides, not values."""
    return (str(tensor.dtype), tuple(tensor.shape), tensor.stride())


def _shapes(result) -> list[tuple[int, ...]]:
    if isinstance(result, torch.Tensor):
        return [tuple(result.shape)]
    if isinstance(result, (tuple, list)):
        return [shape for item in result for shape in _shapes(item)]
    return [()]  # a Python number (item)
