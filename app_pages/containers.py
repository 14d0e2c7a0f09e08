"""Module containers: one model held by nn.ModuleList, nn.ParameterList and a plain list, and what each registers;
the guide's two container models run layer by layer on an input the user shapes."""

import pandas as pd
import streamlit as st

from components import url_state
from components.code_panel import code_panel
from components.url_tabs import url_tabs
from core.containers.guide_models import GUIDE_MODELS
from core.containers.layer_walk import walk, walk_printed, walk_snippet
from core.containers.params import MAX_BATCH, MAX_FEATURES, MAX_LAYERS, MAX_SIDE, PAGE, PARAMS, TABS
from core.containers.registration import Registration, registration_printed, registration_snippet, registrations
from core.grid import dtype_name
from core.messages import MSG
from core.text import said

SHAPE_NAMES = ("batch", "height", "width")
lang = st.session_state.get("lang", "en")
st.title(MSG["containers_title"](lang))
st.caption(MSG["containers_intro"](lang))
url_state.restore(PAGE, PARAMS, lang)
holders_tab, guide_tab = url_tabs(PAGE, {name: MSG[f"containers_tab_{name}"](lang) for name in TABS})


def set_shape(shape) -> None:
    """Callback: put a (batch, height, width) into the shape controls."""
    for name, size in zip(SHAPE_NAMES, shape):
        st.session_state[f"modules.{name}"] = size


def layer_table(report: Registration) -> pd.DataFrame:
    """One column per layer's weight: does it get a grad, does the SGD step change it, its dtype after .to()."""
    rows = {"containers_grad": report.grad_computed, "containers_changed": report.changed,
            "containers_dtype_after": [dtype_name(d) for d in report.dtypes_after]}
    return pd.DataFrame(
        [[str(v) for v in values] for values in rows.values()], index=[MSG[key](lang) for key in rows],
        columns=[MSG["containers_layer_n"](lang, i=i) for i in range(len(report.changed))],
    )


with holders_tab:
    controls = st.columns(3)
    controls[0].number_input(MSG["containers_layers"](lang), 1, MAX_LAYERS, key="modules.layers")
    controls[1].number_input(
        MSG["containers_features"](lang), 1, MAX_FEATURES, key="modules.features",
        help=MSG["containers_features_help"](lang),
    )
    controls[2].toggle("bias", key="modules.bias", help=MSG["containers_bias_help"](lang))
with guide_tab:
    model = st.selectbox(
        MSG["containers_model"](lang), list(GUIDE_MODELS), key="modules.model",
        format_func=lambda key: GUIDE_MODELS[key].title(lang),
        on_change=lambda: set_shape(GUIDE_MODELS[st.session_state["modules.model"]].presets[0].shape),
    )
    entry = GUIDE_MODELS[model]
    for column, preset in zip(st.columns(len(entry.presets)), entry.presets):
        column.button(
            preset.title(lang), key=f"modules.preset.{entry.key}.{preset.key}", on_click=set_shape, args=(preset.shape,)
        )
    st.caption(MSG["containers_input_intro"](lang))
    for column, name, high in zip(st.columns(3), SHAPE_NAMES, (MAX_BATCH, MAX_SIDE, MAX_SIDE)):
        column.number_input(MSG[f"containers_{name}"](lang), 1, high, key=f"modules.{name}")
state = url_state.values(PAGE, PARAMS)
query = url_state.publish(PAGE, PARAMS, lang)

with holders_tab:
    layers = (state["layers"], state["features"], state["bias"])
    reports = registrations(*layers)
    # what each holder registers, on the first screen; the lesson it adds up to comes after
    for index, (column, report) in enumerate(zip(st.columns(len(reports)), reports)):
        with column:
            with st.container(key=f"modules.holder.{index}"):  # what it registers: on the first screen
                st.markdown(f"#### `{report.label}`")
                count = MSG["containers_parameters_value"](lang, count=report.parameter_count)
                elements = MSG["containers_elements"](lang, count=report.element_count)
                st.metric(f"{MSG['containers_parameters'](lang)} · {elements}", count)
                # torch's own key names (letters, digits, dots), one code span each: a few lines, not a tall block
                keys = " ".join(f"`{key}`" for key in report.state_dict_keys) or MSG["containers_no_keys"](lang)
                st.markdown(f"**{MSG['containers_state_dict'](lang)}**{MSG['colon'](lang)} {keys}")
                st.dataframe(layer_table(report))
            if report.optimizer_error:  # what then goes wrong, and why
                st.error(MSG["containers_optimizer_error"](lang, error=said(report.optimizer_error)))
            if report.forward_error:
                st.error(MSG["containers_forward_error"](lang, error=said(report.forward_error)))
    st.caption(MSG["containers_table_help"](lang))
    st.warning(MSG["containers_plain_lesson"](lang))
    code_panel(registration_snippet(*layers), registration_printed(reports), query, lang)

with guide_tab:
    shape = tuple(state[name] for name in SHAPE_NAMES)
    result = walk(entry, *shape, lang)
    st.markdown(MSG["containers_flow"](lang, flow=" → ".join(f"`{name}` {size}" for name, size in result.shapes)))
    if result.error:
        failed = MSG["containers_walk_failed"](lang, step=result.failed_at, error=said(result.error))
        st.error(f"{failed}\n\n{result.explanation}")
    rows = {MSG["containers_step"](lang): [name for name, _ in result.shapes],
            MSG["containers_shape"](lang): [str(size) for _, size in result.shapes]}
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="content")
    code_panel(walk_snippet(entry, *shape), walk_printed(result), query, lang)
