"""The flows that matter, in a real Chromium: open the app, go to Tensor ops, choose gather, edit a cell, click a
result cell, switch the language. Screenshots land in tests/screenshots/ (git-ignored)."""

import pytest

from tests.browser import SCREENSHOTS, edit_cell, wait_for_change, wait_idle

pytestmark = pytest.mark.browser
COLUMN_PX = 64  # components.tensor_grid.COLUMN_PX
INDEX_PX = 50  # the row-number column of a small grid

def _printed(page) -> str:
    """The 'What it prints' block: torch's own print of the result."""
    return page.locator("[data-testid=stCode]").nth(1).inner_text()


def _result_chart(page):
    """The result heatmap of gather (beside the inputs; the inputs' heatmaps come after it)."""
    return page.locator(".st-key-chart-result-gather")


def test_home_then_ops_then_gather_then_edit(page):
    page.goto(page.base_url)
    page.get_by_text("Tensor Playground").first.wait_for(timeout=60_000)
    wait_idle(page)
    page.screenshot(path=SCREENSHOTS / "01_home.png")

    page.locator("[data-testid=stSidebarNavLink]", has_text="Tensor ops").click()
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=60_000)
    wait_idle(page)

    sum_printed = _printed(page)
    _pick_op(page, "torch.gather")
    wait_for_change(page, lambda: _printed(page), sum_printed)  # under load the old op's output can linger a while
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for()
    assert "[[10, 80, 60]" in _printed(page).replace("\n", "").replace("  ", " ") or "10, 80, 60" in _printed(page)
    page.screenshot(path=SCREENSHOTS / "02_gather.png")
    before_image = _result_chart(page).locator(".heatmaplayer image").first.get_attribute("href")
    before_printed = _printed(page)

    # input[0, 1] is 20; gather dim=0 with index[1][1] = 0 copies it to result[1, 1]
    editor = page.locator("[data-testid=stDataFrame]").first
    edit_cell(page, editor, row=0, column=1, text="99", column_px=COLUMN_PX, index_px=INDEX_PX)
    after_printed = wait_for_change(page, lambda: _printed(page), before_printed)
    assert after_printed != before_printed
    assert "99" in after_printed
    after_image = _result_chart(page).locator(".heatmaplayer image").first.get_attribute("href")
    assert after_image != before_image, "the result heatmap was not redrawn"
    assert "99" in page.url, "the URL did not follow the edit"
    page.screenshot(path=SCREENSHOTS / "03_gather_edited.png")


def test_bad_cell_gets_a_message_and_keeps_the_text(page):
    editor = page.locator("[data-testid=stDataFrame]").first
    edit_cell(page, editor, row=2, column=2, text="abc", column_px=COLUMN_PX, index_px=INDEX_PX)
    error = page.locator("[data-testid=stAlertContentError]").first
    error.wait_for(timeout=20_000)
    wait_idle(page)
    assert "input[2, 2]" in error.inner_text() and "abc" in error.inner_text()
    page.screenshot(path=SCREENSHOTS / "04_bad_cell.png")
    edit_cell(page, editor, row=2, column=2, text="90", column_px=COLUMN_PX, index_px=INDEX_PX)
    page.locator("[data-testid=stAlertContentError]").first.wait_for(state="detached", timeout=20_000)
    wait_idle(page)


def test_click_result_cell_shows_its_sources(page):
    chart = _result_chart(page)
    box = chart.locator(".nsewdrag").first.bounding_box()
    # result[0, 0] of the 3 x 3 result: the top-left cell of the plot area
    page.mouse.click(box["x"] + box["width"] / 6, box["y"] + box["height"] / 6)
    info = page.locator("[data-testid=stAlertContentInfo]").first
    info.wait_for(timeout=10_000)
    assert "result[0, 0]" in info.inner_text() and "input[0, 0]" in info.inner_text()
    page.screenshot(path=SCREENSHOTS / "05_gather_sources.png")


def test_change_dim_changes_the_result(page):
    before = _printed(page)
    page.locator("[data-testid=stRadio]").filter(has_text="dim").get_by_text("1", exact=True).click()
    assert wait_for_change(page, lambda: _printed(page), before) != before
    assert "dim=1" in page.url


def test_back_button_restores_the_previous_state(page):
    before = _printed(page)
    assert "dim=1" in page.url
    page.go_back()
    after = wait_for_change(page, lambda: _printed(page), before)
    assert "dim=0" in page.url
    assert after != before, "the page did not follow the URL back"


def test_switch_language(page):
    page.locator("[data-testid=stSidebar]").get_by_text("中文").click()
    wait_idle(page)
    page.get_by_text("张量运算").first.wait_for()
    assert "lang=zh" in page.url
    page.screenshot(path=SCREENSHOTS / "06_gather_zh.png")


def test_shape_error_is_explained(page):
    page.goto(page.base_url + "/tensor_ops?op=mm&input=[[1,2,3],[4,5,6]]&mat2=[[1,0,1],[0,1,1]]&lang=en")
    page.locator("[data-testid=stAlertContentError]").first.wait_for(timeout=60_000)
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=60_000)
    wait_idle(page)
    text = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "mat1 and mat2 shapes cannot be multiplied" in text and "(3, 2)" in text
    assert "Traceback" not in page.content()
    page.screenshot(path=SCREENSHOTS / "07_mm_error.png")


def _open(page, query: str) -> None:
    page.goto(page.base_url + "/tensor_ops?" + query)
    page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=60_000)
    wait_idle(page)


