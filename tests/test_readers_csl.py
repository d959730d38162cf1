"""CSL-JSON reader; fixtures in ``tests/data/readers/csl/`` are our own, modelled on the real items
of ``../shared/realdata/csl_json/`` (read too when present). The round trip with notice_ld's own
CSL-JSON export is in ``test_roundtrip_csl.py``."""

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

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "csl"
REAL = ROOT.parent / "shared" / "realdata" / "csl_json"


def _read(items: object, options: ReaderOptions | None = None) -> list[Outcome]:
    return list(
        read(io.BytesIO(json.dumps(items).encode()), InputFormat.CSL_JSON, name="r.json", options=options)
    )


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _residue(found: list[Outcome], notice: Notice) -> dict[str, str]:
    index = found.index(notice)
    after = found[index + 1] if index + 1 < len(found) else None
    return {i.element: i.value for i in after.items} if isinstance(after, Residue) else {}


def test_an_item_maps_every_variable_the_notice_holds() -> None:
    found = list(read_path(DATA / "items.json"))
    article = _notices(found)[0]
    assert article.id.value == "10.9999/reu.2021.0042" and article.type.value == "article"
    assert article.titles[0].value == "Habiter la ville dense: Enquête sur trois quartiers lyonnais"
    assert [(getattr(c, "family", None), c.display_name) for c in article.creators] == [
        ("Dupont-Moreau", "Claire Dupont-Moreau"),
        ("de La Fontaine", "Jean de La Fontaine"),  # the non-dropping particle joins the family name
        (None, "Collectif Habitat Dense"),  # literal: an organisation
    ]
    assert [(c.role.value, c.agent.display_name) for c in article.contributors] == [("editor", "Marie Curie")]
    assert article.issued == "2021-06-01" and article.languages == ("fr-FR",)
    container = article.container
    assert container is not None and container.title == "Revue d'études urbaines"
    assert (container.issn.value, container.eissn.value) == ("1234-5679", "2049-3630")
    assert (container.volume, container.issue, container.pages) == ("12", "2", "45-67")
    assert article.landing_page == "https://revues.example.org/reu/42"
    assert article.abstracts[0].value == "Les quartiers péricentraux changent.\n\nSecond paragraphe."
    assert [k.value for k in article.keywords] == ["densification", "logement", "ville"]
    assert (
        article.publisher is not None and article.publisher.display_name == "Presses universitaires de Lyon"
    )
    assert article.collection is not None and article.collection.name == "Zotero"
    assert (
        article.license is not None
        and article.license.iri == "https://creativecommons.org/licenses/by-nc/4.0/"
    )
    residue = _residue(found, article)
    assert residue == {
        "id": "duponthabiter2021",
        "accessed": '{"date-parts":[[2024,1,5]]}',
        "journalAbbreviation": "Rev. Etud. Urb.",
        "note": "Lu en atelier",
        "publisher-place": "Lyon",
    }


def test_chapters_theses_and_blog_posts() -> None:
    found = list(read_path(DATA / "items.json"))
    _, chapter, thesis, post = _notices(found)
    assert chapter.container is not None and chapter.container.type.value == "book"
    assert chapter.container.isbn is not None and chapter.container.isbn.value == "978-2-7535-1234-4"
    assert chapter.issued == "2019"  # from "raw"
    assert thesis.id.value == "10670/1.csl0001" and thesis.id.scheme.value == "handle"  # a PID as id
    assert thesis.issued == "2018-12-07" and thesis.type_label == "Thèse de doctorat"
    assert post.type.value == "other" and post.type_label == "post-weblog"
    assert post.id.value == "https://blog.example.org/cooking"  # no DOI, no prefix: its URL
    assert [k.value for k in post.keywords] == ["Metadata", "DOIs"]
    [error] = [o for o in found if isinstance(o, RecordError)]
    assert error.record == f"notitle ({DATA / 'items.json'}[3])" and error.field == "title"


