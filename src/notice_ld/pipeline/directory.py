"""Directory outputs: a run written as part files, a manifest and the merged report — resumable.

``convert -o DIR/`` writes, for a run cut into parts (:func:`~notice_ld.pipeline.sources.partition`):

* ``part-00000.ttl`` … (``.ttl.gz`` with ``compress``): the notices of each part, in input
  order. **Concatenated in name order they are exactly the single-file output** (decompressed:
  gzip members concatenate), so ``cat DIR/part-* > all.ttl`` or ``zcat`` work, and so does
  :func:`merge_directory` (``notice-ld merge DIR -o FILE``);
* ``part-00000.report.json`` …: each part's report, written **last**, once its file is synced
  and renamed into place — the part's commit mark. A rerun (``resume``) keeps the committed
  parts and runs the others: a retried or duplicated task never counts a record twice;
* ``ids-00000.bin`` …: the ids each part saw first (64-bit hashes and places, 16 bytes each):
  a part holding a later copy of an id an earlier part has is run again, told so, so duplicates
  are rejected as in one run (:mod:`notice_ld.pipeline.duplicates`), on a resume too;
* ``manifest.json``: the inputs, and per part its input slices, counts and the sha256 of its
  file; ``report.json``: the merged report (the JSON ``--report`` writes for a single file).
  converted + rejected + deleted equals the records read, always.

How concatenation gives exact bytes: each part's file starts with a tiny gzip member (or, not
compressed, a few bytes) holding the separator before its first notice; when every part is
committed, the first non-empty part's opening is rewritten to the document's header (and the
last part gets the footer) — only those bytes are rewritten, the parts' bodies are copied as
they are.

N-Triples and Turtle dumps are sets (:mod:`notice_ld.writers.stream`): a part's file holds its
notices' documents only; the triples of the nodes notices share (people, journals, concepts…)
go to the part's ``shared-00000.run`` (sorted, unique, uncompressed), committed with it. The
finishing step merges every part's run (a k-way merge, flat memory) and appends the shared
nodes, once, to the last part (one more gzip member when compressed). The runs stay beside the
parts (a rerun that finds the manifest gone finishes again from them); they are not part of the
output — their names never match ``part-*`` — and may be deleted once ``manifest.json`` says
``complete``.

>>> import io, json, os, tempfile
>>> from notice_ld.formats import Format
>>> from notice_ld.pipeline import Pipeline
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "in.jsonl")
>>> with open(path, "w", encoding="utf-8") as fh:
...     for i in range(30):
...         _ = fh.write(json.dumps({"id": f"10670/1.abc{i:03d}", "titles": [{"value": "T"}]}) + "\\n")
>>> pipeline = Pipeline(validation=None)
>>> whole = io.BytesIO()
>>> _ = pipeline.convert([path], {Format.JSON_LD: whole})
>>> out = os.path.join(folder, "out")
>>> report = convert_to_directory(pipeline, [path], out, Format.JSON_LD, jobs=1, parts=3, min_bytes=64)
>>> merged = io.BytesIO()
>>> merge_directory(out, merged)
>>> merged.getvalue() == whole.getvalue(), report["converted"]
(True, 30)
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from notice_ld.errors import ConfigError
from notice_ld.formats import Format
from notice_ld.pipeline.duplicates import Claimed, Claims, reruns
from notice_ld.pipeline.parallel import Executor, echo_lines, first_sources, map_parts
from notice_ld.pipeline.sources import Part, Source, partition
from notice_ld.writers.stream import SHARED_MARK

if TYPE_CHECKING:
    from notice_ld.pipeline import Pipeline
    from notice_ld.writers.stream import Codec

__all__ = ["MANIFEST", "REPORT", "convert_to_directory", "merge_directory", "merge_report_dicts"]

MANIFEST: Final = "manifest.json"
REPORT: Final = "report.json"
_COPY: Final = 1 << 20
_GZIP_LEVEL: Final = 6


def merge_report_dicts(reports: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON report of a whole run from its parts' JSON reports, in order (what
    :meth:`~notice_ld.pipeline.RunReport.merge` gives, on the JSON form).

    >>> merge_report_dicts([{"converted": 1, "rejected": 0, "errors": [], "deleted": 0, "deletions": [],
    ...     "residue": [], "warnings": [], "invalid": 0, "validation": {"engine": "", "violations": 0,
    ...     "warnings": 0, "infos": 0, "results": []}}] * 2)["converted"]
    2
    """
    whole: dict[str, Any] = {
        "converted": 0,
        "rejected": 0,
        "errors": [],
        "deleted": 0,
        "deletions": [],
        "residue": [],
        "warnings": [],
        "invalid": 0,
        "validation": {"engine": "", "violations": 0, "warnings": 0, "infos": 0, "results": []},
    }
    for part in reports:
        for key in ("converted", "rejected", "deleted", "invalid"):
            whole[key] += part[key]
        for key in ("errors", "deletions", "residue", "warnings"):
            whole[key].extend(part[key])
        validation, theirs = whole["validation"], part["validation"]
        validation["engine"] = validation["engine"] or theirs["engine"]
        for key in ("violations", "warnings", "infos"):
            validation[key] += theirs[key]
        validation["results"].extend(theirs["results"])
    return whole


