"""An activation and its derivative on a sweep of x: the derivative comes from autograd, not from a formula."""

from dataclasses import dataclass

import torch

from core.activations.catalog import Activation
from core.messages import MSG

STEPS = 401  # points on the sweep, odd so that x = 0 is one of them
SAMPLE_EVERY = 50  # the printed table shows every 50th point: 9 rows from -range to +range
VANISHING = 0.01  # a slope below this is drawn as a vanishing gradient


@dataclass(frozen=True)
class Curve:
    """y = f(x) and dy/dx on a linspace, all three of shape (STEPS,)."""

    x: torch.Tensor
    y: torch.Tensor
    slope: torch.Tensor


def curve(entry: Activation, x_range: float) -> Curve:
    """Run the activation on linspace(-x_range, x_range) and backpropagate y.sum() for the slope at every point."""
    x = torch.linspace(-float(x_range), float(x_range), steps=STEPS, requires_grad=True)  # (N,)
    y = entry.curve(entry.build(), x)  # (N,)
    y.sum().backward()  # y[i] depends on x[i] alone, so x.grad[i] is dy[i]/dx[i]
    return Curve(x.detach(), y.detach(), x.grad)


def vanishing_spans(sweep: Curve, threshold: float = VANISHING) -> list[tuple[float, float]]:
    """The runs of x (first, last point) where the slope is below `threshold`."""
    low = (sweep.slope < threshold).tolist()
    xs = sweep.x.tolist()
    spans, start = [], None
    for i, is_low in enumerate(low + [False]):
        if is_low and start is None:
            start = i
        elif not is_low and start is not None:
            spans.append((xs[start], xs[i - 1]))
            start = None
    return spans


def sample_rows(sweep: Curve) -> list[tuple[str, str, str]]:
    """(x, f(x), f'(x)) at every SAMPLE_EVERY-th point, written as the snippet prints them."""
    return [
        (f"{sweep.x[i].item():.2f}", f"{sweep.y[i].item():.6f}", f"{sweep.slope[i].item():.6f}")
        for i in range(0, STEPS, SAMPLE_EVERY)
    ]


def vanishing_count(sweep: Curve) -> int:
    """How many points of the sweep have a slope below VANISHING."""
    return int((sweep.slope < VANISHING).sum())


def curve_printed(sweep: Curve) -> str:
    """What the curve snippet prints."""
    lines = [f"x = {x:>7}   f(x) = {y:>9}   f'(x) = {s:>9}" for x, y, s in sample_rows(sweep)]
    lines.append(f"f'(x) < {VANISHING} at {vanishing_count(sweep)} of {STEPS} points")
    return "\n".join(lines) + "\n"


def curve_snippet(entry: Activation, x_range: float) -> str:
    """A script that rebuilds the sweep with the same torch calls and prints what the page shows."""
    return (
        "import torch\n"
        "import torch.nn as nn\n"
        "\n"
        f"activation = {entry.module_source()}\n"
        f"x = torch.linspace({-float(x_range)!r}, {float(x_range)!r}, steps={STEPS}, requires_grad=True)  # (N,)\n"
        f"{entry.curve_source}\n"
        "# y[i] depends on x[i] alone, so d(y.sum())/dx[i] is f'(x[i])\n"
        "y.sum().backward()\n"
        "slope = x.grad  # (N,)\n"
        "\n"
        f"for i in range(0, {STEPS}, {SAMPLE_EVERY}):\n"
        "    print(f\"x = {x[i].item():7.2f}   f(x) = {y[i].item():9.6f}   f'(x) = {slope[i].item():9.6f}\")\n"
        f"print(f\"f'(x) < {VANISHING} at {{int((slope < {VANISHING}).sum())}} of {{x.numel()}} points\")\n"
    )


def vanishing_words(sweep: Curve, name: str, x_range: int, lang: str) -> str | None:
    """Where the slope vanishes, in words with the count and the spans; None when it never does in this range."""
    spans = [MSG["act_span"](lang, low=f"{low:.2f}", high=f"{high:.2f}") for low, high in vanishing_spans(sweep)]
    if not spans:
        return None
    return MSG["act_vanishing"](lang, name=name, count=vanishing_count(sweep), steps=STEPS, spans="; ".join(spans))
