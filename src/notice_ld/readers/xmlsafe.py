"""Untrusted XML, safely and record by record: OAI-PMH responses and Dublin Core documents.

:func:`split_records` reads an XML byte stream incrementally and yields each OAI-PMH
``<record>`` as its own small, separately parsed document, so that

* **a broken record does not take the page down:** an OAI-PMH response is one XML document, and
  a conforming parser must stop at its first well-formedness error. Here a light scanner (C
  regular expressions over the bytes) finds where each ``<record>`` starts and ends — skipping
  comments, CDATA sections and processing instructions, counting nested elements of the same
  name — and only the *envelope* (everything outside the records: ``responseDate``,
  ``request``, ``error``, ``resumptionToken``) goes through one streaming parser. Each record is
  then parsed alone, in the namespace context of its parent element, so a record with an
  undeclared prefix, a stray ``&`` or a bad byte becomes an error for that record only, naming
  its line and its OAI identifier. The other records go through. Isolation needs the record's
  own tags to be balanced: a record whose ``</record>`` is missing runs into the next one and
  both are reported as one error.
* **memory is flat:** the buffer holds one record at a time; records are never kept.
* **nothing reaches outside:** any ``<!DOCTYPE`` or ``<!ENTITY`` declaration ends the document
  with an error before it is parsed (a harvest never needs one), so there is no external entity,
  no DTD loading and no entity expansion; the parsers are lxml's with ``resolve_entities=False``,
  ``no_network=True``, ``load_dtd=False`` and ``huge_tree=False`` as a second line of defence.
* **size is bounded:** a record larger than ``max_record_bytes`` (default 8 MiB) is reported
  and skipped *while it streams* — it is never held in memory — and so is an envelope or a bare
  document over that size.

Encodings: UTF-8 (with or without BOM), UTF-16/32 with a BOM, and any encoding named in the XML
declaration (transcoded to UTF-8 as it streams).

>>> page = b'''<?xml version="1.0"?>
... <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
...  <record><header><identifier>oai:x:1</identifier></header></record>
...  <record><header><identifier>oai:x:2 &amp bad</identifier></header></record>
...  <resumptionToken completeListSize="3">t1</resumptionToken></ListRecords></OAI-PMH>'''
>>> envelope = Envelope()
>>> for raw in split_records([page], envelope=envelope):
...     print(raw.line, raw.hint, raw.element is not None, raw.error)
3 oai:x:1 True None
4 oai:x:2 &amp bad False not well-formed XML at line 4: EntityRef: expecting ';'
>>> envelope.resumption_token, envelope.complete_list_size
('t1', 3)
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from lxml import etree

__all__ = ["OAI_NS", "Envelope", "RawRecord", "XMLDocumentError", "split_records"]

OAI_NS: Final = "http://www.openarchives.org/OAI/2.0/"
DEFAULT_MAX_RECORD_BYTES: Final = 8 * 1024 * 1024
_LOOKBEHIND: Final = 512  # bytes kept unscanned at the end of the buffer: a token may straddle chunks
_MAX_TAG: Final = 64 * 1024  # a start tag longer than this is not waited for


class XMLDocumentError(ValueError):
    """The document as a whole cannot be read further (DTD, broken envelope, truncation, encoding).

    Records yielded before the error stand. ``line`` is where the problem was seen.
    """

    def __init__(self, problem: str, *, line: int | None = None, fix: str = "") -> None:
        self.problem = problem
        self.line = line
        self.fix = fix
        super().__init__(problem if line is None else f"{problem} (line {line})")


@dataclass
class RawRecord:
    """One record as read: its parsed element, or why it could not be parsed.

    ``element`` is the ``<record>`` element (or, for a bare Dublin Core document, the metadata
    root: then ``bare`` is true); ``line`` is where the record starts; ``hint`` is the OAI
    identifier found in the raw bytes (to name a record that could not be parsed).
    """

    element: etree._Element | None
    line: int
    hint: str | None = None
    error: str | None = None
    bare: bool = False


@dataclass
class Envelope:
    """What the envelope of an OAI-PMH response says (filled in while records stream)."""

    root: str | None = None
    response_date: str | None = None
    errors: list[tuple[str, str]] = field(default_factory=list)
    resumption_token: str | None = None
    complete_list_size: int | None = None
    cursor: int | None = None
    records: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """``(problem, fix)`` about the document as a whole, e.g. an encoding its bytes contradict."""


def hardened_parser() -> etree.XMLParser:
    """An lxml parser that resolves no entity, loads no DTD, reaches no network, limits node sizes."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _local(tag: object) -> str:
    text = tag if isinstance(tag, str) else ""
    return text.rsplit("}", 1)[-1]


