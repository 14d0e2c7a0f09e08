"""The open tab of the Activations, Losses and Module containers pages is in the URL: a link opens its tab."""


import pytest
from streamlit.testing.v1 import AppTest

from core.activations.params import TABS as ACT_TABS
from core.containers.params import TABS as CONTAINER_TABS
from core.losses.params import TABS as LOSS_TABS
from tests.apptests import open_page

PAGES = {"activations": ACT_TABS, "losses": LOSS_TABS, "containers": CONTAINER_TABS}
CASES = [(page, index, name) for page, tabs in PAGES.items() for index, name in enumerate(tabs)]


def open_tab(at: AppTest) -> int:
    """The index of the tab the page tells the browser to open (the tab container's default_tab_index)."""
    found = []

    def visit(node) -> None:
        proto = getattr(node, "proto", None)
        if type(proto).__name__ == "Block" and proto.WhichOneof("type") == "tab_container":
            found.append(proto.tab_container.default_tab_index)
        for child in (getattr(node, "children", None) or {}).values():
            visit(child)

    visit(at._tree)
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page, index, name", CASES)
def test_a_link_opens_the_tab_it_names(page, index, name, lang):
    at = open_page(page, {"tab": name}, lang)
    choices = ", ".join(PAGES[page])  # in the URL warning, which must not appear
    assert not at.exception and not any(choices in w.value for w in at.warning)
    assert open_tab(at) == index
    assert at.query_params["tab"] == name


@pytest.mark.parametrize("page", PAGES)
def test_no_tab_opens_the_first_and_an_unknown_one_warns(page):
    assert open_tab(open_page(page, {})) == 0
    at = open_page(page, {"tab": "nonsense"})
    assert not at.exception and open_tab(at) == 0
    assert any("nonsense" in w.value for w in at.warning)


@pytest.mark.parametrize("page", PAGES)
def test_switching_language_keeps_the_open_tab(page):
    """The tabs widget holds a label; a language switch changes every label, and the same tab stays open."""
    last = len(PAGES[page]) - 1
    at = open_page(page, {"tab": PAGES[page][last]})
    at.session_state["lang"] = "zh"
    at.run()
    assert not at.exception and open_tab(at) == last
