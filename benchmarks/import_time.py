"""How much CPU ``import notice_ld`` costs a fresh interpreter, next to a bare one and to its peers.

Each statement — ``pass`` (the bare interpreter, the baseline), ``import notice_ld`` and, for
reference, ``import rdflib``, ``import pyoxigraph`` and ``import pydantic`` — runs as
``python -c STATEMENT`` in ``--repeat`` fresh child processes, the statements interleaved round
by round so a change of load on the (shared) machine hits them all alike. One warm-up run of each
is not counted (it also writes the ``.pyc`` files). For every child the script measures:

* **CPU** — user + system time of the child, from ``resource.getrusage(RUSAGE_CHILDREN)`` before
  and after it (one child at a time, so the delta is that child's);
* **wall** — ``time.perf_counter`` around start-to-exit (includes fork/exec).

It prints the median and the minimum of each, and the same minus the bare interpreter's
(``import`` cost = statement − ``pass``, medians with medians, minima with minima), the CPU count
and the load average before and after (the machine is shared: compare CPU, not wall, figures), and
which heavy modules ``import notice_ld`` leaves in ``sys.modules``.

The children import ``notice_ld`` from this checkout's ``src/`` (put first on ``PYTHONPATH``).
The exit status is 0 — this is a measurement, not a test — unless ``--max-ms`` is given and the
median import CPU of ``notice_ld`` (minus the bare interpreter) is above it.

Run::

    python benchmarks/import_time.py                 # 20 children per statement
    python benchmarks/import_time.py --repeat 50 --max-ms 150
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import environment

ROOT = Path(__file__).resolve().parents[1]

BASELINE = ("bare interpreter", "pass")
SUBJECT = ("notice_ld", "import notice_ld")
REFERENCES = (
    ("rdflib", "import rdflib"),
    ("pyoxigraph", "import pyoxigraph"),
    ("pydantic", "import pydantic"),
)
HEAVY = ("pydantic", "pydantic_core", "langcodes", "stdnum", "rdflib", "pyoxigraph", "pyshacl", "pyld")


@dataclass
class Samples:
    """CPU and wall seconds of each child run of one statement."""

    label: str
    statement: str
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)
    error: str | None = None


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    for name in ("PYTHONPROFILEIMPORTTIME", "PYTHONDONTWRITEBYTECODE", "PYTHONTRACEMALLOC"):
        env.pop(name, None)
    return env


def run_once(python: str, statement: str, env: dict[str, str]) -> tuple[float, float, int, str]:
    """(CPU s, wall s, exit status, stderr) of one ``python -c statement`` child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [python, "-c", statement],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, result.returncode, result.stderr.decode(errors="replace")


def measure(python: str, repeat: int, env: dict[str, str]) -> list[Samples]:
    samples = [Samples(label, stmt) for label, stmt in (BASELINE, SUBJECT, *REFERENCES)]
    for sample in samples:  # warm-up (writes .pyc files); a failing import is reported, not timed
        _, _, status, stderr = run_once(python, sample.statement, env)
        if status != 0:
            lines = stderr.strip().splitlines()
            sample.error = lines[-1] if lines else f"exit status {status}"
    for _ in range(repeat):
        for sample in samples:
            if sample.error is None:
                cpu, wall, _, _ = run_once(python, sample.statement, env)
                sample.cpu.append(cpu)
                sample.wall.append(wall)
    return samples


def heavy_modules(python: str, env: dict[str, str]) -> str:
    """The heavy third-party modules ``import notice_ld`` loads (from the child's sys.modules)."""
    code = f"import sys, notice_ld; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return "? (import failed)"
    return result.stdout.strip() or "none"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def report(samples: list[Samples]) -> float | None:
    """Print the table; return the median import CPU of notice_ld minus the bare interpreter, in ms."""
    base = samples[0]
    base_cpu_med, base_cpu_min = statistics.median(base.cpu), min(base.cpu)
    base_wall_med, base_wall_min = statistics.median(base.wall), min(base.wall)
    print(
        f"{'statement':<20} {'CPU med':>8} {'CPU min':>8} {'wall med':>8} {'wall min':>8}"
        f"  | minus bare: {'CPU med':>8} {'CPU min':>8} {'wall med':>8} {'wall min':>8}   (ms)"
    )
    subject_ms: float | None = None
    for sample in samples:
        if sample.error is not None:
            print(f"{sample.label:<20} not measured: {sample.error}")
            continue
        cpu_med, cpu_min = statistics.median(sample.cpu), min(sample.cpu)
        wall_med, wall_min = statistics.median(sample.wall), min(sample.wall)
        line = f"{sample.label:<20} {ms(cpu_med)} {ms(cpu_min)} {ms(wall_med)} {ms(wall_min)}"
        if sample is not base:
            line += (
                f"  |             {ms(cpu_med - base_cpu_med)} {ms(cpu_min - base_cpu_min)}"
                f" {ms(wall_med - base_wall_med)} {ms(wall_min - base_wall_min)}"
            )
        print(line)
        if sample.statement == SUBJECT[1]:
            subject_ms = (cpu_med - base_cpu_med) * 1000
    return subject_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="child processes per statement (default 20)")
    parser.add_argument(
        "--max-ms",
        type=float,
        default=None,
        help="exit 1 if the median import CPU of notice_ld, minus the bare interpreter, is above this",
    )
    parser.add_argument("--python", default=sys.executable, help="interpreter to run (default: this one)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    env = child_env()
    print(environment())
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    samples = measure(args.python, args.repeat, env)
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{args.repeat} fresh `{args.python} -c STATEMENT` children per statement, interleaved")
    print()
    subject_ms = report(samples)
    print()
    print(f"heavy modules loaded by `import notice_ld`: {heavy_modules(args.python, env)}")
    if subject_ms is None:
        print("import notice_ld failed: nothing to compare")
        return 1 if args.max_ms is not None else 0
    verdict = ""
    if args.max_ms is not None:
        verdict = f" (limit {args.max_ms:g} ms: {'OK' if subject_ms <= args.max_ms else 'OVER'})"
    print(f"import notice_ld: {subject_ms:.1f} ms of CPU over the bare interpreter (median){verdict}")
    if args.max_ms is not None and subject_ms > args.max_ms:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
