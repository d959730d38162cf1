"""``convert --jobs``: 1 vs N worker processes on the same generated notices, side by side.

Runs ``notice-ld convert`` (validation on, Turtle out) as a child process for each worker count,
``--repeat`` times, alternating the counts so a change in the machine's load hits them alike, and
prints per count: median wall time, the children's CPU time (user + sys, all workers), notices per
wall second and CPU milliseconds per notice; then the speed-up against one worker and whether the
outputs were byte-identical. The load average is printed before and after (the machine is
shared: a loaded machine cannot show the speed-up of an idle one).

    python benchmarks/bench_jobs.py --notices 20000 --jobs 1 2 --repeat 3 [--dask]

``--command load`` measures ``notice-ld load`` instead (into a fresh embedded store each run;
the identity checked is the store's quads, sorted, and the ``--report`` but its ``seconds``),
``--command validate`` measures ``notice-ld validate --format json`` (its output compared);
several commands can be given, each is measured in turn:

    python benchmarks/bench_jobs.py --notices 20000 --jobs 1 2 --command convert load validate
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import environment
from generate import generate


def _store_digest(store: Path, report: Path) -> str:
    """sha256 of the store's quads (sorted N-Quads lines) and of the report without ``seconds``."""
    import pyoxigraph as ox

    db = ox.Store(str(store))
    digest = hashlib.sha256()
    for line in sorted(str(q) for q in db):
        digest.update(line.encode("utf-8") + b"\n")
    del db
    data = json.loads(report.read_text(encoding="utf-8"))
    data.pop("seconds", None)
    digest.update(json.dumps(data, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _run_command(command: str, source: Path, out: Path, jobs: int) -> tuple[float, float, str]:
    """``load`` or ``validate``: wall seconds, children's CPU seconds, digest of what it made."""
    import shutil

    if command == "load":
        shutil.rmtree(out, ignore_errors=True)
        report = out.with_suffix(".report.json")
        args = ["load", str(source), "--store", str(out), "--report", str(report), "-q", "-j", str(jobs)]
    else:
        args = ["validate", str(source), "--format", "json", "-o", str(out), "-j", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "notice_ld", *args], check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if command == "load":
        found = _store_digest(out, report)
        shutil.rmtree(out, ignore_errors=True)
        return wall, cpu, found
    return wall, cpu, hashlib.sha256(out.read_bytes()).hexdigest()


def _run(source: Path, out: Path, jobs: int, engine: str = "processes") -> tuple[float, float, str]:
    """Wall seconds, children's CPU seconds (the workers' included), sha256 of the output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "notice_ld",
            "convert",
            str(source),
            "-f",
            "turtle",
            "-o",
            str(out),
            "-q",
            "-j",
            str(jobs),
            "--engine",
            engine,
        ],
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, hashlib.sha256(out.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--dask",
        action="store_true",
        help="also run each worker count on a local Dask cluster (--engine dask)",
    )
    parser.add_argument(
        "--command",
        nargs="+",
        choices=["convert", "load", "validate"],
        default=["convert"],
        help="the commands to measure, one after the other (default: convert)",
    )
    args = parser.parse_args(argv)
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "notices.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for record in generate(args.notices):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{args.notices:,} notices, {source.stat().st_size / 1e6:.1f} MB of JSON Lines")
        for command in args.command:
            print(f"-- notice-ld {command}", flush=True)
            _measure(args, command, source, Path(folder))
    print(f"load average after: {os.getloadavg()}")
    return 0


def _measure(args: argparse.Namespace, command: str, source: Path, folder: Path) -> None:
    runs = [("processes", jobs) for jobs in args.jobs]
    if args.dask and command == "convert":
        runs += [("dask", jobs) for jobs in args.jobs]
    results: dict[tuple[str, int], list[tuple[float, float, str]]] = {run: [] for run in runs}
    for _ in range(args.repeat):
        for engine, jobs in runs:
            if command == "convert":
                out = folder / f"out-{engine}-{jobs}.ttl"
                results[(engine, jobs)].append(_run(source, out, jobs, engine))
            else:
                out = folder / f"{command}-{jobs}.out"
                results[(engine, jobs)].append(_run_command(command, source, out, jobs))
    base = statistics.median(w for w, _, _ in results[runs[0]])
    digests = {d for found in results.values() for _, _, d in found}
    header = ("engine", "jobs", "wall s", "CPU s", "notices/s", "CPU ms/notice", "speed-up")
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, (9, 4, 8, 8, 10, 14, 9), strict=True)))
    for (engine, jobs), found in results.items():
        wall = statistics.median(w for w, _, _ in found)
        cpu = statistics.median(c for _, c, _ in found)
        print(
            f"{engine:>9} {jobs:>4} {wall:>8.2f} {cpu:>8.2f} {args.notices / wall:>10,.0f} "
            f"{1000 * cpu / args.notices:>14.3f} {base / wall:>8.2f}x"
        )
    what = "store content and report" if command == "load" else "outputs byte-for-byte"
    print(f"{what} identical across engines, worker counts and runs: {len(digests) == 1}")


if __name__ == "__main__":
    raise SystemExit(main())
