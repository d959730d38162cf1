"""A WSGI application serving notices as linked data, and a small threaded server for it.

``GET /notice/{scheme}/{value}`` answers with the HTML landing page or with the notice in
Turtle, JSON-LD, N-Triples, RDF/XML, N-Quads, BibTeX, RIS, CSL-JSON or schema.org JSON-LD,
chosen by content negotiation (:mod:`notice_ld.web.conneg`: ``Accept`` with ``q`` values,
``?format=`` override, ``406 Not Acceptable`` when nothing fits). Every answer carries a
``Content-Type`` with its charset (and ``Vary: Accept`` when negotiated); notices carry an
``ETag`` (from the notice graph's content hash — SHA-256 of its sorted N-Triples — for RDF;
from the page bytes for HTML, which also shows related notices) and ``If-None-Match`` gets
``304 Not Modified``.
The identifier in the path is checked (:func:`notice_ld.web.paths.identifier_from_path`)
before the source is asked anything: a malformed one is a ``400``, an unknown notice a
``404``.

``/`` is the index of the notices, ``page_size`` a page: input order for files, document
IRI order for a store. The "next page" link carries ``?after=`` and the document IRI of the
page's last notice (keyset pagination: a store filters on it instead of counting the notices
before, so a page costs no more the deeper it is); ``?page=N`` (from 1) still works. ``400``
for a malformed ``page`` or an ``after`` that is not a document IRI (before the source is
asked), ``404`` past the end. ``/void.ttl``, ``/void.nt`` and ``/.well-known/void`` (Turtle or
N-Triples by ``Accept``) describe the dataset in VoID + DCAT
(:func:`notice_ld.web.site.dataset_triples`; the numbers are computed once per
``cache_seconds``). ``/dump/notices.nt`` and the static site's dumps (``/dump/notices.ttl``,
``/dump/notices.nt.gz``, ``/dump/notices.jsonld``) stream every notice graph one notice at a
time, byte for byte what ``notice-ld convert`` (and the static site, for the gzipped one)
writes for the same notices in the same order.

Notices come from a :class:`NoticeSource`: :class:`MemorySource` (notices read from input
files) or :class:`StoreSource` (a triple store, :mod:`notice_ld.stores`). Rendered answers
are cached (LRU, optionally for a limited time), so a notice asked for again costs a lookup.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "Vie sociale", "lang": "fr"}]})
>>> app = NoticeApp(MemorySource([n]))
>>> status, headers, body = call(app, "/notice/handle/10670/1.jt89mr", accept="text/turtle")
>>> status, headers["Content-Type"], headers["Vary"]
('200 OK', 'text/turtle; charset=utf-8', 'Accept')
>>> call(app, "/notice/handle/10670/1.jt89mr", if_none_match=headers["ETag"],
...      accept="text/turtle")[0]
'304 Not Modified'
>>> call(app, "/notice/handle/10670/1.zzzzzz")[0], call(app, "/notice/doi/not-a-doi")[0]
('404 Not Found', '400 Bad Request')
>>> call(app, "/", query="page=2")[0], call(app, "/", query="page=x")[0]
('404 Not Found', '400 Bad Request')
>>> call(app, "/", query="after=javascript:alert(1)")[0]
'400 Bad Request'
>>> status, headers, body = call(app, "/dump/notices.nt")
>>> headers["Content-Type"], body.count(b"\\n") == len(map_notice(n).triples)
('application/n-triples; charset=utf-8', True)
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import re
import struct
import sys
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Final, Protocol
from urllib.parse import parse_qs, quote
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.errors import ConfigError, RecordError, StoreError, UnknownFormatError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, document_iri, map_notice
from notice_ld.model import Notice
from notice_ld.terms import IRI, RDF_TYPE, Triple
from notice_ld.web.conneg import HTML, VARIANTS, Variant, negotiate
from notice_ld.web.pages import Links, check_iri, environment, labels, render_page, safe_href
from notice_ld.web.paths import NOTICE_PREFIX, identifier_from_path, notice_path
from notice_ld.web.related import BY, InputRelated, RelatedLink, StoreRelated, identifier_of_iri

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

    from notice_ld.stores import Store

__all__ = [
    "DEFAULT_CSP",
    "DUMP_PATH",
    "DatasetStats",
    "IndexRow",
    "MemorySource",
    "NoticeApp",
    "NoticeSource",
    "StoreSource",
    "call",
    "make_app_server",
    "vocabularies",
]

DEFAULT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'"
)
"""The ``Content-Security-Policy`` of HTML answers: pages need no script at all."""

DUMP_PATH: Final = "dump/notices.nt"
"""Where the server streams the whole dataset in N-Triples (relative to the app's root)."""

_DEFAULT = Config()
_PAGE = re.compile(r"[1-9][0-9]{0,8}")  # ?page=: 1 to 999,999,999, ASCII digits (fullmatch)
_HOST = re.compile(r"(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?")  # fullmatch
_TURTLE = next(v for v in VARIANTS if v.format is Format.TURTLE)
_NTRIPLES = next(v for v in VARIANTS if v.format is Format.N_TRIPLES)
_VOID_PATHS: Final = {"/void.ttl": _TURTLE, "/void.nt": _NTRIPLES, "/.well-known/void": None}
_DCAT_BYTE_SIZE = "http://www.w3.org/ns/dcat#byteSize"
_CHUNK = 1 << 16  # bytes of the dump sent at a time
_AFTER_MAX = 4096  # characters of an ?after= value (a document IRI)
_AFTER_SCHEMES = ("http://", "https://", "urn:")  # what document IRIs are (identifiers, templates)


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A row of the index: the document IRI, its path on this server (``None`` if it has none),
    the title to show and its language."""

    iri: str
    path: str | None
    title: str
    lang: str | None


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


class NoticeSource(Protocol):
    """Where the app finds notices."""

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """The notice whose own identifier is ``identifier``, mapped, or ``None``."""
        ...

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        """Related notices (see :mod:`notice_ld.web.related`)."""
        ...

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        """Up to ``limit`` rows of the index after the first ``offset``, in a stable order."""
        ...

    def listing_after(self, after: str, limit: int) -> list[IndexRow] | None:
        """Up to ``limit`` rows of the index that follow the document IRI ``after`` in the same
        order, found without counting the rows before (``None`` when the source cannot place
        ``after``)."""
        ...

    def stats(self) -> DatasetStats:
        """The numbers of the dataset description (the app caches them)."""
        ...

    def graphs(self) -> Iterator[NoticeGraph]:
        """Every notice graph, one at a time, in a stable order (the dump)."""
        ...


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
class _Dump:
    """A dump the server streams: its path (relative to the root), format, whether gzipped,
    its ``Content-Type`` and the media type of its content."""

    path: str
    format: Format
    gzip: bool
    content_type: str
    media_type: str


@functools.cache
def _dumps() -> dict[str, _Dump]:
    """The dumps served: :data:`DUMP_PATH` and every dump of the static site
    (:data:`notice_ld.web.site.DUMPS`), by path."""
    from notice_ld.web.site import DUMPS

    out = {DUMP_PATH: _Dump(DUMP_PATH, Format.N_TRIPLES, False, _NTRIPLES.content_type, _NTRIPLES.media_type)}
    for path, fmt, media_type in DUMPS:
        gzipped = path.endswith(".gz")
        content_type = "application/gzip" if gzipped else f"{media_type}; charset=utf-8"
        out[path] = _Dump(path, fmt, gzipped, content_type, media_type)
    return out


@functools.cache
def _gzip_header() -> bytes:
    """The gzip member header the static site writes (``gzip.GzipFile`` with no file name and
    ``mtime=0``): deflate, no flags, time 0, the level's extra flags, OS "unknown"."""
    from notice_ld.web.site import GZIP_LEVEL

    extra = 2 if GZIP_LEVEL == zlib.Z_BEST_COMPRESSION else 4 if GZIP_LEVEL == zlib.Z_BEST_SPEED else 0
    return b"\x1f\x8b\x08\x00" + struct.pack("<I", 0) + bytes([extra, 255])


@functools.cache
def _jsonld_head() -> bytes:
    """The JSON-LD document up to its node list: ``{"@context": …, "@graph": [``."""
    from notice_ld.writers.jsonld import write_jsonld

    buffer = io.BytesIO()
    write_jsonld([], buffer)
    empty = buffer.getvalue()
    return empty[: empty.rindex(b"]")]


class _DumpWriter:
    """One whole-dataset dump, a notice at a time: :meth:`head`, :meth:`add` for each notice
    graph, :meth:`tail`.

    Together they are byte for byte what the format's writer (``notice-ld convert``) writes
    for the same graphs in the same order — they are built from the same block functions, as
    the static site's dumps are; with ``gzip``, the static site's ``.gz`` (its level, no file
    name, ``mtime`` 0), compressed as it goes (:func:`zlib.compressobj`): nothing is held but
    the current notice and the compressor's window.

    >>> from notice_ld.model import Notice
    >>> from notice_ld.writers import serialize
    >>> graph = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}))
    >>> out = _DumpWriter(Format.JSON_LD)
    >>> out.head() + out.add(graph) + out.tail() == serialize([graph], Format.JSON_LD)
    True
    """

    def __init__(self, fmt: Format, *, gzip: bool = False) -> None:
        from notice_ld.writers._text import _Compactor
        from notice_ld.writers.jsonld import _Curie

        if fmt not in (Format.TURTLE, Format.N_TRIPLES, Format.N_QUADS, Format.JSON_LD):
            raise UnknownFormatError(f"no streamed dump in {fmt.value}")
        self.format = fmt
        self._compact = _Compactor()  # one term memo for the whole dump, as the writers keep
        self._curie = _Curie()
        self._first = True
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
        if self.format is Format.TURTLE:
            from notice_ld.crosswalk import prefixes
            from notice_ld.writers._text import turtle_header

            data = turtle_header(prefixes()).encode("utf-8")
        elif self.format is Format.JSON_LD:
            data = _jsonld_head()
        else:
            data = b""
        body = self._out(data)
        return body if self._zlib is None else _gzip_header() + body

    def add(self, graph: NoticeGraph) -> bytes:
        """One notice's part (with ``gzip``, what the compressor gives back so far: maybe nothing)."""
        from notice_ld.writers._text import ntriples_block, turtle_block
        from notice_ld.writers.jsonld import node_texts

        if self.format is Format.TURTLE:
            return self._out(b"\n" + turtle_block(graph, self._compact).encode("utf-8"))
        if self.format is Format.N_TRIPLES:
            return self._out(ntriples_block(graph).encode("utf-8"))
        if self.format is Format.N_QUADS:
            return self._out(ntriples_block(graph, graph.graph).encode("utf-8"))
        texts = node_texts(graph, self._curie)
        if not texts:
            return b""
        lead = "\n    " if self._first else ",\n    "
        self._first = False
        return self._out((lead + ",\n    ".join(texts)).encode("utf-8"))

    def tail(self) -> bytes:
        """What ends the document (and, with ``gzip``, the rest of the stream and its trailer)."""
        data = b""
        if self.format is Format.JSON_LD:
            data = b"]\n}\n" if self._first else b"\n  ]\n}\n"
        if self._zlib is None:
            return data
        rest = self._out(data) + self._zlib.flush()
        return rest + struct.pack("<II", self._crc, self._size & 0xFFFFFFFF)


class MemorySource:
    """Notices held in memory (read from input files); related links computed from them.

    A second notice with the same identifier is ignored (the first wins), as in a static site.
    """

    def __init__(self, notices: Iterable[Notice], config: Config = _DEFAULT, lang: str | None = "fr") -> None:
        self.config = config
        self._notices: dict[ids.Identifier, Notice] = {}
        self._index = InputRelated(config, lang)
        self._lang = lang
        for notice in notices:
            if notice.id not in self._notices and self._index.add(notice):
                self._notices[notice.id] = notice
        self._order = list(self._notices.values())
        # where each document is in the index (the keyset of ?after=; document IRIs are unique)
        self._position = {document_iri(n, config): i for i, n in enumerate(self._order)}

    def __len__(self) -> int:
        return len(self._notices)

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """Map the notice (the app caches what it renders)."""
        notice = self._notices.get(identifier)
        return None if notice is None else map_notice(notice, self.config)

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        """From the in-memory index."""
        return self._index.related(graph, by, limit)

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        """The notices in input order, ``limit`` of them after the first ``offset``."""
        from notice_ld.model import pick_text

        out = []
        for notice in self._order[offset : offset + limit]:
            title = pick_text(notice.titles, self._lang) or notice.titles[0]
            iri = document_iri(notice, self.config)
            out.append(IndexRow(iri, notice_path(notice.id), title.value, title.lang))
        return out

    def listing_after(self, after: str, limit: int) -> list[IndexRow] | None:
        """The notices that follow the one whose document IRI is ``after``, in input order
        (``None`` if no notice has that IRI: input order cannot place another)."""
        position = self._position.get(after)
        return None if position is None else self.listing(position + 1, limit)

    def stats(self) -> DatasetStats:
        """Computed from the notices: each is mapped once, and written in every dump (sizes)."""
        triples = 0
        terms: set[str] = set()
        writers = {path: _DumpWriter(d.format, gzip=d.gzip) for path, d in _dumps().items()}
        sizes = {path: len(w.head()) for path, w in writers.items()}
        for graph in self.graphs():
            triples += len(graph.triples)
            for path, w in writers.items():
                sizes[path] += len(w.add(graph))
            for _, predicate, obj in graph.triples:
                terms.add(predicate)
                if predicate == RDF_TYPE:
                    terms.add(str(obj))
        for path, w in writers.items():
            sizes[path] += len(w.tail())
        first = document_iri(self._order[0], self.config) if self._order else None
        return DatasetStats(
            triples,
            len(self._order),
            vocabularies(terms),
            first,
            dump_bytes=sizes[DUMP_PATH],
            dump_sizes=tuple(sizes.items()),
        )

    def graphs(self) -> Iterator[NoticeGraph]:
        """Each notice mapped, in input order."""
        for notice in self._order:
            yield map_notice(notice, self.config)


class StoreSource:
    """Notices in a triple store (:func:`notice_ld.stores.queries.get`, ``related``, ``listing``).

    ``lang`` chooses the titles of the index; ``page_size`` is how many graph names the dump
    takes from the store at a time.
    """

    def __init__(
        self, store: Store, config: Config = _DEFAULT, lang: str | None = "fr", *, page_size: int = 500
    ) -> None:
        self.store = store
        self.config = config
        self.lang = lang
        self.page_size = page_size
        self._related = StoreRelated(store, config)

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """The stored graph, with the notice rebuilt from it."""
        from notice_ld.stores.queries import get

        return get(self.store, _store_identifier(identifier), config=self.config)

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        """The store's ``related`` query."""
        return self._related.related(graph, by, limit)

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        """A page of the store's :func:`~notice_ld.stores.queries.listing`, in document IRI order."""
        return self._rows(offset=offset, limit=limit)

    def _rows(self, *, limit: int, offset: int = 0, after: str | None = None) -> list[IndexRow]:
        from notice_ld.stores.queries import listing

        out = []
        rows = listing(
            self.store, offset=offset, limit=limit, lang=self.lang, config=self.config, after=after
        )
        for row in rows:
            identifier = identifier_of_iri(row.iri, self.config)
            path = notice_path(identifier) if identifier is not None else None
            if row.title is None:
                out.append(IndexRow(row.iri, path, row.iri, None))
            else:
                out.append(IndexRow(row.iri, path, row.title, row.lang))
        return out

    def listing_after(self, after: str, limit: int) -> list[IndexRow]:
        """The store's :func:`~notice_ld.stores.queries.listing` of the documents whose IRI
        sorts after ``after`` (keyset: the store filters, it does not skip); any IRI places."""
        return self._rows(after=after, limit=limit)

    def stats(self) -> DatasetStats:
        """From SPARQL counts (:func:`~notice_ld.stores.queries.counts`); the dump's size is unknown."""
        from notice_ld.stores.queries import counts

        found = counts(self.store, config=self.config)
        return DatasetStats(
            triples=found.triples,
            documents=found.graphs,
            vocabularies=vocabularies((*found.predicates, *found.classes)),
            first=found.first,
        )

    def graphs(self) -> Iterator[NoticeGraph]:
        """Every notice graph of the store (:meth:`Store.hashes` order), its names read a page
        (``page_size``) at a time, with the notice rebuilt as :meth:`get` does.

        A graph that does not rebuild — none of its nodes is the document it is named after,
        e.g. a store loaded with another ``--base-iri`` — is reported on standard error and
        left out.
        """
        from notice_ld.mapping.reverse import notice_from_graph

        names = (name for name, _ in self.store.hashes())
        while page := list(itertools.islice(names, self.page_size)):
            for name in page:
                triples = self.store.triples(name)
                if triples is None:  # removed since its name was read
                    continue
                doc = _document_of(name, triples, self.config)
                try:
                    if doc is None:
                        raise RecordError(
                            record=name,
                            problem="no node of this graph is the document the graph is named after",
                            fix="serve the store with the configuration it was loaded with (--base-iri)",
                        )
                    notice = notice_from_graph(triples, doc, self.config)
                except RecordError as exc:
                    print(f"notice-ld: left out of the dump: {exc}", file=sys.stderr)
                    continue
                yield NoticeGraph(doc, name, notice, self.config, tuple(triples))


def _document_of(graph: str, triples: list[Triple], config: Config) -> str | None:
    """The document of a notice graph: the subject the graph's name was minted from."""
    for subject in dict.fromkeys(s for s, _, _ in triples):
        if ids.mint_iri(config.base_iri, "graph", subject) == graph:
            return subject
    return None


def _check_iri(name: str, value: str, *, http: bool = True) -> None:
    """``ConfigError`` unless ``value`` is a valid IRI (an ``http(s)`` one when ``http``)."""
    check_iri(name, value, http=http)


def _after_iri(text: str) -> str | None:
    """``text`` if it can be the ``after`` of an index page, else ``None``: an IRI (checked as
    every IRI the app takes, :func:`_check_iri`) that is ``http``, ``https`` or ``urn`` as
    document IRIs are, of at most 4,096 characters.

    >>> _after_iri("https://hdl.handle.net/10670/1.jt89mr"), _after_iri("urn:isbn:9782070360246")
    ('https://hdl.handle.net/10670/1.jt89mr', 'urn:isbn:9782070360246')
    >>> [_after_iri(bad) for bad in ("javascript:alert(1)", "https://x/>", "https://x/\\n", "")]
    [None, None, None, None]
    """
    if len(text) > _AFTER_MAX or not text[:8].lower().startswith(_AFTER_SCHEMES):
        return None
    try:
        _check_iri("after", text, http=False)
    except ConfigError:
        return None
    return text


def _next_href(rows: list[IndexRow], root: str, page: int | None) -> str | None:
    """The "next page" link after ``rows`` (a full page): ``?after=`` and the last document IRI,
    percent-encoded.

    A store may hold a document whose IRI cannot be an ``after`` (:func:`_after_iri`; the
    loader writes none): then the link is ``?page=N+1`` when the page number is known, else
    ``?after=`` the last IRI of the page that can be (the rows after it on this page are shown
    again, none is skipped), else there is none.
    """
    if _after_iri(rows[-1].iri) is None and page is not None:
        return f"{root}?page={page + 1}"
    for row in reversed(rows):
        if _after_iri(row.iri) is not None:
            return f"{root}?after={quote(row.iri, safe='')}"
    return None


def _store_identifier(identifier: ids.Identifier) -> str:
    """The text form the store functions parse back to ``identifier``."""
    try:
        if ids.parse(identifier.iri) == identifier:
            return identifier.iri
    except RecordError:
        pass
    return identifier.value


@dataclass(frozen=True, slots=True)
class _Answer:
    body: bytes
    etag: str
    content_type: str
    created: float


class NoticeApp:
    """The WSGI application (see the module docs).

    ``lang`` is the page language (``fr`` or ``en``); ``base_url`` makes canonical links
    absolute (and is the base of the dataset description; without it, the request's host);
    ``cache_size`` bounds the answers kept, ``cache_seconds`` how long (``None``: until
    evicted — right for notices read from files; set it when the store may change), and how
    long the dataset's numbers are kept; ``csp`` is the ``Content-Security-Policy`` of HTML
    answers (``None`` for none); ``page_size`` is the number of notices on an index page;
    ``title``, ``sparql_endpoint`` and ``license_iri`` go into the dataset description.
    """

    def __init__(
        self,
        source: NoticeSource,
        *,
        lang: str = "fr",
        base_url: str | None = None,
        cache_size: int = 4096,
        cache_seconds: float | None = None,
        csp: str | None = DEFAULT_CSP,
        related_limit: int = 10,
        page_size: int = 100,
        title: str = "notice_ld dataset",
        sparql_endpoint: str | None = None,
        license_iri: str | None = None,
    ) -> None:
        labels(lang)  # French or English, checked now
        if not isinstance(page_size, int) or isinstance(page_size, bool) or page_size < 1:
            raise ConfigError(f"the index page size must be a whole number of at least 1, not {page_size!r}")
        if base_url is not None:
            _check_iri("base URL", base_url)
        if sparql_endpoint is not None:
            _check_iri("SPARQL endpoint", sparql_endpoint)
        if license_iri is not None:
            _check_iri("licence", license_iri, http=False)
        self.source = source
        self.lang = lang
        self.base_url = base_url
        self.cache_size = cache_size
        self.cache_seconds = cache_seconds
        self.csp = csp
        self.related_limit = related_limit
        self.page_size = page_size
        self.title = title
        self.sparql_endpoint = sparql_endpoint
        self.license_iri = license_iri
        self._cache: OrderedDict[tuple[ids.Identifier | str, str], _Answer] = OrderedDict()
        self._lock = threading.Lock()
        self._stats: tuple[float, DatasetStats] | None = None
        self._stats_lock = threading.Lock()

    # -- WSGI ---------------------------------------------------------------------------------
    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return self._plain(
                start_response, "405 Method Not Allowed", "only GET and HEAD\n", [("Allow", "GET, HEAD")]
            )
        raw = environ.get("PATH_INFO", "") or "/"
        try:
            path = raw.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return self._plain(start_response, "400 Bad Request", "the path is not UTF-8\n")
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        format_param = query.get("format", [None])[-1]
        head = method == "HEAD"
        root = environ.get("SCRIPT_NAME", "").rstrip("/") + "/"
        if path in ("/", "/index.html"):
            return self._index(environ, start_response, root, head, query)
        if path in _VOID_PATHS:
            return self._void(environ, start_response, path, root, head, format_param)
        dump = _dumps().get(path[1:]) if path.startswith("/dump/") else None
        if dump is not None:
            return self._dump(start_response, head, dump)
        prefix = f"/{NOTICE_PREFIX}/"
        if not path.startswith(prefix):
            return self._plain(start_response, "404 Not Found", f"nothing at {path}\n", head=head)
        try:
            variant = negotiate(environ.get("HTTP_ACCEPT"), format_param=format_param)
        except UnknownFormatError as exc:
            return self._plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
        if variant is None:
            available = ", ".join(dict.fromkeys(v.media_type for v in VARIANTS))
            return self._plain(
                start_response, "406 Not Acceptable", f"available media types: {available}\n", head=head
            )
        try:
            identifier = identifier_from_path(path[len(prefix) :])
        except RecordError as exc:
            return self._plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
        try:
            answer = self._answer(identifier, variant, root)
        except StoreError as exc:  # the store is down or refuses: say so, no traceback
            return self._plain(start_response, "503 Service Unavailable", f"{exc}\n", head=head)
        if answer is None:
            return self._plain(
                start_response,
                "404 Not Found",
                f"no notice has the identifier {identifier.value}\n",
                head=head,
            )
        headers = [
            ("ETag", answer.etag),
            ("Vary", "Accept"),
            ("Cache-Control", "public, max-age=300"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if _matches(environ.get("HTTP_IF_NONE_MATCH"), answer.etag):
            start_response("304 Not Modified", headers)
            return [b""]
        headers += [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body)))]
        if variant is HTML and self.csp:
            headers.append(("Content-Security-Policy", self.csp))
        start_response("200 OK", headers)
        return [b""] if head else [answer.body]

    # -- answers ------------------------------------------------------------------------------
    def _fresh(self, created: float, now: float) -> bool:
        return self.cache_seconds is None or now - created < self.cache_seconds

    def _cached(self, key: tuple[ids.Identifier | str, str], now: float) -> _Answer | None:
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and self._fresh(cached.created, now):
                self._cache.move_to_end(key)
                return cached
        return None

    def _remember(self, key: tuple[ids.Identifier | str, str], answer: _Answer) -> None:
        with self._lock:
            self._cache[key] = answer
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def _answer(self, identifier: ids.Identifier, variant: Variant, root: str) -> _Answer | None:
        key = (identifier, f"{variant.name}|{root}")
        now = time.monotonic()
        cached = self._cached(key, now)
        if cached is not None:
            return cached
        graph = self.source.get(identifier)
        if graph is None:
            return None
        answer = self._render(graph, variant, root, now)
        self._remember(key, answer)
        return answer

    def _render(self, graph: NoticeGraph, variant: Variant, root: str, now: float) -> _Answer:
        if variant.format is None:
            related = {by: self.source.related(graph, by, self.related_limit) for by in BY}
            links = Links(root=root, base_url=self.base_url)
            body = render_page(graph, self.lang, links=links, related=related).encode("utf-8")
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}-html"'
            return _Answer(body, etag, variant.content_type, now)
        from notice_ld.stores import content_hash
        from notice_ld.writers import writer

        buffer = io.BytesIO()
        writer(variant.format)([graph], buffer, self.lang)
        etag = f'"{content_hash(graph)[7:39]}-{variant.name}"'
        return _Answer(buffer.getvalue(), etag, variant.content_type, now)

    def _send(
        self,
        environ: WSGIEnvironment,
        start_response: StartResponse,
        answer: _Answer,
        head: bool,
        extra: list[tuple[str, str]],
    ) -> list[bytes]:
        """A cached answer with its ETag (``304`` when ``If-None-Match`` has it)."""
        headers = [("ETag", answer.etag), ("X-Content-Type-Options", "nosniff"), *extra]
        if _matches(environ.get("HTTP_IF_NONE_MATCH"), answer.etag):
            start_response("304 Not Modified", headers)
            return [b""]
        headers += [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body)))]
        start_response("200 OK", headers)
        return [b""] if head else [answer.body]

    def _index(
        self,
        environ: WSGIEnvironment,
        start_response: StartResponse,
        root: str,
        head: bool,
        query: dict[str, list[str]],
    ) -> list[bytes]:
        """A page of the index: ``?after=IRI`` (keyset, what the "next" links carry) or ``?page=N``."""
        page: int | None = None
        after: str | None = None
        if "after" in query:
            if "page" in query:
                return self._plain(
                    start_response, "400 Bad Request", "give page or after, not both\n", head=head
                )
            after = _after_iri(query["after"][-1])
            if after is None:
                return self._plain(
                    start_response,
                    "400 Bad Request",
                    "after must be the document IRI of a notice (an http, https or urn IRI of at most "
                    f"{_AFTER_MAX} characters)\n",
                    head=head,
                )
        else:
            page_text = query.get("page", ["1"])[-1]
            if not _PAGE.fullmatch(page_text):
                return self._plain(
                    start_response,
                    "400 Bad Request",
                    "page must be a whole number from 1 to 999999999\n",
                    head=head,
                )
            page = int(page_text)
        key = ("index", f"{page}|{root}" if after is None else f"after={after}|{root}")
        now = time.monotonic()
        answer = self._cached(key, now)
        if answer is None:
            found: list[IndexRow] | None
            try:
                if after is None:
                    assert page is not None
                    found = self.source.listing((page - 1) * self.page_size, self.page_size + 1)
                else:
                    found = self.source.listing_after(after, self.page_size + 1)
            except StoreError as exc:
                return self._plain(start_response, "503 Service Unavailable", f"{exc}\n", head=head)
            if found is None:
                return self._plain(
                    start_response, "404 Not Found", "no notice of the index has that IRI\n", head=head
                )
            rows = found
            if not rows and page != 1:
                gone = f"there is no page {page}" if after is None else "no notice follows that IRI"
                return self._plain(start_response, "404 Not Found", f"{gone}\n", head=head)
            body = self._index_page(rows[: self.page_size], root, page, len(rows) > self.page_size)
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}-index"'
            answer = _Answer(body, etag, HTML.content_type, now)
            self._remember(key, answer)
        extra = [("Cache-Control", "public, max-age=300")]
        if self.csp:
            extra.append(("Content-Security-Policy", self.csp))
        return self._send(environ, start_response, answer, head, extra)

    def _index_page(self, rows: list[IndexRow], root: str, page: int | None, more: bool) -> bytes:
        env = environment()
        t = labels(self.lang)
        alternates = [
            {"href": f"{root}void.ttl", "media_type": _TURTLE.media_type, "label": "VoID"},
            *(
                {"href": f"{root}{d.path}", "media_type": d.content_type.split(";")[0], "label": d.path[5:]}
                for d in _dumps().values()
            ),
        ]
        parts = [
            env.get_template("index_head.html").render(
                lang=self.lang[:2], title=t["site"], t=t, downloads=[], alternates=alternates
            )
        ]
        row = env.get_template("index_row.html")
        for item in rows:
            href = f"{root}{item.path}" if item.path is not None else safe_href(item.iri)
            if href is not None:
                parts.append(row.render(href=href, title=item.title, lang=item.lang, byline=None))
        next_href = _next_href(rows, root, page) if more else None
        parts.append(env.get_template("index_tail.html").render(t=t, next_href=next_href))
        return "\n".join(parts).encode("utf-8")

    # -- the dataset: description and dump ----------------------------------------------------
    def dataset_stats(self) -> DatasetStats:
        """The source's numbers, computed once per ``cache_seconds`` (one computation at a time)."""
        with self._stats_lock:
            now = time.monotonic()
            if self._stats is not None and self._fresh(self._stats[0], now):
                return self._stats[1]
            stats = self.source.stats()
            self._stats = (now, stats)
            return stats

    def _base(self, environ: WSGIEnvironment, root: str) -> str:
        """The absolute URL of the app's root: ``base_url``, else from the request (checked)."""
        if self.base_url is not None:
            return self.base_url.rstrip("/") + "/"
        scheme = "https" if environ.get("wsgi.url_scheme") == "https" else "http"
        host = environ.get("HTTP_HOST", "")
        if not _HOST.fullmatch(host):
            host = f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
            if not _HOST.fullmatch(host):
                host = "127.0.0.1"
        host = host.removesuffix(":443" if scheme == "https" else ":80")
        return f"{scheme}://{host}{quote(root, safe='/')}"

    def _void(
        self,
        environ: WSGIEnvironment,
        start_response: StartResponse,
        path: str,
        root: str,
        head: bool,
        format_param: str | None,
    ) -> list[bytes]:
        variant = _VOID_PATHS[path]
        extra = [("Cache-Control", "public, max-age=300")]
        if variant is None:
            extra.append(("Vary", "Accept"))
            try:
                variant = negotiate(
                    environ.get("HTTP_ACCEPT"), format_param=format_param, variants=(_TURTLE, _NTRIPLES)
                )
            except UnknownFormatError as exc:
                return self._plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
            if variant is None:
                available = f"{_TURTLE.media_type}, {_NTRIPLES.media_type}"
                return self._plain(
                    start_response, "406 Not Acceptable", f"available media types: {available}\n", head=head
                )
        base = self._base(environ, root)
        key = ("void", f"{variant.name}|{base}")
        now = time.monotonic()
        answer = self._cached(key, now)
        if answer is None:
            try:
                stats = self.dataset_stats()
            except StoreError as exc:
                return self._plain(start_response, "503 Service Unavailable", f"{exc}\n", head=head)
            body = self._void_bytes(base, stats, variant)
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}-void-{variant.name}"'
            answer = _Answer(body, etag, variant.content_type, now)
            self._remember(key, answer)
        return self._send(environ, start_response, answer, head, extra)

    def _void_bytes(self, base: str, stats: DatasetStats, variant: Variant) -> bytes:
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

        def described(dumps: Iterable[_Dump]) -> list[Triple]:
            return dataset_triples(
                base,
                stats=numbers,
                dumps=[(d.path, d.format, d.media_type, sizes.get(d.path, 0)) for d in dumps],
                title=self.title,
                sparql_endpoint=self.sparql_endpoint,
                license_iri=self.license_iri,
            )

        # the static site's dumps as it describes them (a distribution ``#dump-{format}`` each),
        # and the plain N-Triples one, whose format the gzipped one has: ``#dump-ntriples-plain``
        served = _dumps()
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
        triples = sorted(
            (t for t in found if t[1] != _DCAT_BYTE_SIZE or t[0] not in unmeasured), key=triple_key
        )
        quads = [ox.Triple(ox.NamedNode(s), ox.NamedNode(p), to_oxigraph_term(o)) for s, p, o in triples]
        buffer = io.BytesIO()
        if variant is _TURTLE:
            namespaces = {
                **prefixes(),
                "void": "http://rdfs.org/ns/void#",
                "dcat": "http://www.w3.org/ns/dcat#",
            }
            ox.serialize(quads, buffer, ox.RdfFormat.TURTLE, prefixes=namespaces)
        else:
            ox.serialize(quads, buffer, ox.RdfFormat.N_TRIPLES)
        return buffer.getvalue()

    def _dump(self, start_response: StartResponse, head: bool, dump: _Dump) -> Iterable[bytes]:
        headers = [
            ("Content-Type", dump.content_type),
            ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-cache"),
        ]
        start_response("200 OK", headers)
        if head:  # an iterator, not a list: a server would say Content-Length: 0 for a list
            return iter([b""])
        return self._dump_chunks(dump)

    def _dump_chunks(self, dump: _Dump) -> Iterator[bytes]:
        """Every notice graph in the dump's format, written a notice at a time
        (:class:`_DumpWriter`) and sent in chunks of at least 64 KiB (the rest at the end)."""
        out = _DumpWriter(dump.format, gzip=dump.gzip)
        pending = [out.head()]
        size = len(pending[0])
        for graph in self.source.graphs():
            data = out.add(graph)
            pending.append(data)
            size += len(data)
            if size >= _CHUNK:
                yield b"".join(pending)
                pending, size = [], 0
        pending.append(out.tail())
        if any(pending):
            yield b"".join(pending)

    @staticmethod
    def _plain(
        start_response: StartResponse,
        status: str,
        text: str,
        extra: list[tuple[str, str]] | None = None,
        *,
        head: bool = False,
    ) -> list[bytes]:
        body = text.encode("utf-8")
        headers = [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Vary", "Accept"),
            ("X-Content-Type-Options", "nosniff"),
            *(extra or []),
        ]
        start_response(status, headers)
        return [b""] if head else [body]


