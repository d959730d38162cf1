"""Nodes every profile describes in its own terms: agents and concepts."""

from __future__ import annotations

from notice_ld.config import Profile
from notice_ld.iris import AgentNode
from notice_ld.mapping._engine import Builder
from notice_ld.model import Concept, Organization, Person
from notice_ld.terms import IRI
from notice_ld.vocabulary import DCTERMS

__all__ = ["describe_agents", "describe_concepts", "link_relations"]


def describe_agent(b: Builder, agent: Person | Organization, node: AgentNode, profile: Profile) -> str:
    """Describe one agent (type, names, identifiers) at its node and return its IRI.

    In Dublin Core terms, a person named by an identifier also says which IRI it replaces: the
    one the person policy gives it without the identifier (``<orcid> dcterms:replaces
    <minted>``), on the person's own node, so the notice's graph stays closed under its document.
    """
    b.describe(node.iri, "agent", agent, profile)
    if node.replaces is not None and profile is Profile.DCTERMS:
        b.add(node.iri, DCTERMS.replaces, IRI(node.replaces))
    return node.iri


def describe_agents(b: Builder, profile: Profile, *, link_creators: bool = True) -> None:
    """Creators, contributors, providing organisation and publisher, linked from the document.

    With ``link_creators=False`` the creators are described but not linked (BIBO links them
    through its ordered author list instead).
    """
    n = b.notice
    nodes = b.agents
    for agent, node in zip(n.creators, nodes.creators, strict=True):
        iri = describe_agent(b, agent, node, profile)
        if link_creators:
            b.link("creators", profile, iri)
    for contributor, node in zip(n.contributors, nodes.contributors, strict=True):
        iri = describe_agent(b, contributor.agent, node, profile)
        b.link(f"contributors[{contributor.role.value}]", profile, iri)
    if n.organization is not None and nodes.organization is not None:
        b.link("organization", profile, describe_agent(b, n.organization, nodes.organization, profile))
    if n.publisher is not None and nodes.publisher is not None:
        b.link("publisher", profile, describe_agent(b, n.publisher, nodes.publisher, profile))


def describe_concept(b: Builder, concept: Concept, profile: Profile) -> str:
    """Describe one concept (type, labels, notation) and return its IRI."""
    iri = b.concept_iri(concept)
    b.describe(iri, "concept", concept, profile)
    return iri


def describe_concepts(b: Builder, profile: Profile) -> None:
    """Subjects, disciplines and scope, linked from the document."""
    n = b.notice
    for concept in n.subjects:
        b.link("subjects", profile, describe_concept(b, concept, profile))
    for concept in n.disciplines:
        b.link("disciplines", profile, describe_concept(b, concept, profile))
    if n.scope is not None:
        b.link("scope", profile, describe_concept(b, n.scope, profile))


def link_relations(b: Builder, profile: Profile) -> None:
    """Relations, linked from the document to the IRI of each related resource's identifier.

    The terms are the crosswalk's ``relations[<type>]`` rows; a type the profile has no term for
    (``is_format_of`` in schema.org) is not linked in it. Nothing is said about the target.
    """
    for relation in b.notice.relations:
        b.link(f"relations[{relation.type.value}]", profile, relation.iri)
