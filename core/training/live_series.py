"""What the live loss chart needs from a race, as plain lists: each racer's batch losses and their moving average
from a given step on, the test losses, and the steps where a racer's settings changed. Pure: the page sends it to
the browser, the plotly fallback draws it, and tests read it."""

import math

from core.training.palette import racer_colour

EMA_WEIGHT = 0.9  # how much of the running average each new batch keeps: about the last 10 batches count


def ema_step(running: float, count: int, value: float, weight: float = EMA_WEIGHT) -> tuple[float, float | None]:
    """One more value into an exponential moving average: the new running sum, and the average after `count`
    values (this one included), debiased like TensorBoard's smoothing so the first points are not pulled towards
    0. A nan or inf value (a diverged racer's last) leaves the sum as it was and has no average (None)."""
    if not math.isfinite(value):
        return running, None
    running = weight * running + (1 - weight) * value
    return running, running / (1 - weight**count)


def ema(values: list[float], weight: float = EMA_WEIGHT) -> list[float | None]:
    """The exponential moving average of `values` (ema_step over all of them)."""
    smoothed, running = [], 0.0
    for count, value in enumerate(values, start=1):
        running, average = ema_step(running, count, value, weight)
        smoothed.append(average)
    return smoothed


def finite(value: float | None) -> float | None:
    """A value as the chart gets it: 5 significant digits (a pixel needs fewer; a tick sends a third of the bytes),
    and None for nan or inf, which JSON lacks (a gap in the curve)."""
    return float(f"{value:.5g}") if value is not None and math.isfinite(value) else None


def live_series(race, start: int = 0) -> dict:
    """The race's curves from step `start` + 1 on (`start` steps the browser already has): per racer its name,
    colour, raw batch losses and their average (kept by the race as losses come: RacerState.smoothed), and its test
    losses of those steps; every change mark. Racers step
    in lockstep (one that joins late catches up from step 0), so a racer's i-th loss is the loss of step i + 1."""
    racers = []
    for index, state in enumerate(race.racers):
        racers.append(dict(name=state.name, colour=racer_colour(index),
                           raw=[finite(v) for v in state.losses[start:]],
                           ema=[finite(v) for v in state.smoothed[start:]]))
    tests = [[[r.step, finite(r.evaluations[i].test_loss)] for r in race.history[start:]
              if r.evaluations and r.evaluations[i] is not None] for i in range(len(race.racers))]
    return dict(start=start, now=race.step_count, steps=race.config.steps, racers=racers, tests=tests,
                marks=change_marks(race))


def change_marks(race) -> list[list]:
    """[step, racer index, smoothed loss there, what changed] for each hyper-parameter change the race recorded
    (`race.changes`, a list of (step, racer index, text)); a change before the first step sits on step 1."""
    marks = []
    for step, index, text in race.changes:
        losses = race.racers[index].losses if 0 <= index < len(race.racers) else []
        if not losses:
            continue
        at = min(max(step, 1), len(losses))
        marks.append([at, index, finite(race.racers[index].smoothed[at - 1]), str(text)])
    return marks
