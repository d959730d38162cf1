"""Differential check: notice_ld's Crossref and CSL-JSON readers against commonmeta-py's.

Reads the same inputs with both — the Crossref and CSL-JSON samples of ``../shared/realdata``
(when present) and the fixtures of ``tests/data/readers/{crossref,csl}`` — and compares, record
by record: the title, the authors (family names in order; an organisation's name), the year,
the DOI, the container title and the type (each reader's type mapped to notice_ld's types).
Every disagreement is printed; the explanations are in ``docs/readers.md`` ("Differences with
commonmeta-py").

commonmeta-py needs ``bibtexparser~=1.4`` and notice_ld ``bibtexparser>=2``: they cannot share one
environment. Install commonmeta-py in its own virtual environment and give its Python::

    python -m venv /tmp/cm-venv && /tmp/cm-venv/bin/pip install commonmeta-py
    COMMONMETA_PYTHON=/tmp/cm-venv/bin/python python benchmarks/differential_commonmeta.py

The script runs itself under that Python (``--worker``) to read the records with commonmeta-py,
exchanging JSON on standard input and output; nothing is fetched from the network.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"
FIXTURES = ROOT / "tests" / "data" / "readers"

# commonmeta-py's types, as notice_ld's types
CM_TYPES = {
    "JournalArticle": "article",
    "Article": "article",
    "BookChapter": "chapter",
    "Book": "book",
    "BookSeries": "book",
    "ProceedingsArticle": "conference_paper",
    "Proceedings": "book",
    "Dissertation": "thesis",
    "Dataset": "dataset",
    "Report": "report",
    "Preprint": "working_paper",
    "BlogPost": "other",
    "Document": "other",
    "WebPage": "other",
    "Other": "other",
}


# ------------------------------------------------------------------ commonmeta side (worker)


def worker() -> None:
    """Read ``[{"via": ..., "record": {...}}, ...]`` from stdin with commonmeta-py; print the
    compared fields of each as JSON."""
    from commonmeta import Metadata

    jobs = json.load(sys.stdin)
    out = []
    for job in jobs:
        try:
            record = job["record"] if job["via"] == "crossref" else json.dumps(job["record"])
            meta = Metadata(record, via=job["via"])
            authors = [
                (c.get("person") or {}).get("family_name") or (c.get("organization") or {}).get("name")
                for c in meta.contributors or []
                if "Author" in (c.get("roles") or [])
            ]
            ident = meta.id or ""
            doi = ident.lower().removeprefix("https://doi.org/") if "doi.org/" in ident else None
            out.append(
                {
                    "title": meta.title,
                    "authors": authors,
                    "year": (meta.date_published or "")[:4] or None,
                    "doi": doi,
                    "container": (meta.container or {}).get("title"),
                    "type": meta.type,
                }
            )
        except Exception as exc:  # a record commonmeta-py cannot read is a result
            out.append({"error": f"{type(exc).__name__}: {exc}"})
    json.dump(out, sys.stdout)


# ------------------------------------------------------------------ inputs


def inputs() -> list[tuple[Path, str]]:
    found = []
    for folder, via in ((REALDATA / "crossref", "crossref"), (REALDATA / "csl_json", "csl")):
        if folder.is_dir():
            found += [(p, via) for p in sorted(folder.glob("*.json"))]
    for folder, via in ((FIXTURES / "crossref", "crossref"), (FIXTURES / "csl", "csl")):
        found += [(p, via) for p in sorted(folder.iterdir()) if p.is_file()]
    return found


def raw_records(path: Path, via: str) -> list[Any]:
    """The records of a file, as commonmeta-py reads them (one record per call)."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8")
    try:
        values = [json.loads(text)]
    except json.JSONDecodeError:
        values = []
        for line in text.splitlines():
            try:
                values.append(json.loads(line))
            except json.JSONDecodeError:
                values.append(None)  # a broken line: no record for commonmeta-py either
    records: list[Any] = []
    for value in values:
        if isinstance(value, list):
            records += value
        elif isinstance(value, dict) and isinstance(value.get("message"), dict):
            message = value["message"]
            records += message["items"] if isinstance(message.get("items"), list) else [message]
        elif isinstance(value, dict) and isinstance(value.get("items"), list):
            records += value["items"]
        else:
            records.append(value)
    return records


