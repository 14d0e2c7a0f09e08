"""The project's own FTRL-Proximal against the published update rule (McMahan et al. 2013, Algorithm 1), worked by
hand on a tiny problem: loss = 1/2 * sum((w - t)^2), so the gradient is g = w - t.

Settings: alpha = 0.5, beta = 1, l1 = 0.1, l2 = 0.2; start w = (0.5, 0, 0), target t = (1, -2, 0.03).
Per coordinate:  sigma = (sqrt(n + g^2) - sqrt(n)) / alpha;  z += g - sigma * w;  n += g^2;
                 w = 0 if |z| <= l1 else -(z - sign(z) * l1) / ((beta + sqrt(n)) / alpha + l2)
"""

from math import sqrt

import pytest
import torch
from torch import nn

from core.training.ftrl import FTRL

ALPHA, BETA, L1, L2 = 0.5, 1.0, 0.1, 0.2
TARGET = torch.tensor([1.0, -2.0, 0.03], dtype=torch.float64)


def w_from(z, n):
    """The closed form for one coordinate."""
    if abs(z) <= L1:
        return 0.0
    sign = 1.0 if z > 0 else -1.0
    return -(z - sign * L1) / ((BETA + sqrt(n)) / ALPHA + L2)


# Step 1 (z = n = 0 everywhere).
#   coordinate 0: g = 0.5 - 1 = -0.5, sigma = (sqrt(0.25) - 0) / 0.5 = 1, z = -0.5 - 1 * 0.5 = -1, n = 0.25,
#                 w = -(-1 + 0.1) / ((1 + 0.5) / 0.5 + 0.2) = 0.9 / 3.2 = 0.28125
#   coordinate 1: g = 0 + 2 = 2, sigma = 2 / 0.5 = 4, z = 2 - 4 * 0 = 2, n = 4,
#                 w = -(2 - 0.1) / ((1 + 2) / 0.5 + 0.2) = -1.9 / 6.2 = -0.306451...
#   coordinate 2: g = -0.03, sigma = 0.03 / 0.5 = 0.06, z = -0.03, n = 0.0009; |z| <= l1, so w = 0 exactly
STEP1 = dict(z=[-1.0, 2.0, -0.03], n=[0.25, 4.0, 0.0009], w=[0.9 / 3.2, -1.9 / 6.2, 0.0])

# Step 2: g = w1 - t.
_g2 = [0.9 / 3.2 - 1.0, -1.9 / 6.2 + 2.0, -0.03]  # -0.71875, 1.693548..., -0.03
_sigma2 = [(sqrt(STEP1["n"][i] + _g2[i] ** 2) - sqrt(STEP1["n"][i])) / ALPHA for i in range(3)]
#   coordinate 0: sigma = (sqrt(0.25 + 0.5166015625) - 0.5) / 0.5 = 0.751116..., z = -1 - 0.71875 - sigma * 0.28125
_z2 = [STEP1["z"][i] + _g2[i] - _sigma2[i] * STEP1["w"][i] for i in range(3)]  # -1.930001..., 4.073982..., -0.06
_n2 = [STEP1["n"][i] + _g2[i] ** 2 for i in range(3)]  # 0.7666015625, 6.868106..., 0.0018
STEP2 = dict(z=_z2, n=_n2, w=[w_from(_z2[i], _n2[i]) for i in range(3)])  # 0.463161..., -0.534036..., 0

# Step 3, the same way from step 2.
_g3 = [STEP2["w"][i] - TARGET[i].item() for i in range(3)]
_sigma3 = [(sqrt(_n2[i] + _g3[i] ** 2) - sqrt(_n2[i])) / ALPHA for i in range(3)]
_z3 = [_z2[i] + _g3[i] - _sigma3[i] * STEP2["w"][i] for i in range(3)]  # -2.607156..., 5.948111..., -0.09
_n3 = [_n2[i] + _g3[i] ** 2 for i in range(3)]
STEP3 = dict(z=_z3, n=_n3, w=[w_from(_z3[i], _n3[i]) for i in range(3)])  # 0.589355..., -0.712687..., 0


def test_the_hand_worked_step1_numbers_are_the_formulas():
    """Sanity check of the worked numbers themselves (written as fractions above)."""
    assert STEP1["w"][0] == 0.28125
    assert STEP2["w"][0] == pytest.approx(0.46316064289312897, abs=1e-15)
    assert STEP3["w"][1] == pytest.approx(-0.7126873992755367, abs=1e-15)


def test_ftrl_follows_algorithm_1_for_three_steps():
    """z, n and w after each of three steps equal the hand-worked values; coordinate 2 stays exactly 0 (l1)."""
    w = nn.Parameter(torch.tensor([0.5, 0.0, 0.0], dtype=torch.float64))
    optimizer = FTRL([w], alpha=ALPHA, beta=BETA, l1=L1, l2=L2)
    for expected in (STEP1, STEP2, STEP3):
        optimizer.zero_grad()
        loss = 0.5 * ((w - TARGET) ** 2).sum()
        loss.backward()
        optimizer.step()
        state = optimizer.state[w]
        for name in ("z", "n"):
            torch.testing.assert_close(state[name], torch.tensor(expected[name], dtype=torch.float64),
                                       rtol=0, atol=1e-12)
        torch.testing.assert_close(w.detach(), torch.tensor(expected["w"], dtype=torch.float64), rtol=0, atol=1e-12)
        assert w[2].item() == 0.0


def test_sparse_gradients_give_the_dense_result():
    """An nn.Embedding(sparse=True) stepped by FTRL ends where the same embedding with dense gradients does."""
    ids = torch.tensor([[0, 3], [3, 5], [1, 0]])  # (3, 2) rows 2 and 4 are never touched
    target = torch.tensor([[1.0], [-1.0], [0.5]])
    weights = torch.randn(6, 1, generator=torch.Generator().manual_seed(0))
    results = []
    for sparse in (True, False):
        embedding = nn.Embedding(6, 1, sparse=sparse, _weight=weights.clone())
        optimizer = FTRL(embedding.parameters(), alpha=0.3, beta=0.5, l1=0.05, l2=0.1)
        for _ in range(3):
            optimizer.zero_grad()
            loss = ((embedding(ids).sum(dim=1) - target) ** 2).mean()
            loss.backward()
            assert embedding.weight.grad.is_sparse == sparse
            optimizer.step()
        results.append(embedding.weight.detach().clone())
    torch.testing.assert_close(results[0], results[1], rtol=0, atol=1e-6)
    assert torch.equal(results[0][[2, 4]], weights[[2, 4]])  # untouched rows keep their weights


@pytest.mark.parametrize("settings", [dict(alpha=0.0), dict(beta=-1.0), dict(l1=float("nan")), dict(l2=-0.1)])
def test_bad_settings_are_refused_like_torch_does(settings):
    """Like torch.optim's own classes, FTRL refuses impossible values with a ValueError naming them."""
    with pytest.raises(ValueError, match=next(iter(settings))):
        FTRL([nn.Parameter(torch.zeros(2))], **settings)
