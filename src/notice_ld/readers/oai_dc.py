"""OAI-PMH Dublin Core reader: ``ListRecords`` / ``GetRecord`` responses, bare records, bare ``oai_dc:dc``.

Every element of a record's metadata (``dc:*``, and the ``dcterms:*`` that feeds mix in or that
qualified-DC formats use) is either mapped into the notice model by the rules of
``docs/readers.md`` or listed in the record's :class:`~notice_ld.readers.outcomes.Residue` with
the reason — nothing is dropped without a word. The OAI-PMH envelope, headers, deletions and
errors are :mod:`notice_ld.readers.oai`'s, shared with the ``qdc`` and ``mods`` readers: a
Dublin Core format is only its :class:`DCDialect`, the table from element to notice field
(:data:`OAI_DC` here, :data:`notice_ld.readers.qdc.QDC` for qualified DC).

>>> import io
>>> from notice_ld.readers import InputFormat, read
>>> page = '''<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
... <record><header><identifier>oai:hal:hal-01</identifier><datestamp>2024-01-02</datestamp></header>
... <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
...     xmlns:dc="http://purl.org/dc/elements/1.1/">
...   <dc:title xml:lang="fr">Vie sociale</dc:title><dc:creator>Jouet, Emmanuelle</dc:creator>
...   <dc:date>2019</dc:date><dc:language>Français</dc:language><dc:rights>CC BY 4.0</dc:rights>
...   <dc:type>info:eu-repo/semantics/article</dc:type><dc:coverage>France</dc:coverage>
... </oai_dc:dc></metadata></record>
... <record><header status="deleted"><identifier>oai:hal:hal-02</identifier></header></record>
... </ListRecords></OAI-PMH>'''.encode()
>>> from notice_ld.identifiers import HandleMinter
>>> from notice_ld.readers import ReaderOptions
>>> options = ReaderOptions(minter=HandleMinter("10670"))
>>> out = list(read(io.BytesIO(page), InputFormat.OAI_DC, options=options))
>>> notice, residue, deletion = out
>>> notice.id.value, notice.type.value, notice.languages, notice.license.iri
('10670/1.eoana2', 'article', ('fr',), 'https://creativecommons.org/licenses/by/4.0/')
>>> residue.items[0].element, residue.items[0].value, residue.items[0].reason[:22]
('dc:coverage', 'France', 'a place or period cove')
>>> deletion.oai_identifier, deletion.notice_id
('oai:hal:hal-02', '10670/1.f8uqcl')
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError
from notice_ld.model import RelationType
from notice_ld.readers import dc
from notice_ld.readers.oai import Header, Mapped, read_header, read_records, record_outcomes
from notice_ld.readers.outcomes import ResidueItem
from notice_ld.readers.xmlsafe import RawRecord
from notice_ld.vocabulary import DC, DCTERMS, XML, XSI

if TYPE_CHECKING:
    from lxml import etree

    from notice_ld.identifiers.registry import Minter
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["OAI_DC", "DCDialect", "DCField", "Header", "outcomes", "read_header", "read_oai_dc"]

DC_NS: Final = DC.NS
DCTERMS_NS: Final = DCTERMS.NS
_XML_LANG: Final = f"{{{XML.NS}}}lang"
_XSI_TYPE: Final = f"{{{XSI.NS}}}type"

# preference among the document's own persistent identifiers for the notice id
_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.ARK,
    ids.Scheme.HAL,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)
_AGENT_SCHEMES: Final = frozenset({ids.Scheme.ORCID, ids.Scheme.IDREF, ids.Scheme.ISNI, ids.Scheme.ROR})


class DCField(enum.Enum):
    """What a Dublin Core element holds, for the notice: the targets of a :class:`DCDialect`."""

    TITLE = "title"
    CREATOR = "creator"
    CONTRIBUTOR = "contributor"
    SUBJECT = "subject"
    ABSTRACT = "abstract"
    PUBLISHER = "publisher"
    DATE = "date"
    ISSUED = "issued"
    AVAILABLE = "available"
    CREATED = "created"
    ACCEPTED = "accepted"
    OTHER_DATE = "other-date"
    TYPE = "type"
    IDENTIFIER = "identifier"
    LANGUAGE = "language"
    RIGHTS = "rights"
    LICENCE = "licence"
    ACCESS_RIGHTS = "access-rights"
    RIGHTS_HOLDER = "rights-holder"
    SOURCE = "source"
    CITATION = "citation"
    RELATION = "relation"
    IS_PART_OF = "is-part-of"
    IS_VERSION_OF = "is-version-of"
    HAS_VERSION = "has-version"
    REFERENCES = "references"
    IS_REFERENCED_BY = "is-referenced-by"
    HAS_PART = "has-part"
    IS_FORMAT_OF = "is-format-of"
    HAS_FORMAT = "has-format"
    REPLACES = "replaces"
    IS_REPLACED_BY = "is-replaced-by"
    OTHER_RELATION = "other-relation"
    COVERAGE = "coverage"
    FORMAT = "format"
    AUDIENCE = "audience"
    PROVENANCE = "provenance"


F = DCField

# element local name -> field, the same for dc: and dcterms: (feeds mix DCMI terms into oai_dc)
DC_FIELDS: Final[Mapping[str, DCField]] = MappingProxyType(
    {
        "title": F.TITLE,
        "alternative": F.TITLE,
        "creator": F.CREATOR,
        "contributor": F.CONTRIBUTOR,
        "subject": F.SUBJECT,
        "description": F.ABSTRACT,
        "abstract": F.ABSTRACT,
        "tableOfContents": F.ABSTRACT,
        "publisher": F.PUBLISHER,
        "date": F.DATE,
        "issued": F.ISSUED,
        "available": F.AVAILABLE,
        "created": F.CREATED,
        "dateAccepted": F.ACCEPTED,
        "modified": F.OTHER_DATE,
        "dateSubmitted": F.OTHER_DATE,
        "dateCopyrighted": F.OTHER_DATE,
        "valid": F.OTHER_DATE,
        "type": F.TYPE,
        "identifier": F.IDENTIFIER,
        "language": F.LANGUAGE,
        "rights": F.RIGHTS,
        "license": F.LICENCE,
        "accessRights": F.ACCESS_RIGHTS,
        "rightsHolder": F.RIGHTS_HOLDER,
        "source": F.SOURCE,
        "bibliographicCitation": F.CITATION,
        "relation": F.RELATION,
        "isPartOf": F.IS_PART_OF,
        "isVersionOf": F.IS_VERSION_OF,
        "hasVersion": F.HAS_VERSION,
        "references": F.REFERENCES,
        "isReferencedBy": F.IS_REFERENCED_BY,
        "hasPart": F.HAS_PART,
        "isFormatOf": F.IS_FORMAT_OF,
        "hasFormat": F.HAS_FORMAT,
        "replaces": F.REPLACES,
        "isReplacedBy": F.IS_REPLACED_BY,
        "requires": F.OTHER_RELATION,
        "isRequiredBy": F.OTHER_RELATION,
        "conformsTo": F.OTHER_RELATION,
        "coverage": F.COVERAGE,
        "spatial": F.COVERAGE,
        "temporal": F.COVERAGE,
        "format": F.FORMAT,
        "extent": F.FORMAT,
        "medium": F.FORMAT,
        "audience": F.AUDIENCE,
        "educationLevel": F.AUDIENCE,
        "mediator": F.AUDIENCE,
        "instructionalMethod": F.AUDIENCE,
        "provenance": F.PROVENANCE,
        "accrualMethod": F.PROVENANCE,
        "accrualPeriodicity": F.PROVENANCE,
        "accrualPolicy": F.PROVENANCE,
    }
)
_REASONS: Final = {
    F.COVERAGE: "a place or period covered; the notice model has no coverage field",
    F.FORMAT: "a file format or extent; the notice model describes the work, not its files",
    F.OTHER_DATE: "the notice holds only the date of issue",
    F.AVAILABLE: "the notice holds only the date of issue",
    F.CREATED: "the notice holds only the date of issue",
    F.ACCEPTED: "the notice holds only the date of issue",
    F.AUDIENCE: "an audience; the notice model has no audience field",
    F.PROVENANCE: "provenance information; the notice model has no provenance field",
    F.RIGHTS_HOLDER: "a rights holder; the notice model has no rights-holder field",
}
_RELATION_REASON: Final = "a relation the notice model has no type for (requires, conformsTo…)"
# the DCMI relation refinements and the relation type each gives (dc:relation itself: "related")
_RELATION_KINDS: Final[Mapping[DCField, RelationType]] = MappingProxyType(
    {
        F.IS_VERSION_OF: RelationType.IS_VERSION_OF,
        F.HAS_VERSION: RelationType.HAS_VERSION,
        F.REFERENCES: RelationType.REFERENCES,
        F.IS_REFERENCED_BY: RelationType.IS_REFERENCED_BY,
        F.HAS_PART: RelationType.HAS_PART,
        F.IS_FORMAT_OF: RelationType.IS_FORMAT_OF,
        F.HAS_FORMAT: RelationType.HAS_FORMAT,
        F.REPLACES: RelationType.REPLACES,
        F.IS_REPLACED_BY: RelationType.IS_REPLACED_BY,
    }
)
_EMBARGO_END = re.compile(r"^info:eu-repo/date/embargoEnd/(.+)$", re.IGNORECASE)
# dates that stand in for the date of issue when it is missing or unusable, in this order
_FALLBACK_DATES: Final = (F.AVAILABLE, F.CREATED, F.ACCEPTED)


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: one object per format
class DCDialect:
    """A Dublin Core metadata format: which element feeds which notice field.

    ``fields`` maps a namespace to its elements' :class:`DCField`; an element outside the table
    goes to the residue with ``unknown`` as the reason. :meth:`map_record` is the format's
    :data:`~notice_ld.readers.oai.RecordMapper`; every other step (envelope, headers, deletions,
    errors) is shared (:mod:`notice_ld.readers.oai`).

    >>> OAI_DC.field_of(DC_NS, "creator"), OAI_DC.field_of(DCTERMS_NS, "isPartOf")
    (<DCField.CREATOR: 'creator'>, <DCField.IS_PART_OF: 'is-part-of'>)
    """

    name: str
    fields: Mapping[str, Mapping[str, DCField]]
    unknown: str
    identifier_element: str = "dc:identifier"
    """The element named when a record has no usable identifier."""

    def field_of(self, namespace: str, local: str) -> DCField | None:
        """The field an element feeds, ``None`` for an element outside the table."""
        table = self.fields.get(namespace)
        return table.get(local) if table is not None else None

    def map_record(self, metadata: etree._Element, header: Header, minter: Minter | None) -> Mapped:
        """Map one record's metadata element (see :data:`~notice_ld.readers.oai.RecordMapper`)."""
        mapping = _Mapping(self, header, minter)
        mapping.read(metadata)
        data, problem = mapping.build()
        if problem is not None:
            return Mapped(data, mapping.residue, (self.identifier_element, *problem))
        return Mapped(data, mapping.residue)


