"""The RDF/XML writer: what rdflib, pyoxigraph and lxml read back is exactly the notice's triples."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from rdflib import Graph

from notice_ld import Format, Notice, map_notice, serialize
from notice_ld.errors import RecordError
from notice_ld.graph import to_rdflib
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import IRI, RDF, RDF_TYPE, XSD, XSD_STRING, Literal, Triple, triple_key
from notice_ld.writers.rdfxml import to_oxigraph_term, write_rdfxml

from .strategies import notices

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RDF_NS = "{" + RDF + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
S = "https://hdl.handle.net/10670/1.hostile"


def rdfxml(graphs: list[NoticeGraph]) -> bytes:
    out = io.BytesIO()
    write_rdfxml(graphs, out)
    return out.getvalue()


def lxml_triples(data: bytes) -> set[Triple]:
    """Read the (flat) document with lxml alone: well-formed XML, and the triples it spells."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(data, parser)
    assert root.tag == RDF_NS + "RDF"
    triples: set[Triple] = set()
    for node in root:
        assert node.tag == RDF_NS + "Description"
        subject = node.get(RDF_NS + "about")
        for prop in node:
            ns, _, local = prop.tag[1:].partition("}")
            resource = prop.get(RDF_NS + "resource")
            lang = prop.get(XML_LANG)
            obj: IRI | Literal
            if resource is not None:
                obj = IRI(resource)
            elif lang is not None:
                obj = Literal(prop.text or "", RDF + "langString", lang)
            else:
                obj = Literal(prop.text or "", prop.get(RDF_NS + "datatype") or XSD_STRING)
            triples.add((subject, ns + local, obj))
    return triples


def assert_reads_back(graphs: list[NoticeGraph]) -> bytes:
    """rdflib, pyoxigraph and lxml each read exactly the graphs' triples from the RDF/XML."""
    data = rdfxml(graphs)
    expected = {t for g in graphs for t in g.triples}
    assert lxml_triples(data) == expected

    want_ox = {ox.Triple(ox.NamedNode(s), ox.NamedNode(p), to_oxigraph_term(o)) for s, p, o in expected}
    got_ox = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, ox.RdfFormat.RDF_XML)}
    assert got_ox == want_ox, (sorted(map(str, got_ox - want_ox)), sorted(map(str, want_ox - got_ox)))

    want_rdflib = set(to_rdflib(graphs))
    got_rdflib = set(Graph().parse(data=data, format="xml"))
    assert got_rdflib == want_rdflib, (got_rdflib - want_rdflib, want_rdflib - got_rdflib)
    return data


def with_triples(seed: Notice, triples: list[Triple]) -> NoticeGraph:
    graph = map_notice(seed)
    return dataclasses.replace(graph, iri=S, triples=tuple(sorted(set(triples), key=triple_key)))


def test_every_example_notice_reads_back(example_notices: list[Notice]) -> None:
    graphs = [map_notice(n) for n in example_notices]
    for graph in graphs:
        assert_reads_back([graph])
    assert_reads_back(graphs)


def test_empty_input_is_an_empty_document() -> None:
    data = assert_reads_back([])
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF')
    assert data.endswith(b"</rdf:RDF>\n")


def test_document_first_and_rdf_type_first(seed: Notice) -> None:
    graph = map_notice(seed)
    text = rdfxml([graph]).decode()
    abouts = [line.split('"')[1] for line in text.splitlines() if "<rdf:Description" in line]
    assert abouts[0] == graph.iri
    assert abouts[1:] == sorted(set(abouts[1:]))
    first = text.split("<rdf:Description", 2)[1].splitlines()
    assert first[1].lstrip().startswith("<rdf:type ")
    assert 'xmlns:dcterms="http://purl.org/dc/terms/"' in text


def test_seed_golden_bytes(seed: Notice, golden: Callable[[str, bytes], None]) -> None:
    data = serialize([seed], Format.RDF_XML, lang="fr")
    assert data is not None
    golden("seed.rdf", data)


