"""Web publishing: the static site and ``serve``, side by side with the obvious way, in one run.

**Static site** (``notice_ld.web.site.build_site``, what ``notice-ld site`` runs), on N generated
notices read from a JSON Lines file (parsing included, as a user runs it), each configuration in
its own child process so its peak RSS (``ru_maxrss``) is its own:

* ``full`` — every page with related links (two passes over the input), every per-notice
  export (Turtle, JSON-LD, N-Triples, RDF/XML, N-Quads, BibTeX, RIS, CSL-JSON, schema.org),
  the three dumps, index, VoID, sitemap;
* ``pages`` — pages (with related links), Turtle / JSON-LD / N-Triples alternates and dumps;
* ``full`` on N/5 notices — memory must stay flat: peak RSS at N against N/5;
* **baseline** — the obvious way, on the first ``--baseline-n`` notices: per notice an rdflib
  ``Graph`` of the same triples serialized by rdflib (Turtle, N-Triples, JSON-LD) and a page
  rendered from the same template with a **new Jinja2 environment per page**.

Each row gives wall pages/s and the CPU time per page split into user and system time
(``getrusage`` deltas): the system share is mostly file creation on the output's filesystem.
Then, to prove where the bound is, on the same input file and each in its own child process:

* **floors** — ``parse only`` (``read_path`` over the file once, and twice as the site reads it:
  one pass for the related-links index, one to write), ``parse + map`` (``map_notice`` per
  notice, no output) and ``files only``: the same number of files with the same sizes in the
  same folders as the ``full`` site (its layout, walked before it is removed), written with no
  computation, on the output's filesystem and in ``/dev/shm`` (tmpfs) when there is room, and
  for the ``pages`` layout; files/s, µs per file and the implied pages/s ceiling;
* **breakdown** — ``full`` on the first ``--breakdown-n`` notices with functions of
  ``notice_ld.web.site`` and ``notice_ld.web._notice_files`` wrapped (``map_notice``,
  ``render_page``, ``NoticeFiles._rdf``, ``NoticeFiles._one`` per format, ``NoticeFiles.file``,
  ``_Stats.add``, ``InputRelated.related`` and
  ``.add``, ``gzip.GzipFile.write``, and the input iterator): exclusive ms per page each, and the rest;
* **memory** — with ``--memory-n M``, ``pages`` mode at N/5, N and M notices: peak RSS of each;
* a last line: the ceiling implied by the floors, 1 / (1/parse-x2-and-map + 1/files), against
  the measured ``full`` and ``pages`` rates (and the same from CPU time).

One process runs on one core, so pages/s is pages/s per core; the ``--jobs`` row (all usable
cores) divides its rate by the number of workers. **serve**: ``notice-ld serve
--input`` (one process, threaded ``wsgiref``) on 127.0.0.1 with ``--concurrency`` connections
for ``--seconds`` seconds, over ``--urls`` notice pages asked for in turn: first **cached**
(every URL fetched once before timing), then the same server code with its cache off
(``cache_size=0``: every request renders). The load generator is ``wrk`` when installed
(Debian package ``wrk``), else a Python one with threads (``--load python`` forces it).

Run::

    PYTHONPATH=src python benchmarks/bench_site.py                  # N=10000
    PYTHONPATH=src python benchmarks/bench_site.py --n 2000 --baseline-n 200 --seconds 5
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
_ROOT = Path(__file__).resolve().parents[1]
if (_ROOT / "src").is_dir() and str(_ROOT / "src") not in sys.path:
    sys.path.insert(0, str(_ROOT / "src"))

from _common import environment  # noqa: E402
from generate import write_jsonl  # noqa: E402

_CHILD = r"""
import json, resource, sys, time
from notice_ld.formats import Format
from notice_ld.readers import read_path
from notice_ld.web.site import build_site
path, out, mode = sys.argv[1:4]
jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 1
formats = None if mode == "full" else [Format.TURTLE, Format.JSON_LD, Format.N_TRIPLES]
r0 = resource.getrusage(resource.RUSAGE_SELF)
k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t0, c0 = time.perf_counter(), time.process_time()
report = build_site(lambda: read_path(path), out, base_url="https://example.org/", formats=formats, jobs=jobs)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
r1 = resource.getrusage(resource.RUSAGE_SELF)
k1 = resource.getrusage(resource.RUSAGE_CHILDREN)  # the worker processes, when jobs > 1
cpu += (k1.ru_utime - k0.ru_utime) + (k1.ru_stime - k0.ru_stime)
print(json.dumps({"pages": report.pages, "files": report.files, "wall": wall, "cpu": cpu,
                  "utime": r1.ru_utime - r0.ru_utime + k1.ru_utime - k0.ru_utime,
                  "stime": r1.ru_stime - r0.ru_stime + k1.ru_stime - k0.ru_stime,
                  "rss_kb": r1.ru_maxrss}))
