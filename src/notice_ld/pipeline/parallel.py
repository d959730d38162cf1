"""Parallel runs: the parts of a run on worker processes (or any executor), merged in order.

notice_ld cuts the input (:func:`~notice_ld.pipeline.sources.partition`), each task converts one
part into part files (:func:`convert_part`), and the parts are merged in input order: the output
bytes and the report are those of the same run on one core, for every format and any number of
workers. The executor only maps a function over parts — a
:class:`concurrent.futures.ProcessPoolExecutor` by default; a Dask client's or Spark's map fits
the same :class:`Executor` shape — all the logic (cutting, committing a part, merging) is here.

A part's file is written under a temporary name, synced and renamed: a task that dies leaves no
part behind, and a task run twice writes the same bytes. Each part rejects the ids it sees twice
and reports the ids it saw first; a part holding a later copy of an id an earlier part saw first
runs again, told so (:mod:`notice_ld.pipeline.duplicates`): duplicates across parts are rejected
exactly as in one run.

>>> import io, json, os, tempfile
>>> from notice_ld.formats import Format
>>> from notice_ld.pipeline import Pipeline
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "in.jsonl")
>>> with open(path, "w", encoding="utf-8") as fh:
...     for i in range(20):
...         _ = fh.write(json.dumps({"id": f"10670/1.abc{i:03d}", "titles": [{"value": "T"}]}) + "\\n")
>>> pipeline = Pipeline(validation=None)
>>> whole, parted = io.BytesIO(), io.BytesIO()
>>> one = pipeline.convert([path], {Format.N_QUADS: whole})
>>> many = convert_parallel(pipeline, [path], {Format.N_QUADS: parted}, jobs=2, executor=SerialExecutor(),
...                         min_bytes=64)
>>> parted.getvalue() == whole.getvalue(), many.as_dict() == one.as_dict()
(True, True)
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol, TypeVar

from notice_ld.formats import Format
from notice_ld.pipeline.duplicates import Claimed, Claims, reruns
from notice_ld.pipeline.report import RunReport
from notice_ld.pipeline.sources import Part, Source, partition

if TYPE_CHECKING:
    from notice_ld.pipeline import Pipeline
    from notice_ld.validation import ValidationReport

__all__ = [
    "Executor",
    "PartResult",
    "SerialExecutor",
    "convert_parallel",
    "convert_part",
    "echo_lines",
    "map_parts",
    "validate_parallel",
]

_T = TypeVar("_T")
_R = TypeVar("_R")


class Executor(Protocol):
    """What runs the tasks: ``map(function, items)`` giving the results in order
    (:class:`concurrent.futures.Executor` has it)."""

    def map(self, fn: Callable[[_T], _R], *iterables: Iterable[_T]) -> Iterator[_R]: ...


class SerialExecutor:
    """Runs every task in this process, one after the other (tests, debugging, ``--jobs 1``).

    >>> list(SerialExecutor().map(len, ["a", "bb"]))
    [1, 2]
    """

    def map(self, fn: Callable[[_T], _R], *iterables: Iterable[_T]) -> Iterator[_R]:
        """The results of ``fn`` over ``iterables``, in order."""
        return map(fn, *iterables)


@dataclass(frozen=True)
class PartResult:
    """What one part gave: its report, the lines it would have printed, its files by format,
    and the ids it saw first (:mod:`notice_ld.pipeline.duplicates`)."""

    index: int
    report: RunReport
    lines: tuple[str, ...]
    files: Mapping[Format, str]
    claimed: Claimed | None = None


@dataclass(frozen=True)
class _Task:
    pipeline: Pipeline
    part: Part
    formats: tuple[Format, ...]
    lang: str | None
    folder: str
    index: int
    first_source: int = 0
    excluded: Mapping[int, str] = dataclasses.field(default_factory=dict)


def part_name(index: int, fmt: Format) -> str:
    """The file name of part ``index`` in ``fmt``.

    >>> part_name(3, Format.TURTLE)
    'part-00003.ttl'
    """
    return f"part-{index:05d}.{fmt.extension}"


def convert_part(
    pipeline: Pipeline,
    part: Part,
    formats: Sequence[Format],
    lang: str | None,
    folder: str,
    index: int,
    claims: Claims | None = None,
) -> PartResult:
    """Convert one part into ``folder`` (one committed file per format; see the module docs);
    ``claims`` tells where the part's sources are in the run and which ids earlier parts hold."""
    claims = Claims() if claims is None else claims
    lines: list[str] = []
    worker = dataclasses.replace(pipeline, echo=lines.append)
    final = {fmt: os.path.join(folder, part_name(index, fmt)) for fmt in formats}
    with ExitStack() as stack:
        handles: dict[Format, IO[bytes]] = {}
        for fmt, path in final.items():
            handles[fmt] = stack.enter_context(open(f"{path}.tmp-{os.getpid()}", "wb"))
        report = worker.convert(part, handles, lang=lang, part=True, claims=claims)
        for handle in handles.values():
            handle.flush()
            os.fsync(handle.fileno())
    for path in final.values():
        os.replace(f"{path}.tmp-{os.getpid()}", path)
    return PartResult(index, report, tuple(lines), final, claims.claimed())


