"""Loading notices into a store: one named graph per notice, replace semantics, only what changed.

For each notice the loader maps it, computes its canonical content hash
(:func:`notice_ld.stores.content_hash`) and compares it with the hash the store recorded for the
notice's graph: equal → *unchanged* (nothing is sent); absent → *added*; different → *changed*
(the graph is replaced, never merged). Loading the same notices twice therefore leaves the store
exactly as after the first load. With ``sync=True`` the graphs of notices that are no longer in
the input are *removed* — but only when every input record could be read (a rejected record
might be one of them; nothing is deleted on a guess).

Validation runs before loading when :mod:`notice_ld.validation` provides ``validate(graphs)``:
notices that do not conform are not loaded (their old graph, if any, stays) and are reported.

Mapping, hashing and validating can run elsewhere — on worker processes
(:func:`prepare_outcomes`, :mod:`notice_ld.stores.parallel`): :func:`load` takes their
:class:`Prepared` notices in input order and does the rest (the store's hashes, duplicates,
batches, writes), so the store and the report are those of one process.

>>> import tempfile
>>> from notice_ld.model import Notice
>>> from notice_ld.stores.embedded import EmbeddedStore
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> a = Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "A"}]})
>>> b = Notice.from_dict({"id": "10670/1.bbbbbb", "titles": [{"value": "B"}]})
>>> load(store, [a, b]).counts()["added"]
2
>>> a2 = Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "A, revised"}]})
>>> r = load(store, [a2], sync=True)
>>> (r.added, r.changed, r.unchanged, r.removed)
(0, 1, 0, 1)
>>> store.close()
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import importlib
import importlib.util
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from notice_ld.config import Config
from notice_ld.errors import NoticeLdError, RecordError, StoreError
from notice_ld.iris import graph_iri
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.readers.outcomes import Deletion, ReadWarning, Residue
from notice_ld.stores import Entry, Store
from notice_ld.writers.text import ntriples_block

__all__ = [
    "ConcurrentStore",
    "Item",
    "LoadReport",
    "Prepared",
    "load",
    "prepare",
    "prepare_outcomes",
    "validator",
]

Validator = Callable[[Sequence[NoticeGraph]], Any]


@dataclass
class LoadReport:
    """What a load did. ``rejected`` are unreadable records; ``invalid`` failed validation;
    ``refused`` were refused by the store (too large for a server) and are not in it.

    ``sync_skipped`` says why ``sync`` removed nothing (``None`` when it ran or was not asked).
    """

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    rejected: list[RecordError] = field(default_factory=list)
    invalid: list[RecordError] = field(default_factory=list)
    refused: list[RecordError] = field(default_factory=list)
    deletions_unresolved: list[str] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    sync_skipped: str | None = None
    bulk: bool = False
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        """The counts as a mapping (for reports and tests)."""
        return {
            "added": self.added,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "rejected": len(self.rejected),
            "invalid": len(self.invalid),
            "refused": len(self.refused),
        }

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            **self.counts(),
            "sync_skipped": self.sync_skipped,
            "deletions_unresolved": self.deletions_unresolved,
            "bulk": self.bulk,
            "seconds": round(self.seconds, 3),
            "errors": [e.as_dict() for e in self.rejected + self.invalid + self.refused],
            "warnings": [w.as_dict() for w in self.warnings],
        }


def validator() -> Validator | None:
    """``notice_ld.validation.validate`` when that module exists, else ``None``.

    The hook needs only ``validate(graphs)`` returning an object with a boolean ``conforms``
    (or a pySHACL-style tuple whose first item is it); violations are then located notice by
    notice.
    """
    if importlib.util.find_spec("notice_ld.validation") is None:
        return None
    module = importlib.import_module("notice_ld.validation")
    function = getattr(module, "validate", None)
    return function if callable(function) else None


def _conforms(result: Any) -> bool:
    if isinstance(result, bool):
        return result
    if isinstance(result, tuple) and result and isinstance(result[0], bool):
        return result[0]
    return bool(result.conforms)


def _describe(result: Any) -> str:
    violations = getattr(result, "violations", None)
    if violations and not callable(violations):
        parts = []
        for item in list(violations)[:3]:
            field_name = getattr(item, "field", "") or getattr(item, "path", "")
            message = getattr(item, "message", None) or str(item)
            parts.append(f"{field_name}: {message}" if field_name else str(message))
        return "; ".join(parts)[:500]
    for name in ("text", "summary", "message"):
        value = getattr(result, name, None)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:500]
        if callable(value):
            try:
                text = value()
            except TypeError:
                continue
            if isinstance(text, str) and text.strip():
                return " ".join(text.split())[:500]
    results = getattr(result, "results", None)
    if results:
        return "; ".join(str(r) for r in list(results)[:3])[:500]
    return "does not conform to the shapes"


@dataclass(frozen=True, slots=True)
class Prepared:
    """A notice made ready for the loader: its :class:`~notice_ld.stores.Entry` (``new`` is set
    by the loader, which knows the store) and either its mapped ``graph``, still to validate, or
    the outcome of a validation already run (``graph`` is then ``None``; ``invalid`` says why
    the notice does not conform, ``None`` if it does or was not validated).

    Worker processes prepare notices (:func:`prepare_outcomes`); what they send back is text,
    not mapped notices, so it is cheap to move between processes.
    """

    entry: Entry
    graph: NoticeGraph | None = None
    invalid: RecordError | None = None


Item = Notice | NoticeGraph | Prepared | RecordError | Residue | Deletion | ReadWarning
"""What :func:`load` takes: notices (mapped or not, or prepared) and what readers yield besides."""


def prepare(item: Notice | NoticeGraph, config: Config | None = None) -> Prepared | RecordError:
    """Map a notice (unless it is mapped), write its N-Triples and hash it; a notice that cannot
    be mapped becomes a :class:`~notice_ld.errors.RecordError`.

    >>> n = Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "A"}]})
    >>> p = prepare(n)
    >>> p.entry.record, p.entry.hash.startswith("sha256:"), p.graph is not None
    ('10670/1.aaaaaa', True, True)
    """
    try:
        graph = item if isinstance(item, NoticeGraph) else map_notice(item, config or Config())
    except (NoticeLdError, ValueError) as exc:
        notice_id = str(item.notice.id if isinstance(item, NoticeGraph) else item.id)
        return RecordError(record=notice_id, problem=f"cannot be mapped: {exc}")
    return Prepared(Entry.of(graph, new=True, ntriples=ntriples_block(graph)), graph)


def prepare_outcomes(
    outcomes: Iterable[Item], config: Config | None = None, *, validate: bool = True, chunk: int = 500
) -> list[Item]:
    """Prepare every notice of ``outcomes`` (and validate it, with ``validate``), keeping
    everything else as it is, in order: what a worker process of a parallel load does.

    :func:`load` gives the same report for the prepared list as for ``outcomes`` themselves
    (validation is per notice, on its own graph; the loader ignores the verdict of a notice it
    does not write: unchanged, or a duplicate).

    >>> a = Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "A"}]})
    >>> items = prepare_outcomes([a, RecordError(record="line 2", problem="unreadable")])
    >>> [type(i).__name__ for i in items], items[0].graph is None, items[0].invalid is None
    (['Prepared', 'RecordError'], True, True)
    """
    cfg = config or Config()
    check = validator() if validate else None
    out: list[Item] = []
    waiting: list[int] = []  # positions in ``out`` of prepared notices not validated yet

    def settle() -> None:
        graphs = []
        for index in waiting:
            prepared = out[index]
            assert isinstance(prepared, Prepared) and prepared.graph is not None
            graphs.append(prepared.graph)
        fine = check is None or _conforms(check(graphs))
        for index, graph in zip(waiting, graphs, strict=True):
            prepared = out[index]
            assert isinstance(prepared, Prepared)
            invalid = None if fine or check is None else _verdict(prepared.entry.record, check([graph]))
            out[index] = Prepared(prepared.entry, None, invalid)
        waiting.clear()

    for item in outcomes:
        if isinstance(item, Notice | NoticeGraph):
            prepared = prepare(item, cfg)
            if isinstance(prepared, Prepared):
                waiting.append(len(out))
            out.append(prepared)
            if len(waiting) >= chunk:
                settle()
        else:
            out.append(item)
    if waiting:
        settle()
    return out


def _verdict(record: str, result: Any) -> RecordError | None:
    """``None`` when ``result`` conforms, else the record error a load reports."""
    if _conforms(result):
        return None
    return RecordError(
        record=record,
        problem=f"does not conform to the shapes, not loaded: {_describe(result)}",
        fix="run notice-ld validate on it (see docs/validation.md) and correct the record",
    )


def _batched(items: Iterable[Prepared], max_notices: int, max_triples: int) -> Iterator[list[Prepared]]:
    batch: list[Prepared] = []
    triples = 0
    for item in items:
        size = item.entry.size
        if batch and (len(batch) >= max_notices or triples + size > max_triples):
            yield batch
            batch, triples = [], 0
        batch.append(item)
        triples += size
    if batch:
        yield batch


@runtime_checkable
class ConcurrentStore(Store, Protocol):
    """A store whose :meth:`~Store.put` may run on several threads at once (a server: each
    thread on its own connection). ``load(..., connections=N)`` uses it."""

    concurrent_puts: bool


def load(
    store: Store,
    notices: Iterable[Item],
    *,
    config: Config | None = None,
    sync: bool = False,
    validate: bool = True,
    bulk: bool | None = None,
    max_notices: int = 500,
    max_triples: int = 100_000,
    connections: int = 1,
    progress: Callable[[LoadReport], None] | None = None,
) -> LoadReport:
    """Load ``notices`` into ``store`` and report added / changed / unchanged / removed.

    ``notices`` may mix :class:`Notice`, already mapped :class:`NoticeGraph`, :class:`Prepared`
    notices (from worker processes, :func:`prepare_outcomes`) and what readers yield besides:
    :class:`RecordError` (reported, never loaded), ``Residue`` (ignored: the values a reader
    could not map) and ``Deletion`` (a record deleted at the source: its graph is removed,
    counted in ``removed``; without a notice identifier it is reported in
    ``deletions_unresolved``). Batches hold at most ``max_notices`` notices and ``max_triples``
    triples. ``bulk`` (default: automatic) lets an empty embedded store be bulk-loaded.
    ``connections`` (for a :class:`ConcurrentStore`, i.e. a server) sends up to that many
    batches at once, each on its own connection: batches may then *commit* out of order, but
    the store's content is the same (every batch holds other graphs) and the report is built in
    input order, so it is the same too. ``progress`` is called after each committed batch.
    When this function returns, everything it reports is durable in the store.
    """
    report = LoadReport()
    started = time.perf_counter()
    try:
        cfg = config or Config()
        known = dict(store.hashes())
        seen: set[str] = set()
        check = validator() if validate else None

        deleted: list[str] = []

        def entries() -> Iterator[Prepared]:
            for item in notices:
                if isinstance(item, RecordError):
                    report.rejected.append(item)
                    continue
                if isinstance(item, Residue):
                    continue
                if isinstance(item, ReadWarning):
                    report.warnings.append(item)
                    continue
                if isinstance(item, Deletion):
                    if item.notice_id is None:
                        report.deletions_unresolved.append(item.oai_identifier)
                    else:
                        deleted.append(item.notice_id)
                    continue
                prepared = item if isinstance(item, Prepared) else prepare(item, cfg)
                if isinstance(prepared, RecordError):
                    report.rejected.append(prepared)
                    continue
                entry = prepared.entry
                if entry.name in seen:
                    report.rejected.append(
                        RecordError(
                            record=entry.record,
                            field="id",
                            problem="the same notice appears twice in the input; the first one was loaded",
                            fix="remove or merge the duplicate record",
                        )
                    )
                    continue
                seen.add(entry.name)
                old = known.get(entry.name)
                if old == entry.hash:
                    report.unchanged += 1
                    continue
                if old is not None:
                    prepared = Prepared(
                        dataclasses.replace(entry, new=False), prepared.graph, prepared.invalid
                    )
                yield prepared

        batches: Iterator[list[Entry]] = _screened(
            _batched(entries(), max_notices, max_triples), check, report
        )
        # map, hash and validate the next batches on a helper thread while the store writes one
        # (pyoxigraph and HTTP release the GIL while they work)
        batches = _prefetch(batches, depth=2)

        bulk_put = getattr(store, "bulk_put", None)
        is_empty = getattr(store, "is_empty", None)
        use_bulk = (
            bulk is not False and not known and callable(bulk_put) and callable(is_empty) and is_empty()
        )
        if use_bulk and bulk is None:
            # a bulk load pays off on large inputs only; peek at the first batch to decide
            first = next(batches, None)
            if first is None:
                batches = iter(())
                use_bulk = False
            else:
                use_bulk = len(first) >= max_notices
                batches = _chain([first], batches)
        if use_bulk:
            report.bulk = True

            def counted() -> Iterator[list[Entry]]:
                for batch in batches:
                    report.added += len(batch)
                    yield batch

            assert bulk_put is not None
            bulk_put(counted())
            if progress is not None:
                progress(report)
        else:
            concurrent = connections > 1 and isinstance(store, ConcurrentStore) and store.concurrent_puts
            _put_all(store, batches, report, connections if concurrent else 1, progress)

        if deleted:
            gone_at_source = []
            for notice_id in deleted:
                try:
                    name = graph_iri(notice_id, cfg)
                except RecordError as exc:
                    report.rejected.append(exc)
                    continue
                if name in known and name not in seen:
                    gone_at_source.append(name)
                    known.pop(name)
            if gone_at_source:
                store.delete(gone_at_source)
                report.removed += len(gone_at_source)
        if sync:
            if report.rejected:
                report.sync_skipped = (
                    f"{len(report.rejected)} input record(s) could not be read; they may be notices "
                    "already in the store, so no graph was removed (fix them and run again)"
                )
            else:
                gone = sorted(g for g in known if g not in seen)
                for start in range(0, len(gone), max_notices):
                    chunk = gone[start : start + max_notices]
                    store.delete(chunk)
                    report.removed += len(chunk)
        flush = getattr(store, "flush", None)
        if callable(flush):
            flush()
        report.seconds = time.perf_counter() - started
        return report
    except StoreError as exc:
        # what was committed before the store gave up, for the caller's report
        report.seconds = time.perf_counter() - started
        exc.report = {**report.as_dict(), "completed": False, "error": str(exc)}
        raise


_END = object()


def _prefetch(batches: Iterator[list[Entry]], depth: int) -> Iterator[list[Entry]]:
    """Run ``batches`` on a helper thread, at most ``depth`` batches ahead; errors come through."""
    items: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for batch in batches:
                while not stop.is_set():
                    try:
                        items.put(batch, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            items.put(_END)
        except BaseException as exc:  # handed to the consumer, raised there
            items.put(exc)

    worker = threading.Thread(target=produce, name="notice-ld-load", daemon=True)
    worker.start()
    try:
        while True:
            item = items.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join(timeout=30)


def _chain(first: Iterable[list[Entry]], rest: Iterator[list[Entry]]) -> Iterator[list[Entry]]:
    yield from first
    yield from rest


def _screened(
    batches: Iterator[list[Prepared]], check: Validator | None, report: LoadReport
) -> Iterator[list[Entry]]:
    """The entries of each batch that conform (each notice that does not is reported, in input
    order); notices validated already (by a worker) keep their verdict."""
    for batch in batches:
        todo = [p.graph for p in batch if p.graph is not None]
        verdicts: dict[int, RecordError | None] = {}
        if check is not None and todo and not _conforms(check(todo)):
            for index, prepared in enumerate(batch):
                if prepared.graph is not None:
                    verdicts[index] = _verdict(prepared.entry.record, check([prepared.graph]))
        kept = []
        for index, prepared in enumerate(batch):
            invalid = verdicts.get(index, prepared.invalid)
            if invalid is None:
                kept.append(prepared.entry)
            else:
                report.invalid.append(invalid)
        if kept:
            yield kept


def _account(batch: Sequence[Entry], refused: Sequence[RecordError], report: LoadReport) -> None:
    report.refused.extend(refused)
    refused_ids = {e.record for e in refused}
    for entry in batch:
        if entry.record in refused_ids:
            continue
        if entry.new:
            report.added += 1
        else:
            report.changed += 1


def _put_all(
    store: Store,
    batches: Iterator[list[Entry]],
    report: LoadReport,
    connections: int,
    progress: Callable[[LoadReport], None] | None,
) -> None:
    """Write every batch; with ``connections`` > 1, up to that many at once on a thread pool.

    Results are taken in batch order, so the report is the one of a one-connection load. When a
    batch fails, the batches already sent are waited for and what they committed is counted
    before the error goes up.
    """
    if connections <= 1:
        for batch in batches:
            _account(batch, store.put(batch), report)
            if progress is not None:
                progress(report)
        return
    from concurrent.futures import Future, ThreadPoolExecutor

    pending: collections.deque[tuple[list[Entry], Future[Sequence[RecordError]]]] = collections.deque()
    with ThreadPoolExecutor(max_workers=connections, thread_name_prefix="notice-ld-put") as pool:
        try:
            for batch in batches:
                pending.append((batch, pool.submit(store.put, batch)))
                while len(pending) >= connections:
                    done, future = pending.popleft()
                    _account(done, future.result(), report)
                    if progress is not None:
                        progress(report)
            while pending:
                done, future = pending.popleft()
                _account(done, future.result(), report)
                if progress is not None:
                    progress(report)
        except BaseException:
            for done, future in pending:
                with contextlib.suppress(BaseException):
                    _account(done, future.result(), report)
            raise
