"""BibTeX/BibLaTeX reader (readers/bibtex.py).

Fixtures in ``tests/data/readers/bibtex/`` are our own, modelled on the real exports of
``../shared/realdata/bibtex/`` (read too when present)."""

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
from notice_ld.readers import InputFormat, Outcome, ReaderOptions, Residue, read, read_path
from notice_ld.readers.bibtex import decode_latex, latex_decoder, value_text
from notice_ld.readers.detect import detect

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "readers" / "bibtex"
REAL = ROOT.parent / "shared" / "realdata" / "bibtex"


def _read(data: bytes, options: ReaderOptions | None = None, name: str = "refs.bib") -> list[Outcome]:
    return list(read(io.BytesIO(data), InputFormat.BIBTEX, name=name, options=options))


def _notices(found: list[Outcome]) -> list[Notice]:
    return [o for o in found if isinstance(o, Notice)]


def _errors(found: list[Outcome]) -> list[RecordError]:
    return [o for o in found if isinstance(o, RecordError)]


def _residue(found: list[Outcome]) -> dict[str, list[tuple[str, str]]]:
    return {r.record: [(i.element, i.value) for i in r.items] for r in found if isinstance(r, Residue)}


@pytest.fixture(scope="module")
def library() -> list[Outcome]:
    return list(read_path(DATA / "library.bib"))


def _by_id(found: list[Outcome]) -> dict[str, Notice]:
    return {n.id.value: n for n in _notices(found)}


# ------------------------------------------------------------------ the library fixture


def test_every_entry_of_a_reference_managers_export_goes_through(library: list[Outcome]) -> None:
    assert not _errors(library)
    assert len(_notices(library)) == 8


def test_article_fields_latex_and_string_macros(library: list[Outcome]) -> None:
    article = _by_id(library)["10.3917/esu.412.0087"]
    assert article.type.value == "article"
    assert article.titles[0].value == (
        "Habiter le périurbain : trajectoires résidentielles et ancrages locaux dans l'Ouest francilien"
    )
    assert [(c.family, c.given) for c in article.creators if isinstance(c, Person)] == [
        ("Dumoulin", "Claire"),
        ("Le Goff", "Yannick"),
    ]
    assert article.creators_et_al  # "and others"
    container = article.container
    assert container is not None
    assert container.title == "Espaces et sociétés urbaines"  # @string ESU # urbaines
    assert (container.volume, container.issue, container.pages) == ("41", "2", "87-112")
    assert container.issn is not None and container.issn.value == "1287-4639"
    assert article.issued == "2022-03-15"  # year, month macro, day
    assert article.languages == ("fr",)  # langid = french (a babel name)
    assert [k.value for k in article.keywords] == [
        "périurbain",
        "trajectoires résidentielles",
        "ancrage local",
    ]
    assert article.abstracts[0].value == (
        "L'article étudie les trajectoires.\n\nUn second paragraphe, à 50% au moins."
    )
    assert article.landing_page == "https://shs.hal.science/halshs-04187263"
    assert [i.value for i in article.identifiers] == ["halshs-04187263"]  # the HAL id of the URL
    assert _residue(library)["10.3917/esu.412.0087"] == [
        ("urldate", "2023-01-04"),
        ("file", "Full Text PDF:files/12/Dumoulin.pdf:application/pdf"),
    ]


