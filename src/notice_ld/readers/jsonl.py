"""JSON Lines and JSON readers for the notice JSON form (``docs/notice.schema.json``).

Both read bytes and isolate records: a line (JSON Lines) or an array item (JSON) that is not
UTF-8, holds an integer too long to read, nests too deep or is over the per-record size limit is
one :class:`~notice_ld.errors.RecordError` naming the record and the field; the records around
it go through. A file in UTF-16 or UTF-32 is one error for the file, with the command that
converts it.

>>> import io
>>> data = (b'{"id": "10670/1.a", "titles": [{"value": "caf\\xe9"}]}\\n'
...         b'{"id": "10670/1.b", "titles": [{"value": "T"}]}\\n')
>>> for outcome in read_jsonl(io.BytesIO(data), "in.jsonl"):
...     print(outcome if isinstance(outcome, RecordError) else outcome.id)
record 10670/1.a (in.jsonl:1), field titles[0].value: holds the byte 0xE9, which is not UTF-8 (...
10670/1.b
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import text
from notice_ld.readers.jsonarray import Item, Unreadable, Why, array_items, starts_array

if TYPE_CHECKING:
    from notice_ld.readers import ReaderOptions

__all__ = [
    "huge_number_error",
    "read_json",
    "read_jsonl",
    "read_jsonl_numbered",
    "to_outcome",
    "too_deep_error",
    "undecodable_field",
    "value_end",
]

_DEFAULT_LIMIT: Final = 8 * 1024 * 1024
_DECODER: Final = json.JSONDecoder()
_SPACE: Final = re.compile(r"[ \t\n\r]*")
_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{]|[\]}]|[^"\[\]{}]+', re.DOTALL)


def to_outcome(
    data: Any, where: str, source: str | None = None, *, undecodable: bool = False
) -> Notice | RecordError:
    """Validate one decoded record; errors name the record by its id and position (``where``);
    ``source`` is the file name used in fixes (default: ``where``). ``undecodable`` says the
    record's text held bytes that were not UTF-8: the error then names the field that holds one."""
    if not isinstance(data, Mapping):
        return RecordError(
            record=where, problem="a notice must be a JSON object", fix="write one JSON object per notice"
        )
    ident = data.get("id")
    if isinstance(ident, Mapping):
        ident = ident.get("value")
    record = f"{text.escaped(ident)} ({where})" if isinstance(ident, str) else where
    bad = undecodable_field(data) if undecodable else None
    if bad is not None:
        path, byte = bad
        return RecordError(
            record=record,
            field=path,
            problem=text.not_utf8_problem(byte),
            fix=text.not_utf8_fix(source or where),
        )
    try:
        return Notice.from_dict(data, record=record)
    except RecordError as err:
        return err
    except RecursionError:
        return too_deep_error(record)


def undecodable_field(data: Mapping[str, Any]) -> tuple[str, int] | None:
    """The path of the first key or string value holding a byte that was not UTF-8 (iterative),
    and the byte.

    >>> undecodable_field({"a": [{"b": "caf" + b"\\xe9".decode("utf-8", "surrogateescape")}]})
    ('a[0].b', 233)
    """
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            found = text.undecodable_byte(value)
            if found is not None:
                return path or "(the record)", found[1]
        elif isinstance(value, Mapping):
            for key, item in reversed(list(value.items())):
                found = text.undecodable_byte(key)
                if found is not None:
                    return (f"{path}.{text.escaped(key)}" if path else text.escaped(key)), found[1]
                stack.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return None


def too_deep_error(record: str) -> RecordError:
    """The error for a record nested too deeply to be read (Python's recursion limit).

    >>> too_deep_error("in.jsonl:3").problem[:40]
    'the record nests arrays or objects too d'
    """
    return RecordError(
        record=record,
        problem="the record nests arrays or objects too deeply to be read (a notice is a few levels deep)",
        fix="check how the record was produced; a notice is an object of fields, lists and small objects",
    )


def huge_number_error(record: str, exc: ValueError) -> RecordError:
    """The error for a record holding an integer over ``sys.get_int_max_str_digits()`` digits.

    >>> huge_number_error("in.jsonl:3", ValueError("... value has 5000 digits ...")).problem[:40]
    'the record holds an integer of 5,000 dig'
    """
    digits = re.search(r"value has (\d+) digits", str(exc))
    size = f" of {int(digits.group(1)):,} digits" if digits else ""
    return RecordError(
        record=record,
        problem=f"the record holds an integer{size}, over the {sys.get_int_max_str_digits():,} digits "
        "a number may have",
        fix="write identifiers and long numbers as JSON strings, in quotes",
    )


_ID_HINT: Final = re.compile(r'"id"\s*:\s*(?:\{\s*"value"\s*:\s*)?"([^"\\]{1,200})"')


def _named(line: str, where: str) -> str:
    """``where``, with the record's id in front when a quick look finds one (for errors)."""
    found = _ID_HINT.search(line)
    return f"{text.escaped(found.group(1))} ({where})" if found else where


def _loads(line: str, where: str) -> Any | RecordError:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordError(
            record=_named(line, where),
            problem=f"not valid JSON ({exc.msg} at column {exc.colno})",
            fix="write one complete JSON object per line",
        )
    except RecursionError:
        return too_deep_error(_named(line, where))
    except ValueError as exc:  # an integer literal over sys.get_int_max_str_digits() digits
        return huge_number_error(_named(line, where), exc)


def read_jsonl(
    stream: IO[bytes], name: str, options: ReaderOptions | None = None, *, first_line: int = 1
) -> Iterator[Notice | RecordError]:
    """One notice per line; blank lines are skipped; a bad line is an error for that line only.

    ``first_line`` numbers the stream's first line (a slice of a file read on its own names its
    records ``file:line`` as the whole file would).
    """
    for _, outcome in read_jsonl_numbered(stream, name, options, first_line=first_line):
        yield outcome


