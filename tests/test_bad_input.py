"""Every case of the bad-input corpus through every command that reads records.

For each case and command: no exception (a traceback is a bug), no connection attempted (remote
JSON-LD contexts and DTDs are never fetched), the exit code says whether
records were rejected (1) or the input refused as a whole (2), every good record of the file is
in the output, nothing of a rejected record is, and every bad one is rejected with an error
naming the record and the field. The commands run in process (``notice_ld.cli.main``); the
files (and stores) go to a RAM-backed folder when there is one, so the corpus costs CPU, not
disk flushes.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from notice_ld import cli

from .bad_inputs import CASES, Case

IDS = [case.name for case in CASES]
_RAM = Path("/dev/shm")


def _no_network(*args: object, **kwargs: object) -> None:
    raise AssertionError("a command tried to reach the network (a remote JSON-LD context, a DTD?)")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The working folder (errors name the case's file as given, relative to it); no network."""
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    if _RAM.is_dir() and os.access(_RAM, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="notice-ld-bad-input-", dir=_RAM))
    else:
        folder = tmp_path
    monkeypatch.chdir(folder)
    yield folder
    if folder != tmp_path:
        shutil.rmtree(folder, ignore_errors=True)


def _write(work: Path, case: Case) -> Path:
    (work / case.filename).write_bytes(case.data)
    return Path(case.filename)


def _check_errors(case: Case, errors: list[dict[str, str]]) -> None:
    for rejected in case.rejected:
        assert any(
            rejected.record in (e["record"] or "") and rejected.field in (e["field"] or "") for e in errors
        ), f"{case.name}: no error names {rejected} in {errors}"
        assert all(e["problem"] and e["fix"] for e in errors), errors
    for good in case.good:  # (a record repeating a good one's id is rejected: it names that id)
        if not any(good in rejected.record for rejected in case.rejected):
            assert not any(good in (e["record"] or "") for e in errors), f"{good} rejected: {errors}"
    assert len(errors) == len(case.rejected), errors


def _check_absent(case: Case, text: str) -> None:
    for bad in case.absent:
        assert bad not in text, f"{case.name}: {bad} (rejected) is in the output"


def _check_refused(case: Case, status: int, err: str, *outputs: Path) -> bool:
    """For an input refused as a whole: exit 2, its one error, no output at all."""
    if not case.refused:
        return False
    assert status == 2, err
    assert case.refused in err
    assert "Traceback" not in err
    for output in outputs:
        assert not output.exists(), f"{output} written for a refused input"
    return True


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_convert(case: Case, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(work, case)
    out, report = work / "out.nt", work / "report.json"
    status = cli.main(
        ["convert", str(source), "-f", "ntriples", "-o", str(out), "--report", str(report), *case.args]
    )
    err = capsys.readouterr().err
    if _check_refused(case, status, err, out, report):
        return
    assert status == case.status, err
    written = out.read_text(encoding="utf-8")
    for good in case.good:
        assert f"/{good}>" in written, f"{good} not written"
    _check_absent(case, written)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["converted"] == len(case.good)
    _check_errors(case, data["errors"])
    if case.warns:
        assert case.warns in err
        assert any(case.warns in w["problem"] for w in data["warnings"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_validate(case: Case, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(work, case)
    out = work / "report.json"
    status = cli.main(["validate", str(source), "--format", "json", "-o", str(out), *case.args])
    err = capsys.readouterr().err
    if _check_refused(case, status, err, out):
        return
    assert status == case.status, err
    text = out.read_text(encoding="utf-8")
    for rejected in case.rejected:
        assert rejected.record in text
    if case.warns:
        assert case.warns in err


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_load(case: Case, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(work, case)
    report = work / "report.json"
    store = work / "store"
    status = cli.main(["load", str(source), "--store", str(store), "--report", str(report), *case.args])
    err = capsys.readouterr().err
    if _check_refused(case, status, err, report):
        return
    assert status == case.status, err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["added"] == len(case.good)
    _check_errors(case, data["errors"])
    for good in case.good[:3]:
        assert cli.main(["get", good, "--store", str(store), "-f", "ntriples"]) == 0
        assert good in capsys.readouterr().out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_site(case: Case, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(work, case)
    site, report = work / "site", work / "report.json"
    status = cli.main(
        ["site", str(source), "-o", str(site), "--report", str(report), "--jobs", "1", *case.args]
    )
    err = capsys.readouterr().err
    if _check_refused(case, status, err, site, report):
        return
    assert status == case.status, err
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for good in case.good:
        assert good in sitemap
    _check_absent(case, sitemap)
    assert sitemap.count("<loc>") >= len(case.good)


@pytest.mark.parametrize("case", [c for c in CASES if c.good], ids=[c.name for c in CASES if c.good])
def test_cite(case: Case, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(work, case)
    status = cli.main(["cite", case.good[-1], "-i", str(source), *case.args])
    out = capsys.readouterr().out
    assert status == 0
    assert case.good[-1] in out


def test_the_corpus_covers_every_reader() -> None:
    """At least eight cases for every reader (the detection cases name no reader)."""
    from notice_ld.readers import InputFormat

    counts = {fmt: sum(case.reader is fmt for case in CASES) for fmt in InputFormat}
    assert all(n >= 8 for n in counts.values()), counts
    assert len({case.name for case in CASES}) == len(CASES), "case names must be unique"
