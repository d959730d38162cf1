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
>>> [(n.iri, n.title) for n in listing(store, offset=1, limit=2)]
[('https://hdl.handle.net/10670/1.bbbbbb', 'B'), ('https://hdl.handle.net/10670/1.cccccc', 'C')]
>>> c = counts(store)
>>> c.graphs, c.triples > 30, "http://purl.org/dc/terms/title" in c.predicates
(3, True, True)
>>> store.close()

The index of a server (:func:`listing`) and its dataset description (:func:`counts`) are queries
too, built the same way: IRIs as escaped terms, offsets and limits as Python ``int``, the
keyset bound of :func:`listing` (``after``) as an escaped literal, checked as an IRI first.
"""

from __future__ import annotations

from dataclasses import dataclass

from notice_ld import iris
from notice_ld.config import Config, Profile
from notice_ld.crosswalk import expand
from notice_ld.errors import StoreError
from notice_ld.mapping import NoticeGraph
from notice_ld.related import RelatedBy
from notice_ld.stores import HASH_PREDICATE, META_GRAPH, QueryResult, Store
from notice_ld.stores._sparql import iri, term
from notice_ld.terms import RDF_TYPE, Literal

__all__ = [
    "Counts",
    "Listed",
    "Related",
    "counts",
    "get",
    "graph_iri",
    "listing",
    "notice_iri",
    "query",
    "related",
]

_DEFAULT = Config()


@dataclass(frozen=True, slots=True)
class Related:
    """A related notice: its IRI, how many creators/subjects/disciplines it shares, one title."""

    iri: str
    shared: int
    title: str | None


def notice_iri(identifier: str, config: Config | None = None) -> str:
    """The document IRI of a notice identifier, checked like any identifier in a record
    (:func:`notice_ld.iris.document_iri`).

    >>> notice_iri("hdl:10670/1.jt89mr")
    'https://hdl.handle.net/10670/1.jt89mr'
    """
    return iris.document_iri(identifier, config or _DEFAULT)


def graph_iri(identifier: str, config: Config | None = None) -> str:
    """The named graph of a notice identifier in a store (:func:`notice_ld.iris.graph_iri`)."""
    return iris.graph_iri(identifier, config or _DEFAULT)


def _shared_query(doc: str, graph: str, by: RelatedBy, limit: int) -> str:
    shared = iri(expand(by.predicate))
    discipline = iri(expand(RelatedBy.DISCIPLINES.predicate))
    title = iri(expand("dcterms:title"))
    d, g = iri(doc), iri(graph)
    if by is RelatedBy.SUBJECTS:  # the subject concepts that are not also disciplines
        mine = (
            f"GRAPH {g} {{ {d} {shared} ?x FILTER(isIRI(?x)) FILTER NOT EXISTS {{ {d} {discipline} ?x }} }}"
        )
    else:
        mine = f"GRAPH {g} {{ {d} {shared} ?x }}"
    theirs = f"?doc {shared} ?x"
    return (
        "SELECT ?doc (COUNT(DISTINCT ?x) AS ?shared) (MIN(STR(?t)) AS ?title) WHERE { "
        f"{mine} GRAPH ?other {{ {theirs} OPTIONAL {{ ?doc {title} ?t }} }} FILTER(?doc != {d}) "
        f"}} GROUP BY ?doc ORDER BY DESC(?shared) ?doc LIMIT {int(limit)}"
    )


def related(
    store: Store, identifier: str, by: RelatedBy | str, *, limit: int = 20, config: Config | None = None
) -> list[Related]:
    """Notices sharing creators, subjects or disciplines (:class:`~notice_ld.related.RelatedBy`)
    with ``identifier``, most shared first."""
    try:
        chosen = by if isinstance(by, RelatedBy) else RelatedBy.from_name(by)
    except ValueError as exc:
        raise StoreError(str(exc)) from None
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise StoreError(f"the limit must be a positive whole number, not {limit!r}")
    cfg = config or _DEFAULT
    doc = notice_iri(identifier, cfg)
    result = store.query(_shared_query(doc, graph_iri(identifier, cfg), chosen, limit))
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


# -- the index of a server, and the numbers of its dataset description ---------------------------


@dataclass(frozen=True, slots=True)
class Listed:
    """A notice in the index: its document IRI, its named graph, one title and its language."""

    iri: str
    graph: str
    title: str | None
    lang: str | None


def _whole(name: str, value: object, minimum: int) -> int:
    """``value`` if it is a Python ``int`` (not a ``bool``) of at least ``minimum``."""
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise StoreError(f"the {name} must be a whole number of at least {minimum}, not {value!r}")
    return value


def _notice_graphs() -> str:
    """The pattern binding ``?g`` to every notice graph (those with a content hash)."""
    return f"GRAPH {iri(META_GRAPH)} {{ ?g {iri(HASH_PREDICATE)} ?hash }}"


def _document_pattern(config: Config) -> str:
    """The pattern binding ``?doc`` to the document of the notice graph ``?g``.

    The document is the one node with a property only documents have: ``dcterms:type`` (the
    DCMI type) in the Dublin Core profile, ``schema:headline`` in the schema.org one. BIBO alone
    has no such property (nor titles): such a store cannot be listed.
    """
    if Profile.DCTERMS in config.profiles:
        return f"GRAPH ?g {{ ?doc {iri(expand('dcterms:type'))} ?marker }}"
    if Profile.SCHEMA in config.profiles:
        return f"GRAPH ?g {{ ?doc {iri(expand('schema:headline'))} ?marker }}"
    raise StoreError("listing the notices of a store needs the dcterms or the schema profile")


def _listing_query(config: Config, offset: int, limit: int, after: str | None = None) -> str:
    documents = _document_pattern(config)
    title = iri(expand("dcterms:title" if Profile.DCTERMS in config.profiles else "schema:headline"))
    # keyset: the documents after ``after``, compared as strings (``ORDER BY`` orders IRIs by
    # their text); ``after`` goes in as an escaped literal, checked as an IRI before
    keyset = "" if after is None else f"FILTER(STR(?doc) > {term(Literal(after))}) "
    return (
        "SELECT ?doc ?g ?t WHERE { "
        f"{{ SELECT DISTINCT ?doc ?g WHERE {{ {_notice_graphs()} {documents} {keyset}}} "
        f"ORDER BY ?doc ?g LIMIT {int(limit)} OFFSET {int(offset)} }} "
        f"OPTIONAL {{ GRAPH ?g {{ ?doc {title} ?t }} }} }} ORDER BY ?doc ?g ?t"
    )


def _literal(term_text: str | None) -> tuple[str, str | None] | None:
    """The text and language of an N-Triples literal (``None`` for anything else)."""
    if term_text is None or not term_text.startswith('"'):
        return None
    import pyoxigraph as ox

    quad = next(ox.parse(f"<x:s> <x:p> {term_text} .".encode(), ox.RdfFormat.N_TRIPLES))
    value = quad.object
    if not isinstance(value, ox.Literal):
        return None
    return value.value, value.language


def listing(
    store: Store,
    *,
    offset: int = 0,
    limit: int = 100,
    lang: str | None = None,
    config: Config | None = None,
    after: str | None = None,
) -> list[Listed]:
    """A page of the notices in ``store``, in document IRI order (``limit`` of them after ``offset``).

    Each comes with one title, chosen in ``lang`` as the pages choose it (that language, else its
    base language, else an untagged one, else the first); ``title`` is ``None`` when the
    graph has none. ``offset`` and ``limit`` must be ``int`` (they go into the query as numbers).

    ``after`` (an IRI) keeps only the documents whose IRI sorts after it (keyset pagination:
    pass the last IRI of a page to get the next without counting the pages before; the store
    compares ``STR(?doc)`` with it, an escaped literal). A value that is not an IRI is a
    :class:`~notice_ld.errors.StoreError`, before the store is asked.

    >>> import tempfile
    >>> from notice_ld.model import Notice
    >>> from notice_ld.stores.embedded import EmbeddedStore
    >>> from notice_ld.stores.load import load
    >>> store = EmbeddedStore(tempfile.mkdtemp())
    >>> _ = load(store, [Notice.from_dict({"id": f"10670/1.{s * 6}", "titles": [{"value": s}]})
    ...                  for s in "abc"])
    >>> [n.title for n in listing(store, after="https://hdl.handle.net/10670/1.aaaaaa")]
    ['b', 'c']
    >>> listing(store, after='x:" } DROP ALL #')
    Traceback (most recent call last):
    ...
    notice_ld.errors.StoreError: after must be an IRI, not 'x:" } DROP ALL #'
    >>> store.close()
    """
    from notice_ld.model import Text, pick_text

    _whole("offset", offset, 0)
    _whole("limit", limit, 1)
    if after is not None:
        try:
            iri(after)
        except (TypeError, ValueError):
            raise StoreError(f"after must be an IRI, not {after!r:.200}") from None
    cfg = config or _DEFAULT
    result = store.query(_listing_query(cfg, offset, limit, after))
    found: dict[tuple[str, str], list[Text]] = {}
    for doc, graph, title in result.rows:
        if doc is None or graph is None or not doc.startswith("<") or not graph.startswith("<"):
            continue
        texts = found.setdefault((doc[1:-1], graph[1:-1]), [])
        literal = _literal(title)
        if literal is not None:
            texts.append(Text.model_construct(value=literal[0], lang=literal[1]))
    out = []
    for (doc_iri, name), texts in found.items():
        chosen = pick_text(texts, lang)
        out.append(Listed(doc_iri, name, chosen.value if chosen else None, chosen.lang if chosen else None))
    return out


@dataclass(frozen=True, slots=True)
class Counts:
    """What a dataset description says of a store.

    ``graphs`` is the number of notice graphs, ``triples`` the triples in them (a node two
    notices share is in both graphs, so it is counted twice); ``predicates`` and ``classes``
    are the distinct predicate and ``rdf:type`` IRIs, sorted (at most the ``limit`` asked for);
    ``first`` is the first document IRI (the first notice of :func:`listing`), if any.
    """

    graphs: int
    triples: int
    predicates: tuple[str, ...]
    classes: tuple[str, ...]
    first: str | None


def _count(store: Store, sparql: str) -> int:
    rows = store.query(sparql).rows
    return _number(rows[0][0]) if rows and rows[0] else 0


def _iris(store: Store, sparql: str) -> tuple[str, ...]:
    rows = store.query(sparql).rows
    return tuple(sorted({row[0][1:-1] for row in rows if row and row[0] and row[0].startswith("<")}))


def counts(store: Store, *, limit: int = 1000, config: Config | None = None) -> Counts:
    """Count the notice graphs of ``store`` and their triples; list their predicates and classes.

    The two lists are bounded by ``limit`` each (a store describing notices uses a few dozen).
    Counting reads every notice triple once: cache the answer.
    """
    _whole("limit", limit, 1)
    graphs = _notice_graphs()
    documents = _document_pattern(config or _DEFAULT)
    first = _iris(store, f"SELECT (MIN(?doc) AS ?first) WHERE {{ {graphs} {documents} }}")
    rdf_type = iri(RDF_TYPE)
    page = f"LIMIT {int(limit)}"
    return Counts(
        graphs=_count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {graphs} }}"),
        triples=_count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {graphs} GRAPH ?g {{ ?s ?p ?o }} }}"),
        predicates=_iris(store, f"SELECT DISTINCT ?p WHERE {{ {graphs} GRAPH ?g {{ ?s ?p ?o }} }} {page}"),
        classes=_iris(
            store, f"SELECT DISTINCT ?c WHERE {{ {graphs} GRAPH ?g {{ ?s {rdf_type} ?c }} }} {page}"
        ),
        first=first[0] if first else None,
    )
