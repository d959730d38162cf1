"""Where the server finds notices: a :class:`NoticeSource`.

:class:`MemorySource` holds notices read from input files; :class:`StoreSource` asks a triple
store (:mod:`notice_ld.stores`). Each gives a notice by identifier, its related notices, the
rows of the index (:mod:`notice_ld.web.index`), the numbers of the dataset description and
every notice graph for the dumps (:mod:`notice_ld.web.dataset`).

>>> from notice_ld.model import Notice
>>> source = MemorySource([Notice.from_dict({"id": "10670/1.jt89mr", "titles": [{"value": "T"}]})])
>>> [row.path for row in source.listing(0, 10)], source.stats().documents
(['notice/handle/10670/1.jt89mr'], 1)
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.iris import document_iri, document_of_graph, identifier_of_document
from notice_ld.languages import Language
from notice_ld.mapping import NoticeGraph, map_notice
from notice_ld.model import Notice
from notice_ld.related import RelatedBy
from notice_ld.terms import RDF_TYPE
from notice_ld.web.dataset import DUMP_PATH, DatasetStats, DumpWriter, served_dumps, vocabularies
from notice_ld.web.index import IndexRow
from notice_ld.web.paths import notice_path
from notice_ld.web.related import InputRelated, RelatedLink, StoreRelated

if TYPE_CHECKING:
    from notice_ld.stores import Store

__all__ = ["MemorySource", "NoticeSource", "StoreSource"]

_DEFAULT = Config()


class NoticeSource(Protocol):
    """Where the app finds notices."""

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """The notice whose own identifier is ``identifier``, mapped, or ``None``."""
        ...

    def related(self, graph: NoticeGraph, by: RelatedBy, limit: int) -> list[RelatedLink]:
        """Related notices (see :mod:`notice_ld.web.related`)."""
        ...

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        """Up to ``limit`` rows of the index after the first ``offset``, in a stable order."""
        ...

    def listing_after(self, after: str, limit: int) -> list[IndexRow] | None:
        """Up to ``limit`` rows of the index that follow the document IRI ``after`` in the same
        order, found without counting the rows before (``None`` when the source cannot place
        ``after``)."""
        ...

    def stats(self) -> DatasetStats:
        """The numbers of the dataset description (the app caches them)."""
        ...

    def graphs(self) -> Iterator[NoticeGraph]:
        """Every notice graph, one at a time, in a stable order (the dump)."""
        ...


class MemorySource:
    """Notices held in memory (read from input files); related links computed from them.

    A second notice with the same identifier is ignored (the first wins), as in a static site.
    """

    def __init__(
        self, notices: Iterable[Notice], config: Config = _DEFAULT, lang: str | None = Language.FR
    ) -> None:
        self.config = config
        self._notices: dict[ids.Identifier, Notice] = {}
        self._index = InputRelated(config, lang)
        self._lang = lang
        for notice in notices:
            if notice.id not in self._notices and self._index.add(notice):
                self._notices[notice.id] = notice
        self._order = list(self._notices.values())
        # where each document is in the index (the keyset of ?after=; document IRIs are unique)
        self._position = {document_iri(n.id, config): i for i, n in enumerate(self._order)}

    def __len__(self) -> int:
        return len(self._notices)

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """Map the notice (the app caches what it renders)."""
        notice = self._notices.get(identifier)
        return None if notice is None else map_notice(notice, self.config)

    def related(self, graph: NoticeGraph, by: RelatedBy, limit: int) -> list[RelatedLink]:
        """From the in-memory index."""
        return self._index.related(graph, by, limit)

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        """The notices in input order, ``limit`` of them after the first ``offset``."""
        from notice_ld.model import pick_text

        out = []
        for notice in self._order[offset : offset + limit]:
            title = pick_text(notice.titles, self._lang) or notice.titles[0]
            iri = document_iri(notice.id, self.config)
            out.append(IndexRow(iri, notice_path(notice.id), title.value, title.lang))
        return out

    def listing_after(self, after: str, limit: int) -> list[IndexRow] | None:
        """The notices that follow the one whose document IRI is ``after``, in input order
        (``None`` if no notice has that IRI: input order cannot place another)."""
        position = self._position.get(after)
        return None if position is None else self.listing(position + 1, limit)

    def stats(self) -> DatasetStats:
        """Computed from the notices: each is mapped once, and written in every dump (sizes)."""
        triples = 0
        terms: set[str] = set()
        writers = {path: DumpWriter(d.format, gzip=d.gzip) for path, d in served_dumps().items()}
        sizes = {path: len(w.head()) for path, w in writers.items()}
        for graph in self.graphs():
            triples += len(graph.triples)
            for path, w in writers.items():
                sizes[path] += len(w.add(graph))
            for _, predicate, obj in graph.triples:
                terms.add(predicate)
                if predicate == RDF_TYPE:
                    terms.add(str(obj))
        for path, w in writers.items():
            sizes[path] += len(w.tail())
        first = document_iri(self._order[0].id, self.config) if self._order else None
        return DatasetStats(
            triples,
            len(self._order),
            vocabularies(terms),
            first,
            dump_bytes=sizes[DUMP_PATH],
            dump_sizes=tuple(sizes.items()),
        )

    def graphs(self) -> Iterator[NoticeGraph]:
        """Each notice mapped, in input order."""
        for notice in self._order:
            yield map_notice(notice, self.config)


class StoreSource:
    """Notices in a triple store (:func:`notice_ld.stores.queries.get`, ``related``, ``listing``).

    ``lang`` chooses the titles of the index; ``page_size`` is how many graph names the dump
    takes from the store at a time.
    """

    def __init__(
        self, store: Store, config: Config = _DEFAULT, lang: str | None = Language.FR, *, page_size: int = 500
    ) -> None:
        self.store = store
        self.config = config
        self.lang = lang
        self.page_size = page_size
        self._related = StoreRelated(store, config)

    def get(self, identifier: ids.Identifier) -> NoticeGraph | None:
        """The stored graph, with the notice rebuilt from it."""
        from notice_ld.stores.queries import get

        return get(self.store, _store_identifier(identifier), config=self.config)

    def related(self, graph: NoticeGraph, by: RelatedBy, limit: int) -> list[RelatedLink]:
        """The store's ``related`` query."""
        return self._related.related(graph, by, limit)

    def listing(self, offset: int, limit: int) -> list[IndexRow]:
        """A page of the store's :func:`~notice_ld.stores.queries.listing`, in document IRI order."""
        return self._rows(offset=offset, limit=limit)

    def _rows(self, *, limit: int, offset: int = 0, after: str | None = None) -> list[IndexRow]:
        from notice_ld.stores.queries import listing

        out = []
        rows = listing(
            self.store, offset=offset, limit=limit, lang=self.lang, config=self.config, after=after
        )
        for row in rows:
            identifier = identifier_of_document(row.iri, self.config)
            path = notice_path(identifier) if identifier is not None else None
            if row.title is None:
                out.append(IndexRow(row.iri, path, row.iri, None))
            else:
                out.append(IndexRow(row.iri, path, row.title, row.lang))
        return out

    def listing_after(self, after: str, limit: int) -> list[IndexRow]:
        """The store's :func:`~notice_ld.stores.queries.listing` of the documents whose IRI
        sorts after ``after`` (keyset: the store filters, it does not skip); any IRI places."""
        return self._rows(after=after, limit=limit)

    def stats(self) -> DatasetStats:
        """From SPARQL counts (:func:`~notice_ld.stores.queries.counts`); the dump's size is unknown."""
        from notice_ld.stores.queries import counts

        found = counts(self.store, config=self.config)
        return DatasetStats(
            triples=found.triples,
            documents=found.graphs,
            vocabularies=vocabularies((*found.predicates, *found.classes)),
            first=found.first,
        )

    def graphs(self) -> Iterator[NoticeGraph]:
        """Every notice graph of the store (:meth:`Store.hashes` order), its names read a page
        (``page_size``) at a time, with the notice rebuilt as :meth:`get` does.

        A graph that does not rebuild — none of its nodes is the document it is named after,
        e.g. a store loaded with another ``--base-iri`` — is reported on standard error and
        left out.
        """
        from notice_ld.mapping.reverse import notice_from_graph

        names = (name for name, _ in self.store.hashes())
        while page := list(itertools.islice(names, self.page_size)):
            for name in page:
                triples = self.store.triples(name)
                if triples is None:  # removed since its name was read
                    continue
                # the document: the subject the graph's name was minted from
                doc = document_of_graph(name, (s for s, _, _ in triples), self.config)
                try:
                    if doc is None:
                        raise RecordError(
                            record=name,
                            problem="no node of this graph is the document the graph is named after",
                            fix="serve the store with the configuration it was loaded with (--base-iri)",
                        )
                    notice = notice_from_graph(triples, doc, self.config)
                except RecordError as exc:
                    print(f"notice-ld: left out of the dump: {exc}", file=sys.stderr)
                    continue
                yield NoticeGraph(doc, name, notice, self.config, tuple(triples))


def _store_identifier(identifier: ids.Identifier) -> str:
    """The text form the store functions parse back to ``identifier``."""
    try:
        if ids.parse(identifier.iri) == identifier:
            return identifier.iri
    except RecordError:
        pass
    return identifier.value
