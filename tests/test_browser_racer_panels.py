"""A racer's panel in Chromium: opened, edited so that its label changes (lr=0.1 -> lr=0.5), it stays open; the
other panel stays closed; the user can still fold it. AppTest cannot see this: the open state lives in the browser."""

import pytest

from tests.browser import SCREENSHOTS, served_app, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def harness(browser_and_app):
    """A tab of the tests' Chromium on tests/racer_panels_harness.py, served by its own server (one Playwright per
    process: a second sync_playwright() inside the first one's event loop is refused)."""
    browser, _ = browser_and_app
    with served_app("tests/racer_panels_harness.py") as base:
        context = browser.new_context(viewport={"width": 1200, "height": 1400})
        tab = context.new_page()
        tab.goto(base, timeout=60_000)
        wait_idle(tab, 60_000)
        yield tab
        context.close()


def _panel(page, text: str):
    """(label, open) of the panel whose label contains `text`."""
    panel = page.locator("[data-testid=stExpander]", has_text=text).first
    return panel.locator("summary").first.inner_text().split("\n")[-1], panel.locator("details").first.get_attribute("open") is not None


def _edit(page, text: str, field: int, value: str) -> None:
    box = page.locator("[data-testid=stExpander]", has_text=text).first.locator("[data-testid=stNumberInputField]").nth(field)
    box.fill(value)
    box.press("Enter")
    page.wait_for_timeout(500)
    wait_idle(page)


def test_an_open_panel_stays_open_while_its_label_follows_the_edits(harness):
    page = harness
    page.locator("[data-testid=stExpander] summary", has_text="SGD lr=0.1").first.click()
    wait_idle(page)
    assert _panel(page, "SGD") == ("SGD lr=0.1", True)
    _edit(page, "SGD", 0, "0.5")
    assert _panel(page, "SGD") == ("SGD lr=0.5", True), "the panel folded when its label changed"
    _edit(page, "SGD", 1, "0.9")
    assert _panel(page, "SGD") == ("SGD lr=0.5 momentum=0.9", True)
    assert _panel(page, "Adam") == ("Adam lr=0.01", False)
    page.screenshot(path=SCREENSHOTS / "racer_panel_open_after_edits.png")
    page.locator("[data-testid=stExpander] summary", has_text="SGD").first.click()
    wait_idle(page)
    assert _panel(page, "SGD") == ("SGD lr=0.5 momentum=0.9", False), "the user can still fold it"
