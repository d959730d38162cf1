"""The static site: pages, index, dumps, VoID/DCAT, sitemap — deterministic, complete, safe."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from notice_ld.cli import main
from notice_ld.errors import RecordError
from notice_ld.formats import Format
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.related import RelatedBy
from notice_ld.web.paths import notice_path
from notice_ld.web.related import InputRelated
from notice_ld.web.site import build_site
from notice_ld.writers import serialize
from tests.conftest import EXAMPLES, ROOT
from tests.webtools import dom

BAD = ROOT / "examples" / "bad_notices.jsonl"
BASE = "https://example.org/base/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    assert main(["site", str(EXAMPLES), "-o", str(out), "--base-url", BASE, "-q"]) == 0
    return out


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_one_page_per_notice_and_every_export(site: Path, example_notices: list[Notice]) -> None:
    for notice in example_notices:
        base = site / notice_path(notice.id)
        page = (base.parent / (base.name + ".html")).read_text(encoding="utf-8")
        assert page.startswith('<!DOCTYPE html>\n<html lang="fr">')
        graph = map_notice(notice)
        for fmt in Format:
            ext = "schema.jsonld" if fmt is Format.SCHEMA_JSON_LD else fmt.extension
            data = (base.parent / f"{base.name}.{ext}").read_bytes()
            assert data == serialize([graph], fmt, lang="fr"), (notice.id, fmt)
        # every link of the page leads to a file of the site (or out of it)
        for element in dom(page):
            href = element.attr("href")
            if element.tag in ("a", "link") and href and not href.startswith(("http://", "https://")):
                assert (base.parent / href).resolve().is_file(), href


def test_dumps_are_the_whole_dataset_byte_for_byte(site: Path, example_notices: list[Notice]) -> None:
    assert (site / "dump/notices.ttl").read_bytes() == serialize(example_notices, Format.TURTLE)
    assert (site / "dump/notices.jsonld").read_bytes() == serialize(example_notices, Format.JSON_LD)
    raw = (site / "dump/notices.nt.gz").read_bytes()
    assert gzip.decompress(raw) == serialize(example_notices, Format.N_TRIPLES)
    assert raw[4:8] == b"\0\0\0\0"  # no modification time in the gzip header
    turtle = rdflib.Graph().parse(site / "dump/notices.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(site / "dump/notices.jsonld", format="json-ld")
    ntriples = rdflib.Graph().parse(data=gzip.decompress(raw).decode(), format="nt")
    assert isomorphic(turtle, ntriples) and isomorphic(turtle, jsonld)
    store = ox.Store()
    store.load(path=str(site / "dump/notices.ttl"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(turtle)


def test_void_and_dcat_describe_the_dataset(site: Path) -> None:
    void = rdflib.Graph().parse(site / "void.ttl", format="turtle")
    assert isomorphic(void, rdflib.Graph().parse(site / "void.nt", format="nt"))
    assert (site / ".well-known/void").read_bytes() == (site / "void.ttl").read_bytes()
    ns_void = rdflib.Namespace("http://rdfs.org/ns/void#")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dataset = rdflib.URIRef(BASE + "void.ttl#dataset")
    assert (dataset, rdflib.RDF.type, ns_void.Dataset) in void
    assert (dataset, rdflib.RDF.type, dcat.Dataset) in void
    dump = rdflib.Graph().parse(
        data=gzip.decompress((site / "dump/notices.nt.gz").read_bytes()).decode(), format="nt"
    )
    assert int(void.value(dataset, ns_void.triples)) == len(dump)  # distinct triples
    assert int(void.value(dataset, ns_void.entities)) == 26
    vocabularies = {str(v) for v in void.objects(dataset, ns_void.vocabulary)}
    used = {str(p) for p in dump.predicates()} | {str(o) for o in dump.objects(None, rdflib.RDF.type)}
    assert {
        "http://purl.org/dc/terms/",
        "http://purl.org/ontology/bibo/",
        "http://schema.org/",
    } <= vocabularies
    assert all(any(iri.startswith(v) for v in vocabularies) for iri in used)
    dumps = {str(u) for u in void.objects(dataset, ns_void.dataDump)}
    assert dumps == {BASE + "dump/notices.ttl", BASE + "dump/notices.nt.gz", BASE + "dump/notices.jsonld"}
    for distribution in void.objects(dataset, dcat.distribution):
        url = str(void.value(distribution, dcat.downloadURL))
        size = int(void.value(distribution, dcat.byteSize))
        assert (site / url.removeprefix(BASE)).stat().st_size == size


def test_sparql_endpoint_and_licence_are_announced(tmp_path: Path) -> None:
    out = tmp_path / "site"
    args = ["site", str(EXAMPLES), "-o", str(out), "--no-related", "--formats", "turtle", "-q"]
    args += [
        "--sparql-endpoint",
        "https://example.org/sparql",
        "--license",
        "https://etalab.gouv.fr/licence-ouverte",
    ]
    assert main(args) == 0
    void = rdflib.Graph().parse(out / "void.ttl", format="turtle")
    dataset = rdflib.URIRef("http://127.0.0.1:8080/void.ttl#dataset")
    assert (
        str(void.value(dataset, rdflib.URIRef("http://rdfs.org/ns/void#sparqlEndpoint")))
        == "https://example.org/sparql"
    )
    assert str(void.value(dataset, rdflib.DCTERMS.license)) == "https://etalab.gouv.fr/licence-ouverte"
    assert sorted(p.name for p in (out / "notice/handle/10670").iterdir())[:2] == [
        "1.0dl6ke.html",
        "1.0dl6ke.ttl",
    ]


def test_sitemap_and_index_list_every_page(site: Path, example_notices: list[Notice]) -> None:
    root = ET.parse(site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in root.findall("s:url/s:loc", ns)]
    assert locs == [f"{BASE}{notice_path(n.id)}.html" for n in example_notices]
    index = (site / "index.html").read_text(encoding="utf-8")
    hrefs = [e.attr("href") for e in dom(index) if e.tag == "a"]
    for notice in example_notices:
        assert f"{notice_path(notice.id)}.html" in hrefs
    assert "dump/notices.nt.gz" in hrefs
    assert f"Sitemap: {BASE}sitemap.xml" in (site / "robots.txt").read_text()


def test_same_bytes_on_every_run_hash_seed_and_number_of_jobs(site: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for seed in ("1", "4242"):
        out = tmp_path / f"site-{seed}"
        command = [
            sys.executable,
            "-m",
            "notice_ld",
            "site",
            str(EXAMPLES),
            "-o",
            str(out),
            "--base-url",
            BASE,
            "-q",
            *(["--jobs", "2"] if seed == "4242" else []),  # worker processes: the same bytes
        ]
        subprocess.run(command, check=True, env={**env, "PYTHONHASHSEED": seed}, cwd=tmp_path)
        assert tree_digest(out) == tree_digest(site)


def test_bad_records_are_reported_and_the_others_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    report = tmp_path / "report.json"
    status = main(["site", str(BAD), str(EXAMPLES), "-o", str(out), "--report", str(report), "--no-related"])
    assert status == 1
    data = json.loads(report.read_text())
    from notice_ld.readers import read_path

    outcomes = list(read_path(str(BAD)))
    good = sum(isinstance(o, Notice) for o in outcomes)
    assert data["pages"] == 26 + good == sum(1 for _ in (out / "notice").rglob("*.html"))
    assert data["rejected"] == len(outcomes) - good > 0
    assert all(e["record"] and e["problem"] and e["fix"] for e in data["errors"])
    assert "rejected record" in capsys.readouterr().err
    assert (out / "notice/handle/10670/1.jt89mr.html").is_file()


def test_a_duplicate_identifier_is_reported_not_overwritten(tmp_path: Path) -> None:
    first = Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "Premier"}]})
    second = Notice.from_dict({"id": "hdl:10670/1.aaaaaa", "titles": [{"value": "Second"}]})
    report = build_site(lambda: [first, second], tmp_path / "site", related=False)
    assert report.pages == 1 and report.rejected == 1
    assert report.errors[0].field == "id" and "already has this identifier" in report.errors[0].problem
    assert "Premier" in (tmp_path / "site/notice/handle/10670/1.aaaaaa.html").read_text(encoding="utf-8")


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    ok = Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "T"}]})
    build_site(lambda: [ok], out, related=False)
    before = tree_digest(out)

    def broken() -> list[object]:
        raise OSError("disk on fire")

    with pytest.raises(OSError, match="disk on fire"):
        build_site(broken, out, related=False)
    assert tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary folder left


def test_hostile_identifiers_stay_inside_the_site(tmp_path: Path) -> None:
    # dot segments are refused as identifiers (a web client would resolve them elsewhere) ...
    for hostile in ("https://example.org/../../../etc/passwd", "doi:10.1234/../../../../x"):
        with pytest.raises(RecordError, match="path segments"):
            Notice.from_dict({"id": hostile, "titles": [{"value": "T"}]})
    # ... and what is left of the kind (encoded slashes, runs of dots) stays inside the site
    notices = [
        Notice.from_dict({"id": "https://example.org/..%2F..%2F..%2Fetc/passwd", "titles": [{"value": "T"}]}),
        Notice.from_dict({"id": "doi:10.1234/..../...x/~/x", "titles": [{"value": "T"}]}),
    ]
    out = tmp_path / "site"
    build_site(lambda: notices, out, related=False)
    pages = sorted(p for p in out.rglob("*.html") if p.name != "index.html")
    assert len(pages) == 2
    assert all(p.resolve().is_relative_to((out / "notice").resolve()) for p in pages)
    assert [p.parent.name for p in pages] == ["doi", "url"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_related_from_the_input_matches_the_store(example_notices: list[Notice], tmp_path: Path) -> None:
    """Static sites compute related links without a store: the same notices, in the same order."""
    from notice_ld.stores import EmbeddedOptions, StoreKind, open_store
    from notice_ld.stores.load import load
    from notice_ld.web.related import StoreRelated

    store = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / "store"))
    try:
        assert load(store, example_notices).counts()["added"] == len(example_notices)
        index = InputRelated()
        for notice in example_notices:
            index.add(notice)
        from_store = StoreRelated(store)
        compared = 0
        for notice in example_notices:
            graph = map_notice(notice)
            for by in RelatedBy:
                mine = [(r.iri, r.shared, r.path) for r in index.related(graph, by, 10)]
                theirs = [(r.iri, r.shared, r.path) for r in from_store.related(graph, by, 10)]
                assert mine == theirs, (notice.id, by)
                compared += len(mine)
        assert compared > 20
    finally:
        store.close()


def test_related_ranking_on_a_large_index() -> None:
    """Counting and set intersection (used for popular keys) give the same ranking."""
    concepts = [{"iri": f"https://example.org/c/{i}"} for i in range(4)]
    notices = [
        Notice.from_dict(
            {"id": f"10670/1.{i:06d}", "titles": [{"value": str(i)}],
             "disciplines": [concepts[j] for j in range(4) if (i >> j) & 1 or j == 0]}
        )
        for i in range(3000)
    ]  # fmt: skip
    index = InputRelated()
    for notice in notices:
        index.add(notice)
    graph = map_notice(notices[7])  # disciplines 0, 1, 2
    fast = index.related(graph, "disciplines", 12)
    index._LARGE = 10**9  # force plain counting
    slow = index.related(graph, "disciplines", 12)
    assert [(r.iri, r.shared) for r in fast] == [(r.iri, r.shared) for r in slow]
    assert [r.shared for r in fast] == [3] * 12  # 6, 14, 15, 22, 23… share disciplines 0, 1 and 2
    assert [r.iri[-6:] for r in fast[:4]] == ["000006", "000014", "000015", "000022"]
