"""Crossref REST API JSON: ``/works/{doi}`` messages, ``/works`` pages, and Crossref's data files.

Inputs: one ``{"status": "ok", "message-type": "work", "message": {...}}`` answer, a page
``{"message": {"items": [...]}}``, a bare work, an array of works, a ``{"items": [...]}`` file
(Crossref's public data files), or JSON Lines of any of these (gzip-compressed or not). Records
are isolated as :mod:`notice_ld.readers.jsonrecords` says; each work becomes a notice (its DOI is
the notice id) and a residue listing what the notice model cannot hold (affiliations, funders,
relations, other dates…). The mapping is in ``docs/readers.md``.

>>> import io, json
>>> work = {"DOI": "10.1371/journal.ppat.1008184", "type": "journal-article",
...         "title": ["An RNA thermometer"], "container-title": ["PLOS Pathogens"],
...         "ISSN": ["1553-7374"], "issn-type": [{"value": "1553-7374", "type": "electronic"}],
...         "author": [{"given": "Franz", "family": "Narberhaus", "sequence": "first",
...                     "ORCID": "https://orcid.org/0000-0002-8552-5310",
...                     "affiliation": [{"name": "Ruhr University Bochum"}]}],
...         "issued": {"date-parts": [[2020, 1, 17]]}, "volume": "16", "page": "e1008184"}
>>> answer = json.dumps({"status": "ok", "message-type": "work", "message": work}).encode()
>>> from notice_ld.readers import ReaderOptions
>>> notice, residue = read_crossref(io.BufferedReader(io.BytesIO(answer)), "w.json", ReaderOptions())
>>> notice.id.value, notice.type.value, notice.issued, notice.container.eissn.value
('10.1371/journal.ppat.1008184', 'article', '2020-01-17', '1553-7374')
>>> [(i.element, i.value) for i in residue.items]
[('author[0].affiliation[0]', 'Ruhr University Bochum')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import RecordError
from notice_ld.model import DocumentType, RelationType
from notice_ld.readers.jsonrecords import Draft, JsonRecord, NotRecords, Unwrapped, finish, json_records

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["jats_text", "read_crossref"]


def read_crossref(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read Crossref works (see the module's docstring); never raises on bad input."""
    for found in json_records(stream, name, options.max_record_bytes, _unwrap, _doi):
        if isinstance(found, RecordError):
            yield found
        else:
            yield from _work(found, options)


_API_FIX: Final = "ask the API again (the answer is an error, not works)"


def _unwrap(value: Any) -> Unwrapped:
    """The works of an API answer (``message``; ``message.items``) or of a ``{"items": [...]}`` file."""
    if not isinstance(value, Mapping):
        return None
    if "message" in value:
        status = value.get("status")
        message = value.get("message")
        if status not in (None, "ok"):
            return NotRecords(f"the Crossref API answered {status!r}: {_said(message)}", _API_FIX)
        if not isinstance(message, Mapping):
            return NotRecords(f"the Crossref answer's message is not a work: {_said(message)}", _API_FIX)
        items = message.get("items")
        if isinstance(items, list) and "DOI" not in message:
            return items
        return message
    items = value.get("items")
    if isinstance(items, list) and "DOI" not in value:
        return items
    return None


def _said(message: Any) -> str:
    from notice_ld.readers.jsonrecords import shown

    return shown(message)[:300]


def _doi(record: Mapping[str, Any]) -> str | None:
    doi = record.get("DOI")
    return doi if isinstance(doi, str) else None


# -- types ---------------------------------------------------------------------------------

