"""The CSV reader: the documented columns, the template, header and cell errors, encodings."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld.errors import RecordError
from notice_ld.model import Notice
from notice_ld.readers import InputFormat, read, read_path

from .conftest import ROOT

TEMPLATE = ROOT / "examples" / "notices_template.csv"


def rows(text: str | bytes, name: str = "n.csv") -> list[object]:
    stream: io.IOBase = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    return list(read(stream, InputFormat.CSV, name=name))  # type: ignore[arg-type]


def test_template_reads_cleanly() -> None:
    first, second = list(read_path(TEMPLATE))
    assert isinstance(first, Notice) and isinstance(second, Notice)
    assert [c.display_name for c in first.creators] == ["Claire Dumoulin", "Yannick Le Goff"]
    assert first.creators[0].identifiers[0].value == "0000-0003-1846-2070"
    assert first.contributors[0].role.value == "editor"
    assert [(t.value, t.lang) for t in first.titles] == [
        ("Habiter le périurbain", "fr"),
        ("Living in the peri-urban fringe", "en"),
    ]
    assert first.abstracts[0].value == "Une enquête auprès de soixante ménages.\n\nDeuxième paragraphe."
    assert [k.value for k in first.keywords] == ["périurbain", "ancrage local", "peri-urban areas"]
    assert [(d.iri or "").rsplit("/", 1)[1] for d in first.disciplines] == ["shs.socio", "shs.geo"]
    assert [[lab.value for lab in d.labels] for d in first.disciplines] == [
        ["Sociologie", "Sociology"],
        ["Géographie", "Geography"],
    ]
    assert first.container is not None and first.container.page_range == ("87", "112")
    assert first.license is not None and first.license.iri == "https://creativecommons.org/licenses/by/4.0/"
    assert [str(i) for i in first.identifiers] == ["10.3917/esu.412.0087"]
    assert second.languages == ("fr",) and second.license is not None
    assert second.license.label == "Tous droits réservés"
    assert second.contributors[0].role.value == "thesis_advisor"


def test_unknown_column_stops_the_file_with_a_suggestion() -> None:
    result = rows("id,titel@fr\n10670/1.x,T\n")
    assert len(result) == 1 and isinstance(result[0], RecordError)
    assert result[0].record == "n.csv row 1" and result[0].field == "column 2 'titel@fr'"
    assert "title@fr" in result[0].fix


def test_header_errors() -> None:
    (missing,) = rows("title\nT\n")
    assert isinstance(missing, RecordError) and "'id'" in missing.problem
    (twice,) = rows("id,title,id\n1,T,2\n")
    assert isinstance(twice, RecordError) and "twice" in twice.problem
    (bad_lang,) = rows("id,title@zzzz-qqqq-wwww\n1,T\n")
    assert isinstance(bad_lang, RecordError) and bad_lang.field.startswith("column 2")


def test_cell_errors_name_row_and_column_and_others_go_through() -> None:
    text = (
        "id,title,creator.1.family,creator.2.family,creator.2.id,issued,creators_et_al\n"
        "10670/1.a,T,Un,Deux,0000-0002-1825-0097,2019,no\n"
        "10670/1.b,T,Un,Deux,0000-0002-1825-0098,2019,no\n"
        "10670/1.c,T,Un,,,2019-13,no\n"
        "10670/1.d,T,Un,,,2019,maybe\n"
        "\n"
        "10670/1.e,T,,,,,\n"
    )
    result = rows(text)
    assert [type(r).__name__.replace("IdentifierError", "RecordError") for r in result] == [
        "Notice",
        "RecordError",
        "RecordError",
        "RecordError",
        "Notice",
    ]
    orcid, date, flag = result[1], result[2], result[3]
    assert isinstance(orcid, RecordError) and orcid.record == "10670/1.b (n.csv row 3)"
    assert (
        orcid.field == "creators[1].identifiers[0] (column 'creator.2.*')" and "check digit" in orcid.problem
    )
    assert isinstance(date, RecordError) and date.field == "issued (column 'issued')"
    assert isinstance(flag, RecordError) and flag.field == "column 'creators_et_al'"


def test_bom_semicolons_and_repeated_columns() -> None:
    text = (
        "\ufeffid;title@fr;keyword@fr;keyword@fr;creator\n"
        "10670/1.a;Titre;un|deux;trois;Jouet, Emmanuelle | INSERM\n"
    )
    (notice,) = rows(text.encode("utf-8"))
    assert isinstance(notice, Notice)
    assert [k.value for k in notice.keywords] == ["un", "deux", "trois"]
    assert [c.type for c in notice.creators] == ["person", "organization"]


def test_not_utf8_and_malformed() -> None:
    (error,) = rows("id,title\n10670/1.a,Th\xe8se\n".encode("latin-1"))
    assert isinstance(error, RecordError) and "UTF-8" in error.fix
    extra = rows("id,title\n10670/1.a,T,surplus\n")
    assert isinstance(extra[0], RecordError) and extra[0].field == "column 3"
    assert isinstance(rows("")[0], RecordError)


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|"), min_size=1
    ).filter(lambda t: t.strip() != "")
)
def test_any_title_survives_a_spreadsheet_round_trip(title: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "title@fr"])
    writer.writerow(["10670/1.abc123", title])
    (notice,) = rows(buffer.getvalue())
    expected = Notice.from_dict({"id": "10670/1.abc123", "titles": [{"value": title.strip(), "lang": "fr"}]})
    assert notice == expected


def test_convert_csv_to_jsonld(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = tmp_path / "out.jsonld"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "notice_ld",
            "convert",
            str(TEMPLATE),
            "--from",
            "csv",
            "--format",
            "jsonld",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "2 notices written" in result.stderr and "10670/1.abc001" in out.read_text(encoding="utf-8")
