"""CSL-JSON: the item format of citation processors and reference managers (Zotero, Pandoc,
citeproc-js; CSL 1.0.2 ``csl-data.json``): an array of items, one item, or JSON Lines of items.

Every CSL variable the notice holds is mapped (``docs/readers.md`` has the table); the others
(``note``, ``accessed``, ``publisher-place``, ``title-short``…) go to the residue. The notice id
is the item's ``id`` when it is a persistent identifier (what notice_ld writes: its CSL-JSON
reads back to the same notice), else its ``DOI``, else the Handle minted from the ``id`` when a
minting prefix is given, else its ``URL``.

>>> import io, json
>>> from notice_ld.readers import ReaderOptions
>>> item = {"id": "tenopir2015", "type": "article-journal", "title": "Changes in Data Sharing",
...         "author": [{"family": "Tenopir", "given": "Carol"}, {"literal": "DataONE"}],
...         "issued": {"date-parts": [[2015, 8, 26]]}, "container-title": "PLOS ONE",
...         "ISSN": "1932-6203", "volume": "10", "issue": "8", "page": "e0134826",
...         "DOI": "10.1371/journal.pone.0134826", "note": "read twice"}
>>> notice, residue = read_csl_json(io.BufferedReader(io.BytesIO(json.dumps([item]).encode())), "r.json",
...                                 ReaderOptions())
>>> notice.id.value, [c.display_name for c in notice.creators], notice.container.issn.value
('10.1371/journal.pone.0134826', ['Carol Tenopir', 'DataONE'], '1932-6203')
>>> [(i.element, i.value) for i in residue.items]
[('id', 'tenopir2015'), ('note', 'read twice')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import RecordError
from notice_ld.model import DocumentType
from notice_ld.readers.jsonrecords import Draft, JsonRecord, Unwrapped, finish, json_records

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["csl_text", "read_csl_json"]


def read_csl_json(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read CSL-JSON items (see the module's docstring); never raises on bad input."""
    for found in json_records(stream, name, options.max_record_bytes, _unwrap, _ident):
        if isinstance(found, RecordError):
            yield found
        else:
            yield from _item(found, options)


def _unwrap(value: Any) -> Unwrapped:
    if isinstance(value, Mapping) and isinstance(value.get("items"), list) and "type" not in value:
        return list(value["items"])
    return None


def _ident(record: Mapping[str, Any]) -> str | None:
    for key in ("DOI", "id"):
        value = record.get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value):
            return str(value)
    return None


_TYPES: Final[Mapping[str, DocumentType]] = {
    "article-journal": DocumentType.ARTICLE,
    "article-magazine": DocumentType.ARTICLE,
    "article-newspaper": DocumentType.ARTICLE,
    "review": DocumentType.ARTICLE,
    "review-book": DocumentType.ARTICLE,
    "book": DocumentType.BOOK,
    "chapter": DocumentType.CHAPTER,
    "entry": DocumentType.CHAPTER,
    "entry-dictionary": DocumentType.CHAPTER,
    "entry-encyclopedia": DocumentType.CHAPTER,
    "thesis": DocumentType.THESIS,
    "report": DocumentType.REPORT,
    "paper-conference": DocumentType.CONFERENCE_PAPER,
    "article": DocumentType.WORKING_PAPER,  # CSL's type for preprints and working papers
    "dataset": DocumentType.DATASET,
    "document": DocumentType.OTHER,
}
_CONTAINERS: Final[Mapping[DocumentType, str]] = {
    DocumentType.ARTICLE: "journal",
    DocumentType.CHAPTER: "book",
    DocumentType.CONFERENCE_PAPER: "proceedings",
}
_ROLES: Final[Mapping[str, str]] = {
    "editor": "editor",
    "collection-editor": "editor",
    "editorial-director": "editor",
    "translator": "translator",
    "contributor": "contributor",
    "director": "contributor",
    "illustrator": "contributor",
    "interviewer": "contributor",
    "composer": "contributor",
    "compiler": "contributor",
    "chair": "contributor",
    "organizer": "contributor",
    "curator": "contributor",
    "narrator": "contributor",
    "performer": "contributor",
    "producer": "contributor",
}
_MAPPED: Final = frozenset(
    {
        "id",
        "type",
        "title",
        "author",
        "issued",
        "container-title",
        "collection-title",
        "collection-number",
        "volume",
        "issue",
        "page",
        "publisher",
        "genre",
        "ISBN",
        "ISSN",
        "DOI",
        "URL",
        "language",
        "abstract",
        "keyword",
        "categories",
        "source",
        "license",
        "PMID",
        "PMCID",
        *_ROLES,
    }
)
_REASONS: Final[Mapping[str, str]] = {
    "note": "a note: the notice model has no note field",
    "accessed": "when the item was consulted, not a date of the work",
    "publisher-place": "the notice model has no place of publication",
    "title-short": "the notice model has no short title",
    "shortTitle": "the notice model has no short title",
    "journalAbbreviation": "the notice model has no abbreviated title",
    "container-title-short": "the notice model has no abbreviated title",
    "edition": "the notice model has no edition field",
    "number": "the notice model has no number (report, patent…) field",
    "event": "the notice model has no event (conference) field",
    "event-title": "the notice model has no event (conference) field",
    "event-place": "the notice model has no event (conference) field",
    "event-date": "the notice model has no event (conference) field",
    "original-date": "the notice holds one date (issued)",
    "submitted": "the notice holds one date (issued)",
    "available-date": "the notice holds one date (issued)",
    "container-author": "the notice model has no authors for the container",
    "number-of-pages": "the notice model has no extent field",
    "number-of-volumes": "the notice model has no extent field",
    "archive": "the notice model has no archive field",
    "archive_location": "the notice model has no archive field",
    "call-number": "the notice model has no call number field",
    "medium": "the notice describes the work, not its medium",
    "dimensions": "the notice describes the work, not its medium",
    "citation-key": "a citation key, not an identifier",
    "citation-label": "a citation key, not an identifier",
}
_PIDS: Final = ("doi", "handle", "ark", "hal", "nnt", "urn", "isbn")


