"""Landing pages: the HTML page of a notice, and the ``<head>`` fragment a web framework embeds.

:func:`head_fragment` is what crawlers read: the schema.org JSON-LD block
(:func:`notice_ld.writers.schema_jsonld.script_block`, in the page language), the Highwire Press
``citation_*`` meta tags Google Scholar reads (title, authors in order, date, journal, ISSN,
volume, issue, pages, DOI, PDF, language, abstract page…), Dublin Core ``DC.*`` / ``DCTERMS.*``
meta tags, and ``<link rel="alternate">`` to the RDF serializations. :func:`render_page` wraps it
in a readable page: title, authors, date, journal, abstracts (each marked with its ``lang``),
identifiers as links, licence, the citation, related notices and "export as" links.

Templates are Jinja2 (``notice_ld/web/templates``) with autoescaping on, and every value in
them is treated as hostile: text and attributes are escaped by Jinja, the JSON-LD block by
:func:`~notice_ld.writers.schema_jsonld.embed_json`, and links are emitted only for ``http(s)``
IRIs. Jinja2 is imported on first use.

>>> from notice_ld.model import Notice
>>> from notice_ld.mapping import map_notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article", "issued": "2019-03",
...     "titles": [{"value": "Savoirs <b>et</b> pouvoir", "lang": "fr"}],
...     "creators": [{"family": "Jouet", "given": "Emmanuelle"}],
...     "container": {"title": "Vie sociale", "issn": "1950-4667", "volume": "25", "pages": "123-140"}})
>>> head = head_fragment(map_notice(n), "fr")
>>> print("\\n".join(line for line in head.splitlines() if "citation_" in line))
<meta name="citation_title" content="Savoirs &lt;b&gt;et&lt;/b&gt; pouvoir" lang="fr">
<meta name="citation_author" content="Jouet, Emmanuelle">
<meta name="citation_publication_date" content="2019/03">
<meta name="citation_journal_title" content="Vie sociale">
<meta name="citation_issn" content="1950-4667">
<meta name="citation_volume" content="25">
<meta name="citation_firstpage" content="123">
<meta name="citation_lastpage" content="140">
>>> page = render_page(map_notice(n), "en")
>>> page.startswith('<!DOCTYPE html>\\n<html lang="en">'), "<h1 lang=\\"fr\\">Savoirs &lt;b&gt;" in page
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from notice_ld.citation import Style, citation_language, cite
from notice_ld.formats import Format
from notice_ld.identifiers import Scheme
from notice_ld.languages import Language
from notice_ld.mapping import NoticeGraph
from notice_ld.model import Concept, LongText, Notice, Organization, Person, pick_text
from notice_ld.related import RelatedBy
from notice_ld.web.conneg import VARIANTS, Variant
from notice_ld.web.paths import notice_path
from notice_ld.web.related import RelatedLink
from notice_ld.writers.schema_jsonld import script_block

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "Links",
    "check_iri",
    "environment",
    "head_fragment",
    "labels",
    "page_context",
    "render_page",
    "safe_href",
]


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an ``http(s)`` IRI (the only links a page makes from data), else ``None``.

    >>> safe_href("javascript:alert(1)") is None, safe_href("https://orcid.org/0000-0002-1825-0097")
    (True, 'https://orcid.org/0000-0002-1825-0097')
    """
    if url is None:
        return None
    head = url[:8].lower()
    return url if head.startswith(("http://", "https://")) else None


