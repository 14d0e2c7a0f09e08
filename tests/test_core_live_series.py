"""The live loss chart's data: the moving average, slicing from a step, change marks, the palette, and the plotly
stand-in's axis when nothing has run yet."""

import math
from types import SimpleNamespace

from core.training.lab_figures import loss_figure
from core.training.live_series import EMA_WEIGHT, change_marks, ema, live_series
from core.training.palette import RACER_COLOURS, racer_colour
from core.training.race import Race, RaceConfig, Racer


def fake_race(losses: list[list[float]], changes=(), steps: int = 50):
    racers = [SimpleNamespace(name=f"R{i}", losses=list(l), smoothed=ema(l)) for i, l in enumerate(losses)]
    return SimpleNamespace(racers=racers, history=[], step_count=max(map(len, losses)), changes=list(changes),
                           config=SimpleNamespace(steps=steps))


def test_ema_of_a_constant_is_that_constant_from_the_first_step():
    assert all(math.isclose(v, 2.0) for v in ema([2.0] * 5))


def test_ema_follows_its_definition_and_debiases():
    values = [4.0, 2.0, 1.0]
    running, expected = 0.0, []
    for n, v in enumerate(values, start=1):
        running = EMA_WEIGHT * running + (1 - EMA_WEIGHT) * v
        expected.append(running / (1 - EMA_WEIGHT**n))
    assert all(math.isclose(a, b) for a, b in zip(ema(values), expected))
    assert ema(values)[0] == 4.0  # the first point is the first loss, not a tenth of it


def test_a_diverged_loss_ends_the_curve_with_none():
    assert ema([1.0, float("nan")])[1] is None
    series = live_series(fake_race([[1.0, float("inf")]]))
    assert series["racers"][0]["raw"] == [1.0, None]


def test_live_series_sends_only_the_steps_after_start():
    race = fake_race([[5.0, 4.0, 3.0, 2.0], [1.0, 1.0, 1.0, 1.0]])
    whole, tail = live_series(race), live_series(race, start=3)
    assert tail["start"] == 3 and tail["now"] == 4
    assert whole["racers"][0]["raw"] == [5.0, 4.0, 3.0, 2.0]
    for full, part in zip(whole["racers"], tail["racers"]):
        assert part["raw"] == full["raw"][3:] and part["ema"] == full["ema"][3:]  # the average runs on
    assert [r["colour"] for r in tail["racers"]] == [racer_colour(0), racer_colour(1)]


def test_change_marks_sit_on_the_smoothed_curve():
    race = fake_race([[5.0, 4.0, 3.0, 2.0]], changes=[(2, 0, "lr 0.1→0.5"), (0, 0, "momentum 0→0.9")])
    marks = change_marks(race)
    assert marks[0][:2] == [2, 0] and marks[0][3] == "lr 0.1→0.5"
    assert math.isclose(marks[0][2], ema([5.0, 4.0])[-1], rel_tol=1e-4)  # on the curve, to the chart's 5 digits
    assert marks[1][0] == 1  # a change before the first step is drawn at step 1
    assert change_marks(fake_race([[1.0]])) == []  # a race without changes


def test_twelve_distinct_racer_colours():
    assert len(set(RACER_COLOURS)) == len(RACER_COLOURS) == 12
    assert racer_colour(12) == racer_colour(0)


def test_the_plotly_loss_chart_spans_one_decade_when_empty_and_fits_the_data_after():
    empty = fake_race([[]])
    empty.step_count = 0
    assert list(loss_figure(empty, "en").layout.yaxis.range) == [-1, 0]  # log10: 0.1 to 1, not 0.1 to 10,000
    assert loss_figure(fake_race([[3.0, 2.0]]), "zh").layout.yaxis.range is None


def test_a_race_keeps_the_average_as_its_losses_come():
    """The average the race keeps step by step (sent every tick) is the average of all its losses, racers that
    join late and one that diverges included."""
    config = RaceConfig(dataset="sine", loss="MSELoss", steps=30, eval_every=5)
    race = Race(config, [Racer("SGD", {"lr": 0.1}), Racer("SGD", {"lr": 10.0})])
    for _ in range(6):
        race.step()
    assert race.join(Racer("Adam")) is None  # catches up from step 0
    list(race.run())
    assert len(race.racers) == 3
    for state in race.racers:
        assert len(state.smoothed) == len(state.losses) > 0
        expected = ema(state.losses)
        assert all((a is None and b is None) or math.isclose(a, b) for a, b in zip(state.smoothed, expected)), state.name
    assert race.racers[1].status == "diverged" and race.racers[1].smoothed[-1] is None
