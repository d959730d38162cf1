"""Hostile XML: external entities, entity bombs, external DTDs, huge text nodes, truncation, encodings."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, ReaderOptions, read
from notice_ld.readers.xmlsafe import XMLDocumentError, split_records

OPEN = '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>'
CLOSE = "</ListRecords></OAI-PMH>"
DC = (
    '<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">{}</oai_dc:dc></metadata>'
)


def rec(n: int, body: str | None = None) -> str:
    inner = (
        body
        if body is not None
        else f"<dc:title>Title {n}</dc:title><dc:identifier>10.1234/r{n}</dc:identifier>"
    )
    return f"<record><header><identifier>oai:t:{n}</identifier></header>{DC.format(inner)}</record>"


def kinds(data: bytes, **options: int) -> list[object]:
    return list(read(io.BytesIO(data), InputFormat.OAI_DC, name="t.xml", options=ReaderOptions(**options)))


def test_xxe_to_a_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"{OPEN}{rec(1, '<dc:title>&xxe;</dc:title><dc:identifier>10.1234/x</dc:identifier>')}{CLOSE}"
    )
    result = kinds(doc.encode())
    assert len(result) == 1 and isinstance(result[0], RecordError)
    assert "DTD" in result[0].problem and "TOP-SECRET" not in repr(result)


def test_entity_reference_without_dtd_fails_only_its_record() -> None:
    doc = (
        OPEN
        + rec(1)
        + rec(2, "<dc:title>&xxe;</dc:title><dc:identifier>10.1234/x</dc:identifier>")
        + rec(3)
        + CLOSE
    )
    result = kinds(doc.encode())
    assert [type(r).__name__ for r in result] == ["Notice", "RecordError", "Notice"]
    assert isinstance(result[1], RecordError) and "xxe" in result[1].problem


def test_billion_laughs_is_refused_before_expansion() -> None:
    lol = "".join(f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}' * 1 + '">' for i in range(1, 10))
    doc = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + f"]>{OPEN}{rec(1, '<dc:title>&lol9;</dc:title>')}{CLOSE}"
    )
    assert lol  # the declarations above are what matters
    result = kinds(doc.encode())
    assert len(result) == 1 and isinstance(result[0], RecordError) and "DTD" in result[0].problem


class _Counter(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "y">')

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def dtd_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/evil.dtd"
    finally:
        server.shutdown()
        server.server_close()


def test_external_dtd_is_never_fetched(dtd_server: str) -> None:
    _Counter.hits = 0
    doc = f'<?xml version="1.0"?><!DOCTYPE OAI-PMH SYSTEM "{dtd_server}">{OPEN}{rec(1)}{CLOSE}'
    result = kinds(doc.encode())
    assert isinstance(result[0], RecordError) and "DTD" in result[0].problem
    bare = f'<!DOCTYPE dc SYSTEM "{dtd_server}"><dc xmlns="http://purl.org/dc/elements/1.1/"><title>T</title></dc>'
    assert isinstance(kinds(bare.encode())[0], RecordError)
    assert _Counter.hits == 0


def huge_page(text_bytes: int) -> Iterator[bytes]:
    """A ListRecords page whose second record holds a ``text_bytes``-long text node, streamed."""
    yield (
        OPEN
        + rec(1)
        + "<record><header><identifier>oai:t:huge</identifier></header>"
        + DC.format("<dc:title>").removesuffix("</oai_dc:dc></metadata>")
    ).encode()
    block = b"A" * (1 << 20)
    for _ in range(text_bytes // len(block)):
        yield block
    yield ("</dc:title></oai_dc:dc></metadata></record>" + rec(3) + CLOSE).encode()


def test_fifty_megabyte_text_node_fails_fast_and_others_go_through() -> None:
    raws = list(split_records(huge_page(50 << 20), max_record_bytes=8 << 20))
    assert [r.error is None for r in raws] == [True, False, True]
    assert raws[1].hint == "oai:t:huge" and "larger than" in (raws[1].error or "")


def test_huge_bare_document_is_refused() -> None:
    def chunks() -> Iterator[bytes]:
        yield b'<dc xmlns="http://purl.org/dc/elements/1.1/"><title>'
        for _ in range(20):
            yield b"B" * (1 << 20)
        yield b"</title></dc>"

    with pytest.raises(XMLDocumentError, match="larger than"):
        list(split_records(chunks(), max_record_bytes=4 << 20))


def test_truncated_page_keeps_the_records_before() -> None:
    doc = (OPEN + rec(1) + rec(2) + rec(3))[:-40]
    result = kinds(doc.encode())
    assert [type(r).__name__ for r in result] == ["Notice", "Notice", "RecordError"]
    assert isinstance(result[2], RecordError) and "truncated" in result[2].problem


@pytest.mark.parametrize("encoding", ["iso-8859-1", "utf-16", "utf-8-sig", "windows-1252"])
def test_encodings(encoding: str) -> None:
    name = "ISO-8859-1" if encoding == "iso-8859-1" else encoding.upper()
    decl = "" if encoding == "utf-8-sig" else f'<?xml version="1.0" encoding="{name}"?>'
    doc = (
        decl
        + OPEN
        + rec(1, "<dc:title>Thèse à Orléans</dc:title><dc:identifier>10.1234/e</dc:identifier>")
        + CLOSE
    )
    result = kinds(doc.encode(encoding))
    assert isinstance(result[0], Notice) and result[0].titles[0].value == "Thèse à Orléans"


def test_invalid_bytes_fail_only_their_record() -> None:
    doc = (
        (OPEN + rec(1)).encode()
        + rec(2).encode().replace(b"Title 2", b"Title \xff")
        + (rec(3) + CLOSE).encode()
    )
    result = kinds(doc)
    assert [type(r).__name__ for r in result] == ["Notice", "RecordError", "Notice"]


def test_not_xml_at_all() -> None:
    result = kinds(b"this is not XML")
    assert len(result) == 1 and isinstance(result[0], RecordError)
    assert isinstance(kinds(b"")[0], RecordError)


def test_text_stream_with_a_declared_encoding() -> None:
    doc = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>'
        + OPEN
        + rec(1, "<dc:title>Thèse</dc:title><dc:identifier>10.1234/t</dc:identifier>")
        + CLOSE
    )
    (notice,) = read(io.StringIO(doc), InputFormat.OAI_DC)
    assert isinstance(notice, Notice) and notice.titles[0].value == "Thèse"
