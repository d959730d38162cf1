"""The notice-ld command line: exit codes, error reports, atomic output, mint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notice_ld import cli

from .conftest import EXAMPLES, ROOT

GOOD = {"id": "10670/1.abc123", "type": "article", "titles": [{"value": "Un titre", "lang": "fr"}]}
BAD_DATE = {"id": "10670/1.bad001", "titles": [{"value": "T"}], "issued": "2019-13"}
BAD_ORCID = {
    "id": "10670/1.bad002",
    "titles": [{"value": "T"}],
    "creators": [{"family": "X", "identifiers": [{"scheme": "orcid", "value": "0000-0002-1825-0098"}]}],
}


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8"
    )
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_all_good_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = run("convert", str(EXAMPLES), "--format", "turtle", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("@prefix")
    assert "0 rejected" in result.stderr


def test_bad_records_are_reported_and_others_go_through(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "in.jsonl", [GOOD, BAD_DATE, "{not json", BAD_ORCID, {**GOOD, "id": "10670/1.abc124"}]
    )
    out, report = tmp_path / "out.nt", tmp_path / "report.json"
    result = run("convert", str(src), "-f", "ntriples", "-o", str(out), "--report", str(report))
    assert result.returncode == 1
    data = out.read_text(encoding="utf-8")
    assert "10670/1.abc123" in data and "10670/1.abc124" in data
    assert "bad001" not in data and "bad002" not in data
    errors = json.loads(report.read_text(encoding="utf-8"))
    assert errors["converted"] == 2 and errors["rejected"] == 3
    by_field = {e["field"]: e for e in errors["errors"]}
    assert by_field["issued"]["record"].startswith("10670/1.bad001")
    assert "month 13" in by_field["issued"]["problem"]
    assert by_field["creators[0].identifiers[0]"]["record"].startswith("10670/1.bad002")
    assert "check" in by_field["creators[0].identifiers[0]"]["problem"].lower()
    assert any(e["record"].endswith("in.jsonl:3") and "JSON" in e["problem"] for e in errors["errors"])
    # the same on stderr, one line per rejected record
    assert result.stderr.count("rejected record") == 3


@pytest.mark.parametrize(
    "argv",
    [
        ["convert"],
        ["convert", "x.jsonl", "--format", "nope"],
        ["frobnicate"],
        ["convert", "does-not-exist.jsonl"],
        ["convert", str(EXAMPLES), "--profile", "marc"],
    ],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    result = run(*argv)
    assert result.returncode == 2
    assert result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("notice-ld ")


def test_failed_write_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.ttl"
    out.write_text("previous content", encoding="utf-8")
    src = write_jsonl(tmp_path / "in.jsonl", [GOOD, {**GOOD, "id": "10670/1.abc124"}])

    from notice_ld import writers as ser

    real = ser.codec

    def exploding(fmt, lang=None):  # type: ignore[no-untyped-def]
        inner = real(fmt, lang)
        calls = []
        original = inner.item

        def item(graph):  # type: ignore[no-untyped-def]
            calls.append(graph)
            if len(calls) == 2:
                raise OSError("disk full")
            return original(graph)

        split = inner.split  # N-Triples and Turtle write each notice's own triples through split

        def split_item(graph):  # type: ignore[no-untyped-def]
            calls.append(graph)
            if len(calls) == 2:
                raise OSError("disk full")
            return split(graph)

        inner.item = item  # type: ignore[method-assign]
        inner.split = split_item  # type: ignore[method-assign]
        return inner

    monkeypatch.setattr(ser, "codec", exploding)
    status = cli.main(["convert", str(src), "-o", str(out), "-q"])
    assert status == 2
    assert out.read_text(encoding="utf-8") == "previous content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.ttl"]


def test_mint_is_deterministic_and_checks_issued(tmp_path: Path) -> None:
    first = run("mint", "--prefix", "10670", "oai:cairn.info:VSOC_191_0123", "oai:hal:hal-01234567")
    again = run("mint", "--prefix", "10670", "oai:cairn.info:VSOC_191_0123", "oai:hal:hal-01234567")
    assert first.returncode == 0 and first.stdout == again.stdout
    handles = first.stdout.split()
    assert len(handles) == 2 and all(
        h.startswith("10670/1.") and len(h) == len("10670/1.jt89mr") for h in handles
    )
    issued = tmp_path / "issued.tsv"
    issued.write_text(f"{handles[0]}\tsomething:else\n", encoding="utf-8")
    other = run("mint", "--prefix", "10670", "--issued", str(issued), "oai:cairn.info:VSOC_191_0123")
    assert other.returncode == 0
    assert other.stdout.strip() != handles[0]  # taken by another key: the collision rule moves on


def test_schema_jsonld_for_web_pages(tmp_path: Path) -> None:
    out = tmp_path / "web.jsonld"
    result = run("convert", str(EXAMPLES), "--format", "schema-jsonld", "--lang", "fr", "-o", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    seed = doc["@graph"][0]
    assert seed["@id"] == "https://hdl.handle.net/10670/1.jt89mr"
    assert seed["@type"] == "ScholarlyArticle"
    assert seed["author"][0]["name"] == "Emmanuelle Jouet"
    assert seed["abstract"].startswith("Les politiques publiques")


def test_dev_null_is_written_not_replaced() -> None:
    before = os.stat("/dev/null")
    result = run("convert", str(EXAMPLES), "-o", "/dev/null", "-q")
    assert result.returncode == 0, result.stderr
    after = os.stat("/dev/null")
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)
    assert not [p for p in Path("/dev").iterdir() if p.name.startswith(".null.")]
