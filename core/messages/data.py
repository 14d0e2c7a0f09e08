"""The strings of the data page."""

from core.text import Text

MSG: dict[str, Text] = {}
