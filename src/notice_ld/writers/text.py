"""Turtle, N-Triples and N-Quads writers: deterministic, streaming, written from the triples.

Bytes depend only on the input: subjects are grouped, the document comes first, the other
subjects follow in IRI order, ``rdf:type`` comes first and other predicates in IRI order, objects
are sorted, the prefix table is fixed and always the same. Each notice's block is complete on its
own (it repeats the description of shared journals and people), so output streams in flat memory
and any notice can be cut out of a file with the nodes it uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import groupby
from operator import itemgetter
from typing import IO

from notice_ld.crosswalk import Curies, prefixes
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import IRI, RDF_LANGSTRING, RDF_TYPE, XSD_STRING, Literal, Object
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
    """One notice in Turtle (without the prefix block): the document first, then the other subjects.

    The triples are sorted, so each subject's triples and each predicate's objects are contiguous.
    """
    term = compact.term
    blocks: list[str] = []
    for subject, triples in groupby(graph.triples, key=itemgetter(0)):
        parts: list[str] = []
        for predicate, objects in groupby(triples, key=itemgetter(1)):
            if predicate == RDF_TYPE:
                parts.insert(0, "a " + ", ".join([compact(str(o)) for _, _, o in objects]))
            else:
                parts.append(compact(predicate) + " " + ", ".join([term(o) for _, _, o in objects]))
        block = compact(subject) + " " + " ;\n    ".join(parts) + " .\n"
        if subject == graph.iri:
            blocks.insert(0, block)
        else:
            blocks.append(block)
    return "\n".join(blocks)


class TurtleCodec(Codec):
    """Turtle: the fixed prefix block once, then each notice's block after a blank line."""

    format = Format.TURTLE
    lead = first_lead = b"\n"

    def __init__(self) -> None:
        self.compact = Compactor()
        self._header = turtle_header(prefixes()).encode("utf-8")

    def header(self) -> bytes:
        return self._header

    def item(self, graph: NoticeGraph) -> bytes:
        return turtle_block(graph, self.compact).encode("utf-8")


def write_turtle(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as one Turtle document."""
    TurtleCodec().write(graphs, out)


def ntriples_block(graph: NoticeGraph, graph_name: str | None = None) -> str:
    """One notice in N-Triples (or N-Quads, when ``graph_name`` is given)."""
    tail = f" {_iriref(graph_name)} .\n" if graph_name else " .\n"
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
            lines.append(f"{sp} {pp} {nt_term(o)}{tail}")
            continue
        op = cache.get(o)
        if op is None:
            op = cache[o] = _iriref(o)
        lines.append(f"{sp} {pp} {op}{tail}")
    return "".join(lines)


class NTriplesCodec(Codec):
    """N-Triples: one notice's triples after the other's (parts concatenate)."""

    format = Format.N_TRIPLES

    def item(self, graph: NoticeGraph) -> bytes:
        return ntriples_block(graph).encode("utf-8")


class NQuadsCodec(Codec):
    """N-Quads: each notice in its own named graph (:attr:`NoticeGraph.graph`)."""

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
