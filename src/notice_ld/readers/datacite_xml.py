"""DataCite metadata kernel XML reader: single ``<resource>`` documents, collections of them, and
OAI-PMH responses in ``oai_datacite`` (``<oai_datacite><payload><resource>``) or ``datacite``.

Each ``<resource>`` (kernel 4, and the older kernels 2 and 3, whose elements have the same names)
becomes the DataCite JSON attributes object the REST API would give (:func:`resource_attributes`),
mapped by the one mapping of :mod:`notice_ld.readers.datacite` — fields are named in XML terms in
messages (``creators/creator[2]/affiliation[1]``). The XML goes through the shared OAI-PMH path of
:mod:`notice_ld.readers.oai`: hardened splitting (no DTD, no entity, a size limit per record, one
broken record never stops the others), headers, ``status="deleted"`` records as
:class:`~notice_ld.readers.outcomes.Deletion`, OAI-PMH errors, a Handle minted from the OAI
identifier for a record without a DOI when a minter is given.

>>> import io
>>> from notice_ld.readers import ReaderOptions
>>> page = b'''<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
... <record><header><identifier>oai:datacite.org:123</identifier></header><metadata>
... <oai_datacite xmlns="http://schema.datacite.org/oai/oai-1.1/"><payload>
... <resource xmlns="http://datacite.org/schema/kernel-4">
...   <identifier identifierType="DOI">10.5072/example</identifier>
...   <creators><creator><creatorName nameType="Personal">Miller, Elizabeth</creatorName>
...     <givenName>Elizabeth</givenName><familyName>Miller</familyName>
...     <affiliation>DataCite</affiliation></creator></creators>
...   <titles><title xml:lang="en">Example</title></titles><publisher>DataCite</publisher>
...   <publicationYear>2014</publicationYear><resourceType resourceTypeGeneral="Dataset"/>
... </resource></payload></oai_datacite></metadata></record>
... <record><header status="deleted"><identifier>oai:datacite.org:124</identifier></header></record>
... <resumptionToken>t1</resumptionToken></ListRecords></OAI-PMH>'''
>>> notice, residue, deletion = read_datacite_xml(io.BytesIO(page), "p.xml", ReaderOptions())
>>> notice.id.value, notice.creators[0].family, notice.type.value, deletion.oai_identifier
('10.5072/example', 'Miller', 'dataset', 'oai:datacite.org:124')
>>> residue.items[0].element, residue.source
('creators/creator[1]/affiliation[1]', 'oai:datacite.org:123')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import RecordError
from notice_ld.readers.datacite import Dialect, map_datacite
from notice_ld.readers.oai import Header, Mapped, byte_chunks, record_outcomes
from notice_ld.readers.outcomes import ReadWarning
from notice_ld.readers.xmlsafe import Envelope, RawRecord, XMLDocumentError, split_records
from notice_ld.vocabulary import XML, XSI

if TYPE_CHECKING:
    from lxml import etree

    from notice_ld.identifiers.registry import Minter
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["datacite_mapper", "outcomes", "read_datacite_xml", "resource_attributes"]

_XML_LANG: Final = f"{{{XML.NS}}}lang"
_XSI: Final = f"{{{XSI.NS}}}"
# attributes whose JSON name differs from their XML name
_ATTRIBUTE_NAMES: Final = {
    _XML_LANG: "lang",
    "schemeURI": "schemeUri",
    "valueURI": "valueUri",
    "rightsURI": "rightsUri",
    "awardURI": "awardUri",
}
_NO_RESOURCE_FIX: Final = 'give DataCite kernel XML (<resource xmlns="http://datacite.org/schema/kernel-4">)'


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attributes(element: etree._Element) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in element.items():
        if name.startswith(_XSI):
            continue  # xsi:type, xsi:schemaLocation: about the XML, not the work
        key = _ATTRIBUTE_NAMES.get(name, _local(name))
        if key and value.strip():
            out[key] = value
    return out


def _text(element: etree._Element) -> str:
    """The element's text; ``<br/>`` (allowed in descriptions) is a line break."""
    if len(element) == 0:
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) == "br":
            parts.append("\n\n")
        elif isinstance(child.tag, str):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _children(element: etree._Element) -> Iterator[etree._Element]:
    return (child for child in element if isinstance(child.tag, str))


