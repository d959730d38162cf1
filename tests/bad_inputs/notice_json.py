"""The first cases of the corpus: notice_ld's own JSON Lines / JSON, CSV, and XML declarations.

The inputs of the robustness issue that crashed or lost records (non-UTF-8 bytes, huge integers,
deep nesting, the CSV reader closing its input, contradicted XML declarations).
"""

from __future__ import annotations

import codecs
import json
from dataclasses import replace

from notice_ld.readers import InputFormat

from .case import Case, Rejected

__all__ = ["CASES"]


def _notice(ident: str, title: str = "Un titre") -> dict[str, object]:
    return {"id": ident, "type": "article", "titles": [{"value": title, "lang": "fr"}], "issued": "2019"}


def _line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


GOOD_A, GOOD_B = _line(_notice("10670/1.good01")), _line(_notice("10670/1.good02"))
GOODS = ("10670/1.good01", "10670/1.good02")

_LATIN1_TITLE = (
    b'{"id": "10670/1.bad001", "type": "article", "titles": [{"value": "caf\xe9", "lang": "fr"}]}\n'
)
_HUGE_INT = b'{"id": "10670/1.bad002", "titles": [{"value": "T"}], "pages": ' + b"9" * 5000 + b"}\n"
_DEEP = b'{"id": "10670/1.bad003", "titles": ' + b"[" * 3000 + b"]" * 3000 + b"}\n"


def _csv(*rows: bytes) -> bytes:
    return b"id,type,title@fr,issued\n" + b"".join(rows)


_CSV_A = b"10670/1.good01,article,Un titre,2019\n"
_CSV_B = b"10670/1.good02,article,Un autre titre,2020\n"

_OAI = (
    b'<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Caf\xc3\xa9 et soci\xc3\xa9t\xc3\xa9</dc:title>'
    b"<dc:identifier>10670/1.good01</dc:identifier><dc:date>2019</dc:date><dc:type>article</dc:type>"
    b"</oai_dc:dc>\n"
)