_TYPES: Final[Mapping[str, DocumentType]] = {
    "journal-article": DocumentType.ARTICLE,
    "article": DocumentType.ARTICLE,
    "book-chapter": DocumentType.CHAPTER,
    "book-section": DocumentType.CHAPTER,
    "book-part": DocumentType.CHAPTER,
    "reference-entry": DocumentType.CHAPTER,
    "book": DocumentType.BOOK,
    "monograph": DocumentType.BOOK,
    "edited-book": DocumentType.BOOK,
    "reference-book": DocumentType.BOOK,
    "book-set": DocumentType.BOOK,
    "proceedings": DocumentType.BOOK,
    "proceedings-article": DocumentType.CONFERENCE_PAPER,
    "dissertation": DocumentType.THESIS,
    "report": DocumentType.REPORT,
    "report-component": DocumentType.REPORT,
    "report-series": DocumentType.REPORT,
    "dataset": DocumentType.DATASET,
    "database": DocumentType.DATASET,
}
_POSTED: Final[Mapping[str, DocumentType]] = {
    "preprint": DocumentType.WORKING_PAPER,
    "working_paper": DocumentType.WORKING_PAPER,
    "working-paper": DocumentType.WORKING_PAPER,
    "report": DocumentType.REPORT,
    "dissertation": DocumentType.THESIS,
}
# what each type of document is part of
_CONTAINERS: Final[Mapping[DocumentType, str]] = {
    DocumentType.ARTICLE: "journal",
    DocumentType.CHAPTER: "book",
    DocumentType.CONFERENCE_PAPER: "proceedings",
    DocumentType.REPORT: "series",
    DocumentType.BOOK: "series",
    DocumentType.DATASET: "series",
}

# administrative fields of Crossref's records, not about the work: not listed in the residue
_SKIPPED: Final = frozenset(
    {
        "indexed",
        "deposited",
        "created",
        "published",
        "score",
        "reference-count",
        "references-count",
        "is-referenced-by-count",
        "member",
        "prefix",
        "source",
        "content-domain",
        "link",
        "resource",
        "URL",
        "update-policy",
        "journal-issue",
        "assertion",
        "content-updated",
        "free-to-read",
        "cited-count",
        "archive",
        "institution",
        "subtype",
        "ISSN",
        "issn-type",
        "ISBN",
        "isbn-type",
        "short-container-title",
        "container-title",
        "title",
        "subtitle",
        "original-title",
        "author",
        "editor",
        "translator",
        "chair",
        "DOI",
        "type",
        "issued",
        "published-print",
        "published-online",
        "posted",
        "volume",
        "issue",
        "page",
        "publisher",
        "language",
        "abstract",
        "subject",
        "license",
    }
)
_REASONS: Final[Mapping[str, str]] = {
    "funder": "the notice model has no funding field",
    "relation": "a relation the notice model has no type for",
    "update-to": "the notice model has no relation field (this work updates another)",
    "updated-by": "the notice model has no relation field (another work updates this one)",
    "reference": "the notice model has no cited-references field",
    "event": "the notice model has no event (conference) field",
    "publisher-location": "the notice model has no place of publication",
    "short-title": "the notice model has no short title",
    "group-title": "the notice model has no group (posted content's series) field",
    "alternative-id": "a publisher's internal identifier, not one the notice model knows",
    "edition-number": "the notice model has no edition field",
    "accepted": "the notice holds one date (issued)",
    "approved": "the notice holds one date (issued)",
    "article-number": "the notice model has no article-number field",
    "clinical-trial-number": "the notice model has no clinical-trial field",
    "version": "the notice model has no version field",
    "degree": "the notice model has no degree field",
}


