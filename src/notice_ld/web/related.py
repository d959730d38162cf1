"""The "by the same authors / on the same subjects / in the same disciplines" links of a page.

Two sources give the same answer (the notices sharing the most creators, subjects or
disciplines, most shared first, then in IRI order — the store's ``related`` query):

* :class:`StoreRelated` asks a triple store (:func:`notice_ld.stores.queries.related`);
* :class:`InputRelated` computes it from the notices of the input, with a compact in-memory
  index built in a first pass (a few hundred bytes per notice; the notices themselves are not
  kept), for static sites built without a store.

>>> from notice_ld.model import Notice
>>> from notice_ld.mapping import map_notice
>>> person = {"family": "Jouet", "given": "Emmanuelle"}
>>> notices = [Notice.from_dict({"id": f"10670/1.{c * 6}", "titles": [{"value": c.upper()}],
...                              "creators": [person]}) for c in "abc"]
>>> index = InputRelated()
>>> for n in notices:
...     _ = index.add(n)
>>> [(r.title, r.shared, r.path) for r in index.related(map_notice(notices[0]), "creators")]
[('B', 1, 'notice/handle/10670/1.bbbbbb'), ('C', 1, 'notice/handle/10670/1.cccccc')]
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.mapping import NoticeGraph
from notice_ld.mapping._engine import Builder
from notice_ld.model import Notice
from notice_ld.web.paths import notice_path

if TYPE_CHECKING:
    from notice_ld.stores import Store

__all__ = ["BY", "InputRelated", "RelatedLink", "RelatedSource", "StoreRelated", "identifier_of_iri"]

BY: tuple[str, ...] = ("creators", "subjects", "disciplines")
"""The three kinds of related links, in page order."""

_DEFAULT = Config()


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """A related notice: its IRI, its site path (``None`` if unknown), a title, how much it shares."""

    iri: str
    path: str | None
    title: str | None
    shared: int


class RelatedSource(Protocol):
    """Where a page's related links come from."""

    def related(self, graph: NoticeGraph, by: str, limit: int = 10) -> list[RelatedLink]:
        """Notices sharing ``by`` (creators, subjects, disciplines) with ``graph``'s notice."""
        ...


def identifier_of_iri(iri: str, config: Config = _DEFAULT) -> ids.Identifier | None:
    """The notice identifier a document IRI was made from, or ``None``.

    >>> identifier_of_iri("https://hdl.handle.net/10670/1.jt89mr").value
    '10670/1.jt89mr'
    >>> cfg = Config(document_iri_template="https://isidore.science/document/{id}")
    >>> identifier_of_iri("https://isidore.science/document/10670/1.jt89mr", cfg).scheme.value
    'handle'
    """
    from urllib.parse import unquote

    text = iri
    template = config.document_iri_template
    if template is not None:
        head, _, tail = template.partition("{id}")
        if not (iri.startswith(head) and iri.endswith(tail)) or len(iri) < len(head) + len(tail):
            return None
        text = unquote(iri[len(head) : len(iri) - len(tail)])
    try:
        return ids.parse(text)
    except RecordError:
        return None


def _title(notice: Notice, lang: str | None) -> str:
    from notice_ld.writers.schema_jsonld import _pick

    chosen = _pick(notice.titles, lang)
    return (chosen or notice.titles[0]).value


