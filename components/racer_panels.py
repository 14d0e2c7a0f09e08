"""One panel per racer with every hyper-parameter of its optimizer, where the playground starts; each widget's help
gives torch's default, and one button puts all of them back.

The racers' text (`SGD:lr=0.1;Adam:lr=0.01`, also the URL's `racers`) stays the one source of truth: the panels
are drawn from it, and a change in a panel writes the text back, so links, the text box and the panels agree.
A panel's label follows its racer's settings; its open state is kept under a key of its own (`_panel`), so an edit
that renames it does not fold it.
"""

import streamlit as st

from core.messages import MSG
from core.training.config import Racer
from core.training.lab_params import dump_racers
from core.training.optimizers import OPTIMIZERS

TEXT_KEY = "train.racers"
_SYNCED = "train.panels_synced"  # the racers text the panels were last filled from


def _key(index: int, name: str, part: str = "") -> str:
    return f"train.hyper.{index}.{name}{part}"


def _panel(index: int) -> str:
    return f"train.panel.{index}"


def racer_panels(racers: list[Racer], lang: str) -> None:
    """Draw the panels (two per row); edits rewrite the racers text through callbacks."""
    if st.session_state.get(_SYNCED) != st.session_state[TEXT_KEY]:
        _fill(racers)
    columns = st.columns(2)
    for index, racer in enumerate(racers):
        spec = OPTIMIZERS[racer.optimizer]
        # Streamlit derives a stateful expander's id from its label and `expanded`: a renamed panel is a new one,
        # which opens as `expanded` says, so that is the state the panel had (kept under its key)
        with columns[index % 2].expander(racer.name(), expanded=st.session_state.get(_panel(index), False),
                                         key=_panel(index), on_change="rerun"):
            st.caption(spec.summary(lang))
            for hyper in spec.hypers:
                default = spec.torch_default(hyper.name)
                mid_race = "lab_state_bound_help" if hyper.state_bound else "lab_mid_race_help"
                help_text = MSG["lab_torch_default"](lang, value=default) + " " + MSG[mid_race](lang)
                _widget(index, hyper, help_text, racers, default)
            defaults_column, remove_column = st.columns(2)
            defaults_column.button(MSG["lab_to_torch_defaults"](lang), key=_key(index, "torch_defaults"),
                                   on_click=_torch_defaults, args=(index, racers), help=MSG["lab_to_torch_defaults_help"](lang))
            remove_column.button(MSG["lab_remove"](lang), key=_key(index, "remove"), on_click=_remove, args=(index, racers),
                                 disabled=len(racers) == 1)


def _widget(index: int, hyper, help_text: str, racers: list[Racer], default) -> None:
    """The widget for one hyper-parameter; `default` (torch's) gives a tuple's length."""
    args = dict(on_change=_write_back, args=(racers,), help=help_text)
    if hyper.kind == "bool":
        st.checkbox(hyper.name, key=_key(index, hyper.name), **args)
    elif hyper.kind == "choice":
        st.selectbox(hyper.name, hyper.choices, key=_key(index, hyper.name), format_func=str, **args)
    elif hyper.kind == "tuple":
        for part, column in enumerate(st.columns(len(default))):
            # a part torch leaves None by default (Adafactor's eps[0]) may stay empty
            column.number_input(f"{hyper.name}[{part}]", hyper.minimum, hyper.maximum, key=_key(index, hyper.name, f".{part}"),
                                format="%g", step=0.001, **args)
    elif hyper.kind == "int":
        st.number_input(hyper.name, int(hyper.minimum), int(hyper.maximum), key=_key(index, hyper.name), step=1, **args)
    else:
        st.number_input(hyper.name, hyper.minimum, hyper.maximum, key=_key(index, hyper.name), format="%g",
                        step=(hyper.maximum - hyper.minimum) / 1000 if hyper.maximum else 0.001, **args)


def _fill(racers: list[Racer]) -> None:
    """Put every racer's values (torch's defaults where the text says nothing) into the panels' widgets."""
    for index, racer in enumerate(racers):
        for name, value in racer.values().items():
            if isinstance(value, tuple):
                for part, item in enumerate(value):
                    st.session_state[_key(index, name, f".{part}")] = None if item is None else float(item)
            elif isinstance(value, float):
                st.session_state[_key(index, name)] = float(value)
            else:
                st.session_state[_key(index, name)] = value
    st.session_state[_SYNCED] = st.session_state[TEXT_KEY]


def _read(index: int, racer: Racer) -> Racer:
    """A racer as its panel says: only the values that differ from where the playground starts are kept."""
    spec = OPTIMIZERS[racer.optimizer]
    start, hyper = spec.start_values(), {}
    for h in spec.hypers:
        if h.kind == "tuple":
            value = tuple(st.session_state[_key(index, h.name, f".{part}")] for part in range(len(start[h.name])))
        else:
            value = st.session_state[_key(index, h.name)]
        if value != start[h.name] or h.name == spec.lr_name:
            hyper[h.name] = value
    return Racer(racer.optimizer, hyper)


def _write_back(racers: list[Racer]) -> None:
    text = dump_racers([_read(i, r) for i, r in enumerate(racers)])
    st.session_state[TEXT_KEY] = st.session_state[_SYNCED] = text


def _torch_defaults(index: int, racers: list[Racer]) -> None:
    """Callback: one racer's every hyper-parameter at torch's own default; the others keep their panels' values."""
    spec = OPTIMIZERS[racers[index].optimizer]
    start = spec.start_values()
    defaults = {h.name: spec.torch_default(h.name) for h in spec.hypers}
    hyper = {name: value for name, value in defaults.items() if value != start[name] or name == spec.lr_name}
    racers_now = [Racer(r.optimizer, hyper) if i == index else _read(i, r) for i, r in enumerate(racers)]
    st.session_state[TEXT_KEY] = dump_racers(racers_now)  # the panels refill from the new text on the next run


def _remove(index: int, racers: list[Racer]) -> None:
    """Callback: racer `index` leaves (the race goes on without it); the panels after it move up, open or not."""
    kept = [_read(i, r) for i, r in enumerate(racers) if i != index]
    st.session_state[TEXT_KEY] = dump_racers(kept)  # the panels refill from the new text on the next run
    for later in range(index, len(kept)):
        st.session_state[_panel(later)] = st.session_state.get(_panel(later + 1), False)
    st.session_state[_panel(len(kept))] = False
