"""The RDF reader: syntaxes, third-party vocabularies, isolation, hostile input, streaming, CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notice_ld.errors import RecordError
from notice_ld.formats import RdfFormat
from notice_ld.identifiers import HandleMinter
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, ReaderOptions, ReadWarning, Residue, read, read_path
from notice_ld.readers.detect import detect
from notice_ld.readers.rdf import read_rdf, sniff_syntax

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "readers" / "rdf"
REAL = ROOT.parent / "shared" / "realdata" / "qdc_rdf" / "persee_hista_1998_2826.rdf"


def outcomes(path: Path, **options: object) -> list[object]:
    return list(read_path(path, InputFormat.RDF, options=ReaderOptions(**options)))  # type: ignore[arg-type]


def residue_of(items: list[object]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item, Residue):
            for entry in item.items:
                found.setdefault(entry.element, []).append(entry.reason)
    return found


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_detect_finds_rdf(path: Path) -> None:
    assert detect(path.read_bytes(), str(path)) is InputFormat.RDF


def test_sniffed_syntaxes() -> None:
    assert sniff_syntax((DATA / "hal_like.ttl").read_bytes()) is RdfFormat.TURTLE
    assert sniff_syntax((DATA / "aggregator_dump.nt").read_bytes()) is RdfFormat.N_TRIPLES
    assert sniff_syntax((DATA / "print_and_web.rdf").read_bytes()) is RdfFormat.RDF_XML
    assert sniff_syntax((DATA / "linked.jsonld").read_bytes()) is RdfFormat.JSON_LD
    assert sniff_syntax(b"Hello") is None


def test_persee_like_print_and_web_manifestations_make_one_notice() -> None:
    out = outcomes(DATA / "print_and_web.rdf")
    notices = [o for o in out if isinstance(o, Notice)]
    assert len(notices) == 1 and not [o for o in out if isinstance(o, RecordError)]
    (notice,) = notices
    assert notice.id.value == "10.3406/revue.1999.1042"
    assert notice.issued == "1999"  # the print original's date, not the digitisation's
    assert notice.publisher is not None and notice.publisher.display_name.startswith("Lyon")
    creator = notice.creators[0]
    assert (creator.family, creator.given) == ("Martin", "Claire")  # type: ignore[union-attr]
    assert "idref" in [i.scheme.value for i in creator.identifiers]
    assert notice.license is not None
    assert notice.license.iri == "https://creativecommons.org/licenses/by-nc-sa/3.0/fr/"
    assert [k.value for k in notice.keywords] == ["allotment gardens", "working class"]
    assert notice.abstracts[0].value == "Allotment gardens around Lyon. Their history and their users."
    residue = residue_of(out)
    assert "dcterms:tableOfContents" in residue and "bibo:numPages" in residue
    assert any("print" in r or "original" in r for r in residue["rdau:electronicReproductionOf"])


def test_sudoc_book_in_latin1_with_idref_people_and_lexvo_language() -> None:
    (notice, residue) = outcomes(DATA / "sudoc_book.rdf")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert notice.type.value == "book" and notice.titles[0].value == "Histoire des écoles normales"
    assert notice.languages == ("fr",)
    author = notice.creators[0]
    assert [(i.scheme.value, i.value) for i in author.identifiers] == [
        ("idref", "026927608"),
        ("isni", "0000000121032683"),
    ]
    (advisor,) = notice.contributors
    assert advisor.role.value == "thesis_advisor" and advisor.agent.family == "Durand"  # type: ignore[union-attr]
    assert notice.subjects[0].labels[0].value == "Écoles normales -- Histoire"
    assert [i.value for i in notice.identifiers] == ["978-2-07-036002-4"]
    assert residue.items[0].element == "dcterms:extent"


def test_hal_like_turtle_keeps_author_order_container_and_concepts() -> None:
    notice, residue = outcomes(DATA / "hal_like.ttl")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert [c.family for c in notice.creators] == ["Jouet", "Roux"]  # type: ignore[union-attr]
    assert notice.creators[0].identifiers[0].value == "0000-0002-1825-0097"
    assert notice.container is not None
    assert (notice.container.title, notice.container.volume, notice.container.pages) == (
        "Vie sociale",
        "25",
        "123-140",
    )
    assert str(notice.container.eissn) == "2102-5878"
    assert notice.subjects[0].notation == "shs.socio"
    assert [i.scheme.value for i in notice.identifiers][:1] == ["hal"]
    assert {i.element for i in residue.items} == {"dcterms:accessRights", "dcterms:spatial"}


def test_n_triples_dump_isolates_records_and_reports_the_broken_line() -> None:
    out = outcomes(DATA / "aggregator_dump.nt")
    kinds = [type(o).__name__ for o in out]
    assert kinds.count("Notice") == 3
    errors = [o for o in out if isinstance(o, RecordError)]
    assert any(e.record and e.record.endswith("aggregator_dump.nt:10") for e in errors)
    nameless = [e for e in errors if e.field == "id"]
    assert nameless and "blank node" in nameless[0].problem
    notices = [o for o in out if isinstance(o, Notice)]
    assert notices[0].creators[0].family == "Lefèvre"  # type: ignore[union-attr]
    assert residue_of(out)["schema:datePublished"]


def test_a_minter_gives_a_blank_node_resource_a_stable_handle() -> None:
    first = [
        o
        for o in outcomes(DATA / "aggregator_dump.nt", minter=HandleMinter("10670"))
        if isinstance(o, Notice)
    ]
    again = [
        o
        for o in outcomes(DATA / "aggregator_dump.nt", minter=HandleMinter("10670"))
        if isinstance(o, Notice)
    ]
    assert len(first) == 4 and first[-1].id.scheme.value == "handle" and first == again


def test_rdf_xml_with_a_dtd_is_refused_before_parsing() -> None:
    (error,) = outcomes(DATA / "hostile_dtd.rdf")
    assert isinstance(error, RecordError) and "DTD" in error.problem and error.field == "<!DOCTYPE>"


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/terms/">'
        '<rdf:Description rdf:about="https://doi.org/10.5555/x"><dc:title>&x;</dc:title></rdf:Description></rdf:RDF>'
    ).encode()
    out = list(read(io.BytesIO(doc), InputFormat.RDF, name="x.rdf"))
    assert all(isinstance(o, RecordError) for o in out) and "TOP SECRET" not in str(out)


def test_json_ld_remote_contexts_are_never_fetched() -> None:
    doc = b'{"@context": "https://example.org/c.jsonld", "@id": "https://doi.org/10.5555/x", "title": "T"}'
    (error,) = read_rdf(io.BytesIO(doc), "x.jsonld", ReaderOptions(), syntax=RdfFormat.JSON_LD)
    assert isinstance(error, RecordError) and error.field == "@context" and "never downloads" in error.problem


def test_json_ld_with_the_schema_org_context_reads_offline() -> None:
    doc = b"""{"@context": "https://schema.org", "@id": "https://doi.org/10.5555/x", "@type": "Article",
              "name": "T", "author": {"@type": "Person", "familyName": "Roux", "givenName": "Pierre"}}"""
    (notice,) = read_rdf(io.BytesIO(doc), "x.jsonld", ReaderOptions(), syntax=RdfFormat.JSON_LD)
    assert isinstance(notice, Notice) and notice.creators[0].family == "Roux"  # type: ignore[union-attr]


def test_linked_json_ld_reads_its_graph() -> None:
    notice, residue = outcomes(DATA / "linked.jsonld")
    assert isinstance(notice, Notice) and notice.type.value == "thesis"
    assert notice.creators[0].identifiers[0].scheme.value == "idref"
    assert isinstance(residue, Residue) and residue.items[0].element == "bibo:numPages"


def test_one_resource_that_cannot_be_mapped_is_one_error_naming_its_iri() -> None:
    ttl = b"""@prefix dcterms: <http://purl.org/dc/terms/> . @prefix bibo: <http://purl.org/ontology/bibo/> .
    <https://doi.org/10.5555/good> a bibo:Article ; dcterms:title "Good" .
    <https://doi.org/10.5555/bad> a bibo:Article ; dcterms:title "Bad" ; dcterms:language "fr" ;
        bibo:doi "10.5555/bad" ; dcterms:issued "2019" ; dcterms:creator [ ] .
    <https://doi.org/10.5555/untitled> a bibo:Book ; dcterms:issued "2019" ."""
    out = list(read(io.BytesIO(ttl), InputFormat.RDF, name="x.ttl"))
    notices = [o.id.value for o in out if isinstance(o, Notice)]
    errors = [o for o in out if isinstance(o, RecordError)]
    assert "10.5555/good" in notices and "10.5555/bad" in notices
    assert [e.record for e in errors] == ["<https://doi.org/10.5555/untitled> (x.ttl)"]
    assert errors[0].field == "dcterms:title"


