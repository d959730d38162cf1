"""Generate ``src/notice_ld/namespaces.py`` and ``src/notice_ld/vocabulary.py`` from ``vocab/``.

Usage::

    python vocab/generate_namespaces.py          # (re)write both generated modules
    python vocab/generate_namespaces.py --check  # exit 1 if either is missing or stale

``namespaces.py`` holds, for each vocabulary file, one closed rdflib ``DefinedNamespace``
(``_fail = True``: asking for a term the vocabulary file does not declare raises
``AttributeError``). A term is every IRI of the namespace that is the subject of an
``rdf:type`` triple in the vocabulary file. Local names that are not Python identifiers,
or are Python keywords, are listed in ``_extras`` (reach them with ``NS["local-name"]``).

``vocabulary.py`` holds the same terms as plain strings, without importing rdflib, plus the
namespaces that have no file in ``vocab/`` (RDF, RDFS, XSD, OWL, SHACL, DCMI Elements, DCAT,
VoID…), whose terms are listed in :data:`DECLARED` below. One class per namespace, with
``__slots__ = ()`` and one ``Final`` attribute per term (``DCTERMS.title``) plus ``NS``, the
namespace IRI: a misspelt term fails mypy and raises ``AttributeError``. A local name that is a
Python keyword or not an identifier gets a trailing underscore, after every character that
cannot appear in an identifier is replaced by ``_`` (``SH.and_``, ``DCTERMS.ISO639_2_``,
``BIBO.status_peerReviewed_``).

The output is deterministic: terms are sorted, and nothing depends on time or machine.
"""

from __future__ import annotations

import argparse
import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parents[1]
VOCAB_DIR = ROOT / "vocab"
OUTPUT = ROOT / "src" / "notice_ld" / "namespaces.py"
VOCABULARY_OUTPUT = ROOT / "src" / "notice_ld" / "vocabulary.py"
MAX_LINE = 110


@dataclass(frozen=True)
class Vocabulary:
    """One generated ``DefinedNamespace`` class."""

    class_name: str
    namespace: str
    filename: str
    title: str


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary("DCTERMS", "http://purl.org/dc/terms/", "dcterms.ttl", "DCMI Metadata Terms"),
    Vocabulary("DCMITYPE", "http://purl.org/dc/dcmitype/", "dcmitype.ttl", "DCMI Type Vocabulary"),
    Vocabulary("BIBO", "http://purl.org/ontology/bibo/", "bibo.ttl", "The Bibliographic Ontology (BIBO)"),
    Vocabulary("SDO", "http://schema.org/", "schema.ttl", "schema.org (the subset in vocab/schema.ttl)"),
    Vocabulary("FOAF", "http://xmlns.com/foaf/0.1/", "foaf.ttl", "Friend of a Friend (FOAF)"),
    Vocabulary("SKOS", "http://www.w3.org/2004/02/skos/core#", "skos.ttl", "SKOS Core"),
    Vocabulary("NLD", "https://w3id.org/notice-ld/ns#", "notice_ld.ttl", "notice_ld's own vocabulary"),
)

HEADER = '''"""Closed rdflib namespaces for the vocabularies notice_ld publishes with.

GENERATED FILE -- do not edit by hand. It is written by ``vocab/generate_namespaces.py``
from the vocabulary files in ``vocab/``; to regenerate it after changing them, run::

    python vocab/generate_namespaces.py

(``python vocab/generate_namespaces.py --check`` exits 1 when this file is stale.)

Each class is an rdflib ``DefinedNamespace`` with ``_fail = True``: only the terms
declared in the corresponding vocabulary file exist, and a misspelt term raises
``AttributeError`` instead of silently minting a new IRI. ``SDO`` is schema.org in the
``http://schema.org/`` namespace (the one the official JSON-LD context maps to), unlike
``rdflib.namespace.SDO`` which uses ``https://schema.org/``.
"""

# rdflib's namespace module is imported as a module (not ``from ... import DefinedNamespace``)
# so that tools probing this module's globals (pytest's doctest collection) do not touch the
# open base class DefinedNamespace, which warns on every unknown attribute.
from rdflib import namespace as rdflib_namespace
from rdflib.term import URIRef

'''


