"""The Training lab in a real Chromium at 1440x900: Play, the live loss chart and the boundaries on the first screen;
Play extends the canvas chart tick after tick while the step count grows; Pause stops both."""

import pytest

from tests.browser import SCREENSHOTS, off_screen, wait_idle

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1440, "height": 900}


@pytest.fixture
def lab(browser_and_app):
    """A 1440x900 tab on a long race (it cannot end while the test plays)."""
    browser, base = browser_and_app
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(base + "/training_lab?steps=2000&speed=4")
    page.get_by_role("button", name="▶ Play").wait_for(timeout=90_000)
    page.locator(".tp-live-chart canvas").wait_for(timeout=60_000)
    wait_idle(page)
    yield page
    context.close()


def _on_first_screen(page, locator) -> None:
    why = off_screen(locator.bounding_box(), VIEWPORT["width"], VIEWPORT["height"])
    assert why is None, why


def _chart(page) -> dict:
    """What the canvas chart has drawn: its updates (data received) and the step it shows."""
    return page.evaluate(
        """() => ({updates: (window.tpLiveChart || {}).updates || 0,
                  step: Number(document.querySelector('.tp-live-chart').dataset.step || 0)})""")


def test_play_pause_chart_and_boundaries_on_the_first_screen(lab):
    page = lab
    play = page.get_by_role("button", name="▶ Play")
    for element in (play, page.locator(".tp-live-chart"), page.locator("[data-testid=stPlotlyChart]").first):
        _on_first_screen(page, element)
    page.screenshot(path=SCREENSHOTS / "40_lab_first_screen.png")
    before = _chart(page)
    play.click()
    page.wait_for_function(f"() => (window.tpLiveChart || {{}}).updates >= {before['updates'] + 5}", timeout=90_000)
    playing = _chart(page)
    assert playing["step"] > before["step"], "the chart was updated but shows no new step"
    page.wait_for_function(f"() => Number(document.querySelector('.tp-live-chart').dataset.step) > {playing['step']}",
                           timeout=60_000)
    page.screenshot(path=SCREENSHOTS / "41_lab_playing.png")
    # Pause: the chart stops at the step on screen when the click happens, without waiting for the server
    at_click = page.evaluate("""() => {
        const step = Number(document.querySelector('.tp-live-chart').dataset.step);
        [...document.querySelectorAll('button')].find(b => b.innerText.trim() === '⏸ Pause').click();
        return step;
    }""")
    page.get_by_role("button", name="▶ Play").wait_for(timeout=30_000)
    wait_idle(page)
    paused = _chart(page)
    page.wait_for_timeout(1500)
    assert _chart(page) == paused, "the chart kept changing after Pause"
    assert paused["step"] == at_click, f"the chart moved on from step {at_click} to {paused['step']} after Pause"
    progress = page.locator("[data-testid=stProgress]").first.inner_text()
    taken = int(progress.split()[1])  # "step N of 2000"
    # the race runs at most a tick or two ahead of the drawing (each tick's steps are drawn over the next tick)
    assert paused["step"] <= taken < 2000, f"the chart shows step {paused['step']}, the race says {progress}"
    _on_first_screen(page, page.get_by_role("button", name="▶ Play"))
    page.screenshot(path=SCREENSHOTS / "42_lab_paused.png")
    # Step after Pause: the race moves on by one, and the chart draws every step the race has taken
    page.get_by_role("button", name="Step", exact=True).click()
    page.wait_for_function(f"() => document.querySelector('[data-testid=stProgress]').innerText.includes('step {taken + 1} of')",
                           timeout=30_000)
    page.wait_for_function(f"() => Number(document.querySelector('.tp-live-chart').dataset.step) === {taken + 1}",
                           timeout=30_000)
    # Reset: a new race at step 0, and the chart starts over with it
    page.get_by_role("button", name="↺ Reset").click()
    page.wait_for_function("() => document.querySelector('[data-testid=stProgress]').innerText.includes('step 0 of')",
                           timeout=30_000)
    page.wait_for_function("() => Number(document.querySelector('.tp-live-chart').dataset.step) === 0", timeout=30_000)


def test_a_race_that_ends_while_paused_draws_every_step(lab):
    """Paused (the chart held where the click found it), then the budget is cut to the steps taken: the race is over,
    nothing can move it again, so the chart draws every step it took."""
    page = lab
    page.get_by_role("button", name="▶ Play").click()
    page.wait_for_function("() => Number(document.querySelector('.tp-live-chart').dataset.step) > 8", timeout=90_000)
    page.evaluate("""() => [...document.querySelectorAll('button')].find(b => b.innerText.trim() === '⏸ Pause').click()""")
    page.get_by_role("button", name="▶ Play").wait_for(timeout=30_000)
    wait_idle(page)
    taken = int(page.locator("[data-testid=stProgress]").first.inner_text().split()[1])  # "step N of 2000"
    page.get_by_text("Data, model and budget").click()
    steps = page.locator("[data-testid=stNumberInput]", has_text="steps").first.locator("input")
    steps.fill(str(taken))
    steps.press("Enter")
    page.wait_for_function(f"() => document.querySelector('[data-testid=stProgress]').innerText.includes('step {taken} of {taken}')",
                           timeout=30_000)
    page.wait_for_function(f"() => Number(document.querySelector('.tp-live-chart').dataset.step) === {taken}",
                           timeout=30_000)
