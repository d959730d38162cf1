"""Access rights and relations, end to end: the model, the three profiles, the shapes, the reverse
mapping, the JSON schema, and the readers that fill them (oai_dc, qdc, CSV)."""

from __future__ import annotations

import dataclasses
import io
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.config import Config, Profile
from notice_ld.errors import RecordError
from notice_ld.mapping import map_notice
from notice_ld.mapping.reverse import notice_from_graph
from notice_ld.model import AccessRights, Notice, RelationType
from notice_ld.readers import InputFormat, Residue, read
from notice_ld.terms import IRI, Literal, Object, triple_key
from notice_ld.validation import validate

from .conftest import ROOT
from .strategies import related_identifiers, relation_types

DCT = "http://purl.org/dc/terms/"
BIBO = "http://purl.org/ontology/bibo/"
SDO = "http://schema.org/"
NLD = "https://w3id.org/notice-ld/ns#"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
DOC = "https://doi.org/10.5281/zenodo.10357859"
BASE: dict[str, Any] = {"id": "10.5281/zenodo.10357859", "titles": [{"value": "RDMO 2.1.0", "lang": "en"}]}

# every relation type: its term in each profile (None: the vocabulary has none)
TERMS: dict[str, tuple[str, str | None, str | None]] = {
    "is_version_of": (DCT + "isVersionOf", None, SDO + "exampleOfWork"),
    "has_version": (DCT + "hasVersion", None, SDO + "workExample"),
    "is_part_of": (DCT + "isPartOf", None, SDO + "isPartOf"),
    "has_part": (DCT + "hasPart", None, SDO + "hasPart"),
    "references": (DCT + "references", BIBO + "cites", SDO + "citation"),
    "is_referenced_by": (DCT + "isReferencedBy", BIBO + "citedBy", None),
    "is_format_of": (DCT + "isFormatOf", None, None),
    "has_format": (DCT + "hasFormat", None, None),
    "replaces": (DCT + "replaces", None, None),
    "is_replaced_by": (DCT + "isReplacedBy", None, None),
    "is_supplement_to": (NLD + "isSupplementTo", None, None),
    "is_supplemented_by": (NLD + "isSupplementedBy", None, None),
    "related": (DCT + "relation", None, None),
}
PROFILES = (Profile.DCTERMS, Profile.BIBO, Profile.SCHEMA)


def notice(**fields: Any) -> Notice:
    return Notice.from_dict({**BASE, **fields})


def error(**fields: Any) -> RecordError:
    with pytest.raises(RecordError) as caught:
        notice(**fields)
    return caught.value


def every_relation() -> list[dict[str, Any]]:
    return [{"type": kind, "identifier": f"10.5281/zenodo.{i}"} for i, kind in enumerate(TERMS, start=1)]


def only(profile: Profile) -> Config:
    return Config(profiles=frozenset({profile}))


def objects(n: Notice, predicate: str, config: Config | None = None) -> list[Any]:
    graph = map_notice(n, config) if config else map_notice(n)
    return [o for s, p, o in graph.triples if s == graph.iri and p == predicate]


# ------------------------------------------------------------------------------------ the model


def test_the_two_closed_sets() -> None:
    assert [a.value for a in AccessRights] == ["open", "embargoed", "restricted", "closed"]
    assert [a.coar_iri.rsplit("/", 1)[1] for a in AccessRights] == ["c_abf2", "c_f1cf", "c_16ec", "c_14cb"]
    assert [a.free for a in AccessRights] == [True, False, False, False]
    assert [t.value for t in RelationType] == list(TERMS)
    assert all(t.inverse.inverse is t for t in RelationType)
    assert RelationType.RELATED.inverse is RelationType.RELATED


