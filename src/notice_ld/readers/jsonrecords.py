"""Records of third-party JSON formats (Crossref, OpenAlex, CSL-JSON, DataCite, HAL…), isolated.

:func:`json_records` reads a buffered binary stream that is either **JSON Lines** (one record, or
one API envelope, per line) or **one JSON document** (a single record, an array of records, or an
API envelope such as Crossref's ``{"message": {"items": [...]}}``, OpenAlex's ``{"results": [...]}``,
HAL's ``{"response": {"docs": [...]}}``, DataCite's ``{"data": [...]}``). The format's reader gives
the function that unwraps an envelope (:data:`Unwrap`) and the one that names a record for
messages (:data:`Identify`); it gets, in input order, one :class:`JsonRecord` per record (its
position and its decoded object) or a :class:`~notice_ld.errors.RecordError`.

Positions are ``file:line`` (JSON Lines), ``file[3]`` (the fourth record of a document),
``file:line[3]`` (the fourth record of the envelope on that line) or ``file`` (a document that
is one record). Isolation is that of :mod:`notice_ld.readers.jsonl`: a record holding a byte that
is not UTF-8, an integer of more than 4,300 digits, or nesting too deep to read, or over the
per-record size limit, is one error naming the record and (for bytes) the field; the records
around it go through. A file in UTF-16 or UTF-32 is one error for the file. A syntax error in a
document stops what follows it only: the records before it are read (also inside an envelope,
e.g. a ``/works`` page cut short while downloading).

JSON Lines is read line by line (a dump of many GB streams in flat memory); a document is read
whole (an API page is a few MB).

>>> import io
>>> def unwrap(value):  # Crossref's /works page: {"message": {"items": [...]}}
...     return value["message"]["items"] if isinstance(value, dict) and "message" in value else None
>>> def identify(record):
...     return record.get("DOI")
>>> page = (b'{"message": {"items": [\\n  {"DOI": "10.1/a"},\\n  {"DOI": "10.1/b", "n": 1' + b"0" * 5000
...         + b'},\\n  {"DOI": "10.1/c"},\\n  {"DOI": "10.1/d", "title": ["cut sh')
>>> for x in json_records(io.BytesIO(page), "page.json", 1 << 20, unwrap, identify):
...     print(x.record if isinstance(x, JsonRecord) else x)
10.1/a (page.json[0])
record 10.1/b (page.json[1]), field n: the record holds an integer of 5,001 digits, over the 4,300 ...
10.1/c (page.json[2])
record page.json: not valid JSON (Unterminated string starting at at line 5 column 31); the records ...
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import text
from notice_ld.readers.jsonarray import Item, Unreadable, Why, array_items, starts_array
from notice_ld.readers.jsonl import huge_number_error, too_deep_error, undecodable_field, value_end
from notice_ld.readers.outcomes import Residue, ResidueItem

if TYPE_CHECKING:
    from notice_ld import identifiers as ids
    from notice_ld.readers import ReaderOptions

__all__ = [
    "Draft",
    "Identify",
    "JsonRecord",
    "NotRecords",
    "Unwrap",
    "Unwrapped",
    "finish",
    "json_records",
    "shown",
]


@dataclass(frozen=True, slots=True)
class NotRecords:
    """What an :data:`Unwrap` function returns for a value that is an envelope without records
    (an API error answer, say): the problem and its fix; the reader yields it as an error.

    >>> NotRecords("the API answered an error: Resource not found", "check the DOI").problem
    'the API answered an error: Resource not found'
    """

    problem: str
    fix: str


Unwrapped: TypeAlias = Sequence[Any] | Mapping[str, Any] | NotRecords | None
"""An envelope's records: a sequence (positions ``[i]``), one record (a mapping: the position
stays that of the envelope), :class:`NotRecords`, or ``None`` when the value is a record itself."""

Unwrap: TypeAlias = Callable[[Any], Unwrapped]
"""Unwraps one decoded JSON value (a line, a document, an array item) into its records."""

Identify: TypeAlias = Callable[[Mapping[str, Any]], str | None]
"""The record's identifier for messages (its DOI, OpenAlex id…), or ``None``."""


