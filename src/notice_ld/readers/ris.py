"""RIS reader: the tagged format reference managers, publishers and databases export.

The file is read line by line and cut into records at ``TY  -`` and ``ER  -`` lines, so memory
stays flat whatever its size and one bad record never stops the others. Tags are the RIS
specification's (rispy's table of tags names them in messages): ``TY`` type, ``TI``/``T1`` title,
``TT`` translated titles, ``AU``/``A1`` authors, ``A2``/``A3`` editors, ``A4`` translators,
``PY``/``Y1``/``DA`` dates (``2019/05/03/``), ``T2``/``JO``/``JF``/``JA`` journal or book, ``VL``,
``IS``, ``SP``/``EP``, ``SN`` (ISSN or ISBN by its shape), ``PB``, ``DO``, ``UR``, ``LA``,
``AB``/``N2``, ``KW``. A line without a tag continues the line before it: in an abstract, a new
paragraph. Every tag is either mapped (the table in ``docs/readers.md``) or listed in the record's
:class:`~notice_ld.readers.outcomes.Residue` with the reason.

A record that lacks its ``ER`` line is read up to the next ``TY`` (and a warning says so); a
file that ends inside a record, a line that is not UTF-8, a record over
``ReaderOptions.max_record_bytes`` are one :class:`~notice_ld.errors.RecordError` each, naming the
record and the line.

>>> import io
>>> from notice_ld.readers import InputFormat, read
>>> ris = b'''TY  - JOUR
... AU  - Jouet, Emmanuelle
... AU  - Le Goff, Yannick
... TI  - Produire des savoirs
... JO  - Vie sociale
... PY  - 2019/03/01/
... VL  - 25
... SP  - 123
... EP  - 140
... SN  - 1950-4667
... DO  - 10.3917/vsoc.191.0123
... AB  - Premier paragraphe.
... Second paragraphe.
... CY  - Toulouse
... ER  -
... '''
>>> notice, residue = read(io.BytesIO(ris), InputFormat.RIS, name="refs.ris")
>>> notice.id.value, notice.type.value, notice.issued, notice.container.pages
('10.3917/vsoc.191.0123', 'article', '2019-03-01', '123-140')
>>> notice.abstracts[0].value
'Premier paragraphe.\\n\\nSecond paragraphe.'
>>> [(i.element, i.value) for i in residue.items]
[('CY', 'Toulouse')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld import identifiers as ids
from notice_ld.errors import IdentifierError, RecordError
from notice_ld.model import DocumentType, Notice
from notice_ld.readers import dc, text
from notice_ld.readers.oai import Mapped, mapped_outcomes
from notice_ld.readers.outcomes import ReadWarning, ResidueItem

if TYPE_CHECKING:
    from notice_ld.readers import Outcome, ReaderOptions

__all__ = ["RisLine", "parse_line", "read_ris"]

_TAG: Final = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*)|\s*)$")
_LOOSE_TAG: Final = re.compile(r"^([A-Z][A-Z0-9]) {1,3}- {0,3}(.*)$")
_FIX: Final = "correct the record in the file (each line 'XX  - value', the record ending with 'ER  - ')"

_TYPES: Final[dict[str, DocumentType]] = {
    "JOUR": DocumentType.ARTICLE,
    "JFULL": DocumentType.ARTICLE,
    "EJOUR": DocumentType.ARTICLE,
    "MGZN": DocumentType.ARTICLE,
    "NEWS": DocumentType.ARTICLE,
    "ABST": DocumentType.ARTICLE,
    "INPR": DocumentType.ARTICLE,
    "BOOK": DocumentType.BOOK,
    "EBOOK": DocumentType.BOOK,
    "EDBOOK": DocumentType.BOOK,
    "CHAP": DocumentType.CHAPTER,
    "ECHAP": DocumentType.CHAPTER,
    "ENCYC": DocumentType.CHAPTER,
    "DICT": DocumentType.CHAPTER,
    "THES": DocumentType.THESIS,
    "RPRT": DocumentType.REPORT,
    "GOVDOC": DocumentType.REPORT,
    "CPAPER": DocumentType.CONFERENCE_PAPER,
    "CONF": DocumentType.CONFERENCE_PAPER,
    "DATA": DocumentType.DATASET,
    "DBASE": DocumentType.DATASET,
    "AGGR": DocumentType.DATASET,
    "UNPB": DocumentType.WORKING_PAPER,
    "MANSCPT": DocumentType.OTHER,
    "GEN": DocumentType.OTHER,
    "ELEC": DocumentType.OTHER,
    "BLOG": DocumentType.OTHER,
    "COMP": DocumentType.OTHER,
}
_JOURNAL_TYPES: Final = frozenset({"JOUR", "JFULL", "EJOUR", "MGZN", "NEWS", "ABST", "INPR"})
_BOOK_PART_TYPES: Final = frozenset({"CHAP", "ECHAP", "ENCYC", "DICT"})
_PROCEEDINGS_TYPES: Final = frozenset({"CPAPER", "CONF"})
_REASONS: Final = {
    "CY": "the place of publication; the notice model has no place field",
    "AD": "an author's address; the notice model has no address field",
    "N1": "a free-text note; the notice model has no note field",
    "M1": "a miscellaneous number; the notice model has no field for it",
    "L1": "a file attached to the record; the notice model describes the work, not its files",
    "L4": "a figure; the notice model describes the work, not its files",
    "Y2": "the date the record was accessed; the notice holds only the date of issue",
    "ET": "an edition statement; the notice model has no edition field",
    "AN": "an accession number in a database; the notice model has no scheme for it",
    "CN": "a call number; the notice model has no call-number field",
    "ST": "a short title, a form of the title the notice already holds",
    "T3": "a series title; the notice holds one container",
    "NV": "a number of volumes; the notice model has no extent field",
    "DB": "the database the record comes from; the notice model has no provenance field",
    "LB": "a label; the notice model has no label field",
    "RN": "research notes; the notice model has no note field",
    "DP": "the database provider; kept as the collection",
}
_NAME_TAGS: Final = frozenset({"AU", "A1", "A2", "A3", "A4", "ED", "TA"})
_BLOCK_TAGS: Final = frozenset({"AB", "N2", "N1"})
_ISSN: Final = re.compile(r"^(?:e-?issn:?\s*|issn:?\s*)?(\d{4})-?(\d{3}[\dXx])\b", re.IGNORECASE)
_PID_ORDER: Final = (
    ids.Scheme.DOI,
    ids.Scheme.HANDLE,
    ids.Scheme.HAL,
    ids.Scheme.ARK,
    ids.Scheme.NNT,
    ids.Scheme.URN,
)
_DOCUMENT_SCHEMES: Final = frozenset(_PID_ORDER) | {ids.Scheme.ISBN, ids.Scheme.URL}


@dataclass(frozen=True, slots=True)
class RisLine:
    """One tag of a record: the tag, its value (continuation lines joined), and its line number."""

    tag: str
    value: str
    line: int


def parse_line(line: str) -> tuple[str, str] | None:
    """``(tag, value)`` of a tag line (``AU  - Jouet, E.``; also the loose ``TY -  BOOK`` some
    exporters write), or ``None`` for a continuation line.

    >>> parse_line("AU  - Jouet, Emmanuelle"), parse_line("TY -  BOOK"), parse_line("ER  -")
    (('AU', 'Jouet, Emmanuelle'), ('TY', 'BOOK'), ('ER', ''))
    >>> print(parse_line("a continued abstract"))
    None
    """
    match = _TAG.match(line)
    if match:
        return match.group(1), (match.group(2) or "").strip()
    match = _LOOSE_TAG.match(line)
    if match and _known(match.group(1)):
        return match.group(1), match.group(2).strip()
    return None


def _known(tag: str) -> bool:
    import rispy

    if tag == "UK":  # rispy's name for the tags it does not know, not a RIS tag
        return False
    return tag in rispy.TAG_KEY_MAPPING or tag in ("T1", "JF", "JA", "J2", "ED", "TA", "BT")


def _tag_name(tag: str) -> str:
    import rispy

    name = rispy.TAG_KEY_MAPPING.get(tag)
    return f"{tag} ({name.replace('_', ' ')})" if name else tag


@dataclass(slots=True)
class _Record:
    line: int
    lines: list[RisLine] = field(default_factory=list)
    size: int = 0
    bad: tuple[int, str] | None = None  # (line, problem) of the first line that cannot be read
    ended: bool = False
    next_line: int | None = None  # the line of the TY that started the next record, when no ER came


def _records(stream: IO[bytes], name: str, limit: int) -> Iterator[_Record | ReadWarning]:
    """The records of the file, one at a time; text outside records becomes one warning."""
    record: _Record | None = None
    outside: list[int] = []
    number = 0
    while True:
        raw = text.read_line(stream, limit, first=number == 0)
        if raw is None:
            break
        number += 1
        if isinstance(raw, text.LongLine):
            if record is not None:
                record.size += raw.size
                record.bad = record.bad or (number, "a line over the size limit")
            else:
                outside.append(number)
            continue
        decoded = text.decode(raw.rstrip(b"\r\n"))
        tagged = parse_line(decoded) if not text.has_undecodable(decoded) else None
        if tagged is not None and tagged[0] == "TY":
            if record is not None:
                record.next_line = number
                yield record  # no ER: the next record starts
            record = _Record(number)
        if record is None:
            if decoded.strip():
                outside.append(number)
            continue
        record.size += len(raw)
        if record.size > limit:
            record.bad = record.bad or (number, "over the size limit")
            record.lines.clear()
            continue
        if text.has_undecodable(decoded):
            found = text.undecodable_byte(decoded)
            record.bad = record.bad or (number, text.not_utf8_problem(found[1] if found else 0))
            continue
        if tagged is None:
            if decoded.strip() and record.lines:
                last = record.lines[-1]
                joiner = "\n\n" if last.tag in _BLOCK_TAGS else " "
                record.lines[-1] = RisLine(last.tag, f"{last.value}{joiner}{decoded.strip()}", last.line)
            continue
        tag, value = tagged
        if tag == "ER":
            record.ended = True
            yield record
            record = None
            continue
        record.lines.append(RisLine(tag, value, number))
    if record is not None:
        yield record
    if outside:
        yield ReadWarning(
            f"{name}:{outside[0]}",
            f"text outside any record was skipped ({len(outside)} line{'s' if len(outside) > 1 else ''})",
            "nothing to do if it is a header; else start each record with a 'TY  - ' line",
        )


def read_ris(stream: IO[bytes], name: str, options: ReaderOptions) -> Iterator[Outcome]:
    """Read a RIS file: one notice (and its residue) per record, an error per bad record.

    A record with no usable identifier (DOI, a persistent ``ID``, Handle, HAL id, URL) gets one
    minted from its ``ID`` (else its title) when ``options.minter`` is set, else an error.
    """
    peek = getattr(stream, "peek", None)
    wide = text.wide_encoding(peek(4)[:4]) if peek is not None else None
    if wide is not None:  # UTF-16/32: one error for the file (its bytes would read as nothing)
        yield text.encoding_error(name, wide)
        return
    for record in _records(stream, name, options.max_record_bytes):
        if isinstance(record, ReadWarning):
            yield record
            continue
        yield from _outcomes(record, name, options)


def _outcomes(record: _Record, name: str, options: ReaderOptions) -> Iterator[Outcome]:
    where = f"{name}:{record.line}"
    hint = next((line.value for line in record.lines if line.tag in ("DO", "ID") and line.value), None)
    label = f"{text.escaped(hint)} ({where})" if hint else where
    if record.bad is not None:
        line, why = record.bad
        if why.startswith(("over", "a line over")):
            yield text.long_record_error(
                label, max(record.size, options.max_record_bytes + 1), options.max_record_bytes
            )
        else:
            yield RecordError(record=label, field=f"line {line}", problem=why, fix=text.not_utf8_fix(name))
        return
    if not record.ended and record.next_line is None:
        yield RecordError(
            record=label,
            problem="the file ends inside this record (no 'ER  - ' line): it may have been cut short",
            fix="check that the file is complete; a record ends with an 'ER  - ' line",
        )
        return
    mapping = _Mapping(record, options)
    try:
        data, problem = mapping.build()
    except RecordError as err:
        yield err.with_context(record=label)
        return
    rejected = None if problem is None else ("", *problem)
    outcomes = list(mapped_outcomes(Mapped(data, mapping.residue, rejected), label, label))
    yield from outcomes
    if not record.ended and isinstance(outcomes[0], Notice):
        yield ReadWarning(
            label,
            f"the record has no 'ER  - ' line; it was read up to the next record (line {record.next_line})",
            "end each record with an 'ER  - ' line",
        )


class _Mapping:
    def __init__(self, record: _Record, options: ReaderOptions) -> None:
        self.options = options
        self.residue: list[ResidueItem] = []
        self.values: dict[str, list[str]] = {}
        for line in record.lines:
            if line.value:
                self.values.setdefault(line.tag, []).append(line.value)
        self.kind = (self.values.pop("TY", [""])[0] or "").upper()

    def note(self, tag: str, value: str, reason: str) -> None:
        self.residue.append(ResidueItem(tag, value, reason))

    def take(self, *tags: str) -> list[str]:
        found: list[str] = []
        for tag in tags:
            found += self.values.pop(tag, [])
        return found

    def tagged(self, *tags: str) -> list[tuple[str, str]]:
        """The values of ``tags`` with their tag, taken out."""
        return [(tag, v) for tag in tags for v in self.values.pop(tag, [])]

    def _agent(self, tag: str, value: str) -> dict[str, Any] | None:
        agent = _agent(value)
        if agent is None:
            self.note(tag, value, "no name in it")
        return agent

    def first(self, *tags: str) -> str | None:
        """The first value of the first tag present; the other values are noted as second values."""
        values: list[tuple[str, str]] = []
        for tag in tags:
            values += [(tag, v) for v in self.values.pop(tag, [])]
        if not values:
            return None
        for tag, value in values[1:]:
            if value != values[0][1]:
                self.note(tag, value, f"a second value; the notice holds one ({values[0][1]})")
        return values[0][1]

    def build(self) -> tuple[dict[str, Any], tuple[str, str] | None]:
        data: dict[str, Any] = {}
        kind = _TYPES.get(self.kind)
        if kind is None:
            import rispy

            known = rispy.TYPE_OF_REFERENCE_MAPPING.get(self.kind)
            kind = DocumentType.OTHER
            reason = f"the type {known!r} has no notice type" if known else "not a RIS type"
            self.note("TY", self.kind, f"{reason}: read as 'other'")
        label = self.first("M3")
        if kind is DocumentType.REPORT and label and dc.document_type(label)[0] == "working_paper":
            kind = DocumentType.WORKING_PAPER
        data["type"] = kind.value
        if label:
            data["type_label"] = label
        self._titles(data)
        self._names(data)
        self._date(data)
        self._container(data)
        publisher = self.first("PB")
        if publisher:
            data["publisher"] = {"type": "organization", "name": publisher}
        self._languages(data)
        abstract = self.first("AB", "N2")
        if abstract:
            data["abstracts"] = [{"value": abstract}]
        keywords = list(dict.fromkeys(" ".join(v.split()) for v in self.take("KW")))  # one per line
        if keywords:
            data["keywords"] = [{"value": k} for k in keywords]
        collection = self.first("DP")
        if collection:
            data["collection"] = {"name": collection}
        problem = self._identifiers(data)
        for tag, values in self.values.items():
            reason = _REASONS.get(tag) or (
                "a tag the notice model has no place for" if _known(tag) else "not a RIS tag"
            )
            for value in values:
                self.note(tag if tag in _REASONS else _tag_name(tag), value, reason)
        return data, problem

    def _titles(self, data: dict[str, Any]) -> None:
        titles = self.take("TI", "T1")
        if not titles and self.kind in ("BOOK", "EBOOK", "EDBOOK") and "BT" in self.values:
            titles = self.take("BT")
        titles += self.take("TT")
        if titles:
            data["titles"] = [{"value": t} for t in titles]

    def _names(self, data: dict[str, Any]) -> None:
        creators = [a for a in (self._agent(t, v) for t, v in self.tagged("AU", "A1")) if a]
        if creators:
            data["creators"] = creators
        contributors = []
        editors = self.take("A2", "ED") if self.kind not in ("BOOK", "EBOOK", "EDBOOK") else []
        editors += self.take("A3") if self.kind in ("BOOK", "EBOOK", "EDBOOK") else []
        contributors += [{"role": "editor", "agent": a} for a in (self._agent("A2", v) for v in editors) if a]
        for tag in ("A2", "A3"):
            for value in self.take(tag):
                role = "thesis_advisor" if self.kind == "THES" and tag == "A3" else "contributor"
                agent = self._agent(tag, value)
                if agent:
                    contributors.append({"role": role, "agent": agent})
        contributors += [
            {"role": "translator", "agent": a}
            for a in (self._agent(t, v) for t, v in self.tagged("A4", "TA"))
            if a
        ]
        if contributors:
            data["contributors"] = contributors

    def _date(self, data: dict[str, Any]) -> None:
        candidates = [(tag, v) for tag in ("PY", "Y1", "DA") for v in self.values.pop(tag, [])]
        issued: str | None = None
        for tag, value in candidates:
            date, note = _ris_date(value)
            if date is None:
                self.note(tag, value, note or "not a date")
            elif issued is None or (date.startswith(issued) and len(date) > len(issued)):
                issued = date
            elif not issued.startswith(date):
                self.note(tag, value, f"a second date; the notice holds one (issued {issued})")
        if issued is not None:
            data["issued"] = issued

    def _container(self, data: dict[str, Any]) -> None:
        title = self.first("T2", "JO", "JF", "JA", "J2", "BT")
        if self.kind in _JOURNAL_TYPES:
            kind = "journal"
        elif self.kind in _BOOK_PART_TYPES:
            kind = "book"
        elif self.kind in _PROCEEDINGS_TYPES:
            kind = "proceedings"
        else:
            kind = "series"
        container: dict[str, Any] = {"type": kind, "title": title} if title else {}
        volume, issue = self.first("VL"), self.first("IS")
        start, end = self.first("SP"), self.first("EP")
        pages = f"{start}-{end}" if start and end and start != end else start or end
        if start and "-" in start and not end:
            pages = re.sub(r"\s*[-–—]+\s*", "-", start)
        numbering = {"volume": volume, "issue": issue, "pages": pages}
        if container:
            container.update({k: v for k, v in numbering.items() if v})
            data["container"] = container
        else:
            for key, value in numbering.items():
                if value:
                    tag = {"volume": "VL", "issue": "IS", "pages": "SP"}[key]
                    self.note(tag, value, "numbering without a journal, book or series title (T2) to hold it")

    def _languages(self, data: dict[str, Any]) -> None:
        tags: list[str] = []
        for value in self.take("LA"):
            for part in re.split(r"\s*[,;]\s*", value):
                if not part:
                    continue
                tag, why = dc.language_tag(part)
                if tag is None:
                    self.note("LA", part, why or "not a language")
                elif tag not in tags:
                    tags.append(tag)
        if tags:
            data["languages"] = tags

    def _identifiers(self, data: dict[str, Any]) -> tuple[str, str] | None:
        pids: list[ids.Identifier] = []
        urls: list[tuple[str, ids.Identifier]] = []
        extra: list[ids.Identifier] = []

        def parse(tag: str, value: str, scheme: str | None, *, quiet: bool = False) -> ids.Identifier | None:
            try:
                return ids.parse(value, scheme)
            except IdentifierError as exc:
                if not quiet:
                    self.note(tag, value, f"not a usable identifier: {exc.problem}")
                return None

        own = self.first("ID")
        own_id = parse("ID", own, None, quiet=True) if own else None
        if own_id is not None and own_id.scheme not in _DOCUMENT_SCHEMES:
            own_id = None
        for value in self.take("DO"):
            found = parse("DO", re.sub(r"^doi:\s*", "", value, flags=re.IGNORECASE), "doi")
            if found and found not in pids:
                pids.append(found)
        for tag in ("UR", "L2"):
            for value in self.take(tag):
                for part in re.split(r"\s*;\s*|\s+", value):
                    if not part:
                        continue
                    found = parse(tag, part, None)
                    if found is None:
                        continue
                    if found.scheme in _PID_ORDER and found not in pids:
                        pids.append(found)
                    if found.iri.startswith(("http://", "https://")):
                        urls.append((part, found))
        issn_values: list[ids.Identifier] = []
        for value in self.take("SN"):
            for part in re.split(r"\s*[;,]\s*|\s+(?=\d)", value):
                found = self._serial_number(part, data)
                if isinstance(found, ids.Identifier):
                    if found.scheme in (ids.Scheme.ISSN, ids.Scheme.ISSN_L):
                        issn_values.append(found)
                    else:
                        extra.append(found)
        pids.sort(key=lambda i: _PID_ORDER.index(i.scheme))
        if own_id is not None:
            data["id"] = own_id
            rest = [p for p in pids if p != own_id]
        elif pids:
            data["id"] = pids[0]
            rest = pids[1:]
        elif urls:
            data["id"] = urls[0][1]
            rest = []
        elif self.options.minter is not None and (own or data.get("titles")):
            key = own or data["titles"][0]["value"]
            data["id"] = ids.Identifier(ids.Scheme.HANDLE, self.options.minter.mint(key))
            rest = []
            if own is None:
                self.note("ID", "", "no ID: the identifier was minted from the title")
        else:
            if own:
                self.note("ID", own, "a local record id, not a persistent identifier")
            fix = (
                "give the record a DO or UR line, or pass a Handle prefix (--prefix) to mint one from its ID"
            )
            return "the record has no usable identifier (DOI, Handle, HAL id or URL)", fix
        for text_, _ in urls:
            if text_ != data["id"].iri and _is_iri(text_):
                data["landing_page"] = text_  # where to read it, as the record gives it
                break
        container = data.get("container")
        for position, issn in enumerate(issn_values):
            if container is None:
                self.note("SN", issn.value, "an ISSN without a journal title (T2) to hold it")
            elif position < 2:
                container["issn" if position == 0 else "eissn"] = issn
            else:
                self.note("SN", issn.value, "a third ISSN; the journal holds an ISSN and an e-ISSN")
        isbns = [i for i in extra if i.scheme is ids.Scheme.ISBN]
        if isbns and container is not None and self.kind in _BOOK_PART_TYPES | _PROCEEDINGS_TYPES:
            container["isbn"] = isbns.pop(0)
        identifiers = [i for i in dict.fromkeys(rest + isbns) if i != data["id"]]
        if identifiers:
            data["identifiers"] = identifiers
        return None

    def _serial_number(self, value: str, data: dict[str, Any]) -> ids.Identifier | None:
        """An ``SN`` value: an ISSN or ISBN by its shape; a report's number otherwise."""
        value = value.strip()
        if not value:
            return None
        match = _ISSN.match(value)
        scheme = "issn" if match and len(re.sub(r"[^\dXx]", "", value)) == 8 else None
        if scheme is None and len(re.sub(r"[^\dXx]", "", value)) in (10, 13):
            scheme = "isbn"
        if scheme is None:
            container = data.get("container")
            if self.kind == "RPRT" and container is not None and "issue" not in container:
                container["issue"] = value  # a report's number in its series
            else:
                self.note("SN", value, "neither an ISSN nor an ISBN")
            return None
        try:
            return ids.parse(value, scheme)
        except IdentifierError as exc:
            self.note("SN", value, f"not a usable {scheme.upper()}: {exc.problem}")
            return None


