"""Loading into triple stores: notice_ld against the naive way, side by side in one run.

Every pipeline gets the same notices from :func:`generate.generate` (parsed into ``Notice`` objects
before any timing) and the timings **include mapping**.

* **embedded** — ``notice_ld.stores.load.load`` into a new on-disk ``EmbeddedStore`` (bulk load,
  since the store is empty), and again into another new store with ``bulk=False`` (transactions of
  500 notices, the path every later incremental load takes); then a re-load of the same notices
  (all unchanged). **Naive**: per notice an rdflib ``Graph`` (``notice_ld.graph.to_rdflib``), then
  each triple inserted one by one (``Store.add``) into an on-disk pyoxigraph store.
* **remote** — ``oxigraph serve`` started here on 127.0.0.1 (a new folder for each pipeline):
  notice_ld's ``OxigraphServer`` (N-Quads batches of 500 notices to ``/store``, one ``Session``)
  against the naive one-``PUT``-per-notice: per notice an rdflib ``Graph`` serialized as
  N-Triples and ``requests.put(.../store?graph=…)`` (no session).

The naive pipelines are slow, so they run on the first ``--naive-n`` notices (the generator is
prefix-stable) and their rate is notices per second on that prefix. Validation is off
(``validate=False``): it is measured by the validation benchmarks. Memory: ``tracemalloc`` peak
of a transactional load fed by a generator (notices parsed on the fly) of N/5 and of N notices.

Run::

    PYTHONPATH=src python benchmarks/bench_store.py                  # N=10000, naive on 1000
    PYTHONPATH=src python benchmarks/bench_store.py --n 2000 --naive-n 300
"""

from __future__ import annotations

import argparse
import gc
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
_SRC = Path(__file__).resolve().parents[1] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

import pyoxigraph as ox  # noqa: E402
import requests  # noqa: E402

from _common import environment  # noqa: E402
from generate import generate  # noqa: E402
from notice_ld.graph import to_rdflib  # noqa: E402
from notice_ld.mapping import map_notice  # noqa: E402
from notice_ld.model import Notice  # noqa: E402
from notice_ld.stores.embedded import EmbeddedStore  # noqa: E402
from notice_ld.stores.load import load  # noqa: E402
from notice_ld.stores.remote import OxigraphServer  # noqa: E402


def _rate(n: int, seconds: float) -> str:
    return f"{n / seconds:9.0f} notices/s ({n} in {seconds:.2f} s)"


def naive_embedded(notices: list[Notice], folder: str) -> float:
    store = ox.Store(folder)
    started = time.perf_counter()
    for notice in notices:
        graph = to_rdflib([notice])
        name = ox.NamedNode(map_notice(notice).graph)
        for s, p, o in graph:
            obj: ox.NamedNode | ox.Literal
            if hasattr(o, "language") and o.__class__.__name__ == "Literal":
                if o.language:
                    obj = ox.Literal(str(o), language=o.language)
                elif o.datatype:
                    obj = ox.Literal(str(o), datatype=ox.NamedNode(str(o.datatype)))
                else:
                    obj = ox.Literal(str(o))
            else:
                obj = ox.NamedNode(str(o))
            store.add(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(str(p)), obj, name))
    store.flush()
    elapsed = time.perf_counter() - started
    assert len(store) == sum(len(map_notice(n).triples) for n in notices)
    del store
    return elapsed


def ours_embedded(notices: list[Notice], folder: str, *, bulk: bool) -> tuple[float, float]:
    store = EmbeddedStore(folder)
    started = time.perf_counter()
    report = load(store, notices, validate=False, bulk=bulk)
    elapsed = time.perf_counter() - started
    assert report.added == len(notices) and report.bulk == bulk
    started = time.perf_counter()
    again = load(store, notices, validate=False)
    reload_elapsed = time.perf_counter() - started
    assert again.unchanged == len(notices)
    store.close()
    return elapsed, reload_elapsed


class Server:
    def __init__(self) -> None:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.folder = tempfile.mkdtemp(prefix="bench-oxigraph-")
        exe = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        self.process = subprocess.Popen(
            [exe, "serve", "--location", self.folder, "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                requests.get(f"{self.url}/query?query=ASK%7B%7D", timeout=1)
                break
            except requests.RequestException:
                time.sleep(0.1)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def naive_remote(notices: list[Notice]) -> float:
    server = Server()
    try:
        started = time.perf_counter()
        for notice in notices:
            body = to_rdflib([notice]).serialize(format="nt", encoding="utf-8")
            response = requests.put(
                f"{server.url}/store",
                params={"graph": map_notice(notice).graph},
                data=body,
                headers={"Content-Type": "application/n-triples"},
                timeout=60,
            )
            response.raise_for_status()
        return time.perf_counter() - started
    finally:
        server.close()


def ours_remote(notices: list[Notice]) -> float:
    server = Server()
    try:
        store = OxigraphServer(server.url)
        started = time.perf_counter()
        report = load(store, notices, validate=False)
        elapsed = time.perf_counter() - started
        assert report.added == len(notices)
        store.close()
        return elapsed
    finally:
        server.close()


def memory_peak(n: int) -> int:
    def stream() -> Iterator[Notice]:
        for data in generate(n, 0):
            yield Notice.from_dict(data)

    folder = tempfile.mkdtemp(prefix="bench-mem-")
    store = EmbeddedStore(folder)
    gc.collect()
    tracemalloc.start()
    load(store, stream(), validate=False, bulk=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    store.close()
    shutil.rmtree(folder, ignore_errors=True)
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--naive-n", type=int, default=1_000)
    args = parser.parse_args()
    print(environment())
    notices = [Notice.from_dict(d) for d in generate(args.n, 0)]
    prefix = notices[: args.naive_n]
    triples = sum(len(map_notice(n).triples) for n in notices[:200]) / min(200, len(notices))
    print(f"{args.n} notices (about {triples:.0f} triples each); naive pipelines on the first {len(prefix)}")
    with tempfile.TemporaryDirectory() as tmp:
        bulk, reload_bulk = ours_embedded(notices, f"{tmp}/bulk", bulk=True)
        plain, _ = ours_embedded(notices, f"{tmp}/plain", bulk=False)
        naive = naive_embedded(prefix, f"{tmp}/naive")
    print("embedded store (on disk), mapping included")
    print(f"  notice_ld load, bulk (empty store)    {_rate(args.n, bulk)}")
    print(f"  notice_ld load, transactions of 500   {_rate(args.n, plain)}")
    print(f"  notice_ld re-load, all unchanged      {_rate(args.n, reload_bulk)}")
    print(f"  naive: rdflib Graph + add per triple  {_rate(len(prefix), naive)}")
    naive_rate = len(prefix) / naive
    print(
        f"  ratio bulk / naive {args.n / bulk / naive_rate:.1f}x, transactions / naive "
        f"{args.n / plain / naive_rate:.1f}x"
    )
    remote = ours_remote(notices)
    naive_put = naive_remote(prefix)
    print("remote Oxigraph server on 127.0.0.1, mapping included")
    print(f"  notice_ld load, N-Quads batches       {_rate(args.n, remote)}")
    print(f"  naive: one PUT per notice             {_rate(len(prefix), naive_put)}")
    print(f"  ratio {args.n / remote / (len(prefix) / naive_put):.1f}x")
    small, large = max(1, args.n // 5), args.n
    print(
        f"memory (tracemalloc peak of a streamed transactional load): {small} notices "
        f"{memory_peak(small) / 2**20:.1f} MiB, {large} notices {memory_peak(large) / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    main()
