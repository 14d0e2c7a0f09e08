"""Widgets for an op's non-tensor arguments, drawn generically from the catalog entry."""

import streamlit as st

from components.op_state import arg_key
from core.limits import MAX_DIM_SIZE, MAX_NDIM
from core.messages import MSG
from core.ops.spec import OpSpec
from core.ops.state import OpState, arg_choices, with_valid_dims


def arg_controls(spec: OpSpec, state: OpState, lang: str) -> OpState:
    """Draw one control per argument; a dim left out of range by a shape change is reset (and said so)."""
    valid, resets = with_valid_dims(spec, state)
    for name, old, new in resets:
        st.session_state[arg_key(spec.name, name)] = new
        st.info(MSG["dim_reset"](lang, arg=name, value=old, default=new))
    for arg in spec.args:
        key = arg_key(spec.name, arg.name)
        if arg.kind == "dim":
            st.radio(
                f"`{arg.name}`", arg_choices(spec, valid, arg.name), key=key, horizontal=True,
                format_func=lambda v: MSG["none_option"](lang) if v is None else str(v), help=MSG[arg.help](lang),
            )
        elif arg.kind == "bool":
            st.toggle(f"`{arg.name}`", key=key, help=MSG[arg.help](lang))
        elif arg.kind == "size":
            _size_control(spec.name, arg.name, lang)
        elif arg.kind == "int":
            st.number_input(
                f"`{arg.name}`", min_value=arg.minimum, max_value=arg.maximum, step=1, key=key, help=MSG[arg.help](lang)
            )
        elif arg.kind == "float":
            _float_control(key, arg, lang)
        elif arg.kind in ("ints", "text"):
            st.text_input(f"`{arg.name}`", key=key, help=MSG[arg.help](lang), max_chars=60)
        elif arg.kind == "choice":
            st.selectbox(f"`{arg.name}`", arg.choices, key=key, help=MSG[arg.help](lang))
    return valid


def _float_control(key: str, arg, lang: str) -> None:
    """A number, or None when the argument may be left out (clamp's min / max)."""
    if arg.none_allowed:
        left, right = st.columns([1, 2])
        on = left.checkbox(f"`{arg.name}`", key=f"{key}.on", help=MSG[arg.help](lang))
        right.number_input(
            f"`{arg.name}`", key=key, disabled=not on, label_visibility="collapsed",
            min_value=arg.minimum, max_value=arg.maximum, format="%g",
        )
    else:
        st.number_input(
            f"`{arg.name}`", key=key, min_value=arg.minimum, max_value=arg.maximum, format="%g", help=MSG[arg.help](lang)
        )


def _size_control(op: str, name: str, lang: str) -> None:
    st.markdown(f"`{name}`", help=MSG["size_help"](lang))
    cols = st.columns(MAX_NDIM + 1)
    ndim = cols[0].selectbox(MSG["ndim"](lang), range(1, MAX_NDIM + 1), key=arg_key(op, "size.ndim"))
    for d in range(ndim):
        st.session_state.setdefault(arg_key(op, f"size.{d}"), 1)
        cols[d + 1].number_input(
            MSG["size_of_dim"](lang, dim=d), min_value=1, max_value=MAX_DIM_SIZE, step=1, key=arg_key(op, f"size.{d}")
        )
