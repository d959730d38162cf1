"""DataCite readers: the REST API's JSON (``/dois``), and the mapping the XML reader shares.

A DataCite record, whether it comes as the REST API's JSON (``{"data": {"attributes": …}}``) or
as kernel-4 XML (:mod:`notice_ld.readers.datacite_xml`), is first a **DataCite JSON attributes
object** (the REST API's own names: ``creators``, ``titles``, ``rightsList``…); one function,
:func:`datacite_outcomes`, maps it into a notice and lists what it could not map in the
:class:`~notice_ld.readers.outcomes.Residue` — the two readers differ only in how they name a
field in messages (:class:`Dialect`: ``creators[0].nameIdentifiers[1]`` in JSON,
``creators/creator[1]/nameIdentifier[2]`` in XML). The rules are in ``docs/readers.md``.

>>> import io, json
>>> record = {"data": {"id": "10.5061/dryad.8515", "type": "dois", "attributes": {
...     "doi": "10.5061/dryad.8515", "publicationYear": 2011, "publisher": "Dryad",
...     "titles": [{"title": "Data from: A new malaria agent", "lang": "en"}],
...     "creators": [{"name": "Ollomo, Benjamin", "nameType": "Personal", "givenName": "Benjamin",
...                   "familyName": "Ollomo", "affiliation": ["CIRMF"]}],
...     "types": {"resourceTypeGeneral": "Dataset"}, "url": "https://datadryad.org/dataset/doi:10.5061/dryad.8515"}}}
>>> from notice_ld.readers import ReaderOptions
>>> notice, residue = read_datacite(io.BytesIO(json.dumps(record).encode()), "d.json", ReaderOptions())
>>> notice.id.iri, notice.type.value, notice.issued, notice.creators[0].family
('https://doi.org/10.5061/dryad.8515', 'dataset', '2011', 'Ollomo')
>>> [(i.element, i.value) for i in residue.items]
[('creators[0].affiliation[0]', 'CIRMF')]
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import ContainerType, DocumentType, RelationType, Role
from notice_ld.readers import dc, text
from notice_ld.readers.jsonrecords import NotRecords, Unwrapped, as_list, json_records, scalar_text
from notice_ld.readers.oai import Mapped, mapped_outcomes
from notice_ld.readers.outcomes import ResidueItem

if TYPE_CHECKING:
    from notice_ld.identifiers.registry import Minter
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["Dialect", "map_datacite", "read_datacite", "record_label"]


class Dialect(enum.Enum):
    """How a DataCite record was written, which decides how its fields are named in messages.

    >>> Dialect.JSON.path(("creators", 0, "nameIdentifiers", 1))
    'creators[0].nameIdentifiers[1]'
    >>> Dialect.XML.path(("creators", 0, "nameIdentifiers", 1))
    'creators/creator[1]/nameIdentifier[2]'
    >>> Dialect.XML.path(("rightsList", 0, "rightsUri")), Dialect.XML.path(("types", "resourceTypeGeneral"))
    ('rightsList/rights[1]/@rightsURI', 'resourceType/@resourceTypeGeneral')
    """

    JSON = "json"
    """The REST API's JSON (``api.datacite.org/dois``): ``rightsList[0].rightsUri``."""
    XML = "xml"
    """The metadata kernel's XML: ``rightsList/rights[1]/@rightsURI`` (positions count from 1)."""

    def path(self, parts: tuple[str | int, ...]) -> str:
        """The name of a field given as JSON keys and list positions (counted from 0)."""
        if self is Dialect.JSON:
            out = ""
            for part in parts:
                out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
            return out
        steps: list[str] = []
        parent = ""
        for part in parts:
            if isinstance(part, int):
                if steps:
                    steps[-1] += f"[{part + 1}]"
                continue
            step = _xml_step(parent, part)
            parent = part
            if step:
                steps.append(step)
        return "/".join(steps)


# the XML element (or attribute) each JSON key stands for; "" is the element's own text
_XML_LISTS: Final = {
    "creators": "creators/creator",
    "contributors": "contributors/contributor",
    "titles": "titles/title",
    "subjects": "subjects/subject",
    "dates": "dates/date",
    "alternateIdentifiers": "alternateIdentifiers/alternateIdentifier",
    "identifiers": "alternateIdentifiers/alternateIdentifier",
    "relatedIdentifiers": "relatedIdentifiers/relatedIdentifier",
    "sizes": "sizes/size",
    "formats": "formats/format",
    "rightsList": "rightsList/rights",
    "descriptions": "descriptions/description",
    "geoLocations": "geoLocations/geoLocation",
    "fundingReferences": "fundingReferences/fundingReference",
    "relatedItems": "relatedItems/relatedItem",
    "nameIdentifiers": "nameIdentifier",
    "affiliation": "affiliation",
}
_XML_TEXT: Final = frozenset(
    {
        "title",
        "subject",
        "description",
        "rights",
        "date",
        "relatedIdentifier",
        "alternateIdentifier",
        "identifier",
        "nameIdentifier",
    }
)
_XML_RENAMED: Final = {
    "doi": "identifier",
    "types": "",
    "resourceTypeGeneral": "resourceType/@resourceTypeGeneral",
    "resourceType": "resourceType",
    "lang": "@xml:lang",
    "schemeUri": "@schemeURI",
    "valueUri": "@valueURI",
    "rightsUri": "@rightsURI",
    "awardUri": "awardNumber/@awardURI",
}
_XML_ATTRIBUTES: Final = frozenset(
    {
        "titleType",
        "descriptionType",
        "dateType",
        "dateInformation",
        "subjectScheme",
        "classificationCode",
        "rightsIdentifier",
        "rightsIdentifierScheme",
        "relationType",
        "relatedIdentifierType",
        "relatedMetadataScheme",
        "resourceTypeGeneral",
        "alternateIdentifierType",
        "identifierType",
        "contributorType",
        "nameIdentifierScheme",
        "affiliationIdentifier",
        "affiliationIdentifierScheme",
        "publisherIdentifier",
        "publisherIdentifierScheme",
        "relatedItemType",
        "numberType",
    }
)


def _xml_step(parent: str, key: str) -> str:
    if key in _XML_LISTS:
        return _XML_LISTS[key]
    if key == "name":
        return {"creators": "creatorName", "contributors": "contributorName", "publisher": ""}.get(
            parent, "" if parent == "affiliation" else "name"
        )
    if key == "nameType":
        return {"creators": "creatorName/@nameType", "contributors": "contributorName/@nameType"}.get(
            parent, "@nameType"
        )
    if key in _XML_TEXT:
        return ""
    if key in _XML_RENAMED:
        return _XML_RENAMED[key]
    if key in _XML_ATTRIBUTES:
        return f"@{key}"
    return key


