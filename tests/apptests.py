"""Opening one page of the app in AppTest, as a link would: in a language, with its URL parameters."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

PAGES = Path(__file__).resolve().parent.parent / "app_pages"


def page_test(page: str, query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    """An AppTest of app_pages/<page>.py in `lang`, its URL holding `query`; not run yet."""
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at


def open_page(page: str, query: dict[str, str] | None = None, lang: str = "en") -> AppTest:
    """The same, run once."""
    return page_test(page, query, lang).run()
