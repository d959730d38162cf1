"""Throughput of notice_ld against the obvious rdflib + pyld pipeline, side by side in one run.

Both pipelines get the same notices from :func:`generate.generate` (the JSON dicts are generated
and parsed into :class:`notice_ld.model.Notice` before any timing) and write Turtle and JSON-LD
for every notice to the same kind of in-memory sink (it counts the bytes and keeps nothing).

What is timed, per pipeline, is **map + Turtle + JSON-LD**:

* **baseline, "the obvious pipeline"**, per notice:

  1. an rdflib ``Graph`` holding the notice's triples: ``map_notice``, then ``Graph.add`` of each
     triple as rdflib terms, with the bundled prefixes bound (:func:`rdflib_graph`, the same
     conversion as ``notice_ld.graph.to_rdflib([notice])``, kept here so the baseline is fixed);
  2. Turtle: ``graph.serialize(format="turtle", encoding="utf-8")``;
  3. JSON-LD: ``graph.serialize(format="nt")`` then
     ``jsonld.compact(jsonld.from_rdf(nquads, {"format": "application/n-quads"}), context,
     {"documentLoader": local_loader})`` with the bundled context
     (``vocab/contexts/notice_ld.jsonld``), then ``json.dumps(compacted, ensure_ascii=False)``
     (no indentation, as notice_ld's JSON-LD writer writes its nodes; an ``indent`` would push
     ``json`` onto its slow pure-Python encoder and handicap the baseline).
     ``local_loader`` serves the bundled context and raises for any other URL; pyld's global
     ``set_document_loader`` is never called.

* **notice_ld**: ``map_notice`` for each notice, then ``writer(Format.TURTLE)`` and
  ``writer(Format.JSON_LD)`` over the mapped graphs, 100 notices at a time (``--chunk``): each
  batch is one Turtle and one JSON-LD document, as the baseline writes one document per notice.
  Both pipelines thus stream, as the CLI does; mapping all N notices into one list before writing
  would hold ~1.5 million triples in memory and measures ~15 % slower (garbage-collector and cache
  costs of the benchmark's own list, which no streaming user pays).

Parsing the JSON dicts into ``Notice`` (pydantic validation, identifier check digits, language
tags) is **excluded from both** by default; ``--include-parse`` counts it in both (each pipeline
then starts from the dicts). The parse rate alone is always printed.

The baseline is slow, so it is timed on the first ``--baseline-n`` notices (default
``min(N, 2000)``; the generator is prefix-stable, so that is the same population) and its rate is
notices per second on that prefix. notice_ld is timed on all N, and also on the same prefix so
that a same-input ratio is shown too. Timings use ``time.perf_counter``; a warm-up pass over the
first notices (imports, caches) is excluded; each figure is the best of ``--repeat`` runs, the
runs of the pipelines interleaved so that on a shared machine they see the same conditions. The
CPU time (``time.process_time``) is printed too: it is less sensitive to other processes. The
inputs are generated and held in memory before timing; ``gc.freeze()`` then moves them out of
the cyclic garbage collector's sight (the real CLI streams its input and holds none of it), so
neither pipeline pays for traversing the benchmark's own data. The collector stays on.

Before timing, ``--check`` (on by default) verifies on the first 20 notices that both pipelines
write the same graph: the Turtle of each parses (rdflib) to the same triples, and the JSON-LD of
each converts back (pyld ``to_rdf``) to the same triples.

``--profile`` prints a cProfile top 25 (by own time and by cumulative time) of the notice_ld
pipeline over the N notices.

Run::

    PYTHONPATH=src python benchmarks/bench_pipeline.py            # N=10000, baseline on 2000
    PYTHONPATH=src python benchmarks/bench_pipeline.py --n 2000 --baseline-n 500 --repeat 3
    PYTHONPATH=src python benchmarks/bench_pipeline.py --profile
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
_SRC = Path(__file__).resolve().parents[1] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

import rdflib  # noqa: E402
from pyld import jsonld  # noqa: E402

from _common import environment  # noqa: E402
from generate import generate  # noqa: E402
from notice_ld.crosswalk import prefixes  # noqa: E402
from notice_ld.formats import Format  # noqa: E402
from notice_ld.mapping import map_notice  # noqa: E402
from notice_ld.model import Notice  # noqa: E402
from notice_ld.resources import data_dir  # noqa: E402
from notice_ld.terms import XSD_STRING, Literal  # noqa: E402
from notice_ld.writers import writer  # noqa: E402

CONTEXT_PATH = data_dir("vocab") / "contexts" / "notice_ld.jsonld"
CONTEXT_URL = CONTEXT_PATH.as_uri()
CONTEXT: dict[str, Any] = json.loads(CONTEXT_PATH.read_text(encoding="utf-8"))


def local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that knows the bundled context only and never goes online."""
    if url == CONTEXT_URL:
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise RuntimeError(f"benchmark document loader: refusing to load {url!r} (offline)")


