"""Figures of the Training lab: the racers' loss curves, and each racer's decision boundary or prediction curve."""

import plotly.graph_objects as go

from core.messages import MSG

RACER_COLOURS = ("#1971c2", "#e8590c", "#2f9e44", "#9c36b5", "#f08c00", "#0c8599", "#c2255c", "#5c940d",
                 "#495057", "#862e9c", "#d9480f", "#364fc7", "#087f5b", "#a61e4d", "#e67700", "#1864ab")  # 16 racers
CLASS_COLOURS = ("#1c7ed6", "#f76707", "#37b24d")


def loss_figure(race, lang: str) -> go.Figure:
    """Train loss per step (solid) and test loss at each evaluation (dashed), one colour per racer."""
    test_word = MSG["lab_test"](lang)
    data = []
    for index, state in enumerate(race.racers):
        colour = RACER_COLOURS[index % len(RACER_COLOURS)]
        steps = list(range(1, len(state.losses) + 1))
        data.append(dict(type="scatter", x=steps, y=state.losses, mode="lines", name=state.name,
                         line=dict(color=colour, width=1.5), legendgroup=str(index)))
        tests = [(r.step, r.evaluations[index].test_loss) for r in race.history
                 if r.evaluations and r.evaluations[index] is not None]
        if tests:
            data.append(dict(type="scatter", x=[s for s, _ in tests], y=[v for _, v in tests], mode="lines+markers",
                             name=f"{state.name} ({test_word})", line=dict(color=colour, dash="dash", width=1),
                             marker=dict(size=4), legendgroup=str(index), showlegend=False))
    layout = dict(
        title=dict(text=MSG["lab_losses"](lang), font=dict(size=13), x=0, xanchor="left"), height=340,
        margin=dict(l=50, r=10, t=40, b=40),
        xaxis=dict(title=dict(text=MSG["lab_axis_step"](lang)), range=[0, race.config.steps]),
        # a log axis spanning less than a decade labels its in-between ticks with one digit ("7" for 0.7)
        yaxis=dict(title=dict(text=MSG["lab_axis_loss"](lang)), type="log", tickformat=".2~g"), legend=dict(font=dict(size=10)), plot_bgcolor="white",
        uirevision="losses",  # keep zoom while the lines grow
    )
    return go.Figure(dict(data=data, layout=layout), _validate=False)


def boundary_figure(mesh, data, title: str) -> go.Figure:
    """The racer's predicted probability over the plane, with the training points on top."""
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
    layout = dict(title=dict(text=title, font=dict(size=12), x=0, xanchor="left"), width=260, height=260,
                  margin=dict(l=10, r=10, t=30, b=10), xaxis=dict(visible=False), yaxis=dict(visible=False),
                  uirevision="boundary")
    return go.Figure(dict(data=traces, layout=layout), _validate=False)


def curve_figure(curve, data, title: str) -> go.Figure:
    """A 1-d regression: the racer's prediction along x over the training points."""
    traces = [
        dict(type="scatter", x=data.x_train[:, 0].numpy(), y=data.y_train.view(-1).numpy(), mode="markers",
             marker=dict(size=4, color="#868e96"), showlegend=False),
        dict(type="scatter", x=curve.xs.numpy(), y=curve.outputs.numpy(), mode="lines",
             line=dict(color="#e8590c", width=2), showlegend=False),
    ]
    layout = dict(title=dict(text=title, font=dict(size=12), x=0, xanchor="left"), width=260, height=220,
                  margin=dict(l=30, r=10, t=30, b=20), plot_bgcolor="white", uirevision="curve")
    return go.Figure(dict(data=traces, layout=layout), _validate=False)
