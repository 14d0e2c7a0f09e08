"""The ways the Training lab can draw its loss chart while playing, and how often each ticks. The page uses the
canvas chart; the others stay so that bench/live_lab.py can measure them against it in one run (the server reads
TP_LAB_CHART; an unknown name falls back to the canvas)."""

from dataclasses import dataclass
import os
from typing import Callable

from components.heatmap import heatmap
from components.live_chart import live_loss_chart
from core.training.lab_figures import loss_figure


@dataclass(frozen=True)
class LossView:
    """How the loss chart is drawn (`draw(race, lang, key, playing, pause_key)`) and how often the playing page
    ticks for it."""

    draw: Callable[..., None]
    tick_seconds: float

    @property
    def budget_seconds(self) -> float:
        """Training time a tick may use: the rest of the tick is left to Streamlit and the browser, so a slow
        racer (LBFGS) never holds up drawing or Pause."""
        return self.tick_seconds * 0.4


def _plotly(race, lang: str, key: str, playing: bool = False, pause_key: str | None = None) -> None:
    """The whole figure, playing or not."""
    heatmap(loss_figure(race, lang), key=key)


LOSS_VIEWS = {
    # only the new steps each tick, drawn by the page's own canvas one after another over the tick. 0.2 s, not 0.1:
    # the browser's own work for each tick left fewer frames to draw in (bench/live_lab.py: 8-10 updates/s at 0.1 s,
    # 12-19 at 0.2 s)
    "canvas": LossView(live_loss_chart, 0.2),
    "plotly": LossView(_plotly, 0.5),  # the whole figure every tick: the lab before issue 9
    "plotly_fast": LossView(_plotly, 0.2),
}


def chosen_view() -> LossView:
    """The view the server was started with (TP_LAB_CHART), the canvas chart by default."""
    return LOSS_VIEWS.get(os.environ.get("TP_LAB_CHART", ""), LOSS_VIEWS["canvas"])
