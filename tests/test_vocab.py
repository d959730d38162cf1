"""Checks of the vocabulary files in ``vocab/`` and of the generated ``notice_ld.namespaces``.

Nothing here touches the network: the JSON-LD contexts are served to pyld by a local
document loader passed in the call's options.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pyoxigraph
import pytest
import rdflib.namespace as rdflib_ns
from pyld import jsonld
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef

if TYPE_CHECKING:
    from rdflib.namespace import DefinedNamespace

# rdflib's own closed namespaces (rdflib_ns.DCTERMS...) are an independent check of the
# transcriptions. They are reached through the module, not imported by name, so that pytest's
# collection does not probe the DefinedNamespace classes for attributes (which warns).

ROOT = Path(__file__).resolve().parents[1]
VOCAB = ROOT / "vocab"
CONTEXTS = VOCAB / "contexts"

# file name -> namespace of the terms it declares
NAMESPACES: dict[str, str] = {
    "dcterms.ttl": "http://purl.org/dc/terms/",
    "dcmitype.ttl": "http://purl.org/dc/dcmitype/",
    "bibo.ttl": "http://purl.org/ontology/bibo/",
    "schema.ttl": "http://schema.org/",
    "foaf.ttl": "http://xmlns.com/foaf/0.1/",
    "skos.ttl": "http://www.w3.org/2004/02/skos/core#",
    "notice_ld.ttl": "https://w3id.org/notice-ld/ns#",
}
NLD = "https://w3id.org/notice-ld/ns#"
NLD_ONTOLOGY = URIRef("https://w3id.org/notice-ld/ns")
SCHEMA = "http://schema.org/"

# The URL under which the test loader serves notice_ld.jsonld (only a key of the loader).
NOTICE_LD_CONTEXT_URL = "https://w3id.org/notice-ld/context.jsonld"
LOCAL_DOCUMENTS: dict[str, Path] = {
    "https://schema.org": CONTEXTS / "schema.org.jsonld",
    "https://schema.org/": CONTEXTS / "schema.org.jsonld",
    "http://schema.org": CONTEXTS / "schema.org.jsonld",
    "http://schema.org/": CONTEXTS / "schema.org.jsonld",
    NOTICE_LD_CONTEXT_URL: CONTEXTS / "notice_ld.jsonld",
}


@cache
def graph(filename: str) -> Graph:
    return Graph().parse(VOCAB / filename, format="turtle")


def terms(filename: str) -> set[URIRef]:
    """The IRIs of the file's namespace that the file types with rdf:type."""
    namespace = NAMESPACES[filename]
    return {
        s
        for s in graph(filename).subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(namespace) and str(s) != namespace
    }


def local_names(filename: str) -> set[str]:
    namespace = NAMESPACES[filename]
    return {str(t)[len(namespace) :] for t in terms(filename)}


def all_declared() -> set[URIRef]:
    declared: set[URIRef] = set()
    for filename in NAMESPACES:
        declared |= terms(filename)
    return declared


def rdflib_names(namespace: type[DefinedNamespace]) -> set[str]:
    return set(namespace.__annotations__) | set(namespace._extras)


