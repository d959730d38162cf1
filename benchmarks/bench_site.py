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

One process runs on one core, so pages/s is pages/s per core. **serve**: ``notice-ld serve
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
formats = None if mode == "full" else [Format.TURTLE, Format.JSON_LD, Format.N_TRIPLES]
t0, c0 = time.perf_counter(), time.process_time()
report = build_site(lambda: read_path(path), out, base_url="https://example.org/", formats=formats)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"pages": report.pages, "files": report.files, "wall": wall, "cpu": cpu, "rss_kb": rss}))
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


def run_child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=_env())
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def site_benchmark(path: Path, small: Path, n: int, baseline_n: int, work: Path) -> None:
    print("\nstatic site — one process each (pages/s = pages/s per core); wall and CPU time; peak RSS")
    rows = []
    for label, source, mode, count in (
        ("notice_ld full (all exports, related links)", path, "full", n),
        ("notice_ld pages (+ Turtle/JSON-LD/N-Triples)", path, "pages", n),
        ("notice_ld full, N/5 notices (memory check)", small, "full", n // 5),
    ):
        r = run_child(_CHILD, str(source), str(work / f"site-{mode}-{count}"), mode)
        rows.append((label, r))
        print(
            f"  {label:<48} {r['pages']:>6} pages {r['wall']:8.1f} s wall"
            f" {r['pages'] / r['wall']:7.0f} pages/s | CPU {r['pages'] / r['cpu']:7.0f} pages/s"
            f" | {r['files']} files | peak RSS {r['rss_kb'] / 1024:6.1f} MiB"
        )
        shutil.rmtree(work / f"site-{mode}-{count}", ignore_errors=True)
    b = run_child(_BASELINE, str(path), str(work / "baseline"), str(baseline_n))
    shutil.rmtree(work / "baseline", ignore_errors=True)
    print(
        f"  {'baseline (rdflib + Jinja env per page)':<48} {b['pages']:>6} pages {b['wall']:8.1f} s wall"
        f" {b['pages'] / b['wall']:7.0f} pages/s | CPU {b['pages'] / b['cpu']:7.0f} pages/s"
        f" | peak RSS {b['rss_kb'] / 1024:6.1f} MiB"
    )
    full, pages, smaller = (r for _, r in rows)
    base_rate = b["pages"] / b["wall"]
    print(
        f"ratio notice_ld / baseline (wall): full {full['pages'] / full['wall'] / base_rate:.1f}x, "
        f"pages {pages['pages'] / pages['wall'] / base_rate:.1f}x; target >= 1,000 pages/s per core"
    )
    print(
        f"memory: peak RSS {full['rss_kb'] / 1024:.1f} MiB at N={n} vs {smaller['rss_kb'] / 1024:.1f} MiB at "
        f"N={n // 5} ({full['rss_kb'] / smaller['rss_kb']:.2f}x for 5x the notices; the related-links index "
        f"and the distinct-triple digests for VoID grow with N, pages are streamed)"
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
            site_benchmark(path, small, args.n, args.baseline_n, work)
        if not args.skip_serve:
            serve_benchmark(path, args.urls, args.seconds, args.concurrency, args.load, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("done")


if __name__ == "__main__":
    main()