@dataclass(frozen=True, slots=True)
class JsonRecord:
    """One decoded record: ``where`` is its position, ``record`` how messages name it (its
    identifier, then its position), ``data`` the decoded object.

    >>> JsonRecord("w.json[2]", "10.1/x (w.json[2])", {"DOI": "10.1/x"}).record
    '10.1/x (w.json[2])'
    """

    where: str
    record: str
    data: Mapping[str, Any]


_DECODER: Final = json.JSONDecoder()
_SPACE: Final = re.compile(r"[ \t\n\r]*")
_FIX_DOCUMENT: Final = (
    "check the file is complete (a download cut short?) and is one JSON document, or JSON Lines "
    "(one record per line)"
)


@dataclass(frozen=True, slots=True)
class _Input:
    """What the records of one input share."""

    name: str
    limit: int
    unwrap: Unwrap
    identify: Identify


@dataclass(frozen=True, slots=True)
class _Decoded:
    """How a value was decoded: ``undecodable`` its text held bytes that were not UTF-8;
    ``measure`` its records' sizes were not measured yet; ``cut`` it was recovered before a
    syntax error (the records it cut are left out); ``marked`` it may hold marks of values that
    could not be decoded (:func:`_tolerant_loads`)."""

    undecodable: bool
    measure: bool = False
    cut: bool = False
    marked: bool = False


def json_records(
    stream: IO[bytes], name: str, max_record_bytes: int, unwrap: Unwrap, identify: Identify
) -> Iterator[JsonRecord | RecordError]:
    """The records of a JSON Lines or JSON input, in input order (see the module's docstring).

    The first line decides: a line that is a complete JSON value makes the input JSON Lines
    (a document on one line reads the same: its records are named ``file:1[i]``); a first line
    that opens a value it does not close makes it one document, read whole. A top-level array
    (a document, or a line) is a list of records (or envelopes).

    >>> import io
    >>> lines = io.BytesIO(b'{"DOI": "10.1/a"}\\n{"DOI": "10.1/b", }\\n[{"DOI": "10.1/c"}]\\n')
    >>> for x in json_records(lines, "d.jsonl", 1 << 20, lambda v: None, lambda r: r.get("DOI")):
    ...     print(x.record if isinstance(x, JsonRecord) else x)
    10.1/a (d.jsonl:1)
    record d.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 19) ...
    10.1/c (d.jsonl:3[0])
    """
    if not hasattr(stream, "peek"):  # e.g. io.BytesIO
        stream = io.BufferedReader(stream)  # type: ignore[type-var]
    wide = text.wide_encoding(stream.peek(4)[:4])
    if wide is not None:
        yield text.encoding_error(name, wide)
        return
    source = _Input(name, max_record_bytes, unwrap, identify)
    if _streams_as_array(stream.peek(1 << 16)):
        yield from _streamed_array(stream, source)
        return
    number = 0
    while True:  # the first line that is not blank decides
        raw = text.read_line(stream, max_record_bytes, first=number == 0)
        if raw is None:
            return
        number += 1
        if isinstance(raw, text.LongLine):
            yield text.long_record_error(f"{name}:{number}", raw.size, max_record_bytes)
            yield from _lines(stream, source, number)
            return
        if raw.strip():
            break
    line = text.decode(raw.rstrip(b"\r\n"))
    if _opens_document(line):
        yield from _document(("\n" * (number - 1)) + line + "\n" + text.decode(stream.read()), source)
        return
    yield from _line(line, f"{name}:{number}", source)
    yield from _lines(stream, source, number)


def _streams_as_array(head: bytes) -> bool:
    """Whether the input is one top-level array to read item by item: it opens with ``[`` and
    its first line is not a whole JSON value (a multi-line array, or one long line)."""
    if not starts_array(head):
        return False
    first, newline, _ = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").partition(b"\n")
    if not newline:
        return True
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        return True
    return False