OAI_DC: Final = DCDialect(
    "oai_dc",
    MappingProxyType({DC_NS: DC_FIELDS, DCTERMS_NS: DC_FIELDS}),
    "not a Dublin Core element: nothing in the notice model for it",
)
"""``oai_dc``: the fifteen Dublin Core elements, and the DCMI terms that feeds mix in."""

_HAL_DOMAIN = re.compile(r"^\[([A-Za-z][A-Za-z0-9_.-]*)\]\s*(.+)$")
_CODE_LIKE = re.compile(r"^(?:[A-Z]{1,3}\d[\d.\-A-Z]*|\d{3}(?:\.\d+)?)$")
_URN_ISSN = re.compile(r"^urn:(e|p)?issn:(.+)$", re.IGNORECASE)
_E_ISSN = re.compile(r"^e-?issn\b\s*:?\s*", re.IGNORECASE)
_ISSN_IN_TEXT = re.compile(
    r"(?:^|[\s,;(])(?P<kind>e-?|p-?|print\s+|online\s+)?issn(?:-l)?\s*:?\s*(?P<issn>\d{4}-?\d{3}[\dXx])\b",
    re.IGNORECASE,
)
_BARE_ISSN = re.compile(r"^\d{4}-\d{3}[\dXx]$")
_DOAJ_TOC = re.compile(r"^https?://(?:www\.)?doaj\.org/toc/(\d{4}-?\d{3}[\dXx])/?$", re.IGNORECASE)
_ALT_ID = re.compile(r"^info:eu-repo/semantics/altIdentifier/([A-Za-z-]+)/(.+)$")
_ALT_SCHEMES: Final = {
    "doi": "doi",
    "handle": "handle",
    "hdl": "handle",
    "ark": "ark",
    "urn": "urn",
    "isbn": "isbn",
    "issn": "issn",
    "pissn": "issn",
    "eissn": "eissn",
    "url": "url",
    "hal": "hal",
    "nnt": "nnt",
}
_DOAJ_SOURCE = re.compile(
    r"^(?P<title>.+?)(?:,\s*Vol\s+(?P<volume>[^,()]+?))?(?:,\s*Iss\s+(?P<issue>[^,()]+?))?"
    r"(?:,\s*Pp\s+(?P<pages>[^()]+?))?\s*\((?P<year>\d{4})\)$"
)
_CITATION_LIKE = re.compile(r"⟨|\bpp?\.\s*\d|\bvol\.\s*\d|\bn°\s*\d|,\s*\d{4}\b.*[.,]", re.IGNORECASE)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_DOI_PREFIX = re.compile(r"^(10\.\d{4,9}/[a-z]+[.:/-])\d+$", re.IGNORECASE)


