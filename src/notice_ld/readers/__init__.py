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
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias

from notice_ld.enums import member_named
from notice_ld.errors import ConfigError, RecordError, UnknownFormatError
from notice_ld.model import Notice
from notice_ld.readers.outcomes import Deletion, ReadWarning, Residue, ResidueItem

if TYPE_CHECKING:
    from notice_ld.identifiers.registry import Minter

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "Deletion",
    "InputFormat",
    "Outcome",
    "ReadWarning",
    "ReaderOptions",
    "Residue",
    "ResidueItem",
    "StreamReader",
    "detect_path",
    "read",
    "read_path",
    "reader",
]

Outcome: TypeAlias = Notice | RecordError | Residue | Deletion | ReadWarning

DEFAULT_MAX_RECORD_BYTES: Final = 8 * 1024 * 1024


@dataclass(frozen=True)
class ReaderOptions:
    """Options some readers use.

    ``minter`` mints the identifier of a record that has no usable one, from its OAI identifier
    (the same key gives the same Handle on every run; a :class:`~notice_ld.identifiers.HandleRegistry`
    also remembers it across runs); ``max_record_bytes`` bounds the size of one record — a JSON
    Lines line, a JSON array item, a CSV row, an XML record (a bigger record is reported and
    skipped, and in JSON Lines, CSV and XML never held in memory).

    >>> from notice_ld.identifiers import HandleMinter
    >>> ReaderOptions(minter=HandleMinter("10670")).minter.prefix
    '10670'
    """

    minter: Minter | None = None
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES

    def __post_init__(self) -> None:
        if not isinstance(self.max_record_bytes, int) or self.max_record_bytes < 1024:
            raise ConfigError(
                f"max_record_bytes must be a whole number >= 1024, not {self.max_record_bytes!r}"
            )


class InputFormat(enum.Enum):
    """Input formats notice_ld reads (the ``--from`` names); each has one reader module.

    Without ``--from`` the format is found from the content (:mod:`notice_ld.readers.detect`).
    """

    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    OAI_DC = "oai_dc"
    QDC = "qdc"
    MODS = "mods"
    DATACITE_XML = "datacite_xml"
    CROSSREF = "crossref"
    DATACITE = "datacite"
    OPENALEX = "openalex"
    HAL = "hal"
    CSL_JSON = "csl_json"
    BIBTEX = "bibtex"
    RIS = "ris"
    SCHEMA_ORG = "schema_org"
    HTML = "html"
    RDF = "rdf"

    @classmethod
    def from_name(cls, name: str) -> InputFormat:
        """Parse a CLI name (any case; ``-`` and ``_`` alike).

        >>> InputFormat.from_name("OAI_DC"), InputFormat.from_name("csl-json")
        (<InputFormat.OAI_DC: 'oai_dc'>, <InputFormat.CSL_JSON: 'csl_json'>)
        """
        return member_named(cls, name.replace("-", "_"), "input format", UnknownFormatError)

    @classmethod
    def guess(cls, path: str | Path) -> InputFormat:
        """Guess from a file name alone (``.json``, ``.xml``, ``.csv``, ``.bib``, ``.ris``, ``.ttl``…;
        a ``.gz`` suffix is looked through); else JSON Lines. :func:`detect_path` looks at the content.

        >>> InputFormat.guess("records.XML"), InputFormat.guess("in.jsonl"), InputFormat.guess("a.bib.gz")
        (<InputFormat.OAI_DC: 'oai_dc'>, <InputFormat.JSONL: 'jsonl'>, <InputFormat.BIBTEX: 'bibtex'>)
        """
        return cls.by_suffix(path) or cls.JSONL

    @classmethod
    def by_suffix(cls, path: str | Path) -> InputFormat | None:
        """The format a file name's suffix names (``.gz`` looked through), or ``None``.

        >>> InputFormat.by_suffix("refs.ris"), InputFormat.by_suffix("notes.txt")
        (<InputFormat.RIS: 'ris'>, None)
        """
        suffixes = [s.lower() for s in Path(str(path)).suffixes]
        if suffixes and suffixes[-1] == ".gz":
            suffixes.pop()
        return _BY_SUFFIX.get(suffixes[-1]) if suffixes else None

    @property
    def sliceable(self) -> bool:
        """Whether a file in this format can be cut into byte ranges on line boundaries (JSON Lines).

        >>> InputFormat.JSONL.sliceable, InputFormat.BIBTEX.sliceable
        (True, False)
        """
        return self is InputFormat.JSONL


