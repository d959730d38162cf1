"""Round trips: what notice_ld writes as BibTeX or RIS reads back as the same notice, for every
field the format carries.

What each format carries is written down here, explicitly, as a projection of a notice
(:func:`bibtex_view`, :func:`ris_view`); the test compares the projection of a generated notice with
the projection of the notice read back from its export. A field outside the projection is not
written by the format (BibTeX has no abstract in notice_ld's export, RIS no "et al." marker…).
"""

from __future__ import annotations

import io
import re
from typing import Any

from hypothesis import HealthCheck, given, settings

from notice_ld import Format, Notice, serialize
from notice_ld.citation import fields as f
from notice_ld.errors import RecordError
from notice_ld.model import ContainerType, DocumentType, Organization, Person, Role
from notice_ld.readers import InputFormat, ReaderOptions, Residue, read

from .strategies import notices

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_back(data: bytes, fmt: InputFormat) -> Notice:
    outcomes = list(read(io.BytesIO(data), fmt, name="export", options=ReaderOptions()))
    errors = [o for o in outcomes if isinstance(o, RecordError)]
    assert not errors, (errors, data.decode())
    found = [o for o in outcomes if isinstance(o, Notice)]
    assert len(found) == 1, outcomes
    return found[0]


def agent_view(agent: Person | Organization) -> tuple[str, ...]:
    """A person with family and given names keeps both; any other agent is its name (BibTeX writes
    organisations and single names alike in braces, RIS has no marker for organisations)."""
    if isinstance(agent, Person) and agent.family is not None and agent.given is not None:
        return ("person", agent.family, agent.given)
    return ("name", agent.display_name)


# ------------------------------------------------------------------------------------------ BibTeX

_BIBTEX_PART = {
    ContainerType.JOURNAL: "journal",
    ContainerType.BOOK: "booktitle",
    ContainerType.PROCEEDINGS: "booktitle",
    ContainerType.SERIES: "series",
}


def _bibtex_type(notice: Notice, part: str | None) -> DocumentType:
    """The type a BibTeX entry carries: the entry type the writer chooses, read back."""
    kind = notice.type
    if kind is DocumentType.ARTICLE and part != "journal":
        return DocumentType.OTHER  # @misc
    if kind in (DocumentType.CHAPTER, DocumentType.CONFERENCE_PAPER) and part != "booktitle":
        return DocumentType.OTHER
    if kind is DocumentType.DATASET:
        return DocumentType.OTHER  # @misc
    return kind


def bibtex_view(notice: Notice) -> dict[str, Any]:
    """What notice_ld's BibTeX carries: the first title, authors (and "and others"), editors and
    translators, the container (journal / booktitle / series, volume, number, pages, ISSN),
    the date, the publisher, the type (and type label of theses and reports), ISBN, DOI, link."""
    container = notice.container
    part, title = (None, None)
    if container is not None:
        part, title = _BIBTEX_PART[container.type], container.title
    elif notice.type is DocumentType.ARTICLE and notice.source is not None:
        part, title = "journal", notice.source
    kind = _bibtex_type(notice, part)
    label = notice.type_label if kind in (DocumentType.THESIS, DocumentType.REPORT) else None
    if kind is DocumentType.WORKING_PAPER:
        label = notice.type_label or "Working paper"
    return {
        "type": kind,
        "type_label": label,
        "title": f.title(notice),
        "creators": [agent_view(a) for a in notice.creators],
        "et_al": notice.creators_et_al and bool(notice.creators),
        "editors": [agent_view(a) for a in f.contributors(notice, Role.EDITOR)],
        "translators": [agent_view(a) for a in f.contributors(notice, Role.TRANSLATOR)],
        "container": (
            None
            if part is None
            else (
                "booktitle" if part == "booktitle" else part,
                title,
                container.volume if container else None,
                container.issue if container else None,
                f.pages(notice, "-"),
                f.issn(container),
            )
        ),
        "issued": notice.issued,
        "publisher": f.publisher(notice),
        "isbn": f.isbn(notice),
        "doi": f.doi(notice),
        "link": f.link(notice),
    }


def bibtex_view_of_read(notice: Notice) -> dict[str, Any]:
    """The same projection of a notice read from BibTeX (the container kind as BibTeX names it)."""
    view = bibtex_view(notice)
    if notice.container is not None:
        _, *rest = view["container"]
        view["container"] = (_BIBTEX_PART[notice.container.type], *rest)
    if view["type"] is DocumentType.WORKING_PAPER:
        view["type_label"] = notice.type_label
    return view


