"""The losses a race can train with: one entry each, with the tasks it fits and why it does not fit the others."""

from dataclasses import dataclass

import torch
from torch import nn

from core.messages.training_engine import MSG
from core.text import Text


@dataclass(frozen=True)
class LossSpec:
    """One torch.nn loss, by its class name."""

    name: str  # torch.nn class name, also the URL's `loss`
    tasks: tuple[str, ...]  # dataset tasks it fits
    why_unfit: Text  # shown when it is picked for another task
    sigmoid_output: bool = False  # it wants probabilities, so the model ends in a sigmoid
    class_targets: bool = False  # targets are class indices (N,), outputs (N, C)

    def module(self, reduction: str = "mean") -> nn.Module:
        """A fresh torch loss module."""
        return getattr(nn, self.name)(reduction=reduction)

    def per_racer(self, output: torch.Tensor, y: torch.Tensor, module: nn.Module) -> torch.Tensor:
        """Each racer's mean loss from stacked outputs: (R, B, out) against the shared targets -> (R,), with
        `module` this loss made with reduction="none"."""
        racers, batch = output.shape[:2]
        if self.class_targets:
            return module(output.flatten(0, 1), y.repeat(racers)).view(racers, batch).mean(dim=1)
        return module(output, y.expand_as(output)).mean(dim=(1, 2))


_CLASSIFY = ("binary", "sparse")
_REGRESS = ("regression",)
_PROBABILITIES = Text(
    "it compares a probability with a 0/1 label, and these targets are not labels of two classes.",
    "它把概率和 0/1 标签比较，而这里的目标不是两类标签。",
)
_NUMBERS = Text(
    "it measures the distance between numbers; class labels are names, not amounts, so the distance means nothing "
    "(and three classes would need three outputs compared with one index).",
    "它衡量数值之间的距离；类别标签只是名字而不是数量，这个距离没有意义（三类问题还需要三个输出去对应一个类别索引）。",
)

LOSSES: dict[str, LossSpec] = {
    spec.name: spec
    for spec in (
        LossSpec("BCEWithLogitsLoss", _CLASSIFY, _PROBABILITIES),
        LossSpec("BCELoss", _CLASSIFY, _PROBABILITIES, sigmoid_output=True),
        LossSpec(
            "CrossEntropyLoss",
            ("multiclass",),
            Text(
                "it wants one score per class and an integer class index as the target, and this task has a single "
                "output (a logit for two classes, or a real-valued y).",
                "它需要每个类别一个分数、目标是整数类别索引，而这个任务只有一个输出（两类的 logit，或一个实数 y）。",
            ),
            class_targets=True,
        ),
        LossSpec("MSELoss", _REGRESS, _NUMBERS),
        LossSpec("L1Loss", _REGRESS, _NUMBERS),
        LossSpec("HuberLoss", _REGRESS, _NUMBERS),
    )
}


def loss_problem(loss: str, task: str, lang: str) -> str | None:
    """Why `loss` cannot train a dataset of kind `task` (None when it fits), with the losses that would."""
    spec = LOSSES[loss]
    if task in spec.tasks:
        return None
    fitting = ", ".join(name for name, other in LOSSES.items() if task in other.tasks)
    return MSG["trainer_loss_unfit"](
        lang, loss=loss, task=MSG[f"trainer_task_{task}"](lang), why=spec.why_unfit(lang), suggest=fitting
    )


def accuracy(output: torch.Tensor, y: torch.Tensor, spec: LossSpec, task: str) -> float | None:
    """The share of points classified right (None for regression): output (N, out), y (N, 1) or (N,)."""
    if task == "regression":
        return None
    if spec.class_targets:
        predicted = output.argmax(dim=-1)  # (N,)
    else:
        predicted = (output > (0.5 if spec.sigmoid_output else 0.0)).float()  # (N, 1) probability or logit
    return (predicted == y).float().mean().item()
