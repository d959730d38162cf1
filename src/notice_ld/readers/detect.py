"""Find an input's format from its first bytes (``--from`` is optional for every reader).

The rules look at what each format starts with: an XML root element and its namespace (OAI-PMH
and the metadata inside it, MODS, DataCite, RDF/XML, HTML), the keys of the first JSON record
(the notice form, Crossref, DataCite, OpenAlex, HAL, CSL-JSON, JSON-LD), ``@article{`` (BibTeX),
``TY  -`` (RIS), Turtle and N-Triples syntax. The file name decides only where the content alone
cannot (CSV, an empty file, JSON whose first records are broken). An input that is none of them
is **one** :class:`~notice_ld.errors.UnsupportedInputError` saying what it looks like, never an
error per line.

>>> detect(b'{"id": "10670/1.x", "titles": [{"value": "T"}]}\\n', "in.jsonl")
<InputFormat.JSONL: 'jsonl'>
>>> detect(b'{"status":"ok","message-type":"work","message":{"DOI":"10.1/x"}}', "w.json")
<InputFormat.CROSSREF: 'crossref'>
>>> detect(b"@article{key,\\n  title = {T}\\n}\\n", "refs.txt")
<InputFormat.BIBTEX: 'bibtex'>
>>> detect(b"@prefix dct: <http://purl.org/dc/terms/> .\\n", "x.txt")
<InputFormat.RDF: 'rdf'>
>>> detect(b"# Notes\\n\\nSome *text* and a [link](https://example.org).\\n", "notes.md")
Traceback (most recent call last):
...
notice_ld.errors.UnsupportedInputError: notes.md: not a supported input (it looks like Markdown); ...
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from typing import Any, Final

from notice_ld.errors import UnsupportedInputError
from notice_ld.readers import InputFormat, text

__all__ = ["detect", "looks_like"]

_BOM: Final = b"\xef\xbb\xbf"
_MAX_LINES: Final = 50  # JSON Lines: the first lines looked at for one that reads

# XML: namespaces (in the head) that name a format, most specific first
_OAI_PMH: Final = b"http://www.openarchives.org/OAI/2.0/"
_XML_NAMESPACES: Final = (
    (b"http://www.loc.gov/mods/v3", InputFormat.MODS),
    (b"http://datacite.org/schema/kernel-", InputFormat.DATACITE_XML),
    (b"http://schema.datacite.org/oai/oai-1.", InputFormat.DATACITE_XML),
    (b"qualifieddc", InputFormat.QDC),
    (b"http://www.openarchives.org/OAI/2.0/oai_dc/", InputFormat.OAI_DC),
)
_PREFIX_IN_REQUEST: Final = re.compile(rb'metadataPrefix\s*=\s*["\']([A-Za-z0-9_.-]+)["\']')
_BY_PREFIX: Final[Mapping[bytes, InputFormat]] = {
    b"oai_dc": InputFormat.OAI_DC,
    b"qdc": InputFormat.QDC,
    b"mods": InputFormat.MODS,
    b"oai_datacite": InputFormat.DATACITE_XML,
    b"datacite": InputFormat.DATACITE_XML,
}
_ROOT: Final = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]")
_XML_PROLOG: Final = re.compile(
    rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>)*", re.DOTALL
)

_BIBTEX: Final = re.compile(rb"\A(?:\s*%[^\n]*\n)*\s*@\s*[A-Za-z]+\s*[{(]")
# RIS: "TY  - JOUR" (also the loose "TY -  BOOK" some exporters write), after at most a few header
# lines ("Provider: …", "Content: text/plain…" in databases' exports)
_RIS: Final = re.compile(
    rb"\A(?:[^\n]{0,200}\n){0,8}?\s*TY {1,2}- {0,3}[A-Z][A-Z0-9]{1,6}[ \t]*\r?$", re.MULTILINE
)
_TURTLE: Final = re.compile(
    # an N-Triples subject is an absolute IRI followed on its line by the predicate (not <html><head>)
    rb"\A(?:\s*#[^\n]*\n)*\s*(?:@prefix\s|@base\s|PREFIX\s|BASE\s"
    rb"|<[^>\s]*:[^>\s]*>[ \t]+<|<[^>\s]*>\s+a\s|_:\w+\s+<)",
    re.IGNORECASE,
)


def detect(head: bytes, name: str = "<input>") -> InputFormat:
    """The format of an input whose first bytes are ``head`` (gzip-compressed heads are looked
    through); ``name``'s suffix decides only where the content cannot. Raises
    :class:`~notice_ld.errors.UnsupportedInputError` for an input in no supported format.

    >>> detect(b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><request metadataPrefix="mods"/>')
    <InputFormat.MODS: 'mods'>
    >>> detect(b"id,type,title\\n10670/1.x,article,T\\n", "n.csv")
    <InputFormat.CSV: 'csv'>
    """
    head = _narrowed(_gunzipped(head)).removeprefix(_BOM)
    by_name = InputFormat.by_suffix(name) if not name.startswith("<") else None
    found = _by_content(head, by_name)
    if found is not None:
        return found
    if by_name is not None and (by_name is InputFormat.CSV or not head.strip()):
        return by_name
    if not head.strip():
        return InputFormat.JSONL  # nothing to read, whatever the format
    raise UnsupportedInputError(
        path=name, looks_like=looks_like(head), known=tuple(f.value for f in InputFormat)
    )


def _narrowed(head: bytes) -> bytes:
    """A UTF-16 or UTF-32 head as UTF-8, to be recognised (its reader then reports the encoding)."""
    wide = text.wide_encoding(head[:4])
    if wide is None:
        return head
    cut = len(head) - len(head) % 4
    return head[:cut].decode(wide.replace("-", "").lower(), "replace").encode("utf-8")


def _gunzipped(head: bytes) -> bytes:
    if not head.startswith(b"\x1f\x8b"):
        return head
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 1 << 16)
    except zlib.error:
        return head


def _by_content(head: bytes, by_name: InputFormat | None) -> InputFormat | None:
    text = head.lstrip()
    if _TURTLE.match(head):  # before XML: N-Triples lines start with "<"
        return InputFormat.RDF
    if text.startswith(b"<"):
        return _xml(text)
    if text.startswith((b"{", b"[")):
        return _json(text, by_name)
    if _BIBTEX.match(head):
        return InputFormat.BIBTEX
    if _RIS.match(head):
        return InputFormat.RIS
    if by_name is InputFormat.CSV:
        return InputFormat.CSV
    return None


def _xml(text: bytes) -> InputFormat | None:
    prolog = _XML_PROLOG.match(text)
    rest = text[prolog.end() if prolog else 0 :]
    if re.match(rb"<!DOCTYPE\s+html", text[:4096].lstrip(), re.IGNORECASE) or re.match(
        rb"<html[\s>]", rest, re.IGNORECASE
    ):
        return InputFormat.HTML
    root = _ROOT.match(rest)
    if root is None:
        return None
    local = root.group(2)
    if local == b"RDF":
        return InputFormat.RDF
    if _OAI_PMH in text[:8192] and local == b"OAI-PMH":
        asked = _PREFIX_IN_REQUEST.search(text[:8192])
        if asked is not None and asked.group(1) in _BY_PREFIX:
            return _BY_PREFIX[asked.group(1)]
    for namespace, fmt in _XML_NAMESPACES:
        if namespace in text:
            return fmt
    if local in (b"OAI-PMH", b"record", b"dc"):
        return InputFormat.OAI_DC
    if local == b"resource":
        return InputFormat.DATACITE_XML
    if local in (b"mods", b"modsCollection"):
        return InputFormat.MODS
    return None


def _json(text: bytes, by_name: InputFormat | None) -> InputFormat | None:
    """The format of JSON or JSON Lines, from the keys of the first record that reads."""
    first = _first_value(text)
    if first is None:  # nothing reads: the reader reports the records (suffix, else JSON Lines)
        if by_name is not None and by_name in (InputFormat.JSON, InputFormat.JSONL):
            return by_name
        return InputFormat.JSON if text.startswith(b"[") else InputFormat.JSONL
    value, whole_document = first
    third_party = _json_kind(value)
    if third_party is not None:
        return third_party
    if by_name in (InputFormat.JSON, InputFormat.JSONL):
        return by_name
    if text.startswith(b"[") or (whole_document and b"\n" in text.strip()):
        return InputFormat.JSON
    return InputFormat.JSONL


def _first_value(text: bytes) -> tuple[Any, bool] | None:
    """The first JSON value that reads: the whole head as one document (``True``), else the first
    of its first lines that is one (JSON Lines), else the first item of an array."""
    decoded = text.decode("utf-8", "replace")
    try:
        return json.loads(decoded), True
    except (ValueError, RecursionError):
        pass
    for line in decoded.splitlines()[:_MAX_LINES]:
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line), False
            except (ValueError, RecursionError):
                continue
    if decoded.startswith("["):
        try:
            item, _ = json.JSONDecoder().raw_decode(decoded, len(decoded) - len(decoded[1:].lstrip()))
            return [item], False
        except (ValueError, RecursionError):
            return None
    return _first_enveloped(decoded)


# a head cut inside an API page (one long line, or pretty-printed): the list of records it opens
_ENVELOPE_LIST: Final = re.compile(r'"(?:items|results|docs|data)"\s*:\s*\[\s*')
_ITEMS_ENVELOPE: Final = frozenset({"items", "total-results", "items-per-page", "query", "next-cursor"})
_CROSSREF_WORK: Final = re.compile(r'\A\{\s*"status"\s*:\s*"ok"\s*,\s*"message-type"\s*:\s*"work')


def _first_enveloped(decoded: str) -> tuple[Any, bool] | None:
    """The first record of an API page whose head does not read as a whole (its first item),
    or a Crossref answer known by its first keys."""
    if _CROSSREF_WORK.match(decoded):
        return {"message-type": "work", "message": {}}, False
    found = _ENVELOPE_LIST.search(decoded)
    if found is None:
        return None
    try:
        item, _ = json.JSONDecoder().raw_decode(decoded, found.end())
    except (ValueError, RecursionError):
        return None
    return [item], False


def _json_kind(value: Any) -> InputFormat | None:
    """A third-party JSON format from the keys of a record (or of its envelope)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, Mapping)), None)
    if not isinstance(value, Mapping):
        return None
    keys = set(value)
    items = value.get("items")
    if isinstance(items, list) and keys <= _ITEMS_ENVELOPE:
        return _json_kind(items)  # Crossref's data files and /works messages: {"items": [...]}
    if "@context" in keys or "@graph" in keys or ("@type" in keys and "@id" in keys | {"@id"}):
        context = json.dumps(value.get("@context", ""))
        if "schema.org" in context and "purl.org" not in context:
            return InputFormat.SCHEMA_ORG
        if "@type" in keys and "schema.org" in context:
            return InputFormat.SCHEMA_ORG
        return InputFormat.RDF
    if "message-type" in keys or ("message" in keys and isinstance(value.get("message"), Mapping)):
        return InputFormat.CROSSREF
    if {"member", "prefix", "reference-count"} & keys and "DOI" in keys:
        return InputFormat.CROSSREF
    if "DOI" in keys and isinstance(value.get("title"), list):  # CSL-JSON's title is a string
        return InputFormat.CROSSREF
    data = value.get("data")
    if isinstance(data, list):
        data = next((d for d in data if isinstance(d, Mapping)), None)
    if isinstance(data, Mapping) and ("attributes" in data or data.get("type") == "dois"):
        return InputFormat.DATACITE
    if "attributes" in keys and isinstance(value.get("attributes"), Mapping):
        return InputFormat.DATACITE
    if {"doi", "creators", "titles", "types"} <= keys:
        return InputFormat.DATACITE
    ident = value.get("id")
    if isinstance(ident, str) and ident.startswith("https://openalex.org/"):
        return InputFormat.OPENALEX
    results = value.get("results")
    if isinstance(results, list) and "meta" in keys:
        return InputFormat.OPENALEX
    response = value.get("response")
    if isinstance(response, Mapping) and "docs" in response:
        return InputFormat.HAL
    if any(isinstance(k, str) and k.endswith(("_s", "_t")) for k in keys) and (
        "docid" in keys or "halId_s" in keys or "title_s" in keys
    ):
        return InputFormat.HAL
    if "titles" in keys and isinstance(value.get("titles"), list) and "types" not in keys:
        return None  # the notice form
    if (
        "type" in keys
        and ("title" in keys or "author" in keys)
        and ("issued" in keys or "author" in keys or "container-title" in keys)
    ):
        return InputFormat.CSL_JSON
    return None


_MARKDOWN: Final = re.compile(rb"(?m)^(?:#{1,6} |\s*[-*] |---\s*$|```)|\]\([^)]+\)")


def looks_like(head: bytes) -> str:
    """What an unsupported input seems to be, for the error message.

    >>> looks_like(b"%PDF-1.7"), looks_like(b"PK\\x03\\x04..."), looks_like(b"Hello, world")
    ('a PDF document', 'a ZIP archive (a spreadsheet or word-processor file?)', 'plain text')
    """
    text = head.lstrip()
    if text.startswith(b"%PDF"):
        return "a PDF document"
    if text.startswith(b"PK\x03\x04"):
        return "a ZIP archive (a spreadsheet or word-processor file?)"
    if b"\x00" in head[:4096]:
        return "binary data"
    if text.startswith(b"<"):
        root = _ROOT.match(text[_XML_PROLOG.match(text).end() :])  # type: ignore[union-attr]
        return (
            f"XML with the root element <{root.group(0)[1:-1].decode('utf-8', 'replace')}>" if root else "XML"
        )
    if text.startswith((b"{", b"[")):
        return "JSON of an unknown kind"
    if _MARKDOWN.search(head[:8192]):
        return "Markdown"
    return "plain text"
