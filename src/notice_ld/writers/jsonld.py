"""The full graph as JSON-LD, compacted with the bundled notice_ld context.

The context (``vocab/contexts/notice_ld.jsonld``) defines only the fixed prefixes, so every key is
a CURIE of the vocabulary it comes from (``dcterms:title``, ``schema:name``…) and the document
reads as the Turtle does. Nodes are written one by one (streaming) as pyld would compact them;
tests prove that pyld's ``to_rdf`` of this output is the same graph as the Turtle.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from notice_ld.crosswalk import Curies, prefixes
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import RDF_LANGSTRING, RDF_TYPE, XSD_STRING, Literal, Object

__all__ = ["context", "node_objects", "write_jsonld"]


def context() -> dict[str, str]:
    """The bundled context: prefix → namespace, sorted."""
    return dict(prefixes())


class _Curie:
    """JSON-LD compact IRIs: any local name that does not start with ``//``."""

    def __init__(self) -> None:
        self.curie = Curies(lambda local: local and not local.startswith("//"))

    def __call__(self, iri: str) -> str:
        return self.curie(iri) or iri

    def value(self, term: Object) -> Any:
        if isinstance(term, Literal):
            if term.lang:
                return {"@language": term.lang, "@value": term.value}
            if term.datatype == XSD_STRING or term.datatype == RDF_LANGSTRING:
                return term.value
            return {"@type": self(term.datatype), "@value": term.value}
        return {"@id": self(term)}


def node_objects(graph: NoticeGraph, curie: _Curie | None = None) -> list[dict[str, Any]]:
    """The notice's nodes as compacted JSON-LD node objects, the document first."""
    c = curie or _Curie()
    nodes: dict[str, dict[str, list[Any]]] = {}
    for s, p, o in graph.triples:
        node = nodes.setdefault(s, {})
        if p == RDF_TYPE:
            node.setdefault("@type", []).append(c(str(o)))
        else:
            node.setdefault(c(p), []).append(c.value(o))
    ordered = sorted(nodes, key=lambda s: (s != graph.iri, s))
    out = []
    for s in ordered:
        obj: dict[str, Any] = {"@id": c(s)}
        for key, values in nodes[s].items():
            obj[key] = values[0] if len(values) == 1 else values
        out.append(obj)
    return out


def write_jsonld(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as one JSON-LD document ``{"@context": …, "@graph": […]}``."""
    curie = _Curie()
    ctx = json.dumps(context(), ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  ")
    out.write(f'{{\n  "@context": {ctx},\n  "@graph": ['.encode())
    first = True
    for graph in graphs:
        for node in node_objects(graph, curie):
            text = json.dumps(node, ensure_ascii=False, sort_keys=True)
            out.write(("\n    " if first else ",\n    ").encode() + text.encode("utf-8"))
            first = False
    out.write(b"\n  ]\n}\n" if not first else b"]\n}\n")
