"""One conforming and one non-conforming case per SHACL component, path kind and target kind.

pySHACL is the oracle: for each case both engines must give the same results, the conforming data
none, and the non-conforming data exactly the expected ``sh:resultPath`` and
``sh:sourceConstraintComponent`` (DASH style, cases written for notice_ld).
"""

from __future__ import annotations

import pytest

from notice_ld.terms import XSD, Literal
from notice_ld.validation import Validator
from notice_ld.validation.fast import FastEngine, RawResult, Unsupported, rdflib_ill_typed
from notice_ld.validation.rdf import parse_rdf, to_rdflib_node
from notice_ld.validation.reference import ReferenceEngine
from notice_ld.validation.report import render_path
from notice_ld.validation.shapes import Shapes, lint_text

PREFIXES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def _shape(body: str) -> str:
    return f"ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:P .\nex:P sh:path ex:p ; {body} ."


# (name, shapes, conforming data, non-conforming data, expected {(path, component)})
CASES = [
    (
        "minCount",
        _shape("sh:minCount 2"),
        "ex:a a ex:C ; ex:p 1, 2 .",
        "ex:a a ex:C ; ex:p 1 .",
        {("ex:p", "MinCount")},
    ),
    (
        "maxCount",
        _shape("sh:maxCount 1"),
        "ex:a a ex:C ; ex:p 1 .",
        "ex:a a ex:C ; ex:p 1, 2 .",
        {("ex:p", "MaxCount")},
    ),
    (
        "datatype",
        _shape("sh:datatype xsd:gYear"),
        'ex:a a ex:C ; ex:p "2019"^^xsd:gYear .',
        'ex:a a ex:C ; ex:p "2019" .',
        {("ex:p", "Datatype")},
    ),
    (
        "datatype-ill-typed-date",
        _shape("sh:datatype xsd:date"),
        'ex:a a ex:C ; ex:p "2020-02-29"^^xsd:date .',
        'ex:a a ex:C ; ex:p "2019-02-29"^^xsd:date .',
        {("ex:p", "Datatype")},
    ),
    (
        "datatype-langString",
        _shape("sh:datatype rdf:langString"),
        'ex:a a ex:C ; ex:p "t"@fr .',
        'ex:a a ex:C ; ex:p "t" .',
        {("ex:p", "Datatype")},
    ),
    (
        "datatype-integer-range",
        _shape("sh:datatype xsd:byte"),
        'ex:a a ex:C ; ex:p "12"^^xsd:byte .',
        'ex:a a ex:C ; ex:p "300"^^xsd:byte .',
        {("ex:p", "Datatype")},
    ),
    (
        "nodeKind",
        _shape("sh:nodeKind sh:IRI"),
        "ex:a a ex:C ; ex:p ex:b .",
        'ex:a a ex:C ; ex:p "b", [] .',
        {("ex:p", "NodeKind")},
    ),
    (
        "nodeKind-blank-or-literal",
        _shape("sh:nodeKind sh:BlankNodeOrLiteral"),
        'ex:a a ex:C ; ex:p "b", [] .',
        "ex:a a ex:C ; ex:p ex:b .",
        {("ex:p", "NodeKind")},
    ),
    (
        "class",
        _shape("sh:class ex:D"),
        "ex:a a ex:C ; ex:p ex:b . ex:b a ex:E . ex:E rdfs:subClassOf ex:D .",
        'ex:a a ex:C ; ex:p ex:b, "x" . ex:b a ex:E .',
        {("ex:p", "Class")},
    ),
    (
        "in",
        _shape('sh:in ( ex:x "y" )'),
        'ex:a a ex:C ; ex:p ex:x, "y" .',
        'ex:a a ex:C ; ex:p ex:z, "y"@fr .',
        {("ex:p", "In")},
    ),
    (
        "hasValue",
        _shape("sh:hasValue ex:x"),
        "ex:a a ex:C ; ex:p ex:x, ex:y .",
        "ex:a a ex:C ; ex:p ex:y .",
        {("ex:p", "HasValue")},
    ),
    (
        "pattern",
        _shape('sh:pattern "^[0-9]{4}-[0-9]{3}[0-9X]$"'),
        'ex:a a ex:C ; ex:p "1950-4667" .',
        'ex:a a ex:C ; ex:p "19504667", [] .',
        {("ex:p", "Pattern")},
    ),
    (
        "pattern-flags",
        _shape('sh:pattern "^abc" ; sh:flags "i"'),
        'ex:a a ex:C ; ex:p "ABCd" .',
        'ex:a a ex:C ; ex:p "xabc" .',
        {("ex:p", "Pattern")},
    ),
    (
        "pattern-iri",
        _shape('sh:pattern "^https://orcid\\\\.org/"'),
        "ex:a a ex:C ; ex:p <https://orcid.org/0> .",
        "ex:a a ex:C ; ex:p <http://orcid.org/0> .",
        {("ex:p", "Pattern")},
    ),
    (
        "languageIn",
        _shape('sh:languageIn ( "fr" "en" )'),
        'ex:a a ex:C ; ex:p "t"@fr, "t"@en-GB .',
        'ex:a a ex:C ; ex:p "t"@de, "t" .',
        {("ex:p", "LanguageIn")},
    ),
    (
        "uniqueLang",
        _shape("sh:uniqueLang true"),
        'ex:a a ex:C ; ex:p "a"@fr, "b"@en, "c", "d" .',
        'ex:a a ex:C ; ex:p "a"@fr, "b"@FR .',
        {("ex:p", "UniqueLang")},
    ),
    (
        "minLength",
        _shape("sh:minLength 3"),
        'ex:a a ex:C ; ex:p "abc", ex:abc .',
        'ex:a a ex:C ; ex:p "ab", [] .',
        {("ex:p", "MinLength")},
    ),
    (
        "maxLength",
        _shape("sh:maxLength 3"),
        'ex:a a ex:C ; ex:p "abc" .',
        'ex:a a ex:C ; ex:p "abcd" .',
        {("ex:p", "MaxLength")},
    ),
    (
        "node",
        _shape("sh:node ex:N") + "\nex:N a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .",
        'ex:a a ex:C ; ex:p ex:b . ex:b ex:name "B" .',
        "ex:a a ex:C ; ex:p ex:b .",
        {("ex:p", "Node")},
    ),
    (
        "node-warning-inside",
        _shape("sh:node ex:N") + "\nex:N a sh:NodeShape ; sh:property [ sh:path ex:name ; sh:minCount 1 ;"
        " sh:severity sh:Warning ] .",
        'ex:a a ex:C ; ex:p ex:b . ex:b ex:name "B" .',
        "ex:a a ex:C ; ex:p ex:b .",
        {("ex:p", "Node")},
    ),
    (
        "property-nested",
        _shape("sh:property [ sh:path ex:q ; sh:minCount 1 ]"),
        "ex:a a ex:C ; ex:p ex:b . ex:b ex:q 1 .",
        "ex:a a ex:C ; ex:p ex:b .",
        {("ex:q", "MinCount")},
    ),
    (
        "not",
        _shape('sh:not [ sh:pattern "^x" ]'),
        'ex:a a ex:C ; ex:p "ab" .',
        'ex:a a ex:C ; ex:p "xb" .',
        {("ex:p", "Not")},
    ),
    (
        "and",
        _shape('sh:and ( [ sh:pattern "a" ] [ sh:pattern "b" ] )'),
        'ex:a a ex:C ; ex:p "ab" .',
        'ex:a a ex:C ; ex:p "a" .',
        {("ex:p", "And")},
    ),
    (
        "or",
        _shape("sh:or ( [ sh:datatype xsd:gYear ] [ sh:datatype xsd:date ] )"),
        'ex:a a ex:C ; ex:p "2019"^^xsd:gYear, "2019-01-02"^^xsd:date .',
        'ex:a a ex:C ; ex:p "2019" .',
        {("ex:p", "Or")},
    ),
    (
        "or-warning-member-conforms",
        _shape("sh:or ( [ sh:minLength 5 ; sh:severity sh:Warning ] )"),
        'ex:a a ex:C ; ex:p "ab" .',
        "ex:a a ex:C ; ex:p [] .",
        set(),
    ),
    (
        "or-warning-shape-with-violating-property",
        _shape("sh:or ( ex:W ) ; sh:nodeKind sh:IRI")
        + "\nex:W a sh:NodeShape ; sh:severity sh:Warning ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .",
        "ex:a a ex:C ; ex:p ex:b .",
        'ex:a a ex:C ; ex:p "b" .',
        {("ex:p", "NodeKind")},
    ),
    (
        "xone",
        _shape('sh:xone ( [ sh:pattern "a" ] [ sh:pattern "b" ] )'),
        'ex:a a ex:C ; ex:p "a", "b" .',
        'ex:a a ex:C ; ex:p "ab", "c" .',
        {("ex:p", "Xone")},
    ),
    (
        "node-level",
        'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:nodeKind sh:IRI ; sh:pattern "^https?:" .',
        "<https://x.org/a> a ex:C .",
        "<urn:a> a ex:C . [] a ex:C .",
        {("", "Pattern"), ("", "NodeKind")},
    ),
    ("deactivated", _shape("sh:minCount 1 ; sh:deactivated true"), "ex:a a ex:C .", "ex:a a ex:C .", set()),
    # paths
    (
        "inverse-path",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path [ sh:inversePath ex:p ] ; "
        "sh:minCount 1 ] .",
        "ex:a a ex:C . ex:b ex:p ex:a .",
        "ex:a a ex:C . ex:a ex:p ex:b .",
        {("^ex:p", "MinCount")},
    ),
    (
        "sequence-path",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:class ex:D ] .",
        "ex:a a ex:C ; ex:p ex:b . ex:b ex:q ex:c . ex:c a ex:D .",
        "ex:a a ex:C ; ex:p ex:b . ex:b ex:q ex:c .",
        {("ex:p/ex:q", "Class")},
    ),
    (
        "alternative-path",
        "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path "
        "[ sh:alternativePath ( ex:p ex:q ) ] ; sh:maxCount 1 ] .",
        "ex:a a ex:C ; ex:q 1 .",
        "ex:a a ex:C ; ex:p 1 ; ex:q 2 .",
        {("(ex:p|ex:q)", "MaxCount")},
    ),
    (
        "zero-or-more-path",
        "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path "
        "[ sh:zeroOrMorePath ex:p ] ; sh:nodeKind sh:IRI ] .",
        "ex:a ex:p ex:b . ex:b ex:p ex:c .",
        'ex:a ex:p ex:b . ex:b ex:p "c" .',
        {("ex:p*", "NodeKind")},
    ),
    (
        "one-or-more-path",
        "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path "
        "[ sh:oneOrMorePath ex:p ] ; sh:minCount 2 ] .",
        "ex:a ex:p ex:b . ex:b ex:p ex:c .",
        "ex:a ex:p ex:b .",
        {("ex:p+", "MinCount")},
    ),
    (
        "zero-or-one-path",
        "ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path "
        "[ sh:zeroOrOnePath ex:p ] ; sh:maxCount 2 ] .",
        "ex:a ex:p ex:b .",
        "ex:a ex:p ex:b, ex:c .",
        {("ex:p?", "MaxCount")},
    ),
    # targets
    (
        "targetSubjectsOf",
        "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .",
        "ex:a ex:p 1 ; ex:q 2 . ex:b ex:r 1 .",
        "ex:a ex:p 1 .",
        {("ex:q", "MinCount")},
    ),
    (
        "targetObjectsOf",
        "ex:S a sh:NodeShape ; sh:targetObjectsOf ex:p ; sh:nodeKind sh:IRI .",
        "ex:a ex:p ex:b .",
        'ex:a ex:p "b" .',
        {("", "NodeKind")},
    ),
    (
        "implicit-class-target",
        "ex:C a rdfs:Class, sh:NodeShape ; sh:property [ sh:path ex:q ; sh:minCount 1 ] .",
        "ex:a a ex:C ; ex:q 1 .",
        "ex:a a ex:D . ex:D rdfs:subClassOf ex:C .",
        {("ex:q", "MinCount")},
    ),
]


