"""Crossref REST JSON reader, and the JSON record layer it stands on (readers/jsonrecords.py).

Fixtures in ``tests/data/readers/crossref/`` are our own, modelled on the real answers of
``../shared/realdata/crossref/`` (read too when present)."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, Outcome, ReaderOptions, Residue, read, read_path
from notice_ld.readers.crossref import jats_text
from notice_ld.readers.detect import detect
from notice_ld.readers.jsonrecords import JsonRecord, NotRecords, json_records

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "crossref"
REAL = ROOT.parent / "shared" / "realdata" / "crossref"


def _read(data: bytes, options: ReaderOptions | None = None, name: str = "in.json") -> list[Outcome]:
    return list(read(io.BytesIO(data), InputFormat.CROSSREF, name=name, options=options))


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _errors(found: list[Outcome]) -> list[RecordError]:
    return [o for o in found if isinstance(o, RecordError)]


def _residue(found: list[Outcome], notice: Notice) -> dict[str, str]:
    index = found.index(notice)
    after = found[index + 1] if index + 1 < len(found) else None
    return {i.element: i.value for i in after.items} if isinstance(after, Residue) else {}


def _work(**fields: Any) -> dict[str, Any]:
    return {"DOI": "10.9999/x", "type": "journal-article", "title": ["T"], **fields}


# ------------------------------------------------------------------ one work, every field


def test_a_work_answer_maps_every_field_the_notice_holds() -> None:
    found = list(read_path(DATA / "work.json"))
    [notice] = _notices(found)
    assert notice.id.value == "10.9999/reu.2021.0042" and notice.type.value == "article"
    assert [t.value for t in notice.titles] == [
        "Habiter la ville dense: Enquête sur trois quartiers lyonnais"
    ]
    creators = notice.creators
    assert [c.display_name for c in creators] == [
        "Claire Dupont-Moreau",
        "Jean de La Fontaine",
        "Collectif Habitat Dense",
    ]
    assert creators[0].identifiers[0].value == "0000-0002-1825-0097"
    assert creators[2].type == "organization"
    [editor] = notice.contributors
    assert editor.role.value == "editor" and editor.agent.display_name == "Marie Curie"
    assert notice.issued == "2021-06-01"
    container = notice.container
    assert container is not None and container.title == "Revue d'études urbaines"
    assert (container.issn.value, container.eissn.value) == ("1234-5679", "2049-3630")  # by issn-type
    assert (container.volume, container.issue, container.pages) == ("12", "2", "45-67")
    assert notice.publisher is not None and notice.publisher.display_name == "Presses universitaires de Lyon"
    assert notice.languages == ("fr",)
    assert notice.abstracts[0].value == (
        "Les quartiers péricentraux changent & se densifient.\n\nSecond paragraph on two lines."
    )
    assert [s.labels[0].value for s in notice.subjects] == [
        "Urban Studies",
        "Geography, Planning and Development",
    ]
    assert (
        notice.license is not None and notice.license.iri == "https://creativecommons.org/licenses/by-nc/4.0/"
    )
    assert notice.landing_page == "https://revues.example.org/reu/42"
    residue = _residue(found, notice)
    assert residue["author[0].affiliation[0]"] == "Université Lumière Lyon 2 & CNRS"
    assert residue["published-print"] == "2021-09"
    assert residue["license[0]"] == "https://example.org/tdm-licence"
    assert residue["license[1].start"] == "2022-01-01"  # an embargo: the licence applies later
    assert "relation.is-preprint-of" not in residue  # a preprint is a version of the work
    assert [(r.type.value, r.iri) for r in notice.relations] == [
        ("is_version_of", "https://doi.org/10.9999/preprint.17")
    ]
    assert "Agence Nationale de la Recherche" in residue["funder[0]"]
    assert residue["reference"] == "2 cited references (1 with a DOI)"
    # administrative fields are not residue
    assert not {"indexed", "score", "member", "link", "deposited"} & set(residue)


def test_a_works_page_gives_every_type_its_container() -> None:
    found = list(read_path(DATA / "works_page.json"))
    chapter, paper, preprint, thesis = _notices(found)
    assert chapter.type.value == "chapter" and chapter.container is not None
    assert chapter.container.type.value == "book" and chapter.container.isbn is not None
    assert chapter.container.isbn.value == "978-2-7535-1234-4"
    assert _residue(found, chapter)["ISBN[1]"] == "978-2-7535-1235-1"
    assert [c.agent.display_name for c in chapter.contributors] == ["Anne Leroy"]
    assert paper.type.value == "conference_paper" and paper.container is not None
    assert paper.container.type.value == "proceedings"
    assert "event" in _residue(found, paper)
    assert preprint.type.value == "working_paper" and preprint.issued == "2020-11-03"
    assert thesis.type.value == "thesis" and thesis.publisher is not None
    assert thesis.publisher.display_name == "Université de Lyon"  # the institution, as no publisher is given


def test_json_lines_of_items_isolate_bad_lines(tmp_path: Path) -> None:
    found = list(read_path(DATA / "items.jsonl"))
    assert [n.id.value for n in _notices(found)] == ["10.9999/978-2-7535-1234-4_3", "10.9999/conf.2020.7"]
    broken, untitled = _errors(found)
    assert broken.record == f"{DATA / 'items.jsonl'}:2" and "not valid JSON" in broken.problem
    assert untitled.record == f"10.9999/untitled ({DATA / 'items.jsonl'}:3)" and untitled.field == "title"


def test_a_gzip_data_file_of_items_is_read() -> None:
    found = list(read_path(DATA / "items.json.gz"))
    assert [n.type.value for n in _notices(found)] == ["chapter", "conference_paper", "working_paper"]
    assert not _errors(found)
    assert _notices(found)[0].titles[0].value == "Les jardins partagés"


def test_api_error_answers_and_non_works_are_errors_not_crashes() -> None:
    answer = {"status": "error", "message-type": "validation-failure", "message": [{"message": "bad filter"}]}
    [error] = _read(json.dumps(answer).encode())
    assert isinstance(error, RecordError) and "the Crossref API answered 'error'" in error.problem
    found = _read(b'[1, "x", null, {"DOI": "10.9999/y", "title": ["Y"]}]')
    assert [type(o).__name__ for o in found] == ["RecordError", "RecordError", "RecordError", "Notice"]
    assert found[0].problem == "a record must be a JSON object, not a number"


def test_a_work_without_doi_is_an_error_naming_the_field_to_give() -> None:
    [error] = _read(json.dumps({"type": "journal-article", "title": ["T"]}).encode())
    assert isinstance(error, RecordError) and "no usable identifier" in error.problem
    assert "DOI" in error.fix


def test_values_the_model_refuses_go_to_the_residue_not_the_record() -> None:
    work = _work(
        author=[{"family": "A", "ORCID": "https://orcid.org/0000-0002-1825-0098"}, {"family": "B"}],
        issued={"date-parts": [[2020, 2, 30]]},
        language="xx-not-a-language-at-all",
        ISSN=["1234-5678"],
    )
    found = _read(json.dumps(work).encode())
    [notice] = _notices(found)
    assert [c.display_name for c in notice.creators] == ["A", "B"] and notice.creators[0].identifiers == ()
    assert notice.issued == "2020-02" and notice.languages == ()
    residue = _residue(found, notice)
    assert {"author[0].ORCID", "issued", "language", "ISSN[0]"} <= set(residue)


def test_dates_fall_back_to_print_online_posted() -> None:
    found = _read(json.dumps(_work(**{"published-online": {"date-parts": [[2019, 5]]}})).encode())
    assert _notices(found)[0].issued == "2019-05"


def test_types_map_to_the_model_and_keep_unknown_ones_as_labels() -> None:
    cases = {
        "journal-article": ("article", None),
        "book-chapter": ("chapter", None),
        "monograph": ("book", None),
        "proceedings-article": ("conference_paper", None),
        "dissertation": ("thesis", None),
        "dataset": ("dataset", None),
        "report": ("report", None),
        "peer-review": ("other", "peer-review"),
    }
    for crossref, (kind, label) in cases.items():
        [notice] = _notices(_read(json.dumps(_work(type=crossref)).encode()))
        assert (notice.type.value, notice.type_label) == (kind, label), crossref
    [blog] = _notices(_read(json.dumps(_work(type="posted-content", subtype="blog")).encode()))
    assert (blog.type.value, blog.type_label) == ("other", "posted-content (blog)")


def test_jats_abstracts_are_stripped_safely() -> None:
    assert (
        jats_text("<jats:sec><jats:title>Summary</jats:title><jats:p>A <b>b</b> c</jats:p></jats:sec>")
        == "A b c"
    )
    bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><jats:p>&b; x</jats:p>'
    text = jats_text(bomb)
    assert text.endswith("&b; x") and "aaaa" not in text  # no entity is defined, fetched or expanded
    assert jats_text("<jats:p>unclosed <jats:italic>tags") == "unclosed tags"


# ------------------------------------------------------------------ the JSON record layer


def _records(data: bytes, limit: int = 1 << 20) -> list[str]:
    def unwrap(value: Any) -> Any:
        if isinstance(value, dict) and "message" in value:
            message = value["message"]
            return message["items"] if isinstance(message, dict) and "items" in message else message
        if isinstance(value, dict) and value.get("error"):
            return NotRecords("an error answer", "ask again")
        return None

    return [
        x.where if isinstance(x, JsonRecord) else str(x)
        for x in json_records(io.BytesIO(data), "f", limit, unwrap, lambda r: r.get("DOI"))
    ]


def test_record_positions_in_every_shape() -> None:
    one = json.dumps({"DOI": "a"}).encode()
    page = json.dumps({"message": {"items": [{"DOI": "a"}, {"DOI": "b"}]}}, indent=1).encode()
    assert _records(one) == ["f:1"]  # a document on one line reads as JSON Lines
    assert _records(page) == ["f[0]", "f[1]"]
    assert _records(b"[\n" + one + b",\n" + one + b"\n]") == ["f[0]", "f[1]"]
    assert _records(one + b"\n\n" + json.dumps({"message": {"items": [{}, {}]}}).encode()) == [
        "f:1",
        "f:3[0]",
        "f:3[1]",
    ]
    assert _records(json.dumps({"message": {"DOI": "a"}}, indent=2).encode()) == ["f"]
    assert _records(b'{"error": true}') == ["record f:1: an error answer (fix: ask again)"]


def test_a_page_cut_short_keeps_the_complete_records_before_the_cut() -> None:
    page = json.dumps(
        {"message": {"items": [{"DOI": f"10.9/{i}", "title": ["t"]} for i in range(5)]}}, indent=1
    )
    cut = page[: page.index('"10.9/3"') + 4]
    found = _records(cut.encode())
    assert found[:3] == ["f[0]", "f[1]", "f[2]"] and len(found) == 4
    assert found[3].startswith("record f: not valid JSON") and "the records before it were read" in found[3]


def test_one_bad_record_costs_itself_only() -> None:
    huge = '{"DOI": "10.9/h", "n": 1' + "0" * 5000 + "}"
    deep = '{"DOI": "10.9/d", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    latin1 = b'{"DOI": "10.9/l", "title": ["caf\xe9"]}'
    page = (
        b'{"message": {"items": [\n{"DOI": "10.9/a"},\n'
        + huge.encode()
        + b",\n"
        + deep.encode()
        + b",\n"
        + latin1
        + b',\n{"DOI": "10.9/z"}]}}'
    )
    found = _records(page)
    assert found[0] == "f[0]" and found[-1] == "f[4]"
    assert "10.9/h (f[1]), field n: the record holds an integer of 5,001 digits" in found[1]
    assert "10.9/d (f[2]), field x[0]" in found[2] and "too deeply" in found[2]
    assert "10.9/l (f[3]), field title[0]: holds the byte 0xE9" in found[3]
    # the same, one record per line
    lines = b"\n".join([b'{"DOI": "10.9/a"}', huge.encode(), deep.encode(), latin1, b'{"DOI": "10.9/z"}'])
    found = _records(lines)
    assert found[0] == "f:1" and found[-1] == "f:5" and all(x.startswith("record") for x in found[1:4])


def test_the_size_limit_is_per_record() -> None:
    big = {"DOI": "10.9/big", "abstract": "x" * 3000}
    page = json.dumps({"message": {"items": [{"DOI": "10.9/a"}, big, {"DOI": "10.9/b"}]}}, indent=1).encode()
    found = _records(page, limit=2048)
    assert found[0] == "f[0]" and found[2] == "f[2]"
    assert "10.9/big (f[1]): the record is 3," in found[1] and "over the limit of 2,048 bytes" in found[1]
    lines = b'{"DOI": "a"}\n' + json.dumps(big).encode() + b'\n{"DOI": "b"}\n'
    found = _records(lines, limit=2048)
    assert found[0] == "f:1" and found[2] == "f:3" and "over the limit" in found[1]


def test_a_utf16_file_is_one_clear_error() -> None:
    data = codecs.BOM_UTF16_LE + json.dumps({"message": {"DOI": "a"}}).encode("utf-16-le")
    [error] = _records(data)
    assert "the file is UTF-16 text" in error and "iconv -f UTF-16" in error


def test_json_lines_stream_line_by_line() -> None:
    """A JSON Lines input is never read whole: the stream is consumed as records are asked for."""

    class Counting(io.BytesIO):
        def __init__(self, data: bytes) -> None:
            super().__init__(data)
            self.served = 0

        def readinto(self, buffer: Any) -> int:
            size = super().readinto(buffer)
            self.served += size
            return size

    line = json.dumps({"DOI": "10.9/x", "title": ["t" * 200]}).encode() + b"\n"
    raw = Counting(line * 20_000)  # 4.6 MB
    records = json_records(io.BufferedReader(raw, 1 << 16), "f", 1 << 20, lambda v: None, lambda r: None)
    for _ in range(10):
        next(records)
    assert raw.served < 200_000


# ------------------------------------------------------------------ detection, CLI


@pytest.mark.parametrize("name", ["work.json", "works_page.json", "items.jsonl", "items.json.gz"])
def test_detect_finds_crossref(name: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect(data[:65536], name) is InputFormat.CROSSREF
    if not name.endswith(".gz"):
        assert detect(gzip.compress(data)[:65536], name + ".gz") is InputFormat.CROSSREF


def test_detect_finds_a_big_page_whose_head_does_not_read_whole() -> None:
    items = [{"DOI": f"10.9/{i}", "member": "1", "title": ["t" * 500]} for i in range(400)]
    compact = json.dumps({"status": "ok", "message-type": "work-list", "message": {"items": items}}).encode()
    pretty = json.dumps({"items": items}, indent=2).encode()
    assert len(compact) > 65536 and detect(compact[:65536], "p.json") is InputFormat.CROSSREF
    assert detect(pretty[:65536], "p.json") is InputFormat.CROSSREF


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_finds_the_format_and_writes_the_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for name, extra in (("found.jsonl", ()), ("given.jsonl", ("--from", "crossref"))):
        out, report = tmp_path / name, tmp_path / f"{name}.report.json"
        result = run_cli(
            "convert", str(DATA / "items.jsonl"), *extra, "-o", str(out), "--report", str(report)
        )
        assert result.returncode == 1, result.stderr  # two bad lines rejected, the others converted
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["converted"] == 2 and data["rejected"] == 2
        assert any(item["element"] == "publisher-location" for item in data["residue"])
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"10.9999/conf.2020.7" in outputs[0]


# ------------------------------------------------------------------ real answers (../shared/realdata)


def _real() -> list[Path]:
    return sorted(REAL.glob("*.json")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/crossref is not here")
@pytest.mark.parametrize("path", _real(), ids=lambda p: p.name)
def test_real_answers_read_cleanly(path: Path) -> None:
    assert detect(path.read_bytes()[:65536], str(path)) is InputFormat.CROSSREF
    found = list(read_path(path))
    notices = _notices(found)
    assert notices and not _errors(found)
    for notice in notices:
        assert notice.id.scheme.value == "doi" and notice.titles and notice.issued


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/crossref is not here")
def test_real_answers_spot_checks() -> None:
    [urologe] = _notices(list(read_path(REAL / "crossref_s00120-007-1345-2.json")))
    assert [t.value for t in urologe.titles] == [
        "Penisverletzung durch eine Moulinette: Folge einer autoerotischen Selbstverstümmelung",
        "Penile injury caused by a Moulinette: Result of autoerotic self-mutilation",
    ]
    assert urologe.container is not None and urologe.container.issn is not None
    assert (urologe.container.issn.value, urologe.container.eissn.value) == ("0340-2592", "1433-0563")
    [sigmod] = _notices(list(read_path(REAL / "crossref_3448016.3452841.json")))
    assert sigmod.type.value == "conference_paper" and sigmod.issued == "2021-06-09"
    [chapter] = _notices(list(read_path(REAL / "crossref_978-3-662-46370-3_13.json")))
    assert chapter.container is not None and chapter.container.title == "Shoulder Stiffness"
    assert chapter.container.isbn is not None
    page = _notices(list(read_path(REAL / "crossref_works_prefix-10.5555_list.json")))
    assert len(page) == 20
