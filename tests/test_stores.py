"""The embedded store and the load model: replace semantics, incremental, sync, crash safety, queries."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from notice_ld.cli import main
from notice_ld.errors import RecordError, StoreError
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.readers import read_path
from notice_ld.stores import (
    HASH_PREDICATE,
    META_GRAPH,
    EmbeddedOptions,
    RemoteOptions,
    Store,
    StoreKind,
    content_hash,
    open_store,
)
from notice_ld.stores.embedded import BULK_MARKER, EmbeddedStore
from notice_ld.stores.load import load
from notice_ld.stores.queries import get, graph_iri, related

from .conftest import EXAMPLES, ROOT

_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def handle(i: int) -> str:
    digits = ""
    for _ in range(6):
        i, rest = divmod(i, 36)
        digits = _B36[rest] + digits
    return f"10670/1.{digits}"


def record(i: int, version: int = 1) -> dict[str, Any]:
    """A realistic notice; ``version`` changes its title, abstract and keywords."""
    return {
        "id": handle(i),
        "type": "article",
        "titles": [{"value": f"Notice {i}, version {version} : « enquête » sur l’habitat", "lang": "fr"}],
        "abstracts": [{"value": f"Résumé {version} " + "mot " * 120, "lang": "fr"}],
        "creators": [{"family": f"Auteur{i % 17}", "given": "Anne"}, {"family": f"Autre{i % 5}"}],
        "keywords": [{"value": f"mot-clé {i % 7} v{version}", "lang": "fr"}],
        "disciplines": [
            {
                "iri": f"http://aurehal.archives-ouvertes.fr/subject/shs.d{i % 3}",
                "labels": [{"value": f"Discipline {i % 3}", "lang": "fr"}],
            }
        ],
        "issued": f"{2000 + i % 20}",
    }


def store_state(store: Store) -> dict[str, frozenset[Any]]:
    """Every notice graph of the store (graph IRI → set of triples)."""
    return {g: frozenset(store.triples(g) or ()) for g, _ in store.hashes()}


@pytest.fixture
def examples() -> list[Notice]:
    return [n for n in read_path(EXAMPLES) if isinstance(n, Notice)]


@pytest.fixture
def store(tmp_path: Path) -> Any:
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


# ------------------------------------------------------------------------------ the load model


def test_load_twice_changes_nothing_and_reports_unchanged(
    store: EmbeddedStore, examples: list[Notice]
) -> None:
    first = load(store, examples)
    assert first.counts()["added"] == len(examples)
    before = list(store._store)
    second = load(store, examples)
    assert (second.added, second.changed, second.unchanged) == (0, 0, len(examples))
    assert sorted(map(str, store._store)) == sorted(map(str, before))


def test_each_notice_is_one_named_graph_with_exactly_its_triples(
    store: EmbeddedStore, examples: list[Notice]
) -> None:
    load(store, examples)
    graphs = [map_notice(n) for n in examples]
    assert store_state(store) == {g.graph: frozenset(g.triples) for g in graphs}
    hashes = dict(store.hashes())
    assert hashes == {g.graph: content_hash(g) for g in graphs}
    names = {str(g.value) for g in store._store.named_graphs()}
    assert names == {g.graph for g in graphs} | {META_GRAPH}
    assert not any(
        isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in store._store
    )


def test_a_changed_notice_is_replaced_never_merged(store: EmbeddedStore) -> None:
    load(store, [Notice.from_dict(record(1, 1)), Notice.from_dict(record(2, 1))])
    new = Notice.from_dict(record(1, 2))
    report = load(store, [new, Notice.from_dict(record(2, 1))])
    assert (report.added, report.changed, report.unchanged) == (0, 1, 1)
    assert frozenset(store.triples(map_notice(new).graph) or ()) == frozenset(map_notice(new).triples)


def test_sync_removes_only_notices_gone_from_the_input(store: EmbeddedStore) -> None:
    load(store, [Notice.from_dict(record(i)) for i in range(5)])
    report = load(store, [Notice.from_dict(record(i)) for i in range(3)], sync=True)
    assert (report.unchanged, report.removed) == (3, 2)
    assert set(store_state(store)) == {map_notice(Notice.from_dict(record(i))).graph for i in range(3)}


def test_sync_deletes_nothing_when_a_record_could_not_be_read(store: EmbeddedStore) -> None:
    load(store, [Notice.from_dict(record(i)) for i in range(3)])
    bad = RecordError(record="in.jsonl:3", problem="not valid JSON")
    report = load(store, [Notice.from_dict(record(0)), bad], sync=True)
    assert report.removed == 0 and report.sync_skipped and "could not be read" in report.sync_skipped
    assert len(store_state(store)) == 3


def test_duplicates_and_bad_records_are_reported_and_others_go_through(store: EmbeddedStore) -> None:
    outcomes = list(read_path(ROOT / "examples" / "bad_notices.jsonl"))
    good = [Notice.from_dict(record(1)), Notice.from_dict(record(1, 2))]
    report = load(store, [*outcomes, *good])
    assert report.added == 1 + sum(isinstance(o, Notice) for o in outcomes)
    assert any("appears twice" in e.problem for e in report.rejected)
    assert len(report.rejected) == 1 + sum(isinstance(o, RecordError) for o in outcomes)


def test_validation_hook_keeps_violations_out(store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import notice_ld.stores.load as loader

    class Report:
        def __init__(self, conforms: bool) -> None:
            self.conforms = conforms
            self.text = "" if conforms else "sh:minCount violated on dcterms:issued"

    def validate(graphs: list[Any]) -> Report:
        return Report(all(g.notice.issued is not None for g in graphs))

    monkeypatch.setattr(loader, "validator", lambda: validate)
    dated = Notice.from_dict(record(1))
    undated = Notice.from_dict({**record(2), "issued": None})
    report = load(store, [dated, undated])
    assert report.added == 1 and len(report.invalid) == 1
    assert report.invalid[0].record == str(undated.id) and "minCount" in report.invalid[0].problem
    assert load(store, [dated, undated], validate=False).added == 1


def test_the_store_is_durable_and_reopens(tmp_path: Path, examples: list[Notice]) -> None:
    s = EmbeddedStore(tmp_path / "s")
    load(s, examples)
    s.close()
    again = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tmp_path / "s"))
    try:
        assert load(again, examples).unchanged == len(examples)
    finally:
        again.close()


def test_store_kinds_take_their_own_options(tmp_path: Path) -> None:
    assert [k.value for k in StoreKind] == ["oxigraph-embedded", "oxigraph", "virtuoso", "gsp"]
    assert [k for k in StoreKind if k.embedded] == [StoreKind.OXIGRAPH_EMBEDDED]
    with pytest.raises(
        StoreError, match="unknown store kind 'mongodb'; use one of: oxigraph-embedded, oxigraph"
    ):
        StoreKind.from_name("mongodb")
    wrong: Any = RemoteOptions("http://127.0.0.1:9", probe=False)  # what a type checker refuses
    with pytest.raises(StoreError, match="opened with EmbeddedOptions, not RemoteOptions"):
        open_store(StoreKind.OXIGRAPH_EMBEDDED, wrong)
    with pytest.raises(StoreError, match="opened with RemoteOptions, not EmbeddedOptions"):
        open_store(StoreKind.GSP, EmbeddedOptions(tmp_path / "s"))  # type: ignore[call-overload]
    server = open_store(StoreKind.VIRTUOSO, RemoteOptions("http://127.0.0.1:9", probe=False))
    assert type(server).__name__ == "VirtuosoServer"
    server.close()


def test_a_busy_store_is_a_clear_error(tmp_path: Path) -> None:
    s = EmbeddedStore(tmp_path / "s")
    try:
        with pytest.raises(StoreError, match="another notice-ld process"):
            EmbeddedStore(tmp_path / "s")
    finally:
        s.close()


def test_bulk_load_into_an_empty_store_is_the_same_graph(tmp_path: Path) -> None:
    notices = [Notice.from_dict(record(i)) for i in range(60)]
    bulk = EmbeddedStore(tmp_path / "bulk")
    plain = EmbeddedStore(tmp_path / "plain")
    try:
        assert load(bulk, notices, bulk=True, max_notices=20).bulk
        assert not load(plain, notices, bulk=False, max_notices=20).bulk
        assert store_state(bulk) == store_state(plain)
        assert dict(bulk.hashes()) == dict(plain.hashes())
        assert not (tmp_path / "bulk" / BULK_MARKER).exists()
    finally:
        bulk.close()
        plain.close()


# ------------------------------------------------------------------------------ crash safety

_CHILD = """
import sys, json
sys.path.insert(0, {src!r}); sys.path.insert(0, {root!r})
from notice_ld.model import Notice
from notice_ld.stores.embedded import EmbeddedStore
from notice_ld.stores.load import load
from tests.test_stores import record
store = EmbeddedStore({path!r})
notices = [Notice.from_dict(record(i, {version})) for i in range({n})]
def progress(report):
    print("committed", report.added + report.changed, flush=True)
