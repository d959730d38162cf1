"""Triple stores: the embedded Oxigraph store by default, any SPARQL 1.1 server when one is not enough.

A store holds **one named graph per notice** (:attr:`notice_ld.mapping.NoticeGraph.graph`) and,
in the metadata graph :data:`META_GRAPH`, the content hash of each notice graph
(``<graph> dcterms:identifier "sha256:…"``). :func:`notice_ld.stores.load.load` uses the hashes
to send only what changed. Every implementation follows the small :class:`Store` protocol, and
:class:`StoreKind` names the kinds notice_ld opens, each with its typed options
(:class:`EmbeddedOptions` for a folder, :class:`RemoteOptions` for a server); callers can pass
their own :class:`Store` anywhere a store is expected.

>>> import tempfile
>>> from notice_ld.model import Notice
>>> from notice_ld.stores.load import load
>>> store = open_store(StoreKind.OXIGRAPH_EMBEDDED, EmbeddedOptions(tempfile.mkdtemp()))
>>> n = Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "Vie sociale", "lang": "fr"}]})
>>> load(store, [n]).counts()
{'added': 1, 'changed': 0, 'unchanged': 0, 'removed': 0, 'rejected': 0, 'invalid': 0, 'refused': 0}
>>> load(store, [n]).counts()["unchanged"]
1
>>> store.close()
"""

from __future__ import annotations

import enum
import hashlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, Literal, Protocol, TypeAlias, overload, runtime_checkable

from notice_ld.enums import member_named
from notice_ld.errors import RecordError, StoreError
from notice_ld.mapping import NoticeGraph
from notice_ld.terms import Triple
from notice_ld.vocabulary import DCTERMS, NLD

if TYPE_CHECKING:
    import random

    import requests