def _work(record: JsonRecord, options: ReaderOptions) -> Iterator[Outcome]:
    work = record.data
    draft = Draft()
    data = draft.data
    doi = draft.identifier("DOI", work.get("DOI"), "doi") if work.get("DOI") is not None else None
    if doi is not None:
        data["id"] = doi
    kind = _type(draft, work)
    data["type"] = kind.value
    _titles(draft, work)
    if "titles" not in data:
        yield RecordError(
            record=record.record,
            field="title",
            problem="the work has no title",
            fix="give the work a title (Crossref: title[0])",
        )
        return
    _agents(draft, work)
    _dates(draft, work)
    _container(draft, work, kind)
    publisher = draft.text("publisher", work.get("publisher"))
    if publisher is not None:
        data["publisher"] = {"type": "organization", "name": publisher}
    elif kind is DocumentType.THESIS:
        _institution_as_publisher(draft, work)
    language = draft.language("language", work["language"]) if work.get("language") else None
    if language is not None:
        data["languages"] = [language]
    _abstract(draft, work.get("abstract"))
    _subjects(draft, work.get("subject"))
    _license(draft, work.get("license"))
    landing = _landing_page(draft, work)
    if landing is not None:
        data["landing_page"] = landing
    for key, value in work.items():
        if key in _SKIPPED or value in (None, "", [], {}):
            continue
        if key == "reference" and isinstance(value, list):
            dois = [r.get("DOI") for r in value if isinstance(r, Mapping) and isinstance(r.get("DOI"), str)]
            draft.note(key, f"{len(value)} cited references ({len(dois)} with a DOI)", _REASONS[key])
        elif key == "relation" and isinstance(value, Mapping):
            _relations(draft, value)
        elif key in ("funder", "relation", "update-to", "updated-by") and isinstance(value, (list, Mapping)):
            _notes(draft, key, value)
        elif key in ("accepted", "approved"):
            date = draft.date_parts(key, value)
            if date is not None and date != data.get("issued"):
                draft.note(key, date, _REASONS[key])
        else:
            draft.note(key, value, _REASONS.get(key, "a Crossref field the notice model has no place for"))
    yield from finish(
        draft,
        record,
        mint_key=None,
        options=options,
        no_id_fix="give the work its DOI (Crossref: DOI)",
    )


# Crossref relation types with a relation type of the notice (a preprint is a version of the work)
_RELATION_TYPES: Final[Mapping[str, RelationType]] = {
    "is-version-of": RelationType.IS_VERSION_OF,
    "has-version": RelationType.HAS_VERSION,
    "is-preprint-of": RelationType.IS_VERSION_OF,
    "has-preprint": RelationType.HAS_VERSION,
    "is-part-of": RelationType.IS_PART_OF,
    "has-part": RelationType.HAS_PART,
    "references": RelationType.REFERENCES,
    "is-referenced-by": RelationType.IS_REFERENCED_BY,
    "is-format-of": RelationType.IS_FORMAT_OF,
    "has-format": RelationType.HAS_FORMAT,
    "is-variant-form-of": RelationType.IS_FORMAT_OF,
    "is-original-form-of": RelationType.HAS_FORMAT,
    "replaces": RelationType.REPLACES,
    "is-replaced-by": RelationType.IS_REPLACED_BY,
    "is-supplement-to": RelationType.IS_SUPPLEMENT_TO,
    "is-supplemented-by": RelationType.IS_SUPPLEMENTED_BY,
}
_ID_TYPES: Final[Mapping[str, str]] = {
    "doi": "doi",
    "uri": "url",
    "url": "url",
    "issn": "issn",
    "isbn": "isbn",
    "handle": "handle",
    "ark": "ark",
    "urn": "urn",
}


def _relations(draft: Draft, value: Mapping[str, Any]) -> None:
    """``relation`` (``{"is-preprint-of": [{"id-type": "doi", "id": "10.…"}]}``): the relation
    types the notice has become relations; the others, and identifiers of a kind the model has no
    scheme for (``pmid``, ``arxiv``…), go to the residue."""
    from notice_ld import identifiers as ids

    own = draft.data.get("id")
    relations: list[dict[str, Any]] = []
    for kind, targets in value.items():
        relation = _RELATION_TYPES.get(kind)
        for target in targets if isinstance(targets, list) else [targets]:
            element = f"relation.{kind}"
            if not isinstance(target, Mapping):
                draft.note(element, target, "not a Crossref relation object; not read")
                continue
            shown = f"{target.get('id-type', '')}:{target.get('id', '')}"
            if relation is None:
                draft.note(element, shown, _REASONS["relation"])
                continue
            scheme = _ID_TYPES.get(str(target.get("id-type", "")).lower())
            if relation is RelationType.IS_PART_OF and scheme in ("issn", "isbn"):
                draft.note(element, shown, "the journal or book of the work: its container says it")
                continue
            if scheme is None:
                draft.note(
                    element, shown, "a related resource with an identifier the notice has no scheme for"
                )
                continue
            found = draft.identifier(element, target.get("id"), scheme)
            if found is None:
                continue
            if isinstance(own, ids.Identifier) and found.iri == own.iri:
                draft.note(element, shown, "the work's own identifier, not a related resource")
                continue
            relations.append({"type": relation.value, "identifier": found})
    if relations:
        draft.data["relations"] = relations


