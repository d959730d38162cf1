"""The corpus figures per reader: ``python -m tests.bad_inputs`` (from the repository's root).

Every case goes through ``convert``, ``validate``, ``load``, ``site`` and ``cite`` in process; the
table counts, per reader, the cases, the clean errors (rejected records named in the report), the
tracebacks (an exception out of a command, or a traceback on standard error) and the good
records lost (missing from an output), with the CPU time and the load average.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from notice_ld import cli

from . import CASES, Case


def _run(argv: list[str]) -> tuple[int | None, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status: int | None = cli.main(argv)
        except BaseException as exc:  # a traceback is what is counted
            status = None
            err.write(f"Traceback: {type(exc).__name__}: {exc}")
    return status, out.getvalue(), err.getvalue()


def _case(case: Case, folder: Path) -> tuple[int, int, int]:
    """(clean errors, tracebacks, good records lost) of one case over every command."""
    os.chdir(folder)
    Path(case.filename).write_bytes(case.data)
    tracebacks = lost = errors = 0
    runs = {
        "convert": ["convert", case.filename, "-f", "ntriples", "-o", "out.nt", "--report", "c.json"],
        "validate": ["validate", case.filename, "--format", "json", "-o", "v.json"],
        "load": ["load", case.filename, "--store", "store", "--report", "l.json"],
        "site": ["site", case.filename, "-o", "site", "--jobs", "1", "--report", "s.json"],
    }
    for command, argv in runs.items():
        status, _, err = _run([*argv, *case.args])
        if status is None or "Traceback" in err:
            tracebacks += 1
            continue
        if case.refused:
            continue
        if command == "convert":
            written = Path("out.nt").read_text(encoding="utf-8") if Path("out.nt").exists() else ""
            lost += sum(f"/{good}>" not in written for good in case.good)
            if Path("c.json").exists():
                errors += len(json.loads(Path("c.json").read_text(encoding="utf-8"))["errors"])
        elif command == "load" and Path("l.json").exists():
            lost += max(0, len(case.good) - json.loads(Path("l.json").read_text(encoding="utf-8"))["added"])
        elif command == "site" and Path("site/sitemap.xml").exists():
            sitemap = Path("site/sitemap.xml").read_text(encoding="utf-8")
            lost += sum(good not in sitemap for good in case.good)
    if case.good:
        status, out, err = _run(["cite", case.good[-1], "-i", case.filename, *case.args])
        tracebacks += status is None or "Traceback" in err
        lost += case.good[-1] not in out
    return errors, tracebacks, lost


def main() -> None:
    """Print the table."""
    home = Path.cwd()
    ram = Path("/dev/shm")
    started, cpu = time.perf_counter(), time.process_time()
    table: dict[str, Counter[str]] = {}
    for case in CASES:
        folder = Path(tempfile.mkdtemp(prefix="notice-ld-corpus-", dir=ram if ram.is_dir() else None))
        try:
            errors, tracebacks, lost = _case(case, folder)
        finally:
            os.chdir(home)
            shutil.rmtree(folder, ignore_errors=True)
        row = table.setdefault(case.reader.value if case.reader else "(detection)", Counter())
        row.update(cases=1, errors=errors, tracebacks=tracebacks, lost=lost)
    print(f"{'reader':<14}{'cases':>7}{'clean errors':>14}{'tracebacks':>12}{'records lost':>14}")
    total: Counter[str] = Counter()
    for reader, row in table.items():
        total.update(row)
        print(f"{reader:<14}{row['cases']:>7}{row['errors']:>14}{row['tracebacks']:>12}{row['lost']:>14}")
    print(
        f"{'total':<14}{total['cases']:>7}{total['errors']:>14}{total['tracebacks']:>12}{total['lost']:>14}"
    )
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(
        f"wall {time.perf_counter() - started:.1f} s, CPU {time.process_time() - cpu:.1f} s, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


if __name__ == "__main__":
    main()