def outcomes(raw: RawRecord, where: str, minter: Minter | None = None) -> Iterator[Outcome]:
    """The outcomes of one split ``oai_dc`` record: a notice (and its residue), a deletion, or an error."""
    return record_outcomes(raw, where, minter, OAI_DC.map_record)


def read_oai_dc(chunks: Iterable[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read an OAI-PMH response, a bare ``<record>`` or a bare ``oai_dc:dc`` document."""
    return read_records(chunks, name, options, OAI_DC.map_record)


_TAGS: dict[tuple[DCDialect, str, str | None], tuple[str, DCField | None]] = {}
"""(dialect, tag, prefix) -> (element name, field): a bounded cache (hostile input cannot grow it)."""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _describe(dialect: DCDialect, tag: str, prefix: str | None) -> tuple[str, DCField | None]:
    namespace, local = _namespace(tag), _local(tag)
    name = prefix or ("dc" if namespace == DC_NS else "dcterms" if namespace == DCTERMS_NS else "")
    return (f"{name}:{local}" if name else local), dialect.field_of(namespace, local)


@dataclass(slots=True)
class _Value:
    element: str
    text: str
    lang: str | None
    scheme: str | None


@dataclass
class _Mapping:
    """Collects a record's values by field, then builds the notice dict and the residue."""

    dialect: DCDialect
    header: Header
    minter: Minter | None
    values: dict[DCField, list[_Value]] = field(default_factory=dict)
    residue: list[ResidueItem] = field(default_factory=list)
    embargo_ends: list[_Value] = field(default_factory=list)  # info:eu-repo/date/embargoEnd/… dates

    def note(self, element: str, value: str, reason: str) -> None:
        self.residue.append(ResidueItem(element, value, reason))

    # ------------------------------------------------------------------ reading

    def read(self, metadata: etree._Element) -> None:
        values = self.values
        dialect = self.dialect
        for child in metadata:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            prefix = getattr(child, "prefix", None)
            known = _TAGS.get((dialect, tag, prefix))
            if known is None:
                known = _describe(dialect, tag, prefix)
                if len(_TAGS) < 4096:
                    _TAGS[(dialect, tag, prefix)] = known
            element, target = known
            raw = child.text or "" if len(child) == 0 else "".join(child.itertext())
            text, notes = dc.clean_text(raw, block=target is F.ABSTRACT)
            if not text:
                continue  # an empty element carries nothing
            for note in notes:
                self.note(element, text, note)
            if target is None:
                self.note(element, text, dialect.unknown)
                continue
            lang = scheme = None
            attributes = child.items()  # one call instead of three get()s; most elements have none
            if attributes:
                given = xsi_type = plain_scheme = None
                for name, attribute in attributes:
                    if name == _XML_LANG:
                        given = attribute
                    elif name == _XSI_TYPE:
                        xsi_type = attribute
                    elif name == "scheme":
                        plain_scheme = attribute
                if given is not None and given.strip():
                    lang, why = dc.language_tag(given)
                    if lang is None:
                        self.note(
                            element, text, f"xml:lang {given!r} is not a language ({why}); kept without it"
                        )
                scheme = xsi_type or plain_scheme
            bucket = values.get(target)
            if bucket is None:
                bucket = values[target] = []
            bucket.append(_Value(element, text, lang, scheme))

    def _all(self, *targets: DCField) -> list[_Value]:
        if len(targets) == 1:  # the common call: a copy of one list
            return list(self.values.get(targets[0], ()))
        return [v for target in targets for v in self.values.get(target, [])]

    # ------------------------------------------------------------------ building

    def build(self) -> tuple[dict[str, Any], tuple[str, str] | None]:
        data: dict[str, Any] = {}
        kind = self._type(data)
        self._texts(data)
        self._agents(data, kind)
        self._subjects(data)
        self._dates(data)
        self._languages(data)
        self._rights(data)
        problem = self._identifiers(data, kind)
        for target, reason in _REASONS.items():
            for value in self.values.get(target, []):
                self.note(value.element, value.text, reason)
        return data, problem

    def _type(self, data: dict[str, Any]) -> str | None:
        chosen: str | None = None
        label: str | None = None
        for value in self._all(F.TYPE):
            kind, how = dc.document_type(value.text)
            if how == "version":
                self.note(
                    value.element, value.text, "a version status; the notice model has no version field"
                )
                continue
            is_uri = value.text.startswith(("info:", "http://", "https://"))
            if kind is None:
                if label is None and not is_uri:
                    label = value.text
                else:
                    self.note(value.element, value.text, "a type notice_ld does not recognise")
                continue
            if chosen is None or (chosen == "other" and kind != "other"):
                chosen = kind
            elif kind not in (chosen, "other"):
                self.note(value.element, value.text, f"a second type; the notice has one ({chosen})")
                continue
            if label is None and not is_uri:
                label = value.text
        if chosen is not None:
            data["type"] = chosen
        if label is not None:
            data["type_label"] = label
        return chosen

    def _texts(self, data: dict[str, Any]) -> None:
        for target, key in ((F.TITLE, "titles"), (F.ABSTRACT, "abstracts")):
            seen: set[tuple[str, str | None]] = set()
            items = []
            for value in self._all(target):
                if (value.text, value.lang) in seen:
                    continue
                seen.add((value.text, value.lang))
                items.append(
                    {"value": value.text, "lang": value.lang} if value.lang else {"value": value.text}
                )
            if items:
                data[key] = items

    def _agent(self, value: _Value, name: str) -> dc.AgentReading:
        """Read one name of ``value`` (ORCIDs checked, notes on what was set aside)."""
        reading = dc.read_agent(name)
        agent = reading.agent
        kept = []
        for text in agent.get("identifiers", []):
            try:
                kept.append(ids.parse(text, ids.Scheme.ORCID).value)
            except IdentifierError as exc:
                self.note(value.element, text, f"an ORCID in the name that is not valid: {exc.problem}")
        if "identifiers" in agent:
            agent["identifiers"] = kept
            if not kept:
                del agent["identifiers"]
        if reading.note:
            self.note(value.element, value.text, reading.note)
        if agent.get("type") == "person" and "name" in agent and dc.is_user_name(agent["name"]):
            self.note(
                value.element,
                value.text,
                "an account name rather than a person's name; kept as the name of a person",
            )
        return reading

    def _agents(self, data: dict[str, Any], kind: str | None) -> None:
        creators: list[dict[str, Any]] = []
        contributors: list[dict[str, Any]] = []
        et_al = False
        for target in (F.CREATOR, F.CONTRIBUTOR):
            for value in self._all(target):
                names, more = dc.split_agents(value.text)
                et_al = et_al or (more and target is F.CREATOR)
                for name in names:
                    reading = self._agent(value, name)
                    role = reading.role
                    if target is F.CREATOR and role in (None, "contributor"):
                        creators.append(reading.agent)
                        continue
                    if role is None and kind == "thesis" and reading.agent["type"] == "person":
                        role = "thesis_advisor"
                        self.note(
                            value.element,
                            value.text,
                            "read as the thesis advisor: a thesis's person contributors are its advisors "
                            "(no role is written)",
                        )
                    contributors.append({"role": role or "contributor", "agent": reading.agent})
        if creators:
            data["creators"] = creators
            if et_al:
                data["creators_et_al"] = True
        if contributors:
            data["contributors"] = contributors

    def _publishers(self, data: dict[str, Any], container: dict[str, Any]) -> None:
        """The publisher; when the journal is identified (ISSN, URL) without a title, the publisher
        value naming it is the journal's title (OpenEdition gives the journal as first publisher)."""
        publishers = self._all(F.PUBLISHER)
        if container and "title" not in container and publishers:
            journal = _journal_among(publishers, container.get("iri"))
            if journal is not None:
                container["title"] = journal.text
                publishers.remove(journal)
                self.note(
                    journal.element,
                    journal.text,
                    "taken as the journal's title: the record identifies the journal (ISSN, URL) "
                    "without naming it, and names it among the publishers",
                )
        if not publishers:
            return
        data["publisher"] = {"type": "organization", "name": publishers[0].text}
        for value in publishers[1:]:
            if value.text != publishers[0].text:
                self.note(
                    value.element,
                    value.text,
                    f"a second publisher; the notice holds one ({publishers[0].text})",
                )

    def _subjects(self, data: dict[str, Any]) -> None:
        keywords: list[dict[str, str]] = []
        subjects: list[dict[str, Any]] = []
        disciplines: list[dict[str, Any]] = []
        seen: set[tuple[str, str | None]] = set()
        for value in self._all(F.SUBJECT):
            if (value.text, value.lang) in seen:
                continue
            seen.add((value.text, value.lang))
            label: dict[str, str] = (
                {"value": value.text, "lang": value.lang} if value.lang else {"value": value.text}
            )
            hal = _HAL_DOMAIN.match(value.text)
            if hal:
                code = hal.group(1).lower()
                labelled = {"value": hal.group(2).strip(), **({"lang": value.lang} if value.lang else {})}
                disciplines.append(
                    {
                        "iri": f"http://aurehal.archives-ouvertes.fr/subject/{code}",
                        "notation": code,
                        "labels": [labelled],
                    }
                )
            elif _URL.match(value.text):
                try:
                    subjects.append({"iri": ids.parse(value.text, ids.Scheme.URL).value})
                except IdentifierError as exc:
                    self.note(value.element, value.text, f"a subject IRI that is not valid: {exc.problem}")
            elif value.scheme and value.scheme.lower() not in ("keywords", "keyword"):
                concept: dict[str, Any] = {"labels": [label]}
                if _CODE_LIKE.match(value.text):
                    concept["notation"] = value.text
                subjects.append(concept)
            else:
                keywords.append(label)
        if keywords:
            data["keywords"] = keywords
        if subjects:
            data["subjects"] = subjects
        if disciplines:
            data["disciplines"] = disciplines

    def _dates(self, data: dict[str, Any]) -> None:
        issued: str | None = None
        unusable: list[_Value] = []
        for value in self._all(F.ISSUED, F.DATE):
            if value.text.lower().startswith("info:eu-repo/date/"):
                if _EMBARGO_END.match(value.text):
                    self.embargo_ends.append(value)  # read with the access status (_rights)
                else:
                    self.note(value.element, value.text, "a dated event other than the date of issue")
                continue
            date, note = dc.parse_date(value.text)
            if date is None:
                self.note(value.element, value.text, note or "not a date")
                unusable.append(value)
            elif issued is None:
                issued = date
                if note:
                    self.note(value.element, value.text, note)
            elif note or (date != issued and not issued.startswith(date) and not date.startswith(issued)):
                extra = f"; {note}" if note else ""
                self.note(
                    value.element, value.text, f"a second date; the notice holds one (issued {issued}){extra}"
                )
        if issued is None:
            # no usable date of issue: the first usable other date stands in, and the choice is told
            for target in _FALLBACK_DATES:
                for value in self.values.get(target, []):
                    date, note = dc.parse_date(value.text)
                    if date is None:
                        continue
                    issued = date
                    self.values[target].remove(value)
                    instead = (
                        f" ({', '.join(repr(v.text) for v in unusable)} is not a usable date)"
                        if unusable
                        else " (the record gives no date of issue)"
                    )
                    self.note(
                        value.element,
                        value.text,
                        f"used as the date of issue ({date}){instead}" + (f"; {note}" if note else ""),
                    )
                    break
                if issued is not None:
                    break
        if issued is not None:
            data["issued"] = issued

    def _languages(self, data: dict[str, Any]) -> None:
        tags: list[str] = []
        for value in self._all(F.LANGUAGE):
            tag, why = dc.language_tag(value.text)
            if tag is None:
                self.note(value.element, value.text, why or "not a language")
            elif tag not in tags:
                tags.append(tag)
        if tags:
            data["languages"] = tags

    def _rights(self, data: dict[str, Any]) -> None:
        licences: list[tuple[_Value, dc.Rights]] = []
        for value in self._all(F.LICENCE, F.ACCESS_RIGHTS, F.RIGHTS):
            found = dc.rights(value.text)
            access = dc.access_rights(value.text)
            if access is not None:
                if "access_rights" not in data:
                    data["access_rights"] = access
                elif access != data["access_rights"]:
                    self.note(
                        value.element,
                        value.text,
                        f"a second access status; the notice holds one ({data['access_rights']})",
                    )
            elif found.kind == "access":
                self.note(value.element, value.text, "an access status notice_ld does not recognise")
            else:
                licences.append((value, found))
        self._embargo(data)
        if not licences:
            return
        with_iri = [pair for pair in licences if pair[1].iri]
        chosen_value, chosen = (with_iri or licences)[0]
        licence: dict[str, str] = {}
        if chosen.iri:
            licence["iri"] = chosen.iri
        label = chosen.label
        if label is None:
            # a bare URL: a label naming the same licence (same IRI, or none recognised) completes it
            for value, other in licences:
                if other.label and other.iri in (None, chosen.iri) and value is not chosen_value:
                    label = other.label
                    break
        if label:
            licence["label"] = label
        data["license"] = licence
        for value, other in licences:
            if value is chosen_value or (other.label == label and other.iri in (None, chosen.iri)):
                continue
            if other.iri and chosen.iri and _same_iri(other.iri, chosen.iri):
                continue
            self.note(
                value.element, value.text, f"a second licence; the notice holds one ({chosen.iri or label})"
            )

    def _embargo(self, data: dict[str, Any]) -> None:
        """The end of an embargo (``info:eu-repo/date/embargoEnd/2025-01-01``), for embargoed access."""
        for value in self.embargo_ends:
            match = _EMBARGO_END.match(value.text)
            date, note = dc.parse_date(match.group(1)) if match else (None, None)
            if date is None:
                self.note(value.element, value.text, f"the end of an embargo, but {note or 'not a date'}")
            elif data.get("access_rights") != "embargoed":
                status = data.get("access_rights", "not given")
                self.note(
                    value.element, value.text, f"the end of an embargo, but the access status is {status}"
                )
            elif "embargo_end" in data:
                self.note(value.element, value.text, "a second embargo end; the notice holds one")
            else:
                data["embargo_end"] = date

    # ------------------------------------------------------------------ identifiers, source, container

    def _identifiers(self, data: dict[str, Any], kind: str | None) -> tuple[str, str] | None:
        pids: list[ids.Identifier] = []
        urls: list[ids.Identifier] = []
        issns: list[tuple[str, bool, str]] = []  # (ISSN, explicitly electronic, element)
        isbns: list[str] = []
        container: dict[str, Any] = {}
        elements: dict[str, str] = {}

        def take(value: _Value, text: str, scheme: str | None = None) -> None:
            if text == self.header.identifier:
                return  # the record's own OAI identifier, already in its header
            urn = _URN_ISSN.match(text)
            electronic = bool(_E_ISSN.match(text)) or scheme == "eissn" or bool(urn and urn.group(1))
            if urn:
                text, scheme = urn.group(2), "issn"
            if scheme == "eissn":
                scheme = "issn"
            try:
                found = ids.parse(_E_ISSN.sub("", text) if electronic else text, scheme)
            except IdentifierError as exc:
                if text.lower().startswith("oai:"):
                    reason = "an OAI identifier names a repository record, not the document"
                else:
                    reason = f"not a usable identifier: {exc.problem}"
                self.note(value.element, value.text, reason)
                return
            if found.scheme is ids.Scheme.HAL and _URL.match(text):
                page = ids.Identifier(ids.Scheme.URL, text)  # the repository's page (or file) URL
                if page not in urls:
                    urls.append(page)
            if found.scheme in _AGENT_SCHEMES:
                self.note(
                    value.element,
                    value.text,
                    f"{found.scheme.a_label} identifies a person or an organisation, not the document",
                )
            elif found.scheme in (ids.Scheme.ISSN, ids.Scheme.ISSN_L):
                if found.value not in [i for i, _, _ in issns]:
                    issns.append((found.value, electronic, value.element))
            elif found.scheme is ids.Scheme.ISBN:
                if found.value not in isbns:
                    isbns.append(found.value)
            elif found.scheme is ids.Scheme.URL:
                if found not in urls:
                    urls.append(found)
            elif found not in pids:
                pids.append(found)

        def take_issns(value: _Value) -> bool:
            """ISSNs written in a text (``ISSN 1234-5678``, ``e-ISSN: …``, a DOAJ journal page)."""
            toc = _DOAJ_TOC.match(value.text)
            if toc:
                take(value, toc.group(1), "issn")
                return True
            found = list(_ISSN_IN_TEXT.finditer(value.text))
            for match in found:
                electronic = (match.group("kind") or "").lower().startswith(("e", "online"))
                take(value, match.group("issn"), "eissn" if electronic else "issn")
            return bool(found)

        relations = self.values.pop(F.RELATION, [])
        related: list[_Value] = []  # dc:relation values that name another resource
        for value in self._all(F.IDENTIFIER):
            take(value, value.text)
        for value in relations:
            alt = _ALT_ID.match(value.text)
            if alt and alt.group(1).lower() in _ALT_SCHEMES:
                take(value, alt.group(2), _ALT_SCHEMES[alt.group(1).lower()])
            elif alt:
                self.note(
                    value.element, value.text, "an identifier of a kind the notice model has no scheme for"
                )
            elif value.text.startswith("info:eu-repo/grantAgreement/"):
                self.note(
                    value.element, value.text, "funding information; the notice model has no funding field"
                )
            elif _URN_ISSN.match(value.text):
                take(value, value.text)
            elif not take_issns(value):
                related.append(value)
        for value in self._all(F.IS_PART_OF):
            if _URN_ISSN.match(value.text):
                take(value, value.text)
            elif _BARE_ISSN.match(value.text):
                take(value, value.text, "issn")
            elif _URL.match(value.text):
                container.setdefault("iri", value.text)
            elif take_issns(value):
                title = _ISSN_IN_TEXT.sub("", value.text).strip(" ,;:()")
                if title:
                    container.setdefault("title", title)
            else:
                container.setdefault("title", value.text)
        for value in self._all(F.OTHER_RELATION):
            self.note(value.element, value.text, _RELATION_REASON)

        # the notice id
        pids.sort(key=lambda i: _PID_ORDER.index(i.scheme) if i.scheme in _PID_ORDER else len(_PID_ORDER))
        if urls:
            data["landing_page"] = urls[0].value
        if pids:
            data["id"] = pids[0]  # already parsed and checked: the model takes Identifier objects as they are
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
                else "give the record a DOI, Handle or URL in dc:identifier"
            )
            self._publishers(data, container)
            return "the record has no usable identifier (DOI, Handle, ARK, HAL id, NNT, URN or URL)", fix
        ident_list: list[Any] = list(others)

        # source, citation, container
        self._source(data, container, pids, urls, take_issns)
        if isbns:
            if kind == "chapter":
                container.setdefault("isbn", isbns[0])
                container.setdefault("type", "book")
                isbns = isbns[1:]
            ident_list += [ids.Identifier(ids.Scheme.ISBN, value) for value in isbns]
        if issns:
            elements = {i: element for i, _, element in issns}
            printed = [i for i, e, _ in issns if not e]
            electronic = [i for i, e, _ in issns if e]
            if printed:
                container["issn"] = printed.pop(0)
            if electronic or printed:
                container["eissn"] = (electronic or printed).pop(0)
            for extra in electronic + printed:
                self.note(elements[extra], extra, "a third ISSN; the journal holds an ISSN and an e-ISSN")
        self._publishers(data, container)
        if container:
            if "title" in container:
                data["container"] = container
            else:
                for key in ("issn", "eissn", "isbn", "iri", "volume", "issue", "pages"):
                    if key in container:
                        element = elements.get(container[key], "dc:identifier") if issns else "dc:identifier"
                        if key in ("iri", "volume", "issue", "pages"):
                            element = "dcterms:isPartOf" if key == "iri" else "dc:source"
                        self.note(
                            element,
                            container[key],
                            "identifies the journal or book, but no title for it (dc:source) was given",
                        )
        if ident_list:
            data["identifiers"] = ident_list
        self._relations(data, related, [*pids, *urls, *(ids.Identifier(ids.Scheme.ISBN, i) for i in isbns)])
        return None

    def _relations(self, data: dict[str, Any], related: list[_Value], own: list[ids.Identifier]) -> None:
        """``dc:relation`` values naming another resource, and the DCMI relation refinements.

        A ``dc:relation`` is ``related``, except a DOI of the same series as the record's (Zenodo's
        concept DOI, ``10.5281/zenodo.596581`` beside ``10.5281/zenodo.10357859``): the record is a
        version of it. Values that are no identifier or URL, the record's own identifiers and
        identifiers of people or organisations go to the residue.
        """
        mine = next((p for p in own if p.scheme is ids.Scheme.DOI), None)
        series = _DOI_PREFIX.match(mine.value) if mine is not None else None
        iris = {i.iri for i in own}
        out: list[dict[str, Any]] = []
        kinds = [(RelationType.RELATED, value) for value in related]
        kinds += [(kind, value) for target, kind in _RELATION_KINDS.items() for value in self._all(target)]
        for kind, value in kinds:
            try:
                target = ids.parse(value.text)
            except IdentifierError:
                self.note(value.element, value.text, "a related resource not named by an identifier or URL")
                continue
            if target.scheme in _AGENT_SCHEMES:
                self.note(
                    value.element,
                    value.text,
                    f"{target.scheme.a_label} identifies a person or an organisation, not a related resource",
                )
                continue
            if target.iri in iris:
                self.note(value.element, value.text, "the record's own identifier, not a related resource")
                continue
            if kind is RelationType.RELATED and series is not None and target.scheme is ids.Scheme.DOI:
                theirs = _DOI_PREFIX.match(target.value)
                if theirs and theirs.group(1).lower() == series.group(1).lower():
                    kind = RelationType.IS_VERSION_OF  # the concept DOI of all the versions of this record
            out.append({"type": kind.value, "identifier": target})
        if out:
            data["relations"] = out

    def _source(
        self,
        data: dict[str, Any],
        container: dict[str, Any],
        pids: list[ids.Identifier],
        urls: list[ids.Identifier],
        take_issns: Any,
    ) -> None:
        known_urls: set[str] | None = None  # the URLs and PID IRIs of the record, built if a source is a URL
        for value in self._all(F.CITATION):
            if "citation" not in data:
                data["citation"] = value.text
            else:
                self.note(value.element, value.text, "a second citation; the notice holds one")
        for value in self._all(F.SOURCE):
            if _URL.match(value.text):
                if known_urls is None:
                    known_urls = {u.value for u in urls} | {p.iri for p in pids}
                if value.text not in known_urls and value.text.rstrip("/") not in known_urls:
                    self.note(
                        value.element,
                        value.text,
                        "a source URL; the notice model has no field for the resource this one comes from",
                    )
                continue
            if _URN_ISSN.match(value.text) or _BARE_ISSN.match(value.text):
                take_issns(_Value(value.element, f"ISSN {value.text.rsplit(':', 1)[-1]}", None, None))
                continue
            if (
                "citation" not in data
                and _CITATION_LIKE.search(value.text) is None
                and _ISSN_IN_TEXT.search(value.text)
                and take_issns(value)
            ):
                title = _ISSN_IN_TEXT.sub("", value.text).strip(" ,;:()")
                if title and "title" not in container:
                    container["title"] = title
                    data.setdefault("source", title)
                continue
            doaj = _DOAJ_SOURCE.match(value.text)
            if (
                "source" not in data
                and doaj
                and "citation" not in data
                and _CITATION_LIKE.search(value.text) is None
            ):
                data["source"] = doaj.group("title")
                container.setdefault("title", doaj.group("title"))
                for key in ("volume", "issue", "pages"):
                    if doaj.group(key):
                        container.setdefault(key, doaj.group(key).strip())
            elif "citation" not in data and _CITATION_LIKE.search(value.text):
                data["citation"] = value.text
            elif "source" not in data:
                data["source"] = value.text
                if container and "title" not in container:
                    container["title"] = value.text
            else:
                self.note(value.element, value.text, "a second source; the notice holds one")
        if container and "title" not in container and "source" in data:
            container["title"] = data["source"]


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if c.isalnum() or c == " ")


def _journal_among(publishers: list[_Value], iri: str | None) -> _Value | None:
    """The publisher value that names the journal: the one the journal's URL names
    (``…/conflits`` → ``Cultures & conflits``), else the first of several when it is not an
    organisation's name (no word such as *Centre*, *Presses*, *Éditions*)."""
    if iri:
        slug = _folded(iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " "))
        if len(slug) >= 3:
            for value in publishers:
                if slug in _folded(value.text):
                    return value
    if len(publishers) >= 2 and not dc.has_organization_word(publishers[0].text):
        return publishers[0]
    return None


def _same_iri(a: str, b: str) -> bool:
    def key(iri: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", iri.lower()).rstrip("/")

    return key(a) == key(b)
