"""Run a loss with real torch: the per-element losses (reduction='none'), the reduced value, torch's warnings, the
companions beside them, and when torch refuses, the explanation and what torch gives once the fix is applied."""

from dataclasses import dataclass
import warnings

import torch

from core.losses.explain import explain_error, explain_warning, shapes_summary
from core.losses.spec import Companion, LossSpec
from core.messages import MSG
from core.text import said

_TORCH_ERRORS = (RuntimeError, ValueError, IndexError, TypeError)  # NotImplementedError is a RuntimeError


@dataclass(frozen=True)
class LossError:
    """torch's refusal, the tensors' shapes and dtypes, our explanation, and torch's answer after the fix."""

    torch_message: str
    shapes: str
    explanation: str
    fixed: torch.Tensor | None = None  # the loss torch computes once the explained fix is applied

    def describe(self, lang: str) -> str:
        """The whole report as markdown: torch's words, the shapes, why, and torch's answer after the fix."""
        parts = [f"**{MSG['torch_says'](lang)}{MSG['colon'](lang)}** {said(self.torch_message)}", MSG["shapes_were"](lang, shapes=self.shapes),
                 MSG["loss_explanation"](lang, text=self.explanation)]
        if self.fixed is not None:
            parts.append(MSG["loss_fixed"](lang, value=" ".join(str(self.fixed).split())))
        return "\n\n".join(parts)


@dataclass(frozen=True)
class CompanionValue:
    """One companion computed by torch (or the first line of what torch raised)."""

    companion: Companion
    values: torch.Tensor | None
    error: str | None = None


@dataclass(frozen=True)
class LossOutcome:
    """What running a loss gave."""

    per_element: torch.Tensor | None  # reduction='none'
    reduced: torch.Tensor | None  # the chosen reduction (None when torch refused it)
    error: LossError | None = None
    warnings: tuple[str, ...] = ()  # torch's warnings, explained
    companions: tuple[CompanionValue, ...] = ()


def call_loss(spec: LossSpec, input, target, reduction: str, args: dict) -> torch.Tensor:
    """`nn.<Loss>(reduction=..., **args)(input, target)`; raises what torch raises."""
    return spec.module(reduction, args)(input, target)


def run_loss(spec: LossSpec, input: torch.Tensor, target: torch.Tensor, reduction: str, args: dict,
             lang: str) -> LossOutcome:
    """Run the loss per element, then reduced, then its companions; explain a refusal or a warning.

    The per-element losses are kept when only the reduction is refused (int64 L1Loss: 'mean' of int64 is refused).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            per_element = call_loss(spec, input, target, "none", args)
        except _TORCH_ERRORS as exc:
            return LossOutcome(None, None, _error(spec, input, target, reduction, args, exc, lang))
        warned = tuple(dict.fromkeys(explain_warning(input, target, per_element, str(w.message), lang) for w in caught))
        try:
            reduced = per_element if reduction == "none" else call_loss(spec, input, target, reduction, args)
        except _TORCH_ERRORS as exc:
            return LossOutcome(per_element, None, _error(spec, input, target, reduction, args, exc, lang), warned)
    return LossOutcome(per_element, reduced, None, warned, _companions(spec, input, target))


def first_line(exc: Exception) -> str:
    """torch's message, first line only (the rest is C++ context)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _error(spec, input, target, reduction, args, exc, lang) -> LossError:
    message = first_line(exc)
    explanation = explain_error(spec, input, target, args, message, lang)
    fixed = None
    if explanation.repair:
        try:
            fixed_input, fixed_target, fixed_args = explanation.repair(input, target, args)
            fixed = call_loss(spec, fixed_input, fixed_target, reduction, fixed_args)
        except _TORCH_ERRORS:  # a second rule is broken too: the explanation stands, without an answer
            fixed = None
    return LossError(message, shapes_summary(input, target), explanation.text, fixed)


def _companions(spec: LossSpec, input, target) -> tuple[CompanionValue, ...]:
    values = []
    for companion in spec.companions:
        try:
            values.append(CompanionValue(companion, companion.compute(input, target)))
        except _TORCH_ERRORS as exc:
            values.append(CompanionValue(companion, None, first_line(exc)))
    return tuple(values)
