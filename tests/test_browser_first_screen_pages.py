"""One screen per interaction (issue 9), in a real Chromium: at 1440x900 the controls a user changes and the result
they change lie inside the viewport without scrolling; at 400 px wide the result comes right after its controls.
Screenshots of every case at both widths go to tests/screenshots/ (git-ignored)."""

from dataclasses import dataclass

import pytest

from tests.browser import SCREENSHOTS, off_screen, wait_idle

pytestmark = pytest.mark.browser

WIDE, NARROW, HEIGHT = 1440, 400, 900
NEXT_PX = 160  # at 400 px, the most that may separate the last control from the result (a line of text and a title)
LOAD_MS = 120_000  # the first load of a page imports torch, and the machine may be busy


@dataclass(frozen=True)
class FirstScreen:
    """A page state, the widgets that change it and the elements that show the result."""

    name: str  # of the screenshots
    path: str  # the page's URL path and query
    controls: tuple[str, ...]  # widget keys, as Streamlit's st-key-* classes spell them (dots become dashes)
    results: tuple[str, ...]  # CSS selectors; every visible match of each is checked
    narrow: bool = True  # also check the 400 px order


DATA_CONTROLS = (
    "data-preset", "data-dataset", "data-mismatch", "data-N", "data-F", "data-seed", "data-batch_size",
    "data-generator", "data-epochs", "data-shuffle", "data-drop_last",
)
CASES = (
    FirstScreen("data_loading", "data_loading", DATA_CONTROLS, (".st-key-data-chart-batches",)),
    FirstScreen("data_loading_drop_last", "data_loading?drop_last=true", DATA_CONTROLS,
                (".st-key-data-chart-batches",)),
    FirstScreen("data_loading_zh", "data_loading?lang=zh", DATA_CONTROLS, (".st-key-data-chart-batches",),
                narrow=False),
    FirstScreen("data_loading_nothing_left", "data_loading?N=5&batch_size=8&drop_last=true", DATA_CONTROLS,
                (".st-key-data-chart-batches", ".st-key-data-batches [data-testid=stAlert]"), narrow=False),
    FirstScreen("data_loading_mismatch", "data_loading?dataset=MyDataset&mismatch=true", DATA_CONTROLS,
                (".st-key-data-batches [data-testid=stAlert]",)),
    FirstScreen("activations_curves", "activations", ("act-activation", "act-x_range", "act-compare"),
                (".st-key-act-curves", "[data-testid=stAlert]")),
    FirstScreen("activations_curves_softmax_zh", "activations?activation=Softmax&lang=zh",
                ("act-activation", "act-x_range", "act-compare"), (".st-key-act-curves", "[data-testid=stAlert]"),
                narrow=False),
    FirstScreen("activations_softmax", "activations?tab=softmax",
                ("act-preset-guide", "act-preset-logits", "act-preset-ties", "act-dim", "act-temperature"),
                ("[class*=st-key-act-editor]", ".st-key-act-result", ".st-key-act-sums")),
    FirstScreen("activations_softmax_ties", "activations?tab=softmax&input=[[1,1,1,1],[0,0,0,8]]&dim=0",
                ("act-dim", "act-temperature"), (".st-key-act-result", ".st-key-act-sums"), narrow=False),
    FirstScreen("activations_stability", "activations?tab=stability", ("act-offset", "act-dtype"),
                ("[data-testid=stDataFrame]", "[data-testid=stAlert]")),
    # Losses: the inputs, the per-element losses and the reduced one; Module containers: what each of the three
    # holders registers (its parameter count, state_dict keys and per-layer table).
    FirstScreen("losses", "losses", ("losses-loss", "losses-preset", "losses-reduction"),
                ("[class*=st-key-losses-editor-input]", "[class*=st-key-losses-editor-target]",
                 ".st-key-losses-chart-per_element", "[data-testid=stMetric]"), narrow=False),
    FirstScreen("containers", "containers", ("modules-layers", "modules-features", "modules-bias"),
                ("[data-testid=stMetric]", "[class*=st-key-modules-holder]"), narrow=False),
)


@pytest.fixture(scope="module")
def tabs(browser_and_app):
    """A tab at each width: {width: page}."""
    browser, base = browser_and_app
    contexts = {width: browser.new_context(viewport={"width": width, "height": HEIGHT}) for width in (WIDE, NARROW)}
    pages = {width: context.new_page() for width, context in contexts.items()}
    for tab in pages.values():
        tab.base_url = base
    yield pages
    for context in contexts.values():
        context.close()


def _open(page, case: FirstScreen) -> tuple[list, list]:
    """Open the case's URL, wait for its results to be drawn; (control boxes, result boxes), named."""
    page.goto(f"{page.base_url}/{case.path}")
    found = {selector: page.locator(selector).filter(visible=True) for selector in case.results}
    for element in [page.locator(f".st-key-{key}").first for key in case.controls] + [m.first for m in found.values()]:
        element.wait_for(timeout=LOAD_MS)
    for chart in page.locator("[data-testid=stPlotlyChart]").filter(visible=True).all():
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=LOAD_MS)
    wait_idle(page, LOAD_MS)
    controls = [(key, page.locator(f".st-key-{key}").first.bounding_box()) for key in case.controls]
    results = [(selector, match.bounding_box()) for selector, matches in found.items() for match in matches.all()]
    return controls, results


def _outside(boxes: list, width: int) -> list[str]:
    """The named boxes that are not wholly inside a width x HEIGHT viewport (1 px of rounding allowed)."""
    return [f"{name}: {why}" for name, box in boxes if (why := off_screen(box, width, HEIGHT))]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_controls_and_result_share_the_first_screen(tabs, case):
    page = tabs[WIDE]
    controls, results = _open(page, case)
    page.screenshot(path=SCREENSHOTS / f"first_screen_{case.name}_{WIDE}.png")
    assert not _outside(controls + results, WIDE)


@pytest.mark.parametrize("case", [c for c in CASES if c.narrow], ids=lambda c: c.name)
def test_on_a_phone_the_result_follows_its_controls(tabs, case):
    page = tabs[NARROW]
    controls, results = _open(page, case)
    last_control = max(box["y"] + box["height"] for _, box in controls)
    first_result = min(box["y"] for _, box in results)
    page.locator(case.results[0]).filter(visible=True).first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    page.screenshot(path=SCREENSHOTS / f"first_screen_{case.name}_{NARROW}.png")
    assert 0 <= first_result - last_control <= NEXT_PX, (last_control, first_result)
