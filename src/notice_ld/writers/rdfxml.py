"""RDF/XML, written by pyoxigraph from the sorted triples (streamed notice by notice)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

import pyoxigraph as ox

from notice_ld.crosswalk import prefixes
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import XSD_STRING, Literal, Object

__all__ = ["to_oxigraph_term", "write_rdfxml"]


def to_oxigraph_term(term: Object) -> ox.NamedNode | ox.Literal:
    """Convert an object term to pyoxigraph."""
    if isinstance(term, Literal):
        if term.lang:
            return ox.Literal(term.value, language=term.lang)
        if term.datatype == XSD_STRING:
            return ox.Literal(term.value)
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.NamedNode(term)


def _triples(graphs: Iterable[NoticeGraph]) -> Iterator[ox.Triple]:
    for graph in graphs:
        for s, p, o in graph.triples:
            yield ox.Triple(ox.NamedNode(s), ox.NamedNode(p), to_oxigraph_term(o))


def write_rdfxml(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as one RDF/XML document."""
    ox.serialize(_triples(graphs), out, ox.RdfFormat.RDF_XML, prefixes=dict(prefixes()))
