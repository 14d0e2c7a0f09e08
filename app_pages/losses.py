"""Losses: edit predictions and targets, pick a loss and its reduction; see per-element losses, curves, outliers."""

import streamlit as st
import torch

from components.code_panel import code_panel
from components.heatmap import heatmap
from components.url_state import publish, restore
from components.url_tabs import url_tabs
from core.grid import resize, shape_of
from core.grid_frames import from_frames, to_frames
from core.limits import MAX_DIM_SIZE
from core.losses.catalog import LOSSES, REGRESSION_LOSSES
from core.losses.codegen import outlier_printed, outlier_snippet, printed, snippet
from core.losses.curves import OUTLIER_INPUT, curve_notes, loss_curve, outlier_effect, outlier_target
from core.losses.figures import curve_figure, outlier_figure, per_element_figure
from core.losses.grids import fresh_grid, parse_shape, read_grid, shape_text
from core.losses.params import CURVE_TARGET_RANGE, OUTLIER_RANGE, loss_in, matching_preset, page_params
from core.losses.params import TABS, preset_values
from core.losses.run import LossOutcome, run_loss
from core.losses.spec import REDUCTIONS, TENSOR_DTYPES
from core.losses.table import side_by_side
from core.messages import MSG
from core.text import said, shown

PAGE = "losses"
CHART_CONFIG = {"displayModeBar": False}
ss = st.session_state
lang = ss.get("lang", "en")


def load_example(first: bool) -> None:
    """Callback of the loss picker (its first example) and of the example picker (the chosen one)."""
    spec = LOSSES[ss["losses.loss"]]
    if not first and not ss["losses.preset"]:
        return  # "(your edits)" is what is already on screen
    preset = spec.presets[0] if first else spec.preset(ss["losses.preset"])
    for name, value in preset_values(spec, preset).items():
        ss[f"losses.{name}"] = value


def tensor_grid(name: str) -> torch.Tensor | None:
    """The dtype, shape and cells of `input` or `target`; the tensor they hold (None while a cell is bad). A preset
    or a link that brings other values rebuilds the editor; typing never does, so the grid keeps what was typed."""
    values, grid = ss[f"losses.{name}"], ss.get(f"losses.grid.{name}")
    if grid is None or grid["values"] != values:
        grid = ss[f"losses.grid.{name}"] = fresh_grid(values, ss[f"losses.{name}_dtype"], grid)
        ss[f"losses.{name}_shape"] = shape_text(grid["base"])
    ss.setdefault(f"losses.{name}_shape", shape_text(grid["current"]))  # dropped by a trip to another page
    if f"losses.editor.{name}.{grid['version']}" not in ss and grid["current"] != grid["base"]:
        grid.update(base=grid["current"], version=grid["version"] + 1)  # back from another page: keep the edits
    st.markdown(f"##### `{name}`")
    left, right = st.columns(2)
    left.selectbox(MSG["dtype"](lang), TENSOR_DTYPES, key=f"losses.{name}_dtype")
    typed = right.text_input(MSG["loss_shape"](lang), key=f"losses.{name}_shape", help=MSG["loss_shape_help"](lang))
    shape = parse_shape(typed)
    if shape is None:
        st.error(MSG["loss_bad_shape"](lang, name=name, text=shown(typed), max=MAX_DIM_SIZE))
    elif shape != shape_of(grid["current"]):
        grid.update(base=resize(grid["current"], shape), version=grid["version"] + 1)
    frame = to_frames(grid["base"])[0]
    config = {column: st.column_config.TextColumn(column, width=64) for column in frame.columns}
    edited = st.data_editor(frame, key=f"losses.editor.{name}.{grid['version']}", column_config=config, width="content")
    grid["current"] = from_frames([edited], len(shape_of(grid["base"])))
    read = read_grid(grid["current"], ss[f"losses.{name}_dtype"], name, lang)
    for problem in read.problems:
        st.error(problem)
    if read.values is not None:
        ss[f"losses.{name}"] = grid["values"] = read.values
    return read.tensor


def show_outcome(outcome: LossOutcome, input, target) -> None:
    """torch's warnings and refusal explained, or the per-element heatmap, the reduced value and the side-by-side."""
    for warning in outcome.warnings:
        st.warning(MSG["loss_warning"](lang, text=warning))
    if outcome.error:
        st.error(outcome.error.describe(lang))
    if outcome.per_element is None:
        return
    st.markdown(f"##### {MSG['loss_per_element'](lang)}")
    left, right = st.columns([3, 1])
    with left:
        heatmap(per_element_figure(outcome.per_element, MSG["loss_heatmap_name"](lang)), key="losses.chart.per_element")
    if reduction != "none" and outcome.reduced is not None:
        right.metric(MSG["loss_reduced"](lang, reduction=reduction), f"{outcome.reduced.item():.6g}")
    total = f"{outcome.per_element.sum().item():.6g}"
    count = spec.count_for_mean(outcome.per_element, target, args)
    right.caption(MSG["loss_reduced_sum"](lang, elements=outcome.per_element.numel(), total=total, count=count))
    table = side_by_side(spec, input, target, outcome, lang)
    if table is not None:
        st.markdown(f"##### {MSG['loss_side_by_side'](lang)}")
        st.dataframe(table, hide_index=True, width="content")


