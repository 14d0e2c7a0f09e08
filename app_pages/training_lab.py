"""Training lab: a tiny model, several optimizers racing from the same start on the same batches, live."""

import time

import streamlit as st

from components.heatmap import heatmap
from components.loss_views import chosen_view
from components.race_state import PACER, current_race, reset
from components.racer_panels import racer_panels
from components.script_output import script_block
from components.url_state import publish, restore, values
from core.figures import tensor_figure
from core.messages import MSG
from core.page_params import BadParam
from core.training.boundary import decision_grid, prediction_curve
from core.training.config import RaceConfig, config_problems
from core.training.datasets import DATASETS
from core.training.lab_figures import boundary_figure, curve_figure
from core.training.lab_params import PARAMS, SPEEDS, parse_racers, settle
from core.training.optimizer_state import optimizer_state
from core.training.optimizers import OPTIMIZERS
from core.training.palette import racer_colour
from core.training.results import results_table

PAGE = "train"
BOUNDARY_GRID = 40
BOUNDARY_SECONDS = 1.5
FLUSH_SECONDS = 0.02  # see arena()
# up to 4 racers: two 192 px boundary charts a row beside the loss chart; more: three of 150 px (plotly's narrowest)
# in a wider column. At 1440x900 two rows fit on the first screen.
FEW_RACERS = 4

lang = st.session_state.get("lang", "en")
st.title(MSG["lab_title"](lang))
st.caption(MSG["lab_intro"](lang))
restore(PAGE, PARAMS, lang, settle)
key = lambda name: f"{PAGE}.{name}"  # noqa: E731

# the race's shared settings fold away, so Play, the loss chart and the boundaries fit on the first screen
with st.expander(MSG["lab_settings"](lang), expanded=False):
    data_col, model_col, budget_col = st.columns(3)
    with data_col:
        st.markdown(f"##### {MSG['lab_data'](lang)}")
        st.selectbox("dataset", list(DATASETS), key=key("dataset"), format_func=lambda n: DATASETS[n].title(lang))
        max_noise = DATASETS[st.session_state[key("dataset")]].max_noise
        st.session_state[key("noise")] = min(st.session_state[key("noise")], max_noise)  # after a dataset switch; a link's is settled
        st.slider("noise", 0.0, max_noise, key=key("noise"), step=0.01)
        st.number_input("n_points", 10, 2000, key=key("n_points"), step=50)
    with model_col:
        st.markdown(f"##### {MSG['lab_model'](lang)}")
        st.slider("hidden_layers", 0, 4, key=key("hidden_layers"))
        st.slider("width", 1, 32, key=key("width"))
        st.radio("activation", ["ReLU", "Tanh", "Sigmoid"], key=key("activation"), horizontal=True)
        st.selectbox("loss", [p.choices for p in PARAMS if p.name == "loss"][0], key=key("loss"))
    with budget_col:
        st.markdown(f"##### {MSG['lab_budget'](lang)}")
        st.number_input("steps", 1, 2000, key=key("steps"), step=50)
        st.number_input("batch_size", 1, 2000, key=key("batch_size"), step=8)
        st.number_input("seed", 0, 2**31 - 1, key=key("seed"))
stage = st.container()  # the controls and the race, drawn once the race exists, above the racers' panels

st.markdown(f"##### {MSG['lab_racers'](lang)}")
st.text_input("racers", key=key("racers"), help=MSG["lab_racers_help"](lang))


def _add_racer() -> None:
    """Callback (it runs before the racers box is drawn, so it may rewrite it): append the picked optimizer."""
    spec = OPTIMIZERS[st.session_state[key("add")]]
    lr = spec.start_values()[spec.lr_name]
    st.session_state[key("racers")] = f"{st.session_state[key('racers')]};{spec.name}:{spec.lr_name}={lr:g}".strip(";")


add_col, button_col = st.columns([3, 1], vertical_alignment="bottom")
add_col.selectbox(MSG["lab_add"](lang), list(OPTIMIZERS), key=key("add"), format_func=lambda n: OPTIMIZERS[n].label)
button_col.button(MSG["lab_add_button"](lang), key=key("add_button"), on_click=_add_racer)

