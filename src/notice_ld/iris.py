"""The IRI rules: what the document, its named graph and every node of a notice are called.

Every IRI notice_ld writes comes from here (``docs/mapping.md``, "IRIs"):

* the **document** IRI of a notice identifier: its resolver IRI (a Handle gives
  ``https://hdl.handle.net/…``), or ``Config.document_iri_template`` with ``{id}`` replaced by the
  percent-encoded identifier;
* the **graph** IRI (the notice's named graph in N-Quads and in stores), minted from the
  document IRI under ``Config.base_iri``;
* people, organisations, journals (containers), concepts and collections: the IRI of their
  persistent identifier, else one minted from their names under ``Config.base_iri`` — for
  people, by the ``Config.person_identity`` policy, and never one node for two people of the
  same name listed in one notice (:meth:`IriRules.agents`, ``docs/identity.md``);
* the auxiliary nodes (author list, identifier node, volume, issue), minted from the document
  or journal IRI.

Minting (:func:`notice_ld.identifiers.mint_iri`) is deterministic, so the same notice gets the
same IRIs on every run. :class:`IriRules` applies the rules for one :class:`~notice_ld.config.Config`;
the module functions are shortcuts for the document and graph IRIs and their inverses.

>>> rules = IriRules(Config())
>>> doc = rules.document("hdl:10670/1.jt89mr")
>>> doc
'https://hdl.handle.net/10670/1.jt89mr'
>>> rules.graph(doc)
'https://w3id.org/notice-ld/id/graph/https-hdl-handle-net-10670-1-jt89mr-...'
>>> rules.identifier_of(doc).value
'10670/1.jt89mr'
>>> rules.document_of_graph(rules.graph(doc), ["https://example.org/other", doc]) == doc
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from notice_ld import identifiers as ids
from notice_ld.config import Config, PersonIdentity
from notice_ld.errors import RecordError

if TYPE_CHECKING:
    from notice_ld.model import Collection, Concept, Container, Notice, Organization, Person

__all__ = [
    "AgentNode",
    "IriRules",
    "NoticeAgents",
    "document_iri",
    "document_of_graph",
    "graph_iri",
    "identifier_of_document",
    "identifier_of_graph",
    "iri_rules",
    "mixed_script_host",
    "mixed_script_iris",
]

_DEFAULT = Config()

# Minting hashes and transliterates; the same people, journals and concepts recur across
# notices, so their IRIs are cached (bounded: memory stays flat). Per-document kinds (author
# list, identifier nodes, named graph) never recur and bypass the cache.
_mint_recurring = lru_cache(maxsize=1 << 14)(ids.mint_iri)
_PER_DOCUMENT = frozenset({"authors", "graph", "identifier"})
# what a document IRI template leaves unencoded in the identifier
_TEMPLATE_SAFE = "/:.-_~"
# whose IRI names an agent, in order of preference
_PERSON_SCHEMES = ("orcid", "idref", "isni")
_ORGANIZATION_SCHEMES = ("ror", "isni", "idref")


def _identifier(identifier: ids.Identifier | str) -> ids.Identifier:
    """``identifier`` itself, or the text parsed and checked like the ``id`` of a record."""
    if isinstance(identifier, ids.Identifier):
        return identifier
    try:
        return ids.parse(identifier)
    except RecordError as exc:
        raise RecordError(record=identifier, field="id", problem=exc.problem, fix=exc.fix) from None


@dataclass(frozen=True, slots=True)
class AgentNode:
    """The node of one agent of a notice: its IRI, and the IRI it replaces.

    ``replaces`` is set for a person whose IRI comes from an ORCID, IdRef or ISNI: the IRI the
    person would have without it (minted by the person policy). The mapping says so
    (``<iri> dcterms:replaces <replaces>``), so an IRI published before the person gained an
    identifier still leads to the person.

    >>> AgentNode("https://orcid.org/0000-0002-1825-0097", replaces="https://w3id.org/notice-ld/id/person/x").iri
    'https://orcid.org/0000-0002-1825-0097'
    """

    iri: str
    replaces: str | None = None


@dataclass(frozen=True, slots=True)
class NoticeAgents:
    """The nodes of a notice's agents, in the order of its fields (see :meth:`IriRules.agents`).

    >>> agents = NoticeAgents((AgentNode("https://orcid.org/0000-0002-1825-0097"),), (), None, None)
    >>> agents.creators[0].iri
    'https://orcid.org/0000-0002-1825-0097'
    """

    creators: tuple[AgentNode, ...]
    contributors: tuple[AgentNode, ...]
    organization: AgentNode | None
    publisher: AgentNode | None

    def nodes(self) -> tuple[AgentNode, ...]:
        """Every node: creators, contributors, providing organisation, publisher.

        >>> len(NoticeAgents((AgentNode("a"),), (AgentNode("b"),), None, AgentNode("c")).nodes())
        3
        """
        extra = tuple(node for node in (self.organization, self.publisher) if node is not None)
        return self.creators + self.contributors + extra


def _name_key(person: Person) -> str:
    """What names a person without identifier: family, given and display name."""
    return f"{person.family or ''}|{person.given or ''}|{person.name or ''}"


def _folded(text: str) -> str:
    """The form two names must share to be the same name (that of :func:`~notice_ld.identifiers.mint_iri`)."""
    return unicodedata.normalize("NFC", text).casefold()


def _first_of(identifiers: tuple[ids.Identifier, ...], schemes: tuple[str, ...]) -> str | None:
    """The IRI of the first identifier of the first scheme in ``schemes`` that has one."""
    for scheme in schemes:
        for identifier in identifiers:
            if identifier.scheme.value == scheme:
                return identifier.iri
    return None


@dataclass(frozen=True, slots=True)
class IriRules:
    """The IRI rules for one configuration (base IRI, document IRI template).

    ``cached=False`` mints without the shared cache of recurring IRIs (people, journals,
    concepts): for callers that should not churn the mapping's cache, such as validation
    reports. Both give the same IRIs. :func:`iri_rules` keeps one instance per configuration.

    >>> from notice_ld.model import Notice
    >>> n = Notice.from_dict({"id": "10.3917/vsoc.191.0123", "titles": [{"value": "T"}],
    ...     "creators": [{"family": "Jouet", "given": "Emmanuelle"},
    ...                  {"family": "Durkheim", "identifiers": [{"scheme": "idref", "value": "026927608"}]}],
    ...     "subjects": [{"labels": [{"value": "Santé mentale"}]}],
    ...     "container": {"title": "Vie sociale", "issn": "1950-4667", "volume": "25", "issue": "1"},
    ...     "collection": {"name": "Cairn"}})
    >>> rules = IriRules(Config(base_iri="https://data.example.org/"))
    >>> rules.document(n.id)
    'https://doi.org/10.3917/vsoc.191.0123'
    >>> [rules.agent(a) for a in n.creators]
    ['https://data.example.org/person/jouet-emmanuelle-...', 'https://www.idref.fr/026927608']
    >>> rules.concept(n.subjects[0])
    'https://data.example.org/concept/sante-mentale-...'
    >>> journal = rules.container(n.container)
    >>> journal
    'https://portal.issn.org/resource/ISSN/1950-4667'
    >>> rules.issue(journal, "25", "1")
    'https://data.example.org/issue/https-portal-issn-org-resource-issn-1950-4667-25-1-...'
    >>> rules.collection(n.collection)
    'https://data.example.org/collection/cairn-...'
    """

    config: Config = _DEFAULT
    cached: bool = True
    _base: str = field(init=False, repr=False, compare=False)
    _template: tuple[str, str] | None = field(init=False, repr=False, compare=False)
    _mint: Callable[[str, str, str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        template = self.config.document_iri_template
        if template is None:
            split = None
        else:  # Config checks that ``{id}`` occurs exactly once
            head, _, tail = template.partition("{id}")
            split = (head, tail)
        object.__setattr__(self, "_base", self.config.base_iri)
        object.__setattr__(self, "_template", split)
        object.__setattr__(self, "_mint", _mint_recurring if self.cached else ids.mint_iri)

    # -- the primitive ---------------------------------------------------------------------------
    def mint(self, kind: str, key: str) -> str:
        """A deterministic IRI of ``kind`` under the base IRI (see :func:`notice_ld.identifiers.mint_iri`).

        The typed rules below say which kind and key each node uses; prefer them.

        >>> IriRules().mint("person", "Durkheim, Émile")
        'https://w3id.org/notice-ld/id/person/durkheim-emile-172c8b526a'
        """
        if kind in _PER_DOCUMENT:
            return ids.mint_iri(self._base, kind, key)
        return self._mint(self._base, kind, key)

    # -- the document and its graph --------------------------------------------------------------
    def document(self, identifier: ids.Identifier | str) -> str:
        """The document IRI of a notice identifier (text is parsed and checked as a record ``id``).

        >>> IriRules().document("hdl:10670/1.jt89mr")
        'https://hdl.handle.net/10670/1.jt89mr'
        >>> IriRules(Config(document_iri_template="https://isidore.science/document/{id}")).document(
        ...     "10670/1.jt89mr")
        'https://isidore.science/document/10670/1.jt89mr'
        """
        ident = identifier if isinstance(identifier, ids.Identifier) else _identifier(identifier)
        template = self._template
        if template is None:
            return ident.iri
        return template[0] + quote(ident.value, safe=_TEMPLATE_SAFE) + template[1]

    def graph(self, document: str) -> str:
        """The named graph of the notice whose document IRI is ``document``.

        >>> IriRules().graph("https://hdl.handle.net/10670/1.jt89mr")
        'https://w3id.org/notice-ld/id/graph/https-hdl-handle-net-10670-1-jt89mr-...'
        """
        return ids.mint_iri(self._base, "graph", document)

    def identifier_of(self, document: str) -> ids.Identifier | None:
        """The notice identifier a document IRI was made from (``None`` if none was).

        Without a template the IRI is parsed as an identifier (resolver IRIs are recognised);
        with one, the part in place of ``{id}`` is decoded and parsed.

        >>> IriRules().identifier_of("https://hdl.handle.net/10670/1.jt89mr")
        Identifier(scheme=<Scheme.HANDLE: 'handle'>, value='10670/1.jt89mr')
        >>> cfg = Config(document_iri_template="https://isidore.science/document/{id}")
        >>> IriRules(cfg).identifier_of("https://isidore.science/document/10670/1.jt89mr").scheme.value
        'handle'
        >>> IriRules(cfg).identifier_of("https://hdl.handle.net/10670/1.jt89mr") is None
        True
        """
        text = document
        template = self._template
        if template is not None:
            head, tail = template
            if not (document.startswith(head) and document.endswith(tail)) or len(document) < len(head) + len(
                tail
            ):
                return None
            text = unquote(document[len(head) : len(document) - len(tail)])
        try:
            return ids.parse(text)
        except RecordError:
            return None

    def document_of_graph(self, graph: str, candidates: Iterable[str]) -> str | None:
        """The candidate document IRI whose named graph is ``graph`` (``None`` if none is).

        A graph IRI ends with a hash of its document IRI, so it is inverted by testing
        candidates: the subjects of the graph's triples, or the document IRIs of a store.

        >>> rules = IriRules()
        >>> doc = "https://hdl.handle.net/10670/1.jt89mr"
        >>> rules.document_of_graph(rules.graph(doc), ["https://example.org/x", doc])
        'https://hdl.handle.net/10670/1.jt89mr'
        >>> rules.document_of_graph(rules.graph(doc), ["https://example.org/x"]) is None
        True
        """
        for candidate in dict.fromkeys(candidates):
            if self.graph(candidate) == graph:
                return candidate
        return None

    # -- people and organisations ----------------------------------------------------------------
    def agent(self, agent: Person | Organization) -> str:
        """ORCID > IdRef > ISNI for people, ROR > ISNI > IdRef for organisations, else minted
        from the name alone (the node a notice uses is given by :meth:`agents`, which knows the
        notice: homonyms and the person policy).

        >>> from notice_ld.model import Person
        >>> IriRules().agent(Person(family="Durkheim", given="Émile"))
        'https://w3id.org/notice-ld/id/person/durkheim-emile-...'
        """
        if agent.type == "person":
            found = _first_of(agent.identifiers, _PERSON_SCHEMES)
            if found is None:
                found = self.minted_person(agent.family, agent.given, agent.name)
            return found
        found = _first_of(agent.identifiers, _ORGANIZATION_SCHEMES)
        if found is None:
            found = self.minted_organization(agent.name)
        return found

    def minted_person(self, family: str | None, given: str | None, name: str | None) -> str:
        """The minted IRI of a person without ORCID, IdRef or ISNI, from the name alone.

        This is the IRI of :attr:`~notice_ld.config.PersonIdentity.NAME` (for the first person
        of that name in a list); :meth:`agents` applies the configured policy.

        >>> IriRules().minted_person("Durkheim", "Émile", None)
        'https://w3id.org/notice-ld/id/person/durkheim-emile-...'
        """
        return self._mint(self._base, "person", f"{family or ''}|{given or ''}|{name or ''}")

    def agents(self, notice: Notice) -> NoticeAgents:
        """The nodes of the notice's agents, by the person policy of the configuration.

        An agent with an identifier (ORCID > IdRef > ISNI for people, ROR > ISNI > IdRef for
        organisations) is named by it; an organisation without one by its name. A person without
        one gets the IRI of ``Config.person_identity`` (:class:`~notice_ld.config.PersonIdentity`),
        except that the second, third… person of the same name in one list (the creators, or the
        contributors of one role) is always a node of its own, minted from the notice: two
        co-authors "Jean Martin" are two people. One person may hold several roles: the first
        "Jean Martin" among the creators and the first among the editors are one node.

        >>> from notice_ld.model import Notice
        >>> n = Notice.from_dict({"id": "10.3917/vsoc.191.0123", "titles": [{"value": "T"}],
        ...     "creators": [{"family": "Martin", "given": "Jean"}, {"family": "Martin", "given": "Jean"},
        ...                  {"family": "Martin", "given": "Jean",
        ...                   "identifiers": [{"scheme": "orcid", "value": "0000-0002-1825-0097"}]}]})
        >>> first, second, third = IriRules().agents(n).creators
        >>> first.iri == IriRules().minted_person("Martin", "Jean", None), second.iri == first.iri
        (True, False)
        >>> third.iri, third.replaces.startswith("https://w3id.org/notice-ld/id/person/martin-jean-3-")
        ('https://orcid.org/0000-0002-1825-0097', True)
        """
        policy = self.config.person_identity
        owner = f"{notice.id.scheme.value}:{notice.id.value}"
        scope = ""
        if policy is PersonIdentity.NAME_AND_COLLECTION and notice.collection is not None:
            scope = notice.collection.iri or notice.collection.name

        def person(agent: Person, rank: int) -> AgentNode:
            name = _name_key(agent)
            if policy is PersonIdentity.PER_NOTICE or rank > 1:  # never recurs: not cached
                minted = ids.mint_iri(self._base, "person", f"{name}|{rank}|{owner}")
            elif scope:
                minted = self._mint(self._base, "person", f"{name}|{scope}")
            else:
                minted = self._mint(self._base, "person", name)
            found = _first_of(agent.identifiers, _PERSON_SCHEMES)
            return AgentNode(minted) if found is None else AgentNode(found, replaces=minted)

        def listed(agents: Iterable[Person | Organization], ranks: dict[str, int]) -> tuple[AgentNode, ...]:
            out = []
            for agent in agents:
                if agent.type != "person":
                    out.append(AgentNode(self.agent(agent)))
                    continue
                folded = _folded(_name_key(agent))
                rank = ranks[folded] = ranks.get(folded, 0) + 1
                out.append(person(agent, rank))
            return tuple(out)

        by_role: dict[str, dict[str, int]] = {}
        contributors = tuple(
            listed((c.agent,), by_role.setdefault(c.role.value, {}))[0] for c in notice.contributors
        )
        return NoticeAgents(
            creators=listed(notice.creators, {}),
            contributors=contributors,
            organization=None if notice.organization is None else listed((notice.organization,), {})[0],
            publisher=None if notice.publisher is None else listed((notice.publisher,), {})[0],
        )

    def minted_organization(self, name: str) -> str:
        """The minted IRI of an organisation without ROR, ISNI or IdRef.

        >>> IriRules().minted_organization("Alfapsy")
        'https://w3id.org/notice-ld/id/organization/alfapsy-...'
        """
        return self._mint(self._base, "organization", name)

    # -- journals, books, series and their issues ------------------------------------------------
    def container(self, container: Container) -> str:
        """Given IRI > ISSN-L > ISSN > eISSN > ISBN, else minted from the type and title.

        >>> from notice_ld.model import Container
        >>> IriRules().container(Container(title="Vie sociale"))
        'https://w3id.org/notice-ld/id/journal/vie-sociale-...'
        """
        if container.iri is not None:
            return container.iri
        for identifier in (container.issn_l, container.issn, container.eissn, container.isbn):
            if identifier is not None:
                return identifier.iri
        return self.minted_container(container.type.value, container.title)

    def minted_container(self, type_: str, title: str) -> str:
        """The minted IRI of a container (``journal``, ``book``…) without IRI, ISSN or ISBN.

        >>> IriRules().minted_container("book", "Les Règles")
        'https://w3id.org/notice-ld/id/book/les-regles-...'
        """
        return self._mint(self._base, type_, title)

    def volume(self, container: str, volume: str) -> str:
        """The volume ``volume`` of the container whose IRI is ``container``.

        >>> IriRules().volume("https://portal.issn.org/resource/ISSN/1950-4667", "25")
        'https://w3id.org/notice-ld/id/volume/https-portal-issn-org-resource-issn-1950-4667-25-...'
        """
        return self._mint(self._base, "volume", f"{container}|{volume}")

    def issue(self, container: str, volume: str | None, issue: str) -> str:
        """The issue ``issue`` (of volume ``volume``, if any) of the container ``container``.

        >>> IriRules().issue("https://portal.issn.org/resource/ISSN/1950-4667", None, "3")
        'https://w3id.org/notice-ld/id/issue/https-portal-issn-org-resource-issn-1950-4667-3-...'
        """
        return self._mint(self._base, "issue", f"{container}|{volume or ''}|{issue}")

    # -- concepts and collections ----------------------------------------------------------------
    def concept(self, concept: Concept) -> str:
        """The concept's IRI, or one minted from its notation or first label.

        >>> from notice_ld.model import Concept
        >>> IriRules().concept(Concept(notation="shs.socio", labels=[{"value": "Sociologie"}]))
        'https://w3id.org/notice-ld/id/concept/shs-socio-...'
        """
        if concept.iri is not None:
            return concept.iri
        return self.minted_concept(concept.notation or concept.labels[0].value)

    def minted_concept(self, key: str) -> str:
        """The minted IRI of a concept without IRI whose notation (else first label) is ``key``.

        >>> IriRules().minted_concept("shs.socio")
        'https://w3id.org/notice-ld/id/concept/shs-socio-...'
        """
        return self._mint(self._base, "concept", key)

    def collection(self, collection: Collection) -> str:
        """The collection's IRI, or one minted from its name.

        >>> from notice_ld.model import Collection
        >>> IriRules().collection(Collection(name="Cairn"))
        'https://w3id.org/notice-ld/id/collection/cairn-...'
        """
        return collection.iri or self.minted_collection(collection.name)

    def minted_collection(self, name: str) -> str:
        """The minted IRI of a collection without IRI.

        >>> IriRules().minted_collection("Cairn")
        'https://w3id.org/notice-ld/id/collection/cairn-...'
        """
        return self._mint(self._base, "collection", name)

    # -- nodes of one document -------------------------------------------------------------------
    def author_list(self, document: str) -> str:
        """The ordered author list (``bibo:authorList``) of the document ``document``.

        >>> IriRules().author_list("https://hdl.handle.net/10670/1.jt89mr")
        'https://w3id.org/notice-ld/id/authors/https-hdl-handle-net-10670-1-jt89mr-...'
        """
        return ids.mint_iri(self._base, "authors", document)

    def identifier_node(self, identifier: ids.Identifier) -> str:
        """The ``schema:PropertyValue`` node describing ``identifier``.

        >>> IriRules().identifier_node(ids.parse("hdl:10670/1.jt89mr"))
        'https://w3id.org/notice-ld/id/identifier/handle-10670-1-jt89mr-...'
        """
        return ids.mint_iri(self._base, "identifier", f"{identifier.scheme.value}:{identifier.value}")


# -- hosts that mix scripts ---------------------------------------------------------------------


def _script(char: str) -> str | None:
    """The script of a letter (the first word of its Unicode name: LATIN, CYRILLIC, GREEK…)."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else None


