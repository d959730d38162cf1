"""Hand notices to the reference libraries: an rdflib ``Graph``/``Dataset`` or pyoxigraph quads.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T", "lang": "fr"}]})
>>> g = to_rdflib([n])
>>> len(g) == len(map_notice(n).triples)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from notice_ld.config import Config
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice

if TYPE_CHECKING:
    import pyoxigraph
    import rdflib

__all__ = ["to_oxigraph", "to_rdflib", "to_rdflib_dataset"]


def _graphs(items: Iterable[Notice | NoticeGraph], config: Config | None) -> Iterator[NoticeGraph]:
    cfg = config or Config()
    for item in items:
        yield item if isinstance(item, NoticeGraph) else map_notice(item, cfg)


def to_rdflib(notices: Iterable[Notice | NoticeGraph], *, config: Config | None = None) -> rdflib.Graph:
    """All notices' triples in one rdflib ``Graph`` (no prefixes bound but rdflib's own)."""
    from rdflib import Graph, URIRef

    from notice_ld.validation.rdf import to_rdflib_node  # the one term conversion

    graph = Graph(bind_namespaces="none")
    for item in _graphs(notices, config):
        for s, p, o in item.triples:
            graph.add((URIRef(s), URIRef(p), to_rdflib_node(o)))
    return graph


def to_rdflib_dataset(
    notices: Iterable[Notice | NoticeGraph], *, config: Config | None = None
) -> rdflib.Dataset:
    """An rdflib ``Dataset`` with one named graph per notice."""
    from rdflib import Dataset, URIRef

    from notice_ld.validation.rdf import to_rdflib_node

    dataset = Dataset()
    for item in _graphs(notices, config):
        g = dataset.graph(URIRef(item.graph))
        for s, p, o in item.triples:
            g.add((URIRef(s), URIRef(p), to_rdflib_node(o)))
    return dataset


def to_oxigraph(
    notices: Iterable[Notice | NoticeGraph], *, config: Config | None = None
) -> Iterator[pyoxigraph.Quad]:
    """Quads for pyoxigraph (each notice in its named graph), e.g. for ``Store.extend``."""
    import pyoxigraph as ox

    from notice_ld.writers.rdfxml import to_oxigraph_term

    for item in _graphs(notices, config):
        g = ox.NamedNode(item.graph)
        for s, p, o in item.triples:
            yield ox.Quad(ox.NamedNode(s), ox.NamedNode(p), to_oxigraph_term(o), g)
