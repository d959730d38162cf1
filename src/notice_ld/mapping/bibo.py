"""BIBO profile: the BIBO class, identifier literals, numbering and the ordered author list.

``bibo:authorList`` is an ``rdf:Seq`` with an IRI of its own (never a blank node); its members
``rdf:_1``, ``rdf:_2``… are the creators in order, and ``nld:etAl`` is the last member when the
source lists only the first creators.
"""

from __future__ import annotations

from notice_ld.config import Profile
from notice_ld.crosswalk import expand
from notice_ld.mapping._engine import Builder, rdf_member
from notice_ld.mapping._shared import describe_agents, link_relations
from notice_ld.terms import IRI

__all__ = ["emit"]

PROFILE = Profile.BIBO


def emit(b: Builder) -> None:
    """Add the BIBO description of ``b.notice`` to ``b``."""
    n = b.notice
    b.describe(b.doc, "document", n, PROFILE)
    describe_agents(b, PROFILE, link_creators=False)
    link_relations(b, PROFILE)
    if n.creators:
        seq = b.rules.author_list(b.doc)
        b.link("creators", PROFILE, seq)
        b.describe(seq, "authors", n, PROFILE)
        members = [node.iri for node in b.agents.creators]
        if n.creators_et_al:
            members.append(expand("nld:etAl"))
        for index, member in enumerate(members, start=1):
            b.add(seq, rdf_member(index), IRI(member))
    if n.container is not None:
        iri = b.container_iri(n.container)
        b.describe(iri, "container", n.container, PROFILE)
