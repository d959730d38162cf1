"""DataCite readers: REST API JSON (``/dois``) and kernel XML (documents, collections, OAI-PMH
``oai_datacite``), one mapping for both; fixtures in ``tests/data/readers/datacite/`` (our own,
modelled on the real records of ``../shared/realdata/datacite/``, which are read too when present)."""

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
from notice_ld.readers import (
    Deletion,
    InputFormat,
    Outcome,
    ReaderOptions,
    Residue,
    read,
    read_path,
)
from notice_ld.readers.datacite import Dialect, map_datacite
from notice_ld.readers.datacite_xml import outcomes, resource_attributes
from notice_ld.readers.detect import detect
from notice_ld.readers.xmlsafe import Envelope, split_records

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "datacite"
REAL = ROOT.parent / "shared" / "realdata" / "datacite"


def _read(path: Path, options: ReaderOptions | None = None) -> list[Outcome]:
    return list(read_path(path, options=options))


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _residue_after(found: list[Outcome], notice: Notice) -> dict[str, str]:
    """The residue that follows ``notice``: element -> reason."""
    index = found.index(notice)
    after = found[index + 1] if index + 1 < len(found) else None
    return {i.element: i.reason for i in after.items} if isinstance(after, Residue) else {}


# ------------------------------------------------------------------ REST API JSON


def test_a_dois_page_gives_one_notice_per_record_and_an_error_for_the_broken_one() -> None:
    found = _read(DATA / "dois_page.json")
    notices = _notices(found)
    assert [str(n.id) for n in notices] == [
        "10.5281/zenodo.7000001",
        "10.4230/lipics.example.2021.7",
        "10.5072/thesis.42",
    ]
    (error,) = [o for o in found if isinstance(o, RecordError)]
    assert error.record == f"broken ({DATA / 'dois_page.json'}[3])"
    assert error.field == "doi" and "no usable identifier" in error.problem


def test_dataset_titles_agents_subjects_licence() -> None:
    found = _read(DATA / "dois_page.json")
    dataset = _notices(found)[0]
    assert dataset.type.value == "dataset" and dataset.type_label == "Interview data"
    # the French subtitle joins its title (French spacing); the translated title is another title
    assert [(t.value, t.lang) for t in dataset.titles] == [
        ("Enquête sur les usages des archives ouvertes : données d'entretiens, 2019-2021", "fr"),
        ("Survey of open archive use", "en"),
    ]
    assert [a.lang for a in dataset.abstracts] == ["fr", "en"]
    assert dataset.abstracts[0].value == "Entretiens menés auprès de chercheurs.\n\nDeuxième paragraphe."
    person, organisation = dataset.creators
    assert (person.family, person.given, person.identifiers[0].iri) == (
        "Lefèvre",
        "Hélène",
        "https://orcid.org/0000-0002-1825-0097",
    )
    assert (
        organisation.type == "organization" and organisation.identifiers[0].iri == "https://ror.org/02feahw73"
    )
    assert dataset.issued == "2022-03-04" and dataset.languages == ("fr",)
    assert [k.value for k in dataset.keywords] == ["archives ouvertes"]
    assert dataset.disciplines[0].labels[0].value == "Sociology"  # FOS, once (given twice)
    assert len(dataset.disciplines) == 1
    assert dataset.subjects[0].iri == "http://id.loc.gov/authorities/subjects/sh2006005483"
    assert (
        dataset.license is not None and dataset.license.iri == "https://creativecommons.org/licenses/by/4.0/"
    )
    assert dataset.landing_page == "https://zenodo.org/records/7000001"
    assert dataset.publisher is not None and dataset.publisher.display_name == "Zenodo"
    assert [c.role.value for c in dataset.contributors] == ["contributor", "contributor"]
    residue = _residue_after(found, dataset)
    assert residue["creators[0].affiliation[0]"] == "an affiliation; the notice model holds no affiliations"
    assert [(r.type.value, r.iri) for r in dataset.relations] == [  # IsVersionOf, IsSupplementTo
        ("is_version_of", "https://doi.org/10.5281/zenodo.7000000"),
        ("is_supplement_to", "https://doi.org/10.3917/vsoc.191.0123"),
    ]
    assert not any(key.startswith("relatedIdentifiers") for key in residue)
    assert residue["fundingReferences[0]"].startswith("funding")
    assert dataset.access_rights is not None and dataset.access_rights.value == "open"  # info:eu-repo
    assert "rightsList[1]" not in residue
    assert residue["contributors[2]"].startswith("a rights holder")
    assert residue["contributors[0].contributorType"].endswith("kept as the role 'contributor'")
    assert residue["dates[1].date"] == "a date of type Created; the notice holds only the date of issue"
    # the registry's bookkeeping (counts, states, timestamps) is not metadata of the work
    assert not any(key.startswith(("viewCount", "state", "created", "metadataVersion")) for key in residue)


