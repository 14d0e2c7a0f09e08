"""The strings of the losses page."""

from core.text import Text

MSG: dict[str, Text] = {}