def _run(shapes: Shapes, data: str) -> tuple[set[RawResult], set[RawResult]]:
    triples = parse_rdf((PREFIXES + data).encode(), "turtle", name="data")
    return _norm(FastEngine(shapes).validate(triples)), _norm(ReferenceEngine(shapes).validate(triples))


def _norm(results: list[RawResult]) -> set[RawResult]:
    """Terms as rdflib reads them (it rewrites lexical forms such as "01"^^xsd:integer)."""
    return {
        tuple(to_rdflib_node(x) if isinstance(x, Literal) else x for x in r)  # type: ignore[misc]
        for r in results
    }


@pytest.mark.parametrize(("name", "shapes_text", "good", "bad", "expected"), CASES, ids=[c[0] for c in CASES])
def test_component(name: str, shapes_text: str, good: str, bad: str, expected: set[tuple[str, str]]) -> None:
    shapes = lint_text(PREFIXES + shapes_text, name=name)
    fast_good, reference_good = _run(shapes, good)
    assert fast_good == reference_good == set()
    fast_bad, reference_bad = _run(shapes, bad)
    assert fast_bad == reference_bad
    seen = {
        (
            (render_path(shapes, r[1])[0] or "").replace("http://example.org/", "ex:"),
            str(r[3]).rsplit("#", 1)[1].removesuffix("ConstraintComponent"),
        )
        for r in reference_bad
    }
    assert seen == expected


