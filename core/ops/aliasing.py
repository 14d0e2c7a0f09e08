"""Does a result share memory with an input? Views (view, t, transpose, unsqueeze, expand, slicing) do."""


import torch

from core.messages import MSG


def named_results(result) -> list[tuple[str, torch.Tensor]]:
    """The tensors of a result with the names Python would reach them by: result, result.values, result[1]."""
    if isinstance(result, torch.Tensor):
        return [("result", result)]
    fields = getattr(type(result), "__match_args__", None)  # torch.return_types such as (values, indices)
    if fields:
        return [(f"result.{field}", getattr(result, field)) for field in fields]
    if isinstance(result, (tuple, list)):
        return [(f"result[{i}]", t) for i, t in enumerate(result) if isinstance(t, torch.Tensor)]
    return []


def alias_notes(result, inputs_after: dict, lang: str) -> list[str]:
    """One sentence per result tensor that is a view of an input: what it shares, and whether it is contiguous."""
    notes = []
    for result_name, tensor in named_results(result):
        for input_name, value in (inputs_after or {}).items():
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if not isinstance(item, torch.Tensor) or item.numel() == 0 or tensor.numel() == 0:
                    continue
                if tensor.untyped_storage().data_ptr() == item.untyped_storage().data_ptr():
                    label = f"{input_name}[{i}]" if isinstance(value, list) else input_name
                    same = tensor.data_ptr() == item.data_ptr() and tensor.shape == item.shape and tensor.stride() == item.stride()
                    notes.append(MSG["alias_same" if same else "alias_view"](
                        lang, result=result_name, input=label, contiguous=tensor.is_contiguous(),
                        stride=tuple(tensor.stride()),
                    ))
    return notes


def write_through(call, value: float = 100) -> tuple[tuple[int, ...], dict]:
    """Run the call on fresh copies of its inputs, write `value` into the first element of the result, and return
    that element's index and the inputs afterwards: for a view, the write shows up in its base."""
    from core.ops.run import execute  # run imports this module's neighbours; import late to keep them apart

    copies = call.with_tensors(torch.Tensor.clone)
    result = named_results(execute(copies))[0][1]
    index = (0,) * result.ndim
    result[index] = value
    return index, dict(copies.tensors)
