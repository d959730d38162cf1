"""OAI-PMH Dublin Core reader: ``ListRecords`` / ``GetRecord`` responses, bare records, bare ``oai_dc:dc``.

Every element of a record's metadata (``dc:*``, and the ``dcterms:*`` that feeds mix in or that
qualified-DC formats use) is either mapped into the notice model by the rules of
``docs/readers.md`` or listed in the record's :class:`~notice_ld.readers.outcomes.Residue` with
the reason — nothing is dropped without a word. XML is read with :mod:`notice_ld.readers.xmlsafe`
(no DTD, no entities, bounded sizes, one broken record does not stop the others).

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

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import Notice
from notice_ld.readers import dc
from notice_ld.readers.outcomes import Deletion, ReadWarning, Residue, ResidueItem
from notice_ld.readers.xmlsafe import Envelope, RawRecord, XMLDocumentError, split_records
from notice_ld.vocabulary import DC, DCTERMS, XML, XSI

if TYPE_CHECKING:
    from lxml import etree

    from notice_ld.identifiers import HandleMinter
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["Header", "outcomes", "read_oai_dc"]

DC_NS: Final = DC.NS
DCTERMS_NS: Final = DCTERMS.NS
_XML_LANG: Final = f"{{{XML.NS}}}lang"
_XSI_TYPE: Final = f"{{{XSI.NS}}}type"
_BROKEN_FIX = "the repository must correct this record; the other records were read"

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

# element local name -> role (same for dc: and dcterms:)
_ROLES: Final = {
    "title": "title",
    "alternative": "title",
    "creator": "creator",
    "contributor": "contributor",
    "subject": "subject",
    "description": "abstract",
    "abstract": "abstract",
    "tableOfContents": "abstract",
    "publisher": "publisher",
    "date": "date",
    "issued": "issued",
    "created": "other-date",
    "modified": "other-date",
    "available": "other-date",
    "dateAccepted": "other-date",
    "dateSubmitted": "other-date",
    "dateCopyrighted": "other-date",
    "valid": "other-date",
    "type": "type",
    "identifier": "identifier",
    "language": "language",
    "rights": "rights",
    "license": "licence",
    "accessRights": "rights",
    "rightsHolder": "rights-holder",
    "source": "source",
    "bibliographicCitation": "citation",
    "relation": "relation",
    "isPartOf": "is-part-of",
    "hasPart": "relation",
    "isVersionOf": "relation",
    "hasVersion": "relation",
    "isFormatOf": "relation",
    "hasFormat": "relation",
    "references": "relation",
    "isReferencedBy": "relation",
    "replaces": "relation",
    "isReplacedBy": "relation",
    "requires": "relation",
    "isRequiredBy": "relation",
    "conformsTo": "relation",
    "coverage": "coverage",
    "spatial": "coverage",
    "temporal": "coverage",
    "format": "format",
    "extent": "format",
    "medium": "format",
    "audience": "audience",
    "educationLevel": "audience",
    "mediator": "audience",
    "provenance": "provenance",
    "accrualMethod": "provenance",
    "accrualPeriodicity": "provenance",
    "accrualPolicy": "provenance",
    "instructionalMethod": "audience",
}
_REASONS: Final = {
    "coverage": "a place or period covered; the notice model has no coverage field",
    "format": "a file format or extent; the notice model describes the work, not its files",
    "relation": "a related resource; the notice model has no relation field",
    "other-date": "the notice holds only the date of issue",
    "audience": "an audience; the notice model has no audience field",
    "provenance": "provenance information; the notice model has no provenance field",
    "rights-holder": "a rights holder; the notice model has no rights-holder field",
}
_HAL_DOMAIN = re.compile(r"^\[([A-Za-z][A-Za-z0-9_.-]*)\]\s*(.+)$")
_CODE_LIKE = re.compile(r"^(?:[A-Z]{1,3}\d[\d.\-A-Z]*|\d{3}(?:\.\d+)?)$")
_URN_ISSN = re.compile(r"^urn:(e|p)?issn:(.+)$", re.IGNORECASE)
_E_ISSN = re.compile(r"^e-?issn\b\s*:?\s*", re.IGNORECASE)
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


@dataclass(frozen=True)
class Header:
    """An OAI-PMH record header: identifier, datestamp, sets, and whether the record is deleted."""

    identifier: str | None
    datestamp: str | None
    sets: tuple[str, ...] = ()
    deleted: bool = False


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def read_header(record: etree._Element) -> Header:
    """The header of a ``<record>`` element (namespace-agnostic: some feeds omit the OAI namespace)."""
    for child in record:
        if _local(child.tag) == "header":
            values: dict[str, list[str]] = {}
            for part in child:
                values.setdefault(_local(part.tag), []).append(" ".join((part.text or "").split()))
            return Header(
                identifier=next(iter(values.get("identifier", [])), "") or None,
                datestamp=next(iter(values.get("datestamp", [])), "") or None,
                sets=tuple(v for v in values.get("setSpec", []) if v),
                deleted=(child.get("status") or "").strip().lower() == "deleted",
            )
    return Header(None, None)


def _metadata_root(record: etree._Element) -> etree._Element | None:
    for child in record:
        if _local(child.tag) == "metadata":
            for inner in child:
                if isinstance(inner.tag, str):
                    return inner
            return None
    return None


def outcomes(raw: RawRecord, where: str, minter: HandleMinter | None = None) -> Iterator[Outcome]:
    """The outcomes of one split record: a notice (and its residue), a deletion, or an error."""
    label = f"{raw.hint} ({where}:{raw.line})" if raw.hint else f"{where}:{raw.line}"
    if raw.error is not None or raw.element is None:
        yield RecordError(record=label, problem=raw.error or "the record is empty", fix=_BROKEN_FIX)
        return
    if raw.bare:
        header, metadata = Header(None, None), raw.element
    else:
        header, metadata = read_header(raw.element), _metadata_root(raw.element)
        if header.identifier:
            label = f"{header.identifier} ({where}:{raw.line})"
    if header.deleted:
        notice_id = minter.mint(header.identifier) if minter is not None and header.identifier else None
        yield Deletion(
            oai_identifier=header.identifier or label, datestamp=header.datestamp, notice_id=notice_id
        )
        return
    if metadata is None:
        yield RecordError(
            record=label,
            problem="the record has no <metadata> (and its header does not say it is deleted)",
            fix=_BROKEN_FIX,
        )
        return
    mapping = _Mapping(header, minter)
    mapping.read(metadata)
    data, problem = mapping.build()
    if problem is not None:
        yield RecordError(record=label, field="id", problem=problem[0], fix=problem[1])
        return
    try:
        notice = Notice.from_dict(data, record=label)
    except RecordError as err:
        yield err
        return
    yield notice
    if mapping.residue:
        source = header.identifier or f"{where}:{raw.line}"
        yield Residue(record=str(notice.id), source=source, items=tuple(mapping.residue))


def read_oai_dc(chunks: Iterable[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read an OAI-PMH response, a bare ``<record>`` or a bare ``oai_dc:dc`` document."""
    envelope = Envelope()
    warned = 0
    try:
        for raw in split_records(chunks, envelope=envelope, max_record_bytes=options.max_record_bytes):
            while warned < len(envelope.warnings):
                yield ReadWarning(name, *envelope.warnings[warned])
                warned += 1
            yield from outcomes(raw, name, options.minter)
    except XMLDocumentError as exc:
        for problem, fix in envelope.warnings[warned:]:
            yield ReadWarning(name, problem, fix)
        yield RecordError(
            record=name if exc.line is None else f"{name}:{exc.line}",
            problem=exc.problem,
            fix=exc.fix or "repair the document; the records before this point were read",
        )
        return
    for problem, fix in envelope.warnings[warned:]:
        yield ReadWarning(name, problem, fix)
    for code, message in envelope.errors:
        if code != "noRecordsMatch":
            yield RecordError(
                record=name,
                problem=f"the file is an OAI-PMH error response: {code}: {message}",
                fix="harvest again with arguments the repository accepts",
            )


