"""Duplicate identifiers in one run: the first record keeps its id, the later ones are rejected.

Two records are duplicates when their ids give the same document IRI (``10670/1.x`` and
``hdl:10670/1.x`` are one id; with ``--document-iri-template`` so are a DOI and a Handle of the
same text). In a run — every input, every part, any number of workers — the first record (in
input order) keeps the id and every later one is a :class:`~notice_ld.errors.RecordError` on its
field ``id`` that names both places, e.g. ``record 10670/1.x (b.jsonl:7), field id: the id is
already used by the record at a.jsonl:3``. A record's place is ``file:line`` in an uncompressed
JSON Lines file, else ``file, record N`` (the N-th record read from the file).

How a partitioned run gives the one-core result (:func:`exclusions`): each part rejects the
repeats it sees itself and reports the ids it saw first (:class:`Claimed`: a 64-bit hash of the
document IRI and a 64-bit place per id, sorted by hash — 16 bytes per notice, never the id
text). The parent merges the parts' sorted lists; an id seen first by several parts belongs to
the earliest, and only the parts holding a later copy run again, told which ids are taken and
where (duplicates are rare: the common case costs one merge). Within a run or part, the ids seen
are held in an :class:`IdTable`: open addressing over two arrays of 64-bit integers, 16 bytes a
slot, at most two thirds full (about 24–48 bytes per notice).

Two different IRIs share a 64-bit hash with probability about n²/2⁶⁵: one in three hundred
thousand for ten million notices.

>>> claims = Claims()
>>> claims.name(0, "a.jsonl", lines=True)
>>> claims.check(0, 3, "https://hdl.handle.net/10670/1.x") is None
True
>>> claims.check(0, 7, "https://hdl.handle.net/10670/1.x")
'a.jsonl:3'
"""

from __future__ import annotations

import hashlib
import heapq
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

from notice_ld.errors import RecordError
from notice_ld.model import Notice

__all__ = [
    "Claimed",
    "Claims",
    "IdTable",
    "duplicate_error",
    "exclusions",
    "id_key",
    "place_code",
    "place_text",
    "reruns",
]

_NUMBER_BITS = 40
_NUMBER_MASK = (1 << _NUMBER_BITS) - 1
_FIX = "give this record its own identifier, or merge it into the first record, which is kept"


