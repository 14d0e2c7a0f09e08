"""The surface page in a real Chromium at 1440x900: the controls and the chart on the first screen, the paths
redrawn while playing and still after Pause, and a click on the chart that moves the start point."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser import SCREENSHOTS, wait_idle

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
    return page.locator("[data-testid=stPlotlyChart]").filter(has=page.locator(".contourlayer")).first


def _drawn(page) -> str:
    """The first racer's path as the chart draws it (its SVG path), and whether the contour is there."""
    return page.evaluate(
        """() => {
            const chart = [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
                .find(c => c.querySelector('.contourlayer'));
            if (!chart) return 'blank: no chart';
            if (!chart.querySelector('.contourlayer path')) return 'blank: no contour';
            const lines = [...chart.querySelectorAll('.scatterlayer .trace .js-line')];
            return lines.length ? lines[0].getAttribute('d') : 'no path';
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


def _inside(box) -> bool:
    return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= WIDTH \
        and box["y"] + box["height"] <= HEIGHT


def _query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def test_play_pause_first_screen_and_a_click_on_the_chart(page):
    page.goto(f"{page.base_url}/surface?steps=400")
    _contour(page).wait_for(timeout=120_000)
    pause = page.get_by_role("button", name="⏸ Pause")
    pause.wait_for(timeout=60_000)  # a new walk plays by itself

    # the chart is redrawn again and again while playing (polled, not timed: a busy machine only slows it down)
    drawings = set()
    for _ in range(600):
        drawn = _drawn(page)
        if not drawn.startswith("blank") and drawn != "no path":
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
    paused = _drawn(page).count("L")  # the steps drawn: one line segment each
    page.wait_for_timeout(1500)
    assert _drawn(page).count("L") == paused, "the paths kept moving after Pause"
    page.screenshot(path=SCREENSHOTS / "61_surface_paused.png")

    # the controls and the chart are on the first screen
    for name, element in (("chart", _contour(page)), ("Play", page.get_by_role("button", name="▶ Play")),
                          ("picker", page.locator("[data-testid=stMultiSelect]").first),
                          ("scrubber", page.locator("[data-testid=stSlider]", has_text="Paths drawn up to step").first),
                          ("Step", page.get_by_role("button", name="Step +1"))):
        box = _box(element)
        assert _inside(box), f"the {name} is not on the first screen: {box}"

    # a click on the plot area at (0.5, -1) of the bowl (x and y from -2 to 2) moves the start there
    area = _box(_contour(page).locator(".nsewdrag").first)
    target = (0.5, -1.0)
    page.mouse.click(area["x"] + (target[0] + 2) / 4 * area["width"],
                     area["y"] + (2 - target[1]) / 4 * area["height"])
    page.wait_for_function("() => new URLSearchParams(location.search).get('x') !== '-1.5'", timeout=60_000)
    wait_idle(page, 60_000)
    query = _query(page)
    assert abs(float(query["x"]) - target[0]) <= 0.11 and abs(float(query["y"]) - target[1]) <= 0.11, query
    x_box = page.locator("[data-testid=stNumberInput]", has_text="x").first.locator("input")
    assert abs(float(x_box.input_value()) - target[0]) <= 0.11
    page.screenshot(path=SCREENSHOTS / "62_surface_clicked.png")


@pytest.mark.xfail(reason="st.plotly_chart (Streamlit 1.67) gives a chart a new element id whenever its figure "
                          "changes, so each redraw mounts a new chart and, for a moment, none is drawn", strict=False)
def test_the_chart_is_never_blank_while_playing(page):
    page.goto(f"{page.base_url}/surface?steps=500")
    _contour(page).wait_for(timeout=120_000)
    page.get_by_role("button", name="⏸ Pause").wait_for(timeout=60_000)
    seen = []
    for _ in range(100):
        seen.append(_drawn(page))
        page.wait_for_timeout(50)
    blank = [d for d in seen if d.startswith("blank")]
    assert not blank, f"{len(blank)} of {len(seen)} looks found no chart drawn"
