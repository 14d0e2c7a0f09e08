"""Run an op with real torch, and when torch refuses, explain why and find a fix that torch accepts."""

from dataclasses import dataclass, replace
import re
from typing import Any, Mapping

import torch

from core.grid import dtype_name, format_shape
from core.limits import MAX_RESULT_ELEMENTS
from core.messages import MSG
from core.ops import error_kinds, result_size
from core.ops.result_size import ResultTooLarge
from core.ops.spec import REQUIRED, OpCall, dim_range, resolve

TORCH_REFUSALS = (RuntimeError, IndexError, TypeError, ValueError, OverflowError)  # what torch raises to refuse a call


@dataclass(frozen=True)
class OpError:
    """torch's refusal, with the operands' shapes and a suggested fix (in the page's language)."""

    torch_message: str  # torch's own words, or the playground's when it checked the call first
    shapes: str
    fix: str
    from_torch: bool = True


@dataclass(frozen=True)
class OpOutcome:
    """What running an op gave: a result (a tensor, a tuple of them, or a Python number) or an explained error,
    and the inputs as they are after the call (an in-place op changes them)."""

    result: Any
    error: OpError | None
    inputs_after: Mapping[str, Any] | None = None


def _is_star(call: OpCall, name: str) -> bool:
    spec = call.spec
    if name in call.tensors:
        return spec.tensor(name).star
    return spec.arg(name).star


def call_args(call: OpCall) -> tuple[list, dict]:
    """The positional and keyword arguments the call passes to torch, in the signature's order.

    A keyword argument equal to torch's default is left out when every argument after it is left out too, so
    torch sees the same call the code panel shows (`torch.squeeze(input)`, not `torch.squeeze(input, dim=None)`).
    """
    values = {**call.tensors, **call.args}
    names = call.spec.signature
    positional = []
    for name in names[: call.spec.positional]:
        positional += list(values[name]) if _is_star(call, name) else [values[name]]
    keywords = {}
    for name in reversed(names[call.spec.positional :]):
        if not keywords and name not in call.tensors:
            default = call.spec.arg(name).torch_default
            if default is not REQUIRED and values[name] == default:
                continue
        keywords[name] = values[name]
    return positional, dict(reversed(keywords.items()))


def execute(call: OpCall):
    """Call torch; raises what torch raises. A random op draws from its own generator, never the global one.

    Every torch call of an op comes through here (the run, the fix finder's candidates, the dim sweep, the
    provenance trace), so the result's size is checked first, with no data: ResultTooLarge when over the cap.
    """
    result_size.check(call, _invoke)
    return _invoke(call)


def _invoke(call: OpCall):
    positional, keywords = call_args(call)
    if call.spec.implementation:
        return call.spec.implementation(*positional, **keywords)
    if call.spec.random:
        keywords["generator"] = torch.Generator().manual_seed(int(call.args["seed"]))
    if call.spec.method:
        return getattr(positional[0], call.spec.function.rsplit(".", 1)[1])(*positional[1:], **keywords)
    return resolve(call.spec.function)(*positional, **keywords)


def run(call: OpCall, lang: str) -> OpOutcome:
    """Run the call on copies of the inputs (so an in-place op leaves the shown inputs alone); explain failures."""
    if call.spec.validate:
        problem = call.spec.validate(call, lang)
        if problem:
            hint = call.spec.hint(lang) if call.spec.hint else ""
            return OpOutcome(None, OpError(problem, shapes_summary(call), hint, from_torch=False))
    copies = call.with_tensors(torch.Tensor.clone)
    try:
        return OpOutcome(execute(copies), None, copies.tensors)
    except ResultTooLarge as exc:
        return OpOutcome(None, too_large(call, exc, lang))
    except TORCH_REFUSALS as exc:
        return OpOutcome(None, explain(call, exc, lang))


def result_shape(result) -> tuple[int, ...]:
    """The shape a shape rule talks about: the result's, or its first tensor's (values of max); () for a number."""
    if isinstance(result, torch.Tensor):
        return tuple(result.shape)
    if isinstance(result, (tuple, list)) and result and isinstance(result[0], torch.Tensor):
        return tuple(result[0].shape)
    return ()


def too_large(call: OpCall, exc: ResultTooLarge, lang: str) -> OpError:
    """The refusal of a result over the cap: its shape and size, the cap, and what to make smaller."""
    shapes = " + ".join(format_shape(shape) for shape in exc.shapes)
    cap = f"{MAX_RESULT_ELEMENTS:,}"
    message = MSG["result_too_large"](lang, shape=shapes, elements=f"{exc.elements:,}", max=cap)
    growing = [a.name for a in call.spec.args if a.kind in ("ints", "size", "int") and a.name != "seed"]
    names = ", ".join(f"`{name}`" for name in growing + [t.name for t in call.spec.tensors])
    fix = MSG["fix_result_too_large"](lang, names=names, max=cap)
    return OpError(message, shapes_summary(call), fix, from_torch=False)


