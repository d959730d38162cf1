"""Inputs of a run and how a run is cut into parts.

A :class:`Source` is one input file — or a slice of one: a byte range of a JSON Lines file, cut
on line boundaries, that knows the number of its first line so its records are named
``file:line`` exactly as in the whole file. :func:`partition` cuts a list of inputs into parts of
about the same size, in input order: JSON Lines files are cut into byte ranges, other files
(JSON, CSV, XML: one document each) go whole. Running each part and merging the outputs and the
reports in order gives the bytes and the report of the whole run (see :mod:`notice_ld.pipeline`).

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "in.jsonl")
>>> with open(path, "wb") as fh:
...     _ = fh.write(b"".join(b'{"id": "10670/1.abc%03d"}\\n' % i for i in range(10)))
>>> parts = partition([path], parts=3, min_bytes=1)
>>> [(s.start, s.end, s.first_line) for part in parts for s in part]
[(0, 100, 1), (100, 200, 5), (200, 250, 9)]
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from notice_ld.errors import ConfigError, RecordError
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, Outcome, ReaderOptions, detect_path, read, read_path

__all__ = ["Part", "Source", "numbered_source", "partition", "read_source"]

_SCAN = 1 << 20


@dataclass(frozen=True, slots=True)
class Source:
    """One input: a file (``-`` is standard input), its format (``None``: from the name), and for a
    slice of a JSON Lines file the byte range ``[start, end)`` and the number of its first line.

    >>> Source("in.jsonl").whole, Source("in.jsonl", start=10, end=20, first_line=2).whole
    (True, False)
    """

    path: str
    format: InputFormat | None = None
    start: int = 0
    end: int | None = None
    first_line: int = 1

    def __post_init__(self) -> None:
        if self.start < 0 or (self.end is not None and self.end < self.start) or self.first_line < 1:
            raise ConfigError(f"not a valid slice of {self.path}: bytes {self.start}-{self.end}")
        if not self.whole and not (self.format or InputFormat.guess(self.path)).sliceable:
            raise ConfigError(f"only JSON Lines files can be read in slices, not {self.path}")

    @property
    def kind(self) -> InputFormat:
        """The input format (given, or found from the file's content and name)."""
        if self.format is not None:
            return self.format
        if self.path == "-" or not self.whole:
            return InputFormat.guess(self.path)
        return detect_path(self.path)

    @property
    def whole(self) -> bool:
        """Whether the source is the whole file."""
        return self.start == 0 and self.end is None and self.first_line == 1


Part = tuple[Source, ...]
"""A part of a run: sources read one after the other."""


def read_source(source: Source, options: ReaderOptions | None = None) -> Iterator[Outcome]:
    """Read one source (a whole file, or its slice of a JSON Lines file)."""
    if source.whole:
        yield from read_path(source.path, source.format, options=options)
        return
    from notice_ld.readers.jsonl import read_jsonl

    with open(source.path, "rb") as fh:
        fh.seek(source.start)
        window = io.BufferedReader(_Window(fh, source.end), 1 << 16)
        yield from read_jsonl(window, source.path, options, first_line=source.first_line)


def numbered_source(
    source: Source, options: ReaderOptions | None = None
) -> tuple[bool, Iterator[tuple[int, Outcome]]]:
    """Read one source, each outcome with the number of its record: whether the numbers are
    lines (an uncompressed JSON Lines file or slice), and the outcomes. Otherwise a record's
    number is its rank among the notices and errors read from the source (a residue or a
    deletion has the number of the record before it).

    >>> import os, tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
    >>> _ = open(path, "w").write('\\n{"id": "10670/1.a", "titles": [{"value": "T"}]}\\n')
    >>> lines, outcomes = numbered_source(Source(path))
    >>> lines, [(number, type(outcome).__name__) for number, outcome in outcomes]
    (True, [(2, 'Notice')])
    """
    kind = source.kind
    if kind is InputFormat.JSONL and source.path != "-" and not _compressed(source.path):
        return True, _jsonl_numbered(source, options)
    return False, _ranked(dataclasses.replace(source, format=kind) if source.whole else source, options)


def _jsonl_numbered(source: Source, options: ReaderOptions | None) -> Iterator[tuple[int, Outcome]]:
    from notice_ld.readers.jsonl import read_jsonl_numbered

    with open(source.path, "rb") as fh:
        fh.seek(source.start)
        window = io.BufferedReader(_Window(fh, source.end), 1 << 16)
        yield from read_jsonl_numbered(window, source.path, options, first_line=source.first_line)


def _ranked(source: Source, options: ReaderOptions | None) -> Iterator[tuple[int, Outcome]]:
    rank = 0
    for outcome in read_source(source, options):
        if isinstance(outcome, (Notice, RecordError)):
            rank += 1
        yield rank, outcome


def as_source(item: Source | str | os.PathLike[str], fmt: InputFormat | None = None) -> Source:
    """A :class:`Source` for a path (sources are kept as they are)."""
    return item if isinstance(item, Source) else Source(os.fspath(item), fmt)


def partition(
    inputs: Sequence[Source | str | os.PathLike[str]],
    *,
    parts: int,
    fmt: InputFormat | None = None,
    min_bytes: int = 1 << 16,
) -> list[Part]:
    """Cut ``inputs`` into about ``parts`` parts of similar size, in input order (see module docs).

    JSON Lines files are cut on line boundaries into slices of at least ``min_bytes``; other
    inputs (and standard input) are never cut. Consecutive small inputs share a part.
    """
    if parts < 1:
        raise ConfigError(f"a run has at least one part, not {parts}")
    sources = [_detected(as_source(item, fmt)) for item in inputs]
    sizes = [_size(s) for s in sources]
    target = max(min_bytes, -(-sum(sizes) // parts))
    pieces: list[tuple[Source, int]] = []
    for source, size in zip(sources, sizes, strict=True):
        if (
            source.whole
            and source.path != "-"
            and source.kind.sliceable
            and size > target
            and not _compressed(source.path)
        ):
            pieces.extend((s, (s.end or 0) - s.start) for s in _cut(source, size, target))
        else:
            pieces.append((source, size))
    result: list[Part] = []
    current: list[Source] = []
    filled = 0
    for source, size in pieces:
        if current and filled + size > target:
            result.append(tuple(current))
            current, filled = [], 0
        current.append(source)
        filled += size
    if current:
        result.append(tuple(current))
    return result


def _detected(source: Source) -> Source:
    """``source`` with its format found once (from the content), so parts never look again."""
    if source.format is not None or source.path == "-":
        return source
    return dataclasses.replace(source, format=source.kind)


def _compressed(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _size(source: Source) -> int:
    if source.path == "-":
        return 0
    if not source.whole:
        return (source.end if source.end is not None else Path(source.path).stat().st_size) - source.start
    return Path(source.path).stat().st_size


def _cut(source: Source, size: int, target: int) -> list[Source]:
    """Slices of a JSON Lines file at the first line break after every ``target`` bytes, with the
    line number each starts at (newlines counted in one pass over the file)."""
    bounds = [0]
    with open(source.path, "rb") as fh:
        while bounds[-1] + target < size:
            fh.seek(bounds[-1] + target)
            rest = fh.readline()  # up to and including the next line break
            cut = fh.tell()
            if not rest or cut >= size:
                break
            bounds.append(cut)
        bounds.append(size)
        firsts = [1]
        fh.seek(0)
        position, lines = 0, 0
        for boundary in bounds[1:-1]:
            while position < boundary:
                chunk = fh.read(min(_SCAN, boundary - position))
                lines += chunk.count(b"\n")
                position += len(chunk)
            firsts.append(lines + 1)
    return [
        Source(source.path, source.format, start, end, first)
        for start, end, first in zip(bounds, bounds[1:], firsts, strict=False)
    ]


class _Window(io.RawIOBase):
    """The bytes of an open binary file from its position up to ``end`` (``None``: the end)."""

    def __init__(self, fh: IO[bytes], end: int | None) -> None:
        self._fh = fh
        self._left = None if end is None else end - fh.tell()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = len(buffer) if self._left is None else min(len(buffer), self._left)
        if size <= 0:
            return 0
        data = self._fh.read(size)
        buffer[: len(data)] = data
        if self._left is not None:
            self._left -= len(data)
        return len(data)


_ = read
