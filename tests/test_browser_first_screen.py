"""The first-screen rule of the Tensor ops page, in a real Chromium at 1440x900: for every op at its first preset, and
for the presets in TALLEST (those that need the most room), the op picker, the first input grid, the first argument
and the result (or what stands in for it: torch's refusal, item's number) lie inside the window without scrolling.

One server and one tab: each state is reached by changing the URL in place (pushState + popstate, which the page
follows as it follows the Back button), not by reloading the app."""

import re
from urllib.parse import urlencode

import pytest

from core.ops.catalog import OPS
from tests.browser import SCREENSHOTS, off_screen, wait_idle

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 1440, 900
# presets past an op's first that need the most room: three tensors in a list, three grids, 3-d inputs and results,
# two results, four arguments (all 153 presets of every op pass too, but take over twice as long as these 67 states)
TALLEST = (("cat", "three"), ("scatter", "rows"), ("sum", "cube"), ("einsum", "batched"), ("matmul", "batched"),
           ("stack", "matrices"), ("topk", "too_many"), ("randint", "dice"), ("permute", "cube"), ("where", "relu"))
STATES = [(op, spec.presets[0].key) for op, spec in OPS.items()] + list(TALLEST)


def _key_class(key: str) -> str:
    """The CSS class Streamlit gives a keyed element: `st-key-` and the key with other characters as dashes."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key)


@pytest.fixture(scope="module")
def window(browser_and_app):
    browser, base = browser_and_app
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    tab = context.new_page()
    tab.goto(base + "/tensor_ops?op=sum&lang=en")
    tab.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=120_000)  # the first run imports torch
    wait_idle(tab, timeout_ms=60_000)
    yield tab
    context.close()


def _go(page, query: str, op: str, title: str) -> None:
    """Open `/tensor_ops?<query>` in the same session, and wait until that op's page shows the example `title`."""
    page.evaluate(
        "url => { history.pushState({}, '', url); window.dispatchEvent(new PopStateEvent('popstate', {state: {}})); }",
        "/tensor_ops?" + query,
    )
    picker = f".{_key_class(f'preset.{op}')} input"
    page.wait_for_function(
        "([picker, title]) => { const box = document.querySelector(picker); return box && box.value === title; }",
        arg=[picker, title], timeout=60_000,
    )
    wait_idle(page, timeout_ms=60_000)


def _outside(page, selector: str) -> str | None:
    """None when the first element matching `selector` lies inside the window; else why not."""
    found = page.locator(selector)
    if found.count() == 0:
        return f"{selector}: not on the page"
    why = off_screen(found.first.bounding_box(), WIDTH, HEIGHT)
    return f"{selector}: {why}" if why else None


def _misplaced(page, op: str, preset: str) -> list[str]:
    """Open one state and list what of it lies outside the window."""
    spec = OPS[op]
    query = urlencode({"op": op, "preset": preset, "lang": "en"})
    shown = spec.preset(preset)
    _go(page, query, op, shown.title("en"))
    if shown.error:
        result = "[data-testid=stAlertContentError]"  # torch's refusal stands where the result would be
    elif op == "item":
        result = "[data-testid=stMetric]"  # a plain Python number
    else:
        result = "." + _key_class(f"chart.result.{op}")
    wanted = [".st-key-op", result]
    if spec.tensors:
        wanted.append("[data-testid=stDataFrame]")
    if spec.args:
        wanted.append(f'[class*="{_key_class(f"arg.{op}.")}"]')
    problems = [f"{query}: {p}" for p in (_outside(page, s) for s in wanted) if p]
    if problems:
        page.screenshot(path=SCREENSHOTS / f"first_screen_{_key_class(op)}_{preset}.png")
    return problems


def test_picker_inputs_arguments_and_result_on_the_first_screen(window):
    """Every op at its first preset, then the TALLEST presets, in one tab (one state after another)."""
    problems = [p for op, preset in STATES for p in _misplaced(window, op, preset)]
    assert not problems, "\n".join(problems)
