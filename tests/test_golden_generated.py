"""Byte-for-byte goldens of every format on 2,000 generated notices (as sha256 digests).

The digests were computed with the code before "One pipeline in the library" rebuilt the writers
on streaming codecs; they must never change unless an output change is intended (then rewrite
``tests/golden/generated-2000.sha256.json`` with ``--update-golden`` and say why in the commit).
"""

from __future__ import annotations

import hashlib
import json

import pytest

from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice

from .conftest import ROOT, generated_records

GOLDEN = ROOT / "tests" / "golden" / "generated-2000.sha256.json"


@pytest.fixture(scope="module")
def graphs() -> list[NoticeGraph]:
    return [map_notice(Notice.from_dict(r)) for r in generated_records(2000)]


def test_every_format_is_byte_identical_on_2000_generated_notices(
    graphs: list[NoticeGraph], request: pytest.FixtureRequest
) -> None:
    from notice_ld.writers import serialize

    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    found = {}
    for fmt in Format:
        # the page language changes the schema.org view and the citation exports only
        langs = (None, "fr", "en") if fmt in (Format.SCHEMA_JSON_LD, Format.RIS, Format.CSL_JSON) else (None,)
        for lang in langs:
            found[f"{fmt.value}:{lang}"] = hashlib.sha256(serialize(graphs, fmt, lang=lang)).hexdigest()
    if request.config.getoption("--update-golden"):
        expected.update(found)
        GOLDEN.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert found == {key: expected[key] for key in found}
    assert len(found) == 15