settings = values(PAGE, PARAMS)
try:
    racers = parse_racers(settings["racers"], lang)
except BadParam as exc:
    st.error(str(exc))
    st.stop()
racer_panels(racers, lang)
seed = settings["seed"]
config = RaceConfig(
    dataset=settings["dataset"], n_points=settings["n_points"], noise=settings["noise"], data_seed=seed,
    hidden_layers=settings["hidden_layers"], width=settings["width"], activation=settings["activation"],
    loss=settings["loss"], batch_size=settings["batch_size"], steps=settings["steps"], init_seed=seed,
    batch_seed=seed,
)
problems = config_problems(config, racers, lang)
if problems:
    for problem in problems:
        st.error(problem)
    st.stop()
race = current_race(config, racers, lang)
query = publish(PAGE, PARAMS, lang)


def _press(action: str, click: int) -> None:
    """Button callbacks run before the page, so the Play / Pause label is right in the same run. Streamlit may run a
    click's callback a second time when a tick interrupts the run (seen in a browser with 0.25 s ticks), so each one
    is safe to repeat: Play and Pause set the state they name instead of toggling, and Step and Reset carry the number
    of the click they were drawn for, which the page handles once."""
    st.session_state["train.action"] = (action, click)
    st.session_state["train.playing"] = action == "play"


def _carry_out(race):
    """Carry out a Step or Reset click, once (in the page's run, or in the controls' own fragment run). The race
    after it (a new one after Reset), and whether a click was carried out."""
    action, click = st.session_state.pop("train.action", (None, None))
    clicks = st.session_state.setdefault("train.clicks", 0)  # clicks handled so far
    if click != clicks or action not in ("step", "reset"):
        return race, False
    st.session_state["train.clicks"] = clicks + 1
    if action == "reset":
        return reset(config, racers, lang), True
    race.step()
    return race, True


race = _carry_out(race)[0]
if race.done:
    st.session_state["train.playing"] = False
playing = st.session_state.get("train.playing", False)
view = chosen_view()


def _controls() -> None:
    """Play / Pause, Step, Reset and the speed. They live in the arena's fragment, so a click reruns only the
    fragment and Pause stops the chart at once; a click that changes more than the chart then reruns the page."""
    clicks = st.session_state.setdefault("train.clicks", 0)
    now_playing = st.session_state.get("train.playing", False)
    controls = st.columns([1, 1, 1, 3], vertical_alignment="bottom")
    # two buttons in one place, each with its own key: a click that Streamlit replays in the next run (it does when
    # a tick interrupts that run) is then the same click again, not a click on the other button
    action = "pause" if now_playing else "play"
    controls[0].button(MSG[f"lab_{action}"](lang), type="primary", key=key(action), on_click=_press,
                       args=(action, clicks), disabled=race.done)
    controls[1].button(MSG["lab_step"](lang), key=key("step_once"), on_click=_press, args=("step", clicks),
                       disabled=race.done)
    controls[2].button(MSG["lab_reset"](lang), key=key("reset"), on_click=_press, args=("reset", clicks))
    controls[3].select_slider(MSG["lab_speed"](lang), SPEEDS, key=key("speed"), help=MSG["lab_speed_help"](lang))


