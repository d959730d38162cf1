"""RDF plumbing for validation: blank nodes, reading RDF files, conversion to and from rdflib.

Validation works on plain triples, like the mapping: subjects and predicates are ``str``, objects
are :class:`~notice_ld.terms.IRI`, :class:`BNode` or :class:`~notice_ld.terms.Literal`. Shapes
and RDF that notice_ld did not produce may contain blank nodes; a :class:`BNode` is a ``str``
whose text starts with ``_:`` (never an IRI), so it can be a subject and a dictionary key next to
IRIs without ever being equal to one.

Files are read with pyoxigraph (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD, N3): fast, and
it never fetches anything. A JSON-LD document whose ``@context`` names schema.org gets the copy
bundled in ``vocab/contexts/``; any other remote context is an error, never a download. Blank
nodes are renamed in the order they appear (``_:b1``, ``_:b2``… with a per-file prefix), so the
same file gives the same names on every run.

>>> triples = parse_rdf(b'<http://example.org/d> <http://purl.org/dc/terms/title> "T"@fr ; '
...                     b'<http://purl.org/dc/terms/creator> [ a <http://xmlns.com/foaf/0.1/Person> ] .',
...                     "turtle", name="t.ttl")
>>> [(type(o).__name__, o if not isinstance(o, Literal) else o.lang) for _, _, o in triples]
[('Literal', 'fr'), ('IRI', 'http://xmlns.com/foaf/0.1/Person'), ('BNode', '_:b1')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from notice_ld.errors import RecordError
from notice_ld.formats import RdfFormat
from notice_ld.resources import data_dir
from notice_ld.terms import IRI, RDF_LANGSTRING, XSD_STRING, Literal
from notice_ld.vocabulary import SDO

if TYPE_CHECKING:
    import rdflib

__all__ = [
    "BNode",
    "Node",
    "RDFTriple",
    "Term",
    "nt",
    "parse_rdf",
    "parse_rdf_path",
    "to_rdflib_graph",
    "triples_from_rdflib",
]


class BNode(str):
    """A blank node: its text is its label, always starting with ``_:``.

    >>> BNode("_:b1") == IRI("_:b1"), BNode("_:b1").startswith("_:")
    (True, True)

    (IRIs never start with ``_:``, so a BNode and an IRI of a real graph never meet.)
    """

    __slots__ = ()


Node: TypeAlias = IRI | BNode | Literal
Term: TypeAlias = str | Literal
"""Any term: a ``str`` is an IRI, or a blank node when it is a :class:`BNode`."""
RDFTriple: TypeAlias = tuple[str, str, Node]

# -- JSON-LD: bundled contexts only ---------------------------------------------------------------

# https://schema.org and http://schema.org (the namespace), with or without the final slash, and
# the context document under each
_SCHEMA_CONTEXT_URLS = frozenset(
    {
        SDO.CONTEXT,
        SDO.CONTEXT + "/",
        SDO.NS.removesuffix("/"),
        SDO.NS,
        SDO.CONTEXT + "/docs/jsonldcontext.jsonld",
        SDO.NS + "docs/jsonldcontext.jsonld",
    }
)


def _bundled_context(url: str, name: str) -> Any:
    if url in _SCHEMA_CONTEXT_URLS:
        path = data_dir("vocab") / "contexts" / "schema.org.jsonld"
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    raise RecordError(
        record=name,
        field="@context",
        problem=f"the remote JSON-LD context {url!r} is not bundled with notice_ld (it never downloads)",
        fix="inline the context in the document, or use the schema.org context",
    )


def _inline_contexts(value: Any, name: str) -> Any:
    """Replace remote ``@context`` references by the bundled copies (recursively)."""
    if isinstance(value, list):
        return [_inline_contexts(item, name) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "@context":
            contexts = item if isinstance(item, list) else [item]
            resolved = [_bundled_context(c, name) if isinstance(c, str) else c for c in contexts]
            out[key] = resolved if isinstance(item, list) else resolved[0]
        else:
            out[key] = _inline_contexts(item, name)
    return out


# -- parsing --------------------------------------------------------------------------------------


class _Relabel:
    """Blank-node labels in order of appearance: ``_:{prefix}1``, ``_:{prefix}2``…"""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.labels: dict[str, BNode] = {}

    def __call__(self, label: str) -> BNode:
        known = self.labels.get(label)
        if known is None:
            known = self.labels[label] = BNode(f"_:{self.prefix}{len(self.labels) + 1}")
        return known


def _from_ox(term: Any, relabel: _Relabel, name: str) -> Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    if isinstance(term, ox.BlankNode):
        return relabel(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, RDF_LANGSTRING, term.language.lower())
        return Literal(term.value, term.datatype.value)
    raise RecordError(
        record=name, problem="RDF-star triple terms are not supported", fix="remove the quoted triples"
    )


def parse_rdf(
    data: bytes,
    fmt: RdfFormat | str,
    *,
    name: str = "<input>",
    bnode_prefix: str = "b",
    prefixes: dict[str, str] | None = None,
) -> list[RDFTriple]:
    """Parse RDF bytes in ``fmt`` (a :class:`~notice_ld.formats.RdfFormat` or its name) into
    triples (named graphs merged).

    A syntax error becomes a :class:`~notice_ld.errors.RecordError` naming ``name`` and the line.
    The prefixes the document declares are added to ``prefixes`` when it is given.
    """
    import pyoxigraph as ox

    chosen = fmt if isinstance(fmt, RdfFormat) else RdfFormat.from_name(fmt)
    ox_format = chosen.ox_format
    if chosen is RdfFormat.JSON_LD:
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise RecordError(
                record=name, problem=f"is not JSON: {exc}", fix="check the JSON syntax"
            ) from None
        data = json.dumps(_inline_contexts(document, name)).encode("utf-8")
    relabel = _Relabel(bnode_prefix)
    triples: list[RDFTriple] = []
    try:
        parser = ox.parse(data, ox_format)
        for quad in parser:
            subject = _from_ox(quad.subject, relabel, name)
            assert not isinstance(subject, Literal)  # no RDF syntax has literal subjects
            triples.append((subject, quad.predicate.value, _from_ox(quad.object, relabel, name)))
        if prefixes is not None:
            prefixes.update(parser.prefixes)
    except SyntaxError as exc:
        line = f"line {exc.lineno}" if exc.lineno else ""
        raise RecordError(
            record=name,
            field=line,
            problem=f"is not valid {chosen.value}: {exc.msg}",
            fix=f"fix the {chosen.value} syntax",
        ) from None
    return triples


def parse_rdf_path(
    path: str | Path, fmt: RdfFormat | str | None = None, *, bnode_prefix: str = "b"
) -> list[RDFTriple]:
    """Read an RDF file; the format comes from the extension unless ``fmt`` is given."""
    chosen = fmt or RdfFormat.from_path(path)
    if chosen is None:
        from notice_ld.errors import UnknownFormatError

        raise UnknownFormatError(
            f"cannot tell the RDF format of {str(path)!r} from its name; give it explicitly "
            f"({', '.join(f.value for f in RdfFormat)})"
        )
    data = Path(path).read_bytes()
    if str(path).lower().endswith(".gz"):
        import gzip

        data = gzip.decompress(data)
    return parse_rdf(data, chosen, name=str(path), bnode_prefix=bnode_prefix)


# -- rdflib ---------------------------------------------------------------------------------------


def to_rdflib_node(term: Node) -> rdflib.term.Node:
    """One term as an rdflib node (``xsd:string`` literals become plain literals, as rdflib parses them)."""
    from rdflib import BNode as RBNode
    from rdflib import Literal as RLiteral
    from rdflib import URIRef

    if isinstance(term, Literal):
        if term.lang:
            return RLiteral(term.value, lang=term.lang)
        if term.datatype == XSD_STRING:
            return RLiteral(term.value)
        return RLiteral(term.value, datatype=URIRef(term.datatype))
    if isinstance(term, BNode):
        return RBNode(term[2:])
    return URIRef(term)


def to_rdflib_graph(triples: Iterable[RDFTriple], graph: rdflib.Graph | None = None) -> rdflib.Graph:
    """Add the triples to ``graph`` (a new rdflib Graph by default) and return it.

    rdflib logs a traceback for each ill-typed literal it meets; they are reported by the
    well-formedness check instead, so its ``rdflib.term`` logger is quiet meanwhile.
    """
    import logging

    from rdflib import Graph

    target = graph if graph is not None else Graph(bind_namespaces="none")
    add = target.add
    cache: dict[Any, Any] = {}
    logger = logging.getLogger("rdflib.term")
    previous = logger.disabled
    logger.disabled = True
    try:
        for s, p, o in triples:
            rs = cache.get(s)
            if rs is None:
                rs = cache[s] = to_rdflib_node(s if isinstance(s, BNode) else IRI(s))
            rp = cache.get(p)
            if rp is None:
                rp = cache[p] = to_rdflib_node(IRI(p))
            add((rs, rp, to_rdflib_node(o)))
    finally:
        logger.disabled = previous
    return target


def from_rdflib_node(node: Any) -> Node:
    """An rdflib node as a term (blank node labels get the ``_:`` prefix)."""
    from rdflib import BNode as RBNode
    from rdflib import Literal as RLiteral

    if isinstance(node, RLiteral):
        if node.language:
            return Literal(str(node), RDF_LANGSTRING, node.language.lower())
        return Literal(str(node), str(node.datatype) if node.datatype is not None else XSD_STRING)
    if isinstance(node, RBNode):
        return BNode(f"_:{node}")
    return IRI(str(node))


def triples_from_rdflib(graph: rdflib.Graph) -> list[RDFTriple]:
    """The triples of an rdflib Graph (or the union of a Dataset's graphs)."""
    out: list[RDFTriple] = []
    for s, p, o in graph.triples((None, None, None)):
        subject = from_rdflib_node(s)
        out.append((subject if isinstance(subject, BNode) else str(subject), str(p), from_rdflib_node(o)))
    return out


def nt(term: Node | str) -> str:
    """A term in N-Triples syntax (a plain ``str`` is an IRI unless it starts with ``_:``).

    >>> nt(Literal("Vie \\"sociale\\"", RDF_LANGSTRING, "fr")), nt("http://example.org/a"), nt(BNode("_:b1"))
    ('"Vie \\\\"sociale\\\\""@fr', '<http://example.org/a>', '_:b1')
    """
    if isinstance(term, Literal):
        text = '"' + _escape(term.value) + '"'
        if term.lang:
            return f"{text}@{term.lang}"
        if term.datatype != XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    if term.startswith("_:"):
        return str(term)
    return f"<{_escape_iri(term)}>"


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(text: str) -> str:
    return "".join(_ESCAPES.get(c, c) for c in text) if any(c in _ESCAPES for c in text) else text


def _escape_iri(iri: str) -> str:
    return "".join(f"\\u{ord(c):04X}" if c in '<>"{}|^`\\' or ord(c) <= 0x20 else c for c in iri)
