"""Harvesting against a local OAI-PMH server started on 127.0.0.1 by the tests (no internet).

The server pages through ListRecords with resumption tokens, serves a deleted record, answers
one 503 with Retry-After, rejects a bad token, cuts a page mid-way once, loops on a token, sends
a malformed page; every request loop is bounded (RetryPolicy.max_requests) and waits are recorded
instead of slept, except in one test that really waits Retry-After: 1.
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest

from notice_ld.errors import HarvestError
from notice_ld.harvest import (
    Harvester,
    HarvestReport,
    HarvestState,
    JsonlSink,
    MetadataPrefix,
    RetryPolicy,
    harvest_into,
)
from notice_ld.identifiers import HandleMinter
from notice_ld.model import Notice
from notice_ld.readers import Deletion, InputFormat, ReaderOptions, read_path

from .conftest import ROOT

DC = (
    '<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">{}</oai_dc:dc></metadata>'
)


def record(n: int, day: int) -> str:
    return (
        f"<record><header><identifier>oai:test:{n}</identifier><datestamp>2024-01-{day:02d}</datestamp>"
        f"<setSpec>journal:vs</setSpec></header>"
        + DC.format(
            f'<dc:title xml:lang="fr">Notice {n}</dc:title><dc:creator>Auteur, Numéro {n}</dc:creator>'
            f"<dc:date>2024</dc:date><dc:coverage>Lieu {n}</dc:coverage>"
        )
        + "</record>"
    )


def page(body: str, token: str | None = None, size: int = 7) -> bytes:
    resumption = f'<resumptionToken completeListSize="{size}">{token}</resumptionToken>' if token else ""
    if token == "":
        resumption = f'<resumptionToken completeListSize="{size}"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        f"<responseDate>2024-02-01T00:00:00Z</responseDate><request>http://127.0.0.1/oai</request>"
        f"<ListRecords>{body}{resumption}</ListRecords></OAI-PMH>"
    ).encode()


def error(code: str, message: str) -> bytes:
    return (
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-02-01T00:00:00Z'
        f'</responseDate><error code="{code}">{message}</error></OAI-PMH>'
    ).encode()


PAGES = {
    None: page(record(1, 1) + record(2, 2) + record(3, 3), "t1"),
    "t1": page(record(4, 4) + record(5, 5), "t2"),
    "t2": page(
        record(6, 6) + '<record><header status="deleted"><identifier>oai:test:7</identifier>'
        "<datestamp>2024-01-07</datestamp></header></record>",
        "",
    ),
}


# pages in the other metadata formats: two pages each (a resumption token), a deleted record last
FORMAT_RECORDS = {
    "qdc": (
        '<qdc:qualifieddc xmlns:qdc="http://www.bl.uk/namespaces/oai_dcq/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:title>Q {n}</dcterms:title>'
        "<dcterms:identifier>urn:doi:10.4000/q.{n}</dcterms:identifier>"
        "<dcterms:issued>2024-01-0{n}</dcterms:issued><dcterms:spatial>Lyon</dcterms:spatial>"
        "</qdc:qualifieddc>"
    ),
    "mods": (
        '<mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>M {n}</title></titleInfo>'
        '<name type="personal"><namePart type="family">Morel</namePart><namePart type="given">Ana</namePart>'
        '</name><identifier type="doi">10.1234/m.{n}</identifier>'
        "<originInfo><dateIssued>2024</dateIssued></originInfo></mods>"
    ),
    "oai_datacite": (
        '<oai_datacite xmlns="http://schema.datacite.org/oai/oai-1.1/"><payload>'
        '<resource xmlns="http://datacite.org/schema/kernel-4">'
        '<identifier identifierType="DOI">10.5072/d.{n}</identifier><creators><creator>'
        "<creatorName>Miller, Elizabeth</creatorName></creator></creators><titles><title>D {n}</title>"
        "</titles><publisher>DataCite</publisher><publicationYear>2024</publicationYear>"
        '<resourceType resourceTypeGeneral="Dataset"/></resource></payload></oai_datacite>'
    ),
}


def format_record(prefix: str, n: int) -> str:
    return (
        f"<record><header><identifier>oai:test:{prefix}:{n}</identifier>"
        f"<datestamp>2024-01-0{n}</datestamp></header><metadata>"
        + FORMAT_RECORDS[prefix].format(n=n)
        + "</metadata></record>"
    )


FORMAT_PAGES = {
    (prefix, token): body
    for prefix in FORMAT_RECORDS
    for token, body in (
        (None, page(format_record(prefix, 1) + format_record(prefix, 2), f"{prefix}-2", size=4)),
        (
            f"{prefix}-2",
            page(
                format_record(prefix, 3) + f'<record><header status="deleted"><identifier>oai:test:{prefix}:4'
                "</identifier><datestamp>2024-01-04</datestamp></header></record>",
                "",
                size=4,
            ),
        ),
    )
}


class OAIHandler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, str]]] = []
    flaky: ClassVar[set[str]] = set()  # behaviours that fire once: "503", "cut"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, body: bytes, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).requests.append({"path": url.path, **params})
        token = params.get("resumptionToken")
        if url.path == "/down":
            self.send(b"", 500)
        elif url.path == "/loop":
            self.send(page(record(1, 1), "same"))
        elif url.path == "/stale" and token is None:
            self.send(page(record(1, 1), "gone"))
        elif url.path == "/broken":
            self.send(page(record(1, 1)).replace(b"</ListRecords>", b"</ListRecord>"))
        elif url.path == "/missing":
            self.send(b"not here", 404)
        elif url.path == "/formats":  # qdc, mods, oai_datacite pages (the token names the format)
            prefix = params.get("metadataPrefix") or (token or "").rsplit("-", 1)[0]
            self.send(FORMAT_PAGES.get((prefix, token)) or error("cannotDisseminateFormat", prefix))
        elif params.get("metadataPrefix") not in (None, "oai_dc"):
            self.send(error("cannotDisseminateFormat", "marc21 is not supported"))
        elif params.get("set") == "empty":
            self.send(error("noRecordsMatch", "no records"))
        elif token is not None and token not in PAGES:
            self.send(error("badResumptionToken", f"the token {token} has expired"))
        elif token == "t1" and "503" in type(self).flaky:
            type(self).flaky.discard("503")
            self.send(b"busy", 503, {"Retry-After": "1"})
        elif token == "t2" and "cut" in type(self).flaky:
            type(self).flaky.discard("cut")
            body = PAGES["t2"]
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])  # the connection closes mid-page
            self.close_connection = True
        else:
            self.send(PAGES[token])


@pytest.fixture
def server() -> Iterator[str]:
    OAIHandler.requests = []
    OAIHandler.flaky = set()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OAIHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def bounded(**kwargs: object) -> RetryPolicy:
    return RetryPolicy(**{"max_retries": 3, "backoff": 0.01, "timeout": 5.0, "max_requests": 20, **kwargs})  # type: ignore[arg-type]


def test_pages_tokens_deletions_and_503(server: str) -> None:
    OAIHandler.flaky = {"503"}
    waits: list[float] = []
    harvester = Harvester(
        f"{server}/oai",
        set_spec="journal:vs",
        from_date="2024-01-01",
        retry=bounded(),
        options=ReaderOptions(minter=HandleMinter("10670")),
        sleep=waits.append,
    )
    items = list(harvester.outcomes())
    notices = [i for i in items if isinstance(i, Notice)]
    assert [n.titles[0].value for n in notices] == [f"Notice {n}" for n in range(1, 7)]
    assert [i.oai_identifier for i in items if isinstance(i, Deletion)] == ["oai:test:7"]
    assert waits == [1.0]  # the Retry-After of the 503
    assert harvester.pages == 3 and harvester.last_datestamp == "2024-01-07"
    assert harvester.complete_list_size == 7
    first = OAIHandler.requests[0]
    assert (first["verb"], first["metadataPrefix"], first["set"], first["from"]) == (
        "ListRecords",
        "oai_dc",
        "journal:vs",
        "2024-01-01",
    )
    assert [r.get("resumptionToken") for r in OAIHandler.requests] == [None, "t1", "t1", "t2"]


def test_real_retry_after_wait(server: str) -> None:
    OAIHandler.flaky = {"503"}
    harvester = Harvester(
        f"{server}/oai", retry=bounded(), options=ReaderOptions(minter=HandleMinter("10670"))
    )
    assert sum(isinstance(i, Notice) for i in harvester.outcomes()) == 6


def test_page_cut_midway_is_retried_without_duplicates(server: str) -> None:
    OAIHandler.flaky = {"cut"}
    waits: list[float] = []
    harvester = Harvester(
        f"{server}/oai",
        retry=bounded(),
        options=ReaderOptions(minter=HandleMinter("10670")),
        sleep=waits.append,
    )
    titles = [i.titles[0].value for i in harvester.outcomes() if isinstance(i, Notice)]
    assert titles == [f"Notice {n}" for n in range(1, 7)]
    assert len(waits) == 1


def test_oai_errors_are_clear(server: str) -> None:
    with pytest.raises(HarvestError) as bad_format:
        # the /oai endpoint offers only oai_dc
        list(Harvester(f"{server}/oai", metadata_prefix=MetadataPrefix.MODS, retry=bounded()).outcomes())
    assert bad_format.value.code == "cannotDisseminateFormat" and "metadata format" in bad_format.value.fix
    harvester = Harvester(f"{server}/oai", set_spec="empty", retry=bounded())
    assert list(harvester.outcomes()) == []  # noRecordsMatch: an empty harvest, not an error


def test_bad_resumption_token(server: str) -> None:
    harvester = Harvester(f"{server}/stale", retry=bounded(), options=ReaderOptions(minter=HandleMinter("1")))
    seen: list[object] = []
    with pytest.raises(HarvestError) as caught:
        for outcome in harvester.outcomes():
            seen.append(outcome)
    assert sum(isinstance(x, Notice) for x in seen) == 1  # the first page went through
    assert caught.value.code == "badResumptionToken" and "expired" in str(caught.value)
    assert "--from" in caught.value.fix


def test_loops_malformed_pages_and_dead_servers_are_bounded(server: str) -> None:
    with pytest.raises(HarvestError, match="same resumption token"):
        list(
            Harvester(
                f"{server}/loop", retry=bounded(), options=ReaderOptions(minter=HandleMinter("1"))
            ).outcomes()
        )
    with pytest.raises(HarvestError) as broken:
        list(
            Harvester(
                f"{server}/broken", retry=bounded(), options=ReaderOptions(minter=HandleMinter("1"))
            ).outcomes()
        )
    assert broken.value.code == "malformed"
    waits: list[float] = []
    with pytest.raises(HarvestError, match="gave up after 4 attempts"):
        list(Harvester(f"{server}/down", retry=bounded(), sleep=waits.append).outcomes())
    assert waits == [0.01, 0.02, 0.04]
    with pytest.raises(HarvestError) as missing:
        list(Harvester(f"{server}/missing", retry=bounded()).outcomes())
    assert missing.value.code == "404"
    before = len(OAIHandler.requests)
    with pytest.raises(HarvestError, match="max_requests"):
        list(
            Harvester(
                f"{server}/down", retry=bounded(max_requests=2, max_retries=10), sleep=waits.append
            ).outcomes()
        )
    assert len(OAIHandler.requests) - before == 2


def test_connection_refused_is_retried_then_reported() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    with pytest.raises(HarvestError, match="cannot reach"):
        list(
            Harvester(
                f"http://127.0.0.1:{port}/oai", retry=bounded(max_retries=2), sleep=waits.append
            ).outcomes()
        )
    assert len(waits) == 2


def test_sink_report_and_state(server: str, tmp_path: Path) -> None:
    out = tmp_path / "h.jsonl"
    harvester = Harvester(
        f"{server}/oai",
        retry=bounded(),
        options=ReaderOptions(minter=HandleMinter("10670")),
        sleep=lambda _: None,
    )
    with out.open("wb") as fh:
        report = harvest_into(harvester.outcomes(), JsonlSink(fh), HarvestReport())
    data = report.as_dict()
    assert (data["harvested"], data["deleted"], data["rejected"]) == (6, 1, 0)
    assert len(data["residue"]) == 6 and data["residue"][0]["element"] == "dc:coverage"
    back = list(read_path(out, InputFormat.JSONL))
    assert all(isinstance(n, Notice) for n in back) and len(back) == 6
    state = HarvestState(tmp_path / "state.json")
    state.set(f"{server}/oai", None, "oai_dc", harvester.last_datestamp or "")
    state.save()
    assert HarvestState(tmp_path / "state.json").get(f"{server}/oai", None, "oai_dc") == "2024-01-07"
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    with pytest.raises(HarvestError, match="not a notice-ld harvest state"):
        HarvestState(tmp_path / "bad.json")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_cli_harvest_incremental(server: str, tmp_path: Path) -> None:
    out, state, report = tmp_path / "harvested.jsonl", tmp_path / "state.json", tmp_path / "report.json"
    first = cli(
        "harvest",
        f"{server}/oai",
        "--set",
        "journal:vs",
        "--prefix",
        "10670",
        "--registry",
        str(tmp_path / "handles.sqlite"),
        "-o",
        str(out),
        "--state",
        str(state),
        "--report",
        str(report),
        "--max-retries",
        "1",
    )
    assert first.returncode == 0, first.stderr
    assert "harvested 6 notices" in first.stderr and "1 deleted" in first.stderr
    assert "dc:coverage x6" in first.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6
    assert json.loads(report.read_text(encoding="utf-8"))["deletions"][0]["oai_identifier"] == "oai:test:7"
    OAIHandler.requests.clear()
    second = cli(
        "harvest",
        f"{server}/oai",
        "--set",
        "journal:vs",
        "--prefix",
        "10670",
        "--registry",
        str(tmp_path / "handles.sqlite"),
        "-o",
        str(out),
        "--state",
        str(state),
    )
    assert second.returncode == 0, second.stderr
    assert OAIHandler.requests[0]["from"] == "2024-01-07" and "(from 2024-01-07)" in second.stderr
    converted = cli("convert", str(out), "--format", "ntriples", "-o", str(tmp_path / "h.nt"))
    assert converted.returncode == 0, converted.stderr


def test_cli_failed_harvest_writes_nothing(server: str, tmp_path: Path) -> None:
    out, state = tmp_path / "h.jsonl", tmp_path / "state.json"
    result = cli(
        "harvest", f"{server}/broken", "--prefix", "1", "--no-registry", "-o", str(out), "--state", str(state)
    )
    assert result.returncode == 2 and "not usable XML" in result.stderr
    assert not out.exists() and not state.exists()


def test_cli_harvest_load_into_the_embedded_store(server: str, tmp_path: Path) -> None:
    store, report = tmp_path / "store", tmp_path / "report.json"
    registry = ("--registry", str(tmp_path / "handles.sqlite"))
    args = (
        "harvest",
        f"{server}/oai",
        "--set",
        "journal:vs",
        "--prefix",
        "10670",
        *registry,
        "--max-retries",
        "1",
    )
    first = cli(*args, "--load", "--store", str(store), "--report", str(report))
    assert first.returncode == 0, first.stderr
    assert "6 added" in first.stderr and "1 deleted at the source" in first.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["load"]["added"] == 6
    again = cli(*args, "--load", "--store", str(store))
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 changed, 6 unchanged" in again.stderr
    import pyoxigraph as ox

    graphs = {q.graph_name for q in ox.Store(str(store))}
    assert len([g for g in graphs if "graph/" in str(g)]) == 6


@pytest.mark.parametrize(
    ("prefix", "first_title"),
    [(MetadataPrefix.QDC, "Q 1"), (MetadataPrefix.MODS, "M 1"), (MetadataPrefix.OAI_DATACITE, "D 1")],
)
def test_each_metadata_prefix_is_read_by_its_reader(
    server: str, prefix: MetadataPrefix, first_title: str
) -> None:
    harvester = Harvester(f"{server}/formats", metadata_prefix=prefix, retry=bounded(), sleep=lambda s: None)
    out = list(harvester.outcomes())
    notices = [o for o in out if isinstance(o, Notice)]
    assert [n.titles[0].value for n in notices] == [
        first_title,
        first_title[:-1] + "2",
        first_title[:-1] + "3",
    ]
    assert [o.oai_identifier for o in out if isinstance(o, Deletion)] == [f"oai:test:{prefix.value}:4"]
    assert OAIHandler.requests[0]["metadataPrefix"] == prefix.value
    assert harvester.pages == 2 and harvester.last_datestamp == "2024-01-04"


def test_cli_harvest_metadata_prefix(server: str, tmp_path: Path) -> None:
    out, report = tmp_path / "mods.jsonl", tmp_path / "report.json"
    result = cli(
        "harvest", f"{server}/formats", "--metadata-prefix", "MODS", "-o", str(out), "--report", str(report)
    )
    assert result.returncode == 0, result.stderr
    assert "harvested 3 notices" in result.stderr and "1 deleted" in result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"]["value"] for line in lines] == ["10.1234/m.1", "10.1234/m.2", "10.1234/m.3"]
    qdc = cli(
        "harvest", f"{server}/formats", "--metadata-prefix", "qdc", "-o", str(out), "--report", str(report)
    )
    assert qdc.returncode == 0 and "dcterms:spatial x3" in qdc.stderr, qdc.stderr
    bad = cli("harvest", f"{server}/formats", "--metadata-prefix", "marc21")
    assert bad.returncode == 2
    assert "unknown metadata prefix 'marc21'; use one of: oai_dc, qdc, mods, oai_datacite" in bad.stderr