_BY_SUFFIX: Final = MappingProxyType(
    {
        ".json": InputFormat.JSON,
        ".jsonl": InputFormat.JSONL,
        ".ndjson": InputFormat.JSONL,
        ".xml": InputFormat.OAI_DC,
        ".csv": InputFormat.CSV,
        ".bib": InputFormat.BIBTEX,
        ".bibtex": InputFormat.BIBTEX,
        ".ris": InputFormat.RIS,
        ".ttl": InputFormat.RDF,
        ".nt": InputFormat.RDF,
        ".rdf": InputFormat.RDF,
        ".owl": InputFormat.RDF,
        ".jsonld": InputFormat.RDF,
        ".html": InputFormat.HTML,
        ".htm": InputFormat.HTML,
        ".mods": InputFormat.MODS,
    }
)

StreamReader: TypeAlias = Callable[[IO[bytes], str, ReaderOptions], Iterator[Outcome]]
"""A reader: a buffered binary stream (with ``peek``), the input's name, options -> outcomes."""


# One loader per format: it imports the reader module on first use (``import notice_ld`` stays
# light) and returns its reader function.
def _jsonl() -> StreamReader:
    from notice_ld.readers.jsonl import read_jsonl

    return read_jsonl


def _json() -> StreamReader:
    from notice_ld.readers.jsonl import read_json

    return read_json


def _csv() -> StreamReader:
    from notice_ld.readers.csv import read_csv

    return read_csv


def _oai_dc() -> StreamReader:
    from notice_ld.readers.oai_dc import read_oai_dc

    return lambda stream, name, options: read_oai_dc(_stream_chunks(stream), name, options)


def _qdc() -> StreamReader:
    from notice_ld.readers.qdc import read_qdc

    return read_qdc


def _mods() -> StreamReader:
    from notice_ld.readers.mods import read_mods

    return read_mods


def _datacite_xml() -> StreamReader:
    from notice_ld.readers.datacite_xml import read_datacite_xml

    return read_datacite_xml


def _crossref() -> StreamReader:
    from notice_ld.readers.crossref import read_crossref

    return read_crossref


def _datacite() -> StreamReader:
    from notice_ld.readers.datacite import read_datacite

    return read_datacite


def _openalex() -> StreamReader:
    from notice_ld.readers.openalex import read_openalex

    return read_openalex


def _hal() -> StreamReader:
    from notice_ld.readers.hal import read_hal

    return read_hal


def _csl_json() -> StreamReader:
    from notice_ld.readers.csl_json import read_csl_json

    return read_csl_json


def _bibtex() -> StreamReader:
    from notice_ld.readers.bibtex import read_bibtex

    return read_bibtex


def _ris() -> StreamReader:
    from notice_ld.readers.ris import read_ris

    return read_ris


def _schema_org() -> StreamReader:
    from notice_ld.readers.schema_org import read_schema_org

    return read_schema_org


def _html() -> StreamReader:
    from notice_ld.readers.html import read_html

    return read_html


def _rdf() -> StreamReader:
    from notice_ld.readers.rdf import read_rdf

    return read_rdf


_READERS: Final[Mapping[InputFormat, Callable[[], StreamReader]]] = MappingProxyType(
    {
        InputFormat.JSONL: _jsonl,
        InputFormat.JSON: _json,
        InputFormat.CSV: _csv,
        InputFormat.OAI_DC: _oai_dc,
        InputFormat.QDC: _qdc,
        InputFormat.MODS: _mods,
        InputFormat.DATACITE_XML: _datacite_xml,
        InputFormat.CROSSREF: _crossref,
        InputFormat.DATACITE: _datacite,
        InputFormat.OPENALEX: _openalex,
        InputFormat.HAL: _hal,
        InputFormat.CSL_JSON: _csl_json,
        InputFormat.BIBTEX: _bibtex,
        InputFormat.RIS: _ris,
        InputFormat.SCHEMA_ORG: _schema_org,
        InputFormat.HTML: _html,
        InputFormat.RDF: _rdf,
    }
)


def reader(fmt: InputFormat) -> StreamReader:
    """The reader function of ``fmt`` (its module is imported on first use).

    >>> reader(InputFormat.JSONL).__name__
    'read_jsonl'
    """
    return _READERS[fmt]()


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


