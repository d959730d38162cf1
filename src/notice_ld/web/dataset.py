"""The dataset as the server serves it: its dumps, streamed, and its VoID + DCAT description.

``/dump/notices.nt`` (:data:`DUMP_PATH`) and the static site's dumps (``/dump/notices.ttl``,
``/dump/notices.nt.gz``, ``/dump/notices.jsonld``) are every notice graph, written a notice at
a time (:class:`DumpWriter`, :func:`dump_chunks`): byte for byte what ``notice-ld convert``
(and the static site, for the gzipped one) writes for the same notices in the same order.

``/void.ttl``, ``/void.nt`` and ``/.well-known/void`` describe the dataset in VoID + DCAT
(:func:`void_bytes`, from :func:`notice_ld.web.site.dataset_triples` and the source's
:class:`DatasetStats`). The routes and the caching are :class:`notice_ld.web.app.NoticeApp`'s.
"""

from __future__ import annotations

import functools
import io
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Final

from notice_ld.errors import UnknownFormatError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import IRI, Triple
from notice_ld.vocabulary import DCAT, VOID
from notice_ld.web.conneg import VARIANTS, Variant
from notice_ld.writers.stream import SharedTriples

__all__ = [
    "DUMP_PATH",
    "NTRIPLES",
    "TURTLE",
    "DatasetStats",
    "Dump",
    "DumpWriter",
    "dump_chunks",
    "served_dumps",
    "vocabularies",
    "void_bytes",
]

DUMP_PATH: Final = "dump/notices.nt"
"""Where the server streams the whole dataset in N-Triples (relative to the app's root)."""

TURTLE: Final = next(v for v in VARIANTS if v.format is Format.TURTLE)
"""The Turtle variant (of the description, of ``/dump/notices.ttl``)."""
NTRIPLES: Final = next(v for v in VARIANTS if v.format is Format.N_TRIPLES)
"""The N-Triples variant (of the description, of :data:`DUMP_PATH`)."""

_DCAT_BYTE_SIZE = DCAT.byteSize
_CHUNK = 1 << 16  # bytes of the dump sent at a time


@dataclass(frozen=True, slots=True)
class DatasetStats:
    """What the dataset description says: triples (summed over the notice graphs, as the dump
    has them), documents (notices), vocabularies used, an example document, the N-Triples
    dump's size in bytes (``None`` when unknown without writing the dump) and the size of each
    dump known, ``(path, bytes)`` (paths relative to the app's root)."""

    triples: int
    documents: int
    vocabularies: tuple[str, ...]
    first: str | None
    dump_bytes: int | None = None
    dump_sizes: tuple[tuple[str, int], ...] = ()


def vocabularies(iris: Iterable[str]) -> tuple[str, ...]:
    """The vocabularies (namespaces) of predicate and class IRIs, sorted, as the static site finds them.

    A known prefix's namespace when one matches (the longest), else the IRI up to its last
    ``#`` or ``/``.

    >>> vocabularies(["http://purl.org/dc/terms/title", "http://example.org/v#Thing"])
    ('http://example.org/v#', 'http://purl.org/dc/terms/')
    """
    from notice_ld.crosswalk import prefixes

    namespaces = sorted(prefixes().values(), key=len, reverse=True)
    found: set[str] = set()
    for iri in iris:
        namespace = next((ns for ns in namespaces if iri.startswith(ns)), None)
        if namespace is None:
            cut = max(iri.rfind("#"), iri.rfind("/"))
            namespace = iri[: cut + 1] if cut > 8 else None
        if namespace is not None:
            found.add(namespace)
    return tuple(sorted(found))


@dataclass(frozen=True, slots=True)
class Dump:
    """A dump the server streams: its path (relative to the root), format, whether gzipped,
    its ``Content-Type`` and the media type of its content."""

    path: str
    format: Format
    gzip: bool
    content_type: str
    media_type: str


