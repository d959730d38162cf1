"""The notice model: a typed, immutable bibliographic record.

A :class:`Notice` carries everything an ISIDORE-style record carries — identifiers, type, titles and
abstracts in several languages, ordered creators (with an explicit "et al." marker), contributors
with roles, a date with its precision, languages, keywords, subject and discipline concepts,
périmètre (scope), source, container (journal, series, book), collection, providing organisation,
publisher, licence, landing page and citation.

Values are checked when the notice is built: identifiers are parsed and their check digits
verified, language tags are BCP 47 (and normalised: ``"FR"`` → ``"fr"``, ``"fre"`` → ``"fr"``),
dates exist in the calendar, text is stripped and never empty. Unknown fields are an error, never
silently dropped.

>>> n = Notice.from_dict({
...     "id": "10670/1.jt89mr",
...     "type": "article",
...     "titles": [{"value": "Produire des savoirs", "lang": "FR"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}],
...     "creators_et_al": True,
...     "issued": "2019",
... })
>>> n.id.scheme.value, n.id.iri
('handle', 'https://hdl.handle.net/10670/1.jt89mr')
>>> n.titles[0].lang, n.creators[0].display_name, n.date_precision
('fr', 'Emmanuelle Jouet', 'year')
"""

from __future__ import annotations

import calendar
import difflib
import enum
import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from types import MappingProxyType
from typing import Annotated, Any, Final, Literal, Self, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    Tag,
    ValidationError,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from notice_ld import identifiers as ids
from notice_ld.errors import RecordError
from notice_ld.vocabulary import COAR_ACCESS_RIGHT

__all__ = [
    "AccessRights",
    "Collection",
    "Concept",
    "Container",
    "ContainerType",
    "Contributor",
    "DocumentType",
    "License",
    "Notice",
    "Organization",
    "Person",
    "Relation",
    "RelationType",
    "Role",
    "Text",
    "pick_text",
]

_DATE_FIX = "write the date as YYYY, YYYY-MM or YYYY-MM-DD, with a month 01-12 and a day that exists"


class Invalid(ValueError):
    """A field value is wrong: ``problem`` says what, ``fix`` what to do (becomes a RecordError)."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_unencodable(text: str) -> None:
    """Refuse what no UTF-8 output can carry (a lone surrogate) and control characters (C0, C1)."""
    if _SURROGATE.search(text):
        raise Invalid(
            "contains an unpaired surrogate (not a Unicode character: the source was not valid UTF-8/UTF-16)",
            "fix the encoding of the source record (re-export it as UTF-8)",
        )
    if _CONTROL.search(text):
        raise Invalid(
            "contains a control character",
            "remove the control character (copy the text again from its source; C1 controls U+0080–U+009F "
            "usually are Windows-1252 characters read as Latin-1)",
        )


_SPACES = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # fold spaces, keep no-break spaces
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _clean_line(value: object) -> object:
    """Strip, NFC-normalise and fold white space of a one-line text; reject control characters."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value)
    if text.isprintable() and "  " not in text:
        # the common case: no control character, no white space but single spaces, nothing to fold
        text = text.strip()
        if not text:
            raise Invalid("is empty", "remove the field or give a value")
        return text
    _refuse_unencodable(text)
    text = _SPACES.sub(" ", text).strip()
    if not text:
        raise Invalid("is empty", "remove the field or give a value")
    return text


