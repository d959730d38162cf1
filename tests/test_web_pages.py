"""Landing pages: what crawlers read (extruct), the meta tags, and hostile fields that must not escape."""

from __future__ import annotations

import json
from typing import Any

import extruct
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notice_ld.mapping import map_notice
from notice_ld.model import Notice
from notice_ld.web.pages import Links, head_fragment, render_page
from notice_ld.web.related import RelatedLink
from notice_ld.writers.schema_jsonld import schema_object
from tests.webtools import dom

PAYLOADS = (
    '</script><script>window.__pwned=1;document.title="pwned"</script>',
    '"><img src=x onerror="window.__pwned=1;document.title=\'pwned\'">',
    "'><svg onload=window.__pwned=1>",
    "line\u2028separator\u2029paragraph",
    "\u202egnirts desrever\u202c and \u200fRTL\u200e marks",
    "<!-- comment --> ]]> &amp; &lt;",
    "</title><script>window.__pwned=1</script>",
    "</style><script>window.__pwned=1</script>",
)
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "link", "style", "script", "body", "header", "main", "article",
    "p", "h1", "h2", "a", "i", "b", "q", "ul", "li", "dl", "dt", "dd", "section",
}  # fmt: skip


def hostile_record(payload: str, ident: str = "10670/1.aaaaaa") -> dict[str, Any]:
    """A notice whose every free-text field carries ``payload``."""
    return {
        "id": ident,
        "type": "article",
        "type_label": f"Type {payload}",
        "titles": [{"value": f"Titre {payload}", "lang": "fr"}, {"value": f"Title {payload}", "lang": "en"}],
        "abstracts": [{"value": f"Résumé {payload}\n\nSecond {payload}", "lang": "fr"}],
        "creators": [
            {"family": f"Nom {payload}", "given": f"Prénom {payload}"},
            {"type": "organization", "name": f"Org {payload}"},
        ],
        "contributors": [{"role": "editor", "agent": {"name": f"Éditeur {payload}"}}],
        "issued": "2019-05-02",
        "languages": ["fr"],
        "keywords": [{"value": f"mot {payload}", "lang": "fr"}],
        "subjects": [{"labels": [{"value": f"Sujet {payload}", "lang": "fr"}], "notation": f"n {payload}"}],
        "disciplines": [{"labels": [{"value": f"Discipline {payload}", "lang": "fr"}]}],
        "source": f"Source {payload}",
        "container": {
            "title": f"Revue {payload}",
            "volume": f"V {payload}",
            "issue": f"N {payload}",
            "pages": f"1 {payload}",
        },
        "collection": {"name": f"Collection {payload}"},
        "publisher": {"type": "organization", "name": f"Éditeur {payload}"},
        "license": {"label": f"Licence {payload}"},
        "citation": f"Citation {payload}",
    }


def check_contained(page: str, graph: Any, lang: str) -> None:
    """The page's DOM has our elements only, one JSON-LD script, and every value intact."""
    elements = dom(page)
    tags = {e.tag for e in elements}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    scripts = [e for e in elements if e.tag == "script"]
    assert len(scripts) == 1 and scripts[0].attrs == [("type", "application/ld+json")]
    assert json.loads("".join(scripts[0].text)) == schema_object(graph, lang)
    for element in elements:
        assert not any(name.startswith("on") for name, _ in element.attrs), element
        for name, value in element.attrs:
            if name == "href":
                assert value is not None and not value.lower().lstrip().startswith(("javascript:", "data:"))
    notice = graph.notice
    titles = [e for e in elements if e.tag == "title"]
    assert len(titles) == 1
    expected = next(t.value for t in notice.titles if t.lang == lang)
    assert "".join(titles[0].text) == expected
    meta = {}
    for e in elements:
        if e.tag == "meta" and e.attr("name"):
            meta.setdefault(e.attr("name"), []).append(e.attr("content"))
    assert meta["citation_title"] == [expected]
    assert meta["DC.title"] == [t.value for t in notice.titles]
    assert meta["citation_author"] == [
        f"{a.family}, {a.given}" if getattr(a, "family", None) else a.display_name for a in notice.creators
    ]
    assert meta["citation_journal_title"] == [notice.container.title]
    h1 = next(e for e in elements if e.tag == "h1")
    assert "".join(h1.text) == expected


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hostile_fields_stay_text(payload: str, lang: str) -> None:
    graph = map_notice(Notice.from_dict(hostile_record(payload)))
    related = {"creators": [RelatedLink("https://hdl.handle.net/10670/1.bbbbbb", None, payload, 1)]}
    page = render_page(graph, lang, related=related)
    check_contained(page, graph, lang)
    # the raw payload never appears unescaped in markup
    assert "<script>window" not in page and "<img" not in page and "<svg" not in page


