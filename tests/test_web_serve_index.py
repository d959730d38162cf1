"""``notice-ld serve``: the paginated index, the VoID/DCAT description and the N-Triples dump.

Both sources are checked — notices held in memory and an embedded store built in ``tmp_path`` —
through the WSGI app in process, and once through a real server on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
import rdflib
import requests
from rdflib.compare import isomorphic

from notice_ld.config import Config
from notice_ld.errors import StoreError
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.stores.embedded import EmbeddedStore
from notice_ld.stores.load import load
from notice_ld.stores.queries import listing
from notice_ld.web.app import (
    DatasetStats,
    IndexRow,
    MemorySource,
    NoticeApp,
    NoticeSource,
    StoreSource,
    call,
    make_app_server,
)
from notice_ld.web.paths import notice_path
from notice_ld.web.related import RelatedLink
from notice_ld.web.site import DUMPS
from notice_ld.writers import serialize
from tests.webtools import dom

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
HOSTILE = '</a><script>alert(1)</script><img src=x onerror="alert(2)"> & «titre»'
DUMP_PATHS = ("dump/notices.nt", *(path for path, _, _ in DUMPS))


def bilingual(suffix: str, fr: str, en: str) -> Notice:
    return Notice.from_dict(
        {
            "id": f"10670/1.{suffix}",
            "titles": [{"value": fr, "lang": "fr"}, {"value": en, "lang": "en"}],
            "creators": [{"family": "Jouet", "given": "Emmanuelle"}],
        }
    )


@pytest.fixture(scope="module")
def extra() -> list[Notice]:
    """Two bilingual notices and one whose title is an attack on the index page."""
    return [
        bilingual("aaaaaa", "Un titre", "A title"),
        bilingual("bbbbbb", "Deuxième titre", "Second title"),
        Notice.from_dict({"id": "10670/1.cccccc", "titles": [{"value": HOSTILE, "lang": "fr"}]}),
    ]


@pytest.fixture(scope="module")
def notices(example_notices: list[Notice], extra: list[Notice]) -> list[Notice]:
    return [*example_notices, *extra]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, notices: list[Notice]) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(tmp_path_factory.mktemp("serve-index") / "store")
    report = load(s, notices)
    assert report.counts()["added"] == len(notices)
    yield s
    s.close()


def links(body: bytes) -> list[tuple[str, str, str | None]]:
    """``(href, text, lang)`` of the notice links of an index page."""
    return [
        (e.attr("href") or "", "".join(e.text), e.attr("lang"))
        for e in dom(body.decode("utf-8"))
        if e.tag == "a" and e.attr("rel") != "next"
    ]


def next_link(body: bytes) -> str | None:
    return next((e.attr("href") for e in dom(body.decode("utf-8")) if e.attr("rel") == "next"), None)


def all_pages(app: NoticeApp) -> list[str]:
    """Follow the "next page" links from page 1; the hrefs of every row, in order."""
    hrefs: list[str] = []
    query = "page=1"
    while True:
        status, headers, body = call(app, "/", query=query)
        assert status == "200 OK" and headers["Content-Type"] == "text/html; charset=utf-8"
        assert headers["X-Content-Type-Options"] == "nosniff"
        hrefs += [href for href, _, _ in links(body)]
        following = next_link(body)
        if following is None:
            return hrefs
        assert following.startswith("/?")
        query = following[2:]


class Watched:
    """A source that records what the app asks of it."""

    def __init__(self, inner: NoticeSource) -> None:
        self.inner = inner
        self.asked: list[str] = []

    def get(self, identifier: Any) -> NoticeGraph | None:
        self.asked.append("get")
        return self.inner.get(identifier)

    def related(self, graph: NoticeGraph, by: str, limit: int) -> list[RelatedLink]:
        return self.inner.related(graph, by, limit)

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        self.asked.append("listing")
        return self.inner.listing(offset, limit)

    def stats(self) -> DatasetStats:
        self.asked.append("stats")
        return self.inner.stats()

    def graphs(self) -> Iterator[NoticeGraph]:
        self.asked.append("graphs")
        return self.inner.graphs()


# ---------------------------------------------------------------------------------------- index


def test_memory_index_pages_in_input_order(notices: list[Notice]) -> None:
    app = NoticeApp(MemorySource(notices), page_size=10)
    assert all_pages(app) == [f"/{notice_path(n.id)}" for n in notices]
    status, _, body = call(app, "/", query="page=3")
    assert status == "200 OK" and len(links(body)) == 9 and next_link(body) is None
    assert call(app, "/", query="page=4")[0] == "404 Not Found"
    assert call(app, "/index.html", query="page=2")[2] == call(app, "/", query="page=2")[2]


def test_store_index_pages_in_document_iri_order(store: EmbeddedStore, notices: list[Notice]) -> None:
    app = NoticeApp(StoreSource(store), page_size=7)
    by_iri = sorted(notices, key=lambda n: map_notice(n).iri)
    assert all_pages(app) == [f"/{notice_path(n.id)}" for n in by_iri]
    last = -(-len(notices) // 7)
    assert call(app, "/", query=f"page={last + 1}")[0] == "404 Not Found"
    # every link of the index leads to the notice's page
    for href in all_pages(NoticeApp(StoreSource(store), page_size=100))[:3]:
        assert call(app, href, accept="text/turtle")[0] == "200 OK"


def test_empty_sources_have_an_empty_first_page(tmp_path: Path) -> None:
    empty_store = EmbeddedStore(tmp_path / "empty")
    try:
        for source in (MemorySource([]), StoreSource(empty_store)):
            app = NoticeApp(source)
            status, _, body = call(app, "/")
            assert status == "200 OK" and links(body) == [] and next_link(body) is None
            assert call(app, "/", query="page=2")[0] == "404 Not Found"
    finally:
        empty_store.close()


def test_exactly_one_page_has_no_next_link(store: EmbeddedStore, notices: list[Notice]) -> None:
    for source in (MemorySource(notices), StoreSource(store)):
        app = NoticeApp(source, page_size=len(notices))
        status, _, body = call(app, "/")
        assert status == "200 OK" and len(links(body)) == len(notices) and next_link(body) is None
        assert call(app, "/", query="page=2")[0] == "404 Not Found"
        status, _, body = call(NoticeApp(source, page_size=len(notices) - 1), "/", query="page=2")
        assert status == "200 OK" and len(links(body)) == 1 and next_link(body) is None


@pytest.mark.parametrize(
    "page",
    [
        "0",
        "-1",
        "abc",
        "1.5",
        "",
        "01",
        "+1",
        " 1",
        "1 ",
        "\u0661",
        "1e3",
        "0x2",
        "1_0",
        "9999999999",
        "1%00",
        "1%0A",
        "2&page=x",
    ],
)
def test_a_malformed_page_is_refused_before_the_source_is_asked(store: EmbeddedStore, page: str) -> None:
    for inner in (MemorySource([]), StoreSource(store)):
        source = Watched(inner)
        status, headers, body = call(NoticeApp(source), "/", query=f"page={page}")
        assert status == "400 Bad Request" and body.startswith(b"page must be")
        assert headers["Content-Type"] == "text/plain; charset=utf-8"
        assert source.asked == []


def test_a_far_page_is_not_found(store: EmbeddedStore) -> None:
    assert call(NoticeApp(StoreSource(store)), "/", query="page=999999999")[0] == "404 Not Found"


@pytest.mark.parametrize(
    ("lang", "first", "second"), [("fr", "Un titre", "Deuxième titre"), ("en", "A title", "Second title")]
)
def test_titles_in_the_page_language(
    store: EmbeddedStore, extra: list[Notice], lang: str, first: str, second: str
) -> None:
    for source in (MemorySource(extra, lang=lang), StoreSource(store, lang=lang)):
        rows = {href: (text, tag) for href, text, tag in links(call(NoticeApp(source, lang=lang), "/")[2])}
        assert rows["/notice/handle/10670/1.aaaaaa"] == (first, lang)
        assert rows["/notice/handle/10670/1.bbbbbb"] == (second, lang)


def test_hostile_titles_are_escaped_in_the_index(store: EmbeddedStore, extra: list[Notice]) -> None:
    for source in (MemorySource(extra), StoreSource(store)):
        body = call(NoticeApp(source, page_size=1000), "/")[2]
        elements = dom(body.decode("utf-8"))
        assert not [e for e in elements if e.tag in ("script", "img")]
        assert not [e for e in elements if any(name.startswith("on") for name, _ in e.attrs)]
        assert ("/notice/handle/10670/1.cccccc", HOSTILE, "fr") in links(body)
        assert b"<script>" not in body


def test_the_listing_query_takes_only_numbers(store: EmbeddedStore) -> None:
    for bad in ({"offset": "0 } DROP ALL #"}, {"offset": -1}, {"limit": 0}, {"limit": True}, {"offset": 1.0}):
        with pytest.raises(StoreError):
            listing(store, **bad)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="dcterms or the schema profile"):
        listing(store, config=Config(profiles=["bibo"]))
    # the language is never put into the query: a hostile one just matches no title
    rows = listing(store, limit=200, lang='fr" } DROP ALL #')
    assert [r.iri for r in rows] == sorted(r.iri for r in rows)


# ----------------------------------------------------------------------------------------- VoID


def expected_triples(notices: list[Notice]) -> int:
    return sum(len(map_notice(n).triples) for n in notices)


def void_graph(app: NoticeApp, path: str = "/void.ttl", accept: str | None = None) -> rdflib.Graph:
    status, headers, body = call(app, path, accept=accept)
    assert status == "200 OK", body
    assert headers["X-Content-Type-Options"] == "nosniff"
    media = headers["Content-Type"]
    assert media in ("text/turtle; charset=utf-8", "application/n-triples; charset=utf-8")
    return rdflib.Graph().parse(data=body, format="turtle" if media.startswith("text/turtle") else "nt")


def test_void_from_memory_and_from_the_store(store: EmbeddedStore, notices: list[Notice]) -> None:
    base = "https://data.example.org/"
    memory = NoticeApp(MemorySource(notices), base_url=base)
    stored = NoticeApp(StoreSource(store), base_url=base)
    dataset = rdflib.URIRef(base + "void.ttl#dataset")
    dumps = {rdflib.URIRef(base + path) for path in DUMP_PATHS}
    graphs = {}
    for name, app in (("memory", memory), ("store", stored)):
        graph = graphs[name] = void_graph(app)
        assert (dataset, rdflib.RDF.type, VOID.Dataset) in graph
        assert int(graph.value(dataset, VOID.triples)) == expected_triples(notices)
        assert int(graph.value(dataset, VOID.entities)) == len(notices)
        assert set(graph.objects(dataset, VOID.dataDump)) == dumps
        # one distribution per dump, each with its own download URL
        distributions = set(graph.objects(dataset, DCAT.distribution))
        assert {graph.value(d, DCAT.downloadURL) for d in distributions} == dumps
        vocabularies = {str(v) for v in graph.objects(dataset, VOID.vocabulary)}
        assert {
            "http://purl.org/dc/terms/",
            "http://schema.org/",
            "http://purl.org/ontology/bibo/",
        } <= vocabularies
        assert graph.value(dataset, VOID.sparqlEndpoint) is None
    # the memory source knows its dumps' sizes; a store's are not measured
    for distribution in graphs["memory"].objects(dataset, DCAT.distribution):
        url = str(graphs["memory"].value(distribution, DCAT.downloadURL))
        size = int(graphs["memory"].value(distribution, DCAT.byteSize))
        assert size == len(call(memory, "/" + url.removeprefix(base))[2])
    assert next(graphs["store"].objects(None, DCAT.byteSize), None) is None
    assert str(graphs["memory"].value(dataset, VOID.exampleResource)) == map_notice(notices[0]).iri
    first = min(map_notice(n).iri for n in notices)
    assert str(graphs["store"].value(dataset, VOID.exampleResource)) == first


def test_void_is_negotiated_at_the_well_known_address(notices: list[Notice]) -> None:
    app = NoticeApp(MemorySource(notices[:2]), sparql_endpoint="https://data.example.org/sparql")
    turtle = void_graph(app, "/.well-known/void")
    _, headers, _ = call(app, "/.well-known/void", accept="application/n-triples")
    assert headers["Content-Type"] == "application/n-triples; charset=utf-8" and headers["Vary"] == "Accept"
    assert isomorphic(turtle, void_graph(app, "/.well-known/void", accept="application/n-triples"))
    assert isomorphic(turtle, void_graph(app, "/void.nt"))
    assert "Vary" not in call(app, "/void.ttl", accept="application/n-triples")[1]
    assert call(app, "/.well-known/void", accept="image/png")[0] == "406 Not Acceptable"
    assert (None, VOID.sparqlEndpoint, rdflib.URIRef("https://data.example.org/sparql")) in turtle
    # without base_url, the base comes from the request's host (a bad Host header is not used)
    assert (rdflib.URIRef("http://127.0.0.1/void.ttl#dataset"), None, None) in turtle
    _, headers, _ = call(app, "/void.ttl")
    assert call(app, "/void.ttl", if_none_match=headers["ETag"])[0] == "304 Not Modified"


@pytest.mark.parametrize(
    ("host", "base"),
    [
        ("data.example.org:8080", "http://data.example.org:8080/"),
        ("[::1]:8080", "http://[::1]:8080/"),
        ("evil.example/> <x:a> <x:b", "http://127.0.0.1:8080/"),
        ("evil.example\n", "http://127.0.0.1:8080/"),
        ("", "http://127.0.0.1:8080/"),
    ],
)
def test_void_base_from_the_host_header(notices: list[Notice], host: str, base: str) -> None:
    app = NoticeApp(MemorySource(notices[:1]))
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/void.nt",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8080",
        "HTTP_HOST": host,
    }
    seen: list[str] = []
    body = b"".join(app(environ, lambda status, headers, exc_info=None: seen.append(status)))
    assert seen == ["200 OK"]
    datasets = {t.subject.value for t in ox_set(body) if t.subject.value.endswith("#dataset")}
    assert datasets == {f"{base}void.ttl#dataset"}


def test_void_numbers_are_cached(notices: list[Notice]) -> None:
    source = Watched(MemorySource(notices[:3]))
    app = NoticeApp(source)
    for path in ("/void.ttl", "/void.nt", "/.well-known/void", "/void.ttl"):
        assert call(app, path)[0] == "200 OK"
    assert source.asked == ["stats"]
    fresh = Watched(MemorySource(notices[:3]))
    uncached = NoticeApp(fresh, cache_seconds=0)
    call(uncached, "/void.ttl")
    call(uncached, "/void.ttl")
    assert fresh.asked == ["stats", "stats"]


# ----------------------------------------------------------------------------------------- dump


def ox_set(data: bytes) -> set[ox.Triple]:
    return set(ox.parse(data, ox.RdfFormat.N_TRIPLES))


def test_the_dump_is_the_union_of_the_notice_graphs(store: EmbeddedStore, notices: list[Notice]) -> None:
    union = ox_set(serialize(notices, Format.N_TRIPLES) or b"")
    stored = set()
    for name, _ in store.hashes():
        for s, p, o in store.triples(name) or ():
            stored.add((s, p, o))
    assert len(union) == len(stored)
    for source in (MemorySource(notices), StoreSource(store, page_size=4)):
        status, headers, body = call(NoticeApp(source), "/dump/notices.nt")
        assert status == "200 OK"
        assert headers["Content-Type"] == "application/n-triples; charset=utf-8"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert ox_set(body) == union
        assert body.count(b"\n") == len(union) < expected_triples(notices)  # a set: each triple once


def test_head_of_the_dump_streams_nothing(store: EmbeddedStore) -> None:
    source = Watched(StoreSource(store))
    status, headers, body = call(NoticeApp(source), "/dump/notices.nt", method="HEAD")
    assert status == "200 OK" and body == b"" and headers["Content-Type"].startswith("application/n-triples")
    assert source.asked == []


def test_the_dump_is_streamed_a_notice_at_a_time(store: EmbeddedStore) -> None:
    source = Watched(StoreSource(store))
    app = NoticeApp(source)
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/dump/notices.nt", "QUERY_STRING": ""}
    chunks = app(environ, lambda status, headers, exc_info=None: None)
    assert source.asked == []  # nothing read until the server asks for the body
    first = next(iter(chunks))
    assert source.asked == ["graphs"] and first.endswith(b" .\n")


# ------------------------------------------------------------------------------- a real server


def test_through_a_real_server(store: EmbeddedStore, notices: list[Notice]) -> None:
    app = NoticeApp(StoreSource(store, lang="en"), lang="en", page_size=10)
    by_iri = sorted(map_notice(n).iri for n in notices)
    server = make_app_server(app, "127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.port}"
    try:
        page = requests.get(url + "/", params={"page": "2"}, timeout=10)
        assert page.status_code == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
        rows = links(page.content)
        assert len(rows) == 10 and next_link(page.content) == "/?after=" + quote(by_iri[19], safe="")
        assert requests.get(url + "/", params={"page": "nope"}, timeout=10).status_code == 400
        assert requests.get(url + "/", params={"page": "99"}, timeout=10).status_code == 404
        void = requests.get(url + "/.well-known/void", headers={"Accept": "text/turtle"}, timeout=10)
        assert void.headers["Vary"] == "Accept"
        graph = rdflib.Graph().parse(data=void.content, format="turtle")
        dataset = rdflib.URIRef(url + "/void.ttl#dataset")
        assert int(graph.value(dataset, VOID.entities)) == len(notices)
        with requests.get(url + "/dump/notices.nt", stream=True, timeout=10) as dump:
            assert dump.headers["Content-Type"] == "application/n-triples; charset=utf-8"
            assert "Content-Length" not in dump.headers
            data = b"".join(dump.iter_content(1 << 16))
        assert ox_set(data) == ox_set(serialize(notices, Format.N_TRIPLES) or b"")
        head = requests.head(url + "/dump/notices.nt", timeout=10)
        assert head.status_code == 200 and head.content == b""
        assert "Content-Length" not in head.headers  # unknown, as for GET (not 0)
    finally:
        server.close()
        thread.join(10)


# ---------------------------------------------------------- every dump of the static site, served

OX_FORMATS = {
    "dump/notices.nt": ox.RdfFormat.N_TRIPLES,
    "dump/notices.ttl": ox.RdfFormat.TURTLE,
    "dump/notices.nt.gz": ox.RdfFormat.N_TRIPLES,
    "dump/notices.jsonld": ox.RdfFormat.JSON_LD,
}
DUMP_FORMATS = {
    "dump/notices.nt": Format.N_TRIPLES,
    "dump/notices.ttl": Format.TURTLE,
    "dump/notices.nt.gz": Format.N_TRIPLES,
    "dump/notices.jsonld": Format.JSON_LD,
}
CONTENT_TYPES = {
    "dump/notices.nt": "application/n-triples; charset=utf-8",
    "dump/notices.ttl": "text/turtle; charset=utf-8",
    "dump/notices.nt.gz": "application/gzip",
    "dump/notices.jsonld": "application/ld+json; charset=utf-8",
}


def test_the_server_offers_every_dump_of_the_static_site() -> None:
    assert set(DUMP_PATHS) == set(OX_FORMATS)  # a new dump of the site needs a line here


def plain(path: str, body: bytes) -> bytes:
    """The dump's document: the gzipped one decompressed (its header checked first)."""
    if not path.endswith(".gz"):
        return body
    # magic, deflate, no flags (no file name), mtime 0
    assert body[:4] == b"\x1f\x8b\x08\x00" and body[4:8] == b"\x00\x00\x00\x00"
    return gzip.decompress(body)


