"""The fast engine: a validator compiled from the shapes, working on plain triples.

The shapes are compiled once into Python objects (targets, paths, one closure per constraint);
validating a notice then needs no rdflib graph, no SPARQL and no shapes lookup — only an index of
the notice's own triples, built in one pass. The engine follows pySHACL's reading of SHACL Core
(it is proved equal to pySHACL by the differential tests), including its choices where the
specification leaves room:

* shapes are validated with ``allow_warnings`` and ``allow_infos``: a shape of severity
  ``sh:Warning`` or ``sh:Info`` never makes a nested shape (``sh:or``, ``sh:not``…) fail;
* ``sh:node`` fails when the nested shape reports anything, ``sh:or``/``sh:and``/``sh:xone``/``sh:not``
  look only at conformance;
* ``sh:pattern`` searches (not matches) with Python's ``re``, honouring the ``i`` and ``m`` flags;
* ``sh:languageIn`` accepts a tag equal to a listed one or whose primary subtag is listed;
* ``sh:datatype`` rejects an ill-typed literal only for the XSD datatypes rdflib parses (dates,
  times, numbers, booleans — with the same Python conversions); ill-typed ``xsd:gYear``,
  ``xsd:gYearMonth``… are accepted, as pySHACL does, and reported by the separate
  well-formedness check (:mod:`notice_ld.validation.wellformed`).

Components: targets (node, class with ``rdfs:subClassOf*`` in the data, subjects-of, objects-of,
implicit class targets), predicate / inverse / sequence / alternative / zero-or-more / one-or-more /
zero-or-one paths, ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:nodeKind``, ``sh:class``,
``sh:in``, ``sh:hasValue``, ``sh:pattern``, ``sh:languageIn``, ``sh:uniqueLang``,
``sh:minLength``, ``sh:maxLength``, ``sh:node``, ``sh:property``, ``sh:and``, ``sh:or``,
``sh:not``, ``sh:xone``, ``sh:deactivated``, ``sh:severity``. Anything else (SPARQL-based
constraints, value ranges, property pairs, ``sh:closed``, qualified shapes, SHACL-AF, recursive
shapes, ``sh:in``/``sh:hasValue`` with typed literals rdflib rewrites) raises
:class:`Unsupported`, and :func:`notice_ld.validation.validate` falls back to pySHACL.

>>> from notice_ld.validation.shapes import load_shapes
>>> from notice_ld import Notice, map_notice
>>> engine = FastEngine(load_shapes(["dcterms"]))
>>> g = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T", "lang": "fr"}],
...                                 "issued": "2019"}))
>>> [r[5].rsplit("#")[1] for r in engine.validate(g.triples, indexed=True)]
['Document-creator-present', 'Document-license-known']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, TypeAlias

from notice_ld.terms import RDF, RDF_TYPE, XSD, XSD_STRING, Literal
from notice_ld.validation.rdf import BNode, RDFTriple, Term
from notice_ld.validation.shapes import SH, Shapes
from notice_ld.vocabulary import RDFS as _RDFS

__all__ = ["DataGraph", "FastEngine", "RawResult", "Unsupported", "rdflib_ill_typed"]

RDFS = _RDFS.NS
RDFS_SUBCLASSOF = _RDFS.subClassOf
RDFS_CLASS = _RDFS.Class
VIOLATION, WARNING, INFO = SH + "Violation", SH + "Warning", SH + "Info"
_ALLOWED = frozenset({WARNING, INFO})

RawResult: TypeAlias = tuple[Term, "Term | None", "Term | None", str, str, str]
"""``(focus, result path node, value, constraint component, severity, source shape)``."""


class Unsupported(Exception):
    """The shapes use something the fast engine does not implement (the message says what)."""


# -- the data graph -------------------------------------------------------------------------------


class DataGraph:
    """An index of triples: subject → predicate → objects, classes, and (lazily) inverse edges."""

    __slots__ = ("_inverse", "by_pred", "spo", "subclass", "types")

    def __init__(self, triples: Iterable[RDFTriple], *, indexed: bool = False) -> None:
        spo: dict[Any, dict[str, list[Term]]] = {}
        by_pred: dict[str, list[str]] = {}
        types: dict[Term, list[str]] = {}
        subclass: dict[Term, list[Term]] = {}
        if indexed:
            # triples sorted by (subject, predicate) with no duplicates: one pass, no lookups
            last_s: str | None = None
            last_p: str | None = None
            po: dict[str, list[Term]] = {}
            values: list[Term] = []
            for s, p, o in triples:
                if s != last_s:
                    po = spo[s] = {}
                    last_s, last_p = s, None
                if p != last_p:
                    values = po[p] = [o]
                    last_p = p
                    subjects = by_pred.get(p)
                    if subjects is None:
                        by_pred[p] = [s]
                    else:
                        subjects.append(s)
                else:
                    values.append(o)
                if p == RDF_TYPE:
                    types.setdefault(o, []).append(s)
                elif p == RDFS_SUBCLASSOF:
                    subclass.setdefault(o, []).append(s)
        else:
            seen: set[RDFTriple] = set()
            for triple in triples:
                if triple in seen:
                    continue
                seen.add(triple)
                s, p, o = triple
                known = spo.get(s)
                if known is None:
                    known = spo[s] = {}
                values_ = known.get(p)
                if values_ is None:
                    known[p] = [o]
                    by_pred.setdefault(p, []).append(s)
                else:
                    values_.append(o)
                if p == RDF_TYPE:
                    types.setdefault(o, []).append(s)
                elif p == RDFS_SUBCLASSOF:
                    subclass.setdefault(o, []).append(s)
        self.spo = spo
        self.by_pred = by_pred
        self.types = types
        self.subclass = subclass
        self._inverse: dict[str, dict[Term, list[Term]]] = {}

    def objects(self, subject: Term, predicate: str) -> Sequence[Term]:
        """Objects of ``subject predicate ?`` (empty for literals and unknown nodes)."""
        po = self.spo.get(subject)
        return po.get(predicate, ()) if po else ()

    def subjects(self, predicate: str, obj: Term) -> Sequence[Term]:
        """Subjects of ``? predicate obj``."""
        inverse = self._inverse.get(predicate)
        if inverse is None:
            inverse = {}
            for s in self.by_pred.get(predicate, ()):
                for o in self.spo[s][predicate]:
                    inverse.setdefault(o, []).append(s)
            self._inverse[predicate] = inverse
        return inverse.get(obj, ())

    def instances(self, cls: Term) -> set[Term]:
        """Instances of ``cls``: ``rdf:type/rdfs:subClassOf*`` in this graph."""
        found: set[Term] = set(self.types.get(cls, ()))
        if self.subclass:
            todo, seen = list(self.subclass.get(cls, ())), {cls}
            while todo:
                sub = todo.pop()
                if sub in seen:
                    continue
                seen.add(sub)
                found.update(self.types.get(sub, ()))
                todo.extend(self.subclass.get(sub, ()))
        return found

    def is_instance(self, node: Term, cls: str) -> bool:
        """Whether ``node`` has a type that is ``cls`` or one of its subclasses here (as pySHACL checks)."""
        for ctype in self.objects(node, RDF_TYPE):
            if ctype == cls:
                return True
            if self.subclass:
                todo, seen = [ctype], set()
                while todo:
                    current = todo.pop()
                    if current in seen:
                        continue
                    seen.add(current)
                    for parent in self.objects(current, RDFS_SUBCLASSOF):
                        if parent == cls:
                            return True
                        todo.append(parent)
        return False


# -- literals as rdflib reads them ----------------------------------------------------------------

_INT_RANGES = {
    "integer": None,
    "long": None,
    "nonPositiveInteger": (None, 0),
    "nonNegativeInteger": (0, None),
    "negativeInteger": (None, -1),
    "positiveInteger": (1, None),
    "int": (-2147483648, 2147483647),
    "short": (-32768, 32767),
    "byte": (-128, 127),
    "unsignedInt": (0, 4294967295),
    "unsignedLong": (0, None),
    "unsignedShort": (0, 65535),
    "unsignedByte": (0, 255),
}


def _date_ok(text: str) -> bool:
    """rdflib's ``parse_xsd_date`` (Python >= 3.11), step by step."""
    if text.endswith(("Z", "z")):
        text = text[:-1]
    minus = text.startswith("-")
    if minus:
        text = text[1:]
    if "T" in text:
        text = text.split("T")[0]
    else:
        plus = text.rfind("+")
        if plus > 0:
            text = text[:plus]
        else:
            parts = text.rsplit("-", 1)
            if len(parts) > 1 and ":" in parts[-1]:
                text = parts[0]
    if "-" not in text:
        return False
    try:
        date.fromisoformat(text if not minus else "-" + text)
    except (ValueError, TypeError):
        return False
    return True


