"""Reports: results blamed on records and notice fields, in French and English, as text, JSON and RDF."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from notice_ld.errors import RecordError
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.terms import RDF_LANGSTRING, Literal
from notice_ld.validation import Kind, Severity, ValidationReport, Validator, validate
from notice_ld.validation.fields import NoticeBlame
from notice_ld.validation.rdf import parse_rdf

from .conftest import ROOT

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
FIXTURES = ROOT / "tests" / "data" / "shacl"
DCT = "http://purl.org/dc/terms/"
RICH = {
    "id": "10670/1.jt89mr",
    "type": "article",
    "titles": [
        {"value": "Produire des savoirs", "lang": "fr"},
        {"value": "Producing knowledge", "lang": "en"},
    ],
    "abstracts": [{"value": "Résumé.", "lang": "fr"}, {"value": "Abstract.", "lang": "en"}],
    "keywords": [{"value": "savoirs", "lang": "fr"}],
    "identifiers": ["10.3917/vsoc.191.0123", "hal-02198745"],
    "creators": [{"family": "Jouet", "given": "Emmanuelle"}, {"family": "Durand", "given": "Anne"}],
    "creators_et_al": True,
    "contributors": [{"role": "editor", "agent": {"family": "Dupont"}}],
    "disciplines": [
        {
            "iri": "http://aurehal.archives-ouvertes.fr/subject/shs.socio",
            "labels": [{"value": "Sociologie", "lang": "fr"}],
        }
    ],
    "container": {"title": "Vie sociale", "issn": "1950-4667", "volume": "25", "issue": "1"},
    "issued": "2019",
}


@pytest.fixture(scope="module")
def rich() -> tuple[Notice, NoticeBlame]:
    notice = Notice.from_dict(RICH)
    return notice, NoticeBlame(map_notice(notice))


def _node(blame: NoticeBlame, role: str) -> str:
    return next(node for node, (prefix, _) in blame.roles.items() if prefix == role)


def test_fields_are_mapped_back_through_the_crosswalk(rich: tuple[Notice, NoticeBlame]) -> None:
    _, blame = rich
    doc = blame.graph.iri
    title_en = Literal("Producing knowledge", RDF_LANGSTRING, "en")
    assert blame.field(doc, DCT + "title", title_en) == "titles[en]"
    assert blame.field(doc, "http://schema.org/headline", None) == "titles"
    assert blame.field(doc, DCT + "abstract", Literal("Résumé.", RDF_LANGSTRING, "fr")) == "abstracts[fr]"
    assert blame.field(doc, DCT + "subject", Literal("savoirs", RDF_LANGSTRING, "fr")) == "keywords[fr]"
    assert blame.field(doc, DCT + "identifier", Literal("hal-02198745")) == "identifiers[1]"
    assert blame.field(doc, DCT + "identifier", Literal("10670/1.jt89mr")) == "id"
    assert blame.field(doc, DCT + "issued", None) == "issued"
    assert blame.field(doc, None, doc) == "id"
    durand = _node(blame, "creators[1]")
    assert blame.field(durand, "http://xmlns.com/foaf/0.1/name", None) == "creators[1].name"
    assert blame.field(doc, DCT + "creator", durand) == "creators[1]"
    editor = _node(blame, "contributors[0].agent")
    assert blame.field(editor, "http://schema.org/familyName", None) == "contributors[0].agent.family"
    concept = _node(blame, "disciplines[0]")
    assert (
        blame.field(
            concept,
            "http://www.w3.org/2004/02/skos/core#prefLabel",
            Literal("Sociologie", RDF_LANGSTRING, "fr"),
        )
        == "disciplines[0].labels[fr]"
    )
    container = _node(blame, "container")
    assert blame.field(container, DCT + "title", None) == "container.title"
    assert blame.field(container, "http://purl.org/ontology/bibo/issn", None) == "container.issn"
    authors = _node(blame, "creators")
    assert blame.field(authors, "http://www.w3.org/1999/02/22-rdf-syntax-ns#_2", None) == "creators[1]"
    et_al = rdflib.URIRef("https://w3id.org/notice-ld/ns#etAl")
    assert (
        blame.field(authors, "http://www.w3.org/1999/02/22-rdf-syntax-ns#_3", str(et_al)) == "creators_et_al"
    )
    assert blame.record == "10670/1.jt89mr"


def test_a_broken_notice_graph_is_blamed_on_its_record_and_field(rich: tuple[Notice, NoticeBlame]) -> None:
    notice, blame = rich
    graph = map_notice(notice)
    container = _node(blame, "container")
    broken = dataclasses.replace(
        graph, triples=tuple(t for t in graph.triples if not (t[0] == container and t[1] == DCT + "title"))
    )
    for engine in ("fast", "pyshacl"):
        report = validate(broken, engine=engine, lang="fr")
        assert [(r.record, r.field, r.severity, r.shape.rsplit("/", 1)[1]) for r in report.violations] == [
            ("10670/1.jt89mr", "container.title", Severity.VIOLATION, "core#Container-title")
        ]
        assert report.violations[0].message.startswith("La revue, la collection ou l'ouvrage")
        assert report.engine == engine


def test_two_titles_in_one_language_is_a_violation_of_the_notice_in_both_languages() -> None:
    notice = {
        "id": "10670/1.eqcfw6",
        "titles": [{"value": "Rapport", "lang": "fr"}, {"value": "Bilan", "lang": "fr"}],
    }
    english, french = validate([notice], lang="en"), validate([notice], lang="fr")
    assert not english.conforms
    assert {r.field for r in english.violations} == {"titles"}
    assert english.violations[0].message.startswith("Two titles have the same language")
    assert french.violations[0].message.startswith("Deux titres ont la même langue")
    assert dict(english.violations[0].messages) == dict(french.violations[0].messages)
    assert validate([notice], lang="de").violations[0].message == english.violations[0].message


def test_unreadable_records_are_results_not_exceptions(tmp_path: Path) -> None:
    report = validate([{"id": "10670/1.eqcfw6", "titles": [{"value": "T"}], "issued": "2019-13"}])
    (result,) = report.results
    assert (result.kind, result.record, result.field, result.severity) == (
        Kind.RECORD,
        "10670/1.eqcfw6",
        "issued",
        Severity.VIOLATION,
    )
    assert "month 13 does not exist" in result.message
    notices = ROOT / "examples" / "bad_notices.jsonl"
    report = validate(notices)
    assert not report.conforms and report.checked >= 1
    assert {r.kind for r in report.results} >= {Kind.RECORD}


def test_rdf_files_rdflib_graphs_and_jsonld_with_the_schema_org_context() -> None:
    report = validate(FIXTURES / "identifiers.jsonld", profiles=["schema"])
    assert report.checked == 1
    assert {(r.record, r.field) for r in report.violations} >= {
        ("https://example.org/doc/jsonld", "issued"),
    }
    # a document without @id is valid schema.org (a warning), blamed on the identifier it gives
    assert ("no-id", "id") in {(r.record, r.field) for r in report.results if r.severity.value == "Warning"}
    graph = rdflib.Graph().parse(FIXTURES / "titles.ttl")
    from_graph = validate(graph, profiles=["dcterms"])
    from_file = validate(FIXTURES / "titles.ttl", profiles=["dcterms"])
    assert [r.key for r in from_graph.results] == [r.key for r in from_file.results]
    assert {(r.record, r.field) for r in from_file.violations} == {
        ("untitled", "titles"),
        ("two-french-titles", "titles"),
    }


def test_remote_contexts_are_never_fetched(tmp_path: Path) -> None:
    page = tmp_path / "page.jsonld"
    page.write_text(
        '{"@context": "https://example.org/context.jsonld", "@id": "https://e.org/d", "name": "x"}',
        encoding="utf-8",
    )
    with pytest.raises(RecordError, match="is not bundled with notice_ld"):
        validate(page)


def test_syntax_errors_name_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://e.org/a> <https://e.org/p> .\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        validate(bad)
    assert (caught.value.record, caught.value.field) == (str(bad), "line 1")


@pytest.fixture(scope="module")
def broken_report() -> ValidationReport:
    return validate([FIXTURES / "agents.ttl", FIXTURES / "dates.ttl"], profiles=["all"])


def test_json_rendering(broken_report: ValidationReport) -> None:
    data = json.loads(broken_report.to_json())
    assert data["conforms"] is False
    assert data["counts"] == broken_report.counts()
    assert len(data["results"]) == len(broken_report.results)
    first = data["results"][0]
    assert set(first) == {
        "record",
        "field",
        "severity",
        "message",
        "value",
        "focus",
        "path",
        "shape",
        "component",
        "kind",
        "engine",
    }


def test_turtle_rendering_is_the_standard_shacl_report_graph(broken_report: ValidationReport) -> None:
    graph = broken_report.to_rdflib()
    (report_node,) = graph.subjects(rdflib.RDF.type, SH.ValidationReport)
    assert graph.value(report_node, SH.conforms).toPython() is False
    results = list(graph.objects(report_node, SH.result))
    assert len(results) == len(broken_report.results)
    for node in results:
        assert graph.value(node, SH.focusNode) is not None
        assert graph.value(node, SH.resultSeverity) in (SH.Violation, SH.Warning, SH.Info)
        assert graph.value(node, SH.sourceConstraintComponent) is not None
    # the sequence path of the first-author shape is written as an RDF list
    first_author = next(
        n for n in results if str(graph.value(n, SH.sourceShape)).endswith("#Document-first-author")
    )
    path = graph.value(first_author, SH.resultPath)
    assert [str(x).rsplit("/", 1)[-1] for x in rdflib.collection.Collection(graph, path)] == [
        "authorList",
        "22-rdf-syntax-ns#_1",
    ]
    messages = {m.language for m in graph.objects(first_author, SH.resultMessage)}
    assert messages == {"en", "fr"}
    empty = validate([{"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}], profiles=["bibo"])
    assert empty.results == () and empty.conforms
    assert "sh:conforms true" in empty.to_turtle()


def test_text_rendering_groups_by_record_in_the_language_asked(broken_report: ValidationReport) -> None:
    text = broken_report.to_text()
    assert text.startswith("DOES NOT CONFORM: ")
    assert "\nrecord month-13\n" in text
    assert '  Violation     issued = "2019-13"^^xsd:gYearMonth\n' in text
    french = validate(FIXTURES / "dates.ttl", lang="fr").to_text()
    assert french.startswith("NON CONFORME: ") and "\nnotice month-13\n" in french
    assert "La date de publication doit être" in french


def test_renderings_are_byte_identical_across_runs_and_hash_seeds() -> None:
    code = (
        "import sys; from notice_ld.validation import validate; "
        f"r = validate(sorted(__import__('pathlib').Path({str(FIXTURES)!r}).iterdir()), profiles=['all']); "
        "sys.stdout.write(r.to_text() + r.to_json() + r.to_turtle())"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        outputs.add(
            subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, env=env).stdout
        )
    assert len(outputs) == 1
    assert len(next(iter(outputs))) > 10_000


def test_validator_is_reusable_and_combines_reports(example_notices: list[Notice]) -> None:
    validator = Validator()
    reports = [validator.validate_graph(map_notice(n)) for n in example_notices]
    combined = ValidationReport.combine(reports)
    assert combined.checked == 26 and combined.conforms
    assert combined.results == tuple(r for report in reports for r in report.results)
    triples = parse_rdf(
        b"<https://e.org/d> <http://purl.org/dc/terms/type> <http://purl.org/dc/dcmitype/Text> .", "ntriples"
    )
    assert {r.field for r in validator.validate_triples(triples).violations} == {"id", "titles"}
