"""schema.org JSON-LD reader: the metadata landing pages embed for search engines.

Reads a JSON-LD document (one object, an array, an ``@graph``) or JSON Lines of them, as JSON:
the schema.org context is known (``"@context": "https://schema.org"``, ``http://schema.org/``…;
keys may also be written ``schema:name`` or as full IRIs), nothing is fetched. Each top-level
node typed as a creative work (``ScholarlyArticle``, ``Article``, ``Book``, ``Chapter``,
``Thesis``, ``Dataset``, ``Report``, ``CreativeWork``…) is one notice; the other nodes of the
document (people, organisations, journals, web pages) are used where a work refers to them by
``@id``. What cannot be placed in the notice model is listed in the notice's residue.

JSON Lines are read one line at a time (flat memory, ``max_record_bytes`` per line); a whole JSON
document is held in memory and ``max_record_bytes`` applies to it as a whole.

>>> import io
>>> page = b'''{"@context": "https://schema.org", "@type": "ScholarlyArticle",
...   "@id": "https://doi.org/10.1234/abc", "headline": "Vie sociale", "inLanguage": "fr",
...   "author": [{"@type": "Person", "givenName": "Emmanuelle", "familyName": "Jouet",
...               "sameAs": "https://orcid.org/0000-0002-1825-0097"}],
...   "datePublished": "2019-05-03", "wordCount": 5200,
...   "isPartOf": {"@type": "PublicationIssue", "issueNumber": "1",
...                "isPartOf": {"@type": "Periodical", "name": "Vie sociale", "issn": "1950-4667"}}}'''
>>> notice, residue = read_schema_org(io.BytesIO(page), "page.jsonld", ReaderOptions())
>>> notice.id.value, notice.creators[0].identifiers[0].value, notice.container.issue
('10.1234/abc', '0000-0002-1825-0097', '1')
>>> residue.items[0].element, residue.items[0].value
('wordCount', '5200')
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import Notice, RelationType
from notice_ld.readers import ReaderOptions, dc, text
from notice_ld.readers.outcomes import Residue, ResidueItem
from notice_ld.vocabulary import SDO

if TYPE_CHECKING:
    from notice_ld.identifiers import Minter
    from notice_ld.readers import Outcome

__all__ = ["WORK_TYPES", "Work", "map_work", "read_schema_org", "works"]

WORK_TYPES: Final = {
    "ScholarlyArticle": "article",
    "MedicalScholarlyArticle": "article",
    "Article": "article",
    "TechArticle": "article",
    "NewsArticle": "other",
    "BlogPosting": "other",
    "Book": "book",
    "Chapter": "chapter",
    "Thesis": "thesis",
    "Report": "report",
    "Dataset": "dataset",
    "CreativeWork": "other",
    "DigitalDocument": "other",
    "SoftwareSourceCode": "other",
    "Poster": "other",
    "PresentationDigitalDocument": "other",
    "Collection": "other",
}
"""schema.org types read as documents, and the notice type each gives."""

_CONTAINER_TYPES: Final = {
    "Periodical": "journal",
    "PublicationVolume": "journal",
    "PublicationIssue": "journal",
    "CreativeWorkSeries": "series",
    "BookSeries": "series",
    "Book": "book",
}
_ORGANIZATION_TYPES: Final = frozenset(
    {
        "Organization",
        "CollegeOrUniversity",
        "ResearchOrganization",
        "Corporation",
        "GovernmentOrganization",
        "NGO",
        "EducationalOrganization",
        "Library",
        "Consortium",
        "FundingAgency",
    }
)
_SCHEMA_PREFIXES: Final = ("https://schema.org/", SDO.NS, "schema:")
_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.ARK,
    ids.Scheme.HAL,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)
_AGENT_SCHEMES: Final = frozenset({ids.Scheme.ORCID, ids.Scheme.IDREF, ids.Scheme.ISNI, ids.Scheme.ROR})
_REASONS: Final = {
    "funder": "funding; the notice model has no funding field",
    "funding": "funding; the notice model has no funding field",
    "affiliation": "an affiliation; the notice model has no affiliation field",
    "conditionsOfAccess": "an access status; the notice model has no access-rights field",
    "dateModified": "the notice holds only the date of issue",
    "version": "a version; the notice model has no version field",
    "distribution": "a file or download; the notice model describes the work, not its files",
    "contentUrl": "a file or download; the notice model describes the work, not its files",
    "encodingFormat": "a file format; the notice model describes the work, not its files",
    "contentSize": "a file size; the notice model describes the work, not its files",
    "image": "an image of the page",
    "thumbnailUrl": "an image of the page",
    "mainEntityOfPage": "the page the work is described on",
    "spatialCoverage": "a place covered; the notice model has no coverage field",
    "temporalCoverage": "a period covered; the notice model has no coverage field",
}

# schema.org properties linking to another work, and the relation type each gives
_RELATION_KEYS: Final = {
    "exampleOfWork": RelationType.IS_VERSION_OF,
    "workExample": RelationType.HAS_VERSION,
    "hasPart": RelationType.HAS_PART,
    "citation": RelationType.REFERENCES,
}

_COMMA: Final = re.compile(r"\s*[,;]\s*")
_SCHEME_NAMES: Final = frozenset(s.value for s in ids.Scheme)


def _local(key: str) -> str:
    for prefix in _SCHEMA_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def _types(node: Mapping[str, Any]) -> list[str]:
    value = node.get("@type", node.get("type"))
    values = value if isinstance(value, list) else [value]
    return [_local(v) for v in values if isinstance(v, str)]


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if v is not None]
    if isinstance(value, Mapping) and "@list" in value:
        return _many(value["@list"])
    if isinstance(value, Mapping) and "@set" in value:
        return _many(value["@set"])
    return [value]


def _normalised(node: Mapping[str, Any]) -> dict[str, Any]:
    """A node with its keys as bare schema.org terms (``schema:name`` → ``name``)."""
    return {_local(k) if isinstance(k, str) else k: v for k, v in node.items()}


@dataclass(frozen=True)
class Work:
    """A node of a JSON-LD document read as a work, with the document's ``@id`` index."""

    node: Mapping[str, Any]
    index: Mapping[str, Mapping[str, Any]]
    position: str