def mixed_script_host(iri: str) -> tuple[str, ...] | None:
    """The scripts of the first label of ``iri``'s host that mixes several (``xn--`` labels
    decoded), or ``None``: ``https://exаmple.org`` with a Cyrillic ``а`` looks like
    ``example.org`` and is another site.

    >>> mixed_script_host("https://ex\u0430mple.org/record/1")
    ('CYRILLIC', 'LATIN')
    >>> mixed_script_host("https://xn--exmple-4nf.org/")
    ('CYRILLIC', 'LATIN')
    >>> mixed_script_host("https://пример.рф/"), mixed_script_host("https://example.org/")
    (None, None)
    """
    rest = iri.partition("://")[2]
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rpartition("@")[2].split(":", 1)[0]
    if host.isascii() and "xn--" not in host.lower():
        return None
    for label in host.split("."):
        if label.lower().startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                continue
        scripts = {script for script in map(_script, label) if script is not None}
        if len(scripts) > 1:
            return tuple(sorted(scripts))
    return None


# fields that never hold an IRI (texts, names, numbers, dates): not walked
_NO_IRI = frozenset(
    {
        "titles",
        "abstracts",
        "keywords",
        "labels",
        "type",
        "type_label",
        "issued",
        "languages",
        "source",
        "citation",
        "creators_et_al",
        "name",
        "family",
        "given",
        "title",
        "volume",
        "issue",
        "pages",
        "notation",
        "label",
        "role",
    }
)