def test_einsum_equation_typed_in_the_browser(page):
    _open(page, "op=einsum&preset=guide_mm&lang=en")
    before = _printed(page)
    box = page.locator("[data-testid=stTextInput] input").first
    box.fill("ij->ji")
    box.press("Enter")
    error = page.locator("[data-testid=stAlertContentError]").first
    error.wait_for(timeout=20_000)  # two operands for a one-term equation: refused before torch
    wait_idle(page)
    assert "1 operand(s) but 2 tensor(s)" in error.inner_text()
    box.fill("ik,jk->ij")
    box.press("Enter")
    after = wait_for_change(page, lambda: _printed(page) if page.locator("[data-testid=stCode]").count() > 1 else "", "")
    assert after and after != before
    assert "summed indices k" in page.locator("[data-testid=stMarkdown]").all_inner_texts().__str__()
    page.screenshot(path=SCREENSHOTS / "08_einsum.png")


def test_view_trap_and_clamp_in_place(page):
    _open(page, "op=t().view&lang=en")
    text = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "view size is not compatible" in text and "reshape" in text
    page.screenshot(path=SCREENSHOTS / "09_view_trap.png")
    _open(page, "op=clamp_&lang=en")
    assert _printed(page).count("tensor([[0, 2],") == 2
    assert page.get_by_text("after the call").count() >= 1
    page.screenshot(path=SCREENSHOTS / "10_clamp_in_place.png")


def _pick_op(page, label: str) -> None:
    page.locator("[data-testid=stSelectbox]").first.click()
    page.keyboard.type(label)  # the list is long and virtualised: filter it first
    page.get_by_role("option", name=label, exact=True).click()


def test_cat_then_stack_keeps_the_edited_tensors(page):
    _open(page, "op=cat&lang=en")
    before = _printed(page)
    editor = page.locator("[data-testid=stDataFrame]").first  # tensors[0], [[1, 2], [3, 4]]
    edit_cell(page, editor, row=0, column=0, text="9", column_px=COLUMN_PX, index_px=INDEX_PX)
    edited = wait_for_change(page, lambda: _printed(page), before)
    assert "tensor([[9, 2]," in " ".join(edited.split()), edited

    _pick_op(page, "torch.stack")
    stacked = wait_for_change(page, lambda: _printed(page), edited)
    page.wait_for_function("() => new URLSearchParams(location.search).get('op') === 'stack'", timeout=30_000)
    flat = " ".join(stacked.split())
    assert flat.startswith("tensor([[[9, 2], [3, 4]], [[5, 6], [7, 8]]])"), f"stack did not get the edited tensors: {flat}"
    assert "9" in page.url, "the link lost the edited tensors"
    assert "torch.stack(tensors)" in "\n".join(page.locator("[data-testid=stCode]").all_inner_texts())
    page.screenshot(path=SCREENSHOTS / "12_cat_then_stack_kept.png")


def test_shape_button_resizes_the_grid_and_stays_open(page):
    """The shape button opens the dims' sizes (drawn only while open: opening it reruns the page); a new size
    reshapes the grid, keeps the cells that still fit, and leaves the popover open on the new shape; the new row
    is there to edit."""
    _open(page, "op=sum&lang=en")  # input: 2 x 3 ones, dim=None
    assert page.locator("[data-testid=stNumberInput]").count() == 0  # closed: no size boxes drawn
    page.get_by_role("button", name="(2, 3)").click()  # (Streamlit also keeps a hidden copy of the button)
    body = page.locator("[data-testid=stPopoverBody]")
    rows = body.locator("[data-testid=stNumberInput] input").first
    rows.wait_for(timeout=20_000)
    assert rows.input_value() == "2"
    rows.fill("3")
    rows.press("Enter")
    page.get_by_role("button", name="(3, 3)").wait_for(timeout=20_000)
    wait_idle(page)
    assert body.locator("[data-testid=stNumberInput] input").first.input_value() == "3"  # still open, shown anew
    shape_rule = page.locator("[data-testid=stMarkdown]", has_text="Shape rule").first.inner_text()
    assert "(3, 3) → ()" in shape_rule, shape_rule
    assert _printed(page) == "tensor(6.)"  # the new row is zeros: the ones that fitted are kept
    page.screenshot(path=SCREENSHOTS / "13_shape_popover.png")
    page.keyboard.press("Escape")
    body.wait_for(state="hidden", timeout=20_000)
    editor = page.locator("[data-testid=stDataFrame]").first
    edit_cell(page, editor, row=2, column=0, text="4", column_px=COLUMN_PX, index_px=INDEX_PX)
    edited = wait_for_change(page, lambda: _printed(page), "tensor(6.)")
    assert edited == "tensor(10.)", edited


def test_a_size_committed_by_clicking_outside_closes_the_shape_popover(page):
    """A size typed in the popover and committed by a click elsewhere on the page resizes the grid, and the popover
    stays closed as the click asked (it reopened when the resize always carried the popover over as open)."""
    _open(page, "op=sum&lang=en")
    page.get_by_role("button", name="(2, 3)").click()
    body = page.locator("[data-testid=stPopoverBody]")
    rows = body.locator("[data-testid=stNumberInput] input").first
    rows.wait_for(timeout=20_000)
    rows.fill("3")
    page.mouse.click(1300, 850)  # empty page, outside the popover
    rule = lambda: page.locator("[data-testid=stMarkdown]", has_text="Shape rule").first.inner_text()
    assert "(3, 3) → ()" in wait_for_change(page, rule, rule())
    page.wait_for_timeout(1000)  # time for a reopening rerun, were there one
    wait_idle(page)
    assert page.get_by_role("button", name="(3, 3)").count() == 1
    assert not body.is_visible()
