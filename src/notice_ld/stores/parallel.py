"""Parallel loads: notices read, mapped, hashed and validated by worker processes, written by one.

:func:`load_parallel` cuts the input as every parallel run does
(:func:`notice_ld.pipeline.sources.partition`: byte ranges of JSON Lines files on line
boundaries, whole files otherwise), and each worker turns its part into *prepared* notices
(:func:`notice_ld.stores.load.prepare_outcomes`: the N-Triples, the content hash and the
validation verdict of each notice, and the reader's errors and warnings as they are). This
process takes the parts **in input order** and hands them to :func:`notice_ld.stores.load.load`,
which alone compares hashes with the store, drops duplicates, batches and writes. So the store
holds the same graphs and the report is the same as with one process, for any number of workers.

Memory stays bounded: parts are small (:data:`PART_BYTES` of input at most) and at most two
parts per worker are in flight; a part's result is dropped once written.

>>> import json, os, tempfile
>>> from notice_ld.pipeline import Pipeline
>>> from notice_ld.pipeline.parallel import SerialExecutor
>>> from notice_ld.stores import EmbeddedOptions, StoreKind, open_store
>>> from notice_ld.stores.load import load
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "in.jsonl")
>>> with open(path, "w", encoding="utf-8") as fh:
...     for i in range(12):
...         _ = fh.write(json.dumps({"id": f"10670/1.abc{i:03d}", "titles": [{"value": "T"}]}) + "\\n")
>>> one = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(os.path.join(folder, "one")))
>>> two = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(os.path.join(folder, "two")))
>>> a = Pipeline().load([path], one)
>>> b = load_parallel(Pipeline(), [path], two, jobs=2, executor=SerialExecutor(), part_bytes=256)
>>> a.counts() == b.counts(), sorted(one.hashes()) == sorted(two.hashes())
(True, True)
>>> one.close(); two.close()
"""

from __future__ import annotations

import collections
import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, TypeVar

from notice_ld.pipeline.duplicates import Claimed, Claims, reruns
from notice_ld.pipeline.parallel import first_sources
from notice_ld.pipeline.sources import Part, Source, partition

if TYPE_CHECKING:
    from notice_ld.pipeline import Pipeline
    from notice_ld.pipeline.parallel import Executor
    from notice_ld.stores import Store
    from notice_ld.stores.load import Item, LoadReport

__all__ = ["PART_BYTES", "PreparedPart", "bounded_map", "load_parallel", "prepare_part"]

PART_BYTES: Final = 2 << 20
"""Input bytes per part at most (about 400 generated notices: their N-Triples, some 17 MB, are
what a part sends back)."""

_T = TypeVar("_T")
_R = TypeVar("_R")


@dataclass(frozen=True)
class _Task:
    pipeline: Pipeline
    part: Part
    first_source: int = 0
    excluded: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PreparedPart:
    """What a worker gives for one part: its items, in order, and the ids it saw first."""

    items: list[Item]
    claimed: Claimed


def prepare_part(pipeline: Pipeline, part: Part, claims: Claims | None = None) -> PreparedPart:
    """What one worker does: read ``part`` and prepare its notices (see the module docs).
    ``claims`` places the part in the run and names the ids earlier parts hold
    (:mod:`notice_ld.pipeline.duplicates`)."""
    from notice_ld.stores.load import prepare_outcomes

    claims = Claims() if claims is None else claims
    outcomes = pipeline.outcomes(part, claims=claims)
    items = prepare_outcomes(outcomes, pipeline.config, validate=pipeline.validation is not None)
    return PreparedPart(items, claims.claimed())


def _run(task: _Task) -> PreparedPart:
    claims = Claims(first_source=task.first_source, excluded=task.excluded)
    return prepare_part(task.pipeline, task.part, claims)


def bounded_map(
    function: Callable[[_T], _R], tasks: Iterable[_T], *, jobs: int, window: int | None = None
) -> Iterator[_R]:
    """``function`` over ``tasks`` on a pool of ``jobs`` processes, the results in task order,
    with at most ``window`` tasks (default: two per process) submitted and not yet taken — so a
    slow consumer holds a bounded number of results, unlike ``Executor.map``, which submits
    every task at once.

    The pool starts, and the first tasks are submitted, on the calling thread (worker processes
    are forked from it, not from a helper thread that may later consume the results).

    >>> list(bounded_map(abs, [-1, 2, -3], jobs=1))
    [1, 2, 3]
    """
    ahead = max(1, window if window is not None else 2 * jobs)
    todo = iter(tasks)
    pool = ProcessPoolExecutor(max_workers=max(1, jobs))
    pending: collections.deque[Future[_R]] = collections.deque()
    try:
        for task in todo:
            pending.append(pool.submit(function, task))
            if len(pending) >= ahead:
                break
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    return _results(pool, function, todo, pending, ahead)


def _results(
    pool: ProcessPoolExecutor,
    function: Callable[[_T], _R],
    todo: Iterator[_T],
    pending: collections.deque[Future[_R]],
    ahead: int,
) -> Iterator[_R]:
    try:
        while pending:
            result = pending.popleft().result()
            for task in todo:
                pending.append(pool.submit(function, task))
                if len(pending) >= ahead:
                    break
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def load_parallel(
    pipeline: Pipeline,
    inputs: Sequence[Source | str | os.PathLike[str]],
    store: Store,
    *,
    jobs: int,
    sync: bool = False,
    batch: int = 500,
    connections: int = 1,
    executor: Executor | None = None,
    part_bytes: int = PART_BYTES,
) -> LoadReport:
    """Load ``inputs`` into ``store`` with ``jobs`` worker processes (``executor``: any executor
    with an ordered ``map``, e.g. :class:`~notice_ld.pipeline.parallel.SerialExecutor`): the same
    store content and report as :meth:`Pipeline.load <notice_ld.pipeline.Pipeline.load>`.
    ``connections`` is passed to :func:`~notice_ld.stores.load.load` (batches sent at once to a
    server)."""
    from notice_ld.stores.load import load

    sources = pipeline.sources(inputs)
    total = sum(_size(s) for s in sources)
    count = max(max(1, jobs) * 4, -(-total // max(1, part_bytes)))
    parts = partition(sources, parts=count, min_bytes=min(part_bytes, 1 << 16))
    tasks = [_Task(pipeline, part, first) for part, first in zip(parts, first_sources(parts), strict=True)]
    # the pool starts here, on this thread, before load() reads the results on its helper thread
    results = executor.map(_run, tasks) if executor is not None else bounded_map(_run, tasks, jobs=jobs)

    def items() -> Iterator[Item]:
        # a part holding a later copy of an id an earlier part saw first runs again (here),
        # told which: its copies are then rejected naming the first place, as in one process
        claimed = Claims()
        for index, result in enumerate(results):
            plan = reruns([result.claimed], claimed)
            if plan:
                result = _run(dataclasses.replace(tasks[index], excluded=plan[0]))
            claimed.absorb([result.claimed])
            yield from result.items

    return load(
        store,
        items(),
        config=pipeline.config,
        sync=sync,
        validate=pipeline.validation is not None,
        max_notices=max(1, batch),
        connections=connections,
    )


def _size(source: Source) -> int:
    if source.path == "-":
        return 0
    try:
        size = os.path.getsize(source.path)
    except OSError:
        return 0
    end = source.end if source.end is not None else size
    return max(0, end - source.start)