def id_key(document: str) -> int:
    """The 64-bit key of a document IRI (never 0).

    >>> id_key("https://hdl.handle.net/10670/1.x") == id_key("https://hdl.handle.net/10670/1.x")
    True
    >>> 0 < id_key("https://hdl.handle.net/10670/1.x") < 2**64
    True
    """
    digest = hashlib.blake2b(document.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1


def place_code(source: int, number: int) -> int:
    """A record's place as one integer: the index of its source in the run, and its number
    (line, or rank) in the source.

    >>> place_code(2, 7) >> 40, place_code(2, 7) & (2**40 - 1)
    (2, 7)
    """
    return (source << _NUMBER_BITS) | (number & _NUMBER_MASK)


def place_text(path: str, lines: bool, number: int) -> str:
    """How a place is written: ``file:line`` (JSON Lines), ``file, record N``, or ``record N``
    (records given in memory: no path).

    >>> place_text("a.jsonl", True, 3), place_text("refs.bib", False, 2), place_text("", False, 2)
    ('a.jsonl:3', 'refs.bib, record 2', 'record 2')
    """
    if not path:
        return f"record {number}"
    return f"{path}:{number}" if lines else f"{path}, record {number}"


def duplicate_error(notice: Notice, place: str | None, first: str | None) -> RecordError:
    """The error for a record whose id an earlier record (at ``first``) already has.

    >>> n = Notice.from_dict({"id": "10670/1.x", "titles": [{"value": "T"}]})
    >>> print(duplicate_error(n, "b.jsonl:7", "a.jsonl:3"))
    record 10670/1.x (b.jsonl:7), field id: the id is already used by the record at a.jsonl:3 (fix: ...)
    >>> duplicate_error(n, None, None).problem
    'the id is already used by an earlier record'
    """
    record = str(notice.id) if place is None else f"{notice.id} ({place})"
    where = "an earlier record" if first is None else f"the record at {first}"
    return RecordError(record=record, field="id", problem=f"the id is already used by {where}", fix=_FIX)


class IdTable:
    """A map of 64-bit keys (never 0) to 64-bit values in two flat arrays (see the module docs).

    >>> table = IdTable()
    >>> table.add(5, 50), table.add(5, 51), table.get(5), len(table)
    (None, 50, 50, 1)
    >>> for key in range(6, 5000):
    ...     _ = table.add(key, key)
    >>> len(table), table.get(4999), table.get(5000)
    (4995, 4999, None)
    """

    __slots__ = ("_keys", "_mask", "_size", "_values")

    def __init__(self, capacity: int = 1024) -> None:
        size = 1
        while size < capacity:
            size *= 2
        self._keys = array("Q", bytes(8 * size))
        self._values = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def get(self, key: int) -> int | None:
        """The value of ``key``, or ``None``."""
        keys, mask = self._keys, self._mask
        slot = key & mask
        while True:
            found = keys[slot]
            if found == key:
                return self._values[slot]
            if not found:
                return None
            slot = (slot + 1) & mask

    def add(self, key: int, value: int) -> int | None:
        """Set ``key`` to ``value`` if it is new (``None``); else keep it and return its value."""
        if (self._size + 1) * 3 > (self._mask + 1) * 2:
            self._grow()
        keys, mask = self._keys, self._mask
        slot = key & mask
        while True:
            found = keys[slot]
            if found == key:
                return self._values[slot]
            if not found:
                keys[slot] = key
                self._values[slot] = value
                self._size += 1
                return None
            slot = (slot + 1) & mask

    def items(self) -> Iterator[tuple[int, int]]:
        """The keys and values, in no particular order."""
        for key, value in zip(self._keys, self._values, strict=True):
            if key:
                yield key, value

    def _grow(self) -> None:
        old = list(self.items())
        size = (self._mask + 1) * 2
        self._keys = array("Q", bytes(8 * size))
        self._values = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._size = 0
        for key, value in old:
            self.add(key, value)


@dataclass(frozen=True)
class Claimed:
    """The ids a part saw first, sorted: ``keys`` (64-bit hashes of document IRIs) and their
    ``places`` (:func:`place_code`, with the run's source indexes); ``names`` the part's sources
    (index in the run, path, numbered by line).

    >>> c = Claimed.from_bytes(Claimed(array("Q", [3, 9]), array("Q", [1, 2])).to_bytes())
    >>> list(c.keys), list(c.places)
    ([3, 9], [1, 2])
    """

    keys: array[int]
    places: array[int]
    names: tuple[tuple[int, str, bool], ...] = ()

    def to_bytes(self) -> bytes:
        """The keys then the places, little-endian (how directory outputs keep them)."""
        keys, places = array("Q", self.keys), array("Q", self.places)
        if array("H", [1]).tobytes() != b"\x01\x00":
            keys.byteswap()
            places.byteswap()
        return keys.tobytes() + places.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, names: tuple[tuple[int, str, bool], ...] = ()) -> Claimed:
        """The inverse of :meth:`to_bytes` (``names`` are kept apart)."""
        half = len(data) // 2
        keys, places = array("Q"), array("Q")
        keys.frombytes(data[:half])
        places.frombytes(data[half:])
        if array("H", [1]).tobytes() != b"\x01\x00":
            keys.byteswap()
            places.byteswap()
        return cls(keys, places, names)


