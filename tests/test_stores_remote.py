"""Remote stores against real servers started here: Oxigraph server, Virtuoso, and a fault proxy."""

from __future__ import annotations

import dataclasses
import random
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from notice_ld.cli import main
from notice_ld.errors import StoreAuthError, StoreConnectionError, StoreResponseError
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.readers import read_path
from notice_ld.stores import RemoteOptions, Store, StoreKind, content_hash, open_store
from notice_ld.stores.load import load
from notice_ld.stores.queries import get, related

from .conftest import EXAMPLES
from .servers import FaultProxy, OxigraphProcess, VirtuosoProcess, free_port
from .test_stores import handle, record

FAST = RemoteOptions(
    "http://127.0.0.1:9", timeout=1.0, retries=12, backoff=0.01, max_backoff=0.2, max_wait=60.0
)


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[OxigraphProcess]:
    server = OxigraphProcess(tmp_path / "oxigraph").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoProcess]:
    server = VirtuosoProcess(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


def server_options(kind: StoreKind, base: str) -> RemoteOptions:
    """The Oxigraph server at ``base`` as ``kind`` (``gsp``: with its three service URLs)."""
    if kind is StoreKind.GSP:
        return RemoteOptions(
            base, query_url=f"{base}/query", update_url=f"{base}/update", gsp_url=f"{base}/store"
        )
    return RemoteOptions(base)


def assert_holds_exactly(store: Store, graphs: list[NoticeGraph]) -> None:
    """The store's notice graphs are exactly these (count, then each graph's triples and hash)."""
    hashes = dict(store.hashes())
    assert len(hashes) == len(graphs)
    for g in graphs:
        assert hashes[g.graph] == content_hash(g)
        assert frozenset(store.triples(g.graph) or ()) == frozenset(g.triples), g.notice.id


def examples() -> list[Notice]:
    return [n for n in read_path(EXAMPLES) if isinstance(n, Notice)]


HOSTILE = Notice.from_dict(
    {
        "id": "10670/1.h0st1l",
        "titles": [
            {"value": 'Titre " } ; DROP ALL ; INSERT DATA { <x:a> <x:b> <x:c> } # \\u0022 \\', "lang": "fr"},
            {"value": "城市更新 — Ελληνικά — emoji-free «»", "lang": "zh-Hant"},
        ],
        "abstracts": [{"value": "Ligne 1\n\nLigne 2 avec \\n littéral et \t tab"}],
        "creators": [{"family": "O'Brien <script>", "given": "Seán"}],
    }
)


# ------------------------------------------------------------------------------ Oxigraph server


@pytest.mark.parametrize("kind", [StoreKind.OXIGRAPH, StoreKind.GSP])
def test_load_reload_change_sync_against_oxigraph(oxigraph: OxigraphProcess, kind: StoreKind) -> None:
    store = open_store(kind, server_options(kind, oxigraph.url))
    notices = [*examples(), HOSTILE]
    graphs = [map_notice(n) for n in notices]
    assert load(store, notices, max_notices=7).added == len(notices)
    assert_holds_exactly(store, graphs)
    again = load(store, notices)
    assert (again.added, again.changed, again.unchanged) == (0, 0, len(notices))
    changed = [
        Notice.from_dict({**n.to_dict(), "titles": [{"value": "Nouveau titre", "lang": "fr"}]})
        for n in notices[:3]
    ]
    report = load(store, changed + notices[3:10], sync=True)
    assert (report.changed, report.unchanged, report.removed) == (3, 7, len(notices) - 10)
    assert_holds_exactly(store, [map_notice(n) for n in changed + notices[3:10]])
    store.close()


def test_related_and_get_over_http(oxigraph: OxigraphProcess) -> None:
    store = open_store(StoreKind.OXIGRAPH, RemoteOptions(oxigraph.url))
    notices = [Notice.from_dict(record(i)) for i in range(30)] + [HOSTILE]
    load(store, notices)
    found = related(store, handle(0), "creators", limit=50)
    assert {r.iri for r in found} == {
        f"https://hdl.handle.net/{handle(i)}" for i in range(1, 30) if i % 5 == 0 or i % 17 == 0
    }
    got = get(store, str(HOSTILE.id))
    assert got is not None and got.notice == HOSTILE
    assert get(store, "10670/1.zzzzzz") is None
    store.close()


@pytest.mark.parametrize("kind", [StoreKind.OXIGRAPH, StoreKind.GSP])
def test_server_killed_mid_load_then_restarted_the_load_resumes(
    oxigraph: OxigraphProcess, kind: StoreKind, tmp_path: Path
) -> None:
    n = 300
    notices = [Notice.from_dict(record(i)) for i in range(n)]
    resume = tmp_path / "resume.jsonl"
    options = dataclasses.replace(server_options(kind, oxigraph.url), resume=resume)
    store = open_store(kind, dataclasses.replace(options, timeout=1.0, retries=2, backoff=0.01, max_wait=5.0))
    batches = 0

    def kill_after_three(report: Any) -> None:
        nonlocal batches
        batches += 1
        if batches == 3:
            oxigraph.kill()

    with pytest.raises(StoreConnectionError, match="it resumes"):
        load(store, notices, max_notices=20, progress=kill_after_three)
    store.close()
    assert resume.exists()
    oxigraph.start()  # same folder, same port
    store = open_store(kind, options)
    report = load(store, notices, max_notices=20)
    assert 60 <= report.unchanged < n and report.added == n - report.unchanged
    assert not resume.exists()  # a finished load removes its resume file
    assert_holds_exactly(store, [map_notice(x) for x in notices])
    store.close()


def test_at_least_twenty_injected_faults_lose_and_duplicate_nothing(oxigraph: OxigraphProcess) -> None:
    notices = [Notice.from_dict(record(i)) for i in range(240)]
    revised = [Notice.from_dict(record(i, 2)) for i in range(0, 240, 3)]
    slept: list[float] = []
    with FaultProxy(oxigraph.url, seed=4, rate=0.3, big=15_000, hold=1.5) as proxy:
        store = open_store(
            StoreKind.OXIGRAPH,
            dataclasses.replace(FAST, endpoint=proxy.url, rng=random.Random(1), sleep=slept.append),
        )
        first = load(store, notices, max_notices=8)
        second = load(store, revised + notices, max_notices=8)
        store.close()
    assert len(proxy.faults) >= 20, proxy.faults
    assert {"500", "503", "429", "413", "reset", "reset-after"} <= set(proxy.faults), proxy.faults
    assert first.added == 240 and not first.refused
    assert (second.changed, second.unchanged) == (len(revised), 240 - len(revised))
    assert any(s >= 1.0 for s in slept), "Retry-After: 1 of a 429 was not honoured"
    latest = {str(n.id): n for n in [*notices, *revised]}
    direct = open_store(StoreKind.OXIGRAPH, RemoteOptions(oxigraph.url))
    assert_holds_exactly(direct, [map_notice(n) for n in latest.values()])
    total = direct.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
    expected = sum(len(map_notice(n)) for n in latest.values()) + len(latest)  # + one hash each
    assert total == f'"{expected}"^^<http://www.w3.org/2001/XMLSchema#integer>'
    direct.close()


def test_413_splits_batches_and_refuses_only_a_notice_too_large(oxigraph: OxigraphProcess) -> None:
    notices = [Notice.from_dict(record(i)) for i in range(40)]
    huge = Notice.from_dict({**record(500), "abstracts": [{"value": "long " * 6000, "lang": "fr"}]})
    with FaultProxy(oxigraph.url, seed=0, rate=0.0) as proxy:
        proxy.force_413_over = 40_000
        store = open_store(StoreKind.OXIGRAPH, dataclasses.replace(FAST, endpoint=proxy.url))
        report = load(store, [*notices, huge], max_notices=40)
        store.close()
    assert report.added == 40 and [e.record for e in report.refused] == [str(huge.id)]
    assert "too large" in report.refused[0].problem
    direct = open_store(StoreKind.OXIGRAPH, RemoteOptions(oxigraph.url))
    assert_holds_exactly(direct, [map_notice(n) for n in notices])
    direct.close()


# ------------------------------------------------------------------------------ clear errors


def test_nothing_listening_is_a_connection_error() -> None:
    with pytest.raises(StoreConnectionError, match="is the server running"):
        open_store(
            StoreKind.OXIGRAPH, RemoteOptions(f"http://127.0.0.1:{free_port()}", retries=1, backoff=0.01)
        )


def test_a_wrong_url_says_so(oxigraph: OxigraphProcess) -> None:
    with pytest.raises(StoreResponseError, match="no such SPARQL service") as info:
        open_store(StoreKind.GSP, RemoteOptions(f"{oxigraph.url}/nothing-here", retries=0))
    assert info.value.status == 404


def test_a_web_server_that_is_not_sparql_says_so() -> None:
    class Page(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _page(self) -> None:
            body = b"<html><body>Welcome to my blog</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _page

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with pytest.raises(StoreResponseError, match="not like a SPARQL endpoint"):
            open_store(
                StoreKind.GSP, RemoteOptions(f"http://127.0.0.1:{server.server_address[1]}/", retries=0)
            )
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------------------ Virtuoso


def test_virtuoso_load_reload_sync_related_get(virtuoso: VirtuosoProcess) -> None:
    store = open_store(StoreKind.VIRTUOSO, RemoteOptions(virtuoso.url, password="dba"))
    notices = [*examples(), HOSTILE]
    assert load(store, notices, max_notices=10).added == len(notices)
    assert_holds_exactly(store, [map_notice(n) for n in notices])
    assert load(store, notices).unchanged == len(notices)
    got = get(store, str(HOSTILE.id))
    assert got is not None and got.notice == HOSTILE
    assert related(store, "10670/1.wwotab", "disciplines", limit=3)
    report = load(store, notices[:5], sync=True)
    assert (report.unchanged, report.removed) == (5, len(notices) - 5)
    assert_holds_exactly(store, [map_notice(n) for n in notices[:5]])
    store.close()


def test_virtuoso_refuses_a_wrong_password(virtuoso: VirtuosoProcess) -> None:
    store = open_store(StoreKind.VIRTUOSO, RemoteOptions(virtuoso.url, password="wrong", retries=0))
    with pytest.raises(StoreAuthError, match="refused the credentials of user 'dba'"):
        load(store, [Notice.from_dict(record(900))])  # a notice the server does not have yet
    store.close()


def test_cli_against_virtuoso(
    virtuoso: VirtuosoProcess,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NLD_TEST_PASSWORD", "dba")
    monkeypatch.chdir(tmp_path)
    args = [
        "--endpoint",
        virtuoso.url,
        "--store-kind",
        "virtuoso",
        "--user",
        "dba",
        "--password-env",
        "NLD_TEST_PASSWORD",
    ]
    assert main(["load", str(EXAMPLES), "--sync", *args]) == 0
    assert "removed" in capsys.readouterr().err
    assert main(["get", "10670/1.jt89mr", "--format", "notice", *args]) == 0
    assert '"10670/1.jt89mr"' in capsys.readouterr().out
    assert not list(tmp_path.glob(".notice-ld-resume-*"))
