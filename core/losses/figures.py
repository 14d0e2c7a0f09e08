"""Plotly figures of the Losses page: per-element losses as a heatmap, loss curves overlaid, and the outlier
experiment as bars. Built as plain dicts and wrapped without validation, as core/figures.py does."""

import math

import plotly.graph_objects as go
import torch

from core.figures import tensor_figure
from core.losses.curves import CURVE_X, Curve, OUTLIER_INPUT, OutlierEffect
from core.messages import MSG

# one colour per loss, the same in every figure
LOSS_COLOURS = {
    "MSELoss": "#e8590c", "L1Loss": "#1971c2", "SmoothL1Loss": "#2f9e44", "HuberLoss": "#9c36b5",
    "BCELoss": "#f08c00", "BCEWithLogitsLoss": "#0c8599", "CrossEntropyLoss": "#c2255c",
}
CURVE_Y_CAP = 9.5  # the curves' y axis stops here, so a steep MSELoss leaves room to see L1Loss


def per_element_figure(losses: torch.Tensor, name: str) -> go.Figure:
    """The per-element losses as a heatmap; the colour scale spans the finite values (an inf stays written in)."""
    values = losses.detach().to(torch.float64).flatten()  # (numel,)
    finite = values[torch.isfinite(values)]
    low, high = (float(finite.min()), float(finite.max())) if finite.numel() else (0.0, 1.0)
    return tensor_figure(losses.detach(), name, zrange=(low, high) if low < high else (low - 1.0, high + 1.0))


def curve_figure(curves: list[Curve], target: float, lang: str) -> go.Figure:
    """Each loss against one prediction, overlaid; a dotted line marks the target."""
    title = MSG["loss_curve_title"](lang, target=target, points=len(CURVE_X))
    x_title, y_title = MSG["loss_curve_x"](lang), MSG["loss_curve_y"](lang)
    x = CURVE_X.tolist()
    drawn = [c for c in curves if c.y is not None]
    data = [
        dict(type="scatter", x=x, y=c.y, mode="lines", name=c.label, line=dict(color=LOSS_COLOURS[c.name], width=2.5),
             hovertemplate=f"{c.label}<br>input = %{{x}}<br>loss = %{{y:.4g}}<extra></extra>")
        for c in drawn
    ]
    values = [v for c in drawn for v in c.y if v is not None and math.isfinite(v)]
    low = min([0.0, *values])
    high = min(max([1.0, *values]), CURVE_Y_CAP)
    layout = dict(
        title=dict(text=title, font=dict(size=14)), height=420, margin=dict(l=60, r=20, t=60, b=50),
        xaxis=dict(title=dict(text=x_title), range=[x[0], x[-1]], zeroline=True),
        yaxis=dict(title=dict(text=y_title), range=[low - 0.2, high * 1.05]),
        shapes=[dict(type="line", x0=target, x1=target, y0=0, y1=1, yref="paper", line=dict(color="#495057", dash="dot"))],
        annotations=[dict(x=target, y=1, yref="paper", text=f"target = {target:g}", showarrow=False, yanchor="bottom")],
        legend=dict(orientation="h", y=-0.2), plot_bgcolor="white", hovermode="x unified",
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)


def outlier_figure(effects: list[OutlierEffect], lang: str) -> go.Figure:
    """Left: each loss's value. Right: d loss / d input[i] for each element of the batch, one bar group per element."""
    value_title, grad_title = MSG["loss_outlier_value"](lang), MSG["loss_outlier_grad"](lang)
    ran = [e for e in effects if e.error is None]
    elements = [f"input[{i}]" for i in range(len(OUTLIER_INPUT))]
    data = [dict(type="bar", x=[e.name for e in ran], y=[e.loss.item() for e in ran], showlegend=False,
                 marker=dict(color=[LOSS_COLOURS[e.name] for e in ran]), texttemplate="%{y:.4g}", textposition="outside",
                 hovertemplate="%{x}: %{y:.6g}<extra></extra>")]
    data += [dict(type="bar", x=elements, y=e.grad.tolist(), name=e.name, xaxis="x2", yaxis="y2",
                  marker=dict(color=LOSS_COLOURS[e.name]), hovertemplate=f"{e.name} %{{x}}: %{{y:.4g}}<extra></extra>")
             for e in ran]
    layout = dict(
        height=420, margin=dict(l=60, r=20, t=60, b=60), barmode="group", plot_bgcolor="white",
        xaxis=dict(domain=[0.0, 0.36]), yaxis=dict(anchor="x", rangemode="tozero"),
        xaxis2=dict(domain=[0.46, 1.0], anchor="y2"), yaxis2=dict(anchor="x2", zeroline=True, zerolinecolor="#495057"),
        annotations=[dict(text=f"<b>{t}</b>", x=x, y=1.08, xref="paper", yref="paper", showarrow=False, xanchor="center")
                     for t, x in ((value_title, 0.18), (grad_title, 0.73))],
        legend=dict(orientation="h", y=-0.15),
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)
