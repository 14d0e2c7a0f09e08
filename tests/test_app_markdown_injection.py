"""No message can be forged: every page, opened with hostile values in every one of its URL parameters (and in the
boxes a user types into), shows them only inside code spans, cut short. Streamlit renders errors, warnings, infos,
captions and markdown as markdown, so a value outside a code span could draw a link, fetch an image, typeset math
or colour text."""

import pytest

from core.activations.params import PARAMS as ACTIVATION_PARAMS
from core.containers.params import PARAMS as CONTAINER_PARAMS
from core.data.params import PARAMS as DATA_PARAMS
from core.losses.catalog import DEFAULT_LOSS
from core.losses.params import page_params as loss_params
from core.ops.catalog import OPS
from core.surface.params import PARAMS as SURFACE_PARAMS
from core.text import SHOWN_CHARS
from core.training.lab_params import PARAMS as LAB_PARAMS
from tests.apptests import open_page, page_test
from tests.markdown_check import LONGEST_ECHO, assert_no_markup, code_spans, markup_problems

HOSTILE = {
    "link": "[Click here to sign in again](https://evil.example/login)",
    "image": "![x](https://evil.example/pixel.png)",
    "math": "$x^2$",
    "colour": ":red[x]",
    "html": "<img src=https://evil.example/h.png>",
    "long": "Q" * 150_000,
    "backticks": "a`b``c```[a](https://evil.example/t)",
}


def every_param(names, value: str) -> dict[str, str]:
    return {name: value for name in names}


def hostile_queries(names, kind: str, base: dict | None = None) -> list[dict[str, str]]:
    """URLs giving every parameter the hostile value: all at once, or, for the long value, three at a time
    (Streamlit ignores a query string longer than 512 KiB)."""
    value, per_url = HOSTILE[kind], 3 if kind == "long" else len(names)
    return [{**(base or {}), **every_param(names[i : i + per_url], value)} for i in range(0, len(names), per_url)]


def _ops_covering_every_kind() -> list[str]:
    """A few ops that between them have every kind of argument and of tensor input (one tensor, a list)."""
    kinds, chosen = set(), []
    own_kinds = {name: {a.kind for a in spec.args} | {"list" if t.is_list else "tensor" for t in spec.tensors}
                 for name, spec in OPS.items()}
    for name, own in sorted(own_kinds.items(), key=lambda item: -len(item[1])):
        if own - kinds:
            chosen.append(name)
            kinds |= own
    return chosen


def ops_names(op: str) -> list[str]:
    spec = OPS[op]
    names = [p.name for p in spec.tensors] + [f"{p.name}_dtype" for p in spec.tensors] + [a.name for a in spec.args]
    return ["preset", *names]  # first: an unknown preset is ignored without a word, so it never travels alone


PAGES = {
    "data_loading": [p.name for p in DATA_PARAMS],
    "losses": [p.name for p in loss_params(DEFAULT_LOSS)],
    "activations": [p.name for p in ACTIVATION_PARAMS],
    "containers": [p.name for p in CONTAINER_PARAMS],
    "surface": [p.name for p in SURFACE_PARAMS],
    "training_lab": [p.name for p in LAB_PARAMS],
}
OP_CASES = ["(hostile op)", *_ops_covering_every_kind()]


def test_the_ops_chosen_cover_einsum_and_every_argument_kind():
    assert "einsum" in OP_CASES
    assert {a.kind for op in OP_CASES[1:] for a in OPS[op].args} == {a.kind for s in OPS.values() for a in s.args}


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_hostile_url_values_only_as_code(page, kind):
    for query in hostile_queries(PAGES[page], kind):
        at = open_page(page, query)
        assert_no_markup(at, (page, kind, list(query)))
        assert at.get("warning") or at.get("error"), (page, kind, "a value that cannot be used is said so")


@pytest.mark.parametrize("kind", HOSTILE)
@pytest.mark.parametrize("op", OP_CASES)
def test_ops_page_shows_hostile_url_values_only_as_code(op, kind):
    queries = hostile_queries(["op", "input", "dim"], kind) if op == "(hostile op)" else hostile_queries(ops_names(op), kind, {"op": op})
    for query in queries:
        at = open_page("tensor_ops", query)
        assert_no_markup(at, (op, kind, list(query)))
        assert at.warning or at.error, (op, kind)