__all__ = [
    "HASH_PREDICATE",
    "META_GRAPH",
    "EmbeddedOptions",
    "Entry",
    "QueryResult",
    "RemoteOptions",
    "Store",
    "StoreKind",
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
    """One notice graph to write: its name, the notice's identifier, its content hash, whether
    the store lacks it, its triples in N-Triples and how many there are.

    ``new`` is ``True`` when the store holds no graph of that name (the loader checked), so a
    store may add the triples without removing anything first. An entry holds text, not the
    mapped notice, so that worker processes can prepare entries cheaply (see
    :func:`notice_ld.stores.parallel.load_parallel`).

    >>> from notice_ld.model import Notice
    >>> from notice_ld.mapping import map_notice
    >>> g = map_notice(Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]}))
    >>> entry = Entry.of(g, new=True)
    >>> entry.record, entry.size == len(g), entry.hash == content_hash(g)
    ('10670/1.jt89mr', True, True)
    """

    name: str
    record: str
    hash: str
    new: bool
    ntriples: str
    size: int

    @classmethod
    def of(cls, graph: NoticeGraph, *, new: bool, ntriples: str | None = None) -> Entry:
        """The entry of a mapped notice (``ntriples``: its N-Triples, when already written)."""
        if ntriples is None:
            from notice_ld.writers.text import ntriples_block

            ntriples = ntriples_block(graph)
        return cls(
            graph.graph, str(graph.notice.id), content_hash(graph, ntriples), new, ntriples, len(graph)
        )

    def nt(self) -> str:
        """The graph's triples in N-Triples."""
        return self.ntriples


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


class StoreKind(enum.Enum):
    """A kind of store notice_ld opens. The value is the name the CLI uses.

    >>> StoreKind.from_name("virtuoso").embedded, StoreKind.OXIGRAPH_EMBEDDED.embedded
    (False, True)
    >>> [k.value for k in StoreKind if not k.embedded]
    ['oxigraph', 'virtuoso', 'gsp']
    >>> StoreKind.from_name("mongodb")
    Traceback (most recent call last):
    ...
    notice_ld.errors.StoreError: unknown store kind 'mongodb'; use one of: oxigraph-embedded, ...
    """

    OXIGRAPH_EMBEDDED = "oxigraph-embedded"
    OXIGRAPH = "oxigraph"
    VIRTUOSO = "virtuoso"
    GSP = "gsp"

    @property
    def embedded(self) -> bool:
        """Whether the store is a folder on this machine (:class:`EmbeddedOptions`), not a
        server reached over HTTP (:class:`RemoteOptions`)."""
        return self is StoreKind.OXIGRAPH_EMBEDDED

    @property
    def options_type(self) -> type[EmbeddedOptions] | type[RemoteOptions]:
        """The options this kind is opened with."""
        return EmbeddedOptions if self.embedded else RemoteOptions

    @classmethod
    def from_name(cls, name: str) -> StoreKind:
        """Parse a kind name (``oxigraph-embedded``, ``oxigraph``, ``virtuoso``, ``gsp``)."""
        return member_named(cls, name, "store kind", StoreError)


@dataclass(frozen=True, slots=True)
class EmbeddedOptions:
    """How to open the embedded store: the folder it lives in (created if missing).

    >>> EmbeddedOptions("./notice-ld-store").location
    './notice-ld-store'
    """

    location: str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class RemoteOptions:
    """How to reach a SPARQL server (see :mod:`notice_ld.stores.remote`).

    ``endpoint`` is the server's base URL; ``query_url``, ``update_url`` and ``gsp_url`` override
    the services the kind derives from it. ``user`` / ``password`` enable HTTP authentication
    (``None``: the kind's default — ``dba`` for Virtuoso, none otherwise); ``digest`` chooses
    digest over basic authentication (``None``: the kind's default, digest for Virtuoso).
    ``timeout`` is per request (seconds); ``retries`` and ``max_wait`` bound the retries of one
    request (count and seconds); ``backoff`` is the first delay, doubled each time up to
    ``max_backoff``, with jitter. ``max_bytes`` bounds a request body, ``page_size`` the rows
    of one query page. ``resume`` is the resume file of a load (``None``: none). ``session``,
    ``rng`` and ``sleep`` can be injected (tests); ``probe`` checks at once that a SPARQL server
    answers.

    >>> options = RemoteOptions("http://127.0.0.1:7878", user="admin", password="secret")
    >>> options.timeout, options.user, "secret" in repr(options)  # the password is never shown
    (30.0, 'admin', False)
    """

    endpoint: str
    query_url: str | None = None
    update_url: str | None = None
    gsp_url: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    digest: bool | None = None
    timeout: float = 30.0
    retries: int = 8
    backoff: float = 0.5
    max_backoff: float = 30.0
    max_wait: float = 300.0
    max_bytes: int = 8 << 20
    page_size: int = 10_000
    resume: str | os.PathLike[str] | None = None
    session: requests.Session | None = field(default=None, repr=False, compare=False)
    rng: random.Random | None = field(default=None, repr=False, compare=False)
    sleep: Callable[[float], None] | None = field(default=None, repr=False, compare=False)
    probe: bool = True


_Embedded: TypeAlias = Literal[StoreKind.OXIGRAPH_EMBEDDED]
_Remote: TypeAlias = Literal[StoreKind.OXIGRAPH, StoreKind.VIRTUOSO, StoreKind.GSP]


@overload
def open_store(kind: _Embedded, options: EmbeddedOptions) -> Store: ...
@overload
def open_store(kind: _Remote, options: RemoteOptions) -> Store: ...
def open_store(kind: StoreKind, options: EmbeddedOptions | RemoteOptions) -> Store:
    """Open a store of ``kind`` with its options: :class:`EmbeddedOptions` for the embedded
    store, :class:`RemoteOptions` for a server (a type checker sees a mismatch; so does this
    function, at run time).

    >>> open_store(StoreKind.OXIGRAPH_EMBEDDED, RemoteOptions("http://127.0.0.1:9"))
    Traceback (most recent call last):
    ...
    notice_ld.errors.StoreError: the oxigraph-embedded store is opened with EmbeddedOptions, not RemoteOptions
    """
    if not isinstance(options, kind.options_type):
        wanted, given = kind.options_type.__name__, type(options).__name__
        raise StoreError(f"the {kind.value} store is opened with {wanted}, not {given}")
    if isinstance(options, EmbeddedOptions):
        from notice_ld.stores.embedded import EmbeddedStore

        return EmbeddedStore(options.location)
    from notice_ld.stores.remote import open_remote

    return open_remote(kind, options)