def works(document: Any, position: str) -> tuple[list[Work], list[str]]:
    """The top-level works of a JSON-LD document and the types of its other top-level nodes.

    >>> found, others = works({"@context": "https://schema.org", "@graph": [
    ...     {"@type": "WebPage", "@id": "https://e.org/p"}, {"@type": "Dataset", "name": "D"}]}, "f")
    >>> [w.node["name"] for w in found], others
    (['D'], ['WebPage'])
    """
    top: list[tuple[str, Mapping[str, Any]]] = []
    items = document if isinstance(document, list) else [document]
    for i, item in enumerate(items):
        where = f"{position}[{i}]" if isinstance(document, list) else position
        if not isinstance(item, Mapping):
            continue
        graph = item.get("@graph")
        if isinstance(graph, list):
            top += [(f"{where}.@graph[{j}]", g) for j, g in enumerate(graph) if isinstance(g, Mapping)]
            if "@type" in item:
                top.append((where, item))
        elif isinstance(graph, Mapping):
            top.append((f"{where}.@graph", graph))
        else:
            top.append((where, item))
    index: dict[str, Mapping[str, Any]] = {}
    stack: list[Any] = [node for _, node in top]
    seen = 0
    while stack and seen < 100_000:
        value = stack.pop()
        seen += 1
        if isinstance(value, Mapping):
            ident = value.get("@id")
            if isinstance(ident, str) and len(value) > 1 and ident not in index:
                index[ident] = _normalised(value)
            stack.extend(v for k, v in value.items() if k != "@context")
        elif isinstance(value, list):
            stack.extend(value)
    found: list[Work] = []
    others: list[str] = []
    for where, node in top:
        kinds = _types(node)
        if any(k in WORK_TYPES for k in kinds):
            found.append(Work(_normalised(node), index, where))
        else:
            others.extend(kinds or ["(no @type)"])
    return found, others


# -- values ----------------------------------------------------------------------------------------


def _text_and_lang(value: Any) -> tuple[str, str | None] | None:
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int | float):
        return str(value), None
    if isinstance(value, Mapping) and "@value" in value:
        inner = value["@value"]
        lang = value.get("@language")
        if isinstance(inner, str | int | float) and not isinstance(inner, bool):
            return str(inner), lang if isinstance(lang, str) else None
    return None


def _shown(value: Any) -> str:
    found = _text_and_lang(value)
    if found is not None:
        return found[0]
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)[:500]
    except (TypeError, ValueError, RecursionError):
        return repr(value)[:500]