class Sink(io.RawIOBase):
    """A binary sink that counts bytes and keeps nothing (the same for both pipelines)."""

    def __init__(self) -> None:
        self.bytes = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        n = len(data)
        self.bytes += n
        return n


# --------------------------------------------------------------------------- the two pipelines

Item = Notice | dict[str, Any]


def _notice(item: Item) -> Notice:
    return item if isinstance(item, Notice) else Notice.from_dict(item)


def rdflib_graph(notice: Notice) -> rdflib.Graph:
    """The notice's triples (``map_notice``) in a new rdflib Graph with the bundled prefixes bound.

    The same conversion as ``notice_ld.graph.to_rdflib([notice])``, written out here so that the
    baseline does not move when that helper changes.
    """
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in prefixes().items():
        graph.bind(prefix, namespace)
    add = graph.add
    for s, p, o in map_notice(notice).triples:
        if isinstance(o, Literal):
            if o.lang:
                obj: rdflib.term.Node = rdflib.Literal(o.value, lang=o.lang)
            elif o.datatype == XSD_STRING:
                obj = rdflib.Literal(o.value)
            else:
                obj = rdflib.Literal(o.value, datatype=rdflib.URIRef(o.datatype))
        else:
            obj = rdflib.URIRef(o)
        add((rdflib.URIRef(s), rdflib.URIRef(p), obj))
    return graph


def baseline(items: Sequence[Item], ttl: Sink, jsn: Sink) -> None:
    """The obvious pipeline: an rdflib Graph per notice, rdflib Turtle, pyld from_rdf + compact."""
    options: dict[str, Any] = {"documentLoader": local_loader}
    for item in items:
        graph = rdflib_graph(_notice(item))
        ttl.write(graph.serialize(format="turtle", encoding="utf-8"))
        nquads = graph.serialize(format="nt")
        expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
        compacted = jsonld.compact(expanded, CONTEXT, options)
        jsn.write(json.dumps(compacted, ensure_ascii=False).encode("utf-8") + b"\n")


CHUNK = 100
"""notice_ld maps and writes this many notices at a time (see the module docstring)."""


def notice_ld(items: Sequence[Item], ttl: Sink, jsn: Sink) -> None:
    """notice_ld: map_notice, then its Turtle and JSON-LD writers, streaming CHUNK notices at a time."""
    write_turtle, write_jsonld = writer(Format.TURTLE), writer(Format.JSON_LD)
    for start in range(0, len(items), CHUNK):
        graphs = [map_notice(_notice(item)) for item in items[start : start + CHUNK]]
        write_turtle(graphs, ttl, None)
        write_jsonld(graphs, jsn, None)


Pipeline = Callable[[Sequence[Item], Sink, Sink], None]