def _streamed_array(stream: IO[bytes], source: _Input) -> Iterator[JsonRecord | RecordError]:
    """The records of a top-level array, item by item in bounded memory (:mod:`.jsonarray`)."""
    for found in array_items(stream, limit=source.limit):
        where = f"{source.name}[{found.index}]"
        if isinstance(found, Item):
            yield from _unwrapped(found.value, where, source, _Decoded(found.undecodable))
        elif isinstance(found, Unreadable):
            if found.why is Why.TOO_DEEP:
                yield too_deep_error(where)
            elif found.why is Why.HUGE_NUMBER:
                yield huge_number_error(where, ValueError(found.error))
            else:
                yield text.long_record_error(where, found.size, source.limit)
        else:
            yield RecordError(
                record=source.name if found.message.startswith("extra data") else where,
                problem=f"not valid JSON ({found.message} at line {found.line} column {found.column}); "
                "the records before it were read",
                fix=_FIX_DOCUMENT,
            )


def _opens_document(line: str) -> bool:
    """Whether the first line opens a JSON value it does not close (a document over many lines)."""
    try:
        json.loads(line)
    except json.JSONDecodeError as exc:
        return exc.pos >= len(line.rstrip()) and line.lstrip()[:1] in ("{", "[")
    except (ValueError, RecursionError):
        return False
    return False


def _lines(stream: IO[bytes], source: _Input, number: int) -> Iterator[JsonRecord | RecordError]:
    for number, line in text.lines(stream, source.limit, number + 1):  # noqa: B020 (numbering goes on)
        where = f"{source.name}:{number}"
        if isinstance(line, text.LongLine):
            yield text.long_record_error(where, line.size, source.limit)
        elif line.strip():
            yield from _line(line, where, source)


def _line(line: str, where: str, source: _Input) -> Iterator[JsonRecord | RecordError]:
    undecodable = text.has_undecodable(line)
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        opened = len(line) - len(line.lstrip())
        if line[opened : opened + 1] in ("{", "[") and value_end(line, opened) is None:
            # a value cut short (an API page on one line, downloaded in part): its complete records
            recovered = _partial(line, 0, exc.pos)
            if recovered is not _NOTHING:
                how = _Decoded(undecodable, cut=True, marked=True)
                yield from _unwrapped(recovered, where, source, how, top=True)
        yield RecordError(
            record=where,
            problem=f"not valid JSON ({exc.msg} at column {exc.colno})",
            fix="write one complete JSON record per line",
        )
        return
    except (RecursionError, ValueError):  # too deep, or an integer of over 4,300 digits: per record
        try:
            value = _tolerant_loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(
                record=where,
                problem=f"not valid JSON ({exc.msg} at column {exc.colno})",
                fix="write one complete JSON record per line",
            )
            return
        yield from _unwrapped(value, where, source, _Decoded(undecodable, marked=True), top=True)
        return
    yield from _unwrapped(value, where, source, _Decoded(undecodable), top=True)


def _unwrapped(
    value: Any, where: str, source: _Input, how: _Decoded, *, top: bool = False
) -> Iterator[JsonRecord | RecordError]:
    """The records of one decoded value (``top``: a line or a document, whose array is a list
    of records or envelopes)."""
    if top and isinstance(value, list):
        for index, item in enumerate(value):
            if not (how.cut and _cut(item)):
                yield from _unwrapped(item, f"{where}[{index}]", source, how)
        return
    try:
        found = source.unwrap(value)
    except (TypeError, ValueError, LookupError, AttributeError) as exc:  # a careless unwrap
        yield RecordError(
            record=where, problem=f"cannot find the records in this value ({exc})", fix=_FIX_DOCUMENT
        )
        return
    if isinstance(found, NotRecords):
        yield RecordError(record=where, problem=found.problem, fix=found.fix)
    elif found is None or isinstance(found, (Mapping, str, bytes)):
        single = value if found is None else found
        if not (how.cut and _cut(single)):
            yield _record(single, where, source, how)
    else:
        for index, item in enumerate(found):
            if not (how.cut and _cut(item)):
                yield _record(item, f"{where}[{index}]", source, how)


