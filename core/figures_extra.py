"""Extra figures some ops earn: histograms of random draws against their distribution, zeros beside empty."""


import plotly.graph_objects as go
import torch

from core.figures import tensor_figure
from core.messages import MSG


def normal_histogram(values: torch.Tensor, lang: str) -> go.Figure:
    """A density histogram of the draws with the standard normal density drawn over it (both from torch)."""
    x = torch.linspace(-4, 4, 161)  # (161,)
    density = torch.distributions.Normal(0.0, 1.0).log_prob(x).exp()  # (161,)
    data = [
        dict(type="histogram", x=values.flatten().tolist(), histnorm="probability density", name="randn",
             xbins=dict(start=-4, end=4, size=0.4), marker=dict(color="#74c0fc")),
        dict(type="scatter", x=x.tolist(), y=density.tolist(), mode="lines", name="N(0, 1)", line=dict(color="#e8590c")),
    ]
    return _wrap(data, "randn vs N(0, 1)", MSG["chart_value"](lang), MSG["chart_density"](lang))


def integer_histogram(values: torch.Tensor, low: int, high: int, lang: str) -> go.Figure:
    """How often each integer in [low, high) came out, against the uniform expectation."""
    counts = torch.bincount(values.flatten() - low, minlength=high - low)  # (high - low,)
    expected = values.numel() / (high - low)
    data = [
        dict(type="bar", x=list(range(low, high)), y=counts.tolist(), name="randint", marker=dict(color="#74c0fc")),
        dict(type="scatter", x=[low - 0.5, high - 0.5], y=[expected, expected], mode="lines", name=MSG["chart_uniform"](lang),
             line=dict(color="#e8590c", dash="dash")),
    ]
    return _wrap(data, "randint", MSG["chart_value"](lang), MSG["chart_count"](lang))


def zeros_beside(size: tuple[int, ...], lang: str) -> go.Figure:
    """torch.zeros of the same size, to set beside torch.empty's garbage."""
    return tensor_figure(torch.zeros(size), "torch.zeros(size)")


def _wrap(data: list, title: str, x_title: str, y_title: str) -> go.Figure:
    layout = dict(
        title=dict(text=title, font=dict(size=13), x=0, xanchor="left"), width=460, height=300,
        margin=dict(l=50, r=20, t=50, b=40), xaxis=dict(title=dict(text=x_title)), yaxis=dict(title=dict(text=y_title)),
        bargap=0.05, legend=dict(orientation="h", y=1.12, x=1, xanchor="right"), plot_bgcolor="white",
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)
