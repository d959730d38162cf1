"""The three-vocabulary mapping: every seed field survives, terms exist, IRIs are stable."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, SDO, SKOS

from notice_ld import Config, Notice, Profile
from notice_ld.crosswalk import crosswalk, expand, prefixes
from notice_ld.mapping import map_notice
from notice_ld.terms import IRI, RDF_LANGSTRING, XSD, Literal

from .conftest import ROOT

BIBO = "http://purl.org/ontology/bibo/"
SCHEMA = "http://schema.org/"
DCT = "http://purl.org/dc/terms/"
NLD = "https://w3id.org/notice-ld/ns#"


def objects(graph: tuple, s: str, p: str) -> list:
    return [o for (ss, pp, o) in graph if ss == s and pp == p]


def test_every_seed_field_survives(seed: Notice) -> None:
    g = map_notice(seed)
    t = g.triples
    doc = g.iri
    assert doc == "https://hdl.handle.net/10670/1.jt89mr"
    title = seed.titles[0].value
    for p in (DCT + "title", SCHEMA + "name", SCHEMA + "headline"):
        assert objects(t, doc, p) == [Literal(title, RDF_LANGSTRING, "fr")]
    for p in (DCT + "abstract", BIBO + "abstract", SCHEMA + "abstract"):
        assert {o.lang for o in objects(t, doc, p)} == {"fr", "en"}
    assert objects(t, doc, DCT + "issued") == [Literal("2019", XSD + "gYear")]
    assert objects(t, doc, SCHEMA + "datePublished") == [Literal("2019", XSD + "gYear")]
    assert objects(t, doc, BIBO + "handle") == [Literal("10670/1.jt89mr")]
    assert objects(t, doc, DCT + "identifier") == [Literal("10670/1.jt89mr")]
    assert objects(t, doc, NLD + "sourceName") == [Literal("Vie sociale")]
    assert objects(t, doc, DCT + "bibliographicCitation") == [Literal(seed.citation or "")]
    assert objects(t, doc, DCT + "rights") == [Literal("Cairn")]
    assert objects(t, doc, SCHEMA + "copyrightNotice") == [Literal("Cairn")]
    assert set(objects(t, doc, str(RDF.type))) == {
        IRI(BIBO + "AcademicArticle"),
        IRI(SCHEMA + "ScholarlyArticle"),
    }
    # ordered authors: Jouet first, then the explicit "et al." marker, no invented co-author
    (seq,) = objects(t, doc, BIBO + "authorList")
    (jouet,) = objects(t, seq, str(RDF) + "_1")
    assert objects(t, seq, str(RDF) + "_2") == [IRI(NLD + "etAl")]
    assert objects(t, seq, str(RDF) + "_3") == []
    assert objects(t, jouet, str(FOAF.name)) == [Literal("Emmanuelle Jouet")]
    assert objects(t, jouet, SCHEMA + "familyName") == [Literal("Jouet")]
    assert objects(t, doc, DCT + "creator") == [jouet]
    # journal, collection, organisation
    (journal,) = objects(t, doc, DCT + "isPartOf")
    assert objects(t, journal, DCT + "title") == [Literal("Vie sociale")]
    assert IRI(BIBO + "Journal") in objects(t, journal, str(RDF.type))
    (collection,) = objects(t, doc, NLD + "collection")
    assert objects(t, collection, SCHEMA + "name") == [Literal("Cairn.info")]
    (provider,) = objects(t, doc, NLD + "provider")
    assert objects(t, doc, SCHEMA + "provider") == [provider]
    assert objects(t, provider, str(FOAF.name)) == [Literal("Cairn")]


def _vocab_terms() -> set[str]:
    terms: set[str] = set()
    for path in sorted((ROOT / "vocab").glob("*.ttl")):
        g = Graph().parse(path, format="turtle")
        terms.update(str(s) for s in g.subjects() if isinstance(s, URIRef))
    return terms


BUILTIN = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2001/XMLSchema#")


def test_every_emitted_term_exists_in_the_bundled_vocabularies(example_notices: list[Notice]) -> None:
    known = _vocab_terms()
    namespaces = tuple(ns for p, ns in prefixes().items() if p not in ("rdf", "rdfs", "xsd", "owl"))
    used: set[str] = set()
    for notice in example_notices:
        for _, p, o in map_notice(notice).triples:
            used.add(p)
            if isinstance(o, IRI) and o.startswith(namespaces):
                used.add(str(o))
            if isinstance(o, Literal) and o.datatype.startswith(namespaces):
                used.add(o.datatype)
    unknown = sorted(u for u in used if not u.startswith(BUILTIN) and u not in known)
    assert not unknown, f"terms not in vocab/*.ttl: {unknown}"
    crosswalk_unknown = sorted(
        c for c in crosswalk().curies() if not expand(c).startswith(BUILTIN) and expand(c) not in known
    )
    assert not crosswalk_unknown


def test_standard_terms_exist_in_rdflibs_closed_namespaces(example_notices: list[Notice]) -> None:
    """An independent check: rdflib's DefinedNamespaces (with _fail) know every term we emit."""
    closed = {DCT: DCTERMS, SCHEMA: SDO, str(FOAF): FOAF, str(SKOS): SKOS}
    for notice in example_notices:
        for _, p, o in map_notice(notice).triples:
            for iri in (p, o if isinstance(o, IRI) else None):
                if iri is None:
                    continue
                for ns, namespace in closed.items():
                    if iri.startswith(ns):
                        local = iri[len(ns) :]
                        term = URIRef(str(namespace) + local) if namespace is SDO else URIRef(iri)
                        assert term in namespace, f"{iri} is not in rdflib's closed namespace"


