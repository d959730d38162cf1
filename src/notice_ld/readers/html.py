"""HTML landing-page reader: ``<script type="application/ld+json">`` blocks, Highwire Press
``<meta name="citation_*">`` tags and Dublin Core ``<meta name="DC.*">`` tags.

The page is parsed with lxml's HTML parser (no network, no DTD, nothing run: scripts are only read
as text). The JSON-LD works are read as :mod:`notice_ld.readers.schema_org` reads them; the
``citation_*`` tags (what Google Scholar reads) describe the page's main work, and ``DC.*`` tags
are read last. When JSON-LD and ``citation_*`` tags describe the same work they are merged: the
JSON-LD first, the tags filling what it lacks, and every value on which they disagree listed in
the residue. One page gives one notice (or one per work of its JSON-LD ``@graph``). A page is read
whole: ``max_record_bytes`` applies to it.

>>> import io
>>> page = b'''<html><head><meta name="citation_title" content="Vie sociale">
... <meta name="citation_author" content="Jouet, Emmanuelle">
... <meta name="citation_author_orcid" content="0000-0002-1825-0097">
... <meta name="citation_publication_date" content="2019/05/03">
... <meta name="citation_journal_title" content="Vie sociale"><meta name="citation_issn" content="1950-4667">
... <meta name="citation_volume" content="25"><meta name="citation_firstpage" content="123">
... <meta name="citation_lastpage" content="140"><meta name="citation_doi" content="10.3917/vsoc.191.0123">
... </head><body>...</body></html>'''
>>> (notice,) = read_html(io.BytesIO(page), "page.html", ReaderOptions())
>>> notice.id.value, notice.issued, notice.container.pages, notice.creators[0].identifiers[0].value
('10.3917/vsoc.191.0123', '2019-05-03', '123-140', '0000-0002-1825-0097')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import Notice
from notice_ld.readers import ReaderOptions, dc, text
from notice_ld.readers.outcomes import Residue, ResidueItem
from notice_ld.readers.schema_org import map_work, works

if TYPE_CHECKING:
    from notice_ld.readers import Outcome

__all__ = ["PageMetadata", "page_metadata", "read_html"]

_SLASH_DATE: Final = re.compile(r"^(\d{4})/(\d{1,2})(?:/(\d{1,2}))?$")
_LD_JSON: Final = re.compile(r"^\s*application/ld\+json\s*(?:;.*)?$", re.IGNORECASE)


class PageMetadata:
    """What a page says about its work: its JSON-LD documents and its ``<meta>`` tags, in order.

    ``meta`` holds ``(name, content)`` pairs with names in lower case (``citation_title``,
    ``dc.title``); ``json_ld`` the text of each ``application/ld+json`` block; ``canonical`` the
    page's canonical URL, if it gives one.
    """

    def __init__(self) -> None:
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self.canonical: str | None = None


def page_metadata(data: bytes) -> PageMetadata:
    """Parse a page (bytes: UTF-8, else the encoding its ``<meta charset>`` names) with lxml.

    >>> m = page_metadata(b'<html><head><meta name="DC.Title" content="T">'
    ...                   b'<script type="application/ld+json">{"@type": "Book"}</script></head></html>')
    >>> m.meta, m.json_ld
    ([('dc.title', 'T')], ['{"@type": "Book"}'])
    """
    import lxml.html
    from lxml import etree

    try:  # bytes that are UTF-8 are read as UTF-8 (lxml's default without <meta charset> is Latin-1)
        data.decode("utf-8")
        encoding: str | None = "utf-8"
    except UnicodeDecodeError:
        encoding = None  # the page's <meta charset>, else lxml's guess
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, huge_tree=False, encoding=encoding
    )
    found = PageMetadata()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError):
        return found
    for element in root.iter("meta", "script", "link"):
        tag = element.tag
        if tag == "meta":
            key = element.get("name") or element.get("property")
            content = element.get("content")
            if key and content is not None:
                found.meta.append((key.strip().lower(), content))
        elif tag == "script":
            if _LD_JSON.match(element.get("type") or "") and element.text:
                found.json_ld.append(element.text)
        elif (
            tag == "link"
            and found.canonical is None
            and "canonical" in (element.get("rel") or "").lower().split()
            and element.get("href")
        ):
            found.canonical = element.get("href", "").strip()
    return found


# -- Highwire and Dublin Core tags -> the notice JSON form -----------------------------------------


class _Tags:
    """Maps ``citation_*`` then ``DC.*`` tags to the notice form; ``source`` names each field's tag."""

    def __init__(self, meta: list[tuple[str, str]]) -> None:
        self.meta = meta
        self.data: dict[str, Any] = {}
        self.source: dict[str, str] = {}
        self.residue: list[ResidueItem] = []

    def note(self, element: str, value: str, reason: str) -> None:
        self.residue.append(ResidueItem(element, value, reason))

    def put(self, key: str, value: Any, tag: str) -> None:
        if key not in self.data:
            self.data[key] = value
            self.source[key] = tag

    def build(self) -> dict[str, Any]:
        creators: list[dict[str, Any]] = []
        container: dict[str, Any] = {}
        keywords: list[dict[str, str]] = []
        kind: str | None = None
        issns: list[str] = []
        pages: dict[str, str | None] = {"first": None, "last": None}
        identifiers: list[ids.Identifier] = []
        dc_seen: dict[str, list[str]] = {}
        for name, raw in self.meta:
            content, _ = dc.clean_text(
                raw, block=name in ("citation_abstract", "dc.description", "dcterms.abstract")
            )
            if not content:
                continue
            if name.startswith(("dc.", "dcterms.")):
                dc_seen.setdefault(name.split(".", 1)[1], []).append(content)
                continue
            if not name.startswith("citation_"):
                continue
            field = name[len("citation_") :]
            if field == "title":
                self.put("titles", [{"value": content}], name)
            elif field == "author":
                creators.append(dc.parse_agent(content))
            elif field == "author_orcid":
                if creators:
                    try:
                        orcid = ids.parse(content, ids.Scheme.ORCID)
                    except IdentifierError as exc:
                        self.note(name, content, f"not an ORCID: {exc.problem}")
                        continue
                    agent = creators[-1]
                    if agent.get("type", "person") == "person":
                        agent.setdefault("identifiers", [])
                        if orcid.value not in agent["identifiers"]:
                            agent["identifiers"].append(orcid.value)
                else:
                    self.note(name, content, "an ORCID before any citation_author")
            elif field in ("author_institution", "author_email"):
                self.note(
                    name, content, "an author's affiliation or e-mail; the notice model has no field for it"
                )
            elif field in ("publication_date", "date", "cover_date", "online_date"):
                slash = _SLASH_DATE.match(content)
                date, why = dc.parse_date("-".join(p for p in slash.groups() if p) if slash else content)
                if date is None:
                    self.note(name, content, why or "not a date")
                elif "issued" not in self.data:
                    self.put("issued", date, name)
                    if field == "online_date":
                        self.note(
                            name, content, "no publication date: the online date is used as the date of issue"
                        )
                elif not (self.data["issued"].startswith(date) or date.startswith(self.data["issued"])):
                    self.note(
                        name,
                        content,
                        f"another date; the notice holds the date of issue ({self.data['issued']})",
                    )
            elif field == "journal_title":
                container.setdefault("title", content)
                container.setdefault("type", "journal")
                kind = kind or "article"
            elif field in ("issn", "eissn"):
                try:
                    issn = ids.parse(content, ids.Scheme.ISSN).value
                except IdentifierError as exc:
                    self.note(name, content, f"not an ISSN: {exc.problem}")
                    continue
                if issn not in issns:
                    issns.append(issn) if field == "issn" else issns.insert(len(issns), issn)
                    if field == "eissn":
                        container["eissn"] = issn
            elif field == "volume":
                container.setdefault("volume", content)
            elif field == "issue":
                container.setdefault("issue", content)
            elif field == "firstpage":
                pages["first"] = pages["first"] or content
            elif field == "lastpage":
                pages["last"] = pages["last"] or content
            elif field in (
                "doi",
                "isbn",
                "public_url",
                "abstract_html_url",
                "fulltext_html_url",
                "handle",
                "hal_id",
            ):
                scheme = {"doi": "doi", "isbn": "isbn", "handle": "handle", "hal_id": "hal"}.get(field)
                try:
                    found = ids.parse(content, scheme) if scheme else ids.parse(content, ids.Scheme.URL)
                except IdentifierError as exc:
                    self.note(name, content, f"not a usable identifier: {exc.problem}")
                    continue
                if field.endswith("_url"):
                    self.put("landing_page", found.value, name)
                if found not in identifiers:
                    identifiers.append(found)
            elif field == "publisher":
                self.put("publisher", {"type": "organization", "name": content}, name)
            elif field == "language":
                tag, why = dc.language_tag(content)
                if tag is None:
                    self.note(name, content, why or "not a language")
                else:
                    self.data.setdefault("languages", [])
                    if tag not in self.data["languages"]:
                        self.data["languages"].append(tag)
                    self.source.setdefault("languages", name)
            elif field == "abstract":
                self.put("abstracts", [{"value": content}], name)
            elif field == "keywords":
                for part in re.split(r"\s*;\s*", content):
                    if part and {"value": part} not in keywords:
                        keywords.append({"value": part})
            elif field in ("dissertation_institution", "technical_report_institution"):
                self.put("publisher", {"type": "organization", "name": content}, name)
                kind = "thesis" if field.startswith("dissertation") else "report"
            elif field == "conference_title":
                container.setdefault("title", content)
                container["type"] = "proceedings"
                kind = "conference_paper"
            elif field in ("inbook_title", "book_title"):
                container.setdefault("title", content)
                container["type"] = "book"
                kind = "chapter"
            elif field == "pdf_url":
                self.note(name, content, "a file URL; the notice model describes the work, not its files")
            elif field == "reference":
                self.note(name, content, "a cited reference; the notice model has no relation field")
            else:
                self.note(name, content, "a citation_ tag the notice model has no field for")
        if creators:
            self.put("creators", creators, "citation_author")
        if keywords:
            self.put("keywords", keywords, "citation_keywords")
        printed = [i for i in issns if i != container.get("eissn")]
        if printed:
            container["issn"] = printed[0]
            if "eissn" not in container and len(printed) > 1:
                container["eissn"] = printed[1]
        if pages["first"] and pages["last"]:
            container["pages"] = f"{pages['first']}-{pages['last']}"
        elif pages["first"]:
            container["pages"] = pages["first"]
        if container.get("title"):
            self.put("container", container, "citation_journal_title")
        elif container:
            for key, value in container.items():
                if key != "type":
                    self.note(
                        f"citation_{key}",
                        str(value),
                        "identifies the journal, but no citation_journal_title was given",
                    )
        if kind is not None:
            self.put("type", kind, "citation_*")
        if identifiers:
            self.put("identifiers", identifiers, "citation_doi")
        self._dublin_core(dc_seen)
        return self.data

    def _dublin_core(self, seen: dict[str, list[str]]) -> None:
        """``DC.*`` tags (``DC.title``, ``DCTERMS.abstract``…) fill what the citation tags lack."""
        for key, values in seen.items():
            element = f"DC.{key}"
            if key in ("title",):
                self.put("titles", [{"value": v} for v in values], element)
            elif key in ("creator",):
                self.put("creators", [dc.parse_agent(v) for v in values], element)
            elif key == "contributor":
                self.put(
                    "contributors",
                    [{"role": "contributor", "agent": dc.parse_agent(v)} for v in values],
                    element,
                )
            elif key in ("date", "issued", "date.issued"):
                date, why = dc.parse_date(values[0])
                if date is not None:
                    self.put("issued", date, element)
                else:
                    self.note(element, values[0], why or "not a date")
            elif key in ("description", "abstract"):
                self.put("abstracts", [{"value": v} for v in values], element)
            elif key == "subject":
                self.put("keywords", [{"value": v} for v in values], element)
            elif key == "language":
                tags = [t for t in (dc.language_tag(v)[0] for v in values) if t]
                if tags:
                    self.put("languages", list(dict.fromkeys(tags)), element)
            elif key == "publisher":
                self.put("publisher", {"type": "organization", "name": values[0]}, element)
            elif key in ("rights", "license"):
                found = dc.rights(values[0])
                if found.kind == "licence":
                    licence = {k: v for k, v in (("iri", found.iri), ("label", found.label)) if v}
                    self.put("license", licence, element)
            elif key == "identifier":
                parsed: list[ids.Identifier] = []
                for value in values:
                    try:
                        parsed.append(ids.parse(value))
                    except IdentifierError as exc:
                        self.note(element, value, f"not a usable identifier: {exc.problem}")
                self.put("identifiers", parsed, element) if parsed else None
            elif key == "type":
                kind, _ = dc.document_type(values[0])
                if kind:
                    self.put("type", kind, element)
            elif key in ("source", "relation.ispartof"):
                self.put("source", values[0], element)
            else:
                for value in values:
                    self.note(element, value, "a Dublin Core element the notice model has no field for")
            if key in (
                "title",
                "creator",
                "date",
                "description",
                "subject",
                "publisher",
                "identifier",
                "language",
            ):
                for value in values[1:] if key in ("date", "publisher") else ():
                    self.note(element, value, "a second value; the notice holds one")


