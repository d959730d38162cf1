"""Dublin Core terms profile: DCMI terms on the document, FOAF agents, SKOS concepts.

Also carries the notice_ld terms for what no standard vocabulary has (périmètre, source label,
ISIDORE collection, providing organisation, disciplines, thesis advisors).
"""

from __future__ import annotations

from notice_ld.config import Profile
from notice_ld.mapping._engine import Builder
from notice_ld.mapping._shared import describe_agents, describe_concepts, link_relations

__all__ = ["emit"]

PROFILE = Profile.DCTERMS


def emit(b: Builder) -> None:
    """Add the Dublin Core description of ``b.notice`` to ``b``."""
    n = b.notice
    b.describe(b.doc, "document", n, PROFILE)
    describe_agents(b, PROFILE)
    describe_concepts(b, PROFILE)
    link_relations(b, PROFILE)
    if n.container is not None:
        iri = b.container_iri(n.container)
        b.link("container", PROFILE, iri)
        b.describe(iri, "container", n.container, PROFILE)
    if n.collection is not None:
        iri = b.rules.collection(n.collection)
        b.link("collection", PROFILE, iri)
        b.describe(iri, "collection", n.collection, PROFILE)
    if n.license is not None and n.license.iri is not None:
        b.describe(n.license.iri, "license", n.license, PROFILE)