def _parses(convert: Callable[[str], Any]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            convert(text)
        except (ValueError, TypeError, ArithmeticError, InvalidOperation):
            return False
        return True

    return check


def _integer(bounds: tuple[int | None, int | None] | None) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            value = int(text)
        except ValueError:
            return False
        if bounds is None:
            return True
        low, high = bounds
        return (low is None or value >= low) and (high is None or value <= high)

    return check


_WELL_TYPED: dict[str, Callable[[str], bool]] = {
    XSD + "date": _date_ok,
    XSD + "dateTime": _parses(datetime.fromisoformat),
    XSD + "time": _parses(time.fromisoformat),
    XSD + "decimal": _parses(Decimal),
    XSD + "float": _parses(float),
    XSD + "double": _parses(float),
    XSD + "boolean": lambda text: text in ("true", "false", "1", "0"),
    **{XSD + name: _integer(bounds) for name, bounds in _INT_RANGES.items()},
}
# Datatypes rdflib converts with functions the fast engine does not mirror: shapes using them
# in sh:datatype go to pySHACL.
_UNMIRRORED = frozenset(
    XSD + t for t in ("duration", "dayTimeDuration", "yearMonthDuration", "hexBinary", "base64Binary")
) | {RDF + "XMLLiteral", RDF + "HTML", RDFS + "Literal", RDFS + "Datatype"}
# Datatypes whose lexical forms rdflib rewrites to a canonical form when it loads them.
_NORMALISED = frozenset(_WELL_TYPED) | _UNMIRRORED | {XSD + "normalizedString", XSD + "token"}


def rdflib_ill_typed(literal: Literal) -> bool:
    """Whether rdflib marks this literal ill-typed (so pySHACL's ``sh:datatype`` rejects it).

    >>> rdflib_ill_typed(Literal("2019-02-30", XSD + "date"))
    True
    >>> rdflib_ill_typed(Literal("2019-13", XSD + "gYearMonth"))  # rdflib does not parse gYearMonth
    False
    """
    check = _WELL_TYPED.get(literal.datatype)
    return check is not None and not check(literal.value)


# -- paths ----------------------------------------------------------------------------------------

PathFn: TypeAlias = Callable[[DataGraph, Term], Sequence[Term]]


def _compile_path(shapes: Shapes, node: Term, depth: int = 0) -> PathFn:
    if depth > 20:
        raise Unsupported("a property path nested more than 20 levels")
    if isinstance(node, Literal):
        raise Unsupported("a literal used as a property path")
    if not isinstance(node, BNode):
        predicate = str(node)
        return lambda g, focus: g.objects(focus, predicate)
    members = shapes.items(node) if shapes.objects(node, RDF + "first") else None
    if members is not None:
        steps = [_compile_path(shapes, m, depth + 1) for m in members]

        def sequence(g: DataGraph, focus: Term) -> Sequence[Term]:
            current: list[Term] = [focus]
            for step in steps:
                nxt: dict[Term, None] = {}
                for item in current:
                    for value in step(g, item):
                        nxt[value] = None
                current = list(nxt)
            return current

        return sequence
    inverse = shapes.objects(node, SH + "inversePath")
    if inverse:
        if isinstance(inverse[0], BNode):
            raise Unsupported("sh:inversePath of a complex path (pySHACL reads it differently from the spec)")
        predicate = str(inverse[0])
        return lambda g, focus: g.subjects(predicate, focus)
    alternatives = shapes.objects(node, SH + "alternativePath")
    if alternatives:
        options = [_compile_path(shapes, m, depth + 1) for m in shapes.items(alternatives[0]) or ()]

        def alternative(g: DataGraph, focus: Term) -> Sequence[Term]:
            found: dict[Term, None] = {}
            for option in options:
                for value in option(g, focus):
                    found[value] = None
            return list(found)

        return alternative
    for kind in ("zeroOrMorePath", "oneOrMorePath"):
        inner_node = shapes.objects(node, SH + kind)
        if inner_node:
            inner = _compile_path(shapes, inner_node[0], depth + 1)
            include_focus = kind == "zeroOrMorePath"

            def closure(
                g: DataGraph, focus: Term, inner: PathFn = inner, include_focus: bool = include_focus
            ) -> Sequence[Term]:
                found: dict[Term, None] = {focus: None} if include_focus else {}
                todo = list(inner(g, focus))
                while todo:
                    current = todo.pop()
                    if current in found:
                        continue
                    found[current] = None
                    todo.extend(inner(g, current))
                return list(found)

            return closure
    zero_or_one = shapes.objects(node, SH + "zeroOrOnePath")
    if zero_or_one:
        inner = _compile_path(shapes, zero_or_one[0], depth + 1)

        def optional(g: DataGraph, focus: Term) -> Sequence[Term]:
            found: dict[Term, None] = {focus: None}
            for value in inner(g, focus):
                found[value] = None
            return list(found)

        return optional
    raise Unsupported("a property path that is neither an IRI, a list nor a SHACL path node")


# -- shapes and constraints -----------------------------------------------------------------------

Evaluation: TypeAlias = tuple[bool, list[RawResult]]
FocusValues: TypeAlias = list[tuple[Term, Sequence[Term]]]


class CompiledShape:
    """One shape: its severity, path, targets and constraints, ready to run."""

    __slots__ = (
        "allowed",
        "checks",
        "constraints",
        "deactivated",
        "has_property",
        "node",
        "path",
        "path_node",
        "predicate",
        "severity",
        "targets",
    )

    def __init__(self, node: str) -> None:
        self.node = node
        self.severity = VIOLATION
        self.allowed = False
        self.deactivated = False
        self.path: PathFn | None = None
        self.path_node: Term | None = None
        self.predicate: str | None = None  # the path when it is a plain predicate (the common case)
        self.constraints: list[Constraint] = []
        self.checks: list[Check] = []  # the same constraints, answering only "no result?"
        self.has_property = False
        self.targets: Callable[[DataGraph], set[Term]] | None = None

    def values(self, g: DataGraph, focus: Sequence[Term]) -> FocusValues:
        """Each focus node with its value nodes (itself for a node shape)."""
        path = self.path
        if path is None:
            return [(f, (f,)) for f in focus]
        return [(f, path(g, f)) for f in focus]

    def validate(self, g: DataGraph, focus: Sequence[Term]) -> Evaluation:
        """``(conforms, results)`` of these focus nodes, as pySHACL's ``Shape.validate``."""
        if self.deactivated or not focus:
            return True, []
        pairs = self.values(g, focus)
        results: list[RawResult] = []
        conforms = True
        for constraint in self.constraints:
            ok, found = constraint(self, g, pairs)
            if found:
                results.extend(found)
                if not ok and not self.allowed and conforms:
                    conforms = all(r[4] in _ALLOWED for r in found)
        return conforms, results

    def clean(self, g: DataGraph, focus: Term) -> bool:
        """Whether :meth:`validate` of this one focus node gives no result (the fast path)."""
        if self.deactivated:
            return True
        predicate = self.predicate
        values: Sequence[Term]
        if predicate is not None:
            po = g.spo.get(focus)
            values = po.get(predicate, ()) if po is not None else ()
        elif self.path is None:
            values = (focus,)
        else:
            values = self.path(g, focus)
        for check in self.checks:  # noqa: SIM110 - a plain loop: this is the hot path
            if not check(g, values):
                return False
        return True

    def conforms(self, g: DataGraph, focus: Term) -> bool:
        """pySHACL's conformance of one focus node (what ``sh:or``, ``sh:not``… look at)."""
        if self.deactivated or self.allowed:
            return True
        if not self.has_property:
            # every result would carry this shape's (not allowed) severity: conforming = clean
            return self.clean(g, focus)
        return self.validate(g, (focus,))[0]

    def result(self, focus: Term, value: Term | None, component: str) -> RawResult:
        """A result of this shape."""
        return (focus, self.path_node, value, component, self.severity, self.node)


Constraint: TypeAlias = Callable[[CompiledShape, DataGraph, FocusValues], Evaluation]
Check: TypeAlias = Callable[[DataGraph, Sequence[Term]], bool]
Built: TypeAlias = tuple[Constraint, Check]


def _all_clean(targets: Sequence[CompiledShape]) -> Callable[[DataGraph, Sequence[Term]], bool]:
    """The quick check of sh:node and sh:property: every value conforms to every nested shape."""

    def check(g: DataGraph, vals: Sequence[Term]) -> bool:
        return all(nested.clean(g, v) for v in vals for nested in targets)

    return check


def _component(local: str) -> str:
    return SH + local + "ConstraintComponent"


def _per_value(component: str, ok: Callable[[DataGraph, Term], bool]) -> Built:
    """A constraint checked value by value, one result per failing value."""
    iri = _component(component)

    def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
        results = [shape.result(f, v, iri) for f, values in pairs for v in values if not ok(g, v)]
        return not results, results

    def check(g: DataGraph, values: Sequence[Term]) -> bool:
        for v in values:  # noqa: SIM110 - a plain loop: this is the hot path
            if not ok(g, v):
                return False
        return True

    return run, check


def _string_of(value: Term) -> str:
    return value.value if isinstance(value, Literal) else str(value)


class _Compiler:
    """Compiles a :class:`Shapes` graph; refuses what the engine cannot do exactly like pySHACL."""

    def __init__(self, shapes: Shapes) -> None:
        self.shapes = shapes
        self.compiled: dict[str, CompiledShape] = {}
        shape_nodes = _pyshacl_shapes(shapes)
        self.shape_nodes = shape_nodes
        for node in shape_nodes:
            self.compiled[node] = CompiledShape(node)
        self._check_recursion()
        for node, shape in self.compiled.items():
            self._fill(node, shape)

    # -- structure
    def _refs(self, node: str) -> list[str]:
        s = self.shapes
        out: list[str] = []
        for local in ("node", "not", "property", "qualifiedValueShape"):
            out.extend(str(o) for o in s.objects(node, SH + local) if not isinstance(o, Literal))
        for local in ("and", "or", "xone"):
            for head in s.objects(node, SH + local):
                out.extend(str(m) for m in s.items(head) or () if not isinstance(m, Literal))
        return out

    def _check_recursion(self) -> None:
        state: dict[str, int] = {}

        def visit(node: str) -> None:
            state[node] = 1
            for ref in self._refs(node):
                if state.get(ref) == 1:
                    raise Unsupported(f"recursive shapes ({self.shapes.compact(ref)} refers back to itself)")
                if ref not in state:
                    visit(ref)
            state[node] = 2

        for node in self.compiled:
            if node not in state:
                visit(node)

    def shape(self, node: Term) -> CompiledShape:
        found = self.compiled.get(str(node)) if not isinstance(node, Literal) else None
        if found is None:
            raise Unsupported(f"{self.shapes.compact(str(node))} is used as a shape but is not one")
        return found

    def _fill(self, node: str, shape: CompiledShape) -> None:
        s = self.shapes
        predicates = s.predicates(node)
        for local in (
            "sparql",
            "target",
            "rule",
            "expression",
            "js",
            "closed",
            "qualifiedValueShape",
            "equals",
            "disjoint",
            "lessThan",
            "lessThanOrEquals",
            "minInclusive",
            "maxInclusive",
            "minExclusive",
            "maxExclusive",
        ):
            if SH + local in predicates:
                raise Unsupported(f"sh:{local} (in {s.compact(node)})")
        for predicate in predicates:
            # a custom constraint component's parameter? only if some component declares it
            if not predicate.startswith(SH) and predicate in _custom_parameters(s):
                raise Unsupported(f"the custom constraint component parameter {s.compact(predicate)}")
        severity = s.value(node, SH + "severity")
        if severity is not None:
            shape.severity = str(severity)
        shape.allowed = shape.severity in _ALLOWED
        deactivated = s.value(node, SH + "deactivated")
        shape.deactivated = isinstance(deactivated, Literal) and deactivated.value in ("true", "1")
        path = s.value(node, SH + "path")
        if path is not None:
            shape.path_node = path
            shape.path = _compile_path(s, path)
            if not isinstance(path, (BNode, Literal)):
                shape.predicate = str(path)
        shape.targets = self._targets(node)
        shape.has_property = bool(s.objects(node, SH + "property"))
        for local, build in (
            ("minCount", self._min_count),
            ("maxCount", self._max_count),
            ("datatype", self._datatype),
            ("nodeKind", self._node_kind),
            ("class", self._class),
            ("in", self._in),
            ("hasValue", self._has_value),
            ("pattern", self._pattern),
            ("languageIn", self._language_in),
            ("uniqueLang", self._unique_lang),
            ("minLength", self._min_length),
            ("maxLength", self._max_length),
            ("node", self._node),
            ("property", self._property),
            ("not", self._not),
            ("and", self._and),
            ("or", self._or),
            ("xone", self._xone),
        ):
            values = s.objects(node, SH + local)
            if values:
                run, check = build(node, values)
                shape.constraints.append(run)
                shape.checks.append(check)

    def _targets(self, node: str) -> Callable[[DataGraph], set[Term]] | None:
        s = self.shapes
        nodes = list(s.objects(node, SH + "targetNode"))
        classes = [str(c) for c in s.objects(node, SH + "targetClass")]
        declared = set(s.objects(node, RDF_TYPE))
        rdfs_classes = {RDFS_CLASS} | {t for t, p, o in s.triples if p == RDFS_SUBCLASSOF and o == RDFS_CLASS}
        if declared & rdfs_classes:
            classes.append(node)
        subjects_of = [str(p) for p in s.objects(node, SH + "targetSubjectsOf")]
        objects_of = [str(p) for p in s.objects(node, SH + "targetObjectsOf")]
        if not (nodes or classes or subjects_of or objects_of):
            return None

        def targets(g: DataGraph) -> set[Term]:
            found: set[Term] = set(nodes)
            for cls in classes:
                found.update(g.instances(cls))
            for predicate in subjects_of:
                found.update(g.by_pred.get(predicate, ()))
            for predicate in objects_of:
                for subject in g.by_pred.get(predicate, ()):
                    found.update(g.spo[subject][predicate])
            return found

        return targets

    # -- single-valued parameters
    def _one(self, node: str, local: str, values: Sequence[Term]) -> Term:
        if len(values) != 1:
            raise Unsupported(f"{len(values)} values of sh:{local} in {self.shapes.compact(node)}")
        return values[0]

    def _count(self, node: str, local: str, values: Sequence[Term]) -> int:
        value = self._one(node, local, values)
        if not isinstance(value, Literal) or not value.value.isdigit():
            raise Unsupported(f"sh:{local} {value!r} is not a non-negative integer")
        return int(value.value)

    def _min_count(self, node: str, values: Sequence[Term]) -> Built:
        minimum = self._count(node, "minCount", values)
        iri = _component("MinCount")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [shape.result(f, None, iri) for f, vals in pairs if len(vals) < minimum]
            return not results, results

        return run, lambda g, vals: len(vals) >= minimum

    def _max_count(self, node: str, values: Sequence[Term]) -> Built:
        maximum = self._count(node, "maxCount", values)
        iri = _component("MaxCount")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [shape.result(f, None, iri) for f, vals in pairs if len(vals) > maximum]
            return not results, results

        return run, lambda g, vals: len(vals) <= maximum

    def _datatype(self, node: str, values: Sequence[Term]) -> Built:
        rule = str(self._one(node, "datatype", values))
        if rule in _UNMIRRORED:
            raise Unsupported(
                f"sh:datatype {self.shapes.compact(rule)} (rdflib's reading of it is not mirrored)"
            )
        check = _WELL_TYPED.get(rule)

        def ok(g: DataGraph, v: Term) -> bool:
            if not isinstance(v, Literal):
                return False
            if v.datatype != rule:
                return False
            return check is None or check(v.value)

        return _per_value("Datatype", ok)

    def _node_kind(self, node: str, values: Sequence[Term]) -> Built:
        kind = str(self._one(node, "nodeKind", values))
        allowed = {
            SH + "IRI": (False, True, False),
            SH + "BlankNode": (True, False, False),
            SH + "Literal": (False, False, True),
            SH + "BlankNodeOrIRI": (True, True, False),
            SH + "BlankNodeOrLiteral": (True, False, True),
            SH + "IRIOrLiteral": (False, True, True),
        }.get(kind)
        if allowed is None:
            raise Unsupported(f"sh:nodeKind {kind}")
        blank_ok, iri_ok, literal_ok = allowed

        def ok(g: DataGraph, v: Term) -> bool:
            if isinstance(v, Literal):
                return literal_ok
            if isinstance(v, BNode):
                return blank_ok
            return iri_ok

        return _per_value("NodeKind", ok)

    def _class(self, node: str, values: Sequence[Term]) -> Built:
        classes = [str(c) for c in values]
        iri = _component("Class")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [
                shape.result(f, v, iri)
                for cls in classes
                for f, vals in pairs
                for v in vals
                if isinstance(v, Literal) or not g.is_instance(v, cls)
            ]
            return not results, results

        def check(g: DataGraph, vals: Sequence[Term]) -> bool:
            return all(not isinstance(v, Literal) and g.is_instance(v, cls) for cls in classes for v in vals)

        return run, check

    def _check_term(self, value: Term, where: str) -> None:
        if isinstance(value, Literal) and value.datatype in _NORMALISED:
            raise Unsupported(
                f"{where} with the typed literal {value.value!r} (rdflib rewrites such literals)"
            )

    def _in(self, node: str, values: Sequence[Term]) -> Built:
        members = self.shapes.items(self._one(node, "in", values))
        if members is None:
            raise Unsupported("sh:in is not a well-formed list")
        for member in members:
            self._check_term(member, "sh:in")
        allowed = frozenset(members)
        return _per_value("In", lambda g, v: v in allowed)

    def _has_value(self, node: str, values: Sequence[Term]) -> Built:
        expected = list(values)
        for value in expected:
            self._check_term(value, "sh:hasValue")
        iri = _component("HasValue")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [shape.result(f, None, iri) for hv in expected for f, vals in pairs if hv not in vals]
            return not results, results

        return run, lambda g, vals: all(hv in vals for hv in expected)

    def _pattern(self, node: str, values: Sequence[Term]) -> Built:
        s = self.shapes
        flags_value = s.objects(node, SH + "flags")
        flags = 0
        if flags_value:
            text = _string_of(flags_value[0]).lower()
            flags = (re.IGNORECASE if "i" in text else 0) | (re.MULTILINE if "m" in text else 0)
        patterns = []
        for value in values:
            if not isinstance(value, Literal):
                raise Unsupported("sh:pattern that is not a literal")
            patterns.append(re.compile(value.value, flags).search)
        iri = _component("Pattern")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [
                shape.result(f, v, iri)
                for search in patterns
                for f, vals in pairs
                for v in vals
                if isinstance(v, BNode) or search(_string_of(v)) is None
            ]
            return not results, results

        def check(g: DataGraph, vals: Sequence[Term]) -> bool:
            for v in vals:
                if isinstance(v, BNode):
                    return False
                text = _string_of(v)
                for search in patterns:
                    if search(text) is None:
                        return False
            return True

        return run, check

    def _language_in(self, node: str, values: Sequence[Term]) -> Built:
        members = self.shapes.items(self._one(node, "languageIn", values))
        if members is None or not all(isinstance(m, Literal) and m.datatype == XSD_STRING for m in members):
            raise Unsupported("sh:languageIn must list plain strings")
        wanted = frozenset(m.value.lower() for m in members if isinstance(m, Literal))
        wildcard = "*" in wanted

        def ok(g: DataGraph, v: Term) -> bool:
            if not isinstance(v, Literal) or not v.lang:
                return False
            lang = v.lang.lower()
            return wildcard or lang in wanted or lang.split("-")[0] in wanted

        return _per_value("LanguageIn", ok)

    def _unique_lang(self, node: str, values: Sequence[Term]) -> Built:
        value = self._one(node, "uniqueLang", values)
        if not (isinstance(value, Literal) and value.datatype == XSD + "boolean"):
            raise Unsupported("sh:uniqueLang must be a boolean")
        enabled = value.value in ("true", "1")
        iri = _component("UniqueLang")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            if not enabled:
                return True, []
            results: list[RawResult] = []
            for f, vals in pairs:
                seen: set[str] = set()
                duplicated: set[str] = set()
                for v in vals:
                    if isinstance(v, Literal) and v.lang:
                        lang = v.lang.lower()
                        if lang in seen:
                            duplicated.add(lang)
                        seen.add(lang)
                results.extend(shape.result(f, None, iri) for _ in duplicated)
            return not results, results

        def check(g: DataGraph, vals: Sequence[Term]) -> bool:
            if not enabled:
                return True
            langs = [v.lang.lower() for v in vals if isinstance(v, Literal) and v.lang]
            return len(langs) == len(set(langs))

        return run, check

    def _length(self, node: str, local: str, values: Sequence[Term]) -> int:
        return self._count(node, local, values)

    def _min_length(self, node: str, values: Sequence[Term]) -> Built:
        minimum = self._length(node, "minLength", values)
        if minimum == 0:
            return _per_value("MinLength", lambda g, v: True)
        return _per_value(
            "MinLength", lambda g, v: not isinstance(v, BNode) and len(_string_of(v)) >= minimum
        )

    def _max_length(self, node: str, values: Sequence[Term]) -> Built:
        maximum = self._length(node, "maxLength", values)
        return _per_value(
            "MaxLength", lambda g, v: not isinstance(v, BNode) and len(_string_of(v)) <= maximum
        )

    # -- shape-based
    def _node(self, node: str, values: Sequence[Term]) -> Built:
        targets = [self.shape(v) for v in values]
        iri = _component("Node")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results: list[RawResult] = []
            for nested in targets:
                for f, vals in pairs:
                    for v in vals:
                        if not nested.clean(g, v):
                            results.append(shape.result(f, v, iri))
            return not results, results

        return run, _all_clean(targets)

    def _property(self, node: str, values: Sequence[Term]) -> Built:
        targets = [self.shape(v) for v in values]
        for target in targets:
            if self.shapes.value(target.node, SH + "path") is None:
                raise Unsupported(f"sh:property {self.shapes.compact(target.node)} has no sh:path")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            conforms = True
            results: list[RawResult] = []
            for nested in targets:
                for _, vals in pairs:
                    for v in vals:
                        ok, found = nested.validate(g, (v,))
                        conforms = conforms and ok
                        results.extend(found)
            return conforms, results

        return run, _all_clean(targets)

    def _not(self, node: str, values: Sequence[Term]) -> Built:
        targets = [self.shape(v) for v in values]
        iri = _component("Not")

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [
                shape.result(f, v, iri)
                for nested in targets
                for f, vals in pairs
                for v in vals
                if nested.conforms(g, v)
            ]
            return not results, results

        def check(g: DataGraph, vals: Sequence[Term]) -> bool:
            return not any(nested.conforms(g, v) for nested in targets for v in vals)

        return run, check

    def _lists(
        self, node: str, local: str, values: Sequence[Term], unique: bool
    ) -> list[list[CompiledShape]]:
        lists = []
        for head in values:
            members = self.shapes.items(head)
            if not members:
                raise Unsupported(f"sh:{local} in {self.shapes.compact(node)} is not a non-empty list")
            if unique:
                members = list(dict.fromkeys(members))
            lists.append([self.shape(m) for m in members])
        return lists

    def _logical(
        self,
        node: str,
        values: Sequence[Term],
        local: str,
        *,
        unique: bool,
        verdict: Callable[[Iterator[bool]], bool],
    ) -> Built:
        """sh:and / sh:or / sh:xone: a value passes when ``verdict`` accepts its members' outcomes."""
        lists = self._lists(node, local, values, unique=unique)
        iri = _component(local.capitalize())

        def passes(g: DataGraph, members: list[CompiledShape], v: Term) -> bool:
            return verdict(m.conforms(g, v) for m in members)

        def run(shape: CompiledShape, g: DataGraph, pairs: FocusValues) -> Evaluation:
            results = [
                shape.result(f, v, iri)
                for members in lists
                for f, vals in pairs
                for v in vals
                if not passes(g, members, v)
            ]
            return not results, results

        def check(g: DataGraph, vals: Sequence[Term]) -> bool:
            return all(passes(g, members, v) for members in lists for v in vals)

        return run, check

    def _and(self, node: str, values: Sequence[Term]) -> Built:
        return self._logical(node, values, "and", unique=True, verdict=all)

    def _or(self, node: str, values: Sequence[Term]) -> Built:
        return self._logical(node, values, "or", unique=True, verdict=any)

    def _xone(self, node: str, values: Sequence[Term]) -> Built:
        # members are counted, so a shape listed twice counts twice (as pySHACL does)
        return self._logical(node, values, "xone", unique=False, verdict=lambda outcomes: sum(outcomes) == 1)


def _custom_parameters(shapes: Shapes) -> frozenset[str]:
    found: set[str] = set()
    for _, p, o in shapes.triples:
        if p == SH + "parameter":
            found.update(str(path) for path in shapes.objects(o, SH + "path"))
    return frozenset(found)


def _pyshacl_shapes(shapes: Shapes) -> list[str]:
    """The nodes pySHACL treats as shapes (``ShapesGraph._build_node_shape_cache``), in file order."""
    found: dict[str, None] = {}
    declared = {SH + "NodeShape", SH + "PropertyShape"}
    subject_markers = {
        SH + t
        for t in ("targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf", "property", "node")
    }
    value_markers = {SH + t for t in ("property", "node", "not", "qualifiedValueShape")}
    for s, p, o in shapes.triples:
        if (p == RDF_TYPE and o in declared) or p in subject_markers:
            found.setdefault(s, None)
        if p in value_markers and not isinstance(o, Literal):
            found.setdefault(o, None)
        if p in (SH + "and", SH + "or", SH + "xone"):
            for member in shapes.items(o) or ():
                if not isinstance(member, Literal):
                    found.setdefault(member, None)
    return list(found)


class FastEngine:
    """The compiled validator: build it once from :class:`Shapes`, then validate many graphs.

    Raises :class:`Unsupported` when the shapes need something it does not implement.
    """

    def __init__(self, shapes: Shapes) -> None:
        compiler = _Compiler(shapes)
        self.shapes = shapes
        self._top = [shape for shape in compiler.compiled.values() if shape.targets is not None]

    def validate(self, triples: Iterable[RDFTriple], *, indexed: bool = False) -> list[RawResult]:
        """Results of validating the graph made of ``triples``.

        ``indexed`` says the triples are sorted by subject then predicate without duplicates (as
        in a :class:`~notice_ld.mapping.NoticeGraph`), which allows a faster index.
        """
        return self.validate_graph(DataGraph(triples, indexed=indexed))

    def validate_graph(self, g: DataGraph) -> list[RawResult]:
        """Results of validating an already indexed graph."""
        results: list[RawResult] = []
        for shape in self._top:
            assert shape.targets is not None
            for focus in shape.targets(g):
                if not shape.clean(g, focus):
                    results.extend(shape.validate(g, (focus,))[1])
        return results
