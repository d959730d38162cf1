"""OpenAlex works JSON: one work, a ``/works`` page (``{"meta": …, "results": [...]}``), an array,
or the JSON Lines of OpenAlex's snapshot (gzip-compressed or not).

Each work becomes a notice: its DOI is the notice id (else the Handle minted from its OpenAlex id
when a minting prefix is given, else its OpenAlex IRI); what the notice model cannot hold
(institutions, funders, open-access status, cited works…) goes to the residue. Records are
isolated as :mod:`notice_ld.readers.jsonrecords` says. The mapping is in ``docs/readers.md``.

>>> import io, json
>>> from notice_ld.readers import ReaderOptions
>>> work = {"id": "https://openalex.org/W1982728624", "doi": "https://doi.org/10.1371/journal.pone.0000030",
...         "title": "Triose Phosphate Isomerase Deficiency", "type": "article",
...         "publication_date": "2006-12-20", "language": "en",
...         "authorships": [{"author": {"display_name": "Markus Ralser",
...                                     "orcid": "https://orcid.org/0000-0001-9535-7413"}}],
...         "primary_location": {"source": {"display_name": "PLoS ONE", "issn_l": "1932-6203",
...                                         "issn": ["1932-6203"], "type": "journal"}},
...         "biblio": {"volume": "1", "issue": "1", "first_page": "e30", "last_page": "e30"},
...         "abstract_inverted_index": {"Triosephosphate": [0], "isomerase": [1], "deficiency": [2]}}
>>> page = json.dumps({"meta": {"count": 1}, "results": [work]}).encode()
>>> notice, *residue = read_openalex(io.BufferedReader(io.BytesIO(page)), "p.json", ReaderOptions())
>>> residue = residue[0] if residue else None
>>> notice.id.value, notice.creators[0].family, notice.container.title, notice.abstracts[0].value
('10.1371/journal.pone.0000030', 'Ralser', 'PLoS ONE', 'Triosephosphate isomerase deficiency')
>>> [i.value for i in notice.identifiers], residue is None
(['https://openalex.org/W1982728624'], True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import RecordError
from notice_ld.model import DocumentType
from notice_ld.readers.jsonrecords import Draft, JsonRecord, NotRecords, Unwrapped, finish, json_records

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["abstract_text", "read_openalex"]


def read_openalex(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read OpenAlex works (see the module's docstring); never raises on bad input."""
    for found in json_records(stream, name, options.max_record_bytes, _unwrap, _ident):
        if isinstance(found, RecordError):
            yield found
        else:
            yield from _work(found, options)


def _unwrap(value: Any) -> Unwrapped:
    if not isinstance(value, Mapping):
        return None
    results = value.get("results")
    if isinstance(results, list) and "id" not in value:
        return results
    if "error" in value and "id" not in value:
        return NotRecords(
            f"the OpenAlex API answered an error: {value.get('error')}: {value.get('message', '')}",
            "ask the API again (the answer is an error, not works)",
        )
    return None


