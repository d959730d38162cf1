"""The MODS reader: a collection (one record at a time), an OAI-PMH ``mods`` page, bare records; the
mapping of titles, names and roles, dates, the host journal, identifiers, licences; residue; limits;
detection and CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.errors import RecordError
from notice_ld.identifiers import HandleMinter
from notice_ld.model import Notice
from notice_ld.readers import Deletion, InputFormat, ReaderOptions, Residue, read, read_path
from notice_ld.readers.detect import detect

from .conftest import ROOT

DATA = Path(__file__).with_name("data") / "readers" / "mods"
COLLECTION = DATA / "collection.xml"
OAI = DATA / "oai_listrecords.xml"


def outcomes(path: Path = COLLECTION, **options: object) -> list[object]:
    return list(read_path(path, InputFormat.MODS, options=ReaderOptions(**options)))  # type: ignore[arg-type]


def notices(items: list[object]) -> list[Notice]:
    return [i for i in items if isinstance(i, Notice)]


def residue_of(items: list[object], notice_id: str) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        if isinstance(item, Residue) and item.record == notice_id:
            for i in item.items:
                found.setdefault(i.element, []).append((i.value, i.reason))
    return found


def test_journal_article() -> None:
    article = notices(outcomes())[0]
    assert article.id.value == "10.3917/esp.182.0045"
    assert [(t.value, t.lang) for t in article.titles] == [
        ("The urban commons: a field study", "en"),
        ("Les communs urbains", "fr"),
    ]
    first, second = article.creators
    assert (first.family, first.given, [i.value for i in first.identifiers]) == (  # type: ignore[union-attr]
        "Morel",
        "Élise",
        ["0000-0002-1825-0097"],
    )
    assert (second.family, second.given) == ("Benali", "Karim")  # type: ignore[union-attr]
    assert [(c.role.value, c.agent.type) for c in article.contributors] == [("contributor", "organization")]
    assert article.type.value == "article" and article.type_label == "journal article"
    assert article.issued == "2021-03" and article.languages == ("en",)
    assert [a.lang for a in article.abstracts] == ["en", "fr"]
    assert article.publisher is not None and article.publisher.display_name == "Éditions de l'EHESS"
    container = article.container
    assert container is not None
    assert (container.title, str(container.issn), str(container.eissn)) == (
        "Espaces et sociétés",
        "0014-0481",
        "1961-8700",
    )
    assert (container.volume, container.issue, container.pages) == ("182", "3", "45-67")
    assert article.license is not None
    assert (article.license.iri, article.license.label) == (
        "https://creativecommons.org/licenses/by/4.0/",
        "CC BY 4.0",
    )
    assert article.landing_page == "https://www.cairn.info/revue-espaces-et-societes-2021-3-page-45.htm"
    assert str(article.identifiers[0]) == "10670/1.ab12cd"
    assert [s.labels[0].value for s in article.subjects] == ["Commons -- Case studies", "307.76"]
    assert article.subjects[1].notation == "307.76"
    assert article.disciplines[0].notation == "shs.geo"
    assert [k.value for k in article.keywords] == ["urban studies", "communs"]


def test_article_residue() -> None:
    residue = residue_of(outcomes(), "10.3917/esp.182.0045")
    assert residue["mods:name/affiliation"] == [
        ("Université de Lille", "an affiliation; the notice model has no affiliation field")
    ]
    assert residue["mods:subject/geographic"][0][0] == "Lille"
    assert "mods:relatedItem[@type=otherVersion]" not in residue  # a relation now, as the access status:
    article = next(o for o in outcomes() if isinstance(o, Notice) and str(o.id) == "10.3917/esp.182.0045")
    assert [(r.type.value, r.iri) for r in article.relations] == [
        ("is_version_of", "https://hal.science/halshs-03000001")
    ]
    assert article.access_rights is not None and article.access_rights.value == "open"
    assert "mods:accessCondition[@type=restriction on access]" not in residue
    assert residue["mods:identifier[@type=pmid]"][0][0] == "12345678"
    assert {v for v, _ in residue["mods:physicalDescription/extent"]} == {"23 p."}
    assert residue["mods:note"][0][0] == "ANR-19-CE41-0001"
    assert residue["mods:originInfo/place/placeTerm"][0][0] == "Paris"
    assert residue["mods:titleInfo"][0][1].startswith("an abbreviated title")


def test_thesis_advisor_marc_date_and_fallback() -> None:
    items = outcomes()
    thesis = notices(items)[1]
    assert thesis.type.value == "thesis"
    assert thesis.creators[0].identifiers[0].value == "026403064"  # valueURI IdRef on the name
    assert [(c.role.value, c.agent.display_name) for c in thesis.contributors] == [
        ("thesis_advisor", "Thierry Chardès"),
        ("contributor", "Université de Montpellier"),
    ]
    assert thesis.languages == ("fr",)  # languageTerm type="text" 'français'
    assert thesis.issued == "2018-11-29"  # dateIssued '19uu' is unusable: dateCreated, reported
    assert (
        thesis.id.value == "tel-02955615" and thesis.landing_page == "https://theses.hal.science/tel-02955615"
    )
    residue = residue_of(items, "tel-02955615")
    assert residue["mods:originInfo/dateCreated"] == [
        ("2018-11-29", "used as the date of issue (2018-11-29): '19uu' is not a usable date")
    ]


def test_chapter_editor_book_and_range() -> None:
    items = outcomes()
    chapter = notices(items)[2]
    assert chapter.type.value == "chapter"
    assert [(c.role.value, c.agent.display_name) for c in chapter.contributors] == [("editor", "Louis Grand")]
    assert chapter.container is not None
    assert (chapter.container.type.value, chapter.container.title, str(chapter.container.isbn)) == (
        "book",
        "Villes en transition",
        "978-2-7535-7788-6",
    )
    assert chapter.container.pages == "101-120" and chapter.issued == "2015"
    assert (
        residue_of(items, "10.4000/books.pur.12345")["mods:originInfo/dateIssued[@point=end]"][0][0] == "2016"
    )


def test_record_without_identifier_and_minting() -> None:
    error = outcomes()[-1]
    assert isinstance(error, RecordError) and error.field == "mods:identifier"
    assert error.record is not None and error.record.endswith("collection.xml:100")
    # an OAI record without a PID gets the Handle minted from its OAI identifier
    items = outcomes(OAI, minter=HandleMinter("10670"))
    assert notices(items)[0].id.scheme.value == "handle"
    assert isinstance(items[-1], Deletion) and items[-1].notice_id is not None


def test_oai_mods_page() -> None:
    items = outcomes(OAI)
    notice, deletion = items
    assert isinstance(notice, Notice) and isinstance(deletion, Deletion)
    assert notice.id.value == "https://repo.example.org/handle/1234/77"
    assert notice.type.value == "working_paper" and notice.issued == "2023-10-05"
    assert [(c.family, c.given) for c in notice.creators] == [("Dupont", "Jean")]  # type: ignore[union-attr]
    assert (
        notice.license is not None and notice.license.iri == "https://creativecommons.org/licenses/by-sa/4.0/"
    )
    assert deletion.oai_identifier == "oai:repo.example.org:1234/78"


def test_a_record_over_the_size_limit_is_skipped_alone() -> None:
    big = "x" * 300_000  # streamed in 64 KiB chunks: skipped while it streams
    doc = (
        '<modsCollection xmlns="http://www.loc.gov/mods/v3">'
        '<mods><titleInfo><title>A</title></titleInfo><identifier type="doi">10.1234/a</identifier></mods>'
        '<mods><identifier type="doi">10.1234/b</identifier>'
        f"<titleInfo><title>{big}</title></titleInfo></mods>"
        '<mods><titleInfo><title>C</title></titleInfo><identifier type="doi">10.1234/c</identifier></mods>'
        "</modsCollection>"
    ).encode()
    items = list(read(io.BytesIO(doc), InputFormat.MODS, options=ReaderOptions(max_record_bytes=100_000)))
    assert [type(i).__name__ for i in items] == ["Notice", "RecordError", "Notice"]
    assert "100000-byte limit" in items[1].problem  # type: ignore[union-attr]
    assert items[1].record is not None and "10.1234/b" in items[1].record  # type: ignore[union-attr]


def test_not_mods_and_empty_collection() -> None:
    empty = list(read(io.BytesIO(b'<modsCollection xmlns="http://www.loc.gov/mods/v3"/>'), InputFormat.MODS))
    assert isinstance(empty[0], RecordError) and "no <mods> record" in empty[0].problem
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE mods [<!ENTITY x SYSTEM "file:///etc/passwd">]><mods>&x;</mods>'
    )
    refused = list(read(io.BytesIO(hostile), InputFormat.MODS))
    assert len(refused) == 1 and isinstance(refused[0], RecordError) and "DTD" in refused[0].problem


def test_detect_finds_mods() -> None:
    assert detect(COLLECTION.read_bytes()[:65536], str(COLLECTION)) is InputFormat.MODS
    assert detect(OAI.read_bytes(), str(OAI)) is InputFormat.MODS


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=7000), min_size=1, max_size=10))
def test_chunking_does_not_change_the_outcomes(cuts: list[int]) -> None:
    data = COLLECTION.read_bytes()
    expected = [repr(o) for o in outcomes()]
    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(data[start:cut])
        start = cut
    pieces.append(data[start:])

    class Chunks(io.RawIOBase):
        def __init__(self) -> None:
            self.parts = [p for p in pieces if p]

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            return self.parts.pop(0) if self.parts else b""

    got = [repr(o) for o in read(Chunks(), InputFormat.MODS, name=str(COLLECTION))]
    assert got == expected


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_cli_convert_with_and_without_from(tmp_path: Path) -> None:
    detected, given_from = tmp_path / "a.ttl", tmp_path / "b.ttl"
    report = tmp_path / "report.json"
    first = run_cli(
        "convert", str(COLLECTION), "--format", "turtle", "-o", str(detected), "--report", str(report)
    )
    second = run_cli(
        "convert", str(COLLECTION), "--from", "mods", "--format", "turtle", "-o", str(given_from)
    )
    assert first.returncode == 1 and second.returncode == 1, first.stderr  # the record without identifier
    assert detected.read_bytes() == given_from.read_bytes()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["converted"] == 3 and data["rejected"] == 1
    assert "<https://doi.org/10.3917/esp.182.0045>" in detected.read_text(encoding="utf-8")
