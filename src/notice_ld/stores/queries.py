"""Reading a store: ``related`` notices (same authors / subjects / disciplines), ``get``, ``query``.

The "Par les mêmes auteurs / Sur les mêmes sujets / Sur les mêmes disciplines" lists of a notice
page are SPARQL queries over the store. The notice's IRIs are the only values put into them, and
they go in as escaped RDF terms (:mod:`notice_ld.stores._sparql`): an identifier is parsed and
checked first, so a hostile one is refused, never pasted into the query.

>>> import tempfile
>>> from notice_ld.model import Notice
>>> from notice_ld.stores.embedded import EmbeddedStore
>>> from notice_ld.stores.load import load
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> person = {"family": "Jouet", "given": "Emmanuelle"}
>>> _ = load(store, [
...     Notice.from_dict({"id": "10670/1.aaaaaa", "titles": [{"value": "A"}], "creators": [person]}),
...     Notice.from_dict({"id": "10670/1.bbbbbb", "titles": [{"value": "B"}], "creators": [person]}),
...     Notice.from_dict({"id": "10670/1.cccccc", "titles": [{"value": "C"}]})])
>>> [(r.iri, r.shared, r.title) for r in related(store, "10670/1.aaaaaa", "creators")]
[('https://hdl.handle.net/10670/1.bbbbbb', 1, 'B')]
>>> get(store, "10670/1.bbbbbb").notice.titles[0].value
'B'
>>> store.close()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.crosswalk import expand
from notice_ld.errors import RecordError, StoreError
from notice_ld.mapping import NoticeGraph
from notice_ld.mapping._engine import document_iri
from notice_ld.model import Notice
from notice_ld.stores import QueryResult, Store
from notice_ld.stores._sparql import iri

__all__ = ["BY", "Related", "get", "graph_iri", "notice_iri", "query", "related"]

_DEFAULT = Config()

BY: Final = ("creators", "subjects", "disciplines")
"""What ``related`` can compare."""


@dataclass(frozen=True, slots=True)
class Related:
    """A related notice: its IRI, how many creators/subjects/disciplines it shares, one title."""

    iri: str
    shared: int
    title: str | None


def notice_iri(identifier: str, config: Config | None = None) -> str:
    """The document IRI of a notice identifier (checked like any identifier in a record).

    >>> notice_iri("hdl:10670/1.jt89mr")
    'https://hdl.handle.net/10670/1.jt89mr'
    """
    try:
        ident = ids.parse(identifier)
    except RecordError as exc:
        raise RecordError(record=identifier, field="id", problem=exc.problem, fix=exc.fix) from None
    stub = Notice.model_construct(id=ident, titles=())
    return document_iri(stub, config or _DEFAULT)


def graph_iri(identifier: str, config: Config | None = None) -> str:
    """The named graph of a notice identifier in a store."""
    cfg = config or _DEFAULT
    return ids.mint_iri(cfg.base_iri, "graph", notice_iri(identifier, cfg))


def _shared_query(doc: str, graph: str, by: str, limit: int) -> str:
    creator = iri(expand("dcterms:creator"))
    subject = iri(expand("dcterms:subject"))
    discipline = iri(expand("nld:discipline"))
    title = iri(expand("dcterms:title"))
    d, g = iri(doc), iri(graph)
    if by == "creators":
        mine = f"GRAPH {g} {{ {d} {creator} ?x }}"
        theirs = f"?doc {creator} ?x"
    elif by == "subjects":
        mine = (
            f"GRAPH {g} {{ {d} {subject} ?x FILTER(isIRI(?x)) FILTER NOT EXISTS {{ {d} {discipline} ?x }} }}"
        )
        theirs = f"?doc {subject} ?x"
    else:
        mine = f"GRAPH {g} {{ {d} {discipline} ?x }}"
        theirs = f"?doc {discipline} ?x"
    return (
        "SELECT ?doc (COUNT(DISTINCT ?x) AS ?shared) (MIN(STR(?t)) AS ?title) WHERE { "
        f"{mine} GRAPH ?other {{ {theirs} OPTIONAL {{ ?doc {title} ?t }} }} FILTER(?doc != {d}) "
        f"}} GROUP BY ?doc ORDER BY DESC(?shared) ?doc LIMIT {int(limit)}"
    )


def related(
    store: Store, identifier: str, by: str, *, limit: int = 20, config: Config | None = None
) -> list[Related]:
    """Notices sharing creators, subjects or disciplines with ``identifier``, most shared first."""
    if by not in BY:
        raise StoreError(f"related by {by!r}? use one of: {', '.join(BY)}")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise StoreError(f"the limit must be a positive whole number, not {limit!r}")
    cfg = config or _DEFAULT
    doc = notice_iri(identifier, cfg)
    result = store.query(_shared_query(doc, graph_iri(identifier, cfg), by, limit))
    out = []
    for other, shared, title in result.rows:
        if other is None or not other.startswith("<"):
            continue
        out.append(Related(other[1:-1], _number(shared), _text(title)))
    return out


def _number(term: str | None) -> int:
    if term is None:
        return 0
    return int(term.split('"')[1]) if term.startswith('"') else int(term)


def _text(term: str | None) -> str | None:
    if term is None:
        return None
    import pyoxigraph as ox

    quad = next(ox.parse(f"<x:s> <x:p> {term} .".encode(), ox.RdfFormat.N_TRIPLES))
    return str(quad.object.value)


def get(store: Store, identifier: str, *, config: Config | None = None) -> NoticeGraph | None:
    """The notice graph of ``identifier`` as stored, with the notice rebuilt from it (or ``None``)."""
    from notice_ld.mapping.reverse import notice_from_graph
    from notice_ld.terms import triple_key

    cfg = config or _DEFAULT
    doc = notice_iri(identifier, cfg)
    graph = graph_iri(identifier, cfg)
    triples = store.triples(graph)
    if triples is None:
        return None
    notice = notice_from_graph(triples, doc, cfg)
    return NoticeGraph(
        iri=doc, graph=graph, notice=notice, config=cfg, triples=tuple(sorted(triples, key=triple_key))
    )


def query(store: Store, sparql: str) -> QueryResult:
    """Run a SPARQL query against the store."""
    return store.query(sparql)
