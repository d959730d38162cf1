"""A WSGI application serving notices as linked data: the routes and the cache of answers.

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

``/`` is the index of the notices, ``page_size`` a page (:mod:`notice_ld.web.index`: input
order for files, document IRI order for a store; the "next page" link carries ``?after=`` and
the document IRI of the page's last notice, keyset pagination; ``?page=N`` still works).
``400`` for a malformed ``page`` or an ``after`` that is not a document IRI (before the source
is asked), ``404`` past the end. ``/void.ttl``, ``/void.nt`` and ``/.well-known/void``
(Turtle or N-Triples by ``Accept``) describe the dataset in VoID + DCAT; ``/dump/notices.nt``
and the static site's dumps stream every notice graph one notice at a time, byte for byte what
``notice-ld convert`` writes (:mod:`notice_ld.web.dataset`). The dataset's numbers are
computed once per ``cache_seconds``.

Notices come from a :class:`~notice_ld.web.sources.NoticeSource`: :class:`MemorySource`
(notices read from input files) or :class:`StoreSource` (a triple store,
:mod:`notice_ld.stores`). Rendered answers are cached (LRU, optionally for a limited time), so
a notice asked for again costs a lookup. :func:`make_app_server` (:mod:`notice_ld.web.server`)
runs the app in a production server (waitress), :func:`call` (:mod:`notice_ld.web.wsgi`) in process;
they, the sources and the dataset's names are importable from here too.

>>> from notice_ld.mapping import map_notice
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

import hashlib
import io
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final
from urllib.parse import parse_qs, quote

from notice_ld import identifiers as ids
from notice_ld.errors import ConfigError, RecordError, StoreError, UnknownFormatError
from notice_ld.languages import Language
from notice_ld.mapping import NoticeGraph
from notice_ld.related import RelatedBy
from notice_ld.web.conneg import HTML, VARIANTS, Variant, negotiate
from notice_ld.web.dataset import (
    DUMP_PATH,
    NTRIPLES,
    TURTLE,
    DatasetStats,
    Dump,
    dump_chunks,
    served_dumps,
    vocabularies,
    void_bytes,
)
from notice_ld.web.index import IndexRow, index_page, page_asked
from notice_ld.web.pages import Links, check_iri, labels, render_page
from notice_ld.web.paths import NOTICE_PREFIX, identifier_from_path
from notice_ld.web.server import make_app_server
from notice_ld.web.sources import MemorySource, NoticeSource, StoreSource
from notice_ld.web.wsgi import Answer, call, etag_matches, plain, send

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

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

_HOST = re.compile(r"(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::[0-9]{1,5})?")  # fullmatch
_BY_EXTENSION: Final = tuple(sorted(VARIANTS, key=lambda v: -len(v.extension)))
"""The representations by file extension, longest first (``schema.jsonld`` before ``jsonld``)."""

_VOID_PATHS: Final = {"/void.ttl": TURTLE, "/void.nt": NTRIPLES, "/.well-known/void": None}


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
        lang: str = Language.FR,
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
            check_iri("base URL", base_url)
        if sparql_endpoint is not None:
            check_iri("SPARQL endpoint", sparql_endpoint)
        if license_iri is not None:
            check_iri("licence", license_iri, http=False)
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
        self._cache: OrderedDict[tuple[ids.Identifier | str, str], Answer] = OrderedDict()
        self._lock = threading.Lock()
        self._stats: tuple[float, DatasetStats] | None = None
        self._stats_lock = threading.Lock()

    @property
    def cached_answers(self) -> int:
        """How many rendered answers the cache holds now (never more than ``cache_size``).

        >>> from notice_ld.web.sources import MemorySource
        >>> NoticeApp(MemorySource([]), cache_size=10).cached_answers
        0
        """
        with self._lock:
            return len(self._cache)

    # -- WSGI ---------------------------------------------------------------------------------
    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return plain(
                start_response, "405 Method Not Allowed", "only GET and HEAD\n", [("Allow", "GET, HEAD")]
            )
        raw = environ.get("PATH_INFO", "") or "/"
        try:
            path = raw.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return plain(start_response, "400 Bad Request", "the path is not UTF-8\n")
        query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        format_param = query.get("format", [None])[-1]
        head = method == "HEAD"
        root = environ.get("SCRIPT_NAME", "").rstrip("/") + "/"
        if path in ("/", "/index.html"):
            return self._index(environ, start_response, root, head, query)
        if path in _VOID_PATHS:
            return self._void(environ, start_response, path, root, head, format_param)
        dump = served_dumps().get(path[1:]) if path.startswith("/dump/") else None
        if dump is not None:
            return self._dump(start_response, head, dump)
        prefix = f"/{NOTICE_PREFIX}/"
        if not path.startswith(prefix):
            return plain(start_response, "404 Not Found", f"nothing at {path}\n", head=head)
        file_answer = self._static_file(path[len(prefix) :], root)
        if file_answer is not None:  # a file URL of the static site: ….ttl, ….jsonld, ….html
            return self._send(environ, start_response, file_answer[1], file_answer[2], head, vary=False)
        try:
            variant = negotiate(environ.get("HTTP_ACCEPT"), format_param=format_param)
        except UnknownFormatError as exc:
            return plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
        if variant is None:
            available = ", ".join(dict.fromkeys(v.media_type for v in VARIANTS))
            return plain(
                start_response, "406 Not Acceptable", f"available media types: {available}\n", head=head
            )
        try:
            identifier = identifier_from_path(path[len(prefix) :])
        except RecordError as exc:
            return plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
        try:
            answer = self._answer(identifier, variant, root)
        except StoreError as exc:  # the store is down or refuses: say so, no traceback
            return plain(start_response, "503 Service Unavailable", f"{exc}\n", head=head)
        if answer is None:
            return plain(
                start_response,
                "404 Not Found",
                f"no notice has the identifier {identifier.value}\n",
                head=head,
            )
        return self._send(environ, start_response, variant, answer, head, vary=True)

    def _send(
        self,
        environ: WSGIEnvironment,
        start_response: StartResponse,
        variant: Variant,
        answer: Answer,
        head: bool,
        *,
        vary: bool,
    ) -> Iterable[bytes]:
        headers = [("ETag", answer.etag)]
        if vary:
            headers.append(("Vary", "Accept"))
        headers += [("Cache-Control", "public, max-age=300"), ("X-Content-Type-Options", "nosniff")]
        if etag_matches(environ.get("HTTP_IF_NONE_MATCH"), answer.etag):
            start_response("304 Not Modified", headers)
            return [b""]
        headers += [("Content-Type", answer.content_type), ("Content-Length", str(len(answer.body)))]
        if variant is HTML and self.csp:
            headers.append(("Content-Security-Policy", self.csp))
        start_response("200 OK", headers)
        return [b""] if head else [answer.body]

    def _static_file(self, rest: str, root: str) -> tuple[ids.Identifier, Variant, Answer] | None:
        """The answer to a file URL of the static site (``{scheme}/{value}.{extension}``), or
        ``None`` when ``rest`` is not one (then it is a notice path, negotiated as usual). An
        identifier that itself ends like an extension is tried whole first."""
        for variant in _BY_EXTENSION:
            suffix = f".{variant.extension}"
            if not rest.endswith(suffix):
                continue
            try:
                whole = identifier_from_path(rest)
                if self.source.get(whole) is not None:
                    return None
            except RecordError:
                pass
            try:
                identifier = identifier_from_path(rest[: -len(suffix)])
                answer = self._answer(identifier, variant, root)
            except (RecordError, StoreError):
                return None
            return None if answer is None else (identifier, variant, answer)
        return None

    # -- answers ------------------------------------------------------------------------------
    def _fresh(self, created: float, now: float) -> bool:
        return self.cache_seconds is None or now - created < self.cache_seconds

    def _cached(self, key: tuple[ids.Identifier | str, str], now: float) -> Answer | None:
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and self._fresh(cached.created, now):
                self._cache.move_to_end(key)
                return cached
        return None

    def _remember(self, key: tuple[ids.Identifier | str, str], answer: Answer) -> None:
        with self._lock:
            self._cache[key] = answer
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def _answer(self, identifier: ids.Identifier, variant: Variant, root: str) -> Answer | None:
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

    def _render(self, graph: NoticeGraph, variant: Variant, root: str, now: float) -> Answer:
        if variant.format is None:
            related = {by: self.source.related(graph, by, self.related_limit) for by in RelatedBy}
            links = Links(root=root, base_url=self.base_url)
            body = render_page(graph, self.lang, links=links, related=related).encode("utf-8")
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}-html"'
            return Answer(body, etag, variant.content_type, now)
        from notice_ld.stores import content_hash
        from notice_ld.writers import writer

        buffer = io.BytesIO()
        writer(variant.format)([graph], buffer, self.lang)
        etag = f'"{content_hash(graph)[7:39]}-{variant.name}"'
        return Answer(buffer.getvalue(), etag, variant.content_type, now)

    def _index(
        self,
        environ: WSGIEnvironment,
        start_response: StartResponse,
        root: str,
        head: bool,
        query: dict[str, list[str]],
    ) -> list[bytes]:
        """A page of the index: ``?after=IRI`` (keyset, what the "next" links carry) or ``?page=N``."""
        try:
            page, after = page_asked(query)
        except ValueError as exc:
            return plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
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
                return plain(start_response, "503 Service Unavailable", f"{exc}\n", head=head)
            if found is None:
                return plain(
                    start_response, "404 Not Found", "no notice of the index has that IRI\n", head=head
                )
            rows = found
            if not rows and page != 1:
                gone = f"there is no page {page}" if after is None else "no notice follows that IRI"
                return plain(start_response, "404 Not Found", f"{gone}\n", head=head)
            body = index_page(rows[: self.page_size], root, page, len(rows) > self.page_size, self.lang)
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}-index"'
            answer = Answer(body, etag, HTML.content_type, now)
            self._remember(key, answer)
        extra = [("Cache-Control", "public, max-age=300")]
        if self.csp:
            extra.append(("Content-Security-Policy", self.csp))
        return send(environ, start_response, answer, head, extra)

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
                    environ.get("HTTP_ACCEPT"), format_param=format_param, variants=(TURTLE, NTRIPLES)
                )
            except UnknownFormatError as exc:
                return plain(start_response, "400 Bad Request", f"{exc}\n", head=head)
            if variant is None:
                available = f"{TURTLE.media_type}, {NTRIPLES.media_type}"
                return plain(
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
                return plain(start_response, "503 Service Unavailable", f"{exc}\n", head=head)
            body = void_bytes(
                base,
                stats,
                variant,
                title=self.title,
                sparql_endpoint=self.sparql_endpoint,
                license_iri=self.license_iri,
            )
            etag = f'"{hashlib.sha256(body).hexdigest()[:32]}-void-{variant.name}"'
            answer = Answer(body, etag, variant.content_type, now)
            self._remember(key, answer)
        return send(environ, start_response, answer, head, extra)

    def _dump(self, start_response: StartResponse, head: bool, dump: Dump) -> Iterable[bytes]:
        headers = [
            ("Content-Type", dump.content_type),
            ("X-Content-Type-Options", "nosniff"),
            ("Cache-Control", "no-cache"),
        ]
        start_response("200 OK", headers)
        if head:  # an iterator, not a list: a server would say Content-Length: 0 for a list
            return iter([b""])
        return dump_chunks(dump, self.source.graphs)
