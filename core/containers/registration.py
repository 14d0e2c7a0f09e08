"""What each holder registers: parameters(), state_dict(), what one SGD step updates, what .to(float64) converts."""

from dataclasses import dataclass
import inspect

import torch
from torch import nn

from core.containers.holders import HOLDERS
from core.private_init import SEED, snippet_generator

BATCH = 4  # rows of the input x used for the SGD step
LR = 0.1


@dataclass(frozen=True)
class Registration:
    """One holder's answers, in the order the snippet prints them; lists have one entry per layer."""

    label: str
    parameter_count: int
    element_count: int
    state_dict_keys: list[str]
    grad_computed: list[bool]
    optimizer_error: str | None  # torch.optim.SGD's message when model.parameters() is empty
    changed: list[bool]  # did optimizer.step() change each layer's weight
    dtypes_after: list[torch.dtype]  # each layer's weight dtype after model.to(torch.float64)
    forward_error: str | None  # torch's message when a float64 x meets a layer .to() did not convert


def build_models(layers: int, features: int, bias: bool) -> tuple[dict[str, nn.Module], torch.Tensor]:
    """The three models and the input x, drawn in the snippet's order from a private generator seeded like it."""
    generator = snippet_generator()
    models = {holder.label: holder.build(layers, features, bias, generator) for holder in HOLDERS}
    x = torch.randn(BATCH, features, generator=generator)  # (batch, features)
    return models, x


def inspect_model(label: str, model: nn.Module, x: torch.Tensor) -> Registration:
    """Ask the model what it registers, take one SGD step, and convert it to float64 (it is changed in place)."""
    parameters = list(model.parameters())
    keys = list(model.state_dict())
    before = [w.detach().clone() for w in model.layer_weights()]
    model(x).pow(2).mean().backward()
    grads = [w.grad is not None for w in model.layer_weights()]
    optimizer_error = None
    try:
        optimizer = torch.optim.SGD(model.parameters(), lr=LR)
        optimizer.step()
    except ValueError as error:
        optimizer_error = str(error)
    changed = [not torch.equal(b, w) for b, w in zip(before, model.layer_weights())]
    model.to(torch.float64)
    dtypes = [w.dtype for w in model.layer_weights()]
    forward_error = None
    try:
        model(x.to(torch.float64))
    except RuntimeError as error:
        forward_error = str(error)
    return Registration(
        label, len(parameters), sum(p.numel() for p in parameters), keys, grads, optimizer_error, changed, dtypes,
        forward_error,
    )


def registrations(layers: int, features: int, bias: bool) -> list[Registration]:
    """Every holder's answers for the same layers."""
    models, x = build_models(layers, features, bias)
    return [inspect_model(label, model, x) for label, model in models.items()]


def registration_printed(reports: list[Registration]) -> str:
    """What the registration snippet prints."""
    lines = []
    for r in reports:
        lines += [
            f"== {r.label} ==",
            f"parameters(): {r.parameter_count} tensors, {r.element_count} elements",
            f"state_dict() keys: {r.state_dict_keys}",
            f"grad computed: {r.grad_computed}",
        ]
        if r.optimizer_error is not None:
            lines.append(f"torch.optim.SGD(model.parameters()) raised: {r.optimizer_error}")
        lines += [f"changed by optimizer.step(): {r.changed}", f"weight dtypes after .to(torch.float64): {r.dtypes_after}"]
        lines.append("forward of a float64 x: ok" if r.forward_error is None else f"forward of a float64 x raised: {r.forward_error}")
    return "\n".join(lines) + "\n"


def class_sources(classes) -> str:
    """The classes' own source, as the snippet defines them."""
    return "\n\n".join(inspect.getsource(cls) for cls in classes)


def registration_snippet(layers: int, features: int, bias: bool) -> str:
    """A script that builds the three models with the same seed and prints what the page shows."""
    built = "".join(f'    "{h.label}": {h.source(layers, features, bias)},\n' for h in HOLDERS)
    return (
        "import torch\n"
        "import torch.nn as nn\n"
        "\n\n"
        f"{class_sources(h.model_class for h in HOLDERS)}"
        "\n\n"
        f"torch.manual_seed({SEED})\n"
        "models = {\n"
        f"{built}"
        "}\n"
        f"x = torch.randn({BATCH}, {features})  # (batch, features)\n"
        "\n"
        "for name, model in models.items():\n"
        '    print(f"== {name} ==")\n'
        "    parameters = list(model.parameters())\n"
        '    print("parameters():", len(parameters), "tensors,", sum(p.numel() for p in parameters), "elements")\n'
        '    print("state_dict() keys:", list(model.state_dict()))\n'
        "    before = [w.detach().clone() for w in model.layer_weights()]\n"
        "    model(x).pow(2).mean().backward()\n"
        '    print("grad computed:", [w.grad is not None for w in model.layer_weights()])\n'
        "    try:\n"
        f"        optimizer = torch.optim.SGD(model.parameters(), lr={LR})\n"
        "        optimizer.step()\n"
        "    except ValueError as error:  # a plain list leaves model.parameters() empty\n"
        '        print("torch.optim.SGD(model.parameters()) raised:", error)\n'
        '    print("changed by optimizer.step():", [not torch.equal(b, w) for b, w in zip(before, model.layer_weights())])\n'
        "    model.to(torch.float64)\n"
        '    print("weight dtypes after .to(torch.float64):", [w.dtype for w in model.layer_weights()])\n'
        "    try:\n"
        "        model(x.to(torch.float64))\n"
        '        print("forward of a float64 x: ok")\n'
        "    except RuntimeError as error:  # a layer that .to() never saw is still float32\n"
        '        print("forward of a float64 x raised:", error)\n'
    )