@dataclass
class _Reader:
    """Maps one work node to the notice JSON form; collects the residue."""

    work: Work
    residue: list[ResidueItem] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    def note(self, element: str, value: Any, reason: str) -> None:
        self.residue.append(ResidueItem(element, _shown(value), reason))

    def get(self, *keys: str) -> list[tuple[str, Any]]:
        self.used.update(keys)
        node = self.work.node
        return [(k, v) for k in keys for v in _many(node.get(k))]

    def resolve(self, value: Any) -> Any:
        """A ``{"@id": …}`` reference replaced by the node it names in the document (if any)."""
        if isinstance(value, Mapping):
            ident = value.get("@id")
            if isinstance(ident, str) and set(value) <= {"@id", "@type"} and ident in self.work.index:
                return self.work.index[ident]
            return _normalised(value)
        return value

    # -- texts ------------------------------------------------------------------------------
    def texts(self, *keys: str, block: bool = False) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        for key, value in self.get(*keys):
            found = _text_and_lang(value)
            if found is None:
                self.note(key, value, "not a text")
                continue
            cleaned, notes = dc.clean_text(found[0], block=block)
            for note in notes:
                self.note(key, cleaned, note)
            if not cleaned:
                continue
            lang = None
            if found[1]:
                lang, why = dc.language_tag(found[1])
                if lang is None:
                    self.note(
                        key, cleaned, f"@language {found[1]!r} is not a language ({why}); kept without it"
                    )
            entry = {"value": cleaned, "lang": lang} if lang else {"value": cleaned}
            if entry not in out:
                out.append(entry)
        return out

    # -- identifiers --------------------------------------------------------------------------
    def identifier_texts(self, value: Any) -> list[tuple[str, str | None]]:
        """``(text, scheme hint)`` of an identifier value: a text, or a PropertyValue."""
        value = self.resolve(value)
        if isinstance(value, Mapping):
            hint = value.get("propertyID")
            scheme = hint.strip().lower() if isinstance(hint, str) else None
            out: list[tuple[str, str | None]] = []
            inner = _text_and_lang(value.get("value"))
            if inner is not None:
                out.append((inner[0], scheme))
            url = value.get("url")
            if isinstance(url, str):
                out.append((url, None))
            if not out and isinstance(value.get("@id"), str):
                out.append((value["@id"], None))
            return out
        found = _text_and_lang(value)
        return [(found[0], None)] if found else []

    @staticmethod
    def parse_id(text_value: str, scheme: str | None) -> ids.Identifier:
        """Parse with the ``propertyID`` when it names a scheme; an unknown one (``md5``) lets only
        a self-describing value through (``ark:/…``, ``doi:…``, a URL)."""
        known = scheme.replace("_", "-") if scheme else None
        if known in _SCHEME_NAMES:
            try:
                return ids.parse(text_value, known)
            except (IdentifierError, ValueError):
                pass
        elif known and ":" not in text_value:
            raise ValueError(f"an identifier of a kind notice_ld has no scheme for ({scheme})")
        return ids.parse(text_value)

    # -- agents ---------------------------------------------------------------------------------
    def agent(self, key: str, value: Any, default: str = "person") -> dict[str, Any] | None:
        value = self.resolve(value)
        if isinstance(value, str):
            cleaned, _ = dc.clean_text(value)
            if not cleaned:
                return None
            return dc.parse_agent(cleaned, default="organization" if default == "organization" else "person")
        if not isinstance(value, Mapping):
            self.note(key, value, "not a person or an organisation")
            return None
        kinds = set(_types(value))
        name_found = _text_and_lang(value.get("name"))
        name = " ".join(name_found[0].split()) if name_found else None
        family_found = _text_and_lang(value.get("familyName"))
        given_found = _text_and_lang(value.get("givenName"))
        family = " ".join(family_found[0].split()) if family_found else None
        given = " ".join(given_found[0].split()) if given_found else None
        organization = bool(kinds & _ORGANIZATION_TYPES) or (
            "Person" not in kinds and family is None and given is None and default == "organization"
        )
        agent: dict[str, Any]
        if organization:
            if not name:
                self.note(key, value, "an organisation with no name")
                return None
            agent = {"type": "organization", "name": name}
        elif family:
            agent = {"type": "person", "family": family}
            if given:
                agent["given"] = given
            if name and name not in (" ".join(p for p in (given, family) if p), f"{family}, {given}", family):
                agent["name"] = name
        elif name:
            agent = dc.parse_agent(name, default="person")
            agent.pop("identifiers", None)
            if "Person" in kinds and agent["type"] == "organization":
                agent = {"type": "person", "name": name}
            if given and agent["type"] == "person" and "family" not in agent:
                agent["given"] = given
        else:
            self.note(key, value, "a person or organisation with no name")
            return None
        allowed = (
            ("ror", "isni", "idref", "url")
            if agent["type"] == "organization"
            else ("orcid", "idref", "isni", "url")
        )
        found: list[ids.Identifier] = []
        own = value.get("@id")
        candidates: list[tuple[str, str | None]] = []
        for item in _many(value.get("identifier")) + _many(value.get("sameAs")):
            candidates += self.identifier_texts(item)
        for text_value, scheme in ([(own, None)] if isinstance(own, str) else []) + candidates:
            try:
                ident = self.parse_id(text_value, scheme)
            except (IdentifierError, ValueError):
                if text_value is not own:
                    self.note(f"{key}.identifier", text_value, "not a usable identifier")
                continue
            if text_value is own and ident.scheme not in _AGENT_SCHEMES:
                continue  # a page's own node id, not an identifier of the person
            if ident.scheme.value in allowed and ident not in found:
                found.append(ident)
        if found:
            agent["identifiers"] = [{"scheme": i.scheme.value, "value": i.value} for i in found]
        for inner in ("affiliation", "email", "image", "url", "description", "jobTitle", "worksFor"):
            for item in _many(value.get(inner)):
                if inner == "url" and agent["type"] == "organization":
                    continue
                self.note(
                    f"{key}.{inner}",
                    item,
                    _REASONS.get(inner, f"the notice model holds no {inner} of a person"),
                )
        return agent

    # -- the notice -------------------------------------------------------------------------------
    def build(self, minter: Minter | None) -> dict[str, Any]:
        data: dict[str, Any] = {}
        kind = self._type(data)
        titles = self.texts("headline", "name", "alternativeHeadline", "alternateName")
        if titles:
            data["titles"] = titles
        abstracts = self.texts("abstract", "description", block=True)
        if abstracts:
            data["abstracts"] = abstracts
        self._agents(data)
        self._date(data)
        self._languages(data)
        self._subjects(data)
        self._rights(data)
        container = self._container(data, kind)
        self._identifiers(data, container, kind, minter)
        self._access(data)
        self._relations(data)
        self._rest()
        return data

    def _access(self, data: dict[str, Any]) -> None:
        """``isAccessibleForFree`` true is open access; false does not tell closed, restricted and
        embargoed apart (residue)."""
        for key, value in self.get("isAccessibleForFree"):
            free = value if isinstance(value, bool) else str(value).strip().lower()
            if free in (True, "true") and "access_rights" not in data:
                data["access_rights"] = "open"
            elif free in (False, "false"):
                self.note(key, value, "not free to read; schema.org does not say whether closed or embargoed")
            elif free not in (True, "true"):
                self.note(key, value, "not a boolean")

    def _relations(self, data: dict[str, Any]) -> None:
        """``exampleOfWork``, ``workExample``, ``hasPart`` and ``citation`` naming a work by its IRI
        (``@id``, ``url``) become relations; a work given only by its name, and the notice's own
        identifiers, go to the residue."""
        own = {i.iri for i in (data.get("id"), *data.get("identifiers", ())) if isinstance(i, ids.Identifier)}
        relations: list[dict[str, Any]] = []
        for key, value in self.get(*_RELATION_KEYS):
            node = self.resolve(value)
            if isinstance(node, Mapping):
                iri = next((v for v in (node.get("@id"), node.get("url")) if isinstance(v, str)), None)
            else:
                found = _text_and_lang(node)
                iri = found[0] if found else None
            if iri is None:
                self.note(key, value, "a related work named without an IRI")
                continue
            try:
                target = ids.parse(iri)
            except IdentifierError as exc:
                self.note(key, value, f"a related work whose IRI is not usable: {exc.problem}")
                continue
            if target.scheme in _AGENT_SCHEMES or target.iri in own:
                self.note(key, value, "not another work")
                continue
            relations.append({"type": _RELATION_KEYS[key].value, "identifier": target})
        if relations:
            data["relations"] = relations

    def _type(self, data: dict[str, Any]) -> str | None:
        kinds = [k for k in _types(self.work.node) if k in WORK_TYPES]
        chosen = next(
            (WORK_TYPES[k] for k in kinds if WORK_TYPES[k] != "other"),
            WORK_TYPES[kinds[0]] if kinds else None,
        )
        self.used.update({"@type", "type", "@context", "@id"})
        for key, value in self.get("additionalType", "genre"):
            found = _text_and_lang(value)
            if found is None:
                continue
            kind, how = dc.document_type(found[0])
            if (kind is not None and how == "uri") or (kind is not None and chosen in (None, "other")):
                chosen = kind
            elif "type_label" not in data and not found[0].startswith(("http", "info:")):
                data["type_label"] = " ".join(found[0].split())
            else:
                self.note(key, value, "a type notice_ld does not recognise")
        if chosen == "other" and "type_label" not in data:
            label = next((k for k in kinds if k not in ("CreativeWork",)), None)
            if label is not None:
                data["type_label"] = label
        if chosen is not None:
            data["type"] = chosen
        return chosen

    def _agents(self, data: dict[str, Any]) -> None:
        creators: list[dict[str, Any]] = []
        for key, value in self.get("author", "creator"):
            before = len(self.residue)
            agent = self.agent(key, value)
            if agent is not None and agent not in creators:
                creators.append(agent)
            elif agent is not None:
                del self.residue[before:]  # the same person given again (author and creator)
        if creators:
            data["creators"] = creators
        contributors: list[dict[str, Any]] = []
        for key, role in (("editor", "editor"), ("translator", "translator"), ("contributor", "contributor")):
            for _, value in self.get(key):
                agent = self.agent(key, value)
                if agent is not None and {"role": role, "agent": agent} not in contributors:
                    contributors.append({"role": role, "agent": agent})
        if contributors:
            data["contributors"] = contributors
        for key, target in (
            ("publisher", "publisher"),
            ("provider", "organization"),
            ("sourceOrganization", "organization"),
        ):
            for _, value in self.get(key):
                agent = self.agent(key, value, default="organization")
                if agent is None:
                    continue
                if target not in data:
                    data[target] = agent
                elif data[target] != agent:
                    self.note(key, value, f"a second {key}; the notice holds one")

    def _date(self, data: dict[str, Any]) -> None:
        for key, value in self.get("datePublished", "dateCreated", "dateIssued", "copyrightYear"):
            found = _text_and_lang(value)
            date, note = dc.parse_date(found[0]) if found else (None, "not a date")
            if date is None:
                self.note(key, value, note or "not a date")
            elif "issued" not in data:
                data["issued"] = date
                if key != "datePublished":
                    self.note(key, value, "no datePublished: this date is used as the date of issue")
                elif note:
                    self.note(key, value, note)
            elif not (data["issued"].startswith(date) or date.startswith(data["issued"])):
                self.note(key, value, f"another date; the notice holds the date of issue ({data['issued']})")

    def _languages(self, data: dict[str, Any]) -> None:
        tags: list[str] = []
        for key, value in self.get("inLanguage", "language"):
            value = self.resolve(value)
            candidates: list[str] = []
            if isinstance(value, Mapping):
                for inner in ("alternateName", "name", "@id"):
                    found = _text_and_lang(value.get(inner)) if inner != "@id" else (value.get("@id"), None)
                    if found and isinstance(found[0], str):
                        candidates.append(found[0].rstrip("/").rsplit("/", 1)[-1])
            else:
                found = _text_and_lang(value)
                if found:
                    candidates.append(found[0])
            tag: str | None = None
            why: str | None = "not a language"
            for candidate in candidates:
                tag, why = dc.language_tag(candidate)
                if tag is not None:
                    break
            if tag is None:
                self.note(key, value, why or "not a language")
            elif tag not in tags:
                tags.append(tag)
        if tags:
            data["languages"] = tags

    def _subjects(self, data: dict[str, Any]) -> None:
        keywords: list[dict[str, str]] = []
        subjects: list[dict[str, Any]] = []
        for key, value in self.get("keywords", "about"):
            value = self.resolve(value)
            if isinstance(value, Mapping) and "@value" not in value:
                concept = self._concept(key, value)
                if concept is not None and concept not in subjects:
                    subjects.append(concept)
                continue
            found = _text_and_lang(value)
            if found is None:
                self.note(key, value, "not a keyword")
                continue
            # one keywords text is comma-separated (schema.org); a list holds one keyword each
            parts = (
                _COMMA.split(found[0])
                if isinstance(self.work.node.get(key), str) and key == "keywords"
                else [found[0]]
            )
            lang = dc.language_tag(found[1])[0] if found[1] else None
            for part in parts:
                cleaned = " ".join(part.split())
                entry = {"value": cleaned, "lang": lang} if lang else {"value": cleaned}
                if cleaned and entry not in keywords:
                    keywords.append(entry)
        if keywords:
            data["keywords"] = keywords
        if subjects:
            data["subjects"] = subjects

    def _concept(self, key: str, value: Mapping[str, Any]) -> dict[str, Any] | None:
        concept: dict[str, Any] = {}
        ident = value.get("@id") or value.get("url") or value.get("sameAs")
        if isinstance(ident, str) and ident.startswith(("http://", "https://")):
            concept["iri"] = ident
        labels: list[dict[str, str]] = []
        for item in _many(value.get("name")):
            found = _text_and_lang(item)
            if found:
                lang = dc.language_tag(found[1])[0] if found[1] else None
                cleaned = " ".join(found[0].split())
                if cleaned:
                    labels.append({"value": cleaned, "lang": lang} if lang else {"value": cleaned})
        if labels:
            concept["labels"] = labels
        code = _text_and_lang(value.get("termCode"))
        if code and code[0].strip():
            concept["notation"] = code[0].strip()
        if "iri" not in concept and not labels:
            self.note(key, value, "a subject with neither an http IRI nor a name")
            return None
        return concept

    def _rights(self, data: dict[str, Any]) -> None:
        chosen: dict[str, str] | None = None
        for key, value in self.get("license", "copyrightNotice"):
            value = self.resolve(value)
            iri = label = None
            if isinstance(value, Mapping):
                iri = next((v for v in (value.get("@id"), value.get("url")) if isinstance(v, str)), None)
                name = _text_and_lang(value.get("name"))
                label = name[0] if name else None
            else:
                found = _text_and_lang(value)
                if found is None:
                    self.note(key, value, "not a licence")
                    continue
                if key == "license":
                    iri = found[0]
                else:
                    label = found[0]
            rights = dc.rights(iri) if iri else dc.rights(label or "")
            if rights.kind == "access":
                self.note(key, value, "an access status; the notice model has no access-rights field")
                continue
            licence: dict[str, str] = {}
            if rights.iri:
                licence["iri"] = rights.iri
            text_label = label or rights.label
            if text_label:
                licence["label"] = " ".join(text_label.split())
            if not licence:
                continue
            if chosen is None:
                chosen = licence
            elif licence != chosen and licence.get("iri") != chosen.get("iri"):
                self.note(key, value, "a second licence; the notice holds one")
        if chosen is not None:
            data["license"] = chosen

    def _container(self, data: dict[str, Any], kind: str | None) -> dict[str, Any]:
        container: dict[str, Any] = {}
        chain: list[Mapping[str, Any]] = []
        for key, value in self.get("isPartOf", "periodical"):
            node = self.resolve(value)
            if isinstance(node, str):
                if "title" not in container and not node.startswith(("http://", "https://")):
                    container["title"] = " ".join(node.split())
                else:
                    self.note(key, node, "a part-of link with nothing known of what it is part of")
                continue
            if not isinstance(node, Mapping):
                continue
            if not any(t in _CONTAINER_TYPES for t in _types(node)):
                self.note(key, value, "a part-of link to something that is not a journal, series or book")
                continue
            if chain:
                self.note(key, value, "a second container; the notice holds one")
                continue
            current: Any = node
            while isinstance(current, Mapping) and len(chain) < 6:
                chain.append(current)
                up = _many(current.get("isPartOf"))
                current = self.resolve(up[0]) if up else None
        titled: Mapping[str, Any] | None = None
        for node in chain:
            types = _types(node)
            number = _text_and_lang(node.get("volumeNumber"))
            if number and "volume" not in container:
                container["volume"] = " ".join(number[0].split())
            number = _text_and_lang(node.get("issueNumber"))
            if number and "issue" not in container:
                container["issue"] = " ".join(number[0].split())
            name = _text_and_lang(node.get("name"))
            if (
                name
                and name[0].strip()
                and not any(t in ("PublicationVolume", "PublicationIssue") for t in types)
            ):
                titled = node
        if titled is not None:
            name = _text_and_lang(titled.get("name"))
            container["title"] = " ".join(name[0].split()) if name else ""
            types = _types(titled)
            container["type"] = next((_CONTAINER_TYPES[t] for t in types if t in _CONTAINER_TYPES), "journal")
            if container["type"] == "book" and "proceedings" in " ".join(str(t) for t in types).lower():
                container["type"] = "proceedings"
            issns = [_text_and_lang(v) for v in _many(titled.get("issn"))]
            values = [v[0] for v in issns if v]
            # notice_ld writes print, electronic and linking ISSN in this order
            for slot, value in zip(("issn", "eissn", "issn_l"), values, strict=False):
                container[slot] = {"scheme": "issn-l", "value": value} if slot == "issn_l" else value
            for extra in values[3:]:
                self.note(
                    "isPartOf.issn",
                    extra,
                    "a fourth ISSN; the journal holds print, electronic and linking ISSNs",
                )
            isbn = _text_and_lang(titled.get("isbn"))
            if isbn:
                container["isbn"] = isbn[0]
            ident = titled.get("@id")
            if isinstance(ident, str) and ident.startswith(("http://", "https://")) and not _derived(ident):
                container["iri"] = ident
        for _, value in self.get("issn"):
            found = _text_and_lang(value)
            if found:
                container.setdefault("issn", found[0])
        pagination = [_text_and_lang(v) for _, v in self.get("pagination")]
        start = [_text_and_lang(v) for _, v in self.get("pageStart")]
        end = [_text_and_lang(v) for _, v in self.get("pageEnd")]
        if pagination and pagination[0]:
            container["pages"] = " ".join(pagination[0][0].split())
        elif start and start[0] and end and end[0]:
            container["pages"] = f"{start[0][0].strip()}-{end[0][0].strip()}"
        elif start and start[0]:
            container["pages"] = start[0][0].strip()
        if "title" in container and "type" not in container:
            container["type"] = "book" if kind == "chapter" else "journal"
        return container

    def _identifiers(
        self, data: dict[str, Any], container: dict[str, Any], kind: str | None, minter: Minter | None
    ) -> None:
        node = self.work.node
        own = node.get("@id") if isinstance(node.get("@id"), str) else None
        found: list[ids.Identifier] = []
        isbns: list[ids.Identifier] = []

        def take(key: str, text_value: str, scheme: str | None, quiet: bool = False) -> None:
            try:
                ident = self.parse_id(text_value, scheme)
            except (IdentifierError, ValueError) as exc:
                if not quiet:
                    problem = exc.problem if isinstance(exc, IdentifierError) else str(exc)
                    self.note(
                        key,
                        text_value if scheme is None else f"{scheme}: {text_value}",
                        f"not a usable identifier: {problem}",
                    )
                return
            if ident.scheme in _AGENT_SCHEMES:
                self.note(
                    key,
                    text_value,
                    f"{ident.scheme.a_label} identifies a person or an organisation, not the document",
                )
            elif ident.scheme in (ids.Scheme.ISSN, ids.Scheme.ISSN_L):
                container.setdefault("issn", ident.value)
            elif ident.scheme is ids.Scheme.ISBN:
                if ident not in isbns:
                    isbns.append(ident)
            elif ident not in found:
                found.append(ident)

        for key, value in self.get("identifier", "sameAs", "isbn"):
            for text_value, scheme in self.identifier_texts(value):
                take(key, text_value, scheme if key != "isbn" else "isbn")
        page: str | None = None
        for key, value in self.get("url"):
            found_text = _text_and_lang(value)
            if found_text is None:
                continue
            try:
                url = ids.parse(found_text[0], ids.Scheme.URL)
            except IdentifierError as exc:
                self.note(key, value, f"not a usable web address: {exc.problem}")
                continue
            page = page or url.value
        own_ident: ids.Identifier | None = None
        if own is not None:
            try:
                own_ident = ids.parse(own)
            except (IdentifierError, ValueError):
                own_ident = None
            if own_ident is not None and own_ident.scheme in _AGENT_SCHEMES:
                own_ident = None
        # the identifier whose IRI is the node's @id is the notice's own (notice_ld writes it so)
        chosen = next((i for i in found + isbns if own is not None and i.iri == own), None)
        if chosen in isbns:
            isbns.remove(chosen)
        if chosen is None:
            pids = sorted(
                (i for i in found if i.scheme in _PID_ORDER), key=lambda i: _PID_ORDER.index(i.scheme)
            )
            if own_ident is not None and own_ident.scheme in _PID_ORDER:
                chosen = own_ident
            elif pids:
                chosen = pids[0]
            elif found:
                chosen = found[0]
            elif own_ident is not None:
                chosen = own_ident
            elif isbns:
                chosen = isbns.pop(0)
            elif page is not None:
                chosen = ids.Identifier(ids.Scheme.URL, page)
            elif minter is not None:
                chosen = ids.Identifier(ids.Scheme.HANDLE, minter.mint(_minter_key(node)))
            else:
                raise RecordError(
                    field="identifier",
                    problem="the work has no usable identifier (@id, identifier, sameAs or url)",
                    fix="give the work an @id or a DOI in identifier, "
                    "or pass a Handle prefix (--prefix) to mint one",
                )
        data["id"] = chosen
        if kind == "chapter" and isbns and "title" in container and "isbn" not in container:
            container["isbn"] = isbns.pop(0).value
        others = [i for i in found + isbns if i != chosen]
        if (
            own_ident is not None
            and own_ident != chosen
            and own_ident not in others
            and own_ident.scheme is not ids.Scheme.URL
        ):
            others.insert(0, own_ident)
        if others:
            data["identifiers"] = others
        if page is not None:
            data["landing_page"] = page
        if container:
            if container.get("title"):
                data["container"] = container
            else:
                for key, value in container.items():
                    if key != "type":
                        self.note(
                            f"isPartOf.{key}",
                            value,
                            "identifies the journal or book, but no name for it was given",
                        )

    def _rest(self) -> None:
        for key, value in self.work.node.items():
            if key in self.used or not isinstance(key, str) or key.startswith("@"):
                continue
            for item in _many(value):
                self.note(key, item, _REASONS.get(key, "no notice field for this property"))


