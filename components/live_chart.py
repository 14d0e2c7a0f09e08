"""The live loss chart: a Streamlit custom component (v2, no iframe) that draws on a canvas in the page and is sent
only the steps it does not have yet, so a tick costs a few numbers instead of a whole figure.

The browser keeps what it was sent. Each tick resends the last tick's steps too, so one skipped render (React may
coalesce two quick updates) loses nothing; if the browser still finds a gap (a fresh page, a remount), it asks for
everything from the step it has, and the next tick sends that. The JavaScript lives beside this file; nothing is
fetched at run time.
"""

import streamlit as st

from components.chart_parts import chart_css, chart_script
from core.messages import MSG
from core.training.live_series import live_series

_COMPONENT = st.components.v2.component(
    "tensor_playground.live_loss_chart", js=chart_script("live_chart.js"), css=chart_css("tp-live-chart"),
    isolate_styles=False,  # the chart's elements stay in the page's DOM, where the benchmark and tests look
)


def live_loss_chart(race, lang: str, key: str, playing: bool = False, pause_key: str | None = None) -> None:
    """Draw (or extend) the race's loss chart under `key`; while `playing`, the browser draws a tick's steps one
    after another over the tick instead of all at once. A click on the button keyed `pause_key` stops the drawing
    in the browser at once, before the server has heard of it."""
    memo = st.session_state.get(f"{key}.sent")
    rewrites = race.rewrites  # a racer joined or left: the past changed, so it is sent again
    if memo is None or memo["race"] is not race or memo["rewrites"] != rewrites:
        epoch = memo["epoch"] + 1 if memo else 0
        memo = st.session_state[f"{key}.sent"] = dict(race=race, rewrites=rewrites, epoch=epoch, ticks=[0, 0])
    start = memo["ticks"][0]  # what the browser had two ticks ago: one lost tick is resent
    memo["ticks"] = [memo["ticks"][1], race.step_count]
    data = live_series(race, start)
    pause = f".st-key-{pause_key.replace('.', '-')} button" if pause_key else None  # the class Streamlit gives it
    data.update(race=memo["epoch"], playing=playing, done=race.done, pause=pause, text=dict(
        title=MSG["lab_losses_smoothed"](lang), x=MSG["lab_axis_step"](lang), y=MSG["lab_axis_loss"](lang),
        step=MSG["lab_axis_step"](lang)))
    _COMPONENT(data=data, key=key, on_resync_change=lambda: _resync(key, race.step_count))


def _resync(key: str, steps: int) -> None:
    """The browser found a gap: send from the step it has on the next run (this callback runs before it). The
    browser's number is only trusted as a whole number of steps the race has taken."""
    have = st.session_state[key].get("resync")
    have = min(max(have, 0), steps) if isinstance(have, int) and not isinstance(have, bool) else 0
    st.session_state[f"{key}.sent"]["ticks"] = [have, have]
