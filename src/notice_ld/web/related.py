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

import hashlib
import heapq
import itertools
import os
import sqlite3
import threading
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from notice_ld import identifiers as ids
from notice_ld.config import Config
from notice_ld.errors import RecordError
from notice_ld.iris import identifier_of_document, iri_rules
from notice_ld.mapping import NoticeGraph
from notice_ld.model import Notice
from notice_ld.related import RelatedBy
from notice_ld.web.paths import notice_path

if TYPE_CHECKING:
    from notice_ld.stores import Store

__all__ = ["InputRelated", "RelatedLink", "RelatedSource", "StoreRelated"]

_KINDS = tuple(RelatedBy)  # page order: the packed keys of a notice follow it

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

    def related(self, graph: NoticeGraph, by: RelatedBy, limit: int = 10) -> list[RelatedLink]:
        """Notices sharing ``by`` (creators, subjects, disciplines) with ``graph``'s notice."""
        ...


def _title(notice: Notice, lang: str | None) -> str:
    from notice_ld.model import pick_text

    chosen = pick_text(notice.titles, lang)
    return (chosen or notice.titles[0]).value


def _in(head: str, n: int) -> str:
    """``head IN (?, ?, …)``: only placeholders are ever formatted into the SQL text."""
    return f"{head} IN ({', '.join('?' * n)})"


