"""The minting registry: persistent, transactional, safe for concurrent processes, and a collision
rule that depends only on the keys (never on their order, on partitioning or on the workers)."""

from __future__ import annotations

import io
import json
import multiprocessing
import pickle
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.errors import ConfigError, RecordError
from notice_ld.identifiers import HandleMinter, HandleRegistry, HandleSeries, MintPlan, plan_handles
from notice_ld.identifiers.registry import KeyCollector, RegistryError, check_key

ROOT = Path(__file__).resolve().parents[1]
PAIR = ("oai:cairn.info:VSOC_83064", "oai:cairn.info:VSOC_135108")  # the issue's colliding pair
SMALL = HandleSeries("10670", length=4)  # 36**4 suffixes: collisions are easy to find


def colliding_pool(size: int = 12_000) -> list[str]:
    """Keys that collide with another at candidate 0 or 1 in :data:`SMALL` (plus a few that do not)."""
    by_candidate: dict[str, list[str]] = defaultdict(list)
    for i in range(size):
        key = f"oai:x:{i}"
        for n in (0, 1):
            by_candidate[SMALL.candidate(key, n)].append(key)
    pool = sorted({k for keys in by_candidate.values() if len(keys) > 1 for k in keys})
    return pool + [f"oai:y:{i}" for i in range(20)]


POOL = colliding_pool()


def registry(tmp_path: Path, name: str = "h.sqlite", **kwargs: object) -> HandleRegistry:
    return HandleRegistry(tmp_path / name, "10670", **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the rule


def test_the_issues_pair_gets_two_handles_in_one_batch_and_in_two_runs(tmp_path: Path) -> None:
    series = HandleSeries("10670")
    assert series.candidate(PAIR[0], 0) == series.candidate(PAIR[1], 0) == "10670/1.bynxx1"
    # one batch: the key first in code-point order ("1" < "8") keeps the candidate, in any order
    for order in (PAIR, PAIR[::-1]):
        with registry(tmp_path, f"one-{order[0][-5:]}.sqlite") as reg:
            assert reg.mint_many(order) == {PAIR[1]: "10670/1.bynxx1", PAIR[0]: "10670/1.50msqa"}
    # two runs: whoever came first keeps it, the other moves on; nobody shares
    with registry(tmp_path) as reg:
        assert reg.mint(PAIR[0]) == "10670/1.bynxx1"
    with registry(tmp_path) as reg:
        assert reg.mint(PAIR[1]) == "10670/1.oygjiq"
        assert reg.mint(PAIR[0]) == "10670/1.bynxx1"  # never changes
        assert len(reg) == 2


def test_a_registry_mints_what_the_minter_mints_when_nothing_collides(tmp_path: Path) -> None:
    keys = [f"oai:hal:hal-{i:08d}" for i in range(300)]
    with registry(tmp_path) as reg:
        minted = reg.mint_many(keys)
    minter = HandleMinter("10670")
    assert minted == {key: minter.mint(key) for key in keys}


def test_keys_are_nfc_and_bad_keys_are_refused_with_a_fix(tmp_path: Path) -> None:
    with registry(tmp_path) as reg:
        assert reg.mint("Cahiers d'E\u0301tudes") == reg.mint("Cahiers d'Études")
        for bad in ("", "  ", "oai:x:1\n2", "a\x00b", "caf\udce9"):
            with pytest.raises(RecordError) as err:
                reg.mint(bad)
            assert err.value.fix
        with pytest.raises(RecordError):
            reg.mint_many(["good", "bad\r"])
        assert reg.lookup("good") is None  # the batch minted nothing
        assert len(reg) == 1


def test_previously_issued_handles_always_win(tmp_path: Path) -> None:
    pool = POOL[:200]
    with registry(tmp_path, length=4) as reg:
        early = reg.mint_many(pool[::2])
        late = reg.mint_many(pool)
    assert all(late[key] == handle for key, handle in early.items())
    assert len(set(late.values())) == len(late)


def test_a_series_holds_one_handle_per_key_and_one_file_holds_several_series(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite"
    with HandleRegistry(path, "10670") as a, HandleRegistry(path, "10670", namespace="2") as b:
        first, second = a.mint("k"), b.mint("k")
        assert first.startswith("10670/1.") and second.startswith("10670/2.") and first[8:] == second[8:]
    with HandleRegistry(path, "10670", length=8) as longer:  # same series: the key keeps its Handle
        assert longer.mint("k") == first


# --------------------------------------------------------------------------- partitions and order


def test_merged_part_plans_are_the_plan_of_all_keys() -> None:
    keys = POOL[:400]
    whole = plan_handles(SMALL, keys)
    assert len(set(whole.handles.values())) == len(keys)
    assert any(n > 0 for n in whole.attempts.values())  # the pool really collides
    for parts in (2, 3, 7):
        plans = [plan_handles(SMALL, keys[i::parts]) for i in range(parts)]
        assert MintPlan.merge(plans).handles == whole.handles
        assert MintPlan.merge(plans[::-1]).handles == whole.handles


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(POOL), min_size=1, max_size=80, unique=True),
    st.lists(st.sampled_from(POOL), max_size=30),
    st.integers(min_value=1, max_value=6),
    st.randoms(use_true_random=False),
)
def test_partitioned_minting_agrees_with_one_ordered_run(
    keys: list[str], earlier: list[str], parts: int, rnd: object
) -> None:
    import random

    assert isinstance(rnd, random.Random)
    taken_plan = plan_handles(SMALL, earlier)  # a registry that already issued some Handles
    taken = set(taken_plan.handles.values())
    new = [k for k in keys if k not in taken_plan.handles]
    single = plan_handles(SMALL, new, taken.__contains__)
    # any order, any cut into parts (duplicates across parts allowed), merged in any order
    shuffled = list(new)
    rnd.shuffle(shuffled)
    cut = [[k for k in shuffled if rnd.randrange(parts) == i] for i in range(parts)]
    cut[0].extend(rnd.sample(shuffled, min(3, len(shuffled))))
    plans = [plan_handles(SMALL, part, taken.__contains__) for part in cut]
    rnd.shuffle(plans)
    covered = {k for part in cut for k in part}
    merged = MintPlan.merge(plans, taken.__contains__)
    expected = plan_handles(SMALL, [k for k in new if k in covered], taken.__contains__)
    assert merged.handles == expected.handles
    assert plan_handles(SMALL, shuffled, taken.__contains__).handles == single.handles
    # and the result is a valid issue: one Handle per key, never one already issued, never shared
    assert len(set(single.handles.values())) == len(single.handles) == len(new)
    assert not taken & set(single.handles.values())


