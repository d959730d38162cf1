"""Every case of the bad-input corpus through every command that reads records.

For each case and command: no exception (a traceback is a bug), the exit code says whether
records were rejected, every good record of the file is in the output, and every bad one is
rejected with an error naming the record and the field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_ld import cli

from .bad_inputs import CASES, Case

IDS = [case.name for case in CASES]


def _write(tmp_path: Path, case: Case) -> Path:
    """The case's file, named relative to the working folder (errors name it as given)."""
    (tmp_path / case.filename).write_bytes(case.data)
    return Path(case.filename)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _expected_status(case: Case) -> int:
    return 1 if case.rejected else 0


def _check_errors(case: Case, errors: list[dict[str, str]]) -> None:
    for rejected in case.rejected:
        assert any(
            rejected.record in (e["record"] or "") and rejected.field in (e["field"] or "") for e in errors
        ), f"{case.name}: no error names {rejected} in {errors}"
        assert all(e["problem"] and e["fix"] for e in errors), errors
    for good in case.good:
        assert not any(good in (e["record"] or "") for e in errors), f"{good} rejected: {errors}"
    assert len(errors) == len(case.rejected), errors


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_convert(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, case)
    out, report = tmp_path / "out.nt", tmp_path / "report.json"
    status = cli.main(
        ["convert", str(source), "-f", "ntriples", "-o", str(out), "--report", str(report), *case.args]
    )
    err = capsys.readouterr().err
    assert status == _expected_status(case), err
    written = out.read_text(encoding="utf-8")
    for good in case.good:
        assert f"/{good}>" in written, f"{good} not written"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["converted"] == len(case.good)
    _check_errors(case, data["errors"])
    if case.warns:
        assert case.warns in err
        assert any(case.warns in w["problem"] for w in data["warnings"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_validate(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, case)
    out = tmp_path / "report.json"
    status = cli.main(["validate", str(source), "--format", "json", "-o", str(out), *case.args])
    err = capsys.readouterr().err
    assert status == _expected_status(case), err
    text = out.read_text(encoding="utf-8")
    for rejected in case.rejected:
        assert rejected.record in text
    if case.warns:
        assert case.warns in err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_load(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, case)
    report = tmp_path / "report.json"
    store = tmp_path / "store"
    status = cli.main(["load", str(source), "--store", str(store), "--report", str(report), *case.args])
    err = capsys.readouterr().err
    assert status == _expected_status(case), err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["added"] == len(case.good)
    _check_errors(case, data["errors"])
    for good in case.good:
        assert cli.main(["get", good, "--store", str(store), "-f", "ntriples"]) == 0
        assert good in capsys.readouterr().out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_site(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, case)
    site, report = tmp_path / "site", tmp_path / "report.json"
    status = cli.main(
        ["site", str(source), "-o", str(site), "--report", str(report), "--jobs", "1", *case.args]
    )
    err = capsys.readouterr().err
    assert status == _expected_status(case), err
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for good in case.good:
        assert good in sitemap
    assert sitemap.count("<loc>") >= len(case.good)


@pytest.mark.parametrize("case", [c for c in CASES if c.good], ids=[c.name for c in CASES if c.good])
def test_cite(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path, case)
    status = cli.main(["cite", case.good[-1], "-i", str(source), *case.args])
    out = capsys.readouterr().out
    assert status == 0
    assert case.good[-1] in out
