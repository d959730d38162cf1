"""MODS reader: MODS 3.x records — a bare ``<mods>``, a ``<modsCollection>``, OAI-PMH ``mods`` responses.

MODS (``http://www.loc.gov/mods/v3``) is the Library of Congress's bibliographic XML; repositories
(DSpace, Islandora, Fedora, HAL's ``mods`` export…) offer it over OAI-PMH beside ``oai_dc``. The
records of a collection are read one at a time (flat memory) through the same hardened splitter
and OAI-PMH envelope code as ``oai_dc`` (:mod:`notice_ld.readers.oai`); this module is only the
mapping of one ``<mods>`` element, :func:`map_mods`. Every element is mapped or listed in the
residue with the reason (the table is in ``docs/readers.md``).

>>> import io
>>> from notice_ld.readers import InputFormat, read
>>> doc = b'''<mods xmlns="http://www.loc.gov/mods/v3" version="3.7">
...  <titleInfo><nonSort>The </nonSort><title>social life</title><subTitle>a study</subTitle></titleInfo>
...  <titleInfo type="translated" lang="fre"><title>La vie sociale</title></titleInfo>
...  <name type="personal"><namePart type="family">Jouet</namePart><namePart type="given">Emma</namePart>
...   <nameIdentifier type="orcid">0000-0002-1825-0097</nameIdentifier>
...   <role><roleTerm type="code" authority="marcrelator">aut</roleTerm></role></name>
...  <name type="personal"><displayForm>Durand, Paul</displayForm>
...   <role><roleTerm type="code" authority="marcrelator">ths</roleTerm></role></name>
...  <genre authority="marcgt">thesis</genre>
...  <originInfo><dateIssued encoding="w3cdtf" keyDate="yes">2019-05</dateIssued></originInfo>
...  <language><languageTerm type="code" authority="iso639-2b">eng</languageTerm></language>
...  <identifier type="doi">10.1234/abc</identifier>
...  <physicalDescription><extent>320 p.</extent></physicalDescription>
... </mods>'''
>>> notice, residue = read(io.BytesIO(doc), InputFormat.MODS)
>>> [t.value for t in notice.titles], notice.type.value, notice.issued, notice.languages
(['The social life: a study', 'La vie sociale'], 'thesis', '2019-05', ('en',))
>>> notice.creators[0].identifiers[0].value, notice.contributors[0].role.value
('0000-0002-1825-0097', 'thesis_advisor')
>>> [(i.element, i.value) for i in residue.items]
[('mods:physicalDescription/extent', '320 p.')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError
from notice_ld.model import RelationType
from notice_ld.readers import dc
from notice_ld.readers.oai import Header, Mapped, byte_chunks, read_records
from notice_ld.readers.outcomes import ResidueItem
from notice_ld.vocabulary import XML

if TYPE_CHECKING:
    from lxml import etree

    from notice_ld.identifiers.registry import Minter
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["MODS_NS", "map_mods", "read_mods"]

MODS_NS: Final = "http://www.loc.gov/mods/v3"
_XLINK_HREF: Final = "{http://www.w3.org/1999/xlink}href"
# relatedItem types naming another resource, and their relation types (as the LoC MODS to
# qualified DC mapping: otherVersion isVersionOf, otherFormat isFormatOf, constituent hasPart…)
_RELATED_TYPES: Final[Mapping[str, RelationType]] = {
    "otherVersion": RelationType.IS_VERSION_OF,
    "otherFormat": RelationType.IS_FORMAT_OF,
    "constituent": RelationType.HAS_PART,
    "references": RelationType.REFERENCES,
    "isReferencedBy": RelationType.IS_REFERENCED_BY,
    "preceding": RelationType.REPLACES,
    "succeeding": RelationType.IS_REPLACED_BY,
}
_RELATED_ID_TYPES: Final[Mapping[str, str]] = {
    "doi": "doi",
    "hdl": "handle",
    "handle": "handle",
    "ark": "ark",
    "uri": "url",
    "url": "url",
    "urn": "urn",
    "isbn": "isbn",
    "issn": "issn",
    "hal": "hal",
}
_XML_LANG: Final = f"{{{XML.NS}}}lang"

_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.ARK,
    ids.Scheme.HAL,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)
_AGENT_SCHEMES: Final = frozenset({ids.Scheme.ORCID, ids.Scheme.IDREF, ids.Scheme.ISNI, ids.Scheme.ROR})
# MODS identifier types -> notice_ld scheme names (others are detected from the value)
_ID_TYPES: Final = {
    "doi": "doi",
    "hdl": "handle",
    "handle": "handle",
    "ark": "ark",
    "hal": "hal",
    "nnt": "nnt",
    "urn": "urn",
    "uri": None,
    "url": "url",
    "isbn": "isbn",
    "issn": "issn",
    "eissn": "issn",
    "issn-l": "issn-l",
    "orcid": "orcid",
    "idref": "idref",
    "isni": "isni",
    "ror": "ror",
}
_NO_SCHEME: Final = frozenset({"pmid", "pmcid", "local", "oclc", "lccn", "sici", "isrc", "ismn", "upc"})

# MARC relator codes and role texts -> notice roles ("creator" for the authors)
_RELATORS: Final = {
    "aut": "creator",
    "cre": "creator",
    "ctb": "contributor",
    "contributor": "contributor",
    "author": "creator",
    "creator": "creator",
    "auteur": "creator",
    "edt": "editor",
    "editor": "editor",
    "éditeur scientifique": "editor",
    "ths": "thesis_advisor",
    "thesis advisor": "thesis_advisor",
    "advisor": "thesis_advisor",
    "directeur de thèse": "thesis_advisor",
    "trl": "translator",
    "translator": "translator",
    "traducteur": "translator",
    "pbl": "publisher",
    "publisher": "publisher",
}

# MARC genre terms (marcgt) and other genre labels not in notice_ld.readers.dc's type table
_GENRES: Final = {
    "conference publication": "conference_paper",
    "academic journal": "other",
    "periodical": "other",
    "journal": "other",
    "technical report": "report",
    "festschrift": "book",
    "biography": "book",
    "encyclopedia": "book",
    "handbook": "book",
    "dictionary": "book",
    "article": "article",
    "book chapter": "chapter",
    "bookpart": "chapter",
    "database": "dataset",
    "numeric data": "dataset",
    "dissertation": "thesis",
}
_HOST_GENRES: Final = {
    "journal": "journal",
    "periodical": "journal",
    "academic journal": "journal",
    "series": "series",
    "book": "book",
    "conference publication": "proceedings",
    "proceedings": "proceedings",
}
_DCMI_RESOURCE: Final = {
    "text": "other",
    "software, multimedia": "other",
    "still image": "other",
    "moving image": "other",
    "sound recording": "other",
    "cartographic": "other",
    "mixed material": "other",
    "three dimensional object": "other",
}
_PAGE_UNITS: Final = frozenset({"page", "pages", "pp", "p", "pagination"})
_NUMBER_TYPES: Final = {"volume": "volume", "issue": "issue", "number": "issue", "no": "issue"}
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_COVERAGE_REASON: Final = "a place or period covered; the notice model has no coverage field"


def read_mods(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read MODS: a bare ``<mods>``, a ``<modsCollection>`` (one record at a time) or an OAI-PMH
    ``mods`` response; yields notices (each followed by its residue), deletions, record errors and
    warnings in input order (see :mod:`notice_ld.readers.oai`)."""
    return read_records(byte_chunks(stream), name, options, map_mods)


