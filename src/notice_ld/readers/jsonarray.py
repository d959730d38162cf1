"""The items of a top-level JSON array, read from a stream one at a time, in bounded memory.

A JSON file that is one array of records (notice_ld's JSON form, CSL-JSON, a dump of API items)
can be many GB: :func:`array_items` keeps only a window of text — the item being decoded and
what was read after it — and drops what is done, so memory follows the largest record, not the
file. Each item comes out as one of

* :class:`Item` — a decoded value, its index, its size in characters and whether its text held a
  byte that was not UTF-8;
* :class:`Unreadable` — a value that is well-formed but cannot be decoded (nesting too deep, an
  integer of more than 4,300 digits) or is over the size limit: it costs itself only;
* :class:`Broken` — a syntax error, with its line and column in the file: nothing after it can
  be placed, so the items stop there.

The window grows only while one value is incomplete in it (never past the size limit plus one
chunk): a value is decoded once, except one that straddles the end of the window.

>>> import io
>>> data = b'[{"id": "a"},\\n {"id": "b", "n": 1' + b"0" * 5000 + b'},\\n {"id": "c"}, {"id": ]'
>>> for x in array_items(io.BytesIO(data), limit=1 << 20, chunk=16):
...     print(type(x).__name__, x.index, x.value if isinstance(x, Item) else x.why.value
...           if isinstance(x, Unreadable) else x.message)
Item 0 {'id': 'a'}
Unreadable 1 huge number
Item 2 {'id': 'c'}
Broken 3 Expecting value
"""

from __future__ import annotations

import codecs
import enum
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, Final

from notice_ld.readers import text

__all__ = ["Broken", "Item", "Unreadable", "Why", "array_items", "starts_array"]

_DECODER: Final = json.JSONDecoder()
_SPACE: Final = re.compile(r"[ \t\n\r]*")
_CHUNK: Final = 1 << 20
_SPECIAL: Final = re.compile(r'[\[\]{}"\\]')
_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR: Final = re.compile(r"[^\s,\]}]*")


class Why(enum.Enum):
    """Why a well-formed item could not be decoded."""

    TOO_DEEP = "too deep"
    HUGE_NUMBER = "huge number"
    TOO_LONG = "too long"


@dataclass(frozen=True, slots=True)
class Item:
    """A decoded item: ``size`` in characters of its text, ``undecodable`` when that text held a
    byte that was not UTF-8 (read as a lone surrogate)."""

    index: int
    value: Any
    size: int
    undecodable: bool


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A well-formed item that costs itself only: ``why``; ``size`` in characters; ``error`` the
    decoder's message (for a huge number, it says how many digits)."""

    index: int
    why: Why
    size: int
    error: str


@dataclass(frozen=True, slots=True)
class Broken:
    """A syntax error at ``line``/``column`` of the input (at item ``index``): the items stop."""

    index: int
    line: int
    column: int
    message: str


class _Window:
    """Text of a stream from ``base`` (a character offset) on; ``lines`` counts the line breaks
    dropped before ``base``."""

    def __init__(self, stream: IO[bytes], head: str, chunk: int) -> None:
        self.stream = stream
        self.chunk = chunk
        self.decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        self.text = head
        self.lines = 0  # line breaks dropped
        self.column = 0  # characters of the current line dropped
        self.done = False

    def more(self) -> bool:
        """Read one more chunk; ``False`` at the end of the stream."""
        if self.done:
            return False
        data = self.stream.read(self.chunk)
        if not data:
            self.text += self.decoder.decode(b"", final=True)
            self.done = True
            return False
        self.text += self.decoder.decode(data)
        return True

    def drop(self, pos: int) -> int:
        """Forget the text before ``pos``; returns the new position of what was at ``pos``."""
        if pos > self.chunk:
            self.forget(pos)
            return 0
        return pos

    def forget(self, pos: int) -> None:
        """Drop the text before ``pos``, counting its lines and the current line's characters."""
        newline = self.text.rfind("\n", 0, pos)
        self.lines += self.text.count("\n", 0, pos)
        self.column = pos - newline - 1 if newline >= 0 else self.column + pos
        self.text = self.text[pos:]

    def space(self, pos: int) -> int:
        """The position of the next character that is not JSON white space (reading on)."""
        while True:
            pos = _SPACE.match(self.text, pos).end()  # type: ignore[union-attr]
            if pos < len(self.text) or not self.more():
                return pos

    def where(self, pos: int) -> tuple[int, int]:
        """Line and column (from 1) in the input of the window's position ``pos``."""
        newline = self.text.rfind("\n", 0, pos)
        column = pos - newline if newline >= 0 else self.column + pos + 1
        return self.lines + self.text.count("\n", 0, pos) + 1, column


def starts_array(head: bytes) -> bool:
    """Whether a document (its first bytes; BOM and white space skipped) is a top-level array.

    >>> starts_array(b"\\xef\\xbb\\xbf  [{"), starts_array(b'{"items": []}')
    (True, False)
    """
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"[")


