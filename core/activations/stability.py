"""Numerical stability: softmax of large logits by the naive formula exp(x) / exp(x).sum() against torch.softmax."""

from dataclasses import dataclass

import torch

from core.codegen import tensor_source
from core.figures import cell_text
from core.grid import DTYPES
from core.messages import MSG

OFFSET_LIMIT = 1000  # the logits are [offset, offset + 1, offset + 2] with |offset| up to this
STABILITY_DTYPES = ("float32", "float64")


@dataclass(frozen=True)
class Stability:
    """Every step of the comparison, each of shape (3,)."""

    logits: torch.Tensor
    exp: torch.Tensor  # torch.exp(logits): inf once a logit passes log(finfo.max), 0 far below zero
    naive: torch.Tensor  # exp / exp.sum()
    max_trick: torch.Tensor  # exp(logits - max) / sum: what torch does inside, by hand
    result: torch.Tensor  # torch.softmax(logits, dim=0)

    @property
    def overflows(self) -> bool:
        return bool(torch.isinf(self.exp).any())

    @property
    def underflows(self) -> bool:
        return bool((self.exp.sum() == 0).item())

    @property
    def naive_fails(self) -> bool:
        return bool(torch.isnan(self.naive).any())


def stability(offset: int, dtype: str) -> Stability:
    """Softmax of [offset, offset + 1, offset + 2] three ways."""
    logits = torch.arange(3, dtype=DTYPES[dtype]) + offset  # (3,)
    exp = torch.exp(logits)
    shifted = torch.exp(logits - logits.max())  # the largest becomes exp(0) = 1: nothing can overflow
    return Stability(logits, exp, exp / exp.sum(), shifted / shifted.sum(), torch.softmax(logits, dim=0))


def overflow_limit(dtype: str) -> float:
    """Where exp overflows in this dtype: log(finfo.max), computed by torch; past it exp(x) is inf."""
    return torch.log(torch.tensor(torch.finfo(DTYPES[dtype]).max, dtype=DTYPES[dtype])).item()


ROWS = (  # (label in the printout, field of Stability)
    ("exp(logits)  ", "exp"),
    ("naive        ", "naive"),
    ("max trick    ", "max_trick"),
    ("torch.softmax", "result"),
)


def stability_printed(outcome: Stability) -> str:
    """What the stability snippet prints."""
    return "".join(f"{label} {getattr(outcome, name)}\n" for label, name in ROWS)


def stability_snippet(outcome: Stability) -> str:
    """A script that runs the three formulas on the same logits and prints every step."""
    return (
        "import torch\n"
        "\n"
        f"logits = {tensor_source(outcome.logits)}  # (3,)\n"
        "\n"
        "# the naive formula, as written on paper\n"
        "exp = torch.exp(logits)\n"
        "naive = exp / exp.sum()\n"
        "# the max trick: subtract the largest logit first (same probabilities, and exp(0) = 1 at most)\n"
        "shifted = torch.exp(logits - logits.max())\n"
        "max_trick = shifted / shifted.sum()\n"
        "result = torch.softmax(logits, dim=0)\n"
        "\n"
        + "".join(f'print("{label}", {name})\n' for label, name in ROWS)
    )


def stability_table(outcome: Stability) -> dict[str, list[str]]:
    """Each step's values as written in a heatmap cell (inf and nan included), keyed by its printout label."""
    return {
        label.strip(): [cell_text(v, outcome.logits.dtype) for v in getattr(outcome, name).tolist()]
        for label, name in ROWS
    }


def stability_verdict(outcome: Stability, dtype: str, lang: str) -> str:
    """Why the naive formula fails here (overflow or underflow), or why it still works."""
    limit = f"{overflow_limit(dtype):.2f}"
    if not outcome.naive_fails:
        return MSG["act_no_overflow"](lang, dtype=dtype, limit=limit)
    return MSG["act_overflow" if outcome.overflows else "act_underflow"](lang, dtype=dtype, limit=limit)