class Timing:
    """Best wall time (``time.perf_counter``) and best CPU time (``time.process_time``) of runs."""

    def __init__(self) -> None:
        self.wall = float("inf")
        self.cpu = float("inf")
        self.ttl = self.jsn = 0

    def run(self, pipeline: Pipeline, items: Sequence[Item]) -> None:
        ttl, jsn = Sink(), Sink()
        gc.collect()
        cpu, wall = time.process_time(), time.perf_counter()
        pipeline(items, ttl, jsn)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.wall, self.cpu = min(self.wall, wall), min(self.cpu, cpu)
        self.ttl, self.jsn = ttl.bytes, jsn.bytes


# --------------------------------------------------------------------------- equivalence check


def check_same_graph(notices: Sequence[Notice]) -> None:
    """Both pipelines write the same triples in Turtle and in JSON-LD (raises if not)."""
    import rdflib

    class Keep(Sink):
        def __init__(self) -> None:
            super().__init__()
            self.chunks: list[bytes] = []

        def write(self, data: Any) -> int:
            self.chunks.append(bytes(data))
            return super().write(data)

    b_ttl, b_json, n_ttl, n_json = Keep(), Keep(), Keep(), Keep()
    baseline(notices, b_ttl, b_json)
    notice_ld(notices, n_ttl, n_json)

    def triples(turtle_docs: list[bytes]) -> set[Any]:
        g = rdflib.Graph()
        for doc in turtle_docs:
            g.parse(data=doc, format="turtle")
        return set(g)

    t_base, t_nld = triples(b_ttl.chunks), triples([b"".join(n_ttl.chunks)])
    if t_base != t_nld:
        raise SystemExit(f"check failed: Turtle graphs differ ({len(t_base)} vs {len(t_nld)} triples)")

    def quads(docs: list[Any]) -> set[str]:
        lines: set[str] = set()
        for doc in docs:
            text = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": local_loader})
            lines.update(line for line in text.splitlines() if line)
        return lines

    base_docs = [json.loads(chunk) for chunk in b_json.chunks]  # one document per write
    q_base, q_nld = quads(base_docs), quads([json.loads(b"".join(n_json.chunks))])
    if q_base != q_nld:
        raise SystemExit(f"check failed: JSON-LD graphs differ ({len(q_base)} vs {len(q_nld)} triples)")
    if len(q_nld) != len(t_nld):
        raise SystemExit(f"check failed: JSON-LD has {len(q_nld)} triples, Turtle {len(t_nld)}")
    print(
        f"check: first {len(notices)} notices — same {len(t_nld)} triples from both pipelines "
        "(Turtle via rdflib, JSON-LD via pyld to_rdf)"
    )


# --------------------------------------------------------------------------- report


def profile(items: Sequence[Item], top: int = 25) -> None:
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    notice_ld(items, Sink(), Sink())
    profiler.disable()
    for key in ("tottime", "cumulative"):
        print(f"\n--- cProfile of the notice_ld pipeline on {len(items)} notices, top {top} by {key} ---")
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        text = stream.getvalue()
        print(text[text.find("   ncalls") :].rstrip())


