"""A piece of user-visible text in both of the app's languages."""

from dataclasses import dataclass
import unicodedata

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Text:
    """English and Simplified Chinese versions of one string (may hold `{name}` fields)."""

    en: str
    zh: str

    def __call__(self, lang: str, **fields) -> str:
        template = self.zh if lang == "zh" else self.en
        return template.format(**fields) if fields else template


SHOWN_CHARS = 40  # how much of a user-supplied value a message repeats
TORCH_CHARS = 300  # how much of torch's own message a message repeats (it may quote the user's input)


def shown(value, limit: int = SHOWN_CHARS) -> str:
    """A value from a URL or a box, as a message may repeat it: cut to `limit` characters and put in a code span,
    so markdown in it (a link, an image, math, colour) is shown as typed, never rendered."""
    text = " ".join(str(value).split())  # one line: a newline would end the code span
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    # control and format characters (bidi overrides, zero-width ones) could reorder or hide the message around it
    text = "".join("\ufffd" if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)
    fence = "`" * (_longest_backtick_run(text) + 1)
    return f"{fence} {text} {fence}"


def said(message) -> str:
    """torch's own words (an exception or a warning), as a message may quote them: like `shown`, but longer, since
    torch's message is the lesson; it may quote what the user typed (einsum's equation), so it is never markdown."""
    return shown(message, TORCH_CHARS)


def _longest_backtick_run(text: str) -> int:
    run = longest = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest
