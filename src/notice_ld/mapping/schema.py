"""schema.org profile (namespace ``http://schema.org/``, the one the official JSON-LD context uses).

Identifiers become ``schema:PropertyValue`` nodes (``propertyID``, ``value``, ``url``) and
``schema:sameAs`` links; the container becomes the chain Google documents for articles:
``PublicationIssue`` → ``PublicationVolume`` → ``Periodical``, each with an IRI of its own.
"""

from __future__ import annotations

from notice_ld.config import Profile
from notice_ld.mapping._engine import Builder
from notice_ld.mapping._shared import describe_agents, describe_concepts, link_relations

__all__ = ["emit"]

PROFILE = Profile.SCHEMA


def emit(b: Builder) -> None:
    """Add the schema.org description of ``b.notice`` to ``b``."""
    n = b.notice
    b.describe(b.doc, "document", n, PROFILE)
    describe_agents(b, PROFILE)
    describe_concepts(b, PROFILE)
    link_relations(b, PROFILE)
    for field, values in (("id", (n.id,)), ("identifiers", n.identifiers)):
        for identifier in values:
            iri = b.identifier_iri(identifier)
            b.link(field, PROFILE, iri)
            b.describe(iri, "identifier", identifier, PROFILE)
    if n.container is not None:
        container = n.container
        periodical = b.container_iri(container)
        b.describe(periodical, "container", container, PROFILE)
        parent = periodical
        if container.volume is not None:
            volume = b.rules.volume(periodical, container.volume)
            b.describe(volume, "volume", container, PROFILE)
            b.link("container.volume", PROFILE, parent, node="volume", subject=volume)
            parent = volume
        if container.issue is not None:
            issue = b.rules.issue(periodical, container.volume, container.issue)
            b.describe(issue, "issue", container, PROFILE)
            b.link("container.issue", PROFILE, parent, node="issue", subject=issue)
            parent = issue
        b.link("container", PROFILE, parent)
    if n.collection is not None:
        iri = b.rules.collection(n.collection)
        b.link("collection", PROFILE, iri)
        b.describe(iri, "collection", n.collection, PROFILE)
