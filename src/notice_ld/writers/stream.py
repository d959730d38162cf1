"""Streaming writers: open (header) → add one notice graph → close (footer), and the merge of parts.

Every format is a :class:`Codec`: a header, one *item* per notice, the bytes that go before
each item (``first_lead`` before the first, ``lead`` before the others) and a footer (which may
differ when there was no notice). A :class:`NoticeWriter` writes a whole document through a
codec, one notice at a time, in flat memory. A *part* (``part=True``) is the items only, each
with its ``lead``: :meth:`Codec.merge` joins parts, in input order, into exactly the bytes one
writer would have written over all their notices — N-Triples and N-Quads concatenate, Turtle
keeps one prefix block, JSON-LD and RDF/XML get their header and footer once, BibTeX keys are
made unique across parts.

**A dump is a set.** In N-Triples and Turtle (:attr:`Codec.shares`), the triples that describe
nodes several notices may share — people, organisations, journals, concepts, licences: every
subject but the notice's document — are not written with each notice: the document's triples
stream as they come, the others go to a side stream (:class:`SharedTriples`: sorted runs spilled
to temporary files, bounded memory) and are written once, sorted and without repeats, after the
last notice (:meth:`Codec.shared_section`). A part (``part=True``) ends with its own sorted run
after :data:`SHARED_MARK` and a fixed-size trailer (:func:`split_part`); the merge copies the
parts' notices and merges their runs (an external k-way merge), so the merged document is still
the bytes one writer gives.

>>> import io
>>> from notice_ld.formats import Format
>>> from notice_ld.mapping import map_notice
>>> from notice_ld.model import Notice
>>> from notice_ld.writers import codec
>>> graphs = [map_notice(Notice.from_dict({"id": f"10670/1.abc00{i}", "titles": [{"value": "T"}]}))
...           for i in range(3)]
>>> jsonld = codec(Format.JSON_LD)
>>> whole = io.BytesIO()
>>> with jsonld.open(whole) as w:
...     for g in graphs:
...         w.add(g)
>>> parts = [io.BytesIO(), io.BytesIO()]
>>> with jsonld.open(parts[0], part=True) as w:
...     w.add(graphs[0])
>>> with jsonld.open(parts[1], part=True) as w:
...     for g in graphs[1:]:
...         w.add(g)
>>> merged = io.BytesIO()
>>> jsonld.merge([io.BytesIO(p.getvalue()) for p in parts], merged)
>>> merged.getvalue() == whole.getvalue()
True
"""

from __future__ import annotations

import heapq
import io
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Final, Protocol

if TYPE_CHECKING:
    from notice_ld.formats import Format
    from notice_ld.mapping import NoticeGraph

__all__ = ["SHARED_MARK", "Codec", "NoticeWriter", "SharedTriples", "split_part", "unique_sorted"]

_COPY = 1 << 20

SHARED_MARK: Final = b"\x00notice-ld shared run\n"
"""In a part of a format that :attr:`~Codec.shares`: what separates its notices from its sorted
run of shared triples (written by itself, in one ``write``; no notice's bytes start with NUL)."""

_TRAILER: Final = 21  # b"\x00" + 19 digits (the size of the mark and the run) + b"\n"


def _trailer(size: int) -> bytes:
    return b"\x00" + b"%019d" % size + b"\n"


def unique_sorted(runs: Iterable[Iterable[bytes]]) -> Iterator[bytes]:
    """The records of sorted ``runs``, merged in order, each once (a k-way merge).

    >>> list(unique_sorted([[b"a\\n", b"c\\n"], [b"a\\n", b"b\\n"], []]))
    [b'a\\n', b'b\\n', b'c\\n']
    """
    last = None
    for record in heapq.merge(*runs):
        if record != last:
            yield record
            last = record


