"""The README's table of the guide's topics: every guide op has a link, and every link opens a real page with values
the page takes as they are (no fallback message)."""

from pathlib import Path
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from components.page_list import PAGES
from core import page_params, url_state
from core.activations import params as activation_params
from core.containers import params as container_params
from core.data import params as data_params
from core.losses import params as loss_params
from core.ops.catalog import GUIDE_OPS

README = Path(__file__).resolve().parent.parent / "README.md"
# the pages whose parameters are a plain list; Losses' depend on the loss (loss_params.page_params)
PAGE_PARAMS = {"activations": activation_params.PARAMS, "containers": container_params.PARAMS,
               "data_loading": data_params.PARAMS}


def _guide_links() -> list[str]:
    text = README.read_text()
    section = text[text.index("## The guide"):text.index("## Run it")]
    return re.findall(r"\]\((http://localhost:8501/[^)\s]*)\)", section)


def _page_and_query(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.path.strip("/"), dict(parse_qsl(parts.query))


def test_every_guide_op_has_a_link():
    linked = {query.get("op") for page, query in map(_page_and_query, _guide_links()) if page == "tensor_ops"}
    assert set(GUIDE_OPS) <= linked, set(GUIDE_OPS) - linked


@pytest.mark.parametrize("url", _guide_links())
def test_link_opens_its_page_without_a_fallback(url):
    page, query = _page_and_query(url)
    assert f"app_pages/{page}.py" in [entry.path for entry in PAGES]
    if page == "tensor_ops":
        state, messages = url_state.decode(query, "en")
        assert state.op == query["op"]
    elif page == "losses":
        loss = loss_params.loss_in(query, None)
        assert loss == query.get("loss", loss)
        _, messages = page_params.decode(loss_params.page_params(loss), query, "en")
    else:
        _, messages = page_params.decode(PAGE_PARAMS.get(page, []), query, "en")
    assert messages == []
