"""The strings of the containers page."""

from core.text import Text

MSG: dict[str, Text] = {}