HOSTILE = [
    "</rdf:RDF>",
    "]]>",
    "<![CDATA[x]]>",
    "&amp; & &#13; &lt;",
    "a\r\nb",
    "a\rb\n\nc",
    "tab\there",
    "  leading and trailing  ",
    "   ",
    "\n",
    "",
    "line\u2028separator\u2029paragraph",
    "RTL \u200f\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "quotes \" ' \u00ab \u00bb \u201c",
    "<!-- comment --> <?pi x?> <!DOCTYPE x>",
    "nel\u0085 c1\u009f bom\ufeff emoji \U0001f600",
    "\\ backslash {} # %20",
]


def test_hostile_literals_read_back(seed: Notice) -> None:
    p = "http://purl.org/dc/terms/title"
    triples: list[Triple] = [(S, RDF_TYPE, IRI("http://purl.org/ontology/bibo/Document"))]
    for text in HOSTILE:
        triples.append((S, p, Literal(text)))
        triples.append((S, p, Literal(text, RDF + "langString", "fr")))
        triples.append((S, p, Literal(text, "http://example.org/dt?a=1&b=\u00e9")))
    data = assert_reads_back([with_triples(seed, triples)])
    assert b"&#13;" in data and b"]]&gt;" in data and b"&lt;/rdf:RDF&gt;" in data


def test_hostile_iris_read_back(seed: Notice) -> None:
    iris = [
        "http://example.org/q?a=1&b=2",
        "http://example.org/it's",
        "http://example.org/caf\u00e9#x",
        "http://example.org/a%20b",
        "https://example.org/\u05e9\u05dc\u05d5\u05dd",
    ]
    triples: list[Triple] = [(S, "http://purl.org/dc/terms/relation", IRI(i)) for i in iris]
    triples += [(i, "http://purl.org/dc/terms/title", Literal("x")) for i in iris]
    data = assert_reads_back([with_triples(seed, triples)])
    assert b'rdf:resource="http://example.org/q?a=1&amp;b=2"' in data


UNUSUAL_PREDICATES = [
    "http://example.org/ns/1title",  # local part starts with a digit
    "http://purl.org/dc/terms/3d",  # known namespace, digit first
    "http://example.org/ns/a%20b",  # percent-encoding
    "http://example.org/vocab#term",  # namespace outside the prefix table
    "http://example.org/p?x=1&y",  # '&' in the namespace declared on the element
    "http://example.org/a.b-c_d",
    "http://example.org/caf\u00e9",
    "http://example.org/ns/42-x",
    RDF + "_1",
    XSD + "thing",
    "urn:isbn:9780000000002x",
]


def test_unusual_predicates_read_back(seed: Notice) -> None:
    triples: list[Triple] = []
    for i, p in enumerate(UNUSUAL_PREDICATES):
        triples.append((S, p, Literal(f"v{i}")))
        triples.append((S, p, IRI(f"http://example.org/o{i}")))
        triples.append((f"{S}/other", p, Literal(f"w{i}", RDF + "langString", "en")))
    data = assert_reads_back([with_triples(seed, triples)])
    assert b'xmlns:ns1="http://example.org/p?x=1&amp;"' in data


@pytest.mark.parametrize(
    "predicate",
    ["http://example.org/p/", "http://example.org/p#", "http://example.org/123", RDF + "li", RDF + "about"],
)
def test_predicates_rdfxml_cannot_express_are_refused(seed: Notice, predicate: str) -> None:
    graph = with_triples(seed, [(S, predicate, Literal("x"))])
    with pytest.raises(RecordError) as info:
        rdfxml([graph])
    assert info.value.record == S
    assert "RDF/XML" in str(info.value) and "Turtle" in str(info.value)


@pytest.mark.parametrize("text", ["bell\x07", "nul\x00", "\ufffe", "esc\x1b["])
def test_characters_xml_cannot_carry_are_refused(seed: Notice, text: str) -> None:
    graph = with_triples(seed, [(S, "http://purl.org/dc/terms/title", Literal(text))])
    with pytest.raises(RecordError, match=r"XML 1\.0 cannot carry") as info:
        rdfxml([graph])
    assert info.value.record == S


@SETTINGS
@given(notices())
def test_generated_notices_read_back(data: dict[str, Any]) -> None:
    assert_reads_back([map_notice(Notice.from_dict(data))])