def _label(graph: Graph, term: URIRef) -> str:
    """Return the term's English label (else any label, else its local name)."""
    labels = [o for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)]
    for wanted in ("en", None):
        for label in sorted(labels, key=str):
            if label.language == wanted:
                return str(label)
    if labels:
        return str(sorted(labels, key=str)[0])
    return str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _comment_text(text: str, room: int) -> str:
    """Collapse whitespace and cut ``text`` to at most ``room`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= room:
        return flat
    return flat[: max(room - 3, 0)].rstrip() + "..."


def _terms(graph: Graph, namespace: str) -> list[URIRef]:
    """All IRIs of ``namespace`` that the graph types with ``rdf:type``."""
    found = {
        subject
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(namespace) and str(subject) != namespace
    }
    return sorted(found, key=str)


def _is_attribute_name(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")


def render_class(vocabulary: Vocabulary) -> str:
    """Render the ``DefinedNamespace`` class of one vocabulary."""
    graph = Graph()
    graph.parse(VOCAB_DIR / vocabulary.filename, format="turtle")
    attributes: list[str] = []
    extras: list[str] = []
    for term in _terms(graph, vocabulary.namespace):
        local = str(term)[len(vocabulary.namespace) :]
        if _is_attribute_name(local):
            code = f"    {local}: URIRef"
            room = MAX_LINE - len(code) - len("  # ")
            attributes.append(f"{code}  # {_comment_text(_label(graph, term), room)}")
        else:
            extras.append(local)
    lines = [
        f"class {vocabulary.class_name}(rdflib_namespace.DefinedNamespace):",
        f'    """{vocabulary.title}: terms of ``vocab/{vocabulary.filename}``."""',
        "",
        "    _fail = True",
        "",
        *attributes,
    ]
    if extras:
        lines += [
            "",
            "    # Local names that are not Python identifiers: use the item syntax, NS[name].",
            "    # (A list, not a tuple: DefinedNamespace declares _extras as List[str].)",
            "    _extras = [  # noqa: RUF012",
        ]
        lines += [f'        "{name}",' for name in extras]
        lines.append("    ]")
    lines += ["", f'    _NS = rdflib_namespace.Namespace("{vocabulary.namespace}")']
    return "\n".join(lines) + "\n"


def render() -> str:
    """Render the whole ``namespaces.py`` module."""
    names = sorted(vocabulary.class_name for vocabulary in VOCABULARIES)
    all_line = "__all__ = [" + ", ".join(f'"{name}"' for name in names) + "]\n"
    classes = "\n\n".join(render_class(vocabulary) for vocabulary in VOCABULARIES)
    return HEADER + all_line + "\n\n" + classes


# -- vocabulary.py: plain string constants, no rdflib --------------------------------------------


@dataclass(frozen=True)
class Declared:
    """A namespace with no file in ``vocab/``: its terms are listed here (see vocab/README.md).

    ``terms`` are the local names, separated by white space; a namespace may list none (only
    ``NS`` is generated: its terms are data, e.g. language codes, media types or shape IRIs).
    """

    class_name: str
    namespace: str
    title: str
    terms: str = ""
    note: str = ""


# The term lists of RDF, RDFS, XSD, OWL, SHACL, DCMI Elements, DCAT and VoID are those of the
# namespace documents, as rdflib 7 transcribes them in its closed namespaces (rdflib.namespace.RDF,
# RDFS, XSD, OWL, SH, DC, DCAT, VOID); tests/test_vocabulary.py checks that they are equal.
DECLARED: tuple[Declared, ...] = (
    Declared(
        "RDF",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "RDF, the ``rdf:`` namespace",
        """
        Alt Bag CompoundLiteral HTML JSON List PlainLiteral Property Seq Statement XMLLiteral direction
        first langString language nil object predicate rest subject type value
        """,
        'Container membership properties (``rdf:_1``…) are ``NS + f"_{n}"``.',
    ),
    Declared(
        "RDFS",
        "http://www.w3.org/2000/01/rdf-schema#",
        "RDF Schema, the ``rdfs:`` namespace",
        """
        Class Container ContainerMembershipProperty Datatype Literal Resource comment domain isDefinedBy
        label member range seeAlso subClassOf subPropertyOf
        """,
    ),
    Declared(
        "XSD",
        "http://www.w3.org/2001/XMLSchema#",
        "XML Schema datatypes and facets, the ``xsd:`` namespace",
        """
        Assertions ENTITIES ENTITY ID IDREF IDREFS NCName NMTOKEN NMTOKENS NOTATION Name QName anyURI
        base64Binary boolean bounded byte cardinality date dateTime dateTimeStamp day dayTimeDuration
        decimal double duration enumeration explicitTimezone float fractionDigits gDay gMonth gMonthDay
        gYear gYearMonth hexBinary hour int integer language length long maxExclusive maxInclusive
        maxLength minExclusive minInclusive minLength minute month negativeInteger nonNegativeInteger
        nonPositiveInteger normalizedString numeric ordered pattern positiveInteger second short string
        time timezoneOffset token totalDigits unsignedByte unsignedInt unsignedLong unsignedShort
        whiteSpace year yearMonthDuration
        """,
    ),
    Declared(
        "OWL",
        "http://www.w3.org/2002/07/owl#",
        "OWL 2, the ``owl:`` namespace",
        """
        AllDifferent AllDisjointClasses AllDisjointProperties Annotation AnnotationProperty
        AsymmetricProperty Axiom Class DataRange DatatypeProperty DeprecatedClass DeprecatedProperty
        FunctionalProperty InverseFunctionalProperty IrreflexiveProperty NamedIndividual
        NegativePropertyAssertion Nothing ObjectProperty Ontology OntologyProperty ReflexiveProperty
        Restriction SymmetricProperty Thing TransitiveProperty allValuesFrom annotatedProperty
        annotatedSource annotatedTarget assertionProperty backwardCompatibleWith bottomDataProperty
        bottomObjectProperty cardinality complementOf datatypeComplementOf deprecated differentFrom
        disjointUnionOf disjointWith distinctMembers equivalentClass equivalentProperty hasKey hasSelf
        hasValue imports incompatibleWith intersectionOf inverseOf maxCardinality
        maxQualifiedCardinality members minCardinality minQualifiedCardinality onClass onDataRange
        onDatatype onProperties onProperty oneOf priorVersion propertyChainAxiom propertyDisjointWith
        qualifiedCardinality rational real sameAs someValuesFrom sourceIndividual targetIndividual
        targetValue topDataProperty topObjectProperty unionOf versionIRI versionInfo withRestrictions
        """,
    ),
    Declared(
        "SH",
        "http://www.w3.org/ns/shacl#",
        "SHACL (SHACL-AF and SHACL-JS included), the ``sh:`` namespace",
        """
        AbstractResult AndConstraintComponent AndConstraintComponent-and BlankNode BlankNodeOrIRI
        BlankNodeOrLiteral ClassConstraintComponent ClassConstraintComponent-class
        ClosedConstraintComponent ClosedConstraintComponent-closed
        ClosedConstraintComponent-ignoredProperties ConstraintComponent DatatypeConstraintComponent
        DatatypeConstraintComponent-datatype DisjointConstraintComponent
        DisjointConstraintComponent-disjoint EqualsConstraintComponent EqualsConstraintComponent-equals
        ExpressionConstraintComponent ExpressionConstraintComponent-expression Function
        HasValueConstraintComponent HasValueConstraintComponent-hasValue IRI IRIOrLiteral
        InConstraintComponent InConstraintComponent-in Info JSConstraint JSConstraint-js
        JSConstraintComponent JSExecutable JSFunction JSLibrary JSRule JSTarget JSTargetType JSValidator
        LanguageInConstraintComponent LanguageInConstraintComponent-languageIn
        LessThanConstraintComponent LessThanConstraintComponent-lessThan
        LessThanOrEqualsConstraintComponent LessThanOrEqualsConstraintComponent-lessThanOrEquals Literal
        MaxCountConstraintComponent MaxCountConstraintComponent-maxCount MaxExclusiveConstraintComponent
        MaxExclusiveConstraintComponent-maxExclusive MaxInclusiveConstraintComponent
        MaxInclusiveConstraintComponent-maxInclusive MaxLengthConstraintComponent
        MaxLengthConstraintComponent-maxLength MinCountConstraintComponent
        MinCountConstraintComponent-minCount MinExclusiveConstraintComponent
        MinExclusiveConstraintComponent-minExclusive MinInclusiveConstraintComponent
        MinInclusiveConstraintComponent-minInclusive MinLengthConstraintComponent
        MinLengthConstraintComponent-minLength NodeConstraintComponent NodeConstraintComponent-node
        NodeKind NodeKindConstraintComponent NodeKindConstraintComponent-nodeKind NodeShape
        NotConstraintComponent NotConstraintComponent-not OrConstraintComponent OrConstraintComponent-or
        Parameter Parameterizable PatternConstraintComponent PatternConstraintComponent-flags
        PatternConstraintComponent-pattern PrefixDeclaration PropertyConstraintComponent
        PropertyConstraintComponent-property PropertyGroup PropertyShape
        QualifiedMaxCountConstraintComponent QualifiedMaxCountConstraintComponent-qualifiedMaxCount
        QualifiedMaxCountConstraintComponent-qualifiedValueShape
        QualifiedMaxCountConstraintComponent-qualifiedValueShapesDisjoint
        QualifiedMinCountConstraintComponent QualifiedMinCountConstraintComponent-qualifiedMinCount
        QualifiedMinCountConstraintComponent-qualifiedValueShape
        QualifiedMinCountConstraintComponent-qualifiedValueShapesDisjoint ResultAnnotation Rule
        SPARQLAskExecutable SPARQLAskValidator SPARQLConstraint SPARQLConstraintComponent
        SPARQLConstraintComponent-sparql SPARQLConstructExecutable SPARQLExecutable SPARQLFunction
        SPARQLRule SPARQLSelectExecutable SPARQLSelectValidator SPARQLTarget SPARQLTargetType
        SPARQLUpdateExecutable Severity Shape Target TargetType TripleRule UniqueLangConstraintComponent
        UniqueLangConstraintComponent-uniqueLang ValidationReport ValidationResult Validator Violation
        Warning XoneConstraintComponent XoneConstraintComponent-xone alternativePath and
        annotationProperty annotationValue annotationVarName ask class closed condition conforms
        construct datatype deactivated declare defaultValue description detail disjoint entailment
        equals expression filterShape flags focusNode group hasValue ignoredProperties in intersection
        inversePath js jsFunctionName jsLibrary jsLibraryURL labelTemplate languageIn lessThan
        lessThanOrEquals maxCount maxExclusive maxInclusive maxLength message minCount minExclusive
        minInclusive minLength name namespace node nodeKind nodeValidator nodes not object oneOrMorePath
        optional or order parameter path pattern predicate prefix prefixes property propertyValidator
        qualifiedMaxCount qualifiedMinCount qualifiedValueShape qualifiedValueShapesDisjoint result
        resultAnnotation resultMessage resultPath resultSeverity returnType rule select severity
        shapesGraph shapesGraphWellFormed sourceConstraint sourceConstraintComponent sourceShape sparql
        subject suggestedShapesGraph target targetClass targetNode targetObjectsOf targetSubjectsOf this
        union uniqueLang update validator value xone zeroOrMorePath zeroOrOnePath
        """,
    ),
    Declared(
        "DC",
        "http://purl.org/dc/elements/1.1/",
        "DCMI Metadata Terms, the legacy /elements/1.1/ namespace (the 15 elements)",
        """
        contributor coverage creator date description format identifier language publisher relation
        rights source subject title type
        """,
    ),
    Declared(
        "DCAT",
        "http://www.w3.org/ns/dcat#",
        "Data Catalog Vocabulary (DCAT) 2",
        """
        Catalog CatalogRecord DataService Dataset Distribution Relationship Resource Role accessService
        accessURL bbox byteSize catalog centroid compressFormat contactPoint dataset distribution
        downloadURL endDate endpointDescription endpointURL hadRole keyword landingPage mediaType
        packageFormat qualifiedRelation record servesDataset service spatialResolutionInMeters startDate
        temporalResolution theme themeTaxonomy
        """,
    ),
    Declared(
        "VOID",
        "http://rdfs.org/ns/void#",
        "Vocabulary of Interlinked Datasets (VoID)",
        """
        Dataset DatasetDescription Linkset TechnicalFeature class classPartition classes dataDump
        distinctObjects distinctSubjects documents entities exampleResource feature inDataset
        linkPredicate objectsTarget openSearchDescription properties property propertyPartition
        rootResource sparqlEndpoint subjectsTarget subset target triples uriLookupEndpoint
        uriRegexPattern uriSpace vocabulary
        """,
    ),
    Declared(
        "FORMATS",
        "http://www.w3.org/ns/formats/",
        "W3C Unique URIs for File Formats",
        note="No terms declared: the code builds the format IRIs it writes from format names.",
    ),
    Declared(
        "IANA_MEDIA_TYPES",
        "https://www.iana.org/assignments/media-types/",
        'IANA media types, as IRIs (``NS + "text/turtle"``)',
    ),
    Declared(
        "LEXVO",
        "http://lexvo.org/id/iso639-3/",
        'Lexvo.org ISO 639-3 language IRIs (``NS + "fra"``)',
    ),
    Declared(
        "COAR",
        "http://purl.org/coar/resource_type/",
        'COAR Resource Types vocabulary (``NS + "c_6501"``)',
    ),
    Declared(
        "COAR_ACCESS_RIGHT",
        "http://purl.org/coar/access_right/",
        "COAR Access Rights vocabulary 1.0",
        "c_14cb c_16ec c_abf2 c_f1cf",
        "Open ``c_abf2``, embargoed ``c_f1cf``, restricted ``c_16ec``, metadata only ``c_14cb``.",
    ),
    Declared(
        "XML",
        "http://www.w3.org/XML/1998/namespace",
        "The XML namespace (``xml:lang``…)",
        note="An XML namespace: element and attribute names are ``{NS}local`` (Clark notation).",
    ),
    Declared(
        "XSI",
        "http://www.w3.org/2001/XMLSchema-instance",
        "XML Schema instance attributes (``xsi:type``…)",
        note="An XML namespace: element and attribute names are ``{NS}local`` (Clark notation).",
    ),
    Declared(
        "SHAPES_CORE",
        "https://w3id.org/notice-ld/shapes/core#",
        "notice_ld's shapes of the ``dcterms`` profile (``shapes/core.ttl``)",
    ),
    Declared(
        "SHAPES_BIBO",
        "https://w3id.org/notice-ld/shapes/bibo#",
        "notice_ld's shapes of the ``bibo`` profile (``shapes/bibo.ttl``)",
    ),
    Declared(
        "SHAPES_SCHEMA",
        "https://w3id.org/notice-ld/shapes/schema#",
        "notice_ld's shapes of the ``schema`` profile (``shapes/schema.ttl``)",
    ),
    Declared(
        "SHAPES_GOOGLE_ARTICLE",
        "https://w3id.org/notice-ld/shapes/google-article#",
        "notice_ld's shapes of the ``google-article`` profile (``shapes/google-article.ttl``)",
    ),
)

# Constants that are not terms of the namespace, per class: (name, value, comment).
CONSTANTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "SDO": (("CONTEXT", "https://schema.org", "what schema.org JSON-LD names as its @context"),),
}

VOCABULARY_HEADER = '''"""The IRIs of the vocabularies notice_ld uses, as plain string constants (no rdflib).