def test_conference_paper_container_from_container_related_identifiers_and_items() -> None:
    found = _read(DATA / "dois_page.json")
    paper = _notices(found)[1]
    assert paper.type.value == "conference_paper"
    container = paper.container
    assert container is not None
    assert (container.type.value, container.title, container.volume, container.pages) == (
        "series",
        "LIPIcs, Volume 200, EXAMPLE 2021",
        "200",
        "7:1-7:14",
    )
    assert container.iri == "https://doi.org/10.4230/lipics.example.2021"
    assert container.issn is not None and container.issn.value == "1868-8969"
    assert container.isbn is not None and container.isbn.value == "978-3-95977-000-2"
    assert [k.value for k in paper.keywords] == ["matching", "sparse graphs", "parameterized algorithms"]
    assert [(c.role.value, c.agent.display_name) for c in paper.contributors] == [("editor", "Anna Rossi")]
    assert [str(i) for i in paper.identifiers] == ["urn:nbn:de:0030-drops-140001"]  # given twice, kept once
    residue = _residue_after(found, paper)
    # the related items describing the container are not residue; a reference is
    assert not any(key.startswith("relatedItems") for key in residue)
    assert [(r.type.value, r.iri) for r in paper.relations] == [
        ("references", "https://doi.org/10.1137/1.9781611975031.1")
    ]


def test_thesis_supervisor_bad_identifiers_and_unreadable_date() -> None:
    found = _read(DATA / "dois_page.json")
    thesis = _notices(found)[2]
    assert str(thesis.id) == "10.5072/thesis.42"  # DOIs are compared and kept in lower case
    assert thesis.type.value == "thesis" and thesis.type_label == "Thèse de doctorat"
    assert [(c.role.value, c.agent.display_name) for c in thesis.contributors] == [
        ("thesis_advisor", "Louise Bernard")
    ]
    assert thesis.creators[0].identifiers == ()  # a wrong ORCID is never kept
    assert thesis.publisher is not None and thesis.publisher.identifiers[0].value == "02feahw73"
    assert thesis.issued == "2020"  # the Issued date does not exist: the publication year is used
    residue = _residue_after(found, thesis)
    assert "ORCID check digit is wrong" in residue["creators[0].nameIdentifiers[0]"]
    assert "Scopus Author ID" in residue["creators[0].nameIdentifiers[1]"]
    assert residue["dates[0].date"].endswith("the publicationYear is the date of issue")


def test_single_record_json_lines_and_api_errors() -> None:
    (notice, residue) = _read(DATA / "single.json")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert notice.issued == "2019-05-02" and residue.source == f"{DATA / 'single.json'}:1"  # one line
    assert [i.element for i in residue.items] == ["creators[0].affiliation[0]", "dates[0].date"]
    assert [(r.type.value, r.iri) for r in notice.relations] == [  # IsReferencedBy
        ("is_referenced_by", "https://doi.org/10.1371/journal.pone.0200001")
    ]
    found = _read(DATA / "records.jsonl")
    kinds = [type(o).__name__ for o in found]
    assert kinds == ["Notice", "Residue", "RecordError", "Notice", "RecordError"]
    preprint, bare = _notices(found)
    assert (
        preprint.type.value == "working_paper" and preprint.landing_page == "https://arxiv.org/abs/2101.00001"
    )
    # a name with no nameType and an acronym in capitals is an organisation
    assert bare.creators[0].type == "organization" and bare.creators[0].display_name == "OSI SAF"
    cut, api = [o for o in found if isinstance(o, RecordError)]
    assert cut.record.endswith("records.jsonl:2") and "not valid JSON" in cut.problem
    assert "DataCite API answered an error" in api.problem and "doesn't exist" in api.problem


def test_gzip_input_reads_the_same(tmp_path: Path) -> None:
    packed = tmp_path / "page.json.gz"
    packed.write_bytes(gzip.compress((DATA / "dois_page.json").read_bytes()))
    plain = [n.to_dict() for n in _notices(_read(DATA / "dois_page.json"))]
    assert [n.to_dict() for n in _notices(_read(packed))] == plain