def _clean_block(value: object) -> object:
    """Like :func:`_clean_line` but keeps paragraph breaks (abstracts)."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value)
    if "  " not in text:  # the common cases: no control character, no white space to fold
        if "\n" not in text:
            if text.isprintable():  # one paragraph, single spaces only
                text = text.strip()
                if not text:
                    raise Invalid("is empty", "remove the field or give a value")
                return text
        elif all(p and p.isprintable() and p.strip() == p for p in text.split("\n\n")):
            return text  # printable paragraphs separated by exactly one blank line
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_unencodable(text)
    paragraphs = [_SPACES.sub(" ", p).strip() for p in re.split(r"\n\s*\n", text)]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise Invalid("is empty", "remove the field or give a value")
    return text


def _language_tag(value: object) -> object:
    """Validate a BCP 47 language tag and return its normalised form."""
    if not isinstance(value, str):
        return value
    normalised = _standard_tag(value)
    if normalised is None:
        raise Invalid(f"{value!r} is not a BCP 47 language tag", "write a tag such as 'fr', 'en' or 'de-CH'")
    return normalised


@lru_cache(maxsize=4096)
def _standard_tag(value: str) -> str | None:
    """The normalised tag, or ``None`` when ``value`` is not BCP 47 (few distinct tags: cached).

    langcodes (and its 30 ms of data tables) is imported by the first tag checked, not with the model.
    """
    import langcodes

    tag = value.strip()
    if not tag or not tag.isascii() or not langcodes.tag_is_valid(tag):
        return None
    return str(langcodes.standardize_tag(tag))


def _identifier(value: object) -> object:
    """Parse ``"10.1234/x"`` or ``{"scheme": "doi", "value": "10.1234/x"}`` into an Identifier."""
    if isinstance(value, ids.Identifier):
        return value
    if isinstance(value, str):
        return _parse_identifier(value, None)
    if isinstance(value, Mapping):
        extra = set(value) - {"scheme", "value"}
        if extra:
            raise Invalid(f"unknown key(s) {sorted(extra)} in an identifier", "use only 'scheme' and 'value'")
        text = value.get("value")
        if not isinstance(text, str):
            raise Invalid(
                "an identifier needs a 'value'",
                "write {'scheme': ..., 'value': '...'} or the identifier as a string",
            )
        scheme = value.get("scheme")
        if scheme is not None and not isinstance(scheme, str):
            raise Invalid("an identifier's 'scheme' must be text", f"use one of: {', '.join(_SCHEMES)}")
        return _parse_identifier(text, scheme)
    raise Invalid(
        "an identifier must be text or an object",
        "write the identifier as a string or {'scheme': ..., 'value': ...}",
    )


@lru_cache(maxsize=8192)
def _parse_identifier(text: str, scheme: str | None) -> ids.Identifier:
    """:func:`notice_ld.identifiers.parse`, cached: journals' ISSNs and people's ORCIDs recur.

    Identifiers are immutable values and errors are not cached, so this changes nothing but speed.
    """
    return ids.parse(text, scheme)


def _identifier_json(identifier: ids.Identifier) -> dict[str, str]:
    return {"scheme": identifier.scheme.value, "value": identifier.value}


def _iri(value: object) -> object:
    """Check an absolute http(s) IRI given in a record (licence, concept, landing page)."""
    if not isinstance(value, str):
        return value
    return ids.parse(value, ids.Scheme.URL).value


_SCHEMES = [s.value for s in ids.Scheme]

IdentifierField = Annotated[
    ids.Identifier,
    BeforeValidator(_identifier),
    PlainSerializer(_identifier_json),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "string", "description": "an identifier whose scheme is detected from its form"},
                {
                    "type": "object",
                    "properties": {
                        "scheme": {"enum": _SCHEMES},
                        "value": {"type": "string", "minLength": 1},
                    },
                    "required": ["value"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
Line = Annotated[str, BeforeValidator(_clean_line)]
Block = Annotated[str, BeforeValidator(_clean_block)]
LanguageTag = Annotated[
    str,
    BeforeValidator(_language_tag),
    WithJsonSchema({"type": "string", "description": "BCP 47 language tag", "examples": ["fr", "en"]}),
]
IRIField = Annotated[
    str,
    BeforeValidator(_iri),
    WithJsonSchema({"type": "string", "format": "iri", "pattern": "^https?://"}),
]

_FROZEN = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, hide_input_in_errors=True)


class DocumentType(enum.StrEnum):
    """Kinds of documents, each mapped to a BIBO and a schema.org class (see ``vocab/types.csv``)."""

    ARTICLE = "article"
    BOOK = "book"
    CHAPTER = "chapter"
    THESIS = "thesis"
    REPORT = "report"
    CONFERENCE_PAPER = "conference_paper"
    WORKING_PAPER = "working_paper"
    DATASET = "dataset"
    OTHER = "other"


class ContainerType(enum.StrEnum):
    """What a document is part of."""

    JOURNAL = "journal"
    SERIES = "series"
    BOOK = "book"
    PROCEEDINGS = "proceedings"


class Role(enum.StrEnum):
    """Roles of contributors other than the creators."""

    EDITOR = "editor"
    TRANSLATOR = "translator"
    THESIS_ADVISOR = "thesis_advisor"
    CONTRIBUTOR = "contributor"


class Text(BaseModel):
    """A text value with an optional BCP 47 language tag.

    >>> Text(value="  Vie   sociale ", lang="FR")
    Text(value='Vie sociale', lang='fr')
    """

    model_config = _FROZEN
    value: Line
    lang: LanguageTag | None = None


class LongText(BaseModel):
    """A multi-paragraph text (an abstract) with an optional language tag; paragraphs are kept."""

    model_config = _FROZEN
    value: Block
    lang: LanguageTag | None = None


_TextT = TypeVar("_TextT", Text, LongText)


def pick_text(values: Sequence[_TextT], lang: str | None) -> _TextT | None:
    """The value in ``lang``, else in its base language, else an untagged one, else the first
    (``None`` for no value): how pages, citations and the schema.org view choose a title or an
    abstract.

    >>> titles = [Text(value="Vie sociale", lang="fr"), Text(value="Social life", lang="en")]
    >>> pick_text(titles, "en-GB").value, pick_text(titles, "de").value, pick_text([], "fr")
    ('Social life', 'Vie sociale', None)
    """
    if not values:
        return None
    if lang:
        wanted = lang.lower()
        base = wanted.split("-")[0]
        for value in values:
            if value.lang and value.lang.lower() == wanted:
                return value
        for value in values:
            if value.lang and value.lang.split("-")[0].lower() == base:
                return value
    for value in values:
        if value.lang is None:
            return value
    return values[0]


class Person(BaseModel):
    """A person: family and given names and/or a display name, and identifiers (ORCID, IdRef, ISNI…).

    >>> Person(family="Jouet", given="Emmanuelle").display_name
    'Emmanuelle Jouet'
    """

    model_config = _FROZEN
    type: Literal["person"] = "person"
    name: Line | None = None
    family: Line | None = None
    given: Line | None = None
    identifiers: tuple[IdentifierField, ...] = ()

    @model_validator(mode="after")
    def _has_a_name(self) -> Self:
        if self.name is None and self.family is None:
            raise Invalid("a person has no name", "give 'family' (and 'given'), or 'name'")
        _check_agent_ids(self.identifiers, ("orcid", "idref", "isni", "url"))
        return self

    @property
    def display_name(self) -> str:
        """The name to show: ``name`` if given, else ``given family``."""
        if self.name is not None:
            return self.name
        return " ".join(p for p in (self.given, self.family) if p)


class Organization(BaseModel):
    """An organisation (an author, a publisher, a providing organisation), with ROR/ISNI/IdRef ids.

    >>> Organization(type="organization", name="Cairn").display_name
    'Cairn'
    """

    model_config = _FROZEN
    type: Literal["organization"]
    name: Line
    identifiers: tuple[IdentifierField, ...] = ()

    @model_validator(mode="after")
    def _ids(self) -> Self:
        _check_agent_ids(self.identifiers, ("ror", "isni", "idref", "url"))
        return self

    @property
    def display_name(self) -> str:
        """The organisation's name."""
        return self.name