def _choose_id(data: dict[str, Any], canonical: str | None) -> None:
    """The notice id: a DOI, Handle, ARK, HAL id… of the tags, else the landing page."""
    found: list[ids.Identifier] = list(data.pop("identifiers", []))
    order = (
        ids.Scheme.DOI,
        ids.Scheme.HANDLE,
        ids.Scheme.ARK,
        ids.Scheme.HAL,
        ids.Scheme.NNT,
        ids.Scheme.URN,
    )
    pids = sorted((i for i in found if i.scheme in order), key=lambda i: order.index(i.scheme))
    urls = [i for i in found if i.scheme is ids.Scheme.URL]
    if canonical:
        try:
            page = ids.parse(canonical, ids.Scheme.URL)
            if page not in urls:
                urls.append(page)
            data.setdefault("landing_page", page.value)
        except IdentifierError:
            pass
    chosen = pids[0] if pids else urls[0] if urls else None
    if chosen is not None:
        data["id"] = chosen
    others = [i for i in found + urls if i != chosen and i.scheme not in (ids.Scheme.ISSN,)]
    unique: list[ids.Identifier] = []
    for other in others:
        if other not in unique:
            unique.append(other)
    if unique:
        data["identifiers"] = unique


# -- merging --------------------------------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    def key(value: Any) -> Any:
        if isinstance(value, ids.Identifier):
            return (value.scheme.value, value.value)
        if isinstance(value, dict):
            return {k: key(v) for k, v in value.items() if k != "lang"}
        if isinstance(value, list):
            return [key(v) for v in value]
        if isinstance(value, str):
            return " ".join(value.split()).casefold()
        return value

    return bool(key(a) == key(b))