def _ident(record: Mapping[str, Any]) -> str | None:
    for key in ("doi", "id"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value.removeprefix("https://doi.org/")
    return None


_TYPES: Final[Mapping[str, DocumentType]] = {
    "article": DocumentType.ARTICLE,
    "review": DocumentType.ARTICLE,
    "editorial": DocumentType.ARTICLE,
    "letter": DocumentType.ARTICLE,
    "erratum": DocumentType.ARTICLE,
    "retraction": DocumentType.ARTICLE,
    "book": DocumentType.BOOK,
    "book-chapter": DocumentType.CHAPTER,
    "reference-entry": DocumentType.CHAPTER,
    "dissertation": DocumentType.THESIS,
    "report": DocumentType.REPORT,
    "preprint": DocumentType.WORKING_PAPER,
    "dataset": DocumentType.DATASET,
}
# OpenAlex's own type names that the notice type keeps only approximately: kept as type_label
_LABELLED: Final = frozenset({"review", "editorial", "letter", "erratum", "retraction", "reference-entry"})
_SOURCE_TYPES: Final[Mapping[str, str]] = {
    "journal": "journal",
    "book series": "series",
    "conference": "proceedings",
    "ebook platform": "book",
    "book": "book",
}
_RAW_SOURCE: Final[Mapping[DocumentType, str]] = {
    DocumentType.ARTICLE: "journal",
    DocumentType.CHAPTER: "book",
    DocumentType.CONFERENCE_PAPER: "proceedings",
}
# about OpenAlex's index or the work's metrics, not about the work: not listed in the residue
_SKIPPED: Final = frozenset(
    {
        "indexed_in",
        "institutions",
        "countries_distinct_count",
        "institutions_distinct_count",
        "corresponding_author_ids",
        "corresponding_institution_ids",
        "apc_list",
        "apc_paid",
        "fwci",
        "has_fulltext",
        "fulltext_origin",
        "cited_by_count",
        "citation_normalized_percentile",
        "cited_by_percentile_year",
        "is_paratext",
        "is_xpac",
        "locations_count",
        "locations",
        "counts_by_year",
        "updated_date",
        "created_date",
        "updated",
        "related_works",
        "has_content",
        "content_urls",
        "cited_by_api_url",
        "ngrams_url",
        "primary_topic",
        "referenced_works_count",
        "relevance_score",
        "type_crossref",
        "type_id",
        "is_authors_truncated",
        "versions",
        "datasets",
        "countries_distinct",
        "display_name",
        # mapped below
        "id",
        "doi",
        "title",
        "publication_year",
        "publication_date",
        "ids",
        "language",
        "primary_location",
        "type",
        "open_access",
        "authorships",
        "biblio",
        "topics",
        "keywords",
        "concepts",
        "mesh",
        "best_oa_location",
        "abstract_inverted_index",
    }
)
_REASONS: Final[Mapping[str, str]] = {
    "funders": "the notice model has no funding field",
    "grants": "the notice model has no funding field",
    "awards": "the notice model has no funding field",
    "referenced_works": "the notice model has no cited-references field",
    "is_retracted": "the notice model has no retraction status",
    "sustainable_development_goals": "the notice model has no field for development goals",
}


def _work(record: JsonRecord, options: ReaderOptions) -> Iterator[Outcome]:
    work = record.data
    draft = Draft()
    data = draft.data
    openalex = work.get("id") if isinstance(work.get("id"), str) else None
    found_ids = work.get("ids")
    ids: Mapping[str, Any] = found_ids if isinstance(found_ids, Mapping) else {}
    doi_text = work.get("doi") or ids.get("doi")
    doi = draft.identifier("doi", doi_text, "doi") if doi_text else None
    if doi is not None:
        data["id"] = doi
    elif options.minter is None and openalex is not None:
        found = draft.identifier("id", openalex, "url")
        if found is not None:
            data["id"] = found
    kind = _type(draft, work.get("type"))
    data["type"] = kind.value
    title = draft.text("title", work.get("title") or work.get("display_name"))
    if title is None:
        yield RecordError(
            record=record.record, field="title", problem="the work has no title", fix="give the work a title"
        )
        return
    data["titles"] = [{"value": title}]
    _authors(draft, work.get("authorships"))
    _date(draft, work)
    _location(draft, work, kind)
    language = draft.language("language", work["language"]) if work.get("language") else None
    if language is not None:
        data["languages"] = [language]
    abstract = _abstract(draft, work.get("abstract_inverted_index"))
    if abstract:
        data["abstracts"] = [{"value": abstract}]
    _identifiers(draft, ids, openalex)
    _subjects(draft, work)
    _access(draft, work)
    for key, value in work.items():
        if key in _SKIPPED or value in (None, "", [], {}, False):
            continue
        if key == "referenced_works" and isinstance(value, list):
            draft.note(key, f"{len(value)} cited works", _REASONS[key])
        elif key in ("funders", "grants", "awards") and isinstance(value, list):
            for index, item in enumerate(value):
                draft.note(f"{key}[{index}]", _funding(item), _REASONS[key])
        else:
            draft.note(key, value, _REASONS.get(key, "an OpenAlex field the notice model has no place for"))
    yield from finish(
        draft,
        record,
        mint_key=openalex,
        options=options,
        no_id_fix="give the work a DOI or its OpenAlex id (id)",
    )


def _funding(item: Any) -> Any:
    if not isinstance(item, Mapping):
        return item
    name = item.get("display_name") or item.get("funder_display_name") or ""
    award = item.get("funder_award_id") or item.get("award_id")
    return (
        f"{name}" + (f" (award {award})" if award else "") + (f" [{item['ror']}]" if item.get("ror") else "")
    )


def _type(draft: Draft, value: Any) -> DocumentType:
    if not isinstance(value, str):
        if value is not None:
            draft.note("type", value, "not an OpenAlex type")
        return DocumentType.OTHER
    found = _TYPES.get(value)
    if found is None or value in _LABELLED:
        draft.data["type_label"] = value
    return found or DocumentType.OTHER


def _authors(draft: Draft, value: Any) -> None:
    from notice_ld.readers.dc import parse_agent

    if value is None:
        return
    if not isinstance(value, list):
        draft.note("authorships", value, "not a list of authorships")
        return
    creators = []
    for index, authorship in enumerate(value):
        where = f"authorships[{index}]"
        author = authorship.get("author") if isinstance(authorship, Mapping) else None
        if not isinstance(author, Mapping):
            draft.note(where, authorship, "an authorship without an author")
            continue
        name = draft.text(f"{where}.author.display_name", author.get("display_name"))
        if name is None and isinstance(authorship, Mapping):
            name = draft.text(f"{where}.raw_author_name", authorship.get("raw_author_name"))
        if name is None:
            draft.note(where, authorship, "an author without a name")
            continue
        agent = parse_agent(name)
        if agent["type"] == "person" and author.get("orcid"):
            orcid = draft.identifier(f"{where}.author.orcid", author["orcid"], "orcid")
            if orcid is not None:
                agent["identifiers"] = [orcid]
        creators.append(agent)
        institutions = authorship.get("institutions") if isinstance(authorship, Mapping) else None
        for number, institution in enumerate(institutions if isinstance(institutions, list) else []):
            if isinstance(institution, Mapping) and institution.get("display_name"):
                ror = f" [{institution['ror']}]" if isinstance(institution.get("ror"), str) else ""
                draft.note(
                    f"{where}.institutions[{number}]",
                    f"{institution['display_name']}{ror}",
                    "the notice model has no affiliations",
                )
    if creators:
        draft.data["creators"] = creators


def _date(draft: Draft, work: Mapping[str, Any]) -> None:
    from notice_ld.readers.dc import parse_date

    value = work.get("publication_date")
    if isinstance(value, str) and value.strip():
        date, why = parse_date(value)
        if date is not None:
            draft.data["issued"] = date
            return
        draft.note("publication_date", value, why or "not a date")
    year = work.get("publication_year")
    if isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9999:
        draft.data["issued"] = f"{year:04d}"
    elif year is not None:
        draft.note("publication_year", year, "not a year")


def _location(draft: Draft, work: Mapping[str, Any], kind: DocumentType) -> None:
    """The journal (or series, proceedings, book) from ``primary_location.source``, with
    ``biblio``'s numbering; the publisher from the source's host organisation; the landing page."""
    location = work.get("primary_location")
    location = location if isinstance(location, Mapping) else {}
    source = location.get("source")
    source = source if isinstance(source, Mapping) else {}
    container: dict[str, Any] = {}
    source_type = source.get("type")
    container_kind = _SOURCE_TYPES.get(source_type) if isinstance(source_type, str) else None
    title = draft.text("primary_location.source.display_name", source.get("display_name"))
    if title is not None and container_kind is not None:
        container["title"] = title
        container["type"] = container_kind
        if kind is DocumentType.CHAPTER and container_kind == "series":
            container["type"] = "series"
    elif title is not None and kind is DocumentType.THESIS and source_type == "repository":
        draft.data["publisher"] = {"type": "organization", "name": title}  # the university's repository
    elif title is not None:
        draft.note(
            "primary_location.source.display_name",
            title,
            f"where the work is found ({source_type or 'a source'}), not a journal or a book",
        )
    elif not source and location.get("raw_source_name") and kind in _RAW_SOURCE:
        raw = draft.text("primary_location.raw_source_name", location["raw_source_name"])
        if raw is not None:  # no source entity: the name as the publisher's record gives it
            container = {"title": raw, "type": _RAW_SOURCE[kind]}
    if container:
        issn_l = source.get("issn_l")
        if issn_l:
            found = draft.identifier("primary_location.source.issn_l", issn_l, "issn")
            if found is not None:
                container["issn_l"] = found
        issns = source.get("issn")
        for index, value in enumerate(issns if isinstance(issns, list) else []):
            found = draft.identifier(f"primary_location.source.issn[{index}]", value, "issn")
            if found is None:
                continue
            slot = "issn" if "issn" not in container else "eissn" if "eissn" not in container else None
            if slot is None:
                draft.note(f"primary_location.source.issn[{index}]", found.value, "a third ISSN")
            else:
                container[slot] = found
        biblio = work.get("biblio")
        biblio = biblio if isinstance(biblio, Mapping) else {}
        for key in ("volume", "issue"):
            value = draft.text(f"biblio.{key}", biblio.get(key)) if biblio.get(key) is not None else None
            if value:
                container[key] = value
        first = (
            draft.text("biblio.first_page", biblio.get("first_page")) if biblio.get("first_page") else None
        )
        last = draft.text("biblio.last_page", biblio.get("last_page")) if biblio.get("last_page") else None
        if first and last and first != last:
            container["pages"] = f"{first}-{last}"
        elif first or last:
            container["pages"] = first or last
        draft.data["container"] = container
    publisher = draft.text(
        "primary_location.source.host_organization_name", source.get("host_organization_name")
    )
    if publisher is not None and source_type != "repository":
        draft.data["publisher"] = {"type": "organization", "name": publisher}
    landing = location.get("landing_page_url")
    if (
        isinstance(landing, str)
        and landing
        and not landing.startswith(("https://doi.org/", "http://doi.org/"))
    ):
        found = draft.identifier("primary_location.landing_page_url", landing, "url")
        if found is not None:
            draft.data["landing_page"] = found.value


def _identifiers(draft: Draft, ids: Mapping[str, Any], openalex: str | None) -> None:
    """The OpenAlex IRI (unless it is the notice id), PubMed and PubMed Central IRIs as
    identifiers; the MAG id to the residue."""
    found = []
    notice_id = draft.data.get("id")
    for key, value in (("id", openalex), ("ids.pmid", ids.get("pmid")), ("ids.pmcid", ids.get("pmcid"))):
        if isinstance(value, str) and value:
            if value.isdigit() and key == "ids.pmid":
                value = f"https://pubmed.ncbi.nlm.nih.gov/{value}"
            ident = draft.identifier(key, value, "url")
            if ident is not None and ident != notice_id:
                found.append(ident)
    if found:
        draft.data["identifiers"] = found
    if ids.get("mag"):
        draft.note(
            "ids.mag", ids["mag"], "a Microsoft Academic Graph id: not a scheme the notice model knows"
        )


def _subjects(draft: Draft, work: Mapping[str, Any]) -> None:
    """Keywords as keywords; topics, concepts (with their Wikidata IRI) and MeSH descriptors as
    subject concepts (each label once)."""
    keywords = []
    for index, item in enumerate(work.get("keywords") or []):
        label = item.get("display_name") if isinstance(item, Mapping) else item
        text = draft.text(f"keywords[{index}]", label)
        if text:
            keywords.append({"value": text, "lang": "en"})
    if keywords:
        draft.data["keywords"] = list({k["value"]: k for k in keywords}.values())
    subjects: dict[str, dict[str, Any]] = {}
    sources = (
        ("topics", "display_name", "id", None),
        ("concepts", "display_name", "wikidata", None),
        ("mesh", "descriptor_name", None, "descriptor_ui"),
    )
    for key, label_key, iri_key, code_key in sources:
        items = work.get(key)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                draft.note(f"{key}[{index}]", item, "not a subject")
                continue
            label = draft.text(f"{key}[{index}].{label_key}", item.get(label_key))
            if not label or label.lower() in subjects:
                continue
            concept: dict[str, Any] = {"labels": [{"value": label, "lang": "en"}]}
            if iri_key and isinstance(item.get(iri_key), str) and item[iri_key].startswith("http"):
                concept["iri"] = item[iri_key]
            if code_key and isinstance(item.get(code_key), str):
                concept["iri"] = f"http://id.nlm.nih.gov/mesh/{item[code_key]}"
                concept["notation"] = item[code_key]
            subjects[label.lower()] = concept
    if subjects:
        draft.data["subjects"] = list(subjects.values())


def _access(draft: Draft, work: Mapping[str, Any]) -> None:
    """The licence of the primary location, else of the best open-access location; ``is_oa``
    true is open access (false does not tell closed, restricted and embargoed apart: residue), the
    open-access route (``oa_status``) goes to the residue."""
    from notice_ld.readers.dc import rights

    for key in ("primary_location", "best_oa_location"):
        location = work.get(key)
        value = location.get("license") if isinstance(location, Mapping) else None
        if isinstance(value, str) and value.strip():
            found = rights(value)
            draft.data["license"] = {"iri": found.iri} if found.iri else {"label": found.label or value}
            break
    status = work.get("open_access")
    if isinstance(status, Mapping):
        if status.get("is_oa") is True:
            draft.data["access_rights"] = "open"
        elif status.get("is_oa") is False:
            draft.note(
                "open_access.is_oa",
                False,
                "not open access; OpenAlex does not say whether closed or embargoed",
            )
        if status.get("oa_status") and status.get("is_oa") is not False:
            draft.note(
                "open_access.oa_status",
                status["oa_status"],
                "the open-access route; the notice holds the access status only",
            )


_MAX_WORDS: Final = 100_000


def abstract_text(index: Mapping[str, Any]) -> str | None:
    """The abstract an ``abstract_inverted_index`` holds (``{"word": [positions]}``), or ``None``
    when it is not one (positions that are not whole numbers, or over 100,000 words).

    >>> abstract_text({"is": [1, 4], "This": [0], "what": [3], "it": [2], ".": [5]})
    'This is it what is .'
    """
    words: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(word, str) or not isinstance(positions, list):
            return None
        for position in positions:
            if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position < _MAX_WORDS:
                return None
            words[position] = word
    return " ".join(words[p] for p in sorted(words)) or None


def _abstract(draft: Draft, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        draft.note("abstract_inverted_index", value, "not an inverted index ({word: [positions]})")
        return None
    text = abstract_text(value)
    if text is None:
        draft.note("abstract_inverted_index", value, "not an inverted index ({word: [positions]})")
        return None
    return draft.text("abstract_inverted_index", text, block=True)
