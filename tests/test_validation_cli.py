"""``notice-ld validate`` and the validation ``notice-ld convert`` does by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from notice_ld.cli import main

from .conftest import EXAMPLES, ROOT

FIXTURES = ROOT / "tests" / "data" / "shacl"
GOOD = {
    "id": "10670/1.abc123",
    "type": "article",
    "titles": [{"value": "Un titre", "lang": "fr"}],
    "issued": "2020",
}
TWO_FRENCH_TITLES = {
    "id": "10670/1.dup001",
    "type": "article",
    "titles": [{"value": "Rapport", "lang": "fr"}, {"value": "Bilan", "lang": "fr"}],
}


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# -- validate -------------------------------------------------------------------------------------


def test_validate_examples_conform(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("conforms: 0 violation(s)")
    assert "26 graph(s) checked (engine: fast)" in out


def test_validate_broken_rdf_exits_1_and_reports_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(FIXTURES / "dates.ttl"), "--lang", "fr"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("NON CONFORME")
    assert "notice month-13" in out and "La date de publication doit être" in out


def test_validate_json_and_turtle_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    assert main(["validate", str(FIXTURES / "titles.ttl"), "--format", "json", "-o", str(report)]) == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert {(r["record"], r["field"]) for r in data["results"] if r["severity"] == "Violation"} >= {
        ("untitled", "titles"),
        ("two-french-titles", "titles"),
    }
    graph_file = tmp_path / "report.ttl"
    assert (
        main(
            [
                "validate",
                str(FIXTURES / "titles.ttl"),
                "--format",
                "turtle",
                "-o",
                str(graph_file),
                "--engine",
                "pyshacl",
            ]
        )
        == 1
    )
    graph = rdflib.Graph().parse(graph_file)
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert len(list(graph.objects(None, sh.result))) == len(data["results"])


def test_validate_with_own_shapes_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mine = tmp_path / "mine.ttl"
    mine.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix schema: <http://schema.org/> .\n"
        "<https://example.org/shapes#Image> a sh:NodeShape ; sh:targetClass schema:ScholarlyArticle ;\n"
        '  sh:property [ sh:path schema:image ; sh:minCount 1 ; sh:message "an image, please"@en ] .\n',
        encoding="utf-8",
    )
    notices = write_jsonl(tmp_path / "n.jsonl", [GOOD])
    assert main(["validate", str(notices), "--profile", "none", "--shapes", str(mine)]) == 1
    out = capsys.readouterr().out
    assert "an image, please" in out and "1 violation(s)" in out


def test_validate_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(EXAMPLES), "--profile", "dublin"]) == 2
    assert "unknown validation profile 'dublin'" in capsys.readouterr().err
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    bad_shapes = tmp_path / "bad.ttl"
    bad_shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<https://e.org/S> a sh:NodeShape ; "
        "sh:targetClass <https://e.org/C> ; sh:minValue 1 .\n",
        encoding="utf-8",
    )
    assert main(["validate", str(EXAMPLES), "--shapes", str(bad_shapes)]) == 2
    err = capsys.readouterr().err
    assert "sh:minValue is not a SHACL term" in err
    assert "See https://www.w3.org/TR/shacl/#MinInclusiveConstraintComponent" in err
    with pytest.raises(SystemExit) as caught:
        main(["validate", str(EXAMPLES), "--lang", "de"])
    assert caught.value.code == 2


def test_validate_reports_unreadable_inputs_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://e.org/a> <https://e.org/p> .\n", encoding="utf-8")
    assert main(["validate", str(broken), str(FIXTURES / "licences.ttl"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    kinds = {r["kind"] for r in data["results"]}
    assert {"record", "shacl"} <= kinds
    record = next(r for r in data["results"] if r["kind"] == "record")
    assert record["record"] == str(broken) and record["field"] == "line 1"


# -- convert validates by default -----------------------------------------------------------------


def test_convert_does_not_write_notices_with_violations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [GOOD, TWO_FRENCH_TITLES])
    out, report = tmp_path / "out.nt", tmp_path / "report.json"
    assert main(["convert", str(src), "-f", "ntriples", "-o", str(out), "--report", str(report)]) == 1
    written = out.read_text(encoding="utf-8")
    assert "abc123" in written and "dup001" not in written
    err = capsys.readouterr().err
    assert "notice-ld: invalid record 10670/1.dup001, field titles: Two titles have the same language" in err
    assert "1 notices written" in err and "1 with violations (not written)" in err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["converted"] == 1 and data["invalid"] == 1
    assert data["validation"]["engine"] == "fast" and data["validation"]["violations"] == 3
    assert {r["record"] for r in data["validation"]["results"] if r["severity"] == "Violation"} == {
        "10670/1.dup001"
    }


def test_convert_keep_invalid_and_no_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [GOOD, TWO_FRENCH_TITLES])
    kept = tmp_path / "kept.nt"
    assert (
        main(
            ["convert", str(src), "-f", "ntriples", "-o", str(kept), "--keep-invalid", "--report-lang", "fr"]
        )
        == 1
    )
    assert "dup001" in kept.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Deux titres ont la même langue" in err and "written anyway (--keep-invalid)" in err
    plain = tmp_path / "plain.nt"
    assert main(["convert", str(src), "-f", "ntriples", "-o", str(plain), "--no-validate"]) == 0
    assert "dup001" in plain.read_text(encoding="utf-8")
    assert "not validated" in capsys.readouterr().err


def test_convert_reports_warnings_and_writes_the_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    out = tmp_path / "out.ttl"
    assert main(["convert", str(src), "-o", str(out), "--shapes-profile", "google-article"]) == 0
    err = capsys.readouterr().err
    assert "notice-ld: warning: record 10670/1.abc123: Google recommends an image" in err
    assert "abc123" in out.read_text(encoding="utf-8")
    assert main(["convert", str(src), "-o", str(out), "--shapes-profile", "google-article", "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_convert_validates_only_the_profiles_it_writes(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    report = tmp_path / "r.json"
    assert (
        main(
            [
                "convert",
                str(src),
                "-o",
                str(tmp_path / "o.ttl"),
                "--profile",
                "bibo",
                "--report",
                str(report),
                "-q",
            ]
        )
        == 0
    )
    shapes = {
        r["shape"].rsplit("/", 1)[1].split("#")[0]
        for r in json.loads(report.read_text())["validation"]["results"]
    }
    assert shapes <= {"bibo"}


def test_lenient_shapes_warn_about_a_third_party_file_and_validate_with_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from notice_ld import cli

    shapes = tmp_path / "theirs.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "@prefix ex: <https://example.org/shapes#> .\n"
        "ex:Titles a sh:NodeShape ; sh:targetSubjectsOf dct:title ;\n"
        "  sh:property [ sh:path dct:title ; sh:minCont 1 ] ;\n"  # a typo the linter refuses
        "  sh:property [ sh:path dct:abstract ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "10670/1.abc001", "type": "article", "titles": [{"value": "T"}], "issued": "2019"}\n'
    )
    assert cli.main(["validate", str(source), "--shapes", str(shapes)]) == 2
    assert "sh:minCont is not a SHACL term" in capsys.readouterr().err
    status = cli.main(["validate", str(source), "--shapes", str(shapes), "--lenient-shapes"])
    captured = capsys.readouterr()
    assert "warning: shapes" in captured.err and "sh:minCont" in captured.err
    assert status == 1 and "dct:abstract" in captured.out  # the other constraint still checks
