"""The strings of the activations page."""

from core.text import Text

MSG: dict[str, Text] = {}