def test_a_whole_graph_over_the_size_limit_is_one_clear_error() -> None:
    ttl = b"@prefix dcterms: <http://purl.org/dc/terms/> .\n" + b"".join(
        b'<https://doi.org/10.5555/n%d> dcterms:title "T %d" ; dcterms:creator "A, B" .\n' % (i, i)
        for i in range(200)
    )
    (error,) = read(
        io.BytesIO(ttl), InputFormat.RDF, name="big.ttl", options=ReaderOptions(max_record_bytes=2048)
    )
    assert (
        isinstance(error, RecordError) and "read as one graph" in error.problem and "N-Triples" in error.fix
    )


def test_n_triples_stream_in_bounded_groups() -> None:
    nt = b"".join(
        b'<https://doi.org/10.5555/n%d> <http://purl.org/dc/terms/title> "T %d" .\n'
        b'<https://doi.org/10.5555/n%d> <http://purl.org/dc/terms/creator> "Roux, Pierre" .\n' % (i, i, i)
        for i in range(300)
    )
    out = list(
        read(io.BytesIO(nt), InputFormat.RDF, name="d.nt", options=ReaderOptions(max_record_bytes=1024))
    )
    assert [o.id.value for o in out if isinstance(o, Notice)] == [f"10.5555/n{i}" for i in range(300)]
    assert not [o for o in out if not isinstance(o, Notice)]