def explain(call: OpCall, exc: Exception, lang: str) -> OpError:
    """torch's first line, the shapes involved, and the first fix that torch itself accepts."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return OpError(message, shapes_summary(call), _find_fix(call, message, lang))


def shapes_summary(call: OpCall) -> str:
    """'input (2, 3) float32, mat2 (2, 3) float32'."""
    parts = []
    for name, value in call.tensors.items():
        tensors = value if isinstance(value, list) else [value]
        for i, t in enumerate(tensors):
            label = f"{name}[{i}]" if isinstance(value, list) else name
            if isinstance(t, torch.Tensor):
                parts.append(f"{label} {format_shape(t.shape)} {dtype_name(t.dtype)}")
            else:
                parts.append(f"{label} = {t!r}")
    return ", ".join(parts)


def _find_fix(call: OpCall, message: str, lang: str) -> str:
    """A fix that fits this kind of refusal, or "" when none does (never shape advice for a non-shape error)."""
    for explain_rule in (_index_out_of_range, _dim_out_of_range, _op_explains, _kind_of_error):
        fix = explain_rule(call, message, lang)
        if fix:
            return fix
    for candidate, words in _candidate_fixes(call, lang) if call.spec.try_fixes else ():
        try:
            execute(candidate.with_tensors(torch.Tensor.clone))
        except Exception:  # a candidate that torch refuses too is simply not the fix
            continue
        return words
    if error_kinds.is_about_dtypes(message):
        return MSG["fix_dtypes"](lang)
    if call.spec.hint:
        return call.spec.hint(lang)
    return MSG["fix_none"](lang) if error_kinds.is_about_shapes(message) else ""


def _op_explains(call: OpCall, message: str, lang: str) -> str | None:
    return call.spec.explain(call, message, lang) if call.spec.explain else None


def _kind_of_error(call: OpCall, message: str, lang: str) -> str | None:
    return error_kinds.fix_for_kind(message, lang)


def _candidate_fixes(call: OpCall, lang: str):
    """Small changes to try, in order: reshape or transpose an operand (the last one first), another dim,
    a common dtype."""
    single = [(n, v) for n, v in call.tensors.items() if isinstance(v, torch.Tensor)]
    for name, value in reversed(single):
        if value.ndim == 1 and len(single) > 1:
            column = value.unsqueeze(-1)  # (n,) -> (n, 1): broadcasts down the rows instead of along them
            words = MSG["fix_unsqueeze"](
                lang, name=name, before=format_shape(value.shape), after=format_shape(column.shape)
            )
            yield replace(call, tensors={**call.tensors, name: column}), words
        if value.ndim == 2 and value.shape[0] != value.shape[1]:
            words = MSG["fix_transpose"](
                lang, name=name, before=format_shape(value.shape), after=format_shape(value.t().shape)
            )
            yield replace(call, tensors={**call.tensors, name: value.t()}), words
    for arg in call.spec.args:
        if arg.kind != "dim" or call.args.get(arg.name) is None:
            continue
        for dim in dim_range(call.ndim(arg.of), arg.new_axis):
            if dim != call.args[arg.name] and dim >= 0:
                yield replace(call, args={**call.args, arg.name: dim}), MSG["fix_dim"](lang, arg=arg.name, value=dim)
    single = [(n, v) for n, v in call.tensors.items() if isinstance(v, torch.Tensor)]
    if len(single) == 2 and single[0][1].dtype != single[1][1].dtype:
        common = torch.promote_types(single[0][1].dtype, single[1][1].dtype)  # the lossless direction
        name, value = next((n, v) for n, v in single if v.dtype != common)
        words = MSG["fix_cast"](lang, name=name, dtype=dtype_name(common))
        yield replace(call, tensors={**call.tensors, name: value.to(common)}), words


_INDEX_RE = re.compile(r"index (-?\d+) is out of bounds for dimension (\d+) with size (\d+)")
_DIM_RE = re.compile(r"Dimension out of range \(expected to be in range of \[(-?\d+), (-?\d+)\], but got (-?\d+)\)")


def _index_out_of_range(call: OpCall, message: str, lang: str) -> str | None:
    match = _INDEX_RE.search(message)
    if not match or "index" not in call.tensors:
        return None
    value, dim, size = (int(g) for g in match.groups())
    index = call.tensors["index"]
    where = ((index < 0) | (index >= size)).nonzero()
    cell = "index[" + ", ".join(map(str, where[0].tolist())) + "]" if len(where) else "index"
    return MSG["fix_index_range"](lang, high=size - 1, dim=dim, size=size, cell=cell, value=value)


def _dim_out_of_range(call: OpCall, message: str, lang: str) -> str | None:
    match = _DIM_RE.search(message)
    if not match:
        return None
    low, high = int(match.group(1)), int(match.group(2))
    dim_arg = next((a for a in call.spec.args if a.kind == "dim"), None)
    name = dim_arg.of if dim_arg else "input"
    return MSG["fix_dim_range"](lang, low=low, high=high, name=name, ndim=call.ndim(name) if name in call.tensors else "?")
