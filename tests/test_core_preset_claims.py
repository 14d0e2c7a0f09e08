"""Presets that say where their values come from (softmax probabilities, ones((2, 3)), x[1, 1], "= 11") hold what
torch computes: every such claim is recomputed here with plain torch, and a title that makes a new claim must be
added here too."""

import re

import numpy as np
import pytest
import torch

from core.ops.catalog import OPS
from core.ops.run import run
from core.ops.state import build_call, preset_state


def shown(op: str, key: str):
    """The preset's call as the page builds it from the grids' text: the tensors it shows and runs."""
    call, problems = build_call(OPS[op], preset_state(OPS[op], key), "en")
    assert problems == [], problems
    return call


def result(op: str, key: str):
    outcome = run(shown(op, key), "en")
    assert outcome.error is None, outcome.error
    return outcome.result


def guide_logits() -> torch.Tensor:
    return shown("softmax", "guide_logits").tensors["input"]  # (2, 3)


# (op, preset) -> (what the page shows, what torch computes for the claim)
CLAIMS = {
    # "softmax probabilities": softmax of the guide's logits, to the guide's 4 places (not its misprinted row 2)
    ("gather", "guide_labels"): lambda: (
        shown("gather", "guide_labels").tensors["input"],
        torch.softmax(guide_logits(), dim=1).round(decimals=4),
    ),
    ("argmax", "rows"): lambda: (shown("argmax", "rows").tensors["input"], guide_logits()),
    **{
        ("sum", key): lambda key=key: (shown("sum", key).tensors["input"], torch.ones((2, 3)))  # "of ones((2, 3))"
        for key in ("all", "dim0", "dim1", "dim0_keep", "dim1_keep")
    },
    ("item", "guide"): lambda: (shown("item", "guide").tensors["input"], shown("item", "many").tensors["input"][1, 1]),
    ("matmul", "guide_dot"): lambda: (result("matmul", "guide_dot"), torch.tensor(11)),
    ("pow", "guide_scalar"): lambda: (result("pow", "guide_scalar"), torch.tensor(9)),
    ("matmul", "guide_mm"): lambda: (
        result("matmul", "guide_mm"), torch.mm(*shown("matmul", "guide_mm").tensors.values())
    ),
    ("permute", "matrix"): lambda: (result("permute", "matrix"), shown("permute", "matrix").tensors["input"].t()),
    ("unsqueeze", "guide_neg"): lambda: (result("unsqueeze", "guide_neg"), result("unsqueeze", "guide_1")),
    ("narrow", "rows"): lambda: (result("narrow", "rows"), shown("narrow", "rows").tensors["input"][2:, :]),
    ("narrow", "cols"): lambda: (result("narrow", "cols"), shown("narrow", "cols").tensors["input"][:, 1:3]),
    ("np.eye(n)[y]", "one_label"): lambda: (result("np.eye(n)[y]", "one_label"), torch.tensor(np.eye(3)[2])),
}

# A title that names another op's call, states a value, or says "same as" / "is t()" claims something torch computes.
_OTHER_CALL = r"(?<![\w.])(?:{names})\("
_CLAIM_WORDS = r"= -?\d|\bsame as\b|\bis \w+\(\)|\bsoftmax\b|\w\[\d"


def _claims(op: str, title: str) -> bool:
    others = "|".join(re.escape(name) for name in OPS if name != op and re.fullmatch(r"\w+", name))
    return bool(re.search(_OTHER_CALL.format(names=others) + "|" + _CLAIM_WORDS, title))


@pytest.mark.parametrize("op, key", sorted(CLAIMS))
def test_a_preset_holds_what_torch_computes_for_its_claim(op, key):
    """What the page shows for the preset equals torch's own computation of what its title says, dtype included."""
    actual, expected = CLAIMS[(op, key)]()
    assert actual.dtype == expected.dtype, (actual.dtype, expected.dtype)
    assert torch.equal(actual, expected), (actual, expected)


def test_every_title_that_claims_a_computed_value_is_checked():
    """A new preset whose title claims a value from an op needs its claim recomputed in CLAIMS above."""
    claiming = {(op, p.key) for op, spec in OPS.items() for p in spec.presets if _claims(op, p.title("en"))}
    claiming.discard(("t().view", "square"))  # "t() is not contiguous": checked below, it is an error preset
    assert claiming <= set(CLAIMS), sorted(claiming - set(CLAIMS))
    assert ("gather", "guide_labels") in claiming and ("sum", "all") in claiming


def test_the_guides_misprinted_softmax_row_is_not_shown():
    """The guide prints softmax([0.5, 2.1, 1.3]) as [0.1863, 0.5141, 0.2996]; the page shows torch's values."""
    probabilities = shown("gather", "guide_labels").tensors["input"]
    assert probabilities[1].tolist() == pytest.approx([0.1223, 0.6056, 0.2721], abs=1e-6)
    assert torch.allclose(probabilities.sum(dim=1), torch.ones(2), atol=1e-3)  # rounded rows still sum to about 1
    assert torch.equal(result("gather", "guide_labels"), probabilities.gather(1, torch.tensor([[0], [1]])))


def test_t_then_view_square_is_refused_because_t_is_not_contiguous():
    """"Even a square matrix: t() is not contiguous": true of torch, and torch refuses the view."""
    call = shown("t().view", "square")
    assert not call.tensors["input"].t().is_contiguous()
    assert "view size is not compatible" in run(call, "en").error.torch_message
