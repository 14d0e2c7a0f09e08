"""The strings of the training page."""

from core.text import Text

MSG: dict[str, Text] = {}