def test_partitioned_run_against_a_registry_equals_a_single_run(tmp_path: Path) -> None:
    history, run = POOL[:150], POOL[100:500]
    with registry(tmp_path, "single.sqlite", length=4) as single:
        single.mint_many(history)
        expected = single.mint_many(run)
    with registry(tmp_path, "parts.sqlite", length=4) as parted:
        parted.mint_many(history)
        plans = [parted.plan(run[i::4]) for i in range(4)]
        committed = parted.commit(MintPlan.merge(plans, parted.issued))
        assert {k: parted.lookup(k) for k in run} == expected
        assert set(committed) == set(run) - set(history)


def test_a_plan_overtaken_by_another_process_is_settled_again(tmp_path: Path) -> None:
    with registry(tmp_path, length=4) as reg:
        plan = reg.plan(POOL[:300])
        other = registry(tmp_path, length=4)
        stolen = other.mint_many([POOL[0], "oai:z:intruder"])  # a key of the plan, and maybe a candidate
        committed = reg.commit(plan)
        other.close()
        assert committed[POOL[0]] == stolen[POOL[0]]
        handles = [reg.lookup(k) for k in [*POOL[:300], "oai:z:intruder"]]
        assert None not in handles and len(set(handles)) == len(handles)


# --------------------------------------------------------------------------- several processes


def _mint_in_process(args: tuple[str, list[str], int]) -> dict[str, str]:
    path, keys, seed = args
    import random

    rnd = random.Random(seed)
    keys = list(keys)
    rnd.shuffle(keys)
    reg = HandleRegistry(path, "10670", length=4, timeout=120)
    result: dict[str, str] = {}
    for start in range(0, len(keys), 97):
        batch = keys[start : start + 97]
        if rnd.random() < 0.3:
            result.update({k: reg.mint(k) for k in batch})
        else:
            result.update(reg.mint_many(batch))
    reg.close()
    return result


def test_concurrent_processes_never_issue_one_handle_twice(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.sqlite")
    HandleRegistry(path, "10670", length=4).close()
    keys = POOL[:1200]
    jobs = [(path, keys[i * 200 : i * 200 + 600], i) for i in range(4)]  # overlapping key sets
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_mint_in_process, jobs)
    per_key: dict[str, set[str]] = defaultdict(set)
    for result in results:
        for key, handle in result.items():
            per_key[key].add(handle)
    assert all(len(handles) == 1 for handles in per_key.values())  # every process saw the same Handle
    owners = defaultdict(set)
    for key, handles in per_key.items():
        owners[next(iter(handles))].add(key)
    assert all(len(keys_) == 1 for keys_ in owners.values())  # no Handle issued to two keys
    out = io.StringIO()
    with HandleRegistry(path, "10670", length=4) as reg:
        assert reg.export_tsv(out) == len(per_key)
    rows = dict(line.split("\t")[::-1] for line in out.getvalue().splitlines())
    assert rows == {key: next(iter(handles)) for key, handles in per_key.items()}