def _record(value: Any, where: str, source: _Input, how: _Decoded) -> JsonRecord | RecordError:
    if not isinstance(value, Mapping):
        kind = type(value).__name__ if value is not None else "null"
        return RecordError(
            record=where,
            problem=f"a record must be a JSON object, not {_KINDS.get(kind, kind)}",
            fix="write each record as a JSON object {...}",
        )
    try:
        ident = source.identify(value)
    except (TypeError, ValueError, LookupError, AttributeError):
        ident = None
    record = f"{text.escaped(ident)} ({where})" if isinstance(ident, str) and ident else where
    if how.marked:
        mark = _marked(value)
        if mark is not None:
            path, found = mark
            error = (
                too_deep_error(record)
                if found == _TOO_DEEP
                else huge_number_error(record, ValueError(f"value has {found[len(_HUGE) :]} digits"))
            )
            field = path if len(path) <= 80 else path[:80] + "…"
            return RecordError(record=record, field=field, problem=error.problem, fix=error.fix)
    if how.undecodable:
        bad = undecodable_field(value)
        if bad is not None:
            return RecordError(
                record=record,
                field=bad[0],
                problem=text.not_utf8_problem(bad[1]),
                fix=text.not_utf8_fix(source.name),
            )
    if how.measure:
        size = len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogateescape"))
        if size > source.limit:
            return text.long_record_error(record, size, source.limit)
    return JsonRecord(where, record, value)


_KINDS: Final = {
    "list": "an array",
    "str": "a string",
    "int": "a number",
    "float": "a number",
    "bool": "a boolean",
}


def _document(doc: str, source: _Input) -> Iterator[JsonRecord | RecordError]:
    """One JSON document (read whole): a top-level array is read item by item (a bad item costs
    itself; a syntax error stops the items after it); any other value is decoded whole, and on a
    syntax error, what was complete before it is recovered (:func:`_partial`)."""
    name = source.name
    start = _SPACE.match(doc).end()  # type: ignore[union-attr]
    if doc.startswith("[", start):
        yield from _array(doc, start, source)
        return
    big = len(doc) > source.limit  # only then may one record of the document be over the limit
    try:
        value, end = _DECODER.raw_decode(doc, start)
    except json.JSONDecodeError as exc:
        yield from _recovered(doc, start, exc, source, big)
        return
    except (RecursionError, ValueError):  # too deep, or a huge integer: only its record is lost
        try:
            tolerant = _tolerant_loads(doc, start)
        except json.JSONDecodeError as exc:  # and a syntax error too (positions: the unnested text)
            yield from _recovered(exc.doc, 0, exc, source, big)
            return
        how = _Decoded(text.has_undecodable(doc), measure=big, marked=True)
        yield from _unwrapped(tolerant, name, source, how, top=True)
        return
    yield from _unwrapped(value, name, source, _Decoded(text.has_undecodable(doc), measure=big), top=True)
    if _SPACE.match(doc, end).end() != len(doc):  # type: ignore[union-attr]
        yield _syntax(name, doc, end, "extra data after the document")


def _recovered(
    doc: str, start: int, exc: json.JSONDecodeError, source: _Input, big: bool
) -> Iterator[JsonRecord | RecordError]:
    """The complete records before a syntax error, then the error."""
    value = _partial(doc, start, exc.pos)
    if value is not _NOTHING:
        how = _Decoded(text.has_undecodable(doc, 0, exc.pos), measure=big, cut=True, marked=True)
        yield from _unwrapped(value, source.name, source, how, top=True)
    yield _syntax(source.name, doc, exc.pos, exc.msg)


def _array(doc: str, pos: int, source: _Input) -> Iterator[JsonRecord | RecordError]:
    name, limit = source.name, source.limit
    index = 0
    pos = _SPACE.match(doc, pos + 1).end()  # type: ignore[union-attr]
    if doc.startswith("]", pos):
        return
    while True:
        where = f"{name}[{index}]"
        try:
            value, end = _DECODER.raw_decode(doc, pos)
        except json.JSONDecodeError as exc:
            yield _syntax(where, doc, exc.pos, exc.msg)
            return
        except (RecursionError, ValueError) as exc:
            skipped = value_end(doc, pos)
            if skipped is None:
                yield _syntax(where, doc, pos, "unbalanced brackets")
                return
            yield too_deep_error(where) if isinstance(exc, RecursionError) else huge_number_error(where, exc)
            end = skipped
        else:
            if end - pos > limit:
                size = len(doc[pos:end].encode("utf-8", "surrogateescape"))
                yield text.long_record_error(where, size, limit)
            else:
                yield from _unwrapped(value, where, source, _Decoded(text.has_undecodable(doc, pos, end)))
        index += 1
        pos = _SPACE.match(doc, end).end()  # type: ignore[union-attr]
        if doc.startswith(",", pos):
            pos = _SPACE.match(doc, pos + 1).end()  # type: ignore[union-attr]
            continue
        if doc.startswith("]", pos):
            after = _SPACE.match(doc, pos + 1).end()  # type: ignore[union-attr]
            if after != len(doc):
                yield _syntax(name, doc, after, "extra data after the array")
            return
        yield _syntax(name, doc, pos, "expected ',' or ']' after a record; the records after it are not read")
        return