def test_the_json_form_round_trips_and_validates_against_the_schema() -> None:
    data = {
        **BASE,
        "access_rights": "embargoed",
        "embargo_end": "2025-06",
        "relations": [
            *every_relation(),
            {"type": "references", "identifier": {"scheme": "ark", "value": "ark:/12148/bpt6k5619759j"}},
        ],
    }
    n = Notice.from_dict(data)
    assert Notice.from_dict(n.to_dict()) == n
    schema = json.loads((ROOT / "docs" / "notice.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    jsonschema.validate(n.to_dict(), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "access_rights": "free"}, schema)


@pytest.mark.parametrize(
    ("fields", "field", "problem", "fix"),
    [
        (
            {"access_rights": "OPEN"},
            "access_rights",
            "'open', 'embargoed', 'restricted' or 'closed'",
            "listed",
        ),
        ({"access_rights": True}, "access_rights", "'open', 'embargoed'", "listed"),
        (
            {"relations": [{"type": "cites", "identifier": "10.1234/x"}]},
            "relations[0].type",
            "'is_version_of', 'has_version'",
            "listed",
        ),
        (
            {"relations": [{"type": "references", "identifier": "not an identifier"}]},
            "relations[0].identifier",
            "cannot tell which kind of identifier this is",
            "resolver URL",
        ),
        (
            {"relations": [{"type": "references", "identifier": "javascript:alert(1)"}]},
            "relations[0].identifier",
            "",
            "",
        ),
        (
            {"relations": [{"type": "references"}]},
            "relations[0].identifier",
            "this field is required",
            "add this field",
        ),
        (
            {"relations": [{"type": "has_part", "identifier": "https://orcid.org/0000-0002-1825-0097"}]},
            "relations[0].identifier",
            "an ORCID names a person or an organisation, not a document",
            "DOI, Handle, ARK",
        ),
        (
            {
                "relations": [
                    {"type": "related", "identifier": "10.1234/ok"},
                    {"type": "related", "identifier": DOC},
                ]
            },
            "relations[1].identifier",
            "this notice's own identifier",
            "remove this relation",
        ),
        (
            {
                "container": {"title": "Vie sociale", "issn": "1950-4667"},
                "relations": [{"type": "is_part_of", "identifier": {"scheme": "issn", "value": "1950-4667"}}],
            },
            "relations[0].identifier",
            "container",
            "already contains the document",
        ),
        (
            {"embargo_end": "2025-01-01"},
            "embargo_end",
            "not 'embargoed' (it is not given)",
            "set access_rights",
        ),
        (
            {"access_rights": "open", "embargo_end": "2025-01-01"},
            "embargo_end",
            "(it is 'open')",
            "an embargo that is over is 'open'",
        ),
        (
            {"access_rights": "embargoed", "embargo_end": "2025-02-30"},
            "embargo_end",
            "day 30 does not exist",
            "YYYY",
        ),
        ({"relations": {"type": "related"}}, "relations", "", "write a list"),
    ],
)
def test_bad_values_are_record_errors_naming_the_field_and_the_fix(
    fields: dict[str, Any], field: str, problem: str, fix: str
) -> None:
    err = error(**fields)
    assert err.record == "10.5281/zenodo.10357859"
    assert err.field == field
    assert problem in err.problem
    assert fix in err.fix and err.fix


def test_a_relation_is_its_target_iri() -> None:
    n = notice(
        relations=[
            {
                "type": "references",
                "identifier": {"scheme": "url", "value": "https://hal.science/hal-01234567"},
            },
            {"type": "references", "identifier": "hal-01234567"},  # the same link again: kept once
            {"type": "related", "identifier": "hal-01234567"},  # another type: another link
            {"type": "has_format", "identifier": "https://gallica.bnf.fr/ark:/12148/bpt6k5619759j"},
            {"type": "is_part_of", "identifier": "https://hdl.handle.net/10670/1.jt89mr"},
        ]
    )
    assert [(r.type.value, r.identifier.scheme.value, r.iri) for r in n.relations] == [
        ("references", "hal", "https://hal.science/hal-01234567"),
        ("related", "hal", "https://hal.science/hal-01234567"),
        ("has_format", "ark", "https://gallica.bnf.fr/ark:/12148/bpt6k5619759j"),
        ("is_part_of", "handle", "https://hdl.handle.net/10670/1.jt89mr"),
    ]
    # an ARK read from its own resolver keeps it in the JSON form (its IRI)
    assert n.to_dict()["relations"][2]["identifier"] == {
        "scheme": "ark",
        "value": "https://gallica.bnf.fr/ark:/12148/bpt6k5619759j",
    }


# ---------------------------------------------------------------------------------- the mapping


@pytest.mark.parametrize("kind", list(TERMS))
@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.value)
def test_each_relation_type_in_each_profile(kind: str, profile: Profile) -> None:
    target = "https://doi.org/10.5281/zenodo.596581"
    n = notice(relations=[{"type": kind, "identifier": "10.5281/zenodo.596581"}])
    graph = map_notice(n, only(profile))
    term = TERMS[kind][PROFILES.index(profile)]
    links = sorted(p for s, p, o in graph.triples if o == target)
    assert links == ([term] if term else [])
    assert all(s == graph.iri for s, _, o in graph.triples if o == target)
    assert not [t for t in graph.triples if t[0] == target]  # the related resource is not described


@pytest.mark.parametrize("access", list(AccessRights))
def test_access_rights_in_each_profile(access: AccessRights) -> None:
    n = notice(access_rights=access.value)
    assert objects(n, DCT + "accessRights", only(Profile.DCTERMS)) == [access.coar_iri]
    free = "true" if access is AccessRights.OPEN else "false"
    assert objects(n, SDO + "isAccessibleForFree", only(Profile.SCHEMA)) == [Literal(free, XSD_BOOLEAN)]
    bibo = map_notice(n, only(Profile.BIBO)).triples
    assert not [t for t in bibo if "ccess" in t[1]]  # BIBO has no term for it
    assert objects(n, DCT + "accessRights", only(Profile.SCHEMA)) == []


def test_the_end_of_an_embargo_is_dcterms_available() -> None:
    n = notice(access_rights="embargoed", embargo_end="2025-06")
    assert objects(n, DCT + "available") == [
        Literal("2025-06", "http://www.w3.org/2001/XMLSchema#gYearMonth")
    ]
    assert objects(notice(access_rights="embargoed"), DCT + "available") == []


def test_a_notice_without_the_new_fields_maps_as_before() -> None:
    triples = map_notice(notice()).triples
    used = {p for _, p, _ in triples}
    assert not used & {DCT + "accessRights", DCT + "available", SDO + "isAccessibleForFree"}
    assert not used & {t for row in TERMS.values() for t in row if t}


def test_is_part_of_beside_a_container() -> None:
    n = notice(
        container={"title": "Vie sociale", "issn": "1950-4667"},
        relations=[{"type": "is_part_of", "identifier": "10.5281/zenodo.1"}],
    )
    assert sorted(objects(n, DCT + "isPartOf")) == [
        "https://doi.org/10.5281/zenodo.1",
        "https://portal.issn.org/resource/ISSN/1950-4667",
    ]


# ----------------------------------------------------------------------------------- the shapes


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_the_shapes_accept_what_the_mapping_writes(engine: str) -> None:
    n = notice(
        issued="2023",
        creators=[{"family": "Klar", "given": "Jochen"}],
        license={"iri": "https://creativecommons.org/licenses/by/4.0/"},
        container={"title": "Vie sociale", "issn": "1950-4667"},
        access_rights="embargoed",
        embargo_end="2025-06-30",
        relations=every_relation(),
    )
    report = validate(map_notice(n), engine=engine)
    assert report.conforms, [(r.field, r.shape, r.message) for r in report.results]
    assert not report.results


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_the_shapes_refuse_other_values(engine: str) -> None:
    graph = map_notice(notice(issued="2023", creators=[{"family": "Klar"}]))
    bad: tuple[tuple[str, str, Object], ...] = (
        (graph.iri, DCT + "accessRights", IRI("http://example.org/open")),
        (graph.iri, SDO + "isAccessibleForFree", Literal("yes")),
        (graph.iri, DCT + "available", Literal("soon")),
        (graph.iri, DCT + "isVersionOf", Literal("10.5281/zenodo.1")),
        (graph.iri, SDO + "citation", Literal("Smith 2020")),
    )
    broken = dataclasses.replace(graph, triples=tuple(sorted(set(graph.triples + bad), key=triple_key)))
    report = validate(broken, engine=engine, lang="en")
    found = {(r.field, r.shape.rsplit("/", 1)[1]) for r in report.violations}
    assert found == {
        ("access_rights", "core#Document-accessRights"),
        ("access_rights", "schema#Document-isAccessibleForFree"),
        ("embargo_end", "core#Document-available"),
        ("", "core#Document-relation"),
        ("", "schema#Document-relation"),
    }
    messages = " ".join(r.message for r in report.violations)
    assert "COAR Access Rights" in messages and "field relations" in messages


def test_a_bare_is_part_of_link_is_not_a_container_without_title() -> None:
    n = notice(
        issued="2023",
        creators=[{"family": "Klar"}],
        relations=[{"type": "is_part_of", "identifier": "10.5281/zenodo.1"}],
    )
    report = validate(map_notice(n))
    assert not [r for r in report.violations if "Container" in r.shape]


# ------------------------------------------------------------------------------ the reverse mapping


def round_trip(n: Notice, config: Config | None = None) -> Notice:
    graph = map_notice(n, config) if config else map_notice(n)
    rebuilt = notice_from_graph(graph.triples, graph.iri, config)
    again = map_notice(rebuilt, config) if config else map_notice(rebuilt)
    assert again.triples == graph.triples
    return rebuilt


def by_target(n: Notice) -> list[tuple[str, str]]:
    return sorted((r.type.value, r.iri) for r in n.relations)


@pytest.mark.parametrize("access", list(AccessRights))
def test_access_rights_come_back(access: AccessRights) -> None:
    embargo = {"embargo_end": "2025-06-30"} if access is AccessRights.EMBARGOED else {}
    n = notice(access_rights=access.value, **embargo)
    assert round_trip(n) == n
    # schema.org alone says only whether the document is free: open comes back, the others do not
    schema = Config(profiles=frozenset({Profile.SCHEMA}))
    graph = map_notice(n, schema)
    assert notice_from_graph(graph.triples, graph.iri, schema).access_rights == (
        access if access is AccessRights.OPEN else None
    )


def test_every_relation_type_comes_back_with_a_container_and_a_collection() -> None:
    n = notice(
        container={"title": "Vie sociale", "issn": "1950-4667", "volume": "25"},
        collection={"name": "HAL", "iri": "https://hal.science/"},
        relations=[
            *every_relation(),
            {"type": "has_format", "identifier": "https://gallica.bnf.fr/ark:/12148/bpt6k5619759j"},
            {"type": "related", "identifier": "https://github.com/rdmorganiser/rdmo"},
            {"type": "references", "identifier": "hal-01234567"},
        ],
    )
    rebuilt = round_trip(n)
    assert by_target(rebuilt) == by_target(n)
    assert rebuilt.container == n.container and rebuilt.collection == n.collection
    ark = next(r for r in rebuilt.relations if r.identifier.scheme.value == "ark")
    assert ark.iri == "https://gallica.bnf.fr/ark:/12148/bpt6k5619759j"  # its resolver is kept


@pytest.mark.parametrize("profile", [Profile.DCTERMS, Profile.SCHEMA], ids=lambda p: p.value)
def test_relations_come_back_from_one_profile_where_it_has_the_terms(profile: Profile) -> None:
    """(BIBO alone does not carry the notice's identifier literals: no notice comes back from it.)"""
    n = notice(relations=every_relation())
    config = only(profile)
    graph = map_notice(n, config)
    rebuilt = notice_from_graph(graph.triples, graph.iri, config)
    expected = [
        (r.type.value, r.iri) for r in n.relations if TERMS[r.type.value][PROFILES.index(profile)] is not None
    ]
    assert by_target(rebuilt) == sorted(expected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(relation_types, related_identifiers), max_size=6),
    st.one_of(st.none(), st.sampled_from([a.value for a in AccessRights])),
)
def test_relations_and_access_round_trip(pairs: list[tuple[str, Any]], access: str | None) -> None:
    fields: dict[str, Any] = {"relations": [{"type": k, "identifier": i} for k, i in pairs]}
    if access is not None:
        fields["access_rights"] = access
    n = notice(**fields)
    rebuilt = round_trip(n)
    assert by_target(rebuilt) == by_target(n)
    assert rebuilt.access_rights == n.access_rights