@dataclass(frozen=True)
class _Task:
    pipeline: Pipeline
    part: Part
    fmt: Format
    lang: str | None
    folder: str
    index: int
    compress: bool
    first_source: int = 0
    excluded: Mapping[int, str] = dataclasses.field(default_factory=dict)


def _part_name(index: int, fmt: Format, compress: bool) -> str:
    return f"part-{index:05d}.{fmt.extension}" + (".gz" if compress else "")


def _report_name(index: int) -> str:
    return f"part-{index:05d}.report.json"


def _run_name(index: int) -> str:
    """The part's run of shared triples (formats that write shared nodes once; never ``part-*``)."""
    return f"shared-{index:05d}.run"


def _ids_name(index: int) -> str:
    """The part's claimed ids (:class:`~notice_ld.pipeline.duplicates.Claimed`, 16 bytes each)."""
    return f"ids-{index:05d}.bin"  # never ``part-*``: ``cat DIR/part-*`` is the output


def _excluded_json(excluded: Mapping[int, str]) -> list[list[Any]]:
    return [[key, excluded[key]] for key in sorted(excluded)]


def _member(data: bytes) -> bytes:
    """One gzip member (no name, mtime 0: the same bytes on every run)."""
    return gzip.compress(data, compresslevel=_GZIP_LEVEL, mtime=0)


class _Body:
    """The part's file: the lead before its first notice as its own opening (see module docs),
    then the rest — compressed as one gzip member when asked (an empty part is an empty member)."""

    def __init__(self, fh: IO[bytes], compress: bool, side: IO[bytes] | None = None) -> None:
        self._fh = fh
        self._side = side  # where the part's shared run goes (from SHARED_MARK on)
        self._in_side = False
        self._compress = compress
        self._zip: gzip.GzipFile | None = None
        self.opening = 0  # size in the file of the opening (the first lead), once written
        self._first = True
        self._lead = b""

    def expect_lead(self, lead: bytes) -> None:
        self._lead = lead

    def write(self, data: bytes) -> int:
        size = len(data)
        if self._in_side or (self._side is not None and data == SHARED_MARK):
            assert self._side is not None
            self._in_side = True
            self._side.write(data)  # the run as written: the mark, the records, the trailer
            return size
        if self._first and data:
            self._first = False
            if self._lead and data.startswith(self._lead):
                head, data = data[: len(self._lead)], data[len(self._lead) :]
                raw = _member(head) if self._compress else head
                self._fh.write(raw)
                self.opening = len(raw)
        if data:
            if self._compress and self._zip is None:
                self._zip = gzip.GzipFile(
                    filename="", mode="wb", fileobj=self._fh, mtime=0, compresslevel=_GZIP_LEVEL
                )
            (self._zip or self._fh).write(data)
        return size

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        elif self._compress and not self.opening:
            self._fh.write(_member(b""))  # a valid gzip file, even empty


def _convert_part(task: _Task) -> dict[str, Any]:
    """Convert one part into its committed file and report (see the module docs)."""
    from notice_ld.writers import codec

    name = _part_name(task.index, task.fmt, task.compress)
    final = os.path.join(task.folder, name)
    temporary = f"{final}.tmp-{os.getpid()}"
    lines: list[str] = []
    worker = dataclasses.replace(task.pipeline, echo=lines.append)
    claims = Claims(first_source=task.first_source, excluded=task.excluded)
    writer = codec(task.fmt, task.lang)
    run = os.path.join(task.folder, _run_name(task.index))
    with open(temporary, "wb") as fh, ExitStack() as stack:
        side = stack.enter_context(open(f"{run}.tmp-{os.getpid()}", "wb")) if writer.shares else None
        body = _Body(fh, task.compress, side)
        body.expect_lead(writer.lead)
        report = worker.convert(task.part, {task.fmt: body}, lang=task.lang, part=True, claims=claims)  # type: ignore[dict-item]
        body.close()
        for handle in (fh, side):
            if handle is not None:
                handle.flush()
                os.fsync(handle.fileno())
    if writer.shares:
        os.replace(f"{run}.tmp-{os.getpid()}", run)  # the run first: a committed part has its run
    os.replace(temporary, final)
    claimed = claims.claimed()
    ids_path = os.path.join(task.folder, _ids_name(task.index))
    with open(f"{ids_path}.tmp-{os.getpid()}", "wb") as fh:
        fh.write(claimed.to_bytes())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(f"{ids_path}.tmp-{os.getpid()}", ids_path)
    entry = {
        "index": task.index,
        "file": name,
        "opening": body.opening,
        "size": os.path.getsize(final),
        "run": _run_name(task.index) if writer.shares else None,
        "items": report.converted,
        "sources": _slices(task.part),
        "ids": _ids_name(task.index),
        "names": [list(n) for n in claimed.names],
        "excluded": _excluded_json(task.excluded),
        "lines": lines,
        "report": report.as_dict(),
    }
    _write_json(os.path.join(task.folder, _report_name(task.index)), entry)  # the commit mark, last
    return entry


