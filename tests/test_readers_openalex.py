"""OpenAlex works reader; fixtures in ``tests/data/readers/openalex/`` are our own, modelled on the
real works of ``../shared/realdata/openalex/`` (read too when present)."""

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
from notice_ld.identifiers import HandleMinter
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, Outcome, ReaderOptions, Residue, read, read_path
from notice_ld.readers.detect import detect
from notice_ld.readers.openalex import abstract_text

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "openalex"
REAL = ROOT.parent / "shared" / "realdata" / "openalex"


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _errors(found: list[Outcome]) -> list[RecordError]:
    return [o for o in found if isinstance(o, RecordError)]


def _residue(found: list[Outcome], notice: Notice) -> dict[str, str]:
    index = found.index(notice)
    after = found[index + 1] if index + 1 < len(found) else None
    return {i.element: i.value for i in after.items} if isinstance(after, Residue) else {}


def test_a_work_maps_every_field_the_notice_holds() -> None:
    found = list(read_path(DATA / "work.json"))
    [notice] = _notices(found)
    assert notice.id.value == "10.9999/reu.2021.0042" and notice.type.value == "article"
    assert notice.titles[0].value == "Habiter la ville dense" and notice.issued == "2021-06-01"
    first, second = notice.creators
    assert (first.family, first.given, first.identifiers[0].value) == (
        "Dupont-Moreau",
        "Claire",
        "0000-0002-1825-0097",
    )
    assert (second.family, second.given) == ("de La Fontaine", "Jean")
    container = notice.container
    assert container is not None and container.title == "Revue d'études urbaines"
    assert container.issn_l is not None and container.issn_l.value == "1234-5679"
    assert (container.volume, container.issue, container.pages) == ("12", "2", "45-67")
    assert notice.publisher is not None and notice.publisher.display_name == "Presses universitaires de Lyon"
    assert notice.languages == ("fr",) and notice.landing_page == "https://revues.example.org/reu/42"
    assert notice.abstracts[0].value == (
        "Les quartiers péricentraux changent et se densifient ; les quartiers restent ."
    )
    assert [k.value for k in notice.keywords] == ["Densification"]
    subjects = {s.labels[0].value: s.iri for s in notice.subjects}
    assert subjects == {
        "Urban Housing Density": "https://openalex.org/T10001",
        "City": "https://www.wikidata.org/wiki/Q515",
    }
    assert notice.license is not None and notice.license.label == "cc-by-nc"  # no version: none guessed
    assert [i.value for i in notice.identifiers] == [
        "https://openalex.org/W4200000001",
        "https://pubmed.ncbi.nlm.nih.gov/34000001",
    ]
    residue = _residue(found, notice)
    assert (
        residue["authorships[0].institutions[0]"] == "Université Lumière Lyon 2 [https://ror.org/03abcde00]"
    )
    assert residue["open_access.oa_status"] == "hybrid" and residue["ids.mag"] == "3100000001"
    assert residue["grants[0]"] == "Agence Nationale de la Recherche (award ANR-19-CE41-0001)"
    assert residue["referenced_works"] == "2 cited works"
    assert not {"cited_by_count", "counts_by_year", "indexed_in", "locations_count"} & set(residue)


def test_a_results_page_maps_books_chapters_theses_and_reports_the_untitled_work() -> None:
    found = list(read_path(DATA / "works_page.json"))
    book, chapter, thesis = _notices(found)
    assert book.id.value == "https://openalex.org/W4200000002" and book.type.value == "book"  # no DOI
    assert book.publisher is not None and book.publisher.display_name == "OpenEdition"
    assert (
        chapter.container is not None and chapter.container.title == "Villes en transition"
    )  # raw_source_name
    assert chapter.container.type.value == "book" and chapter.container.pages == "55-70"
    assert chapter.landing_page is None  # the doi.org link is the DOI, not a landing page
    assert thesis.publisher is not None and thesis.publisher.display_name == "Université de Lyon"
    [error] = _errors(found)
    assert error.record == f"10.9999/untitled ({DATA / 'works_page.json'}[3])" and error.field == "title"


