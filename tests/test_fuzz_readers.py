"""Fuzzing every reader: whatever the bytes, outcomes or clean errors — never an exception.

Two kinds of input per reader: raw bytes, and structure-aware ones (a valid file of the format,
cut, spliced and corrupted at random places). The invariant is the robustness issue's: the reader
yields notices, residues, deletions, warnings and record errors (with a problem to read), and
nothing raises.
"""

from __future__ import annotations

import io

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
    InputFormat.DATACITE_XML: (EXAMPLES.parents[1] / "tests/data/readers/datacite/oai_datacite.xml")
    .read_bytes(),
    InputFormat.HAL: (EXAMPLES.parents[1] / "tests/data/readers/hal/search.json").read_bytes(),
    InputFormat.QDC: (EXAMPLES.parents[1] / "tests/data/readers/qdc/listrecords.xml").read_bytes(),
    InputFormat.MODS: (EXAMPLES.parents[1] / "tests/data/readers/mods/collection.xml").read_bytes(),
    InputFormat.CROSSREF: (EXAMPLES.parents[1] / "tests/data/readers/crossref/work.json").read_bytes(),
    InputFormat.OPENALEX: (EXAMPLES.parents[1] / "tests/data/readers/openalex/works_page.json").read_bytes(),
    InputFormat.CSL_JSON: (EXAMPLES.parents[1] / "tests/data/readers/csl/items.json").read_bytes(),
    InputFormat.RDF: (EXAMPLES.parents[1] / "tests/data/readers/rdf/aggregator_dump.nt").read_bytes(),
    InputFormat.SCHEMA_ORG: (EXAMPLES.parents[1] / "tests/data/readers/schema_org/article.jsonld").read_bytes(),
    InputFormat.HTML: (EXAMPLES.parents[1] / "tests/data/readers/html/journal_article.html").read_bytes(),
    InputFormat.BIBTEX: (EXAMPLES.parents[1] / "tests/data/readers/bibtex/library.bib").read_bytes(),
    InputFormat.RIS: (EXAMPLES.parents[1] / "tests/data/readers/ris/library.ris").read_bytes(),
}

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


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(list(VALID)))
def test_any_bytes(data: bytes, fmt: InputFormat) -> None:
    _check(data, fmt)


@SETTINGS
@given(st.data())
def test_corrupted_files_of_each_format(data: st.DataObject) -> None:
    fmt = data.draw(st.sampled_from(list(VALID)))
    _check(data.draw(corrupted(fmt)), fmt)


def test_the_valid_files_read_cleanly() -> None:
    for fmt, data in VALID.items():
        outcomes = list(read(io.BytesIO(data), fmt, name="valid", options=OPTIONS))
        assert any(isinstance(o, Notice) for o in outcomes), fmt
