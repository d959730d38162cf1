"""Blame: which record and which notice field a validation result is about.

A result names a focus node, a path and a value in RDF terms; a cataloguer fixes a *field* of a
*record*. For a notice, every node of its graph has a role (the document, ``creators[1]``,
``container``, ``disciplines[0]``…), computed with the mapping's own IRI rules, and the crosswalk
maps the predicate back to the field (:meth:`notice_ld.crosswalk.Crosswalk.fields_for`, read per
node kind): ``dcterms:title`` on the document with the value ``"…"@fr`` is ``titles[fr]``,
``foaf:name`` on the second creator is ``creators[1].name``. For RDF that notice_ld did not
produce, roles come from the classes of the nodes and the record is the identifier of the
document the focus node belongs to.

>>> from notice_ld import Notice, map_notice
>>> from notice_ld.terms import Literal, RDF_LANGSTRING
>>> g = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T", "lang": "fr"}],
...                                 "creators": [{"family": "Jouet"}, {"family": "Durand"}]}))
>>> blame = NoticeBlame(g)
>>> blame.field(g.iri, "http://purl.org/dc/terms/title", Literal("T", RDF_LANGSTRING, "fr"))
'titles[fr]'
>>> durand = next(s for s, p, o in g.triples if o == Literal("Durand"))
>>> blame.field(durand, "http://xmlns.com/foaf/0.1/name", None), blame.record
('creators[1].name', '10670/1.jt89mr')
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from notice_ld.crosswalk import crosswalk, expand
from notice_ld.iris import iri_rules
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import RDF, RDF_TYPE, Literal
from notice_ld.validation.fast import DataGraph
from notice_ld.validation.rdf import BNode, Term

__all__ = ["GraphBlame", "NoticeBlame", "node_kind_of_classes"]

_KINDS_BY_CLASS = {
    "foaf:Person": "agent",
    "foaf:Organization": "agent",
    "schema:Person": "agent",
    "schema:Organization": "agent",
    "skos:Concept": "concept",
    "schema:DefinedTerm": "concept",
    "bibo:Journal": "container",
    "bibo:Series": "container",
    "bibo:Proceedings": "container",
    "schema:Periodical": "container",
    "schema:CreativeWorkSeries": "container",
    "schema:PublicationVolume": "volume",
    "schema:PublicationIssue": "issue",
    "rdf:Seq": "authors",
    "schema:PropertyValue": "identifier",
    "dcmitype:Collection": "collection",
    "schema:Collection": "collection",
    "dcterms:LicenseDocument": "license",
}
_DEFAULT_PREFIX = {
    "document": "",
    "agent": "agent",
    "concept": "concept",
    "container": "container",
    "volume": "container",
    "issue": "container",
    "authors": "creators",
    "identifier": "identifiers",
    "collection": "collection",
    "license": "license",
}
_LANG_LISTS = frozenset({"titles", "abstracts", "keywords", "labels"})
_LISTS = frozenset({"titles", "abstracts", "keywords", "identifiers", "languages"})
_ET_AL = expand("nld:etAl")
_MEMBER = RDF + "_"


@cache
def _class_kinds() -> Mapping[str, str]:
    return {expand(curie): kind for curie, kind in _KINDS_BY_CLASS.items()}


def node_kind_of_classes(classes: Any) -> str:
    """The crosswalk node kind of a node with these classes (``"document"`` when none is known)."""
    table = _class_kinds()
    for cls in classes:
        kind = table.get(cls)
        if kind is not None:
            return kind
    return "document"


@cache
def _rows() -> Mapping[tuple[str, str], tuple[str, ...]]:
    """(term IRI, node kind) → notice fields, in crosswalk order."""
    index: dict[tuple[str, str], dict[str, None]] = {}
    for row in crosswalk().rows:
        field = row.field.split("[", 1)[0] if "[" in row.field and "." not in row.field else row.field
        index.setdefault((row.term, row.node), {})[field] = None
    return {key: tuple(fields) for key, fields in index.items()}


def _relative(field: str, kind: str, prefix: str) -> str:
    """A node kind's crosswalk field rebased on the node's role (``agent.name`` → ``creators[1].name``)."""
    if kind in ("document", "volume", "issue", "authors") or not prefix:
        return field
    _, _, rest = field.partition(".")
    return f"{prefix}.{rest}" if rest else prefix


def _predicate(path: Term | str | None) -> tuple[str | None, bool]:
    """The predicate a result path ends with, and whether the path is a plain predicate."""
    if path is None or isinstance(path, Literal):
        return None, False
    if isinstance(path, BNode):
        return None, False
    return str(path), True


class _Blame:
    """Shared logic: roles of nodes, crosswalk lookups, value refinements."""

    record: str | None = None

    def role(self, node: Term) -> tuple[str, str] | None:
        raise NotImplementedError

    def record_of(self, focus: Term) -> str | None:
        return self.record

    def candidates(self, field: str, value: Literal) -> bool:
        return False

    def index(self, field: str, value: Literal) -> str | None:
        return None

    def field(self, focus: Term, path: Term | str | None, value: Term | None) -> str:
        """The notice field a result is about (``""`` when nothing fits)."""
        focus_role = self.role(focus) or ("", "document")
        prefix, kind = focus_role
        if value is not None and not isinstance(value, Literal):
            if value == _ET_AL:
                return "creators_et_al"
            value_role = self.role(value)
            if value_role is not None and value_role[0]:
                return value_role[0]
        predicate, plain = _predicate(path)
        if path is None and kind == "document":
            return "id"  # the document node itself: its IRI comes from the identifier
        if predicate is None or not plain:
            return prefix
        if predicate.startswith(_MEMBER) and predicate[len(_MEMBER) :].isdigit() and kind == "authors":
            return f"creators[{int(predicate[len(_MEMBER) :]) - 1}]"
        fields = _rows().get((predicate, kind), ())
        if not fields:
            return prefix
        chosen = fields[0]
        if isinstance(value, Literal) and len(fields) > 1:
            for candidate in fields:
                if self.candidates(candidate, value):
                    chosen = candidate
                    break
        out = _relative(chosen, kind, prefix)
        leaf = out.rsplit(".", 1)[-1]
        if isinstance(value, Literal):
            if leaf in _LANG_LISTS and value.lang:
                return f"{out}[{value.lang}]"
            if leaf in _LISTS and "." not in out:
                position = self.index(out, value)
                if position is not None:
                    return f"{out}[{position}]"
        return out


class NoticeBlame(_Blame):
    """Roles of the nodes of one notice's graph, from the mapping's IRI rules."""

    def __init__(self, graph: NoticeGraph) -> None:
        self.graph = graph
        notice = graph.notice
        self.notice = notice
        self.record = str(notice.id.value)
        # the mapping's IRI rules, minting without its cache (blame must not churn it)
        rules = iri_rules(graph.config, cached=False)
        roles: dict[str, tuple[str, str]] = {graph.iri: ("", "document")}

        def put(iri: str, prefix: str, kind: str) -> None:
            roles.setdefault(iri, (prefix, kind))

        agents = rules.agents(notice)
        for i, agent in enumerate(agents.creators):
            put(agent.iri, f"creators[{i}]", "agent")
        for i, agent in enumerate(agents.contributors):
            put(agent.iri, f"contributors[{i}].agent", "agent")
        if agents.organization is not None:
            put(agents.organization.iri, "organization", "agent")
        if agents.publisher is not None:
            put(agents.publisher.iri, "publisher", "agent")
        for name in ("subjects", "disciplines"):
            for i, concept in enumerate(getattr(notice, name)):
                put(rules.concept(concept), f"{name}[{i}]", "concept")
        if notice.scope is not None:
            put(rules.concept(notice.scope), "scope", "concept")
        if notice.container is not None:
            put(rules.container(notice.container), "container", "container")
        if notice.collection is not None:
            put(rules.collection(notice.collection), "collection", "collection")
        if notice.license is not None and notice.license.iri is not None:
            put(notice.license.iri, "license", "license")
        if notice.creators:
            put(rules.author_list(rules.document(notice.id)), "creators", "authors")
        put(rules.identifier_node(notice.id), "id", "identifier")
        for i, identifier in enumerate(notice.identifiers):
            put(rules.identifier_node(identifier), f"identifiers[{i}]", "identifier")
        # nodes the rules above do not name (issue, volume): by their classes
        types: dict[str, list[str]] = {}
        for s, p, o in graph.triples:
            if p == RDF_TYPE:
                types.setdefault(s, []).append(str(o))
        for node, classes in types.items():
            if node not in roles:
                kind = node_kind_of_classes(classes)
                roles[node] = (_DEFAULT_PREFIX[kind], kind)
        self.roles = roles

    def role(self, node: Term) -> tuple[str, str] | None:
        if isinstance(node, Literal):
            return None
        return self.roles.get(str(node))

    def _values(self, field: str) -> list[str]:
        n = self.notice
        if field == "id":
            return [n.id.literal]
        items = getattr(n, field, None)
        if not isinstance(items, tuple):
            return []
        out = []
        for item in items:
            if hasattr(item, "literal"):
                out.append(item.literal)
            elif hasattr(item, "value"):
                out.append(item.value)
            else:
                out.append(str(item))
        return out

    def candidates(self, field: str, value: Literal) -> bool:
        return value.value in self._values(field)

    def index(self, field: str, value: Literal) -> str | None:
        values = self._values(field)
        return str(values.index(value.value)) if value.value in values and len(values) > 1 else None


class GraphBlame(_Blame):
    """Roles from classes, and records from the documents the nodes belong to (RDF from anywhere)."""

    def __init__(self, graph: DataGraph, name: str | None = None) -> None:
        self.graph = graph
        self.name = name
        self._parents: dict[Term, list[Term]] | None = None

    def role(self, node: Term) -> tuple[str, str] | None:
        if isinstance(node, Literal):
            return None
        kind = node_kind_of_classes(str(c) for c in self.graph.objects(node, RDF_TYPE))
        return ("", kind) if kind == "document" else (_DEFAULT_PREFIX[kind], kind)

    def _parents_index(self) -> dict[Term, list[Term]]:
        if self._parents is None:
            parents: dict[Term, list[Term]] = {}
            for s, po in self.graph.spo.items():
                for p, values in po.items():
                    if p == RDF_TYPE:
                        continue
                    for o in values:
                        if not isinstance(o, Literal):
                            parents.setdefault(o, []).append(s)
            self._parents = parents
        return self._parents

    def record_of(self, focus: Term) -> str | None:
        """The identifier of the document ``focus`` is (part of), else the file name."""
        parents = self._parents_index()
        todo, seen, documents = [focus], set(), []
        while todo:
            node = todo.pop()
            if node in seen or isinstance(node, Literal):
                continue
            seen.add(node)
            if self.role(node) == ("", "document") and node in self.graph.spo:
                documents.append(node)
            todo.extend(parents.get(node, ()))
        if not documents:
            return self.name
        document = min(documents, key=lambda d: (isinstance(d, BNode), str(d)))
        for predicate in ("dcterms:identifier", "bibo:doi", "bibo:handle", "schema:identifier"):
            for value in self.graph.objects(document, expand(predicate)):
                if isinstance(value, Literal):
                    return value.value
                for text in self.graph.objects(value, expand("schema:value")):
                    if isinstance(text, Literal):
                        return text.value
        return str(document)
