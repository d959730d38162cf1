"""The site's VoID/DCAT description conforms to the official DCAT-AP 3.0 shapes.

The shapes file is read from ``../shared/realdata/shacl/`` (not copied into the repository);
the test skips when it is absent. It uses ``sh:shape`` (not a SHACL term), so it is loaded with
``lenient_shapes`` — which is what the option is for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from notice_ld import cli
from notice_ld.formats import RdfFormat
from notice_ld.model import Notice
from notice_ld.validation import Validator, parse_rdf
from notice_ld.web.app import MemorySource, NoticeApp, call

from .conftest import EXAMPLES, ROOT

DCAT_AP = ROOT.parent / "shared" / "realdata" / "shacl" / "dcat-ap_3.0.0_html_shacl_shapes.ttl"

pytestmark = pytest.mark.skipif(not DCAT_AP.is_file(), reason="DCAT-AP 3.0 shapes not in ../shared")


@pytest.fixture(scope="module")
def validator() -> Validator:
    checker = Validator([], [DCAT_AP], lenient_shapes=True)
    assert [p.where for p in checker.shapes.warnings] == ["sh:shape"]
    return checker


def test_the_static_sites_description_conforms(validator: Validator, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert cli.main(["site", str(EXAMPLES), "-o", str(site), "--jobs", "1", "-q"]) == 0
    triples = parse_rdf((site / "void.ttl").read_bytes(), RdfFormat.TURTLE, name="void.ttl")
    report = validator.validate_triples(triples, name="void.ttl")
    assert report.conforms, report.to_text()


def test_the_served_description_conforms(validator: Validator) -> None:
    import json

    notices = [
        Notice.from_dict(json.loads(line)) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()
    ]
    status, _, body = call(NoticeApp(MemorySource(notices)), "/void.ttl")
    assert status == "200 OK"
    report = validator.validate_triples(parse_rdf(body, RdfFormat.TURTLE, name="void.ttl"), name="void.ttl")
    assert report.conforms, report.to_text()
