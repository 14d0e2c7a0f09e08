"""The Training lab's script block: the script that trains one racer alone and what it really prints.

When the race's numbers are not the script's (a fast-path racer, settings changed mid-race), the script's own
loop (core.training.plain.PlainRun) runs here, a few tenths of a second per run, ticking on until it is done. The
run lives in st.session_state, one per session, and only for the racer on show.
"""

import time

import streamlit as st

from components.code_panel import code_panel
from core.messages import MSG
from core.training.plain import PlainRun
from core.training.script import drift_note, script_output, script_printed, script_run_needed, training_script

RUN_SECONDS = 0.2  # a run of the page steps the script's loop about this long at most
TICK_SECONDS = 0.5
_RUN = "train.script_run"


def _script_run(race, index: int) -> PlainRun:
    """This session's PlainRun for racer `index` of `race`: the one started earlier, or a new one."""
    racer = race.racers[index].racer
    held = st.session_state.get(_RUN)
    if held is None or held[0] is not race or held[1] != index or held[2].racer != racer:
        held = st.session_state[_RUN] = (race, index, PlainRun(race.config, racer))
    return held[2]


def script_block(race, index: int, query: dict[str, str], lang: str) -> None:
    """The script for racer `index`, and once the race has finished, what it prints and how the race compares."""
    state = race.racers[index]
    code = training_script(race.config, state.racer, state.changes, lang)
    if not (race.done and state.status == "finished"):
        code_panel(code, None, query, lang)
        return
    run = _script_run(race, index) if script_run_needed(state) else None

    @st.fragment(run_every=TICK_SECONDS if run and not run.done else None)
    def block() -> None:
        if run and not run.done:
            run.advance(time.perf_counter() + RUN_SECONDS)
            if run.done:
                st.rerun(scope="app")  # the ticking stops
            st.caption(MSG["trainer_script_running"](lang, step=len(run.losses), steps=race.config.steps))
            code_panel(code, None, query, lang)
            return
        st.caption(drift_note(race, index, run, lang))
        code_panel(code, script_output(run) if run else script_printed(race, index), query, lang)

    block()