def _merge(data: dict[str, Any], tags: _Tags, residue: list[ResidueItem]) -> None:
    """JSON-LD first; the tags fill what it lacks; disagreements go to the residue."""
    for key, value in tags.data.items():
        element = tags.source.get(key, key)
        if key == "creators" and key in data:
            _add_identifiers(data[key], value)
        if key not in data and key != "identifiers":
            data[key] = value
            continue
        if key == "identifiers":
            known = {(i.scheme, i.value) for i in data.get("identifiers", [])}
            if isinstance(data.get("id"), ids.Identifier):
                known.add((data["id"].scheme, data["id"].value))
            extra = [i for i in value if (i.scheme, i.value) not in known]
            data["identifiers"] = list(data.get("identifiers", [])) + extra
            continue
        if key == "container" and isinstance(data[key], dict):
            for inner, item in value.items():
                if inner not in data[key]:
                    data[key][inner] = item
                elif not _same(data[key][inner], item) and inner != "type":
                    residue.append(
                        ResidueItem(
                            f"citation_{inner}" if inner != "title" else element,
                            str(item),
                            f"differs from the JSON-LD ({data[key][inner]}); the JSON-LD is kept",
                        )
                    )
            continue
        if key in ("titles", "abstracts", "keywords", "creators"):
            ours = [
                v.get("family", v.get("name", v.get("value"))) if isinstance(v, dict) else v
                for v in data[key]
            ]
            theirs = [
                v.get("family", v.get("name", v.get("value"))) if isinstance(v, dict) else v for v in value
            ]
            if key == "titles":
                if not any(_same(t, ours_t) for t in theirs for ours_t in ours):
                    residue.append(
                        ResidueItem(
                            element,
                            json.dumps(theirs, ensure_ascii=False) if len(theirs) > 1 else str(theirs[0]),
                            "differs from the JSON-LD's title; the JSON-LD is kept",
                        )
                    )
            elif not _same(ours, theirs):
                shown = "; ".join(str(t) for t in theirs)
                residue.append(
                    ResidueItem(element, shown, f"differs from the JSON-LD's {key}; the JSON-LD is kept")
                )
            continue
        if not _same(data[key], value):
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
            residue.append(
                ResidueItem(element, shown, f"differs from the JSON-LD's {key}; the JSON-LD is kept")
            )