# ------------------------------------------------------------------------------------- readers


def read_all(data: str, fmt: InputFormat) -> list[Any]:
    return list(read(io.BytesIO(data.encode()), fmt, name="t"))


OAI = """<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
<record><header><identifier>oai:zenodo.org:10357859</identifier></header>
<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
  <dc:title>RDMO 2.1.0</dc:title>
  <dc:identifier>https://doi.org/10.5281/zenodo.10357859</dc:identifier>
  <dc:date>2023-12-12</dc:date>
  <dc:date>info:eu-repo/date/embargoEnd/2025-06-30</dc:date>
  <dc:rights>info:eu-repo/semantics/embargoedAccess</dc:rights>
  <dc:relation>https://doi.org/10.5281/zenodo.596581</dc:relation>
  <dc:relation>https://doi.org/10.5281/zenodo.10357859</dc:relation>
  <dc:relation>https://orcid.org/0000-0002-1825-0097</dc:relation>
  <dc:relation>Voir aussi le manuel</dc:relation>
  <dcterms:isReferencedBy>https://doi.org/10.1000/cited.by</dcterms:isReferencedBy>
  <dcterms:requires>https://python.org</dcterms:requires>
</oai_dc:dc></metadata></record>
<record><header><identifier>oai:hal:hal-1</identifier></header>
<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:title>Ouvert</dc:title><dc:identifier>hal-01234567</dc:identifier>
  <dc:date>2020</dc:date><dc:date>info:eu-repo/date/embargoEnd/2019-01-01</dc:date>
  <dc:rights>http://purl.org/coar/access_right/c_abf2</dc:rights>
</oai_dc:dc></metadata></record>
</ListRecords></OAI-PMH>"""


