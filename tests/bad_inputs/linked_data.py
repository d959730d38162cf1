"""Bad inputs of the linked-data readers: RDF (N-Triples, Turtle, RDF/XML, JSON-LD), schema.org
JSON-LD and HTML landing pages.

N-Triples is read line by line: a bad line costs itself. Turtle, RDF/XML and JSON-LD are parsed
as one graph: a syntax error (a bad IRI, an undeclared prefix, a cut) refuses the document with
one error naming its line, and nothing of it is written. Nothing is ever fetched: a remote
``@context`` is an error, a DTD is refused. An HTML page is one record unit: a bad JSON-LD block
costs itself, ``</script>`` inside a JSON string ends the block as a browser would.
"""

from __future__ import annotations

import json
from typing import Any

from notice_ld.readers import InputFormat

from .case import Case, Rejected, jsonl

__all__ = ["CASES"]

_RDF, _SO, _HTML = InputFormat.RDF, InputFormat.SCHEMA_ORG, InputFormat.HTML
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_DCT = "http://purl.org/dc/terms/"
_ARTICLE = "<http://purl.org/ontology/bibo/AcademicArticle>"


def _nt(key: str, title: str = '"Un titre"@fr', extra: str = "") -> str:
    subject = f"<https://doi.org/10.1234/nt.{key}>"
    return (
        f"{subject} {_TYPE} {_ARTICLE} .\n{subject} <{_DCT}title> {title} .\n"
        f'{subject} <{_DCT}issued> "2020" .\n{subject} <{_DCT}creator> "Doe, Jane" .\n{extra}'
    )


_NT_GOOD = ("10.1234/nt.good1", "10.1234/nt.good2")