def _check_agent_ids(values: tuple[ids.Identifier, ...], allowed: tuple[str, ...]) -> None:
    for identifier in values:
        if identifier.scheme.value not in allowed:
            raise Invalid(
                f"{identifier.scheme.a_label} does not identify this kind of agent",
                f"use one of: {', '.join(allowed)}; or move it to the right person or organisation",
            )


def _agent_tag(value: Any) -> str:
    if isinstance(value, Mapping):
        return str(value.get("type", "person"))
    return str(getattr(value, "type", "person"))


Agent = Annotated[
    Annotated[Person, Tag("person")] | Annotated[Organization, Tag("organization")],
    Discriminator(
        _agent_tag,
        custom_error_type="agent_type",
        custom_error_message="type must be 'person' or 'organization'",
    ),
]


class Contributor(BaseModel):
    """A contributor other than a creator, with a role.

    >>> Contributor(role="thesis_advisor", agent={"family": "Dupont", "given": "Anne"}).role
    <Role.THESIS_ADVISOR: 'thesis_advisor'>
    """

    model_config = _FROZEN
    role: Role
    agent: Agent


class Concept(BaseModel):
    """A subject, discipline or scope concept: an IRI and/or labels (SKOS prefLabels).

    >>> Concept(iri="http://aurehal.archives-ouvertes.fr/subject/shs.socio",
    ...         labels=[{"value": "Sociologie", "lang": "fr"}]).labels[0].value
    'Sociologie'
    """

    model_config = _FROZEN
    iri: IRIField | None = None
    labels: tuple[Text, ...] = ()
    notation: Line | None = None

    @model_validator(mode="after")
    def _iri_or_label(self) -> Self:
        if self.iri is None and not self.labels:
            raise Invalid("a concept has neither an IRI nor a label", "give 'iri' or at least one label")
        return self


