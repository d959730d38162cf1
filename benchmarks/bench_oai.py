"""oai_dc parse + map throughput and memory, notice_ld's streaming reader against the obvious way.

The input is a synthetic OAI-PMH ``ListRecords`` response built from :func:`generate.generate`
(seed 0): one ``<record>`` per notice with its titles and abstracts (``xml:lang``), creators
(``Family, Given``), ``dc:date``, ``dc:language``, keywords, identifiers (Handle, DOI, URL),
``dc:type`` (``info:eu-repo/semantics/…``), ``dc:rights``, ``dc:source``, ``dc:publisher`` and a
``dc:coverage`` (residue) — about 3.5 kB per record. It is produced as a stream of chunks, never
held whole, except by the baseline, which needs it whole.

* **notice_ld** — ``notice_ld.readers.read(stream, InputFormat.OAI_DC)``: the safe record
  splitter (each record parsed alone by hardened lxml), then the Dublin Core rules into
  validated ``Notice`` objects (and residue reports); streaming.
* **baseline, "the obvious way"** — ``xml.etree.ElementTree.fromstring`` on the whole document,
  then, for each ``record`` element, the *same* mapping code (``notice_ld.readers.oai_dc``'s
  rules, so only the XML handling differs). No DTD defences, no record isolation: one bad byte
  and the whole page is lost.

Rates are records per second over ``--n`` records (default 20,000), best of ``--repeat`` (3),
after a warm-up; both on one core (the process is single-threaded). ``--map`` adds
``map_notice`` (the RDF mapping) to both. Memory: for ``--small`` (10,000) and ``--large``
(100,000) records, each pipeline runs in a fresh child process that reports its peak RSS
(``VmHWM``); flat means a large/small ratio near 1.

Run::

    PYTHONPATH=src python benchmarks/bench_oai.py                     # rates + memory, a few minutes
    PYTHONPATH=src python benchmarks/bench_oai.py --n 5000 --no-memory
    PYTHONPATH=src python benchmarks/bench_oai.py --n 5000 --no-memory --profile   # + cProfile top 25

``--profile`` runs notice_ld's pass once more under cProfile, after the timings (which it does not
affect), and prints the top 25 functions by own time and by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE))
if SRC.is_dir() and str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

from _common import environment  # noqa: E402
from generate import generate  # noqa: E402

OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<responseDate>2024-01-01T00:00:00Z</responseDate>\n'
    '<request verb="ListRecords" metadataPrefix="oai_dc">http://127.0.0.1/oai</request>\n<ListRecords>\n'
)
CLOSE = "</ListRecords>\n</OAI-PMH>\n"


def _el(name: str, value: str, lang: str | None = None) -> str:
    attr = f' xml:lang="{escape(lang)}"' if lang else ""
    return f"<dc:{name}{attr}>{escape(value)}</dc:{name}>"


def record_xml(index: int, notice: dict[str, Any]) -> str:
    """One oai_dc record for a generated notice."""
    parts = [_el("title", t["value"], t.get("lang")) for t in notice["titles"]]
    for creator in notice.get("creators", []):
        name = (
            f"{creator['family']}, {creator['given']}" if "given" in creator else creator.get("family", "X")
        )
        parts.append(_el("creator", name))
    parts += [_el("description", a["value"], a.get("lang")) for a in notice.get("abstracts", [])]
    if "issued" in notice:
        parts.append(_el("date", notice["issued"]))
    parts += [_el("language", tag) for tag in notice.get("languages", [])]
    parts += [_el("subject", k["value"], k.get("lang")) for k in notice.get("keywords", [])]
    parts.append(_el("identifier", f"hdl:{notice['id']}"))
    for ident in notice.get("identifiers", []):
        parts.append(_el("identifier", ident if isinstance(ident, str) else ident["value"]))
    if "landing_page" in notice:
        parts.append(_el("identifier", notice["landing_page"]))
    parts.append(_el("type", "info:eu-repo/semantics/article"))
    licence = notice.get("license", {})
    if licence:
        parts.append(_el("rights", licence.get("iri") or licence.get("label", "")))
    if "container" in notice:
        parts.append(_el("source", notice["container"]["title"]))
    parts.append(_el("publisher", "Presses universitaires"))
    parts.append(_el("coverage", "France"))
    return (
        f"<record><header><identifier>oai:bench:{index}</identifier><datestamp>2024-01-01</datestamp>"
        '</header><metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">' + "".join(parts) + "</oai_dc:dc></metadata></record>\n"
    )


def stream(n: int, chunk: int = 1 << 16) -> Iterator[bytes]:
    """The ListRecords response for ``n`` records, as byte chunks (never held whole)."""
    buffer = [OPEN.encode()]
    size = 0
    for index, notice in enumerate(generate(n, 0)):
        data = record_xml(index, notice).encode()
        buffer.append(data)
        size += len(data)
        if size >= chunk:
            yield b"".join(buffer)
            buffer, size = [], 0
    buffer.append(CLOSE.encode())
    yield b"".join(buffer)


class _ChunkStream:
    """A binary file-like object over chunks (what an HTTP response body looks like)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks

    def read(self, size: int = -1) -> bytes:
        return next(self.chunks, b"")