def test_types_containers_and_publishers(library: list[Outcome]) -> None:
    by_id = _by_id(library)
    book = by_id["978-92-4-069481-1"]  # a book known by its ISBN only
    assert book.type.value == "book"
    assert isinstance(book.creators[0], Organization)
    assert book.creators[0].name == "World Health Organization"  # {…}: an organisation
    assert book.container is not None and book.container.type.value == "series"
    assert (book.container.title, book.container.volume) == ("Technical Series", "3")
    assert _residue(library)["978-92-4-069481-1"] == [("address", "Genève"), ("note", "Also in French")]

    chapter = by_id["10.5555/mmpe.2004.ch3"]
    assert chapter.type.value == "chapter" and chapter.issued == "2004-05"  # biblatex date
    assert chapter.container is not None and chapter.container.type.value == "book"
    assert chapter.container.isbn is not None and chapter.container.isbn.value == "978-1-57181-999-4"
    assert [(c.role.value, c.agent.display_name) for c in chapter.contributors] == [
        ("editor", "Brendan Halloran"),
        ("editor", "Ida Sørensen"),  # {\o}
    ]

    paper = by_id["hal-02198745"]  # hal_id
    assert paper.type.value == "conference_paper"
    assert paper.titles[0].value == "Graphes de connaissances & humanités numériques"
    assert [c.display_name for c in paper.creators] == ["Jörg Müller", "Benoît François"]
    assert paper.container is not None and paper.container.type.value == "proceedings"
    assert paper.container.title == "Actes du colloque Humanistica"  # \textit{} dropped

    thesis = by_id["tel-03512874"]
    assert (thesis.type.value, thesis.type_label) == ("thesis", "Thèse de doctorat")
    assert thesis.publisher is not None and thesis.publisher.display_name == "Université Lumière Lyon 2"
    assert [(c.role.value, c.agent.display_name) for c in thesis.contributors] == [
        ("thesis_advisor", "Paul Durand")
    ]
    assert thesis.issued == "2021-12" and thesis.languages == ("fr",)

    report = by_id["10670/1.0dl6ke"]  # a Handle URL
    assert report.type.value == "report"
    assert report.container is not None
    assert (report.container.title, report.container.issue) == ("OIVE Infos", "47")

    preprint = by_id["10.48550/arxiv.1706.03762"]  # eprint + archivePrefix = arXiv
    assert preprint.type.value == "other" and preprint.issued == "2017"

    post = by_id["https://archoralnum.hypotheses.org/1432"]
    assert post.license is not None
    assert post.license.iri == "https://creativecommons.org/licenses/by/4.0/"


# ------------------------------------------------------------------ values, LaTeX, names


def test_values_are_evaluated_as_bibtex_does() -> None:
    assert value_text('"Vie " # vs', {"vs": "sociale"}).text == "Vie sociale"
    assert value_text("{a {b} c}", {}).text == "a {b} c"
    assert value_text("2019", {}).text == "2019"
    assert value_text("feb", {}).text == "February"
    assert value_text("nomacro", {}).notes


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"{\'e}t{\'e}", "été"),
        (r"\"{o}", "ö"),
        (r"\c{c}", "ç"),
        (r"1990--2000", "1990–2000"),
        (r"R\&D", "R&D"),
        (r"{{Protected}} Title", "Protected Title"),
        (r"\textit{italic} and \emph{em}", "italic and em"),
        (r"{\ae}{\o}{\ss}\v{s}{\l}", "æøßšł"),
        (r"50% of R&D", "50% of R&D"),  # not a comment, not an alignment tab
        (r"\textbraceleft{}x\textbraceright{} \textasciicircum{}", "{x} ^"),
        (r"\og Bonjour\fg{}", "«Bonjour»"),
        (r"\LaTeX{} and \TeX", "LaTeX and TeX"),
        (r"\href{https://a.org}{the page}", "the page"),
    ],
)
def test_latex_is_decoded(latex: str, text: str) -> None:
    assert decode_latex(latex, latex_decoder()) == (text, None)


def test_names() -> None:
    data = rb"""@article{k, doi = {10.1234/k}, title = {T},
      author = {Jean de la Fontaine and Doe, Jr., John and {Ecole des hautes {\'e}tudes} and
                M{\"u}ller, J{\"o}rg and x and \&, y and others},
      editor = {Roe, R.}}"""
    (notice,) = _notices(_read(data))
    assert [(type(a).__name__, a.display_name) for a in notice.creators] == [
        ("Person", "Jean de la Fontaine"),
        ("Person", "John Doe Jr."),
        ("Organization", "Ecole des hautes études"),
        ("Person", "Jörg Müller"),
        ("Person", "x"),
        ("Person", "y &"),  # a backslash escape after " and " (bibtexparser's splitter drops it)
    ]
    first = notice.creators[0]
    assert isinstance(first, Person) and (first.family, first.given) == ("de la Fontaine", "Jean")
    assert notice.creators_et_al
    assert [c.agent.display_name for c in notice.contributors] == ["R. Roe"]