@pytest.mark.parametrize("path", DUMP_PATHS)
def test_memory_dumps_are_what_convert_writes(notices: list[Notice], path: str) -> None:
    status, headers, body = call(NoticeApp(MemorySource(notices)), "/" + path)
    assert status == "200 OK" and headers["Content-Type"] == CONTENT_TYPES[path]
    assert headers["X-Content-Type-Options"] == "nosniff" and "Content-Length" not in headers
    assert plain(path, body) == serialize(notices, DUMP_FORMATS[path])


def test_memory_dumps_are_the_static_sites_byte_for_byte(tmp_path: Path, notices: list[Notice]) -> None:
    from notice_ld.web.site import build_site

    site = tmp_path / "site"
    build_site(lambda: notices, site, related=False, formats=[Format.TURTLE])
    app = NoticeApp(MemorySource(notices))
    for path, _, _ in DUMPS:
        assert call(app, "/" + path)[2] == (site / path).read_bytes(), path


@pytest.mark.parametrize("path", DUMP_PATHS)
def test_empty_dumps_are_empty_documents(tmp_path: Path, path: str) -> None:
    empty_store = EmbeddedStore(tmp_path / "empty")
    try:
        for source in (MemorySource([]), StoreSource(empty_store)):
            status, _, body = call(NoticeApp(source), "/" + path)
            assert status == "200 OK" and plain(path, body) == serialize([], DUMP_FORMATS[path])
    finally:
        empty_store.close()