def test_ill_typed_literals_pyshacl_accepts_are_caught_by_the_well_formedness_check() -> None:
    shapes = lint_text(PREFIXES + _shape("sh:datatype xsd:gYearMonth"))
    data = 'ex:a a ex:C ; ex:p "2019-13"^^xsd:gYearMonth .'
    fast, reference = _run(shapes, data)
    assert fast == reference == set()  # pySHACL accepts it for sh:datatype; the fast engine agrees
    triples = parse_rdf((PREFIXES + data).encode(), "turtle")
    report = Validator([], []).validate_triples(triples)
    assert report.engine == "fast"
    assert [(r.kind.value, r.component.rsplit("#")[1], r.severity.value) for r in report.results] == [
        ("well-formedness", "IllTypedLiteral", "Violation")
    ]
    assert not report.conforms


def test_shipped_date_shape_catches_ill_typed_dates_in_both_engines() -> None:
    triples = parse_rdf(
        (
            PREFIXES + "@prefix dcterms: <http://purl.org/dc/terms/> .\n<https://e.org/d> dcterms:type "
            '<http://purl.org/dc/dcmitype/Text> ; dcterms:identifier "d" ; dcterms:title "T"@fr ; '
            'dcterms:issued "2019-13"^^xsd:gYearMonth .'
        ).encode(),
        "turtle",
    )
    for engine in ("fast", "pyshacl"):
        report = Validator(["dcterms"], engine=engine).validate_triples(triples, name="d.ttl")
        assert {(r.shape.rsplit("#")[1], r.component.rsplit("#")[1]) for r in report.violations} == {
            ("Document-issued", "OrConstraintComponent"),
            ("WellFormedness", "IllTypedLiteral"),
        }