class Container(BaseModel):
    """The journal, series, book or proceedings a document is part of, with its numbering.

    >>> c = Container(title="Vie sociale", issn="1950-4667", volume="25", issue="1", pages="123-140")
    >>> c.page_range
    ('123', '140')
    """

    model_config = _FROZEN
    type: ContainerType = ContainerType.JOURNAL
    title: Line
    issn: IdentifierField | None = None
    eissn: IdentifierField | None = None
    issn_l: IdentifierField | None = None
    isbn: IdentifierField | None = None
    iri: IRIField | None = None
    volume: Line | None = None
    issue: Line | None = None
    pages: Line | None = None

    @model_validator(mode="after")
    def _kinds(self) -> Self:
        for name, expected in (("issn", "issn"), ("eissn", "issn"), ("issn_l", "issn"), ("isbn", "isbn")):
            value: ids.Identifier | None = getattr(self, name)
            if value is not None and value.scheme.value not in (expected, "issn-l"):
                raise Invalid(
                    f"'{name}' holds a {value.scheme.label}, not an {expected.upper()}",
                    f"put an {expected.upper()} in '{name}'",
                )
        return self

    @property
    def page_range(self) -> tuple[str, str] | None:
        """``(first, last)`` when ``pages`` is a range like ``"123-140"``, else ``None``."""
        if self.pages is None:
            return None
        parts = re.split(r"\s*[-–—]\s*", self.pages)
        if len(parts) == 2 and all(parts):
            return parts[0], parts[1]
        return None


class Collection(BaseModel):
    """The portal collection a notice belongs to (ISIDORE "Collection", e.g. ``Cairn.info``)."""

    model_config = _FROZEN
    name: Line
    iri: IRIField | None = None


class License(BaseModel):
    """A licence: an IRI where one is known, and/or the label the source gives.

    >>> License(label="Cairn").iri is None
    True
    """

    model_config = _FROZEN
    iri: IRIField | None = None
    label: Line | None = None

    @model_validator(mode="after")
    def _iri_or_label(self) -> Self:
        if self.iri is None and self.label is None:
            raise Invalid(
                "a licence has neither an IRI nor a label",
                "give 'iri' (e.g. https://creativecommons.org/licenses/by/4.0/) or 'label'",
            )
        return self