def _syntax(where: str, doc: str, pos: int, message: str) -> RecordError:
    line = doc.count("\n", 0, pos) + 1
    column = pos - (doc.rfind("\n", 0, pos) + 1) + 1
    return RecordError(
        record=where,
        problem=f"not valid JSON ({message} at line {line} column {column}); the records before it were read",
        fix=_FIX_DOCUMENT,
    )


# -- values that cannot be decoded, kept to their record -------------------------------------

_TOO_DEEP: Final = "\x00notice_ld:too-deep"
_HUGE: Final = "\x00notice_ld:huge-int:"
_MAX_DEPTH: Final = 200  # deeper than any record; far from Python's recursion limit
_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]|[^"\[\]{}]+', re.DOTALL)


def _huge_or_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= 4300 else f"{_HUGE}{len(digits.lstrip('-'))}"


def _tolerant_loads(doc: str, start: int = 0) -> Any:
    """``doc[start:]`` decoded with each container nested over :data:`_MAX_DEPTH` levels and each
    integer of over 4,300 digits replaced by a mark (:func:`_marked` finds them in the records).
    Raises :class:`json.JSONDecodeError` (positions in :func:`_unnested` text) when it does not read.

    >>> _tolerant_loads('{"a": 1' + "0" * 4400 + ', "b": 2}')
    {'a': '\\x00notice_ld:huge-int:4401', 'b': 2}
    """
    try:
        return json.loads(_unnested(doc, start), parse_int=_huge_or_int)
    except RecursionError:  # not reached: nothing is left deeper than _MAX_DEPTH
        raise json.JSONDecodeError("nested too deeply", doc, start) from None


def _unnested(doc: str, start: int = 0) -> str:
    """``doc[start:]`` with each container nested over :data:`_MAX_DEPTH` levels replaced by a mark."""
    parts: list[str] = []
    depth, kept = 0, start
    pos = start
    while (match := _TOKEN.search(doc, pos)) is not None:
        token = match.group()
        pos = match.end()
        if token in ("[", "{"):
            depth += 1
            if depth > _MAX_DEPTH:
                end = value_end(doc, match.start())
                if end is None:
                    break
                parts.append(doc[kept : match.start()])
                parts.append(json.dumps(_TOO_DEEP))
                kept = pos = end
                depth -= 1
        elif token in ("]", "}"):
            depth -= 1
    parts.append(doc[kept:])
    return "".join(parts)


def _marked(data: Mapping[str, Any]) -> tuple[str, str] | None:
    """The path and mark of the first value :func:`_tolerant_loads` could not decode, if any."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if value == _TOO_DEEP or value.startswith(_HUGE):
                return path or "(the record)", value
        elif isinstance(value, Mapping):
            stack.extend(
                (f"{path}.{key}" if path else str(key), item) for key, item in reversed(list(value.items()))
            )
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return None


# -- what was complete before a syntax error -------------------------------------------------

_NOTHING: Final[Any] = object()
_INCOMPLETE_KEY: Final = "\x00notice_ld:incomplete"


_PARTIAL_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s"{}\[\],:]+|\s+|.', re.DOTALL)


def _partial(doc: str, start: int, error: int) -> Any:
    """The document's value as far as it was complete before ``error``: each container left open
    there is closed, its unfinished last member dropped and a mark added to it (so the record
    that was cut is not taken for a whole one). ``_NOTHING`` when nothing was complete.

    >>> _partial('{"items": [{"a": 1}, {"b": [2, 3', 0, 33) == {
    ...     "items": [{"a": 1}, {"b": [2, 3, _INCOMPLETE_KEY], _INCOMPLETE_KEY: True}, _INCOMPLETE_KEY],
    ...     _INCOMPLETE_KEY: True}
    True
    """
    stack: list[list[Any]] = []  # [bracket, end of the opening, end of the last complete member, key next]
    for match in _PARTIAL_TOKEN.finditer(doc, start, error):
        token = match.group()
        first = token[0]
        if first in " \t\r\n" or first == ":":
            continue
        if first in "{[":
            stack.append([first, match.end(), match.end(), first == "{"])
        elif first in "}]":
            stack.pop()
            if not stack:
                return _NOTHING  # the document was complete before the error (extra data)
            stack[-1][2] = match.end()
        elif first == ",":
            stack[-1][3] = stack[-1][0] == "{"
        elif first == '"' and (len(token) < 2 or token[-1] != '"'):
            break  # a string cut by the error
        elif not stack:
            return _NOTHING
        elif stack[-1][3]:
            stack[-1][3] = False  # a key: the member is complete with its value only
        else:
            stack[-1][2] = match.end()
    if not stack:
        return _NOTHING
    parts = [doc[start : stack[-1][2]]]
    mark = json.dumps(_INCOMPLETE_KEY)
    for depth, (bracket, opened, last, _) in enumerate(reversed(stack)):
        comma = ", " if depth or last != opened else ""
        parts.append(f"{comma}{mark}: true}}" if bracket == "{" else f"{comma}{mark}]")
    try:
        return _tolerant_loads("".join(parts))
    except json.JSONDecodeError:
        return _NOTHING


def _cut(value: Any) -> bool:
    """Whether ``value`` is a record (or the mark) that a syntax error cut short."""
    return value == _INCOMPLETE_KEY or (isinstance(value, Mapping) and _INCOMPLETE_KEY in value)


# -- building a notice from a record ---------------------------------------------------------


class Draft:
    """A notice being built from one :class:`JsonRecord`: the notice's fields (as
    :meth:`Notice.from_dict <notice_ld.model.Notice.from_dict>` takes them) and the residue.

    The helpers take a value as the source gives it, with its path in the source format
    (``author[2].ORCID``), and return what the notice holds, or ``None`` after noting in the
    residue why the value could not be used.

    >>> draft = Draft()
    >>> draft.text("title[0]", "  Vie\\nsociale "), draft.text("volume", 12), draft.text("title[1]", [1])
    ('Vie sociale', '12', None)
    >>> draft.identifier("ORCID", "0000-0002-1825-0098", "orcid") is None
    True
    >>> [(item.element, item.reason[:30]) for item in draft.residue]
    [('title[1]', 'not a text value: [1]'), ('ORCID', "'0000-0002-1825-0098': ORCID c")]
    """

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.residue: list[ResidueItem] = []

    def note(self, element: str, value: Any, reason: str) -> None:
        """Add ``value`` (any JSON value: written as JSON if it is not text) to the residue
        (once: the same element, value and reason twice are one item)."""
        item = ResidueItem(element, shown(value), reason)
        if item not in self.residue:
            self.residue.append(item)

    def text(self, element: str, value: Any, *, block: bool = False, literal: bool = False) -> str | None:
        """A text value (numbers are written as text), cleaned as Dublin Core values are
        (:func:`~notice_ld.readers.dc.clean_text`: HTML references decoded, HTML tags removed);
        ``literal``: the text is plain, its ``&`` and ``<`` are characters (only white space is
        folded and control characters removed). ``None`` for an empty or non-text value."""
        from notice_ld.readers.dc import clean_text

        if isinstance(value, bool) or value is None:
            if value is not None:
                self.note(element, value, f"not a text value: {shown(value)}")
            return None
        if isinstance(value, (int, float)):
            return str(value)
        if not isinstance(value, str):
            self.note(element, value, f"not a text value: {shown(value)}")
            return None
        cleaned, notes = _literal_text(value, block) if literal else clean_text(value, block=block)
        for note in notes:
            self.note(element, value, note)
        return cleaned or None

    def identifier(self, element: str, value: Any, scheme: str | None = None) -> ids.Identifier | None:
        """``value`` parsed as an identifier (of ``scheme``, else of the scheme its form shows)."""
        from notice_ld import identifiers

        text = self.text(element, value)
        if text is None:
            return None
        try:
            return identifiers.parse(text, scheme)
        except RecordError as err:
            self.note(element, value, err.problem)
            return None

    def language(self, element: str, value: Any) -> str | None:
        """A BCP 47 tag (:func:`~notice_ld.readers.dc.language_tag`), else ``None`` (noted)."""
        from notice_ld.readers.dc import language_tag

        text = self.text(element, value)
        if text is None:
            return None
        tag, why = language_tag(text)
        if tag is None:
            self.note(element, value, why or "not a language")
        return tag

    def date_parts(self, element: str, value: Any) -> str | None:
        """A CSL / Crossref date ``{"date-parts": [[2020, 1, 17]]}`` as ``YYYY[-MM[-DD]]``
        (parts may be numbers or digit strings; a date that does not exist is noted).

        >>> draft = Draft()
        >>> draft.date_parts("a", {"date-parts": [[2020, 1, 7]]}), draft.date_parts("b", {"date-parts": []})
        ('2020-01-07', None)
        """
        import calendar

        parts = value.get("date-parts") if isinstance(value, Mapping) else None
        if not isinstance(parts, list) or not parts or not isinstance(parts[0], list) or not parts[0]:
            if value is not None and not (isinstance(value, Mapping) and parts is None):
                self.note(element, value, 'not a date: write {"date-parts": [[YYYY, MM, DD]]}')
            return None
        first = parts[0]
        if first[0] is None:
            return None
        numbers: list[int] = []
        for part in first[:3]:
            if isinstance(part, bool) or not isinstance(part, (int, str)) or not str(part).isdigit():
                break
            numbers.append(int(part))
        if not numbers:
            self.note(element, value, 'not a date: write {"date-parts": [[YYYY, MM, DD]]}')
            return None
        year = numbers[0]
        if not 1 <= year <= 9999:
            self.note(element, value, f"year {year} is not a year of four digits")
            return None
        if len(numbers) >= 2 and not 1 <= numbers[1] <= 12:
            self.note(element, value, f"month {numbers[1]} does not exist")
            return f"{year:04d}"
        if len(numbers) == 3 and not 1 <= numbers[2] <= calendar.monthrange(year, numbers[1])[1]:
            self.note(element, value, f"day {numbers[2]} does not exist in {year:04d}-{numbers[1]:02d}")
            return f"{year:04d}-{numbers[1]:02d}"
        return "-".join(f"{n:0{4 if i == 0 else 2}d}" for i, n in enumerate(numbers))


_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _literal_text(value: str, block: bool) -> tuple[str, list[str]]:
    """Plain text: control characters removed (and noted), white space folded (paragraph breaks
    kept in a ``block``), NFC."""
    import unicodedata

    notes = []
    if _CONTROL.search(value):
        found = sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(value)})
        notes.append(f"removed the control character{'s' if len(found) > 1 else ''} {', '.join(found)}")
        value = _CONTROL.sub("", value)
    value = unicodedata.normalize("NFC", value)
    if block:
        paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", value))
        return "\n\n".join(p for p in paragraphs if p), notes
    return " ".join(value.split()), notes


def as_list(value: Any) -> list[Any]:
    """A JSON value as a list: lists as they are, ``null`` as none, anything else as one item.

    >>> as_list(None), as_list("a"), as_list([1, 2])
    ([], ['a'], [1, 2])
    """
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def scalar_text(value: Any) -> str | None:
    """Text given as a string or a number (``"publicationYear": 2011``); ``None`` for anything else.

    >>> scalar_text(2011), scalar_text("x"), scalar_text(True), scalar_text({})
    ('2011', 'x', None, None)
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def shown(value: Any) -> str:
    """A source value as residue text: text as it is, anything else as compact JSON (long values
    cut at 500 characters).

    >>> shown("x"), shown({"a": [1, 2]})
    ('x', '{"a":[1,2]}')
    """
    if isinstance(value, str):
        return value
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    except (TypeError, ValueError, RecursionError):
        text = repr(value)
    return text if len(text) <= 500 else text[:499] + "…"


