"""Shared fixtures: clean Streamlit caches for every test, one served app and one Chromium for the browser tests."""

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, browser_available, in_ci, served_app


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives a real Chromium through Playwright")


@pytest.fixture(autouse=True)
def _clear_caches():
    """Streamlit's caches outlive an AppTest: start every test without what an earlier one cached."""
    import streamlit as st

    from core.keyed_cache import KeyedCache

    st.cache_data.clear()
    st.cache_resource.clear()
    KeyedCache.clear_all()


@pytest.fixture(scope="session")
def browser_and_app():
    """(browser, base URL); under CI=true a missing browser fails instead of skipping."""
    if not browser_available():
        if in_ci():
            pytest.fail(f"CI=true but {CHROMIUM} is missing: the browser tests must run in CI", pytrace=False)
        pytest.skip(f"{CHROMIUM} is not installed (scripts/test.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with served_app() as base, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser, base
        browser.close()


@pytest.fixture(scope="module")
def page(browser_and_app):
    """A fresh tab per test module, tall enough that Streamlit's own scrolling does not hide content."""
    browser, base = browser_and_app
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    tab = context.new_page()
    tab.base_url = base
    yield tab
    context.close()


def pytest_terminal_summary(terminalreporter):
    """The fuzz suite's counts: how many page runs, the largest peak-memory growth and the slowest run."""
    from tests.fuzz_checks import STATS

    if STATS.cases:
        terminalreporter.write_line(STATS.summary())