class AccessRights(enum.StrEnum):
    """Who may read the document itself (its full text or files), as COAR Access Rights say it.

    ``closed`` is COAR's *metadata only access*: the record is public, the document is not.

    >>> AccessRights("embargoed").coar_iri
    'http://purl.org/coar/access_right/c_f1cf'
    >>> AccessRights.from_coar_iri("http://purl.org/coar/access_right/c_abf2"), AccessRights.OPEN.free
    (<AccessRights.OPEN: 'open'>, True)
    """

    OPEN = "open"
    EMBARGOED = "embargoed"
    RESTRICTED = "restricted"
    CLOSED = "closed"

    @property
    def coar_iri(self) -> str:
        """The COAR Access Rights concept (the value of ``dcterms:accessRights``)."""
        return _COAR_ACCESS_IRIS[self]

    @property
    def free(self) -> bool:
        """Whether anyone may read the document now, free of charge (``schema:isAccessibleForFree``):
        only open access is; an embargoed document is not, yet."""
        return self is AccessRights.OPEN

    @classmethod
    def from_coar_iri(cls, iri: str) -> AccessRights | None:
        """The access rights a COAR Access Rights IRI names, or ``None`` for another IRI."""
        for member, known in _COAR_ACCESS_IRIS.items():
            if known == iri:
                return member
        return None


_COAR_ACCESS_IRIS: Final[Mapping[AccessRights, str]] = MappingProxyType(
    {
        AccessRights.OPEN: COAR_ACCESS_RIGHT.c_abf2,
        AccessRights.EMBARGOED: COAR_ACCESS_RIGHT.c_f1cf,
        AccessRights.RESTRICTED: COAR_ACCESS_RIGHT.c_16ec,
        AccessRights.CLOSED: COAR_ACCESS_RIGHT.c_14cb,
    }
)


class RelationType(enum.StrEnum):
    """How the document relates to another resource: DCMI's relation terms (``is_version_of`` is
    ``dcterms:isVersionOf``…), DataCite's supplement relations, and ``related`` for
    ``dcterms:relation`` itself (a relation of no more precise kind). See ``docs/mapping.md``.

    ``is_part_of`` names a whole the document belongs to that is not its journal, series or book
    (those are the ``container``): a dataset in a larger one, a version in a concept record.

    >>> RelationType("is_version_of").inverse
    <RelationType.HAS_VERSION: 'has_version'>
    """

    IS_VERSION_OF = "is_version_of"
    HAS_VERSION = "has_version"
    IS_PART_OF = "is_part_of"
    HAS_PART = "has_part"
    REFERENCES = "references"
    IS_REFERENCED_BY = "is_referenced_by"
    IS_FORMAT_OF = "is_format_of"
    HAS_FORMAT = "has_format"
    REPLACES = "replaces"
    IS_REPLACED_BY = "is_replaced_by"
    IS_SUPPLEMENT_TO = "is_supplement_to"
    IS_SUPPLEMENTED_BY = "is_supplemented_by"
    RELATED = "related"

    @property
    def inverse(self) -> RelationType:
        """The same link seen from the other resource (``related`` is its own inverse)."""
        return _INVERSE_RELATIONS[self]


_RELATION_PAIRS: Final = (
    (RelationType.IS_VERSION_OF, RelationType.HAS_VERSION),
    (RelationType.IS_PART_OF, RelationType.HAS_PART),
    (RelationType.REFERENCES, RelationType.IS_REFERENCED_BY),
    (RelationType.IS_FORMAT_OF, RelationType.HAS_FORMAT),
    (RelationType.REPLACES, RelationType.IS_REPLACED_BY),
    (RelationType.IS_SUPPLEMENT_TO, RelationType.IS_SUPPLEMENTED_BY),
)
_INVERSE_RELATIONS: Final[Mapping[RelationType, RelationType]] = MappingProxyType(
    {
        **dict(_RELATION_PAIRS),
        **{b: a for a, b in _RELATION_PAIRS},
        RelationType.RELATED: RelationType.RELATED,
    }
)
_AGENT_SCHEMES: Final = frozenset({ids.Scheme.ORCID, ids.Scheme.ISNI, ids.Scheme.ROR, ids.Scheme.IDREF})
_RELATION_FIX: Final = "give the related document's DOI, Handle, ARK, HAL id, NNT, ISBN, ISSN, URN or URL"