def check_iri(name: str, value: str, *, http: bool = True) -> str:
    """``value`` if it is a valid IRI (an ``http(s)`` one when ``http``), else ``ConfigError``
    naming the option: for the IRIs a site or a server is configured with.

    >>> check_iri("base URL", "https://example.org/")
    'https://example.org/'
    >>> check_iri("SPARQL endpoint", "javascript:alert(1)")
    Traceback (most recent call last):
    ...
    notice_ld.errors.ConfigError: the SPARQL endpoint must be an http(s) URL: 'javascript:alert(1)'
    """
    import pyoxigraph as ox

    from notice_ld.errors import ConfigError

    try:
        ox.NamedNode(value)
    except ValueError:
        raise ConfigError(f"the {name} is not a valid IRI: {value!r}") from None
    if http and safe_href(value) is None:
        raise ConfigError(f"the {name} must be an http(s) URL: {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class Links:
    """How a page links to the rest of the site.

    ``root`` leads from the page to the site root (``"/"`` on a server, ``"../../../"`` in a
    static site); ``page_suffix`` ends page links (``".html"`` in a static site);
    ``exports`` is ``"query"`` (``?format=NAME`` on the page, for the server) or ``"files"``
    (sibling files ``PAGE.ttl``… in a static site); ``base_url`` makes absolute URLs (canonical
    link, ``citation_abstract_html_url``) when known.

    >>> Links().page("notice/handle/10670/1.jt89mr")
    '/notice/handle/10670/1.jt89mr'
    >>> Links(root="../../../", page_suffix=".html", exports="files").export(
    ...     "notice/handle/10670/1.jt89mr", VARIANTS[1])
    '../../../notice/handle/10670/1.jt89mr.ttl'
    """

    root: str = "/"
    page_suffix: str = ""
    exports: str = "query"
    base_url: str | None = None

    def page(self, path: str) -> str:
        """The link to a notice page from this page."""
        return f"{self.root}{path}{self.page_suffix}"

    def export(self, path: str, variant: Variant) -> str:
        """The link to one representation of the notice at ``path``."""
        if self.exports == "files":
            return f"{self.root}{path}.{variant.extension}"
        return f"{self.root}{path}?format={variant.name}"

    def absolute(self, path: str) -> str | None:
        """The absolute URL of a notice page, when ``base_url`` is known."""
        if self.base_url is None:
            return None
        return f"{self.base_url.rstrip('/')}/{path}{self.page_suffix}"


_LABELS: dict[Language, dict[str, str]] = {
    Language.FR: {
        "home": "Accueil",
        "et_al": "et al.",
        "abstract": "Résumé",
        "identifiers": "Identifiants",
        "cite": "Citer ce document",
        "export": "Exporter",
        "date": "Date",
        "journal": "Revue",
        "series": "Collection",
        "book": "Ouvrage",
        "proceedings": "Actes",
        "volume": "Volume",
        "issue": "Numéro",
        "pages": "Pages",
        "publisher": "Éditeur",
        "organization": "Fournisseur",
        "collection": "Collection ISIDORE",
        "source": "Source",
        "license": "Licence",
        "language": "Langue",
        "keywords": "Mots-clés",
        "subjects": "Sujets",
        "disciplines": "Disciplines",
        "scope": "Périmètre",
        "related_creators": "Par les mêmes auteurs",
        "related_subjects": "Sur les mêmes sujets",
        "related_disciplines": "Dans les mêmes disciplines",
        "downloads": "Téléchargements",
        "notices": "Notices",
        "next": "Page suivante",
        "site": "Notices",
        "editor": "Édition",
        "translator": "Traduction",
        "thesis_advisor": "Direction de thèse",
        "contributor": "Contribution",
    },
    Language.EN: {
        "home": "Home",
        "et_al": "et al.",
        "abstract": "Abstract",
        "identifiers": "Identifiers",
        "cite": "Cite this document",
        "export": "Export as",
        "date": "Date",
        "journal": "Journal",
        "series": "Series",
        "book": "Book",
        "proceedings": "Proceedings",
        "volume": "Volume",
        "issue": "Issue",
        "pages": "Pages",
        "publisher": "Publisher",
        "organization": "Provider",
        "collection": "ISIDORE collection",
        "source": "Source",
        "license": "Licence",
        "language": "Language",
        "keywords": "Keywords",
        "subjects": "Subjects",
        "disciplines": "Disciplines",
        "scope": "Scope",
        "related_creators": "By the same authors",
        "related_subjects": "On the same subjects",
        "related_disciplines": "In the same disciplines",
        "downloads": "Downloads",
        "notices": "Notices",
        "next": "Next page",
        "site": "Notices",
        "editor": "Editor",
        "translator": "Translator",
        "thesis_advisor": "Thesis advisor",
        "contributor": "Contributor",
    },
}
_TYPES = {
    Language.FR: {
        "article": "Article",
        "book": "Livre",
        "chapter": "Chapitre",
        "thesis": "Thèse",
        "report": "Rapport",
        "conference_paper": "Communication",
        "working_paper": "Document de travail",
        "dataset": "Jeu de données",
        "other": "Document",
    },
    Language.EN: {
        "article": "Article",
        "book": "Book",
        "chapter": "Chapter",
        "thesis": "Thesis",
        "report": "Report",
        "conference_paper": "Conference paper",
        "working_paper": "Working paper",
        "dataset": "Dataset",
        "other": "Document",
    },
}
_FORMAT_LABELS = {
    "html": "HTML",
    "turtle": "Turtle",
    "jsonld": "JSON-LD",
    "ntriples": "N-Triples",
    "rdfxml": "RDF/XML",
    "nquads": "N-Quads",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "csl-json": "CSL-JSON",
    "schema-jsonld": "schema.org JSON-LD",
}
_ALTERNATES = (Format.TURTLE, Format.JSON_LD, Format.N_TRIPLES, Format.RDF_XML)


def labels(lang: str) -> Mapping[str, str]:
    """The page's fixed words in ``lang`` (French or English).

    >>> labels("en-GB")["cite"]
    'Cite this document'
    """
    return _LABELS[citation_language(lang)]


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of the bundled templates (autoescaping on), built once."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("notice_ld.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        keep_trailing_newline=False,
        auto_reload=False,
    )


