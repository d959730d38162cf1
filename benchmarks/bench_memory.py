"""Flat memory: peak RSS of the real CLI converting 10,000 and 100,000 notices.

For each size (``--small``, default 10,000; ``--large``, default 100,000) the notices are
generated (:mod:`generate`, seed 0) to a JSON Lines file in a temporary folder, then for each
format (``--formats``, default ``turtle,jsonld``) the real command line runs::

    python -m notice_ld convert FILE --format FORMAT -o - --quiet      (stdout -> /dev/null)

Each conversion is measured in a fresh **wrapper** process (this script with ``--child``) whose
only child is that CLI process: after waiting for it, the wrapper reports
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` — the CLI process's peak resident set size —
so no measurement is contaminated by the generator, by this script, or by an earlier run (the
children's maximum of this script itself would keep the largest value seen so far).

The output goes to stdout redirected to ``/dev/null`` (``-o -``), not to ``-o /dev/null``: the
CLI writes its output atomically (a temporary file then a rename next to the target), which is
not what a device file wants.

Prints the peak RSS at both sizes and the ratio large / small per format; the requirement is a
ratio <= 1.10. Exit status 1 when a ratio is above ``--limit`` (default 1.10).

Run::

    PYTHONPATH=src python benchmarks/bench_memory.py                  # 10k vs 100k, a few minutes
    PYTHONPATH=src python benchmarks/bench_memory.py --small 1000 --large 10000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    if SRC.is_dir():
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    return env


def child(argv: list[str]) -> int:
    """Wrapper: run the CLI once as this process's only child, print its peak RSS and time as JSON."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "notice_ld", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
        check=False,
    )
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "returncode": done.returncode,
                "maxrss_kib": usage.ru_maxrss,  # KiB on Linux
                "seconds": seconds,
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "stderr": done.stderr.decode("utf-8", "replace")[-2000:],
            }
        )
    )
    return 0


def measure(path: Path, fmt: str) -> dict[str, float]:
    """Run the wrapper in a fresh process for one conversion; return what it reports."""
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            "convert",
            str(path),
            "--format",
            fmt,
            "-o",
            "-",
            "--quiet",
        ],
        capture_output=True,
        env=_env(),
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    if result["returncode"] != 0:
        raise SystemExit(
            f"notice-ld convert {path.name} --format {fmt} failed "
            f"(exit {result['returncode']}):\n{result['stderr']}"
        )
    return result


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["--child"]:
        return child(args_in[1:])
    parser = argparse.ArgumentParser(description="peak RSS of notice-ld convert at two sizes")
    parser.add_argument("--small", type=int, default=10_000, help="notices in the small run (default: 10000)")
    parser.add_argument(
        "--large", type=int, default=100_000, help="notices in the large run (default: 100000)"
    )
    parser.add_argument("--formats", default="turtle,jsonld", help="comma-separated (default: turtle,jsonld)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument("--limit", type=float, default=1.10, help="largest accepted ratio (default: 1.10)")
    parser.add_argument("--tmp", default=None, help="folder for the generated files (default: a temp dir)")
    args = parser.parse_args(args_in)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]

    from _common import environment
    from generate import write_jsonl

    print("peak RSS of `python -m notice_ld convert FILE --format F -o - --quiet`")
    print(environment(), flush=True)
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="notice-ld-bench-", dir=args.tmp) as tmp:
        files = {}
        for size in (args.small, args.large):
            path = Path(tmp) / f"notices-{size}.jsonl"
            start = time.perf_counter()
            write_jsonl(str(path), size, args.seed)
            print(
                f"generated {size} notices -> {path.stat().st_size / 1e6:,.0f} MB "
                f"in {time.perf_counter() - start:.0f} s",
                flush=True,
            )
            files[size] = path
        for fmt in formats:
            peaks = {}
            for size in (args.small, args.large):
                r = measure(files[size], fmt)
                peaks[size] = r["maxrss_kib"]
                print(
                    f"  {fmt:<8} {size:>8} notices: peak RSS {r['maxrss_kib'] / 1024:7.1f} MiB, "
                    f"{r['seconds']:6.1f} s wall, {size / r['seconds']:6,.0f} notices/s "
                    f"(end to end: read + parse + map + write)",
                    flush=True,
                )
            ratio = peaks[args.large] / peaks[args.small]
            worst = max(worst, ratio)
            print(
                f"  {fmt:<8} ratio {args.large} / {args.small}: {ratio:.3f} "
                f"({'OK' if ratio <= args.limit else 'ABOVE'} the {args.limit:.2f} limit)",
                flush=True,
            )
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
