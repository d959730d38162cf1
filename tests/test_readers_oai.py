"""The oai_dc reader: mapping rules on fixtures modelled on HAL, Zenodo, DOAJ and OpenEdition records,
residue reports, deletions, minting, record isolation, determinism, and the convert command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.errors import RecordError
from notice_ld.identifiers import HandleMinter, mint_handle
from notice_ld.model import Notice
from notice_ld.readers import Deletion, InputFormat, ReaderOptions, Residue, dc, read, read_path

from .conftest import ROOT

DATA = Path(__file__).with_name("data") / "readers"
HAL = DATA / "hal_listrecords.xml"
ZENODO = DATA / "zenodo_getrecord.xml"
DOAJ = DATA / "doaj_broken_among_good.xml"
QDC = DATA / "openedition_qdc.xml"


def outcomes(path: Path, prefix: str | None = None) -> list[object]:
    options = ReaderOptions(minter=HandleMinter(prefix)) if prefix else None
    return list(read_path(path, InputFormat.OAI_DC, options=options))


def residue_of(items: list[object], notice_id: str) -> list[tuple[str, str, str]]:
    for item in items:
        if isinstance(item, Residue) and item.record == notice_id:
            return [(i.element, i.value, i.reason) for i in item.items]
    return []


def test_hal_thesis_mapping() -> None:
    items = outcomes(HAL)
    thesis = items[0]
    assert isinstance(thesis, Notice)
    assert (thesis.id.scheme.value, thesis.id.value) == ("hal", "tel-01234567")
    assert thesis.type.value == "thesis" and thesis.type_label == "Theses"
    assert [(t.value[:7], t.lang) for t in thesis.titles] == [("Habiter", "fr"), ("Living ", "en")]
    assert thesis.creators[0].family == "Moreau" and thesis.creators[0].given == "Élise"
    # two organisations (one value, split at ';') and a person, the thesis advisor, among the contributors
    kinds = [(c.agent.type, c.role.value) for c in thesis.contributors]
    assert kinds == [
        ("organization", "contributor"),
        ("organization", "contributor"),
        ("person", "thesis_advisor"),
    ]
    # the double-escaped entity is decoded once
    assert thesis.citation == "Géographie. Université de Lille, 2021. Français. ⟨NNT : 2021LILUH005⟩"
    assert thesis.disciplines[0].iri == "http://aurehal.archives-ouvertes.fr/subject/shs.geo"
    assert str(thesis.identifiers[0]) == "2021LILUH005"
    assert thesis.landing_page == "https://theses.hal.science/tel-01234567"
    assert "https://theses.hal.science/tel-01234567/document" in [str(i) for i in thesis.identifiers]
    assert thesis.abstracts[0].value == (
        "Cette thèse étudie les trajectoires résidentielles.\n\nElle s’appuie sur soixante entretiens."
    )
    assert thesis.access_rights is not None and thesis.access_rights.value == "open"  # info:eu-repo
    assert residue_of(items, "tel-01234567") == [
        (
            "dc:contributor",
            "Paul Durand",
            "read as the thesis advisor: a thesis's person contributors are its advisors "
            "(no role is written)",
        ),
        (
            "dc:coverage",
            "Hauts-de-France",
            "a place or period covered; the notice model has no coverage field",
        ),
    ]


def test_hal_article_identifiers_dates_rights() -> None:
    items = outcomes(HAL)
    article = next(i for i in items if isinstance(i, Notice) and i.id.value == "10.4000/tes.2841")
    assert article.type.value == "article" and article.issued == "2020-06"
    assert article.languages == ("fr",)
    assert article.creators[1].family == "de La Fontaine"
    assert article.license is not None
    assert article.license.iri == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert article.license.label == "CC BY-NC-ND 4.0"
    reasons = {element: reason for element, _, reason in residue_of(items, "10.4000/tes.2841")}
    assert "version" in reasons["dc:type"]
    assert "funding" in reasons["dc:relation"]
    assert "2021" in reasons["dc:date"]  # the end of the range is reported, not dropped


def test_deleted_record_is_a_deletion_with_its_minted_id() -> None:
    items = outcomes(HAL, prefix="10670")
    deletions = [i for i in items if isinstance(i, Deletion)]
    assert deletions == [
        Deletion("oai:HAL:halshs-00000001v2", "2024-03-02", mint_handle("10670", "oai:HAL:halshs-00000001v2"))
    ]
    assert [type(i).__name__ for i in items] == ["Notice", "Residue", "Deletion", "Notice", "Residue"]


def test_zenodo_html_licence_and_oai_identifier() -> None:
    items = outcomes(ZENODO)
    notice = items[0]
    assert isinstance(notice, Notice)
    assert notice.id.value == "10.5281/zenodo.7654321"
    assert notice.abstracts[0].value == 'Release 1.2\n\nFaster parse\n\nUse "+" signs'
    assert notice.license is not None
    assert (notice.license.iri, notice.license.label) == (
        "https://www.apache.org/licenses/LICENSE-2.0",
        "Apache License 2.0",
    )
    first = notice.creators[0]
    assert first.type == "person" and [i.value for i in first.identifiers] == ["0000-0002-1825-0097"]
    assert notice.creators[2].type == "organization"
    assert notice.languages == ("en",)
    values = [value for _, value, _ in residue_of(items, "10.5281/zenodo.7654321")]
    assert "oai:zenodo.org:7654321" not in values  # the record's own OAI identifier is not residue
    assert "https://doi.org/10.5281/zenodo.1111111" not in values  # a related DOI is not this notice's:
    assert [(r.type.value, r.iri) for r in notice.relations] == [
        ("related", "https://github.com/example/tool/tree/1.2"),
        ("is_version_of", "https://doi.org/10.5281/zenodo.1111111"),  # the concept DOI of its versions
    ]


def test_broken_record_among_good_ones() -> None:
    items = outcomes(DOAJ)
    errors = [i for i in items if isinstance(i, RecordError)]
    notices = [i for i in items if isinstance(i, Notice)]
    assert [n.id.value for n in notices] == ["10.16995/dscn.9999", "10.16995/dscn.9997"]
    assert len(errors) == 1
    assert errors[0].record is not None and errors[0].record.startswith("oai:doaj.org/article:bbbb0002")
    assert "xsi" in errors[0].problem and "line 34" in errors[0].problem
    # a comment and a CDATA section mentioning </record> did not end the third record early
    assert notices[1].abstracts[0].value == "A CDATA section with </record> and markup inside."


def test_doaj_journal_from_source_and_issn() -> None:
    notice = outcomes(DOAJ)[0]
    assert isinstance(notice, Notice) and notice.container is not None
    assert (
        notice.container.title,
        str(notice.container.issn),
        notice.container.volume,
        notice.container.issue,
    ) == ("Digital Studies", "1918-3666", "6", "2")
    assert notice.license is not None and notice.license.label == "cc-by" and notice.license.iri is None


def test_qualified_dc_and_bad_xml_lang() -> None:
    items = outcomes(QDC)
    notice = items[0]
    assert isinstance(notice, Notice)
    assert notice.issued == "2003-01-02"  # dcterms:issued, the date-time's date
    assert [k.lang for k in notice.keywords] == ["fr", None]
    residue = residue_of(items, "10.4000/exemple.123")
    assert ("dcterms:created", "1992", "the notice holds only the date of issue") in residue
    assert any(e == "dcterms:subject" and "xml:lang" in r for e, _, r in residue)
    # the ISSNs and the journal URL name the journal, whose title is the first publisher (OpenEdition)
    assert notice.container is not None and notice.container.title == "Cultures & conflits"
    assert (str(notice.container.issn), str(notice.container.eissn)) == ("1157-996X", "1777-5345")
    assert notice.publisher is not None and notice.publisher.display_name == "L’Harmattan"


def record(metadata: str, identifier: str = "oai:test:1") -> bytes:
    return (
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords><record><header>'
        f"<identifier>{identifier}</identifier><datestamp>2024-01-01</datestamp></header><metadata>"
        '<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/">{metadata}</oai_dc:dc></metadata></record>'
        "</ListRecords></OAI-PMH>"
    ).encode()


def test_minting_without_usable_identifier() -> None:
    page = record("<dc:title>T</dc:title><dc:identifier>not an id</dc:identifier>", "oai:test:42")
    without = list(read(io.BytesIO(page), InputFormat.OAI_DC, name="p.xml"))
    assert isinstance(without[0], RecordError) and "--prefix" in without[0].fix
    minted = list(
        read(io.BytesIO(page), InputFormat.OAI_DC, options=ReaderOptions(minter=HandleMinter("10670")))
    )
    assert isinstance(minted[0], Notice)
    assert minted[0].id.value == mint_handle("10670", "oai:test:42")
    again = list(
        read(io.BytesIO(page), InputFormat.OAI_DC, options=ReaderOptions(minter=HandleMinter("10670")))
    )
    assert again[0] == minted[0]
    assert isinstance(minted[1], Residue) and minted[1].items[0].value == "not an id"


def test_control_characters_are_removed_and_reported() -> None:
    page = record("<dc:title>Bell&amp;#7; rings</dc:title><dc:identifier>10.1234/x</dc:identifier>")
    notice, residue = read(io.BytesIO(page), InputFormat.OAI_DC)
    assert isinstance(notice, Notice) and notice.titles[0].value == "Bell rings"
    assert isinstance(residue, Residue) and "U+0007" in residue.items[0].reason
    assert residue.items[0].element == "dc:title"


def test_unknown_elements_are_residue() -> None:
    page = record(
        "<dc:title>T</dc:title><dc:identifier>10.1234/x</dc:identifier>"
        '<tei:note xmlns:tei="http://www.tei-c.org/ns/1.0">n</tei:note>'
    )
    _, residue = read(io.BytesIO(page), InputFormat.OAI_DC)
    assert isinstance(residue, Residue)
    assert residue.items[0].element == "tei:note" and "not a Dublin Core element" in residue.items[0].reason


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fre", "fr"),
        ("fra", "fr"),
        ("Français", "fr"),
        ("French", "fr"),
        ("EN", "en"),
        ("anglais", "en"),
        ("Deutsch", "de"),
        ("fr_FR", "fr-FR"),
        ("spa", "es"),
        ("und", None),
        ("??", None),
    ],
)
def test_language_forms(given: str, expected: str | None) -> None:
    assert dc.language_tag(given)[0] == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2019", "2019"),
        ("2019-05", "2019-05"),
        ("2019-05-03", "2019-05-03"),
        ("2019-5-3", "2019-05-03"),
        ("2016-03-01T00:00:00Z", "2016-03-01"),
        ("2010/2012", "2010"),
        ("2010-2012", "2010"),
        ("20190305", "2019-03-05"),
        ("c. 1850", "1850"),
        ("[1850]", "1850"),
        ("25/03/2019", "2019-03-25"),
        ("05/03/2019", None),
        ("2019-02-30", None),
        ("printemps 2019", None),
    ],
)
def test_date_forms(given: str, expected: str | None) -> None:
    assert dc.parse_date(given)[0] == expected


@pytest.mark.parametrize(
    ("given", "kind"),
    [
        ("info:eu-repo/semantics/article", "article"),
        ("info:eu-repo/semantics/bookPart", "chapter"),
        ("info:eu-repo/semantics/conferenceObject", "conference_paper"),
        ("Thèse", "thesis"),
        ("Chapitre d'ouvrage", "chapter"),
        ("Preprint", "working_paper"),
        ("Dataset", "dataset"),
        ("http://purl.org/coar/resource_type/c_6501", "article"),
        ("Text", "other"),
        ("Poème", None),
    ],
)
def test_type_forms(given: str, kind: str | None) -> None:
    assert dc.document_type(given)[0] == kind


@pytest.mark.parametrize(
    ("given", "iri"),
    [
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        ("CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
        (
            "Creative Commons Attribution-NoDerivatives 4.0 International",
            "https://creativecommons.org/licenses/by-nd/4.0/",
        ),
        (
            "http://creativecommons.org/licenses/by/3.0/fr/deed.fr",
            "https://creativecommons.org/licenses/by/3.0/fr/",
        ),
        ("CC0", "https://creativecommons.org/publicdomain/zero/1.0/"),
        ("cc-by", None),
        ("Tous droits réservés", None),
    ],
)
def test_rights_forms(given: str, iri: str | None) -> None:
    assert dc.rights(given).iri == iri


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Lanotte, Romain", ("person", "Lanotte", "Romain")),
        ("Mike Borkent", ("person", "Borkent", "Mike")),
        ("DUPONT Jean", ("person", "DUPONT", "Jean")),
        ("Université Montpellier", ("organization", None, None)),
        ("INSERM", ("organization", None, None)),
        ("Ludwig van Beethoven", ("person", "van Beethoven", "Ludwig")),
    ],
)
def test_agent_forms(given: str, expected: tuple[str, str | None, str | None]) -> None:
    agent = dc.parse_agent(given)
    assert (agent["type"], agent.get("family"), agent.get("given")) == expected


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=4000), min_size=1, max_size=12))
def test_chunking_does_not_change_the_outcomes(cuts: list[int]) -> None:
    data = HAL.read_bytes() + b""
    expected = [repr(o) for o in outcomes(HAL, prefix="10670")]
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

    got = [
        repr(o)
        for o in read(
            Chunks(), InputFormat.OAI_DC, name=str(HAL), options=ReaderOptions(minter=HandleMinter("10670"))
        )
    ]
    assert got == expected


def test_notices_golden(golden: Callable[[str, bytes], None]) -> None:
    lines = []
    for path in (HAL, ZENODO, DOAJ, QDC):
        for outcome in outcomes(path, prefix="10670"):
            if isinstance(outcome, Notice):
                lines.append(json.dumps(outcome.to_dict(), ensure_ascii=False, sort_keys=True))
            elif isinstance(outcome, Residue):
                lines.append(json.dumps({"residue": outcome.as_dicts()}, ensure_ascii=False, sort_keys=True))
            elif isinstance(outcome, Deletion):
                lines.append(json.dumps({"deletion": outcome.as_dict()}, sort_keys=True))
            else:
                lines.append(json.dumps({"error": outcome.as_dict()}, ensure_ascii=False, sort_keys=True))
    golden(
        "readers_oai.jsonl", ("\n".join(lines) + "\n").encode("utf-8").replace(str(DATA).encode(), b"DATA")
    )


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_oai_dc_reports_residue_and_deletions(tmp_path: Path) -> None:
    import rdflib

    out, report = tmp_path / "out.ttl", tmp_path / "report.json"
    result = run_cli(
        "convert",
        str(HAL),
        str(DOAJ),
        "--from",
        "oai_dc",
        "--format",
        "turtle",
        "-o",
        str(out),
        "--report",
        str(report),
        "--prefix",
        "10670",
        "--registry",
        str(tmp_path / "handles.sqlite"),
    )
    assert result.returncode == 1, result.stderr  # the broken DOAJ record is rejected
    assert "1 deleted records skipped" in result.stderr
    assert "values not mapped" in result.stderr and "dc:coverage" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["converted"] == 4 and data["rejected"] == 1 and data["deleted"] == 1
    assert {"record", "source", "element", "value", "reason"} <= set(data["residue"][0])
    graph = rdflib.Graph().parse(out, format="turtle")
    assert (rdflib.URIRef("https://hal.science/tel-01234567"), None, None) in graph
    second = tmp_path / "again.ttl"
    run_cli(
        "convert", str(HAL), str(DOAJ), "--format", "turtle", "-o", str(second), "--prefix", "10670",
        "--registry", str(tmp_path / "handles.sqlite"),
    )  # fmt: skip
    assert second.read_bytes() == out.read_bytes()  # .xml is read as oai_dc; same bytes every run
