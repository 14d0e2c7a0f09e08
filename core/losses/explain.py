"""torch's refusals and warnings about a loss call, explained: which rule was broken, the shapes, and a fix.

Each rule matches torch's own message and returns the explanation with a repair: the same fix as code, applied to
the tensors, so the page (and the tests) can check that torch accepts it.
"""

from dataclasses import dataclass
import re
from typing import Callable

import torch

from core.grid import dtype_name, format_shape
from core.losses.spec import LossSpec
from core.messages import MSG
from core.text import said

Repair = Callable[[torch.Tensor, torch.Tensor, dict], tuple[torch.Tensor, torch.Tensor, dict]]


@dataclass(frozen=True)
class Explanation:
    """Why torch refused, in the page's language, and the fix as a function of (input, target, args)."""

    text: str
    repair: Repair | None = None


@dataclass(frozen=True)
class _Call:
    spec: LossSpec
    input: torch.Tensor
    target: torch.Tensor
    args: dict
    lang: str

    def shapes(self) -> dict[str, str]:
        return {"ishape": format_shape(self.input.shape), "tshape": format_shape(self.target.shape)}


def _span(t: torch.Tensor) -> dict[str, str]:
    values = t.to(torch.float64)
    return {"low": f"{float(values.min()):g}", "high": f"{float(values.max()):g}"}


def _out_of_unit_range(match, call: _Call) -> Explanation:
    if match[1] == "input":
        return Explanation(MSG["loss_fix_probabilities"](call.lang, **_span(call.input)),
                           lambda i, t, a: (torch.sigmoid(i), t, a))
    return Explanation(MSG["loss_fix_target_range"](call.lang, **_span(call.target)),
                       lambda i, t, a: (i, t.clamp(0, 1), a))


def _dtype_mismatch(match, call: _Call) -> Explanation:
    if not (call.input.is_floating_point() and call.target.is_floating_point()):
        return _integer_tensors(match, call)
    text = MSG["loss_fix_target_dtype"](call.lang, found=dtype_name(call.target.dtype), dtype=dtype_name(call.input.dtype))
    return Explanation(text, lambda i, t, a: (i, t.to(i.dtype), a))


def _float_class_indices(match, call: _Call) -> Explanation:
    text = MSG["loss_fix_class_indices"](call.lang, n=call.target.shape[0] if call.target.ndim else 1, **call.shapes())
    return Explanation(text, lambda i, t, a: (i, t.long(), a))


def _int_class_probabilities(match, call: _Call) -> Explanation:
    return Explanation(MSG["loss_fix_class_probabilities"](call.lang, **call.shapes()), lambda i, t, a: (i, t.float(), a))


def _multi_target(match, call: _Call) -> Explanation:
    n = call.input.shape[0] if call.input.ndim > 1 else 1
    return Explanation(MSG["loss_fix_target_1d"](call.lang, n=n, **call.shapes()))


def _class_out_of_range(match, call: _Call) -> Explanation:
    classes = call.input.shape[-1] if call.input.ndim == 1 else call.input.shape[1]
    text = MSG["loss_fix_class_range"](call.lang, value=match[1], classes=classes, high=classes - 1, **call.shapes())
    return Explanation(text)


def _batch_mismatch(match, call: _Call) -> Explanation:
    return Explanation(MSG["loss_fix_batch"](call.lang, n=match[1], m=match[2], **call.shapes()))


def _shape_mismatch(match, call: _Call) -> Explanation:
    if call.input.numel() == call.target.numel():
        text = MSG["loss_fix_same_shape_view"](call.lang, **call.shapes())
        return Explanation(text, lambda i, t, a: (i, t.view(i.shape), a))
    return Explanation(MSG["loss_fix_same_shape"](call.lang, n=call.input.numel(), **call.shapes()))