def _add_identifiers(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> None:
    """The tags' ORCIDs given to the JSON-LD's people of the same family name (in order)."""
    for agent, other in zip(ours, theirs, strict=False):
        if agent.get("family") and agent.get("family") == other.get("family") and other.get("identifiers"):
            known = agent.setdefault("identifiers", [])
            for identifier in other["identifiers"]:
                if identifier not in known:
                    known.append(identifier)


def _matches(data: dict[str, Any], tags: dict[str, Any]) -> bool:
    """Whether the tags describe this JSON-LD work (same DOI or same title)."""
    ours = [data.get("id"), *data.get("identifiers", [])]
    theirs = list(tags.get("identifiers", []))
    if any(isinstance(i, ids.Identifier) and i.scheme is ids.Scheme.DOI and i in ours for i in theirs):
        return True
    titles = [t["value"] for t in data.get("titles", [])]
    return any(_same(t["value"], ours_t) for t in tags.get("titles", []) for ours_t in titles)


def read_html(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read the works an HTML landing page describes (its JSON-LD, its ``citation_*`` and ``DC.*`` tags)."""
    limit = options.max_record_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        size = len(data)
        while chunk := stream.read(1 << 20):
            size += len(chunk)
        yield text.long_record_error(name, size, limit)
        return
    wide = text.wide_encoding(data[:4])
    if wide is not None:
        yield text.encoding_error(name, wide)
        return
    if not data.strip():
        return
    meta = page_metadata(data)
    mapped: list[tuple[dict[str, Any], list[ResidueItem], str]] = []
    for position, block in enumerate(meta.json_ld):
        where = f"{name} (ld+json block {position + 1})"
        try:
            document = json.loads(block)
        except (ValueError, RecursionError) as exc:
            yield RecordError(
                record=where,
                problem=f"not valid JSON ({exc})",
                fix="the page must correct its JSON-LD; the rest of the page was read",
            )
            continue
        found, _ = works(document, where)
        for work in found:
            label = work.position
            try:
                work_data, residue = map_work(work, options.minter)
            except RecordError as err:
                yield err if err.record else err.with_context(record=label)
                continue
            except (ValueError, TypeError, KeyError, RecursionError) as exc:
                yield RecordError(
                    record=label,
                    problem=f"the work could not be read ({type(exc).__name__}: {exc})",
                    fix="check the page's JSON-LD",
                )
                continue
            mapped.append((work_data, residue, label))
    tags = _Tags(meta.meta)
    tag_data = tags.build()
    if tag_data:
        target = next(
            (m for m in mapped if _matches(m[0], tag_data)), mapped[0] if len(mapped) == 1 else None
        )
        if target is not None:
            target[1].extend(tags.residue)
            _merge(target[0], tags, target[1])
        else:
            _choose_id(tag_data, meta.canonical)
            if "id" not in tag_data and options.minter is not None and meta.canonical:
                tag_data["id"] = ids.Identifier(ids.Scheme.HANDLE, options.minter.mint(meta.canonical))
            mapped.append((tag_data, tags.residue, f"{name} (meta tags)"))
    if not mapped:
        yield RecordError(
            record=name,
            problem="the page has no scholarly metadata: no application/ld+json work, "
            "no citation_* or DC.* <meta> tags",
            fix="give the landing page itself (not a search or home page); "
            "notice_ld reads its embedded metadata",
        )
        return
    for work_data, residue, label in mapped:
        if "id" not in work_data:
            yield RecordError(
                record=label,
                field="citation_doi",
                problem="the page gives no identifier for its work "
                "(citation_doi, DC.identifier, a canonical link)",
                fix="pass a Handle prefix (--prefix) to mint one, or read a page that gives its DOI",
            )
            continue
        if "titles" not in work_data:
            yield RecordError(
                record=label,
                field="citation_title",
                problem="the page gives no title for its work",
                fix="check the page",
            )
            continue
        try:
            notice = Notice.from_dict(work_data, record=label)
        except RecordError as err:
            yield err
            continue
        yield notice
        if residue:
            yield Residue(record=str(notice.id), source=label, items=tuple(residue))