def read_jsonl_numbered(
    stream: IO[bytes], name: str, options: ReaderOptions | None = None, *, first_line: int = 1
) -> Iterator[tuple[int, Notice | RecordError]]:
    """What :func:`read_jsonl` gives, each with the number of its line (``0`` for an error
    about the whole stream).

    >>> import io
    >>> data = b'\\n{"id": "10670/1.a", "titles": [{"value": "T"}]}\\n'
    >>> [(number, str(outcome.id)) for number, outcome in read_jsonl_numbered(io.BytesIO(data), "in.jsonl")]
    [(2, '10670/1.a')]
    """
    limit = options.max_record_bytes if options is not None else _DEFAULT_LIMIT
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    wide = text.wide_encoding(head) if first_line == 1 else None
    if wide is not None:
        yield 0, text.encoding_error(name, wide)
        return
    for number, line in text.lines(stream, limit, first_line):
        where = f"{name}:{number}"
        if isinstance(line, text.LongLine):
            yield number, text.long_record_error(where, line.size, limit)
            continue
        if not line.strip():
            continue
        data = _loads(line, where)
        if isinstance(data, RecordError):
            yield number, data
        else:
            yield number, to_outcome(data, where, name, undecodable=text.has_undecodable(line))


def read_json(
    stream: IO[bytes], name: str, options: ReaderOptions | None = None
) -> Iterator[Notice | RecordError]:
    """A JSON array of notices, or one notice object; each array item is checked on its own.

    An array is read item by item (:mod:`notice_ld.readers.jsonarray`): memory follows the
    largest notice, not the file.
    """
    limit = options.max_record_bytes if options is not None else _DEFAULT_LIMIT
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[type-var]
    head = stream.peek(1 << 12)
    wide = text.wide_encoding(head[:4])
    if wide is not None:
        yield text.encoding_error(name, wide)
        return
    if starts_array(head):
        yield from _items(stream, name, limit)
        return
    doc = text.decode(stream.read().removeprefix(b"\xef\xbb\xbf"))
    start = _SPACE.match(doc).end()  # type: ignore[union-attr]
    item = _item(doc, start, name, limit, name)
    if isinstance(item, RecordError):
        yield item
        return
    outcome, end = item
    yield outcome
    if _SPACE.match(doc, end).end() != len(doc):  # type: ignore[union-attr]
        yield _syntax(name, doc, end, "extra data after the notice")


def _items(stream: IO[bytes], name: str, limit: int) -> Iterator[Notice | RecordError]:
    for found in array_items(stream, limit=limit):
        where = f"{name}[{found.index}]"
        if isinstance(found, Item):
            yield to_outcome(found.value, where, name, undecodable=found.undecodable)
        elif isinstance(found, Unreadable):
            if found.why is Why.TOO_DEEP:
                yield too_deep_error(where)
            elif found.why is Why.HUGE_NUMBER:
                yield huge_number_error(where, ValueError(found.error))
            else:
                yield text.long_record_error(where, found.size, limit)
        else:
            after = found.message.startswith("extra data")
            yield RecordError(
                record=name if after else where,
                problem=f"not valid JSON ({found.message} at line {found.line} column {found.column}); "
                "the records before it were read",
                fix=_ARRAY_FIX,
            )


_ARRAY_FIX: Final = (
    "check the file is one JSON array of notice objects (or use JSON Lines: one notice per line)"
)


def _item(
    doc: str, pos: int, where: str, limit: int, name: str
) -> tuple[Notice | RecordError, int] | RecordError:
    """One value at ``pos``: its outcome and where it ends, or a syntax error (reading stops)."""
    try:
        data, end = _DECODER.raw_decode(doc, pos)
    except json.JSONDecodeError as exc:
        return _syntax(where, doc, exc.pos, exc.msg)
    except (RecursionError, ValueError) as exc:
        skipped = value_end(doc, pos)
        if skipped is None:
            return _syntax(where, doc, pos, "unbalanced brackets")
        error = too_deep_error(where) if isinstance(exc, RecursionError) else huge_number_error(where, exc)
        return error, skipped
    if end - pos > limit:
        return text.long_record_error(where, len(doc[pos:end].encode("utf-8", "surrogateescape")), limit), end
    return to_outcome(data, where, name, undecodable=text.has_undecodable(doc, pos, end)), end


def value_end(doc: str, pos: int) -> int | None:
    """The end of the JSON value at ``pos`` found without parsing it (brackets and strings only),
    or ``None`` when its brackets do not balance.

    >>> value_end('[[1, "]"], 2]', 1), value_end('{"a": [}', 0)
    (9, None)
    """
    depth = 0
    for match in _TOKEN.finditer(doc, pos):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
        elif token in ("]", "}"):
            depth -= 1
            if depth == 0:
                return match.end()
            if depth < 0:
                return None
        elif depth == 0 and token[0] != '"':
            cut = re.match(r"[^,\]}\s]*", token)
            return match.start() + (cut.end() if cut else len(token))
        elif depth == 0:
            return match.end()
    return None


def _syntax(where: str, doc: str, pos: int, message: str) -> RecordError:
    line = doc.count("\n", 0, pos) + 1
    column = pos - (doc.rfind("\n", 0, pos) + 1) + 1
    return RecordError(
        record=where,
        problem=f"not valid JSON ({message} at line {line} column {column}); the records before it were read",
        fix="check the file is one JSON array of notice objects (or use JSON Lines: one notice per line)",
    )