def _generic(element: etree._Element) -> Any:
    """An element the mapping does not read by name: its text, or an object of its attributes and
    children (shown as JSON in the residue)."""
    attributes = _attributes(element)
    children = list(_children(element))
    if not children and not attributes:
        return element.text or ""
    out: dict[str, Any] = dict(attributes)
    for child in children:
        out.setdefault(_local(child.tag), []).append(_generic(child))
    for key, value in list(out.items()):
        if isinstance(value, list) and len(value) == 1:
            out[key] = value[0]
    text = (element.text or "").strip()
    if text:
        out["value"] = text
    return out


def _simple(element: etree._Element, text_key: str) -> dict[str, Any]:
    """``<title xml:lang="en" titleType="Subtitle">T</title>`` → ``{"title": "T", "lang": "en", …}``."""
    out = _attributes(element)
    out[text_key] = _text(element)
    return out


def _agent(element: etree._Element, name_element: str) -> dict[str, Any]:
    out = _attributes(element)  # contributorType
    for child in _children(element):
        name = _local(child.tag)
        if name == name_element:
            out["name"] = _text(child)
            for key, value in _attributes(child).items():
                out.setdefault(key, value)  # nameType, lang
        elif name in ("givenName", "familyName"):
            out[name] = _text(child)
        elif name == "nameIdentifier":
            out.setdefault("nameIdentifiers", []).append(_simple(child, "nameIdentifier"))
        elif name == "affiliation":
            entry = _attributes(child)
            entry["name"] = _text(child)
            out.setdefault("affiliation", []).append(entry)
        else:
            out[name] = _generic(child)
    return out


_LISTS: Final = {
    # list element -> (item element, text key); the item becomes {text key: text, attributes…}
    "titles": ("title", "title"),
    "subjects": ("subject", "subject"),
    "dates": ("date", "date"),
    "alternateIdentifiers": ("alternateIdentifier", "alternateIdentifier"),
    "relatedIdentifiers": ("relatedIdentifier", "relatedIdentifier"),
    "rightsList": ("rights", "rights"),
    "descriptions": ("description", "description"),
}
_TEXT_LISTS: Final = {"sizes": "size", "formats": "format"}


def _related_item(element: etree._Element) -> dict[str, Any]:
    out = _attributes(element)
    for child in _children(element):
        name = _local(child.tag)
        if name == "relatedItemIdentifier":
            out[name] = _simple(child, "relatedItemIdentifier")
        elif name == "titles":
            out["titles"] = [_simple(t, "title") for t in _children(child)]
        elif name in ("creators", "contributors"):
            item = "creatorName" if name == "creators" else "contributorName"
            out[name] = [_agent(a, item) for a in _children(child)]
        elif name == "number":
            out["number"] = _text(child)
            out.update(_attributes(child))  # numberType
        elif not list(_children(child)):
            out[name] = _text(child)
        else:
            out[name] = _generic(child)
    return out


def resource_attributes(resource: etree._Element) -> dict[str, Any]:
    """The DataCite JSON attributes object of a kernel XML ``<resource>`` (the REST API's names).

    >>> from lxml import etree
    >>> resource = etree.fromstring('''<resource xmlns="http://datacite.org/schema/kernel-4">
    ...   <identifier identifierType="DOI">10.5072/x</identifier>
    ...   <titles><title xml:lang="en" titleType="Subtitle">S</title></titles>
    ...   <rightsList><rights rightsURI="https://spdx.org/licenses/MIT">MIT</rights></rightsList>
    ... </resource>''')
    >>> resource_attributes(resource)
    {'doi': '10.5072/x', 'titles': [{'lang': 'en', 'titleType': 'Subtitle', 'title': 'S'}], \
'rightsList': [{'rightsUri': 'https://spdx.org/licenses/MIT', 'rights': 'MIT'}]}
    """
    out: dict[str, Any] = {}
    for child in _children(resource):
        name = _local(child.tag)
        if name == "identifier":
            kind = (child.get("identifierType") or "DOI").strip()
            if kind.upper() == "DOI" and "doi" not in out:
                out["doi"] = _text(child)
            else:
                out.setdefault("alternateIdentifiers", []).append(
                    {"alternateIdentifier": _text(child), "alternateIdentifierType": kind}
                )
        elif name in ("creators", "contributors"):
            item = "creatorName" if name == "creators" else "contributorName"
            out.setdefault(name, []).extend(_agent(a, item) for a in _children(child))
        elif name in _LISTS:
            _, key = _LISTS[name]
            out.setdefault(name, []).extend(_simple(i, key) for i in _children(child))
        elif name in _TEXT_LISTS:
            out.setdefault(name, []).extend(_text(i) for i in _children(child))
        elif name == "publisher":
            attributes = _attributes(child)
            attributes.pop("lang", None)
            out["publisher"] = {"name": _text(child), **attributes} if attributes else _text(child)
        elif name == "resourceType":
            types = _attributes(child)
            if _text(child).strip():
                types["resourceType"] = _text(child)
            out["types"] = types
        elif name == "relatedItems":
            out.setdefault("relatedItems", []).extend(_related_item(i) for i in _children(child))
        elif name in ("fundingReferences", "geoLocations"):
            out.setdefault(name, []).extend(_generic(i) for i in _children(child))
        elif name in ("publicationYear", "language", "version"):
            out[name] = _text(child)
        else:
            out[name] = _generic(child)
    return out


