"""``notice-ld serve``: the paginated index, the VoID/DCAT description and the N-Triples dump.

Both sources are checked — notices held in memory and an embedded store built in ``tmp_path`` —
through the WSGI app in process, and once through a real server on 127.0.0.1.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
from notice_ld.writers import serialize
from tests.webtools import dom

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
HOSTILE = '</a><script>alert(1)</script><img src=x onerror="alert(2)"> & «titre»'


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
    dump = rdflib.URIRef(base + "dump/notices.nt")
    graphs = {}
    for name, app in (("memory", memory), ("store", stored)):
        graph = graphs[name] = void_graph(app)
        assert (dataset, rdflib.RDF.type, VOID.Dataset) in graph
        assert int(graph.value(dataset, VOID.triples)) == expected_triples(notices)
        assert int(graph.value(dataset, VOID.entities)) == len(notices)
        assert set(graph.objects(dataset, VOID.dataDump)) == {dump}
        vocabularies = {str(v) for v in graph.objects(dataset, VOID.vocabulary)}
        assert {
            "http://purl.org/dc/terms/",
            "http://schema.org/",
            "http://purl.org/ontology/bibo/",
        } <= vocabularies
        assert graph.value(dataset, VOID.sparqlEndpoint) is None
    # the memory source knows its dump's size; a store's is not measured
    size = int(next(graphs["memory"].objects(None, DCAT.byteSize)))
    assert size == len(call(memory, "/dump/notices.nt")[2])
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
        assert body.count(b"\n") == expected_triples(notices)  # each notice's block, in full


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
    server = make_app_server(app, "127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        page = requests.get(url + "/", params={"page": "2"}, timeout=10)
        assert page.status_code == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
        assert len(links(page.content)) == 10 and next_link(page.content) == "/?page=3"
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
        server.shutdown()
        server.server_close()
        thread.join(10)
