"""Reading markdown as Streamlit will render it: which parts are code spans, and what outside them would render
(a link, an image, math, coloured text, raw HTML) or repeats too much of a hostile value."""

import re

from core.text import TORCH_CHARS

LONGEST_ECHO = 200  # no message repeats more of a value than this

# outside a code span: markdown that would render, or a trace of a hostile value
FORBIDDEN = [
    (re.compile(r"\]\("), "a link or image"),
    (re.compile(r"!\["), "an image"),
    (re.compile(r"\$"), "math"),
    (re.compile(r":[a-z-]+\["), "coloured text"),
    (re.compile(r"<[A-Za-z/!?]"), "raw HTML"),
    (re.compile(r"evil\.example"), "the hostile URL"),
]


def code_spans(line: str) -> tuple[str, list[str]]:
    """One line of markdown split as CommonMark does: the text outside code spans, and the spans' contents.
    A run of n backticks opens a span that the next run of exactly n backticks closes; an unclosed run is text."""
    outside, spans, i = [], [], 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line):  # an escaped character is text, even a backtick
            outside.append(line[i : i + 2])
            i += 2
            continue
        if line[i] != "`":
            outside.append(line[i])
            i += 1
            continue
        end = i
        while end < len(line) and line[end] == "`":
            end += 1
        fence = end - i
        close = next((m.start() for m in re.finditer(r"`+", line[end:]) if len(m.group()) == fence), None)
        if close is None:
            outside.append(line[i:end])
            i = end
            continue
        spans.append(line[end : end + close])
        i = end + close + fence
    return "".join(outside), spans


def markup_problems(text: str) -> list[str]:
    """What in one element's markdown would render from a user's value, or repeats too much of it."""
    problems = []
    for line in text.splitlines():  # a code span never crosses a line: shown() writes one line
        outside, spans = code_spans(line)
        problems += [f"{what} outside a code span: {line[:120]!r}" for pattern, what in FORBIDDEN if pattern.search(outside)]
        problems += [f"a code span of {len(s)} characters" for s in spans if len(s) > TORCH_CHARS + 2]
    if re.search("Q{%d}" % (LONGEST_ECHO + 1), text):
        problems.append("more than %d characters of the long value" % LONGEST_ECHO)
    return problems


def rendered_texts(at) -> list[str]:
    """The text of every element Streamlit renders as markdown (expander labels included)."""
    kinds = ("error", "warning", "info", "success", "markdown", "caption", "toast", "title", "header", "subheader")
    texts = [str(element.value) for kind in kinds for element in at.get(kind)]
    return texts + [str(expander.label) for expander in at.get("expander")]


def assert_no_markup(at, case) -> None:
    """No exception, and no element's markdown renders markup from a user's value."""
    assert not at.exception, (case, [e.value for e in at.exception])
    found = [(text[:200], problem) for text in rendered_texts(at) for problem in markup_problems(text)]
    assert not found, (case, found)