def _meta(name: str, content: str | None, lang: str | None = None, scheme: str | None = None) -> Any:
    return {"name": name, "content": content, "lang": lang, "scheme": scheme}


def _author_name(agent: Person | Organization) -> str:
    if isinstance(agent, Person) and agent.family and agent.given:
        return f"{agent.family}, {agent.given}"
    return agent.display_name


def _agent_href(agent: Person | Organization) -> str | None:
    for identifier in agent.identifiers:
        href = safe_href(identifier.iri)
        if href:
            return href
    return None


def _highwire(n: Notice, lang: str, title: Any, page_url: str | None) -> list[Any]:
    meta = [_meta("citation_title", title.value, title.lang)]
    meta += [_meta("citation_author", _author_name(a)) for a in n.creators]
    if n.issued:
        meta.append(_meta("citation_publication_date", n.issued.replace("-", "/")))
    c = n.container
    if c is not None:
        kind = {
            "journal": "citation_journal_title",
            "series": "citation_series_title",
            "book": "citation_inbook_title",
            "proceedings": "citation_conference_title",
        }[c.type.value]
        meta.append(_meta(kind, c.title))
        issns = dict.fromkeys(i.value for i in (c.issn, c.eissn, c.issn_l) if i is not None)
        meta += [_meta("citation_issn", i) for i in issns]
        if c.isbn is not None:
            meta.append(_meta("citation_isbn", c.isbn.value))
        if c.volume:
            meta.append(_meta("citation_volume", c.volume))
        if c.issue:
            meta.append(_meta("citation_issue", c.issue))
        pages = c.page_range
        if pages:
            meta += [_meta("citation_firstpage", pages[0]), _meta("citation_lastpage", pages[1])]
        elif c.pages:
            meta.append(_meta("citation_firstpage", c.pages))
    identifiers = [n.id, *n.identifiers]
    meta += [_meta("citation_doi", i.value) for i in identifiers if i.scheme is Scheme.DOI]
    meta += [_meta("citation_isbn", i.value) for i in identifiers if i.scheme is Scheme.ISBN]
    for i in identifiers:
        if i.scheme is Scheme.URL and i.value.lower().split("?")[0].endswith(".pdf"):
            meta.append(_meta("citation_pdf_url", i.value))
    meta += [_meta("citation_language", language) for language in n.languages]
    if n.publisher is not None:
        meta.append(_meta("citation_publisher", n.publisher.display_name))
    institution = n.organization or n.publisher
    if institution is not None and n.type.value in ("thesis", "report"):
        kind = "dissertation" if n.type.value == "thesis" else "technical_report"
        meta.append(_meta(f"citation_{kind}_institution", institution.display_name))
    base = lang.split("-")[0]
    meta += [
        _meta("citation_keywords", k.value, k.lang)
        for k in n.keywords
        if k.lang is None or k.lang.split("-")[0] == base
    ]
    abstract_page = page_url or safe_href(n.landing_page)
    if abstract_page:
        meta.append(_meta("citation_abstract_html_url", abstract_page))
    return meta


def _concept_label(concept: Concept, lang: str) -> tuple[str, str | None]:
    label = pick_text(concept.labels, lang)
    if label is None:
        return concept.notation or concept.iri or "", None
    return label.value, label.lang