def finish(
    draft: Draft, record: JsonRecord, *, mint_key: str | None, options: ReaderOptions, no_id_fix: str
) -> Iterator[Notice | Residue | RecordError]:
    """The outcomes of a draft: the notice and its residue, or the record's error.

    A draft without an ``id`` gets the Handle minted from ``mint_key`` when ``options.minter``
    is set (else an error with ``no_id_fix``). A value the notice model refuses (a malformed
    ORCID, a date that does not exist…) is taken out and noted in the residue (element: its
    field in the notice), and the notice is built without it; the record is an error only when
    its identifier or titles are refused.

    >>> draft = Draft()
    >>> draft.data.update(id="10.1234/x", titles=[{"value": "T"}], issued="2019-02-30")
    >>> from notice_ld.readers import ReaderOptions
    >>> rec = JsonRecord("f.json", "10.1234/x (f.json)", {})
    >>> notice, residue = finish(draft, rec, mint_key=None, options=ReaderOptions(), no_id_fix="")
    >>> notice.issued, [(i.element, i.value, i.reason) for i in residue.items]
    (None, [('issued', '2019-02-30', 'day 30 does not exist in 2019-02')])
    """
    from notice_ld import identifiers

    data = draft.data
    if "id" not in data:
        if options.minter is not None and mint_key:
            data["id"] = identifiers.Identifier(identifiers.Scheme.HANDLE, options.minter.mint(mint_key))
        else:
            yield RecordError(
                record=record.record,
                problem="the record has no usable identifier (DOI, or another the notice model knows)",
                fix=no_id_fix,
            )
            return
    for _ in range(_MAX_REPAIRS):
        try:
            notice = Notice.from_dict(data, record=record.record)
        except RecordError as err:
            if not _take_out(data, err, draft):
                yield err
                return
            continue
        except RecursionError:
            yield too_deep_error(record.record)
            return
        yield notice
        if draft.residue:
            yield Residue(record=str(notice.id), source=record.where, items=tuple(draft.residue))
        return
    yield RecordError(record=record.record, problem="too many values the notice model refuses", fix=no_id_fix)