@pytest.mark.parametrize("page", ["tensor_ops", *PAGES])
def test_chinese_messages_show_hostile_values_only_as_code(page):
    value = HOSTILE["link"] + HOSTILE["math"]
    names = ["op", "input", "dim", "keepdim", "input_dtype"] if page == "tensor_ops" else PAGES[page]
    assert_no_markup(open_page(page, every_param(names, value), lang="zh"), page)


@pytest.mark.parametrize("kind", HOSTILE)
def test_einsum_equation_typed_in_its_box_is_shown_as_code(kind):
    """The equation box feeds einsum's own check and torch's message: neither may render it."""
    at = open_page("tensor_ops", {"op": "einsum"})
    at.text_input(key="arg.einsum.equation").input(HOSTILE[kind][:60]).run()
    assert_no_markup(at, kind)
    assert at.error


@pytest.mark.parametrize("kind", HOSTILE)
def test_ints_box_text_is_shown_as_code(kind):
    at = open_page("tensor_ops", {"op": "reshape"})
    at.text_input(key="arg.reshape.shape").input(HOSTILE[kind][:60]).run()
    assert_no_markup(at, kind)
    assert at.error


@pytest.mark.parametrize("kind", HOSTILE)
def test_grid_cell_text_is_shown_as_code(kind):
    """A cell's text, named in the grid's error, is shown as typed inside a code span."""
    at = open_page("tensor_ops", {"op": "sum"})
    version = at.session_state["grid.sum.input"]["version"]
    at.session_state[f"editor.sum.input.0.0.v{version}"] = {
        "edited_rows": {0: {"0": HOSTILE[kind]}}, "added_rows": [], "deleted_rows": [],
    }
    at.run()
    assert_no_markup(at, kind)
    assert at.error


@pytest.mark.parametrize("kind", HOSTILE)
def test_losses_shape_box_is_shown_as_code(kind):
    at = open_page("losses")
    at.text_input(key="losses.input_shape").input(HOSTILE[kind]).run()
    assert_no_markup(at, kind)
    assert at.error


@pytest.mark.parametrize("kind", HOSTILE)
def test_racers_box_is_shown_as_code(kind):
    """The Training lab's racers, typed: an unknown optimizer, an unknown argument, a bad value."""
    at = page_test("training_lab").run()
    for racers in (HOSTILE[kind], f"SGD:{HOSTILE[kind]}=1", f"SGD:lr={HOSTILE[kind]}"):
        at.text_input(key="train.racers").input(racers).run()
        assert_no_markup(at, (kind, racers[:80]))
        assert at.error


def test_the_reproducer_links_render_no_link_and_no_image():
    """The two links of the report: the op names a sign-in link, the input an image."""
    link = open_page("tensor_ops", {"op": "[Click here to sign in again](https://evil.example/login)"})
    image = open_page("tensor_ops", {"op": "sum", "input": "![x](https://evil.example/pixel.png)"})
    for at in (link, image):
        assert_no_markup(at, "reproducer")
    assert "` [Click here to sign in again](https://e… `" in link.warning[0].value
    assert "` ![x](https://evil.example/pixel.png) `" in image.warning[0].value


@pytest.mark.parametrize("line, outside, spans", [
    ("a `b` c", "a  c", ["b"]),
    ("`` a`b `` c", " c", [" a`b "]),
    ("a `b c", "a `b c", []),
    ("``a` b", "``a` b", []),
    (r"\`a` b`", r"\`a", [" b"]),
])
def test_code_spans_are_found_as_commonmark_finds_them(line, outside, spans):
    assert code_spans(line) == (outside, spans)


def test_the_checker_sees_each_kind_of_markup():
    for value in HOSTILE.values():
        assert markup_problems(f"x {value} y"), value
    assert not markup_problems(f"x ` {HOSTILE['link']} ` y")
    assert SHOWN_CHARS < LONGEST_ECHO