_DECL = re.compile(rb"\A<\?xml\s[^>]*?\?>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_HINT = re.compile(rb"<(?:[\w.-]+:)?identifier\b[^>]*>\s*([^<]{1,500}?)\s*<")


_WIDE: Final = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
_SINGLE_BYTE_LATIN: Final = frozenset({"latin-1", "iso8859-1", "iso8859-15", "cp1252", "ascii"})
_UTF8_MULTIBYTE: Final = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _contradicted(declared: str, head: bytes, envelope: Envelope, written: str) -> str:
    """The encoding to read with, when the declaration is contradicted by the bytes (with a
    warning in ``envelope``); else ``declared``.

    XML 1.0 appendix F: a document whose first bytes are ``<?xml`` in ASCII is not UTF-16/32
    (which has no BOM here), whatever its declaration says; it is read as UTF-8. A single-byte
    declaration (ISO-8859-1, Windows-1252) over bytes that are valid UTF-8 with multi-byte
    sequences is read as declared, as the standard says, but warned about: the text is almost
    certainly mojibake ("CafÃ©").
    """
    if declared in _WIDE:
        envelope.warnings.append(
            (
                f"the XML declaration says {written} but the bytes are not {written} "
                "(no byte order mark, '<?xml' in single bytes); the document was read as UTF-8",
                'declare the encoding the file is in: <?xml version="1.0" encoding="UTF-8"?>',
            )
        )
        return "utf-8"
    if declared in _SINGLE_BYTE_LATIN and _UTF8_MULTIBYTE.search(head):
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 4:  # a real non-UTF-8 byte, not a cut at the end of the head
                return declared
        sample = _UTF8_MULTIBYTE.search(head)
        shown = sample.group().decode("utf-8", "replace") if sample else ""
        misread = sample.group().decode(declared, "replace") if sample else ""
        envelope.warnings.append(
            (
                f"the XML declaration says {written} but the bytes look like UTF-8 "
                f"({shown!r} reads as {misread!r}); the text was read as {written}, as declared, "
                "and is probably garbled",
                'declare the encoding the file is in: <?xml version="1.0" encoding="UTF-8"?>',
            )
        )
    return declared


def _utf8_chunks(chunks: Iterable[bytes], envelope: Envelope | None = None) -> Iterator[bytes]:
    """The stream as UTF-8 bytes without BOM or XML declaration (replaced by its newlines)."""
    source = iter(chunks)
    head = b""
    for chunk in source:
        head += chunk
        if len(head) >= 4096:
            break
    encoding: str | None = None
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            encoding = name
            break
    if encoding is None and head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        encoding = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
    if encoding is None:
        decl = _DECL.match(head)
        declared = _ENCODING.search(decl.group()) if decl else None
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
        try:
            canonical = codecs.lookup(encoding).name
        except LookupError:
            raise XMLDocumentError(
                f"unknown character encoding {encoding!r} in the XML declaration",
                line=1,
                fix="declare UTF-8 (or another standard encoding) and encode the file with it",
            ) from None
        if decl:
            head = b"\n" * decl.group().count(b"\n") + head[decl.end() :]
        canonical = _contradicted(canonical, head, envelope if envelope is not None else Envelope(), encoding)
        if canonical == "utf-8":
            if head:
                yield head
            yield from source
            return
        encoding = canonical
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        text = decoder.decode(head)
        stripped = text.lstrip("\ufeff")
        match = re.match(r"<\?xml\s[^>]*?\?>", stripped)
        if match:
            stripped = "\n" * match.group().count("\n") + stripped[match.end() :]
        if stripped:
            yield stripped.encode("utf-8")
        for chunk in source:
            piece = decoder.decode(chunk)
            if piece:
                yield piece.encode("utf-8")
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail.encode("utf-8")
    except UnicodeDecodeError as exc:
        raise XMLDocumentError(
            f"the bytes are not valid {encoding} ({exc.reason})",
            fix="encode the file in the encoding its XML declaration names (UTF-8 preferred)",
        ) from None


_OUT = re.compile(
    rb"<!--|<!\[CDATA\[|<!DOCTYPE|<!ENTITY|<\?|</?(?P<qname>(?:[A-Za-z_][\w.-]*:)?(?:record|mods|resource))(?=[\s/>])"
)  # records: OAI-PMH <record>s, the <mods> of a MODS collection (or a bare <mods>), the <resource>s
# of a DataCite <resources> collection (a bare <resource> is a bare document)
_START_TAG = re.compile(rb"""<[^\s/>!?]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")
_END_TAG = re.compile(rb"</[^\s>]+\s*>")
_TERMINATORS: Final = {b"<!--": b"-->", b"<![CDATA[": b"]]>", b"<?": b"?>"}
_RECORD_PARENTS: Final = frozenset({"ListRecords", "GetRecord", "modsCollection", "resources"})
_ELEMENT_ONLY: Final = frozenset({"ListRecords", "GetRecord", "OAI-PMH", "modsCollection", "resources"})


class _EnvelopeParser:
    """Streams everything outside the records through one hardened pull parser."""

    def __init__(self, envelope: Envelope, limit: int) -> None:
        from lxml import etree

        self.etree = etree
        self.envelope = envelope
        self.limit = limit
        self.fed = 0
        self.parser = etree.XMLPullParser(
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        self.stack: list[etree._Element] = []
        self.root: etree._Element | None = None

    def top(self) -> etree._Element | None:
        return self.stack[-1] if self.stack else None

    def feed(self, data: bytes | bytearray, line: int) -> None:
        if not data:
            return
        top = self.top()
        if top is not None and _local(top.tag) in _ELEMENT_ONLY and not data.strip():
            return  # white space between records: not kept, so memory stays flat
        self.fed += len(data)
        if self.fed > self.limit:
            raise XMLDocumentError(
                f"the document outside its records is larger than {self.limit} bytes",
                line=line,
                fix="split the file into records, or raise the record size limit if it is legitimate",
            )
        try:
            self.parser.feed(bytes(data))
            self._events()
        except self.etree.XMLSyntaxError as exc:
            raise XMLDocumentError(f"not well-formed XML: {_message(exc)}", line=line) from None

    def close(self, line: int) -> None:
        try:
            self.parser.close()
            self._events()
        except self.etree.XMLSyntaxError as exc:
            problem = _message(exc)
            if self.fed == 0 and self.envelope.records == 0:
                problem = "the document is empty"
            raise XMLDocumentError(
                f"not well-formed XML: {problem}",
                line=line,
                fix="the document is incomplete or broken; fetch it again or repair it",
            ) from None

    def _events(self) -> None:
        envelope = self.envelope
        for event, element in self.parser.read_events():
            if event == "start":
                if self.root is None:
                    self.root = element
                    envelope.root = _local(element.tag)
                self.stack.append(element)
                continue
            self.stack.pop()
            name = _local(element.tag)
            if name == "resumptionToken":
                envelope.resumption_token = (element.text or "").strip() or None
                envelope.complete_list_size = _int(element.get("completeListSize"))
                envelope.cursor = _int(element.get("cursor"))
            elif name == "error" and len(self.stack) == 1:
                envelope.errors.append((element.get("code") or "", " ".join((element.text or "").split())))
            elif name == "responseDate" and len(self.stack) == 1:
                envelope.response_date = (element.text or "").strip() or None
            if envelope.root == "OAI-PMH" and len(self.stack) >= 2:
                # keep the envelope tree small: a finished grandchild of the root is not needed
                element.clear(keep_tail=False)


def _int(text: str | None) -> int | None:
    if text is None or not text.strip().isdigit():
        return None
    return int(text.strip())


_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")


def _message(exc: Exception) -> str:
    text = str(getattr(exc, "msg", "") or exc)
    return _POSITION_SUFFIX.sub("", text.strip()).strip()


def _ns_declarations(nsmap: dict[str | None, str]) -> bytes:
    parts = []
    for prefix, uri in sorted(nsmap.items(), key=lambda item: item[0] or ""):
        escaped = uri.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        parts.append(f' xmlns:{prefix}="{escaped}"' if prefix else f' xmlns="{escaped}"')
    return "".join(parts).encode("utf-8")


def _hint(data: bytes | bytearray) -> str | None:
    match = _HINT.search(data, 0, 8192)
    if not match:
        return None
    return match.group(1).decode("utf-8", "replace").strip() or None


def split_records(
    chunks: Iterable[bytes],
    *,
    envelope: Envelope | None = None,
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
) -> Iterator[RawRecord]:
    """Yield each record of an XML byte stream, parsed alone (see the module docstring).

    A bare metadata document (``<oai_dc:dc>`` at the root, no OAI-PMH envelope) is yielded as one
    :class:`RawRecord` with ``bare=True``. ``envelope`` (if given) is filled in as the stream is
    read. Raises :class:`XMLDocumentError` when the document cannot be read further; the records
    already yielded stand.
    """
    from lxml import etree

    env = envelope if envelope is not None else Envelope()
    outer = _EnvelopeParser(env, max_record_bytes)
    parser = hardened_parser()
    buf = bytearray()
    line = 1  # line number of buf[0]
    pos = 0  # first byte not yet consumed
    state = "out"
    record_start = scan = depth = 0
    record_line = 0
    inner: re.Pattern[bytes] | None = None
    inner_qname = b""  # the record name ``inner`` was compiled for (records of a page share it)
    ns_parent: etree._Element | None = None  # the element ``parent_ns`` was computed for
    hint: str | None = None
    parent_ns = b""

    counted = [0, 1]  # [position in buf, line number there]: newlines are counted once, forward

    def line_at(index: int) -> int:
        position, number = counted
        if index < position:
            return number - buf.count(b"\n", index, position)
        number += buf.count(b"\n", position, index)
        counted[0], counted[1] = index, number
        return number

    def parse(data: bytes, start_line: int) -> RawRecord:
        doc = b"<notice-ld-record" + parent_ns + b">" + data + b"</notice-ld-record>"
        try:
            wrapper = etree.fromstring(doc, parser)
        except etree.XMLSyntaxError as exc:
            where = start_line + (exc.lineno or 1) - 1
            return RawRecord(
                None, start_line, _hint(data), f"not well-formed XML at line {where}: {_message(exc)}"
            )
        return RawRecord(wrapper[0], start_line, _hint(data))

    stream = _utf8_chunks(chunks, env)
    eof = False
    while not eof:
        chunk = next(stream, None)
        if chunk is None:
            eof = True
        else:
            buf += chunk
        while True:
            if state == "out":
                match = _OUT.search(buf, pos)
                if match is None:
                    safe = len(buf) if eof else max(pos, len(buf) - _LOOKBEHIND)
                    outer.feed(buf[pos:safe], line_at(pos))
                    pos = safe
                    break
                token = match.group()
                start = match.start()
                if token in _TERMINATORS:
                    end = buf.find(_TERMINATORS[token], match.end())
                    if end < 0:
                        if eof:
                            raise XMLDocumentError(
                                "a comment, CDATA section or processing instruction is never closed",
                                line=line_at(start),
                            )
                        outer.feed(buf[pos:start], line_at(pos))
                        pos = start
                        break
                    end += len(_TERMINATORS[token])
                    outer.feed(buf[pos:end], line_at(pos))
                    pos = end
                    continue
                if token in (b"<!DOCTYPE", b"<!ENTITY"):
                    raise XMLDocumentError(
                        "the document has a DTD (<!DOCTYPE> or <!ENTITY>): refused, since a DTD can "
                        "read local files, reach the network or expand entities without bound",
                        line=line_at(start),
                        fix="remove the DOCTYPE declaration; OAI-PMH and Dublin Core XML never need one",
                    )
                tag = _START_TAG.match(buf, start) if token[1:2] != b"/" else _END_TAG.match(buf, start)
                if tag is None:
                    if eof or len(buf) - start > _MAX_TAG:
                        raise XMLDocumentError("a tag is never closed", line=line_at(start))
                    outer.feed(buf[pos:start], line_at(pos))
                    pos = start
                    break
                outer.feed(buf[pos:start], line_at(pos))
                pos = start
                parent = outer.top()
                is_record = token[1:2] != b"/" and (
                    _local(parent.tag) in _RECORD_PARENTS
                    if parent is not None
                    else not match.group("qname").endswith(b"resource")
                )
                if not is_record:
                    outer.feed(buf[start : tag.end()], line_at(start))
                    pos = tag.end()
                    continue
                env.records += 1
                if parent is None:
                    parent_ns, ns_parent = b"", None
                elif parent is not ns_parent:  # the records of a page share their parent (ListRecords)
                    parent_ns, ns_parent = _ns_declarations(dict(parent.nsmap)), parent
                record_line = line_at(start)
                if tag.group(1) == b"/":  # <record/>: nothing in it
                    yield RawRecord(None, record_line, None, "the record is empty (<record/>)")
                    pos = tag.end()
                    continue
                qname = bytes(match.group("qname"))
                if inner is None or qname != inner_qname:
                    inner_qname = qname
                    inner = re.compile(rb"<!--|<!\[CDATA\[|<\?|</?" + re.escape(qname) + rb"(?=[\s/>])")
                state, record_start, scan, depth = "in", start, tag.end(), 1
                continue
            # inside a record ("in"), or skipping one that is too large ("skip")
            assert inner is not None
            match = inner.search(buf, scan)
            if match is None:
                scan = max(scan, len(buf) - _LOOKBEHIND)
                if eof:
                    raise XMLDocumentError(
                        "the document ends inside a record (truncated?)",
                        line=record_line,
                        fix="fetch the document again; it was cut short",
                    )
                if state == "in" and len(buf) - record_start > max_record_bytes:
                    state, hint = "skip", _hint(buf[record_start:])
                if state == "skip":
                    pos = scan  # drop what was scanned: the record is not kept
                break
            token = match.group()
            start = match.start()
            if token in _TERMINATORS:
                end = buf.find(_TERMINATORS[token], match.end())
                if end < 0:
                    if eof:
                        raise XMLDocumentError(
                            "a comment or CDATA section is never closed", line=line_at(start)
                        )
                    scan = start
                    if state == "skip":
                        pos = start
                    elif len(buf) - record_start > max_record_bytes:
                        state, hint, pos = "skip", _hint(buf[record_start:]), start
                    break
                scan = end + len(_TERMINATORS[token])
                continue
            closing = token[1:2] == b"/"
            tag = _END_TAG.match(buf, start) if closing else _START_TAG.match(buf, start)
            if tag is None:
                if eof or len(buf) - start > _MAX_TAG:
                    raise XMLDocumentError("a tag is never closed", line=line_at(start))
                scan = start
                if state == "skip":
                    pos = start
                break
            scan = tag.end()
            if not closing:
                if tag.group(1) != b"/":
                    depth += 1
                continue
            depth -= 1
            if depth:
                continue
            if state == "in":
                yield parse(bytes(buf[record_start:scan]), record_line)
            else:
                yield RawRecord(
                    None,
                    record_line,
                    hint,
                    f"the record is larger than the {max_record_bytes}-byte limit (a huge text node?); "
                    "it was skipped without being read",
                )
            state, pos = "out", scan
        if pos:
            line = line_at(pos)
            del buf[:pos]
            counted[0], counted[1] = 0, line
            record_start -= pos
            scan -= pos
            pos = 0
    if outer.root is not None or env.records == 0:
        outer.close(line)  # records at the root (a bare <record>) leave no envelope to close
    if env.records == 0 and outer.root is not None and env.root not in ("OAI-PMH",):
        # a bare metadata document: the envelope parser holds it whole (its size is bounded)
        yield RawRecord(outer.root, 1, None, None, bare=True)