def load_namespaces() -> ModuleType:
    try:
        return importlib.import_module("notice_ld.namespaces")
    except ModuleNotFoundError:  # package not installed and src/ not on sys.path
        sys.path.insert(0, str(ROOT / "src"))
        return importlib.import_module("notice_ld.namespaces")


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld document loader that serves the bundled contexts and refuses everything else."""
    if url not in LOCAL_DOCUMENTS:
        raise AssertionError(f"the test tried to load {url!r}, which is not a bundled document")
    document = json.loads(LOCAL_DOCUMENTS[url].read_text(encoding="utf-8"))
    return {"contextUrl": None, "documentUrl": url, "document": document}


def expand(document: dict[str, Any], loader: Callable[..., dict[str, Any]] = local_loader) -> Any:
    return jsonld.expand(document, options={"documentLoader": loader})


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("filename", sorted(NAMESPACES))
def test_vocab_file_parses_with_rdflib_and_pyoxigraph(filename: str) -> None:
    rdflib_graph = graph(filename)
    assert len(rdflib_graph) > 0
    triples = list(pyoxigraph.parse(path=str(VOCAB / filename), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(rdflib_graph)
    assert terms(filename), f"{filename} declares no term of {NAMESPACES[filename]}"


def test_vocab_files_use_http_schema_org_only() -> None:
    for filename in NAMESPACES:
        for triple in graph(filename):
            for node in triple:
                assert not str(node).startswith("https://schema.org"), (filename, node)


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize("filename", sorted(NAMESPACES))
def test_every_term_has_a_label(filename: str) -> None:
    unlabelled = sorted(str(t) for t in terms(filename) if graph(filename).value(t, RDFS.label) is None)
    assert not unlabelled


# --------------------------------------------------------------------------- checks against rdflib


def test_dcterms_terms_exist_in_rdflib_closed_namespace() -> None:
    for name in sorted(local_names("dcterms.ttl")):
        assert rdflib_ns.DCTERMS[name] == URIRef(NAMESPACES["dcterms.ttl"] + name)  # raises if unknown
    with pytest.raises(AttributeError):
        rdflib_ns.DCTERMS.titel  # noqa: B018  (the closed namespace must reject typos)


def test_dcterms_file_lists_all_dcmi_metadata_terms() -> None:
    assert local_names("dcterms.ttl") == rdflib_names(rdflib_ns.DCTERMS)


def test_dcmitype_file_lists_the_whole_type_vocabulary() -> None:
    assert local_names("dcmitype.ttl") == rdflib_names(rdflib_ns.DCMITYPE)
    for name in local_names("dcmitype.ttl"):
        assert rdflib_ns.DCMITYPE[name]


def test_schema_terms_exist_in_rdflib_sdo() -> None:
    missing = sorted(name for name in local_names("schema.ttl") if name not in rdflib_ns.SDO)
    assert not missing


def test_foaf_terms_exist_in_rdflib_foaf() -> None:
    for name in sorted(local_names("foaf.ttl")):
        assert rdflib_ns.FOAF[name]  # closed namespace: raises if unknown
    assert local_names("foaf.ttl") == rdflib_names(rdflib_ns.FOAF)


def test_skos_terms_exist_in_rdflib_skos() -> None:
    for name in sorted(local_names("skos.ttl")):
        assert rdflib_ns.SKOS[name]  # closed namespace: raises if unknown
    assert local_names("skos.ttl") == rdflib_names(rdflib_ns.SKOS)


# --------------------------------------------------------------------------- internal consistency


def test_schema_subset_is_closed() -> None:
    """Every schema: IRI used in schema.ttl (as includes, super-term, type) is declared there."""
    declared = terms("schema.ttl")
    used = {o for o in graph("schema.ttl").objects() if isinstance(o, URIRef) and str(o).startswith(SCHEMA)}
    assert used <= declared, sorted(str(u) for u in used - declared)


def test_required_schema_terms_are_present() -> None:
    required = {
        "Thing", "CreativeWork", "Article", "ScholarlyArticle", "Book", "Chapter", "Thesis", "Report",
        "Dataset", "Periodical", "PublicationIssue", "PublicationVolume", "CreativeWorkSeries",
        "BookSeries", "Collection", "Person", "Organization", "PropertyValue", "StructuredValue",
        "Intangible", "DefinedTerm", "DefinedTermSet", "Language", "WebPage", "MediaObject",
        "ImageObject", "Role", "Text", "URL", "Date", "DateTime", "Integer", "Number", "Boolean",
        "name", "headline", "alternativeHeadline", "abstract", "description", "author", "contributor",
        "editor", "translator", "datePublished", "dateModified", "inLanguage", "keywords", "about",
        "identifier", "isPartOf", "hasPart", "publisher", "provider", "license", "copyrightNotice",
        "url", "sameAs", "isbn", "issn", "volumeNumber", "issueNumber", "pageStart", "pageEnd",
        "pagination", "propertyID", "value", "familyName", "givenName", "inDefinedTermSet", "termCode",
        "genre", "additionalType", "image", "mainEntityOfPage", "citation", "affiliation",
        "alternateName", "position", "roleName", "encodingFormat",
        "contentUrl", "conditionsOfAccess", "creativeWorkStatus", "educationalLevel", "inSupportOf",
        "sourceOrganization", "funder", "mentions", "version",
    }  # fmt: skip
    assert required <= local_names("schema.ttl"), sorted(required - local_names("schema.ttl"))


@pytest.mark.parametrize("filename", sorted(NAMESPACES))
def test_own_namespace_references_are_declared(filename: str) -> None:
    """Objects in a file's own namespace (super-terms, domains, ranges...) are declared in it."""
    namespace = NAMESPACES[filename]
    declared = terms(filename)
    allowed = {
        URIRef(namespace),
        URIRef(namespace.rstrip("#/")),
        # DCMI's dublin_core_terms.ttl gives dcterms:format "dcam:rangeIncludes dcterms:Extent",
        # a term DCMI never defined; transcribed as published.
        URIRef("http://purl.org/dc/terms/Extent"),
    }
    dangling = {
        o
        for o in graph(filename).objects()
        if isinstance(o, URIRef) and str(o).startswith(namespace) and o not in declared | allowed
    }
    assert not dangling, sorted(str(d) for d in dangling)


