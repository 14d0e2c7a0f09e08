"""What an optimizer remembers about one parameter: its state tensors next to the parameter and its gradient."""

import torch

from core.messages.training_engine import MSG
from core.text import shown
from core.training.optimizers import OPTIMIZERS


def _as_tensor(value) -> torch.Tensor | None:
    """State entries as tensors: numbers become 0-d tensors, a history list (LBFGS) its length."""
    if isinstance(value, torch.Tensor):
        return value.detach()
    if isinstance(value, (int, float)):
        return torch.tensor(value)
    if isinstance(value, (list, tuple)):
        return torch.tensor(len(value))
    return None


def optimizer_state(race, index: int, name: str, lang: str = "en") -> dict[str, torch.Tensor] | str:
    """For racer `index` and parameter `name` (e.g. "layers.0.weight"): {"param": ..., "grad": ... (None before the
    first step), then each state entry (momentum_buffer, exp_avg, exp_avg_sq, square_avg, z, n, step, ...)}.
    Entries that cover the whole flat weight vector (a fast racer's state, LBFGS's d and prev_flat_grad) are cut to
    this parameter and shaped like it. A message instead when there is no such parameter."""
    names = race.param_names
    if name not in names:
        return MSG["trainer_no_param"](lang, name=shown(name), names=", ".join(names))
    state = race.racers[index]
    if state.runner is None:
        return {"param": dict(race.template.named_parameters())[name].detach().clone(), "grad": None}
    shapes = {n: p.shape for n, p in race.template.named_parameters()}
    sizes = [shapes[n].numel() for n in names]
    offset = sum(sizes[: names.index(name)])
    shape, size, total = shapes[name], shapes[name].numel(), sum(sizes)

    def fit(tensor):
        """A tensor as this parameter's part: itself when it has the parameter's shape, its slice of a flat one."""
        if tensor.shape == shape:
            return tensor.clone()
        if tensor.numel() == total and tensor.dim() <= 1:
            return tensor.reshape(-1)[offset: offset + size].view(shape).clone()
        return tensor.clone()

    optimizer = state.optimizer
    # the tensor the optimizer holds: a fast racer's whole flat vector, or the parameter itself
    own = state.runner.flat if state.path == "fast" else dict(state.runner.model.named_parameters())[name]
    grad = own.grad
    if grad is not None and grad.is_sparse:
        grad = grad.to_dense()
    view = {"param": fit(own.detach()), "grad": None if grad is None else fit(grad)}
    sources = [optimizer.state.get(own, {})]
    if OPTIMIZERS[state.racer.optimizer].closure:  # LBFGS keeps its whole state under its first parameter
        sources.append(optimizer.state.get(optimizer.param_groups[0]["params"][0], {}))
    for source in sources:
        for key, value in source.items():
            tensor = _as_tensor(value)
            if tensor is not None and key not in view:
                view[key] = fit(tensor) if tensor.dim() > 0 and not isinstance(value, (list, tuple)) else tensor
    return view
