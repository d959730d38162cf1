"""Spark: a real ``local[2]`` session runs notice_ld's part function through ``mapInArrow``; the
parts merged in order are the bytes (and the report) of ``notice-ld convert`` on one core — from
JSON Lines cut by notice_ld, from Parquet in the notice Arrow schema, and from JSON text rows.

The Arrow schema tests at the top need pyarrow only; the others start one Spark session for the
module (Java 17: ``.ci/run`` installs it) and skip cleanly without Java or PySpark.
"""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from notice_ld.formats import Format
from notice_ld.model import Notice
from notice_ld.pipeline import Pipeline

from .conftest import generated_records

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from notice_ld.pipeline.arrow_schema import (  # noqa: E402 - after the skip: needs pyarrow
    notice_columns,
    notice_schema,
    records_from_arrow,
    spark_ddl,
    to_arrow,
    write_parquet,
)

ROOT = Path(__file__).resolve().parents[1]
BAD = [
    '{"id": "10670/1.bad", "titles": []}',
    '{"id": "10670/1.bad2", "titles": [{"value": "T"}], "issued": "2019-13"}',
    "not json at all",
]


RELATED = {
    "id": "10670/1.rel001",
    "type": "dataset",
    "titles": [{"value": "Enquête, données", "lang": "fr"}],
    "access_rights": "embargoed",
    "embargo_end": "2031-06",
    "relations": [
        {"type": "is_supplement_to", "identifier": "10.5281/zenodo.1234"},
        {
            "type": "is_version_of",
            "identifier": {"scheme": "url", "value": "https://hal.science/hal-01234567"},
        },
    ],
}


def _records() -> list[dict[str, Any]]:
    examples = [
        json.loads(line) for line in (ROOT / "examples" / "notices.jsonl").read_text("utf-8").splitlines()
    ]
    return [*examples, RELATED, *generated_records(150)]


