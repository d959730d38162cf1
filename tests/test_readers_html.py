"""The HTML landing-page reader: JSON-LD blocks, Highwire citation_* and DC.* tags, merging, CLI."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notice_ld.errors import RecordError
from notice_ld.identifiers import HandleMinter
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, ReaderOptions, Residue, read, read_path
from notice_ld.readers.detect import detect

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "readers" / "html"


def outcomes(path: Path) -> list[object]:
    return list(read_path(path, InputFormat.HTML))


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_detect_finds_html(path: Path) -> None:
    assert detect(path.read_bytes(), str(path)) is InputFormat.HTML


def test_json_ld_and_citation_tags_are_merged_with_conflicts_reported() -> None:
    notice, residue = outcomes(DATA / "journal_article.html")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert notice.id.value == "10.3917/vsoc.191.0123"
    assert notice.container is not None and notice.container.pages == "123-140"  # the JSON-LD's
    assert str(notice.container.eissn) == "2102-5878" and notice.container.volume == "25"  # from the tags
    assert notice.creators[0].identifiers[0].value == "0000-0002-1825-0097"  # the tag's ORCID
    assert notice.publisher is not None and notice.publisher.display_name == "Érès"
    assert (
        notice.license is not None
        and notice.license.iri == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    )
    assert [k.value for k in notice.keywords] == ["empowerment", "formation"]
    reasons = {i.element: i.reason for i in residue.items}
    assert "JSON-LD is kept" in reasons["citation_pages"] and "JSON-LD" in reasons["citation_author"]
    assert "citation_pdf_url" in reasons and "citation_author_institution" in reasons
    assert all(i.value != "injected" for i in residue.items)  # scripts are never run


def test_a_thesis_page_with_highwire_tags_only() -> None:
    notice, residue = outcomes(DATA / "thesis_highwire.html")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert notice.type.value == "thesis" and notice.issued == "2018" and notice.languages == ("fr",)
    assert notice.titles[0].value == "Les écoles normales en France, 1880-1940"
    assert notice.abstracts[0].value == "Une histoire des écoles normales."
    assert notice.publisher is not None and notice.publisher.display_name == "Université Lumière Lyon 2"
    assert notice.id.value == "https://theses.example.org/2018LYO20001"
    assert residue.items[0].element == "citation_reference"


def test_dublin_core_meta_tags() -> None:
    notice, residue = outcomes(DATA / "dublin_core.html")
    assert isinstance(notice, Notice) and notice.id.value == "10670/1.abc123"
    assert notice.type.value == "report" and notice.issued == "2021-07"
    assert isinstance(residue, Residue) and residue.items[0].element == "DC.coverage"


def test_a_page_without_scholarly_metadata_is_one_clear_error() -> None:
    (error,) = outcomes(DATA / "no_metadata.html")
    assert isinstance(error, RecordError) and "no scholarly metadata" in error.problem


def test_entities_and_broken_json_ld_are_harmless() -> None:
    page = (
        b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><head>'
        b'<meta name="citation_title" content="&x; &amp; more"><meta name="citation_doi" content="10.5555/h">'
        b'<script type="application/ld+json">{"@type": "ScholarlyArticle", broken</script></head></html>'
    )
    out = list(read(io.BytesIO(page), InputFormat.HTML, name="p.html"))
    errors = [o for o in out if isinstance(o, RecordError)]
    notices = [o for o in out if isinstance(o, Notice)]
    assert errors and "not valid JSON" in errors[0].problem
    assert notices and "root:" not in notices[0].titles[0].value


def test_a_page_without_identifier_needs_a_minter() -> None:
    page = b'<html><head><meta name="citation_title" content="T"><link rel="canonical" href="https://e.org/p"></head></html>'
    (notice,) = read(io.BytesIO(page), InputFormat.HTML, name="p.html")
    assert isinstance(notice, Notice) and notice.id.value == "https://e.org/p"
    bare = b'<html><head><meta name="citation_title" content="T"></head></html>'
    (error,) = read(io.BytesIO(bare), InputFormat.HTML, name="p.html")
    assert isinstance(error, RecordError) and error.field == "citation_doi"
    options = ReaderOptions(minter=HandleMinter("10670"))
    assert read(io.BytesIO(page), InputFormat.HTML, name="p.html", options=options)


def test_convert_with_and_without_from(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    outputs = []
    for extra in ((), ("--from", "html")):
        out = tmp_path / f"o{len(extra)}.ttl"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "notice_ld",
                "convert",
                str(DATA / "journal_article.html"),
                "-o",
                str(out),
                *extra,
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"vsoc.191.0123" in outputs[0]