def test_dates() -> None:
    def issued(fields: str) -> tuple[str | None, list[tuple[str, str]]]:
        found = _read(f"@misc{{k, doi = {{10.1234/k}}, title = {{T}}, {fields}}}".encode())
        (notice,) = _notices(found)
        return notice.issued, next(iter(_residue(found).values()), [])

    assert issued("year = 2019, month = {April}") == ("2019-04", [])
    assert issued("year = 2019, month = {4}, day = {25}") == ("2019-04-25", [])
    assert issued("year = 2019, month = dec") == ("2019-12", [])
    assert issued("date = {2019-05/2019-06}")[0] == "2019-05"
    assert issued("year = 2019, month = {Brumaire}") == ("2019", [("month", "Brumaire")])
    assert issued("year = {circa 2019}") == ("2019", [("year", "circa 2019")])  # the note says why
    assert issued("year = {n.d.}") == (None, [("year", "n.d.")])


# ------------------------------------------------------------------ isolation, errors, limits


def test_a_bad_entry_costs_that_entry_only() -> None:
    found = list(read_path(DATA / "broken_among_good.bib"))
    assert [n.id.value for n in _notices(found)] == [
        "10.1234/good.1",
        "https://example.org/books/2",
        "10.1234/good.3",
    ]
    errors = _errors(found)
    assert [e.record for e in errors] == [
        f"unbalanced_braces ({DATA / 'broken_among_good.bib'}:8)",
        f"no_identifier ({DATA / 'broken_among_good.bib'}:20)",
        f"missing_equals ({DATA / 'broken_among_good.bib'}:26)",
    ]
    assert "not valid BibTeX" in errors[0].problem
    assert "no usable identifier" in errors[1].problem and "--prefix" in errors[1].fix


def test_a_minter_gives_an_entry_without_identifier_a_handle_from_its_key() -> None:
    data = b"@article{poe1845raven, title = {The Raven}, year = 1845}\n"
    options = ReaderOptions(minter=HandleMinter("10670"))
    (notice,) = _notices(_read(data, options))
    assert notice.id.value == HandleMinter("10670").mint("poe1845raven")
    assert _notices(_read(data, options))[0].id == notice.id  # same key, same Handle


def test_a_byte_that_is_not_utf8_costs_its_entry() -> None:
    data = b"@misc{a, doi = {10.1234/a}, title = {Caf\xe9}}\n@misc{b, doi = {10.1234/b}, title = {B}}\n"
    found = _read(data)
    assert [n.id.value for n in _notices(found)] == ["10.1234/b"]
    (error,) = _errors(found)
    assert (error.record, error.field) == ("a (refs.bib:1)", "title")
    assert "0xE9" in error.problem


def test_an_entry_over_the_size_limit_is_skipped_while_it_streams() -> None:
    big = b"@misc{big, doi = {10.1234/big}, abstract = {" + b"x" * 5000 + b"}}\n"
    small = b"@misc{small, doi = {10.1234/small}, title = {S}}\n"
    found = _read(big + small, ReaderOptions(max_record_bytes=1024))
    assert [n.id.value for n in _notices(found)] == ["10.1234/small"]
    (error,) = _errors(found)
    assert "over the limit of 1,024 bytes" in error.problem and error.record == "refs.bib:1"


def test_unknown_entry_types_and_fields_go_to_the_residue() -> None:
    found = _read(b"@poem{p, doi = {10.1234/p}, title = {P}, meter = {iamb}}")
    (notice,) = _notices(found)
    assert notice.type.value == "other"
    assert _residue(found)["10.1234/p"] == [("@poem", "p"), ("meter", "iamb")]


