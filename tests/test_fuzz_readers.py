"""Fuzzing every reader: whatever the bytes, outcomes or clean errors — never an exception.

Three kinds of input for every reader (every :class:`~notice_ld.readers.InputFormat` has a valid
fixture, below): raw bytes; a valid file of the format cut, spliced and corrupted at random
places; and structure-aware changes that keep the syntax — a JSON value anywhere in a JSON record
replaced by any JSON value (huge integers, deep nesting, lone surrogates, wrong types) or dropped,
an XML element's text, tail or attributes replaced or the element dropped or repeated, lines of a
line-based format (BibTeX, RIS, CSV, N-Triples) dropped, repeated, swapped, cut or rewritten. The
invariant is the robustness issue's: the reader yields notices, residues, deletions, warnings and
record errors (with a problem to read), and nothing raises. The examples are fixed (the
``notice_ld`` profile derandomizes them); the budget is ``BUDGET`` examples per format and kind.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import Deletion, InputFormat, ReaderOptions, ReadWarning, Residue, read

from .conftest import EXAMPLES

OPTIONS = ReaderOptions(max_record_bytes=64 * 1024)

VALID = {
    InputFormat.JSONL: EXAMPLES.read_bytes()[:6000],
    InputFormat.JSON: b"[" + b",".join(EXAMPLES.read_bytes().splitlines()[:4]) + b"]",
    InputFormat.CSV: (EXAMPLES.parent / "notices_template.csv").read_bytes()[:4000],
    InputFormat.OAI_DC: (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>'
        b"<record><header><identifier>oai:x:1</identifier></header><metadata>"
        b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title xml:lang="fr">Caf\xc3\xa9</dc:title>'
        b"<dc:creator>Jouet, Emmanuelle</dc:creator><dc:identifier>10.1234/abc</dc:identifier>"
        b"<dc:date>2019</dc:date></oai_dc:dc></metadata></record>"
        b'<record><header status="deleted"><identifier>oai:x:2</identifier></header></record>'
        b"<resumptionToken>t</resumptionToken></ListRecords></OAI-PMH>\n"
    ),
    InputFormat.DATACITE: (EXAMPLES.parents[1] / "tests/data/readers/datacite/dois_page.json").read_bytes(),
    InputFormat.DATACITE_XML: (
        EXAMPLES.parents[1] / "tests/data/readers/datacite/oai_datacite.xml"
    ).read_bytes(),
    InputFormat.HAL: (EXAMPLES.parents[1] / "tests/data/readers/hal/search.json").read_bytes(),
    InputFormat.QDC: (EXAMPLES.parents[1] / "tests/data/readers/qdc/listrecords.xml").read_bytes(),
    InputFormat.MODS: (EXAMPLES.parents[1] / "tests/data/readers/mods/collection.xml").read_bytes(),
    InputFormat.CROSSREF: (EXAMPLES.parents[1] / "tests/data/readers/crossref/work.json").read_bytes(),
    InputFormat.OPENALEX: (EXAMPLES.parents[1] / "tests/data/readers/openalex/works_page.json").read_bytes(),
    InputFormat.CSL_JSON: (EXAMPLES.parents[1] / "tests/data/readers/csl/items.json").read_bytes(),
    InputFormat.RDF: (EXAMPLES.parents[1] / "tests/data/readers/rdf/aggregator_dump.nt").read_bytes(),
    InputFormat.SCHEMA_ORG: (
        EXAMPLES.parents[1] / "tests/data/readers/schema_org/article.jsonld"
    ).read_bytes(),
    InputFormat.HTML: (EXAMPLES.parents[1] / "tests/data/readers/html/journal_article.html").read_bytes(),
    InputFormat.BIBTEX: (EXAMPLES.parents[1] / "tests/data/readers/bibtex/library.bib").read_bytes(),
    InputFormat.RIS: (EXAMPLES.parents[1] / "tests/data/readers/ris/library.ris").read_bytes(),
}
FORMATS = list(InputFormat)

NASTY = [b"\x00", b"\xff\xfe", b"\xe9", b'"', b"\n", b"\r", b"[", b"{", b"<", b"&", b"]]>", b"9" * 50, b"\\u"]


def _check(data: bytes, fmt: InputFormat) -> None:
    for outcome in read(io.BytesIO(data), fmt, name="fuzz", options=OPTIONS):
        assert isinstance(outcome, Notice | RecordError | Residue | Deletion | ReadWarning)
        if isinstance(outcome, RecordError):
            assert outcome.problem and str(outcome)


@st.composite
def corrupted(draw: st.DrawFn, fmt: InputFormat) -> bytes:
    data = bytearray(VALID[fmt])
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "cut", "flip"]))
        if action == "insert":
            data[where:where] = draw(st.sampled_from(NASTY) | st.binary(max_size=8))
        elif action == "delete":
            del data[where : where + draw(st.integers(1, 40))]
        elif action == "cut":
            del data[where:]
        elif data:
            data[min(where, len(data) - 1)] ^= draw(st.integers(1, 255))
    return bytes(data)


BUDGET = 100  # examples per format and kind: 17 formats x 3 kinds x 100 = 5,100 inputs (~20 s of CPU)
SETTINGS = settings(max_examples=BUDGET, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_every_format_has_a_valid_fixture() -> None:
    assert set(VALID) == set(InputFormat)


def test_the_valid_files_read_cleanly() -> None:
    for fmt, data in VALID.items():
        outcomes = list(read(io.BytesIO(data), fmt, name="valid", options=OPTIONS))
        assert any(isinstance(o, Notice) for o in outcomes), fmt


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.value for f in FORMATS])
@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_bytes(fmt: InputFormat, data: bytes) -> None:
    _check(data, fmt)


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.value for f in FORMATS])
@SETTINGS
@given(data=st.data())
def test_corrupted_files(fmt: InputFormat, data: st.DataObject) -> None:
    _check(data.draw(corrupted(fmt)), fmt)


# -- structure-aware: the syntax stays valid, the values and the shape do not ---------------------

_JSON_FORMATS = frozenset(
    {
        InputFormat.JSONL,
        InputFormat.JSON,
        InputFormat.CROSSREF,
        InputFormat.DATACITE,
        InputFormat.OPENALEX,
        InputFormat.HAL,
        InputFormat.CSL_JSON,
        InputFormat.SCHEMA_ORG,
    }
)
_XML_FORMATS = frozenset(
    {InputFormat.OAI_DC, InputFormat.QDC, InputFormat.MODS, InputFormat.DATACITE_XML, InputFormat.HTML}
)
_NASTY_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\ud800",
        "\x00",
        "\u202e",
        "10.1234/x",
        "0000-0002-1825-0097",
        "1234-567X",
        "2019-02-30",
        "https://",
        "<b>",
        "&amp;",
        "x" * 300,
        "Société",
        "\U0001f600",
        "-1",
        "NaN",
    ]
)
_TEXT = _NASTY_TEXT | st.text(max_size=40)
_HUGE = "\x00huge\x00"  # an integer of 4,400 digits once written (Python cannot hold it as JSON)
_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.just(_HUGE)
    | st.floats(allow_nan=False)
    | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _replaced(value: Any, path: tuple[Any, ...], new: Any, drop: bool) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        if drop and not rest:
            return {k: v for k, v in value.items() if k != head}
        return {k: (_replaced(v, rest, new, drop) if k == head else v) for k, v in value.items()}
    if drop and not rest:
        return [v for i, v in enumerate(value) if i != head]
    return [(_replaced(v, rest, new, drop) if i == head else v) for i, v in enumerate(value)]


def _deep(depth: int) -> str:
    return "[" * depth + '"x"' + "]" * depth


@st.composite
def json_mutated(draw: st.DrawFn, fmt: InputFormat) -> bytes:
    """The valid file with JSON values replaced, dropped or nested far too deep (lines or document)."""
    text = VALID[fmt].decode("utf-8")
    try:
        documents = [json.loads(text)]
        lines = False
    except json.JSONDecodeError:
        documents = []
        for line in text.splitlines():  # (a line the fixture cuts short or breaks is left out)
            try:
                documents.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        lines = True
    deep = "\x00deep\x00"
    for _ in range(draw(st.integers(1, 4))):
        which = draw(st.integers(0, len(documents) - 1))
        path = draw(st.sampled_from(_paths(documents[which])))
        kind = draw(st.sampled_from(["value", "drop", "deep"]))
        new = deep if kind == "deep" else draw(_JSON)
        documents[which] = _replaced(documents[which], path, new, kind == "drop" and bool(path))
    ascii_only = draw(st.booleans())
    nested = _deep(draw(st.integers(900, 1500)))
    dumped = [
        json.dumps(d, ensure_ascii=ascii_only)
        .replace(json.dumps(deep), nested)
        .replace(json.dumps(_HUGE), "9" * 4400)
        for d in documents
    ]
    joined = "\n".join(dumped) + "\n" if lines else dumped[0]
    return joined.encode("utf-8", "surrogatepass")


_XML_TEXT = st.text(
    st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="\ufffe\uffff"), max_size=40
) | st.sampled_from(["10.1234/x", "0000-0002-1825-0097", "1234-567X", "2019-02-30", "info:eu-repo/x", "fr"])


@st.composite
def xml_mutated(draw: st.DrawFn, fmt: InputFormat) -> bytes:
    """The valid file (parsed, then written back) with elements' text, tails or attributes
    replaced, elements dropped or repeated."""
    import copy

    from lxml import etree, html

    html_page = fmt is InputFormat.HTML
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True
    )  # fixtures' broken records
    root = html.fromstring(VALID[fmt]) if html_page else etree.fromstring(VALID[fmt], parser)
    for _ in range(draw(st.integers(1, 5))):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element = draw(st.sampled_from(elements))
        kind = draw(st.sampled_from(["text", "tail", "attribute", "drop", "repeat"]))
        parent = element.getparent()
        if kind == "text":
            element.text = draw(_XML_TEXT)
        elif kind == "tail":
            element.tail = draw(_XML_TEXT)
        elif kind == "attribute":
            name = draw(st.sampled_from([*element.attrib.keys(), "lang", "type", "content"]))
            element.set(name, draw(_XML_TEXT))
        elif parent is not None and kind == "drop":
            parent.remove(element)
        elif parent is not None:
            parent.insert(parent.index(element), copy.deepcopy(element))
    if html_page:
        return bytes(html.tostring(root))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


@st.composite
def lines_mutated(draw: st.DrawFn, fmt: InputFormat) -> bytes:
    """The valid file with lines dropped, repeated, swapped, cut or rewritten."""
    lines = VALID[fmt].split(b"\n")
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["drop", "repeat", "swap", "cut", "rewrite"]))
        if kind == "drop" and len(lines) > 1:
            del lines[where]
        elif kind == "repeat":
            lines.insert(where, lines[where])
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
        elif kind == "cut":
            lines[where] = lines[where][: draw(st.integers(0, len(lines[where])))]
        else:
            lines[where] = draw(_TEXT).encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


def structured(fmt: InputFormat) -> st.SearchStrategy[bytes]:
    """The structure-aware strategy of ``fmt``."""
    if fmt in _JSON_FORMATS:
        return json_mutated(fmt)
    if fmt in _XML_FORMATS:
        return xml_mutated(fmt)
    return lines_mutated(fmt)  # BibTeX, RIS, CSV, N-Triples


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.value for f in FORMATS])
@SETTINGS
@given(data=st.data())
def test_structure_aware(fmt: InputFormat, data: st.DataObject) -> None:
    _check(data.draw(structured(fmt)), fmt)