def test_truncated_gzip_gives_the_records_before_the_cut_and_one_error(tmp_path: Path) -> None:
    lines = b"".join(
        json.dumps(
            {
                "doi": f"10.5072/n{i}",
                "creators": [],
                "titles": [{"title": f"R{i} " + "x" * (i % 97)}],
                "types": {},
            }
        ).encode()
        + b"\n"
        for i in range(3000)
    )
    cut = tmp_path / "dump.jsonl.gz"
    cut.write_bytes(gzip.compress(lines)[:-2000])
    found = _read(cut)
    assert len(_notices(found)) > 2000
    assert isinstance(found[-1], RecordError) and "gzip data is truncated or corrupt" in found[-1].problem


def test_not_datacite_json_is_an_error_per_record() -> None:
    data = b'{"title": "x"}\n[1, 2]\n{"data": {"attributes": "oops"}}\n'
    found = list(read(io.BytesIO(data), InputFormat.DATACITE, name="x.jsonl"))
    assert [type(o).__name__ for o in found] == ["RecordError"] * 4
    assert "not a DataCite record" in found[0].problem
    assert "must be a JSON object" in found[1].problem


def test_values_of_the_wrong_shape_are_residue_not_crashes() -> None:
    record = {
        "doi": "10.5072/shapes",
        "titles": "A title given as a string",
        "creators": [{"name": ["not", "text"]}, "Doe, Jane", 42],
        "publicationYear": True,
        "dates": {"date": "2001", "dateType": "Issued"},
        "subjects": [{"subject": {"x": 1}}],
        "rightsList": [7],
        "types": "Dataset",
        "relatedItems": ["x"],
    }
    mapped = map_datacite(record)
    assert mapped.problem is None
    notice = Notice.from_dict(mapped.data)
    assert notice.titles[0].value == "A title given as a string" and notice.issued == "2001"
    assert [c.display_name for c in notice.creators] == ["Jane Doe"]
    elements = {i.element for i in mapped.residue}
    assert {"creators[0].name", "creators[2]", "types", "rightsList[0]", "relatedItems[0]"} <= elements


def test_over_size_record_is_reported_and_the_others_read() -> None:
    big = {"doi": "10.5072/big", "titles": [{"title": "x" * 5000}]}
    small = {"doi": "10.5072/small", "titles": [{"title": "ok"}]}
    data = (json.dumps(big) + "\n" + json.dumps(small) + "\n").encode()
    found = list(
        read(
            io.BytesIO(data),
            InputFormat.DATACITE,
            name="b.jsonl",
            options=ReaderOptions(max_record_bytes=2048),
        )
    )
    assert isinstance(found[0], RecordError) and "over the limit" in found[0].problem
    assert isinstance(found[1], Notice) and str(found[1].id) == "10.5072/small"


# ------------------------------------------------------------------ kernel XML


def test_resource_document() -> None:
    found = _read(DATA / "resource.xml")
    (thesis,) = _notices(found)
    assert [(t.value, t.lang) for t in thesis.titles] == [
        ("Les bibliothèques de quartier : une histoire sociale (1945-1990)", "fr"),
        ("Neighbourhood libraries: a social history (1945-1990)", "en"),
    ]
    assert thesis.abstracts[0].value == (
        "Cette thèse étudie les bibliothèques de quartier.\n\nElle s'appuie sur des archives municipales."
    )
    assert [i.scheme.value for i in thesis.creators[0].identifiers] == ["orcid", "idref"]
    assert [(c.role.value, c.agent.display_name) for c in thesis.contributors] == [
        ("thesis_advisor", "Sophie Garnier"),
        ("translator", "Alice Smith"),
    ]
    assert thesis.languages == ("fr",) and thesis.issued == "2021-12-06"
    assert thesis.subjects[0].notation == "027.4"
    assert (
        thesis.license is not None
        and thesis.license.iri == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    )
    # alternate identifiers, and a URL the record says it is identical to
    assert [str(i) for i in thesis.identifiers] == [
        "tel-03456789",
        "2021SORUL123",
        "https://theses.hal.science/tel-03456789",
    ]
    residue = _residue_after(found, thesis)
    assert residue["creators/creator[1]/affiliation[1]"].startswith("an affiliation")
    assert "relatedIdentifiers/relatedIdentifier[2]" not in residue  # IsNewVersionOf: a version of
    assert [(r.type.value, r.iri) for r in thesis.relations] == [
        ("is_version_of", "https://doi.org/10.5072/example-thesis-v1")
    ]
    assert "TableOfContents" in residue["descriptions/description[3]"]
    assert residue["fundingReferences/fundingReference[1]"].startswith("funding")


