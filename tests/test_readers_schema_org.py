"""The schema.org JSON-LD reader: landing-page JSON-LD, @graph documents, JSON Lines, real pages, CLI."""

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
from notice_ld.readers import InputFormat, ReaderOptions, Residue, read, read_path
from notice_ld.readers.detect import detect

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "readers" / "schema_org"
REAL = ROOT.parent / "shared" / "realdata" / "schema_org"


def outcomes(path: Path, options: ReaderOptions | None = None) -> list[object]:
    return list(read_path(path, InputFormat.SCHEMA_ORG, options=options))


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_detect_finds_schema_org(path: Path) -> None:
    assert detect(path.read_bytes(), str(path)) is InputFormat.SCHEMA_ORG


def test_a_scholarly_article_with_every_field() -> None:
    notice, residue = outcomes(DATA / "article.jsonld")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert notice.id.value == "10.3917/vsoc.191.0123" and notice.type.value == "article"
    assert [t.value for t in notice.titles][1] == "Producing knowledge with the people concerned"
    assert notice.titles[1].lang == "en"
    person, organisation = notice.creators
    assert (person.family, person.given) == ("Jouet", "Emmanuelle")  # type: ignore[union-attr]
    assert person.identifiers[0].scheme.value == "orcid"
    assert organisation.type == "organization" and organisation.identifiers[0].value == "02feahw73"
    assert notice.contributors[0].role.value == "editor"
    assert notice.container is not None
    c = notice.container
    assert (c.title, str(c.issn), str(c.eissn), c.volume, c.issue, c.pages) == (
        "Vie sociale",
        "1950-4667",
        "2102-5878",
        "25",
        "1",
        "123-140",
    )
    assert notice.subjects[0].notation == "shs.socio" and notice.keywords[0].value == "empowerment"
    assert [i.value for i in notice.identifiers] == ["hal-01234567"]
    assert (
        notice.license is not None
        and notice.license.iri == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    )
    assert notice.landing_page == "https://www.cairn.info/revue-vie-sociale-2019-1-page-123.htm"
    assert notice.access_rights is not None and notice.access_rights.value == "open"  # isAccessibleForFree
    assert {i.element for i in residue.items} == {
        "author.affiliation",
        "dateModified",
        "funder",
    }


def test_a_yoast_graph_gives_its_article_with_referenced_people() -> None:
    notice, residue = outcomes(DATA / "yoast_graph.jsonld")
    assert isinstance(notice, Notice) and isinstance(residue, Residue)
    assert notice.creators[0].display_name == "Jane Q. Public"
    assert notice.creators[0].identifiers[0].value == "0000-0002-1825-0097"
    assert notice.publisher is not None and notice.publisher.display_name == "Example Society"
    assert [k.value for k in notice.keywords] == ["open access", "repositories"]
    assert "wordCount" in {i.element for i in residue.items}


def test_json_lines_isolate_records() -> None:
    out = outcomes(DATA / "records.jsonl")
    assert [type(o).__name__ for o in out] == ["Notice", "RecordError", "RecordError", "Notice"]
    no_id, broken = out[1], out[2]
    assert isinstance(no_id, RecordError) and no_id.record and no_id.record.endswith("records.jsonl:2")
    assert no_id.field == "identifier"
    assert isinstance(broken, RecordError) and "not valid JSON" in broken.problem
    book = out[3]
    assert isinstance(book, Notice) and book.id.scheme.value == "isbn" and book.languages == ("fr",)


def test_a_minter_identifies_a_work_without_identifier() -> None:
    out = outcomes(DATA / "records.jsonl", ReaderOptions(minter=HandleMinter("10670")))
    minted = [o for o in out if isinstance(o, Notice) and o.id.scheme.value == "handle"]
    assert len(minted) == 1 and minted[0].titles[0].value == "No identifier at all"


def test_a_document_without_works_is_one_clear_error() -> None:
    (error,) = read(
        io.BytesIO(b'{"@context": "https://schema.org", "@type": "WebSite"}'), InputFormat.SCHEMA_ORG
    )
    assert isinstance(error, RecordError) and "WebSite" in error.problem


def test_keys_as_curies_or_iris_and_language_values() -> None:
    doc = {
        "@context": {"schema": "http://schema.org/"},
        "@type": "schema:Thesis",
        "@id": "https://theses.fr/2019LYSE1001",
        "schema:name": [
            {"@value": "Une thèse", "@language": "fr"},
            {"@value": "A thesis", "@language": "en"},
        ],
        "http://schema.org/datePublished": "2019",
    }
    (notice,) = read(io.BytesIO(json.dumps(doc).encode()), InputFormat.SCHEMA_ORG)
    assert isinstance(notice, Notice) and notice.type.value == "thesis" and notice.issued == "2019"
    assert [(t.value, t.lang) for t in notice.titles] == [("Une thèse", "fr"), ("A thesis", "en")]


@pytest.mark.skipif(not REAL.exists(), reason="../shared/realdata is absent")
def test_real_pages() -> None:
    found = {}
    for path in sorted(REAL.iterdir()):
        out = list(read_path(path, InputFormat.SCHEMA_ORG))
        assert out and not [o for o in out if isinstance(o, RecordError)], path
        found[path.name] = next(o for o in out if isinstance(o, Notice))
    zenodo = found["zenodo_1_0.jsonld"]
    assert zenodo.id.value == "10.5281/zenodo.1196821" and zenodo.type.value == "dataset"
    assert [c.family for c in zenodo.creators][:2] == ["Staib", "Castegnetti"]  # type: ignore[union-attr]
    assert len(zenodo.creators) == 6 and len(zenodo.contributors) == 2 and zenodo.languages == ("en",)
    assert found["schema_org_gtex.json"].id.value == "10.25491/d50j-3083"
    assert (
        found["frontmatter-blog_r79vxn1_0.jsonld"].creators[0].identifiers[0].value == "0000-0003-1419-2405"
    )


def test_convert_with_and_without_from(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    outputs = []
    for extra in ((), ("--from", "schema_org")):
        out = tmp_path / f"o{len(extra)}.nt"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "notice_ld",
                "convert",
                str(DATA / "article.jsonld"),
                "-f",
                "ntriples",
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
    assert outputs[0] == outputs[1] and b"<https://doi.org/10.3917/vsoc.191.0123>" in outputs[0]


def test_a_graph_bigger_than_the_limit_is_read_one_work_at_a_time() -> None:
    works = [
        {"@type": "ScholarlyArticle", "@id": f"https://doi.org/10.5555/s{i}", "name": "Titre é " + "x" * 200}
        for i in range(50)
    ]
    doc = json.dumps({"@context": "https://schema.org", "@graph": works}).encode()
    options = ReaderOptions(max_record_bytes=2048)
    out = list(read(io.BytesIO(doc), InputFormat.SCHEMA_ORG, name="big.jsonld", options=options))
    assert [o.id.value for o in out if isinstance(o, Notice)] == [f"10.5555/s{i}" for i in range(50)]
    truncated = list(read(io.BytesIO(doc[:5000]), InputFormat.SCHEMA_ORG, name="big.jsonld", options=options))
    assert isinstance(truncated[-1], RecordError) and truncated[-1].record == "big.jsonld.@graph[16]"
    assert len([o for o in truncated if isinstance(o, Notice)]) == 16
