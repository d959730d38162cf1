"""schema.org JSON-LD written by notice_ld (``--format schema-jsonld``, the pages' embedded block)
and read back by the schema.org reader gives the same notice for every field that form carries.

The projection (what schema.org JSON-LD carries of a notice, for a page language ``lang``):

* ``id`` and ``identifiers`` (``identifier`` PropertyValues; the ``@id`` names the id);
* ``type`` as its schema.org class (conference papers are ``ScholarlyArticle`` like articles,
  working papers ``Report`` like reports);
* one title and one abstract — those :func:`~notice_ld.model.pick_text` chooses for ``lang`` —
  without their language; keywords in ``lang`` (or untagged), without their language, each once;
* creators in order (people: family, given, a name other than ``given family``; organisations:
  name; identifiers), editors and translators; ``creators_et_al``, thesis advisors and plain
  contributors are not carried;
* ``issued``, ``languages``, publisher, providing organisation, landing page;
* subjects and disciplines together as ``about`` concepts: their IRI (given or minted), the label
  chosen for ``lang`` and the notation;
* the container's type as its class, title, ISSNs (as a set: print, electronic and linking ISSN
  are one ``issn`` list), ISBN, IRI, volume, issue and pages;
* the licence IRI, else its label.

Not carried: type label, citation, source, collection, scope, the other titles and abstracts.
"""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.crosswalk import crosswalk
from notice_ld.iris import iri_rules
from notice_ld.mapping import map_notice
from notice_ld.model import Container, Notice, Organization, Person, pick_text
from notice_ld.readers import InputFormat, read
from notice_ld.writers import serialize
from notice_ld.writers.schema_jsonld import schema_object

from .test_reverse import notices

RULES = iri_rules(map_notice(Notice.from_dict({"id": "10670/1.abcdef", "titles": [{"value": "x"}]})).config)


def _agent(agent: Person | Organization) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": agent.type,
        "ids": sorted((i.scheme.value, i.value) for i in agent.identifiers),
    }
    if isinstance(agent, Person):
        shown = " ".join(p for p in (agent.given, agent.family) if p)
        out.update(family=agent.family, given=agent.given if agent.family else None)
        out["name"] = agent.display_name if agent.name is not None and agent.name != shown else None
        if agent.family is None:  # a name alone is read back with the name rules: compare the name
            out = {"type": "person", "name": agent.display_name, "ids": out["ids"]}
    else:
        out["name"] = agent.name
    return out


def _container(container: Container | None) -> dict[str, Any] | None:
    if container is None:
        return None
    return {
        "class": crosswalk().type_class("container", container.type.value, "schema"),
        "title": container.title,
        "issns": sorted({i.value for i in (container.issn, container.eissn, container.issn_l) if i}),
        "isbn": container.isbn.value if container.isbn else None,
        "iri": RULES.container(container),
        "volume": container.volume,
        "issue": container.issue,
        "pages": container.pages,
    }


def projection(notice: Notice, lang: str | None) -> dict[str, Any]:
    """What schema.org JSON-LD carries of ``notice`` for a page in ``lang``."""
    title = pick_text(notice.titles, lang)
    abstract = pick_text(notice.abstracts, lang)
    concepts = []
    for concept in (*notice.disciplines, *notice.subjects):
        label = pick_text(concept.labels, lang)
        concepts.append((RULES.concept(concept), label.value if label else None, concept.notation))
    return {
        "id": (notice.id.scheme.value, notice.id.value),
        "identifiers": sorted((i.scheme.value, i.value) for i in notice.identifiers),
        "class": crosswalk().type_class("document", notice.type.value, "schema"),
        "title": title.value if title else None,
        "abstract": abstract.value if abstract else None,
        "keywords": list(  # values only, each once
            dict.fromkeys(
                k.value
                for k in notice.keywords
                if not lang or k.lang is None or k.lang.split("-")[0] == lang.split("-")[0]
            )
        ),
        "creators": [_agent(a) for a in notice.creators],
        "editors": [_agent(c.agent) for c in notice.contributors if c.role.value == "editor"],
        "translators": [_agent(c.agent) for c in notice.contributors if c.role.value == "translator"],
        "issued": notice.issued,
        "languages": list(notice.languages),
        "about": sorted(concepts, key=json.dumps),
        "container": _container(notice.container),
        "publisher": _agent(notice.publisher) if notice.publisher else None,
        "organization": _agent(notice.organization) if notice.organization else None,
        "license": (notice.license.iri or notice.license.label) if notice.license else None,
        "landing_page": notice.landing_page,
    }


def read_schema(data: bytes) -> list[Any]:
    return list(read(io.BytesIO(data), InputFormat.SCHEMA_ORG, name="s.jsonld"))


SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=notices(), lang=st.sampled_from([None, "fr", "en"]))
def test_schema_org_view_round_trips(data: dict[str, Any], lang: str | None) -> None:
    notice = Notice.from_dict(data)
    page = json.dumps(schema_object(map_notice(notice), lang)).encode("utf-8")
    out = [o for o in read_schema(page) if isinstance(o, Notice)]
    assert len(out) == 1, read_schema(page)
    assert projection(out[0], lang) == projection(notice, lang)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(notices(), min_size=1, max_size=4))
def test_schema_jsonld_output_of_convert_round_trips(items: list[dict[str, Any]]) -> None:
    originals = list({str(n.id): n for n in (Notice.from_dict(i) for i in items)}.values())
    out = [o for o in read_schema(serialize(originals, "schema-jsonld")) if isinstance(o, Notice)]
    assert [projection(n, None) for n in out] == [projection(n, None) for n in originals]


def test_every_example_round_trips(example_notices: list[Notice]) -> None:
    for lang in (None, "fr", "en"):
        out = [
            o
            for o in read_schema(serialize(example_notices, "schema-jsonld", lang=lang))
            if isinstance(o, Notice)
        ]
        assert [projection(n, lang) for n in out] == [projection(n, lang) for n in example_notices]