# --------------------------------------------------------------------------- vocabularies

_GENERAL_TYPES: Final[Mapping[str, DocumentType | None]] = {
    # resourceTypeGeneral -> type; None: read the free-text resourceType (Text, Other)
    "audiovisual": DocumentType.OTHER,
    "award": DocumentType.OTHER,
    "book": DocumentType.BOOK,
    "bookchapter": DocumentType.CHAPTER,
    "collection": DocumentType.OTHER,
    "computationalnotebook": DocumentType.OTHER,
    "conferencepaper": DocumentType.CONFERENCE_PAPER,
    "conferenceproceeding": DocumentType.BOOK,
    "datapaper": DocumentType.ARTICLE,
    "dataset": DocumentType.DATASET,
    "dissertation": DocumentType.THESIS,
    "event": DocumentType.OTHER,
    "film": DocumentType.OTHER,
    "image": DocumentType.OTHER,
    "instrument": DocumentType.OTHER,
    "interactiveresource": DocumentType.OTHER,
    "journal": DocumentType.OTHER,
    "journalarticle": DocumentType.ARTICLE,
    "model": DocumentType.OTHER,
    "outputmanagementplan": DocumentType.OTHER,
    "peerreview": DocumentType.OTHER,
    "physicalobject": DocumentType.OTHER,
    "preprint": DocumentType.WORKING_PAPER,
    "project": DocumentType.OTHER,
    "report": DocumentType.REPORT,
    "service": DocumentType.OTHER,
    "software": DocumentType.OTHER,
    "sound": DocumentType.OTHER,
    "standard": DocumentType.OTHER,
    "studyregistration": DocumentType.OTHER,
    "text": None,
    "workflow": DocumentType.OTHER,
    "other": None,
}
_ROLES: Final[Mapping[str, Role]] = {
    "editor": Role.EDITOR,
    "translator": Role.TRANSLATOR,
}
_NOT_CONTRIBUTORS: Final = {
    "rightsholder": "a rights holder; the notice model has no rights-holder field",
    "registrationagency": "the registration agency; not a contributor to the work",
    "registrationauthority": "the registration authority; not a contributor to the work",
}
_CONTAINER_TYPES: Final[Mapping[str, ContainerType]] = {
    "journal": ContainerType.JOURNAL,
    "series": ContainerType.SERIES,
    "bookseries": ContainerType.SERIES,
    "collection": ContainerType.SERIES,
    "book": ContainerType.BOOK,
    "conferenceproceeding": ContainerType.PROCEEDINGS,
    "proceedings": ContainerType.PROCEEDINGS,
}
_ID_SCHEMES: Final[Mapping[str, ids.Scheme]] = {
    "doi": ids.Scheme.DOI,
    "handle": ids.Scheme.HANDLE,
    "hdl": ids.Scheme.HANDLE,
    "ark": ids.Scheme.ARK,
    "urn": ids.Scheme.URN,
    "isbn": ids.Scheme.ISBN,
    "url": ids.Scheme.URL,
    "purl": ids.Scheme.URL,
    "hal": ids.Scheme.HAL,
    "nnt": ids.Scheme.NNT,
}
_AGENT_SCHEMES: Final[Mapping[str, ids.Scheme]] = {
    "orcid": ids.Scheme.ORCID,
    "isni": ids.Scheme.ISNI,
    "ror": ids.Scheme.ROR,
    "idref": ids.Scheme.IDREF,
}
_PERSON_SCHEMES: Final = frozenset({ids.Scheme.ORCID, ids.Scheme.ISNI, ids.Scheme.IDREF})
_ORGANIZATION_SCHEMES: Final = frozenset({ids.Scheme.ROR, ids.Scheme.ISNI, ids.Scheme.IDREF})
_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.ARK,
    ids.Scheme.HAL,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)
_FALLBACK_DATES: Final = ("available", "created", "accepted", "submitted", "copyrighted")
_SUBTITLE: Final = "subtitle"
_EXTRA_TITLES: Final = frozenset({"translatedtitle", "alternativetitle", "other"})
_FOS: Final = re.compile(r"^FOS:\s*", re.IGNORECASE)
_SEMICOLONS: Final = re.compile(r"\s*;\s*")

# properties of the REST API's JSON that are the registry's bookkeeping or derived from the others:
# not metadata of the work, read without a word (docs/readers.md lists them)
_BOOKKEEPING: Final = frozenset(
    {
        "prefix",
        "suffix",
        "metadataVersion",
        "schemaVersion",
        "source",
        "isActive",
        "state",
        "reason",
        "viewCount",
        "viewsOverTime",
        "downloadCount",
        "downloadsOverTime",
        "citationCount",
        "citationsOverTime",
        "referenceCount",
        "partCount",
        "partOfCount",
        "versionCount",
        "versionOfCount",
        "created",
        "registered",
        "published",
        "updated",
        "xml",
        "landingPage",
        "agency",
    }
)
_DERIVED_TYPES: Final = frozenset({"ris", "bibtex", "citeproc", "schemaOrg"})
_RELATION: Final = "a related resource (relationType {}); the notice model has no relation type for it"
# DataCite relationType (compared by _key) -> the notice's relation type; IsPartOf / IsPublishedIn
# name the container first, IsIdenticalTo gives other identifiers; the others stay residue
_RELATION_TYPES: Final[Mapping[str, RelationType]] = MappingProxyType(
    {
        "isversionof": RelationType.IS_VERSION_OF,
        "isnewversionof": RelationType.IS_VERSION_OF,  # DCMI: "a version, edition, or adaptation"
        "hasversion": RelationType.HAS_VERSION,
        "ispreviousversionof": RelationType.HAS_VERSION,
        "ispartof": RelationType.IS_PART_OF,
        "haspart": RelationType.HAS_PART,
        "references": RelationType.REFERENCES,
        "cites": RelationType.REFERENCES,
        "isreferencedby": RelationType.IS_REFERENCED_BY,
        "iscitedby": RelationType.IS_REFERENCED_BY,
        "isvariantformof": RelationType.IS_FORMAT_OF,
        "isoriginalformof": RelationType.HAS_FORMAT,
        "obsoletes": RelationType.REPLACES,
        "isobsoletedby": RelationType.IS_REPLACED_BY,
        "issupplementto": RelationType.IS_SUPPLEMENT_TO,
        "issupplementedby": RelationType.IS_SUPPLEMENTED_BY,
    }
)


