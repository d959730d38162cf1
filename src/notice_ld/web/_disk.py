"""Bounded-memory helpers for building a site of any size: what grows with the notices goes to disk.

* :class:`DistinctCounter` counts distinct 64-bit values (the digests of the triples of shared
  nodes, for VoID's ``void:triples``): values are collected in a fixed-size buffer, spilled as
  sorted runs to a temporary file, and merged (a k-way merge, read in small chunks) at the end.
* :class:`SeenIRIs` answers "was this IRI seen before?" (a second record with the same
  identifier) from a temporary SQLite table.

Both keep a few MiB in memory whatever the number of values, and remove their files on
:meth:`close`.

>>> import tempfile, os
>>> folder = tempfile.mkdtemp()
>>> counter = DistinctCounter(os.path.join(folder, "d.bin"), buffer=4)
>>> for value in [5, 1, 5, 9, 1, 7, 7, 3, 9]:
...     counter.add(value)
>>> counter.count(), counter.runs
(5, 3)
>>> counter.close()
>>> seen = SeenIRIs(os.path.join(folder, "seen.db"))
>>> seen.add("https://hdl.handle.net/10670/1.jt89mr"), seen.add("https://hdl.handle.net/10670/1.jt89mr")
(True, False)
>>> seen.close(); os.listdir(folder)
[]
"""

from __future__ import annotations

import heapq
import os
import sqlite3
from array import array
from collections.abc import Iterator

__all__ = ["DistinctCounter", "SeenIRIs"]

_ITEM = array("Q").itemsize


class DistinctCounter:
    """Counts distinct unsigned 64-bit values in bounded memory (see the module docs).

    ``buffer`` values are held before a sorted run is written to ``path``; more than
    ``fan_in`` runs are merged into one before the final count, so the merge reads at most
    ``fan_in`` runs at once, each through a ``chunk``-value window.
    """

    def __init__(self, path: str | os.PathLike[str], *, buffer: int = 1 << 16, fan_in: int = 64) -> None:
        self.path = os.fspath(path)
        self.buffer = buffer
        self.fan_in = fan_in
        self.chunk = 4096
        self._pending = array("Q")
        self._runs: list[tuple[int, int]] = []  # (offset in items, length in items)
        self._fh = open(self.path, "w+b")  # noqa: SIM115 (closed in close())
        self._end = 0

    @property
    def runs(self) -> int:
        """How many sorted runs are on disk."""
        return len(self._runs)

    def add(self, value: int) -> None:
        """Count one value."""
        self._pending.append(value)
        if len(self._pending) >= self.buffer:
            self._spill()

    def add_bytes(self, values: bytes) -> None:
        """Count the values of an ``array("Q")`` given as its bytes (native order)."""
        self._pending.frombytes(values)
        if len(self._pending) >= self.buffer:
            self._spill()

    def _spill(self) -> None:
        if self._pending:
            self._runs.append(self._append([array("Q", sorted(set(self._pending)))]))
            self._pending = array("Q")

    def _append(self, pieces: Iterator[array[int]] | list[array[int]]) -> tuple[int, int]:
        """Write sorted values at the end of the file: one run, ``(offset, length)``."""
        start = self._end
        self._fh.seek(start * _ITEM)
        for piece in pieces:
            piece.tofile(self._fh)
            self._end += len(piece)
        self._fh.flush()
        return start, self._end - start

    def _read(self, offset: int, length: int) -> Iterator[int]:
        fd = self._fh.fileno()
        done = 0
        while done < length:
            take = min(self.chunk, length - done)
            window = array("Q")
            window.frombytes(os.pread(fd, take * _ITEM, (offset + done) * _ITEM))
            yield from window
            done += take

    def _distinct(self, runs: list[tuple[int, int]]) -> Iterator[int]:
        last = -1
        for value in heapq.merge(*(self._read(o, n) for o, n in runs)):
            if value != last:
                yield value
                last = value

    def _pieces(self, values: Iterator[int]) -> Iterator[array[int]]:
        piece = array("Q")
        for value in values:
            piece.append(value)
            if len(piece) >= self.buffer:
                yield piece
                piece = array("Q")
        yield piece

    def count(self) -> int:
        """The number of distinct values added so far."""
        self._spill()
        while len(self._runs) > self.fan_in:
            group, self._runs = self._runs[: self.fan_in], self._runs[self.fan_in :]
            self._runs.append(self._append(self._pieces(self._distinct(group))))
        return sum(1 for _ in self._distinct(self._runs))

    def close(self) -> None:
        """Remove the file."""
        self._fh.close()
        if os.path.exists(self.path):
            os.unlink(self.path)


class SeenIRIs:
    """A set of IRIs kept in a temporary SQLite table (bounded memory), for duplicate checks."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("PRAGMA cache_size=-2048")
        self._db.execute("CREATE TABLE seen(iri TEXT PRIMARY KEY) WITHOUT ROWID")
        self._db.execute("BEGIN")

    def add(self, iri: str) -> bool:
        """Record ``iri``; ``False`` if it was already there."""
        cursor = self._db.execute("INSERT OR IGNORE INTO seen(iri) VALUES (?)", (iri,))
        return cursor.rowcount == 1

    def close(self) -> None:
        """Drop the table and remove the file."""
        self._db.close()
        if os.path.exists(self.path):
            os.unlink(self.path)
