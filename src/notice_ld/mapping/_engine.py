"""The crosswalk interpreter shared by the three vocabulary modules.

Each crosswalk row says: on this node, for this profile, the field's value goes in this term, in
this form. :class:`Builder` turns rows into triples for a given node and source object; the
vocabulary modules (:mod:`.dcterms`, :mod:`.bibo`, :mod:`.schema`) add the structure that a table
cannot express (ordered author sequences, PropertyValue nodes, the issue/volume chain) and decide
which nodes exist.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from operator import attrgetter
from typing import Any

import langcodes

from notice_ld import identifiers as ids
from notice_ld.citation import cite
from notice_ld.config import Config, Profile
from notice_ld.crosswalk import Row, crosswalk, expand, prefixes
from notice_ld.iris import IriRules, NoticeAgents, iri_rules
from notice_ld.model import Concept, Container, Notice, Organization, Person, Text
from notice_ld.terms import IRI, RDF_LANGSTRING, RDF_TYPE, XSD, Literal, Object, Triple
from notice_ld.vocabulary import DCTERMS
from notice_ld.vocabulary import LEXVO as _LEXVO
from notice_ld.vocabulary import RDF as _RDF

__all__ = ["Builder"]

LEXVO = _LEXVO.NS
RFC5646 = DCTERMS.RFC5646
_DATE_TYPES = {0: XSD + "gYear", 1: XSD + "gYearMonth", 2: XSD + "date"}


@cache
def _lexvo(tag: str) -> Object:
    try:
        code = langcodes.Language.get(tag).to_alpha3()
    except (LookupError, ValueError):
        return Literal(tag, RFC5646)
    return IRI(LEXVO + code)


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, tuple):
        return value
    return (value,)


def _texts(value: Any) -> Iterator[Object]:
    for item in _as_tuple(value):
        if isinstance(item, Text) or hasattr(item, "lang"):
            yield Literal.tagged(item.value, item.lang)
        elif isinstance(item, enum.Enum):
            yield Literal(str(item.value))
        else:
            yield Literal(str(item))


class Builder:
    """Collects the triples of one notice; knows the IRIs of every node it describes.

    The IRIs come from :class:`notice_ld.iris.IriRules` (``rules``); the methods below are the
    same rules, with the agents' IRIs remembered for the notice.
    """

    __slots__ = ("_memo", "agents", "config", "doc", "notice", "rules", "triples")

    def __init__(self, notice: Notice, config: Config) -> None:
        self.notice = notice
        self.config = config
        self.rules: IriRules = iri_rules(config)
        self.doc = self.rules.document(notice.id)
        # the nodes of the notice's agents, by position (homonyms apart, the person policy)
        self.agents: NoticeAgents = self.rules.agents(notice)
        self.triples: list[Triple] = []
        self._memo: dict[int, str] = {}  # id(node object) -> IRI, for this notice only

    # -- IRIs (notice_ld.iris) ------------------------------------------------------------------
    def mint(self, kind: str, key: str) -> str:
        """A deterministic IRI under the configured base (:meth:`notice_ld.iris.IriRules.mint`)."""
        return self.rules.mint(kind, key)

    def agent_iri(self, agent: Person | Organization) -> str:
        """ORCID > IdRef > ISNI for people, ROR > ISNI > IdRef for organisations, else minted from
        the name alone; the node of an agent at a given place of the notice is in ``agents``."""
        known = self._memo.get(id(agent))
        if known is None:
            known = self._memo[id(agent)] = self.rules.agent(agent)
        return known

    def container_iri(self, container: Container) -> str:
        """Given IRI > ISSN-L > ISSN > eISSN > ISBN, else minted from the type and title."""
        return self.rules.container(container)

    def concept_iri(self, concept: Concept) -> str:
        """The concept's IRI, or one minted from its notation or first label."""
        return self.rules.concept(concept)

    def identifier_iri(self, identifier: ids.Identifier) -> str:
        """The IRI of the schema:PropertyValue describing an identifier."""
        return self.rules.identifier_node(identifier)

    # -- triples ------------------------------------------------------------------------------
    def add(self, subject: str, predicate: str, obj: Object) -> None:
        """Add one triple."""
        self.triples.append((subject, predicate, obj))

    def link(
        self, field: str, profile: Profile, target: str, node: str = "document", subject: str | None = None
    ) -> None:
        """Link ``subject`` (the document by default) to node ``target`` with the field's terms."""
        s = self.doc if subject is None else subject
        for row in crosswalk().rows_for(field, profile, node):
            if row.value == "node":
                self.triples.append((s, row.term, IRI(target)))

    def describe(self, subject: str, node: str, source: Any, profile: Profile) -> None:
        """Emit every non-structural crosswalk row of ``node`` for ``profile`` about ``source``."""
        append = self.triples.append
        for term, resolve, convert, skip_empty in _compiled(profile, node):
            value = resolve(source)
            if skip_empty and (value is None or value == ()):
                continue  # most rows are empty for a given node: skip the converter call
            for obj in convert(self, value, source, node):
                append((subject, term, obj))


# -- value converters ---------------------------------------------------------------------------
Converter = Callable[[Builder, Any, Any, str], Iterable[Object]]