_FIRST: tuple[Case, ...] = (
    Case(
        "jsonl-latin1-byte",
        ".jsonl",
        GOOD_A + _LATIN1_TITLE + GOOD_B,
        GOODS,
        (Rejected("10670/1.bad001 (", "titles[0].value"),),
    ),
    Case(
        "jsonl-latin1-file",
        ".jsonl",
        GOOD_A + _line(_notice("10670/1.bad004", "Société")).decode("utf-8").encode("latin-1") + GOOD_B,
        GOODS,
        (Rejected("10670/1.bad004", "titles[0].value"),),
    ),
    Case(
        "jsonl-utf16-file",
        ".jsonl",
        codecs.BOM_UTF16_LE + (GOOD_A + GOOD_B).decode("utf-8").encode("utf-16-le"),
        (),
        (Rejected("jsonl-utf16-file.jsonl"),),
    ),
    Case("jsonl-huge-integer", ".jsonl", GOOD_A + _HUGE_INT + GOOD_B, GOODS, (Rejected("10670/1.bad002"),)),
    Case("jsonl-deep-nesting", ".jsonl", GOOD_A + _DEEP + GOOD_B, GOODS, (Rejected("10670/1.bad003"),)),
    Case(
        "jsonl-over-size-limit",
        ".jsonl",
        GOOD_A + _line({**_notice("10670/1.bad005"), "abstracts": [{"value": "x" * 5000}]}) + GOOD_B,
        GOODS,
        (Rejected("jsonl-over-size-limit.jsonl:2"),),
        ("--max-record-bytes", "4096"),
    ),
    Case(
        "jsonl-bom-first-record-over-size-limit",
        ".jsonl",
        codecs.BOM_UTF8
        + _line({**_notice("10670/1.bad013"), "abstracts": [{"value": "x" * 5000}]})
        + GOOD_A
        + GOOD_B,
        GOODS,
        (Rejected("jsonl-bom-first-record-over-size-limit.jsonl:1"),),
        ("--max-record-bytes", "4096"),
    ),
    Case(
        "jsonl-not-json",
        ".jsonl",
        GOOD_A + b'{"id": "10670/1.bad006", "titles": [\n' + GOOD_B,
        GOODS,
        (Rejected("10670/1.bad006 (jsonl-not-json.jsonl:2)"),),
    ),
    Case(
        "jsonl-lone-surrogate",
        ".jsonl",
        GOOD_A + b'{"id": "10670/1.bad007", "titles": [{"value": "x\\ud800"}]}\n' + GOOD_B,
        GOODS,
        (Rejected("10670/1.bad007", "titles[0].value"),),
    ),
    Case(
        "jsonl-bom",
        ".jsonl",
        codecs.BOM_UTF8 + GOOD_A + b"\r\n" + GOOD_B.rstrip(b"\n") + b"\r\n",
        GOODS,
    ),
    Case(
        "json-array-bad-items",
        ".json",
        b"[" + b",".join([GOOD_A, _HUGE_INT, _DEEP, _LATIN1_TITLE, GOOD_B]) + b"]",
        GOODS,
        (
            Rejected("json-array-bad-items.json[1]"),
            Rejected("json-array-bad-items.json[2]"),
            Rejected("10670/1.bad001", "titles[0].value"),
        ),
    ),
    Case(
        "json-array-truncated",
        ".json",
        b"[" + GOOD_A + b"," + GOOD_B + b', {"id": "10670/1.bad008", "titles": [',
        GOODS,
        (Rejected("json-array-truncated.json[2]"),),
    ),
    Case(
        "csv-unclosed-quote",
        ".csv",
        _csv(_CSV_A, _CSV_B, b'10670/1.bad009,article,"Un titre,2019\n'),
        GOODS,
        (Rejected("csv-unclosed-quote.csv row 4"),),
    ),
    Case(
        "csv-bad-quote-mid-file",
        ".csv",
        _csv(_CSV_A, b'10670/1.bad010,article,"Un" titre,2019\n', _CSV_B),
        GOODS,
        (Rejected("csv-bad-quote-mid-file.csv row 3"),),
    ),
    Case(
        "csv-long-cell",
        ".csv",
        b"id,type,title@fr,abstract@fr\n"
        + _CSV_A.replace(b",2019", b",Court")
        + b"10670/1.good03,article,Long,"
        + b"mot " * 40_000
        + b"\n"
        + _CSV_B.replace(b",2020", b",Court"),
        (*GOODS, "10670/1.good03"),
    ),
    Case(
        "csv-latin1-byte",
        ".csv",
        _csv(_CSV_A, b"10670/1.bad011,article,Soci\xe9t\xe9,2019\n", _CSV_B),
        GOODS,
        (Rejected("10670/1.bad011 (csv-latin1-byte.csv row 3)", "title@fr"),),
    ),
    Case(
        "csv-utf16-file",
        ".csv",
        codecs.BOM_UTF16_LE + _csv(_CSV_A, _CSV_B).decode("utf-8").encode("utf-16-le"),
        (),
        (Rejected("csv-utf16-file.csv"),),
    ),
    Case(
        "csv-over-size-limit",
        ".csv",
        _csv(_CSV_A, b"10670/1.bad012,article," + b"x" * 5000 + b",2019\n", _CSV_B),
        GOODS,
        (Rejected("csv-over-size-limit.csv row 3"),),
        ("--max-record-bytes", "4096"),
    ),
    Case(
        "xml-declared-utf16-is-utf8",
        ".xml",
        b'<?xml version="1.0" encoding="UTF-16"?>\n' + _OAI,
        ("10670/1.good01",),
        args=("--from", "oai_dc"),
        warns="the XML declaration says UTF-16",
    ),
    Case(
        "xml-declared-latin1-is-utf8",
        ".xml",
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + _OAI,
        ("10670/1.good01",),
        args=("--from", "oai_dc"),
        warns="the XML declaration says ISO-8859-1",
    ),
)

_BY_SUFFIX = {
    ".jsonl": InputFormat.JSONL,
    ".json": InputFormat.JSON,
    ".csv": InputFormat.CSV,
    ".xml": InputFormat.OAI_DC,
}

CASES: tuple[Case, ...] = tuple(replace(case, reader=_BY_SUFFIX[case.suffix]) for case in _FIRST)
