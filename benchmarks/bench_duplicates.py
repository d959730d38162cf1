"""Duplicate ids in one run: what the check costs in CPU time and memory per notice.

Four measurements (:mod:`notice_ld.pipeline.duplicates`):

* **hash** — :func:`id_key` of N document IRIs (blake2b, 8 bytes);
* **one run** — N ids into a :class:`Claims` (the table a one-core run, or one part, keeps):
  CPU time per id, and the table's bytes per id (two arrays of 64-bit integers);
* **parts** — the N ids cut into ``--parts`` parts: each part's sorted :class:`Claimed` (16 bytes
  per id: what the parent holds), then the parent's merge (:func:`reruns`) with ``--repeats``
  ids repeated across parts;
* **the pipeline** — ``Pipeline.convert`` of ``--notices`` generated notices to N-Triples, and
  the same records read without the check (the reader alone), to put the check's time next to a
  notice's (CPU time, this process).

CPU time (``time.process_time``) is printed next to wall time, with the load average before and
after (the machine may be shared).

    PYTHONPATH=src python benchmarks/bench_duplicates.py             # N = 1,000,000
    PYTHONPATH=src python benchmarks/bench_duplicates.py --n 100000 --parts 8
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import environment
from notice_ld.pipeline.duplicates import Claimed, Claims, id_key, reruns

_T = TypeVar("_T")


def _timed(label: str, n: int, work: Callable[[], _T]) -> _T:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{label:<44} {cpu:8.2f} s CPU {wall:8.2f} s wall  {cpu / n * 1e6:7.2f} µs CPU per id")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1_000_000, help="ids (default: 1,000,000)")
    parser.add_argument("--parts", type=int, default=8, help="parts of the parted run (default: 8)")
    parser.add_argument("--repeats", type=int, default=1000, help="ids repeated across parts (default: 1000)")
    parser.add_argument("--notices", type=int, default=3000, help="notices for the pipeline (default: 3000)")
    args = parser.parse_args()
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    n = args.n
    iris = [f"https://hdl.handle.net/10670/1.{i:08x}" for i in range(n)]
    _timed("hash (id_key)", n, lambda: [id_key(i) for i in iris])

    def one_run() -> Claims:
        claims = Claims()
        claims.name(0, "in.jsonl", lines=True)
        for line, iri in enumerate(iris, start=1):
            claims.check(0, line, iri)
        return claims

    claims = _timed("one run: Claims.check", n, one_run)
    table = claims.table
    size = table._keys.itemsize * len(table._keys) * 2  # the two arrays
    load = len(table) / len(table._keys)
    print(f"{'  table':<44} {size / 2**20:8.1f} MiB  {size / n:7.1f} bytes per id (load {load:.2f})")

    per = -(-n // args.parts)

    def parted() -> list[Claimed]:
        out = []
        for p in range(args.parts):
            part = Claims(first_source=p)
            part.name(p, f"in{p}.jsonl", lines=True)
            chunk = iris[p * per : (p + 1) * per]
            if p:  # a few ids of the first part again
                chunk = chunk + iris[: args.repeats // max(1, args.parts - 1)]
            for line, iri in enumerate(chunk, start=1):
                part.check(p, line, iri)
            out.append(part.claimed())
        return out

    parts = _timed(f"parts: {args.parts} parts, sorted Claimed", n, parted)
    held = sum(len(c.keys) * 8 + len(c.places) * 8 for c in parts)
    print(f"{'  what the parent holds':<44} {held / 2**20:8.1f} MiB  {held / n:7.1f} bytes per id")
    plan = _timed("parent: merge (reruns)", n, lambda: reruns(parts))
    print(f"{'  parts to run again, ids excluded':<44} {len(plan):8d}  {sum(map(len, plan.values())):8d}")

    from notice_ld.formats import Format
    from notice_ld.pipeline import Pipeline

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generate import generate

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in generate(args.notices, 0)),
            encoding="utf-8",
        )
        pipeline = Pipeline(validation=None)
        m = args.notices
        _timed()
        from notice_ld.readers import read_path

        _timed("pipeline: read_path (no check)", m, lambda: sum(1 for _ in read_path(path)))
        _timed("  Pipeline.outcomes (with the check)", m, lambda: sum(1 for _ in pipeline.outcomes([path])))
        _timed(
            "  Pipeline.convert to N-Triples",
            m,
            lambda: pipeline.convert([path], {Format.N_TRIPLES: io.BytesIO()}),
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
