"""Spark: its fixed overhead, and its throughput on generated notices against ``convert --jobs N``.

Side by side on the same JSON Lines file (validation on, Turtle out):

* ``convert --jobs N`` as a child process (wall time, the children's CPU time);
* a Spark ``local[N]`` run in a child process, which reports: the session start, a first empty
  job (``spark.range(1).count()``), a conversion of an empty file (the part function's fixed cost:
  Python workers started, notice_ld imported, shapes loaded), then the notices through
  :func:`notice_ld.pipeline.on_spark.convert_files` + ``collect`` — and, with ``--parquet``,
  the same notices written to Parquet in the notice schema and converted from Spark's reader
  (:func:`~notice_ld.pipeline.on_spark.convert_frame`, in file order). CPU time is that of the
  whole process tree (driver, JVM, Python workers), read from ``/proc`` (Linux).

Whether every output is byte-identical to ``--jobs N`` is printed; so is the load average before
and after (a loaded machine cannot show an idle machine's figures).

    python benchmarks/bench_spark.py --notices 20000 --jobs 2 [--parquet]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import environment
from generate import generate

_TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(root: int) -> float:
    """CPU seconds (user + system, reaped children included) of ``root`` and its live descendants."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = sum(int(x) for x in fields[11:15]) / _TICK  # utime stime cutime cstime
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _child(source: Path, empty: Path, jobs: int, parquet: bool, folder: Path) -> None:
    """The Spark side, in its own process: one JSON line of figures per step."""
    from notice_ld.formats import Format
    from notice_ld.pipeline import Pipeline
    from notice_ld.pipeline.on_spark import collect, convert_files, convert_frame, spark_session

    me = os.getpid()
    pipeline = Pipeline()

    def step(name: str, started: float, cpu: float, **extra: Any) -> None:
        figures = {"step": name, "wall": time.perf_counter() - started, "cpu": _tree_cpu(me) - cpu}
        print(json.dumps(figures | extra), flush=True)

    started, cpu = time.perf_counter(), _tree_cpu(me)
    with spark_session(jobs) as spark:
        step("session start", started, cpu)
        started, cpu = time.perf_counter(), _tree_cpu(me)
        spark.range(1).count()
        step("first empty job", started, cpu)
        started, cpu = time.perf_counter(), _tree_cpu(me)
        collect(convert_files(spark, pipeline, [empty], Format.TURTLE), io.BytesIO(), Format.TURTLE)
        step("empty conversion", started, cpu)
        started, cpu = time.perf_counter(), _tree_cpu(me)
        out = io.BytesIO()
        report = collect(
            convert_files(spark, pipeline, [source], Format.TURTLE, parts=4 * jobs), out, Format.TURTLE
        )
        step(
            "convert_files (JSON Lines)",
            started,
            cpu,
            notices=report["converted"],
            sha=hashlib.sha256(out.getvalue()).hexdigest(),
        )
        if parquet:
            from pyspark.sql import functions as F

            from notice_ld.pipeline.arrow_schema import spark_ddl, write_parquet

            lake = folder / "notices.parquet"
            started, cpu = time.perf_counter(), _tree_cpu(me)
            written = write_parquet(pipeline.outcomes([source]), lake)
            step("write_parquet (one core)", started, cpu, notices=written.converted)
            started, cpu = time.perf_counter(), _tree_cpu(me)
            frame = (
                spark.read.schema(spark_ddl())
                .parquet(str(lake))
                .select("*", F.col("_metadata.row_index").alias("row"))
            )
            out = io.BytesIO()
            report = collect(
                convert_frame(frame, pipeline, Format.TURTLE, order_by="row", parts=4 * jobs),
                out,
                Format.TURTLE,
            )
            step(
                "convert_frame (Parquet)",
                started,
                cpu,
                notices=report["converted"],
                sha=hashlib.sha256(out.getvalue()).hexdigest(),
            )


def _jobs_run(source: Path, out: Path, jobs: int) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [
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
    ]
    subprocess.run([*command, "-j", str(jobs)], check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, hashlib.sha256(out.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--parquet", action="store_true", help="also write Parquet and convert from it")
    parser.add_argument("--child", nargs=3, metavar=("SOURCE", "EMPTY", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        source, empty, folder = (Path(p) for p in args.child)
        _child(source, empty, args.jobs, args.parquet, folder)
        return 0
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        source, empty = folder / "notices.jsonl", folder / "empty.jsonl"
        with source.open("w", encoding="utf-8") as fh:
            for record in generate(args.notices):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        empty.write_bytes(b"")
        print(f"{args.notices:,} notices, {source.stat().st_size / 1e6:.1f} MB of JSON Lines")
        wall, cpu, digest = _jobs_run(source, folder / "jobs.ttl", args.jobs)
        rows = [(f"convert --jobs {args.jobs}", wall, cpu, args.notices, digest)]
        child = [sys.executable, __file__, "--jobs", str(args.jobs), "--child", str(source), str(empty), name]
        if args.parquet:
            child.append("--parquet")
        started = time.perf_counter()
        done = subprocess.run(child, capture_output=True, text=True, check=False)
        total = time.perf_counter() - started
        if done.returncode:
            causes = [line for line in done.stderr.splitlines() if "Error" in line and "\tat " not in line]
            print("\n".join(causes[:20]) or done.stderr[-3000:], file=sys.stderr)
            return 1
        for line in done.stdout.splitlines():
            step = json.loads(line)
            rows.append(
                (f"spark {step['step']}", step["wall"], step["cpu"], step.get("notices"), step.get("sha"))
            )
    print(
        f"{'run':<38} {'wall s':>8} {'CPU s':>8} {'notices/s':>10} {'CPU ms/notice':>14} {'same bytes':>10}"
    )
    for label, wall, cpu, notices, sha in rows:
        rate = f"{notices / wall:>10,.0f}" if notices else f"{'':>10}"
        per = f"{1000 * cpu / notices:>14.3f}" if notices else f"{'':>14}"
        same = "" if sha is None else str(sha == digest)
        print(f"{label:<38} {wall:>8.2f} {cpu:>8.2f} {rate} {per} {same:>10}")
    print(f"spark child process, start to exit (JVM start and stop included): {total:.2f} s wall")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