def _buffered(stream: IO[str] | IO[bytes]) -> io.BufferedReader:
    """A buffered binary stream with ``peek`` over ``stream`` (which is never closed)."""
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(_RawAdapter(stream), _CHUNK)


def _stream_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield chunk


_GZIP_MAGIC: Final = b"\x1f\x8b"


class _Gunzipped(io.RawIOBase):
    """The decompressed bytes of a gzip stream; a truncated or corrupt stream ends where it breaks,
    its ``problem`` saying why (:func:`read` reports it after the records read before it)."""

    def __init__(self, fileobj: IO[bytes]) -> None:
        import gzip

        self._gzip = gzip.GzipFile(fileobj=fileobj, mode="rb")
        self.problem: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.problem is not None:
            return 0
        try:  # read1: what one step decompresses (read(n) would drop it if the data breaks later)
            data = self._gzip.read1(len(buffer))
        except (EOFError, OSError, ValueError) as exc:  # truncated, BadGzipFile, zlib.error
            self.problem = str(exc) or type(exc).__name__
            return 0
        buffer[: len(data)] = data
        return len(data)


def _opened(stream: IO[str] | IO[bytes]) -> io.BufferedReader:
    """A buffered binary stream over ``stream``, gzip-decompressed when it starts with gzip's magic."""
    buffered = _buffered(stream)
    if buffered.peek(2)[:2] == _GZIP_MAGIC:
        return io.BufferedReader(_Gunzipped(buffered), _CHUNK)
    return buffered


def _then_gzip_problem(outcomes: Iterator[Outcome], raw: _Gunzipped, name: str) -> Iterator[Outcome]:
    yield from outcomes
    if raw.problem is not None:
        yield RecordError(
            record=name,
            problem=f"the gzip data is truncated or corrupt ({raw.problem}); the records before it were read",
            fix="download or compress the file again (gzip -t FILE checks it)",
        )


def read(
    stream: IO[str] | IO[bytes],
    fmt: InputFormat | None = None,
    *,
    name: str = "<input>",
    options: ReaderOptions | None = None,
) -> Iterator[Outcome]:
    """Read notices from a text or binary stream; ``name`` is used in error messages.

    The stream is read, never closed. Text streams are read as the UTF-8 encoding of their text;
    gzip-compressed bytes are decompressed. Without ``fmt`` the format is found from the content
    (an input in no supported format raises :class:`~notice_ld.errors.UnsupportedInputError`
    before anything is read).
    """
    opened = _opened(stream)
    if fmt is None:
        from notice_ld.readers.detect import detect

        fmt = detect(opened.peek(_CHUNK), name)
    outcomes = reader(fmt)(opened, name, options or ReaderOptions())
    if isinstance(opened.raw, _Gunzipped):
        return _then_gzip_problem(outcomes, opened.raw, name)
    return outcomes


def read_path(
    path: str | Path, fmt: InputFormat | None = None, *, options: ReaderOptions | None = None
) -> Iterator[Outcome]:
    """Read notices from a file (text in UTF-8, with or without BOM; gzip-compressed or not);
    ``-`` reads standard input. Without ``fmt`` the format is found from the content (and the name)."""
    import sys

    if str(path) == "-":
        stdin: IO[str] | IO[bytes] = getattr(sys.stdin, "buffer", sys.stdin)
        yield from read(stdin, fmt, name="<stdin>", options=options)
        return
    with open(path, "rb", buffering=_CHUNK) as fh:
        yield from read(fh, fmt or detect_path(path), name=str(path), options=options)


def detect_path(path: str | Path) -> InputFormat:
    """The format of the file at ``path``, from its content (and its name where the content alone
    cannot tell, e.g. CSV or an empty file); raises :class:`~notice_ld.errors.UnsupportedInputError`
    for a file in no supported format.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = os.path.join(d, "refs.txt")
    ...     _ = open(p, "w").write("TY  - JOUR\\nTI  - A title\\nER  - \\n")
    ...     detect_path(p)
    <InputFormat.RIS: 'ris'>
    """
    from notice_ld.readers.detect import detect

    with open(path, "rb", buffering=_CHUNK) as fh:
        opened = _opened(fh)
        return detect(opened.peek(_CHUNK), str(path))
