"""Readers: turn input files into a stream of notices, residue reports, deletions and errors.

One immutable registry keyed by :class:`InputFormat`; each reader yields, in input order,
:class:`~notice_ld.model.Notice` objects, a :class:`~notice_ld.readers.outcomes.Residue` after a
notice some of whose values could not be mapped, a :class:`~notice_ld.readers.outcomes.Deletion`
for each deleted OAI-PMH record, and :class:`~notice_ld.errors.RecordError` objects, so a bad
record never stops the others. JSON and JSON Lines readers only ever yield notices and errors.

Streams may be text or binary; readers work on bytes (a text stream is encoded to UTF-8 first),
so a byte that is not UTF-8 costs its record only (see :mod:`notice_ld.readers.text`).

>>> import io, json
>>> lines = io.StringIO(json.dumps({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}) + "\\n"
...                     + json.dumps({"id": "10670/1.bad", "titles": []}) + "\\n")
>>> [type(x).__name__ for x in read(lines, InputFormat.JSONL, name="in.jsonl")]
['Notice', 'RecordError']
>>> xml = b'''<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
...   xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title>
...   <dc:identifier>10.1234/abc</dc:identifier><dc:coverage>Inde</dc:coverage></oai_dc:dc>'''
>>> [type(x).__name__ for x in read(io.BytesIO(xml), InputFormat.OAI_DC, name="r.xml")]
['Notice', 'Residue']
"""

from __future__ import annotations

import enum
import importlib
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias

from notice_ld.enums import member_named
from notice_ld.errors import ConfigError, RecordError, UnknownFormatError
from notice_ld.model import Notice
from notice_ld.readers.outcomes import Deletion, ReadWarning, Residue, ResidueItem

if TYPE_CHECKING:
    from notice_ld.identifiers import HandleMinter

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "Deletion",
    "InputFormat",
    "Outcome",
    "ReadWarning",
    "ReaderOptions",
    "Residue",
    "ResidueItem",
    "read",
    "read_path",
]

Outcome: TypeAlias = Notice | RecordError | Residue | Deletion | ReadWarning

DEFAULT_MAX_RECORD_BYTES: Final = 8 * 1024 * 1024


@dataclass(frozen=True)
class ReaderOptions:
    """Options some readers use.

    ``minter`` mints the identifier of a record that has no usable one, from its OAI identifier
    (the same key gives the same Handle on every run); ``max_record_bytes`` bounds the size of
    one record — a JSON Lines line, a JSON array item, a CSV row, an XML record (a bigger record
    is reported and skipped, and in JSON Lines, CSV and XML never held in memory).

    >>> from notice_ld.identifiers import HandleMinter
    >>> ReaderOptions(minter=HandleMinter("10670")).minter.prefix
    '10670'
    """

    minter: HandleMinter | None = None
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES

    def __post_init__(self) -> None:
        if not isinstance(self.max_record_bytes, int) or self.max_record_bytes < 1024:
            raise ConfigError(
                f"max_record_bytes must be a whole number >= 1024, not {self.max_record_bytes!r}"
            )


class InputFormat(enum.Enum):
    """Input formats notice_ld reads."""

    JSONL = "jsonl"
    JSON = "json"
    OAI_DC = "oai_dc"
    CSV = "csv"

    @classmethod
    def from_name(cls, name: str) -> InputFormat:
        """Parse a CLI name.

        >>> InputFormat.from_name("OAI_DC")
        <InputFormat.OAI_DC: 'oai_dc'>
        """
        return member_named(cls, name, "input format", UnknownFormatError)

    @classmethod
    def guess(cls, path: str | Path) -> InputFormat:
        """Guess from a file name: ``.json``, ``.xml`` (OAI-PMH / Dublin Core), ``.csv``; else JSON Lines.

        >>> InputFormat.guess("records.XML"), InputFormat.guess("in.jsonl")
        (<InputFormat.OAI_DC: 'oai_dc'>, <InputFormat.JSONL: 'jsonl'>)
        """
        suffix = Path(str(path)).suffix.lower()
        return _BY_SUFFIX.get(suffix, cls.JSONL)


