"""What the closed sets of notice_ld (formats, store kinds, styles…) share: parsing a name.

>>> import enum
>>> class Colour(enum.Enum):
...     RED = "red"
...     BLUE = "blue"
>>> member_named(Colour, " Red ", "colour")
<Colour.RED: 'red'>
>>> member_named(Colour, "green", "colour")
Traceback (most recent call last):
ValueError: unknown colour 'green'; use one of: red, blue
"""

from __future__ import annotations

import enum
from typing import TypeVar

__all__ = ["member_named"]

_E = TypeVar("_E", bound=enum.Enum)


def member_named(cls: type[_E], name: str, what: str, error: type[Exception] = ValueError) -> _E:
    """The member of ``cls`` whose value is ``name`` (trimmed, any case), else ``error`` saying
    ``unknown {what} {name!r}; use one of: …`` with the values in member order."""
    try:
        return cls(name.strip().lower())
    except ValueError:
        known = ", ".join(str(member.value) for member in cls)
        raise error(f"unknown {what} {name!r}; use one of: {known}") from None
