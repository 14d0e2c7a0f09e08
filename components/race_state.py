"""The Training lab's race in session state: built from the page's settings, kept across reruns, reset when a
setting other than a step size changes. It lives in st.session_state (one per session), never in a shared cache."""

import streamlit as st

from core.training.config import RaceConfig, Racer
from core.training.optimizers import OPTIMIZERS
from core.training.race import Race

_RACE, _SIGNATURE = "train.race", "train.race_signature"


def _signature(config: RaceConfig, racers: list[Racer]) -> tuple:
    """What makes a race: everything but the racers' step sizes, which may change mid-run."""
    shapes = tuple(
        (r.optimizer, tuple(sorted((k, str(v)) for k, v in r.hyper.items() if k != OPTIMIZERS[r.optimizer].lr_name)))
        for r in racers
    )
    return config, shapes


def current_race(config: RaceConfig, racers: list[Racer], lang: str) -> Race:
    """The session's race for these settings: the running one, with new step sizes applied, or a fresh one."""
    race = st.session_state.get(_RACE)
    if race is None or st.session_state.get(_SIGNATURE) != _signature(config, racers) or race.lang != lang:
        return reset(config, racers, lang)
    for index, (state, racer) in enumerate(zip(race.racers, racers)):
        name = OPTIMIZERS[racer.optimizer].lr_name
        wanted = racer.values()[name]
        if state.runner is not None and state.racer.values()[name] != wanted:
            message = race.set_lr(index, wanted)  # applies from the next step
            if message:
                st.warning(message)
    return race


def reset(config: RaceConfig, racers: list[Racer], lang: str) -> Race:
    """A new race at step 0 (Reset, or settings that change the race itself)."""
    race = Race(config, racers, lang)
    st.session_state[_RACE] = race
    st.session_state[_SIGNATURE] = _signature(config, racers)
    st.session_state["train.playing"] = False
    return race
