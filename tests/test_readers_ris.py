"""RIS reader (readers/ris.py).

Fixtures in ``tests/data/readers/ris/`` are our own, modelled on the real exports of
``../shared/realdata/ris/`` (read too when present)."""

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
from notice_ld.model import Notice, Organization, Person
from notice_ld.readers import InputFormat, Outcome, ReaderOptions, ReadWarning, Residue, read, read_path
from notice_ld.readers.detect import detect
from notice_ld.readers.ris import parse_line

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "ris"
REAL = ROOT.parent / "shared" / "realdata" / "ris"


def _read(data: bytes, options: ReaderOptions | None = None, name: str = "refs.ris") -> list[Outcome]:
    return list(read(io.BytesIO(data), InputFormat.RIS, name=name, options=options))


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _errors(found: list[Outcome]) -> list[RecordError]:
    return [o for o in found if isinstance(o, RecordError)]


def _residue(found: list[Outcome]) -> dict[str, list[tuple[str, str]]]:
    return {r.record: [(i.element, i.value) for i in r.items] for r in found if isinstance(r, Residue)}


def _ris(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture(scope="module")
def library() -> list[Outcome]:
    return list(read_path(DATA / "library.ris"))


def test_every_record_of_a_database_export_goes_through(library: list[Outcome]) -> None:
    assert not _errors(library)
    assert len(_notices(library)) == 5
    (warning,) = [o for o in library if isinstance(o, ReadWarning)]
    assert warning.record.endswith("library.ris:1") and "2 lines" in warning.problem  # the header


def test_journal_article(library: list[Outcome]) -> None:
    article = _notices(library)[0]
    assert article.id.value == "halshs-04187263"  # the ID is a persistent identifier
    assert [i.value for i in article.identifiers] == ["10.3917/esu.412.0087"]
    assert article.type.value == "article"
    assert [t.value for t in article.titles] == ["Habiter le périurbain", "Living in the peri-urban areas"]
    assert [(c.family, c.given) for c in article.creators if isinstance(c, Person)] == [
        ("Dumoulin", "Claire"),
        ("Le Goff", "Yannick"),
    ]
    container = article.container
    assert container is not None and container.type.value == "journal"
    assert (container.title, container.volume, container.issue, container.pages) == (
        "Espaces et sociétés urbaines", "41", "2", "87-112",
    )  # fmt: skip
    assert container.issn is not None and container.issn.value == "1287-4639"
    assert article.issued == "2022-03-15"  # DA is more precise than PY
    assert article.languages == ("fr",)
    assert [k.value for k in article.keywords] == ["périurbain", "ancrage local"]
    assert article.abstracts[0].value == "Premier paragraphe.\n\nSecond paragraphe."
    assert article.landing_page == "https://shs.hal.science/halshs-04187263"
    assert _residue(library)["halshs-04187263"] == [
        ("N1", "Une note."),
        ("CY", "Paris"),
        ("L1", "https://shs.hal.science/halshs-04187263/document"),
        ("ZZ", "an unknown tag"),
    ]


def test_other_types(library: list[Outcome]) -> None:
    chapter, thesis, report, page = _notices(library)[1:]
    assert chapter.id.value == "10.5555/mmpe.2004.ch3"  # DO as a resolver URL
    assert chapter.type.value == "chapter" and chapter.issued == "2004-05"  # PY 2004/05//
    assert chapter.container is not None and chapter.container.type.value == "book"
    assert chapter.container.pages == "45-67"  # SP holding the range
    assert chapter.container.isbn is not None and chapter.container.isbn.value == "978-1-57181-999-4"
    assert [(c.role.value, c.agent.display_name) for c in chapter.contributors] == [
        ("editor", "Brendan Halloran"),
        ("editor", "Ida Sørensen"),
    ]
    assert chapter.publisher is not None and chapter.publisher.display_name == "Berghahn"

    assert (thesis.type.value, thesis.type_label, thesis.issued) == (
        "thesis",
        "Thèse de doctorat",
        "2021-12-01",
    )
    assert thesis.id.value == "tel-03512874"  # a HAL URL
    assert [(c.role.value, c.agent.display_name) for c in thesis.contributors] == [
        ("thesis_advisor", "Paul Durand")
    ]

    assert report.id.value == "10670/1.0dl6ke"
    assert report.container is not None
    assert (report.container.type.value, report.container.issue) == ("series", "47")  # SN: a number
    assert isinstance(report.creators[0], Organization)

    assert (page.type.value, page.issued) == ("other", "2019-07")
    assert isinstance(page.creators[0], Organization)
    assert _residue(library)["https://www.who.int/page"] == [("Y2", "2023/01/04")]


def test_tag_lines() -> None:
    assert parse_line("TI  - A title") == ("TI", "A title")
    assert parse_line("TY -  BOOK") == ("TY", "BOOK")  # loose, as some exporters write it
    assert parse_line("ER  -") == ("ER", "")
    assert parse_line("UK - based studies") is None  # not a known tag: a continuation line


def test_records_are_isolated() -> None:
    found = list(read_path(DATA / "broken_among_good.ris"))
    path = DATA / "broken_among_good.ris"
    assert [n.id.value for n in _notices(found)] == [
        "10.1234/good.1",
        "10.1234/no-er",  # read up to the next TY, with a warning
        "https://example.org/last",
    ]
    warnings = [o for o in found if isinstance(o, ReadWarning)]
    assert [w.record for w in warnings] == [f"10.1234/no-er ({path}:8)"]
    assert "no 'ER  - ' line" in warnings[0].problem
    errors = _errors(found)
    assert [(e.record, e.field) for e in errors] == [
        (f"10.1234/latin1 ({path}:13)", "line 14"),
        (f"{path}:18", ""),
        (f"10.1234/cut ({path}:28)", ""),
    ]
    assert "0xE9" in errors[0].problem
    assert "no usable identifier" in errors[1].problem
    assert "cut short" in errors[2].problem


def test_a_minter_gives_a_record_without_identifier_a_handle_from_its_id() -> None:
    data = _ris("TY  - JOUR", "ID  - poe1845", "TI  - The Raven", "ER  - ")
    (notice,) = _notices(_read(data, ReaderOptions(minter=HandleMinter("10670"))))
    assert notice.id.value == HandleMinter("10670").mint("poe1845")
    (error,) = _errors(_read(data))
    assert "--prefix" in error.fix


def test_a_record_over_the_size_limit_is_skipped() -> None:
    big = _ris("TY  - JOUR", "DO  - 10.1234/big", "AB  - " + "x" * 3000, "ER  - ")
    small = _ris("TY  - JOUR", "TI  - S", "DO  - 10.1234/small", "ER  - ")
    found = _read(big + small, ReaderOptions(max_record_bytes=1024))
    assert [n.id.value for n in _notices(found)] == ["10.1234/small"]
    (error,) = _errors(found)
    assert "over the limit of 1,024 bytes" in error.problem


def test_dates_and_serial_numbers() -> None:
    def one(*lines: str) -> tuple[Notice, list[tuple[str, str]]]:
        found = _read(_ris("TY  - JOUR", "TI  - T", "DO  - 10.1234/x", "T2  - J", *lines, "ER  - "))
        (notice,) = _notices(found)
        return notice, _residue(found).get("10.1234/x", [])

    assert one("Y1  - 2019/05/03/Spring")[0].issued == "2019-05-03"
    assert one("PY  - 2019", "DA  - 2018")[1] == [("DA", "2018")]
    assert one("PY  - 2019/13/01")[1][0][0] == "PY"
    notice, _ = one("SN  - 2050084X; 1234-5679")
    container = notice.container
    assert container is not None and container.issn is not None and container.eissn is not None
    assert (container.issn.value, container.eissn.value) == ("2050-084X", "1234-5679")
    assert one("SN  - 12345")[1] == [("SN", "12345")]


def test_same_input_same_outcomes() -> None:
    data = (DATA / "library.ris").read_bytes()
    first = [o.to_dict() if isinstance(o, Notice) else repr(o) for o in _read(data)]
    assert first == [o.to_dict() if isinstance(o, Notice) else repr(o) for o in _read(data)]


def test_the_reader_streams_record_by_record() -> None:
    served = 0

    class Counting(io.RawIOBase):
        def __init__(self) -> None:
            self.n = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            nonlocal served
            record = f"TY  - JOUR\nTI  - T\nDO  - 10.1234/k{self.n}\nER  - \n".encode()
            self.n += 1
            buffer[: len(record)] = record
            served += len(record)
            return len(record)

    outcomes = read(io.BufferedReader(Counting(), 1 << 16), InputFormat.RIS, name="endless.ris")
    for _ in range(10):
        next(outcomes)
    assert served < 300_000


# ------------------------------------------------------------------ detection, CLI


@pytest.mark.parametrize("name", ["library.ris", "broken_among_good.ris"])
def test_detect_finds_ris(name: str) -> None:
    assert detect((DATA / name).read_bytes()[:65536], "refs.txt") is InputFormat.RIS


def test_detect_finds_loose_and_headed_ris() -> None:
    assert detect(b"TY -  BOOK\nTI  - T\nER  -\n", "x.txt") is InputFormat.RIS
    assert detect(b"Provider: X\r\nDatabase: Y\r\n\r\nTY  - JOUR\r\n", "x.txt") is InputFormat.RIS


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_finds_the_format_and_writes_the_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for name, extra in (("found.jsonl", ()), ("given.jsonl", ("--from", "ris"))):
        out, report = tmp_path / name, tmp_path / f"{name}.report.json"
        result = run_cli(
            "convert", str(DATA / "library.ris"), *extra, "-o", str(out), "--report", str(report)
        )
        assert result.returncode == 0, result.stderr
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["converted"] == 5 and data["rejected"] == 0
        assert any(item["element"] == "CY" for item in data["residue"])
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"halshs-04187263" in outputs[0]


# ------------------------------------------------------------------ real exports (../shared/realdata)


def _real() -> list[Path]:
    return sorted(REAL.glob("*.ris")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/ris is not here")
@pytest.mark.parametrize("path", _real(), ids=lambda p: p.name)
def test_real_exports_read_cleanly(path: Path) -> None:
    assert detect(path.read_bytes()[:65536], str(path)) is InputFormat.RIS
    found = list(read_path(path, options=ReaderOptions(minter=HandleMinter("10670"))))
    notices = _notices(found)
    assert notices and not _errors(found)
    for notice in notices:
        assert notice.titles and notice.issued and notice.creators


@pytest.mark.skipif(not (REAL / "commonmeta_ris_bug.ris").is_file(), reason="realdata absent")
def test_real_loose_export_spot_checks() -> None:
    (notice,) = _notices(list(read_path(REAL / "commonmeta_ris_bug.ris")))
    assert (notice.id.value, notice.type.value, notice.issued) == ("10.17918/ernk-6431", "book", "2018")
    assert notice.publisher is not None and notice.publisher.display_name == "Drexel University"