@functools.lru_cache(maxsize=1024)
def _key(value: str) -> str:
    """A vocabulary value compared without case, spaces, ``-`` and ``_`` (``Book Series``, ``bookseries``)."""
    return re.sub(r"[\s_-]+", "", value).lower()


_parse: Final = functools.lru_cache(maxsize=8192)(ids.parse)
""":func:`notice_ld.identifiers.parse`, remembered: ORCIDs, RORs, ISSNs and licences recur from record
to record (identifiers are immutable values; errors are not remembered)."""


def _shown(value: Any) -> str:
    """A value as the residue shows it: text as it is, anything else as compact JSON."""
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return repr(value)


def _label(text: str, lang: str | None) -> dict[str, str]:
    return {"value": text, "lang": lang} if lang else {"value": text}


@dataclass
class _Mapping:
    """One DataCite attributes object on its way to a notice dict and its residue."""

    data: Mapping[str, Any]
    dialect: Dialect
    residue: list[ResidueItem] = field(default_factory=list)
    _alternate: list[tuple[tuple[str | int, ...], str, str]] = field(default_factory=list)
    """Related identifiers that name this very resource (``IsIdenticalTo``): other identifiers."""
    _container_sources: list[tuple[tuple[str | int, ...], str]] = field(default_factory=list)
    """Identifiers read as the container's: (path, value), reported if the container has no title."""
    _related: list[tuple[tuple[str | int, ...], str, RelationType, ids.Identifier]] = field(
        default_factory=list
    )
    """Related identifiers with a relation type of the model: (path, value, type, identifier)."""

    def note(self, path: tuple[str | int, ...], value: Any, reason: str) -> None:
        self.residue.append(ResidueItem(self.dialect.path(path), _shown(value), reason))

    def get(self, mapping: Any, key: str) -> Any:
        return mapping.get(key) if isinstance(mapping, Mapping) else None

    def text(self, path: tuple[str | int, ...], value: Any, *, block: bool = False) -> str | None:
        """Clean text at ``path`` (its removals noted); ``None`` for nothing, or for a value that
        is not text (noted)."""
        raw = scalar_text(value)
        if raw is None:
            if value is not None and value != [] and value != {}:
                self.note(path, value, "not text where DataCite gives text; not read")
            return None
        cleaned, notes = dc.clean_text(raw, block=block)
        for note in notes:
            self.note(path, cleaned, note)
        return cleaned or None

    def lang(self, path: tuple[str | int, ...], item: Any, text: str) -> str | None:
        given = scalar_text(self.get(item, "lang"))
        if given is None or not given.strip():
            return None
        tag, why = dc.language_tag(given)
        if tag is None:
            self.note((*path, "lang"), given, f"not a language ({why}); the value is kept without it")
        return tag

    def list_of(self, key: str) -> list[tuple[tuple[str | int, ...], Any]]:
        """The items of the list property ``key`` with their paths (a lone object counts as one)."""
        value = self.data.get(key)
        if isinstance(value, list):
            return [((key, i), item) for i, item in enumerate(value)]
        return [] if value is None or value == {} else [((key,), value)]

    # ------------------------------------------------------------------ the whole record

    def build(
        self, minter: Minter | None, key: str | None
    ) -> tuple[dict[str, Any], tuple[str, str, str] | None]:
        """The notice dict, or the problem (field, problem, fix) that leaves it without an id."""
        notice: dict[str, Any] = {}
        kind = self._type(notice)
        self._titles(notice)
        self._descriptions(notice)
        self._creators(notice, kind)
        self._publisher(notice)
        self._dates(notice)
        self._language(notice)
        self._subjects(notice)
        self._rights(notice)
        container = self._container(notice, kind)
        problem = self._identifiers(notice, container, minter, key)
        self._relations(notice)
        self._rest(notice)
        if problem is None and "titles" not in notice:
            problem = ("titles", "the record has no title", "give the record a title (titles: title)")
        return notice, problem

    # ------------------------------------------------------------------ type

    def _type(self, notice: dict[str, Any]) -> DocumentType:
        types = self.data.get("types")
        if types is not None and not isinstance(types, Mapping):
            self.note(("types",), types, "not an object of resource types; not read")
            types = None
        general = self.text(("types", "resourceTypeGeneral"), self.get(types, "resourceTypeGeneral"))
        specific = self.text(("types", "resourceType"), self.get(types, "resourceType"))
        kind: DocumentType | None = None
        if general is not None:
            if _key(general) in _GENERAL_TYPES:
                kind = _GENERAL_TYPES[_key(general)]
            else:
                self.note(("types", "resourceTypeGeneral"), general, "not a DataCite resourceTypeGeneral")
        if kind is None and specific is not None:
            found, _ = dc.document_type(specific)
            kind = DocumentType(found) if found else None
        kind = kind or DocumentType.OTHER
        notice["type"] = kind.value
        label = specific or general
        if label:
            notice["type_label"] = label
        for name, value in (types or {}).items():
            if name not in ("resourceTypeGeneral", "resourceType") and name not in _DERIVED_TYPES:
                self.note(("types", name), value, "a resource type notice_ld does not read")
        return kind

    # ------------------------------------------------------------------ titles, abstracts

    def _titles(self, notice: dict[str, Any]) -> None:
        mains: list[dict[str, str]] = []
        extras: list[dict[str, str]] = []
        subtitles: list[tuple[tuple[str | int, ...], str, str | None]] = []
        for path, item in self.list_of("titles"):
            value = self.get(item, "title") if isinstance(item, Mapping) else item
            text = self.text((*path, "title") if isinstance(item, Mapping) else path, value)
            if text is None:
                continue
            lang = self.lang(path, item, text)
            kind = _key(scalar_text(self.get(item, "titleType")) or "")
            if kind == _SUBTITLE:
                subtitles.append((path, text, lang))
            elif kind in _EXTRA_TITLES or mains:
                extras.append(_label(text, lang))
            else:
                mains.append(_label(text, lang))
                if kind:
                    self.note(
                        (*path, "titleType"),
                        self.get(item, "titleType"),
                        "a title type notice_ld does not know; read as the title",
                    )
        titles = mains + extras
        for path, text, lang in subtitles:
            target = next((t for t in titles if t.get("lang") == lang), titles[0] if titles else None)
            if target is None:
                self.note((*path, "title"), text, "a subtitle without a title; the notice needs a title")
                continue
            separator = " : " if (target.get("lang") or "").startswith("fr") else ": "
            target["value"] = f"{target['value'].rstrip(' :')}{separator}{text}"
        seen: set[tuple[str, str | None]] = set()
        unique = []
        for title in titles:
            if (title["value"], title.get("lang")) not in seen:
                seen.add((title["value"], title.get("lang")))
                unique.append(title)
        if unique:
            notice["titles"] = unique

    def _descriptions(self, notice: dict[str, Any]) -> None:
        abstracts: list[dict[str, str]] = []
        for path, item in self.list_of("descriptions"):
            value = self.get(item, "description") if isinstance(item, Mapping) else item
            where = (*path, "description") if isinstance(item, Mapping) else path
            kind = scalar_text(self.get(item, "descriptionType")) or "Abstract"
            for part in as_list(value):  # some records give a list of paragraphs
                text = self.text(where, part, block=True)
                if text is None:
                    continue
                if _key(kind) != "abstract":
                    self.note(
                        where,
                        text,
                        f"a description of type {kind}, not an abstract; the notice holds abstracts",
                    )
                    continue
                abstract = _label(text, self.lang(path, item, text))
                if abstract not in abstracts:
                    abstracts.append(abstract)
        if abstracts:
            notice["abstracts"] = abstracts

    # ------------------------------------------------------------------ agents

    def _agent_ids(
        self, path: tuple[str | int, ...], item: Mapping[str, Any], allowed: frozenset[ids.Scheme]
    ) -> list[ids.Identifier]:
        found: list[ids.Identifier] = []
        for i, entry in enumerate(as_list(item.get("nameIdentifiers"))):
            where = (*path, "nameIdentifiers", i)
            value = (
                scalar_text(self.get(entry, "nameIdentifier"))
                if isinstance(entry, Mapping)
                else scalar_text(entry)
            )
            if value is None or not value.strip():
                continue
            scheme_name = scalar_text(self.get(entry, "nameIdentifierScheme")) or ""
            scheme = _AGENT_SCHEMES.get(_key(scheme_name))
            if scheme is None:
                self.note(
                    where,
                    value,
                    f"a {scheme_name or 'name'} identifier; the notice keeps ORCID, ISNI, ROR and IdRef",
                )
                continue
            try:
                identifier = _parse(value, scheme)
            except IdentifierError as exc:
                self.note(where, value, f"not a usable {scheme.value.upper()}: {exc.problem}")
                continue
            if identifier.scheme not in allowed:
                self.note(where, value, f"{identifier.scheme.a_label} does not identify this kind of agent")
            elif identifier not in found:
                found.append(identifier)
        return found

    @staticmethod
    def _named(name: str, name_type: str) -> dict[str, Any]:
        """An agent known by its name only. ``Personal`` is a person (``Family, Given`` split);
        without a ``nameType``, ``Family, Given`` is a person, and a name with a word in capitals
        (an acronym: ``OSI SAF``) or that the Dublin Core rules take for one is an organisation."""
        agent = dc.parse_agent(name, default="person" if name_type == "personal" else "organization")
        agent.pop("identifiers", None)
        if name_type == "personal":
            return agent if agent["type"] == "person" else {"type": "person", "name": name}
        if name.count(",") != 1 and (
            agent["type"] == "organization" or any(len(w) > 1 and w.isupper() for w in name.split())
        ):
            return {"type": "organization", "name": name}
        return agent

    def _agent(self, path: tuple[str | int, ...], item: Any, *, list_key: str) -> dict[str, Any] | None:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, Mapping):
            self.note(path, item, f"not an object as DataCite gives {list_key}; not read")
            return None
        name = self.text((*path, "name"), item.get("name"))
        given = self.text((*path, "givenName"), item.get("givenName"))
        family = self.text((*path, "familyName"), item.get("familyName"))
        name_type = _key(scalar_text(item.get("nameType")) or "")
        agent: dict[str, Any]
        if name_type == "organizational":
            if name is None:
                self.note(path, item, "an organisation without a name; not read")
                return None
            agent = {"type": "organization", "name": name}
        elif family is not None:
            agent = {"type": "person", "family": family}
            if given is not None:
                agent["given"] = given
        elif name is not None:
            agent = self._named(name, name_type)
        elif given is not None:
            agent = {"type": "person", "name": given}
        else:
            self.note(path, item, "a person or organisation without a name; not read")
            return None
        allowed = _PERSON_SCHEMES if agent["type"] == "person" else _ORGANIZATION_SCHEMES
        found = self._agent_ids(path, item, allowed)
        if found:
            agent["identifiers"] = found
        for i, affiliation in enumerate(as_list(item.get("affiliation"))):
            shown = self.get(affiliation, "name") if isinstance(affiliation, Mapping) else affiliation
            self.note(
                (*path, "affiliation", i),
                shown if isinstance(shown, str) else affiliation,
                "an affiliation; the notice model holds no affiliations",
            )
        for key, value in item.items():
            if key not in (
                "name",
                "givenName",
                "familyName",
                "nameType",
                "nameIdentifiers",
                "affiliation",
                "lang",
                "contributorType",
            ):
                self.note((*path, key), value, f"a property of {list_key} notice_ld does not read")
        return agent

    def _creators(self, notice: dict[str, Any], kind: DocumentType) -> None:
        creators = [
            a
            for path, item in self.list_of("creators")
            if (a := self._agent(path, item, list_key="creators"))
        ]
        if creators:
            notice["creators"] = creators
        contributors: list[dict[str, Any]] = []
        for path, item in self.list_of("contributors"):
            raw_role = scalar_text(self.get(item, "contributorType")) or ""
            role_key = _key(raw_role)
            if role_key in _NOT_CONTRIBUTORS:
                self.note(path, self.get(item, "name") or item, _NOT_CONTRIBUTORS[role_key])
                continue
            agent = self._agent(path, item, list_key="contributors")
            if agent is None:
                continue
            role = _ROLES.get(role_key)
            if role_key == "supervisor" and kind is DocumentType.THESIS:
                role = Role.THESIS_ADVISOR
            if role is None:
                role = Role.CONTRIBUTOR
                if raw_role and role_key != "other":
                    self.note(
                        (*path, "contributorType"),
                        raw_role,
                        "a role the notice model has no value for; kept as the role 'contributor'",
                    )
            entry = {"role": role.value, "agent": agent}
            if entry not in contributors:
                contributors.append(entry)
        if contributors:
            notice["contributors"] = contributors

    def _publisher(self, notice: dict[str, Any]) -> None:
        value = self.data.get("publisher")
        if value is None or value == "":
            return
        if isinstance(value, Mapping):
            name = self.text(("publisher", "name"), value.get("name"))
            if name is None:
                return
            publisher: dict[str, Any] = {"type": "organization", "name": name}
            identifier = scalar_text(value.get("publisherIdentifier"))
            scheme = _AGENT_SCHEMES.get(_key(scalar_text(value.get("publisherIdentifierScheme")) or ""))
            if identifier:
                try:
                    parsed = _parse(identifier, scheme)
                except IdentifierError as exc:
                    self.note(
                        ("publisher", "publisherIdentifier"),
                        identifier,
                        f"not a usable identifier: {exc.problem}",
                    )
                else:
                    if parsed.scheme in _ORGANIZATION_SCHEMES:
                        publisher["identifiers"] = [parsed]
                    else:
                        self.note(
                            ("publisher", "publisherIdentifier"),
                            identifier,
                            "an identifier of a kind that does not identify an organisation",
                        )
            notice["publisher"] = publisher
            return
        name = self.text(("publisher",), value)
        if name is not None:
            notice["publisher"] = {"type": "organization", "name": name}

    # ------------------------------------------------------------------ dates, language

    def _dates(self, notice: dict[str, Any]) -> None:
        dates: list[tuple[tuple[str | int, ...], str, str, str | None, str | None]] = []
        for path, item in self.list_of("dates"):
            text = self.text((*path, "date"), self.get(item, "date") if isinstance(item, Mapping) else item)
            if text is None:
                continue
            kind = scalar_text(self.get(item, "dateType")) or "Other"
            date, note = dc.parse_date(text)
            dates.append((path, kind, text, date, note))
        chosen: tuple[str | int, ...] | None = None
        issued: str | None = None
        unreadable: list[tuple[tuple[str | int, ...], str, str | None]] = []
        for path, kind, text, date, note in dates:
            if _key(kind) != "issued":
                continue
            if date is None:
                unreadable.append(((*path, "date"), text, note))
            elif issued is None:
                chosen, issued = path, date
                if note:
                    self.note((*path, "date"), text, note)
        year = self.text(("publicationYear",), self.data.get("publicationYear"))
        year_date, year_note = dc.parse_date(year) if year else (None, None)
        if year and year_date is None:
            self.note(("publicationYear",), year, f"not a year: {year_note}")
        if issued is None and year_date is not None:
            issued, chosen = year_date, ("publicationYear",)
            if year_note:
                self.note(("publicationYear",), year, year_note)
        elif issued is not None and year_date is not None and not issued.startswith(year_date[:4]):
            self.note(
                ("publicationYear",),
                year,
                f"a publication year other than the year of the Issued date; the notice keeps {issued}",
            )
        if issued is None:
            for wanted in _FALLBACK_DATES:
                for path, kind, text, date, note in dates:
                    if _key(kind) == wanted and date is not None:
                        issued, chosen = date, path
                        self.note(
                            (*path, "date"),
                            text,
                            "no readable date of issue or publication year: "
                            f"the {kind} date is the date of issue" + (f" ({note})" if note else ""),
                        )
                        break
                if issued is not None:
                    break
        if issued is not None:
            notice["issued"] = issued
        for path, text, note in unreadable:
            used = (
                "the notice has no date"
                if chosen is None
                else "the publicationYear is the date of issue"
                if chosen == ("publicationYear",)
                else f"the {self.dialect.path((*chosen, 'date'))} date is the date of issue"
            )
            self.note(path, text, f"a date of issue that cannot be read ({note}); {used}")
        for path, kind, text, date, _ in dates:
            if path != chosen and not (_key(kind) == "issued" and date is None):
                self.note(
                    (*path, "date"), text, f"a date of type {kind}; the notice holds only the date of issue"
                )

    def _language(self, notice: dict[str, Any]) -> None:
        languages: list[str] = []
        for path, item in self.list_of("language"):
            text = self.text(path, item)
            if text is None:
                continue
            tag, why = dc.language_tag(text)
            if tag is None:
                self.note(path, text, why or "not a language")
            elif tag not in languages:
                languages.append(tag)
        if languages:
            notice["languages"] = languages

    # ------------------------------------------------------------------ subjects, rights

    def _subjects(self, notice: dict[str, Any]) -> None:
        keywords: list[dict[str, str]] = []
        subjects: list[dict[str, Any]] = []
        disciplines: list[dict[str, Any]] = []
        for path, item in self.list_of("subjects"):
            value = self.get(item, "subject") if isinstance(item, Mapping) else item
            text = self.text((*path, "subject") if isinstance(item, Mapping) else path, value)
            if text is None:
                continue
            lang = self.lang(path, item, text)
            scheme = scalar_text(self.get(item, "subjectScheme")) or ""
            value_uri = scalar_text(self.get(item, "valueUri"))
            code = self.text((*path, "classificationCode"), self.get(item, "classificationCode"))
            if _FOS.match(text) or _key(scheme).startswith("fieldsofscience"):
                concept: dict[str, Any] = {"labels": [_label(_FOS.sub("", text) or text, lang)]}
                if concept not in disciplines:
                    disciplines.append(concept)
                continue
            if scheme or value_uri or code:
                concept = {"labels": [_label(text, lang)]}
                if value_uri:
                    try:
                        concept["iri"] = _parse(value_uri, ids.Scheme.URL).value
                    except IdentifierError as exc:
                        self.note((*path, "valueUri"), value_uri, f"not a usable concept IRI: {exc.problem}")
                if code:
                    concept["notation"] = code
                if concept not in subjects:
                    subjects.append(concept)
                continue
            for part in _SEMICOLONS.split(text):
                keyword = _label(part, lang)
                if part and keyword not in keywords:
                    keywords.append(keyword)
        if keywords:
            notice["keywords"] = keywords
        if subjects:
            notice["subjects"] = subjects
        if disciplines:
            notice["disciplines"] = disciplines

    def _rights(self, notice: dict[str, Any]) -> None:
        chosen: dict[str, str] | None = None
        for path, item in self.list_of("rightsList"):
            if isinstance(item, str):
                item = {"rights": item}
            if not isinstance(item, Mapping):
                self.note(path, item, "not an object as DataCite gives rights; not read")
                continue
            label = self.text((*path, "rights"), item.get("rights"))
            uri = self.text((*path, "rightsUri"), item.get("rightsUri"))
            spdx = self.text((*path, "rightsIdentifier"), item.get("rightsIdentifier"))
            found = [dc.rights(v) for v in (uri, spdx, label) if v]
            if not found:
                continue
            access = next((dc.access_rights(v) for v in (uri, label) if v and dc.access_rights(v)), None)
            if access is not None or any(r.kind == "access" for r in found):
                if access is None:
                    self.note(path, uri or label, "an access status notice_ld does not recognise")
                elif "access_rights" not in notice:
                    notice["access_rights"] = access
                elif notice["access_rights"] != access:
                    self.note(
                        path,
                        uri or label,
                        f"a second access status; the notice holds one ({notice['access_rights']})",
                    )
                continue
            iri = next((r.iri for r in found if r.iri), None)
            licence = {k: v for k, v in (("iri", iri), ("label", label or spdx)) if v}
            if chosen is None:
                chosen = licence
            elif iri is None or iri != chosen.get("iri"):
                self.note(
                    path,
                    uri or label or spdx,
                    f"a second licence; the notice holds one ({chosen.get('iri') or chosen.get('label')})",
                )
        if chosen:
            notice["license"] = chosen

    # ------------------------------------------------------------------ container, identifiers

    def _container(self, notice: dict[str, Any], kind: DocumentType) -> dict[str, Any]:
        """The container from ``container``, else the first ``IsPublishedIn`` related item; the
        ISSNs, ISBN and identifiers given by ``IsPartOf``/``IsPublishedIn`` related identifiers
        complete it. Returned even without a title (its identifiers then go to the residue)."""
        container: dict[str, Any] = {}
        matched: set[str] = set()  # identifiers and titles that name the container
        given = self.data.get("container")
        if isinstance(given, Mapping) and given:
            self._fill_container(container, ("container",), given, matched, kind)
        for path, item in self.list_of("relatedIdentifiers"):
            if not isinstance(item, Mapping):
                self.note(path, item, "not an object as DataCite gives related identifiers; not read")
                continue
            relation = scalar_text(item.get("relationType")) or "?"
            where = (*path, "relatedIdentifier")
            value = self.text(where, item.get("relatedIdentifier"))
            if value is None:
                continue
            scheme = _key(scalar_text(item.get("relatedIdentifierType")) or "")
            if _key(relation) in ("ispartof", "ispublishedin") and self._container_id(
                container, where, scheme, value, matched
            ):
                self._container_sources.append((where, value))
                continue
            if _key(relation) == "isidenticalto" and scheme in _ID_SCHEMES:
                self._alternate.append((where, scheme, value))
                continue
            self._relation(where, relation, scheme, value)
        for path, item in self.list_of("relatedItems"):
            if not isinstance(item, Mapping):
                self.note(path, item, "not an object as DataCite gives related items; not read")
                continue
            relation = _key(scalar_text(item.get("relationType")) or "")
            title = self._item_title(path, item)
            ident = self.get(item.get("relatedItemIdentifier"), "relatedItemIdentifier")
            ident_text = scalar_text(ident) or scalar_text(item.get("relatedItemIdentifier"))
            if relation in ("ispublishedin", "ispartof") and not container.get("title") and title:
                self._fill_related_item(container, path, item, title, matched, kind)
            elif relation in ("ispublishedin", "ispartof") and (
                (title and title in matched) or (ident_text and ident_text.strip().lower() in matched)
            ):
                continue  # describes the container already read
            else:
                self.note(path, title or item, _RELATION.format(item.get("relationType") or "?"))
        return container

    def _relation(self, where: tuple[str | int, ...], relation: str, scheme: str, value: str) -> None:
        """A related identifier whose relation type the model has becomes a relation (once the
        record's own identifiers are known: :meth:`_relations`); the others are residue."""
        kind = _RELATION_TYPES.get(_key(relation))
        if kind is None:
            self.note(where, value, _RELATION.format(relation))
            return
        target = _ID_SCHEMES.get(scheme) or {"issn": ids.Scheme.ISSN, "eissn": ids.Scheme.ISSN}.get(scheme)
        if target is None and scheme:  # PMID, arXiv, bibcode…: never guessed from the digits
            self.note(
                where,
                value,
                f"a related resource ({relation}) with an identifier the notice has no scheme for",
            )
            return
        try:
            parsed = _parse(value, target)
        except IdentifierError as exc:
            self.note(
                where, value, f"a related resource ({relation}) whose identifier is not usable: {exc.problem}"
            )
            return
        if parsed.scheme in _AGENT_SCHEMES.values():
            self.note(
                where, value, f"{parsed.scheme.a_label} names a person or an organisation, not a resource"
            )
            return
        self._related.append((where, value, kind, parsed))

    def _relations(self, notice: dict[str, Any]) -> None:
        """The relations, but not to the record itself (its own identifiers)."""
        own = {
            i.iri for i in (notice.get("id"), *notice.get("identifiers", ())) if isinstance(i, ids.Identifier)
        }
        relations = []
        for where, value, kind, parsed in self._related:
            if parsed.iri in own:
                self.note(where, value, "the record's own identifier, not a related resource")
            else:
                relations.append({"type": kind.value, "identifier": parsed})
        if relations:
            notice["relations"] = relations

    def _item_title(self, path: tuple[str | int, ...], item: Mapping[str, Any]) -> str | None:
        for i, entry in enumerate(as_list(item.get("titles"))):
            value = self.get(entry, "title") if isinstance(entry, Mapping) else entry
            if _key(scalar_text(self.get(entry, "titleType")) or "") in ("", "other") or i == 0:
                text = self.text((*path, "titles", i, "title"), value)
                if text:
                    return text
        return None

    def _fill_container(
        self,
        container: dict[str, Any],
        path: tuple[str | int, ...],
        given: Mapping[str, Any],
        matched: set[str],
        kind: DocumentType,
    ) -> None:
        ctype = _key(scalar_text(given.get("type")) or "")
        title = self.text((*path, "title"), given.get("title"))
        if ctype and ctype not in _CONTAINER_TYPES:
            self.note(
                path,
                title or given,
                f"a container of type {given.get('type')}, not a journal, series, book or proceedings",
            )
            return
        if title:
            container["title"] = title
            matched.add(title)
        if ctype:
            container["type"] = _CONTAINER_TYPES[ctype].value
        elif kind is DocumentType.CHAPTER:
            container["type"] = ContainerType.BOOK.value
        ident = self.text((*path, "identifier"), given.get("identifier"))
        scheme = _key(scalar_text(given.get("identifierType")) or "")
        if ident and self._container_id(container, (*path, "identifier"), scheme, ident, matched):
            self._container_sources.append(((*path, "identifier"), ident))
        self._numbering(container, path, given)
        for key, value in given.items():
            if key not in (
                "type",
                "title",
                "identifier",
                "identifierType",
                "volume",
                "issue",
                "firstPage",
                "lastPage",
                "number",
            ):
                self.note((*path, key), value, "a container property notice_ld does not read")

    def _fill_related_item(
        self,
        container: dict[str, Any],
        path: tuple[str | int, ...],
        item: Mapping[str, Any],
        title: str | None,
        matched: set[str],
        kind: DocumentType,
    ) -> None:
        item_type = _key(scalar_text(item.get("relatedItemType")) or "")
        if title:
            container["title"] = title
            matched.add(title)
        if item_type in _CONTAINER_TYPES:
            container["type"] = _CONTAINER_TYPES[item_type].value
        elif item_type == "journalarticle" or kind is DocumentType.ARTICLE:
            container.setdefault("type", ContainerType.JOURNAL.value)
        elif kind is DocumentType.CHAPTER:
            container.setdefault("type", ContainerType.BOOK.value)
        ident = item.get("relatedItemIdentifier")
        if isinstance(ident, Mapping):
            value = self.text((*path, "relatedItemIdentifier"), ident.get("relatedItemIdentifier"))
            scheme = _key(scalar_text(ident.get("relatedItemIdentifierType")) or "")
            if value:
                self._container_id(container, path, scheme, value, matched)
        self._numbering(container, path, item)
        known = {
            "relationType",
            "relatedItemType",
            "titles",
            "relatedItemIdentifier",
            "volume",
            "issue",
            "number",
            "numberType",
            "firstPage",
            "lastPage",
            "publicationYear",
            "publisher",
            "contributors",
            "creators",
        }
        for key, value in item.items():
            if key not in known:
                self.note((*path, key), value, "a property of the container notice_ld does not read")

    def _numbering(
        self, container: dict[str, Any], path: tuple[str | int, ...], given: Mapping[str, Any]
    ) -> None:
        for key in ("volume", "issue"):
            value = self.text((*path, key), given.get(key))
            if value:
                container.setdefault(key, value)
        first = self.text((*path, "firstPage"), given.get("firstPage"))
        last = self.text((*path, "lastPage"), given.get("lastPage"))
        if first or last:
            container.setdefault(
                "pages", f"{first}-{last}" if first and last and first != last else first or last
            )
        number = self.text((*path, "number"), given.get("number"))
        if number:
            self.note(
                (*path, "number"),
                number,
                "a number within the container (article, chapter); the notice model has none",
            )

    def _container_id(
        self,
        container: dict[str, Any],
        path: tuple[str | int, ...],
        scheme: str,
        value: str,
        matched: set[str],
    ) -> bool:
        """Put an identifier of the container where it belongs; ``False`` when it is not one."""
        target = {"issn": ids.Scheme.ISSN, "eissn": ids.Scheme.ISSN, "isbn": ids.Scheme.ISBN}.get(scheme)
        try:
            if target is not None:
                parsed = _parse(value, target)
            elif scheme in ("doi", "url", "handle", "ark"):
                parsed = _parse(value, _ID_SCHEMES[scheme])
            else:
                return False
        except IdentifierError as exc:
            self.note((*path,), value, f"an identifier of the container that is not usable: {exc.problem}")
            return True
        matched.add(value.lower())
        matched.add(parsed.value.lower())
        if parsed.scheme is ids.Scheme.ISSN:
            slot = (
                "eissn" if scheme == "eissn" or container.get("issn") not in (None, parsed.value) else "issn"
            )
            if container.get(slot) not in (None, parsed.value):
                self.note(path, value, "a third ISSN; the container holds an ISSN and an e-ISSN")
            elif parsed.value not in (container.get("issn"), container.get("eissn")):
                container[slot] = parsed.value
        elif parsed.scheme is ids.Scheme.ISBN:
            if container.get("isbn") not in (None, parsed.value):
                self.note(path, value, "a second ISBN of the container; it holds one")
            else:
                container["isbn"] = parsed.value
        elif container.get("iri") in (None, parsed.iri):
            container["iri"] = parsed.iri
        elif parsed.iri != container.get("iri"):
            self.note(path, value, "a second identifier of the container; it holds one IRI")
        return True

    def _identifiers(
        self,
        notice: dict[str, Any],
        container: dict[str, Any],
        minter: Minter | None,
        key: str | None,
    ) -> tuple[str, str, str] | None:
        pids: list[ids.Identifier] = []
        urls: list[ids.Identifier] = []
        isbns: list[ids.Identifier] = []
        doi = scalar_text(self.data.get("doi"))
        if doi and doi.strip():
            try:
                pids.append(_parse(doi, ids.Scheme.DOI))
            except IdentifierError as exc:
                self.note(("doi",), doi, f"not a usable DOI: {exc.problem}")
        candidates: list[tuple[tuple[str | int, ...], str, str]] = []
        for list_key, value_key, type_key in (
            ("identifiers", "identifier", "identifierType"),
            ("alternateIdentifiers", "alternateIdentifier", "alternateIdentifierType"),
        ):
            for path, item in self.list_of(list_key):
                value = self.text((*path, value_key), self.get(item, value_key))
                if value:
                    candidates.append(
                        ((*path, value_key), _key(scalar_text(self.get(item, type_key)) or ""), value)
                    )
        candidates.extend(self._alternate)
        for path, scheme, value in candidates:
            target = _ID_SCHEMES.get(scheme)
            if target is None:
                self.note(
                    path,
                    value,
                    f"an identifier of a kind the notice model has no scheme for ({scheme or 'no type'})",
                )
                continue
            try:
                parsed = _parse(value, target)
            except IdentifierError as exc:
                self.note(path, value, f"not a usable identifier: {exc.problem}")
                continue
            bucket = (
                urls
                if parsed.scheme is ids.Scheme.URL
                else isbns
                if parsed.scheme is ids.Scheme.ISBN
                else pids
            )
            if parsed not in bucket:
                bucket.append(parsed)
        url = self.text(("url",), self.data.get("url"))
        if url:
            try:
                landing = _parse(url, ids.Scheme.URL)
            except IdentifierError as exc:
                self.note(("url",), url, f"not a usable landing page URL: {exc.problem}")
            else:
                notice["landing_page"] = landing.value
                if landing in urls:
                    urls.remove(landing)
                urls.insert(0, landing)
        pids.sort(key=lambda i: _PID_ORDER.index(i.scheme) if i.scheme in _PID_ORDER else len(_PID_ORDER))
        others: list[ids.Identifier]
        if pids:
            notice["id"], others = (
                pids[0],
                pids[1:] + urls[1:] if "landing_page" in notice else pids[1:] + urls,
            )
        elif minter is not None and key:
            try:
                notice["id"] = ids.Identifier(ids.Scheme.HANDLE, minter.mint(key))
            except RecordError as err:
                return "doi", f"no DOI, and no Handle can be minted from {key!r}: {err.problem}", err.fix
            others = urls[1:] if "landing_page" in notice else urls
        elif urls:
            notice["id"], others = urls[0], urls[1:]
        else:
            fix = (
                "pass a Handle prefix (--prefix) to mint one from the OAI identifier"
                if key
                else "give the record its DOI (or a Handle, ARK or URL in alternateIdentifiers)"
            )
            return "doi", "the record has no usable identifier (DOI, Handle, ARK, URN or URL)", fix
        if (
            isbns
            and notice.get("type") == DocumentType.CHAPTER.value
            and container.get("title")
            and "isbn" not in container
        ):
            container["isbn"] = isbns.pop(0).value
        others += isbns
        if others:
            notice["identifiers"] = others
        if container.get("title"):
            notice["container"] = container
        else:
            for path, value in self._container_sources:
                self.note(path, value, "identifies the container, but no title for it was given")
            for name in ("volume", "issue", "pages"):
                if name in container:
                    self.note(("container", name), container[name], "numbers a container that has no title")
        return None

    # ------------------------------------------------------------------ the rest

    def _rest(self, notice: dict[str, Any]) -> None:
        reasons = {
            "fundingReferences": "funding; the notice model has no funding field",
            "geoLocations": "a place covered; the notice model has no coverage field",
            "sizes": "a size of the files; the notice describes the work, not its files",
            "formats": "a file format; the notice describes the work, not its files",
            "contentUrl": "a link to a file; the notice describes the work, not its files",
            "version": "a version; the notice model has no version field",
        }
        for key, reason in reasons.items():
            for path, item in self.list_of(key):
                if item not in (None, "", {}):
                    self.note(path, item, reason)
        known = {
            "doi",
            "identifiers",
            "alternateIdentifiers",
            "creators",
            "contributors",
            "titles",
            "descriptions",
            "publisher",
            "publicationYear",
            "dates",
            "language",
            "types",
            "subjects",
            "rightsList",
            "container",
            "relatedItems",
            "relatedIdentifiers",
            "url",
            "id",
            *reasons,
        }
        for key, value in self.data.items():
            if key not in known and key not in _BOOKKEEPING and value not in (None, "", [], {}):
                self.note((key,), value, "not a DataCite property notice_ld knows")


