"""The full graph as JSON-LD, compacted with the bundled notice_ld context.

The context (``vocab/contexts/notice_ld.jsonld``) defines only the fixed prefixes, so every key is
a CURIE of the vocabulary it comes from (``dcterms:title``, ``schema:name``…) and the document
reads as the Turtle does. Nodes are written one by one (streaming) as pyld would compact them;
tests prove that pyld's ``to_rdf`` of this output is the same graph as the Turtle.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import groupby
from operator import itemgetter
from typing import IO

from notice_ld.crosswalk import Curies, prefixes
from notice_ld.formats import Format
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import RDF_LANGSTRING, RDF_TYPE, XSD_STRING, Literal, Object
from notice_ld.writers.stream import Codec

__all__ = ["Curie", "JsonLdCodec", "context", "node_texts", "write_jsonld"]


def context() -> dict[str, str]:
    """The bundled context: prefix → namespace, sorted."""
    return dict(prefixes())


_ENCODE: Callable[[str], str] = json.encoder.encode_basestring
"""JSON string encoding, exactly as ``json.dumps(..., ensure_ascii=False)`` writes strings (C code)."""


class Curie:
    """JSON-LD compact IRIs: any local name that does not start with ``//``."""

    def __init__(self) -> None:
        self.curie = Curies(lambda local: local and not local.startswith("//"))

    def __call__(self, iri: str) -> str:
        return self.curie(iri) or iri

    def value(self, term: Object) -> str:
        """The compacted value object of ``term`` as JSON text."""
        if isinstance(term, Literal):
            if term.lang:
                return f'{{"@language": {_ENCODE(term.lang)}, "@value": {_ENCODE(term.value)}}}'
            if term.datatype == XSD_STRING or term.datatype == RDF_LANGSTRING:
                return _ENCODE(term.value)
            return f'{{"@type": {_ENCODE(self(term.datatype))}, "@value": {_ENCODE(term.value)}}}'
        return f'{{"@id": {_ENCODE(self(term))}}}'


def node_texts(graph: NoticeGraph, curie: Curie | None = None) -> list[str]:
    """The notice's nodes as compacted JSON-LD node objects (JSON text), the document first.

    Written directly as text: keys sorted (``@id``, ``@type``, then the CURIEs), one value or a
    list of values in triple order — byte for byte what ``json.dumps(node, ensure_ascii=False,
    sort_keys=True)`` gives for the same node, at a fraction of the cost.
    """
    c = curie or Curie()
    nodes: list[tuple[bool, str, str]] = []
    for subject, group in groupby(graph.triples, key=itemgetter(0)):
        keys: dict[str, list[str]] = {}
        for _, p, o in group:
            if p == RDF_TYPE:
                keys.setdefault("@type", []).append(_ENCODE(c(str(o))))
            else:
                keys.setdefault(c(p), []).append(c.value(o))
        members = [f'"@id": {_ENCODE(c(subject))}']
        for key in sorted(keys):
            values = keys[key]
            text = values[0] if len(values) == 1 else f"[{', '.join(values)}]"
            members.append(f"{_ENCODE(key)}: {text}")
        nodes.append((subject != graph.iri, subject, "{" + ", ".join(members) + "}"))
    nodes.sort()
    return [text for _, _, text in nodes]


class JsonLdCodec(Codec):
    """JSON-LD: ``{"@context": …, "@graph": [`` then one node object per line, ``]}``."""

    format = Format.JSON_LD
    lead = b",\n    "
    first_lead = b"\n    "

    def __init__(self) -> None:
        self.curie = Curie()
        ctx = json.dumps(context(), ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  ")
        self._header = f'{{\n  "@context": {ctx},\n  "@graph": ['.encode()

    def header(self) -> bytes:
        return self._header

    def item(self, graph: NoticeGraph) -> bytes:
        return ",\n    ".join(node_texts(graph, self.curie)).encode("utf-8")

    def footer(self, empty: bool) -> bytes:
        return b"]\n}\n" if empty else b"\n  ]\n}\n"


def write_jsonld(graphs: Iterable[NoticeGraph], out: IO[bytes], lang: str | None = None) -> None:
    """Write notices as one JSON-LD document ``{"@context": …, "@graph": […]}``, a node per line."""
    JsonLdCodec().write(graphs, out)
