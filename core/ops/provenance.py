"""Which input cells a result cell comes from, found by torch's autograd (the WhyTorch view).

Every differentiable input is replaced by float64 values drawn away from zero, so a zero in the user's data cannot
hide a dependence; then one result cell is back-propagated and the non-zero gradients are its sources.
"""

from dataclasses import replace

import torch

from core.ops.run import execute
from core.ops.spec import OpCall

Cell = tuple[str, tuple[int, ...]]  # ("input", (1, 2)) or ("tensors[1]", (0,))


def first_tensor(result) -> torch.Tensor | None:
    """The tensor a click on the result refers to: the result itself, or the first of a tuple (values of max)."""
    if isinstance(result, torch.Tensor):
        return result
    if isinstance(result, (tuple, list)) and result and isinstance(result[0], torch.Tensor):
        return result[0]
    return None


def sources(call: OpCall, out_index: tuple[int, ...]) -> list[Cell] | None:
    """The input cells that result[out_index] depends on; None where autograd cannot follow the op (an integer
    result such as argmax's carries no gradient), so the page says so instead of claiming no source."""
    generator = torch.Generator().manual_seed(0)  # a private generator: never the global RNG
    leaves: dict[str, torch.Tensor] = {}
    tensors = {}
    for param in call.spec.tensors:
        value = call.tensors[param.name]
        if param.dtypes == ("int64",):  # an index: not differentiable, read as it is
            tensors[param.name] = value
            continue
        items = value if param.is_list else [value]
        if not all(isinstance(t, torch.Tensor) for t in items):
            tensors[param.name] = value  # a plain number takes no gradient
            continue
        copies = []
        for i, t in enumerate(items):
            leaf = (1 + torch.rand(t.shape, generator=generator, dtype=torch.float64)).requires_grad_()
            leaves[f"{param.name}[{i}]" if param.is_list else param.name] = leaf
            # an in-place op (clamp_) is traced on a copy: autograd refuses in-place changes to a leaf
            copies.append(leaf.clone() if call.spec.show_inputs_after else leaf)
        tensors[param.name] = copies if param.is_list else copies[0]
    if not leaves:
        return []  # a creation op: its cells come from its arguments, not from any input cell
    try:
        result = first_tensor(execute(replace(call, tensors=tensors)))  # (same shape as the real result)
        if result is None or not result.requires_grad:
            return None  # integer outputs (argmax, indices) carry no gradient
        result[out_index].backward()
    except RuntimeError:
        return None
    cells: list[Cell] = []
    for name, leaf in leaves.items():
        cells += [(name, tuple(i)) for i in (leaf.grad != 0).nonzero().tolist()]
    for param in call.spec.tensors:
        if param.aligned_with_output:
            cells.append((param.name, tuple(out_index)))
    return cells