def _dublin_core(n: Notice, lang: str, citation: str) -> list[Any]:
    meta = [_meta("DC.title", t.value, t.lang) for t in n.titles]
    meta += [_meta("DC.creator", a.display_name) for a in n.creators]
    meta += [_meta("DC.contributor", c.agent.display_name) for c in n.contributors]
    if n.issued:
        meta.append(_meta("DC.date", n.issued, scheme="DCTERMS.W3CDTF"))
        meta.append(_meta("DCTERMS.issued", n.issued, scheme="DCTERMS.W3CDTF"))
    meta += [_meta("DC.identifier", i.iri, scheme="DCTERMS.URI") for i in (n.id, *n.identifiers)]
    meta += [_meta("DC.language", language, scheme="DCTERMS.RFC5646") for language in n.languages]
    if n.publisher is not None:
        meta.append(_meta("DC.publisher", n.publisher.display_name))
    meta += [_meta("DC.subject", k.value, k.lang) for k in n.keywords]
    for concept in (*n.disciplines, *n.subjects):
        value, label_lang = _concept_label(concept, lang)
        meta.append(_meta("DC.subject", value, label_lang))
    meta += [_meta("DC.description", a.value, a.lang) for a in n.abstracts]
    meta.append(_meta("DC.type", _TYPES[Language.EN][n.type.value]))
    if n.license is not None:
        meta.append(_meta("DC.rights", n.license.iri or n.license.label))
    if n.container is not None:
        meta.append(_meta("DCTERMS.isPartOf", n.container.title))
    meta.append(_meta("DCTERMS.bibliographicCitation", citation))
    return meta


def _head_context(
    graph: NoticeGraph,
    lang: str,
    links: Links,
    citation: str,
    title: Any,
    exports: Sequence[Variant] = VARIANTS[1:],
) -> dict[str, Any]:
    n = graph.notice
    path = notice_path(n.id)
    page_url = links.absolute(path)
    return {
        "jsonld": _markup(script_block(graph, lang)),
        "meta": _highwire(n, lang, title, page_url) + _dublin_core(n, lang, citation),
        "alternates": [  # only representations that exist (a static site may write fewer)
            {"media_type": f.media_type, "href": links.export(path, v), "label": _FORMAT_LABELS[f.value]}
            for f in _ALTERNATES
            for v in exports
            if v.format is f
        ],
    }


def _markup(text: str) -> Any:
    """Mark HTML we built as safe: only the JSON-LD block (escaped by ``embed_json``) and the
    head fragment (rendered by the autoescaping environment) go through here."""
    import markupsafe

    return markupsafe.Markup(text)  # noqa: S704


def head_fragment(graph: NoticeGraph, lang: str = Language.FR, *, links: Links | None = None) -> str:
    """The ``<head>`` elements of a notice's page in ``lang`` (see the module docs).

    ``links`` says where the alternate representations are (``?format=NAME`` on the page by
    default, which is what :mod:`notice_ld.web.app` serves).
    """
    chosen = links or Links()
    n = graph.notice
    title = pick_text(n.titles, lang) or n.titles[0]
    citation = cite(n, style=Style.ISIDORE, lang=lang)
    context = _head_context(graph, lang, chosen, citation, title)
    return environment().get_template("head.html").render(context)