def _item(record: JsonRecord, options: ReaderOptions) -> Iterator[Outcome]:
    item = record.data
    draft = Draft()
    data = draft.data
    kind = _type(draft, item)
    data["type"] = kind.value
    title = _text(draft, "title", item.get("title"))
    if title is None:
        yield RecordError(
            record=record.record, field="title", problem="the item has no title", fix="give the item a title"
        )
        return
    data["titles"] = [{"value": title}]
    key = _identifiers(draft, item, options.minter is not None)
    _names(draft, item)
    _date(draft, item.get("issued"))
    _container(draft, item, kind)
    _publisher(draft, item.get("publisher"))
    language = draft.language("language", item["language"]) if item.get("language") else None
    if language is not None:
        data["languages"] = [language]
    abstract = _text(draft, "abstract", item.get("abstract"), block=True) if item.get("abstract") else None
    if abstract:
        data["abstracts"] = [{"value": abstract}]
    _keywords(draft, item)
    source = _text(draft, "source", item.get("source")) if item.get("source") else None
    if source:
        data["collection"] = {"name": source}
    if item.get("license"):
        _license(draft, item["license"])
    for name, value in item.items():
        if name in _MAPPED or value in (None, "", [], {}):
            continue
        if name in ("journalAbbreviation", "container-title-short") and value == item.get("container-title"):
            continue
        draft.note(name, value, _REASONS.get(name, "a CSL variable the notice model has no place for"))
    yield from finish(
        draft,
        record,
        mint_key=key,
        options=options,
        no_id_fix="give the item a DOI or a URL, or pass a Handle prefix (--prefix) to mint one from its id",
    )


_MARKUP: Final = re.compile(
    r"</?(?:i|b|sup|sub)>|<span\s+(?:style=\"font-variant:\s*small-caps;?\"|class=\"nocase\")>|</span>"
)


def csl_text(value: str) -> str:
    """A CSL string without CSL's rich-text markup (``<i>``, ``<b>``, ``<sup>``, ``<sub>``,
    small capitals, ``nocase`` spans); anything else, ``&`` and ``<`` included, is text.

    >>> csl_text('The <i>Bombylius</i> flies & <span class="nocase">iPhone</span> <3')
    'The Bombylius flies & iPhone <3'
    """
    return _MARKUP.sub("", value)


def _text(draft: Draft, element: str, value: Any, *, block: bool = False) -> str | None:
    if isinstance(value, str):
        value = csl_text(value)
    return draft.text(element, value, block=block, literal=True)


def _type(draft: Draft, item: Mapping[str, Any]) -> DocumentType:
    value = item.get("type")
    genre = _text(draft, "genre", item.get("genre")) if item.get("genre") else None
    if genre:
        draft.data["type_label"] = genre
    if not isinstance(value, str):
        if value is not None:
            draft.note("type", value, "not a CSL type")
        return DocumentType.OTHER
    found = _TYPES.get(value)
    if found is None:
        draft.data.setdefault("type_label", value)
        return DocumentType.OTHER
    return found