@functools.cache
def served_dumps() -> dict[str, Dump]:
    """The dumps served: :data:`DUMP_PATH` and every dump of the static site
    (:data:`notice_ld.web.site.DUMPS`), by path."""
    from notice_ld.web.site import DUMPS

    out = {DUMP_PATH: Dump(DUMP_PATH, Format.N_TRIPLES, False, NTRIPLES.content_type, NTRIPLES.media_type)}
    for path, fmt, media_type in DUMPS:
        gzipped = path.endswith(".gz")
        content_type = "application/gzip" if gzipped else f"{media_type}; charset=utf-8"
        out[path] = Dump(path, fmt, gzipped, content_type, media_type)
    return out


@functools.cache
def _gzip_header() -> bytes:
    """The gzip member header the static site writes (``gzip.GzipFile`` with no file name and
    ``mtime=0``): deflate, no flags, time 0, the level's extra flags, OS "unknown"."""
    from notice_ld.web.site import GZIP_LEVEL

    extra = 2 if GZIP_LEVEL == zlib.Z_BEST_COMPRESSION else 4 if GZIP_LEVEL == zlib.Z_BEST_SPEED else 0
    return b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + bytes([extra, 255])


class DumpWriter:
    """One whole-dataset dump, a notice at a time: :meth:`head`, :meth:`add` for each notice
    graph, :meth:`tail`.

    Together they are byte for byte what the format's writer (``notice-ld convert``) writes
    for the same graphs in the same order — they are built from the same block functions, as
    the static site's dumps are; with ``gzip``, the static site's ``.gz`` (its level, no file
    name, ``mtime`` 0), compressed as it goes (:func:`zlib.compressobj`): nothing is held but
    the current notice and the compressor's window.

    >>> from notice_ld.mapping import map_notice
    >>> from notice_ld.model import Notice
    >>> from notice_ld.writers import serialize
    >>> graph = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}))
    >>> out = DumpWriter(Format.JSON_LD)
    >>> out.head() + out.add(graph) + out.tail() == serialize([graph], Format.JSON_LD)
    True
    """

    def __init__(self, fmt: Format, *, gzip: bool = False) -> None:
        from notice_ld.writers import codec

        if fmt not in (Format.TURTLE, Format.N_TRIPLES, Format.N_QUADS, Format.JSON_LD):
            raise UnknownFormatError(f"no streamed dump in {fmt.value}")
        self.format = fmt
        self._codec = codec(fmt)  # one term memo for the whole dump, as the writers keep
        self._first = True
        # N-Triples and Turtle dumps are sets: shared nodes once, at the end (notice_ld.writers.stream)
        self._shared = SharedTriples() if self._codec.shares else None
        self._zlib = None
        if gzip:
            from notice_ld.web.site import GZIP_LEVEL

            self._zlib = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
        self._crc = 0
        self._size = 0

    def _out(self, data: bytes) -> bytes:
        if self._zlib is None:
            return data
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        return self._zlib.compress(data)

    def head(self) -> bytes:
        """What comes before the first notice (the prefixes, the JSON-LD context…)."""
        body = self._out(self._codec.header())
        return body if self._zlib is None else _gzip_header() + body

    def add(self, graph: NoticeGraph) -> bytes:
        """One notice's part (with ``gzip``, what the compressor gives back so far: maybe nothing)."""
        if self._shared is not None:
            item, records = self._codec.split(graph)
            self._shared.add(records)
        else:
            item = self._codec.item(graph)
        if not item:
            return b""
        lead = self._codec.first_lead if self._first else self._codec.lead
        self._first = False
        return self._out(lead + item)

    def tail(self) -> bytes:
        """What ends the document (and, with ``gzip``, the rest of the stream and its trailer)."""
        return b"".join(self.tail_chunks())

    def tail_chunks(self) -> Iterator[bytes]:
        """:meth:`tail` a piece at a time: the shared nodes (N-Triples, Turtle), then the footer.

        >>> from notice_ld.mapping import map_notice
        >>> from notice_ld.model import Notice
        >>> from notice_ld.writers import serialize
        >>> graph = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}],
        ...                                      "creators": [{"family": "Jouet"}]}))
        >>> out = DumpWriter(Format.TURTLE)
        >>> out.head() + out.add(graph) + b"".join(out.tail_chunks()) == serialize([graph], Format.TURTLE)
        True
        """
        shared, self._shared = self._shared, None
        if shared is not None:
            try:
                for chunk in self._codec.shared_section(shared):
                    data = self._out(chunk)
                    if data:
                        yield data
            finally:
                shared.close()
        data = self._codec.footer(self._first)
        if self._zlib is None:
            yield data
            return
        rest = self._out(data) + self._zlib.flush()
        yield rest + struct.pack("<II", self._crc, self._size & 0xFFFFFFFF)


