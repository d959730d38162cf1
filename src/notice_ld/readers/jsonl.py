"""JSON Lines and JSON readers for the notice JSON form (``docs/notice.schema.json``)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from notice_ld.errors import RecordError
from notice_ld.model import Notice

if TYPE_CHECKING:
    from notice_ld.readers import ReaderOptions

__all__ = ["read_json", "read_jsonl", "to_outcome"]


def to_outcome(data: Any, where: str) -> Notice | RecordError:
    """Validate one decoded record; errors name the record by its id and position."""
    if not isinstance(data, Mapping):
        return RecordError(
            record=where, problem="a notice must be a JSON object", fix="write one JSON object per notice"
        )
    ident = data.get("id")
    if isinstance(ident, Mapping):
        ident = ident.get("value")
    record = f"{ident} ({where})" if isinstance(ident, str) else where
    try:
        return Notice.from_dict(data, record=record)
    except RecordError as err:
        return err


def read_jsonl(
    stream: IO[str], name: str, options: ReaderOptions | None = None
) -> Iterator[Notice | RecordError]:
    """One notice per line; blank lines are skipped; a bad line is an error for that line only."""
    for number, line in enumerate(stream, start=1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(
                record=where,
                problem=f"not valid JSON ({exc.msg} at column {exc.colno})",
                fix="write one complete JSON object per line",
            )
            continue
        yield to_outcome(data, where)


def read_json(
    stream: IO[str], name: str, options: ReaderOptions | None = None
) -> Iterator[Notice | RecordError]:
    """A JSON array of notices, or one notice object."""
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        yield RecordError(
            record=name,
            problem=f"not valid JSON ({exc.msg} at line {exc.lineno})",
            fix="check the file is one JSON array of notice objects",
        )
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        yield to_outcome(item, f"{name}[{index}]")