class InputRelated:
    """Related links computed from the notices of the input (see the module docs).

    Call :meth:`add` for every notice (a duplicate identifier is refused: ``False``), then
    :meth:`related`. Ties are broken in IRI order, as the store does.
    """

    _LARGE = 4000  # postings longer than this are intersected as sets, not counted

    def __init__(self, config: Config = _DEFAULT, lang: str | None = None) -> None:
        self.config = config
        self.lang = lang
        self._key_ids: dict[str, int] = {}
        self._postings: list[list[int]] = []
        self._docs: list[tuple[str, str, str]] = []  # (iri, path, title)
        self._keys: list[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = []
        self._by_iri: dict[str, int] = {}
        self._rank: list[int] | None = None
        self._order: list[int] = []
        self._sets: dict[int, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, iri: object) -> bool:
        return iri in self._by_iri

    def _key(self, kind: str, value: str) -> int:
        key = f"{kind}|{value}"
        known = self._key_ids.get(key)
        if known is None:
            known = self._key_ids[key] = len(self._postings)
            self._postings.append([])
        return known

    def add(self, notice: Notice) -> bool:
        """Index one notice; ``False`` (and nothing indexed) if its document IRI is already there."""
        b = Builder(notice, self.config)
        if b.doc in self._by_iri:
            return False
        ordinal = len(self._docs)
        self._by_iri[b.doc] = ordinal
        self._docs.append((b.doc, notice_path(notice.id), _title(notice, self.lang)[:300]))
        creators = tuple(dict.fromkeys(self._key("c", b.agent_iri(a)) for a in notice.creators))
        disciplines = [b.concept_iri(c) for c in notice.disciplines]
        subjects = [b.concept_iri(c) for c in notice.subjects]
        # what the page asks for: its subject concepts that are not also disciplines
        page_subjects = tuple(dict.fromkeys(self._key("s", s) for s in subjects if s not in disciplines))
        page_disciplines = tuple(dict.fromkeys(self._key("d", d) for d in disciplines))
        for key in creators:
            self._postings[key].append(ordinal)
        for key in page_disciplines:
            self._postings[key].append(ordinal)
        # what others match on: any subject concept, disciplines included (dcterms:subject)
        for key in dict.fromkeys(self._key("s", s) for s in (*subjects, *disciplines)):
            self._postings[key].append(ordinal)
        self._keys.append((creators, page_subjects, page_disciplines))
        self._rank = None
        return True

    def _freeze(self) -> list[int]:
        if self._rank is None:
            order = sorted(range(len(self._docs)), key=lambda i: self._docs[i][0])
            rank = [0] * len(order)
            for position, ordinal in enumerate(order):
                rank[ordinal] = position
            self._order = order
            for postings in self._postings:
                postings[:] = sorted(rank[o] for o in postings)
            self._rank = rank
            self._sets = {}
        return self._rank

    def _set(self, key: int) -> frozenset[int]:
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = frozenset(self._postings[key])
        return found

    def _top(self, me: int, keys: list[int], limit: int) -> list[tuple[int, int]]:
        """``(rank, shared)`` of the best ``limit`` others, most shared first, then by rank."""
        postings = self._postings
        if sum(len(postings[k]) for k in keys) <= self._LARGE or len(keys) > 8:
            counts = Counter(r for k in keys for r in postings[k])
            counts.pop(me, None)
            best = heapq.nsmallest(limit, ((-n, r) for r, n in counts.items()))
            return [(r, -n) for n, r in best]
        found: list[tuple[int, int]] = []
        taken = {me}
        for size in range(len(keys), 1, -1):
            level: set[int] = set()
            for combo in itertools.combinations(keys, size):
                sets = sorted((self._set(k) for k in combo), key=len)
                level |= sets[0].intersection(*sets[1:])
            level -= taken
            for r in sorted(level)[: limit - len(found)]:
                found.append((r, size))
            taken |= level
            if len(found) >= limit:
                return found
        merged: Iterator[int] = heapq.merge(*(postings[k] for k in keys))
        for r in merged:
            if r not in taken:
                taken.add(r)
                found.append((r, 1))
                if len(found) >= limit:
                    break
        return found

    def related(self, graph: NoticeGraph, by: str, limit: int = 10) -> list[RelatedLink]:
        """The notices of the input sharing ``by`` with ``graph``'s notice."""
        if by not in BY:
            raise ValueError(f"related by {by!r}? use one of: {', '.join(BY)}")
        rank = self._freeze()
        ordinal = self._by_iri.get(graph.iri)
        if ordinal is None:
            return []
        keys = [k for k in self._keys[ordinal][BY.index(by)] if len(self._postings[k]) > 1]
        if not keys:
            return []
        out = []
        for r, shared in self._top(rank[ordinal], keys, limit):
            iri, path, title = self._docs[self._order[r]]
            out.append(RelatedLink(iri, path, title, shared))
        return out


class StoreRelated:
    """Related links from a triple store's ``related`` query (:mod:`notice_ld.stores.queries`)."""

    def __init__(self, store: Store, config: Config = _DEFAULT) -> None:
        self.store = store
        self.config = config

    def related(self, graph: NoticeGraph, by: str, limit: int = 10) -> list[RelatedLink]:
        """Ask the store; each result's path is rebuilt from its document IRI."""
        out = []
        for iri, shared, title in _store_related(self.store, graph.notice.id, by, limit, self.config):
            identifier = identifier_of_iri(iri, self.config)
            path = notice_path(identifier) if identifier is not None else None
            out.append(RelatedLink(iri, path, title, shared))
        return out


def _store_related(
    store: Store, identifier: ids.Identifier, by: str, limit: int, config: Config
) -> list[tuple[str, int, str | None]]:
    """The one place this package calls the stores' ``related`` (issue 4's public function)."""
    from notice_ld.stores.queries import related

    try:
        text = identifier.iri if ids.parse(identifier.iri) == identifier else identifier.value
    except RecordError:
        text = identifier.value
    return [(r.iri, r.shared, r.title) for r in related(store, text, by, limit=limit, config=config)]