def _run(task: _Task) -> PartResult:
    claims = Claims(first_source=task.first_source, excluded=task.excluded)
    return convert_part(task.pipeline, task.part, task.formats, task.lang, task.folder, task.index, claims)


def first_sources(parts: Sequence[Part]) -> list[int]:
    """The index in the run of each part's first source.

    >>> first_sources([(Source("a"),), (Source("b"), Source("c")), (Source("d"),)])
    [0, 1, 3]
    """
    out, total = [], 0
    for part in parts:
        out.append(total)
        total += len(part)
    return out


def with_duplicates_rejected(
    tasks: Sequence[_T],
    results: list[_R],
    claimed: Callable[[_R], Claimed],
    again: Callable[[_T, Mapping[int, str]], _T],
    run: Callable[[Sequence[_T]], Iterable[_R]],
    prior: Claims | None = None,
) -> list[_R]:
    """``results`` (one per task, in order) where every part holding a later copy of an id
    another part (or ``prior``) saw first was run again, told those ids (``again`` makes its
    task; ``run`` runs tasks): what one run over all the parts gives."""
    plan = reruns([claimed(r) for r in results], prior)
    if plan:
        indexes = sorted(plan)
        redone = run([again(tasks[i], plan[i]) for i in indexes])
        for i, result in zip(indexes, redone, strict=True):
            results[i] = result
    return results


def convert_parallel(
    pipeline: Pipeline,
    inputs: Sequence[Source | str | os.PathLike[str]],
    outputs: Mapping[Format, IO[bytes]],
    *,
    jobs: int,
    lang: str | None = None,
    executor: Executor | None = None,
    min_bytes: int = 1 << 20,
    scratch: str | None = None,
) -> RunReport:
    """Convert ``inputs`` on ``jobs`` workers into ``outputs``: the same bytes and report as
    :meth:`Pipeline.convert` (the pipeline's ``echo`` gets each part's lines, in input order).

    ``executor`` (default: a pool of ``jobs`` processes) runs the parts; ``scratch`` is the
    folder for part files (default: a temporary folder, removed at the end).
    """
    parts = partition(pipeline.sources(inputs), parts=max(1, jobs) * 4, min_bytes=min_bytes)
    formats = tuple(outputs)
    firsts = first_sources(parts)
    with ExitStack() as stack:
        folder = scratch or stack.enter_context(tempfile.TemporaryDirectory(prefix="notice-ld-parts-"))
        tasks = [
            _Task(pipeline, part, formats, lang, folder, index, firsts[index])
            for index, part in enumerate(parts)
        ]
        results = list(map_parts(_run, tasks, jobs=jobs, executor=executor))
        results = with_duplicates_rejected(
            tasks,
            results,
            lambda r: r.claimed or Claimed(array("Q"), array("Q")),
            lambda task, excluded: dataclasses.replace(task, excluded=excluded),
            lambda again: map_parts(_run, again, jobs=jobs, executor=executor),
        )
        for result in results:
            echo_lines(pipeline, result.lines)
        merge_parts(results, outputs, lang)
    return RunReport.merge(r.report for r in results)