# ------------------------------------------------------------------ notice_ld side


def notice_ld_view(path: Path) -> list[dict[str, Any]]:
    from notice_ld.citation import fields as f
    from notice_ld.errors import RecordError
    from notice_ld.model import Notice
    from notice_ld.readers import read_path

    views: list[dict[str, Any]] = []
    for outcome in read_path(path):
        if isinstance(outcome, RecordError):
            views.append({"error": str(outcome)})
        elif isinstance(outcome, Notice):
            views.append(
                {
                    "title": outcome.titles[0].value,
                    "authors": [getattr(a, "family", None) or a.display_name for a in outcome.creators],
                    "year": outcome.issued[:4] if outcome.issued else None,
                    "doi": f.doi(outcome),
                    "container": outcome.container.title if outcome.container is not None else None,
                    "type": outcome.type.value,
                }
            )
    return views


def main() -> int:
    python = os.environ.get("COMMONMETA_PYTHON", "/tmp/cm-venv/bin/python")
    if not Path(python).exists():
        print(f"blocked: no Python with commonmeta-py at {python} (set COMMONMETA_PYTHON; see the docstring)")
        return 2
    files = inputs()
    jobs = [{"via": via, "record": r, "file": str(p)} for p, via in files for r in raw_records(p, via)]
    start = time.process_time()
    result = subprocess.run(
        [python, __file__, "--worker"],
        input=json.dumps([j for j in jobs if j["record"] is not None]),
        capture_output=True,
        text=True,
        check=True,
    )
    theirs_iter = iter(json.loads(result.stdout))
    theirs_by_job = [next(theirs_iter) if j["record"] is not None else {"error": "not JSON"} for j in jobs]
    ours_all = {str(p): notice_ld_view(p) for p, _ in files}
    cpu = time.process_time() - start
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    compared = disagreements = 0
    index_in_file: dict[str, int] = {}
    for job, theirs in zip(jobs, theirs_by_job, strict=True):
        number = index_in_file.get(job["file"], 0)
        index_in_file[job["file"]] = number + 1
        ours_list = ours_all[job["file"]]
        ours = ours_list[number] if number < len(ours_list) else {"error": "no outcome"}
        where = f"{Path(job['file']).relative_to(ROOT.parent)}[{number}]"
        if "error" in ours or "error" in theirs:
            if "error" in ours and "error" in theirs:
                continue  # both refuse it
            disagreements += 1
            mine, other = ours.get("error", "read"), theirs.get("error", "read")
            print(f"{where}: notice_ld: {mine} | commonmeta-py: {other}")
            continue
        compared += 1
        theirs = {**theirs, "type": CM_TYPES.get(theirs["type"], f"? {theirs['type']}")}
        for field in ("title", "authors", "year", "doi", "container", "type"):
            a, b = ours[field], theirs[field]
            if field == "doi":
                a, b = (a or "").lower() or None, b
            if a != b:
                disagreements += 1
                print(f"{where} {field}: notice_ld {a!r} | commonmeta-py {b!r}")
    print(
        f"\n{len(files)} files, {len(jobs)} records, {compared} read by both, {disagreements} disagreements; "
        f"CPU {cpu:.2f} s here + {child.ru_utime + child.ru_stime:.2f} s in commonmeta-py; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    return 0


if __name__ == "__main__":
    if "--worker" in sys.argv:
        worker()
    else:
        sys.path.insert(0, str(ROOT / "src"))
        sys.exit(main())
