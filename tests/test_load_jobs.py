"""``load --jobs N`` and ``--connections N``: the same store content and report as one process.

Worker processes read, map, hash and validate; one process writes. The store's quads (every
notice graph and every content hash) and the ``--report`` (but its ``seconds``) must not depend
on the number of workers, for a first load (bulk), an incremental one (changed / unchanged /
duplicates / invalid / unreadable records) and ``--sync``. Loads into a real ``oxigraph serve``
(started on 127.0.0.1) over several connections must give the same quads and report as one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from notice_ld.model import Notice
from notice_ld.pipeline import Pipeline
from notice_ld.pipeline.parallel import SerialExecutor
from notice_ld.stores import EmbeddedOptions, RemoteOptions, StoreKind, open_store
from notice_ld.stores.load import load
from notice_ld.stores.parallel import load_parallel

from .conftest import ROOT
from .servers import OxigraphProcess
from .test_stores import record


def write_input(path: Path, records: list[dict[str, Any]], extra: list[str] = ()) -> Path:  # type: ignore[assignment]
    with path.open("w", encoding="utf-8") as fh:
        for item in records:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        for line in extra:
            fh.write(line + "\n")
    return path


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "notice_ld", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )


def quads(location: Path) -> list[str]:
    """Every quad of an embedded store, as sorted N-Quads lines."""
    store = ox.Store(str(location))
    try:
        return sorted(str(q) for q in store)
    finally:
        del store


def report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("seconds")
    return data


BAD_LINES = [
    '{"id": "10670/1.bad001", "titles": []}',  # unreadable: no title
    "{not json",
    json.dumps(record(3)),  # a duplicate of notice 3
    json.dumps({**record(700), "creators": [{"family": "Anon", "identifiers": ["https://orcid.org/x"]}]}),
]


@pytest.fixture
def inputs(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    first = write_input(tmp_path / "first.jsonl", [record(i) for i in range(600)], BAD_LINES)
    # the second run: a third changed, the rest the same, some gone, new ones
    second_records = [record(i, 2 if i % 3 == 0 else 1) for i in range(100, 700)]
    second = write_input(tmp_path / "second.jsonl", second_records, BAD_LINES[:2])
    yield first, second


def test_load_jobs_gives_the_same_store_and_report(inputs: tuple[Path, Path], tmp_path: Path) -> None:
    first, second = inputs
    results = {}
    for jobs in ("1", "3"):
        store = tmp_path / f"store-{jobs}"
        runs = []
        for n, (source, extra) in enumerate([(first, ()), (second, ("--sync",))]):
            out = tmp_path / f"report-{jobs}-{n}.json"
            done = cli("load", str(source), "--store", str(store), "--report", str(out), "-j", jobs, *extra)
            assert done.returncode == 1, done.stderr  # some records are rejected
            assert "Traceback" not in done.stderr
            runs.append((report(out), done.stderr.replace(str(store), "STORE")))
        results[jobs] = (runs, quads(store))
    one_runs, one_quads = results["1"]
    first_report, second_report = one_runs[0][0], one_runs[1][0]
    assert first_report["added"] == 600 and first_report["bulk"] is True
    assert first_report["rejected"] == 3  # the two unreadable lines and the duplicate
    assert first_report["invalid"] == 1  # the ORCID that is not one
    counts = (second_report["added"], second_report["changed"], second_report["unchanged"])
    assert counts == (100, 166, 334)
    assert second_report["sync_skipped"]  # records were unreadable: nothing removed on a guess
    for jobs in ("3",):
        runs, found = results[jobs]
        assert [r for r, _ in runs] == [r for r, _ in one_runs], jobs
        assert [e for _, e in runs] == [e for _, e in one_runs], jobs
        assert found == one_quads, jobs


def test_load_parallel_with_sync_removes_what_one_process_removes(tmp_path: Path) -> None:
    source = write_input(tmp_path / "a.jsonl", [record(i) for i in range(60)])
    later = write_input(tmp_path / "b.jsonl", [record(i, 2) for i in range(20, 80)])
    stores = []
    for name, parallel in (("one", False), ("many", True)):
        store = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / name))
        counts = []
        for path, sync in ((source, False), (later, True)):
            if parallel:
                got = load_parallel(
                    Pipeline(), [path], store, jobs=3, executor=SerialExecutor(), sync=sync, part_bytes=4096
                )
            else:
                got = Pipeline().load([path], store, sync=sync)
            counts.append(got.as_dict() | {"seconds": 0})
        store.close()
        stores.append((counts, quads(tmp_path / name)))
    assert stores[0] == stores[1]
    assert stores[0][0][1]["removed"] == 20 and stores[0][0][1]["added"] == 20


def test_load_parallel_on_real_worker_processes(tmp_path: Path) -> None:
    source = write_input(tmp_path / "a.jsonl", [record(i) for i in range(120)], BAD_LINES)
    one = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / "one"))
    two = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / "two"))
    a = Pipeline().load([source], one)
    b = load_parallel(Pipeline(), [source], two, jobs=2, part_bytes=8192)
    one.close()
    two.close()
    assert a.as_dict() | {"seconds": 0} == b.as_dict() | {"seconds": 0}
    assert quads(tmp_path / "one") == quads(tmp_path / "two")


def test_a_bad_connections_value_is_a_usage_error(tmp_path: Path) -> None:
    source = write_input(tmp_path / "a.jsonl", [record(1)])
    done = cli("load", str(source), "--store", str(tmp_path / "s"), "--connections", "0")
    assert done.returncode == 2 and "--connections must be 1 or more" in done.stderr


# ------------------------------------------------------------------------ a real Oxigraph server


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[OxigraphProcess]:
    server = OxigraphProcess(tmp_path / "oxigraph").start()
    yield server
    server.stop()


def server_quads(url: str) -> list[str]:
    """Every quad the server holds, as sorted N-Quads lines."""
    import requests

    response = requests.get(f"{url}/store", headers={"Accept": "application/n-quads"}, timeout=60)
    response.raise_for_status()
    return sorted(str(q) for q in ox.parse(response.content, ox.RdfFormat.N_QUADS))


@pytest.mark.parametrize("kind", [StoreKind.OXIGRAPH, StoreKind.GSP])
def test_several_connections_give_the_content_and_report_of_one(
    oxigraph: OxigraphProcess, kind: StoreKind, tmp_path: Path
) -> None:
    base = oxigraph.url
    options = RemoteOptions(base)
    if kind is StoreKind.GSP:
        options = RemoteOptions(
            base, query_url=f"{base}/query", update_url=f"{base}/update", gsp_url=f"{base}/store"
        )
    notices = [Notice.from_dict(record(i)) for i in range(90)]
    revised = [Notice.from_dict(record(i, 2)) for i in range(0, 90, 4)]
    embedded = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / "embedded"))
    expected = [load(embedded, notices, max_notices=7), load(embedded, [*revised, *notices], max_notices=7)]
    embedded.close()
    store = open_store(kind, options)
    got = [
        load(store, notices, max_notices=7, connections=4),
        load(store, [*revised, *notices], max_notices=7, connections=4),
    ]
    store.close()
    for one, many in zip(expected, got, strict=True):
        assert {**one.as_dict(), "seconds": 0, "bulk": False} == {**many.as_dict(), "seconds": 0}
    assert got[1].changed == len(revised)
    assert server_quads(base) == quads(tmp_path / "embedded")


def test_cli_jobs_and_connections_against_the_server(oxigraph: OxigraphProcess, tmp_path: Path) -> None:
    source = write_input(tmp_path / "a.jsonl", [record(i) for i in range(150)], BAD_LINES)
    one_report, many_report = tmp_path / "one.json", tmp_path / "many.json"
    one = cli("load", str(source), "--store", str(tmp_path / "embedded"), "--report", str(one_report))
    many = cli(
        "load",
        str(source),
        "--endpoint",
        oxigraph.url,
        "--store-kind",
        "oxigraph",
        "--resume",
        str(tmp_path / "resume.jsonl"),
        "-j",
        "2",
        "--connections",
        "3",
        "--batch",
        "20",
        "--report",
        str(many_report),
    )
    assert one.returncode == many.returncode == 1, many.stderr
    assert {**report(one_report), "bulk": False} == report(many_report)
    assert server_quads(oxigraph.url) == quads(tmp_path / "embedded")


def test_a_bulk_load_in_many_rounds_holds_what_one_round_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from notice_ld.stores import embedded

    notices = [Notice.from_dict(record(i)) for i in range(520)]
    found = []
    for name, quads_per_round in (("one", 10**9), ("many", 2_000)):
        monkeypatch.setattr(embedded, "BULK_ROUND_QUADS", quads_per_round)
        store = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / name))
        got = load(store, notices)
        store.close()
        assert got.bulk and got.added == 520
        found.append(quads(tmp_path / name))
    assert found[0] == found[1]