def dump_chunks(dump: Dump, graphs: Callable[[], Iterable[NoticeGraph]]) -> Iterator[bytes]:
    """Every notice graph (``graphs()``, called when the first chunk is asked for) in the dump's
    format, written a notice at a time (:class:`DumpWriter`) and sent in chunks of at least
    64 KiB (the rest at the end)."""
    out = DumpWriter(dump.format, gzip=dump.gzip)
    pending = [out.head()]
    size = len(pending[0])
    for graph in graphs():
        data = out.add(graph)
        pending.append(data)
        size += len(data)
        if size >= _CHUNK:
            yield b"".join(pending)
            pending, size = [], 0
    for data in out.tail_chunks():
        pending.append(data)
        size += len(data)
        if size >= _CHUNK:
            yield b"".join(pending)
            pending, size = [], 0
    if any(pending):
        yield b"".join(pending)


def void_bytes(
    base: str,
    stats: DatasetStats,
    variant: Variant,
    *,
    title: str,
    sparql_endpoint: str | None,
    license_iri: str | None,
) -> bytes:
    """The VoID + DCAT description of the dataset at ``base`` in :data:`TURTLE` or
    :data:`NTRIPLES`: the static site's (:func:`notice_ld.web.site.dataset_triples`), with
    :data:`DUMP_PATH` as a distribution of its own and no ``dcat:byteSize`` for a dump whose
    size ``stats`` does not know."""
    import pyoxigraph as ox

    from notice_ld.crosswalk import prefixes
    from notice_ld.terms import triple_key
    from notice_ld.web.site import dataset_triples
    from notice_ld.writers.rdfxml import to_oxigraph_term

    sizes = dict(stats.dump_sizes)
    if stats.dump_bytes is not None:
        sizes.setdefault(DUMP_PATH, stats.dump_bytes)
    # what dataset_triples reads: void:triples is ``distinct``
    numbers = SimpleNamespace(
        distinct=stats.triples,
        documents=stats.documents,
        vocabularies=set(stats.vocabularies),
        first=stats.first,
    )

    def described(dumps: Iterable[Dump]) -> list[Triple]:
        return dataset_triples(
            base,
            stats=numbers,
            dumps=[(d.path, d.format, d.media_type, sizes.get(d.path, 0)) for d in dumps],
            title=title,
            sparql_endpoint=sparql_endpoint,
            license_iri=license_iri,
        )

    # the static site's dumps as it describes them (a distribution ``#dump-{format}`` each),
    # and the plain N-Triples one, whose format the gzipped one has: ``#dump-ntriples-plain``
    served = served_dumps()
    found = set(described(d for path, d in served.items() if path != DUMP_PATH))
    gzipped = f"{base}void.ttl#dump-{Format.N_TRIPLES.value}"
    plain = f"{gzipped}-plain"
    for s, p, o in described([served[DUMP_PATH]]):
        found.add((plain if s == gzipped else s, p, IRI(plain) if o == gzipped else o))
    # a dump not written to be measured (a store's) has no byte size
    unmeasured = {
        plain if path == DUMP_PATH else f"{base}void.ttl#dump-{d.format.value}"
        for path, d in served.items()
        if path not in sizes
    }
    triples = sorted((t for t in found if t[1] != _DCAT_BYTE_SIZE or t[0] not in unmeasured), key=triple_key)
    quads = [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), to_oxigraph_term(o)) for s, p, o in triples]
    buffer = io.BytesIO()
    if variant is TURTLE:
        namespaces = {
            **prefixes(),
            "void": VOID.NS,
            "dcat": DCAT.NS,
        }
        ox.serialize(quads, buffer, ox.RdfFormat.TURTLE, prefixes=namespaces)
    else:
        ox.serialize(quads, buffer, ox.RdfFormat.N_TRIPLES)
    return buffer.getvalue()