def test_scattered_triples_are_put_together_or_warned_about() -> None:
    nt = (
        b'<https://doi.org/10.5555/b> <http://purl.org/dc/terms/title> "B" .\n'
        b'<https://doi.org/10.5555/a> <http://purl.org/dc/terms/title> "A" .\n'
        b'<https://doi.org/10.5555/a> <http://purl.org/dc/terms/issued> "2019" .\n'
        b'<https://doi.org/10.5555/b> <http://purl.org/dc/terms/issued> "2020" .\n'
    )
    notices = [o for o in read(io.BytesIO(nt), InputFormat.RDF, name="d.nt") if isinstance(o, Notice)]
    assert [(n.id.value, n.titles[0].value, n.issued) for n in notices] == [
        ("10.5555/a", "A", "2019"),
        ("10.5555/b", "B", "2020"),
    ]
    nt = (
        b'<https://doi.org/10.5555/b> <http://purl.org/dc/terms/title> "B" .\n'
        b'<https://doi.org/10.5555/b> <http://purl.org/dc/terms/issued> "2020" .\n'
        b'<https://doi.org/10.5555/a> <http://purl.org/dc/terms/title> "A" .\n'
        b'<https://doi.org/10.5555/a> <http://purl.org/dc/terms/issued> "2019" .\n'
        b'<https://doi.org/10.5555/b> <http://purl.org/dc/terms/subject> "late" .\n'
    )
    out = list(read(io.BytesIO(nt), InputFormat.RDF, name="d.nt"))
    assert any(isinstance(o, ReadWarning) and "10.5555/b" in o.problem for o in out)


def test_one_subject_over_the_limit_is_one_error_and_the_others_go_through() -> None:
    dct = "http://purl.org/dc/terms/"
    lines = [
        f'<https://doi.org/10.5555/a> <{dct}title> "A" .',
        f'<https://doi.org/10.5555/a> <{dct}issued> "1" .',
    ]
    lines += [f'<https://doi.org/10.5555/huge> <{dct}subject> "k{i}" .' for i in range(100)]
    lines += [
        f'<https://doi.org/10.5555/c> <{dct}title> "C" .',
        f'<https://doi.org/10.5555/c> <{dct}issued> "2" .',
    ]
    nt = ("\n".join(lines) + "\n").encode()
    out = list(
        read(io.BytesIO(nt), InputFormat.RDF, name="d.nt", options=ReaderOptions(max_record_bytes=1024))
    )
    assert [o.id.value for o in out if isinstance(o, Notice)] == ["10.5555/a", "10.5555/c"]
    (error,) = [o for o in out if isinstance(o, RecordError)]
    assert error.record == "<https://doi.org/10.5555/huge> (d.nt:3)" and "over the limit" in error.problem


def test_a_file_without_bibliographic_resources_says_so() -> None:
    ttl = (
        b"@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        b'<https://orcid.org/0000-0002-1825-0097> a foaf:Person ; foaf:name "X" .'
    )
    (error,) = read(io.BytesIO(ttl), InputFormat.RDF, name="p.ttl")
    assert isinstance(error, RecordError) and "no bibliographic resource" in error.problem


@pytest.mark.skipif(not REAL.exists(), reason="../shared/realdata is absent")
def test_real_persee_rdf_xml() -> None:
    out = list(read_path(REAL))
    (notice,) = [o for o in out if isinstance(o, Notice)]
    assert notice.id.value == "10.3406/hista.1998.2826" and notice.issued == "1998"
    assert notice.titles[0].value.startswith("Le décor peint")
    assert len(notice.keywords) == 9 and notice.languages == ("fr",)
    assert any(isinstance(o, Residue) for o in out)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_with_and_without_from(tmp_path: Path) -> None:
    for extra in ((), ("--from", "rdf")):
        out, report = tmp_path / f"out{len(extra)}.jsonld", tmp_path / f"r{len(extra)}.json"
        result = run_cli(
            "convert",
            str(DATA / "hal_like.ttl"),
            "--format",
            "jsonld",
            "-o",
            str(out),
            "--report",
            str(report),
            *extra,
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["converted"] == 1 and data["residue"]
        assert "https://doi.org/10.3917/vsoc.191.0123" in out.read_text(encoding="utf-8")
    assert (tmp_path / "out0.jsonld").read_bytes() == (tmp_path / "out2.jsonld").read_bytes()
