"""Optimizers on a surface: real torch.optim optimizers walking a 2-d test function, played step by step: Play,
Pause, Step, a scrubber over the steps walked, and a click on the chart to start somewhere else."""

import math
import time

import streamlit as st

from components.code_panel import code_panel
from components.surface_chart import surface_chart
from components.surface_racers import TEXT, racer_picker, racer_settings
from components.url_state import publish, restore, values
from core.messages import MSG
from core.surface.codegen import surface_snippet
from core.surface.chart_data import paths_chart, values_chart
from core.surface.functions import FUNCTIONS
from core.surface.params import PARAMS, picked_point, settle, start_at
from core.surface.racers import parse_racers
from core.surface.trajectories import Walk, up_to, walk_until

PAGE = "surface"
TICK_SECONDS = 0.2  # a redraw while playing: five a second
FRAMES = 50  # a walk of any length plays in about this many redraws (ten seconds)
WALK_SECONDS = 0.1  # a run walks the racers about this long at most; a long walk goes on in the next runs
CHART = "surface.chart.contour"
SCRUBBER = "surface.scrubber"

lang = st.session_state.get("lang", "en")
st.title(MSG["surface_title"](lang))
restore(PAGE, PARAMS, lang, settle)
key = lambda name: f"{PAGE}.{name}"  # noqa: E731
function = FUNCTIONS[st.session_state[key("function")]]


def _clicked() -> None:
    """A click on the paths chart (its callback runs before the page): the start goes there."""
    point = picked_point((st.session_state.get(CHART) or {}).get("click"))
    if point:
        clicked_on = FUNCTIONS[st.session_state[key("function")]]
        st.session_state[key("x")], st.session_state[key("y")] = start_at(point, clicked_on)


racers = parse_racers(st.session_state[TEXT], lang)[0]  # the page's own text: nothing in it is left out

row = st.columns([3, 2, 1, 1, 1])
row[0].selectbox(MSG["surface_function"](lang), list(FUNCTIONS), key=key("function"), format_func=lambda n: FUNCTIONS[n].title(lang))
if function.options:
    row[1].slider("condition", 1.0, 100.0, key=key("condition"), help=function.options[0].label(lang))
row[2].number_input("x", -10.0, 10.0, key=key("x"), step=0.1, format="%g")
row[3].number_input("y", -10.0, 10.0, key=key("y"), step=0.1, format="%g")
row[4].number_input(MSG["surface_steps"](lang), 1, 500, key=key("steps"), step=10)
picker, play_column, step_column = st.columns([6, 1, 1], vertical_alignment="bottom")
with picker:
    racer_picker(racers, lang)
racer_settings(racers)
if not racers:
    st.info(MSG["surface_pick_one"](lang))

settings = values(PAGE, PARAMS)
steps = settings["steps"]
options = {"condition": settings["condition"]} if function.options else {}
signature = (function.name, tuple(options.items()), settings["x"], settings["y"], tuple(map(str, racers)), steps)
if st.session_state.get("surface.signature") != signature:  # new settings: walk again, play it from the start
    st.session_state["surface.walks"] = [Walk(function, (settings["x"], settings["y"]), r, steps, options) for r in racers]
    st.session_state["surface.signature"] = signature
    st.session_state["surface.shown"] = st.session_state["surface.walked"] = 0
    st.session_state["surface.playing"] = bool(racers)
walks = st.session_state["surface.walks"]
playing, shown = st.session_state["surface.playing"], st.session_state["surface.shown"]
walking = not all(walk.done for walk in walks)  # a long walk goes on while paused, and its end redraws the page


def _play(on: bool) -> None:
    """Play on from the step shown (from step 0 once every path is drawn), or pause. Sets the state it names, so a
    repeated click cannot undo itself."""
    if on and st.session_state["surface.shown"] >= st.session_state[key("steps")]:
        st.session_state["surface.shown"] = 0
    st.session_state["surface.playing"] = on


def _show(step: int) -> None:
    """Pause with the paths drawn up to `step`, at most the steps walked so far (Step and the scrubber)."""
    st.session_state["surface.playing"] = False
    st.session_state["surface.shown"] = max(0, min(step, st.session_state["surface.walked"]))


play_column.button(MSG["surface_pause" if playing else "surface_play"](lang), key=key("play"), type="primary",
                   on_click=_play, args=(not playing,), disabled=not walks, width="stretch")
step_column.button(MSG["surface_step"](lang), key=key("step"), on_click=_show, args=(shown + 1,),
                   disabled=not walks or shown >= steps, width="stretch")
query = publish(PAGE, PARAMS, lang)


@st.fragment(run_every=TICK_SECONDS if playing or walking else None)
def paths() -> None:
    """Walk on (a long walk takes several runs), move the drawing on while playing, and draw every path up to the
    step shown, with the scrubber that picks that step."""
    walked = st.session_state["surface.walked"] = walk_until(walks, time.perf_counter() + WALK_SECONDS)
    now = st.session_state["surface.shown"]
    if st.session_state["surface.playing"]:
        now = st.session_state["surface.shown"] = min(now + math.ceil(steps / FRAMES), walked)
        st.session_state["surface.playing"] = now < steps
    start = (st.session_state[key("x")], st.session_state[key("y")])
    changed = (st.session_state["surface.playing"], not all(w.done for w in walks), start)
    if changed != (playing, walking, (settings["x"], settings["y"])):
        st.rerun(scope="app")  # paused, played out, walked or clicked here: the buttons, code and start follow
    for walk in walks:  # a racer that stops mid-walk is said at once
        if walk.trajectory.status != "ok":
            st.warning(f"{walk.trajectory.racer.label}: {walk.trajectory.explain(lang)}")
    partial = [up_to(w.trajectory, now) for w in walks]
    st.session_state[SCRUBBER] = now
    left, right = st.columns([5, 8])
    with left:
        # moved by the page while playing, so held still then: a browser echoing a value set a tick ago would
        # otherwise read as a drag, and pause the walk
        st.slider(MSG["surface_scrubber"](lang), 0, steps, key=SCRUBBER, help=MSG["surface_scrubber_help"](lang),
                  on_change=lambda: _show(st.session_state[SCRUBBER]), disabled=playing or not walks)
        text = dict(title=MSG["surface_values_title"](lang), step=MSG["lab_axis_step"](lang))
        surface_chart(values_chart(partial, steps, text), key="surface.chart.values", height=330)
        st.caption(function.note(lang))
    with right:
        text = dict(title=MSG["surface_contour_title"](lang, function=function.title(lang)),
                    minimum=MSG["surface_minimum"](lang), saddle=MSG["surface_saddle_point"](lang),
                    start=MSG["surface_start_marker"](lang), hint=MSG["surface_click_hint"](lang),
                    step=MSG["lab_axis_step"](lang), colorbar="log10(1 + f)" if function.log_levels else "f")
        surface_chart(paths_chart(function, partial, options, text), key=CHART, height=480, on_click=_clicked)


paths()
st.caption(MSG["surface_intro"](lang))
code, printed = surface_snippet(function, (settings["x"], settings["y"]), racers, steps, options, [w.trajectory for w in walks])
if walking:  # the page reruns in full when the walk ends
    printed = None
    st.caption(MSG["surface_walking"](lang))
code_panel(code, printed, query, lang)
