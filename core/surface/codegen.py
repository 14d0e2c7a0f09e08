"""The surface page's snippet: the function, each racer's optimizer loop, and where each one ends up."""

import inspect

from core.surface.trajectories import DIVERGENCE_LIMIT, MAX_STEPS, Trajectory, refusal
from core.training import ftrl
from core.training.optimizers import OPTIMIZERS


def surface_snippet(function, start, racers, steps: int, options: dict, trajectories: list[Trajectory]) -> tuple[str, str]:
    """(code, what it prints): a script that walks every racer as the page does, and the page's own result."""
    steps = min(max(int(steps), 0), MAX_STEPS)
    lines = ["import math", "", "import torch", ""]
    if any(OPTIMIZERS[r.name].own for r in racers):  # the project's own FTRL travels with the script
        lines += [inspect.getsource(ftrl.ftrl_update), "", inspect.getsource(ftrl.FTRL), ""]
    lines += [f"{name} = {value!r}" for name, value in options.items()]
    lines += ["", "", "def f(p):", "    x, y = p[0], p[1]", f"    return {function.source}", "", ""]
    for racer in racers:
        spec = OPTIMIZERS[racer.name]
        if refusal(spec):  # refused on the page too: SparseAdam, Muon
            continue
        extra = "" if spec.closure else ", foreach=False" if _takes_foreach(spec) else ""
        call = spec.call_source(racer.hyper, params="[p]")
        lines += [
            f"p = torch.tensor([{float(start[0])!r}, {float(start[1])!r}], requires_grad=True)",
            f"optimizer = {call[:-1]}{extra})",
            "",
            "def closure():",
            "    optimizer.zero_grad()",
            "    loss = f(p)",
            "    loss.backward()",
            "    return loss",
            "",
            f"for step in range(1, {steps} + 1):",
            "    optimizer.step(closure)" if spec.closure else "    closure()\n    optimizer.step()",
            "    with torch.no_grad():",
            "        x, y, value = p[0].item(), p[1].item(), f(p).item()",
            f"    if not all(math.isfinite(v) for v in (x, y, value)) or max(abs(x), abs(y)) > {DIVERGENCE_LIMIT:g}:",
            f"        print({racer.label!r}, 'diverged at step', step)",
            "        break",
            "else:",
            f"    print({racer.label!r}, f'x={{x:.6f}} y={{y:.6f}} f={{value:.6g}}')",
            "",
        ]
    return "\n".join(lines), printed(trajectories)


def printed(trajectories: list[Trajectory]) -> str:
    """What the snippet prints, from the page's own trajectories."""
    out = []
    for trajectory in trajectories:
        if trajectory.status == "refused":
            continue
        if trajectory.status == "diverged":
            out.append(f"{trajectory.racer.label} diverged at step {trajectory.step}")
        else:
            x, y = trajectory.points[-1]
            out.append(f"{trajectory.racer.label} x={x:.6f} y={y:.6f} f={trajectory.values[-1]:.6g}")
    return "\n".join(out) + "\n"


def _takes_foreach(spec) -> bool:
    return "foreach" in inspect.signature(spec.cls).parameters