def _resolver(row: Row) -> Callable[[Any], Any]:
    """How a row reads its value: a dotted path from the notice, or an attribute of a node object."""
    parts = tuple(p.split("[", 1)[0] for p in row.field.split("."))
    last = parts[-1]
    if row.node == "document":
        if len(parts) == 1:
            return attrgetter(last)

        def from_notice(source: Any) -> Any:
            value: Any = source
            for part in parts:
                if value is None:
                    return None
                value = getattr(value, part)
            return value

        return from_notice
    if last == "name" and row.node == "agent":
        return attrgetter("display_name")
    return lambda source: getattr(source, last, None)


def _literal(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (Literal(value),)
    return _texts(value)


def _lang_literal(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    return [Literal(t.value, RDF_LANGSTRING, t.lang.lower()) if t.lang else Literal(t.value) for t in value]


def _date(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    if value is None:
        return ()
    return (Literal(value, _DATE_TYPES[value.count("-")]),)


def _iri(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    return tuple(IRI(v) for v in _as_tuple(value))


def _bcp47(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    return tuple(Literal(tag) for tag in _as_tuple(value))


def _lexvo_iri(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    return tuple(_lexvo(tag) for tag in _as_tuple(value))


def _identifier(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    return tuple(Literal(i.literal) for i in _as_tuple(value))


def _identifier_of(scheme: str) -> Converter:
    def convert(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
        out: list[Object] = []
        for identifier in _as_tuple(value):
            if scheme == "isbn13" and identifier.scheme is ids.Scheme.ISBN:
                out.append(Literal(identifier.literal))
            elif scheme == "isbn10" and identifier.scheme is ids.Scheme.ISBN:
                ten = ids.isbn10(identifier)
                if ten is not None:
                    out.append(Literal(ten))
            elif identifier.scheme.value == scheme:
                out.append(Literal(identifier.literal))
        return out

    return convert


def _identifier_iri(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    own = b.doc if isinstance(source, Notice) else b.agent_iri(source)
    return tuple(IRI(i.iri) for i in _as_tuple(value) if i.iri != own)


def _page(index: int) -> Converter:
    def convert(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
        container = source.container if isinstance(source, Notice) else source
        pages = container.page_range if container is not None else None
        return (Literal(pages[index]),) if pages else ()

    return convert


def _license_label(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    licence = source.license
    if licence is None or licence.iri is not None or licence.label is None:
        return ()
    return (Literal(licence.label),)


def _citation(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    """The notice's own citation as given; without one, the generated ISIDORE citation in French."""
    if value is not None:
        return (Literal(value),)
    return (Literal(cite(source)),)


def _coar_access(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    """The COAR Access Rights concept of the notice's access rights."""
    return (IRI(value.coar_iri),) if value is not None else ()


_TRUE, _FALSE = Literal("true", XSD + "boolean"), Literal("false", XSD + "boolean")


def _free_access(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
    """``true`` for open access, ``false`` for embargoed, restricted and closed access."""
    if value is None:
        return ()
    return (_TRUE if value.free else _FALSE,)


def _class_of(vocabulary: str) -> Converter:
    def convert(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
        return _type_classes(kind, str(source.type), vocabulary)

    return convert


@cache
def _type_classes(kind: str, type_: str, vocabulary: str) -> tuple[Object, ...]:
    iri = crosswalk().type_class(kind, type_, vocabulary)
    return (IRI(iri),) if iri else ()


def _constant(curie: str) -> Converter:
    constant = (IRI(expand(curie)),)

    def convert(b: Builder, value: Any, source: Any, kind: str) -> Iterable[Object]:
        return constant

    return convert


_CONVERTERS: dict[str, Converter] = {
    "literal": _literal,
    "lang-literal": _lang_literal,
    "date": _date,
    "iri": _iri,
    "bcp47": _bcp47,
    "lexvo-iri": _lexvo_iri,
    "identifier": _identifier,
    "identifier-iri": _identifier_iri,
    "page-start": _page(0),
    "page-end": _page(1),
    "license-label": _license_label,
    "citation": _citation,
    "coar-access": _coar_access,
    "free-access": _free_access,
}


def converter(value: str) -> Converter | None:
    """The converter for a crosswalk value form; ``None`` for structural rows (``node``)."""
    if value == "node":
        return None
    if value in _CONVERTERS:
        return _CONVERTERS[value]
    if value.startswith("identifier:"):
        return _identifier_of(value.split(":", 1)[1])
    if value.startswith("class:"):
        return _class_of(value.split(":", 1)[1])
    if value.partition(":")[0] in prefixes():
        return _constant(value)
    raise ValueError(f"crosswalk value form {value!r} is unknown")


def _nothing(source: Any) -> None:
    return None


# value forms whose converter produces something even when the field is empty
_FILLS_EMPTY = frozenset({"citation"})


@cache
def _compiled(profile: Profile, node: str) -> tuple[tuple[str, Callable[[Any], Any], Converter, bool], ...]:
    out = []
    for row in crosswalk().rows:
        if row.profile is profile and row.node == node and "[" not in row.field:
            convert = converter(row.value)
            if convert is not None:
                # constants and classes read no field value: don't look up an attribute for them
                reads = not (row.value.startswith("class:") or row.value.partition(":")[0] in prefixes())
                skip_empty = reads and row.value not in _FILLS_EMPTY
                out.append((row.term, _resolver(row) if reads else _nothing, convert, skip_empty))
    return tuple(out)


_RDF_MEMBER = _RDF.NS + "_"


def rdf_member(index: int) -> str:
    """``rdf:_1``, ``rdf:_2``… (container membership properties)."""
    return f"{_RDF_MEMBER}{index}"


TYPE = RDF_TYPE