class SharedTriples:
    """A set of records (lines ending in ``\\n``, no other newline) kept in bounded memory.

    Records are held in memory up to ``memory`` bytes, then sorted and spilled to a temporary
    file (a *run*); when ``fan_in`` runs exist they are merged into one. A small memo of the
    ``recent`` records last added skips the obvious repeats (the journal of a run of articles)
    before they reach a run. :meth:`__iter__` gives every record once, in byte order.

    >>> shared = SharedTriples(memory=8)
    >>> shared.add([b"b\\n", b"a\\n"]); shared.add([b"c\\n", b"a\\n"]); shared.add([b"b\\n"])
    >>> list(shared)
    [b'a\\n', b'b\\n', b'c\\n']
    >>> shared.close()
    """

    def __init__(self, *, memory: int = 8 << 20, recent: int = 4096, fan_in: int = 64) -> None:
        self.memory = memory
        self.fan_in = fan_in
        self._buffer: set[bytes] = set()
        self._size = 0
        self._recent: OrderedDict[bytes, None] = OrderedDict()
        self._recent_max = recent
        self._runs: list[IO[bytes]] = []
        self.spilled = 0  # records written to runs (a measure of the side stream's traffic)

    def add(self, records: Iterable[bytes]) -> None:
        """Add records (repeats are dropped, now or when the runs are merged)."""
        recent, buffer = self._recent, self._buffer
        for record in records:
            if record in recent:
                recent.move_to_end(record)
                continue
            recent[record] = None
            if len(recent) > self._recent_max:
                recent.popitem(last=False)
            if record not in buffer:
                buffer.add(record)
                self._size += len(record) + 80  # the set's own cost per record, roughly
        if self._size > self.memory:
            self._spill()

    def add_run(self, run: IO[bytes], size: int) -> None:
        """Add ``size`` bytes of ``run``: records already sorted and unique (a part's run)."""
        if size <= 0:
            return
        spill = tempfile.TemporaryFile(prefix="notice-ld-shared-")  # noqa: SIM115 (closed in close())
        _copy(run, spill, size)
        spill.seek(0)
        self._runs.append(spill)
        self._compact()

    def _spill(self) -> None:
        if not self._buffer:
            return
        spill = tempfile.TemporaryFile(prefix="notice-ld-shared-")  # noqa: SIM115 (closed in close())
        records = sorted(self._buffer)
        spill.write(b"".join(records))
        self.spilled += len(records)
        spill.seek(0)
        self._runs.append(spill)
        self._buffer = set()
        self._size = 0
        self._compact()

    def _compact(self) -> None:
        """Merge the runs into one when there are ``fan_in`` of them (open files stay few)."""
        if len(self._runs) < self.fan_in:
            return
        merged = tempfile.TemporaryFile(prefix="notice-ld-shared-")  # noqa: SIM115 (closed in close())
        _write_lines(merged, unique_sorted(self._runs))
        for run in self._runs:
            run.close()
        merged.seek(0)
        self._runs = [merged]

    def __iter__(self) -> Iterator[bytes]:
        """Every record once, in byte order (the runs are read from the start)."""
        for run in self._runs:
            run.seek(0)
        return unique_sorted([*self._runs, sorted(self._buffer)])

    @property
    def runs(self) -> int:
        """How many sorted runs are on disk now (always fewer than ``fan_in``)."""
        return len(self._runs)

    def close(self) -> None:
        """Remove the temporary runs."""
        for run in self._runs:
            run.close()
        self._runs = []
        self._buffer = set()


def _copy(source: IO[bytes], out: IO[bytes], size: int) -> None:
    while size > 0:
        chunk = source.read(min(size, _COPY))
        if not chunk:
            raise ValueError("a part is shorter than its trailer says (truncated?)")
        out.write(chunk)
        size -= len(chunk)


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


def _write_lines(out: _Sink, records: Iterable[bytes]) -> None:
    pending: list[bytes] = []
    size = 0
    for record in records:
        pending.append(record)
        size += len(record)
        if size >= _COPY:
            out.write(b"".join(pending))
            pending, size = [], 0
    if pending:
        out.write(b"".join(pending))