def _derived(iri: str) -> bool:
    return iri.startswith(("https://portal.issn.org/resource/ISSN/", "urn:isbn:"))


def _minter_key(node: Mapping[str, Any]) -> str:
    try:
        text_value = json.dumps(node, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError):
        text_value = repr(node)
    return "schema.org:" + hashlib.sha256(text_value.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def map_work(work: Work, minter: Minter | None = None) -> tuple[dict[str, Any], list[ResidueItem]]:
    """The notice JSON form of one work and the residue (raises :class:`~notice_ld.errors.RecordError`
    when it has no identifier and no minter is given).

    >>> found, _ = works({"@type": "Book", "name": "B", "isbn": "978-2-07-036002-4"}, "f")
    >>> data, residue = map_work(found[0])
    >>> data["type"], data["id"].value
    ('book', '978-2-07-036002-4')
    """
    reader = _Reader(work)
    return reader.build(minter), reader.residue


def outcomes_of(document: Any, where: str, options: ReaderOptions) -> Iterator[Outcome]:
    """The notices (with residues) and errors of one JSON-LD document read at ``where``.

    >>> [type(o).__name__ for o in outcomes_of({"@type": "WebPage"}, "p.json", ReaderOptions())]
    ['RecordError']
    """
    found, others = works(document, where)
    if not found:
        kinds = ", ".join(sorted(set(others))) or "none"
        yield RecordError(
            record=where,
            problem=f"no creative work in this JSON-LD (top-level types: {kinds})",
            fix="notice_ld reads ScholarlyArticle, Article, Book, Chapter, Thesis, Report, Dataset, "
            "CreativeWork…",
        )
        return
    for work in found:
        label = work.position
        ident = work.node.get("@id")
        if isinstance(ident, str):
            label = f"{text.escaped(ident)} ({work.position})"
        try:
            data, residue = map_work(work, options.minter)
            if "titles" not in data:
                raise RecordError(
                    field="name", problem="the work has no name or headline", fix="give the work a name"
                )
            notice = Notice.from_dict(data, record=label)
        except RecordError as err:
            yield err if err.record else err.with_context(record=label)
            continue
        except (ValueError, TypeError, KeyError, RecursionError) as exc:
            yield RecordError(
                record=label,
                problem=f"the work could not be read ({type(exc).__name__}: {exc})",
                fix="check the work's JSON-LD",
            )
            continue
        yield notice
        if residue:
            yield Residue(record=str(notice.id), source=work.position, items=tuple(residue))


def _loads(raw: bytes, where: str) -> Any | RecordError:
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return RecordError(
            record=where, problem=text.not_utf8_problem(raw[exc.start]), fix=text.not_utf8_fix(where)
        )
    except json.JSONDecodeError as exc:
        return RecordError(
            record=where,
            problem=f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})",
            fix="check the JSON syntax",
        )
    except (ValueError, RecursionError) as exc:
        return RecordError(
            record=where, problem=f"the JSON cannot be read ({type(exc).__name__})", fix="check the JSON"
        )


