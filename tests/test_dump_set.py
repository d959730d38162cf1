"""An N-Triples or Turtle dump is a set: each triple once, still streamed in flat memory.

The notices' documents come first, in input order; the nodes notices share (people, journals,
concepts, licences…) come once, sorted, after the last notice. The graph is the union of the
notice graphs, unchanged; the bytes are the same for any number of jobs, any cut into parts,
folder outputs (compressed or not) and ``notice-ld merge``. N-Quads stays one whole graph per
notice.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld import cli
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.pipeline import Pipeline
from notice_ld.pipeline.directory import convert_to_directory, merge_directory
from notice_ld.pipeline.parallel import SerialExecutor, convert_parallel
from notice_ld.writers import codec, serialize
from notice_ld.writers.stream import NoticeWriter, SharedTriples, split_part

from .conftest import EXAMPLES, generated_records
from .strategies import notices

SETS = [Format.N_TRIPLES, Format.TURTLE]
OX = {Format.N_TRIPLES: ox.RdfFormat.N_TRIPLES, Format.TURTLE: ox.RdfFormat.TURTLE}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dump-set") / "generated.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for record in generated_records(400, seed=7):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _union(graphs: list[NoticeGraph]) -> set[ox.Triple]:
    """The union of the notice graphs, each parsed from its own one-notice document."""
    out: set[ox.Triple] = set()
    for graph in graphs:
        out |= set(ox.parse(serialize([graph], Format.N_TRIPLES), ox.RdfFormat.N_TRIPLES))
    return out


def _graphs(path: Path) -> list[NoticeGraph]:
    with path.open(encoding="utf-8") as fh:
        return [map_notice(Notice.from_dict(json.loads(line))) for line in fh if line.strip()]


# -- what users see ---------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["examples", "generated"])
def test_convert_writes_no_line_twice_and_the_same_graph(tmp_path: Path, generated: Path, which: str) -> None:
    source = EXAMPLES if which == "examples" else generated
    graphs = _graphs(source)
    union = _union(graphs)
    for fmt in SETS:
        out = tmp_path / f"dump.{fmt.extension}"
        assert cli.main(["convert", str(source), "-f", fmt.value, "-o", str(out), "-q", "--no-validate"]) == 0
        data = out.read_bytes()
        if fmt is Format.N_TRIPLES:
            lines = data.splitlines()
            assert len(lines) == len(set(lines)) == len(union)  # `sort | uniq -d` prints nothing
        assert set(ox.parse(data, OX[fmt])) == union, fmt  # the same graph as before, as a set
        # the documents first, in input order, then the shared nodes, each subject once
        subjects = _subject_runs(data, fmt)
        documents = [g.iri for g in graphs]
        assert subjects[: len(documents)] == documents
        assert len(subjects) == len(set(subjects))
        assert subjects[len(documents) :] == sorted(subjects[len(documents) :], key=_nt_iri)


def _nt_iri(iri: str) -> bytes:
    return f"<{iri}> ".encode()


def _subject_runs(data: bytes, fmt: Format) -> list[str]:
    """The subjects of the file, one per run of triples about them, in file order."""
    if fmt is Format.N_TRIPLES:
        runs = [line.split(b" ", 1)[0] for line in data.splitlines()]
        return [key.decode()[1:-1] for key, _ in itertools.groupby(runs)]
    blocks = data.decode().split("\n\n")[1:]  # after the prefix block
    heads = (line.split()[1:3] for line in data.decode().splitlines() if line.startswith("@prefix"))
    table = {head[0]: head[1] for head in heads}
    out = []
    for block in blocks:
        head = block.split(" ", 1)[0]
        if head.startswith("<"):
            out.append(head[1:-1])
        else:
            prefix, local = head.split(":", 1)
            out.append(table[prefix + ":"][1:-1] + local)
    return out


def test_nquads_keeps_each_notice_whole(example_notices: list[Notice]) -> None:
    graphs = [map_notice(n) for n in example_notices]
    data = serialize(graphs, Format.N_QUADS)
    assert data == b"".join(codec(Format.N_QUADS).item(g) for g in graphs)
    quads = data.splitlines()
    assert len(quads) == len(set(quads)) == sum(len(g) for g in graphs)
    triples = [q.rsplit(b" ", 2)[0] for q in quads]
    assert len(triples) > len(set(triples))  # shared nodes are in every graph that uses them


def test_one_notice_is_the_same_bytes_as_its_item(example_notices: list[Notice]) -> None:
    for notice in example_notices:
        graph = map_notice(notice)
        for fmt in SETS:
            one = codec(fmt)
            assert serialize([graph], fmt) == one.wrap(one.item(graph)), (fmt, notice.id)


# -- byte identity: jobs, parts, folders, merge ------------------------------------------------


@pytest.mark.parametrize("fmt", SETS, ids=[f.value for f in SETS])
def test_the_same_bytes_for_any_jobs_folder_and_merge(tmp_path: Path, generated: Path, fmt: Format) -> None:
    single = tmp_path / f"single.{fmt.extension}"
    assert (
        cli.main(["convert", str(generated), "-f", fmt.value, "-o", str(single), "-q", "--no-validate"]) == 0
    )
    expected = single.read_bytes()
    pipeline = Pipeline(validation=None)
    for jobs in (1, 2, 3):
        out = io.BytesIO()
        convert_parallel(pipeline, [generated], {fmt: out}, jobs=jobs, executor=SerialExecutor(), min_bytes=1)
        assert out.getvalue() == expected, jobs
    for compress in (False, True):
        for parts in (1, 3, 7):
            folder = tmp_path / f"out-{compress}-{parts}"
            convert_to_directory(
                pipeline,
                [generated],
                folder,
                fmt,
                parts=parts,
                compress=compress,
                executor=SerialExecutor(),
                min_bytes=1,
            )
            files = sorted(folder.glob("part-*." + fmt.extension + (".gz" if compress else "")))
            joined = b"".join(gzip.decompress(p.read_bytes()) if compress else p.read_bytes() for p in files)
            assert joined == expected, (compress, parts)  # `cat part-*` / `zcat part-*`
            merged = tmp_path / f"merged-{compress}-{parts}"
            assert cli.main(["merge", str(folder), "-o", str(merged)]) == 0
            assert merged.read_bytes() == expected


def test_the_cli_folder_output_on_two_workers(tmp_path: Path, generated: Path) -> None:
    single = tmp_path / "single.nt"
    assert (
        cli.main(["convert", str(generated), "-f", "ntriples", "-o", str(single), "-q", "--no-validate"]) == 0
    )
    folder = tmp_path / "parts"
    argv = ["convert", str(generated), "-f", "ntriples", "-o", f"{folder}/", "-j", "2", "--compress", "-q"]
    assert cli.main([*argv, "--no-validate"]) == 0
    merged = tmp_path / "merged.nt"
    assert cli.main(["merge", str(folder), "-o", str(merged)]) == 0
    assert merged.read_bytes() == single.read_bytes()
    parts = sorted(folder.glob("part-*.nt.gz"))
    assert b"".join(gzip.decompress(p.read_bytes()) for p in parts) == single.read_bytes()  # zcat


def test_finishing_again_after_a_crash_gives_the_same_bytes(tmp_path: Path, generated: Path) -> None:
    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    pipeline.convert([generated], {Format.TURTLE: whole})
    folder = tmp_path / "out"
    kwargs = {"parts": 3, "executor": SerialExecutor(), "min_bytes": 1}
    convert_to_directory(pipeline, [generated], folder, Format.TURTLE, **kwargs)  # type: ignore[arg-type]
    # a crash while the shared nodes were appended: the last part half finished, no manifest
    last = sorted(folder.glob("part-*.ttl"))[-1]
    last.write_bytes(last.read_bytes()[:-1000] + b"<half")
    (folder / "manifest.json").unlink()
    convert_to_directory(pipeline, [generated], folder, Format.TURTLE, **kwargs)  # type: ignore[arg-type]
    merged = io.BytesIO()
    merge_directory(folder, merged)
    assert merged.getvalue() == whole.getvalue()


# -- properties ---------------------------------------------------------------------------------


def _parts(graphs: list[NoticeGraph], fmt: Format, cuts: list[int], memory: int) -> bytes:
    bounds = [0, *sorted(cuts), len(graphs)]
    parts = []
    for start, end in itertools.pairwise(bounds):
        buffer = io.BytesIO()
        shared = SharedTriples(memory=memory, recent=2, fan_in=2)
        with NoticeWriter(codec(fmt), buffer, part=True, shared=shared) as writer:
            for graph in graphs[start:end]:
                writer.add(graph)
        split_part(buffer)  # every part ends with its run and trailer
        parts.append(io.BytesIO(buffer.getvalue()))
    merged = io.BytesIO()
    codec(fmt).merge(parts, merged)
    return merged.getvalue()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(notices(), min_size=0, max_size=8, unique_by=lambda r: r["id"]),
    cuts=st.lists(st.integers(0, 8), max_size=5),
    fmt=st.sampled_from(SETS),
    memory=st.sampled_from([1, 300, 16 << 20]),
)
def test_any_partitioning_and_any_spilling_give_the_same_bytes(
    records: list[dict[str, object]], cuts: list[int], fmt: Format, memory: int
) -> None:
    graphs = [map_notice(Notice.from_dict(r)) for r in records]
    whole = serialize(graphs, fmt)
    assert _parts(graphs, fmt, [min(c, len(graphs)) for c in cuts], memory) == whole
    out = io.BytesIO()
    with NoticeWriter(codec(fmt), out, shared=SharedTriples(memory=memory, recent=1, fan_in=2)) as writer:
        for graph in graphs:
            writer.add(graph)
    assert out.getvalue() == whole
    if fmt is Format.N_TRIPLES:
        lines = whole.splitlines()
        assert len(lines) == len(set(lines))
        assert set(ox.parse(whole, ox.RdfFormat.N_TRIPLES)) == _union(graphs)


@settings(max_examples=60, deadline=None)
@given(
    batches=st.lists(
        st.lists(st.binary(max_size=6).map(lambda b: b.replace(b"\n", b"") + b"\n"), max_size=12)
    ),
    memory=st.integers(1, 200),
    recent=st.integers(0, 4),
    fan_in=st.integers(2, 4),
)
def test_shared_triples_is_a_sorted_set_in_bounded_memory(
    batches: list[list[bytes]], memory: int, recent: int, fan_in: int
) -> None:
    shared = SharedTriples(memory=memory, recent=recent, fan_in=fan_in)
    try:
        for batch in batches:
            shared.add(batch)
            assert shared.runs < fan_in  # the number of open runs stays bounded
        assert list(shared) == sorted({r for batch in batches for r in batch})
        assert list(shared) == list(shared)  # read again from the start
    finally:
        shared.close()


def test_a_damaged_part_is_refused() -> None:
    graph = map_notice(Notice.from_dict({"id": "10670/1.abc001", "titles": [{"value": "T"}]}))
    buffer = io.BytesIO()
    with codec(Format.N_TRIPLES).open(buffer, part=True) as writer:
        writer.add(graph)
    data = buffer.getvalue()
    for damaged in (data[:-5], data[: len(data) // 2], b"<a> <b> <c> .\n"):
        with pytest.raises(ValueError, match="not a part of a notice-ld output"):
            codec(Format.N_TRIPLES).merge([io.BytesIO(damaged)], io.BytesIO())
