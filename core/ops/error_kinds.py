"""Kinds of torch refusal, told apart by torch's message, so that each gets a fix that fits it.

"Make the shapes agree" is advice for a shape error only: an integer raised to a negative power, a value too large
for its dtype or a failed allocation each need their own words, and an error of no known kind gets none.
"""

import re

from core.messages import MSG

# Refusals that no small change of shapes, dims or dtypes of the operands can fix: checked before any is tried.
_KINDS = (
    (re.compile(r"Integers to negative integer powers are not allowed"), "fix_negative_power"),
    (re.compile(r"value cannot be converted to type (?P<type>\S+) without overflow"), "fix_overflow"),
    (re.compile(r"can't allocate memory|not enough memory|out of memory|^MemoryError$|integer multiplication overflow",
                re.IGNORECASE), "fix_too_large"),
)
_DTYPES = re.compile(
    r"dtype|scalar type|can't be cast to the desired output type|promoted to|not implemented for '", re.IGNORECASE
)
_SHAPES = re.compile(r"shape|size|dimension|broadcast|must match|matrix|vector|\b\d-?D\b|\bdims?\b|-dim", re.IGNORECASE)


def fix_for_kind(message: str, lang: str) -> str | None:
    """The fix for a refusal that is about values or memory rather than shapes; None for any other message."""
    for pattern, key in _KINDS:
        match = pattern.search(message)
        if match:
            return MSG[key](lang, **match.groupdict())
    return None


def is_about_dtypes(message: str) -> bool:
    """torch refused a dtype, or a mix of dtypes (`expected scalar type Float but found Long`)."""
    return bool(_DTYPES.search(message))


def is_about_shapes(message: str) -> bool:
    """torch refused the shapes (sizes, dims, broadcasting)."""
    return bool(_SHAPES.search(message))
