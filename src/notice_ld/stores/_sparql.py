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

import re
from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

from notice_ld.stores import HASH_PREDICATE, META_GRAPH, Entry
from notice_ld.terms import IRI, RDF_LANGSTRING, XSD_STRING, Literal, Object, Triple

__all__ = [
    "delete_update",
    "existing_query",
    "from_oxigraph",
    "hashes_query",
    "hashes_update",
    "iri",
    "quads_nquads",
    "read_ntriples",
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


def _graph_block(entry: Entry) -> str:
    """The entry's triples inside ``GRAPH <name> { … }``: each term is read back from the
    entry's N-Triples into a term object and written with :func:`iri` / :func:`term`, so that
    nothing is pasted as text (and values over pyoxigraph's parser buffer still go through)."""
    lines = [f"{iri(s)} {iri(p)} {term(o)} ." for s, p, o in read_ntriples(entry.nt())]
    return f"GRAPH {iri(entry.name)} {{\n" + "\n".join(lines) + "\n}\n"


_UNESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_CHARS = {"\\": "\\", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        if code is not None:
            return chr(int(code, 16))
        char = _CHARS.get(match.group(3))
        if char is None:
            raise ValueError(f"not an N-Triples escape: \\{match.group(3)}")
        return char

    return _UNESCAPE.sub(one, text)


def read_ntriples(text: str) -> Iterator[Triple]:
    """The triples of N-Triples written by :func:`notice_ld.writers.text.ntriples_block` (IRIs
    and literals only; one triple per line), without pyoxigraph's parser and its 16 MiB line
    buffer. ``ValueError`` for a line that is not of that form.

    >>> text = '<http://a> <http://p> "x \\\\"y\\\\""@fr .\\n<http://a> <http://q> <http://b> .\\n'
    >>> [(s, p, o) for s, p, o in read_ntriples(text)][0][2]
    Literal(value='x "y"', datatype='http://www.w3.org/1999/02/22-rdf-syntax-ns#langString', lang='fr')
    >>> [o for _, _, o in read_ntriples(text)][1]
    'http://b'
    """
    for line in text.splitlines():
        if not line:
            continue
        if not (line.startswith("<") and line.endswith(" .")):
            raise ValueError(f"not an N-Triples line: {line[:80]!r}")
        end_s = line.find("> <")
        end_p = line.find("> ", end_s + 3)
        if end_s < 0 or end_p < 0:
            raise ValueError(f"not an N-Triples line: {line[:80]!r}")
        subject = IRI(_unescape(line[1:end_s]))
        predicate = IRI(_unescape(line[end_s + 3 : end_p]))
        rest = line[end_p + 2 : -2]
        obj: Object
        if rest.startswith("<") and rest.endswith(">"):
            obj = IRI(_unescape(rest[1:-1]))
        elif rest.startswith('"') and rest.endswith('"') and len(rest) >= 2:
            obj = Literal(_unescape(rest[1:-1]))
        elif rest.startswith('"') and rest.endswith(">") and '"^^<' in rest:
            value, _, datatype = rest.rpartition('"^^<')
            obj = Literal(_unescape(value[1:]), _unescape(datatype[:-1]))
        elif rest.startswith('"') and '"@' in rest:
            value, _, lang = rest.rpartition('"@')
            obj = Literal(_unescape(value[1:]), RDF_LANGSTRING, lang)
        else:
            raise ValueError(f"not an N-Triples object: {rest[:80]!r}")
        yield (subject, predicate, obj)


def _hash_triple(entry: Entry) -> str:
    return f"{iri(entry.name)} {iri(HASH_PREDICATE)} {term(Literal(entry.hash))} ."


def replace_update(batch: Sequence[Entry]) -> str:
    """One SPARQL Update replacing each entry's graph and hash (one transaction on most servers)."""
    meta = iri(META_GRAPH)
    pred = iri(HASH_PREDICATE)
    ops = []
    for entry in batch:
        g = iri(entry.name)
        ops.append(f"DROP SILENT GRAPH {g}")
        ops.append(f"DELETE WHERE {{ GRAPH {meta} {{ {g} {pred} ?h }} }}")
    data = "".join(_graph_block(entry) for entry in batch)
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
        tail = f" {iri(entry.name)} .\n"
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