GENERATED FILE -- do not edit by hand. It is written by ``vocab/generate_namespaces.py``
from the vocabulary files in ``vocab/`` and the term lists in the generator (for the
namespaces that have no file there); to regenerate it, run::

    python vocab/generate_namespaces.py

(``python vocab/generate_namespaces.py --check`` exits 1 when this file is stale.)

One class per namespace: ``NS`` is the namespace IRI and every other attribute a term IRI.
A class holds only the terms its vocabulary declares, so a misspelt term fails mypy and
raises ``AttributeError``. A local name that is a Python keyword or not an identifier gets a
trailing underscore, after the characters that cannot appear in an identifier are replaced
by ``_``: ``SH.and_``, ``DCTERMS.ISO639_2_``, ``BIBO.status_peerReviewed_``. The classes are
namespaces only, never instantiated (``__slots__ = ()``). ``SDO`` is schema.org in the
``http://schema.org/`` namespace; ``SDO.CONTEXT`` is the ``https://schema.org`` that
schema.org JSON-LD names as its context. :mod:`notice_ld.namespaces` has the terms of the
``vocab/`` files as rdflib ``URIRef`` objects.

>>> DCTERMS.title
'http://purl.org/dc/terms/title'
>>> RDF.type == RDF.NS + "type", BIBO.status_peerReviewed_
(True, 'http://purl.org/ontology/bibo/status/peerReviewed')
>>> DCTERMS.titel
Traceback (most recent call last):
AttributeError: type object 'DCTERMS' has no attribute 'titel'...
"""

from typing import Final

# Term names such as xsd:token are not passwords.
# ruff: noqa: S105

'''

_NOT_IDENTIFIER = re.compile(r"\W")


def attribute_name(local: str) -> str:
    """The attribute of a local name: itself, or escaped with a trailing underscore.

    >>> attribute_name("title"), attribute_name("and"), attribute_name("status/peerReviewed")
    ('title', 'and_', 'status_peerReviewed_')
    """
    if _is_attribute_name(local):
        return local
    name = _NOT_IDENTIFIER.sub("_", local) + "_"
    if not name.isidentifier() or name.startswith("_"):
        raise ValueError(f"no attribute name for the local name {local!r}")
    return name


def _constant(name: str, value: str, comment: str | None) -> list[str]:
    """One ``Final`` attribute: on one line (with the comment when there is room) or three."""
    code = f'    {name}: Final = "{value}"'
    if len(code) > MAX_LINE:
        return [f"    {name}: Final = (", f'        "{value}"', "    )"]
    room = MAX_LINE - len(code) - len("  # ")
    if comment and room >= 10:
        return [f"{code}  # {_comment_text(comment, room)}"]
    return [code]


def _class_lines(
    class_name: str, namespace: str, docstring: str, terms: list[tuple[str, str | None]]
) -> list[str]:
    """The lines of one constants class; ``terms`` are (local name, comment) pairs."""
    lines = [f"class {class_name}:", f'    """{docstring}"""', "", "    __slots__ = ()", ""]
    lines += _constant("NS", namespace, None)
    seen = {"NS": "NS", "Final": "Final"}  # names the class body cannot use for a term
    for name, value, comment in CONSTANTS.get(class_name, ()):
        seen[name] = value
        lines += _constant(name, value, comment)
    if terms:
        lines.append("")
    for local, comment in terms:
        name = attribute_name(local)
        if name in seen:
            raise ValueError(f"{class_name}: {local!r} and {seen[name]!r} both give the attribute {name}")
        seen[name] = local
        lines += _constant(name, namespace + local, comment)
    return lines


def render_vocabulary() -> str:
    """Render the whole ``vocabulary.py`` module."""
    classes: list[list[str]] = []
    for vocabulary in VOCABULARIES:
        graph = Graph()
        graph.parse(VOCAB_DIR / vocabulary.filename, format="turtle")
        terms = [
            (str(term)[len(vocabulary.namespace) :], _label(graph, term))
            for term in _terms(graph, vocabulary.namespace)
        ]
        docstring = f"{vocabulary.title}: terms of ``vocab/{vocabulary.filename}``."
        classes.append(_class_lines(vocabulary.class_name, vocabulary.namespace, docstring, terms))
    for declared in DECLARED:
        locals_ = sorted(declared.terms.split())
        if len(set(locals_)) != len(locals_):
            raise ValueError(f"{declared.class_name}: a term is listed twice")
        docstring = f"{declared.title}."
        if declared.note:
            docstring += f"\n\n    {declared.note}\n    "
        classes.append(
            _class_lines(declared.class_name, declared.namespace, docstring, [(x, None) for x in locals_])
        )
    names = sorted([v.class_name for v in VOCABULARIES] + [d.class_name for d in DECLARED])
    if len(set(names)) != len(names):
        raise ValueError("two namespaces have the same class name")
    all_lines = ["__all__ = ["] + [f'    "{name}",' for name in names] + ["]"]
    body = "\n\n\n".join("\n".join(lines) for lines in classes)
    return VOCABULARY_HEADER + "\n".join(all_lines) + "\n\n\n" + body + "\n"


# -- command line ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if namespaces.py or vocabulary.py is missing or differs",
    )
    args = parser.parse_args(argv)
    status = 0
    for output, text in ((OUTPUT, render()), (VOCABULARY_OUTPUT, render_vocabulary())):
        current = output.read_text(encoding="utf-8") if output.exists() else None
        name = output.relative_to(ROOT)
        if args.check:
            if current != text:
                print(f"{name} is stale: run python vocab/generate_namespaces.py", file=sys.stderr)
                status = 1
            else:
                print(f"{name} is up to date")
        elif current != text:
            output.write_text(text, encoding="utf-8")
            print(f"wrote {name}")
        else:
            print(f"{name} unchanged")
    return status


if __name__ == "__main__":
    sys.exit(main())