def test_a_registry_pickles_as_its_path_and_reopens_in_the_worker(tmp_path: Path) -> None:
    reg = registry(tmp_path)
    reg.mint("a")
    clone = pickle.loads(pickle.dumps(reg))
    assert clone.lookup("a") == reg.lookup("a") and clone.mint("b") == reg.lookup("b")
    with multiprocessing.get_context("fork").Pool(1) as pool:  # a connection never crosses a fork
        assert pool.apply(reg.mint, ("c",)) == reg.lookup("c")
    collector = pickle.loads(pickle.dumps(KeyCollector(SMALL)))
    assert collector.mint("k") == SMALL.candidate("k", 0) and collector.keys == ["k"]


# --------------------------------------------------------------------------- the file


def test_issued_handles_can_be_neither_changed_nor_withdrawn(tmp_path: Path) -> None:
    with registry(tmp_path) as reg:
        reg.mint("a")
    db = sqlite3.connect(tmp_path / "h.sqlite")
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        db.execute("UPDATE handles SET key = 'b'")
    with pytest.raises(sqlite3.IntegrityError, match="never withdrawn"):
        db.execute("DELETE FROM handles")
    db.close()


def test_a_file_that_is_not_a_registry_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    with pytest.raises(RegistryError, match="not a notice-ld Handle registry"):
        HandleRegistry(other, "10670")
    text = tmp_path / "text.sqlite"
    text.write_text("hello, this is not SQLite at all" * 10)
    with pytest.raises(RegistryError):
        HandleRegistry(text, "10670")
    newer = tmp_path / "newer.sqlite"
    HandleRegistry(newer, "10670").close()
    db = sqlite3.connect(newer)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(RegistryError, match="newer notice-ld"):
        HandleRegistry(newer, "10670")
    with pytest.raises(ConfigError):
        HandleRegistry(tmp_path / "x.sqlite", "ten")