# --------------------------------------------------------------------------- notice_ld vocabulary


def test_notice_ld_ontology_header() -> None:
    g = graph("notice_ld.ttl")
    assert (NLD_ONTOLOGY, RDF.type, OWL.Ontology) in g
    assert g.value(NLD_ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    dcterms = "http://purl.org/dc/terms/"
    titles = g.objects(NLD_ONTOLOGY, URIRef(dcterms + "title"))
    assert {lit.language for lit in titles if isinstance(lit, Literal)} >= {"fr", "en"}
    assert list(g.objects(NLD_ONTOLOGY, URIRef(dcterms + "description")))


def test_notice_ld_terms() -> None:
    expected = {
        "scope",
        "typeLabel",
        "sourceName",
        "collection",
        "provider",
        "discipline",
        "thesisAdvisor",
        "issnL",
        "isSupplementTo",
        "isSupplementedBy",
        "EtAl",
        "etAl",
    }
    assert local_names("notice_ld.ttl") == expected


@pytest.mark.parametrize("name", sorted(local_names("notice_ld.ttl")))
def test_notice_ld_term_is_documented_in_french_and_english(name: str) -> None:
    g = graph("notice_ld.ttl")
    term = URIRef(NLD + name)
    for predicate in (RDFS.label, RDFS.comment):
        languages = [str(lit.language) for lit in g.objects(term, predicate) if isinstance(lit, Literal)]
        assert sorted(languages) == ["en", "fr"], (name, predicate)
    assert g.value(term, RDFS.isDefinedBy) == NLD_ONTOLOGY


@pytest.mark.parametrize("name", sorted(local_names("notice_ld.ttl")))
def test_notice_ld_term_specialises_a_standard_term(name: str) -> None:
    g = graph("notice_ld.ttl")
    term = URIRef(NLD + name)
    kinds = set(g.objects(term, RDF.type))
    standard = all_declared() - terms("notice_ld.ttl")
    if RDF.Property in kinds or kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}:
        parents = set(g.objects(term, RDFS.subPropertyOf))
    elif kinds & {RDFS.Class, OWL.Class}:
        parents = set(g.objects(term, RDFS.subClassOf))
    else:  # an individual: its class must be declared in vocab/
        parents = {k for k in kinds if k != OWL.NamedIndividual}
        assert parents and parents <= all_declared(), (name, parents)
        return
    assert parents, f"nld:{name} has no standard super-term"
    assert parents <= standard, (name, sorted(str(p) for p in parents - standard))