def test_minting_from_the_citation_key() -> None:
    item = {"id": "blogpost", "type": "post-weblog", "title": "T", "URL": "https://blog.example.org/x"}
    [notice, *_] = _read([item], ReaderOptions(minter=HandleMinter("10670")))
    assert isinstance(notice, Notice) and notice.id.value == HandleMinter("10670").mint("blogpost")
    assert notice.landing_page == "https://blog.example.org/x"
    [error] = _read([{"id": "k", "type": "book", "title": "T"}])
    assert (
        isinstance(error, RecordError) and "no usable identifier" in error.problem and "--prefix" in error.fix
    )


def test_single_item_and_json_lines() -> None:
    assert [n.id.value for n in _notices(list(read_path(DATA / "item.json")))] == ["10.9999/reu.2021.0042"]
    assert len(_notices(list(read_path(DATA / "items.jsonl")))) == 3


def test_csl_markup_is_read_as_markup_and_other_text_as_text() -> None:
    [notice, *_] = _read(
        [{"id": "10.9999/x", "type": "book", "title": "On <i>Bombylius</i> & <b>bees</b> <3"}]
    )
    assert isinstance(notice, Notice) and notice.titles[0].value == "On Bombylius & bees <3"


def test_names_dates_and_bad_values() -> None:
    item = {
        "id": "10.9999/x",
        "type": "article-journal",
        "title": "T",
        "author": [
            {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van", "suffix": "Jr."},
            "Bad",
            {},
        ],
        "translator": [{"family": "Tr"}],
        "issued": {"date-parts": [[2019, 13]]},
        "ISBN": "not an isbn",
        "keyword": 5,
    }
    found = _read([item])
    [notice] = _notices(found)
    assert notice.creators[0].display_name == "Ludwig van Beethoven" and len(notice.creators) == 1
    assert notice.contributors[0].role.value == "translator"
    assert notice.issued == "2019"
    residue = _residue(found, notice)
    assert {"author[0].suffix", "author[1]", "author[2]", "issued", "ISBN"} <= set(residue)


def test_literal_and_raw_dates() -> None:
    for issued, expected in (
        ({"raw": "2016-03-01T00:00:00Z"}, "2016-03-01"),
        ({"literal": "c. 1850"}, "1850"),
        ("2001", "2001"),
    ):
        [notice, *_] = _read([{"id": "10.9999/x", "type": "book", "title": "T", "issued": issued}])
        assert isinstance(notice, Notice) and notice.issued == expected


@pytest.mark.parametrize("name", ["items.json", "item.json", "items.jsonl"])
def test_detect_finds_csl_json(name: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect(data[:65536], name) is InputFormat.CSL_JSON
    assert detect(gzip.compress(data)[:65536], name + ".gz") is InputFormat.CSL_JSON


def test_convert_finds_the_format_and_writes_the_same_bytes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    outputs = []
    for name, extra in (("found.ttl", ()), ("given.ttl", ("--from", "csl-json"))):
        out = tmp_path / name
        result = subprocess.run(
            [sys.executable, "-m", "notice_ld", "convert", str(DATA / "items.json"), *extra, "-o", str(out)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 1, result.stderr  # the item without a title is rejected
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"10.9999/reu.2021.0042" in outputs[0]


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/csl_json is not here")
def test_real_items_read_cleanly() -> None:
    found = list(read_path(REAL / "commonmeta_csl-list.json"))
    notices = _notices(found)
    assert len(notices) == 17 and not [o for o in found if isinstance(o, RecordError)]
    assert notices[0].id.value == "10.1371/journal.pone.0134826" and notices[0].container is not None
    [post] = _notices(list(read_path(REAL / "commonmeta_citeproc.json")))
    assert post.id.value == "10.5438/4k3m-nyvg" and post.publisher is not None
    assert post.publisher.display_name == "DataCite" and post.issued == "2016-12-20"
