"""Remote stores: any SPARQL 1.1 server, over the Graph Store HTTP Protocol and Query/Update.

Three kinds share one implementation:

* ``gsp`` (:class:`GraphStoreServer`) — any SPARQL 1.1 server: each notice graph is ``PUT`` to
  the Graph Store endpoint (``?graph=<iri>``, replace semantics, one graph all or nothing), then
  the batch's hashes are recorded with one SPARQL Update. By default the query, update and graph
  store services share the endpoint URL (as Fuseki's ``/dataset`` does); each can be given.
* ``oxigraph`` (:class:`OxigraphServer`) — ``oxigraph serve``: the batch form. New graphs and
  their hashes go in one N-Quads ``POST`` to ``/store``; changed ones in one SPARQL Update
  (drop, insert, hash) to ``/update``; both are transactions on the server.
* ``virtuoso`` (:class:`VirtuosoServer`) — Virtuoso: ``PUT`` per graph to
  ``/sparql-graph-crud-auth`` and updates to ``/sparql-auth``, both with HTTP digest
  authentication (user ``dba`` by default), queries to ``/sparql``.

Every request goes through a ``requests.Session`` (connections are reused) with a timeout: the
store's own, and one more per thread when :func:`~notice_ld.stores.load.load` sends batches on
several connections at once (:attr:`RemoteStore.concurrent_puts`; the resume file and the
counters are shared under a lock).
Connection errors, timeouts, 429 (``Retry-After`` is honoured), 500, 502, 503 and 504 are retried
with exponential backoff and jitter, a bounded number of times within a bounded time; a 413 (or a
server's "too large" error) splits the batch in two, down to one notice, which is then refused
and reported. A *resume file* (JSON Lines) records each graph as soon as the server has it: an
interrupted load that is run again skips what was committed — even a graph whose hash the server
had not recorded yet — and the file is removed when a load finishes.

Errors say what to do: :class:`~notice_ld.errors.StoreConnectionError` (nothing answers at that
address), :class:`~notice_ld.errors.StoreAuthError` (credentials refused or missing),
:class:`~notice_ld.errors.StoreResponseError` (a wrong URL, or a server that is not a SPARQL
server).

>>> store = GraphStoreServer("http://127.0.0.1:9/ds", probe=False)
>>> store.query_url, store.gsp_url
('http://127.0.0.1:9/ds', 'http://127.0.0.1:9/ds')
>>> OxigraphServer("http://127.0.0.1:9/", probe=False).update_url
'http://127.0.0.1:9/update'
>>> store.close()
>>> virtuoso = open_remote(StoreKind.VIRTUOSO, RemoteOptions("http://127.0.0.1:9", probe=False))
>>> type(virtuoso).__name__, virtuoso.user, virtuoso.update_url
('VirtuosoServer', 'dba', 'http://127.0.0.1:9/sparql-auth')
>>> virtuoso.close()
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pyoxigraph as ox
import requests

from notice_ld.errors import (
    RecordError,
    StoreAuthError,
    StoreConnectionError,
    StoreError,
    StoreResponseError,
)
from notice_ld.stores import Entry, QueryResult, RemoteOptions, StoreKind
from notice_ld.stores._sparql import (
    delete_update,
    existing_query,
    hashes_query,
    hashes_update,
    quads_nquads,
    replace_update,
    triples_of,
)
from notice_ld.terms import Triple

__all__ = ["GraphStoreServer", "OxigraphServer", "RemoteStore", "VirtuosoServer", "open_remote"]

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_SIZE_ERROR = re.compile(r"too (?:large|long|big)|exceed|maximum[^.]{0,40}size|entity too", re.IGNORECASE)
_SPARQL_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"


class _TooLarge(Exception):
    """The server refused a request body as too large (HTTP 413 or a size error)."""


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    with contextlib.suppress(TypeError, ValueError):
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    return None


def _excerpt(response: requests.Response) -> str:
    try:
        text = response.text
    except Exception:  # pragma: no cover - undecodable body
        return ""
    return " ".join(text.split())[:300]


class RemoteStore:
    """A SPARQL 1.1 server reached over HTTP (see the module docs for the kinds).

    ``location`` is the server's base URL. ``user`` / ``password`` enable HTTP authentication
    (``digest=True`` for digest; ``None``: the kind's defaults, :attr:`default_user` and
    :attr:`default_digest`). ``timeout`` is per request (seconds); ``retries`` and
    ``max_wait`` bound the retries of one request (count and seconds); ``backoff`` is the first
    delay, doubled each time up to ``max_backoff``, with jitter. ``max_bytes`` bounds a request
    body. ``resume`` is the resume file (``None``: none). ``session``, ``rng`` and ``sleep`` can be
    injected (tests). ``probe`` checks at once that a SPARQL server answers.
    """

    kind: ClassVar[StoreKind] = StoreKind.GSP
    batch_form: ClassVar[bool] = False
    concurrent_puts: ClassVar[bool] = True
    """:meth:`put` may run on several threads at once, each on its own connection
    (:func:`notice_ld.stores.load.load` with ``connections``)."""
    default_user: ClassVar[str | None] = None
    default_digest: ClassVar[bool] = False

    def __init__(
        self,
        location: str,
        *,
        query_url: str | None = None,
        update_url: str | None = None,
        gsp_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        digest: bool | None = None,
        timeout: float = 30.0,
        retries: int = 8,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        max_wait: float = 300.0,
        max_bytes: int = 8 << 20,
        page_size: int = 10_000,
        resume: str | os.PathLike[str] | None = None,
        session: requests.Session | None = None,
        rng: random.Random | None = None,
        sleep: Callable[[float], None] = time.sleep,
        probe: bool = True,
    ) -> None:
        if not re.match(r"^https?://[^/\s]+", location):
            raise StoreError(f"the endpoint must be an http(s) URL, e.g. http://127.0.0.1:7878: {location!r}")
        self.location = location
        self.query_url, self.update_url, self.gsp_url = self._urls(location)
        self.query_url = query_url or self.query_url
        self.update_url = update_url or self.update_url
        self.gsp_url = gsp_url or self.gsp_url
        user = user if user is not None else self.default_user
        digest = digest if digest is not None else self.default_digest
        self.user = user
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_wait = max_wait
        self.max_bytes = max_bytes
        self.page_size = page_size
        self.session = session or requests.Session()
        self._shared_session = session is not None
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self.sleep = sleep
        self.auth: requests.auth.AuthBase | None = None
        if user is not None:
            self.auth = (
                requests.auth.HTTPDigestAuth(user, password or "")
                if digest
                else requests.auth.HTTPBasicAuth(user, password or "")
            )
        self.requests = 0
        self.retried = 0
        self._opener = threading.current_thread()
        self._resume = _ResumeLog(Path(resume), location) if resume is not None else None
        self._pending: list[tuple[str, str]] = []
        if probe:
            self.probe()

    # -- endpoints ------------------------------------------------------------------------------
    def _urls(self, base: str) -> tuple[str, str, str]:
        """Query, update and graph store URLs for a base URL (``gsp``: all the same)."""
        return base, base, base

    # -- HTTP -------------------------------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        params: dict[str, str] | None = None,
        data: bytes | dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        ok: tuple[int, ...] = (),
    ) -> requests.Response:
        """One request with retries; raises the right :class:`StoreError` (or ``_TooLarge``)."""
        started = time.monotonic()
        attempt = 0
        while True:
            with self._lock:
                self.requests += 1
            try:
                response = self._session().request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    auth=self.auth if auth else None,
                    timeout=self.timeout,
                )
                self._check(response, url, what, ok)
                return response
            except _Retry as exc:
                reason, wait = exc.reason, exc.wait
            except (requests.ConnectionError, requests.Timeout) as exc:
                reason, wait = f"{type(exc).__name__}: {exc}", None
            except requests.exceptions.ChunkedEncodingError as exc:
                reason, wait = f"connection broken: {exc}", None
            attempt += 1
            elapsed = time.monotonic() - started
            if attempt > self.retries or elapsed >= self.max_wait:
                raise StoreConnectionError(
                    f"{what}: {url} failed {attempt} time(s) in {elapsed:.0f} s, last: {reason} "
                    "(is the server running and reachable? the load can be run again: it resumes)"
                )
            delay = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
            delay *= 0.5 + self.rng.random() / 2  # jitter
            if wait is not None:  # Retry-After is honoured (within the time left)
                delay = max(delay, wait)
            delay = min(delay, max(0.0, self.max_wait - elapsed))
            with self._lock:
                self.retried += 1
            self.sleep(delay)

    def _session(self) -> requests.Session:
        """This thread's session: :attr:`session` on the thread that opened the store (and on
        every thread when a session was given), one more per thread of a concurrent load."""
        if self._shared_session or threading.current_thread() is self._opener:
            return self.session
        own: requests.Session | None = getattr(self._local, "session", None)
        if own is None:
            own = self._local.session = requests.Session()
            with self._lock:
                self._sessions.append(own)
        return own

    def _check(self, response: requests.Response, url: str, what: str, ok: tuple[int, ...]) -> None:
        status = response.status_code
        if status < 400 or status in ok:
            return
        body = _excerpt(response)
        if status == 413 or (status in (400, 500) and _SIZE_ERROR.search(body)):
            raise _TooLarge(body)
        if status in _RETRY_STATUS:
            raise _Retry(
                f"HTTP {status} {body[:80]}", _retry_after(response) if status in (429, 503) else None
            )
        if status in (401, 403):
            if self.user is None:
                raise StoreAuthError(
                    f"{what}: {url} needs credentials (HTTP {status}); give --user and --password-env"
                )
            raise StoreAuthError(
                f"{what}: {url} refused the credentials of user {self.user!r} (HTTP {status}); "
                "check --user and the password"
            )
        if status in (404, 405):
            raise StoreResponseError(
                f"{what}: no such SPARQL service at {url} (HTTP {status}); check --endpoint and --store-kind",
                url=url,
                status=status,
                body=body,
            )
        raise StoreResponseError(
            f"{what}: {url} answered HTTP {status}: {body or '(empty)'}", url=url, status=status, body=body
        )

    # -- queries --------------------------------------------------------------------------------
    def probe(self) -> None:
        """Check that a SPARQL query service answers at :attr:`query_url`."""
        result = self.query("ASK { ?s ?p ?o }")
        if result.kind != "ask":
            raise StoreResponseError(
                f"{self.query_url} did not answer an ASK query like a SPARQL server",
                url=self.query_url,
                status=200,
                body="",
            )

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query (results as SPARQL JSON, graphs as N-Triples)."""
        response = self.request(
            "POST",
            self.query_url,
            what="SPARQL query",
            data={"query": sparql},
            headers={"Accept": f"{_SPARQL_JSON}, {_NTRIPLES};q=0.9, text/plain;q=0.5"},
            auth=False,
        )
        return _parse_result(response, self.query_url)

    def update(self, sparql: str, *, what: str = "SPARQL update") -> None:
        """Run a SPARQL update (form-encoded, the most widely accepted form)."""
        self.request("POST", self.update_url, what=what, data={"update": sparql})

    def hashes(self) -> Iterator[tuple[str, str]]:
        """Every ``(graph, hash)`` the server records, page by page, completed by the resume file."""
        found: dict[str, str] = {}
        offset = 0
        while True:
            page = self.query(hashes_query(self.page_size, offset))
            for g, h in page.rows:
                if g is not None and h is not None and g.startswith("<"):
                    found[g[1:-1]] = _literal_value(h)
            if len(page.rows) < self.page_size:
                break
            offset += self.page_size
        if self._resume is not None:
            for g, h in self._resume.entries().items():
                if found.get(g) != h:
                    found[g] = h
                    self._pending.append((g, h))
        yield from found.items()

    def triples(self, graph: str) -> list[Triple] | None:
        """The triples of one graph, fetched with the Graph Store Protocol (``None`` if absent)."""
        response = self.request(
            "GET",
            self.gsp_url,
            what="graph store read",
            params={"graph": graph},
            headers={"Accept": _NTRIPLES},
            auth=self.auth is not None,
            ok=(404,),
        )
        if response.status_code == 404:
            return None
        quads = ox.parse(response.content, ox.RdfFormat.N_TRIPLES)
        found = triples_of(ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph)) for q in quads)
        return found or None

    # -- writes ---------------------------------------------------------------------------------
    def put(self, batch: Sequence[Entry]) -> Sequence[RecordError]:
        """PUT each graph, then record the batch's hashes in one update."""
        self._flush_pending()
        refused: list[RecordError] = []
        written: list[Entry] = []
        for entry in batch:
            body = _ntriples(entry)
            try:
                self.request(
                    "PUT",
                    self.gsp_url,
                    what=f"graph store write of {entry.record}",
                    params={"graph": entry.name},
                    data=body,
                    headers={"Content-Type": f"{_NTRIPLES}; charset=utf-8"},
                )
            except _TooLarge as exc:
                refused.append(_refusal(entry, len(body), str(exc)))
                continue
            written.append(entry)
            if self._resume is not None:
                self._resume.record([entry], sync=False)
        if written:
            self._record_hashes([(e.name, e.hash) for e in written])
            if self._resume is not None:
                self._resume.sync()
        return refused

    def _record_hashes(self, pairs: Sequence[tuple[str, str]]) -> None:
        for start in range(0, len(pairs), 1000):
            self.update(hashes_update(pairs[start : start + 1000]), what="recording content hashes")

    def _flush_pending(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
        if pending:
            self._record_hashes(pending)

    def delete(self, graphs: Sequence[str]) -> None:
        """Drop notice graphs and their hashes in one update."""
        if graphs:
            self.update(delete_update(graphs), what="removing notice graphs")

    def flush(self) -> None:
        """Record pending hashes; the load is complete, so the resume file is removed."""
        self._flush_pending()
        if self._resume is not None:
            self._resume.clear()

    def close(self) -> None:
        """Close the HTTP sessions."""
        self.session.close()
        for session in self._sessions:
            session.close()


class GraphStoreServer(RemoteStore):
    """Any SPARQL 1.1 server (kind ``gsp``): PUT per graph; one URL for every service by default."""


class OxigraphServer(RemoteStore):
    """``oxigraph serve`` (kind ``oxigraph``): N-Quads batches to ``/store``, updates to ``/update``."""

    kind = StoreKind.OXIGRAPH
    batch_form = True

    def _urls(self, base: str) -> tuple[str, str, str]:
        root = base.rstrip("/")
        return f"{root}/query", f"{root}/update", f"{root}/store"

    def put(self, batch: Sequence[Entry]) -> Sequence[RecordError]:
        """New graphs: one N-Quads POST; changed graphs: one SPARQL Update; split on 413."""
        self._flush_pending()
        fresh = [e for e in batch if e.new]
        if fresh:
            # a graph the store has without a hash (written by someone else) must be replaced
            present = self.query(existing_query(e.name for e in fresh)).values("g")
            names = {v[1:-1] for v in present if v}
            if names:
                fresh = [e for e in fresh if e.name not in names]
        fresh_ids = {id(e) for e in fresh}
        changed = [e for e in batch if id(e) not in fresh_ids]
        refused: list[RecordError] = []
        if fresh:
            refused += self._send(fresh, self._post_nquads)
        if changed:
            refused += self._send(changed, self._post_update)
        return refused

    def _post_nquads(self, batch: Sequence[Entry]) -> int:
        body = quads_nquads(batch)
        return self._post(batch, body, self.gsp_url, "N-Quads batch load", "application/n-quads")

    def _post_update(self, batch: Sequence[Entry]) -> int:
        body = replace_update(batch).encode("utf-8")
        return self._post(
            batch, body, self.update_url, "replacing changed graphs", "application/sparql-update"
        )

    def _post(self, batch: Sequence[Entry], body: bytes, url: str, what: str, media_type: str) -> int:
        """POST one batch's body (a batch over ``max_bytes`` is split by the caller)."""
        if len(body) > self.max_bytes and len(batch) > 1:
            raise _TooLarge(f"{len(body)} bytes > max_bytes")
        self.request(
            "POST", url, what=what, data=body, headers={"Content-Type": f"{media_type}; charset=utf-8"}
        )
        return len(body)

    def _send(self, batch: Sequence[Entry], send: Callable[[Sequence[Entry]], int]) -> list[RecordError]:
        """Send a batch; a "too large" answer splits it in two (a single notice is refused)."""
        stack: list[Sequence[Entry]] = [batch]
        refused: list[RecordError] = []
        while stack:
            part = stack.pop()
            try:
                send(part)
            except _TooLarge as exc:
                if len(part) == 1:
                    refused.append(_refusal(part[0], len(quads_nquads(part)), str(exc)))
                    continue
                middle = len(part) // 2
                stack.append(part[middle:])
                stack.append(part[:middle])
                continue
            if self._resume is not None:
                self._resume.record(part)
        return refused


class VirtuosoServer(RemoteStore):
    """Virtuoso (kind ``virtuoso``): digest auth on ``/sparql-graph-crud-auth`` and ``/sparql-auth``."""

    kind = StoreKind.VIRTUOSO
    default_user = "dba"
    default_digest = True

    def _urls(self, base: str) -> tuple[str, str, str]:
        root = base.rstrip("/")
        return f"{root}/sparql", f"{root}/sparql-auth", f"{root}/sparql-graph-crud-auth"


_SERVERS: dict[StoreKind, type[RemoteStore]] = {
    StoreKind.OXIGRAPH: OxigraphServer,
    StoreKind.VIRTUOSO: VirtuosoServer,
    StoreKind.GSP: GraphStoreServer,
}


def open_remote(kind: StoreKind, options: RemoteOptions) -> RemoteStore:
    """Connect to a server of ``kind`` (not the embedded store) with ``options``."""
    server = _SERVERS.get(kind)
    if server is None:
        raise StoreError(f"{kind.value} is not a server; open it with notice_ld.stores.open_store")
    return server(
        options.endpoint,
        query_url=options.query_url,
        update_url=options.update_url,
        gsp_url=options.gsp_url,
        user=options.user,
        password=options.password,
        digest=options.digest,
        timeout=options.timeout,
        retries=options.retries,
        backoff=options.backoff,
        max_backoff=options.max_backoff,
        max_wait=options.max_wait,
        max_bytes=options.max_bytes,
        page_size=options.page_size,
        resume=options.resume,
        session=options.session,
        rng=options.rng,
        sleep=options.sleep or time.sleep,
        probe=options.probe,
    )


def _ntriples(entry: Entry) -> bytes:
    return entry.nt().encode("utf-8")


def _refusal(entry: Entry, size: int, detail: str) -> RecordError:
    return RecordError(
        record=str(entry.record),
        problem=f"the server refused this notice as too large ({size} bytes, {entry.size} triples): "
        f"{detail[:120]}",
        fix="raise the server's request size limit, or shorten the record (e.g. its abstracts)",
    )


def _literal_value(term: str) -> str:
    """The lexical value of an N-Triples literal written by :func:`_term_text`."""
    return str(ox.parse(f"<x:s> <x:p> {term} .", ox.RdfFormat.N_TRIPLES).__next__().object.value)


def _term_text(binding: dict[str, Any]) -> str:
    kind = binding.get("type")
    value = str(binding.get("value", ""))
    if kind == "uri":
        return str(ox.NamedNode(value))
    if kind == "bnode":
        return f"_:{value}"
    language = binding.get("xml:lang")
    if language:
        return str(ox.Literal(value, language=str(language)))
    datatype = binding.get("datatype")
    if datatype:
        return str(ox.Literal(value, datatype=ox.NamedNode(str(datatype))))
    return str(ox.Literal(value))


def _parse_result(response: requests.Response, url: str) -> QueryResult:
    media = response.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if media in (_SPARQL_JSON, "application/json"):
        try:
            data = response.json()
        except ValueError:
            data = None
        if isinstance(data, dict) and "boolean" in data:
            return QueryResult("ask", boolean=bool(data["boolean"]))
        if isinstance(data, dict) and isinstance(data.get("head"), dict) and "results" in data:
            variables = tuple(str(v) for v in data["head"].get("vars", []))
            if variables == ("__ASK_RETVAL",):  # Virtuoso answers ASK as a one-cell table
                cells = [b.get("__ASK_RETVAL", {}).get("value") for b in data["results"].get("bindings", [])]
                return QueryResult("ask", boolean=bool(cells) and cells[0] not in ("0", "false"))
            rows = tuple(
                tuple(_term_text(b[v]) if v in b else None for v in variables)
                for b in data["results"].get("bindings", [])
            )
            return QueryResult("select", variables, rows)
    elif media in (_NTRIPLES, "text/plain", "text/turtle", "application/n-quads"):
        with contextlib.suppress(SyntaxError):
            triples = ox.parse(
                response.content, ox.RdfFormat.TURTLE if media == "text/turtle" else ox.RdfFormat.N_TRIPLES
            )
            return QueryResult(
                "graph", triples=tuple(f"{ox.Triple(t.subject, t.predicate, t.object)} ." for t in triples)
            )
    raise StoreResponseError(
        f"{url} answered, but not like a SPARQL endpoint (got {media or 'no content type'}: "
        f"{_excerpt(response)[:80]!r}); check --endpoint and --store-kind",
        url=url,
        status=response.status_code,
        body=_excerpt(response),
    )


class _ResumeLog:
    """A JSON Lines file: a header naming the store, then one ``{"g": graph, "h": hash}`` per write."""

    def __init__(self, path: Path, store: str) -> None:
        self.path = path
        self.store = store
        self._fh: Any = None
        self._entries: dict[str, str] | None = None
        self._lock = threading.Lock()

    def entries(self) -> dict[str, str]:
        if self._entries is None:
            self._entries = {}
            if self.path.exists():
                with self.path.open(encoding="utf-8") as fh:
                    for number, line in enumerate(fh, start=1):
                        if not line.strip():
                            continue
                        try:
                            item = json.loads(line)
                        except json.JSONDecodeError:
                            continue  # a line cut by a crash: that write is simply redone
                        if number == 1:
                            if item.get("store") != self.store:
                                raise StoreError(
                                    f"the resume file {self.path} belongs to another store "
                                    f"({item.get('store')!r}); remove it or choose another --resume file"
                                )
                            continue
                        if isinstance(item, dict) and isinstance(item.get("g"), str):
                            self._entries[item["g"]] = str(item.get("h"))
        return self._entries

    def record(self, entries: Sequence[Entry], *, sync: bool = True) -> None:
        with self._lock:
            self._record(entries, sync=sync)

    def _record(self, entries: Sequence[Entry], *, sync: bool) -> None:
        if self._fh is None:
            fresh = not self.path.exists() or self.path.stat().st_size == 0
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")
            if fresh:
                self._fh.write(json.dumps({"notice_ld_resume": 1, "store": self.store}) + "\n")
        for entry in entries:
            self._fh.write(json.dumps({"g": entry.name, "h": entry.hash}) + "\n")
        self._fh.flush()
        if sync and self._fh is not None:
            os.fsync(self._fh.fileno())

    def sync(self) -> None:
        with self._lock:
            if self._fh is not None:
                os.fsync(self._fh.fileno())

    def clear(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._entries = {}
