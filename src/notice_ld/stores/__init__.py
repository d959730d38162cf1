"""Triple stores: the embedded Oxigraph store by default, any SPARQL 1.1 server when one is not enough.

A store holds **one named graph per notice** (:attr:`notice_ld.mapping.NoticeGraph.graph`) and,
in the metadata graph :data:`META_GRAPH`, the content hash of each notice graph
(``<graph> dcterms:identifier "sha256:…"``). :func:`notice_ld.stores.load.load` uses the hashes
to send only what changed. Every implementation follows the small :class:`Store` protocol, and
one immutable registry maps a kind name to its implementation; callers can pass their own
:class:`Store` anywhere a store is expected.

>>> import tempfile
>>> from notice_ld.model import Notice
>>> from notice_ld.stores.load import load
>>> store = open_store("oxigraph-embedded", tempfile.mkdtemp())
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "Vie sociale", "lang": "fr"}]})
>>> load(store, [n]).counts()
{'added': 1, 'changed': 0, 'unchanged': 0, 'removed': 0, 'rejected': 0, 'invalid': 0, 'refused': 0}
>>> load(store, [n]).counts()["unchanged"]
1
>>> store.close()
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Final, Protocol, runtime_checkable

from notice_ld.errors import RecordError, StoreError
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import Triple
from notice_ld.vocabulary import DCTERMS, NLD

__all__ = [
    "HASH_PREDICATE",
    "KINDS",
    "META_GRAPH",
    "Entry",
    "QueryResult",
    "Store",
    "content_hash",
    "open_store",
]

META_GRAPH: Final = NLD.NS + "graphs"
"""The named graph where notice_ld keeps one content hash per notice graph."""

HASH_PREDICATE: Final = DCTERMS.identifier
"""``<notice graph> dcterms:identifier "sha256:<hex>"`` in :data:`META_GRAPH`."""


def content_hash(graph: NoticeGraph, ntriples: str | None = None) -> str:
    """The canonical content hash of a notice graph: SHA-256 of its sorted N-Triples lines.

    Notice graphs have no blank nodes, so sorting the N-Triples lines (code point order) is a
    canonical form; the hash does not depend on the graph's name or on the order of triples.

    >>> from notice_ld.model import Notice
    >>> from notice_ld.mapping import map_notice
    >>> g = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}))
    >>> h = content_hash(g)
    >>> h.startswith("sha256:"), len(h)
    (True, 71)
    """
    if ntriples is None:
        from notice_ld.writers.text import ntriples_block

        ntriples = ntriples_block(graph)
    lines = ntriples.splitlines(keepends=True)
    lines.sort()
    digest = hashlib.sha256("".join(lines).encode("utf-8"))
    return "sha256:" + digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """One notice graph to write: the graph, its content hash, and whether the store lacks it.

    ``new`` is ``True`` when the store holds no graph of that name (the loader checked), so a
    store may add the triples without removing anything first. ``ntriples`` is the graph in
    N-Triples when the loader already wrote it (to hash it), so stores need not write it again.
    """

    graph: NoticeGraph
    hash: str
    new: bool
    ntriples: str | None = None

    def nt(self) -> str:
        """The graph's triples in N-Triples."""
        if self.ntriples is not None:
            return self.ntriples
        from notice_ld.writers.text import ntriples_block

        return ntriples_block(self.graph)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a SPARQL query.

    ``kind`` is ``"select"``, ``"ask"`` or ``"graph"``. For ``select``: ``variables`` and ``rows``
    (each row a tuple of N-Triples terms, or ``None`` when unbound); for ``ask``: ``boolean``;
    for ``graph`` (CONSTRUCT/DESCRIBE): ``triples`` as N-Triples lines.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[str | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[str, ...] = ()

    def values(self, variable: str) -> list[str | None]:
        """The column of one variable.

        >>> QueryResult("select", ("x",), (("<http://a>",), (None,))).values("x")
        ['<http://a>', None]
        """
        index = self.variables.index(variable)
        return [row[index] for row in self.rows]


@runtime_checkable
class Store(Protocol):
    """What notice_ld needs from a triple store (see ``docs/stores.md``).

    * :meth:`hashes` — every notice graph the store holds, with its content hash;
    * :meth:`put` — write a batch: each entry's graph replaces the graph of the same name
      (never merged) and its hash is recorded; implementations make a batch as atomic as the
      store allows (the embedded store: all or nothing; a server: each graph all or nothing);
    * :meth:`flush` — make what was written durable (and finish pending bookkeeping);
    * :meth:`delete` — remove notice graphs and their hashes;
    * :meth:`triples` — one graph's triples (``None`` when the store does not have it);
    * :meth:`query` — run a SPARQL query;
    * :meth:`close` — release files and connections.
    """

    def hashes(self) -> Iterator[tuple[str, str]]:
        """``(graph IRI, content hash)`` for every notice graph in the store."""
        ...

    def put(self, batch: Sequence[Entry]) -> Sequence[RecordError]:
        """Replace each entry's graph with its triples and record its hash.

        Returns the entries the store refused (e.g. a notice too large for a server), each as a
        :class:`~notice_ld.errors.RecordError`; every other entry is written.
        """
        ...

    def delete(self, graphs: Sequence[str]) -> None:
        """Remove these notice graphs and their hashes (absent ones are ignored)."""
        ...

    def triples(self, graph: str) -> list[Triple] | None:
        """The triples of one named graph, or ``None`` if the store has no such graph."""
        ...

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 query."""
        ...

    def flush(self) -> None:
        """Make every write durable."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...


KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "oxigraph-embedded": "notice_ld.stores.embedded:EmbeddedStore",
        "oxigraph": "notice_ld.stores.remote:OxigraphServer",
        "virtuoso": "notice_ld.stores.remote:VirtuosoServer",
        "gsp": "notice_ld.stores.remote:GraphStoreServer",
    }
)
"""Store kinds: name → implementation (imported on first use)."""


def open_store(kind: str, location: str, **options: Any) -> Store:
    """Open a store of ``kind`` at ``location`` (a folder, or a server's base URL).

    ``options`` go to the implementation (``user``, ``password``, ``timeout``… for servers).

    >>> open_store("mongodb", "x")
    Traceback (most recent call last):
    ...
    notice_ld.errors.StoreError: unknown store kind 'mongodb'; use one of: oxigraph-embedded, ...
    """
    target = KINDS.get(kind)
    if target is None:
        raise StoreError(f"unknown store kind {kind!r}; use one of: {', '.join(KINDS)}")
    module, _, name = target.partition(":")
    factory = getattr(importlib.import_module(module), name)
    store: Store = factory(location, **options)
    return store