def main(argv: list[str] | None = None) -> int:
    global CHUNK  # --chunk sets it for notice_ld()
    parser = argparse.ArgumentParser(description="notice_ld vs the obvious rdflib + pyld pipeline")
    parser.add_argument("--n", type=int, default=10_000, help="notices (default: 10000)")
    parser.add_argument(
        "--baseline-n",
        type=int,
        default=None,
        help="notices the baseline is timed on, a prefix of the N (default: min(N, 2000))",
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many timed runs (default: 1)")
    parser.add_argument("--warmup", type=int, default=50, help="warm-up notices, not timed (default: 50)")
    parser.add_argument(
        "--include-parse",
        action="store_true",
        help="count Notice.from_dict (JSON dict -> Notice) in both pipelines",
    )
    parser.add_argument(
        "--no-check",
        dest="check",
        action="store_false",
        help="skip the same-graph check on the first 20 notices",
    )
    parser.add_argument("--profile", action="store_true", help="print a cProfile top 25 of notice_ld")
    parser.add_argument(
        "--chunk",
        type=int,
        default=CHUNK,
        help=f"notices notice_ld maps and writes at a time (default: {CHUNK})",
    )
    args = parser.parse_args(argv)
    n = args.n
    base_n = min(n, args.baseline_n if args.baseline_n is not None else 2000)
    if n < 1 or base_n < 1 or args.repeat < 1 or args.chunk < 1:
        parser.error("--n, --baseline-n, --repeat and --chunk must be >= 1")
    CHUNK = args.chunk

    print(f"notice_ld pipeline benchmark — {environment()}")
    start = time.perf_counter()
    dicts = list(generate(n, args.seed))
    generated = time.perf_counter() - start
    start = time.perf_counter()
    notices = [Notice.from_dict(d) for d in dicts]
    parse_s = time.perf_counter() - start
    triples = sum(len(map_notice(x)) for x in notices[:1000])
    print(
        f"generated {n} notices (seed {args.seed}) in {generated:.1f} s; "
        f"{triples / min(n, 1000):.0f} triples per notice on average (first {min(n, 1000)})"
    )
    print(
        f"parse alone (Notice.from_dict): {n / parse_s:,.0f} notices/s "
        f"— {'INCLUDED in' if args.include_parse else 'excluded from'} both pipelines below"
    )

    items: Sequence[Item] = dicts if args.include_parse else notices
    if args.check:
        check_same_graph(notices[:20])
    warm = items[: args.warmup]
    baseline(warm, Sink(), Sink())
    notice_ld(warm, Sink(), Sink())
    # The inputs held in memory are this script's, not the pipelines' (the CLI streams them):
    # move them out of the garbage collector's sight, for both pipelines alike.
    del dicts, notices
    gc.collect()
    gc.freeze()

    # Repeats are interleaved so that on a shared machine each pipeline sees the same conditions.
    b, p, a = Timing(), Timing(), Timing()
    for _ in range(args.repeat):
        b.run(baseline, items[:base_n])
        p.run(notice_ld, items[:base_n])
        a.run(notice_ld, items)
    b_rate, p_rate, n_rate = base_n / b.wall, base_n / p.wall, n / a.wall

    what = "parse + map + Turtle + JSON-LD" if args.include_parse else "map + Turtle + JSON-LD"
    what += f"; notice_ld streams {CHUNK} notices at a time"
    print(f"\ntimed: {what}, best of {args.repeat}, warm-up of {len(warm)} notices excluded")
    print("  (wall = time.perf_counter, the figure that counts; CPU = time.process_time, less sensitive")
    print("   to other processes on a shared machine)")
    rows = (
        (f"baseline (rdflib Graph + Turtle, pyld compact), first {base_n} notices", base_n, b),
        (f"notice_ld, all {n} notices", n, a),
        (f"notice_ld, same first {base_n} notices as the baseline", base_n, p),
    )
    width = max(len(r[0]) for r in rows)
    for label, count, t in rows:
        print(
            f"  {label:<{width}}  {t.wall:7.2f} s wall {count / t.wall:7,.0f} notices/s"
            f"  | CPU {count / t.cpu:7,.0f} notices/s"
            f"  | Turtle {t.ttl / count:,.0f} B, JSON-LD {t.jsn / count:,.0f} B per notice"
        )
    print(
        f"\nratio notice_ld / baseline: {n_rate / b_rate:.1f}x "
        f"(notice_ld on N={n} vs baseline on its {base_n}-notice prefix); "
        f"same-prefix ratio {p_rate / b_rate:.1f}x; "
        f"by CPU time {(n / a.cpu) / (base_n / b.cpu):.1f}x; target >= 10x"
    )
    if args.profile:
        profile(items)
    return 0


if __name__ == "__main__":
    sys.exit(main())
