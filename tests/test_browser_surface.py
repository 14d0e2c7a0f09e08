"""The surface page in a real Chromium at 1440x900: the controls and the chart on the first screen, the paths
redrawn while playing and still after Pause, and a click on the chart that moves the start point."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser import SCREENSHOTS, off_screen, wait_idle

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 1440, 900


@pytest.fixture(scope="module")
def page(browser_and_app):
    """A laptop-sized tab: what fits in it is what a user sees without scrolling."""
    browser, base = browser_and_app
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    tab = context.new_page()
    tab.base_url = base
    yield tab
    context.close()


def _contour(page):
    return page.locator(".tp-surface-chart[data-plot]").first  # the paths chart (components/surface_chart.js)


def _drawn(page) -> str:
    """How many path points each chart has drawn ("values/paths"), or why a chart shows nothing."""
    return page.evaluate(
        """() => {
            const charts = [...document.querySelectorAll('.tp-surface-chart')];
            if (charts.length < 2) return 'blank: ' + charts.length + ' charts';
            for (const chart of charts) {
                const canvas = chart.querySelector('canvas');
                if (!canvas || !canvas.width || !canvas.isConnected) return 'blank: no canvas';
                if (!(Number(chart.dataset.points) > 0)) return 'blank: nothing drawn';
            }
            return charts.map(c => c.dataset.points).join('/');
        }"""
    )


def _box(element) -> dict | None:
    """The element's box, waiting for it: a chart being redrawn may be away for a moment."""
    for _ in range(50):
        element.wait_for(timeout=60_000)
        box = element.bounding_box()
        if box:
            return box
    return None


def _query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_play_pause_first_screen_and_a_click_on_the_chart(page):
    page.goto(f"{page.base_url}/surface?steps=400")
    _contour(page).wait_for(timeout=120_000)
    pause = page.get_by_role("button", name="⏸ Pause")
    pause.wait_for(timeout=60_000)  # a new walk plays by itself

    # the charts are redrawn again and again while playing (polled, not timed: a busy machine only slows it down)
    drawings = set()
    for _ in range(600):
        drawn = _drawn(page)
        if not drawn.startswith("blank"):
            drawings.add(drawn)
        if len(drawings) >= 5:
            break
        page.wait_for_timeout(100)
    assert len(drawings) >= 5, f"the paths were drawn only {len(drawings)} ways while playing"
    page.screenshot(path=SCREENSHOTS / "60_surface_playing.png")

    # Pause: the drawing stops where it is
    pause.click()
    page.get_by_role("button", name="▶ Play").wait_for(timeout=60_000)
    wait_idle(page, 60_000)
    paused = _drawn(page)  # the points drawn: one a step
    page.wait_for_timeout(1500)
    assert _drawn(page) == paused, "the paths kept moving after Pause"
    page.screenshot(path=SCREENSHOTS / "61_surface_paused.png")

    # the controls and the chart are on the first screen
    for name, element in (("chart", _contour(page)), ("Play", page.get_by_role("button", name="▶ Play")),
                          ("picker", page.locator("[data-testid=stMultiSelect]").first),
                          ("scrubber", page.locator("[data-testid=stSlider]", has_text="Paths drawn up to step").first),
                          ("Step", page.get_by_role("button", name="Step +1"))):
        why = off_screen(_box(element), WIDTH, HEIGHT)
        assert why is None, f"the {name} is not on the first screen: {why}"

    # a click on the plot area at (0.5, -1) of the bowl (x and y from -2 to 2) moves the start there
    canvas = _box(_contour(page).locator("canvas"))
    left, top, width, height = (float(v) for v in _contour(page).get_attribute("data-plot").split(","))
    target = (0.5, -1.0)
    page.mouse.click(canvas["x"] + left + (target[0] + 2) / 4 * width, canvas["y"] + top + (2 - target[1]) / 4 * height)
    page.wait_for_function("() => new URLSearchParams(location.search).get('x') !== '-1.5'", timeout=60_000)
    wait_idle(page, 60_000)
    query = _query(page)
    assert abs(float(query["x"]) - target[0]) <= 0.02 and abs(float(query["y"]) - target[1]) <= 0.02, query
    x_box = page.locator("[data-testid=stNumberInput]", has_text="x").first.locator("input")
    assert abs(float(x_box.input_value()) - target[0]) <= 0.02
    # hovering the new start names it: every path begins there, at step 0
    page.mouse.move(canvas["x"] + left + (target[0] + 2) / 4 * width + 1, canvas["y"] + top + (2 - target[1]) / 4 * height)
    tip = _contour(page).locator(".tp-surface-chart-tip")
    tip.wait_for(state="visible", timeout=10_000)
    assert "step 0" in tip.inner_text(), tip.inner_text()
    page.screenshot(path=SCREENSHOTS / "62_surface_clicked.png")


def test_the_charts_are_never_blank_while_playing(page):
    """Sampled every 50 ms while a long walk plays: both charts are there and drawn at every look, and they move."""
    page.goto(f"{page.base_url}/surface?steps=500")
    _contour(page).wait_for(timeout=120_000)
    page.get_by_role("button", name="⏸ Pause").wait_for(timeout=60_000)
    seen = []
    for _ in range(100):
        seen.append(_drawn(page))
        page.wait_for_timeout(50)
    blank = [d for d in seen if d.startswith("blank")]
    assert not blank, f"{len(blank)} of {len(seen)} looks found a chart missing or empty: {blank[:3]}"
    assert len(set(seen)) >= 5, f"the paths were drawn only {len(set(seen))} ways in 100 looks while playing"