def run_notice_ld(chunks: Iterator[bytes], do_map: bool) -> int:
    from notice_ld.mapping import map_notice
    from notice_ld.model import Notice
    from notice_ld.readers import InputFormat, read

    count = 0
    for outcome in read(_ChunkStream(chunks), InputFormat.OAI_DC, name="bench"):  # type: ignore[arg-type]
        if isinstance(outcome, Notice):
            if do_map:
                map_notice(outcome)
            count += 1
    return count


def run_baseline(document: bytes, do_map: bool) -> int:
    import xml.etree.ElementTree as ET

    from notice_ld.mapping import map_notice
    from notice_ld.model import Notice
    from notice_ld.readers.oai_dc import outcomes
    from notice_ld.readers.xmlsafe import RawRecord

    root = ET.fromstring(document)
    count = 0
    for element in root.iter("{http://www.openarchives.org/OAI/2.0/}record"):
        for outcome in outcomes(RawRecord(element, 0), "bench"):
            if isinstance(outcome, Notice):
                if do_map:
                    map_notice(outcome)
                count += 1
    return count


def mapped_dicts(document: bytes) -> list[dict[str, Any]]:
    """The notice dicts the Dublin Core rules build (to time the model's validation on its own)."""
    from notice_ld.readers.oai import metadata_root, read_header
    from notice_ld.readers.oai_dc import OAI_DC
    from notice_ld.readers.xmlsafe import split_records

    dicts = []
    for raw in split_records(iter([document])):
        metadata = metadata_root(raw.element)
        if metadata is not None:
            dicts.append(OAI_DC.map_record(metadata, read_header(raw.element), None).data)
    return dicts


def validate_only(dicts: list[dict[str, Any]]) -> None:
    from notice_ld.model import Notice

    for data in dicts:
        Notice.from_dict(data)


def timed(label: str, function: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def profile(document: bytes, do_map: bool, top: int = 25) -> None:
    """cProfile of notice_ld's pass over ``document`` (in the same 64 kB chunks as the timed runs)."""
    chunks = iter([document[i : i + 65536] for i in range(0, len(document), 65536)])
    profiler = cProfile.Profile()
    gc.collect()
    profiler.enable()
    run_notice_ld(chunks, do_map)
    profiler.disable()
    for key in ("tottime", "cumulative"):
        print(f"\n--- cProfile of notice_ld's oai_dc reader, top {top} by {key} ---")
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        text = stream.getvalue()
        print(text[text.find("   ncalls") :].rstrip())


def child(mode: str, n: int, do_map: bool) -> None:
    if mode == "notice_ld":
        count = run_notice_ld(stream(n), do_map)
    else:
        count = run_baseline(b"".join(stream(n)), do_map)
    print(json.dumps({"count": count, "peak_mib": _peak_kib() / 1024}))


def _peak_kib() -> float:
    """Peak RSS of this process's own address space: ``VmHWM`` (fresh at exec, unlike ``ru_maxrss``,
    which a child forked from a big parent inherits), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def memory(mode: str, n: int, do_map: bool) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(SRC), env.get("PYTHONPATH", "")) if p)
    args = [sys.executable, __file__, "--child", mode, "--n", str(n)] + (["--map"] if do_map else [])
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["count"] == n, result
    return float(result["peak_mib"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--map", action="store_true", help="also map each notice to RDF (map_notice)")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--profile", action="store_true", help="print a cProfile top 25 of notice_ld")
    parser.add_argument("--child", choices=["notice_ld", "baseline"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.n, args.map)
        return 0
    print(environment())
    document = b"".join(stream(args.n))
    print(f"{args.n} records, {len(document) / 1e6:.1f} MB of oai_dc; map_notice included: {args.map}")
    run_notice_ld(stream(min(args.n, 500)), args.map)  # warm-up: imports, caches
    run_baseline(b"".join(stream(min(args.n, 500))), args.map)
    assert run_notice_ld(iter([document]), args.map) == args.n
    assert run_baseline(document, args.map) == args.n
    ours = timed(
        "notice_ld",
        lambda: run_notice_ld(
            iter([document[i : i + 65536] for i in range(0, len(document), 65536)]), args.map
        ),
        args.repeat,
    )
    base = timed("baseline", lambda: run_baseline(document, args.map), args.repeat)
    print(f"notice_ld (streaming, safe, per-record isolation): {args.n / ours:8.0f} records/s")
    print(f"baseline  (ElementTree whole document, same rules): {args.n / base:8.0f} records/s")
    print(f"ratio notice_ld / baseline: {base / ours:.2f}")
    model = (
        timed("model", lambda: validate_only(dicts), args.repeat)
        if (dicts := mapped_dicts(document))
        else 0.0
    )
    print(
        f"of which Notice.from_dict alone (the model's validation, the same for every reader): "
        f"{args.n / model:8.0f} records/s"
    )
    if args.profile:
        profile(document, args.map)
    if not args.no_memory:
        for mode in ("notice_ld", "baseline"):
            small = memory(mode, args.small, args.map)
            large = memory(mode, args.large, args.map)
            print(
                f"peak RSS {mode:9s}: {args.small} records {small:7.1f} MiB, {args.large} records "
                f"{large:7.1f} MiB, ratio {large / small:.2f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