def _json_lines(head: bytes) -> bool:
    """Whether the input is JSON Lines: its first line is a whole JSON value and another follows."""
    first, newline, rest = head.lstrip().partition(b"\n")
    if not newline or not rest.strip().startswith(b"{"):
        return False
    try:
        json.loads(first.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False
    return True


_GRAPH_HEAD: Final = re.compile(rb'\A\s*\{\s*(?:"@context"\s*:\s*"[^"\\]*"\s*,\s*)?"@graph"\s*:\s*\[')
_SPACE: Final = re.compile(r"[\s,]*")


def _graph_items(rest: bytes, stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """The works of a document ``{"@context": "…", "@graph": [`` bigger than the size limit, read
    one item at a time (each item within ``max_record_bytes``; references between items by
    ``@id`` are not followed in this mode)."""
    import codecs

    limit = options.max_record_bytes
    decoder = json.JSONDecoder()
    utf8 = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    buffer = utf8.decode(rest)
    ended = False
    index = 0
    while True:
        pos = _SPACE.match(buffer).end()  # type: ignore[union-attr]
        while pos >= len(buffer) and not ended:
            chunk = stream.read(1 << 20)
            ended = not chunk
            buffer = buffer[pos:] + utf8.decode(chunk, final=ended)
            pos = _SPACE.match(buffer).end()  # type: ignore[union-attr]
        if pos >= len(buffer) or buffer.startswith("]", pos):
            return
        where = f"{name}.@graph[{index}]"
        while True:
            try:
                item, end = decoder.raw_decode(buffer, pos)
                break
            except json.JSONDecodeError as exc:
                if ended:
                    yield RecordError(
                        record=where,
                        problem=f"not valid JSON ({exc.msg}); the works after it are not read",
                        fix="check the JSON-LD document (or write one document per line: JSON Lines)",
                    )
                    return
                if len(buffer) - pos > limit:
                    yield RecordError(
                        record=where,
                        problem=f"the work is not valid JSON within {limit:,} bytes ({exc.msg}): broken, or "
                        "over the limit per record; the works after it are not read",
                        fix="check the JSON-LD document, or raise --max-record-bytes",
                    )
                    return
                chunk = stream.read(1 << 20)
                ended = not chunk
                buffer = buffer[pos:] + utf8.decode(chunk, final=ended)
                pos = 0
            except (ValueError, RecursionError) as exc:
                yield RecordError(
                    record=where, problem=f"the work cannot be read ({type(exc).__name__})", fix="check it"
                )
                return
        if end - pos > limit:
            yield text.long_record_error(where, end - pos, limit)
        else:
            yield from outcomes_of(item, where, options)
        buffer, index = buffer[end:], index + 1


def read_schema_org(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read schema.org JSON-LD: one document (object, array, ``@graph``) or JSON Lines of them."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[type-var]
    head = stream.peek(1 << 16)[: 1 << 16]
    wide = text.wide_encoding(head[:4])
    if wide is not None:
        yield text.encoding_error(name, wide)
        return
    limit = options.max_record_bytes
    if _json_lines(head.removeprefix(b"\xef\xbb\xbf")):
        number = 0
        while True:
            raw = text.read_line(stream, limit, first=number == 0)
            if raw is None:
                return
            number += 1
            where = f"{name}:{number}"
            if isinstance(raw, text.LongLine):
                yield text.long_record_error(where, raw.size, limit)
                continue
            if not raw.strip():
                continue
            document = _loads(raw, where)
            if isinstance(document, RecordError):
                yield document
            else:
                yield from outcomes_of(document, where, options)
        return
    data = stream.read(limit + 1)
    if len(data) > limit:
        head = _GRAPH_HEAD.match(data.removeprefix(b"\xef\xbb\xbf"))
        if head is not None:  # a big @graph document (notice_ld's own output): one work at a time
            yield from _graph_items(data.removeprefix(b"\xef\xbb\xbf")[head.end() :], stream, name, options)
            return
        size = len(data)
        while chunk := stream.read(1 << 20):
            size += len(chunk)
        yield text.long_record_error(name, size, limit)
        return
    if not data.strip():
        return
    document = _loads(data.removeprefix(b"\xef\xbb\xbf"), name)
    if isinstance(document, RecordError):
        yield document
        return
    yield from outcomes_of(document, name, options)
