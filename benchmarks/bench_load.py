"""``notice-ld load``: peak memory, wall and CPU time into the embedded store, at several sizes.

Each run is a fresh child process, ``python -m notice_ld load FILE --store EMPTY_FOLDER -q``
(plus ``--jobs N``), on notices from :func:`generate.generate` (seed 0). For each run it prints:

* wall seconds and CPU seconds (user + sys of the command and of its worker processes, from
  ``wait4``), notices per wall second;
* **peak RSS**: the largest single process (``ru_maxrss``) and the peak of the sum over the
  process tree (the command and its workers, sampled every 50 ms with psutil) — what the machine
  must have free.

``--creators`` adds one-notice inputs with that many creators (the "very large legal record" of
the robustness issue): the cost of one large notice against its size, per creator.

``--src`` runs another checkout's sources (``PYTHONPATH``), to measure before and after a
change side by side. The load average is printed before and after: the machine may be shared.

    python benchmarks/bench_load.py --notices 10000 100000
    python benchmarks/bench_load.py --notices 20000 --jobs 1 2 --creators 1000 5000 20000
    python benchmarks/bench_load.py --notices 10000 --src /path/to/old/checkout/src
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import environment
from generate import generate


@dataclass(frozen=True)
class Run:
    """What one ``load`` run cost."""

    label: str
    notices: int
    jobs: int | None
    wall: float
    cpu: float
    max_rss_mb: float
    tree_rss_mb: float
    status: int


def _tree_rss(pid: int) -> int:
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_load(source: Path, store: Path, jobs: int | None, src: str | None, extra: list[str]) -> Run:
    """One ``notice-ld load`` child: wall, CPU, peak RSS (largest process, process tree)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-m", "notice_ld", "load", str(source), "--store", str(store), "-q", *extra]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(child.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    shutil.rmtree(store, ignore_errors=True)
    return Run(
        label=source.name,
        notices=0,
        jobs=jobs,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_rss_mb=peak[0] / 2**20,
        status=child.returncode,
    )


def _notices(folder: Path, count: int) -> Path:
    path = folder / f"notices-{count}.jsonl"
    if not path.exists():
        with path.open("w", encoding="utf-8") as fh:
            for record in generate(count):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _creators(folder: Path, count: int) -> Path:
    """One notice with ``count`` creators (family, given), no identifiers."""
    path = folder / f"creators-{count}.jsonl"
    if not path.exists():
        record = next(iter(generate(1)))
        record["creators"] = [{"family": f"Famille{i:06d}", "given": "Jeanne"} for i in range(count)]
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, nargs="*", default=[], help="--jobs values (none: not passed)")
    parser.add_argument("--creators", type=int, nargs="*", default=[], help="one notice with N creators")
    parser.add_argument("--src", default=None, help="PYTHONPATH of the sources to run (default: installed)")
    parser.add_argument("--data", default=None, help="folder to keep generated inputs (default: temporary)")
    parser.add_argument("--no-validate", action="store_true", help="pass --no-validate")
    args = parser.parse_args(argv)
    print(environment())
    if args.src:
        print(f"sources: {args.src}")
    print(f"load average before: {os.getloadavg()}")
    extra = ["--no-validate"] if args.no_validate else []
    jobs_values: list[int | None] = list(args.jobs) or [None]
    with tempfile.TemporaryDirectory(prefix="bench-load-") as scratch:
        data = Path(args.data) if args.data else Path(scratch)
        data.mkdir(parents=True, exist_ok=True)
        store = Path(scratch) / "store"
        header = ("input", "jobs", "wall s", "CPU s", "notices/s", "max RSS MB", "tree RSS MB", "exit")
        widths = (22, 4, 8, 8, 10, 11, 12, 5)
        print(" ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)), flush=True)
        for count in args.notices:
            source = _notices(data, count)
            for jobs in jobs_values:
                r = run_load(source, store, jobs, args.src, extra)
                print(
                    f"{source.name:>22} {jobs or '-':>4} {r.wall:>8.1f} {r.cpu:>8.1f} "
                    f"{count / r.wall:>10,.0f} {r.max_rss_mb:>11,.0f} {r.tree_rss_mb:>12,.0f} {r.status:>5}",
                    flush=True,
                )
        for count in args.creators:
            source = _creators(data, count)
            r = run_load(source, store, None, args.src, extra)
            print(
                f"{source.name:>22} {'-':>4} {r.wall:>8.1f} {r.cpu:>8.1f} {'':>10} "
                f"{r.max_rss_mb:>11,.0f} {r.tree_rss_mb:>12,.0f} {r.status:>5}   "
                f"{1e6 * r.cpu / count:,.0f} µs CPU per creator",
                flush=True,
            )
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