@pytest.mark.parametrize("path", DUMP_PATHS)
def test_store_dumps_hold_the_notice_graphs(store: EmbeddedStore, notices: list[Notice], path: str) -> None:
    union = ox_set(serialize(notices, Format.N_TRIPLES) or b"")
    status, headers, body = call(NoticeApp(StoreSource(store, page_size=4)), "/" + path)
    assert status == "200 OK" and headers["Content-Type"] == CONTENT_TYPES[path]
    assert set(ox.parse(plain(path, body), OX_FORMATS[path])) == union


@pytest.mark.parametrize("path", DUMP_PATHS)
def test_every_dump_streams_and_head_reads_nothing(store: EmbeddedStore, path: str) -> None:
    source = Watched(StoreSource(store))
    app = NoticeApp(source)
    status, headers, body = call(app, "/" + path, method="HEAD")
    assert status == "200 OK" and body == b"" and headers["Content-Type"] == CONTENT_TYPES[path]
    assert source.asked == []
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/" + path, "QUERY_STRING": ""}
    chunks = app(environ, lambda status, headers, exc_info=None: None)
    assert source.asked == []  # nothing read until the server asks for the body
    next(iter(chunks))
    assert source.asked == ["graphs"]


def test_the_gzipped_dump_is_compressed_as_it_goes() -> None:
    # titles that do not compress away: some 200 KiB of gzip
    many = [
        Notice.from_dict({"id": f"10670/1.{i:06d}", "titles": [{"value": noise(i), "lang": "fr"}]})
        for i in range(600)
    ]
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/dump/notices.nt.gz", "QUERY_STRING": ""}
    chunks = list(NoticeApp(MemorySource(many))(environ, lambda status, headers, exc_info=None: None))
    assert len(chunks) > 1  # sent while it is written, not once at the end
    assert gzip.decompress(b"".join(chunks)) == serialize(many, Format.N_TRIPLES)