def test_xml_and_json_of_the_same_record_give_the_same_notice() -> None:
    """One mapping: the XML reader's attributes object, read as REST JSON, gives the same notice;
    only the names of the residue's fields differ (XML names vs JSON names)."""
    from lxml import etree

    resource = etree.parse(str(DATA / "resource.xml")).getroot()
    attributes = resource_attributes(resource)
    from_json = list(
        read(io.BytesIO(json.dumps({"data": {"attributes": attributes}}).encode()), InputFormat.DATACITE)
    )
    from_xml = _read(DATA / "resource.xml")
    assert _notices(from_json)[0] == _notices(from_xml)[0]
    json_residue, xml_residue = from_json[1], from_xml[1]
    assert isinstance(json_residue, Residue) and isinstance(xml_residue, Residue)
    assert [(i.value, i.reason) for i in json_residue.items] == [
        (i.value, i.reason) for i in xml_residue.items
    ]
    assert json_residue.items[1].element == "creators[0].affiliation[0]"
    assert xml_residue.items[1].element == "creators/creator[1]/affiliation[1]"


def test_oai_datacite_page_deletions_minting_and_a_broken_record() -> None:
    options = ReaderOptions(minter=HandleMinter("10670"))
    found = _read(DATA / "oai_datacite.xml", options)
    kinds = [type(o).__name__ for o in found]
    assert kinds == ["Notice", "Deletion", "Notice", "RecordError"]  # the access status was all its residue
    photos, interviews = _notices(found)
    assert str(photos.id) == "10.5072/repo.1001"
    assert photos.container is not None
    assert (photos.container.title, photos.container.issue, photos.container.pages) == (
        "Vie sociale",
        "1",
        "123-140",
    )
    assert photos.creators[1].type == "organization"
    assert photos.access_rights is not None and photos.access_rights.value == "open"
    deletion = found[1]
    assert isinstance(deletion, Deletion) and deletion.oai_identifier == "oai:repo.example.org:1002"
    assert deletion.notice_id == HandleMinter("10670").mint("oai:repo.example.org:1002")
    # no DOI (kernel 3, a URL identifier): the Handle minted from the OAI identifier, the URL kept
    assert str(interviews.id) == HandleMinter("10670").mint("oai:repo.example.org:1003")
    assert [str(i) for i in interviews.identifiers] == ["https://repo.example.org/records/1003"]
    error = found[3]
    assert isinstance(error, RecordError) and error.record.startswith("oai:repo.example.org:1004 (")
    assert "not well-formed" in error.problem
    # without a minter, the record's URL is its id
    ids = [str(n.id) for n in _notices(_read(DATA / "oai_datacite.xml"))]
    assert ids[1] == "https://repo.example.org/records/1003"


def test_the_harvester_reads_oai_datacite_pages_record_by_record() -> None:
    """What ``harvest --metadata-prefix oai_datacite`` does with a page: split, then ``outcomes``."""
    envelope = Envelope()
    raws = split_records([(DATA / "oai_datacite.xml").read_bytes()], envelope=envelope)
    found = [o for raw in raws for o in outcomes(raw, "https://oai.example.org/oai")]
    assert [type(o).__name__ for o in found] == ["Notice", "Deletion", "Notice", "RecordError"]
    assert envelope.resumption_token == "page2" and envelope.complete_list_size == 12


def test_collection_of_resources() -> None:
    found = _read(DATA / "collection.xml")
    first, chapter = _notices(found)
    assert first.type.value == "book"  # Text with the resource type "Book"
    assert chapter.type.value == "chapter"
    assert chapter.container is not None
    assert (chapter.container.type.value, chapter.container.title, chapter.container.pages) == (
        "book",
        "Escritas do quotidiano",
        "45-67",
    )
    assert chapter.container.isbn is not None and chapter.container.isbn.value == "978-2-07-036822-8"


