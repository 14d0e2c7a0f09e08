"""Optimizers on a surface: trajectories of real torch.optim optimizers on 2-d test functions, step by step."""

import time

import streamlit as st

from components.code_panel import code_panel
from components.heatmap import heatmap
from components.url_state import publish, restore, values
from core.messages import MSG
from core.surface.codegen import surface_snippet
from core.surface.figures import surface_figure, values_figure
from core.surface.functions import FUNCTIONS
from core.surface.params import PARAMS, SURFACE_OPTIMIZERS, lr_steps, parse_names, settle, surface_racers
from core.surface.trajectories import Walk, up_to, walk_until

PAGE = "surface"
REVEAL_PER_TICK = 8  # steps added to the drawing per tick while playing
WALK_SECONDS = 0.2  # a run walks the racers about this long at most; a long walk goes on in the next ticks

lang = st.session_state.get("lang", "en")
st.title(MSG["surface_title"](lang))
st.caption(MSG["surface_intro"](lang))
restore(PAGE, PARAMS, lang, settle)
key = lambda name: f"{PAGE}.{name}"  # noqa: E731

left, middle, right = st.columns(3)
left.selectbox(MSG["surface_function"](lang), list(FUNCTIONS), key=key("function"), format_func=lambda n: FUNCTIONS[n].title(lang))
function = FUNCTIONS[st.session_state[key("function")]]
if function.options:
    left.slider("condition", 1.0, 100.0, key=key("condition"), help=function.options[0].label(lang))
middle.number_input("x", -10.0, 10.0, key=key("x"), step=0.1, format="%g")
middle.number_input("y", -10.0, 10.0, key=key("y"), step=0.1, format="%g")
right.select_slider("lr", lr_steps(st.session_state[key("lr")]), key=key("lr"))
right.slider("momentum", 0.0, 0.99, key=key("momentum"), step=0.01)
right.number_input(MSG["surface_steps"](lang), 1, 500, key=key("steps"), step=10)
chosen = parse_names(st.session_state[key("optimizers")])
picked = st.multiselect("optimizers", SURFACE_OPTIMIZERS, default=chosen or ["SGD"], key=key("picked"))
st.session_state[key("optimizers")] = ",".join(picked)

settings = values(PAGE, PARAMS)
options = {"condition": settings["condition"]} if function.options else {}
racers = surface_racers(picked, settings["lr"], settings["momentum"])
signature = (function.name, tuple(options.items()), settings["x"], settings["y"], tuple(map(str, racers)), settings["steps"])
if st.session_state.get("surface.signature") != signature:  # new settings: race again, show it from the start
    st.session_state["surface.walks"] = [Walk(function, (settings["x"], settings["y"]), r, settings["steps"], options) for r in racers]
    st.session_state["surface.signature"] = signature
    st.session_state["surface.shown"] = 0
    st.session_state["surface.playing"] = bool(racers)
walks = st.session_state["surface.walks"]
trajectories = [walk.trajectory for walk in walks]
query = publish(PAGE, PARAMS, lang)


@st.fragment(run_every=0.5 if st.session_state.get("surface.playing") else None)
def paths() -> None:
    """Walk on (a long walk takes several runs) and reveal the paths a few steps at a time, as if they were being
    walked now."""
    walked = walk_until(walks, time.perf_counter() + WALK_SECONDS)
    for trajectory in trajectories:  # a racer that stops mid-walk is said at once
        if trajectory.status != "ok":
            st.warning(f"{trajectory.racer.label}: {trajectory.explain(lang)}")
    shown = st.session_state["surface.shown"]
    if st.session_state.get("surface.playing"):
        shown = st.session_state["surface.shown"] = min(shown + REVEAL_PER_TICK, walked)
        if shown >= settings["steps"]:
            st.session_state["surface.playing"] = False
            st.rerun(scope="app")
    partial = [up_to(t, shown) for t in trajectories]
    marks = (MSG["surface_minimum"](lang), MSG["surface_saddle_point"](lang), MSG["surface_start_marker"](lang))
    contour, curve = st.columns([3, 2])
    with contour:
        title = MSG["surface_contour_title"](lang, function=function.title(lang))
        heatmap(surface_figure(function, partial, title, marks, options), key="surface.chart.contour")
    with curve:
        heatmap(values_figure(partial, MSG["surface_values_title"](lang), MSG["lab_axis_step"](lang)), key="surface.chart.values")
        st.progress(shown / settings["steps"], f"{shown} / {settings['steps']}")
        st.caption(function.note(lang))


paths()
code, printed = surface_snippet(function, (settings["x"], settings["y"]), racers, settings["steps"], options, trajectories)
if not all(walk.done for walk in walks):  # the page reruns in full when the walk ends
    printed = None
    st.caption(MSG["surface_walking"](lang))
code_panel(code, printed, query, lang)
