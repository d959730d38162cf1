"""Folder outputs (``convert -o DIR/``): parts whose concatenation is the single file, manifest,
merged report, resume, ``notice-ld merge``."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from notice_ld import cli
from notice_ld.errors import ConfigError
from notice_ld.formats import Format
from notice_ld.pipeline import Pipeline
from notice_ld.pipeline.directory import convert_to_directory, merge_directory
from notice_ld.pipeline.parallel import SerialExecutor

from .conftest import EXAMPLES

BAD = [b'{"id": "10670/1.bad001", "titles": []}', b"{oops", b'{"id": "10670/1.bad002", "issued": "2019-13"}']


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines: list[bytes] = []
    for i, line in enumerate(EXAMPLES.read_bytes().splitlines()):
        lines.append(line)
        lines.append(BAD[i % len(BAD)])
    path = tmp_path_factory.mktemp("directory") / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _single(source: Path, fmt: Format) -> tuple[bytes, dict[str, object]]:
    out = io.BytesIO()
    report = Pipeline().convert([source], {fmt: out}, lang="fr")
    return out.getvalue(), report.as_dict()


def _joined(folder: Path, compress: bool) -> bytes:
    parts = sorted(
        p for p in folder.iterdir() if p.name.startswith("part-") and not p.name.endswith(".report.json")
    )
    if compress:
        return b"".join(gzip.decompress(p.read_bytes()) for p in parts)
    return b"".join(p.read_bytes() for p in parts)


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("fmt", list(Format), ids=[f.value for f in Format])
def test_parts_concatenate_to_the_single_file_and_the_report_is_the_same(
    source: Path, tmp_path: Path, fmt: Format, compress: bool
) -> None:
    single, single_report = _single(source, fmt)
    folder = tmp_path / "out"
    report = convert_to_directory(
        Pipeline(),
        [source],
        folder,
        fmt,
        parts=5,
        lang="fr",
        compress=compress,
        executor=SerialExecutor(),
        min_bytes=1,
    )
    assert report == single_report
    assert json.loads((folder / "report.json").read_text(encoding="utf-8")) == single_report
    assert _joined(folder, compress) == single
    merged = io.BytesIO()
    merge_directory(folder, merged)
    assert merged.getvalue() == single
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["parts"]) > 1
    read = sum(1 for line in source.read_bytes().splitlines() if line.strip())
    assert sum(p["converted"] + p["rejected"] + p["deleted"] for p in manifest["parts"]) == read


def test_a_rerun_keeps_committed_parts_and_redoes_the_others(source: Path, tmp_path: Path) -> None:
    single, single_report = _single(source, Format.TURTLE)
    folder = tmp_path / "out"
    kwargs = {"parts": 4, "executor": SerialExecutor(), "min_bytes": 1, "lang": "fr"}
    convert_to_directory(Pipeline(), [source], folder, Format.TURTLE, **kwargs)  # type: ignore[arg-type]
    # a crash before the end: the last part's commit mark is gone, its file half written, no manifest
    (folder / "part-00003.report.json").unlink()
    (folder / "part-00003.ttl").write_bytes(b"half a part")
    (folder / "manifest.json").unlink()
    kept = (folder / "part-00001.ttl").stat().st_mtime_ns
    report = convert_to_directory(Pipeline(), [source], folder, Format.TURTLE, **kwargs)  # type: ignore[arg-type]
    assert report == single_report and _joined(folder, False) == single
    assert (folder / "part-00001.ttl").stat().st_mtime_ns == kept  # not redone
    # a finished folder is not redone at all
    assert convert_to_directory(Pipeline(), [source], folder, Format.TURTLE, **kwargs) == single_report  # type: ignore[arg-type]


def test_merge_refuses_a_changed_or_unfinished_folder(source: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    convert_to_directory(
        Pipeline(), [source], folder, Format.N_TRIPLES, parts=3, executor=SerialExecutor(), min_bytes=1
    )
    (folder / "part-00001.nt").write_bytes(b"<a> <b> <c> .\n")
    with pytest.raises(ConfigError, match="does not match the manifest"):
        merge_directory(folder, io.BytesIO())
    with pytest.raises(ConfigError, match="not a notice-ld output folder"):
        merge_directory(tmp_path, io.BytesIO())


def test_cli_folder_output_on_two_workers_and_merge(source: Path, tmp_path: Path) -> None:
    single = tmp_path / "single.jsonld"
    assert cli.main(["convert", str(source), "-f", "jsonld", "-o", str(single), "-q"]) == 1
    folder = tmp_path / "parts"
    assert (
        cli.main(["convert", str(source), "-f", "jsonld", "-o", f"{folder}/", "-j", "2", "--compress", "-q"])
        == 1
    )
    merged = tmp_path / "merged.jsonld"
    assert cli.main(["merge", str(folder), "-o", str(merged)]) == 0
    assert merged.read_bytes() == single.read_bytes()
