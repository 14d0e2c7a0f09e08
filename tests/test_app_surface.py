"""AppTest of the surface page, and its snippet run in a fresh interpreter against what the page prints."""

import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from core.surface.functions import FUNCTIONS
from tests.apptests import open_page as open_app_page


def open_surface(query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    return open_app_page("surface", query, lang)


@pytest.mark.parametrize("function", list(FUNCTIONS))
def test_every_function_runs_and_its_snippet_prints_what_the_page_shows(function):
    at = open_surface({"function": function, "steps": "30", "optimizers": "SGD,Adam,LBFGS,FTRL"})
    assert not at.exception
    code, shown = at.code[0].value, at.code[1].value
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == shown.strip()


def test_the_walk_is_revealed_step_by_step():
    at = open_surface({"steps": "20"})
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


def test_chinese():
    at = open_surface(lang="zh")
    assert at.title[0].value == "曲面上的优化器"