def echo_lines(pipeline: Pipeline, lines: Iterable[str]) -> None:
    """Hand a part's lines (rejected records, warnings) to the pipeline's ``echo``, if any."""
    if pipeline.echo is not None:
        for line in lines:
            pipeline.echo(line)


def merge_parts(results: Sequence[PartResult], outputs: Mapping[Format, IO[bytes]], lang: str | None) -> None:
    """Merge the part files of ``results`` (in part order) into ``outputs``, one format at a time."""
    from notice_ld.writers import codec

    for fmt, out in outputs.items():
        with ExitStack() as stack:
            handles = [stack.enter_context(open(r.files[fmt], "rb")) for r in results]
            codec(fmt, lang).merge(handles, out)


def map_parts(
    function: Callable[[_T], _R], tasks: Sequence[_T], *, jobs: int, executor: Executor | None = None
) -> Iterator[_R]:
    """``function`` over ``tasks`` on ``executor`` (default: a pool of ``jobs`` processes), the
    results in task order (no task: nothing is started)."""
    if not tasks:
        return
    if executor is not None:
        yield from executor.map(function, tasks)
        return
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        yield from pool.map(function, tasks)


@dataclass(frozen=True)
class _ValidateTask:
    pipeline: Pipeline
    part: Part
    first_source: int = 0
    excluded: Mapping[int, str] = dataclasses.field(default_factory=dict)


def _validate(task: _ValidateTask) -> tuple[tuple[str, ...], list[ValidationReport], Claimed]:
    lines: list[str] = []
    worker = dataclasses.replace(task.pipeline, echo=lines.append)
    claims = Claims(first_source=task.first_source, excluded=task.excluded)
    reports = list(worker.validate(task.part, claims=claims))
    return tuple(lines), reports, claims.claimed()


def validate_parallel(
    pipeline: Pipeline,
    inputs: Sequence[Source | str | os.PathLike[str]],
    *,
    jobs: int,
    executor: Executor | None = None,
    min_bytes: int = 1 << 20,
    claims: Claims | None = None,
) -> list[ValidationReport]:
    """The validation reports :meth:`Pipeline.validate` gives for ``inputs``, in the same order,
    computed on ``jobs`` workers (the pipeline's ``echo`` gets each part's lines, in order).
    ``claims``: the ids of the run's earlier inputs (the sources here are numbered from its
    ``first_source``); it holds this call's ids too when it returns.

    >>> import json, os, tempfile
    >>> from notice_ld.pipeline import Pipeline
    >>> path = os.path.join(tempfile.mkdtemp(), "in.jsonl")
    >>> with open(path, "w", encoding="utf-8") as fh:
    ...     for i in range(6):
    ...         _ = fh.write(json.dumps({"id": f"10670/1.abc{i:03d}", "titles": [{"value": "T"}]}) + "\\n")
    >>> one = [r.to_json() for r in Pipeline().validate([path])]
    >>> many = validate_parallel(Pipeline(), [path], jobs=2, executor=SerialExecutor(), min_bytes=64)
    >>> [r.to_json() for r in many] == one
    True
    """
    parts = partition(pipeline.sources(inputs), parts=max(1, jobs) * 4, min_bytes=min_bytes)
    base = 0 if claims is None else claims.first_source
    tasks = [
        _ValidateTask(pipeline, part, base + first)
        for part, first in zip(parts, first_sources(parts), strict=True)
    ]
    results = list(map_parts(_validate, tasks, jobs=jobs, executor=executor))
    results = with_duplicates_rejected(
        tasks,
        results,
        lambda r: r[2],
        lambda task, excluded: dataclasses.replace(task, excluded=excluded),
        lambda again: map_parts(_validate, again, jobs=jobs, executor=executor),
        claims,
    )
    reports: list[ValidationReport] = []
    for lines, found, _ in results:
        echo_lines(pipeline, lines)
        reports.extend(found)
    if claims is not None:
        claims.absorb([r[2] for r in results])
    return reports