def _slices(part: Part) -> list[dict[str, Any]]:
    """A part's sources as JSON (file, format, byte range, first line): how the manifest and
    the commit marks name what a part read."""
    return [dataclasses.asdict(s) | {"format": s.format.value if s.format else None} for s in part]


def _write_json(path: str, data: Any) -> None:
    temporary = f"{path}.tmp-{os.getpid()}"
    with open(temporary, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(temporary, path)


def _committed(folder: str, index: int, task_sources: Part) -> dict[str, Any] | None:
    """The report of part ``index`` if a previous run committed it for the same slices."""
    path = os.path.join(folder, _report_name(index))
    try:
        with open(path, encoding="utf-8") as fh:
            entry: dict[str, Any] = json.load(fh)
    except (OSError, ValueError):
        return None
    if (
        entry.get("sources") != _slices(task_sources)
        or not os.path.exists(os.path.join(folder, entry["file"]))
        or not os.path.exists(os.path.join(folder, entry.get("ids", "")))
        or "size" not in entry  # committed by an older notice-ld: run it again
        or (entry["run"] is not None and not os.path.exists(os.path.join(folder, entry["run"])))
    ):
        return None
    return entry


def _claimed(folder: Path, entry: Mapping[str, Any]) -> Claimed:
    names = tuple((int(i), str(path), bool(lines)) for i, path, lines in entry["names"])
    return Claimed.from_bytes((folder / entry["ids"]).read_bytes(), names)


def convert_to_directory(
    pipeline: Pipeline,
    inputs: Sequence[Source | str | os.PathLike[str]],
    folder: str | os.PathLike[str],
    fmt: Format,
    *,
    jobs: int = 1,
    parts: int | None = None,
    lang: str | None = None,
    compress: bool = False,
    executor: Executor | None = None,
    min_bytes: int = 1 << 20,
) -> dict[str, Any]:
    """Convert ``inputs`` into ``folder`` as part files, manifest and report (see the module
    docs); committed parts of an earlier run with the same slices are kept (resume). Returns the
    merged report (the JSON form)."""
    target = Path(folder)
    manifest_path = target / MANIFEST
    if manifest_path.exists():
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
        if old.get("format") != fmt.value or old.get("compressed") != compress:
            raise ConfigError(
                f"{target} holds a {old.get('format')} output: merge it, or choose another folder"
            )
        if old.get("complete"):
            return dict(json.loads((target / REPORT).read_text(encoding="utf-8")))
    target.mkdir(parents=True, exist_ok=True)
    cut = partition(pipeline.sources(inputs), parts=parts or max(1, jobs) * 4, min_bytes=min_bytes)
    firsts = first_sources(cut)
    tasks = [
        _Task(pipeline, part, fmt, lang, str(target), index, compress, firsts[index])
        for index, part in enumerate(cut)
    ]
    entries: dict[int, dict[str, Any]] = {}
    todo = []
    for index, part in enumerate(cut):
        done = _committed(str(target), index, part)
        if done is not None:
            entries[index] = done
        else:
            todo.append(tasks[index])
    for entry in map_parts(_convert_part, todo, jobs=jobs, executor=executor):
        entries[entry["index"]] = entry
    # duplicates across parts: a part holding a later copy of an id runs again, told so (also a
    # part committed by an earlier run with other exclusions)
    plan = reruns([_claimed(target, entries[i]) for i in range(len(cut))])
    again = [
        dataclasses.replace(tasks[i], excluded=plan.get(i, {}))
        for i in range(len(cut))
        if entries[i].get("excluded", []) != _excluded_json(plan.get(i, {}))
    ]
    for entry in map_parts(_convert_part, again, jobs=jobs, executor=executor):
        entries[entry["index"]] = entry
    ordered = [entries[i] for i in range(len(cut))]
    for entry in ordered:
        echo_lines(pipeline, entry["lines"])
    _finish(target, ordered, fmt, lang, compress)
    report = merge_report_dicts(e["report"] for e in ordered)
    _write_json(str(target / REPORT), report)
    manifest = {
        "format": fmt.value,
        "compressed": compress,
        "complete": True,
        "parts": [
            {
                "file": e["file"],
                "sources": e["sources"],
                "converted": e["report"]["converted"],
                "rejected": e["report"]["rejected"],
                "deleted": e["report"]["deleted"],
                "sha256": _sha256(target / e["file"]),
            }
            for e in ordered
        ],
    }
    _write_json(str(manifest_path), manifest)
    return report


def _finish(
    target: Path, entries: Sequence[dict[str, Any]], fmt: Format, lang: str | None, compress: bool
) -> None:
    """Give the first non-empty part the header and first lead, the last part the footer."""
    from notice_ld.writers import codec

    writer = codec(fmt, lang)
    first = next((e for e in entries if e["items"]), None)
    head_entry = first or entries[0]
    opening = writer.header() + (writer.first_lead if first is not None else b"")
    raw_opening = _member(opening) if compress and opening else opening
    head_path = target / head_entry["file"]
    # each step checks whether it was done already (a rerun after a crash while finishing)
    if not (raw_opening and _starts_with(head_path, raw_opening)):
        _replace_opening(head_path, head_entry["opening"], opening, compress)
    last = target / entries[-1]["file"]
    if writer.shares:
        size = entries[-1].get("size")
        if size is not None and entries[-1] is head_entry:
            size = size - head_entry["opening"] + len(raw_opening)
        _append_shared(last, size, writer, [target / e["run"] for e in entries], first is None, compress)
        return
    footer = writer.footer(first is None)
    raw_footer = _member(footer) if compress and footer else footer
    if raw_footer and not _ends_with(last, raw_footer):
        with open(last, "ab") as fh:
            fh.write(raw_footer)
            fh.flush()
            os.fsync(fh.fileno())


def _append_shared(
    last: Path, size: int | None, writer: Codec, runs: Sequence[Path], empty: bool, compress: bool
) -> None:
    """Append the shared nodes of every part's run (merged, each triple once) and the footer to
    ``last``, cut back first to its ``size`` as committed (a rerun after a crash while finishing)."""
    from notice_ld.writers.stream import SharedTriples, split_part

    shared = SharedTriples()
    try:
        for path in runs:
            with open(path, "rb") as fh:
                _, run = split_part(fh)
                fh.seek(len(SHARED_MARK))
                shared.add_run(fh, run)
        with open(last, "r+b") as fh:
            if size is not None:
                fh.truncate(size)
            fh.seek(0, os.SEEK_END)
            packer: gzip.GzipFile | None = None
            for chunk in (*_chunks(writer.shared_section(shared)), writer.footer(empty)):
                if not chunk:
                    continue
                if compress and packer is None:
                    packer = gzip.GzipFile(
                        filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=_GZIP_LEVEL
                    )
                (packer or fh).write(chunk)
            if packer is not None:
                packer.close()
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        shared.close()


def _chunks(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """``pieces`` joined into chunks of about a mebibyte."""
    pending: list[bytes] = []
    size = 0
    for piece in pieces:
        pending.append(piece)
        size += len(piece)
        if size >= _COPY:
            yield b"".join(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending)


def _starts_with(path: Path, data: bytes) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(data)) == data


def _ends_with(path: Path, data: bytes) -> bool:
    size = path.stat().st_size
    if size < len(data):
        return False
    with open(path, "rb") as fh:
        fh.seek(size - len(data))
        return fh.read() == data


def _replace_opening(path: Path, size: int, opening: bytes, compress: bool) -> None:
    """Rewrite the first ``size`` bytes of ``path`` (its opening) as ``opening``; the rest is copied."""
    if not opening and not size:
        return
    temporary = path.with_name(path.name + ".tmp")
    with open(path, "rb") as source, open(temporary, "wb") as out:
        source.seek(size)
        if opening:
            out.write(_member(opening) if compress else opening)
        shutil.copyfileobj(source, out, _COPY)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_COPY), b""):
            digest.update(chunk)
    return digest.hexdigest()


def merge_directory(folder: str | os.PathLike[str], out: IO[bytes]) -> None:
    """Join a complete directory output into ``out``: the parts, in order (decompressed)."""
    target = Path(folder)
    try:
        manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ConfigError(f"{target} is not a notice-ld output folder (no readable {MANIFEST})") from None
    if not manifest.get("complete"):
        raise ConfigError(f"{target} is not complete: run the same convert again to finish it")
    for part in manifest["parts"]:
        path = target / part["file"]
        if _sha256(path) != part["sha256"]:
            raise ConfigError(
                f"{path} does not match the manifest (changed or truncated since it was written)"
            )
        opener = gzip.open if manifest["compressed"] else open
        with opener(path, "rb") as fh:
            shutil.copyfileobj(fh, out, _COPY)