def _notes(draft: Draft, key: str, value: list[Any] | Mapping[str, Any]) -> None:
    """One residue item per funder / relation / update, with what identifies it."""
    reason = _REASONS[key]
    if isinstance(value, Mapping):  # relation: {"is-preprint-of": [{"id-type": "doi", "id": ...}]}
        for kind, targets in value.items():
            for target in targets if isinstance(targets, list) else [targets]:
                if isinstance(target, Mapping):
                    draft.note(f"{key}.{kind}", f"{target.get('id-type', '')}:{target.get('id', '')}", reason)
                else:
                    draft.note(f"{key}.{kind}", target, reason)
        return
    for index, item in enumerate(value):
        if isinstance(item, Mapping) and key == "funder":
            award = item.get("award")
            awards = (
                f" (award {', '.join(str(a) for a in award)})" if isinstance(award, list) and award else ""
            )
            ident = f" [{item['DOI']}]" if isinstance(item.get("DOI"), str) else ""
            draft.note(f"{key}[{index}]", f"{item.get('name', '')}{ident}{awards}", reason)
        elif isinstance(item, Mapping) and "DOI" in item:
            draft.note(f"{key}[{index}]", f"{item.get('type', '')}: {item.get('DOI')}", reason)
        else:
            draft.note(f"{key}[{index}]", item, reason)


def _type(draft: Draft, work: Mapping[str, Any]) -> DocumentType:
    value = work.get("type")
    if not isinstance(value, str):
        if value is not None:
            draft.note("type", value, "not a Crossref type")
        return DocumentType.OTHER
    if value == "posted-content":
        subtype = work.get("subtype")
        found = _POSTED.get(subtype) if isinstance(subtype, str) else DocumentType.WORKING_PAPER
        if found is None:
            draft.data["type_label"] = f"posted-content ({subtype})"
            return DocumentType.OTHER
        return found
    found = _TYPES.get(value)
    if found is None:
        draft.data["type_label"] = value
        return DocumentType.OTHER
    return found


def _texts(draft: Draft, work: Mapping[str, Any], key: str) -> list[str]:
    value = work.get(key)
    if value is None:
        return []
    if isinstance(value, str):  # not Crossref's form, but plain enough
        value = [value]
    if not isinstance(value, list):
        draft.note(key, value, "not a list of texts")
        return []
    found = (draft.text(f"{key}[{i}]", item) for i, item in enumerate(value))
    return [text for text in found if text]


def _titles(draft: Draft, work: Mapping[str, Any]) -> None:
    """Titles, each with its subtitle (``Title: Subtitle``), then the original titles."""
    titles = _texts(draft, work, "title")
    subtitles = _texts(draft, work, "subtitle")
    joined = []
    for index, title in enumerate(titles):
        subtitle = subtitles[index] if index < len(subtitles) else None
        joined.append(f"{title}: {subtitle}" if subtitle and subtitle not in title else title)
    for index, subtitle in enumerate(subtitles[len(titles) :], start=len(titles)):
        if titles:
            draft.note(f"subtitle[{index}]", subtitle, "a subtitle without a title")
        else:
            joined.append(subtitle)
    joined += [t for t in _texts(draft, work, "original-title") if t not in joined]
    if joined:
        draft.data["titles"] = [{"value": t} for t in dict.fromkeys(joined)]


