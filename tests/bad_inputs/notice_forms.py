"""More bad inputs of notice_ld's own forms (JSON documents, JSON Lines, CSV), values the notice
model refuses (dates that do not exist, unknown types, malformed DOIs and ORCIDs, duplicate ids),
and inputs in no supported format, each refused as a whole (one error, exit status 2, no output).
"""

from __future__ import annotations

import gzip
import json
import zlib
from typing import Any

from notice_ld.readers import InputFormat

from .case import Case, Rejected, jsonl

__all__ = ["CASES"]


def _notice(key: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"10670/1.{key}",
        "type": "article",
        "titles": [{"value": "Vie sociale", "lang": "fr"}],
        "issued": "2019",
        "creators": [{"family": "Jouet", "given": "Emmanuelle"}],
        **fields,
    }


_GOOD = ("10670/1.fgood1", "10670/1.fgood2")


def _array(name: str, middle: list[Any], rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    items = [_notice("fgood1"), *middle, _notice("fgood2")]
    data = json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")
    good = kw.pop("good", _GOOD)
    return Case(f"json-{name}", ".json", data, good, rejected, reader=InputFormat.JSON, **kw)


JSON_CASES = (
    _array(
        "non-object-items",
        [1, "10670/1.x", None, [], True],
        tuple(Rejected(f"json-non-object-items.json[{i}]") for i in range(1, 6)),
    ),
    _array(
        "date-that-does-not-exist",
        [_notice("fbad1", issued="2019-02-30")],
        (Rejected("10670/1.fbad1", "issued"),),
        absent=("1.fbad1",),
    ),
    _array(
        "unknown-type",
        [_notice("fbad2", type="hologram")],
        (Rejected("10670/1.fbad2", "type"),),
        absent=("1.fbad2",),
    ),
    _array(
        "malformed-doi-id",
        [_notice("x", id="10.1234/ space and\nnewline")],
        (Rejected("json-malformed-doi-id.json[1]", "id"),),
    ),
    _array(
        "malformed-orcid",
        [
            _notice(
                "fbad3",
                creators=[
                    {"family": "X", "identifiers": [{"scheme": "orcid", "value": "0000-0000-0000-0000"}]}
                ],
            )
        ],
        (Rejected("10670/1.fbad3", "creators[0].identifiers[0]"),),
        absent=("1.fbad3",),
    ),
    _array(
        "malformed-issn",
        [_notice("fbad4", container={"title": "Revue", "issn": "1234-567X"})],
        (Rejected("10670/1.fbad4", "container.issn"),),
        absent=("1.fbad4",),
    ),
    _array(
        "missing-id",
        [{k: v for k, v in _notice("x").items() if k != "id"}],
        (Rejected("json-missing-id.json[1]", "id"),),
    ),
    _array(
        "duplicate-ids",
        [_notice("fgood1", titles=[{"value": "Un autre titre"}])],
        (Rejected("10670/1.fgood1 (json-duplicate-ids.json, record 2)", "id"),),
        absent=("Un autre titre",),
    ),
    _array(
        "abstract-10mb",
        [_notice("fbad5", abstracts=[{"value": "mot " * 2_700_000}])],
        (Rejected("json-abstract-10mb.json[1]"),),
        absent=("1.fbad5",),
    ),
    _array(
        "twenty-thousand-creators-over-limit",
        [_notice("fbad6", creators=[{"family": f"Auteur{i}"} for i in range(20_000)])],
        (Rejected("json-twenty-thousand-creators-over-limit.json[1]"),),
        args=("--max-record-bytes", "65536"),
        absent=("1.fbad6",),
    ),
)

_GZ_CUT = gzip.compress(jsonl(*(_notice(f"gz{i}") for i in range(40))), mtime=0)[:-30]


def _whole_lines(data: bytes) -> tuple[str, ...]:
    """The ids of the lines a gzip stream cut short still holds whole."""
    text = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
    return tuple(json.loads(line)["id"] for line in text.split(b"\n")[:-1])


JSONL_CASES = (
    Case(
        "jsonl-null-bytes-and-blank-lines",
        ".jsonl",
        jsonl(_notice("fgood1")) + b"\n\n   \n\x00\n" + jsonl(_notice("fgood2")),
        _GOOD,
        (Rejected("jsonl-null-bytes-and-blank-lines.jsonl:5"),),
        reader=InputFormat.JSONL,
    ),
    Case(
        "jsonl-gzip-cut-short",
        ".jsonl.gz",
        _GZ_CUT,
        _whole_lines(_GZ_CUT),
        (Rejected("jsonl-gzip-cut-short.jsonl.gz"), Rejected("jsonl-gzip-cut-short.jsonl.gz:")),
        reader=InputFormat.JSONL,
    ),
)


def _csv(*rows: str) -> bytes:
    return ("id,type,title@fr,issued,creator\n" + "".join(rows)).encode("utf-8")


_CSV_A = '10670/1.fgood1,article,Vie sociale,2019,"Jouet, Emmanuelle"\n'
_CSV_B = '10670/1.fgood2,article,Vie sociale,2020,"Jouet, Emmanuelle"\n'

CSV_CASES = (
    Case(
        "csv-date-that-does-not-exist",
        ".csv",
        _csv(_CSV_A, "10670/1.fbad7,article,Titre,2019-02-30,\n", _CSV_B),
        _GOOD,
        (Rejected("10670/1.fbad7 (csv-date-that-does-not-exist.csv row 3)", "issued"),),
        reader=InputFormat.CSV,
        absent=("1.fbad7",),
    ),
    Case(
        "csv-missing-id",
        ".csv",
        _csv(_CSV_A, ",article,Sans identifiant,2019,\n", _CSV_B),
        _GOOD,
        (Rejected("csv-missing-id.csv row 3", "id"),),
        reader=InputFormat.CSV,
    ),
    Case(
        "csv-nul-byte-and-unknown-type",
        ".csv",
        _csv(_CSV_A, "10670/1.fbad8,hologram,Tit\x00re,2019,\n", _CSV_B),
        _GOOD,
        (Rejected("10670/1.fbad8 (csv-nul-byte-and-unknown-type.csv row 3)"),),
        reader=InputFormat.CSV,
        absent=("1.fbad8",),
    ),
)

_REFUSED = "not a supported input"

DETECTION_CASES = (
    Case(
        "detect-markdown",
        ".md",
        b"# Notes\n\nSome *text* and a [link](https://example.org).\n",
        (),
        refused=_REFUSED,
    ),
    Case(
        "detect-pdf",
        ".pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        (),
        refused=_REFUSED,
    ),
    Case("detect-binary-garbage", ".dat", bytes(range(256)) * 4, (), refused=_REFUSED),
    Case(
        "detect-gzipped-markdown",
        ".gz",
        gzip.compress(b"# Notes\n\nSome *text*.\n" * 20, mtime=0),
        (),
        refused=_REFUSED,
    ),
    Case(
        "detect-svg",
        ".svg",
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>\n',
        (),
        refused=_REFUSED,
    ),
    Case("detect-empty-file", ".jsonl", b"", ()),
)

CASES: tuple[Case, ...] = (*JSON_CASES, *JSONL_CASES, *CSV_CASES, *DETECTION_CASES)
