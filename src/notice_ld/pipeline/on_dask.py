"""Running the parts of a run on a Dask cluster (``pip install "notice-ld[dask]"``).

Dask only maps notice_ld's part function over the parts notice_ld cut
(:mod:`notice_ld.pipeline.parallel`, :mod:`notice_ld.pipeline.directory`); cutting, committing
a part and merging stay in notice_ld, so the output is the same bytes as on one core. A task
whose worker dies is run again by Dask on another worker: a part is committed by an atomic
rename, so a retried part is written whole, once.

Part files are written by the workers: with a cluster on other machines, write to a folder
output (``-o DIR/``) on storage every worker sees at the same path.

>>> import inspect
>>> "map" in dict(inspect.getmembers(DaskExecutor))
True
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

__all__ = ["DaskExecutor", "dask_executor"]

_T = TypeVar("_T")
_R = TypeVar("_R")


class DaskExecutor:
    """An :class:`~notice_ld.pipeline.parallel.Executor` over a ``distributed.Client``: the tasks
    are submitted at once, their results read back in task order."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def map(self, fn: Callable[[_T], _R], *iterables: Iterable[_T]) -> Iterator[_R]:
        """``fn`` over the items on the cluster; the results in order (a failed task raises)."""
        futures = self.client.map(fn, *iterables, pure=False)
        try:
            for future in futures:
                yield future.result()
        finally:
            self.client.cancel([f for f in futures if not f.done()])


@contextlib.contextmanager
def dask_executor(workers: int, scheduler: str | None = None) -> Iterator[DaskExecutor]:
    """A :class:`DaskExecutor` on the cluster at ``scheduler`` (``tcp://HOST:PORT``), or on a
    local cluster of ``workers`` worker processes (one thread each, on 127.0.0.1, no dashboard)
    started here and stopped at the end."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the installation
        from notice_ld.errors import ConfigError

        raise ConfigError('the Dask engine needs Dask: pip install "notice-ld[dask]"') from None
    if scheduler is not None:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield DaskExecutor(client)
        return
    import dask

    # Workers forked from this process start with notice_ld imported: about 6 s less per run
    # than Dask's default (spawn, which imports everything again and stops slowly) on 2 cores.
    # Fork is only safe on Linux; elsewhere Dask's default stays.
    method = (
        "fork"
        if sys.platform.startswith("linux")
        else dask.config.get("distributed.worker.multiprocessing-method")
    )
    with (
        dask.config.set({"distributed.worker.multiprocessing-method": method}),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield DaskExecutor(client)
