"""The <script type="application/ld+json"> block: nothing a field holds can break out of it."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from notice_ld import Notice, map_notice, script_block

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!--",
    "-->",
    "</SCRIPT >",
    "\u2028\u2029",
    "&lt;",
    "]]>",
    '"><img src=x onerror=alert(1)>',
    "\u202eevil",
    "<![CDATA[",
]


def inner(block: str) -> str:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', block, re.S)
    assert match, block
    return match.group(1)


def check(block: str, expected_title: str) -> None:
    body = inner(block)
    lowered = body.lower()
    assert "</script" not in lowered and "<!--" not in body and "<script" not in lowered
    assert "\u2028" not in body and "\u2029" not in body
    assert json.loads(body)["headline"] == expected_title


def test_hostile_fields_stay_inside_the_block() -> None:
    for text in HOSTILE:
        title = f"Titre {text} fin"
        n = Notice.from_dict(
            {
                "id": "10670/1.abc123",
                "titles": [{"value": title, "lang": "fr"}],
                "creators": [{"name": text + " X"}],
                "abstracts": [{"value": text + " résumé", "lang": "fr"}],
            }
        )
        check(script_block(map_notice(n), lang="fr"), n.titles[0].value)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: s.strip()))
def test_any_title_round_trips_through_the_block(text: str) -> None:
    try:
        n = Notice.from_dict({"id": "10670/1.abc123", "titles": [{"value": text + "x"}]})
    except ValueError:
        return  # control characters are rejected by the model, which is tested elsewhere
    check(script_block(map_notice(n)), n.titles[0].value)


def test_line_separators_are_escaped() -> None:
    from notice_ld.writers.schema_jsonld import embed_json

    text = embed_json({"a": "x\u2028y\u2029z</script>"})
    assert "\u2028" not in text and "\u2029" not in text and "</" not in text
    assert json.loads(text) == {"a": "x\u2028y\u2029z</script>"}


def test_page_language_picks_title_and_abstract() -> None:
    n = Notice.from_dict(
        {
            "id": "10670/1.abc123",
            "type": "article",
            "titles": [{"value": "Titre", "lang": "fr"}, {"value": "Title", "lang": "en"}],
            "abstracts": [{"value": "Résumé", "lang": "fr"}, {"value": "Abstract", "lang": "en"}],
        }
    )
    en = json.loads(inner(script_block(map_notice(n), lang="en")))
    fr = json.loads(inner(script_block(map_notice(n), lang="fr")))
    assert (en["headline"], en["abstract"]) == ("Title", "Abstract")
    assert (fr["headline"], fr["abstract"]) == ("Titre", "Résumé")
    assert en["@context"] == "https://schema.org"
    assert all("@language" not in json.dumps(v) for v in en.values())  # no language maps / value objects