def _agents(draft: Draft, work: Mapping[str, Any]) -> None:
    creators = _people(draft, work.get("author"), "author")
    if creators:
        draft.data["creators"] = creators
    contributors = []
    for key, role in (("editor", "editor"), ("translator", "translator"), ("chair", "contributor")):
        contributors += [{"role": role, "agent": a} for a in _people(draft, work.get(key), key)]
    if contributors:
        draft.data["contributors"] = contributors


def _people(draft: Draft, value: Any, key: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        draft.note(key, value, "not a list of people")
        return []
    agents = []
    for index, person in enumerate(value):
        where = f"{key}[{index}]"
        if not isinstance(person, Mapping):
            draft.note(where, person, "not a person (an object with given, family or name)")
            continue
        family = draft.text(f"{where}.family", person.get("family"))
        given = draft.text(f"{where}.given", person.get("given"))
        name = draft.text(f"{where}.name", person.get("name"))
        agent: dict[str, Any]
        if family is not None:
            agent = {"family": family}
            if given:
                agent["given"] = given
        elif name is not None:  # Crossref gives organisations (consortia, groups) as "name"
            agent = {"type": "organization", "name": name}
        elif given is not None:
            agent = {"name": given}
        else:
            draft.note(where, person, "a person without a name")
            continue
        orcid = person.get("ORCID")
        if orcid is not None and "type" not in agent:
            found = draft.identifier(f"{where}.ORCID", orcid, "orcid")
            if found is not None:
                agent["identifiers"] = [found]
        affiliations = person.get("affiliation")
        if isinstance(affiliations, list):
            for number, affiliation in enumerate(affiliations):
                label = affiliation.get("name") if isinstance(affiliation, Mapping) else affiliation
                text = draft.text(f"{where}.affiliation[{number}]", label) if label is not None else None
                if text:
                    draft.note(f"{where}.affiliation[{number}]", text, "the notice model has no affiliations")
        elif affiliations not in (None, ""):
            draft.note(f"{where}.affiliation", affiliations, "the notice model has no affiliations")
        agents.append(agent)
    return agents


_DATES: Final = ("issued", "published-print", "published-online", "posted", "created")


def _dates(draft: Draft, work: Mapping[str, Any]) -> None:
    """``issued`` (Crossref's earliest publication date), else the first of the print, online,
    posted and creation dates; other publication dates that differ go to the residue."""
    found: dict[str, str] = {}
    for key in _DATES:
        if work.get(key) is not None:
            date = draft.date_parts(key, work[key])
            if date is not None:
                found[key] = date
    chosen = next((key for key in _DATES if key in found), None)
    if chosen is None:
        return
    draft.data["issued"] = found[chosen]
    for key in ("published-print", "published-online", "posted"):
        if key in found and key != chosen and not found[chosen].startswith(found[key]):
            draft.note(key, found[key], f"the notice holds one date (issued: {found[chosen]})")


def _container(draft: Draft, work: Mapping[str, Any], kind: DocumentType) -> None:
    container: dict[str, Any] = {}
    titles = _texts(draft, work, "container-title")
    if titles:
        container["title"] = titles[0]
        for index, other in enumerate(titles[1:], start=1):
            draft.note(f"container-title[{index}]", other, "the notice holds one container title")
    for index, short in enumerate(_texts(draft, work, "short-container-title")):
        if short not in titles:
            draft.note(f"short-container-title[{index}]", short, "the notice model has no abbreviated title")
    container_kind = _CONTAINERS.get(kind)
    if container_kind is not None:
        container["type"] = container_kind
    _issns(draft, work, container)
    isbns = _isbns(draft, work)
    if isbns:
        if kind in (DocumentType.CHAPTER, DocumentType.CONFERENCE_PAPER) and "title" in container:
            container["isbn"] = isbns[0][1]
            draft.data.setdefault("identifiers", [])
            for key, isbn in isbns[1:]:
                draft.note(key, isbn.value, "another ISBN of the book; the notice holds one for the book")
        else:
            draft.data.setdefault("identifiers", []).extend(isbn for _, isbn in isbns)
            if not draft.data["identifiers"]:
                del draft.data["identifiers"]
    if draft.data.get("identifiers") == []:
        del draft.data["identifiers"]
    for key in ("volume", "issue", "page"):
        value = draft.text(key, work.get(key)) if work.get(key) is not None else None
        if value is not None:
            container["pages" if key == "page" else key] = value
    if "title" in container:
        draft.data["container"] = container
        return
    for key in ("issn", "eissn", "volume", "issue", "pages"):
        if key in container:
            value = container[key]
            draft.note(
                {"issn": "ISSN", "eissn": "ISSN", "pages": "page"}.get(key, key),
                getattr(value, "value", value),
                "identifies the journal or book, but no title for it (container-title) was given",
            )


def _issns(draft: Draft, work: Mapping[str, Any], container: dict[str, Any]) -> None:
    """ISSNs by their type (``issn-type``: print, electronic), else in order (print first)."""
    typed: dict[str, str] = {}
    kinds = work.get("issn-type")
    if isinstance(kinds, list):
        for item in kinds:
            if (
                isinstance(item, Mapping)
                and isinstance(item.get("value"), str)
                and isinstance(item.get("type"), str)
            ):
                typed.setdefault(item["value"].upper(), item["type"])
    plain = _texts(draft, work, "ISSN")
    values = list(dict.fromkeys(plain + [v for v in typed if v not in plain]))
    parsed = []
    for index, value in enumerate(values):
        found = draft.identifier(f"ISSN[{index}]", value, "issn")
        if found is not None:
            parsed.append((found, typed.get(value.upper())))
    for found, kind in parsed:
        slot = "eissn" if kind == "electronic" else "issn" if kind == "print" else None
        if slot is None:
            slot = "issn" if "issn" not in container else "eissn"
        if slot in container:
            other = "eissn" if slot == "issn" else "issn"
            if other in container or kind is not None:
                draft.note("ISSN", found.value, "a third ISSN; the journal holds an ISSN and an e-ISSN")
                continue
            slot = other
        container[slot] = found


def _isbns(draft: Draft, work: Mapping[str, Any]) -> list[tuple[str, Any]]:
    values = _texts(draft, work, "ISBN")
    kinds = work.get("isbn-type")
    if isinstance(kinds, list):
        typed = [str(i["value"]) for i in kinds if isinstance(i, Mapping) and isinstance(i.get("value"), str)]
        values += [v for v in typed if v not in values]
    found = []
    seen = set()
    for index, value in enumerate(values):
        isbn = draft.identifier(f"ISBN[{index}]", value, "isbn")
        if isbn is not None and isbn.value not in seen:
            seen.add(isbn.value)
            found.append((f"ISBN[{index}]", isbn))
    return found


def _institution_as_publisher(draft: Draft, work: Mapping[str, Any]) -> None:
    """A dissertation's institution (its university) is its publisher when none is given."""
    institutions = work.get("institution")
    if isinstance(institutions, list) and institutions and isinstance(institutions[0], Mapping):
        name = draft.text("institution[0].name", institutions[0].get("name"))
        if name is not None:
            draft.data["publisher"] = {"type": "organization", "name": name}


def _abstract(draft: Draft, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        draft.note("abstract", value, "not a text value")
        return
    text = jats_text(value)
    if text:
        draft.data["abstracts"] = [{"value": text}]


def _subjects(draft: Draft, value: Any) -> None:
    labels = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            text = draft.text(f"subject[{index}]", item)
            if text:
                labels.append(text)
    elif value is not None:
        draft.note("subject", value, "not a list of subjects")
    if labels:
        draft.data["subjects"] = [
            {"labels": [{"value": label, "lang": "en"}]} for label in dict.fromkeys(labels)
        ]


_VERSIONS: Final = ("vor", "unspecified", "am", "stm-asf")  # the licence of the published version first


def _license(draft: Draft, value: Any) -> None:
    """The licence of the version of record (else unspecified, else the accepted manuscript); a
    text-and-data-mining licence or another version's goes to the residue, and so does a start
    date (an embargo) later than the publication date."""
    from notice_ld.readers.dc import rights

    if value is None:
        return
    if not isinstance(value, list):
        draft.note("license", value, "not a list of licences")
        return
    entries = []
    for index, item in enumerate(value):
        url = item.get("URL") if isinstance(item, Mapping) else None
        if not isinstance(url, str):
            draft.note(f"license[{index}]", item, "a licence without a URL")
            continue
        version = item.get("content-version")
        entries.append((index, url, version if isinstance(version, str) else "unspecified", item))
    entries.sort(key=lambda e: _VERSIONS.index(e[2]) if e[2] in _VERSIONS else len(_VERSIONS))
    chosen = False
    for index, url, version, item in entries:
        if not chosen and version in _VERSIONS:
            found = rights(url)
            licence = {"iri": found.iri} if found.iri else {"label": found.label or url}
            draft.data["license"] = licence
            chosen = True
            start = (
                draft.date_parts(f"license[{index}].start", item.get("start")) if item.get("start") else None
            )
            issued = draft.data.get("issued")
            if start is not None and issued is not None and start[: len(issued)] > issued:
                draft.note(
                    f"license[{index}].start", start, "the licence applies from this date (an embargo)"
                )
        else:
            why = (
                "a licence for text and data mining, not for readers"
                if version == "tdm"
                else f"the licence of another version ({version}); the notice holds one licence"
            )
            draft.note(f"license[{index}]", url, why)


def _landing_page(draft: Draft, work: Mapping[str, Any]) -> str | None:
    """The publisher's page (``resource.primary.URL``), unless it only points back to the DOI."""
    resource = work.get("resource")
    primary = resource.get("primary") if isinstance(resource, Mapping) else None
    url = primary.get("URL") if isinstance(primary, Mapping) else None
    if not isinstance(url, str):
        return None
    found = draft.identifier("resource.primary.URL", url, "url")
    if found is None or "crossref.org/deleted_DOI" in found.value:
        return None
    return found.value


# -- JATS abstracts ----------------------------------------------------------------------

_BREAKS: Final = frozenset({"p", "sec", "title", "list-item", "list", "abstract", "trans-abstract", "break"})
_HEADINGS: Final = re.compile(
    r"^(?:abstract|summary|résumé|resumen|zusammenfassung|graphical abstract)$", re.I
)
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class _Jats(HTMLParser):
    """The text of JATS markup: element names with prefixes (``jats:p``) are elements, their
    text is kept, paragraphs and sections become paragraph breaks; a leading "Abstract" title
    is dropped. Character references are decoded once; no entity is ever fetched or expanded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.in_title = 0

    def _local(self, tag: str) -> str:
        return tag.rsplit(":", 1)[-1].lower()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        local = self._local(tag)
        if local in _BREAKS:
            self.paragraphs.append([])
        if local == "title":
            self.in_title += 1

    def handle_endtag(self, tag: str) -> None:
        local = self._local(tag)
        if local == "title" and self.in_title:
            self.in_title -= 1
        if local in _BREAKS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        self.paragraphs[-1].append(data)


def jats_text(value: str) -> str:
    """The plain text of a Crossref abstract in JATS XML (``<jats:p>``…), paragraphs kept.

    >>> jats_text("<jats:title>Abstract</jats:title><jats:p>First &amp; <jats:italic>one</jats:italic>."
    ...           "</jats:p><jats:p>Second\\n line.</jats:p>")
    'First & one.\\n\\nSecond line.'
    """
    import unicodedata

    parser = _Jats()
    try:
        parser.feed(value)
        parser.close()
    except (ValueError, AssertionError):  # html.parser gives up on some broken markup
        return " ".join(re.sub(r"<[^>]*>", " ", value).split())
    paragraphs = [" ".join(_CONTROL.sub("", "".join(p)).split()) for p in parser.paragraphs]
    paragraphs = [unicodedata.normalize("NFC", p) for p in paragraphs if p]
    if len(paragraphs) > 1 and _HEADINGS.match(paragraphs[0]):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)
