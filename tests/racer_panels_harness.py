"""A page with only the racers box and its panels, for tests/test_browser_racer_panels.py: the panels' open state
is the browser's, so it is checked in Chromium, away from the rest of the Training lab."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # streamlit puts only tests/ on the path

import streamlit as st  # noqa: E402

from components.racer_panels import TEXT_KEY, racer_panels  # noqa: E402
from core.training.lab_params import parse_racers  # noqa: E402

st.session_state.setdefault(TEXT_KEY, "SGD:lr=0.1;Adam:lr=0.01")
st.text_input("racers", key=TEXT_KEY)
racer_panels(parse_racers(st.session_state[TEXT_KEY], "en"), "en")
