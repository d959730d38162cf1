"""Citations and exports: notice_ld against the obvious library way, side by side in one run.

All inputs come from :func:`generate.generate` and are parsed into ``Notice`` objects before any
timing. What is timed (best of ``--repeat``; ``time.perf_counter``; a warm-up excluded):

* **citation strings** — notice_ld ``cite(notice, style=APA, lang="en")`` (and the ISIDORE
  style) per notice, against **citeproc-py** rendering the same notices' CSL-JSON items with a
  small author-date style (``tests/data/tiny-author-date.csl``): ``CiteProcJSON(items)``,
  ``CitationStylesBibliography``, ``register`` every item, ``bibliography()``, ``str`` each
  entry. The CSL items are built *before* timing, so the baseline's rate does not include
  notice → CSL conversion (notice_ld's does include reading the notice). citeproc-py is slow:
  it is timed on the first ``--baseline-n`` notices.
* **BibTeX** — notice_ld's writer, notice → bytes, against **bibtexparser 2**'s writer
  (``bibtexparser.write_string``) on a ``Library`` holding the *same entries* (obtained, before
  timing, by parsing notice_ld's own output), so the baseline only writes.
* **RIS** — notice_ld's writer against ``rispy.dumps`` on the same records (from ``rispy.loads``
  of notice_ld's output, before timing).
* **CSL-JSON** — notice_ld's streaming writer against ``json.dumps(items, ensure_ascii=False,
  indent=2)`` of the whole list of items (built before timing).
* **mapping overhead** — ``map_notice`` on the notices without a citation of their own (the
  ISIDORE citation is generated for ``dcterms:bibliographicCitation``) against the same notices
  carrying a citation string (nothing to generate).

Run::

    PYTHONPATH=src python benchmarks/bench_citations.py                 # N=5000
    PYTHONPATH=src python benchmarks/bench_citations.py --n 2000 --baseline-n 300 --repeat 3
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
_ROOT = Path(__file__).resolve().parents[1]
if (_ROOT / "src").is_dir() and str(_ROOT / "src") not in sys.path:
    sys.path.insert(0, str(_ROOT / "src"))

from _common import environment  # noqa: E402
from generate import generate  # noqa: E402
from notice_ld.citation import Style, cite  # noqa: E402
from notice_ld.formats import Format  # noqa: E402
from notice_ld.mapping import NoticeGraph, map_notice  # noqa: E402
from notice_ld.model import Notice  # noqa: E402
from notice_ld.writers import writer  # noqa: E402
from notice_ld.writers.csl_json import csl_item  # noqa: E402

STYLE = _ROOT / "tests" / "data" / "tiny-author-date.csl"


def best(run: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs."""
    seconds = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        seconds = min(seconds, time.perf_counter() - start)
    return seconds


def write(fmt: Format, graphs: Sequence[NoticeGraph]) -> bytes:
    out = io.BytesIO()
    writer(fmt)(graphs, out, None)
    return out.getvalue()


def citeproc_render(items: list[dict[str, Any]]) -> list[str]:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    style = CitationStylesStyle(str(STYLE), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(str(item["id"]).lower())]))
    return [str(entry) for entry in bibliography.bibliography()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="citations and exports: notice_ld vs the library way")
    parser.add_argument("--n", type=int, default=5000, help="notices (default: 5000)")
    parser.add_argument(
        "--baseline-n", type=int, default=None, help="notices citeproc-py renders (default: min(N, 1000))"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default: 3)")
    args = parser.parse_args(argv)
    n = args.n
    base_n = min(n, args.baseline_n if args.baseline_n is not None else 1000)
    if n < 1 or base_n < 1 or args.repeat < 1:
        parser.error("--n, --baseline-n and --repeat must be >= 1")

    import bibtexparser
    import rispy

    print(f"notice_ld citations benchmark — {environment()}")
    notices = [Notice.from_dict(d) for d in generate(n, args.seed)]
    own = sum(x.citation is not None for x in notices)
    bare = [x.model_copy(update={"citation": None}) for x in notices]
    cited = [x.model_copy(update={"citation": "Auteur, « Titre », Revue, 2019."}) for x in notices]
    graphs = [map_notice(x) for x in notices]
    items = [csl_item(x) for x in notices]
    library = bibtexparser.parse_string(write(Format.BIBTEX, graphs).decode())
    ris_records = rispy.loads(write(Format.RIS, graphs).decode().replace("\r\n", "\n"))
    assert len(library.entries) == len(ris_records) == n
    print(f"{n} generated notices (seed {args.seed}; {own} carry their own citation), best of {args.repeat}")
    # warm-up: imports, caches
    citeproc_render(items[:20])
    [cite(x, style=Style.APA, lang="en") for x in notices[:50]]
    gc.collect()
    gc.freeze()

    rows: list[tuple[str, str, float, int, float, int]] = []

    def compare(what: str, base: str, b_s: float, b_n: int, nld_s: float, nld_n: int) -> None:
        rows.append((what, base, b_s, b_n, nld_s, nld_n))

    cp_s = best(lambda: citeproc_render(items[:base_n]), args.repeat)
    apa_s = best(lambda: [cite(x, style=Style.APA, lang="en") for x in notices], args.repeat)
    isi_s = best(lambda: [cite(x) for x in notices], args.repeat)
    compare("citation, APA-like (en)", "citeproc-py, tiny style", cp_s, base_n, apa_s, n)
    compare("citation, ISIDORE (fr)", "citeproc-py, tiny style", cp_s, base_n, isi_s, n)
    bw_s = best(lambda: bibtexparser.write_string(library), args.repeat)
    compare(
        "BibTeX",
        "bibtexparser.write_string",
        bw_s,
        n,
        best(lambda: write(Format.BIBTEX, graphs), args.repeat),
        n,
    )
    rw_s = best(lambda: rispy.dumps(ris_records), args.repeat)
    compare("RIS", "rispy.dumps", rw_s, n, best(lambda: write(Format.RIS, graphs), args.repeat), n)
    jw_s = best(lambda: json.dumps(items, ensure_ascii=False, indent=2), args.repeat)
    compare(
        "CSL-JSON",
        "json.dumps(list, indent=2)",
        jw_s,
        n,
        best(lambda: write(Format.CSL_JSON, graphs), args.repeat),
        n,
    )

    print("\n  what                      baseline                      baseline/s   notice_ld/s   ratio")
    for what, base, b_s, b_n, nld_s, nld_n in rows:
        b_rate, nld_rate = b_n / b_s, nld_n / nld_s
        print(f"  {what:<25} {base:<28} {b_rate:>11,.0f} {nld_rate:>13,.0f} {nld_rate / b_rate:>7.1f}x")
    print(f"  (citeproc-py on the first {base_n} notices, notice_ld on all {n}; rates in notices per second)")

    gen_s = best(lambda: [map_notice(x) for x in bare], args.repeat)
    own_s = best(lambda: [map_notice(x) for x in cited], args.repeat)
    print(
        f"\nmap_notice, citation generated: {n / gen_s:,.0f} notices/s; with a citation of their own: "
        f"{n / own_s:,.0f} notices/s; generating costs {(gen_s - own_s) / n * 1e6:.1f} µs per notice "
        f"({(gen_s / own_s - 1) * 100:.1f} % of the mapping)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