@pytest.mark.parametrize("profile", list(Profile))
def test_profiles_emit_only_their_vocabulary(seed: Notice, profile: Profile) -> None:
    g = map_notice(seed, Config(profiles=frozenset({profile})))
    predicates = {p for _, p, _ in g.triples}
    own = {
        Profile.DCTERMS: (DCT, NLD, str(FOAF), str(SKOS)),
        Profile.BIBO: (BIBO, str(FOAF)),
        Profile.SCHEMA: (SCHEMA,),
    }[profile]
    assert all(p.startswith((*own, *BUILTIN)) for p in predicates), sorted(predicates)
    assert predicates


def test_no_blank_nodes_and_no_duplicates(example_notices: list[Notice]) -> None:
    for notice in example_notices:
        triples = map_notice(notice).triples
        assert len(triples) == len(set(triples))
        for s, _, o in triples:
            assert s.startswith(("http://", "https://", "urn:"))
            if isinstance(o, IRI):
                assert not o.startswith("_:")


def test_document_iri_template() -> None:
    n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]})
    g = map_notice(n, Config(document_iri_template="https://isidore.science/document/{id}"))
    assert g.iri == "https://isidore.science/document/10670/1.jt89mr"


def test_people_without_pid_get_stable_minted_iris() -> None:
    a = Notice.from_dict(
        {"id": "10.1234/a", "titles": [{"value": "A"}], "creators": [{"family": "Müller", "given": "Jean"}]}
    )
    b = Notice.from_dict(
        {"id": "10.1234/b", "titles": [{"value": "B"}], "creators": [{"family": "Müller", "given": "Jean"}]}
    )
    c = Notice.from_dict(
        {"id": "10.1234/c", "titles": [{"value": "C"}], "creators": [{"family": "Muller", "given": "Jean"}]}
    )

    def creator(n: Notice) -> str:
        return next(o for s, p, o in map_notice(n).triples if p == DCT + "creator")

    assert creator(a) == creator(b)  # same name, same IRI in every notice
    assert creator(a) != creator(c)  # a different spelling is not silently merged
    assert creator(a).startswith("https://w3id.org/notice-ld/id/person/muller-jean-")


def test_orcid_is_the_person_iri() -> None:
    n = Notice.from_dict(
        {
            "id": "10.1234/a",
            "titles": [{"value": "A"}],
            "creators": [
                {
                    "family": "Carberry",
                    "given": "Josiah",
                    "identifiers": ["https://orcid.org/0000-0002-1825-0097"],
                }
            ],
        }
    )
    triples = map_notice(n).triples
    assert (
        "https://doi.org/10.1234/a",
        DCT + "creator",
        IRI("https://orcid.org/0000-0002-1825-0097"),
    ) in triples


def test_date_datatype_follows_precision() -> None:
    for issued, datatype in (("2019", "gYear"), ("2019-05", "gYearMonth"), ("2019-05-14", "date")):
        n = Notice.from_dict({"id": "10.1234/a", "titles": [{"value": "A"}], "issued": issued})
        assert (map_notice(n).iri, DCT + "issued", Literal(issued, XSD + datatype)) in map_notice(n).triples


def test_crosswalk_fields_are_model_fields() -> None:
    model_fields = set(Notice.model_fields) | {"agent", "concept"}
    for row in crosswalk().rows:
        head = row.field.split(".")[0].split("[")[0]
        assert head in model_fields, row


def test_docs_render_the_crosswalk() -> None:
    page = (ROOT / "docs" / "crosswalk.md").read_text(encoding="utf-8")
    for row in crosswalk().rows:
        assert row.curie in page, f"docs/crosswalk.md does not show {row.curie} ({row.field})"
