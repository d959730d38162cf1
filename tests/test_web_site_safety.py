"""A site build never harms what is not its own, never lets one notice's files meet another's,
and rejects what it cannot publish record by record."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from notice_ld.config import Config
from notice_ld.errors import ConfigError, RecordError
from notice_ld.formats import Format
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.readers import read_path
from notice_ld.web._notice_files import NoticeFiles, write_notice
from notice_ld.web._output import MARKER
from notice_ld.web.conneg import VARIANTS
from notice_ld.web.paths import notice_path
from notice_ld.web.site import build_site


def _notice(identifier: str, title: str = "Titre", **extra: object) -> Notice:
    return Notice.from_dict({"id": identifier, "titles": [{"value": title, "lang": "fr"}], **extra})


def test_a_folder_that_is_not_a_site_is_never_replaced(tmp_path: Path) -> None:
    thesis = tmp_path / "docs" / "thesis.tex"
    thesis.parent.mkdir()
    thesis.write_text("\\documentclass{article}")
    with pytest.raises(ConfigError, match="not a site notice_ld wrote"):
        build_site(lambda: [_notice("10670/1.aaaaaa")], tmp_path / "docs")
    assert thesis.read_text() == "\\documentclass{article}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError, match="is a file"):
        build_site(lambda: [], tmp_path / "file")


def test_an_empty_folder_or_an_earlier_site_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    build_site(lambda: [_notice("10670/1.aaaaaa", "Premier")], tmp_path / "site", related=False)
    assert (tmp_path / "site" / MARKER).is_file()
    build_site(lambda: [_notice("10670/1.bbbbbb", "Second")], tmp_path / "site", related=False)
    assert not (tmp_path / "site/notice/handle/10670/1.aaaaaa.html").exists()
    assert (tmp_path / "site/notice/handle/10670/1.bbbbbb.html").is_file()


def test_the_current_folder_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_site(lambda: [], tmp_path / "site", related=False)
    monkeypatch.chdir(tmp_path / "site")
    for target in (".", "..", "/"):
        with pytest.raises(ConfigError, match="current folder or one of its parents"):
            build_site(lambda: [], target)
    assert (tmp_path / "site" / MARKER).is_file()


def test_leftovers_of_a_killed_build_are_removed_next_time(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(gone.stdout)
    stale = [
        tmp_path / f".site.part-{dead}-x1",
        tmp_path / f".site.scratch-{dead}-x2",
        tmp_path / f".site.old-{dead}-x3",
    ]
    for folder in stale:
        (folder / "notice").mkdir(parents=True)
    live = tmp_path / f".site.part-{os.getpid()}-x4"  # a build still running (this process)
    live.mkdir()
    other = tmp_path / f".other.part-{dead}-x5"  # another target's: not ours to judge
    other.mkdir()
    build_site(lambda: [], tmp_path / "site", related=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", live.name, other.name])


@pytest.mark.parametrize("jobs", [1, 2])
def test_identifiers_whose_files_would_meet_get_their_own(tmp_path: Path, jobs: int) -> None:
    notices = [
        _notice("hdl:10670/abc", "A"),
        _notice("hdl:10670/abc.schema", "B"),  # abc.schema.jsonld is a file of notice abc
        _notice("hdl:10670/abc.html/x", "C"),  # a folder named like abc's page
    ]
    report = build_site(lambda: notices, tmp_path / "site", related=False, jobs=jobs)
    assert (report.pages, report.rejected) == (3, 0)
    for notice in notices:
        base = tmp_path / "site" / notice_path(notice.id)
        page = base.parent / (base.name + ".html")
        assert page.read_text(encoding="utf-8").count(notice.titles[0].value) >= 1
        schema = json.loads((base.parent / (base.name + ".schema.jsonld")).read_text(encoding="utf-8"))
        assert schema["@graph"][0]["headline"] == notice.titles[0].value


def test_a_notice_whose_files_exist_already_is_rejected_and_leaves_nothing(tmp_path: Path) -> None:
    files = NoticeFiles(tmp_path, lang="fr", variants=VARIANTS, base_url="https://example.org/")
    first = _notice("10670/1.aaaaaa", "Premier")
    assert not isinstance(write_notice(files, first, Config(), None, 10), RecordError)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    (tmp_path / "notice/handle/10670/1.bbbbbb.rdf").write_text("someone else's")
    error = write_notice(files, _notice("10670/1.bbbbbb", "Second"), Config(), None, 10)
    assert isinstance(error, RecordError) and error.record == "10670/1.bbbbbb" and error.field == "id"
    assert "cannot be published" in error.problem
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if "1.bbbbbb" not in p.name} == before
    assert [p.name for p in after if "1.bbbbbb" in p.name] == ["1.bbbbbb.rdf"]  # only the intruder


def test_records_that_cannot_be_published_are_rejected_one_by_one(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    good = {"id": "10670/1.aaaaaa", "titles": [{"value": "Bon"}], "creators": [{"family": "Jouet"}]}
    lines = [
        json.dumps(good),
        '{"id": "10670/1.bbbbbb", "titles": [{"value": "Vie sociale \\ud800"}]}',  # lone surrogate
        '{"id": "10670/1.cccccc", "titles": [{"value": "l\\u0092\\u00e9t\\u00e9"}]}',  # C1 control
        json.dumps({**good, "id": "https://example.org/" + "a/" * 1600}),  # path too long
        json.dumps({**good, "id": "10670/1.dddddd", "titles": [{"value": "Autre"}]}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build_site(lambda: read_path(str(source)), tmp_path / "site")
    assert report.pages == 2
    assert [(e.field, re.sub(r"\(.*", "", e.problem)[:30].strip()) for e in report.errors] == [
        ("titles[0].value", "contains an unpaired surrogate"),
        ("titles[0].value", "contains a control character"),
        ("id", "the identifier is too long to"),
    ]
    page = (tmp_path / "site/notice/handle/10670/1.aaaaaa.html").read_text(encoding="utf-8")
    assert "1.dddddd.html" in page and "example.org" not in page  # no link to the refused notice


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("base_url", "https://ex.org/a b/", "base URL is not a valid IRI"),
        ("base_url", "ftp://ex.org/", "must be an http"),
        ("license_iri", "not an iri", "licence is not a valid IRI"),
        ("sparql_endpoint", "javascript:alert(1)", "must be an http"),
    ],
)
def test_site_options_are_checked_before_anything_is_written(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        build_site(lambda: [_notice("10670/1.aaaaaa")], tmp_path / "site", **{option: value})  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_pages_announce_only_the_files_the_site_has(tmp_path: Path) -> None:
    notice = _notice("10670/1.aaaaaa")
    build_site(
        lambda: [notice], tmp_path / "site", formats=[Format.SCHEMA_JSON_LD, Format.TURTLE], related=False
    )
    base = tmp_path / "site" / notice_path(notice.id)
    page = (base.parent / (base.name + ".html")).read_text(encoding="utf-8")
    linked = re.findall(r'href="\.\./\.\./\.\./(notice/[^"]+)"', page)
    assert linked and all((tmp_path / "site" / href).is_file() for href in linked)
    assert 'rel="alternate" type="text/turtle"' in page and "application/rdf+xml" not in page
    assert map_notice(notice).iri  # the notice itself is fine
