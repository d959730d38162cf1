"""Turtle, N-Triples and N-Quads writers: deterministic, streaming, written from the triples.

Bytes depend only on the input: subjects are grouped, the document comes first, ``rdf:type``
comes first and other predicates in IRI order, objects are sorted, the prefix table is fixed and
always the same.

**A dump is a set** (N-Triples and Turtle): a document holds the notices' documents, in input
order, then the other nodes — people, organisations, journals, concepts, licences, author lists,
identifiers — each triple once, sorted (:class:`~notice_ld.writers.stream.SharedTriples`: sorted
runs spilled to temporary files, merged at the end, so memory stays flat). One notice on its own
(:meth:`~notice_ld.writers.stream.Codec.item`, :func:`ntriples_block`) is the same layout: its
document's triples, then its other nodes in the same order.

N-Quads is not deduplicated: each notice is its own named graph, and a shared node described in
two graphs is two different quads (a store keeps both; dropping one would change a graph).

>>> from notice_ld.mapping import map_notice
>>> from notice_ld.model import Notice
>>> from notice_ld.writers import serialize
>>> two = [map_notice(Notice.from_dict({"id": f"10670/1.abc00{i}", "titles": [{"value": "T"}],
...        "creators": [{"family": "Jouet", "given": "Anne"}]})) for i in range(2)]
>>> lines = serialize(two, Format.N_TRIPLES).decode().splitlines()
>>> person = [line for line in lines if "/person/" in line.split()[0]]
>>> len(lines) == len(set(lines)), len(person) == len(set(person)) > 0
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import itemgetter
from typing import IO

from notice_ld.crosswalk import Curies, prefixes
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import IRI, RDF_LANGSTRING, RDF_TYPE, XSD_STRING, Literal, Object, Triple
from notice_ld.writers.stream import Codec

__all__ = [
    "NQuadsCodec",
    "NTriplesCodec",
    "TurtleCodec",
    "ntriples_block",
    "turtle_block",
    "turtle_header",
    "write_nquads",
    "write_ntriples",
    "write_turtle",
]

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')
_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def _escape(text: str) -> str:
    if _NEEDS_ESCAPE.search(text):
        return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)
    return text


def _iriref(iri: str) -> str:
    if _IRI_ESCAPE.search(iri):
        iri = _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", iri)
    return f"<{iri}>"


def nt_term(term: Object) -> str:
    """A term in N-Triples syntax."""
    if isinstance(term, Literal):
        text = f'"{_escape(term.value)}"'
        if term.lang:
            return f"{text}@{term.lang}"
        if term.datatype != XSD_STRING:
            return f"{text}^^<{term.datatype}>"
        return text
    return _iriref(term)


class Compactor:
    """Turtle terms: prefixed names where the local name is a plain PN_LOCAL, else ``<IRI>``."""

    def __init__(self) -> None:
        self.curie = Curies(_LOCAL.match)

    def __call__(self, iri: str) -> str:
        return self.curie(iri) or _iriref(iri)

    def term(self, term: Object) -> str:
        if isinstance(term, Literal):
            text = f'"{_escape(term.value)}"'
            if term.lang:
                return f"{text}@{term.lang}"
            if term.datatype != XSD_STRING and term.datatype != RDF_LANGSTRING:
                return f"{text}^^{self(term.datatype)}"
            return text
        return self(term)


def turtle_header(table: Mapping[str, str]) -> str:
    """The fixed ``@prefix`` block."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in table.items())


def turtle_block(graph: NoticeGraph, compact: Compactor) -> str:
    """One notice in Turtle (without the prefix block): the document first, then the other
    subjects in the order of their N-Triples lines (what a Turtle document of this notice alone
    holds after its prefixes and blank line)."""
    own, shared = _turtle_split(graph, compact)
    return own + "".join(_turtle_shared(sorted(shared), compact))


def _turtle_subject(subject: str, triples: Iterable[Triple], compact: Compactor) -> str:
    term = compact.term
    parts: list[str] = []
    for predicate, objects in groupby(triples, key=itemgetter(1)):
        if predicate == RDF_TYPE:
            parts.insert(0, "a " + ", ".join([compact(str(o)) for _, _, o in objects]))
        else:
            parts.append(compact(predicate) + " " + ", ".join([term(o) for _, _, o in objects]))
    return compact(subject) + " " + " ;\n    ".join(parts) + " .\n"


def _turtle_split(graph: NoticeGraph, compact: Compactor) -> tuple[str, list[bytes]]:
    """The document's Turtle block, and the N-Triples lines of the other triples."""
    own = [t for t in graph.triples if t[0] == graph.iri]
    block = _turtle_subject(graph.iri, own, compact) if own else ""
    shared = [line.encode("utf-8") for subject, line in _nt_lines(graph) if subject != graph.iri]
    return block, shared


_TYPE_REF = f"<{RDF_TYPE}>"


def _turtle_iri(ref: str, compact: Compactor) -> str:
    """A Turtle term for an N-Triples ``<IRI>`` (kept as written when it holds escapes)."""
    return ref if "\\" in ref else compact(ref[1:-1])