def map_datacite(
    attributes: Mapping[str, Any],
    *,
    dialect: Dialect = Dialect.JSON,
    minter: Minter | None = None,
    key: str | None = None,
) -> Mapped:
    """Map one DataCite attributes object (the REST API's names; the XML reader builds the same
    object) into the JSON form of a notice and its residue, or the problem that rejects it.

    ``key`` is the record's OAI identifier when it has one: a Handle is minted from it (with
    ``minter``) for a record without a DOI or other persistent identifier.

    >>> record = {"doi": "10.5072/x", "titles": [{"title": "T"}], "publicationYear": "2014",
    ...           "dates": [{"date": "2021-01-26", "dateType": "Updated"}]}
    >>> mapped = map_datacite(record, dialect=Dialect.XML)
    >>> mapped.data["issued"], mapped.residue[0].element, mapped.residue[0].reason
    ('2014', 'dates/date[1]', 'a date of type Updated; the notice holds only the date of issue')
    """
    mapping = _Mapping(attributes, dialect)
    data, problem = mapping.build(minter, key)
    if problem is not None:
        path, text, fix = problem
        return Mapped(data, mapping.residue, (dialect.path((path,)), text, fix))
    return Mapped(data, mapping.residue)


def record_label(attributes: Mapping[str, Any], where: str) -> str:
    """How messages name a DataCite record: its DOI, then where it is.

    >>> record_label({"doi": "10.5072/x"}, "f.json[2]"), record_label({}, "f.json[2]")
    ('10.5072/x (f.json[2])', 'f.json[2]')
    """
    doi = scalar_text(attributes.get("doi"))
    return f"{text.escaped(doi.strip())} ({where})" if doi and doi.strip() else where