def _iri_values(value: object, path: str) -> Iterator[tuple[str, str]]:
    """Every IRI in a notice (or a part of it), with its field path."""
    if isinstance(value, str):
        if value.startswith(("http://", "https://")):
            yield path, value
    elif isinstance(value, ids.Identifier):
        if value.scheme is ids.Scheme.URL:
            yield path, value.value
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _iri_values(item, f"{path}[{index}]")
    elif hasattr(type(value), "model_fields"):
        for name in type(value).model_fields:  # type: ignore[attr-defined]
            if name not in _NO_IRI:
                yield from _iri_values(getattr(value, name), f"{path}.{name}" if path else name)


def _suspect(value: object) -> bool:
    """Whether some IRI in ``value`` is not plain ASCII or holds an ``xn--`` label (no paths)."""
    if isinstance(value, str):
        return value.startswith(("http://", "https://")) and (not value.isascii() or "xn--" in value.lower())
    if isinstance(value, ids.Identifier):
        return value.scheme is ids.Scheme.URL and _suspect(value.value)
    if isinstance(value, tuple):
        return any(_suspect(item) for item in value)
    fields = getattr(type(value), "model_fields", None)
    if fields is None:
        return False
    return any(_suspect(getattr(value, name)) for name in fields if name not in _NO_IRI)