def split_part(part: IO[bytes]) -> tuple[int, int]:
    """Where a part of a format that shares ends its notices and how long its run is:
    ``(notices' size, run's size)``; the run starts after :data:`SHARED_MARK`. ``part`` must
    be seekable; it is left at its start.

    >>> from notice_ld.formats import Format
    >>> from notice_ld.writers import codec
    >>> buffer = io.BytesIO()
    >>> codec(Format.N_TRIPLES).open(buffer, part=True).close()
    >>> split_part(buffer)
    (0, 0)
    """
    end = part.seek(0, io.SEEK_END)
    if end < _TRAILER + len(SHARED_MARK):
        raise ValueError("not a part of a notice-ld output (no shared run at its end)")
    part.seek(end - _TRAILER)
    trailer = part.read(_TRAILER)
    if trailer[:1] != b"\x00" or trailer[-1:] != b"\n" or not trailer[1:-1].isdigit():
        raise ValueError("not a part of a notice-ld output (no shared run at its end)")
    tail = int(trailer[1:-1])
    body = end - _TRAILER - tail
    part.seek(body)
    if body < 0 or part.read(len(SHARED_MARK)) != SHARED_MARK:
        raise ValueError("not a part of a notice-ld output (its shared run is damaged)")
    part.seek(0)
    return body, tail - len(SHARED_MARK)


class Codec:
    """How one format writes notices (see the module docs). Subclasses set ``format``, the leads,
    and override :meth:`item` (and :meth:`header`, :meth:`footer` when the format has them).

    A codec keeps memos (prefixed names, markup) that make the next notices cheaper; it never
    keeps notices. One codec may serve many writers in one thread.

    A codec that :attr:`shares` writes the triples of shared nodes once per document: it
    overrides :meth:`split` (a notice's own bytes, and its other triples as N-Triples lines)
    and :meth:`shared_section` (those lines, sorted and unique, in the format).
    """

    format: Format
    lead: bytes = b""
    first_lead: bytes = b""
    shares: bool = False
    """Whether the shared nodes' triples are written once, after the notices (see the module docs)."""

    def header(self) -> bytes:
        """The bytes before the first notice."""
        return b""

    def item(self, graph: NoticeGraph) -> bytes:
        """One notice's bytes (without its lead); ``b""`` when the notice gives nothing here.

        With :attr:`shares`, the notice on its own: its :meth:`split` own bytes, then the
        :meth:`shared_section` of its other triples — what a document of this notice alone holds."""
        raise NotImplementedError

    def split(self, graph: NoticeGraph) -> tuple[bytes, Sequence[bytes]]:
        """A notice's own bytes, and the records of its shared triples (N-Triples lines, any order)."""
        return self.item(graph), ()

    def shared_section(self, records: Iterable[bytes]) -> Iterator[bytes]:
        """The bytes of the shared triples ``records`` (sorted, unique) after the last notice."""
        return iter(())

    def footer(self, empty: bool) -> bytes:
        """The bytes after the last notice (``empty``: there was none)."""
        return b""

    def wrap(self, item: bytes) -> bytes:
        """The document of one notice from its :meth:`item` (``b""``: a notice that gave none)."""
        if not item:
            return self.header() + self.footer(True)
        return self.header() + self.first_lead + item + self.footer(False)

    def for_part(self) -> Codec:
        """The codec that writes items of a part (the same one, unless items depend on the
        notices before them in the file, as BibTeX keys do)."""
        return self

    def open(self, out: IO[bytes], *, part: bool = False) -> NoticeWriter:
        """A writer of one document (or of one part, see the module docs) into ``out``."""
        return NoticeWriter(self.for_part() if part else self, out, part=part)

    def write(self, graphs: Iterable[NoticeGraph], out: IO[bytes]) -> int:
        """Write ``graphs`` as one document; returns how many notices gave an item."""
        with self.open(out) as writer:
            for graph in graphs:
                writer.add(graph)
        return writer.items

    def document(self, graphs: Iterable[NoticeGraph]) -> bytes:
        """The document of ``graphs`` as bytes."""
        buffer = io.BytesIO()
        self.write(graphs, buffer)
        return buffer.getvalue()

    def merge(self, parts: Iterable[IO[bytes]], out: IO[bytes]) -> None:
        """Join parts written with ``open(…, part=True)``, in order, into one document.

        With :attr:`shares`, each part's run is set aside (copied to a temporary file; parts
        that cannot seek are spooled first) and the runs are merged after the last part's notices."""
        out.write(self.header())
        empty = True
        shared = SharedTriples() if self.shares else None
        try:
            for given in parts:
                part, body = given, -1
                spool = None
                if shared is not None:
                    if not given.seekable():
                        spool = part = tempfile.TemporaryFile(prefix="notice-ld-part-")  # noqa: SIM115
                        shutil.copyfileobj(given, spool, _COPY)
                    body, run = split_part(part)
                    part.seek(body + len(SHARED_MARK))
                    shared.add_run(part, run)
                    part.seek(0)
                try:
                    if body == 0:
                        continue
                    if empty:
                        head = part.read(len(self.lead)) if self.lead else part.read(1)
                        if not head:
                            continue
                        if self.lead:
                            if head != self.lead:
                                raise ValueError(
                                    f"not a part of a {self.format.value} output (it starts {head!r})"
                                )
                            out.write(self.first_lead)
                        else:
                            out.write(self.first_lead + head)
                        empty = False
                        body -= len(head)
                    if body < 0:
                        shutil.copyfileobj(part, out, _COPY)
                    else:
                        _copy(part, out, body)
                finally:
                    if spool is not None:
                        spool.close()
            if shared is not None:
                for chunk in self.shared_section(shared):
                    out.write(chunk)
        finally:
            if shared is not None:
                shared.close()
        out.write(self.footer(empty))