def _unwrap(value: Any) -> Unwrapped:
    """The records of a REST API answer: ``{"data": [...]}`` (a ``/dois`` page), ``{"data": {...}}``
    (one DOI), an error answer; anything else is a record itself."""
    if not isinstance(value, Mapping):
        return None
    if "data" in value and isinstance(value["data"], list | Mapping):
        data = value["data"]
        return data if isinstance(data, list) else dict(data)
    errors = value.get("errors")
    if isinstance(errors, list) and "attributes" not in value and "doi" not in value:
        shown = "; ".join(
            str(e.get("title") or e.get("detail") or e.get("status"))
            for e in errors
            if isinstance(e, Mapping)
        )
        return NotRecords(
            f"the DataCite API answered an error: {shown or 'no detail'}",
            "check the query (the DOI, the filters) and fetch the records again",
        )
    return None


def _attributes(record: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """A record's attributes: a JSON:API item's ``attributes`` (its ``id`` completing a missing
    ``doi``), or the record itself when it is an attributes object."""
    attributes = record.get("attributes")
    if isinstance(attributes, Mapping):
        ident = record.get("id")
        if not scalar_text(attributes.get("doi")) and isinstance(ident, str) and ident.startswith("10."):
            return {**attributes, "doi": ident}
        return attributes
    if "attributes" in record:
        return None
    return record


def _identify(record: Mapping[str, Any]) -> str | None:
    attributes = _attributes(record) or {}
    doi = scalar_text(attributes.get("doi")) or scalar_text(record.get("id"))
    return doi.strip() if doi and doi.strip() else None


def read_datacite(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read DataCite REST API JSON: ``/dois`` pages (``{"data": [...]}``), single records
    (``{"data": {...}}``), bare attributes objects, a JSON array or JSON Lines of any of them
    (gzip-compressed or not); each record is read on its own (see
    :mod:`notice_ld.readers.jsonrecords`), positions are ``file[3]`` or ``file:line``.
    """
    for found in json_records(stream, name, options.max_record_bytes, _unwrap, _identify):
        if isinstance(found, RecordError):
            yield found
            continue
        attributes = _attributes(found.data)
        if attributes is None or not attributes:
            yield RecordError(
                record=found.record,
                field="attributes",
                problem="not a DataCite record: its attributes are not an object",
                fix="give DataCite REST API records ({'data': {'attributes': {...}}}) or their attributes",
            )
            continue
        if not ({"doi", "titles", "creators", "types", "identifiers", "url"} & set(attributes)):
            yield RecordError(
                record=found.record,
                problem="not a DataCite record (none of doi, titles, creators, types, url)",
                fix="read this file with the reader of its format (--from), or give DataCite records",
            )
            continue
        yield from mapped_outcomes(map_datacite(attributes, minter=options.minter), found.record, found.where)
