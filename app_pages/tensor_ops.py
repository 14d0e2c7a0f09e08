"""Tensor ops: edit the inputs, pick an op and its arguments, see before and after, the rule and the code."""

import streamlit as st

from components.arg_controls import arg_controls
from components.code_panel import code_panel
from components.dim_sweep import dim_sweep
from components.op_state import load_preset, matching_preset, pop_warnings, read_state, remember, restore
from components.op_views import before_after, op_error
from components.tensor_grid import tensor_grid
from core.codegen import printed, snippet
from core.messages import MSG
from core.ops.catalog import OPS
from core.ops.run import result_shape, run
from core.ops.state import build_call

lang = st.session_state.get("lang", "en")
st.title(MSG["ops_title"](lang))
spec = restore(lang)
for warning in pop_warnings():
    st.warning(warning)

top = st.columns([1, 2])
top[0].selectbox(MSG["op"](lang), list(OPS), key="op", format_func=lambda name: OPS[name].label)
preset_slot = top[1].empty()  # the example picker is drawn here once the page knows which example it holds
st.caption(spec.summary(lang))

state = read_state(spec)
if spec.args and len(spec.tensors) < 3:
    inputs_column, args_column = st.columns([3, 2])
    with args_column:
        st.markdown(f"##### {MSG['arguments'](lang)}")
        state = arg_controls(spec, state, lang)
else:  # no arguments, or three input grids (where, scatter): the grids get the whole width, the arguments go above
    if spec.args:
        st.markdown(f"##### {MSG['arguments'](lang)}")
        state = arg_controls(spec, state, lang)
    inputs_column = st.container()
with inputs_column:
    if spec.tensors:
        st.markdown(f"##### {MSG['inputs'](lang)}")
    grid_columns = st.columns(len(spec.tensors) or 1)
    inputs = {}
    for column, param in zip(grid_columns, spec.tensors):
        with column:
            inputs[param.name] = tensor_grid(spec.name, param, lang)
state = type(state)(spec.name, inputs, state.args)

call, problems = build_call(spec, state, lang)
for problem in problems:
    if problem.shape_message:
        st.error(f"`{problem.name}`: {problem.shape_message}")
    else:
        lines = "\n".join(f"- {cell.describe(problem.name, lang)}" for cell in problem.cells)
        st.error(MSG["grid_has_errors"](lang, name=problem.name, dtype=problem.dtype) + "\n" + lines)
query = remember(state, lang, valid=call is not None)
preset_key = f"preset.{spec.name}"
if call is not None:
    st.session_state[preset_key] = matching_preset(state)
preset_slot.selectbox(
    MSG["preset"](lang), [p.key for p in spec.presets] + [""], key=preset_key,
    format_func=lambda key: spec.preset(key).title(lang) if key else MSG["preset_custom"](lang),
    on_change=lambda: load_preset(spec.name, st.session_state[preset_key]),
)
if call is not None:
    outcome = run(call, lang)
    if outcome.error:
        op_error(outcome.error, lang)
    else:
        st.markdown(f"**{MSG['shape_rule'](lang)}{MSG['colon'](lang)}** {spec.shape_rule(call, result_shape(outcome.result), lang)}")
        if spec.notes:
            st.markdown(spec.notes(call, outcome.result, lang))
    before_after(call, outcome, lang)
    dim_sweep(call, lang)
    output = None if outcome.error else printed(outcome.result, outcome.inputs_after, spec)
    code_panel(snippet(call), output, query, lang)
