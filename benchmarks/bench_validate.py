"""SHACL validation: the fast engine vs pySHACL; `convert` with validation vs the obvious pipeline.

All figures come from one run on the same generated notices (:func:`generate.generate`), parsed
into :class:`notice_ld.model.Notice` and mapped before any timing. The shapes are the three
default profiles (``dcterms``, ``bibo``, ``schema``), loaded once.

1. **Engines** (validation only), each timed on notices already mapped:

   * *fast*: ``Validator(engine="fast").validate_graph(graph)`` per notice, on the notice's own
     triples (well-formedness check included), all N notices;
   * *pySHACL batched*: the union of 100 notices in one rdflib ``Graph``, then
     ``pyshacl.validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True,
     allow_infos=True)`` — what users do; the rdflib graphs are built **before** timing (which
     favours pySHACL); on the first ``--pyshacl-n`` notices because pySHACL is slow;
   * *pySHACL per notice*: the same call on each notice's own graph, first ``--per-notice-n``.

   Before timing, the results are compared: on the pySHACL prefix, the set of
   (focus, path, value, component, severity, shape) of the fast engine (union over notices)
   must equal pySHACL's batched set, and, notice by notice, pySHACL's per-notice sets.

2. **Pipeline** (what ``notice-ld convert`` does, parsing excluded from both):

   * *notice_ld*: ``map_notice``, fast validation (notices with violations are dropped, as
     ``convert`` does), Turtle and JSON-LD writers, 100 notices at a time, to a byte-counting sink;
   * *obvious*: per notice, an rdflib ``Graph`` (``notice_ld.graph.to_rdflib``),
     ``pyshacl.validate`` on it (shapes graph parsed once), ``graph.serialize("turtle")``,
     ``pyld.jsonld.compact(jsonld.from_rdf(n-triples), context)`` with a local document loader
     (nothing is fetched), ``json.dumps``; on the first ``--baseline-n`` notices.

3. **Memory**: peak allocations (``tracemalloc``) made while validating N/10 and then N notices
   one after the other, reports dropped (the notice graphs were mapped before tracing starts, so
   only what validation allocates is counted — the mapping's own bounded caches are not).

Run::

    PYTHONPATH=src python benchmarks/bench_validate.py                # N=10000
    PYTHONPATH=src python benchmarks/bench_validate.py --n 2000 --pyshacl-n 200 --baseline-n 50
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
_SRC = Path(__file__).resolve().parents[1] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

import pyshacl  # noqa: E402
from pyld import jsonld  # noqa: E402

from _common import environment  # noqa: E402
from generate import generate  # noqa: E402
from notice_ld.crosswalk import prefixes  # noqa: E402
from notice_ld.formats import Format  # noqa: E402
from notice_ld.graph import to_rdflib  # noqa: E402
from notice_ld.mapping import NoticeGraph, map_notice  # noqa: E402
from notice_ld.model import Notice  # noqa: E402
from notice_ld.resources import data_dir  # noqa: E402
from notice_ld.terms import Literal  # noqa: E402
from notice_ld.validation import Validator  # noqa: E402
from notice_ld.validation.rdf import to_rdflib_graph, to_rdflib_node  # noqa: E402
from notice_ld.validation.reference import _results  # noqa: E402
from notice_ld.writers import writer  # noqa: E402

CONTEXT_PATH = data_dir("vocab") / "contexts" / "notice_ld.jsonld"
CONTEXT: dict[str, Any] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))
BATCH = 100


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    raise RuntimeError(f"benchmark document loader: refusing to load {url!r} (offline)")


class Sink(io.RawIOBase):
    """Counts bytes, keeps nothing."""

    def __init__(self) -> None:
        self.bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.bytes += len(data)
        return len(data)


def pyshacl_results(graph: Any, shapes: Any) -> list[Any]:
    _, report, _ = pyshacl.validate(
        graph, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True
    )
    return _results(report)


def normalized(results: Iterable[Any]) -> set[tuple[Any, ...]]:
    return {tuple(to_rdflib_node(x) if isinstance(x, Literal) else x for x in r) for r in results}


def timed(run: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


# --------------------------------------------------------------------------- the pipelines


def notice_ld_pipeline(notices: Sequence[Notice], validator: Validator, ttl: Sink, jsn: Sink) -> int:
    dropped = 0
    for start in range(0, len(notices), BATCH):
        batch = []
        for notice in notices[start : start + BATCH]:
            graph = map_notice(notice)
            if validator.validate_graph(graph).conforms:
                batch.append(graph)
            else:
                dropped += 1
        writer(Format.TURTLE)(batch, ttl, None)
        writer(Format.JSON_LD)(batch, jsn, None)
    return dropped


def obvious_pipeline(notices: Sequence[Notice], shapes: Any, ttl: Sink, jsn: Sink) -> int:
    table = prefixes()
    options: dict[str, Any] = {"documentLoader": local_loader}
    dropped = 0
    for notice in notices:
        graph = to_rdflib([notice])
        for prefix, namespace in table.items():
            graph.bind(prefix, namespace)
        conforms, _, _ = pyshacl.validate(
            graph, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True
        )
        if not conforms:
            dropped += 1
            continue
        ttl.write(graph.serialize(format="turtle", encoding="utf-8"))
        expanded = jsonld.from_rdf(graph.serialize(format="nt"), {"format": "application/n-quads"})
        compacted = jsonld.compact(expanded, CONTEXT, options)
        jsn.write(json.dumps(compacted, ensure_ascii=False).encode("utf-8") + b"\n")
    return dropped


def validation_peak(graphs: Sequence[NoticeGraph], validator: Validator) -> int:
    """Peak bytes allocated while validating ``graphs`` one by one, keeping no report."""
    gc.collect()
    tracemalloc.start()
    for graph in graphs:
        validator.validate_graph(graph)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="fast engine vs pySHACL; convert with validation vs obvious")
    parser.add_argument("--n", type=int, default=10_000, help="notices (default: 10000)")
    parser.add_argument("--pyshacl-n", type=int, default=500, help="notices pySHACL batched runs on (500)")
    parser.add_argument(
        "--per-notice-n", type=int, default=200, help="notices pySHACL per notice runs on (200)"
    )
    parser.add_argument(
        "--baseline-n", type=int, default=100, help="notices the obvious pipeline runs on (100)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs (default: 1)")
    parser.add_argument("--no-memory", dest="memory", action="store_false", help="skip the memory measure")
    args = parser.parse_args(argv)
    n = args.n
    py_n, one_n, base_n = min(n, args.pyshacl_n), min(n, args.per_notice_n), min(n, args.baseline_n)

    print(f"notice_ld validation benchmark — {environment()}")
    notices = [Notice.from_dict(d) for d in generate(n, args.seed)]
    graphs = [map_notice(x) for x in notices]
    validator = Validator(engine="fast")
    shapes = validator.shapes.rdflib_graph
    print(
        f"{n} notices (seed {args.seed}), {sum(len(g) for g in graphs) / n:.0f} triples each on average; "
        f"shapes: profiles {', '.join(validator.shapes.profiles)} ({len(validator.shapes.triples)} triples)"
    )

    # -- identical results before timing
    rdflib_batches = [
        to_rdflib_graph(t for g in graphs[i : i + BATCH] for t in g.triples) for i in range(0, py_n, BATCH)
    ]
    rdflib_single = [to_rdflib_graph(g.triples) for g in graphs[:one_n]]
    fast_raw = [validator._raw(g.triples, indexed=True) for g in graphs[:py_n]]
    fast_union = normalized(r for raw in fast_raw for r in raw if not r[3].startswith("https://w3id.org"))
    batched_union = normalized(r for graph in rdflib_batches for r in pyshacl_results(graph, shapes))
    same_batched = fast_union == batched_union
    per_notice_same = sum(
        normalized(r for r in fast_raw[i] if not r[3].startswith("https://w3id.org"))
        == normalized(pyshacl_results(rdflib_single[i], shapes))
        for i in range(one_n)
    )
    print(
        f"check: first {py_n} notices — fast engine results {'==' if same_batched else '!='} pySHACL batched "
        f"({len(fast_union)} distinct results); per notice, {per_notice_same}/{one_n} identical to pySHACL"
    )
    if not same_batched or per_notice_same != one_n:
        print("  fast only:", sorted(map(str, fast_union - batched_union))[:5])
        print("  pySHACL only:", sorted(map(str, batched_union - fast_union))[:5])

    # -- engines
    gc.freeze()
    for g in graphs[:50]:
        validator.validate_graph(g)
    fast_s = timed(lambda: [validator.validate_graph(g) for g in graphs], args.repeat)
    fast_prefix_s = timed(lambda: [validator.validate_graph(g) for g in graphs[:py_n]], args.repeat)
    batched_s = timed(lambda: [pyshacl_results(b, shapes) for b in rdflib_batches], args.repeat)
    single_s = timed(lambda: [pyshacl_results(g, shapes) for g in rdflib_single], args.repeat)
    fast_rate, prefix_rate = n / fast_s, py_n / fast_prefix_s
    batched_rate, single_rate = py_n / batched_s, one_n / single_s
    rows = [
        (f"fast engine, all {n} notices", fast_s, fast_rate),
        (f"fast engine, first {py_n} notices", fast_prefix_s, prefix_rate),
        (f"pySHACL batched ({BATCH} per graph), first {py_n} notices", batched_s, batched_rate),
        (f"pySHACL per notice, first {one_n} notices", single_s, single_rate),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\nvalidation only (best of {args.repeat}; rdflib graphs for pySHACL built before timing):")
    for label, seconds, rate in rows:
        print(f"  {label:<{width}}  {seconds:8.2f} s  {rate:9,.0f} notices/s")
    print(
        f"ratio fast / pySHACL batched: {fast_rate / batched_rate:.1f}x "
        f"(same-prefix {prefix_rate / batched_rate:.1f}x); "
        f"fast / pySHACL per notice: {fast_rate / single_rate:.1f}x; target >= 20x batched"
    )

    # -- pipelines
    ttl, jsn = Sink(), Sink()
    obvious_pipeline(notices[:5], shapes, Sink(), Sink())
    notice_ld_pipeline(notices[:50], validator, Sink(), Sink())
    ours_s = timed(lambda: notice_ld_pipeline(notices, validator, ttl, jsn), args.repeat)
    ours_prefix_s = timed(
        lambda: notice_ld_pipeline(notices[:base_n], validator, Sink(), Sink()), args.repeat
    )
    base_ttl, base_jsn = Sink(), Sink()
    base_s = timed(lambda: obvious_pipeline(notices[:base_n], shapes, base_ttl, base_jsn), args.repeat)
    ours_rate, ours_prefix_rate, base_rate = n / ours_s, base_n / ours_prefix_s, base_n / base_s
    print("\nconvert pipeline with validation (map + validate + Turtle + JSON-LD; parsing excluded):")
    rows = [
        (f"notice_ld, all {n} notices", ours_s, ours_rate),
        (f"notice_ld, first {base_n} notices", ours_prefix_s, ours_prefix_rate),
        (f"obvious rdflib + pySHACL + pyld, first {base_n} notices", base_s, base_rate),
    ]
    width = max(len(r[0]) for r in rows)
    for label, seconds, rate in rows:
        print(f"  {label:<{width}}  {seconds:8.2f} s  {rate:9,.0f} notices/s")
    print(
        f"ratio notice_ld / obvious: {ours_rate / base_rate:.1f}x (same-prefix "
        f"{ours_prefix_rate / base_rate:.1f}x); target >= 10x"
    )

    if args.memory:
        small = max(1, n // 10)
        peak_small, peak_big = validation_peak(graphs[:small], validator), validation_peak(graphs, validator)
        print(
            f"\nmemory, validation one notice after another (tracemalloc peak of what validation allocates): "
            f"{small} notices {peak_small / 1e3:.0f} kB, {n} notices {peak_big / 1e3:.0f} kB "
            f"(ratio {peak_big / peak_small:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