def page_context(
    graph: NoticeGraph,
    lang: str = Language.FR,
    *,
    links: Links | None = None,
    related: Mapping[RelatedBy, Sequence[RelatedLink]] | None = None,
    exports: Sequence[Variant] = VARIANTS[1:],
) -> dict[str, Any]:
    """Everything the page template shows, as plain values (for custom templates)."""
    chosen = links or Links()
    language = citation_language(lang)
    t = _LABELS[language]
    n = graph.notice
    path = notice_path(n.id)
    title = pick_text(n.titles, lang) or n.titles[0]
    citations = [
        {"style": "ISIDORE", "text": cite(n, style=Style.ISIDORE, lang=language)},
        {"style": "APA", "text": cite(n, style=Style.APA, lang=language)},
    ]
    facts: list[dict[str, Any]] = []

    def fact(label: str, value: str | None, href: str | None = None) -> None:
        if value:
            facts.append({"label": t[label], "value": value, "href": safe_href(href)})

    fact("date", n.issued)
    if n.container is not None:
        c = n.container
        fact(c.type.value, c.title, c.iri)
        fact("volume", c.volume)
        fact("issue", c.issue)
        fact("pages", c.pages)
    fact("source", n.source if n.container is None or n.source != n.container.title else None)
    if n.publisher is not None:
        fact("publisher", n.publisher.display_name, _agent_href(n.publisher))
    if n.organization is not None:
        fact("organization", n.organization.display_name, _agent_href(n.organization))
    if n.collection is not None:
        fact("collection", n.collection.name, n.collection.iri)
    if n.scope is not None:
        fact("scope", _concept_label(n.scope, lang)[0], n.scope.iri)
    if n.languages:
        fact("language", ", ".join(n.languages))
    if n.license is not None:
        fact("license", n.license.label or n.license.iri, n.license.iri)
    concepts = []
    base = lang.split("-")[0]
    keywords = [
        {"value": k.value, "lang": k.lang, "href": None}
        for k in n.keywords
        if k.lang is None or k.lang.split("-")[0] == base
    ] or [{"value": k.value, "lang": k.lang, "href": None} for k in n.keywords]
    for key, items in (("disciplines", n.disciplines), ("subjects", n.subjects)):
        if items:
            values = []
            for concept in items:
                value, label_lang = _concept_label(concept, lang)
                values.append({"value": value, "lang": label_lang, "href": safe_href(concept.iri)})
            concepts.append({"label": t[key], "items": values})
    if keywords:
        concepts.append({"label": t["keywords"], "items": keywords})
    related_groups = []
    for by in RelatedBy:
        found = (related or {}).get(by) or ()
        if found:
            related_groups.append(
                {
                    "label": t[f"related_{by.value}"],
                    "links": [
                        {
                            "title": r.title or r.iri,
                            "href": chosen.page(r.path) if r.path else safe_href(r.iri),
                        }
                        for r in found
                    ],
                }
            )
    context: dict[str, Any] = {
        "lang": language,
        "t": t,
        "home": f"{chosen.root}index.html" if chosen.exports == "files" else chosen.root,
        "page_url": chosen.absolute(path),
        "title": title.value,
        "title_lang": title.lang,
        "other_titles": [{"value": x.value, "lang": x.lang or ""} for x in n.titles if x is not title],
        "type_label": n.type_label or _TYPES[language][n.type.value],
        "authors": [{"name": a.display_name, "href": _agent_href(a)} for a in n.creators],
        "et_al": n.creators_et_al,
        "contributors": [
            {"role": t[c.role.value], "name": c.agent.display_name, "href": _agent_href(c.agent)}
            for c in n.contributors
        ],
        "facts": facts,
        "abstracts": [
            {"lang": a.lang, "paragraphs": a.value.split("\n\n")} for a in _page_first(n.abstracts, language)
        ],
        "concepts": concepts,
        "identifiers": [
            {"label": i.scheme.label, "value": i.value, "href": safe_href(i.iri)}
            for i in (n.id, *n.identifiers)
        ],
        "citations": citations,
        "related": related_groups,
        "exports": [
            {"href": chosen.export(path, v), "media_type": v.media_type, "label": _FORMAT_LABELS[v.name]}
            for v in exports
        ],
    }
    context.update(_head_context(graph, lang, chosen, citations[0]["text"], title, exports))
    return context


def render_page(
    graph: NoticeGraph,
    lang: str = Language.FR,
    *,
    links: Links | None = None,
    related: Mapping[RelatedBy, Sequence[RelatedLink]] | None = None,
    exports: Sequence[Variant] = VARIANTS[1:],
) -> str:
    """The full HTML landing page of a notice in ``lang`` (French or English).

    ``related`` maps ``"creators"`` / ``"subjects"`` / ``"disciplines"`` to related links;
    ``exports`` are the representations linked under "export as" (all by default).
    """
    env = environment()
    context = page_context(graph, lang, links=links, related=related, exports=exports)
    context["head"] = _markup(env.get_template("head.html").render(context))
    return env.get_template("notice.html").render(context)


def _page_first(texts: Sequence[LongText], language: str) -> list[LongText]:
    """``texts`` with those in the page's language first (then the others, in their order).

    >>> [t.lang for t in _page_first([LongText(value="a", lang="en"), LongText(value="b", lang="fr")], "fr")]
    ['fr', 'en']
    """
    mine = [t for t in texts if t.lang is not None and t.lang.split("-")[0] == language]
    return mine + [t for t in texts if t not in mine]