def mixed_script_iris(notice: Notice) -> list[tuple[str, str, tuple[str, ...]]]:
    """The IRIs of ``notice`` whose host mixes scripts: field, IRI, scripts.

    >>> from notice_ld.model import Notice
    >>> n = Notice.from_dict({"id": "10670/1.a", "titles": [{"value": "T"}],
    ...                       "landing_page": "https://ex\u0430mple.org/a"})
    >>> mixed_script_iris(n)
    [('landing_page', 'https://exаmple.org/a', ('CYRILLIC', 'LATIN'))]
    """
    if not _suspect(notice):
        return []  # the common case: every IRI's host is plain ASCII
    found = []
    for path, iri in _iri_values(notice, ""):
        scripts = mixed_script_host(iri)
        if scripts is not None:
            found.append((path, iri, scripts))
    return found


@lru_cache(maxsize=64)
def iri_rules(config: Config = _DEFAULT, *, cached: bool = True) -> IriRules:
    """The :class:`IriRules` of ``config`` (one instance per configuration).

    >>> iri_rules(Config()) is iri_rules(Config())
    True
    """
    return IriRules(config, cached)


def document_iri(identifier: ids.Identifier | str, config: Config = _DEFAULT) -> str:
    """The document IRI of a notice identifier (see :meth:`IriRules.document`).

    >>> document_iri(ids.parse("10670/1.jt89mr"))
    'https://hdl.handle.net/10670/1.jt89mr'
    >>> document_iri("10670/1.jt89mr", Config(document_iri_template="https://isidore.science/document/{id}"))
    'https://isidore.science/document/10670/1.jt89mr'
    >>> document_iri("not an identifier")
    Traceback (most recent call last):
    ...
    notice_ld.errors.RecordError: record not an identifier, field id: ...
    """
    return iri_rules(config).document(identifier)


