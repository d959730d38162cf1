"""Shapes: the shipped profiles, user shapes files, and the shape linter.

notice_ld ships one shapes file per profile in ``shapes/`` (``notice_ld/_data/shapes/`` in the
wheel): ``core.ttl`` (profile ``dcterms``), ``bibo.ttl``, ``schema.ttl`` and
``google-article.ttl`` (Google's article guidance as warnings; not checked unless asked for).
:func:`load_shapes` reads profiles and user files (Turtle, N-Triples, RDF/XML, JSON-LD…) into one
:class:`Shapes` graph, once, and lints it.

The linter rejects shapes that would silently check nothing or something else than meant: terms of
the SHACL namespace that SHACL does not define (``sh:minValue``, ``sh:classIn``, ``sh:shape``… —
real published shapes do this), a shape IRI defined in two files, a shape with two ``sh:path`` or
two values of a single-valued parameter (a shape IRI used twice in one file), parameters of the
wrong kind, malformed lists and paths, references to shapes that do not exist. Each problem cites
the section of the SHACL specification that defines the rule. Shipped shapes must also carry
``sh:message`` in French and English.

>>> shapes = load_shapes(["dcterms"])
>>> shapes.profiles, len(shapes.shape_nodes()) > 20
((<ShapeProfile.DCTERMS: 'dcterms'>,), True)
>>> try:
...     lint_text('@prefix sh: <http://www.w3.org/ns/shacl#> . '
...               '<http://example.org/S> a sh:NodeShape ; sh:targetClass <http://example.org/C> ; '
...               'sh:property [ sh:path <http://example.org/p> ; sh:minValue 1 ] .')
... except ShapesError as error:
...     print(error.problems[0].problem[:63])
...     print(error.problems[0].spec)
sh:minValue is not a SHACL term (did you mean sh:minInclusive?)
https://www.w3.org/TR/shacl/#MinInclusiveConstraintComponent
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from notice_ld.config import Profile
from notice_ld.crosswalk import prefixes as vocab_prefixes
from notice_ld.errors import ShapesError
from notice_ld.formats import RdfFormat
from notice_ld.languages import Language
from notice_ld.resources import data_dir
from notice_ld.terms import IRI, RDF, RDF_TYPE, XSD, Literal
from notice_ld.validation.rdf import BNode, Node, RDFTriple, Term, parse_rdf
from notice_ld.vocabulary import SH as _SH
from notice_ld.vocabulary import SHAPES_BIBO, SHAPES_CORE, SHAPES_GOOGLE_ARTICLE, SHAPES_SCHEMA

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "DEFAULT_PROFILES",
    "SH",
    "LintProblem",
    "ShapeProfile",
    "Shapes",
    "lint",
    "lint_text",
    "load_shapes",
]

SH = _SH.NS
SPEC = "https://www.w3.org/TR/shacl/"
RDF_FIRST, RDF_REST, RDF_NIL = RDF + "first", RDF + "rest", RDF + "nil"


class ShapeProfile(enum.StrEnum):
    """A shipped validation profile: one shapes file in ``shapes/``. The value is the CLI name.

    Each of the mapping's vocabularies (:class:`~notice_ld.config.Profile`) has its profile;
    ``google-article`` (Google's article guidance, as warnings) checks no vocabulary of its own
    and is checked only when asked for.

    >>> ShapeProfile.DCTERMS.file, ShapeProfile.DCTERMS.profile, ShapeProfile.GOOGLE_ARTICLE.profile
    ('core.ttl', <Profile.DCTERMS: 'dcterms'>, None)
    >>> ShapeProfile.parse_many(["schema,core"])
    (<ShapeProfile.DCTERMS: 'dcterms'>, <ShapeProfile.SCHEMA: 'schema'>)
    >>> ShapeProfile.parse_many(["all"])[-1]
    <ShapeProfile.GOOGLE_ARTICLE: 'google-article'>
    >>> ShapeProfile.for_mapping([Profile.SCHEMA, Profile.BIBO])
    (<ShapeProfile.BIBO: 'bibo'>, <ShapeProfile.SCHEMA: 'schema'>)
    """

    DCTERMS = "dcterms"
    BIBO = "bibo"
    SCHEMA = "schema"
    GOOGLE_ARTICLE = "google-article"

    @property
    def file(self) -> str:
        """The shapes file, in ``shapes/`` (``notice_ld/_data/shapes/`` in the wheel)."""
        return _FILES[self]

    @property
    def profile(self) -> Profile | None:
        """The mapping profile whose output these shapes check (``None``: none of its own)."""
        return _MAPPING_PROFILES.get(self)

    @classmethod
    def parse_many(cls, names: Iterable[str]) -> tuple[ShapeProfile, ...]:
        """Profile names (``dcterms``/``core``, ``bibo``, ``schema``, ``google-article``, ``all``).

        Comma-separated names are split; ``all`` is every shipped profile. The result is in the
        order of the members, without repeats.
        """
        chosen: set[ShapeProfile] = set()
        for name in names:
            for part in name.split(","):
                key = part.strip().lower()
                key = _ALIASES.get(key, key)
                if key == "all":
                    chosen.update(cls)
                elif key in _BY_NAME:
                    chosen.add(_BY_NAME[key])
                elif key:
                    from notice_ld.errors import ConfigError

                    known = ", ".join(p.value for p in cls)
                    raise ConfigError(
                        f"unknown validation profile {part.strip()!r}; use {known}, core or all"
                    )
        return tuple(p for p in cls if p in chosen)

    @classmethod
    def for_mapping(cls, profiles: Iterable[Profile]) -> tuple[ShapeProfile, ...]:
        """The profiles that check notices mapped to these vocabularies (in member order)."""
        wanted = set(profiles)
        return tuple(p for p in cls if p.profile is not None and p.profile in wanted)


_FILES = {
    ShapeProfile.DCTERMS: "core.ttl",
    ShapeProfile.BIBO: "bibo.ttl",
    ShapeProfile.SCHEMA: "schema.ttl",
    ShapeProfile.GOOGLE_ARTICLE: "google-article.ttl",
}
_MAPPING_PROFILES = {
    ShapeProfile.DCTERMS: Profile.DCTERMS,
    ShapeProfile.BIBO: Profile.BIBO,
    ShapeProfile.SCHEMA: Profile.SCHEMA,
}
_BY_NAME = {p.value: p for p in ShapeProfile}
_ALIASES = {"core": ShapeProfile.DCTERMS.value, "google": ShapeProfile.GOOGLE_ARTICLE.value}

DEFAULT_PROFILES: tuple[ShapeProfile, ...] = ShapeProfile.for_mapping(Profile)
"""Checked unless told otherwise: the profiles of the three vocabularies the mapping writes."""

SHAPE_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "core": SHAPES_CORE.NS,
        "bibosh": SHAPES_BIBO.NS,
        "schemash": SHAPES_SCHEMA.NS,
        "google": SHAPES_GOOGLE_ARTICLE.NS,
        "sh": SH,
    }
)


# -- the SHACL vocabulary -------------------------------------------------------------------------

_COMPONENT_PARAMS = {
    "class": "ClassConstraintComponent",
    "datatype": "DatatypeConstraintComponent",
    "nodeKind": "NodeKindConstraintComponent",
    "minCount": "MinCountConstraintComponent",
    "maxCount": "MaxCountConstraintComponent",
    "minExclusive": "MinExclusiveConstraintComponent",
    "minInclusive": "MinInclusiveConstraintComponent",
    "maxExclusive": "MaxExclusiveConstraintComponent",
    "maxInclusive": "MaxInclusiveConstraintComponent",
    "minLength": "MinLengthConstraintComponent",
    "maxLength": "MaxLengthConstraintComponent",
    "pattern": "PatternConstraintComponent",
    "flags": "PatternConstraintComponent",
    "languageIn": "LanguageInConstraintComponent",
    "uniqueLang": "UniqueLangConstraintComponent",
    "equals": "EqualsConstraintComponent",
    "disjoint": "DisjointConstraintComponent",
    "lessThan": "LessThanConstraintComponent",
    "lessThanOrEquals": "LessThanOrEqualsConstraintComponent",
    "not": "NotConstraintComponent",
    "and": "AndConstraintComponent",
    "or": "OrConstraintComponent",
    "xone": "XoneConstraintComponent",
    "node": "NodeConstraintComponent",
    "property": "PropertyConstraintComponent",
    "qualifiedValueShape": "QualifiedValueShapeConstraintComponent",
    "qualifiedMinCount": "QualifiedValueShapeConstraintComponent",
    "qualifiedMaxCount": "QualifiedValueShapeConstraintComponent",
    "qualifiedValueShapesDisjoint": "QualifiedValueShapeConstraintComponent",
    "closed": "ClosedConstraintComponent",
    "ignoredProperties": "ClosedConstraintComponent",
    "hasValue": "HasValueConstraintComponent",
    "in": "InConstraintComponent",
}
_SECTIONS = {
    "targetNode": "targetNode",
    "targetClass": "targetClass",
    "targetSubjectsOf": "targetSubjectsOf",
    "targetObjectsOf": "targetObjectsOf",
    "severity": "severity",
    "message": "message",
    "deactivated": "deactivated",
    "path": "property-paths",
    "inversePath": "property-paths",
    "alternativePath": "property-paths",
    "zeroOrMorePath": "property-paths",
    "oneOrMorePath": "property-paths",
    "zeroOrOnePath": "property-paths",
    "NodeShape": "node-shapes",
    "PropertyShape": "property-shapes",
    "Shape": "shapes",
    "sparql": "sparql-constraints",
    "name": "nonValidation",
    "description": "nonValidation",
    "order": "nonValidation",
    "group": "nonValidation",
    "defaultValue": "nonValidation",
}

# Every term of the SHACL vocabulary (https://www.w3.org/ns/shacl.ttl), SHACL-AF and SHACL-JS included.
_SHACL_VOCABULARY = """
AbstractResult AndConstraintComponent AndConstraintComponent-and BlankNode BlankNodeOrIRI BlankNodeOrLiteral
ClassConstraintComponent ClassConstraintComponent-class ClosedConstraintComponent
ClosedConstraintComponent-closed ClosedConstraintComponent-ignoredProperties ConstraintComponent
DatatypeConstraintComponent DatatypeConstraintComponent-datatype DisjointConstraintComponent
DisjointConstraintComponent-disjoint EqualsConstraintComponent EqualsConstraintComponent-equals
ExpressionConstraintComponent ExpressionConstraintComponent-expression Function HasValueConstraintComponent
HasValueConstraintComponent-hasValue IRI IRIOrLiteral InConstraintComponent InConstraintComponent-in Info
JSConstraint JSConstraint-js JSConstraintComponent JSExecutable JSFunction JSLibrary JSRule JSTarget
JSTargetType JSValidator LanguageInConstraintComponent LanguageInConstraintComponent-languageIn
LessThanConstraintComponent LessThanConstraintComponent-lessThan LessThanOrEqualsConstraintComponent
LessThanOrEqualsConstraintComponent-lessThanOrEquals Literal MaxCountConstraintComponent
MaxCountConstraintComponent-maxCount MaxExclusiveConstraintComponent
MaxExclusiveConstraintComponent-maxExclusive MaxInclusiveConstraintComponent
MaxInclusiveConstraintComponent-maxInclusive MaxLengthConstraintComponent
MaxLengthConstraintComponent-maxLength MinCountConstraintComponent MinCountConstraintComponent-minCount
MinExclusiveConstraintComponent MinExclusiveConstraintComponent-minExclusive MinInclusiveConstraintComponent
MinInclusiveConstraintComponent-minInclusive MinLengthConstraintComponent
MinLengthConstraintComponent-minLength NodeConstraintComponent NodeConstraintComponent-node NodeKind
NodeKindConstraintComponent NodeKindConstraintComponent-nodeKind NodeShape NotConstraintComponent
NotConstraintComponent-not OrConstraintComponent OrConstraintComponent-or Parameter Parameterizable
PatternConstraintComponent PatternConstraintComponent-flags PatternConstraintComponent-pattern
PrefixDeclaration PropertyConstraintComponent PropertyConstraintComponent-property PropertyGroup
PropertyShape QualifiedMaxCountConstraintComponent QualifiedMaxCountConstraintComponent-qualifiedMaxCount
QualifiedMaxCountConstraintComponent-qualifiedValueShape
QualifiedMaxCountConstraintComponent-qualifiedValueShapesDisjoint QualifiedMinCountConstraintComponent
QualifiedMinCountConstraintComponent-qualifiedMinCount
QualifiedMinCountConstraintComponent-qualifiedValueShape
QualifiedMinCountConstraintComponent-qualifiedValueShapesDisjoint ResultAnnotation Rule SPARQLAskExecutable
SPARQLAskValidator SPARQLConstraint SPARQLConstraintComponent SPARQLConstraintComponent-sparql
SPARQLConstructExecutable SPARQLExecutable SPARQLFunction SPARQLRule SPARQLSelectExecutable
SPARQLSelectValidator SPARQLTarget SPARQLTargetType SPARQLUpdateExecutable Severity Shape Target TargetType
TripleRule UniqueLangConstraintComponent UniqueLangConstraintComponent-uniqueLang ValidationReport
ValidationResult Validator Violation Warning XoneConstraintComponent XoneConstraintComponent-xone
alternativePath and annotationProperty annotationValue annotationVarName ask class closed condition conforms
construct datatype deactivated declare defaultValue description detail disjoint entailment equals expression
filterShape flags focusNode group hasValue ignoredProperties in intersection inversePath js jsFunctionName
jsLibrary jsLibraryURL labelTemplate languageIn lessThan lessThanOrEquals maxCount maxExclusive maxInclusive
maxLength message minCount minExclusive minInclusive minLength name namespace node nodeKind nodeValidator
nodes not object oneOrMorePath optional or order parameter path pattern predicate prefix prefixes property
propertyValidator qualifiedMaxCount qualifiedMinCount qualifiedValueShape qualifiedValueShapesDisjoint
result resultAnnotation resultMessage resultPath resultSeverity returnType rule select severity shapesGraph
shapesGraphWellFormed sourceConstraint sourceConstraintComponent sourceShape sparql subject
suggestedShapesGraph target targetClass targetNode targetObjectsOf targetSubjectsOf this union uniqueLang
update validator value xone zeroOrMorePath zeroOrOnePath
"""
SHACL_TERMS = frozenset(_SHACL_VOCABULARY.split())

# Terms people write for SHACL terms that do not exist, and what SHACL calls them.
_MISNOMERS = {
    "minValue": "minInclusive",
    "maxValue": "maxInclusive",
    "classIn": "or",
    "shape": "node",
    "minOccurs": "minCount",
    "maxOccurs": "maxCount",
    "required": "minCount",
    "range": "class",
    "type": "class",
    "regex": "pattern",
    "notIn": "not",
    "valueIn": "in",
    "length": "minLength",
    "targetProperty": "targetSubjectsOf",
}

_SINGLE_VALUED = (
    "path",
    "minCount",
    "maxCount",
    "minLength",
    "maxLength",
    "datatype",
    "nodeKind",
    "uniqueLang",
    "severity",
    "deactivated",
    "flags",
    "closed",
    "languageIn",
    "qualifiedMinCount",
    "qualifiedMaxCount",
    "qualifiedValueShape",
)
_INTEGER_PARAMS = ("minCount", "maxCount", "minLength", "maxLength", "qualifiedMinCount", "qualifiedMaxCount")
_IRI_PARAMS = ("class", "datatype", "targetClass", "targetSubjectsOf", "targetObjectsOf", "severity")
_LIST_PARAMS = ("in", "languageIn", "or", "and", "xone", "ignoredProperties")
_SHAPE_LIST_PARAMS = ("or", "and", "xone")
_SHAPE_PARAMS = ("node", "not", "property", "qualifiedValueShape")
_NODE_KINDS = frozenset(
    SH + k for k in ("IRI", "BlankNode", "Literal", "BlankNodeOrIRI", "BlankNodeOrLiteral", "IRIOrLiteral")
)
_SEVERITIES = frozenset(SH + k for k in ("Violation", "Warning", "Info"))
_INTEGER_TYPES = frozenset(
    XSD + t
    for t in (
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "int",
        "long",
        "short",
        "byte",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)


def section(term: str) -> str:
    """The URL of the SHACL specification section that defines ``term`` (a local name).

    >>> section("minCount")
    'https://www.w3.org/TR/shacl/#MinCountConstraintComponent'
    """
    if term in _COMPONENT_PARAMS:
        return SPEC + "#" + _COMPONENT_PARAMS[term]
    if term.endswith("ConstraintComponent"):
        return SPEC + "#" + term
    if term in _SECTIONS:
        return SPEC + "#" + _SECTIONS[term]
    return SPEC + "#core-components"


# -- the shapes graph -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LintProblem:
    """One problem the linter found: where (shape or term), what, and the spec section."""

    where: str
    problem: str
    spec: str

    def __str__(self) -> str:
        return f"{self.problem}. See {self.spec}"


@dataclass(frozen=True, eq=False)
class Shapes:
    """A shapes graph: its triples, where they come from, and indexes for the engines.

    Build it with :func:`load_shapes`. ``sources`` names the file each triple came from (for
    the linter's "defined in two files" check and for reports); ``prefixes`` compacts IRIs in
    reports.
    """

    triples: tuple[RDFTriple, ...]
    sources: tuple[str, ...]
    profiles: tuple[ShapeProfile, ...] = ()
    files: tuple[str, ...] = ()
    prefixes: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[LintProblem, ...] = ()
    """Problems of the user's shapes files kept as warnings (``load_shapes(..., lenient=True)``)."""

    @cached_property
    def _spo(self) -> Mapping[Term, Mapping[str, tuple[Node, ...]]]:
        index: dict[Term, dict[str, list[Node]]] = {}
        for s, p, o in self.triples:
            index.setdefault(s, {}).setdefault(p, []).append(o)
        return {s: {p: tuple(v) for p, v in po.items()} for s, po in index.items()}

    def objects(self, subject: Term, predicate: str) -> tuple[Node, ...]:
        """The objects of ``subject predicate ?`` in file order."""
        return self._spo.get(subject, {}).get(predicate, ())

    def value(self, subject: Term, predicate: str) -> Node | None:
        """The first object of ``subject predicate ?``, or ``None``."""
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def predicates(self, subject: Term) -> Mapping[str, tuple[Node, ...]]:
        """Every predicate of ``subject`` with its objects."""
        return self._spo.get(subject, {})

    def items(self, head: Term) -> list[Node] | None:
        """The members of an RDF list, or ``None`` when ``head`` is not a well-formed list."""
        out: list[Node] = []
        node: Term = head
        seen: set[str] = set()
        while node != RDF_NIL:
            if isinstance(node, Literal) or node in seen:
                return None
            seen.add(node)
            first, rest = self.objects(node, RDF_FIRST), self.objects(node, RDF_REST)
            if len(first) != 1 or len(rest) != 1:
                return None
            out.append(first[0])
            node = rest[0]
        return out

    @cached_property
    def _shapes(self) -> tuple[str, ...]:
        return tuple(_find_shapes(self))

    def shape_nodes(self) -> tuple[str, ...]:
        """Every node that is a shape (declared, targeted, or used where a shape is expected)."""
        return self._shapes

    def compact(self, iri: str) -> str:
        """A CURIE for ``iri`` when a known prefix fits, else ``<iri>`` (blank nodes as they are).

        >>> load_shapes(["dcterms"]).compact("https://w3id.org/notice-ld/shapes/core#Document-title")
        'core:Document-title'
        """
        if iri.startswith("_:"):
            return iri
        best = ""
        for prefix, namespace in self._namespaces:
            if iri.startswith(namespace) and len(namespace) > len(best):
                local = iri[len(namespace) :]
                if local and all(c.isalnum() or c in "-_." for c in local) and not local.endswith("."):
                    best = namespace
                    result = f"{prefix}:{local}"
        return result if best else f"<{iri}>"

    @cached_property
    def _namespaces(self) -> tuple[tuple[str, str], ...]:
        table = dict(self.prefixes)
        table.update(vocab_prefixes())
        table.update(SHAPE_PREFIXES)
        return tuple(sorted(table.items()))

    @cached_property
    def rdflib_graph(self) -> rdflib.Graph:
        """The shapes as an rdflib Graph (built once; for pySHACL)."""
        from notice_ld.validation.rdf import to_rdflib_graph

        return to_rdflib_graph(self.triples)


def _sh(local: str) -> str:
    return SH + local


def _find_shapes(shapes: Shapes) -> list[str]:
    """Shapes, as SHACL defines them (section 2.1): declared, targeted, or a shape-expecting value."""
    found: dict[str, None] = {}
    declared = {_sh("NodeShape"), _sh("PropertyShape"), _sh("Shape")}
    subject_markers = {
        _sh(t)
        for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "property", "path")
    }
    for s, p, o in shapes.triples:
        if (p == RDF_TYPE and o in declared) or p in subject_markers:
            found.setdefault(s, None)
        if p in (_sh("node"), _sh("not"), _sh("property"), _sh("qualifiedValueShape")) and not isinstance(
            o, Literal
        ):
            found.setdefault(o, None)
        if p in (_sh("or"), _sh("and"), _sh("xone")):
            for member in shapes.items(o) or ():
                if not isinstance(member, Literal):
                    found.setdefault(member, None)
    return list(found)


# -- loading --------------------------------------------------------------------------------------


def _read(path: Path, name: str, index: int, prefixes: dict[str, str]) -> list[RDFTriple]:
    fmt = RdfFormat.from_path(path) or RdfFormat.TURTLE
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ShapesError(
            [LintProblem(name, f"cannot read the shapes file: {exc.strerror}", SPEC + "#shapes-graph")],
            source=name,
        ) from None
    from notice_ld.errors import RecordError

    try:
        return parse_rdf(data, fmt, name=name, bnode_prefix=f"s{index}b", prefixes=prefixes)
    except RecordError as exc:
        where = f" ({exc.field})" if exc.field else ""
        raise ShapesError(
            [
                LintProblem(
                    name, f"the shapes file cannot be parsed{where}: {exc.problem}", SPEC + "#shapes-graph"
                )
            ],
            source=name,
        ) from None


def load_shapes(
    profiles: Iterable[ShapeProfile | str] = DEFAULT_PROFILES,
    files: Iterable[str | Path] = (),
    *,
    check: bool = True,
    lenient: bool = False,
) -> Shapes:
    """Load shipped profiles and user shapes files into one :class:`Shapes`, and lint them.

    Shipped profiles are read once per process. With ``check`` (the default) the linter runs and
    :class:`~notice_ld.errors.ShapesError` lists every problem. With ``lenient``, the problems
    of the user's files (a third-party shapes file written for another validator, say) are kept
    in :attr:`Shapes.warnings` instead, and validation runs with the shapes as they are (SHACL
    ignores what it does not know); the shipped shapes are always checked.
    """
    chosen = ShapeProfile.parse_many(profiles) if profiles else ()
    paths = tuple(str(f) for f in files)
    return _load(chosen, paths, check, lenient)


@cache
def _load(
    profiles: tuple[ShapeProfile, ...], files: tuple[str, ...], check: bool, lenient: bool = False
) -> Shapes:
    triples: list[RDFTriple] = []
    sources: list[str] = []
    prefixes: dict[str, str] = {}
    folder = data_dir("shapes")
    entries = [(folder / p.file, p.file, True) for p in profiles]
    entries += [(Path(f), f, False) for f in files]
    for index, (path, name, _) in enumerate(entries):
        read = _read(path, name, index, prefixes)
        triples.extend(read)
        sources.extend([name] * len(read))
    shapes = Shapes(
        triples=tuple(triples),
        sources=tuple(sources),
        profiles=profiles,
        files=files,
        prefixes=MappingProxyType(dict(sorted(prefixes.items()))),
    )
    if check:
        shipped = frozenset(p.file for p in profiles)
        problems = lint(shapes, strict_sources=shipped)
        if problems and lenient:
            theirs = _from_files(problems, shapes, shipped)
            if len(theirs) == len(problems):
                return dataclasses.replace(shapes, warnings=tuple(problems))
        if problems:
            raise ShapesError(problems, source=", ".join(dict.fromkeys(sources)))
    return shapes


def _from_files(
    problems: Sequence[LintProblem], shapes: Shapes, shipped: frozenset[str]
) -> list[LintProblem]:
    """The problems that are not about the shipped shapes (a shipped shape is never excused)."""
    own = {
        shapes.compact(s)
        for (s, _, _), source in zip(shapes.triples, shapes.sources, strict=True)
        if source in shipped
    }
    return [p for p in problems if p.where not in own]


def lint_text(text: str, fmt: RdfFormat | str = RdfFormat.TURTLE, *, name: str = "<text>") -> Shapes:
    """Parse shapes from text and lint them (raises :class:`~notice_ld.errors.ShapesError`)."""
    prefixes: dict[str, str] = {}
    triples = parse_rdf(text.encode("utf-8"), fmt, name=name, bnode_prefix="t", prefixes=prefixes)
    shapes = Shapes(tuple(triples), tuple([name] * len(triples)), prefixes=MappingProxyType(prefixes))
    problems = lint(shapes)
    if problems:
        raise ShapesError(problems, source=name)
    return shapes


# -- the linter -----------------------------------------------------------------------------------


def _suggest(local: str) -> str | None:
    if local in _MISNOMERS:
        return _MISNOMERS[local]
    params = [t for t in SHACL_TERMS if t[:1].islower()] if local[:1].islower() else sorted(SHACL_TERMS)
    close = difflib.get_close_matches(local, sorted(params), n=1, cutoff=0.75)
    return close[0] if close else None


def lint(shapes: Shapes, *, strict_sources: Iterable[str] = ()) -> list[LintProblem]:
    """Every problem in ``shapes``; shapes from ``strict_sources`` must also have fr and en messages.

    >>> lint(load_shapes(["all"], check=False))
    []
    """
    problems: list[LintProblem] = []
    strict = frozenset(strict_sources)
    c = shapes.compact

    # 1. terms of the SHACL namespace that SHACL does not define
    reported: set[str] = set()
    for s, p, o in shapes.triples:
        for term in (s, p, o):
            if isinstance(term, str) and not isinstance(term, BNode) and term.startswith(SH):
                local = term[len(SH) :]
                if local not in SHACL_TERMS and term not in reported:
                    reported.add(term)
                    hint = _suggest(local)
                    advice = f" (did you mean sh:{hint}?)" if hint else ""
                    problems.append(
                        LintProblem(
                            c(term),
                            f"sh:{local} is not a SHACL term{advice}; SHACL ignores it, "
                            "so the shape checks nothing with it",
                            section(hint) if hint else SPEC + "#core-components",
                        )
                    )

    # 2. shapes defined in two files
    defined_in: dict[str, dict[str, None]] = {}
    shape_set = set(shapes.shape_nodes())
    for (s, _, _), source in zip(shapes.triples, shapes.sources, strict=True):
        if s in shape_set and not isinstance(s, BNode):
            defined_in.setdefault(s, {})[source] = None
    for shape, files in defined_in.items():
        if len(files) > 1:
            problems.append(
                LintProblem(
                    c(shape),
                    f"the shape {c(shape)} is defined in {' and '.join(files)}: its constraints would merge; "
                    "give each shape its own IRI",
                    SPEC + "#shapes",
                )
            )

    # 3. each shape's parameters
    for shape in shapes.shape_nodes():
        problems.extend(_lint_shape(shapes, shape, shape_set))
        if strict and defined_in.get(shape, {}).keys() & strict and not isinstance(shape, BNode):
            langs = {o.lang for o in shapes.objects(shape, _sh("message")) if isinstance(o, Literal)}
            missing = [lang.value for lang in sorted(Language) if lang not in langs]
            if missing:
                problems.append(
                    LintProblem(
                        c(shape),
                        f"{c(shape)} has no sh:message in {' and '.join(missing)} "
                        "(every shipped shape speaks French and English)",
                        SPEC + "#message",
                    )
                )
    return problems


def _lint_shape(shapes: Shapes, shape: str, shape_set: set[str]) -> Iterator[LintProblem]:
    c = shapes.compact
    name = c(shape)
    predicates = shapes.predicates(shape)

    def problem(text: str, term: str) -> LintProblem:
        return LintProblem(name, f"{name}: {text}", section(term))

    for local in _SINGLE_VALUED:
        values = predicates.get(_sh(local), ())
        if len(values) > 1:
            hint = " (is the shape IRI used for two shapes?)" if not isinstance(shape, BNode) else ""
            yield problem(f"has {len(values)} values of sh:{local}, SHACL allows one{hint}", local)
    for local in _INTEGER_PARAMS:
        for value in predicates.get(_sh(local), ()):
            if not (
                isinstance(value, Literal)
                and value.datatype in _INTEGER_TYPES
                and value.value.lstrip("+").isdigit()
            ):
                yield problem(f"sh:{local} must be a non-negative xsd:integer, not {_show(c, value)}", local)
    for local in _IRI_PARAMS:
        for value in predicates.get(_sh(local), ()):
            if isinstance(value, (Literal, BNode)):
                yield problem(f"sh:{local} must be an IRI, not {_show(c, value)}", local)
    for value in predicates.get(_sh("nodeKind"), ()):
        if value not in _NODE_KINDS:
            yield problem(
                f"sh:nodeKind must be one of sh:IRI, sh:Literal, sh:BlankNode… not {_show(c, value)}",
                "nodeKind",
            )
    for value in predicates.get(_sh("severity"), ()):
        if value not in _SEVERITIES and isinstance(value, IRI) and value.startswith(SH):
            yield problem(
                f"sh:severity must be sh:Violation, sh:Warning or sh:Info, not {_show(c, value)}", "severity"
            )
    for value in predicates.get(_sh("uniqueLang"), ()):
        if not (
            isinstance(value, Literal)
            and value.datatype == XSD + "boolean"
            and value.value in ("true", "false")
        ):
            yield problem(f"sh:uniqueLang must be true or false, not {_show(c, value)}", "uniqueLang")
    for local in ("pattern", "flags"):
        for value in predicates.get(_sh(local), ()):
            if not isinstance(value, Literal):
                yield problem(f"sh:{local} must be a string, not {_show(c, value)}", local)
            elif local == "pattern":
                import re

                try:
                    re.compile(value.value)
                except re.error as exc:
                    yield problem(f"sh:pattern {value.value!r} is not a regular expression ({exc})", local)
    for local in _LIST_PARAMS:
        for value in predicates.get(_sh(local), ()):
            members = shapes.items(value)
            if members is None:
                yield problem(f"the value of sh:{local} is not a well-formed RDF list", local)
            elif local in _SHAPE_LIST_PARAMS:
                for member in members:
                    if isinstance(member, Literal) or (
                        not shapes.predicates(member) and member not in shape_set
                    ):
                        yield problem(f"sh:{local} lists {_show(c, member)}, which is not a shape", local)
    for local in _SHAPE_PARAMS:
        for value in predicates.get(_sh(local), ()):
            if isinstance(value, Literal) or not shapes.predicates(value):
                yield problem(
                    f"sh:{local} refers to {_show(c, value)}, which is not defined in the shapes", local
                )
            elif local == "property" and not shapes.objects(value, _sh("path")):
                yield problem(f"sh:property refers to {_show(c, value)}, which has no sh:path", "property")
    for path in predicates.get(_sh("path"), ()):
        reason = _path_problem(shapes, path)
        if reason:
            yield problem(f"its sh:path is malformed: {reason}", "path")
        if shapes.objects(shape, RDF_TYPE) and _sh("NodeShape") in shapes.objects(shape, RDF_TYPE):
            yield problem("is a sh:NodeShape with a sh:path; a node shape has no path", "NodeShape")


def _path_problem(shapes: Shapes, path: Node, depth: int = 0) -> str | None:
    if depth > 20:
        return "it is nested too deeply (a cycle?)"
    if isinstance(path, Literal):
        return "a literal cannot be a path"
    if not isinstance(path, BNode):
        return None
    members = shapes.items(path) if shapes.objects(path, RDF_FIRST) else None
    if members is not None:
        if len(members) < 2:
            return "a sequence path needs at least two members"
        for member in members:
            reason = _path_problem(shapes, member, depth + 1)
            if reason:
                return reason
        return None
    kinds = [
        p
        for p in ("inversePath", "alternativePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath")
        if shapes.objects(path, _sh(p))
    ]
    if len(kinds) != 1 or len(shapes.objects(path, _sh(kinds[0]))) != 1:
        return "a blank-node path needs exactly one of sh:inversePath, sh:alternativePath, sh:zeroOrMorePath…"
    inner = shapes.objects(path, _sh(kinds[0]))[0]
    if kinds[0] == "alternativePath":
        members = shapes.items(inner)
        if members is None or len(members) < 2:
            return "sh:alternativePath needs a list of at least two paths"
        for member in members:
            reason = _path_problem(shapes, member, depth + 1)
            if reason:
                return reason
        return None
    return _path_problem(shapes, inner, depth + 1)


def _show(compact: object, value: Node) -> str:
    if isinstance(value, Literal):
        return repr(value.value)
    return compact(value) if callable(compact) else str(value)


def describe(problems: Sequence[LintProblem]) -> str:
    """The problems, one per line (for command-line output)."""
    return "\n".join(str(p) for p in problems)