def noise(i: int) -> str:
    return "".join(hashlib.sha256(f"{i}:{j}".encode()).hexdigest() for j in range(4))


def test_unknown_dumps_are_not_found(notices: list[Notice]) -> None:
    app = NoticeApp(MemorySource(notices[:1]))
    for path in ("/dump/", "/dump/notices.rdf", "/dump/notices.nq", "/dump/../void.ttl"):
        assert call(app, path)[0] == "404 Not Found"


def test_the_index_head_links_every_dump(notices: list[Notice]) -> None:
    body = call(NoticeApp(MemorySource(notices[:2])), "/")[2]
    alternates = {
        e.attr("href"): e.attr("type")
        for e in dom(body.decode("utf-8"))
        if e.tag == "link" and e.attr("rel") == "alternate"
    }
    assert alternates == {
        "/void.ttl": "text/turtle",
        **{"/" + path: CONTENT_TYPES[path].split(";")[0] for path in DUMP_PATHS},
    }


# ------------------------------------------------------------------ keyset pagination (?after=)


class RecordingStore:
    """A store that records the SPARQL queries it is asked."""

    def __init__(self, inner: EmbeddedStore) -> None:
        self.inner = inner
        self.queries: list[str] = []

    def query(self, sparql: str) -> Any:
        self.queries.append(sparql)
        return self.inner.query(sparql)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def walk(app: NoticeApp) -> tuple[list[str], list[str]]:
    """Follow the "next page" links from ``/``: the hrefs of every row and the queries followed."""
    hrefs: list[str] = []
    followed: list[str] = []
    query = ""
    while True:
        status, _, body = call(app, "/", query=query)
        assert status == "200 OK", (query, body)
        hrefs += [href for href, _, _ in links(body)]
        following = next_link(body)
        if following is None:
            return hrefs, followed
        assert following.startswith("/?after=")
        query = following[2:]
        followed.append(query)


