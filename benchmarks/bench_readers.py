"""Every reader on the same number of records: records per second and peak memory, side by side.

For each input format, an input of ``N`` records is made once: the notice form, CSV and the
formats notice_ld also writes (BibTeX, RIS, CSL-JSON, schema.org JSON-LD, N-Triples) from
generated notices (benchmarks/generate.py); the third-party formats (Crossref, OpenAlex, HAL,
DataCite JSON and XML, oai_dc, qdc, MODS) by repeating a record of the test fixtures
(tests/data/readers/) inside its envelope; HTML pages are read one page per call. Each (format,
N) runs in a fresh child process that reads the file and drops the outcomes, and reports records
per wall and per CPU second and its peak RSS — so memory is flat when the peak at 100,000
records is the peak at 10,000. The reference line is pyoxigraph parsing the same N-Triples (the
floor for the RDF reader).

    python benchmarks/bench_readers.py --records 10000 100000 [--formats crossref ris ...]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, environment
from generate import dumps, generate

FIXTURES = ROOT / "tests" / "data" / "readers"


def _written(fmt_name: str) -> Callable[[int, Path], None]:
    def make(n: int, path: Path) -> None:
        from notice_ld.formats import Format
        from notice_ld.model import Notice
        from notice_ld.writers import write

        with path.open("wb") as out:
            write((Notice.from_dict(r) for r in generate(n)), Format(fmt_name), out)

    return make


def _jsonl(n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in generate(n):
            fh.write(dumps(record) + "\n")


def _json(n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[" + ",\n".join(dumps(r) for r in generate(n)) + "]\n")


def _csv(n: int, path: Path) -> None:
    rows = list(csv.reader(io.StringIO((ROOT / "examples" / "notices_template.csv").read_text("utf-8"))))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(rows[0])
        for i in range(n):
            row = list(rows[1 + i % (len(rows) - 1)])
            row[0] = f"10670/1.b{i:07d}"
            writer.writerow(row)


def _json_lines_of(fixture: str) -> Callable[[int, Path], None]:
    def make(n: int, path: Path) -> None:
        source = FIXTURES / fixture
        data = gzip.decompress(source.read_bytes()) if source.suffix == ".gz" else source.read_bytes()
        line = next(x for x in data.splitlines() if x.strip().startswith(b"{"))
        with path.open("wb") as fh:
            for _ in range(n):
                fh.write(line.strip() + b"\n")

    return make


def _xml_records_of(fixture: str, tag: bytes = b"record") -> Callable[[int, Path], None]:
    def make(n: int, path: Path) -> None:
        data = (FIXTURES / fixture).read_bytes()
        records = list(
            re.finditer(rb"<(?:\w+:)?" + tag + rb"[\s>].*?</(?:\w+:)?" + tag + rb">", data, re.DOTALL)
        )
        assert records, fixture
        found = next((r for r in records if b'status="deleted"' not in r.group(0)), records[0])
        head, tail = data[: records[0].start()], data[records[-1].end() :]
        tail = re.sub(rb"<resumptionToken[^>]*>[^<]*</resumptionToken>|<resumptionToken[^>]*/>", b"", tail)
        with path.open("wb") as fh:
            fh.write(head)
            for _ in range(n):
                fh.write(found.group(0) + b"\n")
            fh.write(tail)

    return make


MAKERS: dict[str, Callable[[int, Path], None]] = {
    "jsonl": _jsonl,
    "json": _json,
    "csv": _csv,
    "oai_dc": _xml_records_of("oai_dc/fidelity.xml"),
    "qdc": _xml_records_of("qdc/listrecords.xml"),
    "mods": _xml_records_of("mods/oai_listrecords.xml"),
    "datacite_xml": _xml_records_of("datacite/oai_datacite.xml"),
    "crossref": _json_lines_of("crossref/items.jsonl"),
    "datacite": _json_lines_of("datacite/records.jsonl"),
    "openalex": _json_lines_of("openalex/snapshot.jsonl.gz"),
    "hal": _json_lines_of("hal/docs.jsonl"),
    "csl_json": _written("csl-json"),
    "bibtex": _written("bibtex"),
    "ris": _written("ris"),
    "schema_org": _written("schema-jsonld"),
    "rdf": _written("ntriples"),
    "html": lambda n, path: path.write_bytes((FIXTURES / "html" / "journal_article.html").read_bytes()),
}


def _child(fmt_name: str, path: str, n: int) -> None:
    """Read ``path`` (``n`` pages for HTML) and print one JSON line of figures."""
    started, cpu0 = time.perf_counter(), time.process_time()
    if fmt_name == "oxigraph-floor":
        import pyoxigraph

        with open(path, "rb") as fh:
            count = sum(1 for _ in pyoxigraph.parse(fh, pyoxigraph.RdfFormat.N_TRIPLES))
        counts = {"triples": count}
    else:
        from notice_ld.readers import InputFormat, read, read_path

        fmt = InputFormat(fmt_name)
        counts = {}
        if fmt is InputFormat.HTML:
            page = Path(path).read_bytes()
            outcomes = (o for _ in range(n) for o in read(io.BytesIO(page), fmt, name="page.html"))
        else:
            outcomes = read_path(path, fmt)
        for outcome in outcomes:
            kind = type(outcome).__name__
            counts[kind] = counts.get(kind, 0) + 1
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"wall": wall, "cpu": cpu, "peak": peak, "counts": counts}))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=list(MAKERS), choices=list(MAKERS))
    parser.add_argument("--child", nargs=3, metavar=("FORMAT", "FILE", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    print(environment())
    print(f"load average before: {os.getloadavg()}")
    print(f"{'format':>14} {'records':>8} {'MB':>7} {'rec/s':>8} {'rec/CPU s':>10} {'peak MiB':>9}  outcomes")
    with tempfile.TemporaryDirectory() as folder:
        runs = [(f, n) for f in args.formats for n in args.records]
        if "rdf" in args.formats:
            runs += [("oxigraph-floor", n) for n in args.records]
        for fmt_name, n in runs:
            path = Path(folder) / f"{fmt_name}-{n}"
            if fmt_name == "oxigraph-floor":
                path = Path(folder) / f"rdf-{n}"
            else:
                MAKERS[fmt_name](n, path)
            child = subprocess.run(
                [sys.executable, __file__, "--child", fmt_name, str(path), str(n)],
                capture_output=True,
                text=True,
                check=False,
            )
            if child.returncode != 0:
                print(f"{fmt_name:>14} {n:>8} failed: {child.stderr.strip().splitlines()[-1:]}")
                continue
            result = json.loads(child.stdout.strip().splitlines()[-1])
            size = path.stat().st_size / 1e6
            rate, cpu_rate = n / result["wall"], n / max(result["cpu"], 1e-9)
            print(
                f"{fmt_name:>14} {n:>8} {size:>7.1f} {rate:>8,.0f} {cpu_rate:>10,.0f} "
                f"{result['peak'] / 2**20:>9.0f}  {result['counts']}"
            )
            if fmt_name != "rdf":
                path.unlink()
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
