"""SPARQL text built only from escaped RDF terms (pyoxigraph term objects), never from raw user text.

Every IRI and literal that goes into a query or an update is first turned into a pyoxigraph
``NamedNode`` / ``Literal`` (which checks IRIs and escapes literals) and written with ``str()``,
its N-Triples form; numbers are Python ``int``. Nothing a record contains is pasted as text.

>>> print(iri("https://hdl.handle.net/10670/1.jt89mr"))
<https://hdl.handle.net/10670/1.jt89mr>
>>> from notice_ld.terms import Literal
>>> print(term(Literal('Un "titre" } INSERT DATA { <x> <y> <z> }', lang="fr")))
"Un \\"titre\\" } INSERT DATA { <x> <y> <z> }"@fr
>>> iri("http://example.org/> } DROP ALL #")
Traceback (most recent call last):
...
ValueError: ...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from notice_ld.stores import HASH_PREDICATE, META_GRAPH, Entry
from notice_ld.terms import IRI, RDF_LANGSTRING, XSD_STRING, Literal, Object, Triple

if TYPE_CHECKING:
    from notice_ld.mapping import NoticeGraph

__all__ = [
    "delete_update",
    "existing_query",
    "from_oxigraph",
    "hashes_query",
    "hashes_update",
    "iri",
    "quads_nquads",
    "replace_update",
    "term",
    "triples_of",
]


def iri(value: str) -> str:
    """An IRI as a SPARQL term (``ValueError`` if it is not a valid IRI)."""
    return str(ox.NamedNode(value))


def term(value: Object) -> str:
    """An object term (IRI or literal) as a SPARQL term."""
    if isinstance(value, Literal):
        if value.lang:
            return str(ox.Literal(value.value, language=value.lang))
        if value.datatype == XSD_STRING:
            return str(ox.Literal(value.value))
        return str(ox.Literal(value.value, datatype=ox.NamedNode(value.datatype)))
    return iri(value)


def from_oxigraph(node: ox.NamedNode | ox.Literal | ox.BlankNode | ox.Triple | ox.DefaultGraph) -> Object:
    """A pyoxigraph term as a notice_ld object term (blank nodes are refused: none is ever written)."""
    if isinstance(node, ox.NamedNode):
        return IRI(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return Literal(node.value, RDF_LANGSTRING, node.language)
        return Literal(node.value, node.datatype.value)
    raise ValueError(f"unexpected term in a notice graph: {node}")


def _graph_block(graph: NoticeGraph) -> str:
    lines = [f"{iri(s)} {iri(p)} {term(o)} ." for s, p, o in graph.triples]
    return f"GRAPH {iri(graph.graph)} {{\n" + "\n".join(lines) + "\n}\n"


def _hash_triple(entry: Entry) -> str:
    return f"{iri(entry.graph.graph)} {iri(HASH_PREDICATE)} {term(Literal(entry.hash))} ."


def replace_update(batch: Sequence[Entry]) -> str:
    """One SPARQL Update replacing each entry's graph and hash (one transaction on most servers)."""
    meta = iri(META_GRAPH)
    pred = iri(HASH_PREDICATE)
    ops = []
    for entry in batch:
        g = iri(entry.graph.graph)
        ops.append(f"DROP SILENT GRAPH {g}")
        ops.append(f"DELETE WHERE {{ GRAPH {meta} {{ {g} {pred} ?h }} }}")
    data = "".join(_graph_block(entry.graph) for entry in batch)
    hashes = "\n".join(_hash_triple(entry) for entry in batch)
    ops.append(f"INSERT DATA {{\n{data}GRAPH {meta} {{\n{hashes}\n}}\n}}")
    return " ;\n".join(ops)


def hashes_update(pairs: Sequence[tuple[str, str]]) -> str:
    """A SPARQL Update recording ``(graph, hash)`` pairs for graphs written by other means (GSP)."""
    meta = iri(META_GRAPH)
    pred = iri(HASH_PREDICATE)
    ops = [f"DELETE WHERE {{ GRAPH {meta} {{ {iri(g)} {pred} ?h }} }}" for g, _ in pairs]
    hashes = "\n".join(f"{iri(g)} {pred} {term(Literal(h))} ." for g, h in pairs)
    ops.append(f"INSERT DATA {{ GRAPH {meta} {{\n{hashes}\n}} }}")
    return " ;\n".join(ops)


def delete_update(graphs: Iterable[str], *, drop: bool = True) -> str:
    """A SPARQL Update removing notice graphs (unless ``drop`` is false) and their hashes."""
    meta = iri(META_GRAPH)
    pred = iri(HASH_PREDICATE)
    ops = []
    for graph in graphs:
        g = iri(graph)
        if drop:
            ops.append(f"DROP SILENT GRAPH {g}")
        ops.append(f"DELETE WHERE {{ GRAPH {meta} {{ {g} {pred} ?h }} }}")
    return " ;\n".join(ops)


def hashes_query(limit: int | None = None, offset: int = 0) -> str:
    """SELECT every ``(graph, hash)`` of the metadata graph, in graph order (pageable)."""
    page = ""
    if limit is not None:
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return (
        f"SELECT ?g ?h WHERE {{ GRAPH {iri(META_GRAPH)} {{ ?g {iri(HASH_PREDICATE)} ?h }} }}"
        f" ORDER BY ?g{page}"
    )


def existing_query(graphs: Iterable[str]) -> str:
    """SELECT which of these named graphs hold at least one triple."""
    values = " ".join(iri(g) for g in graphs)
    return f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def quads_nquads(batch: Sequence[Entry]) -> bytes:
    """The entries' graphs and hash triples as N-Quads (the batch form of Oxigraph's ``/store``)."""
    meta = iri(META_GRAPH)
    parts = []
    for entry in batch:
        tail = f" {iri(entry.graph.graph)} .\n"
        lines = entry.nt().splitlines()
        parts.append("".join(line[:-2] + tail for line in lines))
    parts.extend(f"{_hash_triple(entry)[:-2]} {meta} .\n" for entry in batch)
    return "".join(parts).encode("utf-8")


def triples_of(quads: Iterable[ox.Quad]) -> list[Triple]:
    """Convert pyoxigraph quads of one graph to sorted notice_ld triples."""
    from notice_ld.terms import triple_key

    out: list[Triple] = []
    for quad in quads:
        subject = quad.subject
        predicate = quad.predicate
        if not isinstance(subject, ox.NamedNode):
            raise ValueError(f"unexpected subject in a notice graph: {subject}")
        out.append((subject.value, predicate.value, from_oxigraph(quad.object)))
    out.sort(key=triple_key)
    return out
