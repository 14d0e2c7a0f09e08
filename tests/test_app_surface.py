"""AppTest of the surface page: playing, pausing, stepping and scrubbing the drawn paths, each racer's own settings,
a click that moves the start, and its snippet run in a fresh interpreter against what the page prints."""

import json
import subprocess
import sys

import pytest
from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.testing.v1 import AppTest

from core.surface.functions import FUNCTIONS
from core.surface.racers import SURFACE_OPTIMIZERS
from core.training.optimizers import OPTIMIZERS
from tests.apptests import open_page as open_app_page


def open_surface(query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    return open_app_page("surface", query, lang)


def walked(at: AppTest, runs: int = 1000) -> AppTest:
    """Run the page (each run is one tick in AppTest) until every racer has walked its steps (a long walk is spread
    over several runs), then drag the scrubber to the last step: every path drawn in full, without waiting for the
    animation."""
    for _ in range(runs):
        if all(w.done for w in at.session_state["surface.walks"]):
            if at.session_state["surface.playing"]:
                at.button(key="surface.play").click().run()  # Pause: the scrubber is held still while playing
            return at.slider(key="surface.scrubber").set_value(at.session_state["surface.steps"]).run()
        at.run()
    raise AssertionError("the walk did not end")


def played_out(at: AppTest, runs: int = 1000) -> AppTest:
    """Run the page until the animation has drawn every step and stopped by itself."""
    for _ in range(runs):
        if not at.session_state["surface.playing"]:
            return at
        at.run()
    raise AssertionError("the animation did not end")


def chart_data(at: AppTest, key: str) -> dict:
    """What the page sent the chart component under `key` (components/surface_chart.py)."""
    chart = next(c for c in at.get("bidi_component") if c.proto.id.endswith(f"-{key}"))
    return json.loads(chart.proto.json)


def click_chart(at: AppTest, place) -> AppTest:
    """Run the page as after a click on the contour chart: the widget state a browser sends for the component's
    "click" event (AppTest has no accessor for custom components)."""
    chart = next(c for c in at.get("bidi_component") if c.proto.id.endswith("-surface.chart.contour"))
    states = at._tree.get_widget_states()
    state = states.widgets.add()
    state.id = _make_trigger_id(chart.proto.id, "events")
    state.json_trigger_value = json.dumps([{"event": "click", "value": place}])
    return at._run(states)


def paths_drawn(at: AppTest) -> dict[str, list[tuple[float, float]]]:
    """The racers' paths as the contour chart draws them, by legend name."""
    racers = chart_data(at, "surface.chart.contour")["racers"]
    return {r["name"]: list(zip(r["points"][0::2], r["points"][1::2])) for r in racers}


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_every_function_runs_and_its_snippet_prints_what_the_page_shows(function):
    at = walked(open_surface({"function": function, "steps": "30", "racers": "SGD;Adam;LBFGS;FTRL;Adamax;Rprop;Adafactor"}))
    assert not at.exception
    code, shown = at.code[0].value, at.code[1].value
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == shown.strip()


def test_the_walk_plays_by_itself_and_stops_at_the_end():
    """A new walk plays from step 0, a few steps per tick (each AppTest run is one tick), and stops at the last
    step with the button back to Play; every drawn path has as many steps as the page says it shows."""
    at = open_surface({"steps": "100"})
    first = at.session_state["surface.shown"]
    assert at.session_state["surface.playing"] and at.button(key="surface.play").label == "⏸ Pause"
    for _ in range(20):  # a run walks what fits in its time: on a busy machine the first may draw nothing new
        if at.run().session_state["surface.shown"] > first:
            break
    assert at.session_state["surface.shown"] > first
    at = played_out(at)
    assert at.session_state["surface.shown"] == 100 and at.button(key="surface.play").label == "▶ Play"
    assert all(len(path) == 101 for path in paths_drawn(at).values())
    assert at.slider(key="surface.scrubber").value == 100


def test_pause_step_scrubber_and_play_change_the_drawn_step():
    at = open_surface({"steps": "200"})
    while not all(w.done for w in at.session_state["surface.walks"]):  # walked in full, still being drawn
        at.run()
    at.button(key="surface.play").click().run()  # Pause
    paused = at.session_state["surface.shown"]
    assert not at.session_state["surface.playing"] and 0 < paused < 200
    at.run().run()
    assert at.session_state["surface.shown"] == paused  # paused: runs redraw the same step
    at.button(key="surface.step").click().run()
    assert at.session_state["surface.shown"] == paused + 1
    assert all(len(path) == paused + 2 for path in paths_drawn(at).values())
    at.slider(key="surface.scrubber").set_value(40).run()
    assert at.session_state["surface.shown"] == 40 and not at.session_state["surface.playing"]
    assert all(len(path) == 41 for path in paths_drawn(at).values())
    assert at.slider(key="surface.scrubber").value == 40
    at.button(key="surface.play").click().run()
    assert at.session_state["surface.playing"] and at.session_state["surface.shown"] > 40
    at = played_out(at)
    assert at.session_state["surface.shown"] == 200
    at.button(key="surface.play").click().run()  # Play at the end plays again from the start
    assert at.session_state["surface.playing"] and at.session_state["surface.shown"] < 10


def test_the_scrubber_stops_at_the_steps_walked_so_far():
    """Every optimizer for 500 steps: the first runs walk only part of it, and neither the scrubber nor Step can
    show a step not walked yet."""
    everything = ";".join(SURFACE_OPTIMIZERS)
    at = open_surface({"racers": everything, "steps": "500", "function": "rastrigin"})
    at.button(key="surface.play").click().run()
    walked_so_far = at.session_state["surface.walked"]
    assert walked_so_far < 500
    at.slider(key="surface.scrubber").set_value(500).run()
    assert at.session_state["surface.shown"] <= max(walked_so_far, at.session_state["surface.walked"]) < 500


def test_the_legend_is_the_picker():
    """The chart's racers are the picked optimizers, in the picker's order, each named with its own settings: no
    racer is added or changed behind the picker (issue 9: 3 chips, 4 paths)."""
    at = open_surface({"steps": "10"})
    picked = at.multiselect(key="surface.picked").value
    assert picked == ["SGD", "Adam", "RMSprop"]
    drawn = list(paths_drawn(at))
    assert [name.split("(")[0] for name in drawn] == picked
    assert drawn == [popover.proto.popover.label for popover in at.get("popover")]
    at.multiselect(key="surface.picked").unselect("Adam").select("LBFGS").run()
    assert [name.split("(")[0] for name in paths_drawn(at)] == ["SGD", "RMSprop", "LBFGS"]
    assert at.query_params["racers"] == "SGD:lr=0.05,momentum=0.9;RMSprop:lr=0.05,momentum=0;LBFGS:lr=1"


def test_a_racer_s_momentum_changes_that_racer_only():
    at = walked(open_surface({"steps": "30"}))
    before = at.session_state["surface.walks"]
    at.slider(key="surface.racer.SGD.momentum").set_value(0.5).run()
    at = walked(at)
    after = at.session_state["surface.walks"]
    assert [w.trajectory.racer.name for w in after] == ["SGD", "Adam", "RMSprop"]
    assert after[0].trajectory.racer.hyper == {"lr": 0.05, "momentum": 0.5}
    assert after[0].trajectory.points != before[0].trajectory.points
    for old, new in zip(before[1:], after[1:]):
        assert new.trajectory.racer == old.trajectory.racer and new.trajectory.points == old.trajectory.points
    assert at.query_params["racers"] == "SGD:lr=0.05,momentum=0.5;Adam:lr=0.05;RMSprop:lr=0.05,momentum=0"
    assert "momentum=0.5" in at.code[0].value
    at.select_slider(key="surface.racer.Adam.lr").set_value(0.2).run()
    assert at.session_state["surface.walks"][1].trajectory.racer.hyper == {"lr": 0.2}
    assert at.session_state["surface.walks"][2].trajectory.racer.hyper == {"lr": 0.05, "momentum": 0.0}


def test_a_click_on_the_chart_moves_the_start():
    """A click on the contour chart sets x and y, the URL, and every path's first point; a click is one event, so
    typing x afterwards is kept. A click that is not two numbers changes nothing."""
    at = open_surface({"steps": "20"})
    click_chart(at, {"x": "1", "y": 2})
    assert (at.session_state["surface.x"], at.session_state["surface.y"]) == (-1.5, 1.5) and not at.exception
    click_chart(at, {"x": 0.5012, "y": -1.25})
    assert (at.session_state["surface.x"], at.session_state["surface.y"]) == (0.5, -1.25)
    assert (at.query_params["x"], at.query_params["y"]) == ("0.5", "-1.25")
    assert all(w.trajectory.points[0] == (0.5, -1.25) for w in at.session_state["surface.walks"])
    assert all(path[0] == (0.5, -1.25) for path in paths_drawn(at).values())
    at.number_input(key="surface.x").set_value(1.0).run()
    assert at.session_state["surface.walks"][0].trajectory.points[0] == (1.0, -1.25)


def test_divergence_is_shown_not_raised():
    at = open_surface({"racers": "SGD:lr=2", "function": "bowl", "condition": "50", "steps": "50"})
    assert not at.exception
    assert any("diverged" in w.value for w in at.warning)


def test_bad_url_falls_back_with_a_warning():
    at = open_surface({"function": "banana", "x": "1e9"})
    assert not at.exception
    assert len(at.warning) >= 2


def test_a_link_s_warnings_stay_through_the_animation():
    """x=11 is refused with a warning that is still there when the paths are fully drawn, also when the animation
    ends in the first run (steps=5); moving a widget clears it."""
    for steps in ("5", "40"):
        at = walked(open_surface({"x": "11", "steps": steps}))
        assert [w.value for w in at.warning if "`x`" in w.value], steps
    at.slider(key="surface.racer.SGD.momentum").set_value(0.5).run()
    assert not [w.value for w in at.warning if "`x`" in w.value]


def test_a_link_s_lr_is_used_and_dropped_racers_are_named():
    at = walked(open_surface({"racers": "SGD:lr=0.07;Adamw;LBFGSS", "steps": "10"}))
    assert not at.exception
    assert at.session_state["surface.racer.SGD.lr"] == 0.07
    assert at.query_params["racers"] == "SGD:lr=0.07,momentum=0" and "lr=0.07" in at.code[0].value
    messages = [w.value for w in at.warning]
    assert any("` Adamw `" in m for m in messages) and any("` LBFGSS `" in m for m in messages)


def test_the_worst_link_is_walked_in_pieces():
    """Every optimizer for 500 steps at the largest step size: each run walks for a bounded time, the page stays
    usable, and the walk ends with the same snippet output as ever."""
    everything = ";".join(f"{name}:{OPTIMIZERS[name].lr_name}=2" for name in SURFACE_OPTIMIZERS)
    at = walked(open_surface({"racers": everything, "steps": "500", "function": "rosenbrock"}))
    assert not at.exception
    assert [w.trajectory.racer.name for w in at.session_state["surface.walks"]] == list(SURFACE_OPTIMIZERS)


def test_an_empty_picker_says_so():
    at = open_surface({"steps": "10"})
    at.multiselect(key="surface.picked").set_value([]).run()
    assert not at.exception and at.info and not at.session_state["surface.walks"]
    assert at.button(key="surface.play").disabled


def test_chinese():
    at = open_surface(lang="zh")
    assert at.title[0].value == "曲面上的优化器"
    assert at.button(key="surface.play").label == "⏸ 暂停" and at.multiselect(key="surface.picked").label == "参赛者"
