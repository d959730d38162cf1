"""What access rights and relations cost: building, mapping and validating notices with and without them.

The same generated notices (:func:`generate.generate`) are run twice: as generated (no access
rights, no relations: the cost the new fields add to every notice that does not use them), and
with ``access_rights`` (cycling through the four values) and three relations each (a DOI
``is_version_of``, a HAL id ``references``, a URL ``related``). Three steps are timed, each the
best of ``--repeat`` runs of CPU time (``time.process_time``): ``Notice.from_dict`` (validation:
identifiers parsed and canonicalised), ``map_notice`` (all three profiles), and the fast SHACL
engine on the mapped graphs. The load average is printed before and after: figures taken on a
busy machine are not comparable.

    python benchmarks/bench_access_relations.py --n 5000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
_SRC = Path(__file__).resolve().parents[1] / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

from _common import environment  # noqa: E402
from generate import generate  # noqa: E402

_ACCESS = ("open", "embargoed", "restricted", "closed")


def with_fields(record: dict[str, Any], index: int) -> dict[str, Any]:
    """The record with access rights and three relations (never to its own identifiers)."""
    return {
        **record,
        "access_rights": _ACCESS[index % 4],
        "relations": [
            {"type": "is_version_of", "identifier": f"10.5281/zenodo.{index + 1}"},
            {"type": "references", "identifier": f"hal-{index + 1:08d}"},
            {"type": "related", "identifier": f"https://example.org/related/{index}"},
        ],
    }


def best_cpu(step: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``step``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        step()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=5000, help="notices (default: 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (default: 3)")
    args = parser.parse_args(argv)

    from notice_ld.mapping import map_notice
    from notice_ld.model import Notice
    from notice_ld.validation import validate

    print(environment())
    print(f"load average before: {os.getloadavg()}")
    plain = list(generate(args.n))
    rich = [with_fields(r, i) for i, r in enumerate(plain)]
    rows = []
    for label, records in (("without the fields", plain), ("with access + 3 relations", rich)):
        notices = [Notice.from_dict(r) for r in records]
        graphs = [map_notice(n) for n in notices]
        validate(graphs[:50])  # warm-up: shapes compiled, caches filled
        build = best_cpu(lambda records=records: [Notice.from_dict(r) for r in records], args.repeat)
        mapping = best_cpu(lambda notices=notices: [map_notice(n) for n in notices], args.repeat)
        shacl = best_cpu(lambda graphs=graphs: validate(graphs), args.repeat)
        triples = sum(len(g) for g in graphs) / len(graphs)
        rows.append((label, build, mapping, shacl, triples))
    print(f"{args.n} notices, CPU seconds (best of {args.repeat}); notices per CPU second in brackets")
    print(f"{'':28}{'from_dict':>20}{'map_notice':>20}{'validate (fast)':>20}{'triples/notice':>16}")
    for label, build, mapping, shacl, triples in rows:
        cells = [f"{t:.2f} ({args.n / t:,.0f})" for t in (build, mapping, shacl)]
        print(f"{label:28}" + "".join(f"{c:>20}" for c in cells) + f"{triples:16.1f}")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
