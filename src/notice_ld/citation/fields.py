"""What citations and exports read from a notice: one place, so every style and format agrees.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "halshs-04187263", "titles": [{"value": "Habiter", "lang": "fr"}],
...                       "identifiers": ["10.3917/esu.412.0087"], "issued": "2022-03-15",
...                       "container": {"title": "Espaces et sociétés", "pages": "87-112"}})
>>> doi(n), link(n), date_parts(n), pages(n, "–")
('10.3917/esu.412.0087', 'https://hal.science/halshs-04187263', (2022, 3, 15), '87–112')
"""

from __future__ import annotations

from notice_ld import identifiers as ids
from notice_ld.model import Container, Notice, Organization, Person, Role, pick_text

__all__ = [
    "abstract",
    "contributors",
    "date_parts",
    "doi",
    "isbn",
    "issn",
    "keywords",
    "link",
    "pages",
    "publisher",
    "title",
]


def title(notice: Notice) -> str:
    """The title as published: the first one (translations follow it in the record)."""
    return notice.titles[0].value


def abstract(notice: Notice, lang: str | None) -> str | None:
    """The abstract in ``lang`` (else untagged, else the first), paragraphs kept."""
    chosen = pick_text(notice.abstracts, lang)
    return chosen.value if chosen is not None else None


def keywords(notice: Notice, lang: str | None) -> list[str]:
    """The keywords in ``lang`` (and untagged ones), else all of them; each once, in record order."""
    chosen = list(notice.keywords)
    if lang:
        base = lang.split("-")[0].lower()
        chosen = [k for k in chosen if k.lang is None or k.lang.split("-")[0].lower() == base] or chosen
    return list(dict.fromkeys(k.value for k in chosen))


def contributors(notice: Notice, role: Role) -> list[Person | Organization]:
    """The contributors with ``role``, in record order."""
    return [c.agent for c in notice.contributors if c.role is role]


def date_parts(notice: Notice) -> tuple[int, ...]:
    """``issued`` as integers: ``(2019,)``, ``(2020, 6)`` or ``(2022, 3, 15)``; ``()`` without a date."""
    if notice.issued is None:
        return ()
    return tuple(int(part) for part in notice.issued.split("-"))


def _first(notice: Notice, scheme: ids.Scheme) -> ids.Identifier | None:
    if notice.id.scheme is scheme:
        return notice.id
    for identifier in notice.identifiers:
        if identifier.scheme is scheme:
            return identifier
    return None


def doi(notice: Notice) -> str | None:
    """The document's DOI (its own id, else the first DOI among its other identifiers)."""
    found = _first(notice, ids.Scheme.DOI)
    return found.value if found is not None else None


def isbn(notice: Notice) -> str | None:
    """The document's own ISBN, else (chapters, papers) the ISBN of the book it is part of."""
    found = _first(notice, ids.Scheme.ISBN)
    if found is not None:
        return found.value
    container = notice.container
    if container is not None and container.isbn is not None:
        return container.isbn.value
    return None


def issn(container: Container | None) -> str | None:
    """The container's ISSN: print, else electronic, else linking ISSN."""
    if container is None:
        return None
    for value in (container.issn, container.eissn, container.issn_l):
        if value is not None:
            return value.value
    return None


def link(notice: Notice) -> str | None:
    """Where to read the document: the landing page, else the http(s) IRI of its own identifier.

    A DOI is not repeated here (see :func:`doi`): a notice whose id is a DOI and which has no
    landing page has no other link.
    """
    if notice.landing_page is not None:
        return notice.landing_page
    if notice.id.scheme is ids.Scheme.DOI:
        return None
    iri = notice.id.iri
    return iri if iri.startswith(("https://", "http://")) else None


def publisher(notice: Notice) -> str | None:
    """The publisher's name (the university of a thesis, the institution of a report)."""
    if notice.publisher is None:
        return None
    agent = notice.publisher
    return agent.name if isinstance(agent, Organization) else (agent.name or _person(agent))


def _person(agent: Person) -> str:
    return " ".join(p for p in (agent.given, agent.family) if p)


def pages(notice: Notice, dash: str) -> str | None:
    """The container's pages, a range joined with ``dash`` (``"87–112"``), else as given."""
    container = notice.container
    if container is None or container.pages is None:
        return None
    span = container.page_range
    return f"{span[0]}{dash}{span[1]}" if span else container.pages
