"""`shown` and `said`: whatever a user typed comes back as one code span, on one line, cut short."""

from hypothesis import given, strategies as st
import pytest

from core.text import SHOWN_CHARS, TORCH_CHARS, said, shown
from tests.markdown_check import code_spans, markup_problems

HOSTILE = [
    "[a](https://evil.example/x)", "![x](https://evil.example/p.png)", "$x^2$", "$$x$$", ":red[x]", ":smile:",
    "<img src=x>", "`", "``", "a`b``c```d", "`a`", "\\`", "line\nbreak\n\n# heading", "Q" * 150_000,
]


def the_span(text: str) -> str:
    """The one code span `text` must be, with the single space CommonMark strips on each side removed."""
    outside, spans = code_spans(text)
    assert outside == "" and len(spans) == 1, text
    assert spans[0].startswith(" ") and spans[0].endswith(" ")
    return spans[0][1:-1]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_are_one_code_span(value):
    text = shown(value)
    assert "\n" not in text
    assert not markup_problems(f"the value {text} here")
    assert len(the_span(text)) <= SHOWN_CHARS


def test_short_values_come_back_as_typed():
    assert shown("abc") == "` abc `"
    assert shown("a`b") == "`` a`b ``"
    assert shown("a ``` b") == "```` a ``` b ````"
    assert shown(3) == "` 3 `"


def test_long_values_are_cut_with_an_ellipsis():
    assert shown("x" * 100) == "` " + "x" * (SHOWN_CHARS - 1) + "… `"
    assert shown("y" * 100, limit=10) == "` " + "y" * 9 + "… `"
    assert len(the_span(said("z" * 1000))) == TORCH_CHARS


def test_whitespace_becomes_single_spaces_and_controls_are_replaced():
    """A newline would end the span; a bidi override would reorder the message around it."""
    assert shown("a\n\n b\tc") == "` a b c `"
    assert shown("x\u202ey\u200bz\x00") == "` x\ufffdy\ufffdz\ufffd `"


@given(st.text(max_size=400))
def test_any_text_is_exactly_one_span_holding_its_start(value):
    content = the_span(shown(value))
    typed = " ".join(value.split())
    assert len(content) <= SHOWN_CHARS
    if len(typed) <= SHOWN_CHARS:
        assert len(content) == len(typed)
    assert all(c == t or c == "\ufffd" for c, t in zip(content.rstrip("…"), typed))