def _identifiers(draft: Draft, item: Mapping[str, Any], minting: bool) -> str | None:
    """The notice id and identifiers: the item's ``id`` when it is a persistent identifier (or a
    URL), else its DOI, else (``minting``) nothing yet — :func:`finish` mints from the returned
    key, the item's ``id`` — else its URL. The URL is the landing page unless it is the id."""
    from notice_ld import identifiers as ids

    data = draft.data
    raw = item.get("id")
    key = str(raw) if isinstance(raw, (str, int)) and not isinstance(raw, bool) and str(raw).strip() else None
    own = None
    if key is not None:
        try:
            own = ids.parse(key)
        except RecordError:
            own = None
        if own is not None and own.scheme.value not in _PIDS and own.scheme is not ids.Scheme.URL:
            own = None
    doi = draft.identifier("DOI", item["DOI"], "doi") if item.get("DOI") else None
    url = draft.identifier("URL", item["URL"], "url") if item.get("URL") else None
    if own is not None:
        data["id"] = own
    elif doi is not None:
        data["id"] = doi
    elif url is not None and not (minting and key is not None):
        data["id"] = url
    if own is None and key is not None and not (minting and "id" not in data):
        draft.note("id", key, "the item's id is not an identifier the notice model knows (a citation key?)")
    found: list[ids.Identifier] = []
    if doi is not None and doi != data.get("id"):
        found.append(doi)
    for name, base in (
        ("PMID", "https://pubmed.ncbi.nlm.nih.gov/"),
        ("PMCID", "https://www.ncbi.nlm.nih.gov/pmc/articles/"),
    ):
        value = item.get(name)
        if value:
            text = str(value)
            pid = draft.identifier(name, text if text.startswith("http") else base + text, "url")
            if pid is not None:
                found.append(pid)
    if found:
        data["identifiers"] = found
    current = data.get("id")
    if url is not None and url != current and (current is None or url.value != current.iri):
        data["landing_page"] = url.value
    return key


def _names(draft: Draft, item: Mapping[str, Any]) -> None:
    creators = _agents(draft, item.get("author"), "author")
    if creators:
        draft.data["creators"] = creators
    contributors = []
    for name, role in _ROLES.items():
        contributors += [{"role": role, "agent": a} for a in _agents(draft, item.get(name), name)]
    if contributors:
        draft.data["contributors"] = contributors


def _agents(draft: Draft, value: Any, key: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]
    agents = []
    for index, name in enumerate(value):
        where = f"{key}[{index}]"
        if not isinstance(name, Mapping):
            draft.note(where, name, "not a CSL name (an object with family and given, or literal)")
            continue
        family = _text(draft, f"{where}.family", name.get("family")) if name.get("family") else None
        given = _text(draft, f"{where}.given", name.get("given")) if name.get("given") else None
        literal = _text(draft, f"{where}.literal", name.get("literal")) if name.get("literal") else None
        particle = _text(draft, f"{where}.non-dropping-particle", name.get("non-dropping-particle"))
        dropping = _text(draft, f"{where}.dropping-particle", name.get("dropping-particle"))
        if family is not None:
            family = " ".join(p for p in (dropping, particle, family) if p)
            agent: dict[str, Any] = {"family": family}
            if given:
                agent["given"] = given
        elif literal is not None:
            agent = {"type": "organization", "name": literal}
        elif given is not None:
            agent = {"name": given}
        else:
            draft.note(where, name, "a name without family, given or literal")
            continue
        if name.get("suffix"):
            draft.note(f"{where}.suffix", name["suffix"], "the notice model has no name suffix")
        agents.append(agent)
    return agents


_DATE_KEYS: Final = ("date-parts", "raw", "literal", "season", "circa")


def _date(draft: Draft, value: Any) -> None:
    from notice_ld.readers.dc import parse_date

    if value is None:
        return
    if isinstance(value, str):  # not CSL's form, but what some tools write
        value = {"raw": value}
    if not isinstance(value, Mapping):
        draft.note("issued", value, 'not a CSL date: write {"date-parts": [[YYYY, MM, DD]]}')
        return
    if "date-parts" in value:
        date = draft.date_parts("issued", value)
    else:
        date = None
        text = value.get("raw") or value.get("literal")
        if isinstance(text, (str, int)) and str(text).strip():
            date, why = parse_date(str(text))
            if date is None:
                draft.note("issued", text, why or "not a date")
        elif value:
            draft.note("issued", value, 'not a CSL date: write {"date-parts": [[YYYY, MM, DD]]}')
    if date is not None:
        draft.data["issued"] = date
    for key in ("season", "circa"):
        if value.get(key):
            draft.note(f"issued.{key}", value[key], "the notice's date has no season or approximation")


