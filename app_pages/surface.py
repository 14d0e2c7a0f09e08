"""Optimizers on a surface: trajectories of real torch.optim optimizers on 2-d test functions, step by step."""

import streamlit as st

from components.code_panel import code_panel
from components.heatmap import heatmap
from components.url_state import publish, restore, values
from core.messages import MSG
from core.surface.codegen import surface_snippet
from core.surface.figures import surface_figure, values_figure
from core.surface.functions import FUNCTIONS
from core.surface.params import PARAMS, SURFACE_OPTIMIZERS, parse_names, surface_racers
from core.surface.trajectories import run_race, up_to

PAGE = "surface"
REVEAL_PER_TICK = 8  # steps added to the drawing per tick while playing

lang = st.session_state.get("lang", "en")
st.title(MSG["surface_title"](lang))
st.caption(MSG["surface_intro"](lang))
restore(PAGE, PARAMS, lang)
key = lambda name: f"{PAGE}.{name}"  # noqa: E731

left, middle, right = st.columns(3)
left.selectbox(MSG["surface_function"](lang), list(FUNCTIONS), key=key("function"), format_func=lambda n: FUNCTIONS[n].title(lang))
function = FUNCTIONS[st.session_state[key("function")]]
if function.options:
    left.slider("condition", 1.0, 100.0, key=key("condition"), help=function.options[0].label(lang))
middle.number_input("x", -10.0, 10.0, key=key("x"), step=0.1, format="%g")
middle.number_input("y", -10.0, 10.0, key=key("y"), step=0.1, format="%g")
right.select_slider("lr", [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0], key=key("lr"))
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
    st.session_state["surface.trajectories"] = run_race(function, (settings["x"], settings["y"]), racers, settings["steps"], options)
    st.session_state["surface.signature"] = signature
    st.session_state["surface.shown"] = 0
    st.session_state["surface.playing"] = bool(racers)
trajectories = st.session_state["surface.trajectories"]
query = publish(PAGE, PARAMS, lang)
for trajectory in trajectories:
    if trajectory.status != "ok":
        st.warning(f"{trajectory.racer.label}: {trajectory.explain(lang)}")


@st.fragment(run_every=0.5 if st.session_state.get("surface.playing") else None)
def paths() -> None:
    """Reveal the paths a few steps at a time, as if they were being walked now."""
    shown = st.session_state["surface.shown"]
    if st.session_state.get("surface.playing"):
        shown = st.session_state["surface.shown"] = min(shown + REVEAL_PER_TICK, settings["steps"])
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
code_panel(*surface_snippet(function, (settings["x"], settings["y"]), racers, settings["steps"], options, trajectories), query, lang)
