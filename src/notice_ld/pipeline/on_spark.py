"""Running a conversion on Apache Spark (``pip install "notice-ld[spark]"``), for records in a data lake.

Spark only maps notice_ld's part function over parts; reading, mapping, validating and writing a
part, and merging the parts, stay in notice_ld, so the output is byte for byte the one-core
output. Everything goes through DataFrame ``mapInArrow``, so it works the same over a classic
session and over **Spark Connect** (which has no RDD API).

Two ways in, one result:

* :func:`convert_files` — JSON Lines (or any input notice_ld reads) **that notice_ld cuts**: byte
  ranges on line boundaries (:func:`~notice_ld.pipeline.sources.partition`); records keep their
  ``file:line`` names. Executors read the files, so they must see them at the same path (a shared
  or mounted file system).
* :func:`convert_frame` — records **already in Spark**: a DataFrame in the notice schema
  (:mod:`notice_ld.pipeline.arrow_schema`: ``spark.read.schema(spark_ddl()).parquet(…)``, a
  table), or with one ``json`` string column holding each record's JSON text
  (``spark.read.text(…)`` renamed). Records are put in the order of ``order_by`` (unique
  columns); each range of that order is converted as a part, records named by their key.

Both give a DataFrame of parts (:data:`OUTPUT_DDL`): ``part`` (the order key of the part),
``chunk`` and ``data`` (its bytes, written with ``part=True``, in chunks of about 1 MiB: the JVM
copies a row whole), and on a part's last chunk ``converted``, ``rejected``, ``deleted``,
``report`` (the part's JSON report) and ``lines`` (the messages the run would print). The parts
in ``(part, chunk)`` order, merged by the format's codec, are the document one core writes for
the same records in the same order; :func:`collect` does that into a binary file and returns
the merged report. A DataFrame of parts can also be written as it is (``.write.parquet``) and merged later.

:class:`SparkExecutor` is the same idea as an :class:`~notice_ld.pipeline.parallel.Executor`:
``convert --engine spark`` runs :func:`~notice_ld.pipeline.parallel.convert_parallel` and folder
outputs through it.

>>> OUTPUT_DDL.split(", ")[:3]
['part BIGINT', 'chunk BIGINT', 'data BINARY']
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import itertools
import json
import os
import pickle
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Final, TypeVar

from notice_ld.errors import ConfigError, RecordError
from notice_ld.formats import Format
from notice_ld.pipeline.sources import Part, Source, partition
from notice_ld.readers import InputFormat

if TYPE_CHECKING:
    from notice_ld.pipeline import Pipeline
    from notice_ld.readers import Outcome

__all__ = [
    "CHUNK_BYTES",
    "OUTPUT_DDL",
    "SparkExecutor",
    "collect",
    "convert_files",
    "convert_frame",
    "spark_session",
]

OUTPUT_DDL: Final = (
    "part BIGINT, chunk BIGINT, data BINARY, converted BIGINT, rejected BIGINT, deleted BIGINT, "
    "report STRING, lines ARRAY<STRING>"
)
"""The schema of a DataFrame of converted parts (see the module docs)."""

_PART_BITS: Final = 32  # convert_frame: part = Spark partition << 32 | batch number in it
CHUNK_BYTES: Final = 1 << 20
"""A part's bytes go in rows of about this size (the JVM copies a row whole: keep rows small)."""

_T = TypeVar("_T")
_R = TypeVar("_R")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Leave out PySpark's warnings about pandas versions (nothing here uses pandas) and about
    settings a Connect server started here already has."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*[Pp]andas.*", category=FutureWarning)
        warnings.filterwarnings("ignore", message="Failed to set spark", category=UserWarning)
        yield


# --------------------------------------------------------------------------- the part function