restore(PAGE, page_params(loss_in(st.query_params.to_dict(), ss.get("losses.loss"))), lang)
spec = LOSSES[ss["losses.loss"]]
st.title(MSG["loss_title"](lang))
top = st.columns([3, 4, 3] + [2] * len(spec.args))
top[0].selectbox(MSG["loss_loss"](lang), list(LOSSES), key="losses.loss", on_change=load_example, args=(True,))
top[2].radio("reduction", REDUCTIONS, key="losses.reduction", horizontal=True, help=MSG["loss_reduction_help"](lang))
for column, arg in zip(top[3:], spec.args):
    low, high, step = (int(arg.minimum), int(arg.maximum), 1) if arg.integer else (arg.minimum, arg.maximum, 0.1)
    column.number_input(arg.name, low, high, step=step, key=f"losses.{arg.name}", help=arg.help(lang))
st.caption(spec.summary(lang))
# a caption, not a box: the per-element losses below the grids then stay on the first screen at 1440x900
st.caption(f"**{MSG['loss_input_rule'](lang)}{MSG['colon'](lang)}** {spec.input_rule(lang)}")
reduction, args = ss["losses.reduction"], {arg.name: ss[f"losses.{arg.name}"] for arg in spec.args}
values_tab, curves_tab, outlier_tab = url_tabs(PAGE, {name: MSG[f"loss_tab_{name}"](lang) for name in TABS})

with values_tab:
    input_column, target_column = st.columns(2)
    with input_column:
        input = tensor_grid("input")
    with target_column:
        target = tensor_grid("target")
    outcome = None if input is None or target is None else run_loss(spec, input, target, reduction, args, lang)
    if outcome is not None:
        show_outcome(outcome, input, target)

# drawn once the grids are read, so it names the example on screen now, or "(your edits)"
ss["losses.preset"] = matching_preset(spec, lambda name: ss.get(f"losses.{name}")) or ""
top[1].selectbox(MSG["preset"](lang), [p.key for p in spec.presets] + [""], key="losses.preset", on_change=load_example,
                 args=(False,), format_func=lambda key: spec.preset(key).title(lang) if key else MSG["preset_custom"](lang))

# the page's arguments for the chosen loss, torch's defaults for the others
args_of = {name: other.default_args() for name, other in LOSSES.items()} | {spec.name: args}

with curves_tab:
    st.multiselect(MSG["loss_compare"](lang), list(LOSSES), key="losses.compare")
    st.slider(MSG["loss_curve_target"](lang), *CURVE_TARGET_RANGE, step=0.25, key="losses.curve_target",
              help=MSG["loss_curve_target_help"](lang))
    chosen = [LOSSES[name] for name in dict.fromkeys([spec.name, *ss["losses.compare"]])]  # the page's loss first
    curves = [loss_curve(other, args_of[other.name], ss["losses.curve_target"]) for other in chosen]
    figure = curve_figure(curves, ss["losses.curve_target"], lang)
    st.plotly_chart(figure, key="losses.chart.curves", config=CHART_CONFIG)
    for kind, note in curve_notes(chosen, curves, lang):
        getattr(st, kind)(note)

with outlier_tab:
    st.slider(MSG["loss_outlier"](lang), *OUTLIER_RANGE, step=0.5, key="losses.outlier",
              help=MSG["loss_outlier_help"](lang))
    outlier, regression = ss["losses.outlier"], [other for other in chosen if other.name in REGRESSION_LOSSES]
    effects = [outlier_effect(other, args_of[other.name], outlier) for other in regression]
    ran = [effect for effect in effects if effect.error is None]
    st.caption(MSG["loss_outlier_intro"](lang, count=len(OUTLIER_INPUT), input=OUTLIER_INPUT,
                                         target=outlier_target(outlier).tolist()))
    for effect in effects:
        if effect.error:
            st.warning(MSG["loss_curve_skipped"](lang, name=effect.code, message=said(effect.error)))
    if ran:
        st.plotly_chart(outlier_figure(ran, lang), key="losses.chart.outlier", config=CHART_CONFIG)
        st.markdown(f"**{MSG['loss_outlier_code'](lang)}**")
        st.code(outlier_snippet(ran, outlier, lang), language="python")
        st.code(outlier_printed(ran), language=None)
    else:
        st.info(MSG["loss_outlier_none"](lang))

query = publish(PAGE, page_params(spec.name), lang)
if outcome is not None:
    with values_tab:
        code = snippet(spec, input, target, reduction, args, outcome, lang)
        code_panel(code, printed(outcome, reduction), query, lang)