def test_xml_without_a_resource_doctype_and_truncation() -> None:
    found = list(read(io.BytesIO(b"<resources><x/></resources>"), InputFormat.DATACITE_XML, name="n.xml"))
    assert (
        len(found) == 1 and isinstance(found[0], RecordError) and "no DataCite <resource>" in found[0].problem
    )
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><resource>&e;</resource>'
    )
    (error,) = read(io.BytesIO(hostile), InputFormat.DATACITE_XML, name="h.xml")
    assert isinstance(error, RecordError) and "DTD" in error.problem
    cut = (DATA / "oai_datacite.xml").read_bytes()[:2700]  # inside the second record
    found = list(read(io.BytesIO(cut), InputFormat.DATACITE_XML, name="cut.xml"))
    assert isinstance(found[0], Notice) and isinstance(found[-1], RecordError)


# ------------------------------------------------------------------ detection, CLI, determinism


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("dois_page.json", InputFormat.DATACITE),
        ("single.json", InputFormat.DATACITE),
        ("records.jsonl", InputFormat.DATACITE),
        ("resource.xml", InputFormat.DATACITE_XML),
        ("oai_datacite.xml", InputFormat.DATACITE_XML),
        ("collection.xml", InputFormat.DATACITE_XML),
    ],
)
def test_detect_finds_the_format(name: str, fmt: InputFormat) -> None:
    path = DATA / name
    assert detect(path.read_bytes()[:65536], str(path)) is fmt
    assert detect(gzip.compress(path.read_bytes())[:65536], str(path) + ".gz") is fmt


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": "random"}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_finds_the_format_and_writes_the_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for name, extra in (("found.ttl", ()), ("json.ttl", ("--from", "datacite"))):
        out, report = tmp_path / name, tmp_path / f"{name}.report.json"
        result = run_cli(
            "convert", str(DATA / "dois_page.json"), *extra, "-o", str(out), "--report", str(report)
        )
        assert result.returncode == 1, result.stderr  # the broken record is rejected, the others converted
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["converted"] == 3 and data["rejected"] == 1
        assert any(item["element"] == "creators[0].affiliation[0]" for item in data["residue"])
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"https://doi.org/10.5281/zenodo.7000001" in outputs[0]
    out = tmp_path / "xml.ttl"
    result = run_cli("convert", str(DATA / "resource.xml"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    again = tmp_path / "xml-again.ttl"
    run_cli("convert", str(DATA / "resource.xml"), "--from", "datacite-xml", "-o", str(again))
    assert out.read_bytes() == again.read_bytes() and b"Les biblioth" in out.read_bytes()


# ------------------------------------------------------------------ real records (../shared/realdata)


def _real(pattern: str) -> list[Path]:
    return sorted(REAL.glob(pattern)) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/datacite is not here")
@pytest.mark.parametrize("path", _real("*"), ids=lambda p: p.name)
def test_real_records_read_cleanly(path: Path) -> None:
    found = _read(path)
    notices = _notices(found)
    assert notices and not [o for o in found if isinstance(o, RecordError)]
    for notice in notices:
        assert notice.titles and notice.id.scheme.value == "doi" and notice.issued


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/datacite is not here")
def test_real_records_spot_checks() -> None:
    (lipics,) = _notices(_read(REAL / "datacite_lipics.tqc.2013.93.json"))
    assert lipics.type.value == "conference_paper" and lipics.container is not None
    assert lipics.container.issn is not None and lipics.container.issn.value == "1868-8969"
    assert [c.role.value for c in lipics.contributors] == ["editor", "editor"]
    (figshare,) = _notices(_read(REAL / "datacite_figshare.1449060.json"))
    assert figshare.creators[0].identifiers[0].value == "0000-0002-2874-287X"
    assert figshare.disciplines[0].labels[0].value == "Biological sciences"
    (full,) = _notices(_read(REAL / "datacite-xml_example-full-v4.4.xml"))
    assert full.titles[0].value == "Full DataCite XML Example: Demonstration of DataCite Properties."
    assert full.container is not None and full.container.title == "Physics letters / B"
    affiliation = _read(REAL / "datacite-xml_affiliation.xml")
    creators = _notices(affiliation)[0].creators
    assert [c.type for c in creators] == ["person", "person", "organization"]


def test_dialect_paths() -> None:
    assert Dialect.XML.path(("creators", 2, "name")) == "creators/creator[3]/creatorName"
    assert (
        Dialect.XML.path(("contributors", 0, "contributorType"))
        == "contributors/contributor[1]/@contributorType"
    )
    assert Dialect.XML.path(("titles", 1, "lang")) == "titles/title[2]/@xml:lang"
    assert Dialect.JSON.path(("publisher", "publisherIdentifier")) == "publisher.publisherIdentifier"