load(store, notices, bulk={bulk}, max_notices=25, progress=progress)
print("done", flush=True)
"""


def _run_and_kill(path: Path, version: int, n: int, *, bulk: bool, after: int) -> None:
    code = _CHILD.format(
        src=str(ROOT / "src"), root=str(ROOT), path=str(path), version=version, n=n, bulk=bulk
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    deadline = time.monotonic() + 60
    commits = 0
    try:
        if bulk:
            while not (path / BULK_MARKER).exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.3)
        else:
            for line in child.stdout:
                commits += line.startswith("committed")
                if commits >= after or time.monotonic() > deadline:
                    break
        os.kill(child.pid, signal.SIGKILL)
        if not bulk:
            assert commits >= after, f"the child stopped after {commits} commits (see its stderr above)"
    finally:
        child.kill()
        child.wait(timeout=30)


@pytest.mark.parametrize("fresh", [False, True], ids=["replacing", "adding"])
def test_killed_mid_load_every_notice_is_fully_old_or_fully_new(tmp_path: Path, fresh: bool) -> None:
    n = 400
    path = tmp_path / "store"
    old = {i: map_notice(Notice.from_dict(record(i, 1))) for i in range(n)}
    new = {i: map_notice(Notice.from_dict(record(i, 2))) for i in range(n)}
    if not fresh:
        s = EmbeddedStore(path)
        load(s, [g.notice for g in old.values()], bulk=False)
        s.close()
    _run_and_kill(path, 2, n, bulk=False, after=3)
    s = EmbeddedStore(path)
    try:
        hashes = dict(s.hashes())
        done = 0
        for i in range(n):
            got = s.triples(old[i].graph)
            if got is None:
                assert fresh and old[i].graph not in hashes  # never written: fully "old" (absent)
                continue
            if frozenset(got) == frozenset(new[i].triples):
                done += 1
                assert hashes[new[i].graph] == content_hash(new[i])
            else:
                assert not fresh and frozenset(got) == frozenset(old[i].triples)
                assert hashes[old[i].graph] == content_hash(old[i])
        assert 3 * 25 <= done < n, done  # killed after 3 commits, well before the end
        report = load(s, [g.notice for g in new.values()])
        assert report.unchanged == done and report.added + report.changed == n - done
        assert store_state(s) == {g.graph: frozenset(g.triples) for g in new.values()}
    finally:
        s.close()


def test_killed_mid_bulk_load_the_store_reopens_empty_then_loads(tmp_path: Path) -> None:
    path = tmp_path / "store"
    _run_and_kill(path, 1, 3000, bulk=True, after=0)
    if not (path / BULK_MARKER).exists():
        pytest.fail("the child finished its bulk load before it was killed; raise n")
    s = EmbeddedStore(path)
    try:
        assert s.recovered and s.is_empty()
        notices = [Notice.from_dict(record(i)) for i in range(50)]
        assert load(s, notices).added == 50
    finally:
        s.close()


# ------------------------------------------------------------------------------ queries


def test_related_get_and_hostile_values(store: EmbeddedStore) -> None:
    hostile = 'Titre " } ; DROP ALL ; INSERT DATA { <x:a> <x:b> <x:c> } #\\u0022 \\" >'
    notices = [Notice.from_dict(record(i)) for i in range(40)]
    notices.append(Notice.from_dict({**record(99), "titles": [{"value": hostile}]}))
    load(store, notices)
    before = len(store._store)
    found = related(store, handle(0), "creators", limit=100)
    # notice i has creators Auteur{i % 17} and Autre{i % 5}: it shares one with notice 0 when either is 0
    expected = {f"https://hdl.handle.net/{handle(i)}" for i in range(1, 40) if i % 17 == 0 or i % 5 == 0}
    assert {r.iri for r in found} == expected and all(r.shared == 1 for r in found)
    assert [r.iri for r in found] == sorted(r.iri for r in found)
    assert len(related(store, handle(0), "creators", limit=2)) == 2
    assert related(store, handle(3), "disciplines", limit=100)
    got = get(store, handle(99))
    assert got is not None and got.notice.titles[0].value == hostile
    assert len(store._store) == before  # nothing was dropped or inserted by a title
    for bad in ['x"> } DROP ALL #', "10670/1.x> } DROP ALL {", "<http://evil>"]:
        with pytest.raises(RecordError):
            related(store, bad, "creators")
    with pytest.raises(StoreError):
        related(store, handle(0), "creators", limit=0)
    assert get(store, "10670/1.zzzzzz") is None
    assert graph_iri(handle(0)) == map_notice(notices[0]).graph


def test_query_select_ask_construct(store: EmbeddedStore, examples: list[Notice]) -> None:
    load(store, examples)
    count = store.query(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{META_GRAPH}> {{ ?g <{HASH_PREDICATE}> ?h }} }}"
    )
    assert count.rows[0][0] == f'"{len(examples)}"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert store.query("ASK { GRAPH ?g { ?s ?p ?o } }").boolean is True
    assert store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 2").kind == "graph"
    with pytest.raises(StoreError, match="not valid"):
        store.query("SELECT WHERE {")


# ------------------------------------------------------------------------------ the command line


def test_cli_load_related_get_query(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    where = str(tmp_path / "store")
    assert main(["load", str(EXAMPLES), "--store", where]) == 0
    assert "26 added, 0 changed, 0 unchanged" in capsys.readouterr().err
    assert main(["load", str(EXAMPLES), "--store", where, "--report", str(tmp_path / "r.json")]) == 0
    assert json.loads((tmp_path / "r.json").read_text())["unchanged"] == 26
    capsys.readouterr()
    assert main(["related", "10670/1.wwotab", "--by", "disciplines", "--limit", "3", "--store", where]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(line.split("\t")[1].startswith("https://") for line in lines)
    assert main(["get", "10670/1.jt89mr", "--format", "notice", "--store", where]) == 0
    rebuilt = Notice.from_dict(json.loads(capsys.readouterr().out))
    assert rebuilt.titles[0].value.startswith("Produire des savoirs")
    assert main(["get", "10670/1.jt89mr", "--format", "turtle", "--store", where]) == 0
    assert "bibo:AcademicArticle" in capsys.readouterr().out
    assert main(["get", "10670/1.zzzzzz", "--store", where]) == 1
    assert main(["query", "ASK { GRAPH ?g { ?s ?p ?o } }", "--store", where]) == 0
    assert capsys.readouterr().out.strip() == "true"
    head = EXAMPLES.read_text(encoding="utf-8").splitlines()[:5]
    (tmp_path / "few.jsonl").write_text("\n".join(head) + "\n", encoding="utf-8")
    assert main(["load", str(tmp_path / "few.jsonl"), "--store", where, "--sync"]) == 0
    assert "0 added, 0 changed, 5 unchanged, 21 removed" in capsys.readouterr().err


@pytest.mark.parametrize("bulk", [False, True])
def test_a_value_over_the_parser_buffer_costs_nothing_to_its_batch(tmp_path: Path, bulk: bool) -> None:
    """pyoxigraph's N-Quads parser refuses a line over 16 MiB (and with it the whole load): the
    notice that holds one goes in another way, and the others of its batch go in too."""
    big = Notice.from_dict({**record(1), "abstracts": [{"value": "x" * (17 * 1024 * 1024)}]})
    notices = [Notice.from_dict(record(0)), big, Notice.from_dict(record(2))]
    store = EmbeddedStore(tmp_path / "store")
    try:
        report = load(store, notices, validate=False, bulk=bulk, max_notices=3)
        assert report.counts()["added"] == 3 and not report.refused and report.bulk is bulk
        triples = store.triples(graph_iri(handle(1), None))
        assert triples is not None
        assert any(len(str(o)) > 17 * 1024 * 1024 for _, _, o in triples)
        for i in (0, 2):
            assert store.triples(graph_iri(handle(i), None))
    finally:
        store.close()


class _GivingUp:
    """A store that commits the first batch, then cannot be reached."""

    def __init__(self) -> None:
        self.batches = 0

    def hashes(self) -> list[tuple[str, str]]:
        return []

    def put(self, batch: Any) -> tuple[()]:
        self.batches += 1
        if self.batches > 1:
            from notice_ld.errors import StoreConnectionError

            raise StoreConnectionError("the server went away")
        return ()

    def delete(self, graphs: Any) -> None:
        pass


def test_a_load_that_gives_up_still_says_what_was_loaded() -> None:
    notices = [Notice.from_dict(record(i)) for i in range(5)]
    with pytest.raises(StoreError) as caught:
        load(_GivingUp(), notices, validate=False, max_notices=2)  # type: ignore[arg-type]
    report = caught.value.report
    assert report is not None
    assert (report["added"], report["completed"], report["error"]) == (2, False, "the server went away")


def test_cli_load_writes_its_report_when_the_server_cannot_be_reached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("time.sleep", lambda seconds: None)  # the retries' backoff, not their count
    out = tmp_path / "report.json"
    status = main(
        ["load", str(EXAMPLES), "--endpoint", "http://127.0.0.1:9/sparql", "--report", str(out), "-q"]
    )
    assert status == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["completed"] is False and data["added"] == 0 and data["error"]
