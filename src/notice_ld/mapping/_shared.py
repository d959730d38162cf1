"""Nodes every profile describes in its own terms: agents and concepts."""

from __future__ import annotations

from notice_ld.config import Profile
from notice_ld.mapping._engine import Builder
from notice_ld.model import Concept, Organization, Person

__all__ = ["describe_agents", "describe_concepts", "link_relations"]


def describe_agent(b: Builder, agent: Person | Organization, profile: Profile) -> str:
    """Describe one agent (type, names, identifiers) and return its IRI."""
    iri = b.agent_iri(agent)
    b.describe(iri, "agent", agent, profile)
    return iri


def describe_agents(b: Builder, profile: Profile, *, link_creators: bool = True) -> None:
    """Creators, contributors, providing organisation and publisher, linked from the document.

    With ``link_creators=False`` the creators are described but not linked (BIBO links them
    through its ordered author list instead).
    """
    n = b.notice
    for agent in n.creators:
        iri = describe_agent(b, agent, profile)
        if link_creators:
            b.link("creators", profile, iri)
    for contributor in n.contributors:
        iri = describe_agent(b, contributor.agent, profile)
        b.link(f"contributors[{contributor.role.value}]", profile, iri)
    if n.organization is not None:
        b.link("organization", profile, describe_agent(b, n.organization, profile))
    if n.publisher is not None:
        b.link("publisher", profile, describe_agent(b, n.publisher, profile))


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
