"""Map a notice to RDF in Dublin Core terms, BIBO and schema.org at once.

One module per vocabulary (:mod:`.dcterms`, :mod:`.bibo`, :mod:`.schema`), all driven by the
crosswalk in ``vocab/crosswalk.csv``. The result is a :class:`NoticeGraph`: the document IRI and
the notice's triples — the document and every node it uses (people, journal, concepts…), so each
notice's graph stands on its own — sorted, with no duplicates and no blank nodes.

IRIs (see ``docs/identifiers.md``; the rules are in :mod:`notice_ld.iris`): the document IRI is
the resolver IRI of the notice's own identifier or the configured template; people,
organisations, journals and concepts with a persistent identifier use its IRI (ORCID, ROR, ISSN
portal…); the others, and auxiliary nodes (author sequence, PropertyValue, issue, volume), get
deterministic IRIs under ``Config.base_iri``.

>>> from notice_ld.model import Notice
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "type": "article",
...                       "titles": [{"value": "Produire des savoirs", "lang": "fr"}]})
>>> g = map_notice(n)
>>> g.iri
'https://hdl.handle.net/10670/1.jt89mr'
>>> ("https://hdl.handle.net/10670/1.jt89mr", "http://schema.org/headline",
...  Literal("Produire des savoirs", RDF_LANGSTRING, "fr")) in g.triples
True
"""

from __future__ import annotations

from dataclasses import dataclass

from notice_ld.config import Config, Profile
from notice_ld.iris import document_iri
from notice_ld.mapping import bibo, dcterms, schema
from notice_ld.mapping._engine import Builder
from notice_ld.model import Notice
from notice_ld.terms import RDF_LANGSTRING, Literal, Triple, triple_key

__all__ = ["NoticeGraph", "document_iri", "map_notice"]

_DEFAULT = Config()
_EMITTERS = ((Profile.DCTERMS, dcterms.emit), (Profile.BIBO, bibo.emit), (Profile.SCHEMA, schema.emit))
_ = (RDF_LANGSTRING, Literal)  # re-exported for the doctest above


@dataclass(frozen=True, slots=True)
class NoticeGraph:
    """The RDF of one notice: its IRI, its named-graph IRI, the notice, and its sorted triples.

    ``graph`` names the notice's graph in N-Quads and in triple stores; it is minted from the
    document IRI under ``Config.base_iri`` (:meth:`notice_ld.iris.IriRules.graph`), so it is the
    same on every run.
    """

    iri: str
    graph: str
    notice: Notice
    config: Config
    triples: tuple[Triple, ...]

    def __len__(self) -> int:
        return len(self.triples)


def map_notice(notice: Notice, config: Config = _DEFAULT) -> NoticeGraph:
    """Map ``notice`` to its triples in the configured profiles (all three by default)."""
    builder = Builder(notice, config)
    for profile, emit in _EMITTERS:
        if profile in config.profiles:
            emit(builder)
    triples = sorted(set(builder.triples), key=triple_key)
    graph = builder.rules.graph(builder.doc)
    return NoticeGraph(iri=builder.doc, graph=graph, notice=notice, config=config, triples=tuple(triples))