def _resource(metadata: etree._Element) -> etree._Element | None:
    """The ``<resource>`` of a record's metadata: the element itself (``datacite``, a bare
    document) or the one inside ``<oai_datacite><payload>``."""
    if _local(metadata.tag) == "resource":
        return metadata
    for element in metadata.iter():
        if _local(element.tag) == "resource":
            return element
    return None


def datacite_mapper(metadata: etree._Element, header: Header, minter: Minter | None) -> Mapped:
    """The :data:`~notice_ld.readers.oai.RecordMapper` of DataCite XML: finds the ``<resource>``
    (bare, or in ``<oai_datacite><payload>``) and maps it; a Handle is minted from the OAI
    identifier for a record without a DOI when ``minter`` is given.

    >>> from lxml import etree
    >>> resource = etree.fromstring('<resource><titles><title>T</title></titles></resource>')
    >>> datacite_mapper(resource, Header(None, None), None).problem[0]
    'identifier'
    """
    resource = _resource(metadata)
    if resource is None:
        return Mapped(
            {},
            problem=(
                _local(metadata.tag),
                f"no DataCite <resource> in the record's metadata (<{_local(metadata.tag)}>)",
                _NO_RESOURCE_FIX,
            ),
        )
    return map_datacite(
        resource_attributes(resource), dialect=Dialect.XML, minter=minter, key=header.identifier
    )


def outcomes(raw: RawRecord, where: str, minter: Minter | None = None) -> Iterator[Outcome]:
    """The outcomes of one split record (see :func:`~notice_ld.readers.oai.record_outcomes`): what
    the harvester calls for each record of an ``oai_datacite`` page."""
    return record_outcomes(raw, where, minter, datacite_mapper)


def _items(raw: RawRecord) -> Iterator[RawRecord]:
    """A bare document that is a collection of ``<resource>`` elements, as one record each."""
    root = raw.element
    if not raw.bare or root is None or _local(root.tag) in ("resource", "oai_datacite"):
        yield raw
        return
    resources = [e for e in root.iter() if _local(e.tag) == "resource"]
    if not resources:
        yield raw  # not DataCite: the mapper says so
        return
    for resource in resources:
        doi = next((c for c in _children(resource) if _local(c.tag) == "identifier"), None)
        hint = " ".join((doi.text or "").split()) or None if doi is not None else None
        yield RawRecord(resource, resource.sourceline or raw.line, hint, None, bare=True)


def read_datacite_xml(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read DataCite kernel XML: a ``<resource>`` document, a collection of resources (any root
    element holding them), or an OAI-PMH response in ``oai_datacite`` or ``datacite``."""
    return _read(byte_chunks(stream), name, options)


def _read(chunks: Iterable[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    envelope = Envelope()
    warned = 0
    try:
        for raw in split_records(chunks, envelope=envelope, max_record_bytes=options.max_record_bytes):
            while warned < len(envelope.warnings):
                yield ReadWarning(name, *envelope.warnings[warned])
                warned += 1
            for item in _items(raw):
                yield from record_outcomes(item, name, options.minter, datacite_mapper)
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
