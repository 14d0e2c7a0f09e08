"""FTRL-Proximal, the project's own torch.optim.Optimizer: torch has no FTRL.

McMahan et al., "Ad Click Prediction: a View from the Trenches" (KDD 2013), Algorithm 1, per coordinate i, with the
gradient g_i at the current weight w_i:

    sigma_i = (sqrt(n_i + g_i^2) - sqrt(n_i)) / alpha
    z_i    += g_i - sigma_i * w_i
    n_i    += g_i^2
    w_i     = 0                                                              if |z_i| <= l1
            = -(z_i - sign(z_i) * l1) / ((beta + sqrt(n_i)) / alpha + l2)    otherwise

The per-coordinate step size is alpha / (beta + sqrt(n_i)); l1 makes weights exactly zero. The algorithm was made
for linear models that start at w = 0: from other weights, its first step pulls them towards 0 (the beta / alpha term
of the denominator has no sigma to balance it), which can freeze an MLP's hidden layers; a small beta avoids that.
A coordinate whose gradient is exactly 0 is left alone, as Algorithm 1 leaves the features absent from an example.
"""

import torch


def ftrl_update(w, g, z, n, alpha, beta, l1, l2):
    """One FTRL-Proximal step on dense tensors: the new (w, z, n) for weights w with gradient g. Coordinates with
    g = 0 keep their weight, as in Algorithm 1, which visits only the features present in the example."""
    sigma = ((n + g * g).sqrt() - n.sqrt()) / alpha
    z = z + g - sigma * w
    n = n + g * g
    closed_form = -(z - z.sign() * l1) / ((beta + n.sqrt()) / alpha + l2)
    closed_form = torch.where(z.abs() <= l1, torch.zeros_like(w), closed_form)
    return torch.where(g == 0, w, closed_form), z, n


class FTRL(torch.optim.Optimizer):
    """FTRL-Proximal (McMahan et al. 2013), written for this project. State per parameter: z and n, the paper's
    accumulators. Takes dense gradients and sparse ones (nn.Embedding(sparse=True)): a sparse step updates only the
    rows the gradient names, which is the same as a dense step since a zero gradient leaves z, n and w unchanged."""

    def __init__(self, params, alpha=0.1, beta=1.0, l1=0.0, l2=0.0):
        if not alpha > 0:
            raise ValueError(f"Invalid alpha: {alpha}")
        for name, value in (("beta", beta), ("l1", l1), ("l2", l2)):
            if not value >= 0:
                raise ValueError(f"Invalid {name}: {value}")
        super().__init__(params, dict(alpha=alpha, beta=beta, l1=l1, l2=l2))

    @torch.no_grad()
    def step(self, closure=None):
        """One update of every parameter that has a gradient; returns the closure's loss when given one."""
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            settings = group["alpha"], group["beta"], group["l1"], group["l2"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["z"] = torch.zeros_like(p)
                    state["n"] = torch.zeros_like(p)
                z, n, grad = state["z"], state["n"], p.grad
                if grad.is_sparse:
                    grad = grad.coalesce()
                    rows = grad.indices()[0]  # (nnz,) each named row once
                    w_rows, z_rows, n_rows = ftrl_update(p[rows], grad.values(), z[rows], n[rows], *settings)
                    p.index_copy_(0, rows, w_rows)
                    z.index_copy_(0, rows, z_rows)
                    n.index_copy_(0, rows, n_rows)
                else:
                    w_new, z_new, n_new = ftrl_update(p, grad, z, n, *settings)
                    p.copy_(w_new)
                    z.copy_(z_new)
                    n.copy_(n_new)
        return loss
