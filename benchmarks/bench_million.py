"""A million notices through ``convert --jobs N -o DIR/``: memory per worker, time, extrapolation.

Generates ``--notices`` notices (benchmarks/generate.py; record ``i`` depends only on ``i``) into
one JSON Lines file, runs ``notice-ld convert FILE --jobs N -o DIR/`` (validation on) as a child
process and samples, every ``--every`` seconds, the resident memory of the command and of each of
its worker processes (from ``/proc``, through psutil). Prints the wall time, the CPU time of all
processes, the per-core rate (notices per CPU second), each process's peak RSS, the manifest's
counts (converted + rejected + deleted == input), and a table extrapolating 10 M and 100 M
notices from the measured per-core rate at several core counts (assuming the measured scaling
holds: parts are independent, so it does up to the disk's and the merge's throughput).

The machine is shared: the load average is printed before and after.

    python benchmarks/bench_million.py --notices 1000000 --jobs 2 [--format turtle] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import environment
from generate import dumps, generate


class _Sampler(threading.Thread):
    """Peak RSS per process of a process tree, sampled until stopped."""

    def __init__(self, pid: int, every: float) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.every = every
        self.peaks: dict[int, tuple[str, int]] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            for process in processes:
                try:
                    rss = process.memory_info().rss
                    role = "command" if process.pid == self.root.pid else "worker"
                except psutil.Error:
                    continue
                _, peak = self.peaks.get(process.pid, (role, 0))
                self.peaks[process.pid] = (role, max(peak, rss))
            self.stopped.wait(self.every)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="turtle")
    parser.add_argument("--every", type=float, default=0.5, help="seconds between memory samples")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    args = parser.parse_args(argv)
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-million-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "notices.jsonl"
    started = time.perf_counter()
    if not source.exists() or sum(1 for _ in source.open("rb")) != args.notices:
        with source.open("w", encoding="utf-8") as fh:
            for record in generate(args.notices):
                fh.write(dumps(record) + "\n")
    print(
        f"{args.notices:,} notices, {source.stat().st_size / 1e9:.2f} GB of JSON Lines "
        f"(generated or checked in {time.perf_counter() - started:.0f} s)"
    )
    out = folder / "out"
    if out.exists():
        import shutil

        shutil.rmtree(out)
    command = [
        sys.executable, "-m", "notice_ld", "convert", str(source), "-f", args.format,
        "-o", f"{out}/", "-q", "--jobs", str(args.jobs),
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    child = subprocess.Popen(command)
    sampler = _Sampler(child.pid, args.every)
    sampler.start()
    status = child.wait()
    wall = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"exit status {status}; wall {wall:,.0f} s; CPU (all processes) {cpu:,.0f} s")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    totals = {
        key: sum(int(part.get(key, 0)) for part in manifest["parts"])
        for key in ("converted", "rejected", "deleted")
    }
    accounted = sum(totals.values())
    print(
        f"manifest: {len(manifest['parts'])} parts, {totals}; accounted for {accounted:,} of {args.notices:,}"
    )
    size = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    print(f"output: {size / 1e9:.2f} GB in {out}")
    workers = sorted((peak for role, peak in sampler.peaks.values() if role == "worker"), reverse=True)
    command_peak = max((peak for role, peak in sampler.peaks.values() if role == "command"), default=0)
    print(
        f"peak RSS: command {command_peak / 2**20:.0f} MiB; workers (max first): "
        + ", ".join(f"{peak / 2**20:.0f} MiB" for peak in workers[: args.jobs * 2])
    )
    per_core = args.notices / cpu
    print(f"rate: {args.notices / wall:,.0f} notices/s wall, {per_core:,.0f} notices per CPU second")
    print("\nextrapolation from the measured per-core rate (hours of wall time):")
    print(f"{'notices':>12} " + " ".join(f"{f'{c} cores':>10}" for c in (1, 2, 16, 64, 256)))
    for total in (1_000_000, 10_000_000, 100_000_000):
        print(
            f"{total:>12,} " + " ".join(f"{total / per_core / c / 3600:>10.2f}" for c in (1, 2, 16, 64, 256))
        )
    print(f"load average after: {os.getloadavg()}")
    if args.keep is None:
        import shutil

        shutil.rmtree(folder)
    return 0 if status in (0, 1) and accounted == args.notices else 1


if __name__ == "__main__":
    raise SystemExit(main())
