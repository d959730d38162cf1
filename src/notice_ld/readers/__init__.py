"""Readers: turn input files into a stream of notices and per-record errors.

One immutable registry keyed by :class:`InputFormat`; each reader yields
:class:`~notice_ld.model.Notice` objects and :class:`~notice_ld.errors.RecordError` objects in
input order, so a bad record never stops the others. (CSV and OAI-PMH readers join this registry
in a later step.)

>>> import io, json
>>> lines = io.StringIO(json.dumps({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}) + "\\n"
...                     + json.dumps({"id": "10670/1.bad", "titles": []}) + "\\n")
>>> [type(x).__name__ for x in read(lines, InputFormat.JSONL, name="in.jsonl")]
['Notice', 'RecordError']
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import IO, Final, TypeAlias

from notice_ld.errors import RecordError, UnknownFormatError
from notice_ld.model import Notice

__all__ = ["InputFormat", "Outcome", "read", "read_path"]

Outcome: TypeAlias = Notice | RecordError
Reader: TypeAlias = Callable[[IO[str], str], Iterator[Outcome]]


class InputFormat(enum.Enum):
    """Input formats notice_ld reads."""

    JSONL = "jsonl"
    JSON = "json"

    @classmethod
    def from_name(cls, name: str) -> InputFormat:
        """Parse a CLI name."""
        try:
            return cls(name.strip().lower())
        except ValueError:
            known = ", ".join(f.value for f in cls)
            raise UnknownFormatError(f"unknown input format {name!r}; use one of: {known}") from None

    @classmethod
    def guess(cls, path: str | Path) -> InputFormat:
        """Guess from a file name: ``.json`` is a JSON array or object, anything else JSON Lines."""
        return cls.JSON if str(path).lower().endswith(".json") else cls.JSONL


_READERS: Final = MappingProxyType(
    {
        InputFormat.JSONL: "notice_ld.readers.jsonl:read_jsonl",
        InputFormat.JSON: "notice_ld.readers.jsonl:read_json",
    }
)


def read(stream: IO[str], fmt: InputFormat, *, name: str = "<input>") -> Iterator[Outcome]:
    """Read notices from a text stream; ``name`` is used in error messages."""
    module, _, attr = _READERS[fmt].partition(":")
    reader: Reader = getattr(importlib.import_module(module), attr)
    return reader(stream, name)


def read_path(path: str | Path, fmt: InputFormat | None = None) -> Iterator[Outcome]:
    """Read notices from a file (UTF-8, with or without BOM); ``-`` reads standard input."""
    import sys

    chosen = fmt or InputFormat.guess(path)
    if str(path) == "-":
        yield from read(sys.stdin, chosen, name="<stdin>")
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        yield from read(fh, chosen, name=str(path))
