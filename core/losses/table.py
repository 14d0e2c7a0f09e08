"""The side-by-side table: each element's input, target, per-element loss and the companions' values."""

import pandas as pd
import torch

from core.losses.run import LossOutcome
from core.losses.spec import LossSpec
from core.messages import MSG


def cell(value) -> str:
    """A number as the table writes it: whole numbers as they are, floats to 6 significant digits (inf, nan too)."""
    return str(value) if isinstance(value, int) else f"{value:.6g}"


def side_by_side(spec: LossSpec, input: torch.Tensor, target: torch.Tensor, outcome: LossOutcome,
                 lang: str) -> pd.DataFrame | None:
    """One row per element; None when the shapes differ (a broadcast has no element-by-element reading)."""
    if outcome.per_element is None or not outcome.companions:
        return None
    columns = {"input": input, "target": target, MSG["loss_column_loss"](lang, name=spec.name): outcome.per_element}
    for value in outcome.companions:
        if value.values is not None:
            columns[value.companion.label(lang)] = value.values
    if len({tuple(t.shape) for t in columns.values()}) != 1:
        return None
    return pd.DataFrame({name: [cell(v) for v in t.flatten().tolist()] for name, t in columns.items()})
