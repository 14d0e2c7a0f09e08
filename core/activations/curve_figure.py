"""The curves figure: f(x) on the left, f'(x) on the right, with the vanishing-gradient stretches shaded."""

import plotly.graph_objects as go

from core.activations.curves import Curve, vanishing_spans

COLOURS = {"Sigmoid": "#1971c2", "Softmax": "#9c36b5", "Tanh": "#2f9e44", "ReLU": "#e67700"}
SHADE = "rgba(232, 89, 12, 0.13)"
SHADE_TEXT = "#c2410c"


def curve_figure(curves: dict[str, Curve], focus: str, titles: tuple[str, str], shade_label: str) -> go.Figure:
    """Both panels for every curve in `curves` (activation name -> Curve); `focus` is drawn bold and its
    stretches with a vanishing slope are shaded and labelled with `shade_label` (which may hold {low} and {high})."""
    traces = []
    for name, sweep in curves.items():
        bold = name == focus
        line = dict(color=COLOURS.get(name, "#495057"), width=3 if bold else 1.5, dash="solid" if bold else "dot")
        for axis, values, suffix in (("", sweep.y, "(x)"), ("2", sweep.slope, "'(x)")):
            traces.append(dict(
                type="scatter", mode="lines", x=sweep.x.numpy(), y=values.numpy(), line=line,
                name=name, legendgroup=name, showlegend=axis == "", xaxis=f"x{axis}", yaxis=f"y{axis}",
                hovertemplate=f"{name}{suffix} = %{{y:.4g}} at x = %{{x:.3g}}<extra></extra>",
            ))
    shapes, annotations = [], []
    for low, high in vanishing_spans(curves[focus]):
        for axis in ("", "2"):
            shapes.append(dict(
                type="rect", xref=f"x{axis}", yref=f"y{axis} domain", x0=low, x1=high, y0=0, y1=1,
                fillcolor=SHADE, line=dict(width=0), layer="below",
            ))
        annotations.append(dict(
            text=shade_label.format(low=f"{low:.2f}", high=f"{high:.2f}"), x=(low + high) / 2, xref="x2",
            y=1, yref="y2 domain", yanchor="top", showarrow=False, font=dict(color=SHADE_TEXT, size=11),
        ))
    axis = dict(zeroline=True, zerolinecolor="#adb5bd", gridcolor="#f1f3f5", title=dict(text="x"))
    layout = dict(
        # the gap leaves room for the right panel's y title beside the left panel, in a column of ~730 px
        xaxis={**axis, "domain": [0, 0.44]}, yaxis=dict(title=dict(text=titles[0]), gridcolor="#f1f3f5"),
        xaxis2={**axis, "domain": [0.57, 1], "anchor": "y2"},
        yaxis2=dict(title=dict(text=titles[1]), anchor="x2", gridcolor="#f1f3f5"),
        shapes=shapes, annotations=annotations, height=380, margin=dict(l=50, r=20, t=30, b=40),
        legend=dict(orientation="h", y=1.12, x=0), plot_bgcolor="white", hovermode="closest",
    )
    return go.Figure(dict(data=traces, layout=layout), _validate=False)