def test_oai_dc_access_rights_embargo_and_relations() -> None:
    first, residue, second, second_residue = read_all(OAI, InputFormat.OAI_DC)
    assert isinstance(first, Notice) and isinstance(residue, Residue)
    assert (first.access_rights, first.embargo_end) == (AccessRights.EMBARGOED, "2025-06-30")
    assert [(r.type.value, r.iri) for r in first.relations] == [
        ("is_version_of", "https://doi.org/10.5281/zenodo.596581"),  # the concept DOI of its series
        ("is_referenced_by", "https://doi.org/10.1000/cited.by"),
    ]
    reasons = {item.value: item.reason for item in residue.items}
    assert reasons == {
        "https://doi.org/10.5281/zenodo.10357859": "the record's own identifier, not a related resource",
        "https://orcid.org/0000-0002-1825-0097": (
            "an ORCID identifies a person or an organisation, not a related resource"
        ),
        "Voir aussi le manuel": "a related resource not named by an identifier or URL",
        "https://python.org": "a relation the notice model has no type for (requires, conformsTo…)",
    }
    # open access (a COAR IRI): an embargo end date is then told, not kept
    assert isinstance(second, Notice) and (second.access_rights, second.embargo_end) == (
        AccessRights.OPEN,
        None,
    )
    assert [(i.value, i.reason) for i in second_residue.items] == [
        ("info:eu-repo/date/embargoEnd/2019-01-01", "the end of an embargo, but the access status is open")
    ]


