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

__all__ = ["DEFAULT_BASE_IRI", "Config", "Profile"]

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
    vocabularies.
    """

    base_iri: str = DEFAULT_BASE_IRI
    document_iri_template: str | None = None
    profiles: frozenset[Profile] = field(default_factory=lambda: frozenset(Profile))

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
