"""Format detection: ``--from`` is optional; an input in no supported format is one clear error."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from notice_ld import cli
from notice_ld.errors import UnsupportedInputError
from notice_ld.readers import InputFormat, detect_path, read_path
from notice_ld.readers.detect import detect

from .conftest import EXAMPLES

NOTICE = b'{"id": "10670/1.x", "titles": [{"value": "T"}]}\n'

CASES = [
    ("notice-form.jsonl", NOTICE * 2, InputFormat.JSONL),
    ("one.json", NOTICE, InputFormat.JSON),
    ("array.txt", b"[" + NOTICE.strip() + b"]", InputFormat.JSON),
    ("pretty.txt", b'{\n  "id": "10670/1.x",\n  "titles": [{"value": "T"}]\n}\n', InputFormat.JSON),
    ("no-suffix", NOTICE * 3, InputFormat.JSONL),
    (
        "crossref.json",
        b'{"status":"ok","message-type":"work","message":{"DOI":"10.1/x"}}',
        InputFormat.CROSSREF,
    ),
    (
        "crossref-items.jsonl",
        b'{"DOI":"10.1/x","member":"1","prefix":"10.1","title":["T"]}\n',
        InputFormat.CROSSREF,
    ),
    (
        "datacite.json",
        b'{"data":{"id":"10.1/x","type":"dois","attributes":{"doi":"10.1/x"}}}',
        InputFormat.DATACITE,
    ),
    (
        "openalex.json",
        b'{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1"}]}',
        InputFormat.OPENALEX,
    ),
    ("openalex.jsonl", b'{"id":"https://openalex.org/W1","title":"T"}\n', InputFormat.OPENALEX),
    ("hal.json", b'{"response":{"numFound":1,"docs":[{"halId_s":"hal-1"}]}}', InputFormat.HAL),
    (
        "csl.json",
        b'[{"id":"a","type":"article-journal","title":"T","author":[{"family":"F"}]}]',
        InputFormat.CSL_JSON,
    ),
    (
        "page.jsonld",
        b'{"@context":"https://schema.org","@type":"ScholarlyArticle","name":"T"}',
        InputFormat.SCHEMA_ORG,
    ),
    (
        "own.jsonld",
        b'{"@context":{"dct":"http://purl.org/dc/terms/"},"@id":"https://hdl.handle.net/10670/1.x"}',
        InputFormat.RDF,
    ),
    ("refs.txt", b"% comment\n@Article{key,\n  title = {T}\n}\n", InputFormat.BIBTEX),
    ("refs.dat", b"TY  - JOUR\nTI  - T\nER  - \n", InputFormat.RIS),
    ("data.txt", b"@prefix dct: <http://purl.org/dc/terms/> .\n", InputFormat.RDF),
    ("data.nt", b'<https://a.org/x> <http://purl.org/dc/terms/title> "T" .\n', InputFormat.RDF),
    (
        "rdf.xml",
        b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
        InputFormat.RDF,
    ),
    ("page.txt", b"<!DOCTYPE html>\n<html><head><title>T</title></head></html>", InputFormat.HTML),
    (
        "oai.xml",
        b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><request metadataPrefix="qdc">u</request>',
        InputFormat.QDC,
    ),
    (
        "oai-dc.xml",
        b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>',
        InputFormat.OAI_DC,
    ),
    ("mods.xml", b'<mods xmlns="http://www.loc.gov/mods/v3" version="3.7"><titleInfo/>', InputFormat.MODS),
    (
        "dc.xml",
        b'<resource xmlns="http://datacite.org/schema/kernel-4"><identifier/>',
        InputFormat.DATACITE_XML,
    ),
    ("n.csv", b"id,type,title\n10670/1.x,article,T\n", InputFormat.CSV),
    ("empty.jsonl", b"", InputFormat.JSONL),
    ("empty.csv", b"", InputFormat.CSV),
]


@pytest.mark.parametrize(("name", "head", "expected"), CASES, ids=[c[0] for c in CASES])
def test_detect(name: str, head: bytes, expected: InputFormat) -> None:
    assert detect(head, name) is expected


def test_a_json_lines_file_whose_first_records_are_broken_is_still_json_lines() -> None:
    head = b'{"id": "10670/1.a", "titles": [\n' + b"not json\n" + NOTICE
    assert detect(head, "in.jsonl") is InputFormat.JSONL
    assert detect(head, "<stdin>") is InputFormat.JSONL


def test_gzip_and_utf16_heads_are_looked_through() -> None:
    assert detect(gzip.compress(b"TY  - JOUR\nER  - \n"), "refs.gz") is InputFormat.RIS
    assert detect(NOTICE.decode().encode("utf-16"), "in.jsonl") is InputFormat.JSONL


@pytest.mark.parametrize(
    ("content", "looks"),
    [
        (b"# Title\n\nSome text with a [link](https://example.org).\n", "Markdown"),
        (b"Dear colleagues,\nplease find the records attached.\n", "plain text"),
        (b"%PDF-1.7\n...", "a PDF document"),
        (
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
            "XML with the root element <svg>",
        ),
    ],
)
def test_an_unsupported_input_is_one_error_saying_what_it_looks_like(
    tmp_path: Path, content: bytes, looks: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content * 200)
    with pytest.raises(UnsupportedInputError) as raised:
        detect_path(path)
    assert raised.value.looks_like == looks
    status = cli.main(["convert", str(path), "-o", str(tmp_path / "out.ttl")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1, err  # one line, never one per line of the input
    assert f"not a supported input (it looks like {looks})" in err and "--from" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.ttl").exists()


def test_gzip_json_lines_convert_like_the_plain_file(tmp_path: Path) -> None:
    plain, packed = tmp_path / "n.jsonl", tmp_path / "n.jsonl.gz"
    plain.write_bytes(EXAMPLES.read_bytes())
    packed.write_bytes(gzip.compress(EXAMPLES.read_bytes()))
    assert cli.main(["convert", str(plain), "-f", "ntriples", "-o", str(tmp_path / "a.nt"), "-q"]) == 0
    assert (
        cli.main(["convert", str(packed), "-f", "ntriples", "-o", str(tmp_path / "b.nt"), "-q", "-j", "2"])
        == 0
    )
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()


def test_read_path_without_a_format_reads_what_it_finds(tmp_path: Path) -> None:
    path = tmp_path / "records"  # no suffix: JSON Lines by content
    path.write_bytes(
        b"\n".join(json.dumps(json.loads(line)).encode() for line in EXAMPLES.read_bytes().splitlines()[:3])
    )
    assert [type(o).__name__ for o in read_path(path)] == ["Notice"] * 3