def _turtle_shared(records: Iterable[bytes], compact: Compactor) -> Iterator[str]:
    """Turtle blocks, each after a blank line, of sorted N-Triples lines grouped by subject
    (``rdf:type`` first, the predicates and objects in the lines' order)."""
    subject = ""
    parts: list[str] = []
    types: list[str] = []
    last_predicate = ""
    for record in records:
        line = record.decode("utf-8")
        cut = line.index("> ") + 1
        s, rest = line[:cut], line[cut + 1 : -3]  # without " .\n"
        cut = rest.index("> ") + 1
        p, o = rest[:cut], rest[cut + 1 :]
        if s != subject:
            if subject:
                yield _turtle_block_of(subject, types, parts, compact)
            subject, parts, types, last_predicate = s, [], [], ""
        if p == _TYPE_REF:
            types.append(_turtle_iri(o, compact))
            continue
        if o.startswith("<"):
            value = _turtle_iri(o, compact)
        else:
            end = o.rindex('"') + 1
            value = o[:end]
            suffix = o[end:]
            if suffix.startswith("^^"):
                value += "^^" + _turtle_iri(suffix[2:], compact)
            else:
                value += suffix
        if p == last_predicate:
            parts[-1] += ", " + value
        else:
            parts.append(_turtle_iri(p, compact) + " " + value)
            last_predicate = p
    if subject:
        yield _turtle_block_of(subject, types, parts, compact)


def _turtle_block_of(subject: str, types: list[str], parts: list[str], compact: Compactor) -> str:
    if types:
        parts.insert(0, "a " + ", ".join(types))
    return "\n" + _turtle_iri(subject, compact) + " " + " ;\n    ".join(parts) + " .\n"


class TurtleCodec(Codec):
    """Turtle: the fixed prefix block once, then each notice's document after a blank line, then
    the shared nodes once, each after a blank line (see the module docs)."""

    format = Format.TURTLE
    lead = first_lead = b"\n"
    shares = True

    def __init__(self) -> None:
        self.compact = Compactor()
        self._header = turtle_header(prefixes()).encode("utf-8")

    def header(self) -> bytes:
        return self._header

    def item(self, graph: NoticeGraph) -> bytes:
        return turtle_block(graph, self.compact).encode("utf-8")

    def split(self, graph: NoticeGraph) -> tuple[bytes, Sequence[bytes]]:
        own, shared = _turtle_split(graph, self.compact)
        return own.encode("utf-8"), shared

    def shared_section(self, records: Iterable[bytes]) -> Iterator[bytes]:
        for block in _turtle_shared(records, self.compact):
            yield block.encode("utf-8")


def write_turtle(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as one Turtle document."""
    TurtleCodec().write(graphs, out)


def _nt_lines(graph: NoticeGraph) -> list[tuple[str, str]]:
    """Each triple's subject and N-Triples line, in the graph's order."""
    cache: dict[str, str] = {}
    lines = []
    for s, p, o in graph.triples:
        sp = cache.get(s)
        if sp is None:
            sp = cache[s] = _iriref(s)
        pp = cache.get(p)
        if pp is None:
            pp = cache[p] = _iriref(p)
        if isinstance(o, Literal):
            lines.append((s, f"{sp} {pp} {nt_term(o)} .\n"))
            continue
        op = cache.get(o)
        if op is None:
            op = cache[o] = _iriref(o)
        lines.append((s, f"{sp} {pp} {op} .\n"))
    return lines


def _nt_split(graph: NoticeGraph) -> tuple[str, list[str]]:
    """The document's lines, and the other lines (unsorted)."""
    own: list[str] = []
    shared: list[str] = []
    iri = graph.iri
    for subject, line in _nt_lines(graph):
        (own if subject == iri else shared).append(line)
    return "".join(own), shared


def ntriples_block(graph: NoticeGraph, graph_name: str | None = None) -> str:
    """One notice in N-Triples (or N-Quads, when ``graph_name`` is given): its document's
    triples, then the other lines in byte order — an N-Triples document of this notice alone."""
    own, shared = _nt_split(graph)
    shared.sort()
    text = own + "".join(shared)
    return NQuadsCodec.from_ntriples(text, graph_name) if graph_name else text


class NTriplesCodec(Codec):
    """N-Triples: each notice's document after the other's, then the shared nodes' triples once,
    sorted (see the module docs; parts concatenate, their runs merge)."""

    format = Format.N_TRIPLES
    shares = True

    def item(self, graph: NoticeGraph) -> bytes:
        return ntriples_block(graph).encode("utf-8")

    def split(self, graph: NoticeGraph) -> tuple[bytes, Sequence[bytes]]:
        own, shared = _nt_split(graph)
        return own.encode("utf-8"), [line.encode("utf-8") for line in shared]

    def shared_section(self, records: Iterable[bytes]) -> Iterator[bytes]:
        return iter(records)


class NQuadsCodec(Codec):
    """N-Quads: each notice in its own named graph (:attr:`NoticeGraph.graph`), whole: a node
    two notices share is described in both graphs (those are different quads)."""

    format = Format.N_QUADS

    def item(self, graph: NoticeGraph) -> bytes:
        return ntriples_block(graph, graph.graph).encode("utf-8")

    @staticmethod
    def from_ntriples(ntriples: str, graph_name: str) -> str:
        """The N-Quads of a notice from its N-Triples (a raw newline only ends a line: literals
        escape theirs), cheaper than writing the triples again."""
        return ntriples.replace(" .\n", f" {_iriref(graph_name)} .\n")


def write_ntriples(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as N-Triples, one notice's triples after the other's."""
    NTriplesCodec().write(graphs, out)


def write_nquads(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as N-Quads, each notice in its own named graph (:attr:`NoticeGraph.graph`)."""
    NQuadsCodec().write(graphs, out)


_ = IRI
