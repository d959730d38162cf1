"""OAI-PMH records whatever their metadata format: envelope, headers, deletions, errors, limits.

The readers of ``oai_dc``, ``qdc`` and ``mods`` (and the harvester, page after page) share this
one code path; each brings only its :data:`RecordMapper` — the function that turns one record's
metadata element into the JSON form of a notice and a residue. Everything else is here, once:

* the hardened, record-by-record splitting of :func:`notice_ld.readers.xmlsafe.split_records`
  (no DTD, no entity, a size limit per record, one broken record never stops the others);
* the header (OAI identifier, datestamp, sets) and ``status="deleted"`` → :class:`Deletion`
  (with the Handle minted from the OAI identifier when a minter is given);
* the envelope: OAI-PMH ``<error>`` responses (``noRecordsMatch`` is just empty), encoding
  warnings, a truncated or broken document (an error after the records before it);
* validation through :meth:`notice_ld.model.Notice.from_dict`, errors naming the record
  (its OAI identifier and ``file:line``).

Bare documents (no OAI-PMH envelope: ``<oai_dc:dc>``, ``<qdc:qualifieddc>``, ``<mods>``) and the
records of a ``<modsCollection>`` go through the same path, without a header.

>>> import io
>>> def titles_only(metadata, header, minter):
...     return Mapped({"id": "10.1234/x", "titles": [{"value": metadata[0].text}]})
>>> page = b'''<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
... <record><header><identifier>oai:x:1</identifier></header><metadata><m><title>T</title></m>
... </metadata></record><record><header status="deleted"><identifier>oai:x:2</identifier>
... </header></record></ListRecords></OAI-PMH>'''
>>> from notice_ld.readers import ReaderOptions
>>> outcomes = read_records(byte_chunks(io.BytesIO(page)), "p.xml", ReaderOptions(), titles_only)
>>> [type(o).__name__ for o in outcomes]
['Notice', 'Deletion']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final, TypeAlias

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers.outcomes import Deletion, ReadWarning, Residue, ResidueItem
from notice_ld.readers.xmlsafe import Envelope, RawRecord, XMLDocumentError, split_records

if TYPE_CHECKING:
    from lxml import etree

    from notice_ld.identifiers.registry import Minter
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = [
    "Header",
    "Mapped",
    "RecordMapper",
    "byte_chunks",
    "mapped_outcomes",
    "metadata_root",
    "read_header",
    "read_records",
    "record_outcomes",
]

BROKEN_FIX: Final = "the repository must correct this record; the other records were read"
_CHUNK: Final = 1 << 16


@dataclass(frozen=True)
class Header:
    """An OAI-PMH record header: identifier, datestamp, sets, and whether the record is deleted.

    >>> Header("oai:hal:hal-01", "2024-01-02").deleted
    False
    """

    identifier: str | None
    datestamp: str | None
    sets: tuple[str, ...] = ()
    deleted: bool = False


@dataclass
class Mapped:
    """What a :data:`RecordMapper` makes of one record's metadata.

    ``data`` is the JSON form of the notice (for :meth:`~notice_ld.model.Notice.from_dict`);
    ``residue`` lists the values that were not mapped; ``problem`` — ``(field, problem, fix)`` —
    rejects the record instead (no usable identifier, say), ``field`` named in the source format.

    >>> Mapped({"id": "10.1234/x"}).residue
    []
    """

    data: dict[str, Any]
    residue: list[ResidueItem] = field(default_factory=list)
    problem: tuple[str, str, str] | None = None


def mapped_outcomes(mapped: Mapped, record: str, source: str) -> Iterator[Notice | Residue | RecordError]:
    """The notice of a mapped record and its residue, or the error that rejects it; ``record``
    names it in messages, ``source`` is where it came from (in the residue).

    >>> (error,) = mapped_outcomes(Mapped({"id": "10.5072/x", "titles": []}), "10.5072/x (f.json)", "f.json")
    >>> print(error)
    record 10.5072/x (f.json), field titles: Tuple should have at least 1 item after validation, not 0 ...
    """
    if mapped.problem is not None:
        where_field, problem, fix = mapped.problem
        yield RecordError(record=record, field=where_field, problem=problem, fix=fix)
        return
    try:
        notice = Notice.from_dict(mapped.data, record=record)
    except RecordError as err:
        yield err
        return
    yield notice
    if mapped.residue:
        yield Residue(record=str(notice.id), source=source, items=tuple(mapped.residue))


RecordMapper: TypeAlias = "Callable[[etree._Element, Header, Minter | None], Mapped]"
"""Turns a record's metadata element (with the record's header and the options' minter) into a
:class:`Mapped`; the only part of a reader that depends on the metadata format."""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_header(record: etree._Element) -> Header:
    """The header of a ``<record>`` element (namespace-agnostic: some feeds omit the OAI namespace).

    >>> from lxml import etree
    >>> read_header(etree.fromstring(
    ...     '<record><header status="deleted"><identifier>oai:x:1</identifier></header></record>'))
    Header(identifier='oai:x:1', datestamp=None, sets=(), deleted=True)
    """
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


def metadata_root(record: etree._Element) -> etree._Element | None:
    """The first element inside a ``<record>``'s ``<metadata>`` (``None`` without one).

    >>> from lxml import etree
    >>> metadata_root(etree.fromstring("<record><metadata><dc/></metadata></record>")).tag
    'dc'
    """
    for child in record:
        if _local(child.tag) == "metadata":
            for inner in child:
                if isinstance(inner.tag, str):
                    return inner
            return None
    return None


def record_outcomes(
    raw: RawRecord, where: str, minter: Minter | None, mapper: RecordMapper
) -> Iterator[Outcome]:
    """The outcomes of one split record: a notice (and its residue), a deletion, or an error.

    ``where`` names the input (a file name, the harvested endpoint) in messages.
    """
    label = f"{raw.hint} ({where}:{raw.line})" if raw.hint else f"{where}:{raw.line}"
    if raw.error is not None or raw.element is None:
        yield RecordError(record=label, problem=raw.error or "the record is empty", fix=BROKEN_FIX)
        return
    metadata: etree._Element | None
    if raw.bare or _local(raw.element.tag) != "record":
        header, metadata = Header(None, None), raw.element  # a bare document, a collection's item
    else:
        header, metadata = read_header(raw.element), metadata_root(raw.element)
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
            fix=BROKEN_FIX,
        )
        return
    mapped = mapper(metadata, header, minter)
    if mapped.problem is not None:
        where_field, problem, fix = mapped.problem
        yield RecordError(record=label, field=where_field, problem=problem, fix=fix)
        return
    try:
        notice = Notice.from_dict(mapped.data, record=label)
    except RecordError as err:
        yield err
        return
    yield notice
    if mapped.residue:
        source = header.identifier or f"{where}:{raw.line}"
        yield Residue(record=str(notice.id), source=source, items=tuple(mapped.residue))


def byte_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream in 64 KiB chunks (what :func:`~notice_ld.readers.xmlsafe.split_records` reads).

    >>> import io
    >>> list(byte_chunks(io.BytesIO(b"<a/>")))
    [b'<a/>']
    """
    while chunk := stream.read(_CHUNK):
        yield chunk


def read_records(
    chunks: Iterable[bytes], name: str, options: ReaderOptions, mapper: RecordMapper
) -> Iterator[Outcome]:
    """Read an OAI-PMH response, a bare ``<record>``, a bare metadata document or a collection of
    records (given as byte chunks, see :func:`byte_chunks`), mapping each record with ``mapper``.
    """
    envelope = Envelope()
    warned = 0
    try:
        for raw in split_records(chunks, envelope=envelope, max_record_bytes=options.max_record_bytes):
            while warned < len(envelope.warnings):
                yield ReadWarning(name, *envelope.warnings[warned])
                warned += 1
            yield from record_outcomes(raw, name, options.minter, mapper)
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