def test_qdc_fixture_access_and_relations() -> None:
    with (ROOT / "tests" / "data" / "readers" / "qdc" / "listrecords.xml").open("rb") as fh:
        items = list(read(fh, InputFormat.QDC, name="q"))
    n = next(i for i in items if isinstance(i, Notice) and i.id.value == "10.4000/terrains.1201")
    assert n.access_rights is AccessRights.EMBARGOED
    assert [(r.type.value, r.iri) for r in n.relations] == [
        ("is_version_of", "https://hal.science/halshs-02000001"),
        ("has_version", "https://journals.openedition.org/terrains/1201?lang=en"),
        ("references", "https://doi.org/10.1017/s0003975609990129"),
        ("has_format", "https://journals.openedition.org/terrains/tei/1201"),
    ]


def test_csv_columns() -> None:
    text = (
        "id,title,access_rights,embargo_end,relation.1.type,relation.1.identifier,relation.2.identifier\n"
        "10670/1.abc123,T,info:eu-repo/semantics/embargoedAccess,2026-01-01,is_version_of,10.5281/zenodo.1,"
        "https://example.org/x\n"
        "10670/1.abc124,T,closed,,cites,10.5281/zenodo.1,\n"
        "10670/1.abc125,T,,,references,,\n"
    )
    good, bad_type, no_identifier = read(io.StringIO(text), InputFormat.CSV, name="n.csv")
    assert isinstance(good, Notice)
    assert (good.access_rights, good.embargo_end) == (AccessRights.EMBARGOED, "2026-01-01")
    assert [(r.type.value, r.iri) for r in good.relations] == [
        ("is_version_of", "https://doi.org/10.5281/zenodo.1"),
        ("related", "https://example.org/x"),  # no type given: a relation of no precise kind
    ]
    assert isinstance(bad_type, RecordError)
    assert bad_type.field == "relations[0].type (column 'relation.1.type')"
    assert isinstance(no_identifier, RecordError)
    assert no_identifier.field == "column 'relation.1.identifier'"
    assert "without the identifier" in no_identifier.problem


def test_notice_json_lines_carry_both_fields() -> None:
    data = {
        **BASE,
        "access_rights": "restricted",
        "relations": [{"type": "has_part", "identifier": "10.1234/p"}],
    }
    (n,) = read_all(json.dumps(data) + "\n", InputFormat.JSONL)
    assert n.access_rights is AccessRights.RESTRICTED and n.relations[0].iri == "https://doi.org/10.1234/p"


