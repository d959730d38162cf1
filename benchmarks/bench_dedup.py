"""N-Triples and Turtle dumps as sets: duplicates, bytes, time and peak RSS, before and after.

``notice-ld convert`` is run as a child process (so that its peak RSS and CPU time are its own)
on generated notices (``generate.py``), writing N-Triples and Turtle:

* **after**: this source tree, or ``--after-src DIR`` (each shared node's triples once, after
  the notices);
* **before**: the same command from another source tree (``--before-src DIR``, e.g.
  ``git worktree add /tmp/before <commit>``), or, without one, a stand-in in this tree that writes
  each notice whole, as before (``Codec.item`` per notice: the same lines, so the same
  duplicates and bytes; its time and RSS are only indicative).

Duplicates are counted as the issue did: ``LC_ALL=C sort FILE | uniq -d | wc -l`` (and the lines
written more than once); the graphs are compared as sets of lines (``sort -u``: the same terms
are written the same way). ``--jobs`` runs the after side again on N workers and checks its
bytes are those of ``--jobs 1``.

    python benchmarks/bench_dedup.py 100000 [--jobs 2] [--before-src /tmp/before]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, environment

STAND_IN = """
import sys, json
from notice_ld.formats import Format
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.writers import codec
fmt = Format.from_name(sys.argv[2])
one = codec(fmt)
with open(sys.argv[1], encoding="utf-8") as fh, open(sys.argv[3], "wb") as out:
    out.write(one.header())
    for line in fh:
        if line.strip():
            out.write(one.lead + one.item(map_notice(Notice.from_dict(json.loads(line)))))
"""


def run(argv: list[str], src: Path) -> dict[str, float]:
    """Run ``argv`` with ``src`` first on the path; wall, CPU (user + system) and peak RSS."""
    env = dict(os.environ, PYTHONPATH=str(src), LC_ALL="C")
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{argv} failed: {child.stderr.read().decode()[-2000:] if child.stderr else ''}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mib": usage.ru_maxrss / 1024}


def shell(command: str) -> str:
    return subprocess.run(
        ["sh", "-c", command], check=True, capture_output=True, env=dict(os.environ, LC_ALL="C")
    ).stdout.decode()


def duplicates(path: Path) -> dict[str, int]:
    """Lines that occur more than once (distinct), extra copies, all lines."""
    repeated = int(shell(f"sort -S 256M '{path}' | uniq -d | wc -l"))
    lines = int(shell(f"wc -l < '{path}'"))
    unique = int(shell(f"sort -u -S 256M '{path}' | wc -l"))
    return {"lines": lines, "distinct_repeated": repeated, "extra_copies": lines - unique}


def same_set(before: Path, after: Path) -> bool:
    return shell(f"sort -u -S 256M '{before}' | sha256sum") == shell(f"sort -u -S 256M '{after}' | sha256sum")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notices", type=int, nargs="?", default=100_000)
    parser.add_argument("--jobs", type=int, default=2, help="also run the after side on N workers")
    parser.add_argument("--before-src", type=Path, help="the src/ folder of the code before")
    parser.add_argument(
        "--after-src", type=Path, help="the src/ folder of the code after (default: this tree)"
    )
    parser.add_argument("--keep", type=Path, help="write the files here (default: a temporary folder)")
    args = parser.parse_args()
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-dedup-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "in.jsonl"
    if not source.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(args.notices), "-o", str(source)],
            check=True,
        )
    here = args.after_src or ROOT / "src"
    results: dict[str, object] = {"notices": args.notices}
    convert = [sys.executable, "-m", "notice_ld", "convert"]
    for name, ext in (("ntriples", "nt"), ("turtle", "ttl")):
        before, after = work / f"before.{ext}", work / f"after.{ext}"
        if args.before_src is not None:
            figures_before = run(
                [*convert, str(source), "-f", name, "-o", str(before), "-q", "--no-validate"],
                args.before_src,
            )
            kind = f"before ({args.before_src})"
        else:
            figures_before = run([sys.executable, "-c", STAND_IN, str(source), name, str(before)], here)
            kind = "before (stand-in: each notice whole)"
        figures_after = run(
            [*convert, str(source), "-f", name, "-o", str(after), "-q", "--no-validate"],
            here,
        )
        row: dict[str, object] = {
            "before": {"kind": kind, **figures_before, "bytes": before.stat().st_size},
            "after": {**figures_after, "bytes": after.stat().st_size},
            "bytes_saved": before.stat().st_size - after.stat().st_size,
        }
        if name == "ntriples":
            row["before"] |= duplicates(before)  # type: ignore[operator]
            row["after"] |= duplicates(after)  # type: ignore[operator]
            row["same_graph"] = same_set(before, after)
        if args.jobs > 1:
            parallel = work / f"after-j{args.jobs}.{ext}"
            figures = run(
                [
                    *convert,
                    str(source),
                    "-f",
                    name,
                    "-o",
                    str(parallel),
                    "-q",
                    "--no-validate",
                    "-j",
                    str(args.jobs),
                ],
                here,
            )
            same = shell(f"cmp -s '{parallel}' '{after}' && echo same || echo differ").strip()
            row[f"after_jobs_{args.jobs}"] = {**figures, "bytes_identical_to_jobs_1": same == "same"}
        results[name] = row
        print(json.dumps({name: row}, indent=1))
    print(f"load average after: {os.getloadavg()}")
    print(f"files in {work}")


if __name__ == "__main__":
    main()
