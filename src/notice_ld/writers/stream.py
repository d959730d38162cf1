"""Streaming writers: open (header) → add one notice graph → close (footer), and the merge of parts.

Every format is a :class:`Codec`: a header, one *item* per notice, the bytes that go before
each item (``first_lead`` before the first, ``lead`` before the others) and a footer (which may
differ when there was no notice). A :class:`NoticeWriter` writes a whole document through a
codec, one notice at a time, in flat memory. A *part* (``part=True``) is the items only, each
with its ``lead``: :meth:`Codec.merge` joins parts, in input order, into exactly the bytes one
writer would have written over all their notices — N-Triples and N-Quads concatenate, Turtle
keeps one prefix block, JSON-LD and RDF/XML get their header and footer once, BibTeX keys are
made unique across parts.

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

import io
import shutil
from collections.abc import Iterable
from types import TracebackType
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from notice_ld.formats import Format
    from notice_ld.mapping import NoticeGraph

__all__ = ["Codec", "NoticeWriter"]

_COPY = 1 << 20


class Codec:
    """How one format writes notices (see the module docs). Subclasses set ``format``, the leads,
    and override :meth:`item` (and :meth:`header`, :meth:`footer` when the format has them).

    A codec keeps memos (prefixed names, markup) that make the next notices cheaper; it never
    keeps notices. One codec may serve many writers in one thread.
    """

    format: Format
    lead: bytes = b""
    first_lead: bytes = b""

    def header(self) -> bytes:
        """The bytes before the first notice."""
        return b""

    def item(self, graph: NoticeGraph) -> bytes:
        """One notice's bytes (without its lead); ``b""`` when the notice gives nothing here."""
        raise NotImplementedError

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
        """Join parts written with ``open(…, part=True)``, in order, into one document."""
        out.write(self.header())
        empty = True
        for part in parts:
            if empty:
                head = part.read(len(self.lead)) if self.lead else part.read(1)
                if not head:
                    continue
                if self.lead:
                    if head != self.lead:
                        raise ValueError(f"not a part of a {self.format.value} output (it starts {head!r})")
                    out.write(self.first_lead)
                else:
                    out.write(self.first_lead + head)
                empty = False
            shutil.copyfileobj(part, out, _COPY)
        out.write(self.footer(empty))


class NoticeWriter:
    """Writes notices through a :class:`Codec`: the header when opened, one item per
    :meth:`add`, the footer at :meth:`close` (parts: items only). A context manager."""

    def __init__(self, codec: Codec, out: IO[bytes], *, part: bool = False) -> None:
        self.codec = codec
        self.out = out
        self.part = part
        self.items = 0
        self._closed = False
        if not part:
            out.write(codec.header())

    def add(self, graph: NoticeGraph) -> None:
        """Write one notice (nothing when it gives no item in this format)."""
        data = self.codec.item(graph)
        if not data:
            return
        lead = self.codec.lead if (self.items or self.part) else self.codec.first_lead
        self.out.write(lead + data if lead else data)
        self.items += 1

    def close(self) -> None:
        """Write the footer (documents only); the output stream stays open."""
        if not self._closed and not self.part:
            self.out.write(self.codec.footer(self.items == 0))
        self._closed = True

    def __enter__(self) -> NoticeWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
