"""Tensor ops: edit the inputs, pick an op and its arguments, see before and after, the rule and the code."""

import streamlit as st

from components.arg_controls import arg_controls
from components.code_panel import code_panel
from components.compare_view import compare_view
from components.dim_sweep import dim_sweep
from components.op_state import load_preset, matching_preset, pop_warnings, read_state, remember, restore
from components.op_views import before_view, prepare_views, printed_output, result_view
from components.tensor_grid import input_grids
from core.codegen import snippet
from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.run import run
from core.ops.state import build_call
from core.url_state import encode

OP_PICKER_PX = 340  # a third of the main column on a 1440 px window, as wide as the longest op label needs

lang = st.session_state.get("lang", "en")
st.title(MSG["ops_title"](lang))
spec = restore(lang)
for warning in pop_warnings():
    st.warning(warning)

# one row that wraps on a narrow screen (no column blocks to draw); the example picker joins it once the page knows
# which example it holds
top = st.container(horizontal=True, gap="medium")
top.selectbox(MSG["op"](lang), list(OPS), key="op", format_func=lambda name: OPS[name].label, width=OP_PICKER_PX)
st.caption(spec.summary(lang))

state = read_state(spec)
# one screen: inputs | arguments and result, so an edit and what it changes are seen together; on a narrow screen
# the columns stack in this order, the result right after the inputs
inputs_column, result_column = st.columns([11, 9], gap="medium")
with result_column if spec.tensors else inputs_column:  # an op without inputs (a creation op): arguments on the left
    if spec.args:
        st.markdown(f"##### {MSG['arguments'](lang)}")
        state = arg_controls(spec, state, lang)
with inputs_column:
    if spec.tensors:
        st.markdown(f"##### {MSG['inputs'](lang)}")
    inputs = input_grids(spec, lang)
state = type(state)(spec.name, inputs, state.args)
result_column.markdown(f"##### {MSG['after'](lang)}")

call, problems = build_call(spec, state, lang)
for problem in problems:  # where the result would be
    if problem.shape_message:
        result_column.error(f"`{problem.name}`: {problem.shape_message}")
    else:
        lines = "\n".join(f"- {cell.describe(problem.name, lang)}" for cell in problem.cells)
        result_column.error(MSG["grid_has_errors"](lang, name=problem.name, dtype=problem.dtype) + "\n" + lines)
own_query = encode(state, lang) if call is not None else None
query = remember(state, own_query, lang)
preset_key = f"preset.{spec.name}"
if own_query is not None:
    st.session_state[preset_key] = matching_preset(spec.name, own_query)
top.selectbox(
    MSG["preset"](lang), [p.key for p in spec.presets] + [""], key=preset_key,
    format_func=lambda key: spec.preset(key).title(lang) if key else MSG["preset_custom"](lang),
    on_change=lambda: load_preset(spec.name, st.session_state[preset_key]),
)
if call is not None:
    outcome = run(call, lang)
    views = prepare_views(call, outcome, lang)
    with result_column:
        result_view(views, lang)
    before_view(views, lang)
    dim_sweep(call, lang)
    compare_view(state, call, outcome, lang)
    code_panel(snippet(call), printed_output(views), query, lang)
