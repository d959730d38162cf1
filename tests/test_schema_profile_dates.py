"""Valid schema.org dates are not violations of the schema profile (datePublished as schema:Date)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notice_ld.formats import RdfFormat
from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.validation import Engine, Validator, parse_rdf
from notice_ld.writers.schema_jsonld import schema_object

from .conftest import EXAMPLES


def _page(date: str) -> bytes:
    return json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "@id": "https://hdl.handle.net/10670/1.abc001",
            "headline": "T",
            "name": "T",
            "author": {"@type": "Person", "@id": "https://orcid.org/0000-0002-1825-0097", "name": "A"},
            "identifier": "https://hdl.handle.net/10670/1.abc001",
            "datePublished": date,
        }
    ).encode()


@pytest.mark.parametrize("engine", [Engine.FAST, Engine.PYSHACL])
def test_the_embedded_schema_org_of_every_example_conforms(engine: Engine, tmp_path: Path) -> None:
    validator = Validator(["schema"], engine=engine)
    for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
        graph = map_notice(Notice.from_dict(json.loads(line)))
        data = json.dumps(schema_object(graph, "fr")).encode()
        report = validator.validate_triples(parse_rdf(data, RdfFormat.JSON_LD, name="page"), name="page")
        assert report.conforms, report.to_text()


@pytest.mark.parametrize("date", ["2019", "2019-03", "2019-03-01", "2024-03-12T16:04:22+00:00"])
def test_schema_dates_conform(date: str) -> None:
    report = Validator(["schema"]).validate_triples(
        parse_rdf(_page(date), RdfFormat.JSON_LD, name="p"), name="p"
    )
    assert report.conforms, report.to_text()


@pytest.mark.parametrize("date", ["2019-13", "March 2019", "2019-02-30T"])
def test_malformed_schema_dates_are_violations(date: str) -> None:
    report = Validator(["schema"]).validate_triples(
        parse_rdf(_page(date), RdfFormat.JSON_LD, name="p"), name="p"
    )
    assert not report.conforms
