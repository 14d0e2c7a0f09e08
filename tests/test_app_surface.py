"""AppTest of the surface page, and its snippet run in a fresh interpreter against what the page prints."""

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from core.surface.functions import FUNCTIONS
from core.surface.params import SURFACE_OPTIMIZERS
from tests.apptests import open_page as open_app_page


def open_surface(query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    return open_app_page("surface", query, lang)


def walked(at: AppTest, runs: int = 200) -> AppTest:
    """Run the page (each run is one tick in AppTest) until every racer has walked its steps and the animation is
    over: a long walk is spread over several runs."""
    for _ in range(runs):
        if all(w.done for w in at.session_state["surface.walks"]) and not at.session_state["surface.playing"]:
            return at
        at.run()
    raise AssertionError("the walk did not end")


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_every_function_runs_and_its_snippet_prints_what_the_page_shows(function):
    at = walked(open_surface({"function": function, "steps": "30", "optimizers": "SGD,Adam,LBFGS,FTRL,Adamax,Rprop,Adafactor"}))
    assert not at.exception
    code, shown = at.code[0].value, at.code[1].value
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == shown.strip()


def test_the_walk_is_revealed_step_by_step():
    at = open_surface({"steps": "20"})
    assert all(w.done for w in at.session_state["surface.walks"])  # a short walk is walked in the first run
    first = at.session_state["surface.shown"]
    at.run()
    assert at.session_state["surface.shown"] > first
    for _ in range(10):
        at.run()
    assert at.session_state["surface.shown"] == 20 and not at.session_state["surface.playing"]


def test_momentum_slider_changes_the_path():
    at = open_surface({"steps": "30", "optimizers": "SGD"})
    before = at.code[1].value
    at.slider(key="surface.momentum").set_value(0.5).run()
    assert at.code[1].value != before
    assert at.query_params["momentum"] == "0.5"


def test_divergence_is_shown_not_raised():
    at = open_surface({"lr": "2.0", "optimizers": "SGD", "function": "bowl", "condition": "50", "steps": "50"})
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
    at.slider(key="surface.momentum").set_value(0.5).run()
    assert not [w.value for w in at.warning if "`x`" in w.value]


def test_a_link_s_lr_is_used_and_dropped_optimizers_are_named():
    at = walked(open_surface({"lr": "0.07", "optimizers": "SGD,Adamw,LBFGSS", "steps": "10"}))
    assert not at.exception
    assert at.session_state["surface.lr"] == 0.07 and at.query_params["lr"] == "0.07"
    assert "lr=0.07" in at.code[0].value
    messages = [w.value for w in at.warning]
    assert any("` Adamw `" in m for m in messages) and any("` LBFGSS `" in m for m in messages)
    assert at.query_params["optimizers"] == "SGD"


def test_the_worst_link_is_walked_in_pieces():
    """Every optimizer for 500 steps at the largest lr: each run walks for a bounded time, the page stays usable, and
    the walk ends with the same snippet output as ever."""
    everything = ",".join(SURFACE_OPTIMIZERS)
    at = walked(open_surface({"optimizers": everything, "steps": "500", "lr": "2.0", "function": "rosenbrock"}))
    assert not at.exception
    assert len(at.session_state["surface.walks"]) == len(SURFACE_OPTIMIZERS) + 1  # SGD and its momentum twin


def test_chinese():
    at = open_surface(lang="zh")
    assert at.title[0].value == "曲面上的优化器"