_TOKENS = [
    *"<>\"'&/=;:!- abc\u2028\u2029\u202e\u200fé\\",
    "</script>",
    "<!--",
    "-->",
    "</style>",
    " onerror=",
]
hostile_text = (
    st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=20)
    .map("".join)
    .filter(lambda s: s.strip(" \u2028\u2029") != "")
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=hostile_text)
def test_any_hostile_text_stays_text(payload: str) -> None:
    graph = map_notice(Notice.from_dict(hostile_record(payload)))
    check_contained(render_page(graph, "fr"), graph, "fr")


def test_head_fragment_of_the_seed(seed: Notice) -> None:
    graph = map_notice(seed)
    head = head_fragment(graph, "fr", links=Links(base_url="https://example.org/"))
    elements = dom(head)
    meta = [(e.attr("name"), e.attr("content")) for e in elements if e.tag == "meta"]
    assert ("citation_author", "Jouet, Emmanuelle") in meta
    assert ("citation_publication_date", "2019") in meta
    assert ("citation_journal_title", "Vie sociale") in meta
    assert ("citation_abstract_html_url", "https://example.org/notice/handle/10670/1.jt89mr") in meta
    assert ("DC.identifier", "https://hdl.handle.net/10670/1.jt89mr") in meta
    alternates = {
        e.attr("type"): e.attr("href") for e in elements if e.tag == "link" and e.attr("rel") == "alternate"
    }
    assert alternates == {
        "text/turtle": "/notice/handle/10670/1.jt89mr?format=turtle",
        "application/ld+json": "/notice/handle/10670/1.jt89mr?format=jsonld",
        "application/n-triples": "/notice/handle/10670/1.jt89mr?format=ntriples",
        "application/rdf+xml": "/notice/handle/10670/1.jt89mr?format=rdfxml",
    }


