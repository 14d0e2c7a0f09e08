"""The sweep view: the current op at every valid dim, side by side, each with its shape rule."""

import streamlit as st

from components.heatmap import tensor_heatmap
from core.messages import MSG
from core.ops.aliasing import named_results
from core.ops.spec import OpCall
from core.ops.sweep import sweep
from core.text import said

SWEEP_WIDTH_PX = 300  # one of four columns in the wide layout on a 1400 px window


def dim_sweep(call: OpCall, lang: str) -> None:
    """An opt-in panel (it runs the op once per dim) with one small result per dim and keepdim setting."""
    if not any(a.kind == "dim" for a in call.spec.args):
        return
    if not st.toggle(MSG["sweep_toggle"](lang), key=f"sweep.{call.spec.name}", help=MSG["sweep_help"](lang)):
        return
    cases = sweep(call, lang)
    per_row = 4
    for start in range(0, len(cases), per_row):
        columns = st.columns(per_row)
        for column, case in zip(columns, cases[start : start + per_row]):
            with column:
                label = ", ".join(f"{k}={v}" for k, v in case.args.items() if k in ("dim", "keepdim") or k.endswith("dim"))
                st.markdown(f"**`{label}`**")
                if case.outcome.error:
                    error = case.outcome.error
                    st.caption(said(error.torch_message) if error.from_torch else error.torch_message)
                    continue
                results = named_results(case.outcome.result)
                if results:
                    name, tensor = results[0]
                    tensor_heatmap(tensor, name, f"chart.sweep.{call.spec.name}.{start}.{label}", lang,
                                   max_width=SWEEP_WIDTH_PX)
                st.caption(case.rule)
