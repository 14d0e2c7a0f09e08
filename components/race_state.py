"""The Training lab's race in session state: built from the page's settings and kept across reruns. Racers follow
the page's list mid-race (core.training.race_edits); a change of what every racer shares (data, model, loss,
batches, seed) starts a new race, said in a message. It lives in st.session_state (one per session), never in a
shared cache. What the process shares is only PACER: how much training time the playing races may take together."""

from dataclasses import fields, replace

import streamlit as st

from core.messages import MSG
from core.training.config import RaceConfig, Racer
from core.training.pacing import Pacer
from core.training.race import Race
from core.training.race_edits import follow

_RACE = "train.race"
# Training seconds per second for all playing races of this server together (of the one core a process gets), and
# the most one race saves up: one race alone still trains 80 ms of each 0.2 s tick. bench/load.py, 20 sessions with
# 4 racing: ops edits p95 430 ms without it, 339 ms with it (the racers then take 6.5 steps/s each instead of 22).
PACER = Pacer(share=0.4, burst=0.08)
# the page's one `seed` sets the data, the initial weights and the batch order together
_SETTING_NAMES = {"data_seed": "seed", "init_seed": "seed", "batch_seed": "seed"}


def current_race(config: RaceConfig, racers: list[Racer], lang: str) -> Race:
    """The session's race for these settings: the running one with its racers brought in line with `racers`
    (changes, joins, removals), or a new one when a shared setting changed (or the language: the race speaks it)."""
    race = st.session_state.get(_RACE)
    if race is None or race.lang != lang:
        return reset(config, racers, lang)
    if race.config != config and not (_only_steps_differ(race.config, config) and race.set_steps(config.steps)):
        started = race.step_count
        names = sorted({_SETTING_NAMES.get(f.name, f.name) for f in fields(RaceConfig)
                        if getattr(race.config, f.name) != getattr(config, f.name)})
        race = reset(config, racers, lang)
        if started:
            st.info(MSG["lab_restarted"](lang, step=started, settings=", ".join(f"`{name}`" for name in names)))
        return race
    for level, message in follow(race, racers):
        (st.warning if level == "warning" else st.info)(message)
    return race


def _only_steps_differ(old: RaceConfig, new: RaceConfig) -> bool:
    """Whether the budget is the one shared setting that changed (a race may go on under a new budget)."""
    return old != new and replace(old, steps=new.steps) == new


def reset(config: RaceConfig, racers: list[Racer], lang: str) -> Race:
    """A new race at step 0 (Reset, or settings that change the race itself)."""
    race = Race(config, racers, lang)
    st.session_state[_RACE] = race
    st.session_state["train.playing"] = False
    return race