def highwire(page: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in dom(page):
        name = e.attr("name")
        if e.tag == "meta" and name and name.startswith("citation_"):
            out.setdefault(name, []).append(e.attr("content") or "")
    return out


def test_extruct_reads_every_example_page(example_notices: list[Notice]) -> None:
    """What crawlers use: JSON-LD with @type, headline, authors, date; DC and Highwire tags."""
    for notice in example_notices:
        graph = map_notice(notice)
        for lang in ("fr", "en"):
            page = render_page(graph, lang, links=Links(base_url="https://example.org/"))
            data = extruct.extract(
                page, base_url="https://example.org/", syntaxes=["json-ld", "dublincore"], uniform=False
            )
            (jsonld,) = data["json-ld"]
            expected = schema_object(graph, lang)
            assert jsonld["@type"] == expected["@type"] != "CreativeWork" or notice.type.value == "other"
            assert jsonld["headline"] == expected["headline"]
            assert [a["name"] for a in jsonld.get("author", [])] == [a.display_name for a in notice.creators]
            assert jsonld.get("datePublished") == notice.issued
            (dc,) = data["dublincore"]
            elements = {}
            for element in dc["elements"]:
                elements.setdefault(element["name"], []).append(element["content"])
            assert elements["DC.title"] == [t.value for t in notice.titles]
            assert elements.get("DC.creator", []) == [a.display_name for a in notice.creators]
            assert elements.get("DC.date") == ([notice.issued] if notice.issued else None)
            assert dc["namespaces"]["DC"] == "http://purl.org/dc/elements/1.1/"
            tags = highwire(page)
            assert tags["citation_title"] == [expected["headline"]]
            assert len(tags.get("citation_author", [])) == len(notice.creators)
            if notice.issued:
                assert tags["citation_publication_date"] == [notice.issued.replace("-", "/")]
            if notice.container is not None and notice.container.type.value == "journal":
                assert tags["citation_journal_title"] == [notice.container.title]
            dois = [i.value for i in (notice.id, *notice.identifiers) if i.scheme.value == "doi"]
            assert tags.get("citation_doi", []) == dois


def test_highwire_tags_of_a_full_article() -> None:
    notice = Notice.from_dict(
        {
            "id": "10.3917/vsoc.191.0123",
            "type": "article",
            "titles": [{"value": "Titre", "lang": "fr"}],
            "creators": [{"family": "Jouet", "given": "Emmanuelle"}, {"name": "Collectif Alfapsy"}],
            "issued": "2019-03-05",
            "languages": ["fr"],
            "container": {
                "title": "Vie sociale",
                "issn": "1950-4667",
                "eissn": "2102-5959",
                "volume": "25",
                "issue": "1",
                "pages": "123-140",
            },
            "identifiers": ["https://example.org/articles/vsoc.pdf"],
            "publisher": {"type": "organization", "name": "Érès"},
        }
    )
    tags = highwire(render_page(map_notice(notice), "fr", links=Links(base_url="https://example.org")))
    assert tags == {
        "citation_title": ["Titre"],
        "citation_author": ["Jouet, Emmanuelle", "Collectif Alfapsy"],
        "citation_publication_date": ["2019/03/05"],
        "citation_journal_title": ["Vie sociale"],
        "citation_issn": ["1950-4667", "2102-5959"],
        "citation_volume": ["25"],
        "citation_issue": ["1"],
        "citation_firstpage": ["123"],
        "citation_lastpage": ["140"],
        "citation_doi": ["10.3917/vsoc.191.0123"],
        "citation_pdf_url": ["https://example.org/articles/vsoc.pdf"],
        "citation_language": ["fr"],
        "citation_publisher": ["Érès"],
        "citation_abstract_html_url": ["https://example.org/notice/doi/10.3917/vsoc.191.0123"],
    }


def test_page_shows_abstracts_with_their_language_and_the_citation(seed: Notice) -> None:
    from notice_ld.citation import cite

    page = render_page(map_notice(seed), "fr")
    sections = [e for e in dom(page) if e.tag == "section" and e.attr("class") == "abstract"]
    assert [s.attr("lang") for s in sections] == ["fr", "en"]
    assert seed.abstracts[1].value in "".join(sections[1].text)
    quotes = ["".join(e.text) for e in dom(page) if e.tag == "q"]
    assert cite(seed, style="isidore", lang="fr") in quotes
    links = [e.attr("href") for e in dom(page) if e.tag == "a"]
    for ext in (
        "turtle",
        "jsonld",
        "ntriples",
        "rdfxml",
        "nquads",
        "bibtex",
        "ris",
        "csl-json",
        "schema-jsonld",
    ):
        assert f"/notice/handle/10670/1.jt89mr?format={ext}" in links


def test_links_only_to_http_iris() -> None:
    notice = Notice.from_dict(
        {
            "id": "10670/1.aaaaaa",
            "titles": [{"value": "T"}],
            "identifiers": ["urn:nbn:se:su:diva-134521"],
            "license": {"iri": "https://creativecommons.org/licenses/by/4.0/"},
        }
    )
    hrefs = [e.attr("href") for e in dom(render_page(map_notice(notice), "en")) if e.tag == "a"]
    assert "https://creativecommons.org/licenses/by/4.0/" in hrefs
    assert not any(h and h.startswith("urn:") for h in hrefs)


def test_page_language_must_be_french_or_english(seed: Notice) -> None:
    from notice_ld.errors import ConfigError

    with pytest.raises(ConfigError, match="French or English"):
        render_page(map_notice(seed), "de")


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [("fr", "Résumé (fr)", "Résumé (en)"), ("en", "Abstract (en)", "Abstract (fr)")],
)
def test_the_abstract_in_the_page_language_comes_first(lang: str, first: str, second: str) -> None:
    from notice_ld.mapping import map_notice
    from notice_ld.model import Notice
    from notice_ld.web.pages import render_page

    notice = Notice.from_dict(
        {
            "id": "10670/1.abc001",
            "titles": [{"value": "T"}],
            "abstracts": [{"value": "In English.", "lang": "en"}, {"value": "En français.", "lang": "fr"}],
        }
    )
    html = render_page(map_notice(notice), lang)
    assert html.index(first) < html.index(second)
