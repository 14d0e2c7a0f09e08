"""A page's state as typed URL parameters: one declaration per parameter, read and written the same way.

Like TensorFlow Playground's state.ts: every UI property is declared once with its type, and any state is a link.
Values are parsed, never evaluated; a bad value raises BadParam with a message in the user's language.
"""

from dataclasses import dataclass
import json
import math
from typing import Any

from core.messages import MSG


class BadParam(ValueError):
    """A query parameter that cannot be used; its message is already in the user's language."""


@dataclass(frozen=True)
class Param:
    """One URL parameter of a page; `name` is torch's argument name where there is one."""

    name: str
    kind: str  # "int", "float", "bool", "choice", "text" or "matrix" (a nested list of numbers, at most 2-d)
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple = ()

    def parse(self, raw: str, lang: str):
        """The value a URL string stands for; BadParam when it cannot be used."""
        if self.kind == "bool":
            if raw.lower() not in ("true", "false"):
                raise BadParam(MSG["url_bad_choice"](lang, value=raw, choices="true, false"))
            return raw.lower() == "true"
        if self.kind == "choice":
            if raw not in [str(c) for c in self.choices]:
                raise BadParam(MSG["url_bad_choice"](lang, value=raw, choices=", ".join(map(str, self.choices))))
            return next(c for c in self.choices if str(c) == raw)
        if self.kind == "text":
            if len(raw) > 200:
                raise BadParam(MSG["url_not_literal"](lang, value=raw[:40] + "..."))
            return raw
        if self.kind in ("int", "float"):
            try:
                value = int(raw) if self.kind == "int" else float(raw)
            except ValueError:
                raise BadParam(MSG["url_not_literal"](lang, value=raw[:40])) from None
            low = -math.inf if self.minimum is None else self.minimum
            high = math.inf if self.maximum is None else self.maximum
            if not math.isfinite(value) or not low <= value <= high:
                raise BadParam(MSG["url_out_of_range"](lang, value=raw, low=low, high=high))
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


def decode(params: list[Param], query: dict[str, str], lang: str) -> tuple[dict, list[str]]:
    """Values for every declared parameter (the default where the URL has none or a bad one) and a message per
    parameter that fell back."""
    values, warnings = {}, []
    for param in params:
        values[param.name] = param.default
        if param.name in query:
            try:
                values[param.name] = param.parse(query[param.name], lang)
            except BadParam as exc:
                warnings.append(MSG["url_bad_param"](lang, param=param.name, why=str(exc)))
    return values, warnings


def encode(params: list[Param], values: dict) -> dict[str, str]:
    """Query parameters for the values."""
    return {param.name: param.dump(values[param.name]) for param in params}


def _parse_matrix(raw: str, lang: str):
    try:
        value = json.loads(raw, parse_constant=_reject)
    except ValueError:
        raise BadParam(MSG["url_not_literal"](lang, value=raw[:40])) from None
    rows = value if isinstance(value, list) and value and isinstance(value[0], list) else [value]
    ok = (
        isinstance(value, list) and len(rows) <= 16 and all(isinstance(r, list) and 1 <= len(r) <= 16 for r in rows)
        and len({len(r) for r in rows}) == 1
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for r in rows for v in r)
    )
    if not ok:
        raise BadParam(MSG["url_not_literal"](lang, value=raw[:40]))
    return value


def _reject(name: str):
    raise ValueError(name)