@pytest.mark.filterwarnings("ignore:Parsing weird boolean")
@pytest.mark.parametrize(
    ("literal", "ill_typed"),
    [
        (Literal("2019-02-29", XSD + "date"), True),
        (Literal("2019-02-28", XSD + "date"), False),
        (Literal("2019-02-28Z", XSD + "date"), False),
        (Literal("2019", XSD + "date"), True),
        (Literal("x", XSD + "integer"), True),
        (Literal("-1", XSD + "nonNegativeInteger"), True),
        (Literal("yes", XSD + "boolean"), True),
        (Literal("2019-13", XSD + "gYearMonth"), False),  # rdflib does not parse it
        (Literal("1.5e3", XSD + "double"), False),
    ],
)
def test_ill_typed_matches_rdflib(literal: Literal, ill_typed: bool) -> None:
    assert rdflib_ill_typed(literal) is ill_typed
    assert bool(to_rdflib_node(literal).ill_typed) is ill_typed  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "body",
    [
        'sh:sparql [ sh:select "SELECT $this WHERE { }" ]',
        "sh:minInclusive 1",
        "sh:equals ex:q",
        "sh:closed true",
        "sh:qualifiedValueShape [ sh:class ex:D ] ; sh:qualifiedMinCount 1",
        "sh:datatype xsd:duration",
        'sh:in ( "1"^^xsd:integer )',
    ],
)
def test_unsupported_components_fall_back_to_pyshacl(body: str, tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    mine = tmp_path / "mine.ttl"
    mine.write_text(PREFIXES + _shape(body), encoding="utf-8")
    shapes = lint_text(mine.read_text(encoding="utf-8"))
    with pytest.raises(Unsupported):
        FastEngine(shapes)
    validator = Validator([], [mine])
    assert validator.engine == "pyshacl"
    assert "the fast engine does not support" in validator.note
    report = validator.validate_triples(parse_rdf((PREFIXES + "ex:a a ex:C ; ex:p 1 .").encode(), "turtle"))
    assert report.engine == "pyshacl" and report.engine_note == validator.note
    with pytest.raises(ValueError, match="the fast engine cannot run these shapes"):
        Validator([], [mine], engine="fast")


def test_recursive_shapes_fall_back_to_pyshacl() -> None:
    shapes = lint_text(
        PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:node ex:S ] ."
    )
    with pytest.raises(Unsupported, match="recursive"):
        FastEngine(shapes)
