"""Parallel runs on real worker processes: the same bytes and report as one core."""

from __future__ import annotations

import io
import json
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from notice_ld import cli
from notice_ld.formats import Format
from notice_ld.pipeline import Pipeline, Validation
from notice_ld.pipeline.parallel import convert_parallel

from .conftest import generated_records


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1,200 generated notices with bad records between them (about 6 MB of JSON Lines)."""
    lines = []
    for i, record in enumerate(generated_records(1200)):
        lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        if i % 97 == 0:
            lines.append(b'{"id": "10670/1.bad%03d", "titles": [{"value": "caf\xe9"}]}' % (i % 1000))
        if i % 131 == 0:
            lines.append(b"{broken")
    path = tmp_path_factory.mktemp("parallel") / "generated.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("fmt", [Format.TURTLE, Format.JSON_LD, Format.BIBTEX, Format.N_QUADS])
def test_worker_processes_give_the_bytes_and_report_of_one_core(generated: Path, fmt: Format) -> None:
    pipeline = Pipeline(validation=Validation())
    whole = io.BytesIO()
    one = pipeline.convert([generated], {fmt: whole}, lang="fr")
    parted = io.BytesIO()
    with ProcessPoolExecutor(max_workers=2) as pool:
        many = convert_parallel(
            pipeline, [generated], {fmt: parted}, jobs=2, lang="fr", executor=pool, min_bytes=200_000
        )
    assert parted.getvalue() == whole.getvalue()
    assert many.as_dict() == one.as_dict()
    assert one.rejected > 20 and one.converted == 1200


def test_cli_jobs_2_is_byte_identical_to_jobs_1(generated: Path, tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        out, report = tmp_path / f"out{jobs}.nt", tmp_path / f"report{jobs}.json"
        status = cli.main(
            [
                "convert",
                str(generated),
                "-f",
                "ntriples",
                "-o",
                str(out),
                "--report",
                str(report),
                "-q",
                "-j",
                jobs,
            ]
        )
        assert status == 1
        outputs[jobs] = (out.read_bytes(), report.read_bytes())
    assert outputs["1"] == outputs["2"]


def test_cli_validate_jobs_2_gives_the_report_of_jobs_1(generated: Path, tmp_path: Path) -> None:
    reports = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"validation{jobs}.json"
        status = cli.main(["validate", str(generated), "--format", "json", "-o", str(out), "-j", jobs])
        assert status == 1
        reports[jobs] = out.read_bytes()
    assert reports["1"] == reports["2"]
    assert b"10670/1.bad" in reports["1"]
