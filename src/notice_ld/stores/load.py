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

import importlib
import importlib.util
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from notice_ld.config import Config
from notice_ld.errors import NoticeLdError, RecordError, StoreError
from notice_ld.iris import graph_iri
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.readers.outcomes import Deletion, ReadWarning, Residue
from notice_ld.stores import Entry, Store, content_hash
from notice_ld.writers.text import ntriples_block

__all__ = ["LoadReport", "load", "validator"]

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


def _batched(entries: Iterable[Entry], max_notices: int, max_triples: int) -> Iterator[list[Entry]]:
    batch: list[Entry] = []
    triples = 0
    for entry in entries:
        size = len(entry.graph.triples)
        if batch and (len(batch) >= max_notices or triples + size > max_triples):
            yield batch
            batch, triples = [], 0
        batch.append(entry)
        triples += size
    if batch:
        yield batch


def load(
    store: Store,
    notices: Iterable[Notice | NoticeGraph | RecordError | Residue | Deletion | ReadWarning],
    *,
    config: Config | None = None,
    sync: bool = False,
    validate: bool = True,
    bulk: bool | None = None,
    max_notices: int = 500,
    max_triples: int = 100_000,
    progress: Callable[[LoadReport], None] | None = None,
) -> LoadReport:
    """Load ``notices`` into ``store`` and report added / changed / unchanged / removed.

    ``notices`` may mix :class:`Notice`, already mapped :class:`NoticeGraph` and what readers
    yield besides: :class:`RecordError` (reported, never loaded), ``Residue`` (ignored: the
    values a reader could not map) and ``Deletion`` (a record deleted at the source: its graph is
    removed, counted in ``removed``; without a notice identifier it is reported in
    ``deletions_unresolved``). Batches hold at
    most ``max_notices`` notices and ``max_triples`` triples. ``bulk`` (default: automatic) lets
    an empty embedded store be bulk-loaded. ``progress`` is called after each committed batch.
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

        def entries() -> Iterator[Entry]:
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
                try:
                    graph = item if isinstance(item, NoticeGraph) else map_notice(item, cfg)
                except (NoticeLdError, ValueError) as exc:
                    notice_id = str(item.notice.id if isinstance(item, NoticeGraph) else item.id)
                    report.rejected.append(RecordError(record=notice_id, problem=f"cannot be mapped: {exc}"))
                    continue
                if graph.graph in seen:
                    report.rejected.append(
                        RecordError(
                            record=str(graph.notice.id),
                            field="id",
                            problem="the same notice appears twice in the input; the first one was loaded",
                            fix="remove or merge the duplicate record",
                        )
                    )
                    continue
                seen.add(graph.graph)
                text = ntriples_block(graph)
                digest = content_hash(graph, text)
                old = known.get(graph.graph)
                if old == digest:
                    report.unchanged += 1
                    continue
                yield Entry(graph, digest, new=old is None, ntriples=text)

        batches: Iterator[list[Entry]] = _batched(entries(), max_notices, max_triples)
        if check is not None:
            batches = _validated(batches, check, report)
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
            for batch in batches:
                refused = store.put(batch)
                report.refused.extend(refused)
                refused_ids = {e.record for e in refused}
                for entry in batch:
                    if str(entry.graph.notice.id) in refused_ids:
                        continue
                    if entry.new:
                        report.added += 1
                    else:
                        report.changed += 1
                if progress is not None:
                    progress(report)

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


def _validated(batches: Iterator[list[Entry]], check: Validator, report: LoadReport) -> Iterator[list[Entry]]:
    """Drop the notices that do not conform (each is reported), keep the others."""
    for batch in batches:
        if _conforms(check([e.graph for e in batch])):
            yield batch
            continue
        kept = []
        for entry in batch:
            result = check([entry.graph])
            if _conforms(result):
                kept.append(entry)
            else:
                report.invalid.append(
                    RecordError(
                        record=str(entry.graph.notice.id),
                        problem=f"does not conform to the shapes, not loaded: {_describe(result)}",
                        fix="run notice-ld validate on it (see docs/validation.md) and correct the record",
                    )
                )
        if kept:
            yield kept
