"""A page's state as typed URL parameters: one declaration per parameter, read and written the same way.

Like TensorFlow Playground's state.ts: every UI property is declared once with its type, and any state is a link.
Values are parsed, never evaluated; a bad value raises BadParam with a message in the user's language.
"""

from dataclasses import dataclass
import json
import math
import sys
from typing import Any

from core.messages import MSG
from core.text import shown


class BadParam(ValueError):
    """A query parameter that cannot be used; its message is already in the user's language."""


@dataclass(frozen=True)
class Param:
    """One URL parameter of a page; `name` is torch's argument name where there is one."""

    name: str
    kind: str  # "int", "float", "bool", "choice", "text" or "matrix" (a nested list of numbers, at most 2-d)
    default: Any
    minimum: float | None = None
    maximum: float | None = None  # for a text: its length in characters (200 when None)
    choices: tuple = ()

    def parse(self, raw: str, lang: str):
        """The value a URL string stands for; BadParam when it cannot be used."""
        if self.kind == "bool":
            if raw.lower() not in ("true", "false"):
                raise BadParam(MSG["url_bad_choice"](lang, value=shown(raw), choices="true, false"))
            return raw.lower() == "true"
        if self.kind == "choice":
            if raw not in [str(c) for c in self.choices]:
                raise BadParam(MSG["url_bad_choice"](lang, value=shown(raw), choices=", ".join(map(str, self.choices))))
            return next(c for c in self.choices if str(c) == raw)
        if self.kind == "text":
            longest = int(self.maximum or 200)  # characters: a text's maximum is its length
            if len(raw) > longest:
                raise BadParam(MSG["url_too_long"](lang, value=shown(raw), max=longest))
            return raw
        if self.kind in ("int", "float"):
            try:
                value = parse_number(raw, self.kind)
            except ValueError:
                raise BadParam(MSG[f"url_not_{self.kind}"](lang, value=shown(raw))) from None
            low = -math.inf if self.minimum is None else self.minimum
            high = math.inf if self.maximum is None else self.maximum
            if not _finite(value) or not low <= value <= high:
                raise BadParam(MSG["url_out_of_range"](lang, value=shown(raw), low=low, high=high))
            return value
        if self.kind == "matrix":
            return _parse_matrix(raw, lang)
        raise ValueError(f"unknown parameter kind {self.kind}")

    def dump(self, value) -> str:
        """The URL string for a value (the inverse of parse)."""
        if self.kind == "bool":
            return "true" if value else "false"
        if self.kind == "matrix":
            return json.dumps(value, separators=(",", ":"))
        return str(value)


def parse_number(raw: str, kind: str) -> int | float:
    """An "int" or "float" as a URL writes it; ValueError for what Python would also read but a link should not
    hold (`1_0`, padding spaces), so a value the page keeps is the value the link shows."""
    if "_" in raw or raw != raw.strip():
        raise ValueError(raw)
    return int(raw) if kind == "int" else float(raw)


def decode(params: list[Param], query: dict[str, str], lang: str) -> tuple[dict, list[str]]:
    """Values for every declared parameter (the default where the URL has none or a bad one), a message per
    parameter that fell back, and one per parameter the page does not take (`delta` on MSELoss), which is ignored."""
    values, warnings = {}, []
    for param in params:
        values[param.name] = param.default
        if param.name in query:
            try:
                values[param.name] = param.parse(query[param.name], lang)
            except BadParam as exc:
                warnings.append(MSG["url_bad_param"](lang, param=param.name, why=str(exc)))
    known = {param.name for param in params}
    warnings += [MSG["url_unused_param"](lang, param=shown(name)) for name in query if name not in known]
    return values, warnings


def encode(params: list[Param], values: dict) -> dict[str, str]:
    """Query parameters for the values."""
    return {param.name: param.dump(values[param.name]) for param in params}


def nesting_depth(text: str) -> int:
    """How deep a literal's lists nest, read without parsing: json.loads recurses once per level and fails near
    1,000, so a literal deeper than a page's tensors is refused before it is parsed."""
    depth = deepest = 0
    for char in text:
        if char == "[":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "]":
            depth -= 1
    return deepest


def _finite(value) -> bool:
    """A number a float holds: an int is compared exactly (math.isfinite of an int past 1e308 overflows)."""
    return abs(value) <= sys.float_info.max if isinstance(value, int) else math.isfinite(value)


def _parse_matrix(raw: str, lang: str):
    if nesting_depth(raw) > 2:
        raise BadParam(MSG["literal_too_deep"](lang, value=shown(raw), max=2))
    try:
        value = json.loads(raw, parse_constant=_reject)
    except ValueError:
        raise BadParam(MSG["url_not_literal"](lang, value=shown(raw))) from None
    rows = value if isinstance(value, list) and value and isinstance(value[0], list) else [value]
    ok = (
        isinstance(value, list) and len(rows) <= 16 and all(isinstance(r, list) and 1 <= len(r) <= 16 for r in rows)
        and len({len(r) for r in rows}) == 1
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and _finite(v) for r in rows for v in r)
    )
    if not ok:
        raise BadParam(MSG["url_not_literal"](lang, value=shown(raw)))
    return value


def _reject(name: str):
    raise ValueError(name)
