"""The surface page's racers: a picker with a chip per optimizer, and per picked one a button (named as the chart's
legend names it) that opens its own step size and, where it has one, its own momentum.

The racers text (`SGD:lr=0.05,momentum=0.9;Adam:lr=0.05`, also the URL's `racers`) is the one source of truth: the
widgets are set from it on every run, and an edit writes it back, so the picker, the settings, the link and the
chart cannot disagree.
"""

import streamlit as st

from core.messages import MSG
from core.surface.params import lr_steps
from core.surface.racers import SURFACE_OPTIMIZERS, dump_racers, parse_racers, picked, settings_of, with_setting
from core.surface.trajectories import Racer

TEXT = "surface.racers"
PICKER = "surface.picked"


def setting_key(name: str, setting: str) -> str:
    """The widget key of racer `name`'s `setting` (torch's argument name)."""
    return f"surface.racer.{name}.{setting}"


def racer_picker(racers: list[Racer], lang: str) -> None:
    """The multiselect of optimizers, one chip per racer."""
    st.session_state[PICKER] = [r.name for r in racers]
    st.multiselect(MSG["surface_optimizers"](lang), SURFACE_OPTIMIZERS, key=PICKER, on_change=_picked,
                   help=MSG["surface_optimizers_help"](lang))


def racer_settings(racers: list[Racer]) -> None:
    """A row of buttons, one per racer, each opening that racer's own settings."""
    with st.container(horizontal=True, gap="small"):
        for racer in racers:
            with st.popover(racer.label, key=f"surface.popover.{racer.name}"):  # a key: renamed, it stays open
                for setting, (low, high) in settings_of(racer.name).items():
                    key = setting_key(racer.name, setting)
                    st.session_state[key] = racer.hyper[setting]
                    args = dict(key=key, on_change=_edited, args=(racer.name, setting))
                    if setting == "momentum":
                        st.slider(setting, low, high, step=0.01, **args)
                    else:  # the step size: log-spaced stops, and a link's own value among them
                        st.select_slider(setting, lr_steps(racer.hyper[setting]), **args)


def _current() -> list[Racer]:
    return parse_racers(st.session_state[TEXT], "en")[0]  # the text the page wrote: nothing in it is left out


def _picked() -> None:
    st.session_state[TEXT] = dump_racers(picked(_current(), st.session_state[PICKER]))


def _edited(name: str, setting: str) -> None:
    value = st.session_state[setting_key(name, setting)]
    st.session_state[TEXT] = dump_racers(with_setting(_current(), name, setting, value))
