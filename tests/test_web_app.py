"""``notice-ld serve`` over real HTTP on 127.0.0.1: negotiation, ETags, errors, a store behind it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import requests
from rdflib.compare import isomorphic

from notice_ld.formats import Format
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.web.app import MemorySource, NoticeApp, call
from notice_ld.writers import serialize
from tests.conftest import EXAMPLES
from tests.webtools import ServeProcess, dom

SEED = "/notice/handle/10670/1.jt89mr"
RDF = {
    "text/turtle": ("turtle", ox.RdfFormat.TURTLE),
    "application/ld+json": ("json-ld", ox.RdfFormat.JSON_LD),
    "application/n-triples": ("nt", ox.RdfFormat.N_TRIPLES),
    "application/rdf+xml": ("xml", ox.RdfFormat.RDF_XML),
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    process = ServeProcess("--input", str(EXAMPLES))
    try:
        yield process.url
    finally:
        process.stop()


def expected_graph(notice: Notice) -> rdflib.Graph:
    return rdflib.Graph().parse(data=serialize([notice], Format.N_TRIPLES).decode(), format="nt")


@pytest.mark.parametrize("media_type", list(RDF))
def test_rdf_by_negotiation_parsed_by_rdflib_and_pyoxigraph(
    server: str, seed: Notice, media_type: str
) -> None:
    response = requests.get(server + SEED, headers={"Accept": media_type}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == f"{media_type}; charset=utf-8"
    assert response.headers["Vary"] == "Accept"
    rdflib_name, ox_format = RDF[media_type]
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_name, publicID=server + SEED)
    assert isomorphic(graph, expected_graph(seed))
    triples = list(ox.parse(response.content, ox_format))
    assert len(triples) == len(graph)


def test_browsers_get_the_page(server: str, seed: Notice) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    response = requests.get(server + SEED, headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src" not in response.headers["Content-Security-Policy"]  # default-src 'none' covers it
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    scripts = [e for e in dom(response.text) if e.tag == "script"]
    assert json.loads("".join(scripts[0].text))["@id"] == "https://hdl.handle.net/10670/1.jt89mr"


def test_q_values_and_format_override(server: str) -> None:
    accept = "text/html;q=0.2, text/turtle;q=0.5, application/ld+json;q=0.9"
    assert (
        requests.get(server + SEED, headers={"Accept": accept}, timeout=10)
        .headers["Content-Type"]
        .startswith("application/ld+json")
    )
    response = requests.get(server + SEED + "?format=ris", headers={"Accept": "text/html"}, timeout=10)
    assert response.headers["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response.text.startswith("TY  - ")
    response = requests.get(server + SEED, params={"format": "bibtex"}, timeout=10)
    assert response.text.startswith("@article{")


def test_not_acceptable_not_found_bad_identifier(server: str) -> None:
    response = requests.get(server + SEED, headers={"Accept": "image/png"}, timeout=10)
    assert response.status_code == 406 and "text/turtle" in response.text
    assert response.headers["Vary"] == "Accept"
    assert requests.get(server + "/notice/handle/10670/1.zzzzzz", timeout=10).status_code == 404
    bad = requests.get(server + "/notice/orcid/0000-0002-1825-0098", timeout=10)
    assert bad.status_code == 400 and "check" in bad.text.lower()
    assert requests.get(server + "/notice/nonsense/x", timeout=10).status_code == 400
    assert requests.get(server + SEED + "?format=docx", timeout=10).status_code == 400
    assert requests.get(server + "/elsewhere", timeout=10).status_code == 404
    assert requests.post(server + SEED, timeout=10).status_code == 405


def test_plain_json_clients_get_json_ld(server: str) -> None:
    response = requests.get(server + SEED, headers={"Accept": "application/json"}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/ld+json")
    assert "@context" in response.json()


def test_etag_and_not_modified(server: str) -> None:
    first = requests.get(server + SEED, headers={"Accept": "text/turtle"}, timeout=10)
    etag = first.headers["ETag"]
    again = requests.get(server + SEED, headers={"Accept": "text/turtle", "If-None-Match": etag}, timeout=10)
    assert again.status_code == 304 and again.content == b"" and again.headers["ETag"] == etag
    other = requests.get(server + SEED, headers={"Accept": "application/n-triples"}, timeout=10)
    assert other.headers["ETag"] != etag  # one tag per representation
    stale = requests.get(
        server + SEED, headers={"Accept": "text/turtle", "If-None-Match": '"nope"'}, timeout=10
    )
    assert stale.status_code == 200 and stale.content == first.content
    head = requests.head(server + SEED, headers={"Accept": "text/turtle"}, timeout=10)
    assert head.status_code == 200 and head.content == b"" and head.headers["ETag"] == etag


def test_etag_follows_the_content_hash(seed: Notice) -> None:
    from notice_ld.stores import content_hash

    app = NoticeApp(MemorySource([seed]))
    _, headers, _ = call(app, SEED, accept="application/n-triples")
    assert headers["ETag"] == f'"{content_hash(map_notice(seed))[7:39]}-ntriples"'
    changed = seed.model_copy(update={"issued": "2020"})
    _, headers2, _ = call(NoticeApp(MemorySource([changed])), SEED, accept="application/n-triples")
    assert headers2["ETag"] != headers["ETag"]


def test_every_example_is_served_with_related_links(server: str, example_notices: list[Notice]) -> None:
    from notice_ld.web.paths import notice_path

    related = 0
    for notice in example_notices:
        response = requests.get(f"{server}/{notice_path(notice.id)}", timeout=10)
        assert response.status_code == 200, notice.id
        for element in dom(response.text):
            href = element.attr("href")
            if element.tag == "a" and href and href.startswith("/notice/") and "?" not in href:
                related += 1
                assert requests.head(server + href, timeout=10).status_code == 200
    assert related > 20
    index = requests.get(server + "/", timeout=10)
    assert sum(1 for e in dom(index.text) if e.tag == "a") == len(example_notices)


@pytest.fixture(scope="module")
def store_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from notice_ld.cli import main

    folder = tmp_path_factory.mktemp("store")
    store = folder / "notice-ld-store"
    assert main(["load", str(EXAMPLES), "--store", str(store)]) == 0
    process = ServeProcess("--store", str(store), "--lang", "en")
    try:
        yield process.url
    finally:
        process.stop()


def test_serving_from_the_store(store_server: str, example_notices: list[Notice]) -> None:
    """The store's graph, and the store's related notices on the page."""
    wwotab = next(n for n in example_notices if n.id.value == "10670/1.wwotab")
    response = requests.get(
        store_server + "/notice/handle/10670/1.wwotab", headers={"Accept": "text/turtle"}, timeout=10
    )
    assert isomorphic(rdflib.Graph().parse(data=response.text, format="turtle"), expected_graph(wwotab))
    page = requests.get(store_server + "/notice/handle/10670/1.wwotab", timeout=10).text
    headings = ["".join(e.text) for e in dom(page) if e.tag == "h2"]
    assert "In the same disciplines" in headings
    assert requests.get(store_server + "/notice/handle/10670/1.zzzzzz", timeout=10).status_code == 404


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from notice_ld.cli import main

    assert main(["serve", "--store", str(tmp_path / "none")]) == 2
    assert "load notices first" in capsys.readouterr().err


def test_the_static_sites_file_urls_are_answered_the_same_way(tmp_path: Path) -> None:
    """Under ``serve``, ``/notice/handle/….ttl`` (every export file of ``site``) gives the file's bytes."""
    from notice_ld import cli

    site = tmp_path / "site"
    assert cli.main(["site", str(EXAMPLES), "-o", str(site), "--jobs", "1", "-q", "--no-related"]) == 0
    notices = [
        Notice.from_dict(json.loads(line)) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()
    ]
    app = NoticeApp(MemorySource(notices), lang="fr")
    checked = 0
    for path in sorted((site / "notice").rglob("*")):
        if not path.is_file() or path.suffix == ".html":
            continue
        status, headers, body = call(app, "/" + path.relative_to(site).as_posix())
        assert status == "200 OK", path
        assert body == path.read_bytes(), path
        assert "Vary" not in dict(headers)
        checked += 1
    assert checked >= 8 * len(notices)