def test_without_doi_a_minting_prefix_mints_from_the_openalex_id() -> None:
    options = ReaderOptions(minter=HandleMinter("10670"))
    book = _notices(list(read_path(DATA / "works_page.json", options=options)))[0]
    assert book.id.scheme.value == "handle" and book.id.value == HandleMinter("10670").mint(
        "https://openalex.org/W4200000002"
    )
    assert "https://openalex.org/W4200000002" in [i.value for i in book.identifiers]


def test_the_gzip_snapshot_streams_and_isolates_a_broken_line() -> None:
    found = list(read_path(DATA / "snapshot.jsonl.gz"))
    assert [n.type.value for n in _notices(found)] == ["article", "book", "thesis"]
    [error] = _errors(found)
    assert error.record == f"{DATA / 'snapshot.jsonl.gz'}:3"


def test_abstract_inverted_index() -> None:
    assert abstract_text({"b": [1], "a": [0, 2]}) == "a b a"
    assert abstract_text({"a": [10**9]}) is None and abstract_text({"a": ["0"]}) is None
    work = {"id": "https://openalex.org/W1", "title": "T", "abstract_inverted_index": {"a": "zero"}}
    found = list(read(io.BytesIO(json.dumps(work).encode()), InputFormat.OPENALEX))
    assert isinstance(found[0], Notice) and not found[0].abstracts
    assert isinstance(found[1], Residue) and found[1].items[0].element == "abstract_inverted_index"


def test_an_api_error_is_one_error() -> None:
    answer = {"error": "Invalid query parameters error.", "message": "filter is not valid"}
    [error] = list(read(io.BytesIO(json.dumps(answer).encode()), InputFormat.OPENALEX, name="p.json"))
    assert isinstance(error, RecordError) and "the OpenAlex API answered an error" in error.problem


@pytest.mark.parametrize("name", ["work.json", "works_page.json", "snapshot.jsonl.gz"])
def test_detect_finds_openalex(name: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect(data[:65536], name) is InputFormat.OPENALEX
    if not name.endswith(".gz"):
        assert detect(gzip.compress(data)[:65536], name + ".gz") is InputFormat.OPENALEX


def test_convert_finds_the_format_and_writes_the_same_bytes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    outputs = []
    for name, extra in (("found.ttl", ()), ("given.ttl", ("--from", "openalex"))):
        out = tmp_path / name
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "notice_ld",
                "convert",
                str(DATA / "works_page.json"),
                *extra,
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 1, result.stderr  # the untitled work is rejected
        assert "10.9999/untitled" in result.stderr and "no title" in result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"Villes en transition" in outputs[0]


def _real() -> list[Path]:
    return sorted(REAL.glob("*.json")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/openalex is not here")
@pytest.mark.parametrize("path", _real(), ids=lambda p: p.name)
def test_real_works_read_cleanly(path: Path) -> None:
    assert detect(path.read_bytes()[:65536], str(path)) is InputFormat.OPENALEX
    found = list(read_path(path))
    if path.name == "openalex_jspfsm.56.60_ja.json":  # OpenAlex has no title for this work
        [error] = found
        assert (
            isinstance(error, RecordError)
            and error.field == "title"
            and "10.7600/jspfsm.56.60" in str(error.record)
        )
        return
    [notice] = _notices(found)
    assert notice.id.scheme.value == "doi" and notice.issued and notice.creators


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/openalex is not here")
def test_real_works_spot_checks() -> None:
    [plos] = _notices(list(read_path(REAL / "openalex_journal.pone.0000030.json")))
    assert plos.container is not None and plos.container.title == "PLoS ONE"
    assert plos.creators[0].family == "Ralser" and plos.abstracts[0].value.startswith(
        "Triosephosphate isomerase"
    )
    [chapter] = _notices(list(read_path(REAL / "openalex_978-3-662-46370-3_13_chapter.json")))
    assert chapter.container is not None and chapter.container.title == "Shoulder Stiffness"
    [thesis] = _notices(list(read_path(REAL / "openalex_uql.2020.791_dissertation.json")))
    assert thesis.type.value == "thesis" and thesis.publisher is not None
