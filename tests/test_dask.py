"""Dask: a real ``distributed`` cluster of 2 worker processes on 127.0.0.1 runs the parts; the
output is the same bytes as one core — also when a worker is killed mid-run."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from notice_ld.formats import Format
from notice_ld.pipeline import Pipeline
from notice_ld.pipeline.directory import convert_to_directory, merge_directory
from notice_ld.pipeline.parallel import convert_parallel

from .conftest import generated_records

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.cluster

_T = TypeVar("_T")
_R = TypeVar("_R")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import json

    path = tmp_path_factory.mktemp("dask") / "in.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, record in enumerate(generated_records(600)):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            if i % 50 == 0:
                fh.write('{"id": "10670/1.bad", "titles": []}\n')
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def test_a_local_cluster_gives_the_bytes_and_report_of_one_core(source: Path, client: Any) -> None:
    from notice_ld.pipeline.on_dask import DaskExecutor

    pipeline = Pipeline()
    whole = io.BytesIO()
    one = pipeline.convert([source], {Format.TURTLE: whole})
    out = io.BytesIO()
    many = convert_parallel(
        pipeline, [source], {Format.TURTLE: out}, jobs=2, executor=DaskExecutor(client), min_bytes=50_000
    )
    assert out.getvalue() == whole.getvalue()
    assert many.as_dict() == one.as_dict()


def test_a_worker_killed_mid_run_changes_nothing(source: Path, client: Any, tmp_path: Path) -> None:
    from notice_ld.pipeline.on_dask import DaskExecutor

    class KillingOne(DaskExecutor):
        """Kills a worker process as soon as the first part is done; Dask runs its tasks again."""

        killed = False

        def map(self, fn: Callable[[_T], _R], *iterables: Iterable[_T]) -> Iterator[_R]:
            results = super().map(fn, *iterables)
            first = next(results)
            victim = sorted(self.client.scheduler_info()["workers"])[0]
            try:
                self.client.run(os._exit, 1, workers=[victim], wait=False)
                KillingOne.killed = True
            except Exception:
                KillingOne.killed = True
            yield first
            yield from results

    pipeline = Pipeline(validation=None)
    whole = io.BytesIO()
    one = pipeline.convert([source], {Format.N_QUADS: whole})
    folder = tmp_path / "out"
    report = convert_to_directory(
        pipeline, [source], folder, Format.N_QUADS, parts=16, executor=KillingOne(client), min_bytes=10_000
    )
    assert KillingOne.killed
    merged = io.BytesIO()
    merge_directory(folder, merged)
    assert merged.getvalue() == whole.getvalue()
    assert report == one.as_dict()