def _part_rows(
    job: _FileParts | _RecordParts, key: int, outcomes: Callable[[Pipeline], Iterable[Outcome]]
) -> Iterator[Any]:
    """Convert one part (what :meth:`Pipeline.convert` does with ``part=True``), its bytes in
    chunks of about ``job.chunk_bytes`` as they are written (a worker holds one chunk); the last chunk
    carries the part's counts, report and messages (rows of :data:`OUTPUT_DDL`)."""
    from notice_ld.writers import codec

    lines: list[str] = []
    worker = dataclasses.replace(job.pipeline, echo=lines.append)
    report = worker.new_report()
    buffer = io.BytesIO()
    chunk = 0
    with codec(job.fmt, job.lang).open(buffer, part=True) as writer:
        for graph in worker.graphs(outcomes(worker), report):
            writer.add(graph)
            if buffer.tell() >= job.chunk_bytes:
                yield _batch({"part": key, "chunk": chunk, "data": buffer.getvalue()})
                chunk += 1
                buffer.seek(0)
                buffer.truncate()
    whole = report.as_dict()
    yield _batch(
        {
            "part": key,
            "chunk": chunk,
            "data": buffer.getvalue(),
            "converted": whole["converted"],
            "rejected": whole["rejected"],
            "deleted": whole["deleted"],
            "report": json.dumps(whole, ensure_ascii=False),
            "lines": lines,
        }
    )


def _batch(row: dict[str, Any]) -> Any:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist([row], schema=_output_schema())


def _output_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("part", pa.int64()),
            ("chunk", pa.int64()),
            ("data", pa.binary()),
            ("converted", pa.int64()),
            ("rejected", pa.int64()),
            ("deleted", pa.int64()),
            ("report", pa.string()),
            ("lines", pa.list_(pa.string())),
        ]
    )


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "path": source.path,
        "format": source.format.value if source.format else None,
        "start": source.start,
        "end": source.end,
        "first_line": source.first_line,
    }


def _source(data: dict[str, Any]) -> Source:
    fmt = data["format"]
    return Source(
        data["path"], InputFormat(fmt) if fmt else None, data["start"], data["end"], data["first_line"]
    )


@dataclass(frozen=True)
class _FileParts:
    """The part function of :func:`convert_files`: each row names a part (its slices, as JSON)."""

    pipeline: Pipeline
    fmt: Format
    lang: str | None
    chunk_bytes: int

    def __call__(self, batches: Iterable[Any]) -> Iterator[Any]:
        for batch in batches:
            for key, slices in zip(
                batch.column("part").to_pylist(), batch.column("sources").to_pylist(), strict=True
            ):
                part: Part = tuple(_source(s) for s in json.loads(slices))

                def outcomes(worker: Pipeline, part: Part = part) -> Iterable[Outcome]:
                    return worker.outcomes(part)

                yield from _part_rows(self, key, outcomes)


@dataclass(frozen=True)
class _RecordParts:
    """The part function of :func:`convert_frame`: each Arrow batch (a range of the order) is a part."""

    pipeline: Pipeline
    fmt: Format
    lang: str | None
    chunk_bytes: int
    keys: tuple[str, ...]

    def __call__(self, batches: Iterable[Any]) -> Iterator[Any]:
        from pyspark import TaskContext

        context = TaskContext.get()
        partition_id = context.partitionId() if context is not None else 0
        for number, batch in enumerate(batches):
            if batch.num_rows == 0:
                continue
            read = list(self._outcomes(batch))
            key = (partition_id << _PART_BITS) | number

            def outcomes(worker: Pipeline, read: list[Outcome] = read) -> Iterable[Outcome]:
                return read

            yield from _part_rows(self, key, outcomes)

    def _outcomes(self, batch: Any) -> Iterator[Outcome]:
        from notice_ld.pipeline.arrow_schema import JSON_COLUMN, records_from_arrow
        from notice_ld.readers.jsonl import to_outcome

        keys = zip(*(_column(batch, k) for k in self.keys), strict=True)
        names = [_key_name(self.keys, values) for values in keys]
        if JSON_COLUMN in batch.schema.names:
            limit = self.pipeline.reader_options.max_record_bytes
            for name, text in zip(names, batch.column(JSON_COLUMN).to_pylist(), strict=True):
                if text is None or text.strip():  # blank lines are skipped, as in JSON Lines
                    yield _from_json(text, name, limit)
        else:
            for name, record in zip(names, records_from_arrow(batch), strict=True):
                yield to_outcome(record, name)