"""

# floors: what a site cannot go below on the same notices (nothing written)
_FLOOR = r"""
import json, resource, sys, time
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.readers import read_path
path, mode = sys.argv[1:3]
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
count = 0
for _ in range(2 if mode == "parse2" else 1):
    count = 0
    for outcome in read_path(path):
        if isinstance(outcome, Notice):
            count += 1
            if mode == "map":
                map_notice(outcome)
wall = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"pages": count, "wall": wall, "utime": r1.ru_utime - r0.ru_utime,
                  "stime": r1.ru_stime - r0.ru_stime, "rss_kb": r1.ru_maxrss}))
"""

# files only: the layout of a built site (relative paths + sizes), written with no computation
_FILES = r"""
import json, os, resource, sys, time
layout_path, out = sys.argv[1:3]
with open(layout_path, encoding="utf-8") as fh:
    layout = json.load(fh)
biggest = max((size for _, size in layout), default=0)
view = memoryview(bytes(range(256)) * (biggest // 256 + 1))  # not zeros: no filesystem shortcut
made = set()
r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = time.perf_counter()
for relative, size in layout:
    path = os.path.join(out, relative)
    folder = os.path.dirname(path)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    with open(path, "wb") as fh:
        fh.write(view[:size])
wall = time.perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"files": len(layout), "bytes": sum(size for _, size in layout), "folders": len(made),
                  "wall": wall, "utime": r1.ru_utime - r0.ru_utime, "stime": r1.ru_stime - r0.ru_stime}))
"""

# breakdown of ``full``: exclusive time (a wrapped call inside another is taken out of the outer one)
_BREAKDOWN = r"""
import gzip, json, resource, sys, time
from time import perf_counter
from notice_ld.formats import Format
from notice_ld.readers import read_path
from notice_ld import mapping
from notice_ld.web import _notice_files as nf, site
path, out = sys.argv[1:3]
totals, calls, stack, missing = {}, {}, [0.0], []

def timed(label_of, fn):
    def wrapper(*args, **kwargs):
        label = label_of(args)
        stack.append(0.0)
        t0 = perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = perf_counter() - t0
            inner = stack.pop()
            totals[label] = totals.get(label, 0.0) + elapsed - inner
            calls[label] = calls.get(label, 0) + 1
            stack[-1] += elapsed
    return wrapper

def one_label(args):
    fmt = args[1] if len(args) > 1 else None
    return f"NoticeFiles._one[{fmt.value}]" if isinstance(fmt, Format) else "NoticeFiles._one"

targets = [
    (mapping, "map_notice", None), (nf, "render_page", None), (nf, "NoticeFiles._rdf", None),
    (nf, "NoticeFiles._one", one_label), (nf, "NoticeFiles.file", None), (nf, "_digests", None),
    (nf, "NoticeFiles._row", None), (nf, "NoticeFiles._vocabularies", None), (site, "_Stats.add", None),
    (site, "InputRelated.related", None), (site, "InputRelated.add", None),
    (gzip, "GzipFile.write", None),
]
for module, name, label_of in targets:
    *owners, attr = name.split(".")
    owner = module
    for part in owners:
        owner = getattr(owner, part, None)
    fn = getattr(owner, attr, None) if owner is not None else None
    label = name if module in (site, nf, mapping) else f"{module.__name__}.{name}"
    if not callable(fn):
        missing.append(label)
        continue
    setattr(owner, attr, timed(label_of or (lambda args, label=label: label), fn))

def source():
    take = timed(lambda args: "input: read_path (parse, both passes)", iter(read_path(path)).__next__)
    while True:
        try:
            item = take()
        except StopIteration:
            return
        yield item

r0 = resource.getrusage(resource.RUSAGE_SELF)
t0 = perf_counter()
report = site.build_site(source, out, base_url="https://example.org/")
wall = perf_counter() - t0
r1 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"pages": report.pages, "wall": wall, "utime": r1.ru_utime - r0.ru_utime,
                  "stime": r1.ru_stime - r0.ru_stime, "rows": {k: [totals[k], calls[k]] for k in totals},
                  "missing": missing}))