class InputRelated:
    """Related links computed from the notices of the input (see the module docs).

    Call :meth:`add` for every notice (a duplicate identifier is refused: ``False``), then
    :meth:`related`. Ties are broken in IRI order, as the store does.

    The index lives in a SQLite database, ``path`` (a private temporary file by default), so
    memory stays flat however many notices are indexed: per notice a row (IRI, page path,
    title, the 64-bit keys of its creators, subjects and disciplines) and a posting per key.
    Postings are read back per page, the long ones (popular disciplines) cached up to
    ``cache_entries`` ranks in all (8 MiB by default), and up to a quarter of that as sets for
    the intersections of popular keys. Keys are the first 8 bytes of the BLAKE2b digest of the
    creator or concept IRI: two IRIs would have to collide on 64 bits to be confused.
    Safe to share between threads.
    """

    _LARGE = 4000  # postings longer than this are intersected as sets, not counted
    _CACHED = 64  # postings longer than this are kept in the cache

    def __init__(
        self,
        config: Config = _DEFAULT,
        lang: str | None = None,
        *,
        path: str | os.PathLike[str] = "",
        cache_entries: int = 1 << 20,
    ) -> None:
        self._setup(config, lang, cache_entries)
        self._db = sqlite3.connect(os.fspath(path), isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-4096", "temp_store=FILE"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.executescript(
            """
            CREATE TABLE docs(ord INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
                              title TEXT NOT NULL, keys BLOB NOT NULL);
            CREATE TABLE post(key INTEGER NOT NULL, ord INTEGER NOT NULL);
            """
        )
        self._db.execute("BEGIN")

    def _setup(self, config: Config, lang: str | None, cache_entries: int) -> None:
        self.config = config
        self.lang = lang
        self.cache_entries = cache_entries
        self.readonly = False
        self._count = 0
        self._frozen = False
        self._lock = threading.Lock()
        self._cache: OrderedDict[int, array[int]] = OrderedDict()
        self._cached = 0
        self._sets: OrderedDict[int, frozenset[int]] = OrderedDict()
        self._in_sets = 0
        self._short: dict[int, array[int]] = {}
        self._last: tuple[str, tuple[int, tuple[list[int], ...]] | None] | None = None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        config: Config = _DEFAULT,
        lang: str | None = None,
        *,
        cache_entries: int = 1 << 20,
    ) -> InputRelated:
        """A read-only view of an index another connection built and :meth:`freeze` d at ``path``
        (what the worker processes of a site build use)."""
        from pathlib import Path

        self = cls.__new__(cls)
        self._setup(config, lang, cache_entries)
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        self._db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA cache_size=-4096")
        (self._count,) = self._db.execute("SELECT COUNT(*) FROM docs").fetchone()
        self.readonly = True
        self._frozen = True
        return self

    def freeze(self) -> None:
        """Rank and index what was added, and commit it (readable by :meth:`open` from now on)."""
        with self._lock:
            self._freeze()
            if self._db.in_transaction:
                self._db.execute("COMMIT")

    def __len__(self) -> int:
        return self._count

    def __contains__(self, iri: object) -> bool:
        if not isinstance(iri, str):
            return False
        with self._lock:
            return self._db.execute("SELECT 1 FROM docs WHERE iri = ?", (iri,)).fetchone() is not None

    def close(self) -> None:
        """Close the database (a temporary one is removed)."""
        with self._lock:
            self._db.close()

    @staticmethod
    def _key(kind: str, value: str) -> int:
        digest = hashlib.blake2b(f"{kind}|{value}".encode(), digest_size=8).digest()
        return int.from_bytes(digest, "little", signed=True)

    def add(self, notice: Notice) -> bool:
        """Index one notice; ``False`` (and nothing indexed) if its document IRI is already there."""
        rules = iri_rules(self.config)
        doc = rules.document(notice.id)
        key = self._key
        creators = tuple(dict.fromkeys(key("c", node.iri) for node in rules.agents(notice).creators))
        disciplines = [rules.concept(c) for c in notice.disciplines]
        subjects = [rules.concept(c) for c in notice.subjects]
        # what the page asks for: its subject concepts that are not also disciplines
        page_subjects = tuple(dict.fromkeys(key("s", s) for s in subjects if s not in disciplines))
        page_disciplines = tuple(dict.fromkeys(key("d", d) for d in disciplines))
        # what others match on: any subject concept, disciplines included (dcterms:subject)
        matched = dict.fromkeys(
            (*creators, *page_disciplines, *(key("s", s) for s in (*subjects, *disciplines)))
        )
        packed = array("q", [len(creators), len(page_subjects), *creators, *page_subjects, *page_disciplines])
        if self.readonly:
            raise ValueError("this related-links index was opened read-only")
        with self._lock:
            if not self._db.in_transaction:
                self._db.execute("BEGIN")
            ordinal = self._count
            cursor = self._db.execute(
                "INSERT OR IGNORE INTO docs(ord, iri, path, title, keys) VALUES (?, ?, ?, ?, ?)",
                (ordinal, doc, notice_path(notice.id), _title(notice, self.lang)[:300], packed.tobytes()),
            )
            if cursor.rowcount != 1:
                return False
            self._db.executemany("INSERT INTO post(key, ord) VALUES (?, ?)", [(k, ordinal) for k in matched])
            self._count += 1
            self._frozen = False
        return True

    def _freeze(self) -> None:
        """Rank the notices in IRI order and index the postings by rank (after the last add)."""
        if self._frozen:
            return
        self._db.executescript(
            """
            DROP TABLE IF EXISTS ranked; DROP TABLE IF EXISTS postings; DROP TABLE IF EXISTS sizes;
            CREATE TABLE ranked(rank INTEGER PRIMARY KEY, ord INTEGER NOT NULL UNIQUE);
            INSERT INTO ranked(rank, ord) SELECT ROW_NUMBER() OVER (ORDER BY iri) - 1, ord FROM docs;
            CREATE TABLE postings(key INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (key, rank))
                WITHOUT ROWID;
            INSERT INTO postings(key, rank)
                SELECT p.key, r.rank FROM post AS p JOIN ranked AS r ON r.ord = p.ord ORDER BY 1, 2;
            CREATE TABLE sizes(key INTEGER PRIMARY KEY, n INTEGER NOT NULL);
            INSERT INTO sizes(key, n) SELECT key, COUNT(*) FROM postings GROUP BY key;
            """
        )
        self._cache.clear()
        self._sets.clear()
        self._in_sets = 0
        self._short = {}
        self._last = None
        self._cached = 0
        self._frozen = True

    def _postings(self, key: int) -> array[int]:
        short = self._short.get(key)
        if short is not None:
            return short
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        ranks = array(
            "q", (r for (r,) in self._db.execute("SELECT rank FROM postings WHERE key = ?", (key,)))
        )
        if len(ranks) > self._CACHED:
            self._cache[key] = ranks
            self._cached += len(ranks)
            while self._cached > self.cache_entries and len(self._cache) > 1:
                gone, dropped = self._cache.popitem(last=False)
                self._cached -= len(dropped)
                dropped_set = self._sets.pop(gone, None)
                if dropped_set is not None:
                    self._in_sets -= len(dropped_set)
        return ranks

    def _set(self, key: int) -> frozenset[int]:
        found = self._sets.get(key)
        if found is None:
            found = frozenset(self._postings(key))
            self._in_sets += len(found)
            # sets of Python ints weigh ~60 bytes an element: a fixed budget, oldest out first
            while self._sets and self._in_sets > self.cache_entries // 4:
                _, dropped = self._sets.popitem(last=False)
                self._in_sets -= len(dropped)
            self._sets[key] = found
        else:
            self._sets.move_to_end(key)
        return found

    def _top(self, me: int, keys: list[int], limit: int) -> list[tuple[int, int]]:
        """``(rank, shared)`` of the best ``limit`` others, most shared first, then by rank."""
        if len(keys) == 1:  # one key shared: the first others in rank order
            return [(r, 1) for r in itertools.islice((r for r in self._postings(keys[0]) if r != me), limit)]
        if sum(len(self._postings(k)) for k in keys) <= self._LARGE or len(keys) > 8:
            counts = Counter(r for k in keys for r in self._postings(k))
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
        merged: Iterator[int] = heapq.merge(*(self._postings(k) for k in keys))
        for r in merged:
            if r not in taken:
                taken.add(r)
                found.append((r, 1))
                if len(found) >= limit:
                    break
        return found

    def _page(self, iri: str) -> tuple[int, tuple[list[int], ...]] | None:
        """The rank of the notice ``iri`` and its keys per kind (those shared with another
        notice only), with their postings fetched (one query for all the short ones)."""
        if self._last is not None and self._last[0] == iri:
            return self._last[1]
        row = self._db.execute(
            "SELECT r.rank, d.keys FROM docs AS d JOIN ranked AS r ON r.ord = d.ord WHERE d.iri = ?", (iri,)
        ).fetchone()
        found: tuple[int, tuple[list[int], ...]] | None = None
        if row is not None:
            me, packed = row
            keys_of = array("q")
            keys_of.frombytes(packed)
            n_creators, n_subjects = keys_of[0], keys_of[1]
            bounds = (2, 2 + n_creators, 2 + n_creators + n_subjects, len(keys_of))
            every = list(dict.fromkeys(keys_of[2:]))
            sizes = (
                dict(self._db.execute(_in("SELECT key, n FROM sizes WHERE key", len(every)), every))
                if every
                else {}
            )
            short = [k for k in every if 1 < sizes.get(k, 0) <= self._CACHED]
            if short:
                fetched: dict[int, array[int]] = {k: array("q") for k in short}
                for key, rank in self._db.execute(
                    _in("SELECT key, rank FROM postings WHERE key", len(short)), short
                ):
                    fetched[key].append(rank)
                self._short = fetched
            else:
                self._short = {}
            per_kind = tuple(
                [k for k in keys_of[bounds[i] : bounds[i + 1]] if sizes.get(k, 0) > 1]
                for i in range(len(_KINDS))
            )
            found = (me, per_kind)
        self._last = (iri, found)
        return found

    def related(self, graph: NoticeGraph, by: RelatedBy | str, limit: int = 10) -> list[RelatedLink]:
        """The notices of the input sharing ``by`` with ``graph``'s notice."""
        chosen = by if isinstance(by, RelatedBy) else RelatedBy.from_name(by)
        with self._lock:
            self._freeze()
            page = self._page(graph.iri)
            if page is None:
                return []
            me, per_kind = page
            keys = list(dict.fromkeys(per_kind[_KINDS.index(chosen)]))
            if not keys:
                return []
            top = self._top(me, keys, limit)
            if not top:
                return []
            head = (
                "SELECT r.rank, d.iri, d.path, d.title FROM ranked AS r JOIN docs AS d ON d.ord = r.ord"
                " WHERE r.rank"
            )
            rows = self._db.execute(_in(head, len(top)), [r for r, _ in top]).fetchall()
        found = {rank: (iri, path, title) for rank, iri, path, title in rows}
        return [RelatedLink(*found[r], shared) for r, shared in top]


class StoreRelated:
    """Related links from a triple store's ``related`` query (:mod:`notice_ld.stores.queries`)."""

    def __init__(self, store: Store, config: Config = _DEFAULT) -> None:
        self.store = store
        self.config = config

    def related(self, graph: NoticeGraph, by: RelatedBy | str, limit: int = 10) -> list[RelatedLink]:
        """Ask the store; each result's path is rebuilt from its document IRI."""
        out = []
        for iri, shared, title in _store_related(self.store, graph.notice.id, by, limit, self.config):
            identifier = identifier_of_document(iri, self.config)
            path = notice_path(identifier) if identifier is not None else None
            out.append(RelatedLink(iri, path, title, shared))
        return out


def _store_related(
    store: Store, identifier: ids.Identifier, by: RelatedBy | str, limit: int, config: Config
) -> list[tuple[str, int, str | None]]:
    """The one place this package calls the stores' ``related`` (issue 4's public function)."""
    from notice_ld.stores.queries import related

    try:
        text = identifier.iri if ids.parse(identifier.iri) == identifier else identifier.value
    except RecordError:
        text = identifier.value
    return [(r.iri, r.shared, r.title) for r in related(store, text, by, limit=limit, config=config)]
