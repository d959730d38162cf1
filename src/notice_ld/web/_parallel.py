"""A site's notices built by worker processes (``build_site(..., jobs=N)``).

The parent reads the input, reports bad records and duplicates, and sends the notices in small
batches to ``jobs`` worker processes (started with ``spawn``: nothing inherited but the
arguments). Each worker maps its notices, asks the related-links index (read-only, the file the
parent built and froze), writes their pages and per-notice files, and returns
:class:`~notice_ld.web._notice_files.Written` values. The parent takes them back **in input
order** and writes the site-wide files (dumps, index, sitemap, VoID), so the site is byte for byte
the one a single process writes. At most ``window`` batches are in flight: memory stays flat
however long the input is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.web._notice_files import NoticeFiles, Written, write_notice
from notice_ld.web.conneg import Variant
from notice_ld.web.related import InputRelated

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

__all__ = ["Workers"]

_BATCH = 16


class _Worker:
    """What one worker process keeps between batches."""

    def __init__(
        self,
        root: str,
        lang: str,
        variants: Sequence[Variant],
        base_url: str,
        config: Config,
        related: str | None,
        related_limit: int,
    ) -> None:
        self.files = NoticeFiles(root, lang=lang, variants=variants, base_url=base_url)
        self.config = config
        self.index = InputRelated.open(related, config, lang) if related is not None else None
        self.limit = related_limit

    def run(self, notices: list[Notice]) -> list[Written | RecordError]:
        return [write_notice(self.files, n, self.config, self.index, self.limit) for n in notices]


_WORKER: list[_Worker] = []  # the one worker of this process (set by _start, in workers only)


def _start(*args: Any) -> None:
    _WORKER.append(_Worker(*args))


def _run(notices: list[Notice]) -> list[Written | RecordError]:
    return _WORKER[0].run(notices)


class Workers:
    """A pool of ``jobs`` worker processes writing notices' files under ``root``; use as a context
    manager (the processes are stopped on exit, also on error)."""

    def __init__(
        self,
        jobs: int,
        root: Path,
        *,
        lang: str,
        variants: Sequence[Variant],
        base_url: str,
        config: Config,
        related: Path | None,
        related_limit: int,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        arguments = (
            str(root),
            lang,
            tuple(variants),
            base_url,
            config,
            related and str(related),
            related_limit,
        )
        self.window = 4 * jobs
        self._pool = context.Pool(jobs, initializer=_start, initargs=arguments)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.terminate()
        self._pool.join()

    def write(self, notices: Iterable[Notice]) -> Iterator[Written | RecordError]:
        """What each notice's files gave (or why it could not be published), in input order."""
        pending: deque[AsyncResult[list[Written | RecordError]]] = deque()
        batch: list[Notice] = []
        for notice in notices:
            batch.append(notice)
            if len(batch) == _BATCH:
                pending.append(self._pool.apply_async(_run, (batch,)))
                batch = []
                while len(pending) >= self.window:
                    yield from pending.popleft().get()
        if batch:
            pending.append(self._pool.apply_async(_run, (batch,)))
        while pending:
            yield from pending.popleft().get()