def _jsonl(path: Path, records: list[dict[str, Any]], *, bad: bool = True) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, record in enumerate(records):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            if bad and i % 40 == 7:
                fh.write(BAD[(i // 40) % len(BAD)] + "\n")
    return path


# --------------------------------------------------------------------------- the Arrow schema


def _schema_fields(schema: dict[str, Any], node: dict[str, Any]) -> set[str]:
    """Every field path of a JSON schema node (``creators.identifiers.scheme``…)."""
    found: set[str] = set()
    options = node.get("anyOf", []) + node.get("oneOf", [])
    if "$ref" in node:
        return _schema_fields(schema, schema["$defs"][node["$ref"].split("/")[-1]])
    for option in options:
        found |= _schema_fields(schema, option)
    if node.get("type") == "array":
        found |= _schema_fields(schema, node["items"])
    for name, sub in node.get("properties", {}).items():
        found.add(name)
        found |= {f"{name}.{path}" for path in _schema_fields(schema, sub)}
    return found


def _arrow_fields(kind: Any) -> set[str]:
    found: set[str] = set()
    if pa.types.is_list(kind):
        return _arrow_fields(kind.value_type)
    if pa.types.is_struct(kind):
        for field in kind:
            found.add(field.name)
            found |= {f"{field.name}.{path}" for path in _arrow_fields(field.type)}
    return found


def test_the_arrow_schema_has_every_field_of_the_notice_form_and_no_other() -> None:
    schema = Notice.model_json_schema()
    expected = _schema_fields(schema, schema)
    # the identifier union (string or {scheme, value}) is one struct: its fields are those of the object
    arrow = _arrow_fields(pa.struct(list(notice_schema())))
    assert arrow == expected
    assert set(schema["properties"]) == set(notice_columns())


def test_notices_go_through_arrow_and_parquet_unchanged(tmp_path: Path) -> None:
    notices = [Notice.from_dict(r) for r in _records()]
    path = tmp_path / "notices.parquet"
    report = write_parquet(notices, path, row_group_size=50)
    assert report.converted == len(notices)
    assert pq.ParquetFile(path).metadata.num_row_groups == -(-len(notices) // 50)
    table = pq.read_table(path)
    assert table.schema.equals(notice_schema())
    pipeline = Pipeline(validation=None)
    before, after = io.BytesIO(), io.BytesIO()
    pipeline.convert_records(notices, {Format.N_QUADS: before})
    pipeline.convert_records(list(records_from_arrow(table)), {Format.N_QUADS: after})
    assert after.getvalue() == before.getvalue()  # the same IRIs too (an ARK on gallica.bnf.fr stays there)
    assert b"<https://gallica.bnf.fr/ark:/12148/" in after.getvalue()
    assert [Notice.from_dict(r) for r in records_from_arrow(to_arrow(notices))] == notices


def test_write_parquet_reports_the_records_it_could_not_write(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", generated_records(20))
    path = tmp_path / "out.parquet"
    report = write_parquet(Pipeline().outcomes([source]), path)
    assert report.converted == 20
    assert [e.field for e in report.errors] == ["titles"]
    assert report.errors[0].record == f"10670/1.bad ({source}:9)"
    assert pq.read_table(path).num_rows == 20


def test_a_string_identifier_is_a_struct_without_scheme() -> None:
    batch = pa.RecordBatch.from_pylist(
        [{"id": {"scheme": None, "value": "10.1234/abc"}, "titles": [{"value": "T", "lang": None}]}],
        schema=notice_schema(),
    )
    [record] = records_from_arrow(batch)
    assert record == {"id": {"value": "10.1234/abc"}, "titles": [{"value": "T"}]}
    notice = Notice.from_dict(record)
    assert notice == Notice.from_dict({"id": "10.1234/abc", "titles": [{"value": "T"}]})
    assert notice.id.scheme.value == "doi"


# --------------------------------------------------------------------------- a real Spark session


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless; .ci/run does it)")
    pytest.importorskip("pyspark")
    from notice_ld.pipeline.on_spark import spark_session

    with spark_session(2) as session:
        yield session


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _jsonl(tmp_path_factory.mktemp("spark") / "in.jsonl", _records())


@pytest.mark.spark
@pytest.mark.parametrize("fmt", [Format.N_TRIPLES, Format.TURTLE])
def test_json_lines_cut_by_notice_ld_give_the_bytes_and_report_of_one_core(
    spark: Any, source: Path, fmt: Format
) -> None:
    from notice_ld.pipeline.on_spark import collect, convert_files

    said_once: list[str] = []
    pipeline = Pipeline()
    whole = io.BytesIO()
    one = dataclasses.replace(pipeline, echo=said_once.append).convert([source], {fmt: whole})
    assert one.rejected >= 5 and one.converted > 100
    # parts of about 200 kB, each in chunks of about 30 kB: many rows per part
    parts = convert_files(spark, pipeline, [source], fmt, parts=5, min_bytes=20_000, chunk_bytes=30_000)
    out = io.BytesIO()
    said: list[str] = []
    report = collect(parts, out, fmt, pipeline=dataclasses.replace(pipeline, echo=said.append))
    assert out.getvalue() == whole.getvalue()
    assert report == one.as_dict()
    assert said == said_once  # the messages, in input order
    assert report["errors"][0]["record"] == f"10670/1.bad ({source}:9)"


@pytest.mark.spark
def test_parquet_in_the_lake_gives_the_bytes_of_one_core_in_file_order(
    spark: Any, source: Path, tmp_path: Path
) -> None:
    from pyspark.sql import functions as F

    from notice_ld.pipeline.on_spark import collect, convert_frame

    pipeline = Pipeline()
    lake = tmp_path / "lake"
    lake.mkdir()
    report = write_parquet(pipeline.outcomes([source]), lake / "notices.parquet", row_group_size=40)
    assert report.rejected == sum(1 for line in source.read_text("utf-8").splitlines() if line in BAD)
    frame = (
        spark.read.schema(spark_ddl())
        .parquet(str(lake))
        .select("*", F.col("_metadata.file_path").alias("file"), F.col("_metadata.row_index").alias("row"))
    )
    whole = io.BytesIO()
    one = pipeline.convert_records(_records(), {Format.TURTLE: whole})
    out = io.BytesIO()
    merged = collect(
        convert_frame(frame, pipeline, Format.TURTLE, order_by=["file", "row"], parts=3), out, Format.TURTLE
    )
    assert out.getvalue() == whole.getvalue()
    assert (merged["converted"], merged["rejected"]) == (one.converted, one.rejected)


@pytest.mark.spark
def test_rows_that_are_not_notices_are_rejected_by_key_and_the_others_go_through(spark: Any) -> None:
    from notice_ld.pipeline.on_spark import collect, convert_frame

    good = [
        {"key": i, "json": json.dumps(r, ensure_ascii=False)} for i, r in enumerate(generated_records(30))
    ]
    rows = [
        *good[:10],
        {"key": 100, "json": BAD[0]},
        {"key": 101, "json": "{oops"},
        {"key": 102, "json": None},
        {"key": 103, "json": "  "},  # a blank line: skipped, as in JSON Lines
    ]
    rows += [dict(r, key=r["key"] + 200) for r in good[10:]]
    frame = spark.createDataFrame(rows, "key BIGINT, json STRING")
    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    pipeline.convert_records(generated_records(30), {Format.N_TRIPLES: whole})
    out = io.BytesIO()
    report = collect(
        convert_frame(frame, pipeline, Format.N_TRIPLES, order_by="key", parts=2), out, Format.N_TRIPLES
    )
    assert out.getvalue() == whole.getvalue()
    assert report["converted"] == 30
    assert [(e["record"], e["field"]) for e in report["errors"]] == [
        ("10670/1.bad (key=100)", "titles"),
        ("key=101", ""),
        ("key=102", ""),
    ]
    assert "not valid JSON" in report["errors"][1]["problem"]


@pytest.mark.spark
def test_json_lines_read_as_text_by_spark_in_file_order(spark: Any, source: Path) -> None:
    """The recipe of docs/scaling-spark.md: lines read by Spark in splits of 100 kB, put back in
    file order by (file, block, position), give the one-core bytes."""
    from pyspark.sql import functions as F

    from notice_ld.pipeline.on_spark import collect, convert_frame

    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    one = pipeline.convert([source], {Format.N_TRIPLES: whole})
    previous = spark.conf.get("spark.sql.files.maxPartitionBytes")
    spark.conf.set("spark.sql.files.maxPartitionBytes", "100000")
    try:
        lines = (
            spark.read.text(str(source))
            .withColumnRenamed("value", "json")
            .select(
                "json",
                F.col("_metadata.file_path").alias("file"),
                F.col("_metadata.file_block_start").alias("block"),
                F.monotonically_increasing_id().alias("position"),
            )
        )
        parts = convert_frame(
            lines, pipeline, Format.N_TRIPLES, order_by=["file", "block", "position"], parts=3
        )
        out = io.BytesIO()
        report = collect(parts, out, Format.N_TRIPLES)
    finally:
        spark.conf.set("spark.sql.files.maxPartitionBytes", previous)
    assert out.getvalue() == whole.getvalue()
    assert (report["converted"], report["rejected"]) == (one.converted, one.rejected)


@pytest.mark.spark
def test_a_notice_table_with_a_bad_row_rejects_that_row_only(spark: Any, tmp_path: Path) -> None:
    from notice_ld.pipeline.on_spark import collect, convert_frame

    rows = [Notice.from_dict(r).to_dict() for r in generated_records(6)]
    rows[2] = {"id": {"value": "10670/1.nottitled"}, "titles": []}
    rows[4]["creators"][0]["identifiers"] = [{"scheme": "orcid", "value": "0000-0002-1825-0098"}]  # bad digit
    pq.write_table(pa.Table.from_pylist(rows, schema=notice_schema()), tmp_path / "foreign.parquet")
    frame = spark.read.parquet(str(tmp_path / "foreign.parquet"))
    out = io.BytesIO()
    report = collect(
        convert_frame(frame, Pipeline(validation=None), Format.N_TRIPLES, order_by="id"),
        out,
        Format.N_TRIPLES,
    )
    assert report["converted"] == 4
    errors = {e["record"]: e["field"] for e in report["errors"]}
    assert errors["10670/1.nottitled (id=10670/1.nottitled)"] == "titles"
    assert [field for field in errors.values() if field != "titles"] == ["creators[0].identifiers[0]"]


@pytest.mark.spark
def test_the_executor_runs_folder_outputs_and_resumes(spark: Any, source: Path, tmp_path: Path) -> None:
    from notice_ld.pipeline.directory import convert_to_directory, merge_directory
    from notice_ld.pipeline.on_spark import SparkExecutor

    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    one = pipeline.convert([source], {Format.TURTLE: whole})
    folder = tmp_path / "out"
    report = convert_to_directory(
        pipeline, [source], folder, Format.TURTLE, parts=4, min_bytes=20_000, executor=SparkExecutor(spark)
    )
    assert report == one.as_dict()
    merged = io.BytesIO()
    merge_directory(folder, merged)
    assert merged.getvalue() == whole.getvalue()
    parts = sorted(folder.glob("part-*.ttl"))
    assert len(parts) >= 2 and b"".join(p.read_bytes() for p in parts) == whole.getvalue()


@pytest.mark.spark
def test_convert_engine_spark_on_the_command_line(spark: Any, source: Path, tmp_path: Path) -> None:
    """``notice-ld convert --engine spark`` (here on the module's session, which it leaves running):
    the same file and report as ``--jobs 1``."""
    from notice_ld.cli import main

    one, many = tmp_path / "one.nt", tmp_path / "many.nt"
    base = ["convert", str(source), "-f", "nt", "--no-validate", "-q"]
    assert main([*base, "-o", str(one), "--report", str(tmp_path / "one.json")]) == 1
    code = main(
        [*base, "-o", str(many), "--engine", "spark", "-j", "2", "--report", str(tmp_path / "many.json")]
    )
    assert code == 1
    assert many.read_bytes() == one.read_bytes()
    assert (tmp_path / "many.json").read_bytes() == (tmp_path / "one.json").read_bytes()
    assert spark.range(3).count() == 3  # still running


_CONNECT = """
import io, sys
from pyspark.sql import functions as F
from notice_ld.formats import Format
from notice_ld.pipeline import Pipeline
from notice_ld.pipeline.arrow_schema import spark_ddl
from notice_ld.pipeline.on_spark import collect, convert_files, convert_frame, spark_session

folder = sys.argv[1]
pipeline = Pipeline(validation=None)
with spark_session(remote="local[2]") as spark:
    assert type(spark).__module__.startswith("pyspark.sql.connect"), type(spark)
    for name, parts in (
        ("files", convert_files(spark, pipeline, [folder + "/in.jsonl"], Format.TURTLE, parts=3,
                                min_bytes=1)),
        ("frame", convert_frame(
            spark.read.schema(spark_ddl()).parquet(folder + "/in.parquet")
            .select("*", F.col("_metadata.row_index").alias("row")),
            pipeline, Format.TURTLE, order_by="row", parts=2)),
    ):
        with open(f"{folder}/{name}.ttl", "wb") as out:
            collect(parts, out, Format.TURTLE)
"""


@pytest.mark.spark
def test_the_same_functions_run_over_spark_connect(spark: Any, tmp_path: Path) -> None:
    """A Spark Connect session (a local Connect server, in its own process: a process holds one
    kind of session) runs the same part functions: the same bytes."""
    records = generated_records(40)
    _jsonl(tmp_path / "in.jsonl", records, bad=False)
    write_parquet(records, tmp_path / "in.parquet", row_group_size=15)
    whole = io.BytesIO()
    Pipeline(validation=None).convert_records(records, {Format.TURTLE: whole})
    done = subprocess.run(
        [sys.executable, "-c", _CONNECT, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=540,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "files.ttl").read_bytes() == whole.getvalue()
    assert (tmp_path / "frame.ttl").read_bytes() == whole.getvalue()
