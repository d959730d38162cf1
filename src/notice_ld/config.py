"""Mapping options: which vocabularies to emit and how IRIs are made.

>>> cfg = Config(document_iri_template="https://isidore.science/document/{id}")
>>> sorted(p.value for p in cfg.profiles)
['bibo', 'dcterms', 'schema']
>>> Config(base_iri="https://example.org/no-slash")
Traceback (most recent call last):
...
notice_ld.errors.ConfigError: base_iri must end with '/' or '#': 'https://example.org/no-slash'
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from notice_ld.errors import ConfigError

__all__ = ["DEFAULT_BASE_IRI", "Config", "PersonIdentity", "Profile"]

DEFAULT_BASE_IRI = "https://w3id.org/notice-ld/id/"


class Profile(enum.StrEnum):
    """The vocabularies a notice is described in (FOAF agents and SKOS concepts come with them)."""

    DCTERMS = "dcterms"
    BIBO = "bibo"
    SCHEMA = "schema"

    @classmethod
    def parse_many(cls, names: Iterable[str]) -> frozenset[Profile]:
        """Parse profile names such as ``["dcterms", "schema"]``; ``"all"`` means every profile.

        >>> sorted(Profile.parse_many(["schema", "bibo"]))
        [<Profile.BIBO: 'bibo'>, <Profile.SCHEMA: 'schema'>]
        """
        chosen: set[Profile] = set()
        for name in names:
            for part in name.split(","):
                part = part.strip().lower()
                if part == "all":
                    chosen.update(cls)
                elif part:
                    try:
                        chosen.add(cls(part))
                    except ValueError:
                        known = ", ".join(p.value for p in cls)
                        raise ConfigError(f"unknown profile {part!r}; use {known} or all") from None
        if not chosen:
            raise ConfigError("choose at least one profile")
        return frozenset(chosen)


class PersonIdentity(enum.Enum):
    """Which people without ORCID, IdRef or ISNI are one node (``docs/identity.md``, "People").

    Within one notice, two people of the same name in one list (two co-authors "Jean Martin")
    are always two nodes; this policy says what happens across notices:

    * ``NAME``: one node per name (family, given, name; case and Unicode form folded) — every
      "Jean Martin" is the same node; links a person's works, merges homonyms.
    * ``NAME_AND_COLLECTION``: one node per name within one collection (``Notice.collection``);
      homonyms of different collections stay apart, one person in two collections is two nodes.
    * ``PER_NOTICE``: one node per notice (and name, and rank among homonyms); never merges
      anyone, links nothing across notices.

    >>> PersonIdentity.parse("name-and-collection")
    <PersonIdentity.NAME_AND_COLLECTION: 'name-and-collection'>
    """

    NAME = "name"
    NAME_AND_COLLECTION = "name-and-collection"
    PER_NOTICE = "per-notice"

    @classmethod
    def parse(cls, text: str) -> PersonIdentity:
        """The policy named ``text`` (``name``, ``name-and-collection``, ``per-notice``).

        >>> PersonIdentity.parse("by-email")
        Traceback (most recent call last):
        ...
        notice_ld.errors.ConfigError: unknown person identity 'by-email'; use name, ... or per-notice
        """
        try:
            return cls(text.strip().lower().replace("_", "-"))
        except ValueError:
            names = [p.value for p in cls]
            known = ", ".join(names[:-1]) + f" or {names[-1]}"
            raise ConfigError(f"unknown person identity {text!r}; use {known}") from None


def _check_iri(name: str, value: str) -> None:
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"{name} must be an http(s) IRI: {value!r}")
    import pyoxigraph  # local: only needed when a Config is built

    try:
        pyoxigraph.NamedNode(value.replace("{id}", "x"))
    except ValueError as exc:
        raise ConfigError(f"{name} is not a valid IRI ({exc}): {value!r}") from None


@dataclass(frozen=True, slots=True)
class Config:
    """How notices become RDF.

    ``base_iri`` is where IRIs are minted for people, journals, organisations, concepts and
    auxiliary nodes that have no identifier of their own. ``document_iri_template`` (with one
    ``{id}``) overrides the default document IRI, which is the resolver IRI of the notice's own
    identifier (a Handle gives ``https://hdl.handle.net/…``). ``profiles`` chooses the
    vocabularies. ``person_identity`` says which people without identifier are one node across
    notices (:class:`PersonIdentity`).
    """

    base_iri: str = DEFAULT_BASE_IRI
    document_iri_template: str | None = None
    profiles: frozenset[Profile] = field(default_factory=lambda: frozenset(Profile))
    person_identity: PersonIdentity = PersonIdentity.NAME

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            raise ConfigError(f"base_iri must end with '/' or '#': {self.base_iri!r}")
        _check_iri("base_iri", self.base_iri)
        if self.document_iri_template is not None:
            if self.document_iri_template.count("{id}") != 1:
                raise ConfigError(
                    f"document_iri_template must contain '{{id}}' once: {self.document_iri_template!r}"
                )
            _check_iri("document_iri_template", self.document_iri_template)
        if not self.profiles:
            raise ConfigError("choose at least one profile")
        object.__setattr__(self, "profiles", frozenset(Profile(p) for p in self.profiles))
        if not isinstance(self.person_identity, PersonIdentity):
            raise ConfigError(f"person_identity must be a PersonIdentity, not {self.person_identity!r}")