"""

_BASELINE = r"""
import io, json, resource, sys, time
import jinja2, markupsafe
from notice_ld.graph import to_rdflib
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.web.pages import page_context
from notice_ld.web import pages
path, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
from pathlib import Path
out = Path(out)
out.mkdir(parents=True, exist_ok=True)
templates = Path(pages.__file__).with_name("templates")
lines = []
with open(path, encoding="utf-8") as fh:
    for line in fh:
        lines.append(line)
        if len(lines) == n:
            break
t0, c0 = time.perf_counter(), time.process_time()
for i, line in enumerate(lines):
    notice = Notice.from_dict(json.loads(line))
    graph = map_notice(notice)
    g = to_rdflib([graph])
    for fmt, ext in (("turtle", "ttl"), ("nt", "nt"), ("json-ld", "jsonld")):
        (out / f"{i}.{ext}").write_bytes(g.serialize(format=fmt, encoding="utf-8"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True)
    context = page_context(graph, "fr")
    context["head"] = markupsafe.Markup(env.get_template("head.html").render(context))
    (out / f"{i}.html").write_text(env.get_template("notice.html").render(context), encoding="utf-8")
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"pages": len(lines), "wall": wall, "cpu": cpu, "rss_kb": rss}))
"""

_SERVER = r"""
import sys, json
from notice_ld.readers import read_path
from notice_ld.model import Notice
from notice_ld.web.app import MemorySource, NoticeApp, make_app_server
path, port, cache = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
source = MemorySource([n for n in read_path(path) if isinstance(n, Notice)])
app = NoticeApp(source, cache_size=cache)
server = make_app_server(app, "127.0.0.1", port)
print("ready", flush=True)
server.serve_forever()
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(_ROOT / "src")}


def run_child(code: str, *args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=_env())
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _filesystem(path: Path) -> str:
    """The type and mount point of the filesystem holding ``path`` (from /proc/mounts; Linux only)."""
    best, kind = "", "?"
    try:
        with open("/proc/mounts", encoding="utf-8") as fh:
            for line in fh:
                fields = line.split()
                mount = fields[1].replace("\\040", " ")
                inside = str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")
                if inside and len(mount) >= len(best):
                    best, kind = mount, fields[2]
    except OSError:
        return "?"
    return f"{kind} on {best}"


def _layout(root: Path) -> list[tuple[str, int]]:
    """Relative path and size of every file under ``root`` (the site just built)."""
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            full = os.path.join(folder, name)
            found.append((os.path.relpath(full, root), os.stat(full).st_size))
    return found


def _cpu(r: dict[str, Any], count: float) -> str:
    """User + system CPU per item (ms) and the kernel's share."""
    user, system = r["utime"] / count * 1000, r["stime"] / count * 1000
    share = system / (user + system) * 100 if user + system else 0.0
    return f"CPU {user + system:6.2f} ms = user {user:6.2f} + sys {system:5.2f} ({share:4.1f} % kernel)"


