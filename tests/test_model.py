"""The notice model: validation, clear errors, JSON form, JSON Schema in sync."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld import Notice, RecordError
from notice_ld.readers import InputFormat, read

from .conftest import EXAMPLES, ROOT

BASE = {"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}


@pytest.mark.parametrize(
    ("patch", "field", "words"),
    [
        ({"issued": "2019-13"}, "issued", "month 13"),
        ({"issued": "2019-02-30"}, "issued", "day 30"),
        ({"issued": "mai 2019"}, "issued", "YYYY"),
        ({"titles": []}, "titles", "at least 1"),
        ({"titel": "x"}, "titel", "unknown field"),
        ({"titles": [{"value": "  "}]}, "titles[0].value", "empty"),
        ({"titles": [{"value": "T", "lang": "français"}]}, "titles[0].lang", "BCP 47"),
        ({"titles": [{"value": "a\x07b"}]}, "titles[0].value", "control"),
        ({"creators": [{"given": "Anne"}]}, "creators[0]", "family"),
        ({"creators": [{"type": "robot", "name": "R2"}]}, "creators[0]", "type"),
        ({"license": {"iri": "javascript:alert(1)"}}, "license.iri", ""),
        ({"container": {"title": "J", "issn": "0317-8472"}}, "container.issn", "check"),
        ({"creators_et_al": True}, "", "first creator"),
        ({"type": "novel"}, "type", ""),
    ],
)
def test_bad_fields_name_the_record_and_the_field(patch: dict[str, object], field: str, words: str) -> None:
    with pytest.raises(RecordError) as info:
        Notice.from_dict({**BASE, **patch})
    err = info.value
    assert err.record == "10670/1.jt89mr"
    assert err.field == field
    assert words.lower() in str(err).lower()


def test_normalisation() -> None:
    n = Notice.from_dict(
        {
            "id": "https://doi.org/10.3917/VSOC.191.0123",
            "titles": [{"value": " A\n  title ", "lang": "FR"}],
            "languages": ["fre", "EN"],
        }
    )
    assert n.id.value == "10.3917/vsoc.191.0123"
    assert n.titles[0].value == "A title" and n.titles[0].lang == "fr"
    assert n.languages == ("fr", "en")


def test_json_form_round_trips(example_notices: list[Notice]) -> None:
    for notice in example_notices:
        assert Notice.from_dict(notice.to_dict()) == notice


def test_examples_validate_against_the_committed_json_schema() -> None:
    schema = json.loads((ROOT / "docs" / "notice.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), schema)


def test_generated_docs_are_in_sync() -> None:
    env_path = str(ROOT / "src")
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path, "PATH": ""},
    )
    assert result.returncode == 0, result.stderr


def test_a_bad_line_never_stops_the_others() -> None:
    import io

    lines = [
        json.dumps(BASE),
        "{oops",
        json.dumps({**BASE, "issued": "2019-13"}),
        json.dumps({**BASE, "id": "10.1234/x"}),
    ]
    outcomes = list(read(io.StringIO("\n".join(lines)), InputFormat.JSONL, name="f.jsonl"))
    assert [type(o).__name__ for o in outcomes] == ["Notice", "RecordError", "RecordError", "Notice"]
    assert outcomes[1].record == "f.jsonl:2"  # type: ignore[union-attr]
    assert outcomes[2].record == "10670/1.jt89mr (f.jsonl:3)"  # type: ignore[union-attr]


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: s.strip())


@settings(max_examples=150, deadline=None)
@given(
    titles=st.lists(
        st.tuples(texts, st.sampled_from([None, "fr", "en", "de-CH", "zh-Hant"])), min_size=1, max_size=3
    ),
    issued=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.integers(1000, 2999).map(str)),
)
def test_normalisation_is_idempotent(titles: list[tuple[str, str | None]], issued: str | None) -> None:
    data = {
        "id": "10670/1.jt89mr",
        "titles": [{"value": v, "lang": lang} for v, lang in titles],
        "issued": issued,
    }
    once = Notice.from_dict(data)
    assert Notice.from_dict(once.to_dict()) == once
    assert Notice.from_dict(json.loads(json.dumps(once.to_dict()))) == once


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Vie sociale\ud800", "unpaired surrogate"),
        ("l\x92été", "control character"),  # Windows-1252 apostrophe read as Latin-1
        ("fin\ufffe", "control character"),
    ],
)
def test_text_no_output_can_carry_is_refused_per_field(text: str, problem: str) -> None:
    """Writers encode UTF-8 (RDF/XML: XML 1.0): such text would fail there, so the model refuses it."""
    with pytest.raises(RecordError) as caught:
        Notice.from_dict(
            {"id": "10670/1.aaaaaa", "titles": [{"value": "Titre"}], "abstracts": [{"value": text}]}
        )
    assert caught.value.field == "abstracts[0].value" and problem in caught.value.problem
