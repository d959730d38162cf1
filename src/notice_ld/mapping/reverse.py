"""The reverse mapping: rebuild a :class:`~notice_ld.model.Notice` from the RDF of its graph.

The triples a notice maps to (all three profiles, the default) carry every field of the notice,
so the notice can be read back from a triple store: ``notice_from_graph(map_notice(n).triples,
map_notice(n).iri)`` equals ``n`` up to the order of the repeatable fields that RDF does not
order (titles, keywords, identifiers… come back sorted; creators keep their order through
``bibo:authorList``). Mapping the rebuilt notice gives back exactly the same triples.

Where the RDF alone is ambiguous the rebuild asks the mapping: a node IRI that is exactly the one
the mapping would derive (from an ISSN, a name, a label…) means no IRI was given; a display name
that is exactly ``given family`` means no separate name was given; a citation that is exactly the
generated one means the record had none. Two records that differ only in such redundant data
(e.g. a journal IRI given equal to its ISSN portal IRI) map to the same triples and rebuild to
the same notice.

>>> from notice_ld.mapping import map_notice
>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "conference_paper",
...     "titles": [{"value": "Produire des savoirs", "lang": "fr"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}, {"type": "organization", "name": "Alfapsy"}],
...     "creators_et_al": True, "issued": "2019-05",
...     "container": {"title": "Vie sociale", "issn": "1950-4667", "issn_l": "1950-4667", "volume": "25"}})
>>> g = map_notice(n)
>>> notice_from_graph(g.triples, g.iri) == n
True
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

from notice_ld import identifiers as ids
from notice_ld.config import Config, Profile
from notice_ld.crosswalk import crosswalk, expand
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.iris import iri_rules
from notice_ld.model import AccessRights, Notice, RelationType, Role
from notice_ld.terms import IRI, RDF, XSD_STRING, Literal, Object, Triple

if TYPE_CHECKING:
    import rdflib

__all__ = ["notice_from_graph", "triples_from_rdflib"]

_Index = dict[str, dict[str, list[Object]]]

RDF_TYPE = RDF + "type"
COAR = "coar"
_DEFAULT = Config()


def triples_from_rdflib(graph: rdflib.Graph) -> list[Triple]:
    """The triples of an rdflib ``Graph`` as notice_ld triples (blank nodes are refused)."""
    from rdflib import Literal as RLiteral
    from rdflib import URIRef

    out: list[Triple] = []
    for s, p, o in graph:
        if not isinstance(s, URIRef) or not isinstance(p, URIRef):
            raise RecordError(problem=f"unexpected blank node or literal subject {s!r}", fix="")
        obj: Object
        if isinstance(o, URIRef):
            obj = IRI(str(o))
        elif isinstance(o, RLiteral):
            if o.language:
                obj = Literal(str(o), RDF + "langString", o.language)
            else:
                obj = Literal(str(o), str(o.datatype) if o.datatype else XSD_STRING)
        else:
            raise RecordError(problem=f"unexpected blank node {o!r} in a notice graph", fix="")
        out.append((str(s), str(p), obj))
    return out


def _term(curie: str) -> str:
    return expand(curie)


T = SimpleNamespace(
    title=_term("dcterms:title"),
    abstract=_term("dcterms:abstract"),
    identifier=_term("dcterms:identifier"),
    type=_term("dcterms:type"),
    creator=_term("dcterms:creator"),
    subject=_term("dcterms:subject"),
    issued=_term("dcterms:issued"),
    is_part_of=_term("dcterms:isPartOf"),
    license=_term("dcterms:license"),
    rights=_term("dcterms:rights"),
    publisher=_term("dcterms:publisher"),
    citation=_term("dcterms:bibliographicCitation"),
    language=_term("dcterms:language"),
    page=_term("foaf:page"),
    author_list=_term("bibo:authorList"),
    issn=_term("bibo:issn"),
    eissn=_term("bibo:eissn"),
    isbn13=_term("bibo:isbn13"),
    volume=_term("bibo:volume"),
    issue=_term("bibo:issue"),
    pages=_term("bibo:pages"),
    et_al=_term("nld:etAl"),
    type_label=_term("nld:typeLabel"),
    source=_term("nld:sourceName"),
    collection=_term("nld:collection"),
    provider=_term("nld:provider"),
    discipline=_term("nld:discipline"),
    scope=_term("nld:scope"),
    issn_l=_term("nld:issnL"),
    foaf_name=_term("foaf:name"),
    family=_term("foaf:familyName"),
    given=_term("foaf:givenName"),
    pref_label=_term("skos:prefLabel"),
    notation=_term("skos:notation"),
    s_identifier=_term("schema:identifier"),
    s_property=_term("schema:propertyID"),
    s_value=_term("schema:value"),
    s_url=_term("schema:url"),
    s_same_as=_term("schema:sameAs"),
    s_name=_term("schema:name"),
    s_in_language=_term("schema:inLanguage"),
    s_date=_term("schema:datePublished"),
    s_keywords=_term("schema:keywords"),
    s_about=_term("schema:about"),
    s_provider=_term("schema:provider"),
    s_publisher=_term("schema:publisher"),
    s_author=_term("schema:author"),
    s_license=_term("schema:license"),
    additional_type=_term("schema:additionalType"),
    access_rights=_term("dcterms:accessRights"),
    available=_term("dcterms:available"),
    s_free=_term("schema:isAccessibleForFree"),
)


def _index(triples: Iterable[Triple]) -> _Index:
    index: _Index = {}
    for s, p, o in triples:
        index.setdefault(s, {}).setdefault(p, []).append(o)
    return index


class _Reader:
    """Reads one notice out of an index of its graph."""

    def __init__(self, index: _Index, doc: str, config: Config) -> None:
        self.index = index
        self.doc = doc
        self.config = config
        # the mapping's IRI rules tell a derived node IRI from a given one (not churning its cache)
        self.rules = iri_rules(config, cached=False)

    # -- access -------------------------------------------------------------------------------
    def objects(self, subject: str, *predicates: str) -> list[Object]:
        """Objects of the first predicate that has any, in a stable order."""
        node = self.index.get(subject, {})
        for predicate in predicates:
            values = node.get(predicate)
            if values:
                return sorted(set(values), key=lambda o: (isinstance(o, Literal), o))
        return []

    def iris(self, subject: str, *predicates: str) -> list[str]:
        return [str(o) for o in self.objects(subject, *predicates) if not isinstance(o, Literal)]

    def literals(self, subject: str, *predicates: str) -> list[Literal]:
        return [o for o in self.objects(subject, *predicates) if isinstance(o, Literal)]

    def text(self, subject: str, *predicates: str) -> str | None:
        values = self.literals(subject, *predicates)
        return values[0].value if values else None

    def has(self, profile: Profile) -> bool:
        return profile in self.config.profiles

    # -- values ---------------------------------------------------------------------------------
    @staticmethod
    def texts(literals: list[Literal]) -> list[dict[str, str]]:
        out = []
        for lit in sorted(literals, key=lambda x: (x.lang, x.value)):
            out.append({"value": lit.value, "lang": lit.lang} if lit.lang else {"value": lit.value})
        return out

    def type_of(self, kind: str, node: str, vocabularies: tuple[str, ...]) -> str | None:
        """The notice type whose class (in the first vocabulary that tells) the node has."""
        cw = crosswalk()
        classes = set(self.iris(node, RDF_TYPE)) | set(self.iris(node, T.additional_type))
        for vocabulary in vocabularies:
            for (k, type_), _columns in cw.types.items():
                if k == kind:
                    iri = cw.type_class(kind, type_, vocabulary)
                    if iri is not None and iri in classes:
                        return type_
        return None

    # -- identifiers ----------------------------------------------------------------------------
    def property_values(self) -> list[ids.Identifier]:
        """The identifiers described as schema:PropertyValue nodes (id and identifiers)."""
        found: list[ids.Identifier] = []
        for node in self.iris(self.doc, T.s_identifier):
            scheme = self.text(node, T.s_property)
            value = self.text(node, T.s_value)
            url = self.iris(node, T.s_url)
            if scheme is None or value is None:
                continue
            ident = ids.parse(value, scheme)
            if url and ident.iri != url[0]:
                try:
                    with_resolver = ids.parse(url[0], scheme)
                except IdentifierError:
                    with_resolver = None
                if with_resolver is not None and with_resolver.iri == url[0]:
                    ident = with_resolver
            found.append(ident)
        if not found:  # no schema.org profile: detect the scheme of each literal
            for lit in self.literals(self.doc, T.identifier):
                found.append(ids.parse(lit.value))
        return found

    def document_identifiers(self) -> tuple[ids.Identifier, list[ids.Identifier]]:
        """The notice's own identifier (the one the document IRI comes from) and the others."""
        found = sorted(set(self.property_values()), key=lambda i: (i.scheme.value, i.value))
        own = [i for i in found if self.rules.document(i) == self.doc]
        if not own:
            raise RecordError(
                record=self.doc,
                field="id",
                problem="no identifier of the graph gives this document IRI",
                fix="check the IRI, the graph, and --document-iri-template",
            )
        own.sort(key=lambda i: i.scheme is ids.Scheme.URL)
        chosen = own[0]
        return chosen, [i for i in found if i is not chosen]

    @staticmethod
    def identifier_json(ident: ids.Identifier) -> dict[str, str]:
        # an ARK with its own resolver is written as its URL, which keeps the resolver
        value = ident.iri if ident.resolver else ident.value
        return {"scheme": ident.scheme.value, "value": value}

    # -- agents ---------------------------------------------------------------------------------
    def agent(self, node: str) -> dict[str, Any]:
        types = set(self.iris(node, RDF_TYPE))
        organization = crosswalk().type_class("agent", "organization", "foaf") in types or (
            crosswalk().type_class("agent", "organization", "schema") in types
        )
        kind = "organization" if organization else "person"
        allowed = ("ror", "isni", "idref", "url") if organization else ("orcid", "idref", "isni", "url")
        iris = {node, *self.iris(node, T.s_same_as)}
        identifiers: list[ids.Identifier] = []
        for lit in self.literals(node, T.identifier):
            match = None
            for scheme in allowed:
                try:
                    candidate = ids.parse(lit.value, scheme)
                except IdentifierError:
                    continue
                if candidate.iri in iris:
                    match = candidate
                    break
            identifiers.append(match if match is not None else ids.parse(lit.value))
        # the identifier the node IRI comes from goes first (the mapping takes the first of a scheme)
        identifiers.sort(key=lambda i: (i.iri != node, i.scheme.value, i.value))
        name = self.text(node, T.foaf_name, T.s_name)
        out: dict[str, Any] = {"type": kind}
        if organization:
            out["name"] = name
        else:
            family = self.text(node, T.family, _term("schema:familyName"))
            given = self.text(node, T.given, _term("schema:givenName"))
            if family is not None:
                out["family"] = family
                if given is not None:
                    out["given"] = given
                shown = " ".join(p for p in (given, family) if p)
                if name is not None and name != shown:
                    out["name"] = name
            else:
                out["name"] = name
                if given is not None:
                    out["given"] = given
        if identifiers:
            out["identifiers"] = [self.identifier_json(i) for i in identifiers]
        return out

    def creators(self) -> tuple[list[dict[str, Any]], bool]:
        lists = self.iris(self.doc, T.author_list)
        if lists:
            members: list[tuple[int, str]] = []
            prefix = RDF + "_"
            for predicate, values in self.index.get(lists[0], {}).items():
                if predicate.startswith(prefix) and predicate[len(prefix) :].isdigit():
                    members.extend((int(predicate[len(prefix) :]), str(v)) for v in values)
            members.sort()
            names = [m for _, m in members]
        else:
            names = self.iris(self.doc, T.creator, T.s_author)
        et_al = bool(names) and names[-1] == T.et_al
        if et_al:
            names = names[:-1]
        return [self.agent(n) for n in names], et_al

    def contributors(self) -> list[dict[str, Any]]:
        """Roles are the fewest whose terms explain exactly the links from the document."""
        cw = crosswalk()
        role_terms: dict[Role, frozenset[str]] = {}
        for role in Role:
            terms = {
                row.term
                for row in cw.rows
                if row.field == f"contributors[{role.value}]" and row.profile in self.config.profiles
            }
            if terms:
                role_terms[role] = frozenset(terms)
        every = frozenset().union(*role_terms.values()) if role_terms else frozenset()
        links: dict[str, set[str]] = {}
        for predicate, values in self.index.get(self.doc, {}).items():
            if predicate in every:
                for value in values:
                    if not isinstance(value, Literal):
                        links.setdefault(str(value), set()).add(predicate)
        out: list[dict[str, Any]] = []
        for node in sorted(links):
            roles = _cover(links[node], role_terms)
            agent = self.agent(node)
            out.extend({"role": role.value, "agent": agent} for role in roles)
        order = {role: i for i, role in enumerate(Role)}
        out.sort(key=lambda c: (order[Role(c["role"])],))
        return out

    # -- concepts ---------------------------------------------------------------------------------
    def concept(self, node: str) -> dict[str, Any]:
        labels = self.texts(self.literals(node, T.pref_label, T.s_name))
        notation = self.text(node, T.notation, _term("schema:termCode"))
        out: dict[str, Any] = {}
        if notation is not None:
            if node != self.rules.minted_concept(notation):
                out["iri"] = node
            out["notation"] = notation
        else:
            first = next(
                (i for i, lab in enumerate(labels) if self.rules.minted_concept(lab["value"]) == node), None
            )
            if first is None:
                out["iri"] = node
            else:
                labels.insert(0, labels.pop(first))
        if labels:
            out["labels"] = labels
        return {k: out[k] for k in ("iri", "labels", "notation") if k in out}

    # -- container ------------------------------------------------------------------------------
    def container_node(self) -> str | None:
        """The journal, series or book: the described (titled) whole the document is part of; the
        other wholes it is part of are ``is_part_of`` relations (bare IRIs)."""
        named = (T.title,) if self.has(Profile.DCTERMS) else (T.title, T.s_name)
        for node in self.iris(self.doc, T.is_part_of):
            if self.text(node, *named) is not None:
                return node
        return None

    def container(self) -> dict[str, Any] | None:
        node = self.container_node()
        if node is None:
            return None
        out: dict[str, Any] = {"type": self.type_of("container", node, ("bibo", "schema")) or "journal"}
        out["title"] = self.text(node, T.title, T.s_name)
        issn = self.text(node, T.issn)
        eissn = self.text(node, T.eissn)
        issn_l = self.text(node, T.issn_l)
        isbn = self.text(node, T.isbn13)
        known: dict[str, ids.Identifier | None] = {
            "issn": ids.parse(issn, "issn") if issn else None,
            "eissn": ids.parse(eissn, "issn") if eissn else None,
            "isbn": ids.parse(isbn, "isbn") if isbn else None,
        }
        derived_rest = [i.iri for i in (known["issn"], known["eissn"], known["isbn"]) if i is not None]
        chosen_l: ids.Identifier | None = None
        given_iri = True
        for scheme in ("issn-l", "issn"):
            link = ids.parse(issn_l, scheme) if issn_l else None
            derived = [link.iri] if link is not None else []
            derived += derived_rest
            first = derived[0] if derived else self.rules.minted_container(out["type"], out["title"] or "")
            if first == node:
                chosen_l, given_iri = link, False
                break
            if link is None:
                break
        if issn_l and chosen_l is None:
            chosen_l = ids.parse(issn_l, "issn-l")
        for name, value in (("issn", known["issn"]), ("eissn", known["eissn"]), ("issn_l", chosen_l)):
            if value is not None:
                out[name] = {"scheme": value.scheme.value, "value": value.value}
        if known["isbn"] is not None:
            out["isbn"] = known["isbn"].value
        if given_iri:
            out["iri"] = node
        for name, predicate in (("volume", T.volume), ("issue", T.issue), ("pages", T.pages)):
            number = self.text(self.doc, predicate)
            if number is not None:
                out[name] = number
        return out

    # -- access and relations ----------------------------------------------------------------------
    def access_rights(self) -> AccessRights | None:
        """From the COAR concept (dcterms); schema.org's boolean alone tells only open access."""
        for iri in self.iris(self.doc, T.access_rights):
            found = AccessRights.from_coar_iri(iri)
            if found is not None:
                return found
        free = self.literals(self.doc, T.s_free)
        if free and free[0].value in ("true", "1"):
            return AccessRights.OPEN
        return None

    def relations(self) -> list[dict[str, Any]]:
        """Each relation type read from the terms of the first profile that has one for it
        (dcterms, then schema.org, then BIBO); targets sorted by IRI."""
        cw = crosswalk()
        container = self.container_node()
        out: list[dict[str, Any]] = []
        for kind in RelationType:
            field = f"relations[{kind.value}]"
            for profile in (Profile.DCTERMS, Profile.SCHEMA, Profile.BIBO):
                terms = cw.terms(field, profile) if self.has(profile) else ()
                if terms:
                    break
            else:
                continue
            for target in self.iris(self.doc, terms[0]):
                if kind is RelationType.IS_PART_OF and target == container:
                    continue
                try:
                    ident = ids.parse(target)
                except IdentifierError:
                    continue  # not an IRI the mapping writes for a relation
                out.append({"type": kind.value, "identifier": self.identifier_json(ident)})
        return out

    # -- the notice -------------------------------------------------------------------------------
    def notice(self) -> dict[str, Any]:
        doc = self.doc
        own, others = self.document_identifiers()
        data: dict[str, Any] = {"id": self.identifier_json(own)}
        doc_type = self.type_of("document", doc, (COAR, "bibo", "schema"))
        if doc_type is not None:
            data["type"] = doc_type
        label = self.text(doc, T.type_label)
        if label is not None:
            data["type_label"] = label
        data["titles"] = self.texts(self.literals(doc, T.title, T.s_name))
        abstracts = self.texts(self.literals(doc, T.abstract, _term("schema:abstract")))
        if abstracts:
            data["abstracts"] = abstracts
        creators, et_al = self.creators()
        if creators:
            data["creators"] = creators
        if et_al:
            data["creators_et_al"] = True
        contributors = self.contributors()
        if contributors:
            data["contributors"] = contributors
        issued = self.text(doc, T.issued, T.s_date)
        if issued is not None:
            data["issued"] = issued
        languages = sorted(lit.value for lit in self.literals(doc, T.s_in_language))
        if languages:
            data["languages"] = languages
        keywords = self.texts(self.literals(doc, T.subject, T.s_keywords))
        if keywords:
            data["keywords"] = keywords
        disciplines = self.iris(doc, T.discipline)
        subjects = [c for c in self.iris(doc, T.subject, T.s_about) if c not in disciplines]
        if subjects:
            data["subjects"] = [self.concept(c) for c in subjects]
        if disciplines:
            data["disciplines"] = [self.concept(c) for c in disciplines]
        scope = self.iris(doc, T.scope)
        if scope:
            data["scope"] = self.concept(scope[0])
        source = self.text(doc, T.source)
        if source is not None:
            data["source"] = source
        container = self.container()
        if container is not None:
            data["container"] = container
        collection = self.iris(doc, T.collection)
        if collection:
            name = self.text(collection[0], T.title, T.s_name)
            entry: dict[str, Any] = {"name": name}
            if name is None or collection[0] != self.rules.minted_collection(name):
                entry["iri"] = collection[0]
            data["collection"] = entry
        provider = self.iris(doc, T.provider, T.s_provider)
        if provider:
            data["organization"] = self.agent(provider[0])
        publisher = self.iris(doc, T.publisher, T.s_publisher)
        if publisher:
            data["publisher"] = self.agent(publisher[0])
        licence = self.iris(doc, T.license, T.s_license)
        if licence:
            entry = {"iri": licence[0]}
            label = self.text(licence[0], T.title)
            if label is not None:
                entry["label"] = label
            data["license"] = entry
        else:
            rights = self.text(doc, T.rights, _term("schema:copyrightNotice"))
            if rights is not None:
                data["license"] = {"label": rights}
        access = self.access_rights()
        if access is not None:
            data["access_rights"] = access.value
        embargo_end = self.text(doc, T.available)
        if embargo_end is not None:
            data["embargo_end"] = embargo_end
        page = self.iris(doc, T.page, T.s_url)
        if page:
            data["landing_page"] = page[0]
        if others:
            data["identifiers"] = [self.identifier_json(i) for i in others]
        relations = self.relations()
        if relations:
            data["relations"] = relations
        citation = self.text(doc, T.citation)
        if citation is not None:
            # a generated citation quotes the first title: the title order that regenerates it wins
            titles = data["titles"]
            for first in range(len(titles)):
                candidate = {**data, "titles": [titles[first], *titles[:first], *titles[first + 1 :]]}
                if self._generated_citation(candidate, citation):
                    return candidate
            data["citation"] = citation
        return data

    def _generated_citation(self, data: Mapping[str, Any], citation: str) -> bool:
        """Whether the mapping writes this citation by itself for a notice without one."""
        from notice_ld.mapping import map_notice

        try:
            mapped = map_notice(Notice.from_dict(data, record=self.doc), self.config)
        except (RecordError, ValueError):
            return False
        return (self.doc, T.citation, Literal(citation)) in mapped.triples