def test_notice_ld_expected_super_terms() -> None:
    g = graph("notice_ld.ttl")
    dct = "http://purl.org/dc/terms/"
    expected_super = {
        "scope": URIRef(dct + "type"),
        "typeLabel": URIRef(SCHEMA + "genre"),
        "sourceName": URIRef(dct + "source"),
        "collection": URIRef(dct + "isPartOf"),
        "provider": URIRef(dct + "relation"),
        "discipline": URIRef(dct + "subject"),
        "thesisAdvisor": URIRef(dct + "contributor"),
        "issnL": URIRef("http://purl.org/ontology/bibo/issn"),
        "isSupplementTo": URIRef(dct + "relation"),
        "isSupplementedBy": URIRef(dct + "relation"),
    }
    for name, parent in expected_super.items():
        assert (URIRef(NLD + name), RDFS.subPropertyOf, parent) in g, name
    assert (URIRef(NLD + "EtAl"), RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Agent")) in g
    assert (URIRef(NLD + "etAl"), RDF.type, URIRef(NLD + "EtAl")) in g
    assert {str(lit) for lit in g.objects(URIRef(NLD + "etAl"), RDFS.label)} == {"et al."}
    assert not list(g.triples((URIRef(NLD + "provider"), OWL.equivalentProperty, None)))
    assert (URIRef(NLD + "datePrecision"), None, None) not in g


def test_bibo_has_its_individuals() -> None:
    g = graph("bibo.ttl")
    bibo = NAMESPACES["bibo.ttl"]
    statuses = set(g.subjects(RDF.type, URIRef(bibo + "DocumentStatus")))
    degrees = set(g.subjects(RDF.type, URIRef(bibo + "ThesisDegree")))
    assert URIRef(bibo + "status/peerReviewed") in statuses
    assert len(statuses) == 9
    assert {URIRef(bibo + "degrees/" + d) for d in ("ma", "ms", "phd")} == degrees
    author_list = URIRef(bibo + "authorList")
    assert (author_list, RDF.type, OWL.ObjectProperty) in g
    assert isinstance(g.value(author_list, RDFS.range), BNode)  # owl:unionOf (rdf:List rdf:Seq)


# --------------------------------------------------------------------------- generated namespaces


def test_generated_namespaces_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(VOCAB / "generate_namespaces.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_namespaces_module_is_closed() -> None:
    namespaces = load_namespaces()
    bibo = namespaces.BIBO
    assert bibo.authorList == URIRef("http://purl.org/ontology/bibo/authorList")
    with pytest.raises(AttributeError):
        bibo.authorLsit  # noqa: B018
    assert bibo["status/peerReviewed"] == URIRef("http://purl.org/ontology/bibo/status/peerReviewed")
    assert namespaces.DCTERMS["ISO639-2"] == URIRef("http://purl.org/dc/terms/ISO639-2")
    assert namespaces.SDO.name == URIRef("http://schema.org/name")
    assert namespaces.NLD.etAl == URIRef(NLD + "etAl")
    assert namespaces.SKOS.prefLabel == rdflib_ns.SKOS.prefLabel
    assert namespaces.FOAF.based_near == rdflib_ns.FOAF.based_near
    assert namespaces.DCMITYPE.Collection == rdflib_ns.DCMITYPE.Collection


def test_namespaces_module_covers_every_vocab_file() -> None:
    namespaces = load_namespaces()
    classes = {
        "dcterms.ttl": "DCTERMS",
        "dcmitype.ttl": "DCMITYPE",
        "bibo.ttl": "BIBO",
        "schema.ttl": "SDO",
        "foaf.ttl": "FOAF",
        "skos.ttl": "SKOS",
        "notice_ld.ttl": "NLD",
    }
    assert sorted(namespaces.__all__) == sorted(classes.values())
    for filename, class_name in classes.items():
        namespace = getattr(namespaces, class_name)
        assert rdflib_names(namespace) == local_names(filename), class_name
        assert str(namespace._NS) == NAMESPACES[filename]


# --------------------------------------------------------------------------- JSON-LD contexts


def test_notice_ld_context_is_sorted_prefixes_only() -> None:
    raw = (CONTEXTS / "notice_ld.jsonld").read_text(encoding="utf-8")
    context = json.loads(raw)["@context"]
    assert list(context) == sorted(context)
    assert all(isinstance(v, str) and v.endswith(("/", "#")) for v in context.values())
    assert context["schema"] == SCHEMA
    assert context["nld"] == NLD
    for filename, namespace in NAMESPACES.items():
        assert namespace in context.values(), filename


def test_notice_ld_context_expands_with_a_local_loader() -> None:
    document = {
        "@context": NOTICE_LD_CONTEXT_URL,
        "@id": "https://example.org/notice/1",
        "@type": "bibo:AcademicArticle",
        "dcterms:title": {"@value": "Un titre", "@language": "fr"},
        "schema:datePublished": {"@value": "2020", "@type": "xsd:gYear"},
        "bibo:authorList": {"@list": [{"@id": "https://example.org/p/1"}, {"@id": "nld:etAl"}]},
    }
    [node] = expand(document)
    assert node["@type"] == ["http://purl.org/ontology/bibo/AcademicArticle"]
    assert node["http://purl.org/dc/terms/title"] == [{"@value": "Un titre", "@language": "fr"}]
    year = node["http://schema.org/datePublished"][0]
    assert year["@type"] == "http://www.w3.org/2001/XMLSchema#gYear"
    authors = node["http://purl.org/ontology/bibo/authorList"][0]["@list"]
    assert authors[-1] == {"@id": NLD + "etAl"}


def test_schema_org_context_expands_to_http_schema_org() -> None:
    document = {
        "@context": "https://schema.org",
        "@id": "https://example.org/notice/1",
        "@type": "ScholarlyArticle",
        "name": "Un titre",
        "datePublished": "2020-05",
        "url": "https://example.org/notice/1.html",
        "isPartOf": "https://example.org/journal",
        "author": {"@type": "Person", "familyName": "Dupont", "givenName": "Marie"},
        "identifier": {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1234/x"},
    }
    [node] = expand(document)
    assert node["@type"] == [SCHEMA + "ScholarlyArticle"]
    assert node[SCHEMA + "datePublished"] == [{"@type": SCHEMA + "Date", "@value": "2020-05"}]
    assert node[SCHEMA + "url"] == [{"@id": "https://example.org/notice/1.html"}]
    assert node[SCHEMA + "isPartOf"] == [{"@id": "https://example.org/journal"}]
    # every expanded predicate and type is a term of vocab/schema.ttl
    declared = {str(t) for t in terms("schema.ttl")}

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if not key.startswith("@"):
                    assert key in declared, key
                elif key == "@type" and isinstance(item, list):
                    assert set(item) <= declared, item
                walk(item)

    walk(node)


def test_schema_org_context_terms_are_schema_ttl_terms() -> None:
    context = json.loads((CONTEXTS / "schema.org.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["@vocab"] == SCHEMA
    assert context["schema"] == SCHEMA
    assert context["id"] == "@id"
    assert context["type"] == "@type"
    schema_terms: set[str] = set()
    for key, definition in context.items():
        if key.startswith("@") or key in {"id", "type"}:
            continue
        if isinstance(definition, str):  # a prefix
            assert definition.startswith(("http://", "https://")), key
            continue
        if key == "HTML":  # the official context's alias of rdf:HTML
            assert definition == {"@id": "rdf:HTML"}
            continue
        assert definition["@id"] == f"schema:{key}", key
        assert set(definition) <= {"@id", "@type"}, key
        assert definition.get("@type", "@id") in {"@id", "Date"}, key
        schema_terms.add(key)
    assert schema_terms == local_names("schema.ttl")


def test_schema_org_context_types_follow_the_official_context() -> None:
    context = json.loads((CONTEXTS / "schema.org.jsonld").read_text(encoding="utf-8"))["@context"]
    typed = {key: d["@type"] for key, d in context.items() if isinstance(d, dict) and "@type" in d}
    assert typed == {
        "contentUrl": "@id",
        "dateModified": "Date",
        "datePublished": "Date",
        "image": "@id",
        "inDefinedTermSet": "@id",
        "isPartOf": "@id",
        "license": "@id",
        "mainEntityOfPage": "@id",
        "sameAs": "@id",
        "url": "@id",
    }
