"""The embedded store: a pyoxigraph ``Store`` in a folder on disk (the default).

Writes are transactions: a batch of new notice graphs (with their hashes) is one N-Quads
``load``; a batch of changed ones is one SPARQL Update (drop each graph, insert its new triples
and hash) — so a crash at any moment leaves every notice either fully old or fully new, with the
hash that matches its content. :meth:`EmbeddedStore.flush` (called when a load ends) makes
everything durable.

Bulk loading (:meth:`EmbeddedStore.bulk_put`) is used only where it is safe: into an empty
store. It writes a marker file first; if the process dies before the bulk load finished, the
next opening finds the marker and empties the store again — the notices are then all "old"
(absent), as they were, and the next load writes them.

>>> import tempfile
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> store.is_empty()
True
>>> store.close()
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Final, cast

import pyoxigraph as ox

from notice_ld.errors import RecordError, StoreError
from notice_ld.stores import HASH_PREDICATE, META_GRAPH, Entry, QueryResult
from notice_ld.stores._sparql import quads_nquads, replace_update, triples_of
from notice_ld.terms import Triple

__all__ = ["BULK_MARKER", "BULK_ROUND_QUADS", "EmbeddedStore"]

BULK_MARKER = "notice-ld-bulk-load.marker"
"""File present in the store folder while a bulk load runs (see the module docs)."""

BULK_ROUND_QUADS: Final = 100_000
"""Quads per ``bulk_load`` call of :meth:`EmbeddedStore.bulk_put` (about 640 generated notices).

pyoxigraph's bulk loader keeps everything one call gives it in memory before writing its files:
one call for 10,000 notices (1.56 M quads) peaked at 1.42 GB, calls of 250,000 quads at 440 MB,
of 100,000 quads at 220 MB, for 15 % more CPU than one call (``benchmarks/bench_load.py``)."""

PARSER_LINE_LIMIT: Final = 16 * 1024 * 1024 - 64 * 1024
"""pyoxigraph's N-Quads parser holds one line in a buffer of at most 16 MiB and refuses the whole
load beyond it; a notice with a line near that size (a value of about 16 MiB) is written through
SPARQL Update instead, which has no such limit (the margin covers the graph name)."""


def _parser_safe(entry: Entry) -> bool:
    """Whether every N-Quads line of ``entry`` fits the parser's buffer (see PARSER_LINE_LIMIT)."""
    text = entry.nt()
    if len(text) * 4 < PARSER_LINE_LIMIT:  # at most 4 UTF-8 bytes per character
        return True
    return all(len(line.encode("utf-8")) < PARSER_LINE_LIMIT for line in text.split("\n"))