@pytest.mark.parametrize("size", [1, 2, 7, 100])
def test_walking_after_visits_every_notice_once(
    store: EmbeddedStore, notices: list[Notice], size: int
) -> None:
    by_iri = sorted(notices, key=lambda n: map_notice(n).iri)
    # a store: document IRI order; files: input order (the index's order, as the static site's)
    for source, expected in ((StoreSource(store), by_iri), (MemorySource(notices), notices)):
        hrefs, followed = walk(NoticeApp(source, page_size=size))
        assert hrefs == [f"/{notice_path(n.id)}" for n in expected]
        assert len(followed) == -(-len(notices) // size) - 1
        # each link names the last notice of its page, percent-encoded
        lasts = [map_notice(expected[(i + 1) * size - 1]).iri for i in range(len(followed))]
        assert followed == ["after=" + quote(iri, safe="") for iri in lasts]


def test_after_gives_the_same_pages_as_page(store: EmbeddedStore, notices: list[Notice]) -> None:
    for source in (StoreSource(store), MemorySource(notices)):
        app = NoticeApp(source, page_size=7)
        query: str | None = ""
        page = 0
        while query is not None:
            page += 1
            status, _, body = call(app, "/", query=query)
            assert status == "200 OK" and links(body) == links(call(app, "/", query=f"page={page}")[2])
            following = next_link(body)
            query = None if following is None else following[2:]
        assert page == -(-len(notices) // 7)


def test_the_store_filters_on_after(store: EmbeddedStore, notices: list[Notice]) -> None:
    recording = RecordingStore(store)
    app = NoticeApp(StoreSource(recording), page_size=5)  # type: ignore[arg-type]
    iris = sorted(map_notice(n).iri for n in notices)
    status, _, body = call(app, "/", query="after=" + quote(iris[9], safe=""))
    assert status == "200 OK"
    assert [href for href, _, _ in links(body)] == [
        f"/{notice_path(n.id)}" for n in sorted(notices, key=lambda n: map_notice(n).iri)[10:15]
    ]
    (sparql,) = recording.queries
    assert f'FILTER(STR(?doc) > "{iris[9]}")' in sparql and "OFFSET 0" in sparql
    # any IRI places a store's walk: one that is no notice's, between two
    between = iris[3] + "0"
    rows = links(call(app, "/", query="after=" + quote(between, safe=""))[2])
    assert rows and rows[0][0] == "/" + notice_path(
        next(n.id for n in notices if map_notice(n).iri == min(i for i in iris if i > between))
    )


def test_after_past_the_end_is_not_found(store: EmbeddedStore, notices: list[Notice]) -> None:
    by_iri, by_input = max(map_notice(n).iri for n in notices), map_notice(notices[-1]).iri
    for source, last in ((StoreSource(store), by_iri), (MemorySource(notices), by_input)):
        app = NoticeApp(source)
        status, headers, body = call(app, "/", query="after=" + quote(last, safe=""))
        assert status == "404 Not Found" and headers["Content-Type"] == "text/plain; charset=utf-8"
    # the input order cannot place an IRI that is no notice's
    status, _, body = call(NoticeApp(MemorySource(notices)), "/", query="after=https://example.org/x")
    assert status == "404 Not Found" and b"https://example.org/x" not in body
    assert call(NoticeApp(StoreSource(store)), "/", query="after=urn:zzz")[0] == "404 Not Found"


HOSTILE_AFTER = [
    ">",
    '"',
    "\n",
    "",
    "javascript:",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://example.org/>",
    'https://example.org/" } DROP ALL #',
    "https://example.org/\n",
    "https://example.org/a b",
    "https://example.org/\x00",
    'urn:x"} ; DROP ALL ; #',
    "x" * 10_000,
    "https://example.org/" + "a" * 10_000,
    "urn:" + "a" * 10_000,
    "//example.org/relative",
    "notice/handle/10670/1.jt89mr",
]


@pytest.mark.parametrize("value", HOSTILE_AFTER)
def test_a_hostile_after_is_refused_before_the_store_is_asked(store: EmbeddedStore, value: str) -> None:
    recording = RecordingStore(store)
    for inner in (MemorySource([]), StoreSource(recording)):  # type: ignore[arg-type]
        source = Watched(inner)
        status, headers, body = call(NoticeApp(source), "/", query=urlencode({"after": value}))
        assert status == "400 Bad Request" and body.startswith(b"after must be")
        assert headers["Content-Type"] == "text/plain; charset=utf-8"
        assert source.asked == []
    assert recording.queries == []


def test_page_and_after_together_are_refused(store: EmbeddedStore) -> None:
    source = Watched(StoreSource(store))
    query = "page=2&after=" + quote("https://hdl.handle.net/10670/1.aaaaaa", safe="")
    assert call(NoticeApp(source), "/", query=query)[0] == "400 Bad Request"
    assert source.asked == []


@pytest.mark.parametrize("value", ['x:" } DROP ALL #', "https://example.org/>", "a b", 3])
def test_the_listing_query_takes_only_an_iri_after(store: EmbeddedStore, value: Any) -> None:
    recording = RecordingStore(store)
    with pytest.raises(StoreError, match="after must be an IRI"):
        listing(recording, after=value)  # type: ignore[arg-type]
    assert recording.queries == []


# ------------------------------------------------------------------ failures of the store, idle clients


class DownStore(RecordingStore):
    """A store that has gone away: every query fails as a real one does (StoreError)."""

    def query(self, sparql: str) -> Any:
        raise StoreError("the SPARQL server at http://127.0.0.1:1/ refused the connection")

    def triples(self, graph: str) -> Any:
        raise StoreError("the SPARQL server at http://127.0.0.1:1/ refused the connection")


def test_a_store_that_fails_gives_503_not_a_traceback(store: EmbeddedStore, notices: list[Notice]) -> None:
    app = NoticeApp(StoreSource(DownStore(store)))  # type: ignore[arg-type]
    for path in ("/" + notice_path(notices[0].id), "/"):
        status, _, body = call(app, path)
        assert status == "503 Service Unavailable", path
        assert b"refused the connection" in body and b"Traceback" not in body


def test_a_silent_client_is_dropped(notices: list[Notice]) -> None:
    import socket

    server = make_app_server(NoticeApp(MemorySource(notices)), port=0, channel_timeout=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as client:
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            client.settimeout(10)
            assert client.recv(1) == b""  # the server closed the connection
    finally:
        server.close()
        thread.join(10)