_TAGS: dict[tuple[str, str | None], tuple[str, str | None]] = {}  # (tag, prefix) -> (element name, role)


def _describe(tag: str, prefix: str | None) -> tuple[str, str | None]:
    namespace, local = _namespace(tag), _local(tag)
    name = prefix or ("dc" if namespace == DC_NS else "")
    role = _ROLES.get(local) if namespace in (DC_NS, DCTERMS_NS) else None
    return (f"{name}:{local}" if name else local), role


@dataclass(slots=True)
class _Value:
    element: str
    text: str
    lang: str | None
    scheme: str | None


@dataclass
class _Mapping:
    """Collects a record's values by role, then builds the notice dict and the residue."""

    header: Header
    minter: HandleMinter | None
    values: dict[str, list[_Value]] = field(default_factory=dict)
    residue: list[ResidueItem] = field(default_factory=list)

    def note(self, element: str, value: str, reason: str) -> None:
        self.residue.append(ResidueItem(element, value, reason))

    # ------------------------------------------------------------------ reading

    def read(self, metadata: etree._Element) -> None:
        values = self.values
        for child in metadata:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            prefix = getattr(child, "prefix", None)
            known = _TAGS.get((tag, prefix))
            if known is None:
                known = _describe(tag, prefix)
                if len(_TAGS) < 4096:  # a bounded cache: hostile input cannot grow it without end
                    _TAGS[(tag, prefix)] = known
            element, role = known
            raw = child.text or "" if len(child) == 0 else "".join(child.itertext())
            text, notes = dc.clean_text(raw, block=role == "abstract")
            if not text:
                continue  # an empty element carries nothing
            for note in notes:
                self.note(element, text, note)
            if role is None:
                self.note(element, text, "not a Dublin Core element: nothing in the notice model for it")
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
            bucket = values.get(role)
            if bucket is None:
                bucket = values[role] = []
            bucket.append(_Value(element, text, lang, scheme))

    def _all(self, *roles: str) -> list[_Value]:
        if len(roles) == 1:  # the common call: a copy of one list
            return list(self.values.get(roles[0], ()))
        return [v for role in roles for v in self.values.get(role, [])]

    # ------------------------------------------------------------------ building

    def build(self) -> tuple[dict[str, Any], tuple[str, str] | None]:
        data: dict[str, Any] = {}
        kind = self._type(data)
        self._texts(data)
        self._agents(data)
        self._subjects(data)
        self._dates(data)
        self._languages(data)
        self._rights(data)
        problem = self._identifiers(data, kind)
        for role, reason in _REASONS.items():
            for value in self.values.get(role, []) if role != "relation" else ():
                self.note(value.element, value.text, reason)
        return data, problem

    def _type(self, data: dict[str, Any]) -> str | None:
        chosen: str | None = None
        label: str | None = None
        for value in self._all("type"):
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
        for role, key in (("title", "titles"), ("abstract", "abstracts")):
            seen: set[tuple[str, str | None]] = set()
            items = []
            for value in self._all(role):
                if (value.text, value.lang) in seen:
                    continue
                seen.add((value.text, value.lang))
                items.append(
                    {"value": value.text, "lang": value.lang} if value.lang else {"value": value.text}
                )
            if items:
                data[key] = items

    def _agent(self, value: _Value, default: str = "person") -> dict[str, Any] | None:
        agent = dc.parse_agent(value.text, default="organization" if default == "organization" else "person")
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
        return agent

    def _agents(self, data: dict[str, Any]) -> None:
        creators = [a for a in (self._agent(v) for v in self._all("creator")) if a]
        if creators:
            data["creators"] = creators
        contributors = [
            {"role": "contributor", "agent": a}
            for a in (self._agent(v) for v in self._all("contributor"))
            if a
        ]
        if contributors:
            data["contributors"] = contributors
        publishers = self._all("publisher")
        if publishers:
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
        for value in self._all("subject"):
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
        for value in self._all("issued", "date"):
            if value.text.lower().startswith("info:eu-repo/date/"):
                self.note(value.element, value.text, "an embargo or other dated event; not the date of issue")
                continue
            date, note = dc.parse_date(value.text)
            if date is None:
                self.note(value.element, value.text, note or "not a date")
            elif issued is None:
                issued = date
                if note:
                    self.note(value.element, value.text, note)
            elif note or (date != issued and not issued.startswith(date) and not date.startswith(issued)):
                extra = f"; {note}" if note else ""
                self.note(
                    value.element, value.text, f"a second date; the notice holds one (issued {issued}){extra}"
                )
        if issued is not None:
            data["issued"] = issued

    def _languages(self, data: dict[str, Any]) -> None:
        tags: list[str] = []
        for value in self._all("language"):
            tag, why = dc.language_tag(value.text)
            if tag is None:
                self.note(value.element, value.text, why or "not a language")
            elif tag not in tags:
                tags.append(tag)
        if tags:
            data["languages"] = tags

    def _rights(self, data: dict[str, Any]) -> None:
        licences: list[tuple[_Value, dc.Rights]] = []
        for value in self._all("licence", "rights"):
            found = dc.rights(value.text)
            if found.kind == "access":
                self.note(
                    value.element, value.text, "an access status; the notice model has no access-rights field"
                )
            else:
                licences.append((value, found))
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

        for value in self._all("identifier"):
            take(value, value.text)
        for value in self._all("relation"):
            alt = _ALT_ID.match(value.text)
            if alt and alt.group(1).lower() in _ALT_SCHEMES:
                take(value, alt.group(2), _ALT_SCHEMES[alt.group(1).lower()])
                self.values["relation"].remove(value)
            elif alt:
                self.note(
                    value.element, value.text, "an identifier of a kind the notice model has no scheme for"
                )
                self.values["relation"].remove(value)
            elif value.text.startswith("info:eu-repo/grantAgreement/"):
                self.note(
                    value.element, value.text, "funding information; the notice model has no funding field"
                )
                self.values["relation"].remove(value)
        for value in self._all("is-part-of"):
            if _URN_ISSN.match(value.text):
                take(value, value.text)
            elif _URL.match(value.text):
                container.setdefault("iri", value.text)
            else:
                container.setdefault("title", value.text)
        # relations left after identifiers were taken out go to the residue
        for value in self.values.pop("relation", []):
            self.note(value.element, value.text, _REASONS["relation"])
        self.values.pop("relation", None)

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
            return "the record has no usable identifier (DOI, Handle, ARK, HAL id, NNT, URN or URL)", fix
        ident_list: list[Any] = list(others)

        # source, citation, container
        self._source(data, container, pids, urls)
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
        return None

    def _source(
        self,
        data: dict[str, Any],
        container: dict[str, Any],
        pids: list[ids.Identifier],
        urls: list[ids.Identifier],
    ) -> None:
        known_urls: set[str] | None = None  # the URLs and PID IRIs of the record, built if a source is a URL
        for value in self._all("citation"):
            if "citation" not in data:
                data["citation"] = value.text
            else:
                self.note(value.element, value.text, "a second citation; the notice holds one")
        for value in self._all("source"):
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


def _same_iri(a: str, b: str) -> bool:
    def key(iri: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", iri.lower()).rstrip("/")

    return key(a) == key(b)
