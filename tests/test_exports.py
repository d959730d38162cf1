"""BibTeX, RIS and CSL-JSON exports: parsed back by independent readers, validated, rendered.

- BibTeX is parsed by bibtexparser and its LaTeX decoded by pylatexenc;
- RIS by a strict reader written here from the RIS specification, and by rispy;
- CSL-JSON is validated against the CSL-JSON schema (tests/data/csl-data.json) and rendered by
  citeproc-py with a tiny style written for these tests (tests/data/tiny-author-date.csl).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pytest
import rispy
from hypothesis import HealthCheck, given, settings
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from notice_ld import Format, Notice, map_notice, serialize
from notice_ld.citation.names import natural_name
from notice_ld.model import Organization
from notice_ld.writers import writer

from .conftest import EXAMPLES, ROOT
from .strategies import notices

DATA = Path(__file__).with_name("data")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def n(**fields: Any) -> Notice:
    data: dict[str, Any] = {"id": "10670/1.jt89mr", "titles": [{"value": "Titre"}]}
    data.update(fields)
    return Notice.from_dict(data)


def text_of(notices_: list[Notice], fmt: Format, lang: str | None = None) -> str:
    data = serialize(notices_, fmt, lang=lang)
    assert data is not None
    return data.decode("utf-8")


# ================================================================================== BibTeX

# pylatexenc knows \textbraceleft/right as nothing and \textasciicircum as U+02C6; LaTeX prints
# "{", "}" and "^" for them (the LaTeX Companion, text symbols), so the decoder is told so.
_DB = get_default_latex_context_db()
_DB.add_context_category(
    "notice-ld-test",
    prepend=True,
    macros=[
        MacroTextSpec("textbraceleft", "{"),
        MacroTextSpec("textbraceright", "}"),
        MacroTextSpec("textasciicircum", "^"),
    ],
)
_LATEX = LatexNodes2Text(latex_context=_DB, math_mode="verbatim")
_VERBATIM_FIELDS = {"doi", "url", "month"}


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(entry type, key, fields with LaTeX decoded) for every entry; fails on any unparsed block."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.raw for b in library.failed_blocks]
    entries = []
    for entry in library.entries:
        fields = {
            f.key: f.value if f.key in _VERBATIM_FIELDS else _LATEX.latex_to_text(f.value)
            for f in entry.fields
        }
        entries.append((entry.entry_type, entry.key, fields))
    return entries


def test_bibtex_of_every_example_parses_back(example_notices: list[Notice]) -> None:
    entries = parse_bibtex(text_of(example_notices, Format.BIBTEX))
    assert len(entries) == len(example_notices)
    keys = [key for _, key, _ in entries]
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z0-9]+", key) for key in keys)
    for notice, (_, _, fields) in zip(example_notices, entries, strict=True):
        assert fields["title"] == notice.titles[0].value
        if notice.issued:
            assert fields["year"] == notice.issued[:4]
            assert fields["date"] == notice.issued
    by_id = {str(notice.id): entry for notice, entry in zip(example_notices, entries, strict=True)}
    assert by_id["10670/1.jt89mr"][:2] == ("article", "jouet2019produire")
    assert by_id["10670/1.jt89mr"][2]["author"] == "Jouet, Emmanuelle and others"
    assert by_id["10670/1.jt89mr"][2]["url"] == "https://hdl.handle.net/10670/1.jt89mr"
    article = by_id["halshs-04187263"][2]
    assert (article["journal"], article["volume"], article["number"], article["pages"]) == (
        "Espaces et sociétés urbaines", "41", "2", "87–112",  # "--" is an en dash in LaTeX
    )  # fmt: skip
    assert (article["doi"], article["issn"], article["month"]) == ("10.3917/esu.412.0087", "1287-4639", "mar")
    assert by_id["10.4000/tes.2841"][2]["journal"] == "Terrains & sociétés"
    types = {key: entry[0] for key, entry in by_id.items()}
    assert types["10670/1.wwotab"] == "book"
    assert types["10.5555/mmpe.2004.ch3"] == "incollection"
    assert by_id["10.5555/mmpe.2004.ch3"][2]["editor"] == "Halloran, Brendan and Sørensen, Ida"
    assert types["2021LYSE2034"] == "phdthesis"
    assert types["hal-02198745"] == "inproceedings"
    assert types["10670/1.0dl6ke"] == "techreport"
    assert by_id["urn:nbn:se:su:diva-134521"][2]["type"] == "Working paper"
    assert types["10.5281/zenodo.10412876"] == "misc"
    assert by_id["10670/1.0dl6ke"][2]["author"] == "Observatoire interrégional de la vie étudiante"
    assert by_id["10.5555/css.2021.0214"][1] == "wang2021chengshigengxinzhong"


def test_bibtex_names_split_as_bibtex_splits_them(example_notices: list[Notice]) -> None:
    from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts

    library = bibtexparser.parse_string(
        text_of(example_notices, Format.BIBTEX), append_middleware=[SeparateCoAuthors(), SplitNameParts()]
    )
    for notice, entry in zip(example_notices, library.entries, strict=True):
        if not notice.creators:
            assert "author" not in entry.fields_dict
            continue
        names = entry.fields_dict["author"].value
        expected = len(notice.creators) + (1 if notice.creators_et_al else 0)
        assert len(names) == expected
        for agent, parts in zip(notice.creators, names, strict=False):
            if isinstance(agent, Organization) or agent.family is None:
                assert parts.last == ["{" + (agent.name or "") + "}"]
            else:
                assert " ".join(parts.von + parts.last) == agent.family
                assert " ".join(parts.first) == (agent.given or "")


SPECIAL = r"50% of R&D {draft} #1 a_b $5 ~x^2 C:\temp -- ``q'' <<g>> ¡¿!` Œuvre Straße «é» 王"


def test_bibtex_escapes_special_characters_and_keeps_unicode() -> None:
    notice = n(
        type="article",
        titles=[{"value": SPECIAL}],
        creators=[
            {"family": "O'Brien, Jr.", "given": "Anne and Bob"},
            {"type": "organization", "name": "R&D {Lab}"},
        ],
        container={"title": "Revue_50%"},
    )
    text = text_of([notice], Format.BIBTEX)
    assert "Œuvre Straße «é» 王" in text  # UTF-8 kept, not \OE or \ss
    assert r"50\% of R\&D \textbraceleft{}draft\textbraceright{} \#1 a\_b \$5" in text
    assert r"C:\textbackslash{}temp -{}- `{}`q'{}' <{}<g>{}> ¡¿!{}`" in text
    ((kind, _, fields),) = parse_bibtex(text)
    assert kind == "article"
    assert fields["title"] == SPECIAL
    assert fields["journal"] == "Revue_50%"
    assert fields["author"] == "O'Brien, Jr., Anne and Bob and R&D {Lab}"
    assert "{O'Brien, Jr.}, {Anne and Bob} and {R\\&D \\textbraceleft{}Lab\\textbraceright{}}" in text


@SETTINGS
@given(notices())
def test_bibtex_round_trips_generated_notices(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    ((_, key, fields),) = parse_bibtex(text_of([notice], Format.BIBTEX))
    assert re.fullmatch(r"[a-z0-9]+", key)
    assert fields["title"] == notice.titles[0].value
    if notice.container is not None:
        part = {"journal": "journal", "book": "booktitle", "proceedings": "booktitle", "series": "series"}
        assert fields[part[notice.container.type.value]] == notice.container.title


def test_bibtex_keys_are_unique_and_stable_within_a_file() -> None:
    notice = n(creators=[{"family": "Jouet", "given": "E."}], issued="2019", titles=[{"value": "Produire"}])
    other = n(
        id="10670/1.aaaaaa", creators=[{"family": "Jouet"}], issued="2019", titles=[{"value": "Produire!"}]
    )
    entries = parse_bibtex(text_of([notice] * 28 + [other], Format.BIBTEX))
    keys = [key for _, key, _ in entries]
    assert keys[:4] == ["jouet2019produire", "jouet2019produirea", "jouet2019produireb", "jouet2019produirec"]
    assert keys[27] == "jouet2019produireaa"
    assert keys[28] == "jouet2019produireab"
    assert len(set(keys)) == len(keys)
    assert [key for _, key, _ in parse_bibtex(text_of([notice] * 28 + [other], Format.BIBTEX))] == keys


def test_bibtex_keys_without_author_date_or_title_word() -> None:
    notices_ = [
        n(titles=[{"value": "Chronique des livres reçus"}]),
        n(titles=[{"value": "À la une"}], issued="2020"),
        n(titles=[{"value": "—"}]),
        n(
            titles=[{"value": "Le rébétiko"}],
            contributors=[{"role": "editor", "agent": {"family": "Παπαδοπούλου"}}],
        ),
    ]
    keys = [key for _, key, _ in parse_bibtex(text_of(notices_, Format.BIBTEX))]
    assert keys == ["chroniquend", "une2020", "noticend", "papadopoyloyndrebetiko"]


# ================================================================================== RIS

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")
_RIS_TAGS = {
    "TY", "ID", "AU", "A2", "A3", "A4", "TI", "TT", "T2", "PY", "DA", "VL", "IS", "SP", "EP", "SN", "PB",
    "M3", "DO", "UR", "LA", "KW", "AB", "DP", "ER",
}  # fmt: skip
_RIS_TYPES = {"JOUR", "BOOK", "CHAP", "THES", "RPRT", "CPAPER", "DATA", "GEN"}
_MULTILINE = {"AB"}


def parse_ris_strictly(text: str) -> list[list[tuple[str, str]]]:
    """A strict RIS reader: CRLF lines, ``TY`` first, ``ER`` last, known tags, continuation only for AB."""
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[-1] == ""
    records: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    for number, line in enumerate(lines[:-1], start=1):
        if current is None:
            if line == "" and records:
                continue  # the blank line between records
            match = _TAG_LINE.match(line)
            assert match and match.group(1) == "TY", f"line {number}: a record starts with TY: {line!r}"
            assert match.group(2) in _RIS_TYPES
            current = [("TY", match.group(2))]
            continue
        if line == "ER  - ":
            records.append(current)
            current = None
            continue
        match = _TAG_LINE.match(line)
        if match:
            assert match.group(1) in _RIS_TAGS, f"line {number}: unknown tag {match.group(1)}"
            assert match.group(2) and match.group(2) == match.group(2).strip(), f"line {number}: {line!r}"
            current.append((match.group(1), match.group(2)))
        else:
            tag, value = current[-1]
            assert tag in _MULTILINE and line, f"line {number}: a continuation line after {tag}: {line!r}"
            current[-1] = (tag, value + "\n" + line)
    assert current is None, "the last record has no ER"
    return records


def values(record: list[tuple[str, str]], tag: str) -> list[str]:
    return [value for t, value in record if t == tag]


def test_ris_of_every_example_parses_back(example_notices: list[Notice]) -> None:
    text = text_of(example_notices, Format.RIS, lang="en")
    records = parse_ris_strictly(text)
    assert len(records) == len(example_notices)
    for notice, record in zip(example_notices, records, strict=True):
        assert values(record, "TI") == [notice.titles[0].value]
        assert values(record, "TT") == [t.value for t in notice.titles[1:]]
        assert values(record, "ID") == [notice.id.value]
        expected = [
            a.name
            if isinstance(a, Organization) or a.family is None
            else f"{a.family}, {a.given}"
            if a.given
            else a.family
            for a in notice.creators
        ]
        assert values(record, "AU") == expected  # one author per line, in order
        if notice.issued:
            assert values(record, "PY") == [notice.issued[:4]]
            assert values(record, "DA") == [notice.issued.replace("-", "/")]
        english = [a for a in notice.abstracts if a.lang == "en"] or list(notice.abstracts)
        if english:
            # paragraphs on their own lines: "\n\n" in the notice is one line break in RIS
            assert values(record, "AB") == [english[0].value.replace("\n\n", "\n")]
    by_id = {r[1][1]: r for r in records}
    assert by_id["10670/1.jt89mr"][0] == ("TY", "JOUR")
    assert values(by_id["10.5555/mmpe.2004.ch3"], "A2") == ["Halloran, Brendan", "Sørensen, Ida"]
    assert values(by_id["10.5555/mmpe.2004.ch3"], "T2") == ["Migration and Memory in Post-War Europe"]
    assert (values(by_id["10.5555/mmpe.2004.ch3"], "SP"), values(by_id["10.5555/mmpe.2004.ch3"], "EP")) == (
        ["45"], ["67"],
    )  # fmt: skip
    assert values(by_id["10.4000/books.puv.4821"], "A3") == ["Perrin, Agnès", "Cœurdevey, Louis"]
    assert values(by_id["978-2-87678-412-3"], "A4") == ["Lefèvre, Dominique"]
    assert values(by_id["10670/1.0dl6ke"], "SN") == ["47"]  # a report's number
    assert values(by_id["urn:nbn:se:su:diva-134521"], "M3") == ["Working paper"]
    assert values(by_id["halshs-04187263"], "SN") == ["1287-4639"]
    assert values(by_id["halshs-04187263"], "KW") == [
        "peri-urban areas",
        "residential trajectories",
        "local attachment",
    ]
    assert {r[0][1] for r in records} == _RIS_TYPES


def test_ris_multiline_abstract_and_rispy_agrees() -> None:
    notice = n(
        creators=[{"family": "Jouet", "given": "Emmanuelle"}, {"type": "organization", "name": "Cairn"}],
        abstracts=[{"value": "Premier paragraphe.\n\nER  - n'est pas une fin.\n\nTroisième.", "lang": "fr"}],
        keywords=[{"value": "savoirs", "lang": "fr"}, {"value": "pouvoir", "lang": "fr"}],
    )
    text = text_of([notice, notice], Format.RIS)
    records = parse_ris_strictly(text)
    assert len(records) == 2
    assert values(records[0], "AB") == ["Premier paragraphe.\nER - n'est pas une fin.\nTroisième."]
    parsed = rispy.loads(text.replace("\r\n", "\n"))
    assert len(parsed) == 2
    assert parsed[0]["type_of_reference"] == "GEN"
    assert parsed[0]["authors"] == ["Jouet, Emmanuelle", "Cairn"]
    assert parsed[0]["keywords"] == ["savoirs", "pouvoir"]
    assert (
        parsed[0]["abstract"] == "Premier paragraphe. ER - n'est pas une fin. Troisième."
    )  # rispy joins lines


@SETTINGS
@given(notices())
def test_ris_round_trips_generated_notices(data: dict[str, Any]) -> None:
    notice = Notice.from_dict(data)
    (record,) = parse_ris_strictly(text_of([notice], Format.RIS))
    assert values(record, "TI") == [notice.titles[0].value]
    assert len(values(record, "AU")) == len(notice.creators)
    (parsed,) = rispy.loads(text_of([notice], Format.RIS).replace("\r\n", "\n"))
    assert parsed["title"] == notice.titles[0].value


# ================================================================================== CSL-JSON


@pytest.fixture(scope="module")
def csl_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((DATA / "csl-data.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_csl_json_of_every_example_is_valid_and_keeps_the_data(
    example_notices: list[Notice], csl_validator: jsonschema.Draft7Validator
) -> None:
    items = json.loads(text_of(example_notices, Format.CSL_JSON, lang="fr"))
    csl_validator.validate(items)
    assert len(items) == len(example_notices)
    for notice, item in zip(example_notices, items, strict=True):
        assert item["id"] == notice.id.value
        assert item["title"] == notice.titles[0].value
        if notice.issued:
            assert item["issued"] == {"date-parts": [[int(p) for p in notice.issued.split("-")]]}
        else:
            assert "issued" not in item
        assert len(item.get("author", [])) == len(notice.creators)
    types = {item["id"]: item["type"] for item in items}
    assert types["10670/1.jt89mr"] == "article-journal"
    assert types["urn:nbn:se:su:diva-134521"] == "article"
    assert types["hal-02198745"] == "paper-conference"
    assert types["ark:/12148/btv1b53201782"] == "document"
    report = next(item for item in items if item["id"] == "10670/1.0dl6ke")
    assert report["author"] == [{"literal": "Observatoire interrégional de la vie étudiante"}]
    assert (report["collection-title"], report["collection-number"]) == ("OIVE Infos", "47")


def test_csl_json_must_be_rejected_when_broken(csl_validator: jsonschema.Draft7Validator) -> None:
    # the schema copy really constrains: the checks above could not pass on anything
    assert not csl_validator.is_valid([{"id": "x", "type": "journal-article"}])
    assert not csl_validator.is_valid([{"id": "x", "type": "book", "issued": "2019"}])
    assert not csl_validator.is_valid([{"id": "x", "type": "book", "author": [{"surname": "X"}]}])


@SETTINGS
@given(data=notices())
def test_csl_json_of_generated_notices_is_valid(
    data: dict[str, Any], csl_validator: jsonschema.Draft7Validator
) -> None:
    notice = Notice.from_dict(data)
    items = json.loads(text_of([notice], Format.CSL_JSON, lang="en"))
    csl_validator.validate(items)


def test_csl_json_renders_with_citeproc(example_notices: list[Notice]) -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(text_of(example_notices, Format.CSL_JSON))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the style must validate against the CSL schema citeproc-py ships
        style = CitationStylesStyle(str(DATA / "tiny-author-date.csl"), validate=True)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        citations = [Citation([CitationItem(item["id"].lower())]) for item in items]
        for citation in citations:
            bibliography.register(citation)
        rendered = [str(entry) for entry in bibliography.bibliography()]
        inline = bibliography.cite(citations[1], lambda item: None)
    assert len(rendered) == len(items)
    assert rendered[0].startswith("Jouet, E. (2019). Produire des savoirs")
    assert rendered[0].endswith("Vie sociale.")
    assert rendered[1] == (
        "Dumoulin, C., & Le Goff, Y. (2022). Habiter le périurbain : trajectoires résidentielles et "
        "ancrages locaux dans l’Ouest francilien. Espaces et sociétés urbaines, 41(2), 87–112. "
        "https://doi.org/10.3917/esu.412.0087."
    )
    assert str(inline) == "(Dumoulin, C., & Le Goff, Y., 2022)"


# ================================================================================== all three


@pytest.mark.parametrize("fmt", [Format.BIBTEX, Format.RIS, Format.CSL_JSON], ids=lambda f: f.value)
def test_exports_stream_notice_by_notice(example_notices: list[Notice], fmt: Format) -> None:
    out = io.BytesIO()
    seen: list[int] = []

    def graphs() -> Iterator[Any]:
        for notice in example_notices[:3]:
            seen.append(len(out.getvalue()))
            yield map_notice(notice)

    writer(fmt)(graphs(), out, None)
    # by the time the second and third notices are asked for, the earlier ones are written
    assert seen[0] <= 1 and seen[1] > seen[0] and seen[2] > seen[1]


@pytest.mark.parametrize("fmt", [Format.BIBTEX, Format.RIS, Format.CSL_JSON], ids=lambda f: f.value)
def test_exports_are_deterministic_and_empty_input_is_valid(
    example_notices: list[Notice], fmt: Format
) -> None:
    assert serialize(example_notices, fmt) == serialize(list(example_notices), fmt)
    empty = serialize([], fmt)
    assert empty == (b"[]\n" if fmt is Format.CSL_JSON else b"")


def test_formats_registry() -> None:
    assert [Format.from_name(x) for x in ("bibtex", "bib", "ris", "csl-json", "csl")] == [
        Format.BIBTEX, Format.BIBTEX, Format.RIS, Format.CSL_JSON, Format.CSL_JSON,
    ]  # fmt: skip
    for fmt in (Format.BIBTEX, Format.RIS, Format.CSL_JSON):
        assert not fmt.is_rdf
        assert Format.from_media_type(fmt.media_type + "; charset=utf-8") is fmt
    assert Format.from_extension("refs.bib") is Format.BIBTEX
    assert Format.from_extension("refs.ris") is Format.RIS
    assert Format.from_extension("refs.json") is Format.JSON_LD  # unchanged: .json means JSON-LD
    assert Format.from_media_type("application/ld+json") is Format.JSON_LD


@pytest.mark.parametrize(("fmt", "suffix"), [("bibtex", ".bib"), ("ris", ".ris"), ("csl-json", ".json")])
def test_cli_convert_exports_and_reports_rejected_records(tmp_path: Path, fmt: str, suffix: str) -> None:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "7"}
    out = tmp_path / f"refs{suffix}"
    inputs = [str(EXAMPLES), str(ROOT / "examples" / "bad_notices.jsonl")]
    result = subprocess.run(
        [sys.executable, "-m", "notice_ld", "convert", *inputs, "--format", fmt, "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 1, result.stderr  # bad_notices.jsonl has rejected records
    assert "notice-ld: rejected record 10670/1.46uj5e" in result.stderr
    data = out.read_bytes().decode("utf-8")  # no newline translation: RIS lines end with CRLF
    if fmt == "bibtex":
        assert len(parse_bibtex(data)) == 26 + 2  # the two good notices of bad_notices.jsonl go through
    elif fmt == "ris":
        assert len(parse_ris_strictly(data)) == 28
    else:
        assert len(json.loads(data)) == 28


def test_names_in_exports_match_the_citations(example_notices: list[Notice]) -> None:
    # the same person, written by each export the way each format wants it
    seed = example_notices[0]
    agent = seed.creators[0]
    assert natural_name(agent) == "Emmanuelle Jouet"
    assert "author = {Jouet, Emmanuelle and others}" in text_of([seed], Format.BIBTEX)
    assert "AU  - Jouet, Emmanuelle\r\n" in text_of([seed], Format.RIS)
    assert json.loads(text_of([seed], Format.CSL_JSON))[0]["author"] == [
        {"family": "Jouet", "given": "Emmanuelle"}
    ]


def test_exports_are_byte_identical_across_hash_seeds() -> None:
    script = (
        "import sys, notice_ld\n"
        "notices = list(notice_ld.read_path(sys.argv[1]))\n"
        "for fmt in ('bibtex', 'ris', 'csl-json'):\n"
        "    sys.stdout.buffer.write(notice_ld.serialize(notices + notices, fmt, lang='en'))\n"
    )
    outputs = set()
    for seed in ("0", "12345"):
        env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", script, str(EXAMPLES)], capture_output=True, env=env, check=True
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert outputs.pop().count(b"@article{") >= 2 * 10
