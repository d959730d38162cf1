"""``harvest --jobs N``: pages fetched in order by one process, mapped on N workers, the same bytes.

A local OAI-PMH server (127.0.0.1, started by the tests) serves a dozen pages of Dublin Core
records with DOIs — some with unmapped values (residue), a record that is not well-formed XML,
deleted records — and cuts one page mid-way once (retried). The JSON Lines output and the
``--report`` of ``--jobs 2`` must be the bytes of ``--jobs 1``; with ``--load``, the store's
quads and the report too. A broken page fails the harvest the same way, with nothing written.
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

import pyoxigraph as ox
import pytest

from notice_ld.harvest import (
    Harvester,
    HarvestReport,
    JsonlSink,
    PageUse,
    RetryPolicy,
    harvest_into,
    harvest_parallel,
)

from .conftest import ROOT

PAGES = 12
PER_PAGE = 9
DC = (
    '<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">{}</oai_dc:dc></metadata>'
)


def record(n: int) -> str:
    if n % 23 == 5:  # deleted at the source
        return (
            f'<record><header status="deleted"><identifier>oai:t:{n}</identifier>'
            f"<datestamp>2024-02-{1 + n % 28:02d}</datestamp></header></record>"
        )
    if n % 31 == 7:  # not well-formed: the record is rejected, the page goes on
        return (
            f"<record><header><identifier>oai:t:{n}</identifier></header>{DC.format('<dc:title>x')}</record>"
        )
    coverage = f"<dc:coverage>Lieu {n}</dc:coverage>" if n % 4 == 0 else ""
    return (
        f"<record><header><identifier>oai:t:{n}</identifier><datestamp>2024-02-{1 + n % 28:02d}"
        "</datestamp></header>"
        + DC.format(
            f'<dc:title xml:lang="fr">Notice {n} : « enquête »</dc:title>'
            f"<dc:creator>Auteur{n % 13}, Anne</dc:creator><dc:date>20{10 + n % 14}</dc:date>"
            f"<dc:identifier>https://doi.org/10.1234/t.{n}</dc:identifier>"
            f'<dc:description xml:lang="fr">Résumé {n} ' + "mot " * 40 + "</dc:description>"
            "<dc:language>fre</dc:language><dc:type>info:eu-repo/semantics/article</dc:type>" + coverage
        )
        + "</record>"
    )


def page(index: int) -> bytes:
    body = "".join(record(index * PER_PAGE + i) for i in range(PER_PAGE))
    token = f"p{index + 1}" if index + 1 < PAGES else ""
    resumption = f'<resumptionToken completeListSize="{PAGES * PER_PAGE}">{token}</resumptionToken>'
    return (
        '<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        "<responseDate>2024-03-01T00:00:00Z</responseDate><request>http://127.0.0.1/oai</request>"
        f"<ListRecords>{body}{resumption}</ListRecords></OAI-PMH>"
    ).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    cut: ClassVar[set[str]] = set()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        token = params.get("resumptionToken", "p0")
        index = int(token[1:])
        body = page(index)
        if url.path == "/broken" and index == 5:
            body = body.replace(b"</ListRecords>", b"</ListRecord>")
        self.send_response(200)
        self.send_header("Content-Type", "text/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if token in type(self).cut:  # the connection closes mid-page, once
            type(self).cut.discard(token)
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    Handler.cut = {"p3"}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env, timeout=300
    )


def fast() -> RetryPolicy:
    return RetryPolicy(max_retries=3, backoff=0.01, timeout=10.0)


def test_parallel_pages_give_the_bytes_and_report_of_one_process(server: str) -> None:
    import io

    one_out, one_report = io.BytesIO(), HarvestReport()
    harvest_into(Harvester(f"{server}/oai", retry=fast()).outcomes(), JsonlSink(one_out), one_report)
    Handler.cut = {"p3"}
    many_out, many_report = io.BytesIO(), HarvestReport()
    harvester = Harvester(f"{server}/oai", retry=fast())
    for result in harvest_parallel(harvester, PageUse.JSONL, jobs=2):
        many_out.write(result.jsonl)
        result.add_to(many_report)
    assert many_out.getvalue() == one_out.getvalue()
    assert many_report.as_dict() == one_report.as_dict()
    assert one_report.notices > 80 and one_report.errors and one_report.deletions and one_report.residues
    assert harvester.pages == PAGES and harvester.records == PAGES * PER_PAGE
    assert harvester.last_datestamp == "2024-02-28"


def test_cli_harvest_jobs_writes_the_same_bytes(server: str, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        Handler.cut = {"p3"}
        out, report = tmp_path / f"h{jobs}.jsonl", tmp_path / f"r{jobs}.json"
        done = cli("harvest", f"{server}/oai", "-o", str(out), "--report", str(report), "-j", jobs, "-q")
        assert done.returncode == 1, done.stderr  # the broken records are rejected
        assert "Traceback" not in done.stderr
        outputs[jobs] = (out.read_bytes(), report.read_bytes(), done.stderr)
    assert outputs["1"] == outputs["2"]
    assert outputs["1"][0].count(b"\n") > 80


def test_cli_harvest_load_jobs_gives_the_same_store(server: str, tmp_path: Path) -> None:
    found = {}
    for jobs in ("1", "2"):
        store, report = tmp_path / f"store{jobs}", tmp_path / f"r{jobs}.json"
        done = cli(
            "harvest", f"{server}/oai", "--load", "--store", str(store), "--report", str(report), "-j", jobs
        )
        assert done.returncode == 1, done.stderr
        data = json.loads(report.read_text(encoding="utf-8"))
        data["load"].pop("seconds")
        db = ox.Store(str(store))
        quads = sorted(str(q) for q in db)
        del db
        found[jobs] = (data, quads, done.stderr.replace(str(store), "STORE"))
    assert found["1"] == found["2"]
    assert found["1"][0]["load"]["added"] > 80


def test_a_broken_page_fails_the_parallel_harvest_the_same_way(server: str, tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        out = tmp_path / f"h{jobs}.jsonl"
        done = cli("harvest", f"{server}/broken", "-o", str(out), "-j", jobs, "--max-retries", "1")
        assert done.returncode == 2 and "page 6 is not usable XML" in done.stderr, done.stderr
        assert not out.exists()