def _container(draft: Draft, item: Mapping[str, Any], kind: DocumentType) -> None:
    container: dict[str, Any] = {}
    title = (
        _text(draft, "container-title", item.get("container-title")) if item.get("container-title") else None
    )
    series = (
        _text(draft, "collection-title", item.get("collection-title"))
        if item.get("collection-title")
        else None
    )
    number = (
        _text(draft, "collection-number", item.get("collection-number"))
        if item.get("collection-number")
        else None
    )
    if title is not None:
        container["title"] = title
        container["type"] = _CONTAINERS.get(kind, "journal")
        if series is not None:
            draft.note("collection-title", series, "the notice holds one container (container-title)")
        if number is not None:
            draft.note("collection-number", number, "the notice holds one container (container-title)")
    elif series is not None:
        container["title"] = series
        container["type"] = "series"
        if number is not None:
            container["volume"] = number
    elif number is not None:
        draft.note("collection-number", number, "a number in a series, but no series title")
    for key in ("volume", "issue", "page"):
        value = _text(draft, key, item.get(key)) if item.get(key) is not None else None
        if value is None:
            continue
        slot = "pages" if key == "page" else key
        if slot in container:
            draft.note(key, value, "the series number (collection-number) is the container's volume")
        else:
            container[slot] = value
    issns = _split(_text(draft, "ISSN", item.get("ISSN")) if item.get("ISSN") else None)
    for index, value in enumerate(issns):
        found = draft.identifier("ISSN", value, "issn")
        if found is None:
            continue
        if index == 0:
            container["issn"] = found
        elif index == 1:
            container["eissn"] = found
        else:
            draft.note("ISSN", value, "a third ISSN; the journal holds an ISSN and an e-ISSN")
    isbns = _split(_text(draft, "ISBN", item.get("ISBN")) if item.get("ISBN") else None)
    own = []
    for value in isbns:
        found = draft.identifier("ISBN", value, "isbn")
        if found is None:
            continue
        if kind in (DocumentType.CHAPTER, DocumentType.CONFERENCE_PAPER) and "title" in container:
            if "isbn" in container:
                draft.note("ISBN", found.value, "another ISBN of the book; the notice holds one for the book")
            else:
                container["isbn"] = found
        else:
            own.append(found)
    if own:
        draft.data.setdefault("identifiers", []).extend(own)
    if "title" in container:
        draft.data["container"] = container
        return
    for slot, value in container.items():
        if slot != "type":
            draft.note(
                {"pages": "page", "issn": "ISSN", "eissn": "ISSN", "isbn": "ISBN"}.get(slot, slot),
                getattr(value, "value", value),
                "identifies the journal or book, but no title for it (container-title) was given",
            )


_SEPARATORS: Final = re.compile(r"\s*[,;]\s*|\s+(?=\d{4}-?\d{3}[\dXx]\b)")


def _split(value: str | None) -> list[str]:
    """ISSNs or ISBNs listed in one variable (``"1234-5678, 8765-4321"``)."""
    if not value:
        return []
    return [part for part in _SEPARATORS.split(value) if part]


def _publisher(draft: Draft, value: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, Mapping):  # not CSL, but some tools write {"name": ...}
        value = value.get("name")
    name = _text(draft, "publisher", value)
    if name:
        draft.data["publisher"] = {"type": "organization", "name": name}


def _keywords(draft: Draft, item: Mapping[str, Any]) -> None:
    values: list[str] = []
    keyword = item.get("keyword")
    if isinstance(keyword, str):
        values += [k for k in (_text(draft, "keyword", part) for part in re.split(r"[,;]", keyword)) if k]
    elif isinstance(keyword, list):
        values += [k for k in (_text(draft, f"keyword[{i}]", part) for i, part in enumerate(keyword)) if k]
    elif keyword is not None:
        draft.note("keyword", keyword, "not a text value")
    categories = item.get("categories")
    if isinstance(categories, list):
        values += [k for k in (_text(draft, f"categories[{i}]", c) for i, c in enumerate(categories)) if k]
    elif categories is not None:
        draft.note("categories", categories, "not a list of texts")
    if values:
        draft.data["keywords"] = [{"value": v} for v in dict.fromkeys(values)]


def _license(draft: Draft, value: Any) -> None:
    from notice_ld.readers.dc import rights

    text = _text(draft, "license", value)
    if text is None:
        return
    found = rights(text)
    if found.kind == "access":
        draft.note("license", text, "an access status, not a licence")
        return
    draft.data["license"] = {"iri": found.iri} if found.iri else {"label": found.label or text}
