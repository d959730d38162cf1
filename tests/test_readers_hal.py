"""HAL search API JSON reader; fixtures in ``tests/data/readers/hal/`` (our own, modelled on HAL
``fl=*`` answers)."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, Outcome, Residue, read, read_path
from notice_ld.readers.detect import detect
from notice_ld.readers.hal import DOC_TYPES, map_hal

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "hal"


def _read(path: Path) -> list[Outcome]:
    return list(read_path(path))


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _residue_after(found: list[Outcome], notice: Notice) -> dict[str, str]:
    index = found.index(notice)
    after = found[index + 1] if index + 1 < len(found) else None
    return {i.element: i.reason for i in after.items} if isinstance(after, Residue) else {}


def test_journal_article() -> None:
    found = _read(DATA / "search.json")
    article = _notices(found)[0]
    assert str(article.id) == "10.4000/rfsic.12345"  # the DOI first, the HAL id among the others
    assert [str(i) for i in article.identifiers] == ["halshs-03100001"]
    assert (article.type.value, article.type_label) == ("article", "Journal article")
    assert [(t.value, t.lang) for t in article.titles] == [
        ("Les revues savantes face à l'accès ouvert : une enquête", "fr"),
        ("Scholarly journals and open access", "en"),
    ]
    assert [a.lang for a in article.abstracts] == ["fr", "en"]
    assert [(k.value, k.lang) for k in article.keywords] == [
        ("revues", "fr"),
        ("accès ouvert", "fr"),
        ("journals", "en"),
        ("open access", "en"),
    ]
    fontaine, leroy = article.creators
    assert (fontaine.family, fontaine.given, fontaine.identifiers) == ("Fontaine", "Claire", ())
    assert [i.value for i in leroy.identifiers] == ["https://cv.hal.science/marc-leroy"]  # aligned idHAL
    (discipline,) = article.disciplines
    assert discipline.iri == "http://aurehal.archives-ouvertes.fr/subject/shs.info"
    assert {label.lang for label in discipline.labels} == {"en", "fr"}
    container = article.container
    assert container is not None and container.title.startswith("Revue française des sciences")
    assert container.issn is not None and container.issn.value == "2263-0856" and container.eissn is None
    assert (container.volume, container.issue, container.pages) == ("12", "3", "45-67")
    assert article.publisher is not None and article.publisher.display_name.startswith("Société française")
    assert article.issued == "2021-09" and article.languages == ("fr",)
    assert (
        article.license is not None
        and article.license.iri == "https://creativecommons.org/licenses/by-nc/4.0/"
    )
    assert article.landing_page == "https://shs.hal.science/halshs-03100001v2"
    assert (
        article.citation is not None
        and "⟨halshs-03100001⟩" in article.citation
        and "&#" not in article.citation
    )
    residue = _residue_after(found, article)
    # one ORCID for two authors: HAL does not say whose; never given to the wrong person
    assert "without saying whose" in residue["authORCIDIdExt_s[0]"]
    assert article.access_rights is not None and article.access_rights.value == "open"  # openAccess_bool
    assert "openAccess_bool" not in residue
    assert residue["structName_s[0]"].endswith("the notice model holds no affiliations")
    assert residue["fileMain_s"].endswith("not its files")
    # facets, renderings, bookkeeping: not residue
    quiet = ("label_bibtex", "citationRef_s", "_version_", "structAcronym_s", "authIdPerson_i", "docid")
    assert not any(key.startswith(quiet) for key in residue)


def test_thesis_directors_identifiers_and_residue() -> None:
    found = _read(DATA / "search.json")
    thesis = _notices(found)[1]
    assert str(thesis.id) == "tel-03456789" and [str(i) for i in thesis.identifiers] == ["2021SORUL123"]
    assert thesis.type.value == "thesis"
    assert [(c.role.value, c.agent.display_name) for c in thesis.contributors] == [
        ("thesis_advisor", "Sophie Garnier"),
        ("thesis_advisor", "Paul Martin"),
    ]
    assert [i.iri for i in thesis.creators[0].identifiers] == ["https://www.idref.fr/129846759"]  # one author
    assert thesis.disciplines[0].notation == "shs.hist"  # from domain_s: its most specific code
    assert thesis.license is None
    residue = _residue_after(found, thesis)
    assert thesis.access_rights is not None and thesis.access_rights.value == "open"  # an access status
    assert "licence_s" not in residue
    assert "degree" in residue["authorityInstitution_s[0]"]


def test_chapter_author_qualities_editors_and_container() -> None:
    found = _read(DATA / "search.json")
    chapter = _notices(found)[2]
    assert [c.display_name for c in chapter.creators] == ["Ana Silva", "Ben Okoro"]
    assert [(c.role.value, c.agent.display_name) for c in chapter.contributors] == [
        ("editor", "Chloé Petit"),
        ("editor", "Dana Roth"),
    ]
    assert chapter.container is not None and chapter.container.type.value == "book"
    assert chapter.container.isbn is not None and chapter.container.pages == "11-30"
    assert (
        chapter.publisher is not None and chapter.publisher.display_name == "Presses universitaires de Lyon"
    )
    residue = _residue_after(found, chapter)
    assert "authORCIDIdExt_s[1]" in residue  # two ORCIDs, three authors
    assert residue["unknownCustomField_s"] == "a HAL field notice_ld does not map"


def test_orcids_given_when_every_author_has_one() -> None:
    doc = {
        "halId_s": "hal-04000020",
        "title_s": ["T"],
        "authFirstName_s": ["A", "B"],
        "authLastName_s": ["Un", "Deux"],
        "authFullName_s": ["A Un", "B Deux"],
        "authORCIDIdExt_s": ["0000-0002-1825-0097", "https://orcid.org/0000-0001-5109-3700"],
    }
    mapped = map_hal(doc)
    notice = Notice.from_dict(mapped.data)
    assert [c.identifiers[0].value for c in notice.creators] == ["0000-0002-1825-0097", "0000-0001-5109-3700"]
    assert mapped.residue == []


def test_json_lines_date_fallback_errors_and_unknown_fields() -> None:
    found = _read(DATA / "docs.jsonl")
    assert [type(o).__name__ for o in found] == ["Notice", "Residue", "RecordError", "Notice", "Residue"]
    paper, image = _notices(found)
    assert paper.type.value == "working_paper" and paper.issued == "2023-02"
    residue = _residue_after(found, paper)
    assert "does not exist in the calendar" in residue["publicationDate_s"]
    assert residue["producedDate_s"].endswith("the date of production is the date of issue")
    error = found[2]
    assert (
        isinstance(error, RecordError)
        and error.record.endswith("docs.jsonl:2)")
        and error.record.startswith("9 (")
    )
    assert error.field == "halId_s" and "no usable identifier" in error.problem
    assert image.type.value == "other" and image.type_label == "Image"


def test_json_lines_of_responses_and_a_conference_paper() -> None:
    page = {
        "response": {
            "docs": [
                {
                    "halId_s": "hal-04000050",
                    "docType_s": "COMM",
                    "title_s": ["Streams"],
                    "bookTitle_s": "Proceedings of the Workshop on Streams",
                    "conferenceTitle_s": "Workshop on Streams",
                    "isbn_s": "978-2-07-036822-8",
                },
                {
                    "halId_s": "hal-04000051",
                    "docType_s": "POSTER",
                    "title_s": ["Posters"],
                    "conferenceTitle_s": "WS",
                },
            ]
        }
    }
    data = (json.dumps(page) + "\n" + json.dumps(page).replace("hal-0400005", "hal-0400006") + "\n").encode()
    found = list(read(io.BytesIO(data), name="pages.jsonl"))
    notices = [o for o in found if isinstance(o, Notice)]
    assert [str(n.id) for n in notices] == ["hal-04000050", "hal-04000051", "hal-04000060", "hal-04000061"]
    paper, poster = notices[:2]
    assert paper.container is not None and paper.container.type.value == "proceedings"
    assert (
        paper.container.title == "Proceedings of the Workshop on Streams" and paper.container.isbn is not None
    )
    assert poster.container is not None and poster.container.title == "WS"
    residue = found[1]
    assert isinstance(residue, Residue) and residue.source == "pages.jsonl:1[0]"
    assert residue.items[0].element == "conferenceTitle_s" and "conference's name" in residue.items[0].reason


def test_api_error_answer_and_strange_values() -> None:
    data = b'{"error": {"msg": "undefined field foo_s", "code": 400}}\n'
    (error,) = read(io.BytesIO(data), InputFormat.HAL, name="e.json")
    assert isinstance(error, RecordError) and "undefined field foo_s" in error.problem
    mapped = map_hal(
        {
            "halId_s": "hal-04000030",
            "title_s": "A title as a string",
            "authFullName_s": [{"x": 1}, "Jean de La Fontaine"],
            "docType_s": "NEWTYPE",
            "language_s": ["xx-notalanguage"],
            "domain_s": ["0.shs", 7],
        }
    )
    notice = Notice.from_dict(mapped.data)
    assert notice.titles[0].value == "A title as a string" and notice.type_label == "NEWTYPE"
    assert [c.display_name for c in notice.creators] == ["Jean de La Fontaine"]
    elements = {i.element for i in mapped.residue}
    assert {"authFullName_s[0]", "docType_s", "language_s[0]", "domain_s[1]"} <= elements


def test_every_doc_type_has_a_type_and_a_label() -> None:
    for code, (kind, label) in DOC_TYPES.items():
        notice = Notice.from_dict(
            map_hal({"halId_s": "hal-04000040", "title_s": ["T"], "docType_s": code}).data
        )
        assert notice.type is kind and notice.type_label == label


@pytest.mark.parametrize("name", ["search.json", "docs.jsonl"])
def test_detect_finds_hal(name: str) -> None:
    path = DATA / name
    assert detect(path.read_bytes()[:65536], str(path)) is InputFormat.HAL
    assert detect(gzip.compress(path.read_bytes()), str(path) + ".gz") is InputFormat.HAL


def test_gzip_reads_the_same(tmp_path: Path) -> None:
    packed = tmp_path / "search.json.gz"
    packed.write_bytes(gzip.compress((DATA / "search.json").read_bytes()))
    assert [n.to_dict() for n in _notices(_read(packed))] == [
        n.to_dict() for n in _notices(_read(DATA / "search.json"))
    ]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_with_and_without_from(tmp_path: Path) -> None:
    outputs = []
    for name, extra in (("found.ttl", ()), ("hal.ttl", ("--from", "hal"))):
        out, report = tmp_path / name, tmp_path / f"{name}.json"
        result = run_cli(
            "convert", str(DATA / "search.json"), *extra, "-o", str(out), "--report", str(report)
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["converted"] == 3 and data["rejected"] == 0
        assert "values not mapped" in result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"https://doi.org/10.4000/rfsic.12345" in outputs[0] and b"aurehal" in outputs[0]