class Claims:
    """The ids claimed so far in a run or in a part of one: the first record with an id keeps it.

    ``first_source`` is the index in the run of the first source this part reads; ``excluded``
    maps the keys of ids an earlier part holds to the place of their first record (see
    :func:`exclusions`).
    """

    def __init__(self, *, first_source: int = 0, excluded: Mapping[int, str] | None = None) -> None:
        self.first_source = first_source
        self.excluded = dict(excluded or {})
        self.table = IdTable()
        self._names: dict[int, tuple[str, bool]] = {}

    def name(self, source: int, path: str, *, lines: bool) -> None:
        """Say that source ``source`` of the run is ``path``, its records numbered by line or not."""
        self._names[source] = (path, lines)

    def place(self, code: int) -> str:
        """The text of a place (:func:`place_code`) of a named source."""
        path, lines = self._names[code >> _NUMBER_BITS]
        return place_text(path, lines, code & _NUMBER_MASK)

    def check(self, source: int, number: int, document: str) -> str | None:
        """``None`` if the record at ``number`` of ``source`` is the first with ``document``; else
        the place of the first."""
        key = id_key(document)
        earlier = self.table.add(key, place_code(source, number))
        first = self.excluded.get(key)
        if first is not None:
            return first
        return None if earlier is None else self.place(earlier)

    def claimed(self) -> Claimed:
        """The ids this run or part saw first, sorted by key."""
        pairs = sorted(self.table.items())
        names = tuple((index, path, lines) for index, (path, lines) in sorted(self._names.items()))
        return Claimed(array("Q", (k for k, _ in pairs)), array("Q", (p for _, p in pairs)), names)

    def absorb(self, parts: Sequence[Claimed]) -> None:
        """Take the ids of ``parts`` (later in the run than every id here) as claimed."""
        for part in parts:
            for index, path, lines in part.names:
                self._names[index] = (path, lines)
            for key, place in zip(part.keys, part.places, strict=True):
                self.table.add(key, place)


def reruns(parts: Sequence[Claimed], prior: Claims | None = None) -> dict[int, dict[int, str]]:
    """:func:`exclusions` of ``parts`` whose places are written from their names, also
    excluding the ids ``prior`` (the run's earlier inputs) holds.

    >>> a = Claimed(array("Q", [1]), array("Q", [place_code(0, 1)]), ((0, "a.jsonl", True),))
    >>> b = Claimed(array("Q", [1]), array("Q", [place_code(1, 4)]), ((1, "b.xml", False),))
    >>> reruns([a, b])
    {1: {1: 'a.jsonl:1'}}
    """
    names = {index: (path, lines) for part in parts for index, path, lines in part.names}

    def text(code: int) -> str:
        path, lines = names[code >> _NUMBER_BITS]
        return place_text(path, lines, code & _NUMBER_MASK)

    out = exclusions(parts, text)
    if prior is not None and len(prior.table):
        for index, part in enumerate(parts):
            for key in part.keys:
                earlier = prior.table.get(key)
                if earlier is not None:
                    out.setdefault(index, {})[key] = prior.place(earlier)
    return out


def exclusions(parts: Sequence[Claimed], text: Callable[[int], str]) -> dict[int, dict[int, str]]:
    """For each part holding a later copy of an id another part saw first, the keys it must
    reject and the place (written by ``text``) of the first record; parts with none are left out.

    >>> a = Claimed(array("Q", [1, 2]), array("Q", [place_code(0, 1), place_code(0, 2)]))
    >>> b = Claimed(array("Q", [2, 3]), array("Q", [place_code(1, 1), place_code(1, 2)]))
    >>> exclusions([a, b], lambda code: f"source {code >> 40} number {code & 0xFF}")
    {1: {2: 'source 0 number 2'}}
    """
    out: dict[int, dict[int, str]] = {}
    streams = [zip(part.keys, part.places, repeat(index)) for index, part in enumerate(parts)]
    previous_key, first_place = 0, 0
    for key, place, index in heapq.merge(*streams):
        if key == previous_key:
            out.setdefault(index, {})[key] = text(first_place)
        else:
            previous_key, first_place = key, place
    return out
