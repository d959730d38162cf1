"""``notice-ld serve``: requests per second with and without keep-alive, and memory over a soak.

Starts ``notice-ld serve --input examples/notices.jsonl`` (the waitress server) as a child
process on 127.0.0.1, then
1. asks the notices' pages (HTML, Turtle, JSON-LD, N-Triples by ``Accept``) over one kept-alive
   HTTP/1.1 connection per client, with 1 and 4 concurrent clients, and over a new connection per
   request, printing requests per second;
2. soaks it with ``--soak`` unique URLs (unknown notices and notices asked with unique query
   strings and ``Host`` headers, which the page cache keys on) and prints the server's RSS after
   every tenth of them: the cache is bounded (LRU), so the RSS levels off.

The machine is shared: CPU time of this client and the load average are printed.

    python benchmarks/bench_serve.py --requests 4000 --soak 40000
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, environment

ACCEPTS = ("text/html", "text/turtle", "application/ld+json", "application/n-triples")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _paths() -> list[str]:
    from notice_ld.model import Notice
    from notice_ld.readers import read_path
    from notice_ld.web.paths import notice_path

    return [
        "/" + notice_path(n.id)
        for n in read_path(ROOT / "examples" / "notices.jsonl")
        if isinstance(n, Notice)
    ]


def _client(port: int, urls: list[tuple[str, str, str]], keep_alive: bool, errors: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path, accept, host in urls:
        if not keep_alive:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", path, headers={"Accept": accept, "Host": host})
        response = connection.getresponse()
        response.read()
        if response.status >= 500:
            errors.append(response.status)
        if not keep_alive:
            connection.close()
    connection.close()


def _rate(port: int, urls: list[tuple[str, str, str]], clients: int, keep_alive: bool) -> float:
    errors: list[int] = []
    shares = [urls[i::clients] for i in range(clients)]
    threads = [threading.Thread(target=_client, args=(port, s, keep_alive, errors)) for s in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"server errors: {errors[:5]}")
    return len(urls) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--soak", type=int, default=40_000)
    args = parser.parse_args(argv)
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "notice_ld", "serve", "--input", str(ROOT / "examples" / "notices.jsonl"),
         "--port", str(port), "--lang", "en"],
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert server.stderr is not None
        line = server.stderr.readline()
        if "serving on" not in line:
            raise SystemExit(f"the server did not start: {line}")
        process = psutil.Process(server.pid)
        paths = _paths()
        urls = [(p, a, "127.0.0.1") for p in paths for a in ACCEPTS]
        work = (urls * (args.requests // len(urls) + 1))[: args.requests]
        _rate(port, urls, 1, True)  # warm-up: every answer rendered and cached once
        cpu0 = time.process_time()
        for clients, keep_alive in ((1, True), (4, True), (1, False), (4, False)):
            rate = _rate(port, work, clients, keep_alive)
            how = "keep-alive" if keep_alive else "a connection per request"
            print(f"{clients} client(s), {how:>24}: {rate:>7,.0f} requests/s")
        print(f"client CPU {time.process_time() - cpu0:.1f} s")
        print(f"\nsoak: {args.soak:,} unique URLs (cache: 4,096 answers)")
        step = max(1, args.soak // 10)
        for start in range(0, args.soak, step):
            batch = []
            for n in range(start, min(args.soak, start + step)):
                if n % 2:
                    batch.append((f"/notice/handle/10670/1.soak{n}", "text/html", "127.0.0.1"))
                else:
                    batch.append((paths[n % len(paths)] + f"?u={n}", ACCEPTS[n % 4], f"h{n}.example"))
            rate = _rate(port, batch, 4, True)
            rss = process.memory_info().rss / 2**20
            print(
                f"  after {min(args.soak, start + step):>7,} URLs: "
                f"server RSS {rss:6.1f} MiB ({rate:,.0f} req/s)"
            )
    finally:
        server.terminate()
        server.wait(10)
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