_MAX_REPAIRS: Final = 50
_PATH_PART: Final = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_ESSENTIAL: Final = frozenset({"id", "titles"})


def _take_out(data: dict[str, Any], err: RecordError, draft: Draft) -> bool:
    """Remove the value ``err`` names from ``data`` (noted in the residue); ``False`` when the
    field cannot be removed (the id, the titles, or a path that does not lead anywhere)."""
    parts: list[str | int] = [
        m.group(1) if m.group(1) is not None else int(m.group(2)) for m in _PATH_PART.finditer(err.field)
    ]
    if not parts or parts[0] in _ESSENTIAL:
        return False
    # the smallest unit worth keeping apart: a creator, a contributor, a concept, one identifier…
    cut = next((i + 1 for i, p in enumerate(parts) if isinstance(p, int)), len(parts))
    if parts[0] in ("container", "license", "publisher", "organization", "scope", "collection"):
        cut = min(cut, 2) if parts[0] == "container" and len(parts) > 1 else 1
    target: Any = data
    for part in parts[: cut - 1]:
        try:
            target = target[part]
        except (KeyError, IndexError, TypeError):
            return False
    last = parts[cut - 1]
    try:
        value = target[last]
        del target[last]
    except (KeyError, IndexError, TypeError):
        return False
    element = _field_path(parts[:cut])
    draft.residue.append(ResidueItem(element, shown(_plain(value)), err.problem))
    if isinstance(target, list) and not target and cut >= 2:  # an emptied list: drop it
        holder: Any = data
        for part in parts[: cut - 2]:
            holder = holder[part]
        del holder[parts[cut - 2]]
    return True


def _plain(value: Any) -> Any:
    """A value of a draft as JSON (identifiers as their text)."""
    from notice_ld import identifiers

    if isinstance(value, identifiers.Identifier):
        return value.value
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _field_path(parts: Sequence[str | int]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path