def _integer_tensors(match, call: _Call) -> Explanation:
    """int64 where the loss needs floats: `input` always, `target` too unless it holds class indices."""
    fix_input = not call.input.is_floating_point()
    fix_target = not call.target.is_floating_point() and call.spec.kind != "classes"
    if fix_input and fix_target:
        return Explanation(MSG["loss_fix_float_both"](call.lang), lambda i, t, a: (i.float(), t.float(), a))
    if fix_input:
        return Explanation(MSG["loss_fix_float_input"](call.lang), lambda i, t, a: (i.float(), t, a))
    return Explanation(MSG["loss_fix_float_target"](call.lang), lambda i, t, a: (i, t.float(), a))


def _single_sample(match, call: _Call) -> Explanation:
    classes = call.input.shape[0]
    return Explanation(MSG["loss_fix_single_sample"](call.lang, classes=classes, **call.shapes()))


def _bad_arg(match, call: _Call) -> Explanation:
    name = match[1]
    default = next(arg.default for arg in call.spec.args if arg.name == name)
    text = MSG[f"loss_fix_{name}"](call.lang, value=call.args[name], default=default)
    return Explanation(text, lambda i, t, a: (i, t, {**a, name: default}))


_RULES: tuple[tuple[re.Pattern, Callable], ...] = (
    (re.compile(r"all elements of (input|target) should be between 0 and 1"), _out_of_unit_range),
    (re.compile(r"Found dtype (\w+) but expected (\w+)"), _dtype_mismatch),
    (re.compile(r"expected target dtype to be Long"), _float_class_indices),
    (re.compile(r"Expected floating point type for target with class probabilities"), _int_class_probabilities),
    (re.compile(r"0D or 1D target tensor expected"), _multi_target),
    (re.compile(r"Target (-?\d+) is out of bounds"), _class_out_of_range),
    (re.compile(r"Expected input batch_size \((\d+)\) to match target batch_size \((\d+)\)"), _batch_mismatch),
    (re.compile(r"size of tensor a \(\d+\) must match|[Tt]arget size .* input size"), _shape_mismatch),
    (re.compile(r"For 1D input, 1D target must have size 1"), _single_sample),
    (re.compile(r"not implemented for 'Long'|could not infer output dtype|desired output type Long"), _integer_tensors),
    (re.compile(r"values for (delta|beta)"), _bad_arg),
    (re.compile(r"(ignore_index) is not supported for floating point target"), _bad_arg),
)


def explain_error(spec: LossSpec, input, target, args: dict, message: str, lang: str) -> Explanation:
    """The first rule whose pattern matches torch's message, else a pointer to the loss's input rule."""
    call = _Call(spec, input, target, args, lang)
    for pattern, rule in _RULES:
        match = pattern.search(message)
        if match:
            return rule(match, call)
    return Explanation(MSG["loss_fix_rule"](lang, rule=spec.input_rule(lang)))


def explain_warning(input: torch.Tensor, target: torch.Tensor, losses: torch.Tensor, message: str, lang: str) -> str:
    """torch's warning in our words: a size mismatch that broadcasting silently turned into more `losses` (the
    per-element result, whose shape is the broadcast shape)."""
    if "different to the input size" not in message:
        return said(message)
    shapes = dict(ishape=format_shape(input.shape), tshape=format_shape(target.shape), bshape=format_shape(losses.shape))
    if losses.numel() == input.numel() == target.numel():  # only a dim of size 1 differs: pairs still match
        return MSG["loss_broadcast_reshape"](lang, **shapes)
    if losses.shape == input.shape:  # only the target was stretched: as many losses as predictions
        return MSG["loss_broadcast_target"](lang, ishape=shapes["ishape"], tshape=shapes["tshape"])
    return MSG["loss_broadcast"](lang, **shapes, count=losses.numel(), expected=input.numel())


def shapes_summary(input: torch.Tensor, target: torch.Tensor) -> str:
    """'input (2, 3) float32, target (2,) int64'."""
    pairs = (("input", input), ("target", target))
    return ", ".join(f"{name} {format_shape(t.shape)} {dtype_name(t.dtype)}" for name, t in pairs)