def map_mods(metadata: etree._Element, header: Header, minter: Minter | None) -> Mapped:
    """Map one ``<mods>`` element to the JSON form of a notice and its residue.

    >>> from lxml import etree
    >>> from notice_ld.readers.oai import Header
    >>> m = etree.fromstring('<mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>T</title>'
    ...     '</titleInfo><identifier type="hdl">10670/1.x</identifier></mods>')
    >>> map_mods(m, Header(None, None), None).data
    {'titles': [{'value': 'T'}], 'id': Identifier(scheme=<Scheme.HANDLE: 'handle'>, value='10670/1.x')}
    """
    local = _local(metadata.tag)
    if local != "mods":
        problem = (
            "the collection holds no <mods> record"
            if local == "modsCollection"
            else f"the metadata is <{local}>, not a MODS record (<mods>)"
        )
        return Mapped(
            {}, [], ("mods", problem, 'give MODS 3 records (<mods xmlns="http://www.loc.gov/mods/v3">)')
        )
    return _Record(header, minter).map(metadata)


# --------------------------------------------------------------------------- helpers


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_mods(element: etree._Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and (tag.startswith(f"{{{MODS_NS}}}") or not tag.startswith("{"))


def _children(element: etree._Element, name: str | None = None) -> list[etree._Element]:
    """The MODS child elements (of ``name``), in order (MODS without a namespace is accepted too)."""
    return [c for c in element if _is_mods(c) and (name is None or _local(c.tag) == name)]


def _text(element: etree._Element | None, *, block: bool = False) -> str:
    if element is None:
        return ""
    raw = element.text or "" if len(element) == 0 else "".join(element.itertext())
    return dc.clean_text(raw, block=block)[0]


def _lang(element: etree._Element) -> str | None:
    given = element.get("lang") or element.get(_XML_LANG)
    if not given:
        return None
    return dc.language_tag(given)[0]


def _texted(value: str, lang: str | None) -> dict[str, str]:
    return {"value": value, "lang": lang} if lang else {"value": value}


@dataclass
class _Record:
    """The mapping of one ``<mods>``: fills ``data`` and ``residue``."""

    header: Header
    minter: Minter | None
    data: dict[str, Any] = field(default_factory=dict)
    residue: list[ResidueItem] = field(default_factory=list)
    pids: list[ids.Identifier] = field(default_factory=list)
    urls: list[ids.Identifier] = field(default_factory=list)
    isbns: list[str] = field(default_factory=list)
    container: dict[str, Any] = field(default_factory=dict)
    issns: list[tuple[str, bool, str]] = field(default_factory=list)
    publishers: list[tuple[str, str]] = field(default_factory=list)
    other_dates: list[tuple[str, str]] = field(default_factory=list)
    genre_label: str | None = None
    related: list[tuple[str, str, RelationType, ids.Identifier]] = field(default_factory=list)

    def note(self, element: str, value: str, reason: str) -> None:
        self.residue.append(ResidueItem(element, value, reason))

    def note_all(self, element: etree._Element, path: str, reason: str) -> None:
        """Every text leaf of ``element`` to the residue, each under its own path."""
        leaves = [e for e in element.iter() if isinstance(e.tag, str) and len(e) == 0]
        for leaf in leaves:
            text = _text(leaf)
            if text:
                sub = path if leaf is element else f"{path}/{_local(leaf.tag)}"
                self.note(sub, text, reason)

    # ------------------------------------------------------------------ the record

    def map(self, mods: etree._Element) -> Mapped:
        handlers = {
            "titleInfo": self._title,
            "name": self._name,
            "genre": self._genre,
            "originInfo": self._origin,
            "language": self._language,
            "abstract": self._abstract,
            "subject": self._subject,
            "classification": self._classification,
            "relatedItem": self._related,
            "identifier": self._identifier,
            "location": self._location,
            "accessCondition": self._access,
            "part": self._part,
        }
        resource_type: str | None = None
        for child in mods:
            if not isinstance(child.tag, str):
                continue
            local = _local(child.tag)
            path = f"mods:{local}"
            if not _is_mods(child):
                self.note_all(
                    child, f"{child.prefix}:{local}" if child.prefix else local, "not a MODS element"
                )
                continue
            if local == "typeOfResource":
                resource_type = resource_type or _text(child).lower() or None
                continue
            handler = handlers.get(local)
            if handler is not None:
                handler(child, path)
            elif local == "physicalDescription":
                self.note_all(
                    child, path, "a physical description; the notice describes the work, not its files"
                )
            elif local == "tableOfContents":
                self.note_all(child, path, "a table of contents; the notice model has no field for it")
            elif local == "note":
                self.note_all(child, path, "a note; the notice model has no note field")
            elif local == "targetAudience":
                self.note_all(child, path, "an audience; the notice model has no audience field")
            elif local == "recordInfo":
                self.note_all(child, path, "about the MODS record, not the document")
            else:
                self.note_all(child, path, "a MODS element with no place in the notice model")
        if "type" not in self.data and resource_type is not None:
            kind = _DCMI_RESOURCE.get(resource_type)
            if kind is not None:
                self.data["type"] = kind
            else:
                self.note(
                    "mods:typeOfResource", resource_type, "a resource type notice_ld does not recognise"
                )
        if self.genre_label is not None:
            self.data["type_label"] = self.genre_label
        self._dates()
        problem = self._identifiers()
        if problem is not None:
            return Mapped(self.data, self.residue, ("mods:identifier", *problem))
        self._relations()
        return Mapped(self.data, self.residue)

    # ------------------------------------------------------------------ titles, names, types

    def _title(self, element: etree._Element, path: str) -> None:
        kind = (element.get("type") or "").strip()
        parts: dict[str, str] = {}
        for child in _children(element):
            local = _local(child.tag)
            text = _text(child)
            if not text:
                continue
            if local in ("title", "subTitle", "partNumber", "partName") and local not in parts:
                parts[local] = text
            elif local == "nonSort":
                parts["nonSort"] = (child.text or "").lstrip()
            else:
                self.note(f"{path}/{local}", text, "a second or unknown title part")
        if "title" not in parts:
            for key, text in parts.items():
                self.note(f"{path}/{key}", text, "a title part without its title")
            return
        title = parts["title"]
        if "nonSort" in parts:
            lead = parts["nonSort"]
            title = lead + title if lead.endswith((" ", "'", "’", "-")) else f"{lead} {title}"
        if "subTitle" in parts:
            title = f"{title}: {parts['subTitle']}"
        for key in ("partNumber", "partName"):
            if key in parts:
                title = f"{title}. {parts[key]}"
        title = " ".join(title.split())
        if kind in ("abbreviated", "uniform"):
            self.note(path, title, f"an {kind} title; the notice keeps the title and its translations")
            return
        titles = self.data.setdefault("titles", [])
        entry = _texted(title, _lang(element))
        if entry not in titles:
            titles.append(entry)

    def _name(self, element: etree._Element, path: str) -> None:
        kind = (element.get("type") or "").strip().lower()
        given: list[str] = []
        family: list[str] = []
        plain: list[str] = []
        display = ""
        roles: list[str] = []
        identifiers: list[tuple[str, str] | None] = []
        for child in _children(element):
            local = _local(child.tag)
            text = _text(child)
            if local == "namePart" and text:
                part = (child.get("type") or "").strip()
                if part == "given":
                    given.append(text)
                elif part == "family":
                    family.append(text)
                elif part in ("date", "termsOfAddress"):
                    self.note(f"{path}/namePart[@type={part}]", text, "the notice keeps names only")
                else:
                    plain.append(text)
            elif local == "displayForm" and text:
                display = display or text
            elif local == "role":
                for term in _children(child, "roleTerm"):
                    value = _text(term).lower().rstrip(".")
                    if value:
                        roles.append(value)
            elif local == "nameIdentifier" and text:
                identifiers.append(self._agent_identifier(child, text, f"{path}/nameIdentifier"))
            elif local == "affiliation" and text:
                self.note(
                    f"{path}/affiliation", text, "an affiliation; the notice model has no affiliation field"
                )
            elif text:
                self.note(f"{path}/{local}", text, "not kept for a name")
        uri = element.get("valueURI")
        if uri:
            identifiers.append(self._agent_identifier(element, uri, f"{path}/@valueURI"))
        ids_kept = [i for i in identifiers if i is not None]
        if kind == "conference":
            name = display or ". ".join(plain + family + given)
            if name:
                self.note(path, name, "a conference; the notice model has no event field")
            return
        agent: dict[str, Any]
        if kind in ("corporate", "family"):
            name = ". ".join(plain) or display or " ".join(family + given)
            if not name:
                return
            agent = {"type": "organization", "name": name}
            ids_kept = [i for i in ids_kept if i[0] in ("ror", "isni", "idref")]
        elif family or given:
            agent = {"type": "person", "family": " ".join(family)} if family else {"type": "person"}
            if given:
                agent["given"] = " ".join(given)
            if not family:
                agent = {"type": "person", "name": " ".join(given)}
        else:
            name = display or ", ".join(plain)
            if not name:
                return
            agent = dc.parse_agent(name, default="organization" if kind == "corporate" else "person")
            if kind == "personal" and agent["type"] != "person":
                agent = {"type": "person", "name": name}
        if agent["type"] == "person":
            ids_kept = [i for i in ids_kept if i[0] in ("orcid", "idref", "isni")]
        if ids_kept:
            agent["identifiers"] = [
                {"scheme": scheme, "value": value} for scheme, value in dict.fromkeys(ids_kept)
            ]
        if not agent.get("identifiers"):
            agent.pop("identifiers", None)
        role = _role(roles)
        if role == "publisher":
            self.publishers.append((path, _display(agent)))
        elif role == "creator":
            self.data.setdefault("creators", []).append(agent)
        else:
            self.data.setdefault("contributors", []).append({"role": role, "agent": agent})
            unknown = [r for r in roles if r not in _RELATORS and dc.agent_role(r) is None]
            if role == "contributor" and unknown:
                self.note(
                    f"{path}/role",
                    ", ".join(unknown),
                    "a role the notice model has no name for; kept as a contributor",
                )

    def _agent_identifier(self, element: etree._Element, text: str, path: str) -> tuple[str, str] | None:
        """``(scheme, value)`` of an ORCID/IdRef/ISNI/ROR given for a name; else ``None`` and a note."""
        kind = (element.get("type") or element.get("authority") or "").strip().lower()
        scheme = kind if kind in ("orcid", "idref", "isni", "ror") else None
        try:
            found = ids.parse(text, scheme)
        except IdentifierError as exc:
            self.note(path, text, f"not a usable identifier for a name: {exc.problem}")
            return None
        if found.scheme not in _AGENT_SCHEMES:
            self.note(path, text, f"{found.scheme.a_label} does not identify a person or an organisation")
            return None
        return found.scheme.value, found.value

    def _genre(self, element: etree._Element, path: str) -> None:
        text = _text(element)
        uri = element.get("valueURI") or ""
        if not text and not uri:
            return
        kind: str | None = None
        for candidate in (uri, text):
            if candidate:
                kind = dc.document_type(candidate)[0] or _GENRES.get(candidate.lower())
                if kind is not None:
                    break
        if kind is None:
            self.note(path, text or uri, "a genre notice_ld does not recognise as a document type")
            if self.genre_label is None and text and not text.startswith(("info:", "http")):
                self.genre_label = text
            return
        if "type" not in self.data or (self.data["type"] == "other" and kind != "other"):
            self.data["type"] = kind
            if text and not text.startswith(("info:", "http")):
                self.genre_label = self.genre_label or text
        elif kind not in (self.data["type"], "other"):
            self.note(path, text or uri, f"a second type; the notice has one ({self.data['type']})")

    # ------------------------------------------------------------------ dates, publisher, languages

    def _origin(self, element: etree._Element, path: str) -> None:
        for child in _children(element):
            local = _local(child.tag)
            text = _text(child)
            if not text and local != "place":
                continue
            sub = f"{path}/{local}"
            if local == "dateIssued":
                point = child.get("point")
                dated = (f"{sub}[@point={point}]" if point else sub, text)
                if child.get("keyDate") == "yes":  # the date to sort and cite by comes first
                    self.other_dates.insert(0, dated)
                else:
                    self.other_dates.append(dated)
            elif local in (
                "dateCreated",
                "copyrightDate",
                "dateCaptured",
                "dateValid",
                "dateModified",
                "dateOther",
            ):
                self.other_dates.append((sub, text))
            elif local == "publisher":
                self.publishers.append((sub, text))
            elif local == "place":
                for term in child.iter():
                    value = _text(term) if len(term) == 0 else ""
                    if value:
                        self.note(
                            f"{sub}/placeTerm", value, "a place of publication; the notice has no place field"
                        )
            elif local == "edition":
                self.note(sub, text, "an edition statement; the notice model has no edition field")
            else:
                self.note(sub, text, "not kept from originInfo")

    def _dates(self) -> None:
        issued: str | None = None
        unusable: list[str] = []
        for sub, text in [d for d in self.other_dates if "/dateIssued" in d[0]]:
            if "@point=end" in sub and issued is not None:
                self.note(sub, text, f"the end of a date range; the notice keeps its start ({issued})")
                continue
            date, note = dc.parse_date(text)
            if date is None:
                self.note(sub, text, note or "not a date")
                unusable.append(text)
            elif issued is None:
                issued = date
                if note:
                    self.note(sub, text, note)
            elif date != issued and not issued.startswith(date):
                self.note(sub, text, f"a second date; the notice holds one (issued {issued})")
        for sub, text in [d for d in self.other_dates if "/dateIssued" not in d[0]]:
            date, note = dc.parse_date(text)
            if (
                issued is None
                and date is not None
                and sub.endswith(("dateCreated", "copyrightDate", "part/date"))
            ):
                issued = date
                why = (
                    f"{', '.join(map(repr, unusable))} is not a usable date"
                    if unusable
                    else "no date of issue"
                )
                self.note(sub, text, f"used as the date of issue ({date}): {why}")
            else:
                self.note(sub, text, "the notice holds only the date of issue")
        if issued is not None:
            self.data["issued"] = issued
        if self.publishers:
            _, name = self.publishers[0]
            self.data["publisher"] = {"type": "organization", "name": name}
            for sub, other in self.publishers[1:]:
                if other != name:
                    self.note(sub, other, f"a second publisher; the notice holds one ({name})")

    def _language(self, element: etree._Element, path: str) -> None:
        for term in _children(element, "languageTerm"):
            text = _text(term)
            if not text:
                continue
            tag, why = dc.language_tag(text)
            if tag is None:
                self.note(f"{path}/languageTerm", text, why or "not a language")
                continue
            languages = self.data.setdefault("languages", [])
            if tag not in languages:
                languages.append(tag)

    def _abstract(self, element: etree._Element, path: str) -> None:
        text = _text(element, block=True)
        if text:
            entry = _texted(text, _lang(element))
            abstracts = self.data.setdefault("abstracts", [])
            if entry not in abstracts:
                abstracts.append(entry)

    # ------------------------------------------------------------------ subjects

    def _subject(self, element: etree._Element, path: str) -> None:
        lang = _lang(element)
        authority = element.get("authority") or element.get("authorityURI")
        uri = element.get("valueURI")
        topics: list[str] = []
        for child in _children(element):
            local = _local(child.tag)
            text = _text(child)
            if local in ("topic", "genre", "occupation") and text:
                topics.append(text)
                authority = authority or child.get("authority")
                uri = uri or child.get("valueURI")
            elif local in (
                "geographic",
                "temporal",
                "hierarchicalGeographic",
                "cartographics",
                "geographicCode",
            ):
                self.note_all(child, f"{path}/{local}", _COVERAGE_REASON)
            elif local in ("name", "titleInfo"):
                self.note_all(
                    child, f"{path}/{local}", "a person, body or work as a subject; kept only as residue"
                )
            elif text:
                self.note(f"{path}/{local}", text, "not kept from a subject")
        if not topics:
            return
        if uri and _URL.match(uri):
            concept: dict[str, Any] = {"iri": uri, "labels": [_texted(" -- ".join(topics), lang)]}
            self.data.setdefault("subjects", []).append(concept)
        elif authority and authority.lower() not in ("keywords", "keyword", "local"):
            self.data.setdefault("subjects", []).append({"labels": [_texted(" -- ".join(topics), lang)]})
        else:
            keywords = self.data.setdefault("keywords", [])
            for topic in topics:
                entry = _texted(topic, lang)
                if entry not in keywords:
                    keywords.append(entry)

    def _classification(self, element: etree._Element, path: str) -> None:
        text = _text(element)
        if not text:
            return
        hal = re.match(r"^\[([A-Za-z][A-Za-z0-9_.-]*)\]\s*(.+)$", text)
        if hal:
            code = hal.group(1).lower()
            self.data.setdefault("disciplines", []).append(
                {
                    "iri": f"http://aurehal.archives-ouvertes.fr/subject/{code}",
                    "notation": code,
                    "labels": [{"value": hal.group(2).strip()}],
                }
            )
            return
        self.data.setdefault("subjects", []).append({"notation": text, "labels": [{"value": text}]})

    # ------------------------------------------------------------------ container, relations

    def _related(self, element: etree._Element, path: str) -> None:
        kind = (element.get("type") or "").strip()
        if kind == "host" or (kind == "series" and not self.container.get("title")):
            self._host(element, f"{path}[@type={kind}]", kind)
            return
        described = [t for t in (_text(c) for c in _children(element, "titleInfo")) if t] + [
            _text(c) for c in _children(element, "identifier") if _text(c)
        ]
        href = element.get(_XLINK_HREF)
        value = " ; ".join(described) or href or ""
        where = f"{path}[@type={kind}]" if kind else path
        relation = _RELATED_TYPES.get(kind)
        if relation is not None:
            candidates: list[tuple[str | None, str | None]] = [(None, href)]
            for child in _children(element, "identifier"):
                kind_of = (child.get("type") or "").strip().lower()
                if not kind_of or kind_of in _RELATED_ID_TYPES:  # a PMID is never guessed from digits
                    candidates.append((_RELATED_ID_TYPES.get(kind_of), _text(child)))
            for scheme, candidate in candidates:
                try:
                    target = ids.parse(candidate, scheme) if candidate else None
                except IdentifierError:
                    continue
                if target is not None and target.scheme not in _AGENT_SCHEMES:
                    self.related.append((where, candidate or "", relation, target))
                    return
        if value:
            term = f" ({kind})" if kind else ""
            reason = (
                f"a related resource{term} not named by an identifier or URL"
                if relation is not None
                else f"a related resource{term}; the notice model has no relation type for it"
            )
            self.note(where, value, reason)

    def _relations(self) -> None:
        """The related items named by an identifier or URL, but not the record's own."""
        own = {
            i.iri
            for i in (self.data.get("id"), *self.data.get("identifiers", ()))
            if isinstance(i, ids.Identifier)
        }
        relations = []
        for where, value, relation, target in self.related:
            if target.iri in own:
                self.note(where, value, "the record's own identifier, not a related resource")
            else:
                relations.append({"type": relation.value, "identifier": target})
        if relations:
            self.data["relations"] = relations

    def _host(self, element: etree._Element, path: str, kind: str) -> None:
        container = self.container
        if kind == "series":
            container.setdefault("type", "series")
        for child in _children(element):
            local = _local(child.tag)
            sub = f"{path}/{local}"
            if local == "titleInfo":
                if (child.get("type") or "") in ("abbreviated", "translated", "alternative", "uniform"):
                    self.note_all(child, sub, "another title of the journal; the notice keeps one")
                    continue
                title = _text(_children(child, "title")[0]) if _children(child, "title") else ""
                if title and "title" not in container:
                    container["title"] = title
                elif title:
                    self.note(sub, title, "a second title of the journal")
            elif local == "identifier":
                text = _text(child)
                id_type = (child.get("type") or "").lower()
                if not text:
                    continue
                if id_type in ("issn", "eissn", "issn-l", "pissn") or (
                    not id_type and re.match(r"^\d{4}-?\d{3}[\dXx]$", text)
                ):
                    try:
                        found = ids.parse(text, "issn-l" if id_type == "issn-l" else "issn")
                    except IdentifierError as exc:
                        self.note(sub, text, f"not a usable ISSN: {exc.problem}")
                        continue
                    if id_type == "issn-l":
                        container.setdefault("issn_l", found.value)
                    elif found.value not in [i for i, _, _ in self.issns]:
                        self.issns.append((found.value, id_type == "eissn", sub))
                elif id_type == "isbn":
                    try:
                        container.setdefault("isbn", ids.parse(text, "isbn").value)
                        container.setdefault("type", "book")
                    except IdentifierError as exc:
                        self.note(sub, text, f"not a usable ISBN: {exc.problem}")
                elif _URL.match(text) and "iri" not in container:
                    container["iri"] = text
                else:
                    self.note(sub, text, "an identifier of the journal or book the notice does not hold")
            elif local == "genre":
                genre = _HOST_GENRES.get(_text(child).lower())
                if genre:
                    container.setdefault("type", genre)
            elif local == "part":
                self._part(child, sub)
            elif local == "originInfo":
                for inner in _children(child):
                    text = _text(inner)
                    if _local(inner.tag) == "publisher" and text:
                        self.publishers.append((f"{sub}/publisher", text))
                    elif text:
                        self.note(f"{sub}/{_local(inner.tag)}", text, "about the journal; not kept")
            elif local == "location":
                for url in _children(child, "url"):
                    text = _text(url)
                    if text and _URL.match(text) and "iri" not in container:
                        container["iri"] = text
            else:
                self.note_all(
                    child, sub, "about the journal or book; the notice keeps its title, ISSNs and numbering"
                )

    def _part(self, element: etree._Element, path: str) -> None:
        container = self.container
        for child in _children(element):
            local = _local(child.tag)
            sub = f"{path}/{local}"
            if local == "detail":
                kind = _NUMBER_TYPES.get((child.get("type") or "").lower())
                number = _text(_children(child, "number")[0]) if _children(child, "number") else _text(child)
                if kind and number:
                    if kind in container and container[kind] != number:
                        self.note(sub, number, f"a second {kind}; the notice holds one")
                    container.setdefault(kind, number)
                elif number:
                    self.note(
                        f"{sub}[@type={child.get('type') or ''}]",
                        number,
                        "a numbering the notice model has no field for",
                    )
            elif local == "extent":
                unit = (child.get("unit") or "").lower().rstrip(".")
                start = _text(_children(child, "start")[0]) if _children(child, "start") else ""
                end = _text(_children(child, "end")[0]) if _children(child, "end") else ""
                listed = _text(_children(child, "list")[0]) if _children(child, "list") else ""
                total = _text(_children(child, "total")[0]) if _children(child, "total") else ""
                if unit in _PAGE_UNITS or not unit:
                    pages = f"{start}-{end}" if start and end and start != end else start or listed
                    if pages:
                        container.setdefault("pages", pages)
                    if total:
                        self.note(f"{sub}/total", total, "a page count; the notice holds the page range")
                else:
                    self.note_all(child, sub, f"an extent in {unit}; the notice holds page ranges")
            elif local == "date":
                text = _text(child)
                if text:
                    self.other_dates.append((sub, text))
            else:
                self.note_all(child, sub, "not kept from the numbering")

    # ------------------------------------------------------------------ identifiers, access

    def _identifier(self, element: etree._Element, path: str) -> None:
        text = _text(element)
        if not text:
            return
        id_type = (element.get("type") or "").strip().lower()
        where = f"{path}[@type={id_type}]" if id_type else path
        if element.get("invalid") == "yes":
            self.note(where, text, "marked invalid by the record")
            return
        if id_type in _NO_SCHEME:
            self.note(where, text, f"a {id_type} identifier; notice_ld has no scheme for it")
            return
        if text == self.header.identifier:
            return
        scheme = _ID_TYPES.get(id_type) if id_type in _ID_TYPES else None
        try:
            found = ids.parse(text, scheme)
        except IdentifierError as exc:
            self.note(where, text, f"not a usable identifier: {exc.problem}")
            return
        if found.scheme in _AGENT_SCHEMES:
            self.note(
                where,
                text,
                f"{found.scheme.a_label} identifies a person or an organisation, not the document",
            )
            return
        if found.scheme in (ids.Scheme.ISSN, ids.Scheme.ISSN_L):
            if found.value not in [i for i, _, _ in self.issns]:
                self.issns.append((found.value, id_type == "eissn", where))
        elif found.scheme is ids.Scheme.ISBN:
            if found.value not in self.isbns:
                self.isbns.append(found.value)
        elif found.scheme is ids.Scheme.URL:
            if found not in self.urls:
                self.urls.append(found)
        else:
            if found.scheme is ids.Scheme.HAL and _URL.match(text):
                page = ids.Identifier(ids.Scheme.URL, text)  # the repository's page for the HAL id
                if page not in self.urls:
                    self.urls.append(page)
            if found not in self.pids:
                self.pids.append(found)

    def _location(self, element: etree._Element, path: str) -> None:
        for child in _children(element):
            local = _local(child.tag)
            text = _text(child)
            if local == "url" and text:
                try:
                    found = ids.parse(text, ids.Scheme.URL)
                except IdentifierError as exc:
                    self.note(f"{path}/url", text, f"not a usable URL: {exc.problem}")
                    continue
                primary = (child.get("usage") or "").startswith("primary") or child.get(
                    "access"
                ) == "object in context"
                if found in self.urls:
                    continue
                if primary:
                    self.urls.insert(0, found)
                else:
                    self.urls.append(found)
            elif text or len(child):
                self.note_all(
                    child, f"{path}/{local}", "where a copy is held; the notice model has no holdings field"
                )

    def _access(self, element: etree._Element, path: str) -> None:
        text = _text(element)
        href = element.get(_XLINK_HREF) or ""
        kind = (element.get("type") or "").strip().lower()
        where = f"{path}[@type={kind}]" if kind else path
        for value in (href, text):
            if not value:
                continue
            access = dc.access_rights(value)
            if access is not None:
                if "access_rights" not in self.data:
                    self.data["access_rights"] = access
                elif self.data["access_rights"] != access:
                    self.note(
                        where,
                        value,
                        f"a second access status; the notice holds one ({self.data['access_rights']})",
                    )
                continue
            found = dc.rights(value)
            if found.kind == "access" or kind in ("restriction on access", "restrictiononaccess"):
                self.note(
                    where, value, "a condition of access in words; the notice holds an access status only"
                )
                continue
            licence = self.data.get("license")
            if licence is None:
                licence = self.data["license"] = {}
                if found.iri:
                    licence["iri"] = found.iri
                if found.label:
                    licence["label"] = found.label
            elif found.iri is None or licence.get("iri") in (None, found.iri):
                # the same licence told twice (a link and its label): each completes the other
                if found.iri:
                    licence.setdefault("iri", found.iri)
                if found.label and licence.setdefault("label", found.label) != found.label:
                    self.note(
                        where, value, f"a second licence label; the notice holds one ({licence['label']})"
                    )
            else:
                self.note(where, value, f"a second licence; the notice holds one ({licence['iri']})")

    def _identifiers(self) -> tuple[str, str] | None:
        data = self.data
        pids = sorted(
            self.pids, key=lambda i: _PID_ORDER.index(i.scheme) if i.scheme in _PID_ORDER else len(_PID_ORDER)
        )
        urls = self.urls
        if urls:
            data["landing_page"] = urls[0].value
        others: list[Any]
        if pids:
            data["id"] = pids[0]
            others = pids[1:] + urls
        elif self.minter is not None and self.header.identifier:
            data["id"] = ids.Identifier(ids.Scheme.HANDLE, self.minter.mint(self.header.identifier))
            others = list(urls)
        elif urls:
            data["id"] = urls[0]
            others = urls[1:]
        else:
            fix = (
                "pass a Handle prefix (--prefix) to mint one from the OAI identifier"
                if self.header.identifier
                else "give the record a DOI, Handle or URL in <identifier> or <location><url>"
            )
            return "the record has no usable identifier (DOI, Handle, ARK, HAL id, NNT, URN or URL)", fix
        container = self.container
        if self.isbns:
            if data.get("type") == "chapter" and "isbn" not in container:
                container["isbn"] = self.isbns[0]
                container.setdefault("type", "book")
                others += [ids.Identifier(ids.Scheme.ISBN, v) for v in self.isbns[1:]]
            else:
                others += [ids.Identifier(ids.Scheme.ISBN, v) for v in self.isbns]
        printed = [i for i, e, _ in self.issns if not e]
        electronic = [i for i, e, _ in self.issns if e]
        if printed:
            container["issn"] = printed.pop(0)
        if electronic or printed:
            container["eissn"] = (electronic or printed).pop(0)
        where = {i: w for i, _, w in self.issns}
        for extra in electronic + printed:
            self.note(where[extra], extra, "a third ISSN; the journal holds an ISSN and an e-ISSN")
        if container:
            if "title" in container:
                data["container"] = container
            else:
                for key, value in container.items():
                    if key != "type":
                        self.note(
                            "mods:relatedItem[@type=host]",
                            str(value),
                            f"the journal's {key}, but the journal has no title",
                        )
        if others:
            data["identifiers"] = others
        return None


def _display(agent: dict[str, Any]) -> str:
    """The display name of an agent's JSON form (``given family``, or ``name``)."""
    if "name" in agent:
        return str(agent["name"])
    return " ".join(p for p in (agent.get("given"), agent.get("family")) if p)


def _role(roles: list[str]) -> str:
    """The notice role for a name's MARC relator codes or role texts (no role: an author)."""
    if not roles:
        return "creator"
    found = [_RELATORS[r] for r in roles if r in _RELATORS]
    if not found:
        guessed = [dc.agent_role(r) for r in roles]
        found = [g for g in guessed if g]
    if not found:
        return "contributor"
    for preferred in ("creator", "thesis_advisor", "editor", "translator", "publisher"):
        if preferred in found:
            return preferred
    return found[0]