def _cover(links: set[str], role_terms: Mapping[Role, frozenset[str]]) -> list[Role]:
    """The smallest set of roles whose terms are all linked and together explain every link."""
    roles = list(role_terms)
    for size in range(1, len(roles) + 1):
        for combo in itertools.combinations(roles, size):
            if all(role_terms[r] <= links for r in combo) and frozenset().union(
                *(role_terms[r] for r in combo)
            ) == frozenset(links):
                return list(combo)
    return [r for r in roles if role_terms[r] <= links] or [Role.CONTRIBUTOR]


def notice_from_graph(
    graph: Iterable[Triple] | rdflib.Graph, iri: str, config: Config | None = None
) -> Notice:
    """Rebuild the notice whose document IRI is ``iri`` from the triples of its graph.

    ``graph`` is notice_ld triples (e.g. from a store's ``triples()``) or an rdflib ``Graph``;
    ``config`` must be the one the notice was mapped with (base IRI, IRI template, profiles).
    Raises :class:`~notice_ld.errors.RecordError` when the graph does not describe ``iri``.
    """
    cfg = config or _DEFAULT
    if hasattr(graph, "serialize") and hasattr(graph, "triples"):
        triples: Iterable[Triple] = triples_from_rdflib(cast("rdflib.Graph", graph))
    else:
        triples = graph
    index = _index(triples)
    if iri not in index:
        raise RecordError(
            record=iri,
            problem="the graph says nothing about this document IRI",
            fix="check the identifier, or load the notice first",
        )
    data = _Reader(index, iri, cfg).notice()
    return Notice.from_dict(data, record=iri)
