"""A WSGI application serving notices as linked data, and a small threaded server for it.

``GET /notice/{scheme}/{value}`` answers with the HTML landing page or with the notice in
Turtle, JSON-LD, N-Triples, RDF/XML, N-Quads, BibTeX, RIS, CSL-JSON or schema.org JSON-LD,
chosen by content negotiation (:mod:`notice_ld.web.conneg`: ``Accept`` with ``q`` values,
``?format=`` override, ``406 Not Acceptable`` when nothing fits). Every answer carries
``Vary: Accept`` and a ``Content-Type`` with its charset; notices carry an ``ETag`` (from the
notice graph's content hash — SHA-256 of its sorted N-Triples — for RDF; from the page bytes
for HTML, which also shows related notices) and ``If-None-Match`` gets ``304 Not Modified``.
The identifier in the path is checked (:func:`notice_ld.web.paths.identifier_from_path`)
before the source is asked anything: a malformed one is a ``400``, an unknown notice a
``404``. ``/`` is an index of the notices (when the source can list them).

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
"""

from __future__ import annotations

import hashlib
import html
import io
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.errors import RecordError, UnknownFormatError
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.web.conneg import HTML, VARIANTS, Variant, negotiate
from notice_ld.web.pages import Links, environment, labels, render_page
from notice_ld.web.paths import NOTICE_PREFIX, identifier_from_path, notice_path
from notice_ld.web.related import BY, InputRelated, RelatedLink, StoreRelated

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

    from notice_ld.stores import Store

__all__ = [
    "DEFAULT_CSP",
    "MemorySource",
    "NoticeApp",
    "NoticeSource",
    "StoreSource",
    "call",
    "make_app_server",
]

DEFAULT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'"
)
"""The ``Content-Security-Policy`` of HTML answers: pages need no script at all."""

_DEFAULT = Config()


class NoticeSource(Protocol):
    """Where the app finds notices."""

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """The notice whose own identifier is ``identifier``, mapped, or ``None``."""
        ...

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        """Related notices (see :mod:`notice_ld.web.related`)."""
        ...

    def listing(self) -> list[tuple[str, str, str | None]] | None:
        """``(path, title, title language)`` of every notice for the index, or ``None``."""
        ...


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

    def __len__(self) -> int:
        return len(self._notices)

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """Map the notice (the app caches what it renders)."""
        notice = self._notices.get(identifier)
        return None if notice is None else map_notice(notice, self.config)

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        """From the in-memory index."""
        return self._index.related(graph, by, limit)

    def listing(self) -> list[tuple[str, str, str | None]]:
        """Every notice, in input order."""
        from notice_ld.writers.schema_jsonld import _pick

        out = []
        for notice in self._notices.values():
            title = _pick(notice.titles, self._lang) or notice.titles[0]
            out.append((notice_path(notice.id), title.value, title.lang))
        return out


class StoreSource:
    """Notices in a triple store (:func:`notice_ld.stores.queries.get` and ``related``)."""

    def __init__(self, store: Store, config: Config = _DEFAULT) -> None:
        self.store = store
        self.config = config
        self._related = StoreRelated(store, config)

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """The stored graph, with the notice rebuilt from it."""
        from notice_ld.stores.queries import get

        return get(self.store, _store_identifier(identifier), config=self.config)

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        """The store's ``related`` query."""
        return self._related.related(graph, by, limit)

    def listing(self) -> None:
        """A store is not listed on the index page (it may hold millions of notices)."""
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
    absolute; ``cache_size`` bounds the answers kept, ``cache_seconds`` how long (``None``:
    until evicted — right for notices read from files; set it when the store may change);
    ``csp`` is the ``Content-Security-Policy`` of HTML answers (``None`` for none).
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
    ) -> None:
        labels(lang)  # French or English, checked now
        self.source = source
        self.lang = lang
        self.base_url = base_url
        self.cache_size = cache_size
        self.cache_seconds = cache_seconds
        self.csp = csp
        self.related_limit = related_limit
        self._cache: OrderedDict[tuple[ids.Identifier, str], _Answer] = OrderedDict()
        self._lock = threading.Lock()

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
            return self._index(start_response, root, head)
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
        answer = self._answer(identifier, variant, root)
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
    def _answer(self, identifier: ids.Identifier, variant: Variant, root: str) -> _Answer | None:
        key = (identifier, f"{variant.name}|{root}")
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and (
                self.cache_seconds is None or now - cached.created < self.cache_seconds
            ):
                self._cache.move_to_end(key)
                return cached
        graph = self.source.get(identifier)
        if graph is None:
            return None
        answer = self._render(graph, variant, root, now)
        with self._lock:
            self._cache[key] = answer
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
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

    def _index(self, start_response: StartResponse, root: str, head: bool) -> list[bytes]:
        env = environment()
        t = labels(self.lang)
        listing = self.source.listing()
        title = t["site"]
        parts = [
            env.get_template("index_head.html").render(
                lang=self.lang[:2], title=title, t=t, downloads=[], alternates=[]
            )
        ]
        row = env.get_template("index_row.html")
        for path, text, lang in listing or []:
            parts.append(row.render(href=f"{root}{path}", title=text, lang=lang, byline=None))
        if listing is None:
            parts.append(f"<li>{html.escape(t['notices'])}: /{NOTICE_PREFIX}/SCHEME/IDENTIFIER</li>")
        parts.append(env.get_template("index_tail.html").render(t=t, next_href=None))
        body = "\n".join(parts).encode("utf-8")
        headers = [
            ("Content-Type", HTML.content_type),
            ("Content-Length", str(len(body))),
            ("X-Content-Type-Options", "nosniff"),
        ]
        if self.csp:
            headers.append(("Content-Security-Policy", self.csp))
        start_response("200 OK", headers)
        return [b""] if head else [body]

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
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _LoggingHandler(WSGIRequestHandler):
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