class NoticeWriter:
    """Writes notices through a :class:`Codec`: the header when opened, one item per
    :meth:`add`, the footer at :meth:`close` (parts: items only — and, for a codec that
    :attr:`~Codec.shares`, the part's run of shared triples). A context manager.

    With a codec that shares, memory holds at most the side stream's buffer (``shared``, by
    default a :class:`SharedTriples` of 8 MiB); its runs are temporary files, removed at
    :meth:`close`.
    """

    def __init__(
        self, codec: Codec, out: IO[bytes], *, part: bool = False, shared: SharedTriples | None = None
    ) -> None:
        self.codec = codec
        self.out = out
        self.part = part
        self.items = 0
        self._closed = False
        if codec.shares:
            self.shared: SharedTriples | None = shared or SharedTriples()
        else:
            self.shared = None
        if not part:
            out.write(codec.header())

    def add(self, graph: NoticeGraph) -> None:
        """Write one notice (nothing when it gives no item in this format)."""
        if self.shared is not None:
            data, records = self.codec.split(graph)
            self.shared.add(records)
        else:
            data = self.codec.item(graph)
        if not data:
            return
        lead = self.codec.lead if (self.items or self.part) else self.codec.first_lead
        self.out.write(lead + data if lead else data)
        self.items += 1

    def close(self) -> None:
        """Write the shared nodes and the footer (documents), or the part's run (parts); the
        output stream stays open."""
        if self._closed:
            return
        self._closed = True
        shared, self.shared = self.shared, None
        try:
            if self.part:
                if shared is not None:
                    counter = _Counter(self.out)
                    self.out.write(SHARED_MARK)
                    _write_lines(counter, shared)
                    self.out.write(_trailer(len(SHARED_MARK) + counter.size))
                return
            if shared is not None:
                _write_lines(self.out, self.codec.shared_section(shared))
            self.out.write(self.codec.footer(self.items == 0))
        finally:
            if shared is not None:
                shared.close()

    def __enter__(self) -> NoticeWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        elif self.shared is not None:
            self.shared.close()


class _Counter:
    """Counts the bytes written through it."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return self.out.write(data)