def graph_iri(identifier: ids.Identifier | str, config: Config = _DEFAULT) -> str:
    """The named graph of the notice whose identifier is ``identifier``.

    >>> graph_iri("10670/1.jt89mr") == IriRules().graph("https://hdl.handle.net/10670/1.jt89mr")
    True
    """
    rules = iri_rules(config)
    return rules.graph(rules.document(identifier))


def identifier_of_document(iri: str, config: Config = _DEFAULT) -> ids.Identifier | None:
    """The notice identifier a document IRI was made from, or ``None`` (see :meth:`IriRules.identifier_of`).

    >>> identifier_of_document("https://doi.org/10.3917/vsoc.191.0123").scheme.value
    'doi'
    """
    return iri_rules(config).identifier_of(iri)


def document_of_graph(graph: str, candidates: Iterable[str], config: Config = _DEFAULT) -> str | None:
    """The candidate document IRI whose named graph is ``graph`` (see :meth:`IriRules.document_of_graph`).

    >>> doc = document_iri("10670/1.jt89mr")
    >>> document_of_graph(graph_iri("10670/1.jt89mr"), [doc]) == doc
    True
    """
    return iri_rules(config).document_of_graph(graph, candidates)


def identifier_of_graph(
    graph: str, candidates: Iterable[str], config: Config = _DEFAULT
) -> ids.Identifier | None:
    """The notice identifier of the graph ``graph``, its document found among ``candidates``.

    >>> identifier_of_graph(graph_iri("10670/1.jt89mr"), ["https://hdl.handle.net/10670/1.jt89mr"]).value
    '10670/1.jt89mr'
    """
    rules = iri_rules(config)
    document = rules.document_of_graph(graph, candidates)
    return None if document is None else rules.identifier_of(document)
