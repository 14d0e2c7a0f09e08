"""A guide model run one element of its container at a time, each output's shape recorded, torch's error caught."""

from dataclasses import dataclass
import inspect

import torch

from core.containers.guide_models import GuideModel
from core.private_init import SEED, built_without_drawing, snippet_generator


@dataclass(frozen=True)
class Walk:
    """The shapes seen, ("x", shape) first then one per step, and where and why torch stopped, if it did."""

    shapes: list[tuple[str, tuple[int, ...]]]
    error: str | None = None  # torch's message
    explanation: str | None = None  # the same in words, with the shapes and a fix
    failed_at: str | None = None  # the element torch refused, e.g. "layers[1]"


def walk(entry: GuideModel, batch: int, height: int, width: int, lang: str) -> Walk:
    """Build the model and x with the snippet's numbers, then apply the container's elements one by one."""
    generator = snippet_generator()
    model = built_without_drawing(entry.model_class)
    entry.draw_(model, generator)
    x = torch.randn(entry.input_shape(batch, height, width), generator=generator)
    shapes = [("x", tuple(x.shape))]
    for i, item in enumerate(getattr(model, entry.container)):
        try:
            x = entry.step(x, item)
        except RuntimeError as error:
            message = str(error).strip().splitlines()[0]
            explanation = entry.explain(model, i, tuple(x.shape), lang)
            return Walk(shapes, message, explanation, f"{entry.container}[{i}]")
        shapes.append((f"{entry.container}[{i}]", tuple(x.shape)))
    return Walk(shapes)


def walk_printed(result: Walk) -> str:
    """What the snippet prints (stdout), then the error line Python writes when it stops."""
    lines = [f"x: {result.shapes[0][1]}"] + [f"after {name}: {shape}" for name, shape in result.shapes[1:]]
    if result.error:
        lines.append(f"RuntimeError: {result.error}")
    return "\n".join(lines) + "\n"


def walk_snippet(entry: GuideModel, batch: int, height: int, width: int) -> str:
    """A script that builds the guide's model and prints the shape after each element of its container."""
    shape = ", ".join(map(str, entry.input_shape(batch, height, width)))
    return (
        "import torch\n"
        "import torch.nn as nn\n"
        "\n\n"
        f"{inspect.getsource(entry.model_class)}"
        "\n\n"
        f"torch.manual_seed({SEED})\n"
        f"model = {entry.model_class.__name__}()\n"
        f"x = torch.randn({shape})  # {entry.input_comment}\n"
        'print("x:", tuple(x.shape))\n'
        f"for i, {entry.item} in enumerate(model.{entry.container}):\n"
        f"    {entry.step_source}\n"
        f'    print(f"after {entry.container}[{{i}}]:", tuple(x.shape))\n'
    )