_BY_SUFFIX: Final = MappingProxyType(
    {".json": InputFormat.JSON, ".xml": InputFormat.OAI_DC, ".csv": InputFormat.CSV}
)

# format -> ("module:function", what the function reads: "lines" a buffered binary stream,
# "bytes" an iterator of byte chunks)
_READERS: Final = MappingProxyType(
    {
        InputFormat.JSONL: ("notice_ld.readers.jsonl:read_jsonl", "lines"),
        InputFormat.JSON: ("notice_ld.readers.jsonl:read_json", "lines"),
        InputFormat.OAI_DC: ("notice_ld.readers.oai_dc:read_oai_dc", "bytes"),
        InputFormat.CSV: ("notice_ld.readers.csv:read_csv", "lines"),
    }
)

StreamReader: TypeAlias = Callable[[IO[bytes], str, ReaderOptions], Iterator[Outcome]]
ByteReader: TypeAlias = Callable[[Iterator[bytes], str, ReaderOptions], Iterator[Outcome]]

_CHUNK = 1 << 16


_DECLARED_ENCODING = re.compile(r"""\A(\ufeff?\s*<\?xml\s[^>]*?encoding\s*=\s*)["'][^"']*["']""")


def _encoded(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: kept as (invalid) bytes, rejected by the reader
        return text.encode("utf-8", "surrogatepass")


def _byte_chunks(stream: IO[str] | IO[bytes]) -> Iterator[bytes]:
    """Read a text or binary stream as byte chunks; text is encoded as UTF-8 (and its XML
    declaration made to say so: the characters were decoded already)."""
    first = True
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return
        if isinstance(chunk, str):
            if first:
                chunk = _DECLARED_ENCODING.sub(r'\1"UTF-8"', chunk, count=1)
            yield _encoded(chunk)
        else:
            yield chunk
        first = False


class _RawAdapter(io.RawIOBase):
    """Any readable stream (text or binary) as raw bytes, for a :class:`io.BufferedReader`."""

    def __init__(self, stream: IO[str] | IO[bytes]) -> None:
        self._chunks = _byte_chunks(stream)
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _buffered(stream: IO[str] | IO[bytes]) -> IO[bytes]:
    """A buffered binary stream with ``peek`` over ``stream`` (which is never closed)."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(_RawAdapter(stream), _CHUNK)


def read(
    stream: IO[str] | IO[bytes],
    fmt: InputFormat,
    *,
    name: str = "<input>",
    options: ReaderOptions | None = None,
) -> Iterator[Outcome]:
    """Read notices from a text or binary stream; ``name`` is used in error messages.

    The stream is read, never closed. Text streams are read as the UTF-8 encoding of their text.
    """
    target, kind = _READERS[fmt]
    module, _, attr = target.partition(":")
    function = getattr(importlib.import_module(module), attr)
    opts = options or ReaderOptions()
    if kind == "bytes":
        byte_reader: ByteReader = function
        return byte_reader(_byte_chunks(stream), name, opts)
    stream_reader: StreamReader = function
    return stream_reader(_buffered(stream), name, opts)


def read_path(
    path: str | Path, fmt: InputFormat | None = None, *, options: ReaderOptions | None = None
) -> Iterator[Outcome]:
    """Read notices from a file (text in UTF-8, with or without BOM); ``-`` reads standard input."""
    import sys

    chosen = fmt or InputFormat.guess(path)
    if str(path) == "-":
        stdin: IO[str] | IO[bytes] = getattr(sys.stdin, "buffer", sys.stdin)
        yield from read(stdin, chosen, name="<stdin>", options=options)
        return
    with open(path, "rb") as fh:
        yield from read(fh, chosen, name=str(path), options=options)
