"""The qdc reader: qualified Dublin Core (OAI-PMH ``qdc`` pages, bare documents) on fixtures modelled on
OpenEdition's records; the same code path as oai_dc (only the element table differs); detection and CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notice_ld.errors import RecordError
from notice_ld.identifiers import HandleMinter
from notice_ld.model import Notice
from notice_ld.readers import Deletion, InputFormat, ReaderOptions, Residue, read, read_path
from notice_ld.readers.detect import detect
from notice_ld.readers.oai_dc import OAI_DC
from notice_ld.readers.qdc import QDC

from .conftest import ROOT

DATA = Path(__file__).with_name("data") / "readers" / "qdc"
PAGE = DATA / "listrecords.xml"
REAL = ROOT.parent / "shared" / "realdata" / "qdc_rdf" / "openedition_conflits-756_qdc.xml"


def outcomes(path: Path = PAGE, **options: object) -> list[object]:
    return list(read_path(path, InputFormat.QDC, options=ReaderOptions(**options)))  # type: ignore[arg-type]


def residue_of(items: list[object], notice_id: str) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for item in items:
        if isinstance(item, Residue) and item.record == notice_id:
            for i in item.items:
                found.setdefault(i.element, []).append((i.value, i.reason))
    return found


def test_refinements_and_encoding_schemes() -> None:
    items = outcomes()
    notice = items[0]
    assert isinstance(notice, Notice)
    assert notice.id.value == "10.4000/terrains.1201"  # scheme="URN" urn:doi:
    assert notice.landing_page == "https://journals.openedition.org/terrains/1201"  # xsi:type dcterms:URI
    assert [(t.value, t.lang) for t in notice.titles] == [
        ("Les marchés du soir", "fr"),
        ("Evening markets", "en"),  # dcterms:alternative
    ]
    assert [a.lang for a in notice.abstracts] == ["fr", "en"]  # dcterms:abstract
    assert notice.languages == ("fr",)  # ISO639-2 'fre'
    assert notice.issued == "2020-06-15"  # dcterms:issued (W3CDTF date-time) before created/available
    assert notice.type.value == "article"
    assert notice.license is not None
    assert notice.license.iri == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert notice.citation == "Terrains & travaux, 2020, n° 36, p. 13-40"  # bibliographicCitation
    assert [(c.family, c.given) for c in notice.creators] == [  # type: ignore[union-attr]
        ("Roussel", "Claire"),
        ("Diallo", "Amadou"),
        ("Martin", "Léa"),
    ]
    assert [(c.role.value, c.agent.display_name) for c in notice.contributors] == [
        ("translator", "Hugo Bernard")
    ]
    assert notice.subjects[0].labels[0].value == "Markets -- France"  # xsi:type dcterms:LCSH
    assert [k.value for k in notice.keywords] == ["marché"]  # scheme="keywords"
    # isPartOf (ISSN, e-ISSN, URL) is the journal; its title is the publisher that names it
    container = notice.container
    assert container is not None
    assert (container.title, str(container.issn), str(container.eissn), container.iri) == (
        "Terrains & travaux",
        "1627-9506",
        "2104-3779",
        "https://journals.openedition.org/terrains",
    )
    assert notice.publisher is not None and notice.publisher.display_name == "ENS Paris-Saclay"


def test_what_goes_to_the_residue() -> None:
    residue = residue_of(outcomes(), "10.4000/terrains.1201")
    reasons = {element: values[0][1] for element, values in residue.items()}
    for element in ("dcterms:spatial", "dcterms:temporal"):
        assert "coverage" in reasons[element]
    for element in ("dcterms:extent", "dcterms:medium"):
        assert "not its files" in reasons[element]
    # access rights and relations are fields of the notice now, not residue
    for element in (
        "dcterms:accessRights",
        "dcterms:isVersionOf",
        "dcterms:hasVersion",
        "dcterms:references",
    ):
        assert element not in reasons
    for element in ("dcterms:created", "dcterms:available", "dcterms:dateAccepted"):
        assert reasons[element] == "the notice holds only the date of issue"
    assert "journal's title" in reasons["dcterms:publisher"]


def test_malformed_issued_falls_back_to_available_and_says_so() -> None:
    items = outcomes()
    notice = items[2]
    assert isinstance(notice, Notice) and notice.issued == "2020-09-01"
    assert notice.type.value == "conference_paper" and notice.type_label == "conferenceProceedings"
    residue = residue_of(items, "10.4000/terrains.1202")
    assert residue["dcterms:issued"] == [("2020-13-45", "'2020-13-45' does not exist in the calendar")]
    assert residue["dcterms:available"] == [
        ("2020-09-01", "used as the date of issue (2020-09-01) ('2020-13-45' is not a usable date)")
    ]


def test_deletions_broken_records_and_missing_identifiers() -> None:
    items = outcomes(minter=None)
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Notice", "Residue", "Notice", "Residue", "Deletion", "RecordError", "RecordError"]
    deletion, broken, no_id = items[4], items[5], items[6]
    assert isinstance(deletion, Deletion) and deletion.oai_identifier == "oai:revues.org:terrains/999"
    assert isinstance(broken, RecordError) and broken.record is not None
    assert broken.record.startswith("oai:revues.org:terrains/1203") and "not well-formed" in broken.problem
    assert isinstance(no_id, RecordError) and no_id.field == "dcterms:identifier"
    assert "--prefix" in no_id.fix
    minted = outcomes(minter=HandleMinter("10670"))
    assert isinstance(minted[-1], Notice) and minted[-1].id.scheme.value == "handle"


def test_bare_document_and_same_code_path_as_oai_dc() -> None:
    bare = (
        b'<qdc:qualifieddc xmlns:qdc="http://www.bl.uk/namespaces/oai_dcq/" '
        b'xmlns:dcterms="http://purl.org/dc/terms/"><dcterms:title>T</dcterms:title>'
        b"<dcterms:identifier>10.1234/q</dcterms:identifier><dcterms:mediator>x</dcterms:mediator>"
        b"<foo:bar xmlns:foo='urn:foo'>y</foo:bar></qdc:qualifieddc>"
    )
    notice, residue = read(io.BytesIO(bare), InputFormat.QDC)
    assert isinstance(notice, Notice) and notice.id.value == "10.1234/q"
    assert isinstance(residue, Residue)
    assert ("foo:bar", "not a DCMI term: nothing in the notice model for it") in [
        (i.element, i.reason) for i in residue.items
    ]
    # one mapping code, two element tables
    assert type(QDC) is type(OAI_DC) and QDC.fields != {} and QDC.name == "qdc"


def test_detect_finds_qdc() -> None:
    assert detect(PAGE.read_bytes()[:65536], str(PAGE)) is InputFormat.QDC
    bare = b'<qdc:qualifieddc xmlns:qdc="http://www.bl.uk/namespaces/oai_dcq/"/>'
    assert detect(bare, "x.xml") is InputFormat.QDC


def test_determinism() -> None:
    assert [repr(o) for o in outcomes()] == [repr(o) for o in outcomes()]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_cli_convert_with_and_without_from(tmp_path: Path) -> None:
    detected, given = tmp_path / "a.nt", tmp_path / "b.nt"
    report = tmp_path / "report.json"
    first = run_cli(
        "convert", str(PAGE), "--format", "ntriples", "-o", str(detected), "--report", str(report)
    )
    second = run_cli("convert", str(PAGE), "--from", "qdc", "--format", "ntriples", "-o", str(given))
    assert first.returncode == 1, first.stderr  # the broken record and the one without identifier
    assert second.returncode == 1, second.stderr
    assert "values not mapped" in first.stderr and "dcterms:created x2" in first.stderr
    assert detected.read_bytes() == given.read_bytes()
    text = detected.read_text(encoding="utf-8")
    assert (
        "<https://doi.org/10.4000/terrains.1201>" in text
        and "<https://doi.org/10.4000/terrains.1202>" in text
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["deleted"] == 1 and data["converted"] == 2 and data["rejected"] == 2


@pytest.mark.skipif(not REAL.exists(), reason="../shared/realdata is not here")
def test_real_openedition_record() -> None:
    items = list(read_path(REAL))
    notice = items[0]
    assert isinstance(notice, Notice) and notice.id.value == "10.4000/conflits.756"
    assert notice.container is not None and notice.container.title == "Cultures & conflits"
    assert str(notice.container.eissn) == "1777-5345" and notice.issued == "2003-01-02"
    assert [a.lang for a in notice.abstracts] == ["fr", "en"] and len(notice.keywords) == 5
    assert all(not isinstance(i, RecordError) for i in items)