def _ntriples(name: str, middle: str | bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    first, last = _nt("good1").encode(), _nt("good2").encode()
    data = first + (middle if isinstance(middle, bytes) else middle.encode()) + last
    good = kw.pop("good", _NT_GOOD)
    kw["args"] = ("--from", "rdf", *kw.get("args", ()))  # validate reads .nt as RDF to check, else
    return Case(f"rdf-nt-{name}", ".nt", data, good, rejected, reader=_RDF, **kw)


_PREFIXES = "@prefix dct: <http://purl.org/dc/terms/> . @prefix bibo: <http://purl.org/ontology/bibo/> .\n"


def _ttl(key: str, extra: str = "") -> str:
    subject = f"<https://doi.org/10.1234/ttl.{key}>"
    return f'{subject} a bibo:AcademicArticle ; dct:title "Un titre"@fr ; dct:issued "2020"{extra} .\n'


def _turtle(name: str, middle: str, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    data = (_PREFIXES + _ttl("good1") + middle + _ttl("good2")).encode()
    good = kw.pop("good", ())
    absent = kw.pop("absent", () if good else ("ttl.good1",))
    kw["args"] = ("--from", "rdf")
    return Case(f"rdf-ttl-{name}", ".ttl", data, good, rejected, reader=_RDF, absent=absent, **kw)


_RDFXML = (
    '<?xml version="1.0"?>\n{dtd}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:dct="http://purl.org/dc/terms/">\n'
    '<rdf:Description rdf:about="https://doi.org/10.1234/rx.good1"><rdf:type '
    'rdf:resource="http://purl.org/ontology/bibo/AcademicArticle"/><dct:title>{title}</dct:title>'
    "<dct:issued>2020</dct:issued></rdf:Description>\n</rdf:RDF>\n"
)

RDF_CASES = (
    _ntriples(
        "bad-iri-line",
        '<http://exa mple.org/x y> <http://purl.org/dc/terms/title> "bad" .\n',
        (Rejected("rdf-nt-bad-iri-line.nt:5"),),
    ),
    _ntriples(
        "unterminated-literal",
        '<https://doi.org/10.1234/nt.bad1> <http://purl.org/dc/terms/title> "unterminated .\n',
        (Rejected("rdf-nt-unterminated-literal.nt:5"),),
        absent=("nt.bad1",),
    ),
    _ntriples(
        "latin1-title",
        _nt("bad2", title='"Soci\xe9t\xe9"@fr').encode("latin-1"),
        (
            Rejected("rdf-nt-latin1-title.nt:6"),
            Rejected("<https://doi.org/10.1234/nt.bad2>", "dcterms:title"),
        ),
        absent=("nt.bad2",),
    ),
    _ntriples(
        "literals-with-wrong-datatypes",
        _nt(
            "kept1",
            extra='<https://doi.org/10.1234/nt.kept1> <http://purl.org/dc/terms/issued> "not a date"'
            "^^<http://www.w3.org/2001/XMLSchema#date> .\n"
            '<https://doi.org/10.1234/nt.kept1> <http://purl.org/ontology/bibo/volume> "abc"'
            "^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
        ),
        (),
        good=(*_NT_GOOD, "10.1234/nt.kept1"),
    ),
    _ntriples(
        "no-title",
        f"<https://doi.org/10.1234/nt.bad3> {_TYPE} {_ARTICLE} .\n",
        (Rejected("<https://doi.org/10.1234/nt.bad3>", "dcterms:title"),),
        absent=("nt.bad3",),
    ),
    _ntriples(
        "blank-node-without-id",
        f'_:b1 {_TYPE} {_ARTICLE} .\n_:b1 <{_DCT}title> "Sans identifiant" .\n',
        (Rejected("rdf-nt-blank-node-without-id.nt:5", "id"),),
    ),
    _ntriples(
        "bad-language-tag",
        _nt("bad4", title='"Un titre"@not-a-valid-language-tag-xxxxxxxxxx'),
        (
            Rejected("rdf-nt-bad-language-tag.nt:6"),
            Rejected("<https://doi.org/10.1234/nt.bad4>", "dcterms:title"),
        ),
        absent=("nt.bad4",),
    ),
    _ntriples(
        "subject-over-limit",
        _nt(
            "bad5",
            extra="".join(
                f'<https://doi.org/10.1234/nt.bad5> <{_DCT}subject> "mot {i}" .\n' for i in range(2000)
            ),
        ),
        (Rejected("nt.bad5"),),
        args=("--max-record-bytes", "65536"),
        absent=("nt.bad5",),
    ),
    _turtle(
        "syntax-error",
        '<https://doi.org/10.1234/ttl.bad1> a bibo:AcademicArticle ; dct:title "cut ;\n',
        (Rejected("rdf-ttl-syntax-error.ttl:3"),),
    ),
    _turtle(
        "iri-with-space",
        "<https://doi.org/10.1234/ttl.bad2> dct:relation <not an iri> .\n",
        (Rejected("rdf-ttl-iri-with-space.ttl:3"),),
    ),
    _turtle(
        "undeclared-prefix",
        "<https://doi.org/10.1234/ttl.bad3> a nope:Thing .\n",
        (Rejected("rdf-ttl-undeclared-prefix.ttl:3"),),
    ),
    _turtle(
        "wrong-datatypes-kept",
        _ttl(
            "kept1",
            ' ; dct:issued "x"^^<http://www.w3.org/2001/XMLSchema#gYear>'
            ' ; bibo:pageStart "1"^^<http://www.w3.org/2001/XMLSchema#boolean>',
        ),
        (),
        good=("10.1234/ttl.good1", "10.1234/ttl.kept1", "10.1234/ttl.good2"),
    ),
    Case(
        "rdf-xml-billion-laughs",
        ".rdf",
        _RDFXML.format(
            dtd='<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n',
            title="&b;",
        ).encode(),
        (),
        (Rejected("rdf-xml-billion-laughs.rdf", "<!DOCTYPE>"),),
        args=("--from", "rdf"),
        reader=_RDF,
        absent=("rx.good1",),
    ),
    Case(
        "rdf-xml-external-entity",
        ".rdf",
        _RDFXML.format(dtd='<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n', title="&x;").encode(),
        (),
        (Rejected("rdf-xml-external-entity.rdf", "<!DOCTYPE>"),),
        args=("--from", "rdf"),
        reader=_RDF,
        absent=("root:", "rx.good1"),
    ),
    Case(
        "rdf-xml-wrong-rdf-namespace",
        ".rdf",
        _RDFXML.format(dtd="", title="T").replace("22-rdf-syntax-ns#", "22-rdf-syntax-nx#").encode(),
        (),
        (Rejected("rdf-xml-wrong-rdf-namespace.rdf"),),
        args=("--from", "rdf"),
        reader=_RDF,
    ),
    Case(
        "rdf-jsonld-remote-context",
        ".jsonld",
        json.dumps(
            {
                "@context": "https://example.org/context.jsonld",
                "@id": "https://doi.org/10.1234/jl.bad1",
                "title": "T",
            }
        ).encode(),
        (),
        (Rejected("rdf-jsonld-remote-context.jsonld", "@context"),),
        args=("--from", "rdf"),
        reader=_RDF,
    ),
    Case(
        "rdf-jsonld-remote-import",
        ".jsonld",
        json.dumps(
            {
                "@context": {"@version": 1.1, "@import": "https://evil.example/ctx"},
                "@id": "https://doi.org/10.1234/jl.bad2",
            }
        ).encode(),
        (),
        (Rejected("rdf-jsonld-remote-import.jsonld"),),
        args=("--from", "rdf"),
        reader=_RDF,
    ),
)

# schema.org JSON-LD ------------------------------------------------------------------------------


def _work(key: str, **fields: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": f"https://doi.org/10.1234/so.{key}",
        "headline": "Vie sociale",
        "datePublished": "2020",
        "author": {"@type": "Person", "name": "Emmanuelle Jouet"},
        **fields,
    }


_SO_GOOD = ("10.1234/so.good1", "10.1234/so.good2")


def _schema(name: str, middle: Any, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    data = jsonl(_work("good1"), middle, _work("good2"))
    good = kw.pop("good", _SO_GOOD)
    kw.setdefault("args", ("--from", "schema_org"))
    return Case(f"schema_org-{name}", ".jsonl", data, good, rejected, reader=_SO, **kw)


def _raw(record: dict[str, Any], key: str, value: str) -> bytes:
    return (json.dumps(record)[:-1] + f', "{key}": {value}}}\n').encode()


SCHEMA_ORG_CASES = (
    _schema(
        "no-creative-work",
        {"@context": "https://schema.org", "@type": "Person", "name": "X"},
        (Rejected("schema_org-no-creative-work.jsonl:2"),),
    ),
    _schema(
        "no-title",
        {k: v for k, v in _work("bad1").items() if k != "headline"},
        (Rejected("https://doi.org/10.1234/so.bad1 (schema_org-no-title.jsonl:2)", "name"),),
        absent=("so.bad1",),
    ),
    _schema(
        "latin1-headline",
        json.dumps(_work("bad2", headline="Société"), ensure_ascii=False).encode("latin-1") + b"\n",
        (Rejected("schema_org-latin1-headline.jsonl:2"),),
        absent=("so.bad2",),
    ),
    _schema(
        "truncated-line",
        b'{"@context": "https://schema.org", "@type": "ScholarlyArticle", "@id": "https://doi.org/10.1234/so.bad3"\n',
        (Rejected("schema_org-truncated-line.jsonl:2"),),
        absent=("so.bad3",),
    ),
    _schema(
        "deep-nesting",
        _raw(_work("bad4"), "about", "[" * 3000 + "]" * 3000),
        (Rejected("schema_org-deep-nesting.jsonl:2"),),
        absent=("so.bad4",),
    ),
    _schema(
        "huge-integer",
        _raw(_work("bad5"), "wordCount", "9" * 5000),
        (Rejected("schema_org-huge-integer.jsonl:2"),),
        absent=("so.bad5",),
    ),
    _schema(
        "no-identifier",
        {"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": "Sans id"},
        (Rejected("schema_org-no-identifier.jsonl:2", "identifier"),),
    ),
    _schema(
        "types-not-works",
        _work("bad6", **{"@type": ["Thing", 42, None]}),
        (Rejected("schema_org-types-not-works.jsonl:2"),),
        absent=("so.bad6",),
    ),
    _schema(
        "bad-values-kept",
        _work(
            "kept1",
            datePublished="2020-02-30",
            isPartOf={"@type": "Periodical", "issn": "1234-567X"},
            author=[
                {"@type": "Person", "@id": "https://orcid.org/0000-0000-0000-0000", "name": "X"},
                7,
                None,
            ],
            inLanguage={"@type": "Language"},
            license={"@id": "not an iri"},
            keywords=[1, {"x": 2}],
        ),
        (),
        good=(*_SO_GOOD, "10.1234/so.kept1"),
    ),
    Case(
        "schema_org-graph-with-bad-node",
        ".jsonld",
        json.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [
                    _work("good1"),
                    {"@type": "ScholarlyArticle", "@id": "https://doi.org/10.1234/so.bad7"},
                    _work("good2"),
                ],
            }
        ).encode(),
        _SO_GOOD,
        (Rejected("https://doi.org/10.1234/so.bad7", "name"),),
        args=("--from", "schema_org"),
        reader=_SO,
        absent=("so.bad7",),
    ),
)

# HTML landing pages ------------------------------------------------------------------------------


def _block(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f'<script type="application/ld+json">{text}</script>\n'


def _page(*blocks: str, meta: str = "") -> str:
    head = f"<title>Page</title>{meta}{''.join(blocks)}"
    return f"<!DOCTYPE html><html><head>{head}</head><body><p>x</p></body></html>"


def _hwork(key: str, **fields: Any) -> dict[str, Any]:
    return {**_work(key, **fields), "@id": f"https://doi.org/10.1234/html.{key}"}


_H_GOOD = ("10.1234/html.good1", "10.1234/html.good2")


def _html(name: str, text: str | bytes, rejected: tuple[Rejected, ...], **kw: Any) -> Case:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    good = kw.pop("good", _H_GOOD)
    return Case(f"html-{name}", ".html", data, good, rejected, reader=_HTML, **kw)


def _between(middle: str) -> str:
    return _page(_block(_hwork("good1")), middle, _block(_hwork("good2")))


HTML_CASES = (
    _html(
        "block-not-json",
        _between(_block('{"@type": "ScholarlyArticle", "headline": "cut')),
        (Rejected("html-block-not-json.html (ld+json block 2)"),),
    ),
    _html(
        "script-end-tag-in-string",
        _between(_block(_hwork("bad1", headline="a </script><script>alert(1)</script> b"))),
        (Rejected("html-script-end-tag-in-string.html (ld+json block 2)"),),
        absent=("html.bad1", "alert(1)"),
    ),
    _html(
        "script-end-tag-escaped",
        _between(_block(json.dumps(_hwork("kept1", headline="a </script> b")).replace("</", "<\\/"))),
        (),
        good=(*_H_GOOD, "10.1234/html.kept1"),
    ),
    _html(
        "conflicting-blocks-same-work",
        _page(
            _block(_hwork("dup1", headline="Titre A")),
            _block(_hwork("dup1", headline="Titre B", datePublished="2021")),
            _block(_hwork("good2")),
        ),
        (Rejected("10.1234/html.dup1 (html-conflicting-blocks-same-work.html, record 2)", "id"),),
        good=("10.1234/html.dup1", "10.1234/html.good2"),
        absent=("Titre B",),
    ),
    _html(
        "block-without-title",
        _between(_block({k: v for k, v in _hwork("bad2").items() if k != "headline"})),
        (Rejected("html-block-without-title.html (ld+json block 2)", "citation_title"),),
        absent=("html.bad2",),
    ),
    _html(
        "block-too-deep",
        _between(
            _block(
                '{"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": "T", "about": '
                + "[" * 3000
                + "]" * 3000
                + "}"
            )
        ),
        (Rejected("html-block-too-deep.html (ld+json block 2)"),),
    ),
    _html(
        "meta-tags-bad-doi-and-date",
        _page(
            meta='<meta name="citation_title" content="T"><meta name="citation_doi" content="not a doi">'
            '<meta name="citation_publication_date" content="2020/13/45">'
        ),
        (Rejected("html-meta-tags-bad-doi-and-date.html (meta tags)", "citation_doi"),),
        good=(),
    ),
    _html(
        "unclosed-tags-nul-bytes-entities",
        "<html><head><meta name='citation_title' content='&lt;b&gt; &amp;amp; &#0; &#xD800; &unknown;'>"
        "<meta name='citation_doi' content='10.1234/html.kept2'>\x00<p>\x00"
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ScholarlyArticle", '
        '"@id": "https://doi.org/10.1234/html.kept2", "headline": "T"}',
        (),
        good=("10.1234/html.kept2",),
    ),
    _html(
        "page-over-limit",
        _between(_block(_hwork("bad3", abstract="mot " * 2_700_000))),
        (Rejected("html-page-over-limit.html"),),
        good=(),
        absent=("html.good1",),
    ),
    _html(
        "windows-1252-page",
        _page(
            meta='<meta name="citation_title" content="Œuvres – “choisies”">'
            '<meta name="citation_doi" content="10.1234/html.kept3">'
        ).encode("cp1252"),
        (),
        good=("10.1234/html.kept3",),
    ),
)

CASES: tuple[Case, ...] = (*RDF_CASES, *SCHEMA_ORG_CASES, *HTML_CASES)
