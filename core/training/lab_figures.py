"""Figures of the Training lab: the racers' loss curves, and each racer's decision boundary or prediction curve."""

import plotly.graph_objects as go

from core.messages import MSG
from core.training.live_series import live_series
from core.training.palette import racer_colour

CLASS_COLOURS = ("#1c7ed6", "#f76707", "#37b24d")


def loss_figure(race, lang: str) -> go.Figure:
    """The loss chart drawn by plotly (the live canvas chart's stand-in): each racer's averaged batch loss (bold),
    every batch (faint), the test loss (dashed) and a diamond where a setting changed, one colour per racer."""
    series = live_series(race)
    test_word = MSG["lab_test"](lang)
    data = []
    for index, (racer, tests) in enumerate(zip(series["racers"], series["tests"])):
        steps = list(range(1, len(racer["raw"]) + 1))
        group = dict(legendgroup=str(index), showlegend=False, hoverinfo="skip")
        data.append(dict(type="scatter", x=steps, y=racer["raw"], mode="lines", opacity=0.22,
                         line=dict(color=racer["colour"], width=1), **group))
        data.append(dict(type="scatter", x=steps, y=racer["ema"], mode="lines", name=racer["name"],
                         line=dict(color=racer["colour"], width=2), legendgroup=str(index)))
        if tests:
            data.append(dict(type="scatter", x=[s for s, _ in tests], y=[v for _, v in tests], mode="lines",
                             name=f"{racer['name']} ({test_word})",
                             line=dict(color=racer["colour"], dash="dash", width=1.2),
                             legendgroup=str(index), showlegend=False))
    marks = series["marks"]
    if marks:
        data.append(dict(type="scatter", x=[m[0] for m in marks], y=[m[2] for m in marks], mode="markers",
                         text=[m[3] for m in marks], hoverinfo="x+text", showlegend=False,
                         marker=dict(symbol="diamond", size=10, color="white",
                                     line=dict(width=2, color=[racer_colour(m[1]) for m in marks]))))
    # an empty log axis would span 0.1 to 10,000: one decade until there is a loss to fit
    y_range = None if race.step_count else [-1, 0]
    layout = dict(
        title=dict(text=MSG["lab_losses_smoothed"](lang), font=dict(size=12), x=0, xanchor="left"), height=340,
        margin=dict(l=50, r=10, t=40, b=40),
        xaxis=dict(title=dict(text=MSG["lab_axis_step"](lang)), range=[0, race.config.steps]),
        # a log axis spanning less than a decade labels its in-between ticks with one digit ("7" for 0.7)
        yaxis=dict(title=dict(text=MSG["lab_axis_loss"](lang)), type="log", tickformat=".2~g", range=y_range),
        legend=dict(font=dict(size=10), orientation="h", y=-0.2), plot_bgcolor="white",
        uirevision="losses",  # keep zoom while the lines grow
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)


def boundary_figure(mesh, data, title: str, colour: str = "#212529", size: int = 260) -> go.Figure:
    """The racer's predicted probability over the plane, with the training points on top; the title and frame in
    the racer's colour (`colour`), the figure `size` pixels square."""
    outputs = mesh.outputs
    if outputs.ndim == 3:  # classes: colour by the winning class, shade by its probability
        z = outputs.argmax(dim=-1).float() + outputs.max(dim=-1).values * 0.9  # (G, G)
        scale = [[0, "#d0ebff"], [0.33, "#1c7ed6"], [0.34, "#ffe8cc"], [0.66, "#f76707"], [0.67, "#d3f9d8"],
                 [1, "#37b24d"]]
        zmin, zmax = 0.0, 2.9
    else:
        z, scale, zmin, zmax = outputs, [[0, "#1c7ed6"], [0.5, "#f8f9fa"], [1, "#f76707"]], 0.0, 1.0
    x, y = data.x_train, data.y_train  # (N, 2), (N, 1) or (N,)
    labels = y.view(-1).long()  # (N,)
    # numpy arrays, not lists: plotly deep-copies lists item by item (16 racers' figures took 0.3 s that way)
    traces = [dict(type="heatmap", x=mesh.xs.numpy(), y=mesh.ys.numpy(), z=z.numpy(), colorscale=scale,
                   zmin=zmin, zmax=zmax, showscale=False, hoverinfo="skip")]
    for label in labels.unique().tolist():
        chosen = x[labels == label]  # (n, 2)
        traces.append(dict(type="scatter", x=chosen[:, 0].numpy(), y=chosen[:, 1].numpy(), mode="markers",
                           marker=dict(size=5, color=CLASS_COLOURS[label % 3], line=dict(width=0.5, color="white")),
                           name=str(label), showlegend=False, hoverinfo="skip"))
    frame = dict(type="rect", xref="paper", yref="paper", x0=0, y0=0, x1=1, y1=1, line=dict(color=colour, width=3))
    layout = dict(title=dict(text=title, font=dict(size=11, color=colour), x=0, xanchor="left"), width=size,
                  height=size, margin=dict(l=4, r=4, t=24, b=4), xaxis=dict(visible=False), yaxis=dict(visible=False),
                  shapes=[frame], uirevision="boundary")
    return go.Figure(dict(data=traces, layout=layout), _validate=False)


def curve_figure(curve, data, title: str, colour: str = "#e8590c", size: int = 260) -> go.Figure:
    """A 1-d regression: the racer's prediction along x (in the racer's `colour`) over the training points."""
    traces = [
        dict(type="scatter", x=data.x_train[:, 0].numpy(), y=data.y_train.view(-1).numpy(), mode="markers",
             marker=dict(size=4, color="#868e96"), showlegend=False),
        dict(type="scatter", x=curve.xs.numpy(), y=curve.outputs.numpy(), mode="lines",
             line=dict(color=colour, width=2), showlegend=False),
    ]
    layout = dict(title=dict(text=title, font=dict(size=11, color=colour), x=0, xanchor="left"), width=size,
                  height=round(size * 0.85), margin=dict(l=30, r=6, t=24, b=20), plot_bgcolor="white",
                  uirevision="curve")
    return go.Figure(dict(data=traces, layout=layout), _validate=False)
