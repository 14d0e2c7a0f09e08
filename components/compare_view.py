"""The compare view: a second op, or this op at other arguments, on the same tensors, its result beside this one's."""

import streamlit as st

from components.arg_controls import arg_controls
from components.heatmap import tensor_heatmap
from components.op_state import COMPARE_ON, COMPARE_OP, compare_owner, second_state
from components.op_views import op_error
from core.codegen import snippet
from core.messages import MSG
from core.ops.aliasing import named_results
from core.ops.carry import comparable_ops
from core.ops.catalog import OPS
from core.ops.run import OpOutcome, result_shape, run
from core.ops.spec import OpCall
from core.ops.state import OpState, build_call

_WIDTH = 360  # px: each result gets half of the page's width, not a whole before/after column


def compare_view(state: OpState, call: OpCall, outcome: OpOutcome, lang: str) -> None:
    """A toggle; when on, a second op (among those that take these tensors, this one first) with its own arguments,
    and both results side by side: the code line, the shape rule, the result's heatmap."""
    if not st.toggle(MSG["compare_toggle"](lang), key=COMPARE_ON, help=MSG["compare_help"](lang)):
        return
    second = second_state(state)  # before the picker: it may put the page's op back as the choice
    head = st.columns(2)
    head[0].markdown(f"**{MSG['compare_this'](lang)}**")
    with head[1]:
        st.selectbox(
            MSG["compare_op"](lang), comparable_ops(state), key=COMPARE_OP, format_func=lambda name: OPS[name].label
        )
        spec = OPS[second.op]
        second = arg_controls(spec, second, lang, owner=compare_owner(spec.name))
    body = st.columns(2)
    with body[0]:
        _result(call, outcome, "this", lang)
    with body[1]:
        second_call, problems = build_call(spec, second, lang)
        for problem in problems:  # only an argument typed as text can fail here: the tensors parsed for this op
            st.error(f"`{problem.name}`: {problem.shape_message}")
        if second_call is not None:
            _result(second_call, run(second_call, lang), "other", lang)


def _result(call: OpCall, outcome: OpOutcome, side: str, lang: str) -> None:
    """One side: the line of code, then torch's refusal or the shape rule and the result."""
    st.code(next(line for line in snippet(call).splitlines() if line.startswith("result = ")), language="python")
    if outcome.error is not None:
        op_error(outcome.error, lang)
        return
    rule = call.spec.shape_rule(call, result_shape(outcome.result), lang)
    st.markdown(f"**{MSG['shape_rule'](lang)}{MSG['colon'](lang)}** {rule}")
    results = named_results(outcome.result)
    if not results:  # a plain Python number (item)
        st.metric(MSG["number_result"](lang, type=type(outcome.result).__name__), repr(outcome.result))
    marked = call.spec.marks(call).get("result")
    for name, tensor in results:
        tensor_heatmap(tensor, name, f"chart.compare.{side}.{name}", lang, max_width=_WIDTH, marked_dim=marked)
