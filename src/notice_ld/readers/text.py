"""Bytes to text for the line- and document-oriented readers (JSON Lines, JSON, CSV).

The readers take **bytes**, never a decoded stream, so that one byte that is not UTF-8 costs one
record, not the file: each line (or JSON document) is decoded with ``surrogateescape``, which
keeps every undecodable byte as a lone surrogate ``U+DC80``–``U+DCFF``; the reader then rejects
the record that holds one, naming the field and the byte (:func:`undecodable_byte`).

Lines are read with a size bound (:func:`lines`): a line over ``max_bytes`` is skipped while it
streams — never held in memory — and reported as :class:`LongLine`.

>>> import io
>>> [(n, x if isinstance(x, str) else x.size) for n, x in lines(io.BytesIO(b"a\\nxxxxx\\r\\n\\nb"), 4)]
[(1, 'a'), (2, 7), (3, ''), (4, 'b')]
>>> undecodable_byte("caf" + b"\\xe9".decode("utf-8", "surrogateescape"))
(3, 233)
>>> print(wide_encoding(b"\\xff\\xfe{\\x00"))
UTF-16
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Final

from notice_ld.errors import RecordError

__all__ = [
    "LongLine",
    "decode",
    "encoding_error",
    "escaped",
    "has_undecodable",
    "lines",
    "long_record_error",
    "not_utf8_fix",
    "not_utf8_problem",
    "read_line",
    "undecodable_byte",
    "wide_encoding",
]

_ESCAPED_BYTE: Final = re.compile("[\udc80-\udcff]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_DRAIN: Final = 1 << 20


@dataclass(frozen=True, slots=True)
class LongLine:
    """A line over the size limit, skipped: its size in bytes (newline included)."""

    size: int


def decode(data: bytes) -> str:
    """UTF-8 text; each byte that is not UTF-8 becomes a lone surrogate (``surrogateescape``).

    >>> decode("é".encode()), decode(b"\\xe9") == "\\udce9"
    ('é', True)
    """
    return data.decode("utf-8", "surrogateescape")


def lines(stream: IO[bytes], max_bytes: int, first_line: int = 1) -> Iterator[tuple[int, str | LongLine]]:
    """``(line number, text without its line break)`` for each line; a UTF-8 BOM is dropped.

    ``first_line`` is the number of the stream's first line (a slice of a file starts further).

    A line longer than ``max_bytes`` yields :class:`LongLine` instead of its text; it is read in
    1 MiB pieces and dropped, so memory stays bounded whatever the input.
    """
    number = first_line - 1
    while True:
        raw = read_line(stream, max_bytes, first=number == 0)
        if raw is None:
            return
        number += 1
        yield number, raw if isinstance(raw, LongLine) else decode(raw.rstrip(b"\r\n"))


def read_line(stream: IO[bytes], max_bytes: int, *, first: bool = False) -> bytes | LongLine | None:
    """The next line, line break included (``first``: the file's first line, its UTF-8 BOM
    dropped), :class:`LongLine` when it is over ``max_bytes`` (read in 1 MiB pieces and dropped),
    or ``None`` at the end.

    >>> import io
    >>> stream = io.BytesIO(b"\\xef\\xbb\\xbfab\\n" + b"x" * 10 + b"\\n")
    >>> read_line(stream, 4, first=True), read_line(stream, 4), read_line(stream, 4)
    (b'ab\\n', LongLine(size=11), None)
    >>> read_line(io.BytesIO(b"abcd\\r\\n"), 4), read_line(io.BytesIO(b"abcde"), 4)
    (b'abcd\\r\\n', LongLine(size=5))
    """
    raw = stream.readline(max_bytes + 6)  # room for a BOM and a line break: they do not count
    if not raw:
        return None
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    ended = raw.endswith(b"\n")
    if len(raw.rstrip(b"\r\n") if ended else raw) <= max_bytes:
        return raw
    size = len(raw)
    while not raw.endswith(b"\n"):
        raw = stream.readline(_DRAIN)
        if not raw:
            break
        size += len(raw)
    return LongLine(size)


def wide_encoding(head: bytes) -> str | None:
    """``"UTF-16"`` or ``"UTF-32"`` when the first bytes are text in that encoding (BOM or
    NUL bytes between ASCII characters), else ``None``: those files are refused, not misread."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    if len(head) >= 4 and (head[:4].count(0) == 3):
        return "UTF-32"
    if len(head) >= 2 and head[0:2].count(0) == 1:
        return "UTF-16"
    return None


def encoding_error(name: str, encoding: str) -> RecordError:
    """The one error for a whole file in a wide encoding (nothing of it can be read as UTF-8)."""
    return RecordError(
        record=name,
        problem=f"the file is {encoding} text; notice_ld reads UTF-8",
        fix=f"convert it to UTF-8 (e.g. iconv -f {encoding} -t UTF-8 {name} > {name}.utf8) and read that",
    )


def has_undecodable(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` holds a byte that was not UTF-8 (one C-speed scan).

    >>> has_undecodable("caf" + b"\\xe9".decode("utf-8", "surrogateescape")), has_undecodable("café")
    (True, False)
    """
    return _ESCAPED_BYTE.search(text, start, len(text) if end is None else end) is not None


def undecodable_byte(text: str) -> tuple[int, int] | None:
    """``(character position, byte value)`` of the first byte that was not UTF-8, if any."""
    found = _ESCAPED_BYTE.search(text)
    if found is None:
        return None
    return found.start(), ord(found.group()) - 0xDC00


def not_utf8_problem(byte: int) -> str:
    """What to say about a byte that is not UTF-8 (with the likely encoding of the file).

    >>> not_utf8_problem(0xE9)
    "holds the byte 0xE9, which is not UTF-8 (the file looks like Latin-1 / Windows-1252: 0xE9 is 'é' there)"
    """
    guess = bytes([byte]).decode("cp1252", "replace")
    where = (
        f" (the file looks like Latin-1 / Windows-1252: 0x{byte:02X} is {guess!r} there)"
        if byte >= 0x80 and guess != "\ufffd"
        else ""
    )
    return f"holds the byte 0x{byte:02X}, which is not UTF-8{where}"


def not_utf8_fix(name: str) -> str:
    """The fix for a byte that is not UTF-8 in file ``name``."""
    return f"save the file as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8 {name} > {name}.utf8)"


def long_record_error(record: str, size: int, limit: int) -> RecordError:
    """The error for one record over the per-record size limit."""
    return RecordError(
        record=record,
        problem=f"the record is {size:,} bytes, over the limit of {limit:,} bytes per record",
        fix="check the record (a runaway value?), or raise the limit with --max-record-bytes "
        "(ReaderOptions.max_record_bytes)",
    )


def escaped(text: str) -> str:
    """``text`` with every lone surrogate written as ``\\udcXX`` (so it can always be encoded).

    >>> escaped("caf\\udce9")
    'caf\\\\udce9'
    """
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
