"""HAL API JSON reader: the search API's documents (``api.archives-ouvertes.fr/search/?wt=json``).

Reads a search response (``{"response": {"docs": [...]}}``, any ``fl``, ``fl=*`` included), a JSON
array of documents, or JSON Lines of documents or of responses (gzip-compressed or not); each
document is isolated (:mod:`notice_ld.readers.jsonrecords`). A document's fields are either
mapped into the notice by the rules of ``docs/readers.md``, listed in the residue with the reason,
or — HAL's derived and bookkeeping fields (facets ``*_fs``, dates split into ``*Y_i``, renderings
``label_bibtex``, internal numbers ``*_i``…) — read without a word.

Authors come from HAL's parallel lists (``authFirstName_s``, ``authLastName_s``,
``authFullName_s``, ``authQuality_s``), in order. HAL lists an ORCID, IdRef or idHAL only for the
authors who have one (``authORCIDIdExt_s`` is not parallel to the authors), so such an identifier
is given to an author only when it cannot be anybody else's: idHALs through HAL's aligned
``authFullNameIdHal_fs``, the others when every author has one (or there is one author); else it
goes to the residue, never to the wrong person.

>>> import io, json
>>> response = {"response": {"numFound": 1, "docs": [{
...     "halId_s": "hal-01956501", "docType_s": "REPORT", "uri_s": "https://hal.science/hal-01956501v6",
...     "title_s": ["The Living Review on Automated Program Repair"],
...     "en_title_s": ["The Living Review on Automated Program Repair"],
...     "authFirstName_s": ["Martin"], "authLastName_s": ["Monperrus"],
...     "authFullName_s": ["Martin Monperrus"], "authORCIDIdExt_s": ["0000-0003-3505-3383"],
...     "publicationDate_s": "2018", "language_s": ["en"], "domainAllCode_s": ["info.info-se"],
...     "structName_s": ["KTH Royal Institute of Technology [Stockholm]"]}]}}
>>> from notice_ld.readers import ReaderOptions
>>> notice, residue = read_hal(io.BytesIO(json.dumps(response).encode()), "h.json", ReaderOptions())
>>> notice.id.value, notice.type.value, notice.titles[0].lang, notice.disciplines[0].notation
('hal-01956501', 'report', 'en', 'info.info-se')
>>> notice.creators[0].family, notice.creators[0].identifiers[0].iri
('Monperrus', 'https://orcid.org/0000-0003-3505-3383')
>>> [(i.element, i.reason[:26]) for i in residue.items]
[('structName_s[0]', 'a research structure (labo')]
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import ContainerType, DocumentType, Role
from notice_ld.readers import dc
from notice_ld.readers.jsonrecords import NotRecords, Unwrapped, as_list, json_records, scalar_text
from notice_ld.readers.oai import Mapped, mapped_outcomes
from notice_ld.readers.outcomes import ResidueItem

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["DOC_TYPES", "map_hal", "read_hal"]

DOC_TYPES: Final[Mapping[str, tuple[DocumentType, str]]] = {
    # docType_s -> (type, HAL's English label)
    "ART": (DocumentType.ARTICLE, "Journal article"),
    "COMM": (DocumentType.CONFERENCE_PAPER, "Conference paper"),
    "POSTER": (DocumentType.CONFERENCE_PAPER, "Poster"),
    "PRESCONF": (DocumentType.CONFERENCE_PAPER, "Conference presentation"),
    "PROCEEDINGS": (DocumentType.BOOK, "Proceedings"),
    "DOUV": (DocumentType.BOOK, "Book (editor)"),
    "ISSUE": (DocumentType.OTHER, "Special issue"),
    "OUV": (DocumentType.BOOK, "Book"),
    "COUV": (DocumentType.CHAPTER, "Book chapter"),
    "BLOG": (DocumentType.OTHER, "Scientific blog post"),
    "NOTICE": (DocumentType.OTHER, "Dictionary entry"),
    "TRAD": (DocumentType.OTHER, "Translation"),
    "PATENT": (DocumentType.OTHER, "Patent"),
    "OTHER": (DocumentType.OTHER, "Other publication"),
    "UNDEFINED": (DocumentType.WORKING_PAPER, "Preprint, working paper"),
    "PREPRINT": (DocumentType.WORKING_PAPER, "Preprint"),
    "WORKINGPAPER": (DocumentType.WORKING_PAPER, "Working paper"),
    "REPORT": (DocumentType.REPORT, "Report"),
    "CREPORT": (DocumentType.REPORT, "Report chapter"),
    "REPACT": (DocumentType.REPORT, "Activity report"),
    "OTHERREPORT": (DocumentType.REPORT, "Other report"),
    "SYNTHESE": (DocumentType.REPORT, "Synthesis note"),
    "THESE": (DocumentType.THESIS, "Thesis"),
    "HDR": (DocumentType.THESIS, "Habilitation (HDR)"),
    "ETABTHESE": (DocumentType.THESIS, "Thesis (institution)"),
    "MEM": (DocumentType.THESIS, "Student thesis"),
    "MEMLIC": (DocumentType.THESIS, "Student thesis"),
    "LECTURE": (DocumentType.OTHER, "Lecture"),
    "IMG": (DocumentType.OTHER, "Image"),
    "PHOTO": (DocumentType.OTHER, "Photograph"),
    "DRAWING": (DocumentType.OTHER, "Drawing"),
    "ILLUSTRATION": (DocumentType.OTHER, "Illustration"),
    "GRAPHICS": (DocumentType.OTHER, "Graphics"),
    "VIDEO": (DocumentType.OTHER, "Video"),
    "SON": (DocumentType.OTHER, "Audio"),
    "MAP": (DocumentType.OTHER, "Map"),
    "SOFTWARE": (DocumentType.OTHER, "Software"),
    "DATA": (DocumentType.DATASET, "Dataset"),
}
"""HAL's document types (``docType_s``) and the notice type of each, with HAL's English label."""

_CREATOR_QUALITIES: Final = frozenset({"aut", "crp", "co_first_author", "co_last_author"})
_QUALITY_ROLES: Final[Mapping[str, Role]] = {"edt": Role.EDITOR, "trl": Role.TRANSLATOR}
_AURE_HAL: Final = "http://aurehal.archives-ouvertes.fr/subject/"
_HAL_CV: Final = "https://cv.hal.science/"
_LANG_FIELD: Final = re.compile(r"^([a-z]{2,3})_(title|subTitle|abstract|keyword)_s$")
_LEVEL: Final = re.compile(r"^\d+\.")
_DOMAIN: Final = re.compile(r"^[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$")
_FACET_SEP: Final = "_FacetSep_"
_NOT_ALIGNED: Final = (
    "HAL lists {what} only for the authors who have one, without saying whose: "
    "it cannot be given to one author for sure"
)

# fields mapped by name (the language variants of titles, abstracts and keywords by _LANG_FIELD)
_MAPPED: Final = frozenset(
    {
        "halId_s", "doiId_s", "nntId_s", "isbn_s", "uri_s", "docType_s",
        "title_s", "subTitle_s", "abstract_s", "keyword_s",
        "authFirstName_s", "authLastName_s", "authFullName_s", "authQuality_s",
        "authFullNameIdHal_fs", "authIdHal_s", "authORCIDIdExt_s", "authIdRefIdExt_s", "authISNIIdExt_s",
        "domain_s", "domainAllCode_s",
        "journalTitle_s", "journalIssn_s", "journalEissn_s", "journalPublisher_s", "volume_s", "issue_s",
        "page_s", "bookTitle_s", "conferenceTitle_s", "serie_s", "publisher_s",
        "publicationDate_s", "producedDate_s", "language_s", "licence_s", "label_s",
        "director_s", "scientificEditor_s",
    }
)  # fmt: skip
# read without a word: bookkeeping, renderings of the other fields, derived values
_QUIET: Final = frozenset(
    {
        "docid", "citationRef_s", "citationFull_s", "instance_s", "submitType_s", "docSubType_s",
        "oldDocType_s", "primaryDomain_s", "level0_domain_s", "level1_domain_s", "level2_domain_s",
        "level3_domain_s", "fileType_s", "modifiedDate_s", "submittedDate_s", "releasedDate_s",
        "authIDHALIdExt_s", "authLastNameFirstName_s", "authOrganism_s", "authEmailDomain_s",
        "authIdFormPerson_s", "contributorFullName_s", "journalTitleAbbr_s", "journalValid_s",
        "journalSherpaColor_s", "journalSherpaPrePrint_s", "journalSherpaPostPrint_s",
        "journalSherpaPostRest_s", "journalSherpaPreRest_s", "journalSherpaCondition_s",
        "journalDate_s", "journalUrl_s", "_version_", "score", "text", "text_fulltext",
        "collCode_s", "collCategory_s", "thumbId_i",
    }
)  # fmt: skip
_QUIET_SUFFIXES: Final = ("_fs", "_facet", "_sci", "_tdate", "_i", "_l", "_d", "_f", "_t", "_dt")
_QUIET_PREFIXES: Final = (
    "label_", "struct", "labStruct", "deptStruct", "instStruct", "rteamStruct", "rgrpLabStruct",
    "rgrpInstStruct", "contributor", "owners", "coll",
)  # fmt: skip
_RESIDUE: Final = {
    "structName_s": "a research structure (laboratory, institution); the notice model holds no affiliations",
    "collName_s": "a HAL collection of the document; the notice model holds the portal's collection only",
    "openAccess_bool": "not open access; HAL does not say whether closed, restricted or under embargo",
    "linkExtUrl_s": "a link to a copy of the full text; the notice describes the work, not its files",
    "fileMain_s": "a link to the full-text file; the notice describes the work, not its files",
    "files_s": "a link to a file; the notice describes the work, not its files",
    "fileAnnexes_s": "a link to an annex file; the notice describes the work, not its files",
    "pubmedId_s": "a PubMed id; the notice model has no scheme for it",
    "arxivId_s": "an arXiv id; the notice model has no scheme for it",
    "wosId_s": "a Web of Science id; the notice model has no scheme for it",
    "authorityInstitution_s": "the institution that granted the degree; the notice model has no field for it",
    "thesisSchool_s": "the doctoral school; the notice model has no field for it",
    "defenseDate_s": "the date of the defence; the notice holds the date of issue",
    "conferenceStartDate_s": "the date of the conference; the notice holds the date of issue",
    "conferenceEndDate_s": "the date of the conference; the notice holds the date of issue",
    "city_s": "a city (of the conference, of the publisher); the notice model has no field for it",
    "country_s": "a country; the notice model has no coverage field",
    "funding_s": "funding; the notice model has no funding field",
    "anrProjectTitle_s": "funding; the notice model has no funding field",
    "europeanProjectTitle_s": "funding; the notice model has no funding field",
}  # fmt: skip


_parse: Final = functools.lru_cache(maxsize=8192)(ids.parse)
""":func:`notice_ld.identifiers.parse`, remembered (ORCIDs, ISSNs recur; errors are not remembered)."""


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return repr(value)


def _label(text: str, lang: str | None) -> dict[str, str]:
    return {"value": text, "lang": lang} if lang else {"value": text}


def _quiet(key: str) -> bool:
    return key in _QUIET or key.endswith(_QUIET_SUFFIXES) or key.startswith(_QUIET_PREFIXES)


@dataclass
class _Mapping:
    doc: Mapping[str, Any]
    residue: list[ResidueItem] = field(default_factory=list)

    def note(self, element: str, value: Any, reason: str) -> None:
        self.residue.append(ResidueItem(element, _shown(value), reason))

    def texts(self, key: str, *, block: bool = False) -> list[tuple[str, str]]:
        """``(element, clean text)`` for each value of a field (text or a list of texts)."""
        value = self.doc.get(key)
        out: list[tuple[str, str]] = []
        many = isinstance(value, list)
        for i, item in enumerate(as_list(value)):
            element = f"{key}[{i}]" if many else key
            raw = scalar_text(item)
            if raw is None:
                self.note(element, item, "not text where HAL gives text; not read")
                continue
            text, notes = dc.clean_text(raw, block=block)
            for note in notes:
                self.note(element, text, note)
            if text:
                out.append((element, text))
        return out

    def first(self, key: str) -> tuple[str, str] | None:
        found = self.texts(key)
        for element, text in found[1:]:
            if text != found[0][1]:
                self.note(element, text, f"a second value of {key}; the notice holds one")
        return found[0] if found else None

    # ------------------------------------------------------------------ the whole document

    def build(self) -> tuple[dict[str, Any], tuple[str, str, str] | None]:
        notice: dict[str, Any] = {}
        kind = self._type(notice)
        self._texts(notice)
        self._people(notice, kind)
        self._disciplines(notice)
        self._dates(notice)
        self._languages(notice)
        self._rights(notice)
        container = self._container(notice, kind)
        problem = self._identifiers(notice, container, kind)
        self._rest()
        if problem is None and "titles" not in notice:
            problem = ("title_s", "the document has no title", "ask the API for the titles (fl=title_s,...)")
        return notice, problem

    def _type(self, notice: dict[str, Any]) -> DocumentType:
        found = self.first("docType_s")
        if found is None:
            return DocumentType.OTHER
        element, code = found
        known = DOC_TYPES.get(code.upper())
        if known is None:
            self.note(element, code, "a HAL document type notice_ld does not know; the type is 'other'")
            notice["type_label"] = code
            return DocumentType.OTHER
        notice["type"] = known[0].value
        notice["type_label"] = known[1]
        return known[0]

    # ------------------------------------------------------------------ titles, abstracts, keywords

    def _by_language(self, name: str, *, block: bool = False) -> list[tuple[str, str, str | None]]:
        """``(element, text, lang)`` for ``name`` (all languages) and its ``xx_name`` variants: the
        values of ``name`` in order, each with the language of the variant that holds it, then the
        variants' values ``name`` lacks."""
        langs: dict[str, str] = {}
        extra: list[tuple[str, str, str | None]] = []
        variants = sorted(k for k in self.doc if (m := _LANG_FIELD.match(k)) and m.group(2) == name)
        general = self.texts(f"{name}_s", block=block)
        known = {text for _, text in general}
        for key in variants:
            lang, why = dc.language_tag(key.split("_", 1)[0])
            for element, text in self.texts(key, block=block):
                if lang is None:
                    self.note(element, text, f"a field for a language notice_ld does not know ({why})")
                    continue
                langs.setdefault(text, lang)
                if text not in known:
                    extra.append((element, text, lang))
                    known.add(text)
        return [(element, text, langs.get(text)) for element, text in general] + extra

    def _texts(self, notice: dict[str, Any]) -> None:
        titles = [_label(text, lang) for _, text, lang in self._by_language("title")]
        for element, text, lang in self._by_language("subTitle"):
            target = next((t for t in titles if t.get("lang") == lang), titles[0] if titles else None)
            if target is None:
                self.note(element, text, "a subtitle without a title; the notice needs a title")
                continue
            separator = " : " if (target.get("lang") or "").startswith("fr") else ": "
            target["value"] = f"{target['value'].rstrip(' :')}{separator}{text}"
        if titles:
            notice["titles"] = titles
        abstracts = [_label(text, lang) for _, text, lang in self._by_language("abstract", block=True)]
        if abstracts:
            notice["abstracts"] = abstracts
        keywords: list[dict[str, str]] = []
        for _, text, lang in self._by_language("keyword"):
            if _label(text, lang) not in keywords:
                keywords.append(_label(text, lang))
        if keywords:
            notice["keywords"] = keywords

    # ------------------------------------------------------------------ people

    def _aligned(self, key: str, count: int, what: str, scheme: ids.Scheme) -> list[ids.Identifier | None]:
        """The identifiers of ``key`` per author, when they can be given to the authors for sure."""
        values = self.texts(key)
        if not values:
            return [None] * count
        if len(values) != count:
            for element, text in values:
                self.note(element, text, _NOT_ALIGNED.format(what=what))
            return [None] * count
        out: list[ids.Identifier | None] = []
        for element, text in values:
            try:
                out.append(_parse(text, scheme))
            except IdentifierError as exc:
                self.note(element, text, f"not a usable {what}: {exc.problem}")
                out.append(None)
        return out

    def _idhals(self, count: int) -> list[ids.Identifier | None]:
        pairs = self.texts("authFullNameIdHal_fs")
        if len(pairs) == count:
            out: list[ids.Identifier | None] = []
            for element, pair in pairs:
                idhal = pair.split(_FACET_SEP, 1)[1].strip() if _FACET_SEP in pair else ""
                out.append(self._cv(element, idhal) if idhal else None)
            return out
        values = self.texts("authIdHal_s")
        if len(values) == count:
            return [self._cv(element, text) for element, text in values]
        for element, text in values:
            self.note(element, text, _NOT_ALIGNED.format(what="an idHAL"))
        return [None] * count

    def _cv(self, element: str, idhal: str) -> ids.Identifier | None:
        try:
            return _parse(_HAL_CV + idhal, ids.Scheme.URL)
        except IdentifierError as exc:
            self.note(element, idhal, f"not a usable idHAL: {exc.problem}")
            return None

    def _people(self, notice: dict[str, Any], kind: DocumentType) -> None:
        full = self.texts("authFullName_s")
        given = self.texts("authFirstName_s")
        family = self.texts("authLastName_s")
        count = len(full) or len(family)
        creators: list[dict[str, Any]] = []
        contributors: list[dict[str, Any]] = []
        if count:
            qualities = self.texts("authQuality_s")
            if qualities and len(qualities) != count:
                for element, text in qualities:
                    self.note(element, text, "the authors' qualities do not match the authors one for one")
                qualities = []
            columns = [
                self._idhals(count),
                self._aligned("authORCIDIdExt_s", count, "an ORCID", ids.Scheme.ORCID),
                self._aligned("authIdRefIdExt_s", count, "an IdRef", ids.Scheme.IDREF),
                self._aligned("authISNIIdExt_s", count, "an ISNI", ids.Scheme.ISNI),
            ]
            for i in range(count):
                person: dict[str, Any] = {"type": "person"}
                if len(family) == count and family[i][1]:
                    person["family"] = family[i][1]
                    if len(given) == count and given[i][1]:
                        person["given"] = given[i][1]
                elif i < len(full):
                    person = dc.parse_agent(full[i][1], default="person")
                    person.pop("identifiers", None)
                found = [c[i] for c in columns if c[i] is not None]
                if found and person.get("type") == "person":
                    person["identifiers"] = found
                quality = qualities[i][1].lower() if qualities else "aut"
                if quality in _CREATOR_QUALITIES:
                    creators.append(person)
                    continue
                role = _QUALITY_ROLES.get(quality, Role.CONTRIBUTOR)
                if role is Role.CONTRIBUTOR and quality != "ctb":
                    self.note(
                        qualities[i][0],
                        quality,
                        "an author quality the notice model has no role for; kept as 'contributor'",
                    )
                contributors.append({"role": role.value, "agent": person})
        elif given:
            for element, text in given:
                self.note(element, text, "a first name without the author's last or full name")
        for key, role in (("director_s", Role.THESIS_ADVISOR), ("scientificEditor_s", Role.EDITOR)):
            if key == "director_s" and kind is not DocumentType.THESIS:
                role = Role.CONTRIBUTOR
            for element, text in self.texts(key):
                agent = dc.parse_agent(text, default="person")
                agent.pop("identifiers", None)
                entry = {"role": role.value, "agent": agent}
                if entry not in contributors:
                    contributors.append(entry)
                if key == "director_s" and role is Role.CONTRIBUTOR:
                    self.note(
                        element, text, "a director of a document that is not a thesis; kept as 'contributor'"
                    )
        if creators:
            notice["creators"] = creators
        if contributors:
            notice["contributors"] = contributors

    # ------------------------------------------------------------------ disciplines, dates, languages, rights

    def _disciplines(self, notice: dict[str, Any]) -> None:
        codes = self.texts("domainAllCode_s")
        if not codes:  # domain_s: "0.shs", "1.shs.socio": the most specific codes
            levels = [(element, _LEVEL.sub("", text)) for element, text in self.texts("domain_s")]
            codes = [
                (e, c) for e, c in levels if not any(o != c and o.startswith(c + ".") for _, o in levels)
            ]
        labels: dict[str, list[dict[str, str]]] = {}
        for key in sorted(k for k in self.doc if k.endswith("_domainAllCodeLabel_fs")):
            lang, _ = dc.language_tag(key.split("_", 1)[0])
            for _, pair in self.texts(key):
                code, _, label = pair.partition(_FACET_SEP)
                if label.strip():
                    labels.setdefault(code.strip().lower(), []).append(_label(label.strip(), lang))
        disciplines: list[dict[str, Any]] = []
        for element, raw in codes:
            code = raw.strip().lower()
            if not _DOMAIN.match(code):
                self.note(element, raw, "not a HAL domain code (such as shs.socio)")
                continue
            concept: dict[str, Any] = {"iri": _AURE_HAL + code, "notation": code}
            if code in labels:
                concept["labels"] = labels[code]
            if concept not in disciplines:
                disciplines.append(concept)
        if disciplines:
            notice["disciplines"] = disciplines

    def _dates(self, notice: dict[str, Any]) -> None:
        for key in ("publicationDate_s", "producedDate_s"):
            found = self.first(key)
            if found is None:
                continue
            element, text = found
            date, note = dc.parse_date(text)
            if date is None:
                self.note(element, text, f"a date that cannot be read: {note}")
                continue
            notice["issued"] = date
            if note:
                self.note(element, text, note)
            if key == "producedDate_s":
                self.note(
                    element,
                    text,
                    "no readable publicationDate_s: the date of production is the date of issue",
                )
            return

    def _languages(self, notice: dict[str, Any]) -> None:
        tags: list[str] = []
        for element, text in self.texts("language_s"):
            tag, why = dc.language_tag(text)
            if tag is None:
                self.note(element, text, why or "not a language")
            elif tag not in tags:
                tags.append(tag)
        if tags:
            notice["languages"] = tags

    def _rights(self, notice: dict[str, Any]) -> None:
        if _open_access(self.doc.get("openAccess_bool")):
            notice["access_rights"] = "open"
        found = self.first("licence_s")
        if found is None:
            return
        element, text = found
        rights = dc.rights(text)
        if rights.kind == "access":
            access = dc.access_rights(text)
            if access is not None and "access_rights" not in notice:
                notice["access_rights"] = access
            elif access != notice.get("access_rights"):
                self.note(
                    element,
                    text,
                    f"an access status the notice does not hold ({notice.get('access_rights')})",
                )
            return
        notice["license"] = {k: v for k, v in (("iri", rights.iri), ("label", rights.label)) if v}

    # ------------------------------------------------------------------ container, identifiers

    def _container(self, notice: dict[str, Any], kind: DocumentType) -> dict[str, Any]:
        container: dict[str, Any] = {}
        journal = self.first("journalTitle_s")
        book = self.first("bookTitle_s")
        conference = self.first("conferenceTitle_s")
        series = self.first("serie_s")
        if journal:
            container = {"type": ContainerType.JOURNAL.value, "title": journal[1]}
            for key, slot in (("journalIssn_s", "issn"), ("journalEissn_s", "eissn")):
                value = self.first(key)
                if value:
                    try:
                        issn = _parse(value[1], ids.Scheme.ISSN).value
                    except IdentifierError as exc:
                        self.note(value[0], value[1], f"not a usable ISSN: {exc.problem}")
                        continue
                    if issn != container.get("issn"):
                        container[slot] = issn
            unused = [x for x in (book, conference, series) if x]
        elif book:
            proceedings = kind is DocumentType.CONFERENCE_PAPER
            container = {
                "type": (ContainerType.PROCEEDINGS if proceedings else ContainerType.BOOK).value,
                "title": book[1],
            }
            unused = [x for x in (conference, series) if x]
        elif conference and kind is DocumentType.CONFERENCE_PAPER:
            container = {"type": ContainerType.PROCEEDINGS.value, "title": conference[1]}
            unused = [x for x in (series,) if x]
        elif series:
            container = {"type": ContainerType.SERIES.value, "title": series[1]}
            unused = [x for x in (conference,) if x]
        else:
            unused = [x for x in (conference,) if x]
        for element, text in unused:
            if conference is not None and element == conference[0]:
                self.note(
                    element,
                    text,
                    "the conference's name; the notice holds one container (the book or journal)",
                )
            else:
                self.note(element, text, "a second container (series, book); the notice holds one")
        if not journal:
            for key in ("journalIssn_s", "journalEissn_s"):
                for element, text in self.texts(key):
                    self.note(
                        element, text, "the ISSN of a journal whose title (journalTitle_s) is not given"
                    )
        for key, slot in (("volume_s", "volume"), ("issue_s", "issue"), ("page_s", "pages")):
            value = self.first(key)
            if value is None:
                continue
            if container:
                container[slot] = value[1]
            else:
                self.note(value[0], value[1], "numbers a journal or book whose title is not given")
        publisher = self.first("publisher_s")
        journal_publisher = self.first("journalPublisher_s")
        if publisher is None:
            publisher = journal_publisher
        elif journal_publisher is not None and journal_publisher[1] != publisher[1]:
            self.note(*journal_publisher, "the journal's publisher; the notice holds the publisher given")
        if publisher:
            notice["publisher"] = {"type": "organization", "name": publisher[1]}
        return container

    def _identifiers(
        self, notice: dict[str, Any], container: dict[str, Any], kind: DocumentType
    ) -> tuple[str, str, str] | None:
        pids: list[ids.Identifier] = []
        for key, scheme in (
            ("doiId_s", ids.Scheme.DOI),
            ("halId_s", ids.Scheme.HAL),
            ("nntId_s", ids.Scheme.NNT),
        ):
            for element, text in self.texts(key):
                try:
                    found = _parse(text, scheme)
                except IdentifierError as exc:
                    self.note(element, text, f"not a usable identifier: {exc.problem}")
                    continue
                if found not in pids:
                    pids.append(found)
        isbns: list[str] = []
        for element, text in self.texts("isbn_s"):
            try:
                isbns.append(_parse(text, ids.Scheme.ISBN).value)
            except IdentifierError as exc:
                self.note(element, text, f"not a usable ISBN: {exc.problem}")
        if isbns and container and kind in (DocumentType.CHAPTER, DocumentType.CONFERENCE_PAPER):
            container.setdefault("isbn", isbns.pop(0))
        page = self.first("uri_s")
        landing: ids.Identifier | None = None
        if page:
            try:
                landing = _parse(page[1], ids.Scheme.URL)
                notice["landing_page"] = landing.value
            except IdentifierError as exc:
                self.note(page[0], page[1], f"not a usable URL: {exc.problem}")
        others: list[Any] = []
        if pids:
            notice["id"], others = pids[0], pids[1:]
        elif landing is not None:
            notice["id"] = landing
        else:
            return (
                "halId_s",
                "the document has no usable identifier (halId_s, doiId_s or uri_s)",
                ("give each document its halId_s (ask the API for it: fl=halId_s,...)"),
            )
        others += [ids.Identifier(ids.Scheme.ISBN, isbn) for isbn in isbns]
        if others:
            notice["identifiers"] = others
        if container:
            notice["container"] = container
        citation = self.first("label_s")
        if citation:
            notice["citation"] = citation[1]
        return None

    def _rest(self) -> None:
        for key, value in self.doc.items():
            if key in _MAPPED or _LANG_FIELD.match(key) or key.endswith("_domainAllCodeLabel_fs"):
                continue
            if value in (None, "", [], {}) or (key == "openAccess_bool" and _open_access(value)):
                continue
            if key in _RESIDUE:
                for i, item in enumerate(as_list(value)):
                    self.note(f"{key}[{i}]" if isinstance(value, list) else key, item, _RESIDUE[key])
            elif not _quiet(key):
                self.note(key, value, "a HAL field notice_ld does not map")