@SETTINGS
@given(notices())
def test_bibtex_export_reads_back_as_the_same_notice(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    exported = serialize([notice], Format.BIBTEX)
    assert exported is not None
    again = read_back(exported, InputFormat.BIBTEX)
    assert bibtex_view_of_read(again) == bibtex_view(notice)


def test_bibtex_export_of_every_example_reads_back(example_notices: list[Notice]) -> None:
    exported = serialize(example_notices, Format.BIBTEX)
    assert exported is not None
    outcomes = list(read(io.BytesIO(exported), InputFormat.BIBTEX, name="examples.bib"))
    again = [o for o in outcomes if isinstance(o, Notice)]
    assert not [o for o in outcomes if isinstance(o, RecordError)]
    assert [bibtex_view_of_read(n) for n in again] == [bibtex_view(n) for n in example_notices]
    # nothing the writer writes is left over
    assert not [o for o in outcomes if isinstance(o, Residue)]


# ------------------------------------------------------------------------------------------ RIS


def _ris_type(notice: Notice) -> DocumentType:
    return notice.type


def _paragraphs(text: str | None) -> str | None:
    return None if text is None else "\n\n".join(p for p in text.split("\n") if p.strip())


def ris_view(notice: Notice, lang: str | None = None) -> dict[str, Any]:
    """What notice_ld's RIS carries: the type (and M3 label), the id, authors (no "et al."),
    editors, translators, all titles' values (no languages), the container title (or an article's
    source), volume, issue, pages, ISSN, the date, the publisher, ISBN, DOI, link, the first
    language, the keywords and the abstract chosen for ``lang``, the collection's name."""
    container = notice.container
    title = container.title if container else (notice.source if notice.type is DocumentType.ARTICLE else None)
    report_series = (
        notice.type in (DocumentType.REPORT, DocumentType.WORKING_PAPER)
        and container is not None
        and container.type is ContainerType.SERIES
    )
    numbering: tuple[str | None, ...] = (None, None)
    if container is not None:
        numbering = (
            (None, container.issue or container.volume)
            if report_series
            else (container.volume, container.issue)
        )
    label = notice.type_label
    if label is None and notice.type is DocumentType.WORKING_PAPER:
        label = "Working paper"
    return {
        "type": _ris_type(notice),
        "type_label": label,
        "id": notice.id,
        "titles": [t.value for t in notice.titles],
        "creators": [agent_view(a) for a in notice.creators],
        "editors": [agent_view(a) for a in f.contributors(notice, Role.EDITOR)],
        "translators": [agent_view(a) for a in f.contributors(notice, Role.TRANSLATOR)],
        "container": None if title is None else (title, *numbering, f.pages(notice, "-")),
        "issn": f.issn(container) if notice.type is DocumentType.ARTICLE else None,
        "isbn": f.isbn(notice) if notice.type not in (DocumentType.ARTICLE, DocumentType.REPORT,
                                                       DocumentType.WORKING_PAPER) else None,
        "issued": notice.issued,
        "publisher": f.publisher(notice),
        "doi": f.doi(notice),
        "link": f.link(notice),
        "language": notice.languages[0] if notice.languages else None,
        "keywords": f.keywords(notice, lang),
        "abstract": _paragraphs(f.abstract(notice, lang)),
        "collection": notice.collection.name if notice.collection else None,
    }  # fmt: skip


def ris_view_of_read(notice: Notice) -> dict[str, Any]:
    """The same projection of a notice read from RIS: a report's number (``SN``) was read into
    ``issue``, the volume and issue as given (RIS does not say what kind of container ``T2`` is)."""
    view = ris_view(notice)
    if view["container"] is not None and notice.container is not None:
        title, _, _, pages = view["container"]
        view["container"] = (title, notice.container.volume, notice.container.issue, pages)
    view["keywords"] = [k.value for k in notice.keywords]
    view["abstract"] = _paragraphs(notice.abstracts[0].value) if notice.abstracts else None
    return view


def _names_commas(view: dict[str, Any]) -> dict[str, Any]:
    """RIS writes ``Family, Given``: a comma in a family name cannot be told from the one that
    separates the parts (the reader splits at the first comma), and a name that is only commas is
    no name; compare the names as written."""

    def written(agent: tuple[str, ...]) -> str:
        text = agent[1] if agent[0] == "name" else f"{agent[1]}, {agent[2]}"
        return re.sub(r"\s*,\s*", ", ", text).strip(", ")

    for key in ("creators", "editors", "translators"):
        view[key] = [name for name in (written(a) for a in view[key]) if name]
    return view


@SETTINGS
@given(notices())
def test_ris_export_reads_back_as_the_same_notice(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    exported = serialize([notice], Format.RIS)
    assert exported is not None
    again = read_back(exported, InputFormat.RIS)
    assert _names_commas(ris_view_of_read(again)) == _names_commas(ris_view(notice))


def test_ris_export_of_every_example_reads_back(example_notices: list[Notice]) -> None:
    exported = serialize(example_notices, Format.RIS, lang="en")
    assert exported is not None
    outcomes = list(read(io.BytesIO(exported), InputFormat.RIS, name="examples.ris"))
    assert not [o for o in outcomes if isinstance(o, RecordError)]
    again = [o for o in outcomes if isinstance(o, Notice)]
    assert [_names_commas(ris_view_of_read(n)) for n in again] == [
        _names_commas(ris_view(n, "en")) for n in example_notices
    ]
    assert not [o for o in outcomes if isinstance(o, Residue)]