def array_items(
    stream: IO[bytes], *, limit: int, head: str = "", chunk: int = _CHUNK
) -> Iterator[Item | Unreadable | Broken]:
    """The items of the array that ``head`` + ``stream`` hold (see the module docs); ``limit`` is
    the largest item, in characters, that is decoded (a bigger one is :class:`Unreadable`)."""
    window = _Window(stream, head, chunk)
    pos = window.space(0)
    if window.text.startswith("\ufeff", pos):
        pos = window.space(pos + 1)
    if not window.text.startswith("[", pos):
        line, column = window.where(pos)
        yield Broken(0, line, column, "expected '[' (a JSON array)")
        return
    pos = window.space(pos + 1)
    if window.text.startswith("]", pos):
        yield from _after(window, pos + 1, 0)
        return
    index = 0
    while True:
        pos = window.drop(pos)
        found = _one(window, pos, index, limit)
        if isinstance(found, Broken):
            yield found
            return
        item, end = found
        yield item
        index += 1
        pos = window.space(end)
        if window.text.startswith(",", pos):
            pos = window.space(pos + 1)
            continue
        if window.text.startswith("]", pos):
            yield from _after(window, pos + 1, index)
            return
        line, column = window.where(pos)
        yield Broken(index, line, column, "expected ',' or ']' after an item")
        return


def _one(window: _Window, pos: int, index: int, limit: int) -> tuple[Item | Unreadable, int] | Broken:
    """The item at ``pos`` and where it ends, reading on while it is incomplete."""
    while True:
        if len(window.text) - pos < window.chunk and not window.done:
            window.more()
            continue
        try:
            value, end = _DECODER.raw_decode(window.text, pos)
        except json.JSONDecodeError as exc:
            if window.done or _end_of(window.text, pos) is not None:  # complete, and wrong
                line, column = window.where(exc.pos)
                return Broken(index, line, column, exc.msg)
            if len(window.text) - pos <= limit:  # incomplete in the window: read on
                window.more()
                continue
            return _skipped(window, pos, index)
        except (RecursionError, ValueError) as exc:
            skipped = _end_of(window.text, pos)
            if skipped is None:
                if window.more():
                    continue
                line, column = window.where(pos)
                return Broken(index, line, column, "unbalanced brackets")
            why = Why.TOO_DEEP if isinstance(exc, RecursionError) else Why.HUGE_NUMBER
            return Unreadable(index, why, skipped - pos, str(exc)), skipped
        if end == len(window.text) and window.more():  # a number may go on in the next chunk
            continue
        if end - pos > limit:
            return Unreadable(index, Why.TOO_LONG, end - pos, ""), end
        return Item(index, value, end - pos, text.has_undecodable(window.text, pos, end)), end


def _end_of(text_: str, pos: int) -> int | None:
    """Where the value at ``pos`` ends, if it is whole in ``text_`` (strings and escapes respected;
    a number or literal only when something follows it); ``None`` while it may go on."""
    first = text_[pos : pos + 1]
    if first == '"':
        string = _STRING.match(text_, pos)
        return string.end() if string else None
    if first not in ("[", "{"):
        scalar = _SCALAR.match(text_, pos)
        return scalar.end() if scalar and scalar.end() < len(text_) else None
    depth, in_string, skip_to = 0, False, pos
    for match in _SPECIAL.finditer(text_, pos):
        at, char = match.start(), match.group()
        if at < skip_to:
            continue
        skip_to = at + 1
        if in_string:
            if char == "\\":
                skip_to = at + 2
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        else:
            depth -= 1
            if depth <= 0:
                return at + 1
    return None


def _skipped(window: _Window, pos: int, index: int) -> tuple[Unreadable, int] | Broken:
    """An item over the limit, passed over without decoding it: its end found by its brackets
    (outside strings), reading on chunk by chunk and dropping what was passed, so memory stays at
    one chunk whatever the item's size."""
    depth, in_string, size = 0, False, 0
    while True:
        text_, keep, skip_to = window.text, len(window.text), pos
        for match in _SPECIAL.finditer(text_, pos):
            at, char = match.start(), match.group()
            if at < skip_to:  # the character after a backslash
                continue
            skip_to = at + 1
            if in_string:
                if char == "\\":
                    if at + 1 >= len(text_):  # the escaped character is in the next chunk
                        keep = at
                        break
                    skip_to = at + 2
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char in "[{":
                depth += 1
            else:
                depth -= 1
                if depth <= 0:
                    return Unreadable(index, Why.TOO_LONG, size + at + 1 - pos, ""), at + 1
        size += keep - pos
        window.forget(keep)
        pos = 0
        if not window.more():
            line, column = window.where(len(window.text))
            return Broken(index, line, column, "unbalanced brackets")


def _after(window: _Window, pos: int, index: int) -> Iterator[Broken]:
    """Nothing but white space may follow the array."""
    pos = window.space(pos)
    if pos < len(window.text):
        line, column = window.where(pos)
        yield Broken(index, line, column, "extra data after the array")