def _open_access(value: Any) -> bool:
    """Whether ``openAccess_bool`` says the document is open access (``true``)."""
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def map_hal(doc: Mapping[str, Any]) -> Mapped:
    """Map one HAL search API document into the JSON form of a notice and its residue, or the
    problem that rejects it.

    >>> mapped = map_hal({"halId_s": "halshs-01234567", "title_s": ["Vie sociale"],
    ...                   "fr_title_s": ["Vie sociale"], "docType_s": "THESE",
    ...                   "director_s": ["Anne Dupont"], "openAccess_bool": True, "structName_s": ["CMH"]})
    >>> mapped.data["titles"], mapped.data["contributors"][0]["role"], mapped.data["access_rights"]
    ([{'value': 'Vie sociale', 'lang': 'fr'}], 'thesis_advisor', 'open')
    >>> mapped.residue[0].element, mapped.residue[0].value
    ('structName_s[0]', 'CMH')
    """
    mapping = _Mapping(doc)
    data, problem = mapping.build()
    return Mapped(data, mapping.residue, problem)


def _unwrap(value: Any) -> Unwrapped:
    """The documents of a search response (``{"response": {"docs": [...]}}``), an error answer;
    anything else is a document itself."""
    if not isinstance(value, Mapping):
        return None
    response = value.get("response")
    if isinstance(response, Mapping) and "docs" in response:
        docs = response["docs"]
        return docs if isinstance(docs, list) else [docs]
    error = value.get("error")
    if isinstance(error, Mapping) and "halId_s" not in value:
        message = scalar_text(error.get("msg")) or scalar_text(error.get("code")) or "no detail"
        return NotRecords(
            f"the HAL API answered an error: {message}",
            "check the query (q, fq, fl) and fetch the documents again",
        )
    return None


def _identify(doc: Mapping[str, Any]) -> str | None:
    for key in ("halId_s", "doiId_s", "docid"):
        value = scalar_text(doc.get(key))
        if value and value.strip():
            return value.strip()
    return None


def read_hal(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read HAL search API JSON: a response, an array of documents, JSON Lines of documents or of
    responses (gzip-compressed or not); positions are ``file[3]`` or ``file:line``."""
    for found in json_records(stream, name, options.max_record_bytes, _unwrap, _identify):
        if isinstance(found, RecordError):
            yield found
            continue
        yield from mapped_outcomes(map_hal(found.data), found.record, found.where)