def test_the_schema_org_page_view_carries_both_and_reads_back() -> None:
    from notice_ld.writers.schema_jsonld import schema_object

    n = notice(
        access_rights="open",
        container={"title": "Vie sociale"},
        relations=[
            {"type": "is_version_of", "identifier": "10.5281/zenodo.596581"},
            {"type": "references", "identifier": "hal-01234567"},
            {"type": "references", "identifier": "10.1234/cited"},
            {"type": "is_part_of", "identifier": "10.5281/zenodo.1"},  # isPartOf is the container's here
            {"type": "replaces", "identifier": "10.5281/zenodo.2"},  # no schema.org term
        ],
    )
    page = schema_object(map_notice(n))
    assert page["isAccessibleForFree"] is True
    assert page["exampleOfWork"] == {"@id": "https://doi.org/10.5281/zenodo.596581"}
    assert page["citation"] == [
        {"@id": "https://hal.science/hal-01234567"},
        {"@id": "https://doi.org/10.1234/cited"},
    ]
    assert page["isPartOf"]["name"] == "Vie sociale"
    (back,) = [o for o in read_all(json.dumps(page), InputFormat.SCHEMA_ORG) if isinstance(o, Notice)]
    assert back.access_rights is AccessRights.OPEN
    assert by_target(back) == sorted(
        (r.type.value, r.iri) for r in n.relations if r.type.value in ("is_version_of", "references")
    )
    assert schema_object(map_notice(notice(access_rights="closed")))["isAccessibleForFree"] is False


def test_crossref_relations_never_reject_the_work() -> None:
    work = {
        "DOI": "10.1234/abc",
        "type": "journal-article",
        "title": ["T"],
        "container-title": ["J"],
        "ISSN": ["1950-4667"],
        "relation": {
            "has-preprint": [{"id-type": "doi", "id": "10.31235/osf.io/abcde"}],
            "is-part-of": [{"id-type": "issn", "id": "1950-4667"}],  # the journal: the container
            "has-part": [{"id-type": "doi", "id": "10.1234/abc"}],  # itself
            "is-supplemented-by": [{"id-type": "pmid", "id": "123"}],  # no scheme for it
        },
    }
    page = json.dumps({"status": "ok", "message-type": "work", "message": work})
    n, residue = read_all(page, InputFormat.CROSSREF)
    assert isinstance(n, Notice) and [(r.type.value, r.iri) for r in n.relations] == [
        ("has_version", "https://doi.org/10.31235/osf.io/abcde")
    ]
    assert [i.element for i in residue.items] == [
        "relation.is-part-of",
        "relation.has-part",
        "relation.is-supplemented-by",
    ]


def test_identifiers_of_unknown_kinds_are_never_guessed_from_their_digits() -> None:
    record = {
        "data": {
            "attributes": {
                "doi": "10.5072/x.1",
                "titles": [{"title": "T"}],
                "publicationYear": 2020,
                "relatedIdentifiers": [
                    {
                        "relationType": "IsCitedBy",
                        "relatedIdentifierType": "PMID",
                        "relatedIdentifier": "12345679",
                    },
                    {
                        "relationType": "HasPart",
                        "relatedIdentifierType": "DOI",
                        "relatedIdentifier": "10.5072/x.1.a",
                    },
                ],
            }
        }
    }
    n, residue = read_all(json.dumps(record), InputFormat.DATACITE)
    assert [(r.type.value, r.iri) for r in n.relations] == [("has_part", "https://doi.org/10.5072/x.1.a")]
    assert "no scheme for" in residue.items[0].reason
    mods = """<mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>T</title></titleInfo>
      <identifier type="doi">10.5072/m.1</identifier>
      <relatedItem type="isReferencedBy"><identifier type="pmid">12345679</identifier></relatedItem>
      <relatedItem type="otherFormat"><identifier type="uri">https://example.org/m.pdf</identifier></relatedItem>
    </mods>"""
    m, mods_residue = read_all(mods, InputFormat.MODS)
    assert [(r.type.value, r.iri) for r in m.relations] == [("is_format_of", "https://example.org/m.pdf")]
    assert [i.reason for i in mods_residue.items if "relatedItem" in i.element] == [
        "a related resource (isReferencedBy) not named by an identifier or URL"
    ]
