"""The code panel's snippets: run on their own in a fresh Python, they print exactly what the page shows."""

import torch

from core.codegen import tensor_source
from core.grid import format_shape
from core.losses.curves import OUTLIER_INPUT, OutlierEffect, outlier_target
from core.losses.run import LossOutcome
from core.losses.spec import LossSpec
from core.messages import MSG

_HEADER = ["import torch", "import torch.nn as nn", ""]


def snippet(spec: LossSpec, input: torch.Tensor, target: torch.Tensor, reduction: str, args: dict,
            outcome: LossOutcome, lang: str) -> str:
    """Rebuild `input` and `target`, print the per-element losses, the reduced loss and the companions that ran."""
    lines = [
        *_HEADER,
        f"input = {tensor_source(input)}  # {format_shape(input.shape)}",
        f"target = {tensor_source(target)}  # {format_shape(target.shape)}",
        "",
    ]
    if reduction != "none":
        lines += [f"per_element = {spec.constructor('none', args)}(input, target)  # {MSG['loss_code_per_element'](lang)}",
                  "print(per_element)"]
    lines += [f"loss_fn = {spec.constructor(reduction, args)}", "loss = loss_fn(input, target)", "print(loss)"]
    for value in outcome.companions:
        if value.error is None:
            comment = MSG["loss_code_companion"](lang, label=value.companion.label(lang))
            lines += [f"print({value.companion.code})  # {comment}"]
    return "\n".join(lines) + "\n"


def printed(outcome: LossOutcome, reduction: str) -> str | None:
    """What the snippet prints before it ends or raises torch's error (None when it prints nothing)."""
    tensors = [] if reduction == "none" or outcome.per_element is None else [outcome.per_element]
    if outcome.error is None:
        tensors += [outcome.reduced] + [value.values for value in outcome.companions if value.error is None]
    return "".join(str(t) + "\n" for t in tensors) or None  # str(), not format(): 0-d prints as tensor(0.2500)


def outlier_snippet(effects: list[OutlierEffect], outlier: float, lang: str) -> str:
    """The outlier view as a script: each loss's value and d loss / d input, by autograd."""
    target = outlier_target(outlier)
    comment = MSG["loss_code_outlier_target"](lang, outlier=outlier)
    return "\n".join([
        *_HEADER,
        f"target = {tensor_source(target)}  # {format_shape(target.shape)}: {comment}",
        f"for loss_fn in [{', '.join(effect.code for effect in effects)}]:",
        f"    input = torch.tensor({OUTLIER_INPUT}, requires_grad=True)  # (4,)",
        "    loss = loss_fn(input, target)",
        f"    loss.backward()  # {MSG['loss_code_backward'](lang)}",
        "    print(loss_fn, loss.item(), input.grad)",
    ]) + "\n"


def outlier_printed(effects: list[OutlierEffect]) -> str:
    """What the outlier snippet prints: print(loss_fn, loss.item(), input.grad) per loss."""
    return "".join(f"{e.module} {e.loss.item()} {e.grad}\n" for e in effects)