def test_strings_apply_across_the_file_and_comments_are_skipped() -> None:
    data = (
        b'% a comment\n@comment{ignored}\n@preamble{"\\newcommand{\\x}{}"}\n'
        b'@string{j = "Journal"}\n\n'
        + b"\n".join(
            f"@article{{a{i}, doi = {{10.1234/a{i}}}, title = {{T}}, journal = j}}".encode() for i in range(3)
        )
    )
    found = _read(data)
    assert not _errors(found) and not _residue(found)
    assert [n.container.title for n in _notices(found) if n.container] == ["Journal"] * 3


def test_the_reader_streams_entry_by_entry() -> None:
    served = 0

    class Counting(io.RawIOBase):
        def __init__(self) -> None:
            self.n = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            nonlocal served
            entry = f"@misc{{k{self.n}, doi = {{10.1234/k{self.n}}}, title = {{T}}}}\n".encode()
            self.n += 1
            buffer[: len(entry)] = entry
            served += len(entry)
            return len(entry)

    outcomes = read(io.BufferedReader(Counting(), 1 << 16), InputFormat.BIBTEX, name="endless.bib")
    for _ in range(10):
        next(outcomes)
    assert served < 300_000  # an endless file: ten notices out after reading a few buffers


def test_same_input_same_outcomes() -> None:
    data = (DATA / "library.bib").read_bytes()
    first = [o.to_dict() if isinstance(o, Notice) else repr(o) for o in _read(data)]
    assert first == [o.to_dict() if isinstance(o, Notice) else repr(o) for o in _read(data)]


# ------------------------------------------------------------------ detection, CLI


@pytest.mark.parametrize("name", ["library.bib", "broken_among_good.bib"])
def test_detect_finds_bibtex(name: str) -> None:
    data = (DATA / name).read_bytes()
    assert detect(data[:65536], "refs.txt") is InputFormat.BIBTEX


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "notice_ld", *args], capture_output=True, text=True, env=env)


def test_convert_finds_the_format_and_writes_the_same_bytes(tmp_path: Path) -> None:
    outputs = []
    for name, extra in (("found.jsonl", ()), ("given.jsonl", ("--from", "bibtex"))):
        out, report = tmp_path / name, tmp_path / f"{name}.report.json"
        result = run_cli(
            "convert", str(DATA / "broken_among_good.bib"), *extra, "-o", str(out), "--report", str(report)
        )
        assert result.returncode == 1, result.stderr  # three bad entries rejected, the others converted
        data = json.loads(report.read_text(encoding="utf-8"))
        assert data["converted"] == 3 and data["rejected"] == 3
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b"10.1234/good.3" in outputs[0]


# ------------------------------------------------------------------ real exports (../shared/realdata)


def _real() -> list[Path]:
    return sorted(REAL.glob("*.bib")) if REAL.is_dir() else []


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata/bibtex is not here")
@pytest.mark.parametrize("path", _real(), ids=lambda p: p.name)
def test_real_exports_read_cleanly(path: Path) -> None:
    assert detect(path.read_bytes()[:65536], str(path)) is InputFormat.BIBTEX
    found = list(read_path(path, options=ReaderOptions(minter=HandleMinter("10670"))))
    notices = _notices(found)
    assert notices and not _errors(found)
    for notice in notices:
        assert notice.titles and notice.issued and notice.creators


@pytest.mark.skipif(not (REAL / "commonmeta_crossref.bib").is_file(), reason="realdata absent")
def test_real_crossref_export_spot_checks() -> None:
    (notice,) = _notices(list(read_path(REAL / "commonmeta_crossref.bib")))
    assert notice.id.value == "10.7554/elife.01567"
    assert (
        notice.publisher is not None and notice.publisher.display_name == "eLife Sciences Organisation, Ltd."
    )
    assert notice.container is not None and notice.container.title == "eLife"
    assert notice.license is not None and notice.license.iri == "https://creativecommons.org/licenses/by/3.0/"
    assert notice.issued == "2014-02" and len(notice.creators) == 5