def _relation_identifier(value: object) -> object:
    """Parse a relation's identifier and keep it in the form its IRI reads back as.

    A relation is a link to an IRI: a HAL URL given as a URL is the HAL id, a Handle resolver URL
    the Handle — the same IRI either way, so the notice read back from its RDF is the same.
    """
    ident = _identifier(value)
    if not isinstance(ident, ids.Identifier):
        return ident
    if ident.scheme in _AGENT_SCHEMES:
        raise Invalid(
            f"{ident.scheme.a_label} names a person or an organisation, not a document", _RELATION_FIX
        )
    try:
        again = _parse_identifier(ident.iri, None)
    except RecordError:
        return ident
    return again if again.iri == ident.iri else ident


def _relation_identifier_json(identifier: ids.Identifier) -> dict[str, str]:
    """The JSON form; an ARK read from its own resolver's URL keeps that URL (its IRI)."""
    value = identifier.iri if identifier.resolver else identifier.value
    return {"scheme": identifier.scheme.value, "value": value}


RelationIdentifier = Annotated[
    ids.Identifier,
    BeforeValidator(_relation_identifier),
    PlainSerializer(_relation_identifier_json),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "string", "description": "an identifier whose scheme is detected from its form"},
                {
                    "type": "object",
                    "properties": {
                        "scheme": {"enum": [s for s in _SCHEMES if ids.Scheme(s) not in _AGENT_SCHEMES]},
                        "value": {"type": "string", "minLength": 1},
                    },
                    "required": ["value"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class Relation(BaseModel):
    """A link from the document to another resource, named by its persistent identifier or URL.

    The identifier becomes the IRI the link points to (``https://doi.org/…``, the Handle or ARK
    resolver, the URL itself); an identifier of a person or an organisation is refused.

    >>> r = Relation(type="is_version_of", identifier="10.5281/zenodo.1234")
    >>> r.type, r.identifier.iri
    (<RelationType.IS_VERSION_OF: 'is_version_of'>, 'https://doi.org/10.5281/zenodo.1234')
    >>> hal = {"scheme": "url", "value": "https://hal.science/hal-01234567"}
    >>> Relation(type="references", identifier=hal).identifier
    Identifier(scheme=<Scheme.HAL: 'hal'>, value='hal-01234567')
    """

    model_config = _FROZEN
    type: RelationType
    identifier: RelationIdentifier

    @property
    def iri(self) -> str:
        """The IRI the link points to."""
        return self.identifier.iri


class Notice(BaseModel):
    """A bibliographic record. Build it with :meth:`from_dict` (or keyword arguments).

    Only ``id`` and ``titles`` are required. ``creators`` keep their order; ``creators_et_al``
    says the source lists only the first creators (the seed's "Emmanuelle Jouet et al.") — no
    co-author is ever invented. ``issued`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and its
    precision is kept.

    >>> Notice.from_dict({"id": "10.1234/x", "titles": [{"value": "T"}], "issued": "2019-13"})
    Traceback (most recent call last):
    ...
    notice_ld.errors.RecordError: record 10.1234/x, field issued: month 13 does not exist (fix: ...)
    """

    model_config = _FROZEN
    id: IdentifierField
    type: DocumentType = DocumentType.OTHER
    type_label: Line | None = None
    titles: tuple[Text, ...] = Field(min_length=1)
    abstracts: tuple[LongText, ...] = ()
    creators: tuple[Agent, ...] = ()
    creators_et_al: bool = False
    contributors: tuple[Contributor, ...] = ()
    issued: str | None = Field(default=None, json_schema_extra={"pattern": _DATE.pattern})
    languages: tuple[LanguageTag, ...] = ()
    keywords: tuple[Text, ...] = ()
    subjects: tuple[Concept, ...] = ()
    disciplines: tuple[Concept, ...] = ()
    scope: Concept | None = None
    source: Line | None = None
    container: Container | None = None
    collection: Collection | None = None
    organization: Agent | None = None
    publisher: Agent | None = None
    license: License | None = None
    access_rights: AccessRights | None = None
    embargo_end: str | None = Field(default=None, json_schema_extra={"pattern": _DATE.pattern})
    landing_page: IRIField | None = None
    citation: Line | None = None
    identifiers: tuple[IdentifierField, ...] = ()
    relations: tuple[Relation, ...] = ()

    @field_validator("issued", "embargo_end", mode="before")
    @classmethod
    def _check_date(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        text = value.strip()
        match = _DATE.match(text)
        if not match:
            raise Invalid(f"{value!r} is not a date", _DATE_FIX)
        year, month, day = match.groups()
        if year == "0000":
            raise Invalid("year 0000 does not exist", _DATE_FIX)
        if month is not None and not 1 <= int(month) <= 12:
            raise Invalid(f"month {int(month)} does not exist", _DATE_FIX)
        if day is not None and not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
            raise Invalid(f"day {int(day)} does not exist in {year}-{month}", _DATE_FIX)
        return text

    @field_validator("relations", mode="after")
    @classmethod
    def _distinct_relations(cls, value: tuple[Relation, ...]) -> tuple[Relation, ...]:
        """A relation given twice is one link: the repeats are dropped (the first is kept)."""
        if len(value) < 2:
            return value
        seen: set[tuple[RelationType, str]] = set()
        kept = []
        for relation in value:
            key = (relation.type, relation.iri)
            if key not in seen:
                seen.add(key)
                kept.append(relation)
        return tuple(kept)

    @model_validator(mode="after")
    def _coherent(self) -> Self:
        if self.creators_et_al and not self.creators:
            raise Invalid(
                "'creators_et_al' is true but no creator is listed",
                "list the first creator(s), or set creators_et_al to false",
            )
        if self.embargo_end is not None and self.access_rights is not AccessRights.EMBARGOED:
            raise RecordError(
                field="embargo_end",
                problem="an embargo end is given but access_rights is not 'embargoed' "
                f"({_shown(self.access_rights)})",
                fix="set access_rights to 'embargoed', or remove embargo_end "
                "(an embargo that is over is 'open')",
            )
        if self.relations:
            self._check_relation_targets()
        return self

    def _check_relation_targets(self) -> None:
        """A relation never points at the notice itself, nor (``is_part_of``) at its container or
        collection (fields of their own)."""
        own = {self.id.iri, *(i.iri for i in self.identifiers)}
        container: set[str] = set()
        if self.container is not None:
            c = self.container
            container = {x.iri for x in (c.issn, c.eissn, c.issn_l, c.isbn) if x is not None}
            if c.iri is not None:
                container.add(c.iri)
        if self.collection is not None and self.collection.iri is not None:
            container.add(self.collection.iri)
        for index, relation in enumerate(self.relations):
            if relation.iri in own:
                raise RecordError(
                    field=f"relations[{index}].identifier",
                    problem=f"{relation.iri} is this notice's own identifier: "
                    "a document is not related to itself",
                    fix="remove this relation, or give the identifier of the other document",
                )
            if relation.type is RelationType.IS_PART_OF and relation.iri in container:
                raise RecordError(
                    field=f"relations[{index}].identifier",
                    problem=f"{relation.iri} is the notice's container (journal, series, book) or collection",
                    fix="remove this relation: the container or collection already contains the document",
                )

    @property
    def date_precision(self) -> Literal["year", "month", "day"] | None:
        """``"year"``, ``"month"`` or ``"day"`` for ``issued``, or ``None`` without a date."""
        if self.issued is None:
            return None
        return ("year", "month", "day")[self.issued.count("-")]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, record: str | None = None) -> Notice:
        """Build and validate a notice from a JSON-like mapping.

        Raises :class:`~notice_ld.errors.RecordError` naming the record (``record``, else the
        record's ``id``), the field path (``creators[1].identifiers[0]``) and the fix.
        """
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            name = record if record is not None else _record_name(data)
            raise _to_record_error(exc, name) from None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the notice (the inverse of :meth:`from_dict`); defaults are left out.

        >>> Notice.from_dict({"id": "hdl:10670/1.jt89mr", "titles": [{"value": "T"}]}).to_dict()
        {'id': {'scheme': 'handle', 'value': '10670/1.jt89mr'}, 'titles': [{'value': 'T'}]}
        """
        return self.model_dump(mode="json", exclude_defaults=True)


def _shown(value: enum.Enum | None) -> str:
    return "it is not given" if value is None else f"it is {value.value!r}"


def _record_name(data: object) -> str | None:
    if isinstance(data, Mapping):
        value = data.get("id")
        if isinstance(value, str):
            return value
        if isinstance(value, Mapping) and isinstance(value.get("value"), str):
            return str(value["value"])
    return None


def _field_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part in ("person", "organization", "function-after", "function-before"):
            continue  # discriminator tags and validator wrappers are not field names
        else:
            path += f".{part}" if path else str(part)
    return path


_FIXES = {
    "missing": "add this field",
    "extra_forbidden": "remove this field or rename it to one the notice model knows (see docs/model.md)",
    "too_short": "give at least one value",
    "enum": "use one of the listed values",
    "literal_error": "use one of the listed values",
    "bool_type": "write true or false",
    "string_type": "write a text value",
    "tuple_type": "write a list",
    "model_type": "write an object",
    "agent_type": "set 'type' to 'person' or 'organization'",
}


def _message(error: Any) -> tuple[str, str]:
    """Problem and fix for one pydantic error, in a cataloguer's words."""
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, Invalid):
        return cause.problem, cause.fix
    kind = error["type"]
    loc = error["loc"]
    if kind == "missing":
        return "this field is required", "add this field"
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        known = _known_fields(error)
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {', '.join(sorted(known))}"
        return f"unknown field '{name}'", f"{hint} (see docs/model.md)"
    problem = str(error["msg"]).removeprefix("Value error, ")
    return problem, _FIXES.get(kind, "")


def _known_fields(error: Any) -> list[str]:
    """Field names of the model an unknown field was found in (best effort, for suggestions)."""
    models: dict[str, type[BaseModel]] = {
        "creators": Person,
        "publisher": Person,
        "organization": Organization,
        "contributors": Contributor,
        "subjects": Concept,
        "disciplines": Concept,
        "scope": Concept,
        "container": Container,
        "collection": Collection,
        "license": License,
        "relations": Relation,
        "titles": Text,
        "keywords": Text,
        "abstracts": LongText,
    }
    names = [p for p in error["loc"][:-1] if isinstance(p, str)]
    model: type[BaseModel] = Notice
    if names:
        model = models.get(names[0], Notice)
        if names[-1] == "agent":
            model = Person
        if names[-1] == "organization":
            model = Organization
    return list(model.model_fields)


def _to_record_error(exc: ValidationError, record: str | None) -> RecordError:
    """Turn pydantic's errors into one RecordError; the first names the field, others follow."""
    errors = exc.errors(include_url=False)
    # an item that failed also makes its list "too short": report the item, not the consequence
    locs = [tuple(e["loc"]) for e in errors]
    errors = [
        e
        for e in errors
        if not (
            e["type"] == "too_short"
            and any(
                len(other) > len(e["loc"]) and other[: len(e["loc"])] == tuple(e["loc"]) for other in locs
            )
        )
    ] or errors
    # an unknown field explains a missing one ("titel" for "titles"): report it first
    errors.sort(key=lambda e: e["type"] != "extra_forbidden")
    first = errors[0]
    field = _field_path(first["loc"])
    cause = first.get("ctx", {}).get("error")
    if isinstance(cause, RecordError):
        error = cause.with_context(record=record, field_prefix=field)
    else:
        problem, fix = _message(first)
        error = RecordError(record=record, field=field, problem=problem, fix=fix)
    if len(errors) > 1:
        others = "; ".join(f"{_field_path(e['loc']) or 'notice'}: {_message(e)[0]}" for e in errors[1:4])
        more = f" and {len(errors) - 4} more" if len(errors) > 4 else ""
        error.problem = f"{error.problem} (also {others}{more})"
        error.args = (error.problem,)
    return error