def _matches(header: str | None, etag: str) -> bool:
    """``If-None-Match`` against our ETag (weak comparison, ``*`` matches)."""
    if not header:
        return False
    for candidate in header.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def call(
    app: Callable[..., Iterable[bytes]],
    path: str,
    *,
    accept: str | None = None,
    query: str = "",
    if_none_match: str | None = None,
    method: str = "GET",
) -> tuple[str, dict[str, str], bytes]:
    """Call a WSGI app in process (for tests and doctests): ``(status, headers, body)``."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.encode("utf-8").decode("latin-1"),
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
    }
    if accept is not None:
        environ["HTTP_ACCEPT"] = accept
    if if_none_match is not None:
        environ["HTTP_IF_NONE_MATCH"] = if_none_match
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        seen["status"], seen["headers"] = status, dict(headers)
        return lambda data: None

    body = b"".join(app(environ, start_response))
    return seen["status"], seen["headers"], body


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class _QuietHandler(WSGIRequestHandler):
    timeout = 30  # seconds a connection may stay silent: idle clients do not hold threads forever

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _LoggingHandler(_QuietHandler):
    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"{self.address_string()} - {format % args}\n")


def make_app_server(
    app: Callable[..., Iterable[bytes]],
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    access_log: bool = False,
) -> WSGIServer:
    """A threaded ``wsgiref`` server for ``app`` (one thread per connection); call ``serve_forever``.

    It binds ``127.0.0.1`` unless told otherwise; ``port=0`` picks a free port
    (``server.server_port``).
    """
    handler = _LoggingHandler if access_log else _QuietHandler
    return make_server(host, port, app, server_class=_ThreadingServer, handler_class=handler)
