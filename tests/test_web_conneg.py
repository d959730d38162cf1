"""Content negotiation: Accept headers with q-values, ?format= override, nothing acceptable."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notice_ld.errors import UnknownFormatError
from notice_ld.web.conneg import VARIANTS, negotiate, parse_accept


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "html"),
        ("", "html"),
        ("*/*", "html"),
        ("text/html", "html"),
        ("application/xhtml+xml", "html"),
        ("text/turtle", "turtle"),
        ("TEXT/Turtle; charset=UTF-8", "turtle"),
        ("application/ld+json", "jsonld"),
        ("application/n-triples", "ntriples"),
        ("application/rdf+xml", "rdfxml"),
        ("application/n-quads", "nquads"),
        ("application/x-bibtex", "bibtex"),
        ("application/x-research-info-systems", "ris"),
        ("application/vnd.citationstyles.csl+json", "csl-json"),
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "jsonld"),
        ("text/html;q=0.1, text/turtle", "turtle"),
        ("text/*, text/html;q=0", "turtle"),  # the more specific range wins: html refused
        ("application/*;q=0.8, text/turtle;q=0.7", "jsonld"),  # server order among application/*
        ('application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', "jsonld"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8", "html"),  # Chromium
        ("text/turtle;q=0.9,*/*;q=0.1", "turtle"),
        ("garbage, text/turtle;q=oops, application/n-triples", "ntriples"),  # malformed ranges ignored
        ("text/turtle;q=1.5, application/ld+json;q=0.2", "jsonld"),  # q out of range: ignored
    ],
)
def test_accept(accept: str | None, expected: str) -> None:
    chosen = negotiate(accept)
    assert chosen is not None and chosen.name == expected


@pytest.mark.parametrize("accept", ["image/png", "text/turtle;q=0", "*/*;q=0", "application/pdf, text/csv"])
def test_nothing_acceptable(accept: str) -> None:
    assert negotiate(accept) is None


def test_format_parameter_wins() -> None:
    assert negotiate("text/html", format_param="nt").name == "ntriples"
    assert negotiate(None, format_param="schema-jsonld").name == "schema-jsonld"
    assert negotiate("image/png", format_param="html").name == "html"
    with pytest.raises(UnknownFormatError, match="use one of: html, turtle"):
        negotiate(None, format_param="docx")


def test_every_variant_is_reachable() -> None:
    for variant in VARIANTS:
        assert negotiate(None, format_param=variant.name) is variant
        if variant.name != "schema-jsonld":  # shares application/ld+json with the full graph
            assert negotiate(variant.media_type) is variant


@given(st.text(max_size=300))
def test_any_header_is_parsed_without_error(header: str) -> None:
    ranges = parse_accept(header)
    assert all(0.0 <= r.q <= 1.0 for r in ranges)
    chosen = negotiate(header)
    assert chosen is None or chosen in VARIANTS