class EmbeddedStore:
    """A pyoxigraph store on disk at ``location`` (created if missing).

    ``recovered`` is ``True`` when opening found an interrupted bulk load and emptied the store.
    """

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self.location = Path(location)
        try:
            self.location.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.location))
        except OSError as exc:
            raise StoreError(
                f"cannot open the embedded store at {self.location}: {exc} "
                "(another notice-ld process may be using it; wait for it or choose another --store)"
            ) from None
        self.recovered = False
        marker = self.location / BULK_MARKER
        if marker.exists():
            self._store.clear()
            self._store.flush()
            marker.unlink()
            _fsync_dir(self.location)
            self.recovered = True

    # -- the Store protocol ------------------------------------------------------------------
    def hashes(self) -> Iterator[tuple[str, str]]:
        """``(graph IRI, content hash)`` of every notice graph."""
        pattern = self._store.quads_for_pattern(
            None, ox.NamedNode(HASH_PREDICATE), None, ox.NamedNode(META_GRAPH)
        )
        for quad in pattern:
            if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
                yield quad.subject.value, quad.object.value

    def put(self, batch: Sequence[Entry]) -> Sequence[RecordError]:
        """Write a batch: new graphs in one transaction, changed graphs in another."""
        fresh: list[Entry] = []
        changed: list[Entry] = []
        for entry in batch:
            exists = not entry.new or self._store.contains_named_graph(ox.NamedNode(entry.name))
            (changed if exists else fresh).append(entry)
        large = [e for e in fresh if not _parser_safe(e)]
        if large:
            fresh = [e for e in fresh if _parser_safe(e)]
            changed.extend(large)
        try:
            if fresh:
                try:
                    self._store.load(quads_nquads(fresh), ox.RdfFormat.N_QUADS)
                except MemoryError:  # the parser's buffer, for a line the check did not foresee
                    changed.extend(fresh)
            if changed:
                self._store.update(replace_update(changed))
        except OSError as exc:
            raise StoreError(f"cannot write to the embedded store at {self.location}: {exc}") from None
        return ()

    def delete(self, graphs: Sequence[str]) -> None:
        """Remove notice graphs and their hashes, in one transaction."""
        if not graphs:
            return
        from notice_ld.stores._sparql import delete_update

        self._store.update(delete_update(graphs))

    def triples(self, graph: str) -> list[Triple] | None:
        """The triples of one graph, sorted; ``None`` if there is no such graph."""
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            return None
        return triples_of(self._store.quads_for_pattern(None, None, None, name))

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query (``SyntaxError`` becomes a :class:`StoreError` naming the problem)."""
        try:
            result = self._store.query(sparql)
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL query is not valid: {exc}") from None
        return _result(result)

    def flush(self) -> None:
        """Make every write durable on disk."""
        self._store.flush()

    def close(self) -> None:
        """Flush and release the store (the folder can then be opened by another process)."""
        with contextlib.suppress(OSError):
            self._store.flush()
        del self._store

    # -- bulk loading -------------------------------------------------------------------------
    def is_empty(self) -> bool:
        """Whether the store holds no quad at all."""
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None

    def bulk_put(self, batches: Iterable[Sequence[Entry]]) -> None:
        """Bulk-load batches of new graphs into this **empty** store (see the module docs).

        The batches are bulk-loaded in rounds of about :data:`BULK_ROUND_QUADS` quads, one
        ``bulk_load`` each: pyoxigraph's bulk loader holds what it is given in memory (about
        1 KB per quad) until it writes its files, so a round bounds the memory of any load.
        """
        if not self.is_empty():
            raise StoreError("bulk loading is only safe into an empty store")
        marker = self.location / BULK_MARKER
        with open(marker, "wb") as fh:
            fh.write(b"a bulk load is running; if this file is left, the store is emptied when opened\n")
            fh.flush()
            os.fsync(fh.fileno())
        _fsync_dir(self.location)
        large: list[Entry] = []
        for round_ in _rounds(batches, BULK_ROUND_QUADS):
            stream = _NQuadsStream(round_, large)
            self._store.bulk_load(cast(IO[bytes], stream), ox.RdfFormat.N_QUADS)
        for entry in large:
            self._store.update(replace_update([entry]))
        self._store.flush()
        marker.unlink()
        _fsync_dir(self.location)


def _rounds(batches: Iterable[Sequence[Entry]], quads: int) -> Iterator[list[Sequence[Entry]]]:
    """The batches grouped in rounds of at least ``quads`` quads (the last one smaller)."""
    round_: list[Sequence[Entry]] = []
    size = 0
    for batch in batches:
        round_.append(batch)
        size += sum(e.size + 1 for e in batch)  # + the hash quad
        if size >= quads:
            yield round_
            round_, size = [], 0
    if round_:
        yield round_


class _NQuadsStream:
    """A binary reader over the N-Quads of batches, produced lazily (flat memory)."""

    def __init__(self, batches: Iterable[Sequence[Entry]], large: list[Entry]) -> None:
        self._batches = (self._safe(batch) for batch in batches)
        self._large = large
        self._buffer = b""
        self._pos = 0

    def _safe(self, batch: Sequence[Entry]) -> Sequence[Entry]:
        """The entries the parser can take; the others are kept aside (``large``)."""
        if all(_parser_safe(e) for e in batch):
            return batch
        self._large.extend(e for e in batch if not _parser_safe(e))
        return [e for e in batch if _parser_safe(e)]

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (everything left when ``size`` is negative)."""
        if size < 0:
            rest = [self._buffer[self._pos :]] + [quads_nquads(b) for b in self._batches]
            self._buffer, self._pos = b"", 0
            return b"".join(rest)
        while self._pos >= len(self._buffer):
            batch = next(self._batches, None)
            if batch is None:
                return b""
            self._buffer, self._pos = quads_nquads(batch), 0
        data = self._buffer[self._pos : self._pos + size]
        self._pos += len(data)
        return data

    def readable(self) -> bool:
        """Always ``True``."""
        return True


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(None if s[v] is None else str(s[v]) for v in variables) for s in result)
        return QueryResult("select", variables, rows)
    return QueryResult("graph", triples=tuple(f"{t} ." for t in result))