@st.fragment(run_every=view.tick_seconds if playing else None)
def arena() -> None:
    """The controls; advance the race a few steps (while playing), within a small time budget, and extend the loss
    chart. A run that a click started (not a tick) reruns the page after drawing, so everything else follows."""
    # a Step or Reset clicked here (a full run of the page has carried it out already)
    after, carried_out = _carry_out(race)
    if after is not race:
        st.rerun(scope="app")  # Reset: the page draws the new race
    _controls()
    if st.session_state.get("train.playing"):
        start = time.perf_counter()  # the races playing on this server share its time (components/race_state.py)
        deadline = start + PACER.grant(id(race), view.budget_seconds)
        for _ in range(settings["speed"]):
            if time.perf_counter() >= deadline:
                break
            if race.step() is None:
                st.session_state["train.playing"] = False
                PACER.spend(id(race), time.perf_counter() - start)
                st.rerun(scope="app")  # the Play button turns back into Play
        PACER.spend(id(race), time.perf_counter() - start)
    st.progress(race.step_count / config.steps, MSG["lab_progress"](lang, step=race.step_count, steps=config.steps))
    view.draw(race, lang, "train.chart.losses", playing=st.session_state.get("train.playing", False),
              pause_key=key("pause"))
    if not race.step_count:  # below the chart: an element appearing above it would move it, and redraw it blank
        st.caption(MSG["lab_not_started"](lang))
    clicked = carried_out or st.session_state.get("train.playing", False) != playing \
        or st.session_state[key("speed")] != settings["speed"]
    if st.session_state.get("train.playing") or clicked:
        # Let the server's event loop send this run before the next one starts: a fragment run that starts
        # while its last run's messages are still queued drops them (measured: 0.9 chart updates a second
        # reached the browser without this pause, 3.2 with it).
        time.sleep(FLUSH_SECONDS)
    if clicked:
        st.rerun(scope="app")  # Play, Pause, Step or the speed: the boundaries, table, link and ticking follow


@st.fragment(run_every=BOUNDARY_SECONDS if playing else None)
def learned() -> None:
    """Each racer's decision boundary (or regression curve) in the racer's colour, redrawn less often than the
    losses: it costs more. Smaller and three to a row past FEW_RACERS racers."""
    st.markdown(f"###### {MSG['lab_boundaries'](lang)}")
    per_row, size = (2, 192) if len(race.racers) <= FEW_RACERS else (3, 150)
    columns = st.columns(per_row)
    for index, state in enumerate(race.racers):
        with columns[index % per_row]:
            if race.task == "regression":
                shape = prediction_curve(race, index, lang=lang)
            else:
                shape = decision_grid(race, index, BOUNDARY_GRID, lang)
            if isinstance(shape, str):
                st.caption(shape)
                break
            build = curve_figure if race.task == "regression" else boundary_figure
            heatmap(build(shape, race.data, state.name, racer_colour(index), size), key=f"train.chart.boundary.{index}")
            if state.note and state.status != "running":
                st.caption(state.note)


@st.fragment(run_every=BOUNDARY_SECONDS if playing else None)
def results() -> None:
    """The results table, kept current while the race plays."""
    st.markdown(f"##### {MSG['lab_results'](lang)}")
    st.dataframe(results_table(race, lang), hide_index=True)


with stage:  # the controls, the losses and what they mean, side by side
    chart_column, learned_column = st.columns([11, 9] if len(race.racers) <= FEW_RACERS else [1, 1])
    with chart_column:
        arena()
    with learned_column:
        learned()
results()
history = [(r.step, state.name, loss) for r in race.history for state, loss in zip(race.racers, r.train_loss)]
st.download_button(MSG["lab_download"](lang), "step,racer,train_loss\n" + "".join(f"{s},{n},{l}\n" for s, n, l in history),
                   file_name="race_history.csv", mime="text/csv")

st.markdown(f"##### {MSG['lab_inspector'](lang)}")
pick_racer, pick_param = st.columns(2)
index = pick_racer.selectbox(MSG["lab_inspect_racer"](lang), range(len(race.racers)), format_func=lambda i: race.racers[i].name,
                             key=key("inspect_racer"))
name = pick_param.selectbox(MSG["lab_inspect_param"](lang), race.param_names, key=key("inspect_param"))
state = optimizer_state(race, index, name, lang)
if isinstance(state, str):
    st.caption(state)
else:
    shown = [(n, t) for n, t in state.items() if t is not None and t.dim() <= 3 and t.numel() <= 1024]
    for column, (entry, tensor) in zip(st.columns(max(len(shown), 1)), shown):
        with column:
            heatmap(tensor_figure(tensor.float(), entry), key=f"train.chart.state.{entry}")
    if len(shown) <= 2:
        st.caption(MSG["lab_no_state"](lang))

st.markdown(f"##### {MSG['lab_script'](lang)}")
script_block(race, index, query, lang)