def _site_rows(
    path: Path, small: Path, n: int, work: Path
) -> tuple[dict[str, dict[str, Any]], dict[str, list[tuple[str, int]]]]:
    """``full`` and ``pages`` on N, ``full`` on N/5; the layouts of the N sites, walked before removal."""
    runs: dict[str, dict[str, Any]] = {}
    layouts: dict[str, list[tuple[str, int]]] = {}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    for key, label, source, mode, count, jobs in (
        ("full", "notice_ld full (all exports, related links)", path, "full", n, 1),
        ("pages", "notice_ld pages (+ Turtle/JSON-LD/N-Triples)", path, "pages", n, 1),
        ("small", "notice_ld full, N/5 notices (memory check)", small, "full", n // 5, 1),
        ("jobs", f"notice_ld full, --jobs {cores} (all {cores} cores)", path, "full", n, cores),
    ):
        if jobs > 1 and cores < 2:
            continue
        out = work / f"site-{mode}-{count}-{jobs}"
        r = run_child(_CHILD, str(source), str(out), mode, str(jobs))
        runs[key] = r
        if key in ("full", "pages"):
            layouts[key] = _layout(out)
        print(
            f"  {label:<48} {r['pages']:>6} pages {r['wall']:7.1f} s wall"
            f" {r['pages'] / r['wall']:6.0f} pages/s | {_cpu(r, r['pages'])} per page"
            f" | {r['files']} files | peak RSS {r['rss_kb'] / 1024:6.1f} MiB"
        )
        if jobs > 1:
            print(
                f"  {'':<48} = {r['pages'] / r['wall'] / jobs:.0f} pages/s per core"
                f" (CPU of the parent and the {jobs} workers counted above)"
            )
        shutil.rmtree(out, ignore_errors=True)
    return runs, layouts


def _floors(
    path: Path, n: int, layouts: dict[str, list[tuple[str, int]]], work: Path
) -> dict[str, dict[str, Any]]:
    """What a site cannot go below on the same notices: parsing, mapping, writing the files."""
    print(f"\nfloors — same {n} notices, one process each, no computation beyond what is named")
    floors: dict[str, dict[str, Any]] = {}
    for key, label in (
        ("parse1", "parse only: read_path once"),
        ("parse2", "parse only: read_path twice (as the site)"),
        ("map", "parse + map: read_path + map_notice, no output"),
    ):
        r = run_child(_FLOOR, str(path), key)
        floors[key] = r
        print(
            f"  {label:<48} {r['pages']:>6} notices {r['wall']:5.1f} s wall"
            f" {r['pages'] / r['wall']:6.0f} notices/s | {_cpu(r, r['pages'])} per notice"
        )
    targets = [("files", "full", work), ("files-pages", "pages", work)]
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        need = sum(size for _, size in layouts["full"]) * 1.2 + (64 << 20)
        if shutil.disk_usage(shm).free > need:
            targets.insert(1, ("files-shm", "full", shm))
        else:
            print(f"  (files only in /dev/shm skipped: less than {need / 2**20:.0f} MiB free there)")
    else:
        print("  (files only in /dev/shm skipped: no writable /dev/shm)")
    for key, layout_name, parent in targets:
        layout = layouts[layout_name]
        layout_file = work / f"layout-{layout_name}.json"
        layout_file.write_text(json.dumps(layout), encoding="utf-8")
        out = Path(tempfile.mkdtemp(prefix="bench-files-", dir=parent))
        try:
            r = run_child(_FILES, str(layout_file), str(out / "site"))
        finally:
            shutil.rmtree(out, ignore_errors=True)
        floors[key] = r
        label = f"files only: {layout_name} layout, {_filesystem(parent)}"
        print(
            f"  {label:<48} {r['files']:>6} files {r['wall']:7.1f} s wall"
            f" {r['files'] / r['wall']:6.0f} files/s {r['wall'] / r['files'] * 1e6:5.0f} µs/file"
            f" ({r['folders']} folders, {r['bytes'] / 2**20:.0f} MiB)"
            f" => ceiling {n / r['wall']:6.0f} pages/s | {_cpu(r, r['files'])} per file"
        )
    return floors


def _breakdown(path: Path, count: int, work: Path) -> None:
    """``full`` on the first ``count`` notices with the site's functions wrapped and timed."""
    first = work / f"first-{count}.jsonl"
    with open(path, encoding="utf-8") as src, open(first, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i == count:
                break
            dst.write(line)
    out = work / "site-breakdown"
    r = run_child(_BREAKDOWN, str(first), str(out))
    shutil.rmtree(out, ignore_errors=True)
    pages = r["pages"]
    print(
        f"\nbreakdown — full on the first {pages} notices, functions of notice_ld.web.site wrapped"
        " (time.perf_counter, exclusive: a wrapped call inside another is counted once)"
    )
    for name in r["missing"]:
        print(f"  (not found, skipped: {name})")
    rows = sorted(r["rows"].items(), key=lambda item: -item[1][0])
    total_ms = r["wall"] / pages * 1000
    measured = 0.0
    for label, (seconds, calls) in rows:
        measured += seconds
        ms = seconds / pages * 1000
        print(f"  {label:<48} {ms:7.3f} ms/page {ms / total_ms * 100:5.1f} % {calls / pages:6.2f} calls/page")
    rest = total_ms - measured / pages * 1000
    print(f"  {'rest (total - sum above)':<48} {rest:7.3f} ms/page {rest / total_ms * 100:5.1f} %")
    print(
        f"  {'total (wall)':<48} {total_ms:7.3f} ms/page = {pages / r['wall']:.0f} pages/s with the wrappers"
        f" | {_cpu(r, pages)} per page"
    )


def site_benchmark(
    path: Path, small: Path, n: int, baseline_n: int, breakdown_n: int, memory_n: int, seed: int, work: Path
) -> None:
    print(
        "\nstatic site — one process each (pages/s = pages/s per core); wall time, CPU per page"
        f" (getrusage user + sys), peak RSS; output on {_filesystem(work)}"
    )
    runs, layouts = _site_rows(path, small, n, work)
    for key in ("full", "pages"):
        if len(layouts[key]) != runs[key]["files"]:
            found, said = len(layouts[key]), runs[key]["files"]
            print(f"  (note: {key}: {found} files found in the site, the report says {said})")
    b = run_child(_BASELINE, str(path), str(work / "baseline"), str(baseline_n))
    shutil.rmtree(work / "baseline", ignore_errors=True)
    print(
        f"  {'baseline (rdflib + Jinja env per page)':<48} {b['pages']:>6} pages {b['wall']:7.1f} s wall"
        f" {b['pages'] / b['wall']:6.0f} pages/s | CPU {b['pages'] / b['cpu']:7.0f} pages/s"
        f" | peak RSS {b['rss_kb'] / 1024:6.1f} MiB"
    )
    full, pages, smaller = runs["full"], runs["pages"], runs["small"]
    base_rate = b["pages"] / b["wall"]
    print(
        f"ratio notice_ld / baseline (wall): full {full['pages'] / full['wall'] / base_rate:.1f}x, "
        f"pages {pages['pages'] / pages['wall'] / base_rate:.1f}x; target >= 1,000 pages/s per core"
    )
    print(
        f"memory: peak RSS {full['rss_kb'] / 1024:.1f} MiB at N={n} vs {smaller['rss_kb'] / 1024:.1f} MiB at "
        f"N={n // 5} ({full['rss_kb'] / smaller['rss_kb']:.2f}x for 5x the notices; the related-links index, "
        f"duplicate check and VoID digests are on disk, caches are bounded: growth is cache warm-up)"
    )
    floors = _floors(path, n, layouts, work)
    if breakdown_n > 0:
        _breakdown(path, min(breakdown_n, n), work)
    if memory_n > 0:
        big = work / f"notices-{memory_n}.jsonl"
        t0 = time.perf_counter()
        write_jsonl(str(big), memory_n, seed)
        made = time.perf_counter() - t0
        print(f"\nmemory, pages mode — generated {memory_n} notices in {made:.1f} s (not timed)")
        rss = {}
        for count, source in ((n // 5, small), (n, None), (memory_n, big)):
            if source is None:
                rss[count] = pages["rss_kb"]
                r = pages
            else:
                out = work / f"site-pages-{count}"
                r = run_child(_CHILD, str(source), str(out), "pages")
                shutil.rmtree(out, ignore_errors=True)
                rss[count] = r["rss_kb"]
            print(
                f"  pages, N={count:<8} peak RSS {r['rss_kb'] / 1024:6.1f} MiB"
                f" | {r['pages'] / r['wall']:6.0f} pages/s wall"
            )
        big.unlink()
        print(
            f"memory (pages): peak RSS {rss[n // 5] / 1024:.1f} MiB at N/5={n // 5}, "
            f"{rss[n] / 1024:.1f} MiB at N={n}, {rss[memory_n] / 1024:.1f} MiB at M={memory_n} "
            f"(M / N: {rss[memory_n] / rss[n]:.2f}x for {memory_n / n:.1f}x the notices)"
        )
    parse = floors["parse1"]["wall"] + floors["map"]["wall"]  # pass 1 parses, pass 2 parses + maps
    a = n / parse
    b_rate = n / floors["files"]["wall"]
    c = 1 / (1 / a + 1 / b_rate)
    d, e = full["pages"] / full["wall"], pages["pages"] / pages["wall"]
    print(
        f"\nceiling from floors: parse x2 + map = {a:.0f} pages/s; files = {b_rate:.0f} pages/s; "
        f"both = {c:.0f} pages/s (1 / (1/A + 1/B)); measured full = {d:.0f}, pages = {e:.0f}"
    )

    def cpu(r: dict[str, Any]) -> float:
        total: float = r["utime"] + r["stime"]
        return total

    a_cpu = n / (cpu(floors["parse1"]) + cpu(floors["map"]))
    b_cpu = n / cpu(floors["files"])
    print(
        f"same from CPU time (user + sys, less sensitive to other load): parse x2 + map = {a_cpu:.0f}; "
        f"files = {b_cpu:.0f}; both = {1 / (1 / a_cpu + 1 / b_cpu):.0f}; "
        f"measured full = {full['pages'] / cpu(full):.0f}, pages = {pages['pages'] / cpu(pages):.0f} pages/s"
    )


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _python_load(urls: list[str], seconds: float, concurrency: int) -> tuple[int, int]:
    import http.client
    from urllib.parse import urlsplit

    stop = time.monotonic() + seconds
    counts = [0] * concurrency
    errors = [0] * concurrency

    def worker(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            parts = urlsplit(urls[i % len(urls)])
            i += concurrency
            try:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                conn.request("GET", parts.path)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status == 200:
                    counts[k] += 1
                else:
                    errors[k] += 1
            except OSError:
                errors[k] += 1

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts), sum(errors)


def _wrk_load(urls: list[str], seconds: float, concurrency: int, work: Path) -> tuple[int, int]:
    script = work / "urls.lua"
    paths = ", ".join(json.dumps(u.split("/", 3)[3].join(["/", ""])) for u in urls)
    script.write_text(
        f"local paths = {{{paths}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    )
    base = "/".join(urls[0].split("/", 3)[:3])
    done = subprocess.run(
        ["wrk", "-t2", f"-c{concurrency}", f"-d{int(seconds)}s", "-s", str(script), base],
        capture_output=True,
        text=True,
    )
    requests_done = int(re.search(r"(\d+) requests in", done.stdout).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", done.stdout
    )
    errors = int(bad.group(1)) if bad else 0
    if socket_errors:
        errors += sum(int(x) for x in socket_errors.groups())
    return requests_done - (int(bad.group(1)) if bad else 0), errors


def serve_benchmark(path: Path, urls_n: int, seconds: float, concurrency: int, load: str, work: Path) -> None:
    import urllib.request

    from notice_ld.model import Notice
    from notice_ld.readers import read_path
    from notice_ld.web.paths import notice_path

    ids = []
    for outcome in read_path(str(path)):
        if isinstance(outcome, Notice):
            ids.append(notice_path(outcome.id))
            if len(ids) == urls_n:
                break
    use_wrk = load == "wrk" or (load == "auto" and shutil.which("wrk") is not None)
    tool = "wrk (-t2)" if use_wrk else "Python threads (http.client)"
    print(
        f"\nserve — one server process (threaded wsgiref) on 127.0.0.1, {urls_n} notice pages in turn, "
        f"{concurrency} connections, {seconds:.0f} s, load generator: {tool}"
    )
    rates = {}
    for label, cache in (
        ("cached (every page fetched once before)", 4096),
        ("uncached (cache off: renders)", 0),
    ):
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(path), str(port), str(cache)],
            env=_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None and server.stdout.readline().strip() == "ready"
            urls = [f"http://127.0.0.1:{port}/{p}" for p in ids]
            for url in urls:
                urllib.request.urlopen(url, timeout=30).read()  # warm (fills the cache when on)
            t0 = time.perf_counter()
            ok, errors = (
                _wrk_load(urls, seconds, concurrency, work)
                if use_wrk
                else _python_load(urls, seconds, concurrency)
            )
            elapsed = time.perf_counter() - t0 if not use_wrk else seconds
            rates[label] = ok / elapsed
            print(
                f"  {label:<42} {ok:>8} answers 200 in {elapsed:5.1f} s"
                f" = {ok / elapsed:7.0f} req/s ({errors} errors)"
            )
        finally:
            server.terminate()
            server.wait(10)
    cached, uncached = rates.values()
    print(f"ratio cached / uncached: {cached / uncached:.1f}x; target >= 500 req/s cached from one process")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--baseline-n", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--urls", type=int, default=200)
    parser.add_argument("--load", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--skip-site", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--breakdown-n", type=int, default=2000, help="0 skips the breakdown")
    parser.add_argument("--memory-n", type=int, default=0, help="also run pages mode at M notices (0 = skip)")
    args = parser.parse_args()
    print(f"notice_ld web benchmark — {environment()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f} (other processes share these CPUs)")
    work = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        path, small = work / "notices.jsonl", work / "small.jsonl"
        t0 = time.perf_counter()
        write_jsonl(str(path), args.n, args.seed)
        write_jsonl(str(small), args.n // 5, args.seed)
        print(
            f"generated {args.n} notices (seed {args.seed}) in {time.perf_counter() - t0:.1f} s"
            " (not timed below)"
        )
        if not args.skip_site:
            site_benchmark(
                path, small, args.n, args.baseline_n, args.breakdown_n, args.memory_n, args.seed, work
            )
        if not args.skip_serve:
            serve_benchmark(path, args.urls, args.seconds, args.concurrency, args.load, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("done")


if __name__ == "__main__":
    main()
