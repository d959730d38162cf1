"""Minting Handles with the registry: keys per second at 1,000,000 keys, and the registry's size on disk.

Four measurements on a new registry file (in a temporary folder, removed at the end):

* **one batch** — the N keys of a run minted as one batch, the way ``convert --prefix`` mints after
  its first pass (:meth:`HandleRegistry.plan` on a snapshot, then :meth:`HandleRegistry.commit` in
  one ``BEGIN IMMEDIATE`` transaction); the number of keys that lost a candidate to another key
  (collisions settled by the rule) is printed too;
* **batched transactions** — the same N keys into another new registry in batches of ``--batch``
  keys (:meth:`HandleRegistry.mint_many`, one transaction each);
* **already issued** — the N keys again (every key is looked up: nothing is written);
* **one by one** — ``--single`` new keys with :meth:`HandleRegistry.mint`, one transaction each
  (``harvest`` and standard input mint this way; every commit is synced, ``synchronous=FULL``);
* **the first pass of convert** — ``notice-ld convert --prefix`` on ``--convert`` OAI-PMH records
  without identifier, with a new registry and with ``--no-registry`` (CPU time of the process:
  the registry's first pass reads the input once more and mints every key as one batch).

Size on disk: the registry file after closing (the write-ahead log is checkpointed into it), and
per key. CPU time (``time.process_time``) is printed next to wall time; the machine may be
shared, so the load average is printed before and after.

Run::

    PYTHONPATH=src python benchmarks/bench_mint.py                   # N = 1,000,000
    PYTHONPATH=src python benchmarks/bench_mint.py --n 100000 --batch 10000
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
_SRC = Path(__file__).resolve().parents[1] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

from _common import environment  # noqa: E402
from notice_ld.identifiers import HandleRegistry  # noqa: E402

_T = TypeVar("_T")


def keys(n: int, start: int = 0) -> list[str]:
    """OAI identifiers of several repositories, as a harvest of ISIDORE's sources gives them."""
    sources = ("oai:cairn.info:VSOC_", "oai:HAL:hal-0", "oai:revues.org:ethnoterrain/", "oai:persee:article/")
    return [f"{sources[i % 4]}{i:07d}" for i in range(start, start + n)]


def timed(label: str, n: int, work: Callable[[], _T]) -> _T:
    """Run ``work`` once; print keys per second of wall and of CPU time."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{label:<34} {n / wall:>10,.0f} keys/s wall ({wall:7.2f} s)   "
        f"{n / cpu:>10,.0f} keys/s CPU ({cpu:7.2f} s)"
    )
    return result


def oai_page(n: int) -> str:
    """An OAI-PMH page of ``n`` Dublin Core records whose only key is their OAI identifier."""
    dc = 'xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    records = "".join(
        f"<record><header><identifier>{key}</identifier><datestamp>2024-01-01</datestamp></header>"
        f"<metadata><oai_dc:dc {dc}><dc:title>Titre de la notice {i}</dc:title>"
        "<dc:creator>Martin, Jean</dc:creator><dc:date>2019</dc:date><dc:type>article</dc:type>"
        "<dc:language>fr</dc:language>"
        "<dc:description>Un résumé de revue, assez long pour en être un.</dc:description>"
        "</oai_dc:dc></metadata></record>"
        for i, key in enumerate(keys(n))
    )
    return f'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>{records}</ListRecords></OAI-PMH>'


def convert_cpu(folder: str, source: str, *extra: str) -> tuple[float, float]:
    """CPU and wall seconds of one ``notice-ld convert --prefix`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    command = [sys.executable, "-m", "notice_ld", "convert", source, "--prefix", "10670", "-q"]
    env = {**os.environ, "PYTHONPATH": str(_SRC)}
    subprocess.run([*command, "-f", "ntriples", "-o", os.devnull, *extra], cwd=folder, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return cpu, time.perf_counter() - wall


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="keys (default: 1,000,000)")
    parser.add_argument("--batch", type=int, default=100_000, help="keys per transaction (default: 100,000)")
    parser.add_argument("--single", type=int, default=5_000, help="keys minted one by one (default: 5,000)")
    parser.add_argument("--convert", type=int, default=5_000, help="OAI records converted (default: 5,000)")
    args = parser.parse_args()
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    n = args.n
    all_keys = keys(n)
    with tempfile.TemporaryDirectory(prefix="bench-mint-") as folder:
        one = Path(folder) / "one-batch.sqlite"
        with HandleRegistry(one, "10670") as registry:
            plan = timed("one batch: plan (snapshot)", n, lambda: registry.plan(all_keys))
            timed("one batch: commit (1 transaction)", n, lambda: registry.commit(plan))
            moved = sum(1 for attempt in plan.attempts.values() if attempt > 0)
            print(f"  {moved} keys lost their first candidate to another key (settled by the rule)")
            timed("already issued (lookups)", n, lambda: registry.mint_many(all_keys))
            extra = keys(args.single, start=n)
            timed(
                f"one by one ({args.single} new keys)", args.single, lambda: [registry.mint(k) for k in extra]
            )
        on_disk = size(one)
        print(
            f"registry on disk: {on_disk:,} bytes for {n + args.single:,} keys "
            f"({on_disk / (n + args.single):.0f} B/key)"
        )
        batched = Path(folder) / "batched.sqlite"
        with HandleRegistry(batched, "10670") as registry:

            def in_batches() -> None:
                for i in range(0, n, args.batch):
                    registry.mint_many(all_keys[i : i + args.batch])

            timed(f"batches of {args.batch:,} (1 transaction each)", n, in_batches)
        print(f"registry on disk: {size(batched):,} bytes for {n:,} keys ({size(batched) / n:.0f} B/key)")
        source = str(Path(folder) / "records.xml")
        Path(source).write_text(oai_page(args.convert), encoding="utf-8")
        for label, extra in (
            ("--no-registry", ["--no-registry"]),
            ("a new registry", ["--registry", "c.sqlite"]),
        ):
            cpu, wall = convert_cpu(folder, source, *extra)
            print(f"convert {args.convert:,} OAI records, {label:<14} {cpu:6.2f} s CPU ({wall:6.2f} s wall)")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
