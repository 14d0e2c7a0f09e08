"""Loss as a function of one prediction, evaluated by torch on a grid of points, and the outlier experiment: one
target moved away from a small batch, each loss's value and its gradient with respect to the predictions."""

from dataclasses import dataclass

import torch

from core.losses.run import call_loss, first_line
from core.losses.spec import LossSpec
from core.messages import MSG
from core.text import said

CURVE_X = torch.arange(-120, 121, dtype=torch.float32) / 40  # (241,): -3..3 in steps of 0.025, 0 and 1 exact
OUTLIER_INPUT = [0.5, 1.5, 2.5, 3.5]  # the batch's predictions
OUTLIER_TARGET = [0.0, 1.0, 2.0, 3.0]  # each 0.5 away, until the slider moves the last one


@dataclass(frozen=True)
class Curve:
    """One loss over CURVE_X: None where x is outside what the loss accepts; or torch's refusal."""

    name: str
    label: str  # the module as written: HuberLoss(delta=2.0)
    y: list | None
    error: str | None = None


@dataclass(frozen=True)
class OutlierEffect:
    """One loss on the outlier batch: the module, its value and d loss / d input, all from torch."""

    name: str
    code: str  # the module as written: nn.HuberLoss(delta=2.0)
    module: torch.nn.Module | None
    loss: torch.Tensor | None
    grad: torch.Tensor | None
    error: str | None = None


def loss_curve(spec: LossSpec, args: dict, target: float) -> Curve:
    """The per-element loss (reduction='none') at every point of CURVE_X inside the loss's domain."""
    label = spec.constructor("mean", args).removeprefix("nn.")
    inside = torch.ones_like(CURVE_X, dtype=torch.bool)  # (G,)
    if spec.curve_domain:
        low, high = spec.curve_domain
        inside = (CURVE_X > low) & (CURVE_X < high)
    input, curve_target = spec.curve(CURVE_X[inside], target, args)
    try:
        values = call_loss(spec, input, curve_target, "none", args)  # (inside,)
    except (RuntimeError, ValueError) as exc:
        return Curve(spec.name, label, None, first_line(exc))
    y = [None] * len(CURVE_X)
    for position, value in zip(torch.nonzero(inside).flatten().tolist(), values.tolist()):
        y[position] = value
    return Curve(spec.name, label, y)


def curve_notes(specs: list[LossSpec], curves: list[Curve], lang: str) -> list[tuple[str, str]]:
    """What to say under the curves, as (kind, text): torch's refusal of a curve ("warning"), or what x means for a
    loss whose x is not simply the prediction ("caption")."""
    notes = []
    for spec, curve in zip(specs, curves):
        if curve.error:
            notes.append(("warning", MSG["loss_curve_skipped"](lang, name=curve.label, message=said(curve.error))))
        elif spec.curve_axis:
            notes.append(("caption", spec.curve_axis(lang)))
    return notes


def outlier_target(outlier: float) -> torch.Tensor:
    """The batch's targets with the last one moved `outlier` further away."""
    target = torch.tensor(OUTLIER_TARGET)  # (4,)
    target[-1] += outlier
    return target


def outlier_effect(spec: LossSpec, args: dict, outlier: float) -> OutlierEffect:
    """loss = nn.<Loss>()(input, target) with reduction='mean', then loss.backward() for d loss / d input."""
    input = torch.tensor(OUTLIER_INPUT, requires_grad=True)  # (4,)
    module, code = spec.module("mean", args), spec.constructor("mean", args)
    try:
        loss = module(input, outlier_target(outlier))
    except (RuntimeError, ValueError) as exc:
        return OutlierEffect(spec.name, code, None, None, None, first_line(exc))
    loss.backward()
    return OutlierEffect(spec.name, code, module, loss.detach(), input.grad)