def test_a_registry_busy_too_long_says_so(tmp_path: Path) -> None:
    reg = registry(tmp_path, timeout=0.2)
    holder = sqlite3.connect(tmp_path / "h.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert reg.lookup("x") is None  # readers are never blocked (write-ahead log)
        with pytest.raises(RegistryError, match="busy"):
            reg.mint("x")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert reg.mint("x").startswith("10670/1.")
    reg.close()


def test_tsv_import_and_export_round_trip(tmp_path: Path) -> None:
    lines = [
        "\ufeff# issued before the registry\n",
        "10670/1.JT89MR\toai:a:1\n",
        "\n",
        "10670/2.abcdef\toai:a:1\n",  # another series: the same key may have one there too
        "2441/1.zzzzzz\toai:a:3 with\ttab\n",
        "10670/1.jt89mr\toai:a:1\n",  # the same line again (any case): already there
        "10670/1.jt89mr\toai:a:2\n",  # the Handle is someone else's
        "10670/1.qqqqqq\toai:a:1\n",  # the key already has one in this series
        "no tab here\n",
        "10670/../x\toai:a:4\n",
        "10670/1.yyyyyy\t\n",
        "10670/1.../../etc\toai:a:6\n",  # dot segments: a web client would resolve them away
    ]
    with registry(tmp_path) as reg:
        report = reg.import_tsv(lines, "old.tsv")
        assert (report.imported, report.present) == (3, 1)
        assert [(e.record, e.field) for e in report.errors] == [
            ("old.tsv:7", "handle"),
            ("old.tsv:8", "key"),
            ("old.tsv:9", "handle"),
            ("old.tsv:10", "handle"),
            ("old.tsv:11", "key"),
            ("old.tsv:12", "handle"),
        ]
        assert "segments" in report.errors[-1].problem
        assert reg.lookup("oai:a:1") == "10670/1.JT89MR"
        assert reg.mint("oai:a:1") == "10670/1.JT89MR"
        new = reg.mint("oai:a:5")
        out = io.StringIO()
        assert reg.export_tsv(out) == 4
    exported = out.getvalue()
    assert exported.splitlines() == sorted(exported.splitlines(), key=str.lower)  # in Handle order
    assert "10670/1.JT89MR\toai:a:1" in exported.splitlines()  # as issued, case kept
    assert f"{new}\toai:a:5" in exported and "2441/1.zzzzzz\toai:a:3 with\ttab" in exported
    with registry(tmp_path, "copy.sqlite") as copy:
        assert copy.import_tsv(io.StringIO(exported), "x.tsv").imported == 4
        again = io.StringIO()
        copy.export_tsv(again)
    assert again.getvalue() == exported


def test_readers_whose_records_carry_their_id_never_mint(tmp_path: Path) -> None:
    from notice_ld.readers import InputFormat, ReaderOptions, read_path

    path = tmp_path / "in.csv"
    path.write_text("id,title\n10670/1.abc123,T\n,U\n", encoding="utf-8")
    array = tmp_path / "in.json"
    array.write_text(
        '[{"id": "10670/1.abc123", "titles": [{"value": "T"}]}, {"titles": []}]', encoding="utf-8"
    )
    cases = (
        (ROOT / "examples" / "notices.jsonl", InputFormat.JSONL),
        (path, InputFormat.CSV),
        (array, InputFormat.JSON),
    )
    for source, fmt in cases:
        collector = KeyCollector(SMALL)
        list(read_path(str(source), fmt, options=ReaderOptions(minter=collector)))
        assert collector.keys == []


def test_check_key_gives_the_nfc_key() -> None:
    assert check_key("E\u0301") == "É"


# --------------------------------------------------------------------------- the command line


def oai(records: list[tuple[str, str]]) -> str:
    """An OAI-PMH ListRecords page: (OAI identifier, title) records without a usable identifier."""
    body = "".join(
        f"<record><header><identifier>{key}</identifier><datestamp>2024-01-01</datestamp></header>"
        '<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{title}</dc:title><dc:date>2019</dc:date><dc:type>article</dc:type>"
        "</oai_dc:dc></metadata></record>"
        for key, title in records
    )
    return (
        f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>{body}</ListRecords></OAI-PMH>'
    )


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """``notice-ld ARGS`` run in this process, in the folder ``cwd`` (``stdin``: its standard input)."""
    from notice_ld.cli import main

    def run(*args: str, cwd: Path, stdin: str = "") -> Ran:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        status = main(list(args))
        out, err = capsys.readouterr()
        return Ran(status, out, err)

    return run


def handles_in(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {part.split(">")[0] for part in text.split("<https://hdl.handle.net/")[1:]}


def test_convert_the_issues_pair_in_two_runs_gives_two_handles(
    tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    first.write_text(oai([(PAIR[0], "Un")]), encoding="utf-8")
    second.write_text(oai([(PAIR[1], "Deux")]), encoding="utf-8")
    one = cli(
        "convert", str(first), "--prefix", "10670", "-f", "ntriples", "-o", "a.nt", "--report", "r.json",
        cwd=tmp_path,
    )  # fmt: skip
    assert one.returncode == 0, one.stderr
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["converted"] == 1
    assert "1 Handles minted, 0 already issued" in one.stderr
    assert (tmp_path / "notice-ld-handles.sqlite").exists()  # the default: beside ./notice-ld-store
    two = cli("convert", str(second), "--prefix", "10670", "-f", "ntriples", "-o", "b.nt", cwd=tmp_path)
    assert two.returncode == 0, two.stderr
    assert handles_in(tmp_path / "a.nt") == {"10670/1.bynxx1"}
    assert handles_in(tmp_path / "b.nt") == {"10670/1.oygjiq"}
    again = cli("convert", str(second), "--prefix", "10670", "-f", "ntriples", "-o", "c.nt", cwd=tmp_path)
    assert "0 Handles minted, 1 already issued" in again.stderr
    assert (tmp_path / "c.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()
    # without the registry, the old behaviour: both runs publish the same Handle
    alone = cli("convert", str(second), "--prefix", "10670", "--no-registry", "-o", "d.ttl", cwd=tmp_path)
    assert alone.returncode == 0 and "10670/1.bynxx1" in (tmp_path / "d.ttl").read_text(encoding="utf-8")


def test_convert_gives_the_same_handles_in_any_order_with_any_jobs(
    tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    keys = [PAIR[0], *POOL[:40], PAIR[1]]
    files = []
    for i in range(3):
        path = tmp_path / f"in{i}.xml"
        path.write_text(oai([(key, f"Titre {j}") for j, key in enumerate(keys[i::3])]), encoding="utf-8")
        files.append(str(path))
    runs = {}
    for name, order, jobs in (("a", files, "1"), ("b", files[::-1], "2"), ("c", files, "2")):
        result = cli(
            "convert", *order, "--prefix", "10670", "--registry", f"{name}.sqlite", "-j", jobs,
            "-f", "nquads", "-o", f"{name}.nq", cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "running on one core" not in result.stderr
        export = cli(
            "mint", "--prefix", "10670", "--registry", f"{name}.sqlite", "--export", "-", cwd=tmp_path
        )
        runs[name] = export.stdout
    assert runs["a"] == runs["b"] == runs["c"]
    assert "10670/1.bynxx1\toai:cairn.info:VSOC_135108" in runs["a"]
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "c.nq").read_bytes()  # --jobs: same bytes


def test_mint_command_with_the_registry(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    tsv = tmp_path / "old.tsv"
    tsv.write_text("10670/1.bynxx1\toai:cairn.info:OTHER\n10670/1.bynxx1\toai:x:clash\n", encoding="utf-8")
    result = cli(
        "mint", "--prefix", "10670", "--registry", "r.sqlite", "--import", str(tsv), *PAIR, "bad\x01key",
        "--export", "all.tsv", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert "old.tsv:2" in result.stderr and "issued to another key" in result.stderr
    assert "U+0001" in result.stderr
    assert result.stdout.split() == ["10670/1.50msqa", "10670/1.oygjiq"]
    exported = (tmp_path / "all.tsv").read_text(encoding="utf-8").splitlines()
    assert len(exported) == 3 and "10670/1.bynxx1\toai:cairn.info:OTHER" in exported
    stdin = cli(
        "mint", "--prefix", "10670", "--registry", "r.sqlite", "-", cwd=tmp_path, stdin=f"{PAIR[1]}\n\n"
    )
    assert stdin.stdout == "10670/1.oygjiq\n"
    clash = cli("mint", "--prefix", "10670", "--registry", "r.sqlite", "--no-registry", "k", cwd=tmp_path)
    assert clash.returncode == 2 and "contradict" in clash.stderr
    not_db = tmp_path / "notes.txt"
    not_db.write_text("not a database, just text" * 40, encoding="utf-8")
    refused = cli("mint", "--prefix", "10670", "--registry", str(not_db), "k", cwd=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr and "registry" in refused.stderr


def test_load_and_site_mint_through_the_registry(tmp_path: Path, cli: Callable[..., Ran]) -> None:
    source = tmp_path / "in.xml"
    source.write_text(oai([(PAIR[0], "Un"), (PAIR[1], "Deux")]), encoding="utf-8")
    store = tmp_path / "stores" / "main"
    loaded = cli("load", str(source), "--prefix", "10670", "--store", str(store), cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    beside = tmp_path / "stores" / "notice-ld-handles.sqlite"  # the default: beside the store
    assert beside.exists()
    site = cli(
        "site", str(source), "--prefix", "10670", "--registry", str(beside), "-o", "site", cwd=tmp_path
    )
    assert site.returncode == 0, site.stderr
    assert "0 Handles minted, 2 already issued" in site.stderr
    with HandleRegistry(beside, "10670") as reg:
        assert reg.lookup(PAIR[1]) == "10670/1.bynxx1" and reg.lookup(PAIR[0]) == "10670/1.50msqa"
    no_prefix = cli("load", str(source), "--registry", "x.sqlite", cwd=tmp_path)
    assert no_prefix.returncode == 2 and "--prefix" in no_prefix.stderr


@pytest.mark.cluster
def test_convert_on_a_local_dask_cluster_mints_what_one_core_mints(
    tmp_path: Path, cli: Callable[..., Ran]
) -> None:
    pytest.importorskip("distributed")
    files = []
    for i in range(2):
        path = tmp_path / f"in{i}.xml"
        path.write_text(oai([(key, "Titre") for key in [*PAIR, *POOL[:20]][i::2]]), encoding="utf-8")
        files.append(str(path))
    one = cli(
        "convert", *files, "--prefix", "10670", "--registry", "one.sqlite", "-o", "one.ttl", cwd=tmp_path
    )
    assert one.returncode == 0, one.stderr
    dask = cli(
        "convert", *files, "--prefix", "10670", "--registry", "dask.sqlite", "--engine", "dask", "-j", "2",
        "-o", "dask.ttl", cwd=tmp_path,
    )  # fmt: skip
    assert dask.returncode == 0, dask.stderr
    assert (tmp_path / "dask.ttl").read_bytes() == (tmp_path / "one.ttl").read_bytes()
    remote = cli(
        "convert",
        *files,
        "--prefix",
        "10670",
        "--scheduler",
        "tcp://127.0.0.1:1",
        "-o",
        "x.ttl",
        cwd=tmp_path,
    )
    assert remote.returncode == 2 and "remote cluster" in remote.stderr