def _is_iri(value: str) -> bool:
    try:
        ids.parse(value, ids.Scheme.URL)
    except IdentifierError:
        return False
    return True


def _agent(value: str) -> dict[str, Any] | None:
    """``Family, Given[, Suffix]`` is a person; a name without a comma is an organisation when it
    looks like one, else a person known by that name (RIS has no marker for organisations)."""
    text_ = " ".join(value.split())
    if "," in text_:
        family, _, given = text_.partition(",")
        family, given = family.strip(), given.strip()
        if family and given:
            return {"type": "person", "family": family, "given": given}
        if not (family or given):
            return None
        return {"type": "person", "name": family or given}
    parsed = dc.parse_agent(text_)
    if parsed["type"] == "organization":
        return {"type": "organization", "name": text_}
    return {"type": "person", "name": text_}


_RIS_DATE: Final = re.compile(r"^(\d{4})(?:/(\d{1,2})?(?:/(\d{1,2})?(?:/.*)?)?)?$")


def _ris_date(value: str) -> tuple[str | None, str | None]:
    """``YYYY/MM/DD/other`` (parts may be empty) or any form :func:`dc.parse_date` reads."""
    text_ = value.strip()
    match = _RIS_DATE.match(text_)
    if match:
        year, month, day = match.groups()
        if month is None:
            return dc.parse_date(year)
        iso = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        found, note = dc.parse_date(iso)
        return (found, None) if found else (None, note or f"{text_!r} does not exist in the calendar")
    return dc.parse_date(text_)
