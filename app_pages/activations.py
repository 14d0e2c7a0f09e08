"""Activations: each catalog entry's curve and autograd slope, softmax on an editable grid, and softmax's stability."""

import pandas as pd
import streamlit as st

from components import url_state
from components.code_panel import code_panel
from components.heatmap import heatmap
from components.url_tabs import url_tabs
from core.activations import curves as sweeps, softmax_grid as grid, stability as stab
from core.activations.catalog import ACTIVATIONS
from core.activations.curve_figure import curve_figure
from core.activations.params import MAX_X_RANGE, PAGE, PARAMS, TABS
from core.figures import tensor_figure
from core.grid_frames import from_frames, to_frames
from core.messages import MSG

COLUMN_PX = 64  # fixed, so a browser test can compute where a cell is
lang = st.session_state.get("lang", "en")
st.title(MSG["act_title"](lang))
st.caption(MSG["act_intro"](lang))
url_state.restore(PAGE, PARAMS, lang)
curves_tab, grid_tab, stability_tab = url_tabs(PAGE, {name: MSG[f"act_tab_{name}"](lang) for name in TABS})


def load_preset(matrix) -> None:
    """Callback: show a preset's matrix in a fresh editor."""
    st.session_state["act.input"] = matrix
    st.session_state["act.grid"]["matrix"] = None


def grid_editor():
    """The softmax input editor; a link, a preset or a lost editor state (back from another page) rebuilds it.

    `act.input` (the URL's matrix) follows the grid's last valid contents; `act.grid` remembers what the editor was
    built from (`base`), the matrix it last held (`matrix`), and a `version` that renews the editor's key."""
    state = st.session_state.setdefault("act.grid", {"matrix": None, "base": None, "version": 0})
    wanted = st.session_state["act.input"]
    lost = f"act.editor.v{state['version']}" not in st.session_state and state["base"] != wanted
    if state["matrix"] != wanted or lost:
        state.update(matrix=wanted, base=wanted, version=state["version"] + 1)
    frame = to_frames(grid.grid_text(grid.as_rows(state["base"])))[0]
    config = {c: st.column_config.TextColumn(c, width=COLUMN_PX) for c in frame.columns}
    edited = st.data_editor(frame, key=f"act.editor.v{state['version']}", column_config=config, num_rows="dynamic")
    tensor, problems = grid.read_grid(from_frames([edited], 2), lang)
    if tensor is not None:
        state["matrix"] = st.session_state["act.input"] = grid.matrix_of(tensor)
    return tensor, problems


with curves_tab:
    controls = st.columns([2, 3, 2])
    controls[0].selectbox(MSG["act_activation"](lang), list(ACTIVATIONS), key="act.activation")
    controls[1].slider(MSG["act_x_range"](lang), 1, MAX_X_RANGE, key="act.x_range", help=MSG["act_x_range_help"](lang))
    controls[2].toggle(MSG["act_compare"](lang), key="act.compare")
    # One screen per interaction: the curves right below the controls, what they mean beside them (below on a phone)
    curve_column, verdict_column = st.columns([3, 1])
with grid_tab:
    for column, preset in zip(st.columns(len(grid.PRESETS)), grid.PRESETS):
        column.button(preset.title(lang), key=f"act.preset.{preset.key}", on_click=load_preset, args=(preset.input,))
    # the grid and its controls on the left, the probabilities beside them, so an edit and its effect share a screen
    grid_controls, grid_results = st.columns([2, 3])
    with grid_controls:
        controls = st.columns(2)
        controls[0].radio("dim", grid.DIMS, key="act.dim", horizontal=True, help=MSG["act_dim_help"](lang))
        controls[1].select_slider(MSG["act_temperature"](lang), grid.TEMPERATURES, key="act.temperature")
        if one_row := grid.one_row_words(st.session_state["act.input"], lang):
            st.info(one_row)
        grid_input, grid_problems = grid_editor()
with stability_tab:
    st.caption(MSG["act_stability_intro"](lang))
    controls = st.columns([3, 2])
    controls[0].slider(MSG["act_offset"](lang), -stab.OFFSET_LIMIT, stab.OFFSET_LIMIT, key="act.offset")
    controls[1].radio("dtype", stab.STABILITY_DTYPES, key="act.dtype", horizontal=True)
state = url_state.values(PAGE, PARAMS)
query = url_state.publish(PAGE, PARAMS, lang)

with curves_tab:
    entry = ACTIVATIONS[state["activation"]]
    shown = ACTIVATIONS if state["compare"] else {entry.name: entry}
    curves = {name: sweeps.curve(other, state["x_range"]) for name, other in shown.items()}
    titles = (MSG["act_axis_f"](lang), MSG["act_axis_slope"](lang))
    curve_column.plotly_chart(curve_figure(curves, entry.name, titles, MSG["act_shade_label"](lang)), key="act.curves")
    sweep = curves[entry.name]
    with verdict_column:
        if entry.curve_note:  # what the curve of a not element-wise activation is, next to it
            st.info(entry.curve_note(lang))
        if vanishing := sweeps.vanishing_words(sweep, entry.name, state["x_range"], lang):
            st.info(vanishing)
        else:
            st.success(MSG["act_no_vanishing"](lang, name=entry.name, range=state["x_range"]))
    st.markdown(f"**`nn.{entry.name}`** · `{entry.function}` · {MSG['act_output_range'](lang, range=entry.output_range)}")
    st.caption(entry.summary(lang))
    st.markdown(f"**{MSG['act_samples'](lang)}**")
    samples = pd.DataFrame(sweeps.sample_rows(sweep), columns=["x", "f(x)", "f'(x)"])
    st.dataframe(samples, hide_index=True, width="content")
    code_panel(sweeps.curve_snippet(entry, state["x_range"]), sweeps.curve_printed(sweep), query, lang)

with grid_tab:
    st.caption(MSG["act_grid_intro"](lang))  # below the grid and the results: it explains them
    if grid_input is None:
        grid_results.error(MSG["act_grid_errors"](lang) + "\n" + "\n".join(f"- {p}" for p in grid_problems))
    else:
        dim, temperature = state["dim"], state["temperature"]
        outcome = grid.softmax_grid(grid_input, dim, temperature)
        with grid_results:
            st.markdown(grid.sums_words(dim, lang))
            heatmap(tensor_figure(outcome.result, "result", zrange=(0.0, 1.0), marked_dim=dim), key="act.result")
            heatmap(tensor_figure(outcome.sums, f"result.sum(dim={dim})", zrange=(0.0, 1.0)), key="act.sums")
        code_panel(grid.softmax_snippet(grid_input, dim, temperature), grid.softmax_printed(outcome), query, lang)

with stability_tab:
    outcome = stab.stability(state["offset"], state["dtype"])
    st.dataframe(pd.DataFrame(stab.stability_table(outcome)).T, width="content")
    verdict = stab.stability_verdict(outcome, state["dtype"], lang)
    if outcome.naive_fails:
        st.warning(verdict)
    else:
        st.success(verdict)
    code_panel(stab.stability_snippet(outcome), stab.stability_printed(outcome), query, lang)