def _column(batch: Any, name: str) -> list[Any]:
    return list(batch.column(name).to_pylist())


def _key_name(keys: Sequence[str], values: Sequence[Any]) -> str:
    """How a record of a DataFrame is named in reports: its order key (``id=…``)."""
    shown = []
    for key, value in zip(keys, values, strict=True):
        if isinstance(value, dict) and "value" in value:
            value = value["value"]
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
        shown.append(f"{key}={text}")
    return ", ".join(shown)


def _from_json(text: str | None, name: str, limit: int) -> Outcome:
    """One record's JSON text as a notice or a record error (what the JSON Lines reader does for a line)."""
    from notice_ld.readers.jsonl import to_outcome

    if text is None:
        return RecordError(
            record=name, problem="the record has no JSON text (null)", fix="give the record's JSON text"
        )
    if len(text.encode("utf-8")) > limit:
        return RecordError(
            record=name,
            problem=f"the record is over the limit of {limit:,} bytes",
            fix="raise the limit (ReaderOptions.max_record_bytes), or split the record",
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordError(
            record=name,
            problem=f"not valid JSON ({exc.msg} at column {exc.colno})",
            fix="write one complete JSON object per record",
        )
    except (RecursionError, ValueError):
        return RecordError(
            record=name,
            problem="the record nests too deeply or holds a number too long to read",
            fix="write identifiers and long numbers as JSON strings; a notice is a few levels deep",
        )
    return to_outcome(data, name)


# --------------------------------------------------------------------------- the public functions


def _one_per_partition(frame: Any, key: str, count: int) -> Any:
    """Rows in ``key`` order, about one per partition, partitions in ``key`` order.

    The output of the part function is then in order as Spark gives it: no sort after it (a
    Spark sort samples its input first, and would run every part twice).
    """
    return frame.repartitionByRange(max(1, count), key).sortWithinPartitions(key)


def convert_files(
    spark: Any,
    pipeline: Pipeline,
    inputs: Sequence[Source | str | os.PathLike[str]],
    fmt: Format,
    *,
    lang: str | None = None,
    parts: int = 64,
    min_bytes: int = 1 << 20,
    chunk_bytes: int = CHUNK_BYTES,
) -> Any:
    """The DataFrame of converted parts (:data:`OUTPUT_DDL`) of ``inputs``, cut by notice_ld into
    about ``parts`` parts of at least ``min_bytes`` (JSON Lines cut on line boundaries; other
    files whole); one Spark task per part, its bytes in rows of about ``chunk_bytes``. Nothing
    runs before an action (:func:`collect`).

    ``spark`` is a ``SparkSession``, classic or Connect; executors must see ``inputs`` at the same
    paths.
    """
    cut = partition(pipeline.sources(inputs), parts=max(1, parts), min_bytes=min_bytes)
    rows = [(index, json.dumps([_source_json(s) for s in part])) for index, part in enumerate(cut)]
    with _quiet():
        frame = _one_per_partition(
            spark.createDataFrame(rows, "part BIGINT, sources STRING"), "part", len(rows)
        )
        return frame.mapInArrow(_FileParts(pipeline, fmt, lang, max(1, chunk_bytes)), OUTPUT_DDL)


def convert_frame(
    frame: Any,
    pipeline: Pipeline,
    fmt: Format,
    *,
    order_by: str | Sequence[str],
    lang: str | None = None,
    parts: int | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> Any:
    """The DataFrame of converted parts (:data:`OUTPUT_DDL`) of the records of ``frame``, in the
    order of the ``order_by`` columns (which should be unique: records with equal keys have no
    fixed order), in about ``parts`` ranges (default: Spark's shuffle partitions).

    ``frame`` holds the notice columns (:func:`~notice_ld.pipeline.arrow_schema.spark_ddl`; other
    columns are not read) or a ``json`` string column with each record's JSON text. A record that
    is not a valid notice is rejected, named by its key (``id=…``), and the others go through.
    """
    keys = (order_by,) if isinstance(order_by, str) else tuple(order_by)
    if not keys:
        raise ConfigError("give the column(s) that order the records (order_by)")
    missing = [k for k in keys if k not in frame.columns]
    if missing:
        raise ConfigError(
            f"no column {', '.join(missing)} to order the records by (columns: {frame.columns})"
        )
    with _quiet():
        ranged = frame.repartitionByRange(parts, *keys) if parts else frame.repartitionByRange(*keys)
        return ranged.sortWithinPartitions(*keys).mapInArrow(
            _RecordParts(pipeline, fmt, lang, max(1, chunk_bytes), keys), OUTPUT_DDL
        )


def collect(
    parts: Any, out: IO[bytes], fmt: Format, *, lang: str | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """Run a DataFrame of converted parts and merge it, in ``part`` order, into ``out``: the bytes
    one core writes. Returns the merged JSON report (what ``convert --report`` writes); the parts'
    messages go to ``pipeline.echo`` when given.

    The parts are computed at once on the cluster (kept in its memory and disks), then fetched
    in order, one Spark partition at a time (the driver holds one partition's rows). ``parts``
    must be in ``(part, chunk)`` order as Spark gives it — what :func:`convert_files` and
    :func:`convert_frame` give; a DataFrame of parts read back from storage:
    ``.orderBy("part", "chunk")`` first.
    """
    from pyspark import StorageLevel

    from notice_ld.pipeline.directory import merge_report_dicts
    from notice_ld.pipeline.parallel import echo_lines
    from notice_ld.writers import codec

    reports: list[dict[str, Any]] = []

    def read(rows: Iterable[Any]) -> Iterator[IO[bytes]]:
        """One stream per part, reading its chunks as the merge goes."""
        order = (-1, -1)
        ahead: list[Any] = []
        source = iter(rows)

        def chunks(part: int) -> Iterator[bytes]:
            nonlocal order
            while ahead and ahead[0]["part"] == part:
                row = ahead.pop(0)
                if (row["part"], row["chunk"]) <= order:
                    raise ConfigError("the parts are not in order: sort them by 'part' and 'chunk' first")
                order = (row["part"], row["chunk"])
                if row["report"] is not None:  # a part's last chunk
                    reports.append(json.loads(row["report"]))
                    if pipeline is not None:
                        echo_lines(pipeline, row["lines"])
                yield row["data"]
                ahead.extend(itertools.islice(source, 1))

        ahead.extend(itertools.islice(source, 1))
        while ahead:
            body = chunks(ahead[0]["part"])
            yield io.BufferedReader(_Chunks(body), CHUNK_BYTES)
            for _ in body:  # what the merge did not read (an empty part)
                pass

    with _quiet():
        stored = parts.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            stored.count()  # every part at once, on the cluster; then fetched in order
            codec(fmt, lang).merge(read(stored.toLocalIterator()), out)
        finally:
            stored.unpersist()
    return merge_report_dicts(reports)


class _Chunks(io.RawIOBase):
    """The bytes of a sequence of chunks, as a readable stream."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = memoryview(chunk)
        size = min(len(buffer), len(self._left))
        buffer[:size] = self._left[:size]
        self._left = self._left[size:]
        return size


# --------------------------------------------------------------------------- an Executor


@dataclass(frozen=True)
class _Apply:
    """Runs a picklable function over the pickled tasks of a batch (the executor's part function)."""

    function: Callable[[Any], Any]

    def __call__(self, batches: Iterable[Any]) -> Iterator[Any]:
        import pyarrow as pa

        for batch in batches:
            for index, task in zip(
                batch.column("index").to_pylist(), batch.column("task").to_pylist(), strict=True
            ):
                result = self.function(pickle.loads(task))  # noqa: S301 - our own task, from the driver
                yield pa.RecordBatch.from_pydict(
                    {"index": [index], "result": [pickle.dumps(result)]},
                    schema=pa.schema([("index", pa.int64()), ("result", pa.binary())]),
                )


class SparkExecutor:
    """An :class:`~notice_ld.pipeline.parallel.Executor` on a ``SparkSession``: one Spark task per
    item, through ``mapInArrow``; the results in item order.

    Functions and items are pickled: workers need notice_ld installed, and with file outputs
    (``convert_parallel``, folder outputs) the same file system as the driver.

    >>> import inspect
    >>> "map" in dict(inspect.getmembers(SparkExecutor))
    True
    """

    def __init__(self, spark: Any) -> None:
        self.spark = spark

    def map(self, fn: Callable[[_T], _R], *iterables: Iterable[_T]) -> Iterator[_R]:
        """``fn`` over the items on the cluster; the results in order (a failed task raises)."""
        if len(iterables) != 1:
            raise TypeError("SparkExecutor.map takes one iterable of items")
        tasks = [(index, pickle.dumps(item)) for index, item in enumerate(iterables[0])]
        if not tasks:
            return iter(())
        with _quiet():
            frame = self.spark.createDataFrame(tasks, "index BIGINT, task BINARY")
            frame = _one_per_partition(frame, "index", len(tasks))
            rows = frame.mapInArrow(_Apply(fn), "index BIGINT, result BINARY").collect()
        rows.sort(key=lambda row: row["index"])  # sorted here: a Spark sort would run the tasks twice
        return (pickle.loads(row["result"]) for row in rows)  # noqa: S301 - our own workers' results


_LOCAL_CONF: Final = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.connect.grpc.binding.address": "127.0.0.1",
    "spark.driver.memory": "2g",  # local mode: the driver is the executor too (1g ran out at 20,000 notices)
}


def _start(builder: Any, *, local: bool) -> Any:
    """Start the session; a local JVM binds to 127.0.0.1 (``SPARK_LOCAL_IP`` while it starts)."""
    if not local or "SPARK_LOCAL_IP" in os.environ:
        return builder.getOrCreate()
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    try:
        return builder.getOrCreate()
    finally:
        del os.environ["SPARK_LOCAL_IP"]


@contextlib.contextmanager
def spark_session(workers: int = 2, *, remote: str | None = None, app: str = "notice-ld") -> Iterator[Any]:
    """A ``SparkSession``: ``local[workers]`` on 127.0.0.1 without UI, or a Spark Connect session
    on ``remote`` (``sc://HOST:15002``, or ``SPARK_REMOTE``; ``local[N]`` starts a Connect server
    in this process), stopped at the end. The session already active in this process (a
    notebook's), or the one ``spark-submit`` set up (its master, its configuration), is used as it
    is and left running.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError:  # pragma: no cover - depends on the installation
        raise ConfigError('the Spark engine needs PySpark: pip install "notice-ld[spark]"') from None
    local = remote is None and not os.environ.get("SPARK_REMOTE")
    with _quiet():
        given = SparkSession.getActiveSession() if remote is None else None
        if given is None and local and os.environ.get("PYSPARK_GATEWAY_PORT"):  # under spark-submit
            given = SparkSession.builder.appName(app).getOrCreate()
    if given is not None:
        yield given
        return
    if local:
        builder = SparkSession.builder.master(f"local[{max(1, workers)}]")
    else:
        builder = SparkSession.builder.remote(remote) if remote else SparkSession.builder
    here = local or (remote or "").startswith("local")  # a JVM started here: loopback only, no UI
    if here:
        for key, value in _LOCAL_CONF.items():
            builder = builder.config(key, value)
        builder = builder.config("spark.sql.shuffle.partitions", str(max(1, workers) * 4))
    with _quiet():
        session = _start(builder.appName(app), local=here)
    try:
        yield session
    finally:
        session.stop()
