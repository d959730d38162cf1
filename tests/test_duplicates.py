"""Duplicate ids in one run: the first record keeps the id, later ones are rejected naming both
places — in every command, and with the same bytes and report on one core, on several, and in a
directory output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from notice_ld import cli
from notice_ld.formats import Format
from notice_ld.pipeline import Pipeline, Validation
from notice_ld.pipeline.directory import convert_to_directory, merge_directory
from notice_ld.pipeline.duplicates import Claims, IdTable, id_key
from notice_ld.pipeline.parallel import SerialExecutor, convert_parallel, validate_parallel

from .conftest import generated_records


def _line(ident: str, title: str, **more: object) -> str:
    return json.dumps({"id": ident, "titles": [{"value": title}], **more}, ensure_ascii=False)


@pytest.fixture
def two_files(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.jsonl"
    b = tmp_path / "b.jsonl"
    a.write_text(_line("10670/1.a", "First A") + "\n" + _line("10670/1.b", "B") + "\n", encoding="utf-8")
    # a blank line: places are lines, not ranks; hdl: and the bare Handle are one id
    b.write_text(
        _line("10670/1.c", "C") + "\n\n" + _line("hdl:10670/1.a", "A again", type="book") + "\n",
        encoding="utf-8",
    )
    return a, b


def test_a_later_record_with_the_same_id_is_rejected_naming_both_places(two_files: tuple[Path, Path]) -> None:
    a, b = two_files
    out = io.BytesIO()
    report = Pipeline(validation=None).convert([a, b], {Format.N_TRIPLES: out})
    assert (report.converted, report.rejected) == (3, 1)
    error = report.errors[0]
    assert error.record == f"10670/1.a ({b}:3)"
    assert error.field == "id"
    assert error.problem == f"the id is already used by the record at {a}:1"
    assert "own identifier" in error.fix
    text = out.getvalue().decode()
    assert '"First A"' in text and "A again" not in text and "Book" not in text


def test_the_command_line_says_so_and_fails(
    two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_files
    out = a.parent / "out.nt"
    status = cli.main(["convert", str(a), str(b), "-f", "nt", "-o", str(out), "--no-validate"])
    err = capsys.readouterr().err
    assert status == 1
    assert (
        f"rejected record 10670/1.a ({b}:3), field id: the id is already used by the record at {a}:1" in err
    )
    assert "A again" not in out.read_text(encoding="utf-8")


def test_a_repeat_in_the_same_file_and_in_other_formats(tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([json.loads(_line("10.1234/x", "X")), json.loads(_line("10.1234/X", "X2"))]))
    report = Pipeline(validation=None).convert([path], {Format.N_TRIPLES: io.BytesIO()})
    # DOIs are case-insensitive (kept in lower case): one id; a JSON array numbers its records
    assert [str(e) for e in report.errors] == [
        f"record 10.1234/x ({path}, record 2), field id: the id is already used by the record at "
        f"{path}, record 1 (fix: give this record its own identifier, or merge it into the first record, "
        "which is kept)"
    ]


def test_validate_reports_the_duplicate(two_files: tuple[Path, Path]) -> None:
    a, b = two_files
    reports = list(Pipeline().validate([a, b]))
    assert len(reports) == 4
    assert not reports[-1].conforms
    assert "already used by the record at" in reports[-1].results[0].message
    parallel = validate_parallel(Pipeline(), [a, b], jobs=2, executor=SerialExecutor(), min_bytes=16)
    assert [r.to_json() for r in parallel] == [r.to_json() for r in reports]


def test_validate_command_across_inputs(
    two_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = two_files
    assert cli.main(["validate", str(a), str(b)]) == 1
    assert "already used by the record at" in capsys.readouterr().out
    assert cli.main(["validate", str(a), str(b), "--jobs", "2"]) == 1
    assert "already used by the record at" in capsys.readouterr().out


def test_load_rejects_the_duplicate(two_files: tuple[Path, Path], tmp_path: Path) -> None:
    from notice_ld.stores import EmbeddedOptions, StoreKind, open_store

    a, b = two_files
    store = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(str(tmp_path / "store")))
    try:
        report = Pipeline().load([a, b], store)
    finally:
        store.close()
    assert report.added == 3
    assert [str(e.record) for e in report.rejected] == [f"10670/1.a ({b}:3)"]


def _corpus(tmp_path: Path) -> list[Path]:
    """Generated notices over three files, with repeats inside a file and across files — so,
    cut in small parts, across parts — some of them several times."""
    records = generated_records(120, seed=7)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    repeats = [lines[3], lines[50], lines[3], lines[119], lines[0]]
    files = []
    for number, chunk in enumerate(
        ([*lines[:40], repeats[0]], lines[40:80] + repeats[1:3], lines[80:] + repeats[3:])
    ):
        path = tmp_path / f"in{number}.jsonl"
        path.write_text("\n".join(chunk) + "\n", encoding="utf-8")
        files.append(path)
    return files


@pytest.mark.parametrize("fmt", [Format.N_QUADS, Format.TURTLE, Format.JSON_LD])
def test_parts_on_two_processes_and_directories_equal_one_core(tmp_path: Path, fmt: Format) -> None:
    files = _corpus(tmp_path)
    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    one = pipeline.convert(files, {fmt: whole}).as_dict()
    assert one["rejected"] == 5
    assert all("already used by the record at" in e["problem"] for e in one["errors"])
    parted = io.BytesIO()
    # real worker processes, parts of a few records: the repeats fall in other parts
    two = convert_parallel(pipeline, files, {fmt: parted}, jobs=2, min_bytes=4096).as_dict()
    assert (parted.getvalue(), two) == (whole.getvalue(), one)
    folder = tmp_path / "out"
    report = convert_to_directory(pipeline, files, folder, fmt, jobs=2, parts=9, min_bytes=4096)
    merged = io.BytesIO()
    merge_directory(folder, merged)
    assert (merged.getvalue(), report) == (whole.getvalue(), one)


def test_a_resumed_directory_run_rejects_the_same(tmp_path: Path) -> None:
    files = _corpus(tmp_path)
    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    one = pipeline.convert(files, {Format.N_TRIPLES: whole}).as_dict()
    folder = tmp_path / "out"

    def run() -> dict[str, object]:
        return convert_to_directory(
            pipeline,
            files,
            folder,
            Format.N_TRIPLES,
            jobs=1,
            parts=7,
            min_bytes=2048,
            executor=SerialExecutor(),
        )

    run()
    # a crash before the end: the manifest is not complete, an early part is lost
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["complete"] = False
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "part-00000.report.json").unlink()
    report = run()
    merged = io.BytesIO()
    merge_directory(folder, merged)
    assert (merged.getvalue(), report) == (whole.getvalue(), one)


def test_the_command_line_with_jobs_and_directories(tmp_path: Path) -> None:
    files = [str(p) for p in _corpus(tmp_path)]
    reports = []
    outputs = []
    for extra, out in (([], "one.nq"), (["--jobs", "2"], "two.nq"), (["--jobs", "2"], "dir/")):
        report = tmp_path / f"{out.strip('/')}.json"
        target = tmp_path / out
        where = f"{target}/" if out.endswith("/") else str(target)  # a trailing slash: a folder
        status = cli.main(
            ["convert", *files, "-f", "nquads", "-o", where, "--report", str(report), "-q", *extra]
        )
        assert status == 1
        reports.append(json.loads(report.read_text()))
        if out.endswith("/"):
            merged = io.BytesIO()
            merge_directory(target, merged)
            outputs.append(merged.getvalue())
        else:
            outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert reports[0] == reports[1] == reports[2]
    assert reports[0]["rejected"] == 5


def test_the_id_table_keeps_the_first_place() -> None:
    table = IdTable(capacity=2)
    keys = [id_key(f"https://hdl.handle.net/10670/1.{i}") for i in range(10_000)]
    assert all(table.add(key, i) is None for i, key in enumerate(keys))
    assert [table.get(key) for key in keys[:3]] == [0, 1, 2]
    assert table.add(keys[5], 99) == 5 and len(table) == 10_000


def test_claims_told_about_an_earlier_part() -> None:
    key = id_key("https://hdl.handle.net/10670/1.a")
    claims = Claims(first_source=4, excluded={key: "a.jsonl:1"})
    claims.name(4, "b.jsonl", lines=True)
    # every copy in this part names the first record of the run, not this part's first
    assert claims.check(4, 2, "https://hdl.handle.net/10670/1.a") == "a.jsonl:1"
    assert claims.check(4, 9, "https://hdl.handle.net/10670/1.a") == "a.jsonl:1"
    assert list(claims.claimed().keys) == [key]


def test_records_given_as_dicts_are_checked_too() -> None:
    records = [json.loads(_line("10670/1.a", "A")), json.loads(_line("10670/1.a", "A2"))]
    report = Pipeline(validation=Validation()).convert_records(records, {Format.N_TRIPLES: io.BytesIO()})
    assert report.converted == 1
